"""Resolve a quote's speaker phrase to an entity of the article.

The phrase is the subject found by :mod:`recoupe.nlp.cues`: a name ("John Kirby"), a
phrase holding a name ("le porte-parole du Pentagone Peter Cook"), a pronoun ("il",
"a-t-elle dit"), a demonstrative ("ce dernier"), a role noun ("le porte-parole") or an
organisation noun ("la banque"). In order of trust:

* names, with one-word names extended to the full name the article writes elsewhere, and
  signatures in capitals under pull quotes;
* organisation nouns: the tagged organisation whose name they start, else the fullest
  description in the article ("le parquet" → "parquet de Marseille"), else the last one;
* pronouns: a person named in the quote's own sentence before it, then a subject named
  since the last quote, then the last speaker when close, then the main figure named since;
* role nouns and demonyms ("le chef de l'Etat", "le Texan"): the apposition holder, then
  a person the previous sentence named, then the last speaker, then the most named person;
* groups ("les enquêteurs", "la direction du port", "la famille de X") are no one person:
  they stay as written unless they hold an organisation's name.

Mentions inside a wire dateline ("PARIS (AFP) -") credit the copy and are no antecedents.

Grammatical gender (honorifics, role nouns, agreeing participles) filters candidates, so
that "elle" or "la ministre" skip men; a title given to a person in the article ("le
général X") keeps another role noun ("l'ex-otage") from pointing at them.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from recoupe.nlp import coref, docindex, segment
from recoupe.nlp.cues import TIME_WORDS
from recoupe.nlp.gazetteer import fold
from recoupe.nlp.lexicon import DEMONSTRATIVES, DOCUMENT_NOUNS, ORG_NOUNS, PRONOUNS, SPOKES_NOUNS
from recoupe.nlp.mentions import DocMention
from recoupe.nlp.plover.demonyms import demonym_country

_DEFINITE = frozenset({"le", "la", "l'", "l’", "les", "ce", "cette"})
_HONORIFIC_GENDER = {"mme": "F", "mlle": "F", "madame": "F", "m.": "M", "monsieur": "M"}
_GENDER = {"la": "F", "une": "F", "cette": "F", "le": "M", "un": "M", "ce": "M"}
_FUNCTION_WORDS = frozenset(
    {"le", "la", "les", "l'", "de", "du", "des", "d'", "un", "une", "ce", "cette", "son", "sa"}
)
_TIME_NOUNS = TIME_WORDS | {
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    "semaine",
    "mois",
    "an",
    "année",
}
_POSSESSIVES = frozenset({"son", "sa", "ses", "leur", "leurs", "notre", "votre"})
#: A pronoun refers to the last speaker when the last quote ended this close (characters).
_NEAR = 400


@dataclass
class Speaker:
    """A resolved speaker: local entity index (or ``None``) and the phrase's span."""

    entity: int | None
    start: int
    end: int
    phrase: str
    #: A name for a speaker that is no tagged entity ("le gouvernement britannique").
    name: str | None = None


class ArticleSpeakers:
    """Speaker resolution over one article's mentions, in reading order."""

    def __init__(
        self,
        mentions: list[DocMention],
        assign: list[int],
        quoted: list[tuple[int, int]] | None = None,
    ) -> None:
        self.quoted = quoted or []
        self.mentions, self.assign = _outside_datelines(mentions, assign)
        self.gender = _genders(mentions, assign)
        self.last: int | None = None
        self.last_end = -(10**9)
        self.quote: tuple[int, int] = (0, 0)

    def resolve(self, phrase: Span | None, quote: tuple[int, int] | None = None) -> Speaker | None:
        """The entity behind ``phrase`` for the quote at ``quote``; remembers the speaker."""
        if phrase is None:
            return None
        phrase = _trimmed(phrase)
        self.quote = quote or (phrase.start_char, phrase.start_char)
        quote_end = self.quote[1]
        name = _coordinated(phrase)
        entity, org_name = (None, None) if name else self._entity(phrase)
        if entity is not None:
            entity = coref.fuller_entity(entity, self.mentions, self.assign)
        if entity is not None or name or org_name:
            self.last = entity  # a described body ("le parquet de X") speaks too
            self.last_end = max(quote_end or phrase.end_char, phrase.end_char)
        speaker = Speaker(entity, phrase.start_char, phrase.end_char, _bare(phrase.text))
        speaker.name = name or org_name
        return speaker

    def _entity(self, phrase: Span) -> tuple[int | None, str | None]:
        """The entity behind ``phrase``, or a descriptive organisation name."""
        if phrase.text.isupper() and len(phrase) > 1:
            signed = coref.entity_by_text(phrase, self.mentions, self.assign)
            if signed is not None or coref.signature_name(phrase.text):
                return signed, None if signed is not None else coref.signature_name(phrase.text)
        entity = self._named(phrase)
        if entity is not None:
            return entity, None
        head = coref.org_head(phrase)
        nouns = [t for t in phrase if t.pos_ == "NOUN"]
        speaks_for = bool(nouns) and (nouns[0].i == head or nouns[0].lower_ in SPOKES_NOUNS)
        if head is not None and speaks_for and self._role_holder(phrase) is None:
            return self._organisation(phrase, head)
        entity = self._refer(phrase)
        if entity is None:
            entity = coref.entity_by_text(phrase, self.mentions, self.assign)
            if entity is not None and self._is_person(entity) and coref.group_head(phrase):
                entity = None  # "la direction de Morel" is not Morel
        return entity, None

    def _organisation(self, phrase: Span, head: int) -> tuple[int | None, str | None]:
        """An organisation named by a common noun: the tagged organisation whose name it
        starts ("l'agence française" → "Agence française de lutte …"), else the fullest
        description with the same noun in the article ("le parquet" → "parquet de
        Marseille"), else the last organisation named ("la banque")."""
        own = coref.org_phrase(head, phrase)
        for i, m in enumerate(self.mentions):
            if m.kind == "ORG" and fold(m.name).startswith(fold(own)):
                return self.assign[i], None
        if len(own.split()) > 1:
            return None, own
        doc = phrase.doc
        fuller = [
            coref.org_phrase(t.i, doc[t.i : t.i + 1])
            for t in doc
            if t.lower_ == doc[head].lower_ and t.i != head
        ]
        fuller = [f for f in fuller if coref.same_org_head(own, f)]
        if fuller:
            return None, max(fuller, key=len)
        return self._last_before(phrase.start_char, ("ORG",)), None

    def _refer(self, phrase: Span) -> int | None:
        text = _bare(phrase.text).lower()
        if len(phrase) == 1 and text in PRONOUNS:
            return self._pronoun(text, phrase.start_char)
        if len(phrase) == 1 and text in ("lui", "elle"):  # "selon lui": a stressed pronoun
            return self._pronoun("il" if text == "lui" else "elle", phrase.start_char)
        if text in ("celui", "celle") and _next_text(phrase).startswith(("-ci", "-là")):
            text = text + "-ci"  # the tokenizer split "celui-ci"
        if text in DEMONSTRATIVES:
            return self._last_person_before(phrase.start_char, _pronoun_gender(text))
        return self._role(phrase)

    def _named(self, phrase: Span) -> int | None:
        inside = [
            (m, self.assign[i])
            for i, m in enumerate(self.mentions)
            if phrase.start_char < m.end and m.start < phrase.end_char
        ]
        persons = [(m, e) for m, e in inside if m.kind in coref.NAME_KINDS and _is_name(m)]
        group = coref.group_head(phrase)
        if group is not None:
            # "la famille de Paul Morel" is not Paul Morel; "les deux élus, X et Y" name them
            persons = [(m, e) for m, e in persons if m.start < group.idx or _apposed(m)]
            inside = [(m, e) for m, e in inside if m.kind == "ORG" or _complements(group, m)]
        root = phrase.root.idx
        for m, e in persons:
            if m.start <= root < m.end:
                return e  # the phrase is headed by this name ("Rama Yade, secrétaire …")
        if persons:
            return persons[-1][1]
        holder = self._role_holder(phrase)
        if holder is not None:
            return holder
        if self._person_role(phrase):
            return None  # "le fondateur de X": a person described by X, resolved as a role
        orgs = [e for m, e in inside if m.kind == "ORG"]
        if orgs:
            return orgs[0]
        if coref.org_head(phrase) is not None:
            return None  # "un représentant du parquet de Paris": the place is no speaker
        others = [e for m, e in inside if m.kind in ("GPE", "MISC")]
        return others[0] if others else None

    def _pronoun(self, word: str, at: int) -> int | None:
        if word == "on":
            return self._institution_after(at)
        if word in ("ils", "elles"):
            return None
        gender = _pronoun_gender(word)
        introduced = self._introducer(at, gender)
        if introduced is not None:
            return introduced
        newest = self._last_person_index(at, gender, subjects_only=True)
        if newest is None:
            newest = self._last_person_index(at, gender)
        near = at - self.last_end < _NEAR
        last_fits = self.last is not None and (
            self._fits(self.last, gender) or (self._is_org(self.last) and near)
        )
        if newest is not None and self.mentions[newest].start > self.last_end:
            return self.assign[newest]
        if last_fits and near:
            return self.last
        salient = self._most_mentioned_since(self.last_end, at, gender)
        if salient is not None:
            return salient
        if newest is not None:
            return self.assign[newest]
        if last_fits:
            return self.last
        anyone = self._last_person_index(at, None)
        return self.assign[anyone] if anyone is not None else None

    def _role(self, phrase: Span) -> int | None:
        """A role noun ("le chef de l'Etat") or a demonym ("le Texan"): the person given
        that role in an apposition, else a person the previous sentence introduced, else
        the last speaker when close, else the person named most often."""
        demonym = coref.is_demonym(phrase)
        nouns = [t for t in phrase if t.pos_ == "NOUN"]
        if (not nouns and not demonym) or coref.group_head(phrase) is not None:
            return None  # "les enquêteurs", "la direction du port": no one person holds it
        holder = self._role_holder(phrase)
        if holder is not None:
            return holder
        head = nouns[0] if nouns else phrase[-1]
        issuer = head.lemma_.lower() in ORG_NOUNS | DOCUMENT_NOUNS
        if issuer and phrase[0].lower_ in _DEFINITE:
            return self._last_before(phrase.start_char, ("ORG",))
        if not demonym and (head.text[:1].isupper() or phrase[0].lower_ not in _DEFINITE):
            return None
        gender = coref.role_gender(phrase)
        word = None if demonym else fold(head.text)
        nation = _nationality(phrase)
        fits = [
            e
            for e in self._previous_sentence_persons(phrase)
            if self._fits(e, gender, nation) and self._title_fits(e, word)
        ]
        if fits:
            return fits[-1]
        near = phrase.start_char - self.last_end < _NEAR
        last = self.last
        if (last is not None and near and self._fits(last, gender, nation)
                and self._title_fits(last, word)):
            return last
        return self._most_mentioned(phrase.start_char, gender, nation)

    def _title_fits(self, entity: int, word: str | None) -> bool:
        """Whether ``entity`` may bear the role ``word``: not when the article gives it
        another title ("l'ex-otage" is not the man introduced as "le général X")."""
        titles = {
            title
            for i, m in enumerate(self.mentions)
            if self.assign[i] == entity and (title := _title(m.span))
        }
        return word is None or not titles or word in titles

    def _previous_sentence_persons(self, phrase: Span) -> list[int]:
        """Persons named (outside quote marks) in the sentence before ``phrase``'s."""
        sent = docindex.sent_of(phrase[0])
        if sent.start == 0:
            return []
        prev = docindex.sent_of(phrase.doc[sent.start - 1])
        return [
            self.assign[i]
            for i, m in enumerate(self.mentions)
            if m.kind == "PER"
            and prev.start_char <= m.start < prev.end_char
            and not any(start < m.start < end for start, end in self.quoted)
        ]

    def _person_role(self, phrase: Span) -> bool:
        """A definite role noun for a person who does not speak for an organisation."""
        nouns = [t for t in phrase if t.pos_ == "NOUN"]
        if not nouns or phrase[0].lower_ not in _DEFINITE:
            return False
        head = nouns[0]
        return (
            head.is_lower
            and head.lemma_.lower() not in ORG_NOUNS
            and head.lower_ not in SPOKES_NOUNS
        )

    def _introducer(self, at: int, gender: str | None) -> int | None:
        """ "Puis vint le tour de X : «…», a-t-elle dit": a person named in the quote's own
        sentence before the quote marks, when the pronoun follows the quote."""
        q_start, q_end = self.quote
        if not self.mentions or q_end > at or q_start == q_end:
            return None
        doc = self.mentions[0].span.doc
        opening = doc.char_span(q_start, q_start + 1, alignment_mode="expand")
        if opening is None:
            return None
        sent = docindex.sent_of(opening[0])
        para = doc.text.rfind("\n", 0, q_start) + 1  # the parser may join paragraphs
        found = [
            self.assign[i]
            for i, m in enumerate(self.mentions)
            if m.kind == "PER"
            and max(sent.start_char, para) <= m.start < q_start - 1
            and self._fits(self.assign[i], gender)
            and not any(start < m.start < end for start, end in self.quoted)
        ]
        return found[-1] if found else None

    def _role_holder(self, phrase: Span) -> int | None:
        """The person given this role in an apposition ("le procureur" → "Jacques Dallest,
        procureur de la République"): same head noun and most of the phrase's words."""
        nouns = [t for t in phrase if t.pos_ == "NOUN" and t.is_lower]
        if not nouns or nouns[0].lemma_.lower() in ORG_NOUNS or coref.group_head(phrase):
            return None
        head = fold(nouns[0].text)
        words = {fold(t.text) for t in phrase if t.is_alpha and fold(t.text) not in _FUNCTION_WORDS}
        nation = _nationality(phrase)
        best: tuple[float, int] | None = None
        for i, m in enumerate(self.mentions):
            if not m.role or m.start >= phrase.start_char + 400:
                continue
            role = _role_words(m.role)
            if nation and not self._fits(self.assign[i], None, nation):
                continue  # "le ministre portugais" is not "le ministre français X"
            share = len(words & role) / max(len(words), 1)
            if head in role and share >= 0.5 and (best is None or share >= best[0]):
                best = (share, self.assign[i])
        return best[1] if best else None

    def _most_mentioned(self, char: int, gender: str | None = None,
                        nation: str | None = None) -> int | None:
        """The person named most often before ``char`` (a definite role's likely referent),
        names inside quote marks left out."""
        counts: dict[int, float] = {}
        for i, m in enumerate(self.mentions):
            quoted = any(start < m.start < end for start, end in self.quoted)
            entity = self.assign[i]
            if m.kind != "PER" or m.end > char or quoted:
                continue
            if self._fits(entity, gender, nation):
                # a subject mention weighs more: the topic, not a passing complement
                weight = 1.5 if _is_subject(m.span) else 1.0
                counts[entity] = counts.get(entity, 0) + weight
        return max(counts, key=lambda e: counts[e]) if counts else None

    def _most_mentioned_since(self, since: int, at: int, gender: str | None) -> int | None:
        """Of the persons named between the last quote and ``at``, the one the article names
        most often: the topic of the narration that a later pronoun picks up."""
        recent = {
            self.assign[i]
            for i, m in enumerate(self.mentions)
            if m.kind == "PER"
            and since <= m.start < at
            and not any(start < m.start < end for start, end in self.quoted)
        }
        counts = {e: self._count_before(e, at) for e in recent if self._fits(e, gender)}
        if not counts:
            return None
        best = max(counts, key=lambda e: counts[e])
        topic = self._most_mentioned(at, gender)
        if topic is not None and self._count_before(topic, at) >= 3 * counts[best]:
            return topic  # the article's main figure, whom narrative pronouns keep in view
        return best

    def _count_before(self, entity: int, at: int) -> int:
        return sum(
            1 for i, m in enumerate(self.mentions) if self.assign[i] == entity and m.start < at
        )

    def _fits(self, entity: int, gender: str | None, nation: str | None = None) -> bool:
        """Whether ``entity`` is a person of ``gender`` and, when a role names a nationality
        ("le ministre russe"), not one the article gives another ("homologue américain")."""
        known = self.gender.get(entity)
        if not self._is_person(entity) or (gender and known and known != gender):
            return False
        nations = self._nations(entity) if nation else set()
        return not nations or nation in nations

    def _nations(self, entity: int) -> set[str]:
        """Countries the article's roles for ``entity`` name ("son homologue russe" → RUS)."""
        return {
            code
            for i, m in enumerate(self.mentions)
            if self.assign[i] == entity and m.role
            for word in _role_words(m.role)
            if (code := demonym_country(word))
        }

    def _institution_after(self, at: int) -> int | None:
        """ "confirme-t-on au Fonds de garantie": the organisation right after an "on"."""
        for i, m in enumerate(self.mentions):
            if m.kind in ("ORG", "GPE") and at < m.start < at + 30:
                return self.assign[i]
        return None

    def _is_org(self, entity: int) -> bool:
        return any(
            self.assign[i] == entity and m.kind == "ORG" for i, m in enumerate(self.mentions)
        )

    def _is_person(self, entity: int) -> bool:
        return any(
            self.assign[i] == entity and m.kind == "PER" for i, m in enumerate(self.mentions)
        )

    def _last_person_before(self, char: int, gender: str | None = None) -> int | None:
        index = self._last_person_index(char, gender)
        return self.assign[index] if index is not None else None

    def _last_person_index(
        self, char: int, gender: str | None, subjects_only: bool = False
    ) -> int | None:
        """The last person mention before ``char``, outside the quote being attributed."""
        q_start, q_end = self.quote
        for i in range(len(self.mentions) - 1, -1, -1):
            m = self.mentions[i]
            if q_start <= m.start < q_end or (subjects_only and not _is_subject(m.span)):
                continue
            if any(start < m.start < end for start, end in self.quoted):
                continue  # a name inside quote marks ("son «Lolli»") is not an antecedent
            if m.kind == "PER" and m.end <= char and self._fits(self.assign[i], gender):
                return i
        return None

    def _last_before(self, char: int, kinds: tuple[str, ...]) -> int | None:
        """The last entity of ``kinds`` named before ``char``, outside quote marks."""
        before = [
            self.assign[i]
            for i, m in enumerate(self.mentions)
            if m.kind in kinds
            and m.end <= char
            and not any(start < m.start < end for start, end in [*self.quoted, self.quote])
        ]
        return before[-1] if before else None


def _outside_datelines(
    mentions: list[DocMention], assign: list[int]
) -> tuple[list[DocMention], list[int]]:
    """The mentions (with their entities) outside wire datelines: the "(AFP)" of "PARIS
    (AFP) - Le gouvernement a annoncé …" credits the copy, it is no antecedent."""
    if not mentions:
        return mentions, assign
    lines = segment.datelines(docindex.text(mentions[0].span.doc))
    kept = [
        (m, e)
        for m, e in zip(mentions, assign, strict=True)
        if not any(start <= m.start < end for start, end in lines)
    ]
    return [m for m, _ in kept], [e for _, e in kept]


def _apposed(mention: DocMention) -> bool:
    """A name set off by a comma: an apposition naming the phrase's referents."""
    doc = mention.span.doc
    return mention.span.start > 0 and doc[mention.span.start - 1].text == ","


def _complements(head: Token, mention: DocMention) -> bool:
    """The mention is the direct complement of ``head`` ("la mairie de Valmont"), not of a
    noun after it ("la direction du port de Valmont": the port's place is no speaker)."""
    between = head.doc[head.i + 1 : mention.span.start]
    return not any(t.pos_ in ("NOUN", "PROPN") for t in between)


def _title(span: Span) -> str | None:
    """A title right before a name, after its article ("le général X" → "général"); not a
    complement ("rappelé à l'ordre X")."""
    doc, i = span.doc, span.start
    if i < 2 or doc[i - 1].pos_ != "NOUN" or not doc[i - 1].is_lower:
        return None
    if doc[i - 2].pos_ != "DET" or (i > 2 and doc[i - 3].pos_ == "ADP"):
        return None
    return fold(doc[i - 1].text)


def _next_text(phrase: Span) -> str:
    """The few characters right after ``phrase`` ("-ci" after a split "Celui")."""
    return phrase.doc.text[phrase.end_char : phrase.end_char + 4].lower()


def _trimmed(phrase: Span) -> Span:
    """The phrase without a leading comma, auxiliary or verb (", avait expliqué le X"), and
    with the article of a role the model's entity span left out ("la [ministre de …]")."""
    doc, start = phrase.doc, phrase.start
    lead = ("PUNCT", "AUX", "VERB", "ADV")
    while start < phrase.end - 1 and doc[start].pos_ in lead:
        start += 1
    if start > 0 and doc[start].is_lower and doc[start - 1].lower_ in _DEFINITE:
        start -= 1
    return doc[start : phrase.end]


def _is_name(mention: DocMention) -> bool:
    """A person, or a MISC the model gave a capitalised name ("Khaldia Dussourt")."""
    first = mention.span[0]
    if first.lower_ in ("celui", "celle", "ceux", "celles") or first.is_lower:
        return False  # a demonstrative or a role ("ministre de l'Economie") taken for a name
    return mention.kind == "PER" or all(t.is_title for t in mention.span if t.is_alpha)


def _coordinated(phrase: Span) -> str | None:
    """ "Le Medef et la CFDT": two named co-speakers, kept as written (joined by "et")."""
    ents = [e for e in phrase.ents if e.label_ in ("PER", "ORG")]
    if len(ents) != 2 or ents[0].label_ != ents[1].label_:
        return None
    if any(t.pos_ not in ("DET", "PUNCT") for t in phrase.doc[phrase.start : ents[0].start]):
        return None  # "le fondateur de X et Y": one person described by two bodies
    between = phrase.doc[ents[0].end : ents[1].start]
    if [t.lower_ for t in between if t.lower_ not in _DEFINITE] != ["et"]:
        return None
    start = ents[0].start
    if start > phrase.start and phrase.doc[start - 1].lower_ in _DEFINITE:
        start -= 1
    return phrase.doc[start : ents[1].end].text


def _is_subject(span: Span) -> bool:
    """A mention that is (or names, in apposition) the subject of its clause."""
    deps = {span.root.dep_, span.root.head.dep_ if span.root.dep_ in ("appos", "flat:name") else ""}
    return bool(deps & {"nsubj", "nsubj:pass"})


def _nationality(phrase: Span) -> str | None:
    """The country of the first nationality adjective of a role ("le ministre russe")."""
    for tok in phrase:
        if tok.pos_ == "ADJ" and (code := demonym_country(tok.lower_)):
            return code
    return None


def _role_words(role: str) -> set[str]:
    return {w for w in fold(role).replace("'", "' ").split() if w not in _FUNCTION_WORDS}


def _pronoun_gender(word: str) -> str | None:
    if word.startswith(("elle", "celle", "cette")):
        return "F"
    if word in ("il", "lui", "ce dernier", "celui-ci", "lui-même"):
        return "M"
    return None


def _genders(mentions: list[DocMention], assign: list[int]) -> dict[int, str]:
    """Grammatical gender of each person: an honorific ("Mme X") decides; otherwise the
    majority of the clues around its mentions (role noun, agreeing participle)."""
    strong: dict[int, str] = {}
    votes: dict[int, list[str]] = {}
    for m, entity in zip(mentions, assign, strict=True):
        if m.kind != "PER":
            continue
        doc = m.span.doc
        before = doc[m.span.start - 1].lower_ if m.span.start > 0 else ""
        if before in _HONORIFIC_GENDER:
            strong.setdefault(entity, _HONORIFIC_GENDER[before])
            continue
        for clue in (_gender_before(m.span), _participle_gender(m.span)):
            if clue:
                votes.setdefault(entity, []).append(clue)
    out = {}
    for entity, clues in votes.items():
        female, male = clues.count("F"), clues.count("M")
        if female != male:
            out[entity] = "F" if female > male else "M"
    return out | strong


def _participle_gender(span: Span) -> str | None:
    """ "X a été reçue", "X est partie": the gender of a participle agreeing with X."""
    root = span.root
    if root.dep_ not in ("nsubj", "nsubj:pass"):
        return None
    verb = root.head
    passive = root.dep_ == "nsubj:pass" or any(
        c.dep_.startswith("aux") and c.lemma_ == "être" for c in verb.children
    )
    reflexive = any(c.lower_ in ("se", "s'", "s’") for c in verb.children)
    if not passive or reflexive or "Part" not in verb.morph.get("VerbForm", []):
        return None  # "X s'est dit …": agreement of reflexives is unreliable in copy
    return _morph_gender(verb)


def _gender_before(span: Span) -> str | None:
    """Gender from an honorific right before the name ("Mme X"), else from the head noun of
    the role in apposition before it ("la ministre X", "le procureur de Y, X"), as spaCy's
    morphologizer genders it in context; unknown otherwise."""
    doc = span.doc
    head = None
    if span.start > 0 and doc[span.start - 1].pos_ == "ADP":
        return _apposed_gender(span)  # "en la personne de X": the noun is not X's role
    for tok in reversed(doc[max(span.start - 12, 0) : span.start]):
        if tok.pos_ not in ("NOUN", "ADJ", "ADP", "DET", "PROPN") and tok.text != ",":
            break
        apposed = doc[span.start - 1].text == ","  # "le procureur de Y, X" scans back
        if tok.pos_ == "ADP" and not apposed and (head is None or head.pos_ == "ADJ"):
            break  # "la mère du petit X": "mère" describes someone else
        if tok.lower_ in _POSSESSIVES and head is not None:
            break  # "par la voix de son porte-parole, X": the role starts at "son"
        if tok.ent_type_ == "PER" or tok.like_num or tok.lower_ in _TIME_NOUNS:
            break  # another person's name, or a date ("Le 21 juillet, X"): not X's role
        if tok.text == "," and tok.i != span.start - 1:
            break
        if tok.pos_ == "NOUN" or (
            (head is None or head.pos_ != "NOUN") and tok.pos_ in ("ADJ", "DET")
        ):
            head = tok  # the role noun, else an adjective or determiner ("le petit X")
    if head is None:
        return _apposed_gender(span)
    return _noun_gender(head)


def _apposed_gender(span: Span) -> str | None:
    noun = _apposed_noun(span)
    return _noun_gender(noun) if noun is not None else None


#: Endings of French role nouns that are feminine whatever the tagger says ("ambassadrice").
_FEMININE_ENDINGS = ("trice", "euse", "esse", "ière", "ienne", "enne")


def _noun_gender(noun: Token) -> str | None:
    """The gender of a role noun: its determiner's when gendered ("la ministre"), else a
    feminine ending, else the tagger's.

    The tagger genders epicene role nouns by frequency ("ministre" comes out masculine after
    "La"), but the determiner agrees with the person the role names.
    """
    dets = [c for c in noun.children if c.dep_ == "det" and c.i < noun.i]
    if noun.i > 0 and noun.doc[noun.i - 1].pos_ == "DET":
        dets.append(noun.doc[noun.i - 1])
    for det in dets:
        gender = _morph_gender(det)
        if gender is not None:
            return gender
    if noun.pos_ == "NOUN" and noun.lower_.endswith(_FEMININE_ENDINGS):
        return "F"
    return _morph_gender(noun)


def _morph_gender(tok: Token) -> str | None:
    gender = tok.morph.get("Gender", [])
    return "F" if gender == ["Fem"] else "M" if gender == ["Masc"] else None


def _apposed_noun(span: Span) -> Token | None:
    """The role noun in apposition after a name ("X, médecin de formation, …")."""
    doc = span.doc
    i = span.end
    if i + 1 >= len(doc) or doc[i].text != ",":
        return None
    i += 1
    while i + 1 < len(doc) and doc[i].pos_ in ("DET", "ADJ") and i - span.end < 4:
        i += 1  # "X, la jeune femme de 34 ans"
    return doc[i] if doc[i].pos_ == "NOUN" and doc[i].is_lower else None


def _bare(text: str) -> str:
    """A clitic without its hyphens ("-t-il" → "il")."""
    for prefix in ("-t-", "-"):
        if text.startswith(prefix):
            return text[len(prefix) :]
    return text
