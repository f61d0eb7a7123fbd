"""PLOVER event coding for French: ``PloverCoder(nlp).code(doc_or_text) -> list[Action]``.

For every sentence: find triggers (:mod:`.triggers`), read the event type from the lexicon,
turn announced coercion into THREATEN and announced cooperation into AGREE (modality),
mark negated events, then code the source and target phrases with :mod:`.actors`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from recoupe.model import Action, ActionActor, Mention
from recoupe.nlp.plover.actors import (
    SECTORS,
    ActorResolver,
    content_head,
    is_state,
    phrase_tokens,
    sector_of,
)
from recoupe.nlp.plover.clauses import is_negated, is_passive, modality, preposition
from recoupe.nlp.plover.lexicon import DENIAL_VERBS, INTENT_VERBS, READY_WORDS, SPEECH_VERBS
from recoupe.nlp.plover.ontology import COERCIVE, COOPERATIVE, cameo_root, threat_mode
from recoupe.nlp.plover.people import people_in_doc, people_in_mentions, resolvers_for
from recoupe.nlp.plover.roles import (
    fallback_targets,
    first_actors,
    governing_verb,
    reporter,
    source_tokens,
    target_tokens,
)
from recoupe.nlp.plover.triggers import Trigger, embedded_trigger, find_triggers

#: Source head words that make a killing a conventional military act (FIGHT, not ASSAULT).
_MILITARY_MEANS = frozenset(
    [
        "avion",
        "drone",
        "char",
        "armée",
        "aviation",
        "hélicoptère",
        "frappe",
        "artillerie",
        "navire",
        "bombardier",
        "force",
        "troupe",
    ]
)

#: Verbs of talks: "X s'est entretenu avec Y" makes X and Y both sources (reciprocal).
_TALKS = frozenset(["s'entretenir", "négocier", "discuter", "se réunir", "coopérer"])

#: Role nouns that, with no nationality, name the source's own state ("le gouvernement").
_DOMESTIC = frozenset(
    [
        "gouvernement",
        "président",
        "autorité",
        "régime",
        "pouvoir",
        "police",
        "armée",
        "parlement",
        "opposition",
        "premier",
        "ministre",
        "justice",
        "population",
        "peuple",
        "habitant",
        "civil",
        "force",
        "manifestant",
        "étudiant",
        "opposant",
        "journaliste",
        "détenu",
        "militant",
        "rebelle",
        "insurgé",
        "séparatiste",
        "prisonnier",
        "dissident",
    ]
)

#: Verbs of killing and attacking whose type depends on the attacker (army or not).
_KILLING = frozenset(["tuer", "blesser", "attaquer", "abattre", "massacrer"])

#: Sectors of people who protest in the street rather than through diplomacy.
_CROWDS = frozenset(["CVL", "EDU", "LAB", "OPP", "REF", "MED", "JRN"])

#: Types whose act is aimed at someone (a recipient is searched harder).
_DIRECTED = frozenset(
    [
        "AID",
        "SANCTION",
        "DEMAND",
        "DISAPPROVE",
        "THREATEN",
        "REJECT",
        "ASSAULT",
        "FIGHT",
        "COERCE",
        "SUPPORT",
        "CONCEDE",
        "INVESTIGATE",
    ]
)

#: Types whose act has no destination: a city or country named after "à", "en" or "dans"
#: is where it happened, not whom it was aimed at ("se sont réunis à Tokyo").
_PLACE_BLIND = frozenset(
    ["CONSULT", "AGREE", "SUPPORT", "DEMAND", "DISAPPROVE", "REJECT", "PROTEST", "INVESTIGATE"]
)

#: Triggers of travel, whose destination is the host ("se rendre à Pékin").
_VISITS = frozenset(["se rendre", "visiter", "visite", "rendre visite", "voyage", "tournée"])

#: Types that describe two sides acting together (all participants are sources).
_RECIPROCAL = frozenset(["CONSULT", "COOPERATE", "FIGHT", "AGREE", "SUPPORT"])


@dataclass(frozen=True)
class Coded:
    """An event read from one sentence, before it becomes an :class:`Action`."""

    source: tuple[ActionActor, ...]
    event: str
    mode: str | None
    target: tuple[ActionActor, ...]
    trigger: Token
    negated: bool
    reported_by: str | None


class PloverCoder:
    """Codes who did what to whom in French text, one :class:`Action` per coded event.

    ``nlp`` is a French spaCy pipeline with a parser (``recoupe.nlp.load_french()`` or plain
    ``spacy.load("fr_core_news_md")``); actor codes do not depend on its entity components.
    """

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp

    def code(
        self,
        doc_or_text: Doc | str,
        article_id: int | str | None = None,
        date: dt.date | None = None,
        mentions: Iterable[Mention] = (),
    ) -> list[Action]:
        """The events of one article body (a parsed Doc or raw text), with offsets into it.

        ``mentions`` are the entity layer's mentions of this article (optional): people it
        places in a country are coded as that country when a sentence names them alone.
        """
        doc = doc_or_text if isinstance(doc_or_text, Doc) else self.nlp(doc_or_text)
        resolvers = resolvers_for(doc)
        people = {**people_in_doc(resolvers), **people_in_mentions(mentions)}
        actions: list[Action] = []
        for resolver in resolvers:
            resolver.people = people
            for coded in code_resolved(resolver):
                actions.append(_action(coded, resolver.sent, article_id, date, len(actions) + 1))
        return actions

    def code_many(
        self,
        texts: Iterable[str],
        article_ids: Iterable[int | str | None] | None = None,
        dates: Iterable[dt.date | None] | None = None,
        batch_size: int = 32,
        mentions: Iterable[Iterable[Mention]] | None = None,
    ) -> Iterator[list[Action]]:
        """Code many article bodies (in input order), parsing them in batches with ``nlp.pipe``."""
        items = list(texts)
        ids = list(article_ids) if article_ids is not None else [None] * len(items)
        days = list(dates) if dates is not None else [None] * len(items)
        known = list(mentions) if mentions is not None else [()] * len(items)
        docs = self.nlp.pipe(items, batch_size=batch_size)
        for doc, art, day, ms in zip(docs, ids, days, known, strict=True):
            yield self.code(doc, art, day, ms)


def code_sentence(sent: Span) -> list[Coded]:
    """Every event coded in one parsed sentence, in trigger order, without duplicates."""
    return code_resolved(ActorResolver(sent))


def code_resolved(resolver: ActorResolver) -> list[Coded]:
    """The events of the sentence a resolver was built for."""
    sent = resolver.sent
    out: list[Coded] = []
    seen: set[tuple] = set()
    for trigger in find_triggers(sent):
        coded = code_trigger(trigger, resolver)
        if coded is None:
            continue
        key = (
            tuple(a.code for a in coded.source),
            coded.event,
            tuple(a.code for a in coded.target),
            coded.negated,
        )
        if key not in seen:
            seen.add(key)
            out.append(coded)
    return _drop_subsumed(out)


def _drop_subsumed(events: list[Coded]) -> list[Coded]:
    """Drop an event with no target when the same source does the same thing to someone in
    the same sentence ("a promis de lui pardonner et de se ranger derrière X")."""
    directed = {(_codes(c.source), c.event, c.negated) for c in events if c.target}
    return [
        c for c in events if c.target or (_codes(c.source), c.event, c.negated) not in directed
    ]


def _codes(actors: tuple[ActionActor, ...]) -> tuple[str, ...]:
    return tuple(a.code for a in actors)


def code_trigger(trigger: Trigger, resolver: ActorResolver) -> Coded | None:
    """The event of one trigger, or ``None`` when no coded actor performs it."""
    heads = source_tokens(trigger)
    sources = (
        first_actors(resolver, heads, set())
        or _deep_agent(trigger, heads, resolver)
        or _placed_sources(heads, resolver)
    )
    event, mode, negated = _event(trigger)
    if event is None:
        return None
    skip = {t.i for h in heads for t in phrase_tokens(h)}
    if trigger.sense.event in _PLACE_BLIND and trigger.sense.lemma not in _VISITS:
        skip |= resolver.place_uses()
    targets = _targets(trigger, resolver, skip, sources)
    sources = (
        sources
        or _sources_from_target(heads, targets, resolver)
        or _sole_state_sources(heads, targets, resolver, event)
    )
    if not sources and not (targets and _unknown_attacker(trigger, event, heads)):
        return None
    if sources and _speculation(trigger, resolver, sources[0].code):
        return None
    event = _by_actor(event, trigger, sources) if sources else event
    if trigger.sense.lemma in _TALKS and targets and _with_avec(trigger.token):
        sources, targets = sources + targets, []
    if len(sources) > 1 and event in _RECIPROCAL:
        # Talks, joint exercises and clashes: every participant is a source, as in PLOVER.
        targets = []
    return Coded(
        tuple(sources),
        event,
        mode,
        tuple(targets),
        trigger.token,
        negated,
        reporter(trigger, resolver, skip),
    )


def _targets(
    trigger: Trigger,
    resolver: ActorResolver,
    skip: set[int],
    sources: list[ActionActor],
) -> list[ActionActor]:
    """Direct targets first; otherwise purpose clauses, the object phrase, places; a bare
    role ("le gouvernement") with no nationality is taken to be the source's own."""
    direct = first_actors(resolver, target_tokens(trigger), skip | {trigger.token.i})
    if direct:
        return direct
    candidates = [
        t
        for t in target_tokens(trigger) + fallback_targets(trigger)
        if t.i not in skip and t.i != trigger.token.i
    ]
    for head in candidates:
        found = resolver.actor_deep(head, skip)
        if found:
            return _with_coordinated(found, resolver)
    domestic = _domestic(trigger, candidates, resolver, skip, sources)
    if domestic:
        return domestic
    return _nearest_after(trigger, resolver, skip) if trigger.sense.event in _DIRECTED else []


def _domestic(
    trigger: Trigger,
    candidates: list[Token],
    resolver: ActorResolver,
    skip: set[int],
    sources: list[ActionActor],
) -> list[ActionActor]:
    """ "pour protester contre le gouvernement": a role with no nationality is the source's own."""
    if len(sources) != 1:
        return []
    purposes = [c for c in trigger.token.children if c.dep_ == "advcl"]
    nearby = [t for h in candidates for t in phrase_tokens(h)]
    nearby += [t for clause in purposes for t in clause.subtree]
    for tok in nearby:
        if tok.lemma_.lower() in _DOMESTIC and tok.pos_ == "NOUN" and tok.i not in skip:
            sector = SECTORS.get(tok.lemma_.lower(), "GOV")
            return [ActionActor(resolver.phrase(tok), sources[0].code, sector)]
    return []


def _with_coordinated(
    found: tuple[Token, ActionActor],
    resolver: ActorResolver,
) -> list[ActionActor]:
    """The actor found deep in a phrase, plus those coordinated with it ("X et Y")."""
    tok, actor = found
    more = [a for a in resolver.actors(tok) if a.code != actor.code]
    return [actor, *more]


def _nearest_after(trigger: Trigger, resolver: ActorResolver, skip: set[int]) -> list[ActionActor]:
    """Last resort for acts that need a recipient: the first actor named in the trigger's
    own subtree after it (never a reporting phrase)."""
    tok = trigger.token
    if trigger.kind == "noun":
        tok = governing_verb(tok) or tok
    reported = {t.i for w in tok.sent if w.lower_ in ("selon", "d'après") for t in w.head.subtree}
    if trigger.sense.event == "DISAPPROVE":
        # "accuse X de soutenir des dissidents": what X is accused of names no target.
        content = [c for c in tok.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB"]
        reported |= {t.i for c in content for t in c.subtree}
    for word in sorted(tok.subtree, key=lambda t: t.i):
        if word.i <= trigger.token.i or word.i in skip or word.i in reported:
            continue
        if word.dep_ in ("parataxis",) or word.lemma_.lower() in SPEECH_VERBS:
            break
        coded = resolver.code_of(word)
        if coded:
            actor = ActionActor(resolver.phrase(word), coded[0], coded[1])
            return _with_coordinated((word, actor), resolver)
    return []


def _deep_agent(trigger: Trigger, heads: list[Token], resolver: ActorResolver) -> list[ActionActor]:
    """ "tués par une bombe posée par des combattants du PKK": the agent behind the means."""
    if trigger.kind != "verb" or not is_passive(trigger.token):
        return []
    found = [resolver.actor_deep(h, set()) for h in heads]
    return [hit[1] for hit in found if hit is not None][:1]


def _with_avec(verb: Token) -> bool:
    """Whether the other party comes with "avec", also when the parser hung it on another
    complement ("s'est entretenu au téléphone avec X")."""
    obliques = [c for c in verb.children if c.dep_.startswith("obl")]
    nested = [g for c in obliques for g in c.children if g.dep_ == "nmod"]
    return any(preposition(c) == "avec" for c in obliques + nested)


def _placed_sources(heads: list[Token], resolver: ActorResolver) -> list[ActionActor]:
    """A role with no nationality ("des étudiants", "la police") acts for the place named."""
    if len(heads) != 1 or not sector_of(content_head(heads[0])):
        return []
    code = resolver.place_country()
    if code is None:
        return []
    head = content_head(heads[0])
    return [ActionActor(resolver.phrase(head), code, sector_of(head))]


#: Sectors of groups that act inside their own country ("des étudiants", "la police").
_DOMESTIC_SECTORS = frozenset(
    ["CVL", "OPP", "REB", "LAB", "EDU", "REF", "JRN", "COP", "JUD", "LEG"]
)


#: Acts of force, whose victims often are foreigners.
_VIOLENT = frozenset(["ASSAULT", "FIGHT"])

#: Sectors of a state's own institutions: a group acting on them is that state's own.
_INSTITUTIONS = frozenset(["", "GOV", "MIL", "COP", "JUD", "LEG"])


def _sources_from_target(
    heads: list[Token], targets: list[ActionActor], resolver: ActorResolver
) -> list[ActionActor]:
    """ "Des étudiants ont manifesté contre le gouvernement iranien": a domestic group with
    no nationality and no place belongs to the state its act is aimed at."""
    if len(heads) != 1 or not targets or not is_state(targets[0].code):
        return []
    if targets[0].sector not in _INSTITUTIONS:
        return []  # "des islamistes ont enlevé un ingénieur japonais": not a Japanese act
    head = content_head(heads[0])
    sector = sector_of(head)
    if sector not in _DOMESTIC_SECTORS:
        return []
    return [ActionActor(resolver.phrase(head), targets[0].code, sector)]


def _sole_state_sources(
    heads: list[Token], targets: list[ActionActor], resolver: ActorResolver, event: str
) -> list[ActionActor]:
    """ "Le vice-président X a refusé de démissionner malgré la pression de la Commission
    kényane": a role or a person with no nationality belongs to the only state the sentence
    names. Not when the target is another official, who may well be the foreign one, nor
    when the only state is the victim's nationality ("ont enlevé un ingénieur japonais")."""
    if len(heads) != 1 or (targets and targets[0].sector == "GOV"):
        return []
    if targets and event in _VIOLENT and targets[0].sector not in _INSTITUTIONS:
        return []
    head = content_head(heads[0])
    sector = sector_of(head)
    if not sector and head.ent_type_ != "PER":
        return []
    code = resolver.sole_state()
    return [ActionActor(resolver.phrase(head), code, sector or "GOV")] if code else []


def _unknown_attacker(trigger: Trigger, event: str, heads: list[Token]) -> bool:
    """ "Trois civils ont été tués", "des inconnus ont abattu un juge": violence with no
    named perpetrator is still coded, with no source."""
    if event not in ("ASSAULT", "FIGHT") or trigger.kind != "verb":
        return False
    if is_passive(trigger.token):
        return True
    return len(heads) == 1 and content_head(heads[0]).lemma_.lower() in _UNKNOWN_PEOPLE


#: Subjects that name attackers nobody has identified.
_UNKNOWN_PEOPLE = frozenset(
    ["inconnu", "homme", "individu", "assaillant", "tireur", "ravisseur", "kamikaze"]
)


def _event(trigger: Trigger) -> tuple[str | None, str | None, bool]:
    """(event, mode, negated) after modality and negation."""
    sense, tok = trigger.sense, trigger.token
    event, mode = sense.event, sense.mode
    if event == "THREATEN":
        inner = embedded_trigger(tok)
        mode = threat_mode(inner.event, inner.mode) if inner else mode
    frame = tok.head if tok.dep_ == "xcomp" else tok
    negated = is_negated(tok) or (frame is not tok and is_negated(frame)) or _denied(tok)
    mod = modality(tok) if trigger.kind == "verb" else modality(tok.head)
    if negated and (mod or event in ("AGREE", "CONCEDE")) and not _denied(tok):
        return "REJECT", None, False
    if negated:
        return event, mode, True
    if mod is None:
        return event, mode, False
    return _announced(event, mode, mod, frame)


def _announced(
    event: str,
    mode: str | None,
    mod: str,
    frame: Token,
) -> tuple[str | None, str | None, bool]:
    """An act that is only planned, promised or conditional."""
    if event in COERCIVE:
        return "THREATEN", threat_mode(event, mode), False
    if event in COOPERATIVE:
        return "AGREE", None, False
    if event == "RETREAT":
        if mod == "conditional":
            return "THREATEN", None, False
        ready = frame.lemma_.lower() in READY_WORDS or frame.lemma_.lower() in INTENT_VERBS
        return ("AGREE" if ready and mod == "plan" else "CONCEDE"), None, False
    return event, mode, False


def _speculation(trigger: Trigger, resolver: ActorResolver, source: str) -> bool:
    """ "X pourrait suspendre …, selon des analystes": a third party's guess is no event.

    Only a conditional "pouvoir"/"devoir" counts, and only when someone other than the
    actor (a "selon" phrase or the subject of a speech verb with another code) says it.
    """
    tok = trigger.token
    if tok.dep_ != "xcomp" or tok.head.lemma_.lower() not in ("pouvoir", "devoir"):
        return False
    if modality(tok) != "conditional":
        return False
    for word in tok.sent:
        if word.lower_ in ("selon", "d'après") and word.head is not word:
            said_by = resolver.actor(word.head)
            return said_by is None or said_by.code != source
        if word.lemma_.lower() in SPEECH_VERBS | {"estimer", "penser", "croire", "juger"}:
            subj = [
                c for c in word.children if c.dep_ == "nsubj" or (c.dep_ == "obj" and c.i > word.i)
            ]
            said_by = resolver.actor(subj[0]) if subj else None
            if subj and (said_by is None or said_by.code != source):
                return True
    return False


def _denied(tok: Token) -> bool:
    """ "a démenti avoir fourni": the act is denied, so it did not happen."""
    return tok.dep_ in ("xcomp", "ccomp") and tok.head.lemma_.lower() in DENIAL_VERBS


def _by_actor(event: str, trigger: Trigger, sources: list[ActionActor]) -> str:
    """Refine a type by who acts: killings by aircraft or an army are conventional fighting,
    not assault; a crowd that protests demonstrates, a state that protests disapproves."""
    lemma = trigger.sense.lemma
    if event == "DISAPPROVE" and lemma in _PROTESTS and sources[0].sector in _CROWDS:
        return "PROTEST"
    if event == "ASSAULT" and lemma in _RIOTS and sources[0].sector in _CROWDS:
        return "PROTEST"  # "des manifestants ont incendié des voitures": a riot
    if event != "ASSAULT" or lemma not in _KILLING or trigger.kind != "verb":
        return event
    subj = [c for c in trigger.token.children if c.dep_ == "nsubj"]
    if subj and content_head(subj[0]).lemma_.lower() in _MILITARY_MEANS:
        return "FIGHT"
    if lemma == "attaquer" and _is_state_force(sources[0]):
        return "FIGHT"  # "la Russie a attaqué l'Ukraine": a state's attack is warfare
    return event


#: Damage that a crowd does in a riot rather than an attack on someone.
_RIOTS = frozenset(["incendier", "attaquer", "frapper"])

#: Words of protest that a crowd acts out and a government only says.
_PROTESTS = frozenset(["protester", "protestation"])


def _is_state_force(actor: ActionActor) -> bool:
    """A state named as such or its army (not a group, an organisation or a crowd)."""
    state = len(actor.code) == 3 and actor.code not in ("IGO", "NGO", "IMG")
    return state and actor.sector in ("", "GOV", "MIL")


def _action(
    coded: Coded, sent: Span, article_id: int | str | None, date: dt.date | None, n: int
) -> Action:
    """Wrap a coded event as the shared :class:`Action` record."""
    return Action(
        id=f"{article_id if article_id is not None else 'text'}-a{n:03d}",
        article_id=article_id,
        date=date,
        source=coded.source,
        event=coded.event,
        target=coded.target,
        trigger=_trigger_text(coded.trigger),
        sentence=sent.text,
        start=sent.start_char,
        end=sent.end_char,
        mode=coded.mode,
        cameo=cameo_root(coded.event),
        negated=coded.negated,
        reported_by=coded.reported_by,
    )


def _trigger_text(tok: Token) -> str:
    """The trigger with its auxiliaries and negation ("a suspendu", "n'a pas rencontré")."""
    near = [c for c in tok.children if tok.i - 4 <= c.i < tok.i]
    parts = [c for c in near if c.dep_.startswith("aux") or c.dep_ in ("advmod", "expl:comp")]
    start = min([tok.i, *[p.i for p in parts]])
    return tok.doc[start : tok.i + 1].text
