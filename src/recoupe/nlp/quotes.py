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

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from recoupe.nlp import cues, docindex
from recoupe.nlp.lexicon import INFINITIVE_VERBS, SPEECH_VERBS, WORK_NOUNS
from recoupe.nlp.marks import Marks, blocked_ranges, find_marks, inner_trimmed, inside

_QUE = frozenset({"que", "qu'", "qu’"})
_NOT_COMPLEMENT = frozenset(
    [
        "ce",
        "ainsi",
        "alors",
        "tandis",
        "bien",
        "parce",
        "plus",
        "moins",
        "tant",
        "dès",
        "avant",
        "après",
        "pendant",
        "sans",
        "afin",
        "pour",
        "même",
        "si",
        "sauf",
        "lors",
    ]
)
_DE = frozenset({"de", "d'", "d’"})
_TRAILING = " \t\n.;:!?…,"
_FRAME = re.compile(
    r"^(?:(?:et|mais|or|enfin|ainsi|cependant|toutefois)\s*,?\s*)?"
    r"(?P<cue>selon|d['’]après|à en croire|a en croire|de l['’]avis de|aux yeux de|pour)\s+"
    r"(?P<who>[^,;:«»\"]{2,80}?)\s*,\s*(?P<rest>\S.*)$",
    re.IGNORECASE | re.DOTALL,
)
#: "Comme l'indique le communiqué, …", "comme l'a déclaré X, …": the rest is reported.
_AS_SAID = re.compile(
    r"^(?:(?:et|mais|or)\s*,?\s*)?comme\s+(?:l['’]\s*)?(?:(?:a|avait|ont)\s+)?"
    r"(?P<cue>\w+)\s+(?P<who>[^,;:«»\"]{2,80}?)\s*,\s*(?P<rest>\S.*)$",
    re.IGNORECASE | re.DOTALL,
)
#: An honorific's full stop is no end of phrase: "selon M.Kerry", "d'après Mme. Sorel".
_HONORIFIC_DOT = r"\b(?:M|MM|Mme|Mlle|Dr|Pr|Me|Mgr)\.\s*(?=[A-ZÀ-Ý])"
_MID_FRAME = re.compile(
    r"(?:,\s*|\s)(?P<cue>selon|d['’]après)\s+"
    rf"(?P<who>(?:(?!\b(?:qui|que|dont|et)\b)(?:{_HONORIFIC_DOT}|[^,;.:«»\"]))+?)"
    r"\s*(?P<after>[,.;:]|\bqui\b|\bdont\b|$)",
    re.I,
)
_NOT_A_SOURCE = re.compile(
    r"^(?:cela|ça|ceci|l['’]instant|le moment|autant|rien|tout|les cas|la première|"
    r"une|un|des|cette|ce|ces|l['’]heure|plus|moins|finir|mémoire|\d)",
    re.IGNORECASE,
)
#: "Pour sa part", "pour leur compte": possessives after *pour* are not sources.
_NOT_A_POUR_SOURCE = re.compile(r"^(?:sa|son|ses|leur|leurs|notre|nos|votre|vos)\b", re.I)


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
    text = docindex.text(doc)
    blocked = blocked_ranges(text)
    marks = [m for m in find_marks(text) if not inside(m.open, m.close + 1, blocked)]
    reported = [
        f
        for f in _reported(doc, marks)
        if not inside(f.start, f.end, blocked) and not _cue_in_quote(f, marks)
    ]
    reported = _non_overlapping(reported)
    taken = [(f.start, f.end) for f in reported]
    direct = [f for m in marks if not _covered(m, taken) for f in _direct(doc, m)]
    found = _continuations(doc, sorted(reported + direct, key=lambda f: f.start))
    return _distinct(found)


def _distinct(found: list[Found]) -> list[Found]:
    """One quotation per span: a fragment can be found both as reported and as quoted words.

    The reading with a speaker wins, then the first found.
    """
    best: dict[tuple[int, int], Found] = {}
    for f in found:
        kept = best.get((f.start, f.end))
        if kept is None or (kept.speaker is None and f.speaker is not None):
            best[f.start, f.end] = f
    return sorted(best.values(), key=lambda f: f.start)


def _cue_in_quote(found: Found, marks: list[Marks]) -> bool:
    """Reported speech inside a direct quotation is the speaker's, not the article's."""
    if found.cue is None:
        return False
    return any(m.open < found.cue[0] < m.close for m in marks)


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
    for sent in docindex.sents(doc):
        out.extend(_framed(sent, marks))
        for verb in sent:
            if cues.is_cue_verb(verb):
                found = _que_clause(verb, sent) or _infinitive(verb, sent)
                if found is None:
                    found = _final_incise(verb, sent) or _mid_incise(verb, sent)
                    if found and _mostly_quoted(docindex.text(doc), found, marks):
                        found = None
                if found:
                    out.append(_with_marks(docindex.text(doc), found, marks))
    return [f for f in out if f.end - f.start > 3]


def _clause_end(sent: Span, start: int) -> int:
    """End of the reported clause starting at ``start``: the sentence end or a semicolon."""
    text = docindex.text(sent.doc)
    end = sent.end_char
    semi = text.find(";", start, end)
    if semi != -1:
        end = semi
    end = _next_predicate(sent, start, end)
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    return _balance(text, start, end)


def _next_predicate(sent: Span, start: int, end: int) -> int:
    """Cut before ", estimant …" / ", se déclarant …": a participle opening a new report."""
    for tok in sent:
        if tok.idx <= start or tok.idx >= end or tok.text != ",":
            continue
        nxt = [
            t for t in sent.doc[tok.i + 1 : tok.i + 4] if t.lower_ not in ("en", "se", "s'", "s’")
        ]
        if nxt and cues.present_participle(nxt[0]):
            return tok.idx
        if _new_report(sent.doc, tok.i + 1, end):
            return tok.idx
    return end


def _new_report(doc: Doc, i: int, end: int) -> bool:
    """ "…, le ministre avait souligné qu'…": after a comma, a speech verb with its own
    subject opens another report, which ends the current one."""
    for tok in doc[i : min(i + 12, len(doc))]:
        if tok.idx >= end or tok.text in ',;:«»"':
            return False
        if cues.is_cue_verb(tok):
            subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubj:pass")]
            return any(c.i >= i and c.pos_ in ("NOUN", "PROPN") for c in subjects)
    return False


def _balance(text: str, start: int, end: int) -> int:
    """Include a closing quote mark right after the span when the span opens one."""
    piece = text[start:end]
    if piece.count("«") > piece.count("»") and "»" in text[end : end + 3]:
        return text.index("»", end) + 1
    if piece.count('"') % 2 == 1 and '"' in text[end : end + 3]:
        return text.index('"', end) + 1
    return end


def _que_clause(verb: Token, sent: Span) -> Found | None:
    """ "a affirmé (à X) que …": the clause after *que*."""
    doc = verb.doc
    end = cues.cue_tokens(verb)[1]
    for tok in doc[end : min(end + 10, sent.end)]:
        if tok.lower_ in _QUE:
            prev = doc[tok.i - 1]
            to_that = prev.lower_ == "ce" and doc[tok.i - 2].lower_ == "à"  # "demande à ce que"
            if prev.lower_ in _NOT_COMPLEMENT and not to_that:
                return None
            begin = tok.idx + len(tok.text)
            while begin < sent.end_char and docindex.text(doc)[begin].isspace():
                begin += 1
            return _found(verb, begin, _clause_end(sent, begin))
        if tok.pos_ in ("VERB", "AUX") or tok.text in '.;:«»"':
            return None
    return None


def _infinitive(verb: Token, sent: Span) -> Found | None:
    """ "nie avoir trahi …", "accuse X d'avoir …": the infinitive complement."""
    if cues.lemma(verb) not in INFINITIVE_VERBS:
        return None
    doc = verb.doc
    ambiguous = cues.is_ambiguous(verb)
    reach = 2 if cues.lemma(verb) in _BARE_INFINITIVE and not ambiguous else 8
    i = cues.cue_tokens(verb)[1]
    for tok in doc[i : min(i + reach + 1, sent.end)]:
        if tok.pos_ in ("VERB", "AUX") and "Inf" in tok.morph.get("VerbForm", []):
            begin = _clitics_before(tok)
            intro = doc[_token_at(doc, begin) - 1].lower_
            if (ambiguous or reach > 2) and intro not in _INF_INTRO:
                return None
            return _found(verb, begin, _clause_end(sent, begin))
        if tok.pos_ in ("VERB", "AUX") or tok.is_punct:
            return None
    return None


#: Verbs whose infinitive complement follows them directly ("nie avoir", "dit être").
_BARE_INFINITIVE = frozenset(
    {
        "nier",
        "démentir",
        "affirmer",
        "assurer",
        "dire",
        "déclarer",
        "estimer",
        "reconnaître",
        "admettre",
        "avouer",
        "annoncer",
        "jurer",
        "prétendre",
        "contester",
        "réfuter",
        "espérer",
        "expliquer",
        "raconter",
        "indiquer",
    }
)
_RELATIVE = frozenset({"qui", "que", "qu'", "qu’", "dont", "où", "lequel", "laquelle"})
_INF_INTRO = frozenset({"de", "d'", "d’", "à"})


def _token_at(doc: Doc, char: int) -> int:
    return bisect.bisect_right(docindex.token_starts(doc), char) - 1


_CLITIC_OBJECTS = frozenset(
    {
        "se",
        "s'",
        "s’",
        "me",
        "m'",
        "m’",
        "te",
        "t'",
        "lui",
        "leur",
        "en",
        "y",
        "le",
        "la",
        "les",
        "l'",
        "l’",
        "ne",
        "pas",
    }
)


def _clitics_before(inf: Token) -> int:
    """Start of an infinitive with its clitics ("s'être dopé", "ne pas avoir")."""
    i = inf.i
    while i > 0 and inf.doc[i - 1].lower_ in _CLITIC_OBJECTS:
        i -= 1
    return inf.doc[i].idx


def _final_incise(verb: Token, sent: Span) -> Found | None:
    """ "…, a déclaré X." / "…, a-t-il ajouté.": the clause before the incise."""
    doc = verb.doc
    start = cues.cue_tokens(verb)[0]
    if start == sent.start or doc[start - 1].text != "," or cues.present_participle(verb):
        return None  # "…, évoquant une crise": the participle's object is no speaker
    subject = cues.subject_span(verb, incise=True)
    if subject is None or subject.start < verb.i:
        return None
    tail = doc[subject.end : sent.end]
    if any(t.pos_ in ("VERB", "AUX") for t in tail):
        return None  # only an apposition or a time may follow the incise's subject
    if cues.preposed_subject(verb) and not _has_finite_verb(doc[sent.start : start - 1]):
        return None  # "X, président de Y, a qualifié …": the subject, not a reported clause
    begin = sent.start_char
    stop = doc[start - 1].idx
    return Found(begin, _trim_end(docindex.text(doc), begin, stop), "indirect", _cue(verb), subject)


def _mid_incise(verb: Token, sent: Span) -> Found | None:
    """ "A, ajoute X, B." / "A, avait-elle dit, B.": an incise inside unquoted speech."""
    doc = verb.doc
    start, _ = cues.cue_tokens(verb)
    if start == sent.start or doc[start - 1].text != "," or cues.present_participle(verb):
        return None
    subject = cues.subject_span(verb, incise=True)
    if subject is None or subject.end >= sent.end or doc[subject.end].text != ",":
        return None
    if cues.preposed_subject(verb) or doc[subject.end + 1].lower_ in _RELATIVE:
        return None  # "X, président de Y, avait annoncé …" / "…, affirme X, qui défend …"
    if not any(t.pos_ in ("VERB", "AUX") for t in doc[subject.end : sent.end]):
        return None  # "…, a déclaré X, maire de Valmont.": an apposition, not more speech
    begin = sent.start_char
    if start - sent.start <= 3:  # "Et puis, ajoute X, …": the report follows the incise
        begin = doc[subject.end + 1].idx
    return Found(begin, _clause_end(sent, begin), "indirect", _cue(verb), subject)


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    return end


def _framed(sent: Span, marks: list[Marks]) -> list[Found]:
    """ "Selon X, …", "Pour X, …" at the start, or "…, selon X(, …)" inside a sentence."""
    text = docindex.text(sent.doc)
    body = text[sent.start_char : sent.end_char]
    match = _FRAME.match(body)
    out: list[Found] = []
    as_said = _AS_SAID.match(body)
    if as_said and _is_speech_word(sent, sent.start_char + as_said.start("cue")):
        match = as_said
    if match and (match is as_said or _is_source(sent, match)):
        who = _char_span(
            sent.doc, sent.start_char + match.start("who"), sent.start_char + match.end("who")
        )
        begin = sent.start_char + match.start("rest")
        cue = (sent.start_char + match.start("cue"), sent.start_char + match.end("cue"))
        out.append(
            _with_marks(text, Found(begin, _clause_end(sent, begin), "indirect", cue, who), marks)
        )
    for mid in _MID_FRAME.finditer(body):
        if mid.start() == 0 or _NOT_A_SOURCE.match(mid.group("who")):
            continue
        base = sent.start_char
        who = _char_span(sent.doc, base + mid.start("who"), base + mid.end("who"))
        cue = (base + mid.start("cue"), base + mid.end("cue"))
        begin, end = _framed_segment(sent, base + mid.start("cue"), base + mid.end("who"))
        found = Found(begin, end, "indirect", cue, who)
        if not _mostly_quoted(text, found, marks):
            out.append(_with_marks(text, found, marks))
    return out


def _framed_segment(sent: Span, cue: int, who_end: int) -> tuple[int, int]:
    """The report around "selon X": the segment before it (from the last comma or relative
    pronoun), plus the segment after it when one of the two has no verb of its own
    ("hostile, selon lui, à son retour"; "qui pourrait …, selon sa mère, était …")."""
    doc, text = sent.doc, docindex.text(sent.doc)
    before = [t for t in sent if t.idx < cue]
    begin = sent.start_char
    for tok in before[:-1]:
        if tok.text == "," or tok.lower_ in _RELATIVE:
            begin = tok.idx + len(tok.text)
    while begin < cue and text[begin].isspace():
        begin += 1
    end = _trim_end(text, begin, cue)
    after = [t for t in sent if t.idx >= who_end]
    if after and after[0].text == ",":
        stop = next((t.idx for t in after[1:] if t.text in ",;."), sent.end_char)
        seg_before = doc.char_span(begin, end, alignment_mode="expand")
        seg_after = doc.char_span(after[0].idx + 1, stop, alignment_mode="expand")
        both_verbs = (
            seg_before is not None
            and seg_after is not None
            and _has_finite_verb(seg_before)
            and _has_finite_verb(seg_after)
        )
        if seg_before is not None and seg_after is not None and not both_verbs:
            end = _trim_end(text, begin, stop)
    return begin, end


def _has_finite_verb(span: Span) -> bool:
    return any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm", []) for t in span)


def _is_speech_word(sent: Span, char: int) -> bool:
    """The token at ``char`` is a speech verb ("indique", "déclaré")."""
    index = _token_at(sent.doc, char)
    return index < len(sent.doc) and cues.lemma(sent.doc[index]) in SPEECH_VERBS


def _is_source(sent: Span, match: re.Match[str]) -> bool:
    """The framed "X" names a source (not "pour sa part", "selon les cas")."""
    who = match.group("who")
    if _NOT_A_SOURCE.match(who) or len(who.split()) > 10:
        return False
    if match.group("cue").lower() != "pour":
        return True
    if _NOT_A_POUR_SOURCE.match(who):
        return False
    span = _char_span(
        sent.doc, sent.start_char + match.start("who"), sent.start_char + match.end("who")
    )
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
    start, end = inner_trimmed(docindex.text(doc), m)
    if end - start < 2 or _is_title(doc, m, start, end) or _is_name(doc, m, start, end):
        return []
    split = _inner_incise(doc, start, end)
    if split:
        return split
    found = _incise_after(doc, m) or _verb_before(doc, m) or _headline_colon(doc, m)
    if found is None and _sentence_like(doc, m):
        found = _colon_subject(doc, m) or _signature_below(doc, m)
    if found is None:
        return (
            [Found(start, end, "direct", None, None, inferred=True)]
            if _sentence_like(doc, m)
            else []
        )
    found.start, found.end = start, end
    return [found]


def _is_title(doc: Doc, m: Marks, start: int, end: int) -> bool:
    """A title of work or a label: a short quote right after a work noun ("le film «…»")."""
    before = docindex.text(doc)[max(0, m.open - 30) : m.open].split()
    words = docindex.text(doc)[start:end].split()
    if not before or len(words) > 6:
        return False
    last = before[-1].lower().strip(",")
    if last in _DE and len(before) > 1:
        last = before[-2].lower()
    return last in WORK_NOUNS


_NAME_INTRO = frozenset({"le", "la", "les", "l'", "l’", "du", "au", "aux", "des"})


def _is_name(doc: Doc, m: Marks, start: int, end: int) -> bool:
    """A quoted name, nickname or title, not words said: one capitalised word («Cesar»), or a
    short capitalised phrase after an article ("au «Guardian»", "le «Nid d'oiseau»")."""
    words = docindex.text(doc)[start:end].split()
    if not words or not words[0][:1].isupper() or len(words) > 3:
        return False
    if len(words) == 1:
        return True
    before = docindex.text(doc)[max(0, m.open - 6) : m.open].split()
    return bool(before) and before[-1].lower() in _NAME_INTRO


def _tokens_from(doc: Doc, char: int) -> int:
    """Index of the first token starting at or after ``char``."""
    starts = docindex.token_starts(doc)
    return bisect.bisect_left(starts, char)


def _incise_after(doc: Doc, m: Marks) -> Found | None:
    """ "«…», a déclaré X" / "«…» a-t-il dit" / "«…», selon X"."""
    first = i = _tokens_from(doc, m.close + 1)
    while i < len(doc) and doc[i].text in {",", "!", "?", "…", "-", "—"}:
        i += 1
    if i >= len(doc):
        return None
    separated = i > first or docindex.text(doc)[m.close - 1] in ",!?…"

    if doc[i].lower_ in ("selon", "d'après", "d’après"):
        who = doc[i + 1 : _phrase_end(doc, i + 1)]
        return Found(0, 0, "direct", (doc[i].idx, doc[i].idx + len(doc[i].text)), who or None)
    for tok in doc[i : min(i + 6, len(doc))]:
        if tok.text in '.;:«»"' or (tok.is_sent_start and tok.i > i):
            return None
        if cues.present_participle(tok):
            return None  # ", dénonçant …" opens the next report, it is not an incise
        if cues.is_cue_verb(tok) and (
            separated or cues.clitic_subject(tok) is not None or _bare_incise(tok, i)
        ):
            return Found(0, 0, "direct", _cue(tok), cues.subject_span(tok, incise=True))
    return None


def _bare_incise(verb: Token, first: int) -> bool:
    """ "«…» a ainsi affirmé la ministre": an incise with no comma, whose cue opens right
    after the closing mark and whose subject follows the verb."""
    if cues.cue_tokens(verb)[0] != first or cues.preposed_subject(verb):
        return False
    subject = cues.subject_span(verb, incise=True)
    return subject is not None and subject.start > verb.i


def _phrase_end(doc: Doc, i: int) -> int:
    end = i
    while end < len(doc) and not (doc[end].is_punct or doc[end].is_space) and end - i < 12:
        end += 1
    return end


def _verb_before(doc: Doc, m: Marks) -> Found | None:
    """ "X a déclaré : «…»", "dénonce «…»", "a qualifié … d'«…»": the nearest verb before."""
    i = _tokens_from(doc, m.open)
    if i >= len(doc):
        return None
    sent = docindex.sent_of(doc[i])
    words = len(docindex.text(doc)[m.open + 1 : m.close].split())
    reach = 12 if words <= 3 else 40
    colon = doc[i - 1].text == ":" if i > 0 else False
    que = i > 0 and doc[i - 1].lower_ in _QUE
    for tok in reversed(doc[max(sent.start, i - reach) : i]):
        if cues.is_cue_verb(tok) and (not cues.is_ambiguous(tok) or colon or que or words <= 4):
            return Found(0, 0, "mixed" if que else "direct", _cue(tok), cues.subject_span(tok))
        if words <= 3 and tok.pos_ == "VERB" and "Fin" in tok.morph.get("VerbForm", []):
            return None  # another verb governs the fragment: a scare quote, not a report
    return None


def _headline_colon(doc: Doc, m: Marks) -> Found | None:
    """ "Betancourt : «…»": a name then a colon at the start of a line."""
    line_start = docindex.text(doc).rfind("\n", 0, m.open) + 1
    head = docindex.text(doc)[line_start : m.open].rstrip()
    if not head.endswith(":") or len(head.split()) > 8:
        return None
    span = _char_span(doc, line_start, line_start + len(head) - 1)
    if span is None:
        return None
    names = [e for e in span.ents if e.label_ in ("PER", "ORG")]
    if names:
        return Found(0, 0, "direct", None, names[-1])
    words = [t for t in span if not t.is_punct]
    if words and len(words) <= 4 and all(t.is_title or t.is_upper for t in words):
        return Found(0, 0, "direct", None, span)
    return None


def _colon_subject(doc: Doc, m: Marks) -> Found | None:
    """ "Hier, il a préparé le terrain : «…»": a quotation after a colon is the words of
    the clause's subject when that is a person or a subject pronoun (no cue)."""
    i = _tokens_from(doc, m.open)
    if i < 2 or doc[i - 1].text != ":":
        return None
    sent = docindex.sent_of(doc[i - 1])
    verbs = [t for t in doc[sent.start : i - 1] if t.pos_ == "VERB"]
    if not verbs:
        return None
    subject = cues.subject_span(verbs[-1])
    if subject is None:
        return None
    personal = subject.text.lower() in ("il", "elle") or any(
        e.label_ == "PER" for e in subject.ents
    )
    return Found(0, 0, "direct", None, subject) if personal else None


def _signature_below(doc: Doc, m: Marks) -> Found | None:
    """A pull quote signed by the next line in capitals ("«…»" then "JEAN DUPONT")."""
    text = docindex.text(doc)
    start = text.find("\n", m.close)
    if start == -1:
        return None
    end = text.find("\n", start + 1)
    line = text[start + 1 : end if end != -1 else len(text)].strip()
    words = line.split()
    if not 2 <= len(words) <= 12 or not line.isupper():
        return None
    offset = start + 1 + text[start + 1 :].index(line)
    span = _char_span(doc, offset, offset + len(line))
    return Found(0, 0, "direct", None, span) if span is not None else None


def _sentence_like(doc: Doc, m: Marks) -> bool:
    """Quote marks that hold whole sentences (a continuation), not a scare-quoted word."""
    content = docindex.text(doc)[m.open + 1 : m.close].strip()
    before = docindex.text(doc)[docindex.text(doc).rfind("\n", 0, m.open) + 1 : m.open].strip()
    starts_unit = before == "" or before[-1] in ".!?:"
    line_end = docindex.text(doc).find("\n", m.close)
    after = docindex.text(doc)[m.close + 1 : line_end if line_end != -1 else None].strip(" .")
    whole_line = before == "" and after == ""
    min_words = 1 if whole_line else 4
    return starts_unit and len(content.split()) >= min_words and content[:1].isupper()


def _inner_incise(doc: Doc, start: int, end: int) -> list[Found]:
    """ "«A, a-t-elle indiqué. B»": two quotes with the incise's speaker and cue."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return []
    for tok in span:
        if not cues.is_cue_verb(tok):
            continue
        c_start, c_end = cues.cue_tokens(tok)
        if c_start == 0 or doc[c_start - 1].text != ",":
            continue
        if cues.clitic_subject(tok) is None:
            subj = cues.subject_span(tok, incise=True)
            if subj is None or subj.end >= len(doc) or doc[subj.end].text not in ".,":
                continue
            c_end = subj.end
        a_end = _trim_end(docindex.text(doc), start, doc[c_start - 1].idx)
        b_start = doc[c_end - 1].idx + len(doc[c_end - 1].text)
        while b_start < end and docindex.text(doc)[b_start] in _TRAILING:
            b_start += 1
        subj = cues.subject_span(tok, incise=True)
        parts = [(start, a_end), (b_start, end)]
        return [Found(s, e, "direct", _cue(tok), subj) for s, e in parts if e - s > 1]
    return []


def _continuations(doc: Doc, found: list[Found]) -> list[Found]:
    """Attribute unattributed whole-sentence quotes from their neighbours.

    A quotation standing as its own sentence or paragraph with no cue continues the
    previous quote (same speaker) when that one ended close before; an intertitle with no
    quote before it takes the speaker of the next attributed quote. With no neighbour it is
    kept without a speaker.
    """
    out: list[Found] = []
    for n, f in enumerate(found):
        if f.inferred:
            prev = out[-1] if out else None
            nxt = next((g for g in found[n + 1 :] if not g.inferred), None)
            after = nxt is not None and nxt.speaker is not None and nxt.start - f.end < _NEAR
            if after and nxt is not None and _intertitle(doc, f):
                f.speaker = nxt.speaker  # an intertitle announces the section below it
            elif prev is not None and prev.speaker is not None and f.start - prev.end < _NEAR:
                f.speaker = prev.speaker
            elif after and nxt is not None:
                f.speaker = nxt.speaker
        out.append(f)
    return out


def _intertitle(doc: Doc, found: Found) -> bool:
    """A short quotation standing alone on its line ("«Effet boule de neige»")."""
    text = docindex.text(doc)
    start = text.rfind("\n", 0, found.start) + 1
    end = text.find("\n", found.end)
    line = text[start : end if end != -1 else len(text)].strip(' «»"“”.')
    return len(line.split()) <= 8 and line == text[found.start : found.end].strip(" .")


#: Quotes this close (in characters) share a speaker when the later one has no cue.
_NEAR = 600
