"""Sentence alignment of the outlet comparison on RPM2-dev: lexical similarity vs word vectors.

Usage: ``.venv/bin/python eval/claim_alignment.py [--sample N] [--measure f1|softcos]``
(about 10 minutes on two cores). Reads
``../shared/eval/clustering/rpm2-dev`` (or ``$RECOUPE_SHARED``); skips with a message when
absent. Prints one JSON line.

Each article's body (its first line, the headline, left out) is cut into claims as
:func:`recoupe.narrate.compare.compare_articles` does (sentences of at least 5 words), and
claims are scored with :func:`recoupe.narrate.text.claim_similarity` over the word similarity
of :mod:`recoupe.narrate.compare`: the TF-IDF cosine alone (``vector_weight`` 0, the old
similarity) or blended with word-vector matching (``vector_weight`` > 0, ``floor``). Names
are capitalised words (no spaCy NER here). Per claim:

* ``recall``: share of claims that align with a claim of another article of the same event,
  scored as production does, over the event's 10 articles alone (a proxy: not every sentence
  is reported twice, so 1.0 is out of reach);
* ``false``: share of claims that align with a claim of an article of another theme, scored
  over the union of the two events (what a clustering error would hand the comparison); run
  for every pair of events of different themes. It should stay near 0;
* ``pair_precision``: in those union runs, the share of aligned cross-article pairs that are
  of the same event (a pair of different themes is certainly wrong);
* ``other_event``: share of claims that align with a claim of the other event of the same
  theme (a month apart), scored over the union of the two: partly background that outlets
  repeat (rightly aligned), partly same-topic sentences saying other things.

Configurations: the word-vector measure (``--measure``: greedy matching F1, the default, or
soft cosine), its weight in the blend, its floor, and what gates the names' weight (the
blended similarity or the lexical cosine alone). Selection rule: on themes T01-T05 (events
and event pairs within them), keep the configurations and thresholds whose ``false`` is at
most the old similarity's at its threshold (0.35) and whose ``other_event`` per ``recall``
is at most the old one's (new alignments must not be more topical than the old ones), and
pick the highest ``recall``. ``chosen`` keeps the threshold at 0.35 (claims in a language
without vectors are scored lexically, as before, against that same threshold);
``free_threshold_choice`` lets it vary. Both are reported on the held-out themes T06-T10
and on all themes. ``same_event_pairs`` counts the same-event pairs each aligns.

``--sample N`` also prints, to stderr, N same-event pairs aligned by the chosen similarity
but not by the old one, and N aligned by the old one (fixed seed), for reading: the
precision proxy is a person's judgement of those samples.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import combinations, product
from pathlib import Path

import numpy as np

from recoupe.narrate.compare import SAME_CLAIM, blend, lexical_similarity, vector_similarity
from recoupe.narrate.text import claim_similarity, name_tokens, sentence_spans, words
from recoupe.narrate.wordvectors import soft_cosine, soft_f1

SHARED = Path(os.environ.get("RECOUPE_SHARED", str(Path(__file__).resolve().parents[2] / "shared")))
DATA = SHARED / "eval/clustering/rpm2-dev"
TUNE = {f"T{k:02d}" for k in range(1, 6)}
WEIGHTS = [0.0, 0.25, 0.5, 0.75, 1.0]
FLOORS = [0.5, 0.6, 0.7]
#: What gates the names' weight (``confirm`` of claim_similarity): the blended word
#: similarity, or the lexical cosine alone.
GATES = ["blend", "cosine"]
THRESHOLDS = [round(x, 3) for x in np.arange(0.25, 0.5001, 0.005)]
OLD = ((0.0, FLOORS[0], "cosine"), SAME_CLAIM)
ALL = {"tune", "heldout", "mixed"}
CURVE = ("recall", "false", "other_event")
Config = tuple[float, float, str]
#: The word-vector measure under test (``--measure``).
MEASURE: list[Callable[..., np.ndarray]] = [soft_f1]


@dataclass(frozen=True)
class Sentence:
    """One claim of one RPM2 article."""

    text: str
    article: str
    theme: str
    event: str


@dataclass
class Runs:
    """Best scores per configuration: ``same[cfg][sentence]`` against another article of its
    event; ``other[cfg][sentence, half]`` against another theme; ``story[cfg][sentence]``
    against the other event of its theme; ``pairs[cfg]`` the cross-article pair scores of
    the other-theme runs; ``matrices[event, cfg]`` the event-alone scores."""

    same: dict = field(default_factory=lambda: defaultdict(dict))
    other: dict = field(default_factory=lambda: defaultdict(lambda: defaultdict(float)))
    story: dict = field(default_factory=lambda: defaultdict(dict))
    pairs: dict = field(default_factory=lambda: defaultdict(list))
    matrices: dict = field(default_factory=dict)


def load(data: Path = DATA) -> dict[str, list[Sentence]]:
    """The claims of every article, by event."""
    events: dict[str, list[Sentence]] = defaultdict(list)
    with (data / "labels.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            text = (data / row["file"]).read_text(encoding="utf-8-sig").replace("\r\n", "\n")
            body = text.split("\n", 1)[1] if "\n" in text else ""
            for s, e in sentence_spans(body):
                if len(words(body[s:e])) >= 5:
                    events[row["event_label"]].append(
                        Sentence(body[s:e], row["doc_id"], row["theme"], row["event_label"])
                    )
    return events


def scores(sents: list[Sentence]) -> dict[Config, np.ndarray]:
    """Claim similarity of every two sentences for each (vector weight, floor, gate)."""
    texts = [s.text for s in sents]
    lexical = lexical_similarity(texts)
    assert lexical is not None
    cosine, idf = lexical
    names = [name_tokens(t) for t in texts]
    out = {}
    for floor in FLOORS:
        soft, covered = vector_similarity(texts, ["fr"] * len(texts), idf, floor, MEASURE[0])
        for weight, gate in product(WEIGHTS, GATES):
            word = blend(cosine, soft, covered, weight)
            confirm = word if gate == "blend" else cosine
            out[weight, floor, gate] = claim_similarity(word, names, confirm)
    return out


def _half(theme_a: str, theme_b: str) -> str:
    """Which themes a pair of events uses: ``tune``, ``heldout`` or ``mixed``."""
    if theme_a in TUNE and theme_b in TUNE:
        return "tune"
    return "heldout" if theme_a not in TUNE and theme_b not in TUNE else "mixed"


def _union(events: dict[str, list[Sentence]], a: str, b: str) -> tuple[list, list, np.ndarray]:
    """The sentences of events ``a`` and ``b``, their keys, and which pairs cross events."""
    sents = events[a] + events[b]
    keys = [(a, k) for k in range(len(events[a]))] + [(b, k) for k in range(len(events[b]))]
    evs = np.array([s.event for s in sents])
    return sents, keys, evs[:, None] != evs[None, :]


def run(events: dict[str, list[Sentence]]) -> Runs:
    """Score every event alone, every pair of events of different themes, and the two events
    of each theme together."""
    out = Runs()
    for name, sents in events.items():
        arts = np.array([s.article for s in sents])
        cross = arts[:, None] != arts[None, :]
        for cfg, sim in scores(sents).items():
            best = np.where(cross, sim, 0).max(axis=1)
            out.same[cfg].update({(name, k): float(b) for k, b in enumerate(best)})
            out.matrices[name, cfg] = sim
    for a, b in combinations(sorted(events), 2):
        sents, keys, theirs = _union(events, a, b)
        arts = np.array([s.article for s in sents])
        upper = np.triu(arts[:, None] != arts[None, :], 1)
        half = _half(events[a][0].theme, events[b][0].theme)
        for cfg, sim in scores(sents).items():
            best = np.where(theirs, sim, 0).max(axis=1).tolist()
            if events[a][0].theme == events[b][0].theme:
                out.story[cfg].update(zip(keys, best, strict=True))
                continue
            for key, value in zip(keys, best, strict=True):
                out.other[cfg][key, half] = max(out.other[cfg][key, half], value)
            out.pairs[cfg].append((half, sim[upper], theirs[upper]))
    return out


def figures(runs: Runs, cfg: Config, thr: float, halves: set, pairs: bool = True) -> dict:
    """Recall, false-alignment, other-event and pair-precision proxies of one configuration,
    over the events and event pairs of ``halves`` (``tune``, ``heldout``, ``mixed``)."""
    themes = TUNE if halves == {"tune"} else None
    if halves == {"heldout"}:
        themes = {f"T{k:02d}" for k in range(1, 11)} - TUNE
    keys = [k for k in runs.same[cfg] if themes is None or k[0][:3] in themes]
    out = {
        "recall": _share(runs.same[cfg][k] >= thr for k in keys),
        "false": _share(max(runs.other[cfg][k, h] for h in halves) >= thr for k in keys),
        "other_event": _share(runs.story[cfg][k] >= thr for k in keys),
        "sentences": len(keys),
    }
    if pairs:
        good = bad = 0
        for half, sim, theirs in runs.pairs[cfg]:
            if half in halves:
                hit = sim >= thr
                good += int((hit & ~theirs).sum())
                bad += int((hit & theirs).sum())
        out["pair_precision"] = round(good / max(1, good + bad), 4)
    return out


def _share(flags: Iterable[bool]) -> float:
    values = list(flags)
    return round(sum(values) / max(1, len(values)), 4)


def choose(runs: Runs, thresholds: list[float]) -> tuple[Config, float]:
    """The selection rule of the module docstring, on the tuning themes."""

    tune = {g: figures(runs, *g, {"tune"}, False) for g in product(runs.same, thresholds)}
    old = figures(runs, *OLD, {"tune"}, False)
    grid = [
        g for g, f in tune.items()
        if f["false"] <= old["false"]
        and f["other_event"] * old["recall"] <= old["other_event"] * f["recall"]
    ]
    return max(grid, key=lambda g: (tune[g]["recall"], -g[0][0], g[1]))


def aligned_pairs(events: dict, runs: Runs, cfg: Config, thr: float) -> dict:
    """Same-event cross-article pairs aligned by the old similarity and by ``cfg``."""
    counts = {"old": 0, "new": 0, "new_only": 0, "old_only": 0}
    for name, sents in events.items():
        arts = np.array([s.article for s in sents])
        upper = np.triu(arts[:, None] != arts[None, :], 1)
        new = runs.matrices[name, cfg][upper] >= thr
        old = runs.matrices[name, OLD[0]][upper] >= OLD[1]
        counts["old"] += int(old.sum())
        counts["new"] += int(new.sum())
        counts["new_only"] += int((new & ~old).sum())
        counts["old_only"] += int((old & ~new).sum())
    return counts


def sample(events: dict, runs: Runs, cfg: Config, thr: float, n: int) -> list[tuple]:
    """``n`` same-event cross-article pairs aligned by ``cfg`` at ``thr`` but not by the old
    similarity (or, when ``cfg`` is the old one, ``n`` pairs the old one aligns)."""
    found = []
    for name, sents in events.items():
        new, old = runs.matrices[name, cfg], runs.matrices[name, OLD[0]]
        bar = OLD[1] if cfg != OLD[0] else 2.0
        for i, j in combinations(range(len(sents)), 2):
            if sents[i].article != sents[j].article and new[i, j] >= thr and old[i, j] < bar:
                found.append((round(float(new[i, j]), 3), round(float(old[i, j]), 3),
                              sents[i].text, sents[j].text))
    return random.Random(0).sample(found, min(n, len(found)))


def main() -> int:
    """Score the grid, choose, print one JSON line."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sample", type=int, default=0, help="print N new alignments to stderr")
    parser.add_argument("--measure", choices=["f1", "softcos"], default="f1",
                        help="word-vector measure: greedy matching F1 or soft cosine")
    args = parser.parse_args()
    MEASURE[0] = soft_cosine if args.measure == "softcos" else soft_f1
    if not DATA.is_dir():
        print(f"skipped: {DATA} is absent", file=sys.stderr)
        return 0
    events = load()
    runs = run(events)
    cfg, thr = choose(runs, [SAME_CLAIM])
    free = choose(runs, THRESHOLDS)
    out: dict = {
        "chosen": {"vector_weight": cfg[0], "floor": cfg[1], "gate": cfg[2], "threshold": thr},
        "free_threshold_choice": {"vector_weight": free[0][0], "floor": free[0][1],
                                  "gate": free[0][2], "threshold": free[1]},
    }
    for label, halves in (
        ("tune_T01-T05", {"tune"}),
        ("heldout_T06-T10", {"heldout"}),
        ("all", ALL),
    ):
        out[label] = {"old": figures(runs, *OLD, halves), "new": figures(runs, cfg, thr, halves)}
    out["same_event_pairs"] = aligned_pairs(events, runs, cfg, thr)
    out["grid_all"] = {
        f"w{c[0]}_f{c[1]}_{c[2]}_t{t}": figures(runs, c, t, ALL)
        for c, t in product(runs.same, THRESHOLDS)
        if t in (0.3, 0.35, 0.4)
    }
    out["curves_tune"] = {
        f"w{c[0]}_f{c[1]}_{c[2]}": [
            [t, *(figures(runs, c, t, {"tune"}, False)[k] for k in CURVE)]
            for t in THRESHOLDS[::2]
        ]
        for c in runs.same
    }
    print(json.dumps(out))
    for label, (c, t) in (("new-only", (cfg, thr)), ("old", OLD)):
        for row in sample(events, runs, c, t, args.sample):
            print(label, json.dumps(row, ensure_ascii=False), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
