"""A Word document read back as text, the way the tests compare and search it."""

from __future__ import annotations

import io
from typing import Any

_DOCX_STYLES = {"Title": "# ", "Heading 1": "## ", "Heading 2": "### ", "List Bullet": "- "}


def docx_text(data: bytes) -> str:
    """A Word document read back with python-docx, as Word shows it: the header, the body in
    order (a heading or bullet marked by its style, a table row's cells between bars) and the
    footer."""
    from docx import Document
    from docx.table import Table

    doc = Document(io.BytesIO(data))

    def lines(blocks: Any, prefix: str = "") -> list[str]:
        out = []
        for block in blocks:
            if isinstance(block, Table):
                for tr in block.rows:
                    cells = [" / ".join(p.text for p in c.paragraphs) for c in tr.cells]
                    out.append(prefix + "| " + " | ".join(cells) + " |")
            elif block.text:
                out.append(prefix + _DOCX_STYLES.get(block.style.name, "") + block.text.rstrip())
        return out

    section = doc.sections[0]
    return (
        "\n".join(
            [
                *lines(section.header.iter_inner_content(), "[header] "),
                *lines(doc.iter_inner_content()),
                *lines(section.footer.iter_inner_content(), "[footer] "),
            ]
        )
        + "\n"
    )
