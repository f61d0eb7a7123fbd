"""A small bar chart of mentions over time, drawn on the server as inline SVG (no script).

Only numbers and our own labels go into the SVG; it needs no style attribute, so the strict
Content-Security-Policy (``style-src 'self'``) holds.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from markupsafe import Markup, escape

WIDTH, HEIGHT, LABEL = 600, 120, 18
#: Days spanned beyond which the chart counts by month instead of by day.
DAILY_SPAN = 62


@dataclass(frozen=True)
class Bar:
    """One bar: its label (a day or a month) and its count."""

    label: str
    count: int


def bars(days: Iterable[str | None]) -> list[Bar]:
    """Counts per day (ISO dates), or per month over a long span; undated ones left out."""
    dated = sorted(d for d in days if d)
    if not dated:
        return []
    monthly = _span_days(dated[0], dated[-1]) > DAILY_SPAN
    counts = Counter(d[:7] if monthly else d for d in dated)
    return [Bar(label, counts[label]) for label in sorted(counts)]


def _span_days(first: str, last: str) -> int:
    y1, m1, d1 = (int(x) for x in first[:10].split("-"))
    y2, m2, d2 = (int(x) for x in last[:10].split("-"))
    return (y2 - y1) * 372 + (m2 - m1) * 31 + (d2 - d1)


def svg_chart(data: list[Bar], title: str) -> Markup:
    """An accessible SVG bar chart of ``data`` (empty markup when there is nothing to draw)."""
    if not data:
        return Markup("")
    top = max(bar.count for bar in data)
    step = WIDTH / len(data)
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT + LABEL}" role="img" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
    ]
    for i, bar in enumerate(data):
        height = max(2.0, HEIGHT * bar.count / top)
        x = i * step + step * 0.1
        parts.append(
            f'<rect class="bar" x="{x:.1f}" y="{HEIGHT - height:.1f}" width="{step * 0.8:.1f}" '
            f'height="{height:.1f}"><title>{escape(bar.label)}: {bar.count}</title></rect>'
        )
    parts.append(_axis_labels(data))
    parts.append("</svg>")
    return Markup("".join(parts))


def _axis_labels(data: list[Bar]) -> str:
    """The first and last labels under the bars."""
    first = f'<text class="axis" x="0" y="{HEIGHT + LABEL - 4}">{escape(data[0].label)}</text>'
    if len(data) == 1:
        return first
    last = (f'<text class="axis" x="{WIDTH}" y="{HEIGHT + LABEL - 4}" text-anchor="end">'
            f"{escape(data[-1].label)}</text>")
    return first + last
