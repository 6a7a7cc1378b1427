"""Where the shipped data files are: inside the installed package, or data/ in a checkout;
where the user's own go (beside the config file); reading and listing both."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

T = TypeVar("T")


def data_dir() -> Path:
    """The folder holding demo data, templates and the default deny-list."""
    packaged = Path(__file__).parent / "data"
    if packaged.is_dir():
        return packaged
    return Path(__file__).parent.parent / "data"


def read_text(path: Path, *, limit: int, what: str, label: str, error: type[Exception]) -> str:
    """A small UTF-8 file's text (a BOM dropped); ``error`` is one line starting ``label``.

    Args:
        path: The file.
        limit: The most bytes it may hold.
        what: What the file is, for the "too large" line: "a template", "a form".
        label: How the file is named in the error: its path or just its name.
        error: The exception raised when the file cannot be read, is too large or not UTF-8.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise error(f"{label}: cannot read ({exc.strerror})") from None
    if len(data) > limit:
        size = f"{limit >> 20} MB" if limit >= 1 << 20 else f"{limit >> 10} KB"
        raise error(f"{label}: too large for {what} (at most {size})")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise error(f"{label}: not UTF-8 text") from None


@dataclass(frozen=True, slots=True)
class FileEntry(Generic[T]):
    """A file as listed: what it loaded to, or why it cannot be used."""

    path: Path
    own: bool
    """The user's own file, not a shipped one."""
    loaded: T | None
    error: str | None
    name: str
    """What the loaded file is called (a template's name, a form's key), else the file's stem."""


@dataclass(frozen=True)
class FileKind(Generic[T]):
    """A kind of TOML file: shipped ones in ``data/FOLDER``, the user's own in ``FOLDER/``
    beside the config file, where a file hides a shipped one with the same name."""

    folder: str
    load: Callable[[Path, bool], T]
    """Reads one file, given its path and whether it is the user's."""
    error: type[Exception]
    """What ``load`` raises for a file that cannot be used."""
    name: Callable[[T], str]
    """What a loaded file is called."""

    def shipped_dir(self) -> Path:
        """The folder of the files that come with actionplan."""
        return data_dir() / self.folder

    def user_dir(self) -> Path:
        """The folder of the user's own files: ``FOLDER/`` beside the config file."""
        from actionplan.config import config_path

        return config_path().parent / self.folder

    def entries(
        self, *, shipped: Path | None = None, own: Path | None = None
    ) -> list[FileEntry[T]]:
        """Every ``*.toml`` file of the shipped folder and the user's own, loaded; broken ones
        too, with their one-line error. An unreadable folder has none.

        Args:
            shipped: The shipped folder (default :meth:`shipped_dir`).
            own: The user's folder (default :meth:`user_dir`).

        Returns:
            One entry per file name (case ignored), shipped ones first. Files that load to the
            same name (a form's key): the user's own one hides a shipped one, as a file of the
            same file name does; two of the user's own are both refused, each naming the other.
        """
        files: dict[str, tuple[Path, bool]] = {}
        for folder, mine in (
            (shipped or self.shipped_dir(), False),
            (own or self.user_dir(), True),
        ):
            try:
                found = sorted(folder.glob("*.toml"))
            except OSError:
                continue  # an unreadable folder has no files we can use
            for path in found:
                files[path.stem.lower()] = (path, mine)
        entries: list[FileEntry[T]] = []
        for path, mine in files.values():
            try:
                loaded = self.load(path, mine)
            except self.error as exc:
                entries.append(FileEntry(path, mine, None, str(exc), path.stem))
            else:
                entries.append(FileEntry(path, mine, loaded, None, self.name(loaded)))
        return _one_per_name(entries)


def _one_per_name(entries: list[FileEntry[T]]) -> list[FileEntry[T]]:
    """What a name means must not hang on the order files are read in (see ``entries``)."""
    named: dict[str, list[FileEntry[T]]] = {}
    for entry in entries:
        if entry.loaded is not None:
            named.setdefault(entry.name.lower(), []).append(entry)
    out: list[FileEntry[T]] = []
    for entry in entries:
        same = named.get(entry.name.lower(), [entry]) if entry.loaded is not None else [entry]
        if len(same) == 1:
            out.append(entry)
            continue
        own = [e for e in same if e.own]
        if len(own) == 1 and entry is own[0]:
            out.append(entry)  # yours hides the shipped one
        elif len(own) > 1 and entry.own:
            others = ", ".join(e.path.name for e in own if e is not entry)
            error = f"{entry.path.name}: {entry.name!r} is also the name in {others} (rename one)"
            out.append(FileEntry(entry.path, True, None, error, entry.name))
    return out
