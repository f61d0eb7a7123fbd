"""Who acts and who is acted upon: the source and target phrases of a trigger.

Sources are subjects (climbing control verbs, coordination and relative clauses) or the
agent of a passive; targets are objects, indirect objects, and obliques or noun modifiers
introduced by a target preposition ("avec", "contre", "à" …).
"""

from __future__ import annotations

from spacy.tokens import Token

from recoupe.model import ActionActor
from recoupe.nlp.plover.actors import ActorResolver
from recoupe.nlp.plover.clauses import (
    TARGET_PREPS,
    children,
    hoisted_obliques,
    is_passive,
    preposition,
    resolve_pronoun,
    stray_object,
    subject,
)
from recoupe.nlp.plover.lexicon import SPEECH_VERBS
from recoupe.nlp.plover.triggers import Trigger, is_document_clause

Actors = list[ActionActor]

#: Dependencies of a subject that can head a whole clause on a broken parse.
_LOOSE_SUBJECT = frozenset(["ROOT", "nsubj", "dep", "nmod"])


#: Verbs whose object and "à" complement are the two sides of a fight named as subject.
_OPPOSING = frozenset(["opposer", "mettre"])


def governing_verb(tok: Token) -> Token | None:
    """The verb an event noun depends on ("a adopté un paquet de *sanctions*" → adopter)."""
    node = tok
    for _ in range(3):
        if node.head is node:
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
    return None


def source_tokens(trigger: Trigger) -> list[Token]:
    """The head tokens of the phrases that perform the event."""
    tok = trigger.token
    if trigger.kind == "demand":
        speaker = subject(tok.head)
        return [speaker] if speaker is not None else _loose_subject(tok.head)
    if trigger.kind == "noun":
        verb = governing_verb(tok)
        if verb is None:
            return _with_prep(children(tok, "nmod"), ("de", "du", "des"))[:1]
        if tok.dep_ == "nsubj":
            # "De violents combats opposent X à Y": both sides act. Other verbs say nothing
            # of who acts ("le sommet s'ouvrira à Addis-Abeba").
            if verb.lemma_.lower() not in _OPPOSING:
                return []
            return children(verb, "obj") + _with_prep(children(verb, "obl"), ("à", "aux", "au"))
        tok = verb
    if is_document_clause(tok):
        # "Le Parlement a adopté une résolution condamnant X": the adopter acts.
        verb = governing_verb(tok.head)
        subj = subject(verb) if verb is not None else None
        return [subj] if subj is not None else []
    if is_passive(tok):
        return agents(tok)
    subj = subject(tok)
    return [subj] if subj is not None else _loose_subject(tok)


def agents(verb: Token) -> list[Token]:
    """The "par X" agent of a passive, also when the parser hung it one level lower."""
    direct = children(verb, "obl:agent")
    if direct:
        return direct
    return [
        g
        for c in verb.children
        if c.dep_.startswith("obl")
        for g in c.children
        if g.dep_ == "obl:agent"
    ]


def _with_prep(tokens: list[Token], preps: tuple[str, ...]) -> list[Token]:
    return [t for t in tokens if preposition(t) in preps]


def _loose_subject(verb: Token) -> list[Token]:
    """On a broken parse with no subject, the nearest bare noun before the root verb."""
    if verb.dep_ != "ROOT" and verb.head is not verb:
        return []
    for tok in reversed(list(verb.doc[verb.sent.start : verb.i])):
        if tok.pos_ in ("PROPN", "NOUN") and tok.dep_ in _LOOSE_SUBJECT and not preposition(tok):
            return [tok]
    return []


def target_tokens(trigger: Trigger) -> list[Token]:
    """The head tokens of the phrases the event is directed at, most direct first."""
    tok = trigger.token
    if trigger.kind == "demand":
        own = [c for c in tok.children if c.dep_ == "nsubj"]
        subj = resolve_pronoun(own[0], tok) if own else None
        return [subj] if subj is not None else _oblique(tok.head, trigger)
    if trigger.kind == "noun":
        near = [c for c in tok.children if c.dep_ == "nmod" and preposition(c) in TARGET_PREPS]
        verb = governing_verb(tok)
        if near or verb is None or tok.dep_ == "nsubj":
            return near
        return [t for t in _verb_targets(verb, trigger) if t is not tok]
    return _verb_targets(tok, trigger)


def fallback_targets(trigger: Trigger) -> list[Token]:
    """Where a target may hide when no direct one names an actor: purpose clauses
    ("pour protester contre X"), then the whole object phrase, then place obliques."""
    tok = trigger.token if trigger.kind != "noun" else governing_verb(trigger.token)
    if tok is None:
        return []
    out: list[Token] = []
    for clause in (c for c in tok.children if c.dep_ == "advcl"):
        out += children(clause, "obj") + children(clause, "iobj") + _oblique(clause, trigger)
        for obj in children(clause, "obj"):
            out += [c for c in obj.children if c.dep_ == "nmod"]
    out += children(tok, "obj")
    stray = stray_object(tok)
    out += [stray] if stray is not None else []
    for comp in _content_chain(tok, trigger):
        out += children(comp, "obj") + children(comp, "obl")
    out += [c for c in children(tok, "obl") if preposition(c) in ("dans", "de", "du", "des", "d'")]
    if trigger.kind == "noun":
        out += list(trigger.token.children)
    return out


def _verb_targets(verb: Token, trigger: Trigger) -> list[Token]:
    if is_passive(verb):
        return children(verb, "nsubj:pass")
    found = children(verb, "obj") + children(verb, "iobj")
    found += _oblique(verb, trigger)
    for obj in children(verb, "obj"):
        found += [c for c in obj.children if c.dep_ == "nmod" and _prep_ok(c, trigger)]
    for comp in _content_chain(verb, trigger):
        found += children(comp, "obj") + _oblique(comp, trigger)
        for obj in children(comp, "obj"):
            found += [c for c in obj.children if c.dep_ == "nmod" and _prep_ok(c, trigger)]
    for comp in children(verb, "ccomp"):
        if comp.lemma_.lower() not in SPEECH_VERBS:
            found += [c for c in comp.children if c.dep_ == "nsubj"]
    return [t for t in found if t.lower_ not in ("lui", "leur", "se", "s'")]


def _content_chain(verb: Token, trigger: Trigger) -> list[Token]:
    """Infinitives whose objects may be the target: not the content of an accusation
    ("accuse X *de soutenir des dissidents*": the dissidents are not accused)."""
    chain = _xcomp_chain(verb)
    if trigger.sense.event != "DISAPPROVE":
        return chain
    return [c for c in chain if c.pos_ != "VERB"]  # a nominal "xcomp" is a misread object


def _xcomp_chain(verb: Token) -> list[Token]:
    """Infinitives under a verb, nested ones included ("refuser de s'engager à apporter")."""
    out, frontier = [], children(verb, "xcomp")
    for _ in range(3):
        out += frontier
        frontier = [c for f in frontier for c in children(f, "xcomp")]
    return out


def _oblique(verb: Token, trigger: Trigger) -> list[Token]:
    """Prepositional complements that may name the target, with those hung on a date."""
    direct = [
        c
        for c in verb.children
        if c.dep_.startswith("obl") and c.dep_ != "obl:agent" and _prep_ok(c, trigger)
    ]
    return direct + [c for c in hoisted_obliques(verb) if _prep_ok(c, trigger)]


def _prep_ok(tok: Token, trigger: Trigger) -> bool:
    prep = preposition(tok)
    return prep in TARGET_PREPS or prep in trigger.sense.preps


def first_actors(resolver: ActorResolver, heads: list[Token], skip: set[int]) -> Actors:
    """Actors of the first head that names any (coordinated members included)."""
    for head in heads:
        if head.i in skip:
            continue
        found = resolver.actors(head)
        if found:
            return found
    return []


def reporter(trigger: Trigger, resolver: ActorResolver, actor: set[int]) -> str | None:
    """Who the sentence says reported the event ("selon le Pentagone", "a indiqué X"),
    unless it is the actor itself (``actor`` holds the source's token indices)."""
    tok = trigger.token
    for node in [tok, *tok.ancestors]:
        speech = [c for c in node.children if c.dep_ in ("parataxis", "ccomp", "advcl")]
        if node is not tok:
            speech.append(node)
        for verb in (v for v in speech if v.lemma_.lower() in SPEECH_VERBS):
            speaker = [
                c
                for c in verb.children
                if c.dep_ == "nsubj"
                or (c.dep_ == "obj" and c.i > verb.i and verb.dep_ == "parataxis")
            ]
            if speaker and speaker[0].i not in actor:
                return resolver.phrase(speaker[0])
    for word in tok.sent:
        if word.lower_ in ("selon", "d'après") and word.head is not word:
            return resolver.phrase(word.head)
    return None
