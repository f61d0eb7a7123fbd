"""Names an article mentions, as language-independent keys: what links reports across languages.

"Crue de la Sarvène : Odile Garnier …" and "Deadly floods hit … Sarvène, said Odile Garnier"
share few words but the same names. When the ``nlp`` stage analysed an article, its entity keys
are used with their type left out ("LOC:sarvene" → "sarvene", so that a place typed
differently by two pipelines still matches); an article in a language with no pipeline falls
back to the capitalised word sequences of its body. Both give the same key for a name: accents
folded, lower case, words joined by hyphens. A named-entity recogniser would do better than
capitalisation, but none is installed for most languages, and a key that matches the entity
layer's is all linking needs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from babel.dates import get_day_names, get_month_names

from recoupe.link.text import STOPWORDS, strip_accents

#: Locales whose weekday and month names are dates, not names ("Monday", "Octobre").
DATE_LOCALES = ("fr", "en", "de", "es", "it", "nl", "pt")

#: Titles before a name, dropped from its key ("Mr Ashby" is "Ashby").
_HONORIFICS = frozenset(
    {"mr", "ms", "mrs", "dr", "m", "mme", "mlle", "sir", "lord", "herr", "frau"}
)

#: English function words that open sentences and headlines in title case.
_ENGLISH_STOPWORDS = frozenset({
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "he", "her", "his", "i", "in",
    "into", "is", "it", "its", "no", "not", "of", "on", "or", "our", "she", "so", "than", "that",
    "the", "their", "them", "then", "there", "these", "they", "this", "those", "to", "us", "was",
    "we", "were", "what", "when", "where", "which", "while", "who", "why", "will", "with",
    "after", "before", "over", "under", "new", "says", "said",
})

#: A capitalised word, then any further capitalised words joined by a particle ("Lormes-sur-
#: Sarvène", "Gérard Lansac", "Banque de France"). Letters only: numbers are not names.
_NAME = re.compile(
    r"(?<![\w’'-])[^\W\d_]*[A-ZÀ-ÖØ-Þ][\w’'-]*"
    r"(?:\s+(?:(?:de|du|des|la|le|of|the|von|van|di|da)\s+)?[A-ZÀ-ÖØ-Þ][\w’'-]*)*",
)


@cache
def _date_words() -> frozenset[str]:
    words: set[str] = set()
    for loc in DATE_LOCALES:
        for names in (get_day_names("wide", locale=loc), get_month_names("wide", locale=loc)):
            words.update(strip_accents(str(n)).lower() for n in names.values())
    return frozenset(words)


def name_key(text: str) -> str:
    """The key of a name: accents folded, lower case, words joined by hyphens."""
    words = re.findall(r"[^\W_]+", strip_accents(text).lower())
    return "-".join(words)


def name_keys(text: str) -> list[str]:
    """Keys of the capitalised names in ``text``.

    Leading English function words and titles are dropped ("The UK" → "uk", "Mr Ashby" →
    "ashby"); a single capitalised word that
    the text also writes in lower case is a sentence opener, not a name ("Rescuers said").
    """
    skip = STOPWORDS | _ENGLISH_STOPWORDS | _date_words()
    lower = set(re.findall(r"(?<![\w’'-])[a-zà-öø-ÿ][\w’'-]*", text))
    keys = []
    for match in _NAME.finditer(text):
        words = match.group(0).split()
        while words and words[0].lower().rstrip(".") in _ENGLISH_STOPWORDS | _HONORIFICS:
            words.pop(0)
        if not words or (len(words) == 1 and words[0].lower() in lower):
            continue
        key = _country_codes().get(name_key(" ".join(words)), name_key(" ".join(words)))
        if len(key) >= 3 and key not in skip:
            keys.append(key)
    return keys


@cache
def _country_codes() -> dict[str, str]:
    """Name key of a country in any :data:`DATE_LOCALES` language → its alpha-3 code, lower case.

    The entity layer keys countries by their ISO code ("FRA"), whatever the text calls them.
    """
    from babel import Locale

    from recoupe.nlp.gazetteer import alpha3_codes

    codes = alpha3_codes()
    return {
        name_key(str(name)): codes[alpha2].lower()
        for loc in DATE_LOCALES
        for alpha2, name in Locale(loc).territories.items()
        if alpha2 in codes
    }


def with_surnames(keys: Sequence[str]) -> list[str]:
    """``keys`` plus the last word of each name of several words (honorifics dropped).

    "Richard Ashby", "Mr Ashby" and "Foreign Secretary Richard Ashby" then share "ashby".
    """
    out = []
    for key in keys:
        words = key.split("-")
        while len(words) > 1 and words[0] in _HONORIFICS:
            words.pop(0)
        out.append("-".join(words))
        if len(words) > 1 and len(words[-1]) >= 4:
            out.append(words[-1])
    return out


def entity_names(entities: Sequence[str] | None, body: str) -> list[str]:
    """Name keys of an article: its entity keys without their type, else its capitalised names."""
    if entities is None:
        return with_surnames(name_keys(body))
    return with_surnames([name_key(e.split(":", 1)[-1]) for e in entities])
