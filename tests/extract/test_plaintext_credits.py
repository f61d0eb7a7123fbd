"""The plain-text cleaner's outlet credits and the furniture rules added for them.

Every fixture is fiction written for these tests: the outlets (La Vigie de Brenne, THE MARSH
GAZETTE, Le Phare de Corlay…), the towns and the people are invented.
"""

# ruff: noqa: E501

from __future__ import annotations

import datetime as dt

from recoupe.extract import textrules as tr
from recoupe.extract.plaintext import extract_text
from recoupe.extract.prose_dates import date_line_byline, date_spans, is_date_line
from recoupe.model import Extraction

PARAGRAPHS = (
    "Le conseil municipal de Varennes-sur-Brenne a voté mardi soir la fermeture de la piscine "
    "municipale pour deux ans de travaux, après un débat de près de trois heures.\n"
    "« Nous n'avions plus le choix, le bassin perd plusieurs mètres cubes d'eau par jour », a "
    "expliqué la maire, Odette Ferrand, devant une salle comble.\n"
    "Les clubs de natation seront accueillis dans la commune voisine de Saint-Hilaire, dont le "
    "bassin sera ouvert plus tôt le matin.\n"
)


def _reasons(found: Extraction) -> dict[str, str]:
    return {" ".join(r.text.split()): r.reason for r in found.removed}


def _page(head: str, tail: str = "") -> Extraction:
    return extract_text(head + PARAGRAPHS + tail)


# ------------------------------------------------------------------------- dates


def test_numeric_date_keeps_its_clock_time() -> None:
    assert date_spans("Publié le 22/09/2025 à 19h12") == [
        ("22/09/2025 à 19h12", dt.datetime(2025, 9, 22, 19, 12))
    ]


def test_published_and_updated_on_one_line_is_a_date_line() -> None:
    assert is_date_line("Publié le 22/09/2025 à 19h12 | Mis à jour le 23/09/2025 à 08h40")


def test_date_line_byline_is_the_name_before_the_date() -> None:
    assert date_line_byline("Le Phare de Corlay Mis à jour le lundi 3 mars 2025 à 10h02") == (
        "Le Phare de Corlay"
    )
    assert date_line_byline("Publié le 30/09/2025 à 13h20") == ""
    assert date_line_byline("Wednesday 29 October 2025 16:40 GMT") == ""


def test_date_line_is_never_the_title() -> None:
    found = _page(
        "La Vigie de Brenne\n"
        "Varennes : la piscine fermée pour deux ans\n\n"
        "Publié le 22/09/2025 à 19h12 | Mis à jour le 23/09/2025 à 08h40\n"
        "Par Jeanne Morvan\n\n"
    )
    assert found.title == "Varennes : la piscine fermée pour deux ans"
    assert found.published == dt.datetime(2025, 9, 22, 19, 12)


# ------------------------------------------------------------------------- outlet


def test_masthead_names_the_outlet_not_the_date_label() -> None:
    found = _page(
        "La Vigie de Brenne | Édition Nord\n"
        "Accueil > Brenne > Sports\n\n"
        "Varennes : la piscine fermée pour deux ans\n\n"
        "Publié le 30/09/2025 à 13h20\n\n"
    )
    assert found.outlet == "La Vigie de Brenne"


def test_capitalised_masthead_takes_the_casing_the_text_uses() -> None:
    found = _page(
        "LA VIGIE DE BRENNE\nVarennes : la piscine fermée pour deux ans\n\n",
        "La Vigie de Brenne utilise des cookies. Accepter | Paramétrer\n",
    )
    assert found.outlet == "La Vigie de Brenne"


def test_capitalised_masthead_without_other_mention_is_title_cased() -> None:
    text = (
        "THE MARSH GAZETTE\n"
        "Home > News\n\n"
        "Council votes to close the town swimming pool\n\n"
        "Tuesday 30 September 2025 19:15 BST\n\n"
        "The town council of Eastmere voted on Tuesday to close the municipal swimming pool for two years of repairs.\n"
        "The mayor said the pool was losing several cubic metres of water every day and could not stay open.\n"
    )
    assert extract_text(text).outlet == "The Marsh Gazette"


def test_wire_mark_is_the_source_when_the_outlet_signs_the_page() -> None:
    found = _page(
        "Le Phare de Corlay\n\nVarennes : la piscine fermée pour deux ans\n\n",
        "(Agence Nordpresse) Les travaux doivent commencer au printemps prochain, selon la mairie de Varennes.\n",
    )
    assert found.outlet == "Le Phare de Corlay"


def test_byline_naming_the_outlet_with_an_agency() -> None:
    found = _page(
        "Varennes : la piscine fermée pour deux ans\n\nPar Le Phare de Corlay avec AFPZ\n\n",
        "© AFPZ 2025 Jean Coste\n",
    )
    assert found.outlet == "Le Phare de Corlay"


def test_byline_journalist_then_outlet() -> None:
    rule = tr.BylineRule()
    assert rule._outlets("Jeanne Morvan, Radio Brenne") == ["Radio Brenne"]
    assert rule._outlets("Jeanne Morvan et Paul Quéré") == []
    assert rule._outlets("Tom Hale, Europe correspondent") == []
    assert rule._outlets("Marsh Gazette staff and agencies") == ["Marsh Gazette"]


def test_copyright_in_a_caption_credits_the_name_after_the_sign() -> None:
    found = _page(
        "Varennes : la piscine fermée pour deux ans\n\n",
        "Photo : Le bassin vidé, mardi. © Le Phare de Corlay / Yann Le Bihan\n",
    )
    assert found.outlet == "Le Phare de Corlay"
    assert "Le bassin vidé" not in found.body


def test_signed_date_line_credits_its_signer() -> None:
    found = _page(
        "Varennes : la piscine fermée pour deux ans\n\n"
        "Le Phare de Corlay <time datetime='2025-03-03T10:02'>Mis à jour le lundi 3 mars 2025 à 10h02</time>\n\n"
    )
    assert found.outlet == "Le Phare de Corlay"
    assert (
        _reasons(found)[
            "Le Phare de Corlay <time datetime='2025-03-03T10:02'>Mis à jour le lundi 3 mars 2025 à 10h02</time>"
        ]
        == "dateline"
    )


# ------------------------------------------------------------------------- furniture


def test_audio_and_video_player_prompts_removed() -> None:
    found = _page(
        "Varennes : la piscine fermée pour deux ans\n\nÉcouter cet article (3 min)\n\n",
        "Vidéo : le bassin vu du ciel (1:42)\nÉcouter le reportage de Jeanne Morvan (4 min)\n",
    )
    assert "Écouter" not in found.body and "Vidéo" not in found.body
    assert _reasons(found)["Écouter cet article (3 min)"] == "boilerplate"


def test_long_follow_subscribe_and_cookie_sentences_removed() -> None:
    tail = (
        "Suivez La Vigie de Brenne sur Telegram pour ne rien manquer de l'actualité du Berry.\n"
        "Newsletter : recevez chaque matin l'essentiel de l'actualité de la vallée de la Brenne\n"
        "Ce site utilise des cookies. Vous pouvez modifier vos préférences à tout moment.\n"
        "Vos commentaires (12)\n"
        "Ce formulaire est protégé par reCAPTCHA.\n"
    )
    found = _page("Varennes : la piscine fermée pour deux ans\n\n", tail)
    assert found.body.endswith("ouvert plus tôt le matin.")
    reasons = _reasons(found)
    assert (
        reasons[
            "Suivez La Vigie de Brenne sur Telegram pour ne rien manquer de l'actualité du Berry."
        ]
        == "follow-prompt"
    )
    assert (
        reasons["Ce site utilise des cookies. Vous pouvez modifier vos préférences à tout moment."]
        == "cookie-notice"
    )


def test_relative_update_line_and_advert_label_removed() -> None:
    found = _page(
        "Varennes : la piscine fermée pour deux ans\n\nMis à jour il y a 3 heures\n\n",
        "Publicité - Continuer la lecture ci-dessous\n",
    )
    reasons = _reasons(found)
    assert reasons["Mis à jour il y a 3 heures"] == "dateline"
    assert reasons["Publicité - Continuer la lecture ci-dessous"] == "boilerplate"


def test_question_headline_in_a_related_block() -> None:
    found = _page(
        "Varennes : la piscine fermée pour deux ans\n\n",
        "Lire aussi :\nNatation : le club de Varennes cherche un bassin\nMunicipales : qui pour succéder à Odette Ferrand ?\n",
    )
    assert "succéder" not in found.body
    assert _reasons(found)["Municipales : qui pour succéder à Odette Ferrand ?"] == "related-links"


def test_author_box_after_the_article_removed() -> None:
    found = _page(
        "Varennes : la piscine fermée pour deux ans\n\n",
        "\nÀ propos de l'auteur\n\nJeanne Morvan\n\nJeanne Morvan est journaliste à la rubrique sports depuis 2012 et couvre la natation régionale.\n",
    )
    assert "journaliste à la rubrique" not in found.body
    assert found.body.endswith("ouvert plus tôt le matin.")


def test_closing_biography_removed() -> None:
    text = (
        "Why the Eastmere pool is closing\n\n"
        "The town council of Eastmere voted on Tuesday to close the municipal swimming pool for two years of repairs.\n\n"
        "The mayor said the pool was losing several cubic metres of water every day and could not stay open.\n\n"
        "Swimming clubs will train in the neighbouring village, whose pool will open earlier in the morning.\n\n"
        "Tom Hale is a freelance writer and the author of a history of English lidos.\n"
    )
    found = extract_text(text)
    assert "Tom Hale" not in found.body
    assert found.body.endswith("earlier in the morning.")


def test_previous_and_next_post_links_removed() -> None:
    found = _page(
        "Varennes : la piscine fermée pour deux ans\n\n",
        "← Le stade rénové pour la rentrée\nLa fête de la Brenne reportée →\n",
    )
    assert "stade" not in found.body and "fête" not in found.body


def test_stock_photo_credit_and_bare_credit_label() -> None:
    found = _page(
        "Varennes : la piscine fermée pour deux ans\n\nJMartin/Shutterstock.com\n\n",
        "La maire Odette Ferrand devant le bassin vide.\n\nPhoto :\n\nYann Le Bihan\n",
    )
    reasons = _reasons(found)
    assert reasons["JMartin/Shutterstock.com"] == "credit"
    assert reasons["La maire Odette Ferrand devant le bassin vide."] == "caption"


def test_sentence_without_full_stop_closing_the_body_kept() -> None:
    found = _page(
        "Varennes : la piscine fermée pour deux ans\n\n",
        "Et pour les enfants de la commune il faudra sans doute prendre le car tous les mercredis\n",
    )
    assert found.body.endswith("prendre le car tous les mercredis")


def test_standfirst_between_headline_and_body_kept() -> None:
    found = _page(
        "Varennes-sur-Brenne : la piscine municipale fermée pour deux ans, les clubs de natation déménagent\n\n"
        "Le conseil municipal a tranché après un long débat sur l'avenir du bassin\n\n"
        "Par Jeanne Morvan\n\n"
        "Publié le 30/09/2025 à 13h20\n\n"
    )
    assert found.body.startswith("Le conseil municipal a tranché")


def test_dangling_label_at_the_end_of_the_body_dropped() -> None:
    found = _page("Varennes : la piscine fermée pour deux ans\n\n", "Weitere Informationen:\n")
    assert found.body.endswith("ouvert plus tôt le matin.")


def test_name_like() -> None:
    assert tr.name_like("Le Soir du Brabant")
    assert tr.name_like("L'Écho des Dunes")
    assert not tr.name_like("Publié le 3")
    assert not tr.name_like("le conseil municipal")


def test_signature_with_slogan_after_the_body_credits_the_outlet() -> None:
    found = _page(
        "Varennes : la piscine fermée pour deux ans\n\n",
        "Radio Brenne, la voix de la vallée\n",
    )
    assert found.outlet == "Radio Brenne"
    assert _reasons(found)["Radio Brenne, la voix de la vallée"] == "credit"


def test_outlet_named_with_and_without_its_article_is_one_outlet() -> None:
    text = (
        "THE MARSH GAZETTE\n\n"
        "Council votes to close the town swimming pool\n\n"
        "By Marsh Gazette staff\n\n"
        "The town council of Eastmere voted on Tuesday to close the municipal swimming pool for two years of repairs.\n"
        "The mayor said the pool was losing several cubic metres of water every day and could not stay open.\n"
        "(Nordpress) Swimming clubs will train in the neighbouring village, whose pool opens earlier in the morning.\n"
    )
    assert extract_text(text).outlet == "The Marsh Gazette"


def test_credits_with_and_without_the_article_are_added_up() -> None:
    from collections import Counter

    from recoupe.extract.plaintext import _outlet

    credits = Counter({"Nordpress": 3, "The Marsh Gazette": 2, "Marsh Gazette": 2})
    assert _outlet(credits) == "The Marsh Gazette"


def test_caption_written_twice_and_doubled_link_card_removed() -> None:
    found = _page(
        "Varennes : la piscine fermée pour deux ans\n\n",
        "La maire devant le bassin.\nLa maire devant le bassin.\n"
        "Le club de natation cherche un bassin Le club de natation cherche un bassin\n",
    )
    assert "devant le bassin" not in found.body and "cherche un bassin" not in found.body
    assert _reasons(found)["La maire devant le bassin."] == "caption"


def test_repeated_headline_is_not_a_caption() -> None:
    found = _page(
        "Varennes : la piscine fermée pour deux ans\n<h1>Varennes : la piscine fermée pour deux ans</h1>\n\n"
    )
    assert found.title == "Varennes : la piscine fermée pour deux ans"


def test_image_file_names_and_bare_domains_removed_without_splitting_the_body() -> None:
    lines = PARAGRAPHS.splitlines()
    text = (
        "Varennes : la piscine fermée pour deux ans\n\n"
        f"{lines[0]}\n\nbassin_vide_varennes_2025.jpg\n\nnatation-club-varennes-bassin\n\n"
        f"{lines[1]}\n\n{lines[2]}\n\nVIGIEDEBRENNE.COM\n"
    )
    found = extract_text(text)
    assert found.body.split("\n\n") == lines
    assert _reasons(found)["bassin_vide_varennes_2025.jpg"] == "caption"


def test_site_promotion_sentences_removed() -> None:
    found = _page(
        "Varennes : la piscine fermée pour deux ans\n\n",
        "Pour suivre toute l'actualité, téléchargez l'application de La Vigie de Brenne sur votre téléphone.\n"
        "For the latest stories and breaking news updates download the Marsh Gazette apps for iOS and Android.\n",
    )
    assert found.body.endswith("ouvert plus tôt le matin.")
