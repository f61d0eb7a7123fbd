"""Evaluate recoupe's quotation extraction on the rpm2-quotes gold (dev set).

Scoring follows ../shared/eval/quotes/rpm2-quotes/README.md: per-document one-to-one
greedy matching on token overlap (θ = 0.3 lenient, 0.8 strict), micro P/R/F1, exact-span
F1 (raw and trimmed), per kind, kind accuracy, and speaker accuracy on pairs matched at
θ = 0.3 whose gold speaker is not null (null gold speakers are left out of that figure).

With ``--coverage``, also checks recoupe's own speech-verb lexicon against the MIT French
reporting-verb form list of the Gender Gap Tracker (read from ../shared at evaluation
time only, never copied): the share of those forms whose spaCy lemma is in the lexicon.

Usage: .venv/bin/python eval/quotes.py [--show-errors] [--coverage] [--docs T01_C1_01,T02,...]

``--docs`` takes document ids or prefixes ("T01,T02,T03,T04,T05" is the develop half).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared/eval"
GOLD = SHARED / "quotes/rpm2-quotes/dev.jsonl"
VERB_FORMS = SHARED / "quotes/gender-gap-tracker-fr/rules_quote_verb_list.txt"
DOCS = SHARED / "clustering/rpm2-dev/documents"
WORD = re.compile(r"\w+")
TRIM = " \t\n.,;:!?«»\"“”'’()-…"


def load(path: Path) -> str:
    """The README's normalisation: UTF-8 with BOM removed, CRLF → LF."""
    return path.read_bytes().decode("utf-8-sig").replace("\r\n", "\n")


def tokens(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> set[int]:
    return {i for i, (s, e) in enumerate(spans) if s < end and start < e}


def overlap(a: set[int], b: set[int]) -> float:
    return len(a & b) / max(len(a), len(b)) if a and b else 0.0


def match(
    gold: list[dict], pred: list[dict], theta: float, spans: list[tuple[int, int]], text: str
):
    tg = [tokens(text, g["start"], g["end"], spans) for g in gold]
    tp = [tokens(text, p["start"], p["end"], spans) for p in pred]
    pairs = sorted(
        ((overlap(tg[i], tp[j]), i, j) for i in range(len(gold)) for j in range(len(pred))),
        reverse=True,
    )
    used_g, used_p, out = set(), set(), []
    for ov, i, j in pairs:
        if ov < theta:
            break
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            out.append((i, j))
    return out


def norm_speaker(s: str | None) -> str | None:
    if s is None:
        return None
    s = unicodedata.normalize("NFKD", s.casefold())
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = re.sub(r"^(?:le|la|les)\s+|^l['’]\s*", "", s.strip())
    return " ".join(s.split())


def trimmed(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in TRIM:
        s += 1
    while e > s and text[e - 1] in TRIM:
        e -= 1
    return s, e


def prf(m: int, p: int, g: int) -> tuple[float, float, float]:
    pr = m / p if p else 0.0
    rc = m / g if g else 0.0
    return pr, rc, (2 * pr * rc / (pr + rc) if pr + rc else 0.0)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--show-errors", action="store_true")
    ap.add_argument("--docs", default="")
    ap.add_argument("--coverage", action="store_true")
    args = ap.parse_args()
    if not GOLD.exists() or not DOCS.exists():
        print(f"SKIP: gold not found under {SHARED} (quotes eval needs ../shared)")
        return 0
    from recoupe.model import Article, content_hash
    from recoupe.nlp import Annotator

    records = [json.loads(line) for line in GOLD.open(encoding="utf-8")]
    if args.docs:
        # Ids or prefixes: "T01,T02" keeps whole themes (for the develop/check split).
        keep = tuple(args.docs.split(","))
        records = [r for r in records if r["doc_id"].startswith(keep)]
    texts = {r["doc_id"]: load(DOCS / f"{r['doc_id']}.txt") for r in records}
    arts = [
        Article(
            origin=d,
            content_hash=content_hash(t),
            body=t,
            title=None,
            outlet=None,
            published=None,
            language="fr",
            id=d,
        )
        for d, t in texts.items()
    ]
    ann = {a.article_id: a for a in Annotator().annotate(arts)}
    counts: dict[str, list[int]] = {}
    spk_ok = spk_n = spk_len_ok = kind_ok = n_matched = 0
    spk_kind: dict[str, list[int]] = {}
    core = [0, 0, 0]

    def add(key: str, m: int, p: int, g: int) -> None:
        c = counts.setdefault(key, [0, 0, 0])
        c[0] += m
        c[1] += p
        c[2] += g

    for r in records:
        text = texts[r["doc_id"]]
        spans = [(m.start(), m.end()) for m in WORD.finditer(text)]
        gold = r["quotes"]
        pred = [vars(q) | {"kind": q.kind} for q in ann[r["doc_id"]].quotes]
        for theta, key in ((0.3, "lenient"), (0.8, "strict")):
            add(key, len(match(gold, pred, theta, spans, text)), len(pred), len(gold))
        add(
            "exact",
            len({(g["start"], g["end"]) for g in gold} & {(p["start"], p["end"]) for p in pred}),
            len(pred),
            len(gold),
        )
        gt = {trimmed(text, g["start"], g["end"]) for g in gold}
        add(
            "exact-trimmed",
            len(gt & {trimmed(text, p["start"], p["end"]) for p in pred}),
            len(pred),
            len(gold),
        )
        for kind in ("direct", "indirect", "mixed"):
            gk = [g for g in gold if g["kind"] == kind]
            pk = [p for p in pred if p["kind"] == kind]
            add(f"{kind} θ=0.3", len(match(gk, pk, 0.3, spans, text)), len(pk), len(gk))
        pairs = match(gold, pred, 0.3, spans, text)
        flagged = {
            i
            for i, g in enumerate(gold)
            if {"intertitle", "generic_speaker", "borderline_cue"} & set(g["notes"])
        }
        core[0] += sum(1 for i, _ in pairs if i not in flagged)
        core[1] += len(pred) - sum(1 for i, _ in pairs if i in flagged)
        core[2] += len(gold) - len(flagged)
        n_matched += len(pairs)
        for i, j in pairs:
            g, p = gold[i], pred[j]
            kind_ok += g["kind"] == p["kind"]
            if g["speaker"] is None:
                continue
            spk_n += 1
            ok = norm_speaker(g["speaker"]) == norm_speaker(p["speaker"])
            spk_ok += ok
            per_kind = spk_kind.setdefault(g["kind"], [0, 0])
            per_kind[0] += ok
            per_kind[1] += 1
            ms, me = p.get("speaker_start"), p.get("speaker_end")
            lenient = ok or (
                ms is not None
                and g["speaker_mention_start"] is not None
                and ms < g["speaker_mention_end"]
                and g["speaker_mention_start"] < me
            )
            spk_len_ok += lenient
            if args.show_errors and not ok:
                print(
                    f"SPK {r['doc_id']}: gold={g['speaker']!r} pred={p['speaker']!r} "
                    f"phrase={text[ms:me] if ms is not None else None!r} | {g['quote'][:50]!r}"
                )
        if args.show_errors:
            mg = {i for i, _ in pairs}
            mp = {j for _, j in pairs}
            for i, g in enumerate(gold):
                if i not in mg:
                    print(f"FN {r['doc_id']} [{g['kind']}] cue={g['cue']!r}: {g['quote'][:90]!r}")
            for j, p in enumerate(pred):
                if j not in mp:
                    print(f"FP {r['doc_id']} [{p['kind']}] cue={p['cue']!r}: {p['text'][:90]!r}")
    print(
        f"rpm2-quotes dev: {len(records)} documents, "
        f"{sum(len(r['quotes']) for r in records)} gold quotes"
    )
    for key, (m, p, g) in counts.items():
        pr, rc, f1 = prf(m, p, g)
        print(
            f"  {key:<16} P={pr:.3f} R={rc:.3f} F1={f1:.3f}  (matched {m}, predicted {p}, gold {g})"
        )
    pr, rc, f1 = prf(*core)
    print(f"  {'core θ=0.3':<16} P={pr:.3f} R={rc:.3f} F1={f1:.3f}  (flagged gold dropped)")
    print(
        f"  kind accuracy on matched pairs: {kind_ok / max(n_matched, 1):.3f} "
        f"({kind_ok}/{n_matched})"
    )
    print(
        f"  speaker accuracy (gold speaker not null, θ=0.3): {spk_ok / max(spk_n, 1):.3f} "
        f"({spk_ok}/{spk_n})"
    )
    for kind, (ok_k, n_k) in sorted(spk_kind.items()):
        print(f"    {kind:<8} (gold kind): {ok_k / max(n_k, 1):.3f} ({ok_k}/{n_k})")
    print(f"  speaker accuracy, lenient (mention overlap):     {spk_len_ok / max(spk_n, 1):.3f}")
    print("  null gold speakers are excluded from speaker accuracy.")
    if args.coverage:
        coverage()
    return 0


def coverage() -> None:
    """Share of the third-party verb forms whose lemma is in recoupe's own lexicon."""
    if not VERB_FORMS.exists():
        print(f"  coverage: SKIP ({VERB_FORMS} not found)")
        return
    from recoupe.nlp import cues, load_french
    from recoupe.nlp.lexicon import SPEECH_VERBS

    nlp = load_french()
    forms = [w.strip() for w in VERB_FORMS.open(encoding="utf-8") if w.strip()]
    lemmas = {}
    for doc in nlp.pipe((f"Il {w} cela." for w in forms), batch_size=256):
        lemmas[doc[1].text] = cues.lemma(doc[1])
    known = {lem for lem in lemmas.values() if lem in SPEECH_VERBS}
    hit = sum(1 for lem in lemmas.values() if lem in SPEECH_VERBS)
    print(
        f"  lexicon coverage of the MIT verb-form list: {hit}/{len(lemmas)} forms "
        f"({hit / max(len(lemmas), 1):.2f}), {len(known)} of our lemmas seen"
    )


if __name__ == "__main__":
    sys.exit(main())
