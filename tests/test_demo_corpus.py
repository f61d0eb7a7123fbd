"""Consistency of the bundled demo corpus (``examples/demo/``) and its gold file.

These tests check the corpus and ``gold.json`` against each other, not recoupe:
every annotated article exists, every annotated string occurs verbatim in its
input, keys and references are consistent, and the corpus keeps the size and
variety the evaluation relies on.  Standard library plus fastwarc only.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import importlib.util
import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

DEMO = Path(__file__).resolve().parent.parent / "examples" / "demo"
CORPUS = DEMO / "corpus"
GOLD_PATH = DEMO / "gold.json"

FORMS = {"txt", "html", "jsonl", "rss", "atom", "warc"}
KINDS = {"PER", "ORG", "GPE", "LOC"}
QUOTE_KINDS = {"direct", "indirect", "mixed"}

_META_PUBLISHED = re.compile(r'<meta property="article:published_time" content="([^"]+)"')
_META_MODIFIED = re.compile(r'<meta property="article:modified_time" content="([^"]+)"')
_ATOM = "{http://www.w3.org/2005/Atom}"
_CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"


def _rel(path: Path) -> str:
    return path.relative_to(CORPUS).as_posix()


def _html_meta(text: str) -> tuple[str | None, str | None]:
    pub = _META_PUBLISHED.search(text)
    mod = _META_MODIFIED.search(text)
    return (pub.group(1) if pub else None, mod.group(1) if mod else None)


def _warc_inputs(path: Path) -> dict[str, dict]:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    out: dict[str, dict] = {}
    with path.open("rb") as stream:
        for record in ArchiveIterator(
            stream, record_types=WarcRecordType.response, parse_http=True
        ):
            ctype = (record.http_headers.get("Content-Type") or "") if record.http_headers else ""
            if "html" not in ctype:
                continue
            body = record.reader.read().decode("utf-8")
            pub, mod = _html_meta(body)
            key = f"{_rel(path)}#record={record.record_id}"
            out[key] = {
                "form": "warc",
                "text": body,
                "published": pub,
                "updated": mod,
                "uri": record.headers.get("WARC-Target-URI"),
            }
    return out


@cache
def article_inputs() -> dict[str, dict]:
    """Every article in the corpus, keyed like gold.json, with the text it is checked against.

    ``text`` is the raw input an extractor sees for that article: the whole file
    for .txt/.html, the title plus the ``text`` or ``html`` field for JSON Lines,
    the title plus the (unescaped) content for feeds, the HTTP body for WARC.
    """
    out: dict[str, dict] = {}
    for path in sorted(CORPUS.rglob("*")):
        if not path.is_file():
            continue
        rel = _rel(path)
        suffix = path.name.split(".", 1)[1] if "." in path.name else ""
        if suffix == "txt":
            out[rel] = {"form": "txt", "text": path.read_text(encoding="utf-8"), "published": None}
        elif suffix == "html":
            text = path.read_text(encoding="utf-8")
            pub, mod = _html_meta(text)
            out[rel] = {"form": "html", "text": text, "published": pub, "updated": mod}
        elif suffix == "jsonl":
            with path.open(encoding="utf-8") as fh:
                for n, line in enumerate(fh, 1):
                    if not line.strip():
                        continue
                    rec = json.loads(line)
                    body = rec.get("text") or rec.get("html") or ""
                    out[f"{rel}#line={n}"] = {
                        "form": "jsonl",
                        "text": rec["title"] + "\n" + body,
                        "published": rec.get("published"),
                        "record": rec,
                    }
        elif suffix == "rss":
            root = ET.parse(path).getroot()
            for n, item in enumerate(root.iter("item"), 1):
                title = item.findtext("title") or ""
                body = item.findtext(_CONTENT) or item.findtext("description") or ""
                date = email.utils.parsedate_to_datetime(item.findtext("pubDate")).isoformat()
                out[f"{rel}#entry={n}"] = {
                    "form": "rss",
                    "text": title + "\n" + body,
                    "published": date,
                }
        elif suffix == "atom":
            root = ET.parse(path).getroot()
            for n, entry in enumerate(root.iter(f"{_ATOM}entry"), 1):
                title = entry.findtext(f"{_ATOM}title") or ""
                body = entry.findtext(f"{_ATOM}content") or ""
                out[f"{rel}#entry={n}"] = {
                    "form": "atom",
                    "text": title + "\n" + body,
                    "published": entry.findtext(f"{_ATOM}published"),
                }
        elif suffix == "warc.gz":
            out.update(_warc_inputs(path))
    return out


@cache
def gold() -> dict:
    return json.loads(GOLD_PATH.read_text(encoding="utf-8"))


def _parse(value: str) -> dt.datetime | dt.date:
    return dt.datetime.fromisoformat(value) if "T" in value else dt.date.fromisoformat(value)


def _day(value: str) -> dt.date:
    parsed = _parse(value)
    return parsed.date() if isinstance(parsed, dt.datetime) else parsed


# --------------------------------------------------------------------------- size and variety


def test_corpus_size_and_variety() -> None:
    arts = gold()["articles"]
    assert len(arts) >= 40
    assert len({a["outlet"] for a in arts.values()}) >= 6
    assert len(gold()["stories"]) >= 4
    assert len(gold()["events"]) >= 10
    langs = Counter(a["language"] for a in arts.values())
    assert langs["fr"] > langs["en"] >= 4
    days = [_day(e["date"]) for e in gold()["events"].values()]
    assert (max(days) - min(days)).days >= 21, "events should span several weeks"


def test_every_form_present() -> None:
    forms = {a["form"] for a in gold()["articles"].values()}
    assert forms == FORMS
    assert {v["form"] for v in article_inputs().values()} == FORMS
    assert (DEMO / "make_warc.py").is_file()
    assert list((DEMO / "warc_src").glob("*.html"))


def test_some_articles_have_no_date() -> None:
    arts = gold()["articles"].values()
    assert sum(a["published"] is None for a in arts) >= 3


# --------------------------------------------------------------------------- keys


def test_gold_keys_match_corpus() -> None:
    inputs = article_inputs()
    annotated = set(gold()["articles"])
    assert annotated - set(inputs) == set(), "gold keys without an input"
    assert set(inputs) - annotated == set(), "articles in the corpus without gold"
    for key, art in gold()["articles"].items():
        assert inputs[key]["form"] == art["form"], key


def test_key_syntax() -> None:
    for key, art in gold()["articles"].items():
        form = art["form"]
        if form in {"txt", "html"}:
            assert "#" not in key and (CORPUS / key).is_file()
        elif form == "jsonl":
            assert re.fullmatch(r"[\w/.-]+\.jsonl#line=[1-9]\d*", key), key
        elif form in {"rss", "atom"}:
            assert re.fullmatch(r"[\w/.-]+\.(rss|atom)#entry=[1-9]\d*", key), key
        else:
            assert re.fullmatch(r"[\w/.-]+\.warc\.gz#record=<urn:uuid:[0-9a-f-]{36}>", key), key


# --------------------------------------------------------------------------- verbatim strings


def _gold_keys() -> list[str]:
    try:
        return sorted(gold()["articles"])
    except FileNotFoundError:  # reported by test_gold_keys_match_corpus
        return []


@pytest.mark.parametrize("key", _gold_keys())
def test_annotations_occur_verbatim(key: str) -> None:
    art = gold()["articles"][key]
    text = article_inputs()[key]["text"]
    assert art["title"] in text
    assert 1 <= len(art["sentences_kept"]) <= 3
    assert 2 <= len(art["furniture"]) <= 3
    for sentence in art["sentences_kept"]:
        assert sentence in text, sentence
    for line in art["furniture"]:
        assert line in text, line
        assert not any(line in s or s in line for s in art["sentences_kept"])


def test_quotes_occur_verbatim() -> None:
    inputs = article_inputs()
    names = {e["name"] for e in gold()["entities"]}
    quotes = gold()["quotes"]
    assert len(quotes) >= 60
    assert {q["kind"] for q in quotes} == QUOTE_KINDS
    for q in quotes:
        assert q["article"] in gold()["articles"], q
        assert q["text"] in inputs[q["article"]]["text"], q
        assert q["speaker"] is None or q["speaker"] in names, q
        assert q["kind"] in QUOTE_KINDS


def test_tweet_embeds_are_not_quotes() -> None:
    tweets = [
        line
        for v in article_inputs().values()
        for line in v["text"].splitlines()
        if line.startswith("— ") and re.search(r"\(@\w+\)", line)
    ]
    assert tweets, "the corpus should contain tweet embeds"
    for q in gold()["quotes"]:
        assert "#" not in q["text"] and "pic.twitter" not in q["text"]


def test_outlet_is_named_in_its_input() -> None:
    inputs = article_inputs()
    for key, art in gold()["articles"].items():
        value = inputs[key]
        named = value["record"]["outlet"] if value["form"] == "jsonl" else value["text"]
        assert art["outlet"].casefold() in named.casefold(), key


# --------------------------------------------------------------------------- references


def test_events_and_stories_are_consistent() -> None:
    g = gold()
    per_event = Counter(a["event"] for a in g["articles"].values())
    for key, art in g["articles"].items():
        assert art["event"] in g["events"], key
        assert art["story"] == g["events"][art["event"]]["story"], key
        assert art["language"] in {"fr", "en"}
    for key, ev in g["events"].items():
        assert ev["story"] in g["stories"], key
        assert ev["title"] and ev["summary"]
        _day(ev["date"])
        assert 2 <= per_event[key] <= 6, key
    events_per_story = Counter(ev["story"] for ev in g["events"].values())
    assert all(events_per_story[s] >= 2 for s in g["stories"])


def test_published_dates() -> None:
    g = gold()
    inputs = article_inputs()
    for key, art in g["articles"].items():
        pub = art["published"]
        if pub is None:
            assert art["form"] in {"txt", "jsonl"}, key
            continue
        published = _parse(pub)
        event_day = _day(g["events"][art["event"]]["date"])
        assert 0 <= (_day(pub) - event_day).days <= 2, key
        meta = inputs[key]["published"]
        if art["form"] != "txt":
            assert meta is not None and _parse(meta) == published, key
        if art.get("updated"):
            assert inputs[key]["updated"] == art["updated"]
            assert _parse(art["updated"]) > published
    assert any(a.get("updated") for a in g["articles"].values())


def test_wire_copies() -> None:
    g = gold()
    arts = g["articles"]
    assert len(g["wire_groups"]) >= 3
    for name, members in g["wire_groups"].items():
        assert 2 <= len(members) <= 4, name
        head, *copies = members
        assert arts[head]["duplicate_of"] is None
        assert len({arts[m]["event"] for m in members}) == 1, name
        assert len({arts[m]["outlet"] for m in members}) == len(members), name
        for m in copies:
            assert arts[m]["duplicate_of"] == head
    grouped = {m for ms in g["wire_groups"].values() for m in ms}
    for key, art in arts.items():
        if art["duplicate_of"] is not None:
            assert key in grouped and art["duplicate_of"] in grouped


# --------------------------------------------------------------------------- entities


def test_entities() -> None:
    corpus_text = "\n".join(v["text"] for v in article_inputs().values())
    names = [e["name"] for e in gold()["entities"]]
    assert len(names) == len(set(names))
    for ent in gold()["entities"]:
        assert ent["kind"] in KINDS
        assert ent["name"] in ent["aliases"]
        if ent["iso3"] is not None:
            assert ent["kind"] == "GPE" and re.fullmatch(r"[A-Z]{3}", ent["iso3"])
        for alias in ent["aliases"]:
            assert alias in corpus_text, alias
    assert {e["iso3"] for e in gold()["entities"] if e["iso3"]} >= {"FRA", "GBR"}


# --------------------------------------------------------------------------- WARC


def test_warc_is_reproducible(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("make_warc", DEMO / "make_warc.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    rebuilt = module.build(tmp_path / "demo-crawl.warc.gz")
    assert rebuilt.read_bytes() == (CORPUS / "crawl" / "demo-crawl.warc.gz").read_bytes()
    for key, value in article_inputs().items():
        if value["form"] == "warc":
            assert key.endswith("#record=" + module.record_id(value["uri"]))
