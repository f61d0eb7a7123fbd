"""Fixtures for the nlp stage: the French pipeline is loaded once per test session."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from recoupe.model import Article, content_hash
from recoupe.nlp import Annotation, Annotator, LanguagePacks, NlpConfig


@pytest.fixture(scope="session")
def packs() -> LanguagePacks:
    """Language packs shared by every nlp test (one spaCy load)."""
    return LanguagePacks(NlpConfig())


@pytest.fixture(scope="session")
def nlp(packs: LanguagePacks) -> Language:
    """The French pipeline with recoupe's components."""
    pipeline = packs.get("fr")
    assert pipeline is not None
    return pipeline


def make_article(body: str, ident: str = "a1", language: str | None = "fr") -> Article:
    """A fictional article with ``body`` as its clean text."""
    return Article(
        origin=f"test:{ident}",
        content_hash=content_hash(body),
        body=body,
        title=None,
        outlet=None,
        published=None,
        language=language,
        id=ident,
    )


@pytest.fixture
def annotate(packs: LanguagePacks) -> Callable[[str], Annotation]:
    """Annotate one fictional French text with a fresh resolver and the shared pipeline."""

    def run(body: str) -> Annotation:
        annotator = Annotator(NlpConfig())
        annotator.packs = packs
        return annotator.annotate([make_article(body)])[0]

    return run
