"""The plain-text cleaner on fictional, furniture-laden French articles (outlets and people invented).

The fixtures are scraped-text lines: a paragraph is one long line, as in real scraped text.
"""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt

import pytest

from recoupe.extract.plaintext import extract_text
from recoupe.model import Extraction

# A site article: breadcrumb, repeated headline, standfirst, photo credit and caption signed
# by the outlet, an inline related card, "Lire aussi" list, tags, counters, comment form,
# cookie notices in French and English, a widget title in Russian, the outlet's signature.
AZUR = """Accueil INFO Région Le port de Villebrune fermé après une marée noire

Le port de Villebrune fermé après une marée noire

La préfecture a interdit toute navigation dans la baie jusqu'à nouvel ordre.

© Agence Zéphyr 2021 Marc Dupin Port de Villebrune
Le port de Villebrune - Radio Azur
S'abonner
Une nappe d'hydrocarbures de plusieurs kilomètres a atteint mardi les quais de Villebrune, a annoncé la préfète maritime Hélène Castagné.
« Nous avons déployé trois barrages flottants dès la nuit de lundi », a déclaré Mme Castagné lors d'une conférence de presse.

Le maire Paul Verdier devant la mairie - Radio Azur
Les pêcheurs de Villebrune réclament une indemnisation
Il a démissionné.

Selon les premières analyses, la fuite proviendrait d'un pétrolier battant pavillon panaméen qui croisait au large depuis dimanche. Une enquête a été ouverte par le parquet de Marseille.

Azurnews

Lire aussi:
La saison touristique menacée sur toute la côte
Les ostréiculteurs inquiets pour leurs parcs
Tags:
pollution, Villebrune, marée noire, préfecture
URL courte
48213
0
Pour participer aux discussions, identifiez-vous ou créez-vous un compte
Ce site utilise des cookies. En poursuivant votre visite, vous consentez à leur utilisation.
This website uses cookies to improve your experience. By continuing to browse you accept our cookie policy.
Close
Заголовок открываемого материала
"""

# An article quoting tweets: the outlet's own (French) and another account's (English).
TWEETS = """Le gouvernement de Valtanie annonce un référendum sur la réforme des retraites
Le Premier ministre valtanien Ivo Marek a annoncé jeudi la tenue d'un référendum sur la réforme des retraites avant la fin de l'année.
La consultation portera sur le relèvement de l'âge légal de départ, a précisé le chef du gouvernement devant les députés.
Ivo Marek promet un vote "avant l'hiver" sur la réforme #Valtanie #retraites https://t.co/AbCdEf123 pic.twitter.com/XyZ987
— Lémanique Info (@LemaniqueInfo) 3 mars 2021
L'opposition a dénoncé une manœuvre destinée à diviser les syndicats, qui appellent à manifester samedi.
Unions call for nationwide strike after referendum announcement https://t.co/QwErTy456
— Valtania Today (@ValtaniaToday) 3 mars 2021
Les syndicats réclament depuis des mois l'ouverture de négociations sur la pénibilité.
"""

# A wire story scraped with its markup: bullet, headline split inside <header>, byline and
# <time>, agency marks around the paragraph, a comment section.
WIRE = """• Nordlande: la ministre Anja Sörlund démissionne après un scandale de marchés publics

    <article class="story-main" data-id="1234"> <header class="story-header">

    Nordlande: la ministre Anja Sörlund démissionne

    après un scandale de marchés publics

    </header> <figure class="story-cover"> </figure>
    Agence Borée <time datetime="2022-11-08T17:40:00+01:00"> Mis à jour le mardi 8 novembre 2022 à 17h40</time>
    (Borée) La ministre nordlandaise des Infrastructures Anja Sörlund a présenté mardi sa démission, après la publication d'une enquête sur l'attribution de marchés publics à une entreprise dirigée par son beau-frère. "Je quitte mes fonctions pour que la justice puisse travailler sereinement", a-t-elle déclaré devant la presse. (Borée)
    Borée
    <footer class="story-tags">
    En savoir +
    </footer>
    </article>

  • Commentaires
    Aucun commentaire pour le moment
    Ajouter un commentaire
    Nom / Pseudo :
    Commentaire :
"""


@pytest.fixture(scope="module")
def azur() -> Extraction:
    return extract_text(AZUR)


@pytest.fixture(scope="module")
def tweets() -> Extraction:
    return extract_text(TWEETS)


@pytest.fixture(scope="module")
def wire() -> Extraction:
    return extract_text(WIRE)


def _reasons(found: Extraction) -> dict[str, str]:
    return {" ".join(r.text.split()): r.reason for r in found.removed}


def test_site_article_keeps_every_sentence(azur: Extraction) -> None:
    for sentence in (
        "La préfecture a interdit toute navigation dans la baie jusqu'à nouvel ordre.",
        "Une nappe d'hydrocarbures de plusieurs kilomètres a atteint mardi les quais",
        "« Nous avons déployé trois barrages flottants dès la nuit de lundi »",
        "Il a démissionné.",
        "Une enquête a été ouverte par le parquet de Marseille.",
    ):
        assert sentence in azur.body


def test_site_article_paragraphs_are_separated_by_blank_lines(azur: Extraction) -> None:
    paragraphs = azur.body.split("\n\n")
    assert paragraphs[0] == (
        "La préfecture a interdit toute navigation dans la baie jusqu'à nouvel ordre."
    )
    assert "Il a démissionné." in paragraphs


def test_site_article_title_and_outlet(azur: Extraction) -> None:
    assert azur.title == "Le port de Villebrune fermé après une marée noire"
    assert azur.outlet == "Radio Azur"
    assert azur.published is None


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Accueil INFO Région Le port de Villebrune fermé après une marée noire", "breadcrumb"),
        ("© Agence Zéphyr 2021 Marc Dupin Port de Villebrune", "credit"),
        ("Le port de Villebrune - Radio Azur", "caption"),
        ("S'abonner", "subscription-prompt"),
        ("Le maire Paul Verdier devant la mairie - Radio Azur", "caption"),
        ("Les pêcheurs de Villebrune réclament une indemnisation", "related-links"),
        ("Azurnews", "credit"),
        ("Lire aussi:", "related-links"),
        ("La saison touristique menacée sur toute la côte", "related-links"),
        ("Tags:", "tags"),
        ("pollution, Villebrune, marée noire, préfecture", "tags"),
        ("URL courte", "share-counter"),
        ("48213", "share-counter"),
        ("Pour participer aux discussions, identifiez-vous ou créez-vous un compte", "comments"),
        ("Close", "navigation"),
        ("Заголовок открываемого материала", "other-language"),
    ],
)
def test_site_article_furniture_removed_with_reason(
    azur: Extraction, line: str, reason: str
) -> None:
    assert _reasons(azur)[line] == reason
    assert line not in azur.body.split("\n\n")


def test_cookie_notices_in_french_and_english_removed(azur: Extraction) -> None:
    cookies = [r for r in azur.removed if r.reason == "cookie-notice"]
    assert len(cookies) == 2
    assert "cookie" not in azur.body.lower()


def test_tweets_removed_with_their_attribution(tweets: Extraction) -> None:
    reasons = _reasons(tweets)
    assert reasons["— Lémanique Info (@LemaniqueInfo) 3 mars 2021"] == "tweet-embed"
    assert reasons["— Valtania Today (@ValtaniaToday) 3 mars 2021"] == "tweet-embed"
    assert "t.co" not in tweets.body
    assert "Unions call" not in tweets.body
    assert "L'opposition a dénoncé une manœuvre" in tweets.body
    assert tweets.body.endswith("l'ouverture de négociations sur la pénibilité.")


def test_tweet_dates_are_not_the_publication_date(tweets: Extraction) -> None:
    assert tweets.published is None
    assert tweets.title == (
        "Le gouvernement de Valtanie annonce un référendum sur la réforme des retraites"
    )


def test_outlet_from_its_own_tweet_in_the_article_language(tweets: Extraction) -> None:
    assert tweets.outlet == "Lémanique Info"


def test_wire_title_split_in_markup_is_a_repeat(wire: Extraction) -> None:
    assert wire.title == (
        "Nordlande: la ministre Anja Sörlund démissionne après un scandale de marchés publics"
    )
    reasons = _reasons(wire)
    assert reasons["Nordlande: la ministre Anja Sörlund démissionne"] == "title-repeat"
    assert reasons["après un scandale de marchés publics"] == "title-repeat"


def test_wire_body_date_outlet_and_markup(wire: Extraction) -> None:
    assert wire.body.startswith("La ministre nordlandaise des Infrastructures")
    assert wire.body.endswith("a-t-elle déclaré devant la presse.")
    assert "<" not in wire.body and "(Borée)" not in wire.body
    assert wire.outlet == "Borée"
    cet = dt.timezone(dt.timedelta(hours=1))
    assert wire.published == dt.datetime(2022, 11, 8, 17, 40, tzinfo=cet)
    assert wire.published_evidence is not None and "Mis à jour" in wire.published_evidence
    reasons = {r.reason for r in wire.removed}
    assert {"html-markup", "comments", "dateline", "credit", "navigation"} <= reasons


def test_publication_preferred_over_update() -> None:
    text = (
        "Grève des contrôleurs aériens à Orlinde\n"
        "Publié le 3 octobre 2016 à 18:02\n"
        "Mis à jour le 4 octobre 2016 à 09:15\n"
        "Les contrôleurs aériens de l'aéroport d'Orlinde ont cessé le travail lundi soir, "
        "provoquant l'annulation de plus de deux cents vols selon la direction.\n"
    )
    found = extract_text(text)
    assert found.published == dt.datetime(2016, 10, 3, 18, 2)
    assert found.title == "Grève des contrôleurs aériens à Orlinde"
    assert found.body.startswith("Les contrôleurs aériens")


def test_german_and_english_furniture() -> None:
    text = (
        "Startseite\n"
        "Suche\n"
        "Neue Brücke über die Elbe bei Harnstedt eröffnet\n"
        "Die neue Brücke über die Elbe bei Harnstedt ist am Samstag nach vier Jahren Bauzeit "
        "für den Verkehr freigegeben worden, wie die Stadtverwaltung mitteilte.\n"
        "Der Bau hatte rund 40 Millionen Euro gekostet und war zweimal verschoben worden.\n"
        "Teilen\n"
        "Diese Website verwendet Cookies. Wenn Sie die Website weiter nutzen, stimmen Sie der "
        "Verwendung von Cookies zu.\n"
        "Das könnte Sie auch interessieren\n"
        "Hafenfest in Harnstedt abgesagt\n"
        "Kommentare\n"
        "Schreibe einen Kommentar\n"
    )
    found = extract_text(text)
    assert found.title == "Neue Brücke über die Elbe bei Harnstedt eröffnet"
    assert found.body.split("\n\n") == [
        "Die neue Brücke über die Elbe bei Harnstedt ist am Samstag nach vier Jahren Bauzeit "
        "für den Verkehr freigegeben worden, wie die Stadtverwaltung mitteilte.",
        "Der Bau hatte rund 40 Millionen Euro gekostet und war zweimal verschoben worden.",
    ]
    reasons = _reasons(found)
    assert reasons["Teilen"] == "share-counter"
    assert reasons["Das könnte Sie auch interessieren"] == "related-links"


def test_every_input_line_is_body_title_or_removed(azur: Extraction) -> None:
    removed = {" ".join(r.text.split()) for r in azur.removed}
    paragraphs = set(azur.body.split("\n\n"))
    for line in AZUR.splitlines():
        text = " ".join(line.split())
        if text:
            assert text in removed or text in paragraphs or text == azur.title


def test_empty_text() -> None:
    found = extract_text("")
    assert found.body == "" and found.title is None and found.outlet is None
