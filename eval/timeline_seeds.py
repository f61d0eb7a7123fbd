"""Seeds check for event dates: the day each seed event happened, read from the text.

Usage: ``.venv/bin/python eval/timeline_seeds.py``. Reads ``../shared/seeds`` (or
``$RECOUPE_SHARED/seeds``) and skips with a message (exit 0) when absent. Each file is cleaned
with ``recoupe.extract.plaintext.extract_text``; no date is supplied from outside the text.
Events: 001+002 together, 000, 003 and 004 alone. Checks:

* 003 (Belga, "Mis à jour le mercredi 16 septembre 2015", "a révélé mercredi") → 2015-09-16;
* 001+002 → 2016-09-28: 002 through the dates of the tweets it embeds (28 septembre 2016),
  001 only through its event ("ce mercredi" read against 002's date);
* 000 and 004 (no year in their text) → undated, or only a bound their text supports.

Prints PASS/FAIL per check; exits 1 when a check fails.
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

from recoupe.extract.plaintext import extract_text
from recoupe.model import Article
from recoupe.narrate.event_dates import EventDate, date_event

SEEDS = (
    Path(os.environ.get("RECOUPE_SHARED", str(Path(__file__).resolve().parents[2] / "shared")))
    / "seeds"
)
EVENTS = {"E000": ["000"], "E001": ["001", "002"], "E003": ["003"], "E004": ["004"]}


def load() -> dict[str, Article]:
    """The seed articles keyed by their three-digit prefix (also used as their id)."""
    out: dict[str, Article] = {}
    for path in sorted(SEEDS.glob("*.txt")):
        raw = path.read_bytes()
        text = raw.decode("utf-8", errors="replace")
        ext = extract_text(text)
        key = path.name[:3]
        out[key] = Article(
            origin=str(path),
            content_hash=hashlib.sha256(raw).hexdigest(),
            body=ext.body,
            title=ext.title,
            outlet=ext.outlet,
            published=ext.published,
            language="fr",
            published_evidence=ext.published_evidence,
            removed=list(ext.removed),
            raw=raw,
            id=int(key),
        )
    return out


def _show(ev: EventDate) -> str:
    ev_text = f"{ev.evidence.text!r}@{ev.evidence.article_id}" if ev.evidence else "-"
    per = "; ".join(
        f"{r.article_id}:{r.date}/{r.method}"
        + (f" ref={r.reference}" if r.reference else "")
        + (f" not_before={r.not_before}" if r.not_before else "")
        for r in ev.articles
    )
    return f"date={ev.iso} method={ev.method} not_before={ev.not_before} evidence={ev_text} [{per}]"


def main() -> int:
    """Run the checks; 0 when all pass (or the seeds are absent), 1 otherwise."""
    if not SEEDS.is_dir():
        print(f"SKIP: {SEEDS} not found")
        return 0
    arts = load()
    dates = {e: date_event(e, [arts[k] for k in keys if k in arts]) for e, keys in EVENTS.items()}
    for e, d in dates.items():
        print(e, _show(d))
    failures = 0

    def check(name: str, ok: bool) -> None:
        nonlocal failures
        failures += not ok
        print(("PASS" if ok else "FAIL"), name)

    check("003 (Belga) dated 2015-09-16", dates["E003"].iso == "2015-09-16")
    check("001+002 dated 2016-09-28", dates["E001"].iso == "2016-09-28")
    r001 = next((r for r in dates["E001"].articles if r.article_id == "1"), None)
    check(
        "001 dated through its event ('ce mercredi')",
        r001 is not None
        and r001.method == "text-sibling"
        and r001.date is not None
        and r001.evidence is not None
        and "mercredi" in r001.evidence.text,
    )
    r002 = next((r for r in dates["E001"].articles if r.article_id == "2"), None)
    check(
        "002 dated by its own text (tweet dates)",
        r002 is not None
        and r002.reference is not None
        and r002.reference_evidence is not None
        and "2016" in r002.reference_evidence.text,
    )
    for e in ("E000", "E004"):
        d = dates[e]
        # A bound is acceptable only with evidence from the article's own text.
        check(
            f"{e[1:]} undated or bounded by its text",
            d.date is None or (d.method == "embedded" and d.evidence is not None),
        )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
