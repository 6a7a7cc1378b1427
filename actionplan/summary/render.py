"""One entry point for every summary format (the PDF library loads only for PDFs)."""

from __future__ import annotations

from actionplan.summary.model import Summary


def render(summary: Summary, fmt: str) -> str | bytes:
    """The summary in one format: md, txt, html, talk (text) or pdf (bytes)."""
    if fmt == "md":
        from actionplan.summary.markdown import render_markdown

        return render_markdown(summary)
    if fmt == "txt":
        from actionplan.summary.plaintext import render_text

        return render_text(summary)
    if fmt == "html":
        from actionplan.summary.html import render_html

        return render_html(summary)
    if fmt == "talk":
        from actionplan.summary.talk import render_talk

        return render_talk(summary)
    if fmt == "pdf":
        from actionplan.summary.pdf import render_pdf

        return render_pdf(summary)
    raise ValueError(f"unknown summary format {fmt!r}")
