"""Country codes come from current ISO 3166 data, not CLDR's retired aliases."""

from __future__ import annotations

import pytest

from recoupe.nlp import gazetteer


@pytest.mark.parametrize(
    ("name", "code"),
    [("Allemagne", "DEU"), ("Yémen", "YEM"), ("Birmanie", None), ("Russie", "RUS")],
)
def test_french_country_names_carry_current_alpha3(name: str, code: str | None) -> None:
    place = gazetteer.country(name)
    if code is None:
        assert place is None or place.country != "BUR", "retired codes are never used"
    else:
        assert place is not None and place.country == code
