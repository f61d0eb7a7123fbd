"""Story threading: events linked into stories over months by shared actors and topic.

A story keeps centroids of its articles' lemmas, entities, words and titles. A new event is
threaded into the best active story (found through the same kind of inverted index as events)
when its founding article is similar enough; otherwise it opens a story. Stories have no time
decay by default (a story may resume after months): the idle window alone bounds them.
After each batch, young single-event stories are compared again with their event's grown
centroid, and similar stories are merged (the older id stays). Stories idle for longer than a
window (a year by default) leave the index.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from recoupe.link.clusters import ClusterSet, stable_id
from recoupe.link.index import Vecs

#: Default weights of the per-field cosines in the story similarity: actors and topic words.
STORY_WEIGHTS = {"body": 0.25, "title": 0.1, "lemmas": 0.35, "entities": 0.3}


@dataclass
class StoryRecord:
    """What is kept of a story: its stable key and its events (internal numbers), in order."""

    key: str
    events: list[int] = field(default_factory=list)


class StoryThreader(ClusterSet[StoryRecord]):
    """Stories of a stream of events; ``threshold`` is the score needed to join a story."""

    record_type = StoryRecord
    default_weights: ClassVar[dict[str, float]] = STORY_WEIGHTS
    index_terms: ClassVar[dict[str, int]] = {"lemmas": 20, "entities": 10, "title": 5, "names": 10}
    max_terms: ClassVar[dict[str, int]] = {
        "body": 200, "title": 60, "lemmas": 200, "entities": 60, "names": 60,
    }

    def __init__(
        self,
        threshold: float = 0.2,
        merge_threshold: float | None = None,
        tau_days: float | None = None,
        window_days: float = 365.0,
        max_candidates: int = 20,
        weights: dict[str, float] | None = None,
        max_fragment: int = 3,
    ) -> None:
        super().__init__(
            threshold, merge_threshold, tau_days, window_days, max_candidates, weights, max_fragment
        )

    def thread(self, event: int, event_key: str, vecs: Vecs, day: float | None,
               clock: float | None, language: str | None = None) -> tuple[int, str]:
        """Put a new event in a story (joined or opened); return the story and a reason."""
        ranked = self.ranked(vecs, day, language)
        if ranked and ranked[0].score >= self.threshold:
            sid, reason = ranked[0].cluster, f"joined story (score {ranked[0].score:.3f})"
        else:
            sid = self.new_id()
            self.records[sid] = StoryRecord(stable_id("st", event_key))
            top = f"{ranked[0].score:.3f}" if ranked else "none"
            reason = f"new story (best {top} < {self.threshold:.3f})"
        self.records[sid].events.append(event)
        self.index.add(sid, self.in_language(sid, vecs, language), day, clock)
        return sid, reason

    def add(self, sid: int, vecs: Vecs, day: float | None, clock: float | None,
            language: str | None = None) -> None:
        """Add an article's vectors to story ``sid`` (its event already belongs to it)."""
        self.index.add(sid, self.in_language(sid, vecs, language), day, clock)

    def merge_target(self, sid: int, n_articles: int) -> int | None:
        """An active story that story ``sid`` should merge with, if one is similar enough.

        A story of at most ``max_fragment`` articles is judged like an article (join threshold);
        a larger one needs ``merge_threshold``, as centroids look more alike than articles do.
        """
        bar = self.threshold if n_articles <= self.max_fragment else self.merge_threshold
        best = self.nearest(sid, at_least=bar)
        return best.cluster if best is not None and best.score >= bar else None

    def merge(self, dst: int, src: int, clock: float | None) -> None:
        """Merge story ``src`` into ``dst`` (events appended, centroids summed)."""
        if dst == src:
            return
        self.records[dst].events.extend(self.records.pop(src).events)
        self.index.absorb(dst, src, clock)
        self.merge_languages(dst, src)
