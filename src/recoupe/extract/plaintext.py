"""Clean already-scraped plain text: the article body, its title, outlet and publication date.

The text still carries the site around the article (breadcrumbs, cookie notices, captions,
tweet embeds, comment forms, "Lire aussi" lists, counters, stray tags). The named rules of
:mod:`recoupe.extract.textrules` remove it line by line, each with its
:data:`~recoupe.model.RemovalReason`, in three passes:

1. rules that recognise furniture from the line and its neighbours (credits, captions,
   tweets, comment sections, related-links blocks, other languages…);
2. the body is located: the first substantial run of prose lines (jusText-style scoring),
   grown over the short content lines that border it (list items, labels, a closing sentence
   without its full stop), trimmed of the labels left dangling at its end and of a closing
   author biography, and grown up to a standfirst below the headline. Lines before it are
   the page header (the title is read there), lines after it the page footer (the outlet's
   signature is read there); both are left out;
3. the title's repeats are removed and what is left is the body, one paragraph per line.

The three numbers below (``MAX_GAP``, ``MAX_CLEAN_GAP``, ``FIRST_RUN_SHARE``) were chosen on
the even-numbered half of trafilatura's benchmark pages; ``eval/plaintext_extraction.py``
reports the other half separately.

The outlet comes from the credits the rules met, weighted by how surely each names the site:
the masthead heading the page (strongest), signatures and wire agencies' marks, bylines that
name an outlet, captions signed by the outlet, © credits and follow prompts (weakest). A wire
mark ("(AFP)") in an article the outlet signs elsewhere is thus the source, not the outlet.
The date comes from :mod:`recoupe.extract.prose_dates`.
"""

from __future__ import annotations

import re
from collections import Counter

from recoupe.extract import furniture as fx
from recoupe.extract import textrules as tr
from recoupe.extract.prose_dates import find_published
from recoupe.model import Extraction, Removal

__all__ = ["extend_body", "extract_text", "find_body"]

#: Non-prose lines allowed between two prose lines of the same body (subheads, short lines).
MAX_GAP = 3
#: Non-prose lines allowed between two prose lines when no furniture was removed between them.
MAX_CLEAN_GAP = 20
#: A run of prose at least this share of the longest run wins when it comes first.
FIRST_RUN_SHARE = 0.3
#: How many kept lines just above the body are searched for the headline.
TITLE_WINDOW = 6


def _first_pass() -> list[tr.Rule]:
    """Rules that need no body: each knows one kind of furniture by its words and neighbours."""
    return [
        tr.BulletRule(),
        tr.BreadcrumbRule(),
        tr.TweetEmbedRule(),
        tr.CreditRule(),
        tr.StockCreditRule(),
        tr.SyndicationRule(),
        tr.CaptionRule(),
        tr.CreditedCaptionRule(),
        tr.CaptionAboveCreditRule(),
        tr.RepeatedLineRule(),
        tr.FileNameRule(),
        tr.RelatedCardRule(),
        tr.DatelineRule(),
        _cookie_rule(),
        tr.PhraseRule(
            "subscription-prompt", fx.SUBSCRIBE, max_words=10, strong=fx.SUBSCRIBE_OPENING
        ),
        tr.FollowPromptRule(),
        tr.MediaPromptRule(),
        tr.NoticeRule("boilerplate", fx.EMBED_PLACEHOLDER),
        tr.NoticeRule("tweet-embed", fx.SOCIAL_EMBED),
        tr.PostNavigationRule(),
        tr.PhraseRule("boilerplate", fx.RIGHTS, max_words=15),
        tr.PhraseRule("boilerplate", fx.ADVERT, max_words=8, strong=fx.AFFILIATE),
        tr.TagsRule(),
        tr.NavigationRule(),
        tr.RelatedBlockRule(),
        tr.TeaserRule(),
        tr.ShareCounterRule(),
        tr.OtherLanguageRule(),
        tr.CommentsRule(),
        tr.AuthorBioRule(),
        tr.AgencyCreditRule(),
        tr.BylineRule(),
        tr.MastheadRule(),
    ]


def _cookie_rule() -> tr.PhraseRule:
    """Cookie banners: short lines with the word, long ones outside the body, consent sentences."""
    return tr.PhraseRule(
        "cookie-notice", fx.COOKIE, max_words=4, verbose=True, strong=fx.COOKIE_NOTICE
    )


def extract_text(text: str) -> Extraction:
    """Clean scraped plain ``text`` into an :class:`~recoupe.model.Extraction`.

    The body keeps every article sentence, one paragraph per input line, paragraphs separated
    by blank lines; ``removed`` lists every line (or fragment) left out with its reason.
    """
    page = tr.Page.from_text(text)
    page.language = tr.detect_page_language(page)
    for rule in _first_pass():
        rule.apply(page)
    page.body = find_body(page)
    _cookie_rule().apply(page)
    tr.FollowPromptRule().apply(page)
    page.body = trim_body(page, extend_body(page))
    tr.TailBioRule().apply(page)
    _choose_title(page)
    page.body = with_standfirst(page)
    _remove_outside_body(page)
    tr.MarkupRule().apply(page)
    published = find_published(_date_lines(page))
    return Extraction(
        body="\n\n".join(ln.text for ln in page.kept() if ln.index in page.body),
        title=page.title,
        outlet=_outlet(page.credits),
        published=published.value if published else None,
        published_evidence=published.evidence if published else None,
        removed=_removals(page),
    )


def find_body(page: tr.Page) -> range:
    """The line range of the article body: the run of prose lines with the most prose text.

    Prose lines (see :func:`~recoupe.extract.textrules.is_prose`) belong to one run while at
    most :data:`MAX_GAP` kept non-prose lines separate them, or up to :data:`MAX_CLEAN_GAP`
    when no rule removed anything between them (a list inside the article, not furniture
    between two blocks); the run with the most characters of prose wins, the way jusText keeps
    the good paragraphs and their close neighbours.
    """
    runs: list[tuple[int, int, int]] = []  # (prose characters, first index, last index)
    gap, dirty = 0, False
    for line in page.lines:
        # Embedded posts and pictures sit inside the article: they do not separate two blocks.
        if line.removed not in (None, "tweet-embed", "caption"):
            dirty = True
        if not line.kept:
            continue
        if not tr.is_prose(line.text, page.language):
            gap += 1
            continue
        if runs and (gap <= MAX_GAP or (not dirty and gap <= MAX_CLEAN_GAP)):
            size, first, _ = runs[-1]
            runs[-1] = (size + len(line.text), first, line.index)
        else:
            runs.append((len(line.text), line.index, line.index))
        gap, dirty = 0, False
    if not runs:
        kept = [ln.index for ln in page.kept()]
        return range(kept[0], kept[-1] + 1) if kept else range(0)
    # Articles come before the comments, the sidebars and the footer: the first run that holds
    # a good share of the page's prose wins over a longer one further down.
    largest = max(size for size, _, _ in runs)
    _, first, last = next(run for run in runs if run[0] >= FIRST_RUN_SHARE * largest)
    return range(first, last + 1)


def extend_body(page: tr.Page) -> range:
    """Grow the body over the short lines that border it (list items, subheads, "200 g sucre").

    A short paragraph between the title and the body, or right after the body, is content
    when it looks like content (three words, a number, a label ending with ":"); the growth
    stops at a headline-shaped line, at the first line a rule removed (furniture marks the
    page's header and footer), and at the first bare menu-like line.
    """
    start, stop = page.body.start, page.body.stop
    for line in reversed(page.lines[:start]):
        if line.blank:
            continue
        if not _content_like(line):
            break
        start = line.index
    for line in page.lines[stop:]:
        if line.blank:
            continue
        if not (_content_like(line) or _closing_sentence(line, page.language)):
            break
        stop = line.index + 1
    return range(start, stop)


def trim_body(page: tr.Page, body: range) -> range:
    """Drop the labels left dangling at the body's end: a "Weitere Informationen:" with nothing
    after it, a "Next post" or "Whitepaper" link; an article ends with a sentence or a list."""
    stop = body.stop
    while stop > body.start:
        line = page.lines[stop - 1]
        if line.kept and not _dangling(line, page.language):
            break
        stop -= 1
    return range(body.start, stop)


def _dangling(line: tr.Line, language: str | None) -> bool:
    """A label or a link of one to three words, not a sentence and not a list item."""
    if tr.is_prose(line.text, language) or any(w.isdigit() for w in line.words):
        return False
    short = len(line.words) <= 3 and tr.SENTENCE_END.search(line.text) is None
    return short or line.text.endswith(":")


def _content_like(line: tr.Line) -> bool:
    """A list item, a label or a sentence, not a menu entry or another headline."""
    if line.removed is not None:
        return False
    words = line.words
    if any(w.isdigit() for w in words) or line.text.endswith(":"):
        return True
    return len(words) >= 3 and not tr.headline_like(line.text)


def _closing_sentence(line: tr.Line, language: str | None) -> bool:
    """A last sentence that lost its full stop. Only below the body: above it, such a line is
    more likely the headline."""
    return line.removed is None and tr.sentence_like(line.text, language)


def _choose_title(page: tr.Page) -> None:
    """The headline: the longest headline-shaped line just above the body; repeats are removed."""
    above = [ln for ln in page.kept() if ln.index < page.body.start][-TITLE_WINDOW:]
    candidates = [ln for ln in above if tr.headline_like(ln.text)]
    if not candidates:
        return
    best = max(candidates, key=lambda ln: len(ln.text))
    page.title, page.title_index = best.text, best.index
    for line in page.kept():
        if line.index != best.index and _repeats_title(line.text, best.text):
            page.remove(line.index, "title-repeat")


def with_standfirst(page: tr.Page) -> range:
    """The body grown up to the standfirst: a sentence between the headline and the body
    ("Blue Tomato lädt zur dritten Auflage des Contests ein"), past the byline, the date and
    the share buttons that stopped :func:`extend_body`."""
    if page.title_index is None:
        return page.body
    between = [ln for ln in page.kept() if page.title_index < ln.index < page.body.start]
    for line in between:
        prose = tr.is_prose(line.text, page.language)
        if prose or tr.sentence_like(line.text, page.language):
            return range(line.index, page.body.stop)
    return page.body


def _repeats_title(text: str, title: str) -> bool:
    """``text`` is the title again, whole or one piece of a headline split over lines."""
    folded, whole = text.casefold(), title.casefold()
    return folded == whole or (len(folded.split()) >= 3 and folded in whole)


def _remove_outside_body(page: tr.Page) -> None:
    """Header lines become navigation (or captions near a credit); the first footer line may be
    the outlet's signature ("Sputniknews", "Belga"); the rest of the footer is not content."""
    header_has_credit = any(ln.removed == "credit" for ln in page.lines[: page.body.start])
    for line in list(page.kept()):
        if line.index < page.body.start:
            caption = header_has_credit and tr.headline_like(line.text)
            page.remove(line.index, "caption" if caption else "navigation")
    signature = page.next_kept(page.body.stop - 1)
    if signature is not None and (name := _signature(signature.text)):
        page.remove(signature.index, "credit")
        page.credit(name, 3)
    for line in list(page.kept()):
        if line.index >= page.body.stop:
            page.remove(line.index, "not-main-content")


def _signature(text: str) -> str | None:
    """The name signing the article: one to three capitalised words alone ("Belga"), or a
    name and its slogan ("Radio Azur, la voix de la côte")."""
    name, _, slogan = text.partition(", ")
    if slogan and (len(slogan.split()) > 8 or not slogan[:1].islower() or slogan.endswith(".")):
        return None
    words = name.split()
    capitalised = 1 <= len(words) <= 3 and all(w[:1].isupper() for w in words)
    return name if capitalised and re.fullmatch(r"[\w .&'’-]+", name) else None


def _date_lines(page: tr.Page) -> list[str]:
    """Where a publication date may be stated: the header, the body's first line, date lines."""
    lines = [ln.raw for ln in page.lines if ln.index <= page.body.start]
    return lines + [ln.raw for ln in page.lines if ln.removed == "dateline"]


_GENERIC_SUFFIX = re.compile(r"^(?P<name>.+?)\s*(?:news|info|online|presse?|actu)$", re.IGNORECASE)


def _outlet(credits: Counter[str]) -> str | None:
    """The most credited name, a site's brand ("Sputniknews", "Belga News") folded onto its
    short name when the text also uses that short name or glues the suffix ("Sputniknews")."""
    merged: Counter[str] = Counter()
    for name, weight in credits.items():
        match = _GENERIC_SUFFIX.match(name)
        if match and (match["name"] in credits or " " not in name):
            name = match["name"]
        merged[name] += weight
    if not merged:
        return None
    return _with_article(merged).most_common(1)[0][0]


_ARTICLE = re.compile(r"^(?:the|le|la|les|l['’]|die|der|das)\s*", re.IGNORECASE)


def _with_article(credits: Counter[str]) -> Counter[str]:
    """ "Harbour Times" and "The Harbour Times" are one outlet: their weights go to the form the
    text credits most."""
    groups: dict[str, list[str]] = {}
    for name in credits:
        groups.setdefault(_ARTICLE.sub("", name).casefold(), []).append(name)
    merged: Counter[str] = Counter()
    for names in groups.values():
        best = max(names, key=lambda n: credits[n])
        merged[best] = sum(credits[n] for n in names)
    return merged


def _removals(page: tr.Page) -> list[Removal]:
    """Every removed line and fragment, in input order, with its reason."""
    removed = [Removal(ln.raw.strip(), ln.removed) for ln in page.lines if ln.removed]
    removed += [Removal(text, reason) for text, reason in page.fragments]
    return removed
