"""Online event clustering in publication order, with no look-ahead.

After Miranda et al. (2018, "Multilingual clustering of streaming news") and Santos et al.
(2022): each arriving article is compared with the candidate events found through an inverted
index over the heaviest terms of each event centroid; the similarity combines per-field cosines
(body words, title, lemmas, entities when given) with a time decay; below a tuned threshold the
article opens a new event. A second pass after each batch merges fragments whose centroids have
become similar. Events idle longer than a window leave the index (their records stay).

An undated article has no time decay; when its words name the weekday of its happening ("a
annoncé lundi", :func:`recoupe.extract.day_names.happening_weekday`), that weekday must be
within a day of one its candidate event allows (its members' publication days and named days).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, ClassVar, Self

from recoupe.extract.day_names import WEEKDAYS
from recoupe.link.clusters import ClusterSet, stable_id
from recoupe.link.index import ClusterIndex, Scored, Vecs, unit
from recoupe.link.text import content_terms
from recoupe.model import CandidateScore


@dataclass
class EventRecord:
    """What is kept of an event for export, active or retired."""

    key: str
    story: int
    article_ids: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    first: float | None = None
    last: float | None = None
    #: Weekdays (Monday = 0) its happening can have been on, from its members' dates and words.
    weekdays: list[int] = field(default_factory=list)

    def add(self, article_id: str, title: str, outlet: str | None, day: float | None,
            weekdays: Iterable[int] = ()) -> None:
        """Record one member article (``weekdays``: the days it says its happening was on)."""
        self.article_ids.append(article_id)
        self.titles.append(title)
        if outlet and outlet not in self.outlets:
            self.outlets.append(outlet)
        self.add_day(day)
        self.add_weekdays(weekdays)

    def add_weekdays(self, weekdays: Iterable[int]) -> None:
        """Note more weekdays the happening can have been on."""
        self.weekdays = sorted(set(self.weekdays).union(weekdays))

    def rules_out(self, weekday: int | None) -> bool:
        """Whether its members' days exclude a happening on ``weekday`` (see :func:`near_days`)."""
        return weekday is not None and bool(self.weekdays) and not near_days([weekday],
                                                                             self.weekdays)

    def absorb(self, other: EventRecord) -> None:
        """Take over the members of a merged fragment."""
        self.article_ids.extend(other.article_ids)
        self.titles.extend(other.titles)
        self.outlets.extend(o for o in other.outlets if o not in self.outlets)
        for day in (other.first, other.last):
            self.add_day(day)
        self.add_weekdays(other.weekdays)

    def add_day(self, day: float | None) -> None:
        """Extend the first/last seen days."""
        if day is not None:
            self.first = day if self.first is None else min(self.first, day)
            self.last = day if self.last is None else max(self.last, day)

    def central_title(self, sample: int = 50) -> str:
        """The member title sharing most words with the others (the event's most typical title)."""
        titles = self.titles[:sample]
        bags = [set(content_terms(t)) for t in titles]
        freq: Counter[str] = Counter(w for bag in bags for w in bag)
        def centrality(i: int) -> float:
            return sum(freq[w] for w in bags[i]) / (1 + len(bags[i])) ** 0.5
        best = max(range(len(titles)), key=lambda i: (centrality(i), -i), default=None)
        return titles[best] if best is not None else ""


#: Terms kept per field of a retired event's centroid: enough to recognise it, small to keep.
ARCHIVE_TERMS = {"body": 60, "title": 20, "lemmas": 60, "entities": 20, "names": 20}


@dataclass
class ArchivingIndex(ClusterIndex):
    """An index of active events that hands each event it retires to an ``archive`` index.

    Dated articles never need a retired event (the time decay has made it irrelevant), but an
    undated one may report any of them: the archive keeps a truncated centroid of each retired
    event for its own window, for undated articles only.
    """

    archive: ClusterIndex | None = None
    _retiring: float | None = field(default=None, repr=False)

    def retire(self, clock: float | None) -> list[int]:
        """Retire idle events as :class:`ClusterIndex` does, archiving each one."""
        self._retiring = clock
        try:
            return super().retire(clock)
        finally:
            self._retiring = None

    def remove(self, cid: int) -> None:
        """Remove ``cid``; when it is being retired, archive its centroid and span first."""
        if self._retiring is not None and self.archive is not None and cid in self.centroids:
            span = self.spans[cid]
            self.archive.add(cid, self.centroids[cid], span.lo, self._retiring)
            self.archive.spans[cid].extend(span.hi)
        super().remove(cid)


#: Default weights of the per-field cosines in the event similarity.
EVENT_WEIGHTS = {"body": 0.35, "title": 0.15, "lemmas": 0.3, "entities": 0.2}


class EventClusterer(ClusterSet[EventRecord]):
    """Events of a stream: candidate look-up, scoring, open/join decisions and fragment merging.

    ``threshold`` is the score needed to join an event; ``merge_threshold`` the centroid
    similarity at which two active events are merged in the second pass (the older id stays).
    ``undated_threshold`` (by default ``threshold``) is the score an article with no date needs
    to join an event, and an undated fragment to merge: with no time decay to tell apart the
    happenings of one story, words alone must be more alike.
    """

    record_type = EventRecord
    index_type = ArchivingIndex
    default_weights: ClassVar[dict[str, float]] = EVENT_WEIGHTS
    index_terms: ClassVar[dict[str, int]] = {"body": 15, "entities": 8, "title": 5, "names": 20}
    max_terms: ClassVar[dict[str, int]] = {
        "body": 300, "title": 60, "lemmas": 300, "entities": 60, "names": 60,
    }

    def __init__(
        self,
        threshold: float = 0.3,
        merge_threshold: float | None = None,
        tau_days: float | None = 3.0,
        window_days: float = 10.0,
        max_candidates: int = 20,
        weights: dict[str, float] | None = None,
        max_fragment: int = 3,
        undated_threshold: float | None = None,
        archive_days: float = 90.0,
    ) -> None:
        super().__init__(
            threshold, merge_threshold, tau_days, window_days, max_candidates, weights, max_fragment
        )
        self.undated_threshold = threshold if undated_threshold is None else undated_threshold
        self.archive = ClusterIndex(
            weights=dict(self.index.weights), index_terms=dict(self.index_terms),
            max_terms=dict(ARCHIVE_TERMS), tau_days=None, window_days=archive_days,
        )
        assert isinstance(self.index, ArchivingIndex)
        self.index.archive = self.archive

    def params(self) -> dict[str, Any]:
        """Constructor arguments, as saved in the state."""
        return {**super().params(), "undated_threshold": self.undated_threshold,
                "archive_days": self.archive.window_days}

    def ranked(self, vecs: Vecs, day: float | None, language: str | None = None,
               weekday: int | None = None) -> list[Scored]:
        """Active events scored against ``vecs``; for an undated article, archived ones too.

        An undated article that names the weekday of its happening (``weekday``, Monday = 0)
        cannot join an event whose members' days exclude it: the score drops to 0, as a time
        decay would for a dated article. The words of two reports of one story are often closer
        across its happenings than within one (a follow-up retells what came before), and the
        day the text names is then what tells them apart.
        """
        scored = super().ranked(vecs, day, language)
        if day is None:
            scored += self.rank_in(self.archive, vecs, day, language)
            if weekday is not None:
                scored = [self._ruled_out(s) if self.records[s.cluster].rules_out(weekday) else s
                          for s in scored]
            scored.sort(key=lambda s: (-s.score, s.cluster))
        return scored

    @staticmethod
    def _ruled_out(scored: Scored) -> Scored:
        return Scored(scored.cluster, scored.components, 0.0, 0.0)

    def retire(self, clock: float | None) -> list[int]:
        """Move idle events to the archive; drop archived ones idle beyond its window.

        Returns the events that left the archive (forgotten but for their records).
        """
        self.index.retire(clock)
        gone = self.archive.retire(clock)
        for cid in gone:
            self.languages.pop(cid, None)
        return gone

    def to_state(self) -> dict[str, Any]:
        """JSON-able events: as :meth:`ClusterSet.to_state`, plus the archive."""
        return {**super().to_state(), "archive": self.archive.to_state()}

    @classmethod
    def from_state(cls, state: dict[str, Any]) -> Self:
        """Rebuild from :meth:`to_state` data (states saved before the archive load empty)."""
        clusters = super().from_state(state)
        if "archive" in state:
            clusters.archive.load_state(state["archive"])
        return clusters

    def join_threshold(self, day: float | None) -> float:
        """The score an article of ``day`` (``None``: undated) needs to join an event."""
        return self.threshold if day is not None else self.undated_threshold

    def explain(self, scored: list[Scored], keep: int = 5, day: float | None = None,
                weekday: int | None = None) -> tuple[CandidateScore, ...]:
        """The best ``keep`` candidates as explanation records (with why one was ruled out)."""
        out = []
        for s in scored[:keep]:
            rec = self.records[s.cluster]
            note = None
            if day is None and rec.rules_out(weekday):
                assert weekday is not None
                days = ", ".join(WEEKDAYS[d] for d in rec.weekdays)
                note = f"the article names {WEEKDAYS[weekday]}; the event's days: {days}"
            out.append(CandidateScore(rec.key, s.components, s.decay, round(s.score, 6), note))
        return tuple(out)

    def open(self, seed_id: str, story: int) -> int:
        """Create an empty event founded by article ``seed_id``; return its internal number."""
        cid = self.new_id()
        self.records[cid] = EventRecord(stable_id("ev", seed_id), story)
        return cid

    def join(self, cid: int, article_id: str, title: str, outlet: str | None,
             vecs: Vecs, day: float | None, clock: float | None,
             language: str | None = None, weekdays: Iterable[int] = ()) -> None:
        """Add an article (its vectors may be empty for a wire copy) to event ``cid``.

        ``weekdays`` are the days the article allows for its happening (:func:`weekdays_of`).
        """
        self.records[cid].add(article_id, title, outlet, day, weekdays)
        archived = cid in self.archive.centroids and cid not in self.index.centroids
        vecs = self.in_language(cid, vecs, language)
        (self.archive if archived else self.index).add(cid, vecs, day, clock)

    def merge_candidates(self, cid: int) -> Scored | None:
        """The active event that fragment ``cid`` should merge into, if any reaches the threshold.

        Only fragments (at most ``max_fragment`` articles) are merged: two established events
        have each been confirmed by several reports, and their centroids, being averages, look
        more alike than any article does, so comparing them with an article threshold would
        merge distinct happenings on the same topic.
        """
        if len(self.records[cid].article_ids) > self.max_fragment:
            return None
        best = self.nearest(cid)
        if best is None:
            return None
        bar = self.merge_threshold
        mine, theirs = self.records[cid], self.records[best.cluster]
        if mine.first is None or theirs.first is None:
            if mine.weekdays and theirs.weekdays and not near_days(mine.weekdays, theirs.weekdays):
                return None  # an undated side names a day the other excludes: two happenings
            bar = max(bar, self.undated_threshold)
        return best if best.score >= bar else None

    def merge(self, dst: int, src: int, clock: float | None) -> None:
        """Merge event ``src`` into ``dst``: members, span and centroid."""
        self.records[dst].absorb(self.records.pop(src))
        self.index.absorb(dst, src, clock)
        self.merge_languages(dst, src)


def weekdays_of(day: float | None, weekday: int | None) -> list[int]:
    """The weekdays an article gives its happening: the one its words name (``weekday``) and,
    when it is dated, the day it was published (``day``, see
    :func:`recoupe.link.linker.day_number`)."""
    days = set() if weekday is None else {weekday}
    if day is not None:
        days.add(dt.date.fromordinal(int(day)).weekday())
    return sorted(days)


def near_days(some: Iterable[int], others: Iterable[int]) -> bool:
    """Whether a weekday of ``some`` is at most one day from one of ``others`` (cyclically).

    One day either way: a report names the day of what it reports, often the day before it is
    published, and the hour of a late dispatch straddles midnight. Two days apart is another
    happening (tuned on RPM2-dev with dates hidden: a tolerance of one day cost the undated
    articles' event F1 0.008 where none cost 0.043).
    """
    others = list(others)
    return any(min((a - b) % 7, (b - a) % 7) <= 1 for a in some for b in others)


def unit_centroid(vecs: Vecs) -> Vecs:
    """Unit-length copy of a centroid, for comparing it as if it were an article."""
    return unit(vecs)
