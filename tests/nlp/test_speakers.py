"""Speaker attribution beyond names: roles, demonyms, organisations, pronouns (fictional)."""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language

from recoupe.model import Quote
from recoupe.nlp import Annotation, cues

Annotate = Callable[[str], Annotation]


def only(ann: Annotation, fragment: str) -> Quote:
    hits = [q for q in ann.quotes if fragment in q.text]
    assert len(hits) == 1, [q.text for q in ann.quotes]
    return hits[0]


def test_role_noun_is_the_person_the_previous_sentence_introduced(annotate: Annotate) -> None:
    body = (
        "Marc Blanc a quitté la séance du conseil régional avant le vote.\n"
        "Le texte a finalement été défendu par Odile Ferrand.\n"
        "La nouvelle présidente de la région a estimé que le budget serait voté en mars."
    )
    q = only(annotate(body), "budget")
    assert q.speaker == "Odile Ferrand"


def test_demonym_points_to_the_person_named_before(annotate: Annotate) -> None:
    body = (
        "Tom Walker a remporté mardi la douzième étape du tour de Bretagne.\n"
        "Le Canadien a affirmé qu'il reviendrait l'an prochain avec son équipe."
    )
    q = only(annotate(body), "reviendrait")
    assert q.speaker == "Tom Walker"


def test_described_organisation_is_named_by_its_description(annotate: Annotate) -> None:
    body = "Le gouvernement islandais a annoncé qu'il doublerait les aides aux pêcheurs."
    q = only(annotate(body), "doublerait")
    assert q.speaker is not None
    assert q.speaker.lower() == "gouvernement islandais"


def test_spokesperson_of_unnamed_body_speaks_for_it(annotate: Annotate) -> None:
    body = (
        "Un représentant du parquet de Quimper a indiqué que le suspect "
        "serait entendu jeudi par les enquêteurs."
    )
    q = only(annotate(body), "suspect")
    assert q.speaker is not None
    assert q.speaker.lower() == "parquet de quimper"


def test_bare_organisation_noun_takes_the_fuller_description(annotate: Annotate) -> None:
    body = (
        "Une enquête a été ouverte jeudi par le parquet de Quimper.\n"
        "Le parquet a précisé que trois personnes avaient été entendues."
    )
    q = only(annotate(body), "trois personnes")
    assert q.speaker is not None
    assert q.speaker.lower() == "parquet de quimper"


def test_pronoun_after_quote_is_the_person_introducing_it(annotate: Annotate) -> None:
    body = (
        "Paul Morel a ouvert la réunion publique lundi soir à Valmont.\n"
        "Puis vint le tour de Lucie Garnier : « Nous ne céderons rien sur le port », "
        "a-t-elle déclaré."
    )
    q = only(annotate(body), "céderons")
    assert q.speaker == "Lucie Garnier"


def test_two_coordinated_speakers_are_joined(annotate: Annotate) -> None:
    body = (
        "Paul Morel et Lucie Garnier ont affirmé que la digue de Valmont "
        "serait reconstruite avant l'hiver."
    )
    q = only(annotate(body), "digue")
    assert q.speaker == "Paul Morel et Lucie Garnier"


def test_role_noun_respects_grammatical_gender(annotate: Annotate) -> None:
    body = (
        "Le maire, Paul Morel, a inauguré le port de Valmont avec Mme Lucie Garnier.\n"
        "La ministre a assuré que l'État financerait la moitié des travaux."
    )
    q = only(annotate(body), "financerait")
    assert q.speaker == "Lucie Garnier"


def test_name_with_particle_is_kept_whole(annotate: Annotate) -> None:
    body = "« Le port rouvrira au printemps », a déclaré lundi Anne-Sophie de la Roche."
    q = only(annotate(body), "port rouvrira")
    assert q.speaker == "Anne-Sophie de la Roche"


def test_split_demonstrative_points_to_last_person(annotate: Annotate) -> None:
    body = (
        "Le juge a entendu Paul Morel mardi.\n"
        "Celui-ci a affirmé qu'il n'avait jamais signé le contrat de Valmont."
    )
    q = only(annotate(body), "contrat")
    assert q.speaker == "Paul Morel"


def test_title_then_name_in_apposition(annotate: Annotate) -> None:
    body = (
        "Le commandant de la garnison, le colonel Jean Roux a révélé que deux bateaux "
        "avaient quitté le port dans la nuit."
    )
    q = only(annotate(body), "bateaux")
    assert q.speaker == "Jean Roux"


def test_new_report_after_comma_ends_the_previous_one(annotate: Annotate) -> None:
    body = (
        "Alors que Paul Morel soutient que le port fermera, la maire Lucie Garnier "
        "a assuré que les quais resteraient ouverts tout l'été."
    )
    ann = annotate(body)
    first = only(ann, "port fermera")
    assert "Garnier" not in first.text
    assert first.speaker == "Paul Morel"
    assert only(ann, "quais").speaker == "Lucie Garnier"


def test_document_noun_speaks_for_the_organisation(annotate: Annotate) -> None:
    body = (
        "Le syndicat Force Ouvrière a publié un communiqué lundi.\n"
        "« Nous irons jusqu'au bout de cette affaire », ajoute le texte."
    )
    q = only(annotate(body), "jusqu'au bout")
    assert q.speaker == "Force Ouvrière"


def test_negation_on_another_verb_keeps_the_cue(nlp: Language) -> None:
    doc = nlp("Il n'a pas manqué de saluer la décision.")
    verb = next(t for t in doc if t.text == "saluer")
    assert not cues.negated(verb)
    doc = nlp("Il n'a pas salué la décision.")
    assert cues.negated(next(t for t in doc if t.text == "salué"))


def test_named_voice_speaks_for_the_body(annotate: Annotate) -> None:
    body = (
        "La préfecture assure, par la voix d'Alain Kerhervé, "
        "que la route de Brest rouvrira vendredi."
    )
    q = only(annotate(body), "route de Brest")
    assert q.speaker == "Alain Kerhervé"


def test_gerund_shares_the_incise_subject(annotate: Annotate) -> None:
    body = (
        "« Le port doit rester public », a estimé la maire Lucie Garnier, en soulignant "
        "que les pêcheurs de Valmont y travaillaient depuis un siècle."
    )
    q = only(annotate(body), "pêcheurs")
    assert q.speaker == "Lucie Garnier"


def test_colon_quote_is_the_clause_subject(annotate: Annotate) -> None:
    body = (
        "Paul Morel a quitté la mairie de Valmont en juin.\n"
        "Hier, il a préparé son retour : « Je serai candidat aux prochaines élections "
        "municipales »."
    )
    q = only(annotate(body), "candidat")
    assert q.speaker == "Paul Morel"


def test_pull_quote_signed_in_capitals(annotate: Annotate) -> None:
    body = (
        "Le débat sur le port de Valmont reprend au conseil municipal.\n"
        "« Le port doit rester ouvert toute l'année aux pêcheurs »\n"
        "LUCIE GARNIER, MAIRE DE VALMONT\n"
        "Le vote aura lieu en mars."
    )
    q = only(annotate(body), "toute l'année")
    assert q.speaker == "Lucie Garnier"


def test_coordinated_cue_takes_the_sentence_subject(annotate: Annotate) -> None:
    body = (
        "La gérante, poursuivie aussi pour fraude, nie avoir falsifié les comptes et dit "
        "avoir agi sur ordre de sa direction."
    )
    q = only(annotate(body), "sur ordre")
    assert q.speaker is not None
    assert "gérante" in q.speaker.lower()


def test_incise_without_comma_after_quote(annotate: Annotate) -> None:
    body = (
        "Paul Morel a ouvert le débat.\n"
        "« Rien ne justifie la fermeture du port » a ainsi affirmé la maire Lucie Garnier."
    )
    q = only(annotate(body), "fermeture")
    assert q.speaker == "Lucie Garnier"
    assert q.cue == "a ainsi affirmé"


def test_added_incise_pronoun_skips_a_man_for_the_last_speaker(annotate: Annotate) -> None:
    body = (
        "« Le port restera ouvert », a déclaré Mme Lucie Garnier.\n"
        "Paul Morel, le directeur du port, n'a pas souhaité commenter.\n"
        "« Nous verrons en mars », a-t-elle ajouté."
    )
    q = only(annotate(body), "verrons")
    assert q.speaker == "Lucie Garnier"
    assert q.cue == "a-t-elle ajouté"
