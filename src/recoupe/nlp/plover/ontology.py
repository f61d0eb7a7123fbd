"""The PLOVER event types and modes that recoupe codes, with their CAMEO root codes.

Category and mode names are facts of the PLOVER ontology; the one-line glosses are ours.
The type labels follow the PLOVER gold-standard records (DEMAND, DISAPPROVE, INVESTIGATE,
FIGHT), which newer manuals fold into REQUEST, ACCUSE and ASSAULT: :data:`CURRENT_LABELS`
gives that mapping for consumers of the newer label set. CAMEO roots are the two-digit
CAMEO codes the CAMEO→PLOVER table maps onto each type.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EventType:
    """One PLOVER event type: its label, quad class, CAMEO root and allowed modes."""

    name: str
    quad: str
    cameo: str
    gloss: str
    modes: tuple[str, ...] = ()


_TYPES = (
    EventType("AGREE", "verbal cooperation", "03", "promise or agree to cooperate in future"),
    EventType(
        "CONSULT",
        "verbal cooperation",
        "04",
        "meet, visit, call, negotiate, mediate",
        ("visit", "multilateral", "phone"),
    ),
    EventType("SUPPORT", "verbal cooperation", "05", "praise, back, sign agreements, set up ties"),
    EventType("CONCEDE", "verbal cooperation", "08", "yield: ease bans, accept demands, pardon"),
    EventType("COOPERATE", "material cooperation", "06", "joint exercises, extradition, sharing"),
    EventType("AID", "material cooperation", "07", "give money, arms, troops, asylum, relief"),
    EventType(
        "RETREAT",
        "material cooperation",
        "08",
        "withdraw, release, disarm, resign",
        ("withdraw", "release", "disarm", "ceasefire", "access", "resign"),
    ),
    EventType("INVESTIGATE", "verbal conflict", "09", "open an inquiry, inspect"),
    EventType(
        "DEMAND",
        "verbal conflict",
        "10",
        "demand, order, call on someone to act",
        ("assist", "change", "meet"),
    ),
    EventType(
        "DISAPPROVE",
        "verbal conflict",
        "11",
        "criticise, condemn, accuse, summon, sue",
        ("disapprove", "allege"),
    ),
    EventType("REJECT", "verbal conflict", "12", "refuse, reject, veto, defy"),
    EventType(
        "THREATEN",
        "verbal conflict",
        "13",
        "threaten, warn, announce coercion",
        ("restrict", "arrest", "relations", "expel", "territory", "violence"),
    ),
    EventType(
        "PROTEST",
        "material conflict",
        "14",
        "demonstrate, strike, riot, blockade",
        ("demo", "riot", "strike", "hunger", "boycott", "obstruct"),
    ),
    EventType(
        "MOBILIZE",
        "material conflict",
        "15",
        "deploy or alert forces short of force",
        ("troops", "weapons", "police", "militia"),
    ),
    EventType(
        "SANCTION",
        "material conflict",
        "16",
        "reduce relations: suspend, expel, cut",
        ("convict", "expel", "withdraw", "discontinue"),
    ),
    EventType(
        "COERCE",
        "material conflict",
        "17",
        "arrest, ban, seize, deport, curfew",
        ("seize", "restrict", "censor", "curfew", "arrest", "deport", "withhold", "cyber"),
    ),
    EventType(
        "ASSAULT",
        "material conflict",
        "18",
        "bombings, abductions, torture, killings",
        ("abduct", "beat", "torture", "targeted", "explosives", "primitive", "firearms"),
    ),
    EventType(
        "FIGHT",
        "material conflict",
        "19",
        "conventional force: strikes, shelling, clashes",
        ("aerial", "drone", "artillery", "ground", "occupy"),
    ),
)

#: Event types by label.
EVENT_TYPES: dict[str, EventType] = {t.name: t for t in _TYPES}

#: GSR label → label of the current PLOVER manual.
CURRENT_LABELS: dict[str, str] = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}

#: Types that use or threaten force or reduce ties: announced, they are threats.
COERCIVE: frozenset[str] = frozenset({"SANCTION", "COERCE", "ASSAULT", "FIGHT", "PROTEST"})

#: Types whose announcement is a promise (AGREE) rather than the act itself.
COOPERATIVE: frozenset[str] = frozenset({"AID", "COOPERATE", "CONSULT", "SUPPORT"})


def cameo_root(event: str) -> str | None:
    """The CAMEO root code of a PLOVER type ("SANCTION" → "16"), if known."""
    known = EVENT_TYPES.get(event)
    return known.cameo if known else None


def threat_mode(event: str, mode: str | None) -> str | None:
    """The THREATEN mode for an announced coercive act (a suspended link → "relations")."""
    if event == "SANCTION":
        return "expel" if mode == "expel" else "relations"
    if event == "COERCE":
        return "arrest" if mode == "arrest" else "restrict"
    if event in ("ASSAULT", "FIGHT"):
        return "violence"
    if event == "PROTEST":
        return "restrict"
    return None
