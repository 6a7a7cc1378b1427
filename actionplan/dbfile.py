"""The SQLite file's rules: a private (0600) regular file of ours, in folders only we can change.

Refused, each with a one-line reason: anything that is not a regular file (a FIFO would hang
SQLite's open for ever), a file or companion (-wal, -shm, -journal) owned by another user or
writable by other users, and a folder on the path that another user can write, unless it is
sticky (/tmp): there others cannot rename or remove what is ours.
"""

from __future__ import annotations

import grp
import os
import pwd
import stat
from pathlib import Path

SQLITE_MAGIC = b"SQLite format 3\x00"
COMPANIONS = ("-wal", "-shm", "-journal")


class UnsafeFile(ValueError):
    """The database file or its folder must not be used; the message is one line."""


def prepare_sqlite_file(path: Path) -> None:
    """Make ``path`` ready for SQLite: create it (0600) or check the file that is there.

    An existing empty file of ours is made 0600, since the plan is about to be written into it.

    Raises:
        UnsafeFile: with the reason the file or a folder on its path is refused.
    """
    _check_link(path)
    real = Path(os.path.realpath(path))
    _make_folders(real.parent, path)
    try:
        fd = os.open(real, os.O_CREAT | os.O_EXCL | os.O_WRONLY | os.O_NOFOLLOW, 0o600)
    except FileExistsError:
        _check_existing(real)
    except OSError as exc:
        raise UnsafeFile(f"cannot create {path}: {exc.strerror}") from None
    else:
        try:
            os.fchmod(fd, 0o600)
        finally:
            os.close(fd)
    for end in COMPANIONS:
        _check_companion(real.with_name(real.name + end))


def _check_link(path: Path) -> None:
    try:
        st = os.lstat(path)
    except OSError:
        return
    if stat.S_ISLNK(st.st_mode) and not _trusted_owner(st.st_uid):
        raise UnsafeFile(f"refusing {path}: it is a link made by another user")


def _make_folders(folder: Path, path: Path) -> None:
    """Check every folder on the way to the file ``path``; create the missing ones (0700)."""
    missing: list[Path] = []
    for parent in [folder, *folder.parents]:
        try:
            st = os.stat(parent)
        except FileNotFoundError:
            missing.append(parent)
            continue
        except OSError as exc:
            raise UnsafeFile(f"cannot use {parent}: {exc.strerror}") from None
        if not stat.S_ISDIR(st.st_mode):
            raise UnsafeFile(f"cannot create {path}: {parent} is a file, not a folder")
        _check_folder(parent, st)
    for parent in reversed(missing):
        try:
            os.mkdir(parent, 0o700)
        except FileExistsError:
            _check_folder(parent, os.stat(parent))
        except OSError as exc:
            raise UnsafeFile(f"cannot create {path}: folder {parent}: {exc.strerror}") from None


def _check_folder(folder: Path, st: os.stat_result) -> None:
    if not _trusted_owner(st.st_uid):
        raise UnsafeFile(
            f"refusing the database in {folder}: that folder belongs to another user "
            f"({_user(st.st_uid)}), who could replace the file"
        )
    if st.st_mode & stat.S_ISVTX:
        return  # sticky, like /tmp: only we may rename or remove our files in it
    _refuse_if_shared(st, f"the database in {folder}", what="that folder")


def _check_existing(real: Path) -> None:
    st = _own_file(real, "open")
    assert st is not None  # only a companion may be missing
    try:
        fd = os.open(real, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError as exc:
        raise UnsafeFile(f"cannot read {real}: {exc.strerror}") from None
    try:
        now = os.fstat(fd)
        if (now.st_dev, now.st_ino) != (st.st_dev, st.st_ino):
            raise UnsafeFile(f"refusing {real}: it was replaced while being opened")
        head = os.read(fd, len(SQLITE_MAGIC))
        if not head:
            os.fchmod(fd, 0o600)  # an empty file of ours: the plan goes into it, privately
            return
    except OSError as exc:
        raise UnsafeFile(f"cannot read {real}: {exc.strerror}") from None
    finally:
        os.close(fd)
    if head != SQLITE_MAGIC:
        raise UnsafeFile(f"{real} is not an actionplan database (not a SQLite file)")
    _refuse_if_shared(st, str(real), advice=f"; make it private with: chmod 600 {real}")


def _check_companion(path: Path) -> None:
    st = _own_file(path, "use", missing_ok=True)
    if st is not None:
        _refuse_if_shared(st, str(path))


def _own_file(path: Path, verb: str, *, missing_ok: bool = False) -> os.stat_result | None:
    """``path``'s status (not following a link), once it is known to be a regular file of ours.

    Returns:
        None when there is no such file and ``missing_ok``.
    """
    try:
        st = os.lstat(path)
    except OSError as exc:
        if missing_ok and isinstance(exc, FileNotFoundError):
            return None
        raise UnsafeFile(f"cannot {verb} {path}: {exc.strerror}") from None
    _check_regular(path, st)
    _check_ours(path, st)
    return st


def _refuse_if_shared(st: os.stat_result, whom: str, *, what: str = "it", advice: str = "") -> None:
    """Refuse ``whom`` when other users can write ``what`` (the file or folder of ``st``)."""
    if _others_can_write(st):
        mode = stat.S_IMODE(st.st_mode)
        raise UnsafeFile(f"refusing {whom}: other users can write {what} (mode {mode:04o}){advice}")


def _check_regular(path: Path, st: os.stat_result) -> None:
    mode = st.st_mode
    if stat.S_ISDIR(mode):
        raise UnsafeFile(f"{path} is a folder, not a database file")
    if not stat.S_ISREG(mode):
        kind = (
            "a FIFO (named pipe)"
            if stat.S_ISFIFO(mode)
            else "a device"
            if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
            else "a socket"
            if stat.S_ISSOCK(mode)
            else "a link that changed"
            if stat.S_ISLNK(mode)
            else "not a file"
        )
        raise UnsafeFile(f"refusing {path}: it is {kind}, not a regular file")


def _check_ours(path: Path, st: os.stat_result) -> None:
    if st.st_uid != os.geteuid():
        raise UnsafeFile(
            f"refusing {path}: it belongs to another user ({_user(st.st_uid)}); "
            "the plan must be in a file of your own"
        )


def _trusted_owner(uid: int) -> bool:
    return uid in (os.geteuid(), 0)


def _others_can_write(st: os.stat_result) -> bool:
    """True when someone other than us can write: other users, or a group that is not ours alone."""
    if st.st_mode & stat.S_IWOTH:
        return True
    return bool(st.st_mode & stat.S_IWGRP) and not _private_group(st.st_gid)


def _private_group(gid: int) -> bool:
    """Our own user-private group (named as we are, no other members), as on Fedora or Debian
    with umask 002: group-writable there means writable by us alone."""
    try:
        group = grp.getgrgid(gid)
        me = pwd.getpwuid(os.geteuid())
    except KeyError:
        return False
    return gid == me.pw_gid and group.gr_name == me.pw_name and set(group.gr_mem) <= {me.pw_name}


def _user(uid: int) -> str:
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return f"uid {uid}"
