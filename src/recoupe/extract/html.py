"""Main text, title, outlet and publication date of an HTML news page.

The body is trafilatura's (precision settings, no comments, no links), with additions
measured on trafilatura's own benchmark (``eval/html_extraction.py --ablation``):

* a recall fallback: when the precise output is much shorter than trafilatura's default
  output, precision mode cut real text on that page, and the default output wins;
* residual furniture lines that trafilatura keeps ("Lire aussi : …", photo credits,
  captions, share, follow and subscribe prompts, comment counters, a dangling "Contact :")
  are dropped and listed in ``removed`` with their reason. No library cleans trafilatura's
  *output* (they all work on the DOM, which trafilatura already judged), so these are
  recoupe's own line rules, built on the phrase lexicon of :mod:`recoupe.extract.furniture`;
* the headline repeated as the first body line is moved to ``removed`` ("title-repeat").

Metadata comes from trafilatura's metadata extractor (title, site name) and the date from
htmldate via :mod:`recoupe.extract.html_dates`. Nothing is fetched from the network and no
script is run: lxml only parses (no DTD, no entities, no network), trafilatura and htmldate
only read the tree. Pages are cut to :data:`MAX_HTML_CHARS` first.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass

from lxml.html import HtmlElement
from trafilatura import extract
from trafilatura.metadata import META_URL, extract_metadata
from trafilatura.utils import load_html
from w3lib.encoding import html_body_declared_encoding, html_to_unicode

from recoupe.extract import furniture as fx
from recoupe.extract.html_dates import find_published, leaf_blocks
from recoupe.model import Extraction, Removal

__all__ = ["decode_html", "extract_html"]

LOGGER = logging.getLogger(__name__)

#: HTML beyond this many characters is cut off before parsing (hostile or runaway pages).
MAX_HTML_CHARS = 5_000_000
#: At most this many "not-main-content" blocks are listed in ``removed`` (cheap to show).
MAX_REMOVED_BLOCKS = 60
#: Removed blocks are quoted up to this many characters.
MAX_REMOVED_CHARS = 300
#: Below this many non-ASCII bytes, charset detection is a guess: windows-1252 is assumed.
MIN_BYTES_TO_DETECT = 32
#: Lines longer than this are never furniture (the longest rule allows 30 words).
MAX_FURNITURE_CHARS = 600
#: Fall back to trafilatura's default output when the precise one is shorter than this
#: share of it. Chosen on the even-indexed half of the benchmark (dev), checked on the odd
#: half (test); on dev the F1 curve is flat from 0.3 to 0.9 (0.9295 to 0.9300), and 0.3
#: keeps the most precision (``eval/html_extraction.py --ablation`` prints the sweep).
RECALL_FALLBACK_RATIO = 0.3

_CREDIT = re.compile(
    r"(?:©|\(c\)\s|copyright\b|cr[ée]dits?\b.{0,15}:|photos?\s*:|fotos?\s*:|fot\.\s|"
    r"bild(?:quelle)?\s*:|titelbild\s*:|quelle\s*:|source\s*:|image\s*:|credits?\s*:|"
    r"\(credit\s*:)",
    re.IGNORECASE,
)
_CAPTION = re.compile(
    r"(?:abbildung|abb\.|figure|fig\.|illustration|image d'illustration|image illustrative|"
    r"légende)\s*\d*\s*:",
    re.IGNORECASE,
)
#: "Read also" in languages the furniture lexicon does not cover yet.
_RELATED_MORE = fx.phrase(
    r"czytaj (?:też|także|również)|zobacz (?:też|także)|lea también|le puede interesar",
    r"notas relacionadas|schon gelesen\??",
)
#: Cookie notices name an action; a line that merely mentions cookies is not one.
_COOKIE_ACTION = re.compile(
    r"\b(?:accept|utilis|consent|paramétr|paramètres|akzeptier|zustimm|verwende|"
    r"einstellungen|settings|policy|politique)",
    re.IGNORECASE,
)
#: Leading bullets and arrows ignored when a rule wants its phrase at the start of a line.
_LEAD = re.compile(r"^[\s|•·▪►■◦*»>\-–—]+")
#: A phrase at the start followed by a separator opens a teaser: "Lire aussi : <titre>".
_TEASER_SEP = re.compile(r"\s*[:»>|–—-]")


@dataclass(frozen=True)
class _LineRule:
    """A furniture phrase: anywhere in a line of ``short`` words at most, or opening a line
    of ``opening`` words at most (0: never), or opening a teaser ("Lire aussi : …")."""

    reason: str
    pattern: re.Pattern[str]
    short: int
    opening: int = 0
    teaser: int = 0


_LINE_RULES = (
    _LineRule("related-links", fx.RELATED_HEADER, 5, 5, 25),
    _LineRule("related-links", _RELATED_MORE, 5, 5, 25),
    _LineRule("subscription-prompt", fx.SUBSCRIBE, 8, 20),
    _LineRule("follow-prompt", fx.FOLLOW, 8, 20),
    _LineRule("share-counter", fx.SHARE, 3),
    _LineRule("comments", fx.COMMENTS_HEADER, 4, 10),
    _LineRule("comments", fx.COMMENTS_FORM, 4, 10),
    _LineRule("credit", _CREDIT, 0, 14),
    _LineRule("caption", _CAPTION, 0, 25),
    _LineRule("boilerplate", fx.SYNDICATION, 30, 30),
    _LineRule("credit", fx.WIRE_SIGNOFF, 12),
)


def decode_html(data: bytes) -> str:
    """Decode an HTML page: BOM, valid UTF-8, the page's declared charset, then detection.

    w3lib does the HTML charset sniffing (BOM, ``<meta charset>``, XML declaration). Valid
    UTF-8 is trusted first because a wrong declaration is common (a UTF-8 page still declaring
    ISO-8859-1); a declared charset that fails to decode is skipped; charset-normalizer guesses
    the rest, and undecodable bytes become U+FFFD rather than an error.
    """
    if data[:3] == b"\xef\xbb\xbf" or data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return html_to_unicode(None, data)[1]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = html_body_declared_encoding(data)
    if declared:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            LOGGER.debug("declared charset %s does not decode the page", declared)
    return html_to_unicode(None, data, auto_detect_fun=_detect_charset)[1]


def _detect_charset(data: bytes) -> str | None:
    """charset-normalizer's guess, or windows-1252 when there is too little to guess from.

    A handful of accented bytes fits a dozen legacy charsets equally well (charset-normalizer
    then picks e.g. mac_roman); the HTML standard's fallback for Western-European locales,
    windows-1252, is the better bet there. Detection is sampled: on megabytes it is slow.
    """
    from charset_normalizer import from_bytes

    if sum(byte >= 0x80 for byte in data[:200_000]) < MIN_BYTES_TO_DETECT:
        return "cp1252"
    sample = data if len(data) <= 20_000 else data[:10_000] + data[-10_000:]
    best = from_bytes(sample).best()
    return best.encoding if best is not None else None


def extract_html(html: str, url: str | None = None) -> Extraction:
    """Body, title, outlet and original publication date of one HTML page.

    Never fetches anything and never raises on odd input: an empty or unparsable page gives
    an empty body and no metadata.
    """
    if len(html) > MAX_HTML_CHARS:
        html = html[:MAX_HTML_CHARS]
    tree = _parse(html)
    if tree is None:
        return Extraction(body="")
    kept, furniture = _drop_furniture(_body_lines(html, url))
    title, outlet = _metadata(tree, url)
    if kept and title and _fold(kept[0]) == _fold(title):
        furniture.insert(0, Removal(kept.pop(0), "title-repeat"))
    body = "\n\n".join(kept)
    published, evidence = find_published(tree, url, html)
    return Extraction(
        body=body,
        title=title,
        outlet=outlet,
        published=published,
        published_evidence=evidence,
        removed=furniture + _unused_blocks(tree, body, {r.text for r in furniture}),
    )


def _fold(text: str) -> str:
    """Case- and space-folded text, to compare a headline with the title."""
    return " ".join(text.split()).casefold()


def _parse(html: str) -> HtmlElement | None:
    """An lxml tree of the page (trafilatura's loader: no network, no comments, no PIs)."""
    if not html.strip():
        return None
    tree = load_html(html)
    if tree is None:
        # trafilatura rejects bare fragments; a fragment is still a page to read.
        tree = load_html(f"<html><body>{html}</body></html>")
    return tree


def _body_lines(html: str, url: str | None) -> list[str]:
    """trafilatura's main text, precise first, its default output when precision cut too much."""
    precise = _run_trafilatura(html, url, favor_precision=True)
    default = _run_trafilatura(html, url, favor_precision=False)
    text = precise if len(precise) >= RECALL_FALLBACK_RATIO * len(default) else default
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def _run_trafilatura(html: str, url: str | None, favor_precision: bool) -> str:
    """One trafilatura pass; a crash on hostile input counts as no text."""
    try:
        text = extract(
            html,
            url=url,
            favor_precision=favor_precision,
            output_format="txt",
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            include_formatting=False,
            deduplicate=False,
            with_metadata=False,
        )
    except Exception:  # trafilatura raises assorted errors on malformed trees
        LOGGER.warning("trafilatura failed on %s", url or "a page", exc_info=True)
        return ""
    return text or ""


def _drop_furniture(lines: list[str]) -> tuple[list[str], list[Removal]]:
    """Split trafilatura's lines into kept lines and the furniture lines it let through."""
    kept: list[str] = []
    removed: list[Removal] = []
    for line in lines:
        reason = _furniture_reason(line)
        if reason is None:
            kept.append(line)
        else:
            removed.append(Removal(line, reason))
    _drop_dangling_headers(kept, removed)
    return kept, removed


def _furniture_reason(line: str) -> str | None:
    """The removal reason of a furniture line, or ``None`` for article text."""
    if len(line) > MAX_FURNITURE_CHARS:
        return None  # a paragraph, not furniture (and no regex runs over huge lines)
    # Table rows come out as "| a | b |": judge the cells' text, not the pipes.
    text = _LEAD.sub("", line.strip(" |")).strip()
    words = len(text.split())
    for rule in _LINE_RULES:
        found = rule.pattern.search(text)
        if found is None:
            continue
        opens = found.start() == 0
        if words <= rule.short or (opens and words <= rule.opening):
            return rule.reason
        if opens and words <= rule.teaser and _TEASER_SEP.match(text, found.end()):
            return rule.reason
    if words <= 30 and fx.COOKIE.search(text) and _COOKIE_ACTION.search(text):
        return "cookie-notice"
    if "©" in text and words <= 20:
        return "credit"  # a caption signed with a copyright: "Le ministre à Genève. © AFP"
    return None


def _drop_dangling_headers(kept: list[str], removed: list[Removal]) -> None:
    """Drop short headers left at the end of the body ("Contact :", "Weitere Informationen:")
    whose content trafilatura already left out."""
    while kept and kept[-1].endswith(":") and len(kept[-1].split()) <= 4:
        removed.append(Removal(kept.pop(), "boilerplate"))


def _metadata(tree: HtmlElement, url: str | None) -> tuple[str | None, str | None]:
    """Title (site suffix removed) and the site name as the page states it."""
    try:
        # trafilatura always runs htmldate here; its fast mode keeps that cheap, the date
        # used is html_dates' own.
        meta = extract_metadata(tree, default_url=url, extensive=False)
    except Exception:  # metadata is optional: a failure leaves it unknown
        LOGGER.warning("metadata extraction failed on %s", url or "a page", exc_info=True)
        return None, None
    outlet = meta.sitename
    page_url = meta.url or url
    if outlet and page_url and (m := META_URL.match(page_url)) and m[1] == outlet:
        outlet = None  # trafilatura's fallback to the URL's host: not what the page says
    if outlet and META_URL.match(outlet):
        outlet = None  # a URL given as site name: the URL-based fallback says it better
    title = _strip_site_suffix(meta.title, [outlet, page_url]) if meta.title else None
    return title, outlet


_SEPARATOR = re.compile(r"\s+[-–—|·•]\s+")


def _strip_site_suffix(title: str, names: Iterable[str | None]) -> str:
    """Remove a trailing " - Le Monde" / " | lemonde.fr" when it names the site.

    trafilatura keeps the suffix when the title comes from ``og:title`` or ``<title>`` whole,
    and only the site name tells a suffix from a subtitle, hence this check. The suffix may
    itself hold a separator ("Le Monde - Actualités"), so each split point is tried from the
    right; the title kept is never shorter than 8 characters.
    """
    title = " ".join(title.split())
    known = [k for k in (_site_key(n) for n in names if n) if k]
    if not known:
        return title
    for match in reversed(list(_SEPARATOR.finditer(title))):
        head, site = title[: match.start()].strip(), _letters(title[match.end() :])
        if len(head) >= 8 and len(site) >= 3 and any(site in k or k in site for k in known):
            return head
    return title


def _site_key(name: str) -> str:
    """The letters of a site name, or of a URL's host."""
    host = META_URL.match(name)
    return _letters(host[1] if host else name)


def _letters(text: str) -> str:
    """Lower-case letters and digits only, so "Le Monde" matches "lemonde.fr"."""
    text = re.sub(r"\.(?:fr|com|net|org|be|ch|ca|info|de|co\.uk)$", "", text.lower())
    return re.sub(r"[\W_]+", "", text.removeprefix("www."))


def _unused_blocks(tree: HtmlElement, body: str, listed: set[str]) -> list[Removal]:
    """Innermost text blocks of the page not in the body nor ``listed``, capped (for ``show``)."""
    folded_body = " ".join(body.split())
    removed: list[Removal] = []
    seen = set(listed)
    for element in leaf_blocks(tree):
        text = " ".join(element.text_content().split())
        if len(text) < 3 or text in seen or text in folded_body:
            continue
        seen.add(text)
        removed.append(Removal(text[:MAX_REMOVED_CHARS], "not-main-content"))
        if len(removed) >= MAX_REMOVED_BLOCKS:
            break
    return removed
