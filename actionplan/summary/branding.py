"""The account team's branding as the documents use it: the logo read and checked, the paper."""

from __future__ import annotations

import base64
import struct
from dataclasses import dataclass

from actionplan.config_summary import Branding
from actionplan.plan.errors import Invalid

_PNG = b"\x89PNG\r\n\x1a\n"
MM = 72 / 25.4
"""Points in a millimetre."""
PAGES = {"A4": (210 * MM, 297 * MM), "Letter": (8.5 * 72, 11 * 72)}
"""Each paper size's width and height, in points."""
SVG_NOT_HERE = "the logo must be a PNG for Word (an SVG logo shows in HTML and PDF only): {}"


@dataclass(frozen=True)
class Logo:
    """A logo file's bytes, what kind it is ("png" or "svg"), and where it came from."""

    data: bytes
    kind: str
    path: str

    @property
    def data_uri(self) -> str:
        """The logo inline, for a page that must carry its own assets."""
        mime = "image/png" if self.kind == "png" else "image/svg+xml"
        return f"data:{mime};base64,{base64.b64encode(self.data).decode('ascii')}"

    def png_size(self) -> tuple[int, int]:
        """A PNG's width and height in pixels (from its header)."""
        width, height = struct.unpack(">II", self.data[16:24])
        return width, height


def read_logo(brand: Branding) -> Logo | None:
    """The configured logo, read and checked; ``None`` when there is none.

    Raises:
        Invalid: the file is missing, unreadable, or neither a PNG nor an SVG (one line,
            naming the file).
    """
    if brand.logo is None:
        return None
    path = brand.logo
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise Invalid(f"the logo {path} does not exist (see [summary] logo)") from None
    except OSError as e:
        raise Invalid(f"cannot read the logo {path}: {e.strerror or e}") from None
    if data.startswith(_PNG) and len(data) >= 24 and data[12:16] == b"IHDR":
        logo = Logo(data, "png", str(path))
        if min(logo.png_size()) > 0:
            return logo
    elif b"<svg" in data[:4096]:
        return Logo(data, "svg", str(path))
    raise Invalid(f"the logo {path} is not a PNG or SVG file")


def fit(width: float, height: float, max_width: float, max_height: float) -> tuple[float, float]:
    """A picture's size scaled to fit the box, keeping its shape (never enlarged past it)."""
    scale = min(max_width / width, max_height / height)
    return width * scale, height * scale


def page_size(brand: Branding) -> tuple[float, float]:
    """The paper's width and height in points."""
    return PAGES.get(brand.paper, PAGES["A4"])


def has_header(brand: Branding) -> bool:
    """Whether the documents carry a branded header (a company, a contact or a logo)."""
    return bool(brand.company or brand.contact or brand.logo)
