"""Score recoupe's French PLOVER coder on PLOVER-FR dev (triples, event types, false events).

Usage: ``.venv/bin/python eval/plover.py [--half odd|even|all] [--errors] [--table]``.
Prints one JSON line of figures: triple P/R/F1 over (source code, event, target code), the
translated and original subsets; event-type accuracy on matched (source, target) pairs and
exact-set accuracy; the false-event rate on records with no codable event; per-type P/R/F1.
With ``--half all`` (the default) the odd and even lines are also scored separately. Develop on
``--half odd``: only those lines are coded and scored, so the even half stays unseen until the
final check. ``--errors`` lists the selected lines' mismatches on stderr; ``--table`` prints
the per-type figures as a Markdown table on stderr.
Reads ``../shared/eval/events/plover-fr/dev.jsonl`` (or ``$RECOUPE_SHARED``); skips with
a message when absent.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from pathlib import Path

SHARED = Path(os.environ.get("RECOUPE_SHARED", str(Path(__file__).resolve().parents[2] / "shared")))
DATA = SHARED / "eval/events/plover-fr/dev.jsonl"

Triple = tuple[str, str, str]
Row = tuple[dict, set[Triple], set[Triple]]


def gold_triples(record: dict) -> set[Triple]:
    """The non-negated gold events of a record as (source, event, target) code triples."""
    out: set[Triple] = set()
    for ev in record["events"]:
        if not ev["negated"]:
            sources = [a["code"] for a in ev["source"]]
            out |= expand(sources, ev["event"], [a["code"] for a in ev["target"]])
    return out


def expand(sources: list[str], event: str, targets: list[str]) -> set[Triple]:
    """Cross product of source and target codes, "-" standing for an empty side."""
    return {(s, event, t) for s in sources or ["-"] for t in targets or ["-"]}


def predicted_triples(actions: list) -> set[Triple]:
    """The non-negated coded actions of a sentence as code triples."""
    out: set[Triple] = set()
    for a in actions:
        if not a.negated:
            out |= expand([x.code for x in a.source], a.event, [x.code for x in a.target])
    return out


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    """Precision, recall and F1 rounded to three places."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "p": round(p, 3),
        "r": round(r, 3),
        "f1": round(f, 3),
        "tp": tp,
        "pred": n_pred,
        "gold": n_gold,
    }


def triple_scores(rows: list[Row]) -> dict[str, float]:
    """Summed triple P/R/F1 over records."""
    tp = sum(len(g & p) for _, g, p in rows)
    return prf(tp, sum(len(p) for _, _, p in rows), sum(len(g) for _, g, _ in rows))


def type_accuracy(rows: list[Row]) -> dict[str, float]:
    """Event-type accuracy on matched (source, target) pairs, and exact type-set accuracy."""
    matched = right = exact = with_events = 0
    for _, gold, pred in rows:
        gold_pairs = {(s, t): e for s, e, t in gold}
        for s, e, t in pred:
            if (s, t) in gold_pairs:
                matched += 1
                right += any(g == (s, e, t) for g in gold)
        if gold:
            with_events += 1
            exact += {e for _, e, _ in gold} == {e for _, e, _ in pred}
    accuracy = round(right / matched, 3) if matched else 0.0
    exact_rate = round(exact / with_events, 3) if with_events else 0.0
    return {"matched_pairs": matched, "type_accuracy": accuracy, "exact_set_accuracy": exact_rate}


def false_events(rows: list[Row]) -> dict[str, float]:
    """Share of records with no codable gold event for which something was coded."""
    none = [p for r, g, p in rows if not g and not r["events"]]
    negated = [p for r, g, p in rows if not g and r["events"]]
    both = none + negated
    rate = lambda xs: round(sum(bool(x) for x in xs) / len(xs), 3) if xs else 0.0  # noqa: E731
    return {
        "rate": rate(both),
        "none_records": rate(none),
        "negated_only_records": rate(negated),
        "n": len(both),
    }


def per_type(rows: list[Row]) -> dict[str, dict[str, float]]:
    """Triple P/R/F1 per gold/predicted event type."""
    tp: Counter[str] = Counter()
    npred: Counter[str] = Counter()
    ngold: Counter[str] = Counter()
    for _, gold, pred in rows:
        tp.update(e for _, e, _ in gold & pred)
        npred.update(e for _, e, _ in pred)
        ngold.update(e for _, e, _ in gold)
    return {e: prf(tp[e], npred[e], ngold[e]) for e in sorted(set(npred) | set(ngold))}


def main() -> int:
    """Run the coder over dev.jsonl and print the figures as one JSON line."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--half", choices=["odd", "even", "all"], default="all")
    parser.add_argument("--errors", action="store_true", help="list mismatches on stderr")
    parser.add_argument("--table", action="store_true", help="per-type table on stderr")
    args = parser.parse_args()
    if not DATA.exists():
        print(f"skip: {DATA} not found (PLOVER-FR dev set is not available)")
        return 0
    from recoupe.nlp.packs import load_french
    from recoupe.nlp.plover import PloverCoder

    lines = [line for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    numbered = [(n, json.loads(line)) for n, line in enumerate(lines, 1) if _in_half(n, args.half)]
    records = [r for _, r in numbered]
    coder = PloverCoder(load_french())
    coded = coder.code_many([r["text"] for r in records], [r["id"] for r in records])
    rows = [
        (r, gold_triples(r), predicted_triples(acts))
        for r, acts in zip(records, coded, strict=True)
    ]
    if args.errors:
        _print_errors([n for n, _ in numbered], rows)
    out: dict[str, object] = {"half": args.half, "records": len(rows)}
    out |= {
        "triples": triple_scores(rows),
        "triples_translated": triple_scores([x for x in rows if x[0]["origin"] != "original"]),
        "triples_original": triple_scores([x for x in rows if x[0]["origin"] == "original"]),
        "relaxed_source_event": _relaxed(rows),
        "event_types": type_accuracy(rows),
        "false_events": false_events(rows),
        "per_type": per_type(rows),
    }
    if args.half == "all":
        out |= _by_half([n for n, _ in numbered], rows)
    if args.table:
        _print_table(out["per_type"])  # type: ignore[arg-type]
    print(json.dumps(out, ensure_ascii=False))
    return 0


def _in_half(n: int, half: str) -> bool:
    """Whether 1-based line ``n`` belongs to the selected half."""
    return half == "all" or (n % 2 == 1) == (half == "odd")


def _by_half(numbers: list[int], rows: list[Row]) -> dict[str, object]:
    """Triples, event types and false events of the odd and of the even lines."""
    out: dict[str, object] = {}
    for half in ("odd", "even"):
        part = [row for n, row in zip(numbers, rows, strict=True) if _in_half(n, half)]
        out[f"triples_{half}"] = triple_scores(part)
        out[f"event_types_{half}"] = type_accuracy(part)
        out[f"false_events_{half}"] = false_events(part)
    return out


def _print_table(types: dict[str, dict[str, float]]) -> None:
    """Per-type P/R/F1 as a Markdown table (for docs/benchmarks.md)."""
    keys = ("p", "r", "f1", "tp", "pred", "gold")
    print("| type | P | R | F1 | TP | pred | gold |", file=sys.stderr)
    print("|---" * (len(keys) + 1) + "|", file=sys.stderr)
    for name, figures in types.items():
        cells = " | ".join(str(figures[k]) for k in keys)
        print(f"| {name} | {cells} |", file=sys.stderr)


def _relaxed(rows: list[Row]) -> dict[str, float]:
    """P/R/F1 on (source code, event) pairs only."""
    pairs = [({(s, e) for s, e, _ in g}, {(s, e) for s, e, _ in p}) for _, g, p in rows]
    tp = sum(len(g & p) for g, p in pairs)
    return prf(tp, sum(len(p) for _, p in pairs), sum(len(g) for g, _ in pairs))


def _print_errors(numbers: list[int], rows: list[Row]) -> None:
    """Each mismatching record: its line number, text, gold and predicted triples."""
    for n, (record, gold, pred) in zip(numbers, rows, strict=True):
        if gold != pred:
            text = record["text"]
            print(f"{n} {text}\n   gold={sorted(gold)}\n   pred={sorted(pred)}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
