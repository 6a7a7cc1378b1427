"""How the leak guard's flags look in the summary preview: one line each, and marked in the text."""

from __future__ import annotations

from rich.text import Text

from actionplan.summary.guarding import Flag


def flag_text(flag: Flag) -> Text:
    """One flag as a line of the preview's list: the item, the field, why, and the words."""
    text = Text()
    if flag.item is not None:
        text.append(f"#{flag.item} ", "bold")
        text.append(_cut(flag.title, 30), "bold")
        text.append(f" · {flag.field}: ")
    elif flag.field in ("headline", "intro", "health reason"):  # your own words (e edits them)
        text.append(f"the {flag.field} (e edits it): ", "bold")
    else:
        text.append("the summary: ", "bold")
    text.append(flag.why)
    text.append(" ")
    text.append(repr(_cut(flag.found, 40)), "reverse")
    return text


def marked(markdown: str, flags: tuple[Flag, ...]) -> str:
    """The Markdown for the screen, each flagged phrase in bold with a warning sign (the
    screen only: what leaves is the plain Markdown)."""
    from actionplan.summary.markdown import md

    for found in sorted({f.found for f in flags}, key=len, reverse=True):
        escaped = md(found)
        if escaped and "\n" not in found and "**" not in escaped:
            markdown = markdown.replace(escaped, f"**⚠ {escaped}**")
    return markdown


def _cut(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
