"""A Word summary's page: paper size and margins, the branded header and the footer.

python-docx is imported by the caller (``docx.render_docx``); this module only receives its
objects, so importing it stays light.
"""

from __future__ import annotations

import io
from typing import Any

from actionplan.config_summary import Branding
from actionplan.plan.errors import Invalid
from actionplan.summary.branding import MM, SVG_NOT_HERE, fit, has_header, page_size, read_logo

MUTED = "5b6670"
_LOGO_W, _LOGO_H = 55 * MM, 13 * MM  # the box a logo is fitted into (points)


def set_up_page(doc: Any, *, brand: Branding, stamp: str, seen: list[str]) -> float:
    """Paper, margins, header and footer of the document's one section.

    Returns:
        The width between the margins, in points.

    Raises:
        Invalid: the logo is missing, unreadable, not a PNG or not a picture Word takes.
    """
    from docx.shared import Mm, Pt

    width, height = page_size(brand)
    margin = 18 * MM if brand.paper == "A4" else 0.75 * 72
    section = doc.sections[0]
    section.page_width, section.page_height = Pt(width), Pt(height)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Pt(margin))
    section.header_distance = section.footer_distance = Mm(10)
    inner = width - 2 * margin
    if has_header(brand):
        _header(section.header, brand, inner, seen)
    _footer(section.footer, brand, stamp, inner, seen)
    return inner


def _header(header: Any, brand: Branding, inner: float, seen: list[str]) -> None:
    """The logo on the left, the company and contact on the right, in a table with no lines."""
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.image.exceptions import UnrecognizedImageError
    from docx.shared import Pt, RGBColor

    logo = read_logo(brand)
    if logo is not None and logo.kind != "png":
        raise Invalid(SVG_NOT_HERE.format(logo.path))
    logo_w, logo_h = fit(*logo.png_size(), _LOGO_W, _LOGO_H) if logo else (0.0, 0.0)
    table = header.add_table(rows=1, cols=2, width=Pt(inner))
    left, right = table.rows[0].cells
    set_widths(table, [logo_w + 6, inner - logo_w - 6] if logo else [6.0, inner - 6])
    for cell in (left, right):
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    if logo is not None:
        try:
            left.paragraphs[0].add_run().add_picture(
                io.BytesIO(logo.data), width=Pt(logo_w), height=Pt(logo_h)
            )
        except (UnrecognizedImageError, OSError, ValueError) as e:
            raise Invalid(f"cannot put the logo {logo.path} in Word: {e}") from None
    first = True
    for text, bold, size in ((brand.company, True, 11), (brand.contact, False, 8.5)):
        if not text:
            continue
        para = right.paragraphs[0] if first else right.add_paragraph()
        first = False
        para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        para.paragraph_format.space_after = Pt(0)
        run = para.add_run(text)
        run.bold, run.font.size = bold, Pt(size)
        if not bold:
            run.font.color.rgb = RGBColor.from_string(MUTED)
        seen.append(text)
    header.paragraphs[0].paragraph_format.space_after = Pt(0)


def _footer(footer: Any, brand: Branding, stamp: str, inner: float, seen: list[str]) -> None:
    """The brand's footer, centred, over the client and date (left) and the page (right)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    first = footer.paragraphs[0]
    if brand.footer:
        first.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _muted(first.add_run(brand.footer), 7.5, RGBColor)
        seen.append(brand.footer)
        para = footer.add_paragraph()
    else:
        para = first
    para.paragraph_format.tab_stops.add_tab_stop(Pt(inner), WD_TAB_ALIGNMENT.RIGHT)
    _muted(para.add_run(f"{stamp}\tpage "), 7.5, RGBColor)
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    number = para.add_run("1")
    _muted(number, 7.5, RGBColor)
    field.append(number._r)
    para._p.append(field)
    seen.append(stamp)


def _muted(run: Any, size: float, rgb: Any) -> None:
    from docx.shared import Pt

    run.font.size = Pt(size)
    run.font.color.rgb = rgb.from_string(MUTED)


def set_widths(table: Any, widths: list[float]) -> None:
    """Column widths in points, in the table's grid and in each cell (Word reads the cells,
    LibreOffice the grid)."""
    from docx.shared import Pt

    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Pt(width)
        for cell in column.cells:
            cell.width = Pt(width)


def plain_first_column(table: Any, *, header_row: bool = True) -> None:
    """The table style's look for the header row only (not a bold first column); with
    ``header_row=False``, not for the first row either (a table without a header)."""
    from docx.oxml.ns import qn

    look = table._tbl.tblPr.find(qn("w:tblLook"))
    if look is not None:
        look.set(qn("w:firstColumn"), "0")
        look.set(qn("w:firstRow"), "1" if header_row else "0")
        look.set(qn("w:val"), "0420" if header_row else "0400")


def repeat_as_header(row: Any) -> None:
    """Word repeats this table row at the top of each page the table runs onto."""
    _row_flag(row, "w:tblHeader")


def keep_whole(row: Any) -> None:
    """Word keeps this row on one page (as the PDF and HTML do)."""
    _row_flag(row, "w:cantSplit")


def _row_flag(row: Any, tag: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    flag = OxmlElement(tag)
    flag.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(flag)
