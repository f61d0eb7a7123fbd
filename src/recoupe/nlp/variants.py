"""Name variants: one canonical entity per real-world referent, within and across articles.

Names are compared after folding (case, accents, hyphens) and with rapidfuzz similarity, so
that transliterations meet ("Sergueï Lavrov" / "Sergey Lavrov"). A surname alone joins the
full name seen in the same article, or else the only person of the corpus with that surname.

:class:`EntityResolver` is incremental and stable: a new article's names join existing
entities, an entity id never changes once given, and its display name only grows to the
fullest form seen. Its state is plain data (:meth:`EntityResolver.to_dict`).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from rapidfuzz import fuzz

from recoupe.model import Entity
from recoupe.nlp.gazetteer import fold

#: Similarity (0–100) above which two full names are one person (transliterations).
PERSON_SIMILARITY = 85.0
#: Similarity above which two surnames are the same surname ("Peskov" / "Peskoff").
SURNAME_SIMILARITY = 80.0
#: Similarity above which two organisation or place names are the same.
OTHER_SIMILARITY = 93.0

_PARTICLES = frozenset(
    {"de", "du", "des", "la", "le", "von", "van", "al", "el", "ben", "bin", "d'"}
)


def person_tokens(name: str) -> list[str]:
    """Folded tokens of a person's name ("Sergueï Lavrov" → ["serguei", "lavrov"])."""
    return fold(name).replace("'", "' ").split()


def surname(name: str) -> str:
    """The folded last name ("Bachar al-Assad" → "assad")."""
    toks = [t for t in person_tokens(name) if t not in _PARTICLES]
    return toks[-1] if toks else fold(name)


def same_person(a: str, b: str) -> bool:
    """Whether two person names can name the same person.

    Equal folded names; or one name is a tail of the other ("Kerry" / "John Kerry");
    or surnames and first names are close (transliterations, "Sergueï" / "Sergey").
    """
    ta, tb = person_tokens(a), person_tokens(b)
    if not ta or not tb:
        return False
    if ta == tb:
        return True
    short, long_ = sorted((ta, tb), key=len)
    if len(short) < len(long_) and long_[-len(short) :] == short:
        return True
    if fuzz.ratio(surname(a), surname(b)) < SURNAME_SIMILARITY:
        return False
    if len(ta) == 1 or len(tb) == 1:
        return fuzz.ratio(surname(a), surname(b)) >= PERSON_SIMILARITY
    return fuzz.ratio(" ".join(ta), " ".join(tb)) >= PERSON_SIMILARITY and _first_names_agree(
        ta, tb
    )


def _first_names_agree(ta: list[str], tb: list[str]) -> bool:
    """First names match closely, or one is the other's initial ("J." / "John")."""
    a, b = ta[0].rstrip("."), tb[0].rstrip(".")
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return fuzz.ratio(a, b) >= 60


def same_name(kind: str, a: str, b: str) -> bool:
    """Whether two names of entities of ``kind`` name the same thing."""
    if kind == "PER":
        return same_person(a, b)
    return fold(a) == fold(b) or fuzz.ratio(fold(a), fold(b)) >= OTHER_SIMILARITY


_ORG_SMALL = frozenset(
    {"de", "du", "des", "d", "la", "le", "les", "l", "et", "pour", "sur", "contre", "en", "a"}
)


def acronym(name: str) -> str:
    """Initials of a name's content words ("Agence française de lutte contre le dopage" →
    "AFLD")."""
    words = fold(name).replace("'", " ").split()
    return "".join(w[0] for w in words if w not in _ORG_SMALL).upper()


def same_org(a: str, b: str) -> bool:
    """Whether two organisation names are one organisation within an article.

    Same name (folded, fuzzy), an acronym of the other's words ("AFLD"), or a shorter
    form that the longer starts with ("Parti communiste" / "Parti communiste français").
    """
    if same_name("ORG", a, b):
        return True
    short, long_ = sorted((a, b), key=len)
    bare = short.replace(".", "")
    if bare.isupper() and 2 <= len(bare) <= 6 and len(long_.split()) > 1:
        return bare == acronym(long_)
    ts, tl = fold(short).split(), fold(long_).split()
    return len(ts) >= 2 and tl[: len(ts)] == ts


def fuller(a: str, b: str) -> str:
    """The fuller of two names (more words, then longer), ``a`` on ties (stability)."""
    return b if (len(b.split()), len(b)) > (len(a.split()), len(a)) else a


@dataclass
class LocalEntity:
    """An entity within one article: its names, kind and country (before corpus merging)."""

    kind: str
    name: str
    country: str | None = None
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)

    def add(self, name: str, role: str | None = None) -> None:
        """Record another name (and role) of this entity."""
        if name not in self.aliases:
            self.aliases.append(name)
        self.name = fuller(self.name, name)
        if role and role not in self.roles:
            self.roles.append(role)


def key_of(kind: str, name: str, country: str | None) -> str:
    """Grouping key: a state is its alpha-3 code; other names group by kind and folded name."""
    if kind == "GPE" and country:
        return f"GPE:{country}"
    return f"{kind}:{fold(name)}"


def cluster_article(
    names: list[tuple[str, str, str | None, str | None]],
) -> tuple[list[LocalEntity], list[int]]:
    """Group an article's mentions ``(kind, name, country, role)`` into local entities.

    Persons are taken fullest name first so that a surname joins the full name; returns
    the entities and, for each input mention, the index of its entity.
    """
    order = sorted(range(len(names)), key=lambda i: -len(names[i][1].split()))
    entities: list[LocalEntity] = []
    keys: dict[str, int] = {}
    assign = [0] * len(names)
    for i in order:
        kind, name, country, role = names[i]
        idx = _find_local(entities, keys, kind, name, country)
        if idx is None:
            idx = len(entities)
            entities.append(LocalEntity(kind, name, country))
            keys[key_of(kind, name, country)] = idx
        entities[idx].add(name, role)
        assign[i] = idx
    return entities, assign


def _find_local(
    entities: list[LocalEntity], keys: dict[str, int], kind: str, name: str, country: str | None
) -> int | None:
    key = key_of(kind, name, country)
    if key in keys:
        return keys[key]
    if kind == "ORG":
        hits = [i for i, e in enumerate(entities) if e.kind == "ORG" and same_org(e.name, name)]
        return hits[0] if len(hits) == 1 else None
    if kind != "PER":
        return None
    hits = [i for i, e in enumerate(entities) if e.kind == "PER" and same_person(e.name, name)]
    if not hits and len(person_tokens(name)) == 1:
        # Within one article a first name alone ("Khaldia") is the one person bearing it.
        first = person_tokens(name)[0]
        hits = [
            i
            for i, e in enumerate(entities)
            if e.kind == "PER" and person_tokens(e.name)[0] == first
        ]
    return hits[0] if len(hits) == 1 else None


def block_key(kind: str, name: str) -> str:
    """Blocking key for candidate search: kind and the first three letters of the surname
    (persons) or of the folded name (others); transliterations share their first letters."""
    base = surname(name) if kind == "PER" else fold(name)
    return f"{kind}:{base[:3]}"


_SLUG = re.compile(r"[^a-z0-9]+")


class EntityResolver:
    """Merges each article's local entities into canonical corpus entities, incrementally."""

    def __init__(self) -> None:
        self.entities: dict[str, Entity] = {}
        self._by_key: dict[str, str] = {}
        self._blocks: dict[str, set[str]] = {}
        self._order: dict[str, int] = {}

    def resolve(self, article_id: int | str, local: list[LocalEntity]) -> list[str]:
        """Canonical entity id for each local entity of ``article_id`` (created if new)."""
        return [self._resolve_one(article_id, entity) for entity in local]

    def _resolve_one(self, article_id: int | str, local: LocalEntity) -> str:
        eid = self._by_key.get(key_of(local.kind, local.name, local.country))
        if eid is None:
            eid = self._match(local)
        if eid is None:
            eid = self._new_id(local)
            self.entities[eid] = Entity(eid, local.name, local.kind, local.country)
            self._order[eid] = len(self._order)
        self._merge(self.entities[eid], article_id, local)
        return eid

    def _match(self, local: LocalEntity) -> str | None:
        """The earliest existing entity of the same kind whose name matches ``local``'s.

        Candidates come from a blocking index (kind and the first letters of the surname or
        name), so that matching stays fast as the corpus grows.
        """
        hits = {
            eid
            for eid in self._blocks.get(block_key(local.kind, local.name), ())
            if (local.country is None or self.entities[eid].country in (None, local.country))
            and same_name(local.kind, self.entities[eid].name, local.name)
        }
        if local.kind == "PER" and len(person_tokens(local.name)) == 1 and len(hits) > 1:
            return None
        return min(hits, key=self._order.__getitem__) if hits else None

    def _merge(self, entity: Entity, article_id: int | str, local: LocalEntity) -> None:
        entity.name = fuller(entity.name, local.name)
        self._blocks.setdefault(block_key(entity.kind, entity.name), set()).add(entity.id)
        for alias in local.aliases:
            if alias not in entity.aliases:
                entity.aliases.append(alias)
            self._by_key.setdefault(key_of(local.kind, alias, local.country), entity.id)
        for role in local.roles:
            if role not in entity.roles:
                entity.roles.append(role)
        if article_id not in entity.articles:
            entity.articles.append(article_id)
        entity.country = entity.country or local.country

    def _new_id(self, local: LocalEntity) -> str:
        if local.kind == "GPE" and local.country:
            base = f"gpe:{local.country.lower()}"
        else:
            base = f"{local.kind.lower()}:{_SLUG.sub('-', fold(local.name)).strip('-')}"
        eid, n = base, 2
        while eid in self.entities:
            eid, n = f"{base}-{n}", n + 1
        return eid

    def to_dict(self) -> dict:
        """The resolver's state as plain data (JSON-serialisable)."""
        return {"entities": [asdict(e) for e in self.entities.values()], "keys": dict(self._by_key)}

    @classmethod
    def from_dict(cls, data: dict) -> EntityResolver:
        """Rebuild a resolver from :meth:`to_dict` output."""
        resolver = cls()
        for raw in data.get("entities", []):
            entity = Entity(**raw)
            resolver.entities[entity.id] = entity
        resolver._by_key = dict(data.get("keys", {}))
        for n, entity in enumerate(resolver.entities.values()):
            resolver._order[entity.id] = n
            resolver._blocks.setdefault(block_key(entity.kind, entity.name), set()).add(entity.id)
        return resolver
