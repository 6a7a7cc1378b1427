"""The small chart of a check's document: one sparkline per numeric field over the last checks,
worked out once (which fields, where each point goes) and drawn as SVG (HTML) or as a ReportLab
drawing (PDF)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from actionplan.health.rows import with_unit

if TYPE_CHECKING:
    from actionplan.health.document import CheckDoc

COLOURS = {"amber": "#b26a00", "red": "#c62828", None: "#1f5fa8"}
"""A point's colour by its threshold colour (None: within limits)."""
Point = tuple[float, float]


@dataclass(frozen=True, slots=True)
class Spark:
    """One field's line: points in a unit box (x 0 to 1 left to right, y 0 to 1 bottom to top),
    broken where a check left it blank, and the words printed beside it."""

    label: str
    runs: tuple[tuple[Point, ...], ...]
    """The unbroken stretches of the line."""
    dots: tuple[tuple[Point, str | None], ...]
    """Every known value's point and its threshold colour."""
    last: str
    """The latest known value with its unit."""
    span: str
    """``low–high`` over the checks shown."""


def sparks(doc: CheckDoc) -> list[Spark]:
    """A spark for each numeric field known in at least two of the last checks."""
    out = []
    for s in doc.history:
        field = doc.form.field(s.key)
        known = [v for v in s.values if v is not None]
        if field is None or field.internal or len(known) < 2:
            continue
        low, high = min(known), max(known)
        last_x = max(len(s.values) - 1, 1)
        runs: list[list[Point]] = [[]]
        dots = []
        for n, v in enumerate(s.values):
            if v is None:
                runs.append([])
                continue
            point = (n / last_x, 0.5 if high == low else (v - low) / (high - low))
            runs[-1].append(point)
            dots.append((point, field.colour(v)))
        out.append(
            Spark(
                label=s.label,
                runs=tuple(tuple(r) for r in runs if r),
                dots=tuple(dots),
                last=with_unit(field, known[-1]),
                span=f"{with_unit(field, low)}–{with_unit(field, high)}",
            )
        )
    return out


def svg(spark: Spark, width: int = 150, height: int = 34) -> str:
    """The line as a small inline SVG (no text: the page prints the words beside it)."""
    pad = 3

    def at(p: Point) -> str:
        x = pad + p[0] * (width - 2 * pad)
        y = pad + (1 - p[1]) * (height - 2 * pad)
        return f"{x:.1f},{y:.1f}"

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-hidden="true">',
        f'<line x1="0" y1="{height - 0.5}" x2="{width}" y2="{height - 0.5}" '
        'stroke="#d7dde2" stroke-width="1"/>',
    ]
    for run in spark.runs:
        if len(run) > 1:
            points = " ".join(at(p) for p in run)
            parts.append(
                f'<polyline points="{points}" fill="none" stroke="{COLOURS[None]}" '
                'stroke-width="1.5" stroke-linejoin="round"/>'
            )
    for point, colour in spark.dots:
        x, y = at(point).split(",")
        parts.append(f'<circle cx="{x}" cy="{y}" r="2" fill="{COLOURS[colour]}"/>')
    return "".join(parts) + "</svg>"


def drawing(spark: Spark, width: float, height: float) -> Any:
    """The line as a ReportLab drawing of this size (points)."""
    from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine
    from reportlab.lib.colors import HexColor

    pad = 2.5
    d = Drawing(width, height)
    d.add(Line(0, 0.3, width, 0.3, strokeColor=HexColor("#d7dde2"), strokeWidth=0.6))

    def at(p: Point) -> tuple[float, float]:
        return pad + p[0] * (width - 2 * pad), pad + p[1] * (height - 2 * pad)

    for run in spark.runs:
        if len(run) > 1:
            flat = [c for p in run for c in at(p)]
            d.add(PolyLine(flat, strokeColor=HexColor(COLOURS[None]), strokeWidth=1))
    for point, colour in spark.dots:
        x, y = at(point)
        fill = HexColor(COLOURS[colour])
        d.add(Circle(x, y, 1.4, fillColor=fill, strokeColor=fill, strokeWidth=0))
    return d
