"""The pieces of a check's PDF at one font size: the sections as small tables, laid out in two
columns, and the row of sparklines. ReportLab is imported by the caller (``pdf.render_pdf``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from actionplan.health.chart import COLOURS, Spark, drawing
from actionplan.health.rows import Block, Row
from actionplan.summary.pdf import BOLD, FONT, x

MUTED = "#5b6670"
RULE = "#d7dde2"
_TINT = {"amber": "#fdf3e1", "red": "#fbe9e9"}
_SIDES = ("LEFTPADDING", "RIGHTPADDING", "TOPPADDING", "BOTTOMPADDING")
GAP = 14.0
"""Between the two columns (points)."""


@dataclass(frozen=True)
class Styles:
    """The paragraph styles at one body size."""

    body: Any
    muted: Any
    label: Any
    entry: Any
    h1: Any
    h2: Any


def styles(size: float) -> Styles:
    """Body text at ``size`` points and everything else in proportion."""
    from reportlab.lib.colors import HexColor
    from reportlab.lib.styles import ParagraphStyle

    body = ParagraphStyle("body", fontName=FONT, fontSize=size, leading=size * 1.25)
    return Styles(
        body=body,
        muted=ParagraphStyle("muted", parent=body, textColor=HexColor(MUTED)),
        label=ParagraphStyle("label", parent=body, fontName=BOLD),
        entry=ParagraphStyle("entry", parent=body, leftIndent=size, bulletIndent=0),
        h1=ParagraphStyle(
            "h1", parent=body, fontName=BOLD, fontSize=size * 1.7, leading=size * 2.1
        ),
        h2=ParagraphStyle(
            "h2", parent=body, fontName=BOLD, fontSize=size * 1.15, leading=size * 1.45
        ),
    )


def section_table(block: Block, st: Styles, width: float) -> Any:
    """One section: its heading over a row per field (label, then value); a list's label over
    its entries, a row each (so a long list can break across pages), the full width."""
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import Paragraph, Table, TableStyle

    pad = st.body.fontSize * 0.35
    rows: list[list[Any]] = [[Paragraph(x(block.title), st.h2), ""]]
    look: list[tuple[Any, ...]] = [
        ("SPAN", (0, 0), (1, 0)),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, HexColor(MUTED)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), pad),
        ("RIGHTPADDING", (0, 0), (-1, -1), pad),
        ("TOPPADDING", (0, 0), (-1, -1), pad * 0.6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), pad * 0.8),
        ("LEFTPADDING", (0, 0), (0, 0), 0),
    ]
    for row in block.rows:
        n = len(rows)
        if row.is_list and row.entries:
            rows.append([Paragraph(x(row.label), st.label), ""])
            rows += [[Paragraph(x(e), st.entry, bulletText="•"), ""] for e in row.entries]
            look += [("SPAN", (0, k), (1, k)) for k in range(n, len(rows))]
            look += [("TOPPADDING", (0, n + 1), (1, len(rows) - 1), 0)]
            look += [("BOTTOMPADDING", (0, n), (1, len(rows) - 2), pad * 0.3)]
        else:
            rows.append([Paragraph(x(row.label), st.label), value_cell(row, st)])
        if row.colour:
            look.append(("BACKGROUND", (1, n), (1, n), HexColor(_TINT[row.colour])))
        look.append(("LINEBELOW", (0, len(rows) - 1), (1, len(rows) - 1), 0.4, HexColor(RULE)))
    table = Table(rows, colWidths=[width * 0.45, width * 0.55])
    table.setStyle(TableStyle(look))
    return table


def value_cell(row: Row, st: Styles) -> Any:
    """The value: N/A muted; a number's colour in bold coloured words (so black-and-white
    print keeps it) and its trend."""
    from reportlab.platypus import Paragraph

    if row.blank:
        return Paragraph(x(row.value), st.muted)
    text = x(row.value)
    if row.colour:
        text = f'<font color="{COLOURS[row.colour]}"><b>{text} ({row.colour})</b></font>'
    if row.arrow:
        text += f' <font color="{MUTED}">{x(row.change)}</font>'
    return Paragraph(text, st.body)


def two_columns(tables: list[Any], width: float) -> Any:
    """The sections down the left column then the right, split where the columns come out
    most even (the form's order kept)."""
    from reportlab.platypus import Spacer, Table, TableStyle

    column = (width - GAP) / 2
    heights = [t.wrap(column, 1e6)[1] for t in tables]
    best = min(
        range(len(tables) + 1),
        key=lambda k: max(sum(heights[:k]), sum(heights[k:])),
    )

    def stack(part: list[Any]) -> list[Any]:
        out: list[Any] = []
        for t in part:
            out += [t, Spacer(1, 6)]
        return out[:-1]

    outer = Table(
        [[stack(tables[:best]), "", stack(tables[best:])]],
        colWidths=[column, GAP, column],
    )
    outer.setStyle(
        TableStyle(
            [("VALIGN", (0, 0), (-1, -1), "TOP")] + [(side, (0, 0), (-1, -1), 0) for side in _SIDES]
        )
    )
    return outer


def spark_row(found: list[Spark], st: Styles, width: float, title: str) -> list[Any]:
    """The heading and the sparklines, up to four a row, each with its label and range."""
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import Paragraph, Table, TableStyle

    per_row = min(4, len(found))
    cell_w = width / per_row
    small = st.muted.clone("small", fontSize=st.body.fontSize * 0.9)
    label = st.label.clone("spark", fontSize=st.body.fontSize * 0.9)
    cells: list[Any] = [
        [
            Paragraph(x(s.label), label),
            drawing(s, cell_w - 12, st.body.fontSize * 2.8),
            Paragraph(f"now {x(s.last)} · {x(s.span)}", small),
        ]
        for s in found
    ]
    cells += [""] * (-len(cells) % per_row)
    grid = [cells[i : i + per_row] for i in range(0, len(cells), per_row)]
    table = Table(grid, colWidths=[cell_w] * per_row)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 12),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    heading = Table([[Paragraph(x(title), st.h2)]], colWidths=[width])
    heading.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (0, 0), (-1, -1), 0.8, HexColor(MUTED)),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return [heading, table]
