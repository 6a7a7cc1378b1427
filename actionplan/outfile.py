"""Writing output files safely: never over the live database, never half-written."""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path

_FORBIDDEN = set('/\\:*?"<>|')
_MAX_STEM = 80


class OutputError(ValueError):
    """An output file that cannot or must not be written; the message is one line."""


def check_target(target: Path, *, protect: Iterable[Path] = (), overwrite: bool = True) -> str:
    """Refuse a target we must not write, before anything is opened.

    Args:
        target: the file to be written.
        protect: files never to be written over (the live database and its companions).
        overwrite: when False, an existing file is refused.

    Returns:
        "stream" for a pipe or character device (write straight into it), else "file".

    Raises:
        OutputError: the target is protected, a folder, read-only, or not a plain file.
    """
    hit = _protected(target, protect)
    if hit is not None:
        raise OutputError(f"refusing to write over the live database ({hit})")
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        return "file"
    except OSError as exc:
        raise OutputError(f"cannot write {target}: {exc.strerror}") from None
    if stat.S_ISFIFO(mode) or stat.S_ISCHR(mode):
        return "stream"
    if stat.S_ISDIR(mode):
        raise OutputError(f"{target} is a folder; name a file")
    if not stat.S_ISREG(mode):
        raise OutputError(f"{target} is not a regular file; name a file")
    if not os.access(target, os.W_OK) or (os.geteuid() == 0 and not mode & 0o222):
        raise OutputError(f"{target} is read-only")
    if not overwrite:
        raise OutputError(f"{target} already exists")
    return "file"


def _protected(target: Path, protect: Iterable[Path]) -> Path | None:
    # samefile catches hard links and symlinks; realpath catches a name that does not exist
    # yet (a -wal file, a dangling link) but would land on a protected one.
    real = os.path.realpath(target)
    for path in protect:
        with contextlib.suppress(OSError):
            if os.path.samefile(target, path):
                return path
        if real == os.path.realpath(path):
            return path
    return None


def write_file(
    target: str | Path, data: bytes, *, protect: Iterable[Path] = (), overwrite: bool = True
) -> Path | None:
    """Write ``data`` to ``target`` (``-`` is standard output), complete or not at all.

    A pipe or character device is written straight; a file is written to a private temp file
    in the same folder and renamed over the target (mode 0600).

    Args:
        target: a file name, or ``-`` for standard output.
        data: the bytes to write.
        protect: files never to be written over (the live database and its companions).
        overwrite: when False, an existing file is refused.

    Returns:
        The path written, or None for standard output.

    Raises:
        OutputError: with a one-line reason; nothing partial is left at the target.
    """
    if str(target) == "-":
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return None
    path = Path(target)
    if check_target(path, protect=protect, overwrite=overwrite) == "stream":
        try:
            with path.open("wb") as fh:
                fh.write(data)
        except OSError as exc:
            raise OutputError(f"cannot write {path}: {exc.strerror}") from None
        return path
    return replace_atomically(path, lambda fd, _tmp: _write_all(fd, data))


def replace_atomically(target: Path, fill: Callable[[int, Path], object]) -> Path:
    """Fill a private temp file beside ``target``, then rename it into place.

    Args:
        target: the final file (its folder must exist).
        fill: called with the temp file's descriptor and path; writes the content.

    Returns:
        ``target``.

    Raises:
        OutputError: for a missing folder or any OSError; the temp file is always removed.
    """
    folder = target.parent
    if not folder.is_dir():
        raise OutputError(f"{folder} is not a folder" if folder.exists() else f"no folder {folder}")
    tmp: Path | None = None
    try:
        fd, name = tempfile.mkstemp(dir=folder, prefix=f".{target.name[:100]}.", suffix=".tmp")
        tmp = Path(name)
        try:
            fill(fd, tmp)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, target)
        tmp = None
        _sync_folder(folder)
    except OSError as exc:
        raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from None
    finally:
        if tmp is not None:
            # The temp name is ours alone, and so is a journal SQLite may have left beside it.
            for leftover in (tmp, tmp.with_name(f"{tmp.name}-journal")):
                _remove(leftover)
    return target


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _sync_folder(folder: Path) -> None:
    # Makes the rename itself durable; some systems cannot open a folder, which is fine.
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


def safe_stem(name: str) -> str:
    """A file-name stem for a client name, keeping what tells names apart.

    Path separators, characters Windows forbids, and control or invisible characters become
    ``_``; leading dots and spaces go; at most 80 characters; an empty result is ``client``.
    """
    chars = [
        "_" if ch in _FORBIDDEN or (ch != " " and unicodedata.category(ch)[0] in "CZ") else ch
        for ch in name
    ]
    stem = "".join(chars).lstrip(". ")[:_MAX_STEM].rstrip(" ")
    return stem or "client"


def unique_path(folder: Path, stem: str, suffix: str) -> Path:
    """A name in ``folder`` that is not taken yet: ``stem.suffix``, ``stem (2).suffix``, ..."""
    suffix = suffix if not suffix or suffix.startswith(".") else f".{suffix}"
    path, n = folder / f"{stem}{suffix}", 1
    while os.path.lexists(path):
        n += 1
        path = folder / f"{stem} ({n}){suffix}"
    return path


def write_new(folder: Path, stem: str, suffix: str, data: bytes) -> Path:
    """Write ``data`` to a new private file (0600) in ``folder``; never replaces a file.

    Args:
        folder: where to write; created (0700) when missing.
        stem: the file name without suffix (see ``safe_stem``).
        suffix: the extension, such as ``.md``.
        data: the bytes to write.

    Returns:
        The path of the new file.

    Raises:
        OutputError: with a one-line reason; a failed write leaves no file behind.
    """
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        raise OutputError(f"cannot create folder {folder}: {exc.strerror}") from None
    for _ in range(1000):
        path = unique_path(folder, stem, suffix)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            continue  # taken between the check and the create: pick the next name
        except OSError as exc:
            raise OutputError(f"cannot write {path}: {exc.strerror}") from None
        done = False
        try:
            _write_all(fd, data)
            os.fsync(fd)
            done = True
        except OSError as exc:
            raise OutputError(f"cannot write {path}: {exc.strerror}") from None
        finally:
            os.close(fd)
            if not done:
                _remove(path)
        return path
    raise OutputError(f"cannot find a free file name for {stem}{suffix} in {folder}")
