"""Syndication notices and wire sign-offs are furniture in both HTML and plain text."""

from __future__ import annotations

from recoupe.extract.html import extract_html
from recoupe.extract.plaintext import extract_text

BODY = (
    "Les dockers du port de Kerbrat ont voté mardi la reprise du travail après neuf jours de "
    "grève, a annoncé le syndicat majoritaire devant les grilles du terminal.",
    "La direction du port s'est engagée à rouvrir les négociations salariales dès lundi "
    "prochain, selon un communiqué diffusé dans la soirée.",
)
NOTICES = (
    "Cet article a été publié initialement sur La Vigie du Ponant.",
    "AGPX - Service France - jl/mr",
    "Dépêche réservée aux abonnés de l'Agence Générale. Reproduction soumise à conditions.",
)


def test_html_feed_fragment_drops_notices_and_keeps_the_article() -> None:
    html = "".join(f"<p>{p}</p>" for p in (*BODY, *NOTICES))
    found = extract_html(f"<html><body><article>{html}</article></body></html>")
    for sentence in BODY:
        assert sentence in found.body
    for notice in NOTICES:
        assert notice not in found.body


def test_plain_text_drops_notices_and_keeps_the_article() -> None:
    text = "Kerbrat : les dockers reprennent le travail\n\n" + "\n\n".join((*BODY, *NOTICES))
    found = extract_text(text)
    for sentence in BODY:
        assert sentence in found.body
    for notice in NOTICES:
        assert notice not in found.body
    assert {r.text for r in found.removed} >= set(NOTICES)
