"""No silent strays: a client or owner named on the command line exists, or is new on purpose.

``add``, ``set`` and ``template apply`` refuse an unknown client unless ``--new-client``, and
an unknown owner unless ``--new-person``; a filter (``list --client``, ``--owner``) refuses
an unknown name instead of listing nothing. Each refusal is one line with the nearest names.
Adding or moving items into an archived client (its contract ended) is refused too, saying
how to unarchive it; a filter may still name it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from actionplan.cli.errors import CliError

if TYPE_CHECKING:
    from sqlmodel import Session


def need_client(session: Session, name: str | None, *, new: bool | None) -> None:
    """Refuse a client name that names no client, or, for a write, an archived client.

    Args:
        name: the name given (None or blank: nothing to check).
        new: whether ``--new-client`` was given (then any name goes but an archived client's);
            None for a filter, which cannot create one and may name an archived client.

    Raises:
        CliError: ``no client named 'X'; did you mean 'Y'?`` and how to create it on purpose;
            or ``client 'X' is archived; `actionplan clients unarchive X` first``.
    """
    from actionplan.known import client_names

    if name is None or not _checkable(name):
        return
    names = client_names(session=session)
    found = names.find(name)
    if found is not None and new is not None and found in names.archived:
        raise CliError(archived_refusal(found))
    if found is None and not new:
        raise CliError(_refusal("client", name, names.nearest(name), new))


def archived_refusal(client: str) -> str:
    """Why nothing is added to (or moved into) an archived client, and how to change that."""
    import shlex

    from actionplan.text import quote

    command = f"actionplan clients unarchive {shlex.quote(client)}"
    return f"client {quote(client, 40)} is archived; `{command}` first"


def need_person(session: Session, name: str | None, *, new: bool | None, where: str = "") -> None:
    """Refuse an owner (or a person filter) that names nobody; as :func:`need_client`, with
    ``--new-person``. ``where`` starts the message (e.g. the template that names the owner)."""
    from actionplan.known import person_names

    if new or name is None or not _checkable(name):
        return
    names = person_names(session=session)
    if names.find(name) is None:
        raise CliError(where + _refusal("person", name, names.nearest(name), new))


def check_new_person(session: Session, name: str) -> None:
    """``person NAME`` creates a person, but not one whose name looks like someone's who is
    already there ("Pri" beside "Priya Shah"): that is refused, unless ``--new-person``.

    A name equal but for case and spacing is that person, whose details are updated.
    """
    from actionplan.known import person_names
    from actionplan.text import quote

    names = person_names(session=session)
    if names.find(name) is not None:
        return
    alike = names.alike(name)
    if alike:
        raise CliError(
            f"{quote(name.strip(), 40)} looks like existing person {quote(alike[0], 40)}; "
            "give their name to change them, or --new-person to add someone new"
        )


def _checkable(name: str) -> bool:
    """Whether a name is worth looking up: the plan refuses an empty or over-long one itself,
    which says more than "no client named" would."""
    from actionplan.known import key_of
    from actionplan.text import NAME_MAX

    return 0 < len(key_of(name)) <= NAME_MAX


def _refusal(what: str, name: str, near: list[str], new: bool | None) -> str:
    """The refusal with the nearest names, and how to create the name on purpose (a filter
    creates nothing: its refusal reads as summary's and agenda's do)."""
    from actionplan.known import unknown

    message = unknown(what, name, near)
    if new is None:
        return message
    flag, it = _NEW[what]
    if near:
        return f"{message} (or add {flag} to create {it})"
    return f"{message}; add {flag} to create {it}"


_NEW = {"client": ("--new-client", "it"), "person": ("--new-person", "them")}
