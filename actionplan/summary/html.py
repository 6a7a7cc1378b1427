"""The summary as one self-contained HTML page that prints cleanly on A4 or Letter."""

from __future__ import annotations

from datetime import date
from html import escape

from actionplan.config_summary import Branding
from actionplan.summary.branding import fit, has_header, read_logo
from actionplan.summary.model import Line, Summary
from actionplan.summary.words import NONE, after, long_day, moved_phrase, paragraphs, when

_CSS = """
:root { --ink: #1d232a; --muted: #5b6670; --rule: #d7dde2; }
* { box-sizing: border-box; }
body { font: 11pt/1.45 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
       color: var(--ink); max-width: 52rem; margin: 2rem auto; padding: 0 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .2rem; }
h2 { font-size: 1.1rem; margin: 1.6rem 0 .5rem; border-bottom: 1px solid var(--rule);
     padding-bottom: .2rem; break-after: avoid; }
.meta, .none, .note, .trend { color: var(--muted); }
.note { font-size: .92em; }
.headline { font-size: 1.15rem; font-weight: 600; margin: 1rem 0 .3rem; }
/* Browsers leave backgrounds out of print by default; the badge must keep its colour (and its
   border keeps it readable where a browser still drops the fill). */
.health { display: inline-block; padding: .1rem .55rem; border-radius: .3rem; font-weight: 600;
          color: #fff; border: 1px solid; -webkit-print-color-adjust: exact;
          print-color-adjust: exact; }
.green { background: #2e7d32; border-color: #2e7d32; }
.amber { background: #b26a00; border-color: #b26a00; }
.red { background: #c62828; border-color: #c62828; }
.late { color: #c62828; }
table { width: 100%; border-collapse: collapse; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem;
         border-bottom: 1px solid var(--rule); }
th { font-size: .85em; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
thead { display: table-header-group; }
tr { break-inside: avoid; }
td.date { white-space: nowrap; }
.nice { color: var(--muted); font-style: italic; }
ul { padding-left: 1.2rem; margin: .3rem 0; }
@page { size: A4; margin: 16mm 15mm;
        @bottom-right { content: "Page " counter(page) " of " counter(pages);
                        font: 8pt Arial, sans-serif; color: #5b6670; } }
@media print { body { margin: 0; max-width: none; padding: 0; font-size: 10pt; } }
"""
BRAND_CSS = """
.brand { display: flex; align-items: center; gap: 1rem; padding-bottom: .6rem;
         margin-bottom: 1.2rem; border-bottom: 1px solid var(--rule); }
.brand img { max-height: 3.2rem; max-width: 12rem; }
.brand .who { margin-left: auto; text-align: right; }
.brand p { margin: 0; }
.company { font-weight: 600; }
.contact, .footer { color: var(--muted); font-size: .85em; }
.footer { margin-top: 2rem; padding-top: .4rem; border-top: 1px solid var(--rule); }
"""


def h(text: str) -> str:
    """User text escaped for HTML (shown as typed; never markup or script)."""
    return escape(text, quote=True)


def render_html(summary: Summary, *, brand: Branding | None = None) -> str:
    """A complete HTML document with its styles inline: no external assets.

    Args:
        summary: what to show.
        brand: the account team's company, contact, logo (inline, as a data: URI), footer
            and paper size; default: none, on A4.

    Raises:
        Invalid: the branding's logo is missing, unreadable, or not a PNG or SVG.
    """
    s = summary
    brand = brand or Branding()
    css = _CSS.replace("size: A4;", f"size: {'letter' if brand.paper == 'Letter' else 'A4'};")
    if has_header(brand) or brand.footer:
        css += BRAND_CSS
    period = f" · Period: since {long_day(s.since)}" if s.since else ""
    trend = f' <span class="trend">({h(s.health.trend)})</span>' if s.health.trend else ""
    parts = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{h(s.client)}: what we're doing and when</title>",
        f"<style>{css}</style></head><body>",
        *brand_header(brand),
        f"<h1>{h(s.client)}: what we're doing and when</h1>",
        f'<p class="meta">{long_day(s.day)} · Prepared by '
        f"{h(s.prepared_by) or 'your account team'}{h(period)}</p>",
        *([f'<p class="headline">{h(s.headline)}</p>'] if s.headline else []),
        *(f'<p class="intro">{h(para)}</p>' for para in paragraphs(s.intro)),
        "<h2>Health</h2>",
        f'<p><span class="health {s.health.level}">{s.health.level.capitalize()}</span> '
        f"{h(s.health.reason)}{trend}</p>",
        "<h2>Changes since last time</h2>",
    ]
    if not (s.done or s.new or s.moved):
        parts.append(f'<p class="none">{NONE}</p>')
    if s.done:
        parts += ["<p><strong>Done</strong></p>", _list([h(ln.title) for ln in s.done])]
    if s.new:
        parts += [
            "<p><strong>New</strong></p>",
            _list([f"{h(ln.title)} ({_when(ln, s.day)})" for ln in s.new]),
        ]
    if s.moved:
        parts += [
            "<p><strong>Dates moved</strong></p>",
            _list(
                [f"{h(m.line.title)}: {moved_phrase(m.was, m.line.due, s.day)}" for m in s.moved]
            ),
        ]
    parts.append("<h2>The plan</h2>")
    parts.append(_plan(s) if s.plan else f'<p class="none">{NONE}</p>')
    parts.append("<h2>What we need from you</h2>")
    parts.append(_list([f"{h(ln.title)}: {h(ln.owner)}, by {_when(ln, s.day)}" for ln in s.asks]))
    parts.append(f"<h2>Next steps (before {long_day(s.next_call)})</h2>")
    parts.append(
        _list([f"{_when(ln, s.day)}: {h(ln.title)} ({h(ln.owner)})" for ln in s.next_steps])
    )
    if brand.footer:
        parts.append(f'<p class="footer">\n{h(brand.footer)}\n</p>')
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def brand_header(brand: Branding) -> list[str]:
    """The branded header: the logo, then the company and contact, each on a line of its own
    (the leak guard knows the account team's own words by their lines)."""
    if not has_header(brand):
        return []
    logo = read_logo(brand)
    parts = ['<header class="brand">']
    if logo is not None:
        # Sized in the tag too: e-mail clients and word processors ignore the CSS's limits.
        size = 'height="48"'
        if logo.kind == "png":
            width, height = fit(*logo.png_size(), 192, 48)
            size = f'width="{round(width)}" height="{round(height)}"'
        parts.append(f'<img src="{logo.data_uri}" {size} alt="{h(brand.company or "logo")}">')
    parts.append('<div class="who">')
    for cls, text in (("company", brand.company), ("contact", brand.contact)):
        if text:
            parts += [f'<p class="{cls}">', h(text), "</p>"]
    return [*parts, "</div></header>"]


def _list(items: list[str]) -> str:
    if not items:
        return f'<p class="none">{NONE}</p>'
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def _plan(s: Summary) -> str:
    rows = [
        "<table><thead><tr><th>Item</th><th>Owner</th><th>Date</th><th>Status</th></tr>"
        "</thead><tbody>"
    ]
    for line in s.plan:
        rows.append(
            f"<tr><td>{_item(line)}</td><td>{h(line.owner)}</td>"
            f'<td class="date">{_when(line, s.day)}{_after(line)}</td>'
            f"<td>{h(line.status)}</td></tr>"
        )
    rows.append("</tbody></table>")
    return "".join(rows)


def _when(line: Line, day: date) -> str:
    """The item's date; "(late)" in the colour of lateness (the word stays for black and white)."""
    text = when(line, day)
    late = " (late)"
    if text.endswith(late):
        return f'{text.removesuffix(late)} <span class="late">(late)</span>'
    return text


def _after(line: Line) -> str:
    return f'<div class="note">{h(after(line))}</div>' if line.after else ""


def _item(line: Line) -> str:
    text = h(line.title)
    if not line.must:
        text += ' <span class="nice">(nice to have)</span>'
    if line.note:
        text += f'<div class="note">{h(line.note)}</div>'
    return text
