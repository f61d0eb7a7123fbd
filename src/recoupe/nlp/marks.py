"""Quotation marks and the parts of a text that cannot hold a quote.

Pairs French guillemets, curly and straight double quotes over one paragraph, and finds
lines of embedded tweets and photo captions (text there is not the article's reporting).
Hand-written because no library pairs quote marks with French conventions (nested
guillemets and curly quotes, straight quotes inside guillemets).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from recoupe.nlp.lexicon import TWEET_MARKERS

_PAIRS = {"«": "»", "“": "”", "‹": "›"}
_TWEET_SIGNATURE = re.compile(r"^\s*[—–-]\s*.+\(@\w+\)")
_CAPTION = re.compile(r"^\s*(©|Photo|Crédit|Illustration)", re.IGNORECASE)


@dataclass(frozen=True)
class Marks:
    """A pair of quote marks: ``open`` and ``close`` index the mark characters."""

    open: int
    close: int

    @property
    def inner(self) -> tuple[int, int]:
        """Character span of the content (without the marks)."""
        return self.open + 1, self.close


def inner_trimmed(text: str, m: Marks) -> tuple[int, int]:
    """The content span of ``m`` without surrounding white space."""
    start, end = m.inner
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def find_marks(text: str) -> list[Marks]:
    """All outermost quote-mark pairs, paragraph by paragraph."""
    found: list[Marks] = []
    offset = 0
    for line in text.split("\n"):
        found.extend(Marks(offset + m.open, offset + m.close) for m in _line_marks(line))
        offset += len(line) + 1
    return found


def _line_marks(line: str) -> list[Marks]:
    out: list[Marks] = []
    i = 0
    straight_open: int | None = None
    while i < len(line):
        ch = line[i]
        if ch in _PAIRS:
            close = _matching(line, i)
            if close is None and _opens_paragraph(line, i):
                close = len(line.rstrip())
            if close is not None:
                out.append(Marks(i, close))
                i = close + 1
                continue
        elif ch == '"':
            if straight_open is None:
                straight_open = i
            else:
                out.append(Marks(straight_open, i))
                straight_open = None
        i += 1
    return out


def _opens_paragraph(line: str, i: int) -> bool:
    """An unclosed guillemet that opens a paragraph (or follows a colon): in French
    typography a quotation running over several paragraphs is closed only at its end, so
    the quote runs to the end of this paragraph."""
    before = line[:i].rstrip()
    return (before == "" or before.endswith(":")) and len(line) - i > 20


def _matching(line: str, start: int) -> int | None:
    """Index of the mark closing ``line[start]``, allowing nested pairs of the same kind."""
    opener, closer = line[start], _PAIRS[line[start]]
    depth = 0
    for j in range(start, len(line)):
        if line[j] == opener:
            depth += 1
        elif line[j] == closer:
            depth -= 1
            if depth == 0:
                return j
    return None


def blocked_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of tweet embeds and captions, where nothing is a quote."""
    lines = text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    blocked: set[int] = set()
    for n, line in enumerate(lines):
        if _TWEET_SIGNATURE.match(line):
            blocked.update({n, n - 1})
        elif any(marker in line for marker in TWEET_MARKERS) or _CAPTION.match(line):
            blocked.add(n)
    return [(starts[n], starts[n] + len(lines[n])) for n in sorted(blocked) if n >= 0]


def inside(start: int, end: int, ranges: list[tuple[int, int]]) -> bool:
    """Whether [start, end) overlaps any of ``ranges``."""
    return any(start < r_end and r_start < end for r_start, r_end in ranges)
