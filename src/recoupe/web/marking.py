"""Server-side highlighting of an article body: entity mentions, quotes and action sentences.

Spans are offsets ``start``/``end`` into the clean body. The body is cut into paragraphs, each
text piece is escaped, and only then are our own tags put around the spans, so that nothing
from the article can become markup. Spans must nest: one that crosses another is left out.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

#: Which span is the outer one when two start at the same place with the same length.
ACTION, QUOTE, MENTION = 0, 1, 2

#: Builds the opening tag of a span; the argument says whether this piece starts the span.
Opener = Callable[[bool], str]


@dataclass(frozen=True)
class Span:
    """A part of the body to wrap: ``opener(first)`` before it, ``closer`` after it."""

    start: int
    end: int
    rank: int
    opener: Opener
    closer: str
    is_link: bool = False


def mention_span(mention: dict[str, Any]) -> Span | None:
    """A link to the entity's page around a mention (none for an unresolved mention)."""
    entity_id = mention.get("entity_id")
    if entity_id is None:
        return None
    kind = escape(str(mention["kind"]).lower())
    tag = f'<a class="mention kind-{kind}" href="/entities/{int(entity_id)}">'
    return Span(mention["start"], mention["end"], MENTION, lambda _first: tag, "</a>", True)


def quote_span(quote: dict[str, Any]) -> Span:
    """A ``<mark>`` around a quote, with its speaker as a title and the anchor ``#q{id}``."""
    speaker = escape(quote.get("speaker") or "unknown speaker")
    ident = f'q{int(quote["id"])}'

    def opener(first: bool) -> str:
        anchor = f' id="{ident}"' if first else ""
        return f'<mark class="quote"{anchor} title="{speaker}" data-speaker="{speaker}">'

    return Span(quote["start"], quote["end"], QUOTE, opener, "</mark>")


def action_span(action: dict[str, Any]) -> Span:
    """A ``<mark>`` around an action's evidence sentence, with the anchor ``#a{id}``."""
    ident = f'a{int(action["id"])}'
    label = escape(f'{action.get("event") or "action"}: {action.get("trigger") or ""}')

    def opener(first: bool) -> str:
        anchor = f' id="{ident}"' if first else ""
        return f'<mark class="action"{anchor} title="{label}">'

    return Span(action["start"], action["end"], ACTION, opener, "</mark>")


def marked_paragraphs(body: str, spans: Sequence[Span]) -> list[Markup]:
    """The body's non-blank lines as escaped HTML with the spans marked (clipped per line)."""
    ordered = sorted(spans, key=lambda s: (s.start, -s.end, s.rank))
    out = []
    for match in re.finditer(r"[^\n]+", body):
        line = match.group()
        start = match.start() + len(line) - len(line.lstrip())
        end = match.end() - (len(line) - len(line.rstrip()))
        if start < end:
            out.append(mark(body, start, end, _clip(ordered, start, end)))
    return out


def _clip(spans: Sequence[Span], start: int, end: int) -> list[tuple[Span, int, int]]:
    """The spans that touch ``[start, end)``, cut to it: (span, piece start, piece end)."""
    return [(s, max(s.start, start), min(s.end, end)) for s in spans
            if s.start < end and s.end > start and s.start < s.end]


def mark(text: str, start: int, end: int, pieces: Sequence[tuple[Span, int, int]]) -> Markup:
    """``text[start:end]`` escaped, with each nesting piece wrapped in its tags."""
    out: list[str] = []
    pos = start
    stack: list[tuple[Span, int, int]] = []
    for piece in pieces:
        span, lo, hi = piece
        pos = _close_until(text, out, stack, pos, lo)
        if stack and (hi > stack[-1][2] or (span.is_link and _in_link(stack))):
            continue  # crosses the enclosing span, or would put a link in a link
        out.append(str(escape(text[pos:lo])))
        out.append(span.opener(lo == span.start))
        pos = lo
        stack.append(piece)
    pos = _close_until(text, out, stack, pos, end + 1)
    out.append(str(escape(text[pos:end])))
    return Markup("".join(out))


def _close_until(
    text: str, out: list[str], stack: list[tuple[Span, int, int]], pos: int, limit: int
) -> int:
    """Close every open span that ends at or before ``limit``; returns the new position."""
    while stack and stack[-1][2] <= limit:
        span, _lo, hi = stack.pop()
        out.append(str(escape(text[pos:hi])))
        out.append(span.closer)
        pos = hi
    return pos


def _in_link(stack: Sequence[tuple[Span, int, int]]) -> bool:
    return any(span.is_link for span, _lo, _hi in stack)
