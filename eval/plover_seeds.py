"""Check the PLOVER coder on the founding seed articles (US–Russia talks on Syria, 2016).

Usage: ``.venv/bin/python eval/plover_seeds.py``. Prints PASS/FAIL per check and exits
non-zero when any check fails. Reads ``../shared/seeds`` (or ``$RECOUPE_SHARED``) and skips
with a message when absent. Each article is cleaned with ``recoupe.extract.plaintext`` when that
module is present (the raw text is coded otherwise); its title and body are both coded.

Checks: the 28 September articles (001, 002) code the United States *threatening* Russia and
never *sanctioning* it; the 3 October article (000) codes the suspension itself (USA SANCTION
RUS); Moscow's accusation against Washington (002) is coded with Russia as the source.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

SHARED = Path(os.environ.get("RECOUPE_SHARED", str(Path(__file__).resolve().parents[2] / "shared")))
SEEDS = SHARED / "seeds"

Triple = tuple[str, str, str]


def article_texts(path: Path) -> list[str]:
    """Title and body of a seed article, cleaned when the plain-text extractor is available."""
    raw = path.read_text(encoding="utf-8")
    try:
        from recoupe.extract.plaintext import extract_text
    except ImportError:
        return [raw]
    ex = extract_text(raw)
    return [t for t in (ex.title, ex.body) if t]


def triples(actions: list) -> set[Triple]:
    """Non-negated actions as (source code, event, target code) triples."""
    return {
        (s.code, a.event, t.code)
        for a in actions
        if not a.negated
        for s in a.source
        for t in a.target
    }


def checks() -> list[tuple[str, str, Callable[[set[Triple]], bool]]]:
    """(seed prefix, description, predicate over the seed's coded triples)."""
    threat, sanction = ("USA", "THREATEN", "RUS"), ("USA", "SANCTION", "RUS")
    return [
        ("001", "001 codes USA THREATEN RUS", lambda t: threat in t),
        ("001", "001 does not code USA SANCTION RUS", lambda t: sanction not in t),
        ("002", "002 codes USA THREATEN RUS", lambda t: threat in t),
        ("002", "002 does not code USA SANCTION RUS", lambda t: sanction not in t),
        ("000", "000 codes USA SANCTION RUS (the suspension)", lambda t: sanction in t),
        (
            "002",
            "002 codes RUS DISAPPROVE USA (Moscou accuse Washington)",
            lambda t: ("RUS", "DISAPPROVE", "USA") in t,
        ),
    ]


def main() -> int:
    """Run the checks and print one PASS/FAIL line each."""
    if not SEEDS.is_dir():
        print(f"skip: {SEEDS} not found (seed articles are not available)")
        return 0
    from recoupe.nlp.packs import load_french
    from recoupe.nlp.plover import PloverCoder

    coder = PloverCoder(load_french())
    coded: dict[str, set[Triple]] = {}
    for path in sorted(SEEDS.glob("*.txt")):
        found: set[Triple] = set()
        for actions in coder.code_many(article_texts(path)):
            found |= triples(actions)
        coded[path.name[:3]] = found
    failures = 0
    for seed, label, check in checks():
        ok = seed in coded and check(coded[seed])
        failures += not ok
        print(f"{'PASS' if ok else 'FAIL'} {label}")
    print(f"{len(checks()) - failures}/{len(checks())} checks passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
