"""Check entities and quote speakers on the five seed articles (../shared/seeds).

Each check prints PASS or FAIL; the exit status is non-zero when any check fails. The
articles are cleaned with ``recoupe.extract.plaintext.extract_text`` when that module is
available, else read raw.

Usage: .venv/bin/python eval/entities_seeds.py [-v]
"""

from __future__ import annotations

import sys
from pathlib import Path

from recoupe.model import Article, content_hash

SEEDS = Path(__file__).resolve().parents[2] / "shared/seeds"


def clean(raw: str) -> tuple[str, str | None]:
    """The article body (and title) via the plain-text extractor, if installed."""
    try:
        from recoupe.extract.plaintext import extract_text
    except ImportError:
        return raw, None
    ex = extract_text(raw)
    return ex.body, ex.title


def load_articles() -> list[Article]:
    """The seed files as articles, title prepended to the body when the extractor finds one."""
    arts = []
    for path in sorted(SEEDS.glob("*.txt")):
        body, title = clean(path.read_text(encoding="utf-8"))
        if title and title not in body:
            body = f"{title}\n{body}"
        arts.append(
            Article(
                origin=str(path),
                content_hash=content_hash(body),
                body=body,
                title=title,
                outlet=None,
                published=None,
                language="fr",
                id=path.stem,
            )
        )
    return arts


def main() -> int:
    if not SEEDS.exists():
        print(f"SKIP: {SEEDS} not found")
        return 0
    from recoupe.nlp import Annotator

    verbose = "-v" in sys.argv
    annotator = Annotator()
    anns = annotator.annotate(load_articles())
    entities = annotator.entities
    mentions = [m for a in anns for m in a.mentions]
    quotes = [q for a in anns for q in a.quotes]
    results: list[tuple[str, bool, str]] = []

    def check(name: str, ok: bool, detail: str = "") -> None:
        results.append((name, ok, detail))

    for word, iso3 in (("Washington", "USA"), ("Moscou", "RUS")):
        found = [m for m in mentions if m.text == word]
        actors = [m for m in found if m.kind == "GPE"]
        ok = bool(actors) and all(m.country == iso3 for m in actors)
        ids = {m.key for m in actors}
        check(
            f"{word} as actor → {iso3}",
            ok and ids == {f"gpe:{iso3.lower()}"},
            f"{len(actors)}/{len(found)} GPE mentions, ids {sorted(ids)}",
        )

    for surname in ("Kerry", "Lavrov", "Kirby", "Peskov", "Cook"):
        ids = {m.key for m in mentions if m.kind == "PER" and surname in m.text}
        arts = {m.article_id for m in mentions if m.kind == "PER" and surname in m.text}
        check(
            f"all variants of {surname} fold into one entity",
            len(ids) == 1,
            f"{sorted(ids)} over {len(arts)} articles",
        )

    kirby = next((e for e in entities.values() if "Kirby" in e.name), None)
    check(
        "Kirby has the role porte-parole du département d'État",
        kirby is not None and any("porte-parole" in r and "partement" in r for r in kirby.roles),
        f"roles={kirby.roles if kirby else None}",
    )

    for surname, text_part in (
        ("Kirby", "suspendent leur participation"),
        ("Kirby", "informé le ministre"),
        ("Kirby", "tiennent clairement la Russie"),
        ("Kerry", "Les Russes ont proposé"),
        ("Kerry", "soutien continu de la Russie"),
        ("Peskov", "toujours intéressé"),
        ("Cook", "Certaines contradictions"),
    ):
        hits = [q for q in quotes if text_part in q.text]
        ok = bool(hits) and all(q.speaker and surname in q.speaker for q in hits)
        check(
            f"quote «{text_part}…» → {surname}",
            ok,
            "; ".join(f"{q.speaker!r} ({q.kind}, cue={q.cue!r})" for q in hits) or "no quote found",
        )

    tweet = [q for q in quotes if "inquiet des actualités" in q.text]
    check("tweet embed text is not a quote", not tweet, f"{len(tweet)} found")

    for name, ok, detail in results:
        print(f"{'PASS' if ok else 'FAIL'}  {name}  [{detail}]")
    if verbose:
        for a in anns:
            print(f"\n== {a.article_id}")
            for q in a.quotes:
                print(
                    f"  [{q.kind}] {q.speaker!r} ({q.speaker_entity_id}) "
                    f"cue={q.cue!r}: {q.text[:80]!r}"
                )
        for e in entities.values():
            if e.kind in ("PER", "GPE"):
                print(f"  {e.id}: {e.name} {e.aliases} roles={e.roles} n={len(e.articles)}")
    failed = sum(not ok for _, ok, _ in results)
    print(f"\n{len(results) - failed}/{len(results)} checks passed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
