"""Throughput and memory of the link stage on a long synthetic stream.

Usage: ``.venv/bin/python bench/clustering.py [--n 100000] [--per-day 2000] [--batch 1000]``.
Prints one JSON line: articles/s overall and per 10k slice (the cost per article must not grow
with the number already seen), peak memory, active events in the candidate index per slice,
and BCubed F1 of the events against the generator's labels. ``cost_growth_pct_per_10k`` is the
least-squares slope of CPU time per article over the slices that start once the event window
is full (10 days of articles), in percent of the mean per 10k articles: near 0 means flat.

The generator is synthetic and self-contained: pseudo-French words made of syllables, a
Zipf-distributed background vocabulary, stories that come and go (topic words and actors),
events inside stories (a few days each, their own words and actors), several outlets, 3 % wire
copies (a recent body with a few words changed) and 2 % undated articles. Lemmas are not given,
so the linker uses its cheap stemmer, as it does when ``nlp`` has not run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

import numpy as np

from recoupe.link import Linker
from recoupe.model import LinkInput

SYLLABLES = [
    "ba",
    "ce",
    "di",
    "fo",
    "gu",
    "la",
    "me",
    "ni",
    "po",
    "ru",
    "sa",
    "te",
    "vi",
    "zo",
    "an",
    "on",
    "in",
    "er",
    "ou",
    "ch",
    "tr",
    "pl",
    "gr",
    "br",
    "qu",
    "el",
    "is",
    "or",
]


@dataclass
class _Story:
    words: np.ndarray
    actors: list[str]
    events: list[tuple[int, np.ndarray, list[str], float]] = field(default_factory=list)


class SyntheticStream:
    """Articles with a topic structure: background words, story words, event words, actors."""

    def __init__(self, seed: int = 7, vocab: int = 40_000, per_day: int = 2000) -> None:
        self.rng = np.random.default_rng(seed)
        self.per_day = per_day
        self.vocab = np.array(self._words(vocab))
        ranks = np.arange(1, vocab + 1)
        self.zipf = (1 / ranks) / (1 / ranks).sum()
        self.stories: list[_Story] = []
        self.next_event = 0
        self.recent: list[tuple[str, int]] = []

    def _words(self, n: int) -> list[str]:
        out: set[str] = set()
        while len(out) < n:
            k = int(self.rng.integers(2, 5))
            out.add("".join(self.rng.choice(SYLLABLES, size=k)))
        return sorted(out)

    def _actor(self) -> str:
        return "PER:" + " ".join(self.rng.choice(self.vocab[20_000:], size=2))

    def _story(self) -> _Story:
        return _Story(
            self.rng.choice(self.vocab[2000:], size=40, replace=False),
            [self._actor() for _ in range(4)],
        )

    def _event(self, story: _Story, day: float) -> tuple[int, np.ndarray, list[str], float]:
        ev = (
            self.next_event,
            self.rng.choice(self.vocab[5000:], size=20, replace=False),
            [self._actor() for _ in range(3)],
            day + float(self.rng.uniform(1, 4)),
        )
        self.next_event += 1
        story.events.append(ev)
        return ev

    def _pick_event(self, day: float) -> tuple[_Story, tuple[int, np.ndarray, list[str], float]]:
        self.stories = (
            [s for s in self.stories if s.events and s.events[-1][3] > day - 20]
            if len(self.stories) > 300
            else self.stories
        )
        if not self.stories or self.rng.random() < 0.01:
            self.stories.append(self._story())
        story = self.stories[int(self.rng.integers(len(self.stories)))]
        live = [e for e in story.events if e[3] > day]
        if not live or self.rng.random() < 0.02:
            return story, self._event(story, day)
        return story, live[int(self.rng.integers(len(live)))]

    def __iter__(self) -> Iterator[tuple[LinkInput, int]]:
        base = dt.datetime(2024, 1, 1)
        i = 0
        while True:
            day = i / self.per_day
            story, (event_no, ev_words, ev_actors, _) = self._pick_event(day)
            published = base + dt.timedelta(days=day)
            yield self._article(i, story, ev_words, ev_actors, published), event_no
            i += 1

    def _article(
        self,
        i: int,
        story: _Story,
        ev_words: np.ndarray,
        ev_actors: list[str],
        published: dt.datetime,
    ) -> LinkInput:
        rng = self.rng
        if self.recent and rng.random() < 0.03:  # a wire copy of a recent article
            body, _ = self.recent[int(rng.integers(len(self.recent)))]
            words = body.split()
            for j in rng.integers(len(words), size=3):
                words[j] = self.vocab[int(rng.integers(len(self.vocab)))]
            body = " ".join(words)
        else:
            n = int(rng.integers(120, 250))
            parts = [
                self.vocab[rng.choice(len(self.vocab), size=int(n * 0.6), p=self.zipf)],
                rng.choice(story.words, size=int(n * 0.1)),
                rng.choice(ev_words, size=int(n * 0.3)),
            ]
            tokens = np.concatenate(parts)
            rng.shuffle(tokens)
            body = " ".join(tokens.tolist())
        self.recent = ([*self.recent, (body, i)])[-50:]
        title = " ".join(
            np.concatenate([rng.choice(ev_words, size=4), rng.choice(story.words, size=3)]).tolist()
        )
        entities = (*rng.choice(ev_actors, size=3).tolist(), str(rng.choice(story.actors)))
        return LinkInput(
            id=f"a{i}",
            title=title,
            body=body,
            published=None if rng.random() < 0.02 else published,
            outlet=f"outlet{int(rng.integers(50))}",
            entities=entities,
        )


def bcubed_f1(pred: dict[str, str], gold: dict[str, int]) -> float:
    """BCubed F1 of predicted against generated event labels (scikit-learn has no BCubed)."""
    ps, gs = Counter(pred.values()), Counter(gold.values())
    both = Counter((pred[i], gold[i]) for i in pred)
    p = sum(both[(pred[i], gold[i])] / ps[pred[i]] for i in pred) / len(pred)
    r = sum(both[(pred[i], gold[i])] / gs[gold[i]] for i in pred) / len(pred)
    return 2 * p * r / (p + r)


def cost_growth(slices: list[dict[str, Any]], full_after: float) -> float | None:
    """Slope of CPU seconds per article against articles seen, over the slices that start
    once ``full_after`` articles have been seen, in percent of their mean per 10k articles."""
    steady = [(cur["upto"], 1 / cur["articles_per_cpu_s"])
              for prev, cur in pairwise(slices) if prev["upto"] >= full_after]
    if len(steady) < 3:
        return None
    x, y = np.array(steady).T
    slope = np.polyfit(x, y, 1)[0]
    return round(float(slope * 10_000 / y.mean() * 100), 1)


def main() -> None:
    """Stream ``--n`` synthetic articles through a linker and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--per-day", type=int, default=2000)
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--slice", type=int, default=10_000)
    parser.add_argument("--state", action="store_true", help="also time a JSON save and reload")
    args = parser.parse_args()
    linker = Linker()
    stream = iter(SyntheticStream(per_day=args.per_day))
    gold: dict[str, int] = {}
    pred: dict[str, str] = {}
    slices, spent, slice_spent, slice_n = [], 0.0, 0.0, 0
    cpu, slice_cpu = 0.0, 0.0  # CPU time too: wall time depends on what else runs on the box
    done = 0
    while done < args.n:
        batch = [next(stream) for _ in range(min(args.batch, args.n - done))]
        start, start_cpu = time.perf_counter(), time.process_time()
        out = linker.partial_fit(item for item, _ in batch)
        took, took_cpu = time.perf_counter() - start, time.process_time() - start_cpu
        spent, slice_spent, slice_n = spent + took, slice_spent + took, slice_n + len(batch)
        cpu, slice_cpu = cpu + took_cpu, slice_cpu + took_cpu
        done += len(batch)
        gold.update((item.id, ev) for item, ev in batch)
        pred.update((a.article_id, a.event_id) for a in out)
        if slice_n >= args.slice or done == args.n:
            slices.append(
                {
                    "upto": done,
                    "articles_per_s": round(slice_n / slice_spent, 1),
                    "articles_per_cpu_s": round(slice_n / slice_cpu, 1),
                    "active_events": len(linker.events.index.centroids),
                    "active_stories": len(linker.stories.index.centroids),
                }
            )
            slice_spent, slice_cpu, slice_n = 0.0, 0.0, 0
    final = {a.article_id: a.event_id for a in linker.partial_fit([])}
    pred.update(final)
    for item_id in list(pred):  # resolve merges made after the article was returned
        pred[item_id] = linker.events.records[linker.article_event[item_id]].key
    extra = {}
    if args.state:
        start = time.perf_counter()
        text = json.dumps(linker.to_state())
        Linker.from_state(json.loads(text))
        extra = {
            "state_mb": round(len(text) / 2**20, 1),
            "state_save_load_s": round(time.perf_counter() - start, 1),
        }
    print(
        json.dumps(
            {
                **extra,
                "n": args.n,
                "articles_per_s": round(args.n / spent, 1),
                "seconds": round(spent, 1),
                "articles_per_cpu_s": round(args.n / cpu, 1),
                "cpu_seconds": round(cpu, 1),
                "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
                "events": len(linker.events.records),
                "stories": len(linker.stories.records),
                "gold_events": len(set(gold.values())),
                "event_bcubed_f1": round(bcubed_f1(pred, gold), 4),
                "cost_growth_pct_per_10k": cost_growth(
                    slices, linker.events.index.window_days * args.per_day
                ),
                "slices": slices,
            }
        )
    )


if __name__ == "__main__":
    main()
