"""A small bar chart of mentions over time, drawn on the server as inline SVG (no script).

Only numbers and our own labels go into the SVG; it needs no style attribute, so the strict
Content-Security-Policy (``style-src 'self'``) holds.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from markupsafe import Markup, escape

WIDTH, HEIGHT, LABEL = 600, 120, 18
#: Widest bar drawn, so that a chart of one or two periods does not fill the width.
MAX_BAR = 40.0
#: Days spanned beyond which the chart counts by month instead of by day.
DAILY_SPAN = 62


@dataclass(frozen=True)
class Bar:
    """One bar: its label (a day or a month) and its count."""

    label: str
    count: int


def bars(days: Iterable[str | None]) -> list[Bar]:
    """Counts per day (ISO dates), or per month over a long span, with empty periods filled.

    Undated mentions are left out. Every day (or month) from the first to the last is a bar,
    so that the horizontal axis is time and a quiet week shows as a gap.
    """
    return counted_bars(Counter(days))


def counted_bars(counts: Mapping[str | None, int]) -> list[Bar]:
    """:func:`bars` of days already counted (``{day: n}``), as a ``GROUP BY`` returns them."""
    dated: Counter[dt.date] = Counter()
    for day, n in counts.items():
        if day and n:
            dated[dt.date.fromisoformat(day[:10])] += n
    if not dated:
        return []
    first, last = min(dated), max(dated)
    monthly = (last - first).days > DAILY_SPAN
    periods: Counter[str] = Counter()
    for date, n in dated.items():
        periods[date.isoformat()[:7] if monthly else date.isoformat()] += n
    labels = _months(first, last) if monthly else _days(first, last)
    return [Bar(label, periods.get(label, 0)) for label in labels]


def _days(first: dt.date, last: dt.date) -> list[str]:
    return [(first + dt.timedelta(days=n)).isoformat() for n in range((last - first).days + 1)]


def _months(first: dt.date, last: dt.date) -> list[str]:
    count = (last.year - first.year) * 12 + last.month - first.month + 1
    index = first.year * 12 + first.month - 1
    return [f"{(index + n) // 12:04d}-{(index + n) % 12 + 1:02d}" for n in range(count)]


def svg_chart(data: list[Bar], title: str) -> Markup:
    """An accessible SVG bar chart of ``data`` (empty markup when there is nothing to draw)."""
    if not data:
        return Markup("")
    top = max(bar.count for bar in data)
    step = min(WIDTH / len(data), MAX_BAR / 0.8)
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT + LABEL}" role="img" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
    ]
    for i, bar in enumerate(data):
        if not bar.count:
            continue
        height = max(2.0, HEIGHT * bar.count / top)
        x = i * step + step * 0.1
        parts.append(
            f'<rect class="bar" x="{x:.1f}" y="{HEIGHT - height:.1f}" width="{step * 0.8:.1f}" '
            f'height="{height:.1f}"><title>{escape(bar.label)}: {bar.count}</title></rect>'
        )
    parts.append(f'<line class="baseline" x1="0" y1="{HEIGHT}" x2="{step * len(data):.1f}" '
                 f'y2="{HEIGHT}"/>')
    parts.append(_axis_labels(data, step * len(data)))
    parts.append("</svg>")
    return Markup("".join(parts))


def _axis_labels(data: list[Bar], right: float) -> str:
    """The first and last labels under the bars, the last one ending at ``right``."""
    first = f'<text class="axis" x="0" y="{HEIGHT + LABEL - 4}">{escape(data[0].label)}</text>'
    if len(data) == 1:
        return first
    x = max(right, 160.0)
    last = (f'<text class="axis" x="{x:.1f}" y="{HEIGHT + LABEL - 4}" text-anchor="end">'
            f"{escape(data[-1].label)}</text>")
    return first + last
