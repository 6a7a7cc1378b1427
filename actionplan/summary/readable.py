"""What a reader sees of each format: the text the leak guard checks, format by format.

Markdown's escapes, HTML's tags and entities and ReportLab's mini-markup are taken away, so
the guard reads "tom_becker" as the reader will, not "tom\\_becker" or "tom&#95;becker".
"""

from __future__ import annotations

import html
import re

_MD_ESCAPE = re.compile(r"\\([\\`*_<>|#\[\]()!-])")
_MD_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_HIDDEN = re.compile(r"<(style|script|head)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]*>")


def readable(fmt: str, content: str) -> str:
    """The text of a rendered summary as its reader sees it (``fmt``: md, txt, talk, html,
    or "markup" for the PDF's paragraphs)."""
    if fmt == "md":  # what a Markdown viewer shows: escapes undone, entities decoded
        return html.unescape(_MD_ESCAPE.sub(r"\1", _MD_BREAK.sub("\n", content)))
    if fmt in ("html", "markup"):
        title = re.search(r"<title>(.*?)</title>", content, re.IGNORECASE | re.DOTALL)
        body = _HIDDEN.sub(" ", content)
        text = _TAG.sub(" ", _MD_BREAK.sub("\n", body))
        if title:
            text = title.group(1) + "\n" + text
        return html.unescape(text)
    return content
