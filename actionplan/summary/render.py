"""One entry point for every summary format (the PDF and Word libraries load only for theirs)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from actionplan.config_summary import Branding
from actionplan.summary.model import Summary

if TYPE_CHECKING:
    from actionplan.queries import Recipient
    from actionplan.summary.email import Attachment


def render(
    summary: Summary,
    fmt: str,
    *,
    brand: Branding | None = None,
    recipients: Sequence[Recipient] = (),
    seen: list[str] | None = None,
    attachments: Sequence[Attachment] = (),
) -> str | bytes:
    """The summary in one format: md, txt, html, talk (text), or pdf, docx, eml (bytes).

    Args:
        brand: the account team's branding, for the formats with a header (HTML, PDF, Word,
            e-mail); default: none.
        recipients: whom an e-mail draft is addressed to (eml only).
        seen: for pdf, docx and eml, receives the text a reader of the bytes sees (the leak
            guard reads exactly that).
        attachments: more files an e-mail draft carries (eml only), each already released.
    """
    brand = brand or Branding()
    if fmt == "md":
        from actionplan.summary.markdown import render_markdown

        return render_markdown(summary)
    if fmt == "txt":
        from actionplan.summary.plaintext import render_text

        return render_text(summary)
    if fmt == "html":
        from actionplan.summary.html import render_html

        return render_html(summary, brand=brand)
    if fmt == "talk":
        from actionplan.summary.talk import render_talk

        return render_talk(summary)
    if fmt == "pdf":
        from actionplan.summary.pdf import render_pdf

        return render_pdf(summary, brand=brand, seen=seen)
    if fmt == "docx":
        from actionplan.summary.docx import render_docx

        return render_docx(summary, brand=brand, seen=seen)
    if fmt == "eml":
        from actionplan.summary.email import render_eml

        return render_eml(
            summary, brand=brand, recipients=recipients, seen=seen, attachments=attachments
        )
    raise ValueError(f"unknown summary format {fmt!r}")
