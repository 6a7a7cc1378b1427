"""The People and clients screen's two lists: clients with their counts and health, and people
in their groups (our teams, each client's contacts, vendors by company, the unattached).

Both are line lists (``line_list.py``): only the lines on screen are drawn, and a line is
drawn again only when what it shows changes. User text goes in as ``Text``, so a name holding
``[bold]`` shows as typed.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass

from rich.style import Style
from rich.text import Text
from textual.geometry import Region
from textual.strip import Strip

from actionplan.models import Side
from actionplan.queries import ClientCounts, PersonRow
from actionplan.text import one_line
from actionplan.tui.screens.client_switcher import health
from actionplan.tui.widgets.line_list import LineList, noun_bindings

HEALTH_WORDS = {"red": "red", "yellow": "amber", "green": "green"}
ARCHIVED = "dim italic"
UNATTACHED = "bold yellow"
WIDE = 110  # from this list width on: a person's phone, and wider columns


@dataclass(frozen=True, slots=True)
class Heading:
    """A group's heading: its words, its style, and how many people are under it."""

    text: str
    style: str
    count: int
    hint: str = ""


Line = Heading | ClientCounts | PersonRow
"""One line of a list: a group's heading, a client, or a person."""


def client_shown(client: ClientCounts, archived: bool) -> bool:
    """Whether the list shows this client (an archived one only when asked)."""
    return archived or not client.archived


def person_shown(person: PersonRow, archived: bool) -> bool:
    """Whether the list shows this person: archived ones only when asked, unless they still
    own open items (those need a new owner, so they stay in sight, marked)."""
    return archived or not person.archived or person.open > 0


def people_lines(
    people: list[PersonRow], *, archived: bool, archived_clients: frozenset[str] = frozenset()
) -> list[Line]:
    """People under their group's heading: client-side people who belong to no client first
    (to settle), then ours by team, each client's contacts, and vendors by company.

    Args:
        archived: show archived people too.
        archived_clients: the names of archived clients (their contacts' heading says so).
    """
    groups: dict[tuple[int, str], list[PersonRow]] = {}
    for person in people:
        if person_shown(person, archived):
            groups.setdefault(_group(person), []).append(person)
    lines: list[Line] = []
    for (rank, name), members in sorted(groups.items(), key=lambda g: (g[0][0], g[0][1].lower())):
        members.sort(key=lambda p: p.name.lower())
        lines.append(_heading(rank, name, len(members), name in archived_clients))
        lines.extend(members)
    return lines


def _group(person: PersonRow) -> tuple[int, str]:
    """Which group a person is in: (its rank, its name)."""
    if person.side == Side.CLIENT:
        return (0, "") if person.client is None else (2, person.client)
    if person.side == Side.VENDOR:
        return 3, person.company or ""
    return 1, person.team or ""


def _heading(rank: int, name: str, count: int, archived: bool) -> Heading:
    if rank == 0:
        return Heading(
            "Client contacts not attached to a client",
            UNATTACHED,
            count,
            "e sets a client, m merges",
        )
    if rank == 1:
        return Heading(f"Our people · {name or 'no team'}", "bold", count)
    if rank == 2:
        if archived:
            return Heading(f"Contacts at {name}", "bold dim cyan", count, "an archived client")
        return Heading(f"Contacts at {name}", "bold cyan", count)
    return Heading(f"Vendors · {name or 'no company'}", "bold magenta", count)


def key_of_line(line: Line) -> tuple[str, int] | None:
    """What the cursor stays on when the list is drawn again: a client's or a person's id."""
    if isinstance(line, ClientCounts):
        return "client", line.id
    if isinstance(line, PersonRow):
        return "person", line.id
    return None


class ContactList(LineList[Line]):
    """Headings and lines of clients or people; the cursor rests on clients and people."""

    COMPONENT_CLASSES = {"contacts--cursor", "contacts--cursor-blurred"}
    CURSOR_CLASS, BLURRED_CLASS = "contacts--cursor", "contacts--cursor-blurred"
    HEADER_ROWS = 1

    class Highlighted(LineList.Highlighted):
        """The cursor moved to another line."""

    class Selected(LineList.Selected):
        """A double click on a line (Enter is the screen's key)."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.lines: list[Line] = []

    def show(self, lines: list[Line]) -> None:
        """Show these lines; the cursor stays on its client or person, else near where it was."""
        current = self.current
        keep = key_of_line(current) if current is not None else None
        old = self.highlighted
        self.lines = lines
        self._drawn.clear()
        self.size_lines()
        found = next(
            (n for n, line in enumerate(lines) if keep and key_of_line(line) == keep), None
        )
        self.place_cursor(found if found is not None else old)

    def place(self, key: tuple[str, int]) -> None:
        """Put the cursor on this client or person (see ``key_of_line``), if listed."""
        found = next((n for n, line in enumerate(self.lines) if key_of_line(line) == key), None)
        if found is not None:
            self.highlighted = found

    @property
    def option_count(self) -> int:
        return len(self.lines)

    def rests_on(self, index: int) -> bool:
        return not isinstance(self.lines[index], Heading)

    def line_value(self, index: int) -> Line:
        return self.lines[index]

    def line_key(self, index: int) -> Hashable:
        return self.lines[index]

    def line_region(self, index: int) -> Region:
        # The heading just above the first person of a group stays in view with them.
        top = index - 1 if index and isinstance(self.lines[index - 1], Heading) else index
        return Region(0, top, 1, index - top + 1 + self.HEADER_ROWS)

    def render_header(self, y: int, width: int) -> Strip:
        return self.text_strip(self.header(width), width, self.rich_style + Style(dim=True))

    def header(self, width: int) -> Text:
        raise NotImplementedError

    def render_option(self, index: int, width: int, cursor: bool) -> list[Strip]:
        line = self.lines[index]
        if isinstance(line, Heading):
            text = Text.assemble((one_line(line.text), line.style), (f" ({line.count})", "dim"))
            if line.hint and width >= 60:
                text.append(f"  {line.hint}", style="dim")
        elif isinstance(line, ClientCounts):
            text = client_line(line, width)
        else:
            text = person_line(line, width)
        return [self.text_strip(text, width, self.line_style(cursor))]


class ClientList(ContactList):
    """Clients by name, each with open, overdue and escalated counts and health."""

    BINDINGS = noun_bindings("people_clients", "client")

    def header(self, width: int) -> Text:
        cells = [(label, size, "right") for label, size in CLIENT_COUNTS]
        return _columns(("   client", _client_name_width(width), "left"), *cells)


class PeopleList(ContactList):
    """People in their groups, each with their role, e-mail and open items."""

    BINDINGS = noun_bindings("people_people", "person")

    def header(self, width: int) -> Text:
        name_w, role_w, mail_w, phone_w = _person_widths(width)
        cells = [("  name", name_w, "left"), ("role", role_w, "left"), ("e-mail", mail_w, "left")]
        if phone_w:
            cells.append(("phone", phone_w, "left"))
        return _columns(*cells, ("summary", SUMMARY, "center"), ("open", OPEN, "right"))


# --- a line --------------------------------------------------------------------------------------

CLIENT_COUNTS = (("open", 6), ("overdue", 8), ("escalated", 10), ("health", 8))
NAME_MAX_W = 48  # a client's name; on a wide screen the counts stay near it
SUMMARY = 7
OPEN = 8


def _client_name_width(width: int) -> int:
    counts = sum(w + 1 for _, w in CLIENT_COUNTS)
    return max(12, min(NAME_MAX_W, width - counts - 1))


def client_line(client: ClientCounts, width: int) -> Text:
    """One client: health dot, name, open, overdue, escalated, and health (or archived)."""
    dot, colour = health(client)
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append(f" {dot} ", style=colour if not client.archived else "dim")
    name_w = _client_name_width(width) - 3
    text.append(_fit(one_line(client.name), name_w), style=ARCHIVED if client.archived else "")
    text.append(" ")
    for (_label, size), count, style in zip(
        CLIENT_COUNTS[:3],
        (client.open, client.overdue, client.escalated),
        ("", "bold red", "red"),
        strict=True,
    ):
        text.append(_number(count, size), style=style if count else "dim")
        text.append(" ")
    if client.archived:
        text.append("archived".rjust(CLIENT_COUNTS[3][1]), style="italic yellow")
    else:
        text.append(HEALTH_WORDS[colour].rjust(CLIENT_COUNTS[3][1]), style=colour)
    return text


def _person_widths(width: int) -> tuple[int, int, int, int]:
    """How wide a person's name, role, e-mail and phone are at this list width (phone 0:
    not shown)."""
    rest = width - SUMMARY - OPEN - 3
    if width >= WIDE:
        name_w, role_w, phone_w = 26, 24, 18
        return name_w, role_w, max(10, min(40, rest - name_w - role_w - phone_w - 3)), phone_w
    name_w = max(12, min(24, rest * 2 // 5))
    role_w = max(8, min(18, (rest - name_w) // 2))
    return name_w, role_w, max(6, rest - name_w - role_w - 2), 0


def person_line(person: PersonRow, width: int) -> Text:
    """One person: name (archived marked), role, e-mail, phone (when wide), gets the status
    summary, open items."""
    name_w, role_w, mail_w, phone_w = _person_widths(width)
    text = Text(no_wrap=True, overflow="ellipsis")
    name = one_line(person.name)
    if person.archived:
        text.append(_fit(f"  {name}", name_w - 9), style=ARCHIVED)
        text.append(" archived", style="yellow" if person.open else ARCHIVED)
    else:
        text.append(_fit(f"  {name}", name_w))
    text.append(" ")
    text.append(_fit(one_line(person.role or ""), role_w), style="dim" if not person.role else "")
    text.append(" ")
    text.append(_fit(one_line(person.email or ""), mail_w), style="cyan")
    if phone_w:
        text.append(" ")
        text.append(_fit(one_line(person.phone or ""), phone_w))
    text.append(" ")
    text.append(("✓" if person.status_recipient else "").center(SUMMARY), style="green")
    text.append(" ")
    count = f"{person.open:,} open" if person.open else "·"
    text.append(count.rjust(OPEN), style="" if person.open else "dim")
    return text


def _columns(*cells: tuple[str, int, str]) -> Text:
    """The header of a list: each label in its column's width, aligned as its cells are."""
    text = Text(no_wrap=True, overflow="ellipsis")
    for n, (label, size, align) in enumerate(cells):
        if n:
            text.append(" ")
        if align == "left":
            text.append(label.ljust(size))
        elif align == "center":
            text.append(label.center(size))
        else:
            text.append(label.rjust(size))
    return text


def _number(count: int, size: int) -> str:
    return (f"{count:,}" if count else "·").rjust(size)


def _fit(text: str, size: int) -> str:
    """Exactly ``size`` columns: cut with … or padded."""
    if size <= 0:
        return ""
    if len(text) > size:
        return text[: size - 1] + "…"
    return text.ljust(size)
