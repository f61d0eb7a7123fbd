"""Dates written in prose (French first, English too): publication dates and relative dates.

Parsing is dateparser's job (offline: ``languages=['fr', 'en']``, explicit ``settings``, no
network). What dateparser does not do well is *finding* a date inside a line:
``dateparser.search.search_dates`` splits "Mis à jour le mercredi 16 septembre 2015 à 22h25"
into four unrelated dates and reads "2023" in a photo credit as a date. So this module locates
candidate spans itself with a small regular expression built from babel's month and day names
(so the names are the CLDR ones, not a hand-typed list), and hands each span to
:func:`dateparser.parse`.

A publication date needs a day, a month and a year: "ce mercredi" in an article without a year
stays unknown. Photo credits ("© AFP 2023") and the dates of embedded tweets ("— RT France
(@RTenfrancais) 28 septembre 2016") are never the article's publication date; tweet dates are
kept as :class:`DateHint` bounds (the article is not older than the tweets it embeds).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, Literal

import dateparser
from babel.dates import get_day_names, get_month_names

__all__ = [
    "DateHint",
    "PublishedDate",
    "date_line_byline",
    "date_spans",
    "find_date_hints",
    "find_published",
    "is_date_line",
    "latest_date_hint",
    "parse_prose_date",
    "resolve_relative",
]

#: Locales whose month and day names the span finder knows (French first, then the other
#: languages of the evaluation pages).
LOCALES = ("fr", "en", "de", "es", "it", "pt", "nl", "pl")
#: Languages dateparser is told to read (a closed list keeps it fast and deterministic).
LANGUAGES = ["fr", "en", "de", "es", "it", "pt", "nl", "pl"]

DateKind = Literal["published", "updated", "time-element", "dateline", "tweet"]

#: Labels that say which date a line gives. "Mis à jour" loses to "Publié" when both appear.
_PUBLISHED_LABEL = re.compile(
    r"\b(publi[ée]e?|paru|mis en ligne|cr[ée]{2}|published|posted|veröffentlicht|erschienen)\b",
    re.IGNORECASE,
)
_UPDATED_LABEL = re.compile(
    r"\b(mis à jour|mise à jour|actualis[ée]e?|modifi[ée]e?|updated|last modified|aktualisiert)\b",
    re.IGNORECASE,
)
#: A photo or copyright credit: its year is the picture's, not the article's.
_CREDIT = re.compile(r"^\s*(©|\(c\)|copyright\b|crédit|photo\s*:)", re.IGNORECASE)
#: The attribution line of an embedded tweet: "— Name (@handle) 28 septembre 2016".
TWEET_ATTRIBUTION = re.compile(r"^\s*[—–-]\s*.{1,80}\(@\w{1,30}\)\s*(?P<date>.+)$")
_TIME_ELEMENT = re.compile(
    r"<time\b[^>]*\bdatetime\s*=\s*[\"']?(?P<iso>[^\"'\s>]+)[^>]*>(?P<text>[^<]*)", re.IGNORECASE
)
_NUMERIC = (
    r"\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})\b"
    r"|\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?"
)
_TIME = r"(?:\s*(?:à|a|at|um|,|-)?\s*\d{1,2}\s*(?:h|:)\s*\d{0,2}(?:\s*(?:am|pm|uhr))?)?"


@dataclass(frozen=True)
class PublishedDate:
    """A publication date found in text, the line it was read from and how it was labelled."""

    value: dt.date | dt.datetime
    evidence: str
    kind: DateKind


@dataclass(frozen=True)
class DateHint:
    """A date that bounds the publication date without being it (e.g. an embedded tweet's)."""

    value: dt.date | dt.datetime
    evidence: str
    kind: DateKind


@cache
def _names_pattern() -> str:
    """Alternation of month and weekday names (wide and abbreviated) from babel's CLDR data."""
    names: set[str] = set()
    for loc in LOCALES:
        for width in ("wide", "abbreviated"):
            names.update(str(n).rstrip(".") for n in get_month_names(width, locale=loc).values())
    return "|".join(sorted((re.escape(n) for n in names if len(n) >= 3), key=len, reverse=True))


@cache
def _weekdays_pattern() -> str:
    names = {str(n) for loc in LOCALES for n in get_day_names("wide", locale=loc).values()}
    return "|".join(sorted(map(re.escape, names), key=len, reverse=True))


@cache
def _span_regex() -> re.Pattern[str]:
    """Prose dates: "(mercredi) 16 septembre 2015 (à 22h25)", "Sept. 28, 2016", "31. Mai 2012"."""
    month = rf"(?:{_names_pattern()})\.?"
    day = r"(?:1er|\d{1,2})\.?"
    weekday = rf"(?:(?:{_weekdays_pattern()}),?\s+)?"
    prose = (
        rf"{weekday}{day}\s+{month}\s+\d{{4}}{_TIME}"
        rf"|{weekday}{month}\s+{day},?\s+\d{{4}}{_TIME}"
    )
    # The clock time may follow either numeric form ("22/09/2025 à 19h12", ISO dates).
    return re.compile(rf"(?<!\w)(?:{prose}|(?:{_NUMERIC}){_TIME})(?!\w)", re.IGNORECASE)


def _settings(reference: dt.datetime | None = None, prefer: str = "past") -> dict[str, Any]:
    settings: dict[str, Any] = {
        "PREFER_DATES_FROM": prefer,
        "DATE_ORDER": "DMY",
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_AS_TIMEZONE_AWARE": False,
        "STRICT_PARSING": False,
    }
    if reference is not None:
        settings["RELATIVE_BASE"] = reference
    return settings


def date_spans(text: str) -> list[tuple[str, dt.date | dt.datetime]]:
    """Every complete date (day, month and year) written in ``text``, with its span text.

    A date with a clock time comes back as a naive :class:`datetime.datetime`, a day alone as a
    :class:`datetime.date`. Years alone ("© AFP 2023") and days without a year are not dates here.
    """
    return list(_date_spans(text))


@lru_cache(maxsize=8192)
def _date_spans(text: str) -> tuple[tuple[str, dt.date | dt.datetime], ...]:
    """:func:`date_spans`, memoised: several rules ask about the same lines."""
    found: list[tuple[str, dt.date | dt.datetime]] = []
    for match in _span_regex().finditer(text):
        span = match.group(0).strip(" ,-")
        value = _parse_span(span)
        if value is not None:
            found.append((span, value))
    return tuple(found)


@cache
def _parse_span(span: str) -> dt.date | dt.datetime | None:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}.*", span):
        return _parse_iso(span)
    numeric = _NUMERIC_DAY.fullmatch(span)
    if numeric:
        # A day-first numeric date needs no language model (and dateparser takes ~5 ms).
        return _numeric_date(*numeric.groups())
    cleaned = re.sub(r"\b1er\b", "1", span)
    # dateparser does not know the German "31. Mai" ordinal dot.
    cleaned = re.sub(r"(\d)\.\s+(?=[^\d\s])", r"\1 ", cleaned)
    # The span is an absolute date: dateparser's relative and timestamp parsers are skipped.
    settings = _settings() | {"PARSERS": ["absolute-time", "custom-formats"]}
    parsed = dateparser.parse(cleaned, languages=LANGUAGES, settings=settings)
    if parsed is None:
        return None
    has_time = re.search(r"\d\s*(h|:)\s*\d|\d\s*h\b", span, re.IGNORECASE) is not None
    return parsed if has_time else parsed.date()


#: A day-first numeric date, perhaps with a clock time: "22/09/2025 à 19h12", "08.06.2020".
_NUMERIC_DAY = re.compile(
    r"(\d{1,2})[./-](\d{1,2})[./-](\d{4})"
    r"(?:\s*(?:à|a|at|um|,|-)?\s*(\d{1,2})\s*[h:]\s*(\d{0,2})(?:\s*uhr)?)?",
    re.IGNORECASE,
)


def _numeric_date(
    day: str, month: str, year: str, hour: str | None, minute: str | None
) -> dt.date | dt.datetime | None:
    """The date (or date and time) of a day-first numeric span, ``None`` if it is impossible."""
    try:
        if hour is None:
            return dt.date(int(year), int(month), int(day))
        return dt.datetime(int(year), int(month), int(day), int(hour), int(minute or 0))
    except ValueError:
        return None


def _parse_iso(value: str) -> dt.date | dt.datetime | None:
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return dt.date.fromisoformat(value)
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def is_date_line(line: str, max_other_words: int = 4) -> bool:
    """True when ``line`` is essentially a date (plus a label or a byline of a few words)."""
    spans = date_spans(line)
    if not spans:
        return False
    rest = line
    for span, _ in spans:
        rest = rest.replace(span, " ")
    rest = _PUBLISHED_LABEL.sub(" ", _UPDATED_LABEL.sub(" ", rest))
    words = re.findall(r"\w+", rest)
    return len(words) <= max_other_words


#: Words that link a byline to its date ("Le Soir <time> Mis à jour le …", "Anna Berg, le …").
_BYLINE_LINK = re.compile(
    r"(?:(?:\s+|^)(?:le|la|on|am|the|du|des|den|à|at|um)|\s*[,|/—–-])\s*$", re.IGNORECASE
)
_BYLINE_MARK = re.compile(r"\b(?:par|by|von)\b", re.IGNORECASE)


def date_line_byline(line: str) -> str:
    """What a date line says before its date and label: a signature ("Belga News Mis à jour le
    …" gives "Belga News"); empty when the line opens with its date, label or a "Par" byline."""
    cuts = [m.start() for m in _span_regex().finditer(line)]
    cuts += [m.start() for m in (_PUBLISHED_LABEL.search(line), _UPDATED_LABEL.search(line)) if m]
    head = line[: min(cuts)] if cuts else ""
    mark = _BYLINE_MARK.search(head)
    head = head[: mark.start()] if mark else head
    while (link := _BYLINE_LINK.search(head)) is not None:
        head = head[: link.start()]
    return head.strip()


def find_published(lines: Iterable[str]) -> PublishedDate | None:
    """The publication date stated in a text's lines, or ``None`` when the text does not say.

    Evidence, best first: a line labelled as the publication ("Publié le …"), a ``<time
    datetime>`` left in scraped text, a standalone date line or a dateline opening a paragraph
    ("Le 12 mars 2024, …"), then a line labelled as an update ("Mis à jour le …"). Credits and
    tweet attributions are skipped.
    """
    rank: dict[DateKind, int] = {
        "published": 0,
        "time-element": 1,
        "dateline": 2,
        "updated": 3,
        "tweet": 9,
    }
    candidates = [c for line in lines for c in _line_candidates(line)]
    if not candidates:
        return None
    return min(candidates, key=lambda c: rank[c.kind])


def find_date_hints(lines: Iterable[str]) -> list[DateHint]:
    """Dates that bound the publication without being it: the dates of embedded tweets."""
    hints: list[DateHint] = []
    for line in lines:
        match = TWEET_ATTRIBUTION.match(line)
        if match:
            hints.extend(DateHint(v, line.strip(), "tweet") for _, v in date_spans(match["date"]))
    return hints


def latest_date_hint(lines: Iterable[str]) -> DateHint | None:
    """The latest of :func:`find_date_hints` (the first one read, among equal days)."""
    return max(find_date_hints(lines), key=lambda h: _as_day(h.value), default=None)


def _as_day(value: dt.date | dt.datetime) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def _line_candidates(line: str) -> list[PublishedDate]:
    if _CREDIT.match(line) or TWEET_ATTRIBUTION.match(line):
        return []
    evidence = " ".join(line.split())
    found = [_time_element(m, evidence) for m in _TIME_ELEMENT.finditer(line)]
    text = re.sub(r"<[^>]*>", " ", line)
    spans = date_spans(text)
    if not spans:
        return [f for f in found if f is not None]
    value = spans[0][1]
    updated, published = _UPDATED_LABEL.search(text), _PUBLISHED_LABEL.search(text)
    if published and (not updated or published.start() < updated.start()):
        found.append(PublishedDate(value, evidence, "published"))
    elif updated:
        found.append(PublishedDate(value, evidence, "updated"))
    elif is_date_line(text) or _opens_with_dateline(text, spans[0][0]):
        found.append(PublishedDate(value, evidence, "dateline"))
    return [f for f in found if f is not None]


def _time_element(match: re.Match[str], evidence: str) -> PublishedDate | None:
    value = _parse_iso(match["iso"])
    if value is None:
        return None
    # The element's own words say whether it is the publication or an update.
    kind: DateKind = "updated" if _UPDATED_LABEL.search(match["text"]) else "time-element"
    return PublishedDate(value, evidence, kind)


def _opens_with_dateline(text: str, span: str) -> bool:
    """A paragraph that opens with its date: "Le 12 mars 2024, …", "PARIS, 12 mars 2024 —"."""
    head = text.strip()[: text.strip().find(span) if span in text else 0]
    return bool(re.fullmatch(r"\s*(le|on|am)?\s*|[A-ZÀ-Ý' -]{2,30},\s*(le)?\s*", head, re.I))


# --------------------------------------------------------------------------- relative dates

_FILLERS = re.compile(r"\b(ce|cette|le|la|l'|du|depuis|en date du)\s+", re.IGNORECASE)
_PAST_MARK = re.compile(r"\s+(dernier|dernière|précédent|précédente|passé|passée)\b", re.I)
_FUTURE_MARK = re.compile(r"\s+(prochain|prochaine|suivant|suivante)\b", re.IGNORECASE)


def resolve_relative(
    expression: str, reference: dt.date | dt.datetime
) -> dt.date | dt.datetime | None:
    """The day that a French or English expression names, read from ``reference``'s point of view.

    "lundi" and "ce mercredi" are the closest such day up to the reference (news speaks of
    the current week: "ce mercredi" in a Wednesday article is that Wednesday); "dernier"
    looks back, "prochain" forward; "le 9 septembre dernier" is the last 9 September before
    the reference; "hier", "avant-hier", "il y a trois jours" as usual. Returns a date (or a
    datetime when the expression gives a time), or ``None`` when it names no day.
    """
    base = (
        reference
        if isinstance(reference, dt.datetime)
        else dt.datetime.combine(reference, dt.time(12))
    )
    text = " ".join(expression.strip().split())
    prefer = "future" if _FUTURE_MARK.search(text) else "past"
    text = _FUTURE_MARK.sub("", _PAST_MARK.sub("", text))
    text = _FILLERS.sub("", text).strip() or text
    parsed = dateparser.parse(text, languages=LANGUAGES, settings=_settings(base, prefer))
    if parsed is None:
        return None
    week_ago = parsed.date() == base.date() - dt.timedelta(days=7)
    if _is_weekday(text) and week_ago and not _PAST_MARK.search(expression):
        parsed = base
    has_time = re.search(r"\d\s*(h|:)\s*\d", text) is not None
    return parsed if has_time else parsed.date()


def _is_weekday(text: str) -> bool:
    return re.fullmatch(rf"(?:{_weekdays_pattern()})", text, re.IGNORECASE) is not None


def parse_prose_date(
    text: str, reference: dt.date | dt.datetime | None = None
) -> dt.date | dt.datetime | None:
    """A complete date written in ``text``, else a relative one read from ``reference``."""
    spans = date_spans(text)
    if spans:
        return spans[0][1]
    return resolve_relative(text, reference) if reference is not None else None
