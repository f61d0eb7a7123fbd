"""The one data model every stage reads and writes.

The flow is one-way: ``sources`` yield :class:`RawDocument` (or :class:`Rejection`),
``extract`` turns a raw document into an :class:`Extraction` and then an :class:`Article`,
later stages (``nlp``, ``link``, ``narrate``) add their own records that point back to an
article and a character span of its body, so that every fact can be traced to its sentence.

Stages add their own dataclasses here, each in its own section below, and never import a
later stage.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Literal

#: What a reader found inside an input: a page of HTML or a piece of plain text.
Format = Literal["text", "html"]


# --------------------------------------------------------------------------- sources


@dataclass(frozen=True)
class RawDocument:
    """One article as a reader found it, before any cleaning.

    ``origin`` names where it came from so that a user can find it again: a file path,
    a URL, or a path with a fragment for containers (``dump.jsonl#line=12``,
    ``feed.xml#entry=3``, ``crawl.warc.gz#record=<WARC-Record-ID>``).
    ``raw`` is the exact bytes read for this article (the file, the JSON line, the feed
    entry, the WARC payload); ``content`` is its decoded text or HTML.
    The ``*_hint`` fields carry metadata that the container gave explicitly (JSON Lines
    fields, feed entry fields, WARC target URI); extraction prefers them to guesses.
    """

    origin: str
    format: Format
    content: str
    raw: bytes
    encoding: str = "utf-8"
    url: str | None = None
    title_hint: str | None = None
    published_hint: str | None = None
    outlet_hint: str | None = None
    language_hint: str | None = None

    @property
    def content_hash(self) -> str:
        """Identity of this input for idempotent ingest: SHA-256 of its folded content."""
        return content_hash(self.content)


@dataclass(frozen=True)
class Rejection:
    """An input that could not be read or turned into an article, and why (one clear line)."""

    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


def content_hash(text: str) -> str:
    """SHA-256 of ``text`` with runs of white space folded, so that re-saved copies match."""
    folded = " ".join(text.split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


# --------------------------------------------------------------------------- extract


#: Why a line or block was removed from an article body.
RemovalReason = Literal[
    "breadcrumb",
    "cookie-notice",
    "subscription-prompt",
    "follow-prompt",
    "comments",
    "caption",
    "credit",
    "tweet-embed",
    "related-links",
    "tags",
    "html-markup",
    "other-language",
    "title-repeat",
    "dateline",
    "share-counter",
    "navigation",
    "boilerplate",
    "not-main-content",
]


@dataclass(frozen=True)
class Removal:
    """A piece of the input left out of the clean body, with the rule that removed it."""

    text: str
    reason: str


@dataclass
class Extraction:
    """What an extractor (HTML or plain text) found in one raw document.

    ``published`` is a timezone-aware or naive :class:`datetime.datetime` when the time is
    known, a :class:`datetime.date` when only the day is, and ``None`` when the input does
    not say (an unknown date stays unknown). ``published_evidence`` quotes what the date was
    read from (an HTML attribute, a line of text) so that it can be checked.
    """

    body: str
    title: str | None = None
    outlet: str | None = None
    published: dt.date | dt.datetime | None = None
    published_evidence: str | None = None
    removed: list[Removal] = field(default_factory=list)


@dataclass
class Article:
    """A clean article: body, metadata, and the raw input it came from (nothing is lost)."""

    origin: str
    content_hash: str
    body: str
    title: str | None
    outlet: str | None
    published: dt.date | dt.datetime | None
    language: str | None
    url: str | None = None
    published_evidence: str | None = None
    removed: list[Removal] = field(default_factory=list)
    raw: bytes = b""
    raw_format: Format = "text"
    raw_encoding: str = "utf-8"
    id: int | None = None

    @property
    def published_iso(self) -> str | None:
        """The publication date as ISO 8601 (a day or a full timestamp), or ``None``."""
        return self.published.isoformat() if self.published is not None else None

    @property
    def published_day(self) -> dt.date | None:
        """The calendar day of publication, whatever the precision."""
        if isinstance(self.published, dt.datetime):
            return self.published.date()
        return self.published


# --------------------------------------------------------------------------- nlp

#: The entity types the ``nlp`` stage produces (spaCy's French labels plus GPE).
EntityKind = Literal["PER", "ORG", "GPE", "LOC", "MISC"]

#: How a quotation is reported: within quote marks, paraphrased, or both.
QuoteKind = Literal["direct", "indirect", "mixed"]


@dataclass(frozen=True)
class Mention:
    """One naming of an entity in an article body; ``body[start:end] == text``.

    ``key`` is the canonical entity id once resolved (``None`` before).
    ``country`` is the ISO 3166 alpha-3 code of a GPE (a state or its government).
    ``role`` is a descriptor read from an apposition ("porte-parole du département d'État").
    """

    article_id: int | str
    start: int
    end: int
    text: str
    kind: str
    name: str
    key: str | None = None
    country: str | None = None
    role: str | None = None


@dataclass
class Entity:
    """One real-world referent across the corpus, merged over its spellings and articles."""

    id: str
    name: str
    kind: str
    country: str | None = None
    aliases: list[str] = field(default_factory=list)
    articles: list[int | str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Quote:
    """A reported statement with its speaker; ``body[start:end] == text``.

    ``speaker`` is the speaker's fullest name in the article (or the role/group phrase when
    no entity is named); ``speaker_entity_id`` points to the canonical :class:`Entity`.
    ``cue`` is the reporting verb or phrase ("a déclaré", "selon"), ``None`` for
    continuation and colon-introduced quotes.
    """

    id: str
    article_id: int | str
    speaker: str | None
    speaker_entity_id: str | None
    text: str
    kind: str
    cue: str | None
    start: int
    end: int
    speaker_start: int | None = None
    speaker_end: int | None = None


# --------------------------------------------------------------------------- link


@dataclass(frozen=True)
class LinkInput:
    """What the ``link`` stage needs of one article to place it in an event and a story.

    ``id`` is the article's stable key (the store id as text, or its content hash): feeding the
    same id twice is a no-op. ``published`` may be ``None``: the article is then placed by its
    text alone, or by ``not_before``, a lower bound its text gives (an embedded tweet's date).
    ``lemmas`` and ``entities`` are optional outputs of ``nlp`` (entity keys such as
    ``"PER:john kerry"``); without lemmas the stage uses a cheap French stemmer, without entities
    the capitalised names of the body. ``language`` (ISO 639-1) decides which reports are
    compared word for word and which by the names they share.
    """

    id: str
    title: str
    body: str
    published: dt.date | dt.datetime | None = None
    outlet: str | None = None
    lemmas: tuple[str, ...] | None = None
    entities: tuple[str, ...] | None = None
    not_before: dt.date | None = None
    language: str | None = None


@dataclass(frozen=True)
class CandidateScore:
    """How one candidate event scored against an article: each component, the decay, the total.

    ``note`` says why a candidate was ruled out whatever its words (an undated article naming
    another weekday than the event's), else ``None``.
    """

    event_id: str
    components: dict[str, float]
    time_decay: float
    score: float
    note: str | None = None


#: What the event stage did with an article.
LinkDecision = Literal["duplicate", "joined", "new", "already-seen"]


@dataclass(frozen=True)
class Explanation:
    """Why an article went where it went: candidates, their scores, the threshold, the decision."""

    article_id: str
    decision: LinkDecision
    event_id: str
    threshold: float
    candidates: tuple[CandidateScore, ...] = ()
    duplicate_of: str | None = None
    story_decision: str = ""


@dataclass(frozen=True)
class EventAssignment:
    """The event (and story) of one article, its wire-copy original if any, and why."""

    article_id: str
    event_id: str
    story_id: str
    duplicate_of: str | None
    explanation: Explanation


@dataclass(frozen=True)
class Event:
    """One real-world happening reported by one or more articles (export record)."""

    id: str
    story_id: str
    title: str
    article_ids: tuple[str, ...]
    outlets: tuple[str, ...]
    first_seen: dt.date | None
    last_seen: dt.date | None


@dataclass(frozen=True)
class Story:
    """A thread of events about the same actors and topic over weeks or months (export record)."""

    id: str
    title: str
    event_ids: tuple[str, ...]
    start: dt.date | None
    end: dt.date | None


# ---- actions


@dataclass(frozen=True)
class ActionActor:
    """One side of a coded event: the words naming it, its code and its sector.

    ``code`` is an ISO 3166 alpha-3 country code, or ``IGO`` / ``NGO`` / ``IMG`` as in
    PLOVER practice; ``sector`` is a CAMEO-style agent code (``GOV``, ``MIL``, ``REB`` …),
    empty when the text names the state itself.
    """

    name: str
    code: str
    sector: str = ""


@dataclass(frozen=True)
class Action:
    """Who did what to whom, read from one sentence (PLOVER event coding).

    ``source`` and ``target`` hold one actor per participant (a compound actor is listed
    as several); ``target`` is empty for reciprocal or one-sided events. ``event`` is the
    PLOVER type (GSR labels: DEMAND, DISAPPROVE, FIGHT …), ``mode`` its optional PLOVER mode,
    ``cameo`` the CAMEO root code of the type. ``negated`` events are said *not* to have
    happened (they are kept for traceability and are not events). ``reported_by`` is whoever
    the sentence quotes as reporting the event ("selon le Pentagone"). ``start``/``end`` index
    the article body (or the coded text): ``body[start:end] == sentence``.
    """

    id: str
    article_id: int | str | None
    date: dt.date | None
    source: tuple[ActionActor, ...]
    event: str
    target: tuple[ActionActor, ...]
    trigger: str
    sentence: str
    start: int
    end: int
    mode: str | None = None
    cameo: str | None = None
    negated: bool = False
    reported_by: str | None = None
