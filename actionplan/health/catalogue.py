"""Which forms there are: shipped ones in ``data/health-forms``, the user's own in
``health-forms/`` beside the config file (a file of the same name hides a shipped one)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from actionplan.health.form import Form, FormError
from actionplan.health.loading import load_form
from actionplan.plan.errors import NotFound
from actionplan.text import quote


@dataclass(frozen=True, slots=True)
class FormEntry:
    """A form file as listed: the loaded form, or why it cannot be used."""

    path: Path
    own: bool
    form: Form | None
    error: str | None

    @property
    def key(self) -> str:
        """The form's key, or its file's stem when the file is broken."""
        return self.form.key if self.form else self.path.stem


def shipped_dir() -> Path:
    """The folder of the forms that come with actionplan."""
    from actionplan.resources import data_dir

    return data_dir() / "health-forms"


def user_dir() -> Path:
    """The folder of the user's own forms: ``health-forms/`` beside the config file."""
    from actionplan.config import config_path

    return config_path().parent / "health-forms"


def list_forms(*, shipped: Path | None = None, own: Path | None = None) -> list[FormEntry]:
    """Every form file, by key; broken ones too, with their one-line error."""
    files: dict[str, tuple[Path, bool]] = {}
    for folder, mine in ((shipped or shipped_dir(), False), (own or user_dir(), True)):
        try:
            found = sorted(folder.glob("*.toml"))
        except OSError:
            continue  # an unreadable folder has no forms we can use
        for path in found:
            files[path.stem.lower()] = (path, mine)
    entries = []
    for path, mine in files.values():
        try:
            entries.append(FormEntry(path, mine, load_form(path, own=mine), None))
        except FormError as exc:
            entries.append(FormEntry(path, mine, None, str(exc)))
    return sorted(entries, key=lambda e: e.key)


def find_form(name: str, entries: Sequence[FormEntry] | None = None) -> Form:
    """The form whose key, file name or title is ``name`` (case and outer spaces ignored).

    Raises:
        NotFound: no such form; the message offers the nearest keys.
        FormError: the form named is broken.
    """
    from actionplan.known import unknown
    from actionplan.names import nearest

    wanted = " ".join(name.split()).lower()
    listed = list_forms() if entries is None else list(entries)
    for entry in listed:
        names = {entry.key, entry.path.stem.lower()}
        if entry.form is not None:
            names.add(entry.form.title.lower())
        if wanted in names:
            if entry.form is None:
                raise FormError(entry.error or f"{entry.path.name}: cannot be used")
            return entry.form
    keys = [e.key for e in listed]
    titles = {e.form.title: e.key for e in listed if e.form is not None}
    near = nearest(name, [*keys, *titles])
    near = list(dict.fromkeys(titles.get(n, n) for n in near))
    message = unknown("form", name, near)
    if not near:
        message += f"; there are: {', '.join(map(quote, keys)) or 'none'}"
    raise NotFound(message)
