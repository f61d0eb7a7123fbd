"""The line model and the named rules that clean already-scraped plain text.

No library cleans text that has already lost its HTML (jusText, trafilatura and resiliparse
all need the DOM), so this cleaner is recoupe's own. It is a short list of rules, each a class
with one job and one :data:`~recoupe.model.RemovalReason`; :mod:`recoupe.extract.plaintext`
runs them in order over a :class:`Page`. Rules use context, not just the words of a line:
where the line stands relative to the body (the densest run of prose lines, found the way
jusText scores paragraphs: length and stop-word density, with jusText's own stop-word lists),
what the neighbouring lines are (a tweet's text sits above its attribution, a related headline
under a photo caption), and what opened the current block ("Lire aussi", "Commentaires").
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import ClassVar, Protocol

import justext
from babel import Locale
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from recoupe.extract import furniture as fx
from recoupe.extract.prose_dates import TWEET_ATTRIBUTION, date_line_byline, is_date_line

__all__ = [
    "SENTENCE_END",
    "Line",
    "Page",
    "Rule",
    "detect_page_language",
    "is_prose",
    "line_language",
    "name_like",
]

#: Languages a line may be told apart in (py3langid is restricted to these: fewer confusions).
# fmt: off
CANDIDATE_LANGUAGES = (
    "fr", "en", "de", "es", "it", "pt", "nl", "pl", "ru", "uk", "cs", "sk", "sl", "hr",
    "sv", "da", "no", "fi", "hu", "ro", "tr", "el", "bg", "ca", "ar", "zh", "ja", "ko",
)
# fmt: on
#: A line with fewer words than this is too short for a language guess; only its script counts.
MIN_WORDS_FOR_LANGUAGE = 6
_TAG = re.compile(r"</?[a-zA-Z][\w:-]*(?:\s[^<>]*)?/?>")
_BULLET = re.compile(r"^[•·▪►■◦]+\s*(?=\S)|^[•·▪►■◦]\s*$")
_URL = re.compile(r"https?://\S+|\bpic\.twitter\.com/\S+|\bt\.co/\S+|www\.\S+")
#: A full stop, possibly followed by closing quotes or brackets: the line ends a sentence.
SENTENCE_END = re.compile(r"[.!?…。！？](?:\s*[\"'»”’)」』])*\s*$")


_WORD = re.compile(r"\w+")


@dataclass
class Line:
    """One line of the input, its cleaned text, and the reason it was removed (if it was)."""

    index: int
    raw: str
    text: str
    removed: str | None = None

    @property
    def blank(self) -> bool:
        """True for an empty line (a paragraph break), or one that held only markup or a bullet."""
        return not self.text

    def set_text(self, text: str) -> None:
        """Replace the cleaned text (and forget the words cached from the old one)."""
        self.text = text
        self.__dict__.pop("words", None)

    @cached_property
    def words(self) -> list[str]:
        """The line's words (letters and digits); cached, as rules ask for them many times."""
        return _WORD.findall(self.text)

    @property
    def kept(self) -> bool:
        """True while no rule has removed the line and it has text."""
        return self.removed is None and not self.blank


@dataclass
class Page:
    """The lines of one text and what the rules have learnt about it so far."""

    lines: list[Line]
    language: str | None = None
    body: range = range(0)
    title: str | None = None
    title_index: int | None = None
    fragments: list[tuple[str, str]] = field(default_factory=list)
    credits: Counter[str] = field(default_factory=Counter)

    @classmethod
    def from_text(cls, text: str) -> Page:
        """Split ``text`` into lines; tags and list bullets are cut from each line's text."""
        lines = []
        for i, raw in enumerate(text.splitlines()):
            stripped = _TAG.sub(" ", raw)
            folded = " ".join(stripped.split())
            lines.append(Line(i, raw, _BULLET.sub("", folded)))
        return cls(lines)

    def remove(self, index: int, reason: str) -> None:
        """Mark a line as removed, unless an earlier rule already did or it is the title."""
        line = self.lines[index]
        if line.removed is None and not line.blank and index != self.title_index:
            line.removed = reason

    def kept(self) -> Iterator[Line]:
        """The lines still in the text."""
        return (line for line in self.lines if line.kept)

    def next_kept(self, index: int, step: int = 1) -> Line | None:
        """The nearest kept line after (``step=1``) or before (``step=-1``) ``index``."""
        i = index + step
        while 0 <= i < len(self.lines):
            if self.lines[i].kept:
                return self.lines[i]
            i += step
        return None

    def credit(self, name: str, weight: int) -> None:
        """Record that the text credits ``name`` as its outlet, with a strength ``weight``."""
        name = " ".join(name.strip(" .,:;-–—|()").split())
        if name and weight > 0:
            self.credits[name] += weight


class Rule(Protocol):
    """One cleaning rule: it marks lines of a :class:`Page` as removed with its reason."""

    reason: str

    def apply(self, page: Page) -> None:
        """Mark the lines this rule recognises."""


# --------------------------------------------------------------------------- language


@cache
def _identifier() -> LanguageIdentifier:
    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ident.set_languages(list(CANDIDATE_LANGUAGES))
    return ident


def line_language(text: str) -> tuple[str, float]:
    """py3langid's guess for ``text`` among :data:`CANDIDATE_LANGUAGES`, with its probability."""
    lang, prob = _identifier().classify(text)
    return str(lang), float(prob)


def detect_page_language(page: Page) -> str | None:
    """The language of a page, read from its long lines (menus and counters say too little)."""
    long_lines = sorted((ln.text for ln in page.lines if len(ln.words) >= 8), key=len)[-40:]
    if not long_lines:
        return None
    lang, _ = line_language("\n".join(long_lines)[-2500:])
    return lang


def script_of(text: str) -> str | None:
    """The dominant writing system of ``text`` (Latin, Cyrillic, Arabic…), from Unicode names."""
    if text.isascii():
        return "LATIN" if any(ch.isalpha() for ch in text) else None
    counts: Counter[str] = Counter()
    for ch in text[:400]:
        if ch.isalpha():
            counts[unicodedata.name(ch, "UNKNOWN ?").split(" ")[0]] += 1
    return counts.most_common(1)[0][0] if counts else None


@cache
def stopwords(language: str | None) -> frozenset[str]:
    """jusText's stop-word list for an ISO 639-1 code (via babel's English language name)."""
    if language is None:
        return frozenset()
    try:
        name = Locale.parse(language).get_display_name("en") or ""
        return frozenset(justext.get_stoplist(name.split(" (")[0].replace(" ", "_")))
    except (ValueError, LookupError):
        return frozenset()


def is_prose(text: str, language: str | None) -> bool:
    """True for a line that reads like article prose (jusText's length and stop-word tests).

    A line is prose when it is long and dense in function words (jusText's "good"), or when
    it is a shorter full sentence. Without a stop-word list (Chinese, Japanese…) length and
    sentence punctuation decide.
    """
    words = re.findall(r"\w+", text.lower())
    stops = stopwords(language)
    if not stops:
        return len(text) >= 50 and SENTENCE_END.search(text) is not None
    if len(words) < 5:
        return False
    density = sum(w in stops for w in words) / len(words)
    # Headlines are long and wordy too, but they do not end with a full stop.
    if density >= 0.30 and (len(text) >= 150 or (len(text) >= 70 and SENTENCE_END.search(text))):
        return True
    return len(text) >= 40 and density >= 0.22 and SENTENCE_END.search(text) is not None


def sentence_like(text: str, language: str | None = None) -> bool:
    """A sentence left without its full stop ("Eines Tages werde ich sein Symbol auf dem Finger
    haben"): eight words or more, two in five of them function words, which headlines lack."""
    words = re.findall(r"\w+", text.lower())
    stops = stopwords(language) if language else _any_stopwords(words)
    return len(words) >= 8 and sum(w in stops for w in words) / len(words) >= 0.4


def _any_stopwords(words: list[str]) -> frozenset[str]:
    """The stop-word list of the language the words are most dense in (no page language)."""
    lists = [stopwords(code) for code in ("fr", "en", "de", "es", "it", "pt", "nl", "pl")]
    return max(lists, key=lambda stops: sum(w in stops for w in words))


def headline_like(text: str) -> bool:
    """A line shaped like a headline: a few words, capitalised, no closing full stop."""
    words = re.findall(r"\w+", text)
    return 3 <= len(words) <= 30 and text[:1].isupper() and not text.rstrip().endswith(".")


#: Small words a name keeps in lower case ("Le Courrier du Rhône", "The Times of Malta").
NAME_PARTICLES = frozenset(
    "de du des la le les l d et en sur of the and for von der die das und di del da".split()  # noqa: SIM905
)


def name_like(text: str, max_words: int = 5) -> bool:
    """A proper name: one to ``max_words`` capitalised words (small particles aside), no
    digits, no sentence punctuation: "Le Soir du Brabant", "L'Écho des Dunes", "AFP"."""
    words = re.split(r"[\s'’]+", text.strip())
    if not 1 <= len(words) <= max_words or not text[:1].isupper():
        return False
    if re.fullmatch(r"[^\W\d_][\w .&'’-]*", text.strip()) is None or re.search(r"\d", text):
        return False
    return all(w[:1].isupper() or w.lower() in NAME_PARTICLES for w in words if w)


# --------------------------------------------------------------------------- rules


class MarkupRule:
    """Leftover HTML tags (``<article class=…>``, ``</header>``, ``<time datetime=…>``).

    Tags are cut from every line when the page is split; this rule records what was cut: a
    line that held only tags, or the tags of a line that stays. It runs last, so that a line
    removed for another reason is reported once, with that reason.
    """

    reason = "html-markup"

    def apply(self, page: Page) -> None:
        for line in page.lines:
            tags = _TAG.findall(line.raw)
            if line.blank and line.raw.strip():
                reason = self.reason if tags else "boilerplate"
                page.fragments.append((line.raw.strip(), reason))
            elif line.kept and tags:
                page.fragments.extend((tag, self.reason) for tag in tags)


class BulletRule:
    """A bullet or separator left alone on its line ("•") is list furniture."""

    reason = "boilerplate"

    def apply(self, page: Page) -> None:
        for line in page.lines:
            if line.text in {"•", "·", "▪", "|", "-", "–", "—", "*"}:
                page.fragments.append((line.text, self.reason))
                line.set_text("")


class PhraseRule:
    """Short lines made of one kind of furniture phrase (cookie, subscribe, follow, share…).

    ``max_words`` keeps the rule off real paragraphs that merely mention the word ("les
    cookies" in an article about cookies): verbose notices need ``verbose_words`` and a phrase,
    and never count inside the body's densest prose. A ``strong`` pattern is a whole sentence
    only furniture says ("Ce site utilise des cookies", "Suivez X sur Telegram"): a line with
    it is furniture up to :attr:`max_strong_words` words, wherever it stands.
    """

    #: A line this long is a paragraph even when it holds a strong phrase.
    max_strong_words: ClassVar[int] = 60

    def __init__(
        self,
        reason: str,
        pattern: re.Pattern[str],
        max_words: int = 6,
        verbose: bool = False,
        strong: re.Pattern[str] | None = None,
    ) -> None:
        self.reason = reason
        self.pattern = pattern
        self.max_words = max_words
        self.verbose = verbose
        self.strong = strong

    def apply(self, page: Page) -> None:
        for line in page.kept():
            if self._strong(line) or self._matches(line, page):
                page.remove(line.index, self.reason)

    def _matches(self, line: Line, page: Page) -> bool:
        if not self.pattern.search(line.text):
            return False
        return len(line.words) <= self.max_words or (self.verbose and self._notice(line, page))

    def _strong(self, line: Line) -> bool:
        return (
            self.strong is not None
            and len(line.words) <= self.max_strong_words
            and self.strong.search(line.text) is not None
        )

    def _notice(self, line: Line, page: Page) -> bool:
        """A long line counts when the phrase recurs or the line is outside the body."""
        hits = len(self.pattern.findall(line.text))
        return hits >= 2 or (bool(page.body) and line.index not in page.body)


class NoticeRule(PhraseRule):
    """Sentences only furniture says, removed whatever their length (up to
    :attr:`~PhraseRule.max_strong_words`): embed placeholders, social post frames."""

    def __init__(self, reason: str, pattern: re.Pattern[str]) -> None:
        super().__init__(reason, pattern, max_words=0, strong=pattern)


class FollowPromptRule(PhraseRule):
    """Prompts to follow the outlet elsewhere ("Suivez Sputnik sur Telegram", "Ecoutez Radio
    Sputnik"); the brand they name is a weak outlet candidate."""

    brand: ClassVar[re.Pattern[str]] = re.compile(
        r"(?:suivez|[ée]coutez(?: radio)?|retrouvez|follow|folgen sie)\s+"
        r"(?P<name>[A-ZÀ-Ý][\w'’-]*(?: [\w'’-]+){0,4}?)(?=\s+(?:sur|on|auf|pour|for)\b|[.!]?$)",
        re.IGNORECASE,
    )

    def __init__(self) -> None:
        super().__init__(
            "follow-prompt", fx.FOLLOW, max_words=8, verbose=True, strong=fx.FOLLOW_NETWORK
        )

    def apply(self, page: Page) -> None:
        before = {ln.index for ln in page.kept()}
        super().apply(page)
        for index in before - {ln.index for ln in page.kept()}:
            match = self.brand.search(page.lines[index].text)
            if match and name_like(match["name"]):
                page.credit(match["name"].removeprefix("Radio "), 1)


class ShareCounterRule:
    """Bare counters (share counts, ids: "353917240", "0") and share labels."""

    reason = "share-counter"

    def apply(self, page: Page) -> None:
        for line in page.kept():
            bare = re.fullmatch(r"[\d\s.,:/|+k]*\d[\d\s.,:/|+k]*", line.text, re.I) is not None
            if (bare and not is_date_line(line.text)) or (
                len(line.words) <= 8 and fx.SHARE.search(line.text)
            ):
                page.remove(line.index, self.reason)


class NavigationRule:
    """Lines that are only widget and menu labels ("Close", "loader", "Fil d'actu", "Chat")."""

    reason = "navigation"

    def apply(self, page: Page) -> None:
        for line in page.kept():
            if len(line.words) <= 4 and not fx.NAVIGATION.sub("", line.text).strip(" :|+-•«»‹›<>/"):
                page.remove(line.index, self.reason)


class BreadcrumbRule:
    """A trail of section names ending in the headline ("Accueil ACTU Monde <titre>"), or
    section names joined by separators ("Accueil > Monde > Syrie")."""

    reason = "breadcrumb"

    def apply(self, page: Page) -> None:
        texts = {ln.text for ln in page.kept() if len(ln.text) >= 20}
        for line in page.kept():
            separated = _TRAIL.search(line.text) is not None
            if (separated and not is_prose(line.text, page.language)) or _ends_with_repeat(
                line.text, texts
            ):
                page.remove(line.index, self.reason)


#: Two separators of a trail: spaced ("Accueil > Monde > Syrie") or glued ("Start>People>…").
_TRAIL = re.compile(r"\s[>›»/|]\s.*\s[>›»/|]\s|\w[>›»]\w.*\w[>›»]\w")


def _ends_with_repeat(line: str, texts: set[str]) -> bool:
    """``line`` is one to five short section names followed by the whole of another line."""
    words = line.split()
    for head in range(1, min(5, len(words) - 1) + 1):
        if all(len(w) <= 14 for w in words[:head]) and " ".join(words[head:]) in texts:
            return True
    return False


class TagsRule:
    """A tag list: "Tags:" and, when the header stands alone, the line of tags under it."""

    reason = "tags"

    def apply(self, page: Page) -> None:
        for line in page.kept():
            if len(line.words) <= 40 and fx.POST_META.search(line.text):
                page.remove(line.index, self.reason)
                continue
            match = fx.TAGS_HEADER.match(line.text)
            if not match:
                continue
            page.remove(line.index, self.reason)
            after = page.next_kept(line.index)
            if (
                not line.text[match.end() :].strip()
                and after
                and not is_prose(after.text, page.language)
            ):
                page.remove(after.index, self.reason)


class TweetEmbedRule:
    """An embedded tweet: the attribution "— Name (@handle) date" and the tweet's text above it.

    The tweet text is the line just above when it carries tweet marks (t.co or pic.twitter
    links, hashtags) or is in another language than the page. An attribution in the page's
    language names a candidate outlet (outlets embed their own accounts' tweets).
    """

    reason = "tweet-embed"

    def apply(self, page: Page) -> None:
        for line in page.kept():
            match = TWEET_ATTRIBUTION.match(line.text)
            if not match:
                continue
            page.remove(line.index, self.reason)
            above = page.next_kept(line.index, -1)
            if above is None or not self._tweet_text(above.text, page.language):
                continue
            page.remove(above.index, self.reason)
            if _same_language(above.text, page.language):
                page.credit(line.text.lstrip("—–- ").split("(@")[0], 1)

    @staticmethod
    def _tweet_text(text: str, language: str | None) -> bool:
        marks = re.search(r"t\.co/|pic\.twitter\.com|(?<!\w)#\w", text) is not None
        return marks or not _same_language(text, language)


def _same_language(text: str, language: str | None) -> bool:
    cleaned = _URL.sub(" ", text)
    if language is None or len(re.findall(r"\w+", cleaned)) < MIN_WORDS_FOR_LANGUAGE:
        return True
    return line_language(cleaned)[0] == language


class OtherLanguageRule:
    """Lines in another language or script than the page (a Russian widget title, English cookie
    text in a French page).

    A short line is judged only by its script: py3langid is unreliable under a handful of
    words, and a short line of names or numbers must survive. A longer line is removed when
    py3langid is confident (``min_probability``) of another language.
    """

    reason = "other-language"

    def __init__(self, min_probability: float = 0.98) -> None:
        self.min_probability = min_probability

    def apply(self, page: Page) -> None:
        if page.language is None:
            return
        page_script = script_of(" ".join(ln.text for ln in page.lines if len(ln.words) >= 8))
        for line in page.kept():
            if self._foreign(line, page.language, page_script):
                page.remove(line.index, self.reason)

    def _foreign(self, line: Line, language: str, page_script: str | None) -> bool:
        script = script_of(line.text)
        if script and page_script and script != page_script and len(line.text) >= 4:
            return True
        text = _URL.sub(" ", line.text)
        words = re.findall(r"[^\W\d_]+", text.lower())
        if len(words) < MIN_WORDS_FOR_LANGUAGE:
            return False
        # Dense in the page language's function words: no need to ask the classifier.
        stops = stopwords(language)
        if stops and sum(w in stops for w in words) / len(words) >= 0.2:
            return False
        lang, prob = line_language(text)
        return lang != language and prob >= self.min_probability


class CreditRule:
    """Photo and copyright credits ("© AFP 2023 YURI GRIPAS John Kerry", "Foto: dpa").

    The name after © is a weak outlet candidate (a photo agency is often not the outlet).
    """

    reason = "credit"
    pattern: ClassVar[re.Pattern[str]] = re.compile(
        r"^\(?(?:©|\(c\)|copyright\b|cr[ée]dits?\s*(?:photo)?\s*:|photos?\s*:|fotos?\s*:|bild\s*:|"
        r"bildquelle\s*:|bildnachweis\s*:|quelle\s*:|source\s*:|image\s*:|imagen\s*:|"
        r"kuva\s*:|źródło\s*:|fuente\s*:|fonte\s*:|cr[ée]dito\s*:?|fot\.|"
        r"(?:featured )?(?:image|photo(?:graph)?|picture) by\b)"
        r"\s*(?P<name>.*)",
        re.IGNORECASE,
    )

    def apply(self, page: Page) -> None:
        for line in page.kept():
            match = self.pattern.match(line.text)
            if match and len(line.words) <= 14:
                page.remove(line.index, self.reason)
                page.credit(credited_name(line.text, match["name"]), 1)


def credited_name(line: str, after_label: str) -> str:
    """The name a credit line gives: the one after "©" when there is one ("Photo : Des
    chalutiers à quai. © Agence X 2021 Jean Dupin" credits Agence X), else the one after its
    label; cut at the year, the photographer's "/" or the first punctuation."""
    name = line.rsplit("©", 1)[1] if "©" in line else after_label
    return re.split(r"[.,/]|\s\d", name, maxsplit=1)[0]


_OUTLET_SUFFIX = re.compile(
    r"^(?P<caption>.{2,200}?)\s+[-–—|]\s+(?P<name>[A-Z][\w'’]*(?: [A-Z][\w'’]*){0,2})$"
)


class CaptionRule:
    """Photo captions: "John Kerry - Sputnik Afrique" (a caption signed by the outlet), and short
    non-sentence lines next to a photo credit in the page's header.

    A line signed "- Name" counts when the same signature recurs on another line or a credit
    sits next to it; each such signature is a candidate outlet.
    """

    reason = "caption"

    def apply(self, page: Page) -> None:
        signed = {ln.index: m["name"] for ln in page.kept() if (m := _OUTLET_SUFFIX.match(ln.text))}
        counts = Counter(signed.values())
        for index, name in signed.items():
            if counts[name] >= 2 or self._near_credit(page, index):
                page.remove(index, self.reason)
                page.credit(name, 2)

    @staticmethod
    def _near_credit(page: Page, index: int) -> bool:
        before = page.lines[max(0, index - 2) : index]
        return any(ln.removed == "credit" for ln in before)


class CreditedCaptionRule:
    """Captions that carry their photo credit ("Le maire à la mairie. Foto: A. Vogt", "… © AFP")
    or open with a figure label ("Abbildung 4:", "Figure 2 :")."""

    reason = "caption"

    def apply(self, page: Page) -> None:
        for line in page.kept():
            if len(line.words) > 60:
                continue
            if fx.CAPTION_CREDIT.search(line.text) or fx.FIGURE_LABEL.match(line.text):
                page.remove(line.index, self.reason)
                if "©" in line.text:
                    page.credit(credited_name(line.text, ""), 1)


class RelatedCardRule:
    """A related-article headline placed right under a photo caption inside the body."""

    reason = "related-links"

    def apply(self, page: Page) -> None:
        for line in page.lines:
            if line.removed != "caption":
                continue
            after = page.next_kept(line.index)
            if after and after.index == line.index + 1 and headline_like(after.text):
                page.remove(after.index, self.reason)


class RelatedBlockRule:
    """A "Lire aussi" / "Related posts" header and the headlines and teasers listed under it.

    The block runs while lines are not prose or are teasers cut short with "…"; it ends at the
    first full paragraph, which belongs to the article again.
    """

    reason = "related-links"

    def apply(self, page: Page) -> None:
        for line in list(page.kept()):
            if line.removed or not self._header(line):
                continue
            page.remove(line.index, self.reason)
            for nxt in page.lines[line.index + 1 :]:
                if nxt.blank:
                    continue
                if nxt.removed or not self._in_block(nxt.text, page.language):
                    break
                page.remove(nxt.index, self.reason)

    @staticmethod
    def _header(line: Line) -> bool:
        """A short "Lire aussi" line, or one that carries its headline ("Lire aussi : …")."""
        if len(line.words) <= 6:
            return fx.RELATED_HEADER.search(line.text) is not None
        match = fx.RELATED_HEADER.match(line.text)
        if match and len(line.words) <= 8 and not line.text.rstrip().endswith("."):
            return True  # "Die meistgelesenen Artikel bei Radio X"
        rest = line.text[match.end() :] if match else ""
        return bool(re.match(r"\s*[:»>|–—-]", rest)) and len(line.words) <= 30

    @staticmethod
    def _in_block(text: str, language: str | None) -> bool:
        """A teaser cut short, a headline (a question headline too), anything but prose."""
        teaser = text.rstrip().endswith(("…", "...", "[…]"))
        question = len(text.split()) <= 14 and text.rstrip().endswith(("?", "!"))
        return teaser or question or not is_prose(text, language)


class TeaserRule:
    """A teaser for another article: the "Read more" / "Lire la suite" link and the teaser text,
    headline and date lines just above it (up to the previous blank-separated gap)."""

    reason = "related-links"

    def apply(self, page: Page) -> None:
        for line in list(page.kept()):
            # "Mehr erfahren Sie hier:" introduces a list of the page's own, not a link away.
            if len(line.words) > 4 or line.text.endswith(":") or not fx.READ_MORE.search(line.text):
                continue
            page.remove(line.index, self.reason)
            above = page.next_kept(line.index, -1)
            if above is None:
                continue
            page.remove(above.index, self.reason)
            headline = page.next_kept(above.index, -1)
            if headline is not None and headline_like(headline.text):
                page.remove(headline.index, self.reason)


class CommentsRule:
    """The comment section: its header after the body, the form and everything below it.

    Readers' comments read like prose, so they cannot be told from the article line by line;
    the header that opens the section ("Commentaires", "Leave a Reply", "Kommentare") is the
    signal, and only counts once some article prose has been seen above it. Form fields and
    counters ("Nom / Pseudo :", "Aucun commentaire pour le moment") are removed wherever.
    """

    reason = "comments"
    #: Prose seen above a header before it opens the comment section: a "61 commentaires"
    #: counter next to the headline is a link to the section, not the section.
    min_prose_above = 500

    def apply(self, page: Page) -> None:
        prose_above = 0
        cut = False
        for line in page.kept():
            if cut:
                page.remove(line.index, self.reason)
            elif prose_above >= self.min_prose_above and self._header(line):
                cut = True
                page.remove(line.index, self.reason)
            elif len(line.words) <= 20 and fx.COMMENTS_FORM.search(line.text):
                page.remove(line.index, self.reason)
            if is_prose(line.text, page.language):
                prose_above += len(line.text)

    @staticmethod
    def _header(line: Line) -> bool:
        return len(line.words) <= 16 and fx.COMMENTS_HEADER.match(line.text) is not None


class DatelineRule:
    """Lines that only give a date, perhaps signed: "Mis à jour le … à 22h25", "Le Soir du
    Brabant Mis à jour le …" (the signing name is an outlet candidate), "Mis à jour il y a 3
    heures"."""

    reason = "dateline"

    def apply(self, page: Page) -> None:
        for line in page.kept():
            if fx.RELATIVE_DATELINE.match(line.text):
                page.remove(line.index, self.reason)
                continue
            if len(line.words) > 16:
                continue
            # The name before the date signs the page ("Belga News <time> Mis à jour…").
            byline = date_line_byline(line.text)
            signed = name_like(byline) and is_date_line(line.text.removeprefix(byline))
            if signed or is_date_line(line.text):
                page.remove(line.index, self.reason)
            if signed:
                page.credit(byline, 2)


class AgencyCreditRule:
    """A wire agency's signature opening or closing a paragraph: "(Belga) Le secrétaire…", "…
    (AFP)". Only the signature is cut; the paragraph stays."""

    reason = "credit"
    pattern: ClassVar[re.Pattern[str]] = re.compile(
        r"^\((?P<head>[A-Z][\w.&-]*(?:[ /][A-Z][\w.&-]*){0,2})\)\s*|"
        r"\s*\((?P<tail>[A-Z][\w.&-]*(?:[ /][A-Z][\w.&-]*){0,2})\)$"
    )

    def apply(self, page: Page) -> None:
        for line in page.kept():
            if len(line.words) < 8:
                continue
            for match in list(self.pattern.finditer(line.text)):
                name = match["head"] or match["tail"]
                page.credit(name, 3)
                page.fragments.append((f"({name})", self.reason))
            line.set_text(self.pattern.sub("", line.text).strip())


class MediaPromptRule:
    """Audio and video player prompts: "Écouter cet article (4 min)", "Vidéo : les images de la
    crue (1:42)". Short lines only: a paragraph may open with "Regarder" too."""

    reason = "boilerplate"
    max_words: ClassVar[int] = 14

    def apply(self, page: Page) -> None:
        for line in page.kept():
            if len(line.words) <= self.max_words and fx.MEDIA_PROMPT.search(line.text):
                page.remove(line.index, self.reason)


class MastheadRule:
    """The site's name heading the page ("Le Courrier du Rhône", "THE HARBOUR TIMES | Sport"):
    the strongest outlet credit. Only the first line counts, when it is a short name and not
    the headline; the line itself is left to the header's removal."""

    reason = "credit"  # what it finds; it removes nothing
    weight: ClassVar[int] = 4

    def apply(self, page: Page) -> None:
        first = next((ln for ln in page.lines if not ln.blank), None)
        if first is None or not first.kept:
            return
        name = re.split(r"\s+[|–—-]\s+", first.text, maxsplit=1)[0].strip()
        if name_like(name) and not fx.NAVIGATION.fullmatch(name):
            page.credit(_cased(name, page), self.weight)


def _cased(name: str, page: Page) -> str:
    """A capitalised masthead ("GAZETTE DE LORRAINE") as the text writes it elsewhere ("La
    Gazette de Lorraine utilise…"), else in title case with its particles in lower case."""
    if not name.isupper():
        return name
    pattern = re.compile(re.escape(name), re.IGNORECASE)
    for line in page.lines:
        for match in pattern.finditer(line.text):
            if not match.group(0).isupper():
                return match.group(0)
    words = name.lower().split()
    return " ".join(
        w if i and w in NAME_PARTICLES else w[:1].upper() + w[1:] for i, w in enumerate(words)
    )


class BylineRule:
    """Bylines that name the outlet rather than a person: "Par Le Courrier du Rhône avec AFP"
    (a name opening with an article is no person's), "By Harbour Times staff", "Par Anna Berg,
    Radio Azur" (the name after the journalist's)."""

    reason = "credit"  # what it finds; it removes nothing
    weight: ClassVar[int] = 2
    max_words: ClassVar[int] = 14
    _staff: ClassVar[re.Pattern[str]] = re.compile(
        r"^(?P<name>.+?)\s+(?:staff|reporters|team|desk|newsroom|rédaction)\b", re.IGNORECASE
    )
    _article: ClassVar[re.Pattern[str]] = re.compile(
        r"^(?:le|la|les|l['’]|the|die|der|das)\b", re.IGNORECASE
    )

    def apply(self, page: Page) -> None:
        for line in page.kept():
            match = fx.BYLINE.match(line.text)
            if match and len(line.words) <= self.max_words:
                for name in self._outlets(match["names"]):
                    page.credit(name, self.weight)

    def _outlets(self, names: str) -> list[str]:
        # "X avec AFP", "X and agencies": the signer is X; several journalists are no outlet.
        joined = re.split(r"\s+(?:avec|with|and|et|und|mit)\s+", names.strip(" ."))
        parts = re.split(r"\s*,\s*", joined[0])
        staff = self._staff.match(parts[0])
        if staff and name_like(staff["name"]):
            return [staff["name"]]
        if self._article.match(parts[0]) and name_like(parts[0]):
            return [parts[0]]
        if len(joined) == 1 and len(parts) == 2 and name_like(parts[0], 3):
            return [parts[1]] if name_like(parts[1], 4) else []
        return []


class SyndicationRule:
    """A syndication notice ("Cet article a été publié initialement sur …", "Reproduction
    soumise à conditions") or a wire desk's sign-off ("AFP - Service France - dm/cb")."""

    reason = "boilerplate"
    max_words: ClassVar[int] = 30

    def apply(self, page: Page) -> None:
        for line in page.kept():
            text = line.text.strip()
            if len(line.words) <= self.max_words and (
                fx.SYNDICATION.search(text) or fx.WIRE_SIGNOFF.match(text)
            ):
                page.remove(line.index, self.reason)


class StockCreditRule:
    """A short line naming a picture agency ("TebNad/Shutterstock.com", "Getty Images",
    "Photo by Léa on Unsplash"): the credit of a photo that was not rendered."""

    reason = "credit"
    max_words: ClassVar[int] = 8

    def apply(self, page: Page) -> None:
        for line in page.kept():
            if len(line.words) <= self.max_words and fx.STOCK_PHOTO.search(line.text):
                page.remove(line.index, self.reason)


class AuthorBioRule:
    """The author box closing an article: an "About the author" / "Autor" header, then the
    author's name and a short biography paragraph."""

    reason = "not-main-content"
    #: Lines after the header that belong to the box: name lines, then one biography.
    max_lines: ClassVar[int] = 4

    def apply(self, page: Page) -> None:
        for line in list(page.kept()):
            if not line.kept or not fx.AUTHOR_HEADER.match(line.text):
                continue
            page.remove(line.index, self.reason)
            for nxt in [ln for ln in page.lines[line.index + 1 :] if ln.kept][: self.max_lines]:
                page.remove(nxt.index, self.reason)
                if len(nxt.words) > 6:
                    break


class CaptionAboveCreditRule:
    """A short line just above a bare photo credit label ("Foto:", "Photo :", the name on the
    next line): the photo's caption ("Marcell Jansen (l.) und Piotr Trochowski haben einen
    guten Draht.")."""

    reason = "caption"
    max_words: ClassVar[int] = 20

    def apply(self, page: Page) -> None:
        for line in page.lines:
            if line.removed != "credit" or not _BARE_LABEL.fullmatch(line.text):
                continue
            above = page.next_kept(line.index, -1)
            close = above is not None and line.index - above.index <= 2
            if above is not None and close and len(above.words) <= self.max_words:
                page.remove(above.index, self.reason)


_BARE_LABEL = re.compile(
    r"\(?(?:fotos?|photos?|bild|image|imagen|kuva|crédits?|credits?)\s*:\s*\)?", re.IGNORECASE
)


class PostNavigationRule:
    """Links to the neighbouring posts: "← Previous post", "Next post →", "Article suivant"."""

    reason = "navigation"
    max_words: ClassVar[int] = 16

    def apply(self, page: Page) -> None:
        for line in page.kept():
            if len(line.words) <= self.max_words and fx.POST_NAVIGATION.search(line.text):
                page.remove(line.index, self.reason)


class TailBioRule:
    """A biography closing the body: its last paragraph opens with a name ("Ganesh Sitaraman
    is…", "Patrick Ludolph, Fotograf aus Hamburg…") and says what the author does."""

    reason = "not-main-content"
    _opening: ClassVar[re.Pattern[str]] = re.compile(
        r"^(?P<name>[A-ZÀ-Ý][\w'’-]+(?: [A-ZÀ-Ý][\w'’-]+){0,2})"
        r"(?:,| (?i:is|ist|est|has|hat|war|was)\b)"
    )
    max_words: ClassVar[int] = 80

    def apply(self, page: Page) -> None:
        body = [ln for ln in page.kept() if ln.index in page.body]
        if len(body) < 3:
            return
        last = body[-1]
        match = self._opening.match(last.text)
        if match and len(last.words) <= self.max_words and fx.AUTHOR_BIO.search(last.text):
            page.remove(last.index, self.reason)
            name = body[-2]
            if name.text.casefold() in match["name"].casefold() and len(name.words) <= 4:
                page.remove(name.index, self.reason)


class RepeatedLineRule:
    """A short sentence written twice in a row, or words twice on one line ("Reacción del
    alcalde.", "Reacción del alcalde."): a picture's alternative text above its caption, a link
    card's title over its link. A paragraph of the article is not repeated back to back."""

    reason = "caption"
    max_words: ClassVar[int] = 25

    def apply(self, page: Page) -> None:
        for line in list(page.kept()):
            if len(line.words) > self.max_words:
                continue
            above = page.next_kept(line.index, -1)
            # A headline repeated (the page title over the article's) is the title's business.
            again = (
                above is not None
                and above.text == line.text
                and line.index - above.index <= 3
                and SENTENCE_END.search(line.text) is not None
            )
            if again and above is not None:
                page.remove(above.index, self.reason)
            if again or _doubled(line.text):
                page.remove(line.index, self.reason)


def _doubled(text: str) -> bool:
    """The same words twice over: "Amiga jura inocência Amiga jura inocência"."""
    words = text.split()
    half = len(words) // 2
    return len(words) >= 6 and len(words) % 2 == 0 and words[:half] == words[half:]


class FileNameRule:
    """A line that is only a file name, an image slug or a bare domain ("Becken_kreise.jpg",
    "DashDividers_1_500x100_3", "scientists-confirm-record-year", "BVINEWS.COM"): what a
    picture without alternative text, or a logo, leaves in rendered text."""

    reason = "caption"
    _name: ClassVar[re.Pattern[str]] = re.compile(
        r"[\w.-]+\.(?:jpe?g|png|gif|webp|svg|bmp|tiff?)"
        r"|\w+(?:[_-]\w+){2,}"
        r"|(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|de|fr|uk|info|news)/?",
        re.IGNORECASE,
    )

    def apply(self, page: Page) -> None:
        for line in page.kept():
            if self._name.fullmatch(line.text):
                page.remove(line.index, self.reason)
