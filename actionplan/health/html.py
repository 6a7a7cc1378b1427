"""A check as one self-contained HTML page (styles, logo and chart inline) that prints on one
sheet of the brand's paper: the sections side by side, a small chart of the numbers under them."""

from __future__ import annotations

from actionplan.health.chart import sparks, svg
from actionplan.health.document import CheckDoc
from actionplan.health.rows import Row, blocks, heading, long_day
from actionplan.summary.branding import has_header
from actionplan.summary.html import BRAND_CSS, brand_header, h

_CSS = """
:root { --ink: #1d232a; --muted: #5b6670; --rule: #d7dde2; }
* { box-sizing: border-box; }
body { font: 10.5pt/1.4 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
       color: var(--ink); max-width: 60rem; margin: 1.5rem auto; padding: 0 1.5rem; }
h1 { font-size: 1.45rem; margin: 0 0 .2rem; }
h2 { font-size: 1rem; margin: 0 0 .3rem; border-bottom: 1px solid var(--rule);
     padding-bottom: .15rem; break-after: avoid; }
.meta, .na, .trend, .spark p { color: var(--muted); }
.meta { margin: 0 0 .9rem; }
.sections { columns: 2; column-gap: 1.6rem; }
section { break-inside: avoid; margin-bottom: .9rem; }
table { width: 100%; border-collapse: collapse; }
th, td { text-align: left; vertical-align: top; padding: .2rem .35rem;
         border-bottom: 1px solid var(--rule); }
th { font-weight: 600; width: 44%; }
tr.over th { border-bottom: 0; padding-bottom: 0; width: auto; }
ul { padding-left: 1.1rem; margin: 0; }
/* The word stays beside the colour, for black-and-white print and for colour blindness. */
.flag { display: inline-block; padding: 0 .35rem; border-radius: .25rem; font-size: .85em;
        font-weight: 600; color: #fff; -webkit-print-color-adjust: exact;
        print-color-adjust: exact; border: 1px solid; }
.amber { background: #b26a00; border-color: #b26a00; }
.red { background: #c62828; border-color: #c62828; }
td.amber-cell { background: #fdf3e1; } td.red-cell { background: #fbe9e9; }
td.amber-cell, td.red-cell { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.trend { white-space: nowrap; font-size: .9em; }
.chart { break-inside: avoid; margin-top: .6rem; }
.sparks { display: flex; flex-wrap: wrap; gap: .4rem 1.2rem; }
.spark { margin: 0; }
.spark figcaption { font-size: .85em; font-weight: 600; }
.spark p { margin: 0; font-size: .8em; }
@page { size: A4; margin: 12mm 13mm; }
@media print { body { margin: 0; max-width: none; padding: 0; font-size: 9pt; } }
"""


def render_html(doc: CheckDoc) -> str:
    """The whole page, every text the user typed escaped (shown as typed, never markup).

    Raises:
        Invalid: the branding's logo is missing, unreadable, or not a PNG or SVG.
    """
    brand = doc.brand
    css = _CSS.replace("size: A4;", f"size: {'letter' if brand.paper == 'Letter' else 'A4'};")
    if has_header(brand) or brand.footer:
        css += BRAND_CSS.replace("margin-top: 2rem", "margin-top: .8rem")
    meta = " · ".join(f"{label}: {h(text)}" for label, text in heading(doc))
    parts = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{h(doc.client)}: {h(doc.form.title)}</title>",
        f"<style>{css}</style></head><body>",
        *brand_header(brand),
        f"<h1>{h(doc.form.title)}</h1>",
        f'<p class="meta">{meta}</p>',
        '<div class="sections">',
    ]
    for block in blocks(doc):
        parts.append(f"<section><h2>{h(block.title)}</h2><table>")
        parts += [_row(row) for row in block.rows]
        parts.append("</table></section>")
    parts.append("</div>")
    parts += _chart(doc)
    if brand.footer:
        parts.append(f'<p class="footer">\n{h(brand.footer)}\n</p>')
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _row(row: Row) -> str:
    """A field as a table row: its label, then its value, colour (as a word too) and trend."""
    label = f'<tr><th scope="row">{h(row.label)}</th>'
    if row.blank:
        return f'{label}<td class="na">{h(row.value)}</td></tr>'
    if row.is_list:  # the label over the entries, both the full width
        items = "".join(f"<li>{h(entry)}</li>" for entry in row.entries)
        return (
            f'<tr class="over"><th colspan="2" scope="rowgroup">{h(row.label)}</th></tr>'
            f'<tr><td colspan="2"><ul>{items}</ul></td></tr>'
        )
    cell = f' class="{row.colour}-cell"' if row.colour else ""
    text = h(row.value)
    if row.colour:
        text += f' <span class="flag {row.colour}">{row.colour}</span>'
    if row.arrow:
        text += f' <span class="trend">{h(row.change)}</span>'
    return f"{label}<td{cell}>{text}</td></tr>"


def _chart(doc: CheckDoc) -> list[str]:
    """The numbers over the last checks, one small line each; nothing with fewer than two."""
    found = sparks(doc)
    if not found:
        return []
    dates = doc.history_dates
    title = f"The last {len(dates)} checks, {long_day(dates[0])} to {long_day(dates[-1])}"
    parts = ['<section class="chart">', f"<h2>{h(title)}</h2>", '<div class="sparks">']
    for spark in found:
        parts.append(
            f'<figure class="spark"><figcaption>{h(spark.label)}</figcaption>{svg(spark)}'
            f"<p>now {h(spark.last)} · range {h(spark.span)}</p></figure>"
        )
    return [*parts, "</div></section>"]
