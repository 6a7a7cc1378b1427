"""Which forms there are: shipped ones in ``data/health-forms``, the user's own in
``health-forms/`` beside the config file (a file of the same name hides a shipped one)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TypeAlias

from actionplan.health.form import Form, FormError
from actionplan.health.loading import load_form
from actionplan.plan.errors import NotFound
from actionplan.resources import FileEntry, FileKind
from actionplan.text import quote

FormEntry: TypeAlias = FileEntry[Form]
"""A form file as listed: the loaded form, or why it cannot be used; its key, or its file's stem
when the file is broken."""

_FILES: FileKind[Form] = FileKind(
    "health-forms", lambda path, mine: load_form(path, own=mine), FormError, lambda f: f.key
)
shipped_dir = _FILES.shipped_dir
"""The folder of the forms that come with actionplan."""
user_dir = _FILES.user_dir
"""The folder of the user's own forms: ``health-forms/`` beside the config file."""


def list_forms(*, shipped: Path | None = None, own: Path | None = None) -> list[FormEntry]:
    """Every form file, by key; broken ones too, with their one-line error."""
    return sorted(_FILES.entries(shipped=shipped, own=own), key=lambda e: e.name)


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
        names = {entry.name, entry.path.stem.lower()}
        if entry.loaded is not None:
            names.add(entry.loaded.title.lower())
        if wanted in names:
            if entry.loaded is None:
                raise FormError(entry.error or f"{entry.path.name}: cannot be used")
            return entry.loaded
    keys = [e.name for e in listed]
    titles = {e.loaded.title: e.name for e in listed if e.loaded is not None}
    near = nearest(name, [*keys, *titles])
    near = list(dict.fromkeys(titles.get(n, n) for n in near))
    message = unknown("form", name, near)
    if not near:
        message += f"; there are: {', '.join(map(quote, keys)) or 'none'}"
    raise NotFound(message)


def form_of_check(key: str, check_id: int) -> Form:
    """The form a saved check was made with.

    Raises:
        NotFound: its file is gone, said with what to do.
        FormError: its file is broken.
    """
    try:
        return find_form(key)
    except NotFound:
        raise NotFound(
            f"check {check_id} was made with form {key!r}, which is no longer there "
            "(put its file back in your health-forms folder)"
        ) from None
