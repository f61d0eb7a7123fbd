"""Bar 1: the plain-text cleaner on the five founding seeds, which it must handle perfectly.

Reads ``../shared/seeds/*.txt`` (third-party text: never copied here; the gold below names
the seeds' lines by number), runs :func:`recoupe.extract.plaintext.extract_text` and checks,
per seed: the title, the outlet, the publication date, that every sentence of the article's
lines is in the body, that no other line (furniture) is in the body, and that every furniture
line is listed in ``removed`` with a reason. Prints PASS/FAIL per check and exits 1 on any
failure; skips (exit 0) with a message when the seeds are absent.

Judgement calls, documented: the standfirst of 000 ("Washington a annoncé…", line 5) is
article; "Des combats à Alep" above the headline of 004 (line 2) is the caption of the photo
credited "© Sputnik" below the headline, so it is furniture; the wire mark "(Belga)" that
opens and closes the paragraph of 003 is a credit, not a sentence.

Usage, from the repository root::

    .venv/bin/python eval/seeds_extraction.py
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

#: Where the seeds are read from; override with ``RECOUPE_SEEDS_DIR``.
SEEDS_DIR = Path(
    os.environ.get("RECOUPE_SEEDS_DIR", str(Path(__file__).resolve().parents[2] / "shared/seeds"))
)
_TAG = re.compile(r"<[^>]+>")
_AGENCY = re.compile(r"^\([A-Z][\w-]*\)\s*|\s*\([A-Z][\w-]*\)$")


@dataclass(frozen=True)
class Gold:
    """What the cleaner must find in one seed; lines are numbered from 1 as in ``cat -n``."""

    prefix: str
    title: str
    title_line: int
    outlet: str
    published: dt.datetime | None
    body_lines: tuple[int, ...]


GOLD = (
    Gold(
        "000",
        "Les États-Unis rompent leurs contacts bilatéraux avec la Russie sur la Syrie",
        3,
        "Sputnik",
        None,
        (5, 7, 8, 10, 12, 14),
    ),
    Gold(
        "001",
        "Les USA prêts à suspendre leur coopération avec la Russie sur le dossier syrien",
        1,
        "Sputnik Afrique",
        None,
        (6, 8, 12, 14, 16, 18),
    ),
    Gold(
        "002",
        "Moscou accuse Washington de ne pas distinguer rebelles et terroristes, "
        "suite à l'ultimatum américain",
        1,
        "RT France",
        None,
        (2, 3, 6, 7, 8, 11, 12, 13),
    ),
    Gold(
        "003",
        'Syrie: Moscou a proposé à Washington des "discussions entre militaires", révèle Kerry',
        1,
        "Belga",
        dt.datetime(2015, 9, 16, 22, 25, 2, tzinfo=dt.timezone(dt.timedelta(hours=2))),
        (13,),
    ),
    Gold(
        "004",
        "Pentagone: pas d'accord Russie-USA sur la Syrie",
        4,
        "Sputnik",
        None,
        (11, 13, 15, 17, 19, 21),
    ),
)


def fold(text: str) -> str:
    """Tags cut, white space folded: how a line is compared with the body."""
    return " ".join(_TAG.sub(" ", text).split())


def sentences(line: str) -> list[str]:
    """The sentences of an article line (the wire agency's mark is a credit, not a sentence)."""
    text = _AGENCY.sub("", fold(line)).strip()
    return [s for s in re.split(r"(?<=[.!?»])\s+(?=[«A-ZÀ-Ý\"])", text) if s]


class Report:
    """Collects PASS/FAIL lines and remembers whether anything failed."""

    def __init__(self) -> None:
        self.failed = 0

    def check(self, name: str, ok: bool, detail: str = "") -> None:
        """Print one check's outcome."""
        self.failed += not ok
        print(f"  {'PASS' if ok else 'FAIL'} {name}{'' if ok else ': ' + detail}")


def check_seed(path: Path, gold: Gold, report: Report) -> None:
    """Run the cleaner on one seed and check it against ``gold``."""
    from recoupe.extract.plaintext import extract_text

    lines = path.read_text(encoding="utf-8").splitlines()
    found = extract_text("\n".join(lines))
    print(
        f"{path.name}: title={found.title!r} outlet={found.outlet!r} "
        f"published={found.published.isoformat() if found.published else None} "
        f"evidence={found.published_evidence!r} removed={len(found.removed)}"
    )
    report.check("title", found.title == gold.title, repr(found.title))
    report.check("outlet", found.outlet == gold.outlet, repr(found.outlet))
    report.check("published", found.published == gold.published, repr(found.published))
    body = fold(found.body)
    paragraphs = {fold(p) for p in found.body.split("\n\n")}
    missing = [s for n in gold.body_lines for s in sentences(lines[n - 1]) if s not in body]
    report.check("every article sentence kept", not missing, f"{len(missing)} missing: {missing}")
    furniture = [
        (n, fold(line))
        for n, line in enumerate(lines, 1)
        if fold(line) and n not in gold.body_lines and n != gold.title_line
    ]
    left = [
        n
        for n, text in furniture
        if text in paragraphs or (len(text.split()) >= 3 and text in body)
    ]
    report.check("no furniture left in the body", not left, f"lines {left}")
    removed = {fold(r.text) for r in found.removed}
    unlisted = [
        n for n, text in furniture if text not in removed and not _repeats_title(text, gold)
    ]
    report.check("every furniture line listed in removed", not unlisted, f"lines {unlisted}")
    reasons_ok = all(r.reason for r in found.removed)
    report.check("every removal has a reason", reasons_ok)


def _repeats_title(text: str, gold: Gold) -> bool:
    """A bullet before the headline is cut from the title line itself, not listed."""
    return text.lstrip("• ") == gold.title


def main() -> int:
    """Check every seed; return the process status."""
    if not SEEDS_DIR.is_dir():
        print(f"skipped: seeds not found in {SEEDS_DIR}", file=sys.stderr)
        return 0
    report = Report()
    for gold in GOLD:
        paths = sorted(SEEDS_DIR.glob(f"{gold.prefix}_*.txt"))
        if not paths:
            report.check(f"seed {gold.prefix} present", False, "file missing")
            continue
        check_seed(paths[0], gold, report)
    print("PASS: all checks" if not report.failed else f"FAIL: {report.failed} checks failed")
    return 1 if report.failed else 0


if __name__ == "__main__":
    sys.exit(main())
