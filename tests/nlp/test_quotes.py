"""Who said what: direct, indirect and mixed quotes with their speakers (fictional texts)."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from recoupe.model import Quote
from recoupe.nlp import Annotation, cues

Annotate = Callable[[str], Annotation]


def only(ann: Annotation, fragment: str) -> Quote:
    hits = [q for q in ann.quotes if fragment in q.text]
    assert len(hits) == 1, [q.text for q in ann.quotes]
    return hits[0]


def test_direct_quote_with_incise(annotate: Annotate) -> None:
    body = "« Nous ne fermerons pas l'usine », a déclaré mardi Hélène Vasseur, maire de Valmont."
    ann = annotate(body)
    q = only(ann, "usine")
    assert q.kind == "direct"
    assert q.text == "Nous ne fermerons pas l'usine"
    assert body[q.start : q.end] == q.text
    assert q.speaker == "Hélène Vasseur"
    assert q.cue == "a déclaré"


def test_pronoun_speaker_after_name(annotate: Annotate) -> None:
    body = (
        "Le maire de Valmont, Paul Morel, a reçu les syndicats lundi.\n"
        "« Le dialogue reprendra dès jeudi », a-t-il précisé."
    )
    q = only(annotate(body), "dialogue")
    assert q.speaker == "Paul Morel"
    assert q.cue == "a-t-il précisé"


def test_role_noun_points_to_named_spokesperson(annotate: Annotate) -> None:
    body = (
        "Le porte-parole du ministère de la Mer, Yann Le Goff, a confirmé la fermeture du port.\n"
        "La zone restera interdite jusqu'à nouvel ordre, a ajouté le porte-parole."
    )
    q = only(annotate(body), "zone restera")
    assert q.kind == "indirect"
    assert q.speaker == "Yann Le Goff"


def test_indirect_que_clause(annotate: Annotate) -> None:
    body = "Claire Dumas a affirmé que la digue de Kerlouan tiendrait jusqu'au printemps."
    q = only(annotate(body), "digue")
    assert q.kind == "indirect"
    assert q.text == "la digue de Kerlouan tiendrait jusqu'au printemps"
    assert q.speaker == "Claire Dumas"


def test_source_frame_selon(annotate: Annotate) -> None:
    body = "Selon Marc Aubert, les travaux commenceront au mois de mars."
    q = only(annotate(body), "travaux")
    assert (q.kind, q.cue, q.speaker) == ("indirect", "Selon", "Marc Aubert")


def test_mixed_quote_inside_reported_clause(annotate: Annotate) -> None:
    body = "Julie Martel a estimé que ce projet était « une erreur coûteuse » pour la commune."
    q = only(annotate(body), "erreur")
    assert q.kind == "mixed"
    assert q.text.startswith("ce projet") and "«" in q.text
    assert q.speaker == "Julie Martel"


def test_partial_quote_after_speech_verb(annotate: Annotate) -> None:
    body = "Le syndicaliste Hugo Berthier dénonce « une provocation » de la direction."
    q = only(annotate(body), "provocation")
    assert q.kind == "direct"
    assert q.speaker == "Hugo Berthier"


def test_quote_over_several_sentences_is_one_quote(annotate: Annotate) -> None:
    body = "« Le pont est fermé. Les secours sont prêts. Restez chez vous », a lancé Léa Roux."
    ann = annotate(body)
    assert len(ann.quotes) == 1
    assert ann.quotes[0].text.count(".") == 2
    assert ann.quotes[0].speaker == "Léa Roux"


def test_incise_splits_a_quote_in_two(annotate: Annotate) -> None:
    body = "« Nous attendrons, a-t-elle expliqué. Mais pas plus d'une semaine. »"
    ann = annotate("Anne Caradec a pris la parole.\n" + body)
    texts = [q.text for q in ann.quotes]
    assert texts == ["Nous attendrons", "Mais pas plus d'une semaine."]
    assert {q.speaker for q in ann.quotes} == {"Anne Caradec"}


def test_tweet_embed_and_title_are_not_quotes(annotate: Annotate) -> None:
    body = (
        "Le ministre Louis Garnier a présenté son plan.\n"
        "« Un plan pour tous ! » pic.twitter.com/AbCdEf\n"
        "— Louis Garnier (@lgarnier) 3 mars 2021\n"
        "Il a cité le roman « La Mer des brumes » pendant la conférence."
    )
    ann = annotate(body)
    assert not any("plan pour tous" in q.text or "brumes" in q.text for q in ann.quotes)


def test_negated_report_is_not_a_quote(annotate: Annotate) -> None:
    ann = annotate("Le préfet Jean Caron n'a pas indiqué que la route rouvrirait.")
    assert ann.quotes == []


def test_quote_speaker_links_to_canonical_entity(annotate: Annotate) -> None:
    ann = annotate("Maël Quéré, député, a pris la parole. « Je voterai contre », a dit M. Quéré.")
    q = only(ann, "voterai")
    mention = next(m for m in ann.mentions if m.text == "Maël Quéré")
    assert q.speaker_entity_id == mention.key


def test_a_quoted_fragment_in_a_reported_clause_is_stored_once(annotate: Annotate) -> None:
    text = (
        "La ministre Claire Sorel a regretté « une décision hâtive », tout en assurant que "
        "« la porte de Valmont reste ouverte ». Les élus se réuniront demain."
    )
    quotes = annotate(text).quotes
    spans = [(q.start, q.end) for q in quotes]
    assert len(spans) == len(set(spans))
    assert any("la porte de Valmont reste ouverte" in q.text for q in quotes)


def test_an_adjunct_parsed_as_subject_is_not_the_speaker() -> None:
    # The parse of "À l'issue de la réunion, Claire Sorel a déclaré que …" as the pipeline
    # sometimes gets it: "issue" (with its preposition) as the subject of "déclaré".
    words = ["A", "l'", "issue", "de", "la", "réunion", ",", "Claire", "Sorel", "a", "déclaré",
             "que", "le", "chantier", "reprendra", "."]
    heads = [2, 2, 10, 5, 5, 2, 10, 10, 7, 10, 10, 14, 13, 14, 10, 10]
    deps = ["case", "det", "nsubj", "case", "det", "nmod", "punct", "obl:mod", "flat:name",
            "aux:tense", "ROOT", "mark", "det", "nsubj", "ccomp", "punct"]
    pos = ["ADP", "DET", "NOUN", "ADP", "DET", "NOUN", "PUNCT", "PROPN", "PROPN", "AUX", "VERB",
           "SCONJ", "DET", "NOUN", "VERB", "PUNCT"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos,
              sent_starts=[True] + [False] * (len(words) - 1))
    doc.ents = [Span(doc, 7, 9, label="PER")]
    subject = cues.subject_span(doc[10])
    assert subject is not None and subject.text == "Claire Sorel"


def test_the_determiner_genders_an_epicene_role(annotate: Annotate) -> None:
    body = (
        "« Nous ne pouvons pas poursuivre », a déclaré le secrétaire d'État, Paul Ferrand, dans "
        "un communiqué. Valmont a convoqué l'ambassadrice, Inès Roussel, pour lui faire part de "
        "son « profond mécontentement ».\n\nCôté français, on assume. La ministre des Affaires "
        "étrangères Claire Sorel a regretté « une décision précipitée ». Selon elle, une "
        "trentaine de licences pourraient être débloquées « en quelques jours »."
    )
    q = only(annotate(body), "une trentaine de licences")
    assert q.speaker == "Claire Sorel"
