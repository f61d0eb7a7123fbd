"""Name variants within and across articles, and the resolver's incremental, stable state."""

from __future__ import annotations

from recoupe.nlp.variants import (
    EntityResolver,
    LocalEntity,
    cluster_article,
    same_org,
    same_person,
)


def test_person_variants() -> None:
    assert same_person("Kerry", "John Kerry")
    assert same_person("Sergueï Lavrov", "Sergey Lavrov")
    assert same_person("Hélène Vasseur", "Helene Vasseur")
    assert not same_person("Paul Morel", "Anne Morel")
    assert not same_person("Paul Morel", "Paul Moreau-Lebrun")


def test_surname_joins_full_name_in_article() -> None:
    names = [("PER", "Morel", None, None), ("PER", "Paul Morel", None, "maire de Valmont")]
    local, assign = cluster_article(names)
    assert len(local) == 1 and assign == [0, 0]
    assert local[0].name == "Paul Morel"
    assert local[0].roles == ["maire de Valmont"]


def test_acronym_and_short_form_of_organisations() -> None:
    assert same_org("AFLS", "Agence française de lutte contre la sécheresse")
    assert same_org("Parti radical", "Parti radical valoisien")
    assert not same_org("CGT", "Confédération française démocratique du travail")


def test_resolver_is_incremental_and_stable() -> None:
    resolver = EntityResolver()
    [kerry] = resolver.resolve("a1", [LocalEntity("PER", "Kerry", aliases=["Kerry"])])
    [full] = resolver.resolve("a2", [LocalEntity("PER", "John Kerry", aliases=["John Kerry"])])
    assert full == kerry
    assert resolver.entities[kerry].name == "John Kerry"
    assert resolver.entities[kerry].articles == ["a1", "a2"]

    restored = EntityResolver.from_dict(resolver.to_dict())
    [again] = restored.resolve("a3", [LocalEntity("PER", "Kerry", aliases=["Kerry"])])
    assert again == kerry


def test_states_merge_by_iso_code() -> None:
    resolver = EntityResolver()
    ids = resolver.resolve(
        "a1",
        [
            LocalEntity("GPE", "Russie", "RUS", ["Russie"]),
            LocalEntity("GPE", "Russie", "RUS", ["Moscou"]),
        ],
    )
    assert ids == ["gpe:rus", "gpe:rus"]


def test_two_people_sharing_a_surname_stay_apart() -> None:
    resolver = EntityResolver()
    [paul] = resolver.resolve("a1", [LocalEntity("PER", "Paul Morel", aliases=["Paul Morel"])])
    [anne] = resolver.resolve("a2", [LocalEntity("PER", "Anne Morel", aliases=["Anne Morel"])])
    assert paul != anne
