"""The days a news text names for what it reports: "lundi", "ce mercredi", "hier".

News copy dates its happening relative to the day it is written ("a annoncé lundi"). This
module only *finds* such deictic expressions and tells which of them can name the day of a
past happening; resolving one to a calendar day needs a reference date and is left to
:func:`recoupe.extract.prose_dates.resolve_relative` (dateparser). Plain regular expressions
are used, not dateparser's search: finding a weekday word is a lexical matter, and the link
stage reads every article, hundreds a second.

A weekday that starts a span ("depuis lundi"), or sits in a clause about what is to come ("la
levée, prévue jeudi", "ils reprendront le travail lundi"), is not the day of a past happening;
in "la nuit de samedi à dimanche" the happening's day is the Sunday.
"""

from __future__ import annotations

import re

__all__ = ["DEICTIC", "WEEKDAYS", "deictic_spans", "happening_weekday", "names_a_past_day"]

#: French weekday names, Monday first (the index is ``datetime.date.weekday()``).
WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
_WEEKDAY_ALT = "|".join(WEEKDAYS)
#: Deictic day expressions; a weekday may carry "ce", "dernier", "prochain" or a part of day.
#: A weekday followed by a day number belongs to a complete date ("mercredi 16 septembre").
DEICTIC = re.compile(
    rf"(?<![\w-])(?:(?:ce|cette)\s+)?(?P<wd>{_WEEKDAY_ALT})"
    rf"(?:\s+(?P<mark>dernier|prochain))?(?!\s+(?:\d|1er))(?![\w-])"
    r"|(?<![\w-])(?P<rel>avant-hier|hier|aujourd['’]hui|ce\s+matin|ce\s+soir|cet\s+après-midi)"
    r"(?![\w-])",
    re.IGNORECASE,
)
#: Words just before a weekday that make it the start or end of a span, not a day.
_SPAN_BEFORE = re.compile(r"(?:depuis|dès|jusqu['’]\s*(?:à|au)|d['’]ici)\s+(?:ce\s+)?$", re.I)
#: Cues of what is to come in the clause of a day expression: planned or expected things and
#: verbs in the simple future ("reprendront", "se tiendra"), after the subject or before it.
_FUTURE_CUE = re.compile(
    r"\b(?:prévu|prévue|prévus|prévues|programmé|programmée|attendu|attendue|doit|doivent"
    r"|devra|devront|devrait|devraient|aura\s+lieu|auront\s+lieu|va|vont|à\s+partir\s+de"
    r"|\w{3,}(?:eront|iront|ront|era|ira))\b",
    re.IGNORECASE,
)
#: Words ending like a future verb that are not one.
_NOT_FUTURE = frozenset({"affront", "front", "caméra", "opéra", "véra", "lira", "tiara"})


#: Words every deictic expression contains, found with ``str.find`` before the regex runs:
#: scanning a whole article with :data:`DEICTIC` costs ten times more than these look-ups.
_KEYWORDS = (*WEEKDAYS, "hier", "aujourd", "matin", "soir", "après-midi")


def _matches(text: str) -> list[re.Match[str]]:
    """:data:`DEICTIC` matches of ``text``, tried only around the places a keyword occurs."""
    low = text.lower()
    if len(low) != len(text):  # a letter whose lower case is longer: offsets would drift
        return list(DEICTIC.finditer(text))
    hits = sorted(i for word in _KEYWORDS for i in _occurrences(low, word))
    found: list[re.Match[str]] = []
    for hit in hits:
        if found and hit < found[-1].end():
            continue
        window = DEICTIC.finditer(text, _word_before(text, hit), min(len(text), hit + 30))
        match = next((m for m in window if m.start() <= hit < m.end()), None)
        if match is not None:
            found.append(match)
    return found


def _word_before(text: str, at: int) -> int:
    """Where the word before ``text[at]`` may start ("ce", "cette"), over any white space."""
    while at > 0 and text[at - 1].isspace():
        at -= 1
    return max(0, at - 6)


def _occurrences(text: str, word: str) -> list[int]:
    out, at = [], text.find(word)
    while at >= 0:
        out.append(at)
        at = text.find(word, at + 1)
    return out


def deictic_spans(text: str) -> list[tuple[int, int, str]]:
    """Every deictic day expression of ``text`` as ``(start, end, span)``, in reading order."""
    return [(m.start(), m.end(), m.group(0)) for m in _matches(text)]


def names_a_past_day(text: str, start: int, end: int) -> bool:
    """Whether the expression at ``text[start:end]`` can be the day of a reported happening.

    Not when it opens or closes a span ("depuis lundi"), nor in a clause about what is to come
    ("prévue jeudi", "reprendront lundi"), nor as the first day of a night ("nuit de samedi à
    dimanche": the Sunday, which follows, is read instead).
    """
    before = text[max(0, start - 30) : start]
    if _SPAN_BEFORE.search(before) or re.search(r"nuit\s+d[ue]\s+$", before, re.I):
        return False
    window = text[max(0, start - 120) : start]
    clause_start = max(
        (m.end() for m in re.finditer(r"[.!?…;:,]\s|\n", window)), default=0
    ) + max(0, start - 120)
    clause = text[clause_start : end + 40].split(".")[0]
    cues = [m.group(0).lower() for m in _FUTURE_CUE.finditer(clause)]
    return not any(c not in _NOT_FUTURE for c in cues)


def happening_weekday(text: str) -> int | None:
    """The weekday (Monday = 0) of the happening ``text`` reports, when its words name one.

    That is the first deictic expression that can name a past day, as in
    :mod:`recoupe.narrate.event_dates`; ``None`` when there is none, or when it is relative
    ("hier", "aujourd'hui"), whose weekday depends on a publication date the text lacks.
    """
    for match in _matches(text):
        if names_a_past_day(text, match.start(), match.end()):
            weekday = match.group("wd")
            return WEEKDAYS.index(weekday.lower()) if weekday else None
    return None
