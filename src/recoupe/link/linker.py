"""The link stage as one incremental object: wire copies, events and stories of a stream.

:class:`Linker` is what the orchestrator calls: ``partial_fit(inputs)`` places new articles
(in the order given, which should be publication order), ``events()`` and ``stories()`` export
the current clusters, ``to_state()``/``from_state()`` persist and resume everything as plain
JSON-able data. Feeding an article id that was already placed changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from scipy import sparse

from recoupe.extract.day_names import happening_weekday
from recoupe.extract.prose_dates import latest_date_hint
from recoupe.link.duplicates import DuplicateDetector
from recoupe.link.events import EventClusterer, weekdays_of
from recoupe.link.index import Vecs
from recoupe.link.names import entity_names
from recoupe.link.stories import StoryThreader
from recoupe.link.text import STOPWORDS, lemma_terms, stem, tokens
from recoupe.link.vectors import RunningTfidf
from recoupe.model import (
    Article,
    CandidateScore,
    Event,
    EventAssignment,
    Explanation,
    LinkDecision,
    LinkInput,
    Story,
)

FIELDS = ("body", "title", "lemmas", "entities", "names")


def day_number(published: dt.date | dt.datetime | None) -> float | None:
    """Days since 0001-01-01 (with the time of day as a fraction), ``None`` when unknown.

    Time zones are ignored: a few hours do not matter at the scale of events.
    """
    if published is None:
        return None
    if isinstance(published, dt.datetime):
        return published.toordinal() + (published.hour * 3600 + published.minute * 60) / 86400
    return float(published.toordinal())


def day_date(day: float | None) -> dt.date | None:
    """Inverse of :func:`day_number`, to the day."""
    return None if day is None else dt.date.fromordinal(int(day))


def link_input(article: Article, lemmas: Sequence[str] | None = None,
               entities: Sequence[str] | None = None) -> LinkInput:
    """The :class:`LinkInput` of a stored article (its id, else its content hash, as key).

    An undated article gets the bound its text gives, if any (:func:`date_bound`).
    """
    key = str(article.id) if article.id is not None else article.content_hash
    return LinkInput(
        id=key, title=article.title or "", body=article.body, published=article.published,
        outlet=article.outlet, lemmas=tuple(lemmas) if lemmas is not None else None,
        entities=tuple(entities) if entities is not None else None,
        not_before=date_bound(article) if article.published is None else None,
        language=article.language,
    )


def date_bound(article: Article) -> dt.date | None:
    """The latest date of a tweet the article embeds (kept or removed as furniture), if any.

    An article is published no earlier than what it quotes, and usually within days of it:
    the bound places an undated article in time better than no date at all.
    """
    return text_date_bound(article.body.splitlines() + [r.text for r in article.removed])


def text_date_bound(lines: Iterable[str]) -> dt.date | None:
    """The latest embedded-tweet date among ``lines`` (see :func:`date_bound`), if any."""
    hint = latest_date_hint(lines)
    if hint is None:
        return None
    return hint.value.date() if isinstance(hint.value, dt.datetime) else hint.value


def stream_order(items: Iterable[LinkInput]) -> list[LinkInput]:
    """``items`` in the order to feed them: by date (or text bound), undated last, else as given."""
    def when(item: LinkInput) -> float:
        day = day_number(item.published if item.published is not None else item.not_before)
        return float("inf") if day is None else day
    return sorted(items, key=when)


def field_terms(item: LinkInput, words: list[str] | None = None) -> dict[str, list[str]]:
    """Terms of each field: body words, title stems, lemmas (or body stems), entity keys, names.

    ``names`` are language-independent keys of the names the article mentions
    (:func:`recoupe.link.names.entity_names`): what reports in two languages are compared by.

    ``words`` are the body's tokens if already computed (:func:`recoupe.link.text.tokens`).
    """
    words = tokens(item.body) if words is None else words
    body = [t for t in words if len(t) > 2 and t not in STOPWORDS]
    title = [stem(t) for t in tokens(item.title) if len(t) > 1 and t not in STOPWORDS]
    lemmas = lemma_terms(item.lemmas) if item.lemmas else list(map(stem, body))
    return {"body": body, "title": title, "lemmas": lemmas,
            "entities": list(item.entities or ()),
            "names": entity_names(item.entities, item.body)}


class Linker:
    """Incremental duplicates, events and stories over a stream of :class:`LinkInput`.

    Thresholds: ``event_threshold`` to join an event (and to merge a fragment into one),
    ``event_undated_threshold`` for an article with no date (nor a bound from its text) to join
    one, ``story_threshold`` to thread a new event (or a small story) into a story,
    ``story_merge_threshold`` to merge two established stories. The defaults are the values
    most folds chose when tuning on RPM2-dev (see ``eval/clustering.py``), except the event
    threshold: RPM2 gives the same figures anywhere from 0.12 to 0.15, and 0.125 keeps together
    the shorter reports of the demo corpus. An undated article is compared with the events
    retired from the active index too (:class:`~recoupe.link.events.ArchivingIndex`), and a
    report in another language than an event's by the names they share.
    """

    def __init__(
        self,
        event_threshold: float = 0.125,
        story_threshold: float = 0.2,
        event_merge_threshold: float | None = None,
        event_undated_threshold: float | None = 0.175,
        story_merge_threshold: float | None = 0.4,
        event_window_days: float = 10.0,
        story_window_days: float = 730.0,
        duplicate_threshold: float = 0.5,
        batch_size: int = 64,
    ) -> None:
        self.batch_size = batch_size
        self.clock: float | None = None
        self.tfidf = RunningTfidf(FIELDS)
        self.duplicates = DuplicateDetector(threshold=duplicate_threshold,
                                            window_days=event_window_days * 3)
        self.events = EventClusterer(event_threshold, event_merge_threshold,
                                     window_days=event_window_days,
                                     undated_threshold=event_undated_threshold)
        self.stories = StoryThreader(story_threshold, story_merge_threshold,
                                     window_days=story_window_days)
        self.article_event: dict[str, int] = {}
        self._wire()

    def _wire(self) -> None:
        """Let the cluster indexes weigh terms with the running IDF."""
        self.events.index.idf = self.tfidf.idf
        self.events.archive.idf = self.tfidf.idf
        self.stories.index.idf = self.tfidf.idf
        for index in (self.events.index, self.events.archive, self.stories.index):
            index.pack_fields(self.tfidf.fields, self.tfidf.packed_idf, self.tfidf.n_features)

    # ------------------------------------------------------------------ streaming

    def partial_fit(self, inputs: Iterable[LinkInput]) -> list[EventAssignment]:
        """Place new articles (in the given order) and return one assignment per input."""
        items = list(inputs)
        explanations: dict[str, Explanation] = {}
        fresh, seen = [], set()
        for item in items:
            if item.id not in self.article_event and item.id not in seen:
                seen.add(item.id)
                fresh.append(item)
        for chunk in _chunks(fresh, self.batch_size):
            explanations.update(self._fit_chunk(chunk))
        return [self._assignment(item.id, explanations.get(item.id)) for item in items]

    def _fit_chunk(self, chunk: list[LinkInput]) -> dict[str, Explanation]:
        words = [tokens(item.body) for item in chunk]
        terms = [field_terms(item, w) for item, w in zip(chunk, words, strict=True)]
        rows = {f: self.tfidf.counts([t[f] for t in terms]) for f in FIELDS}
        out, touched = {}, set()
        for i, item in enumerate(chunk):
            out[item.id] = self._place(item, words[i], rows, i)
            touched.add(self.article_event[item.id])
        self._merge_pass(touched)
        return out

    def _place(self, item: LinkInput, words: list[str], rows: dict[str, sparse.csr_matrix],
               i: int) -> Explanation:
        day = day_number(item.published if item.published is not None else item.not_before)
        if day is not None and (self.clock is None or day > self.clock):
            self.clock = day
        self.events.retire(self.clock)
        for sid in self.stories.index.retire(self.clock):
            self.stories.languages.pop(sid, None)
        original = self.duplicates.add(item.id, words, day, self.clock)
        vecs = self.tfidf.transform(rows, i)
        copied = self.article_event.get(original) if original else None
        if copied is not None and copied in self.events.index.centroids:
            # A copy adds nothing to the centroids, nor days: its words are its original's.
            self._join(copied, item, {}, day, weekdays_of(day, None))
            return self._explain(item, "duplicate", copied, (), original, "with its original")
        weekday = happening_weekday(item.body)
        weekdays = weekdays_of(day, weekday)
        scored = self.events.ranked(vecs, day, item.language, weekday)
        cands = self.events.explain(scored, day=day, weekday=weekday)
        if scored and scored[0].score >= self.events.join_threshold(day):
            self._join(scored[0].cluster, item, vecs, day, weekdays)
            return self._explain(item, "joined", scored[0].cluster, cands, original,
                                 "with its event")
        cid = self.events.open(item.id, story=-1)
        self.events.join(cid, item.id, item.title, item.outlet, vecs, day, self.clock,
                         item.language, weekdays)
        self.article_event[item.id] = cid
        story, reason = self.stories.thread(cid, self.events.records[cid].key, vecs, day,
                                            self.clock, item.language)
        self.events.records[cid].story = story
        return self._explain(item, "new", cid, cands, original, reason)

    def _join(self, cid: int, item: LinkInput, vecs: Vecs, day: float | None,
              weekdays: list[int]) -> None:
        self.events.join(cid, item.id, item.title, item.outlet, vecs, day, self.clock,
                         item.language, weekdays)
        self.stories.add(self.events.records[cid].story, vecs, day, self.clock, item.language)
        self.article_event[item.id] = cid

    def _explain(self, item: LinkInput, decision: LinkDecision, cid: int,
                 cands: tuple[CandidateScore, ...], original: str | None,
                 story_reason: str) -> Explanation:
        dated = item.published is not None or item.not_before is not None
        bar = self.events.threshold if dated else self.events.undated_threshold
        return Explanation(item.id, decision, self.events.records[cid].key,
                           bar, cands, original, story_reason)

    # ------------------------------------------------------------------ second pass

    def _merge_pass(self, touched: set[int]) -> None:
        """Merge event fragments touched by the batch, then the stories they belong to."""
        stories = set()
        for cid in sorted(touched):
            if cid not in self.events.records:
                continue
            best = self.events.merge_candidates(cid)
            if best is not None:
                cid = self._merge_events(min(cid, best.cluster), max(cid, best.cluster))
            stories.add(self.events.records[cid].story)
        for sid in sorted(stories):
            if sid not in self.stories.records:
                continue
            size = sum(len(self.events.records[c].article_ids)
                       for c in self.stories.records[sid].events)
            target = self.stories.merge_target(sid, size)
            if target is not None:
                self._merge_stories(min(sid, target), max(sid, target))

    def _merge_events(self, dst: int, src: int) -> int:
        """Merge event ``src`` into ``dst``; ``src``'s story follows only if it held nothing else.

        A fragment that joins an event must not drag the rest of its story along: its
        vectors move from its story's centroid to the event's story.
        """
        rec = self.events.records[src]
        for article_id in rec.article_ids:
            self.article_event[article_id] = dst
        s_dst, s_src = self.events.records[dst].story, rec.story
        self.stories.records[s_src].events.remove(src)
        moved = self.events.index.centroids.get(src)
        self.events.merge(dst, src, self.clock)
        if s_src == s_dst:
            return dst
        if not self.stories.records[s_src].events:
            self._merge_stories(min(s_dst, s_src), max(s_dst, s_src))
        elif moved is not None:
            self.stories.index.move(s_src, s_dst, moved, self.clock)
        return dst

    def _merge_stories(self, dst: int, src: int) -> None:
        for cid in self.stories.records[src].events:
            self.events.records[cid].story = dst
        self.stories.merge(dst, src, self.clock)

    # ------------------------------------------------------------------ export

    def _assignment(self, article_id: str, why: Explanation | None) -> EventAssignment:
        rec = self.events.records[self.article_event[article_id]]
        story = self.stories.records[rec.story].key
        if why is None:
            why = Explanation(article_id, "already-seen", rec.key, self.events.threshold)
        original = self.duplicates.original_of(article_id)
        return EventAssignment(article_id, rec.key, story, original, why)

    def export_events(self) -> list[Event]:
        """Every event (active or retired) as an export record, in order of creation."""
        return [
            Event(
                id=rec.key, story_id=self.stories.records[rec.story].key,
                title=rec.central_title(), article_ids=tuple(rec.article_ids),
                outlets=tuple(rec.outlets), first_seen=day_date(rec.first),
                last_seen=day_date(rec.last),
            )
            for rec in self.events.records.values()
        ]

    def export_stories(self) -> list[Story]:
        """Every story as an export record; its title is the title of its largest event."""
        out = []
        for srec in self.stories.records.values():
            recs = [self.events.records[c] for c in srec.events]
            main = max(recs, key=lambda r: len(r.article_ids))
            firsts = [r.first for r in recs if r.first is not None]
            lasts = [r.last for r in recs if r.last is not None]
            out.append(Story(
                id=srec.key, title=main.central_title(), event_ids=tuple(r.key for r in recs),
                start=day_date(min(firsts)) if firsts else None,
                end=day_date(max(lasts)) if lasts else None,
            ))
        return out

    # ------------------------------------------------------------------ state

    def to_state(self) -> dict[str, Any]:
        """Everything needed to resume, as plain JSON-able data (no pickle)."""
        return {
            "version": 1,
            "batch_size": self.batch_size,
            "clock": self.clock,
            "article_event": self.article_event,
            "tfidf": self.tfidf.to_state(),
            "duplicates": self.duplicates.to_state(),
            "events": self.events.to_state(),
            "stories": self.stories.to_state(),
        }

    @classmethod
    def from_state(cls, state: dict[str, Any]) -> Linker:
        """Resume a linker saved with :meth:`to_state`."""
        linker = cls(batch_size=state["batch_size"])
        linker.clock = state["clock"]
        linker.article_event = dict(state["article_event"])
        tfidf = state["tfidf"]
        tfidf["fields"] = [*tfidf["fields"], *(f for f in FIELDS if f not in tfidf["fields"])]
        linker.tfidf = RunningTfidf.from_state(tfidf)  # fields added since start at zero
        linker.duplicates = DuplicateDetector.from_state(state["duplicates"])
        linker.events = EventClusterer.from_state(state["events"])
        linker.stories = StoryThreader.from_state(state["stories"])
        linker._wire()
        return linker


def _chunks(items: list[LinkInput], size: int) -> Iterator[list[LinkInput]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
