"""Find reported speech in a parsed French article: direct, indirect and mixed quotations.

Rule-based, over spaCy's parse (there is no pretrained French quotation model to reuse):

* **indirect** – a speech verb with a *que*-clause ("a affirmé que …") or an infinitive
  complement ("nie avoir …"), a sentence framed by a source ("selon X, …", "pour X, …"),
  or a clause closed by an incise (" …, a déclaré X.");
* **mixed** – the same, when the reported clause holds quote-marked words;
* **direct** – words in quote marks attributed by an incise ("», a-t-il dit"), by a verb
  before them ("X a déclaré : «…»", "dénonce «…»"), by a headline colon ("X : «…»"),
  or continuing the previous quote.

Quote marks in tweet embeds and captions, titles of works and scare quotes with no
reporting verb are not quotes. The finders return :class:`Found` records with the
speaker as a token span; :mod:`recoupe.nlp.speakers` resolves it to an entity.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from recoupe.nlp import cues
from recoupe.nlp.lexicon import INFINITIVE_VERBS, SOURCE_FRAMES, WORK_NOUNS
from recoupe.nlp.marks import Marks, blocked_ranges, find_marks, inner_trimmed, inside

_QUE = frozenset({"que", "qu'", "qu’"})
_NOT_COMPLEMENT = frozenset(
    "ce ainsi alors tandis bien parce plus moins tant dès avant après pendant sans afin "
    "pour même si sauf lors".split()
)
_DE = frozenset({"de", "d'", "d’"})
_TRAILING = " \t\n.;:!?…,"
_FRAME = re.compile(
    r"^(?:(?:et|mais|or|enfin|ainsi|cependant|toutefois)\s*,?\s*)?"
    r"(?P<cue>selon|d['’]après|à en croire|a en croire|de l['’]avis de|aux yeux de|pour)\s+"
    r"(?P<who>[^,;:«»\"]{2,80}?)\s*,\s*(?P<rest>\S.*)$",
    re.IGNORECASE | re.DOTALL,
)
_MID_FRAME = re.compile(r",\s*(?P<cue>selon|d['’]après)\s+(?P<who>[^,;.«»\"]{2,80})", re.I)
_NOT_A_SOURCE = re.compile(
    r"^(?:sa|son|ses|leur|leurs|cela|ça|ceci|l['’]instant|le moment|autant|rien|tout|"
    r"la première|une|un|des|cette|ce|ces|l['’]heure|plus|moins|finir|mémoire|\d)",
    re.IGNORECASE,
)


@dataclass
class Found:
    """A quotation before speaker resolution (character offsets into ``doc.text``)."""

    start: int
    end: int
    kind: str
    cue: tuple[int, int] | None
    speaker: Span | None
    inferred: bool = False


def find_quotes(doc: Doc) -> list[Found]:
    """All quotations of ``doc``, sorted by position, overlapping ones removed."""
    text = doc.text
    blocked = blocked_ranges(text)
    marks = [m for m in find_marks(text) if not inside(m.open, m.close + 1, blocked)]
    reported = [f for f in _reported(doc, marks) if not inside(f.start, f.end, blocked)]
    reported = _non_overlapping(reported)
    taken = [(f.start, f.end) for f in reported]
    direct = [f for m in marks if not _covered(m, taken) for f in _direct(doc, m)]
    return _continuations(doc, sorted(reported + direct, key=lambda f: f.start))


def _covered(m: Marks, spans: list[tuple[int, int]]) -> bool:
    return any(s <= m.open + 1 and m.close <= e + 1 for s, e in spans)


def _non_overlapping(found: list[Found]) -> list[Found]:
    """Keep the longest of overlapping reported clauses."""
    kept: list[Found] = []
    for f in sorted(found, key=lambda f: f.start - f.end):
        if not any(f.start < k.end and k.start < f.end for k in kept):
            kept.append(f)
    return kept


# ------------------------------------------------------------------ reported clauses


def _reported(doc: Doc, marks: list[Marks]) -> list[Found]:
    out: list[Found] = []
    for sent in doc.sents:
        out.extend(_framed(sent, marks))
        for verb in sent:
            if cues.is_cue_verb(verb):
                found = _que_clause(verb, sent) or _infinitive(verb, sent) or _final_incise(verb, sent)
                if found:
                    out.append(_with_marks(doc.text, found, marks))
    return [f for f in out if f.end - f.start > 3]


def _clause_end(sent: Span, start: int) -> int:
    """End of the reported clause starting at ``start``: the sentence end or a semicolon."""
    text = sent.doc.text
    end = sent.end_char
    semi = text.find(";", start, end)
    if semi != -1:
        end = semi
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    return _balance(text, start, end)


def _balance(text: str, start: int, end: int) -> int:
    """Include a closing quote mark right after the span when the span opens one."""
    piece = text[start:end]
    if piece.count("«") > piece.count("»") and "»" in text[end : end + 3]:
        return text.index("»", end) + 1
    if piece.count('"') % 2 == 1 and '"' in text[end : end + 3]:
        return text.index('"', end) + 1
    return end


def _que_clause(verb: Token, sent: Span) -> Found | None:
    """"a affirmé (à X) que …": the clause after *que*."""
    doc = verb.doc
    start, end = cues.cue_tokens(verb)
    for tok in doc[end : min(end + 10, sent.end)]:
        if tok.lower_ in _QUE:
            prev = doc[tok.i - 1]
            if prev.lower_ in _NOT_COMPLEMENT:
                return None
            begin = tok.idx + len(tok.text)
            while begin < sent.end_char and doc.text[begin].isspace():
                begin += 1
            return _found(verb, begin, _clause_end(sent, begin))
        if tok.pos_ in ("VERB", "AUX") or tok.text in ".;:«»\"":
            return None
    return None


def _infinitive(verb: Token, sent: Span) -> Found | None:
    """"nie avoir trahi …", "accuse X d'avoir …": the infinitive complement."""
    if cues.lemma(verb) not in INFINITIVE_VERBS:
        return None
    doc = verb.doc
    reach = 8 if cues.lemma(verb) in ("accuser", "reprocher", "soupçonner") else 2
    i = cues.cue_tokens(verb)[1]
    for tok in doc[i : min(i + reach + 1, sent.end)]:
        if tok.pos_ in ("VERB", "AUX") and "Inf" in tok.morph.get("VerbForm"):
            return _found(verb, tok.idx, _clause_end(sent, tok.idx))
        if tok.pos_ in ("VERB", "AUX") or tok.is_punct:
            return None
    return None


def _final_incise(verb: Token, sent: Span) -> Found | None:
    """"…, a déclaré X." / "…, a-t-il ajouté.": the clause before the incise."""
    doc = verb.doc
    start, end = cues.cue_tokens(verb)
    if start == sent.start or doc[start - 1].text != ",":
        return None
    subject = cues.subject_span(verb, incise=True)
    if subject is None or subject.start < verb.i:
        return None
    tail = doc[subject.end : sent.end]
    if any(not (t.is_punct or t.lower_ in cues._TIME_WORDS or t.ent_type_) for t in tail):
        return None
    begin = sent.start_char
    stop = doc[start - 1].idx
    return Found(begin, _trim_end(doc.text, begin, stop), "indirect", _cue(verb), subject)


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    return end


def _framed(sent: Span, marks: list[Marks]) -> list[Found]:
    """"Selon X, …", "Pour X, …" at the start, or "…, selon X(, …)" inside a sentence."""
    text = sent.doc.text
    body = text[sent.start_char : sent.end_char]
    match = _FRAME.match(body)
    out: list[Found] = []
    if match and _is_source(sent, match):
        who = _char_span(sent.doc, sent.start_char + match.start("who"), sent.start_char + match.end("who"))
        begin = sent.start_char + match.start("rest")
        cue = (sent.start_char + match.start("cue"), sent.start_char + match.end("cue"))
        out.append(_with_marks(text, Found(begin, _clause_end(sent, begin), "indirect", cue, who), marks))
    for mid in _MID_FRAME.finditer(body):
        who = _char_span(sent.doc, sent.start_char + mid.start("who"), sent.start_char + mid.end("who"))
        cue = (sent.start_char + mid.start("cue"), sent.start_char + mid.end("cue"))
        found = Found(sent.start_char, _clause_end(sent, sent.start_char), "indirect", cue, who)
        if not _mostly_quoted(text, found, marks):
            out.append(_with_marks(text, found, marks))
    return out


def _is_source(sent: Span, match: re.Match[str]) -> bool:
    """The framed "X" names a source (not "pour sa part", "selon les cas")."""
    who = match.group("who")
    if _NOT_A_SOURCE.match(who) or len(who.split()) > 10:
        return False
    if match.group("cue").lower() != "pour":
        return True
    span = _char_span(sent.doc, sent.start_char + match.start("who"), sent.start_char + match.end("who"))
    return span is not None and any(t.ent_type_ in ("PER", "ORG") for t in span)


def _mostly_quoted(text: str, found: Found, marks: list[Marks]) -> bool:
    """The clause before a "selon" is one quote: the direct finder handles it."""
    return any(m.open <= found.start + 1 and m.close >= found.end - 25 for m in marks)


def _with_marks(text: str, found: Found, marks: list[Marks]) -> Found:
    """Make a reported clause mixed when it holds quote marks (inner span if all quoted)."""
    inner = [m for m in marks if found.start <= m.open and m.close < found.end + 1]
    if not inner:
        return found
    found.kind = "mixed"
    if len(inner) == 1 and inner[0].open == found.start and inner[0].close >= found.end - 1:
        found.start, found.end = inner_trimmed(text, inner[0])
    return found


def _found(verb: Token, start: int, end: int) -> Found:
    return Found(start, end, "indirect", _cue(verb), cues.subject_span(verb))


def _cue(verb: Token) -> tuple[int, int]:
    start, end = cues.cue_tokens(verb)
    doc = verb.doc
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def _char_span(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


# ------------------------------------------------------------------ direct quotes


def _direct(doc: Doc, m: Marks) -> list[Found]:
    """Direct quotes for one pair of marks (two when an incise splits it), or none."""
    start, end = inner_trimmed(doc.text, m)
    if end - start < 2 or _is_title(doc, m, start, end):
        return []
    split = _inner_incise(doc, start, end)
    if split:
        return split
    found = _incise_after(doc, m) or _verb_before(doc, m) or _headline_colon(doc, m)
    if found is None:
        return [Found(start, end, "direct", None, None, inferred=True)] if _sentence_like(doc, m) else []
    found.start, found.end = start, end
    return [found]


def _is_title(doc: Doc, m: Marks, start: int, end: int) -> bool:
    """A title of work or a label: a short quote right after a work noun ("le film «…»")."""
    before = doc.text[max(0, m.open - 30) : m.open].split()
    words = doc.text[start:end].split()
    if not before or len(words) > 6:
        return False
    last = before[-1].lower().strip(",")
    if last in _DE and len(before) > 1:
        last = before[-2].lower()
    return last in WORK_NOUNS


def _tokens_from(doc: Doc, char: int) -> int:
    """Index of the first token starting at or after ``char``."""
    span = doc.char_span(char, len(doc.text), alignment_mode="expand")
    return span.start if span is not None else len(doc)


def _incise_after(doc: Doc, m: Marks) -> Found | None:
    """"«…», a déclaré X" / "«…» a-t-il dit" / "«…», selon X"."""
    first = i = _tokens_from(doc, m.close + 1)
    while i < len(doc) and doc[i].text in {",", "!", "?", "…", "-", "—"}:
        i += 1
    if i >= len(doc):
        return None
    separated = i > first or doc.text[m.close - 1] in ",!?…"

    if doc[i].lower_ in ("selon", "d'après", "d’après"):
        who = doc[i + 1 : _phrase_end(doc, i + 1)]
        return Found(0, 0, "direct", (doc[i].idx, doc[i].idx + len(doc[i].text)), who or None)
    for tok in doc[i : min(i + 6, len(doc))]:
        if tok.text in ".;:«»\"" or tok.is_sent_start and tok.i > i:
            return None
        if cues.is_cue_verb(tok) and (separated or cues.clitic_subject(tok) is not None):
            return Found(0, 0, "direct", _cue(tok), cues.subject_span(tok, incise=True))
    return None


def _phrase_end(doc: Doc, i: int) -> int:
    end = i
    while end < len(doc) and not doc[end].is_punct and end - i < 12:
        end += 1
    return end


def _verb_before(doc: Doc, m: Marks) -> Found | None:
    """"X a déclaré : «…»", "dénonce «…»", "a qualifié … d'«…»": the nearest verb before."""
    i = _tokens_from(doc, m.open)
    if i >= len(doc):
        return None
    sent = doc[i].sent
    for tok in reversed(doc[sent.start : i]):
        if tok.text in {"»", "”"} or (tok.text == '"' and tok.i < i - 1):
            return None
        if cues.is_cue_verb(tok):
            kind = "mixed" if doc[i - 1].lower_ in _QUE else "direct"
            return Found(0, 0, kind, _cue(tok), cues.subject_span(tok))
    return None


def _headline_colon(doc: Doc, m: Marks) -> Found | None:
    """"Betancourt : «…»": a name then a colon at the start of a line."""
    line_start = doc.text.rfind("\n", 0, m.open) + 1
    head = doc.text[line_start : m.open].rstrip()
    if not head.endswith(":") or len(head.split()) > 8:
        return None
    span = _char_span(doc, line_start, line_start + len(head) - 1)
    if span is None:
        return None
    names = [e for e in span.ents if e.label_ in ("PER", "ORG")]
    return Found(0, 0, "direct", None, names[-1] if names else None) if names else None


def _sentence_like(doc: Doc, m: Marks) -> bool:
    """Quote marks that hold whole sentences (a continuation), not a scare-quoted word."""
    content = doc.text[m.open + 1 : m.close].strip()
    before = doc.text[doc.text.rfind("\n", 0, m.open) + 1 : m.open].strip()
    starts_unit = before == "" or before[-1] in ".!?:"
    return starts_unit and len(content.split()) >= 4 and content[:1].isupper()


def _inner_incise(doc: Doc, start: int, end: int) -> list[Found]:
    """"«A, a-t-elle indiqué. B»": two quotes with the incise's speaker and cue."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return []
    for tok in span:
        if not cues.is_cue_verb(tok) or cues.clitic_subject(tok) is None:
            continue
        c_start, c_end = cues.cue_tokens(tok)
        if c_start == 0 or doc[c_start - 1].text != ",":
            continue
        a_end = _trim_end(doc.text, start, doc[c_start - 1].idx)
        b_start = doc[c_end - 1].idx + len(doc[c_end - 1].text)
        while b_start < end and doc.text[b_start] in _TRAILING:
            b_start += 1
        subj = cues.subject_span(tok, incise=True)
        parts = [(start, a_end), (b_start, end)]
        return [Found(s, e, "direct", _cue(tok), subj) for s, e in parts if e - s > 1]
    return []


def _continuations(doc: Doc, found: list[Found]) -> list[Found]:
    """Give an unattributed whole-sentence quote the speaker of the quote just before it."""
    out: list[Found] = []
    for f in found:
        if f.inferred:
            prev = out[-1] if out else None
            if prev is None or f.start - prev.end > 600 or prev.speaker is None:
                continue
            f.speaker, f.cue = prev.speaker, None
        out.append(f)
    return out
