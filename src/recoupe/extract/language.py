"""Language identification of article text with py3langid."""

from __future__ import annotations

from functools import lru_cache

import py3langid

#: Below this many letters a language guess is noise; the article keeps ``None``.
MIN_LETTERS = 20


@lru_cache(maxsize=1)
def _identifier() -> py3langid.langid.LanguageIdentifier:
    """The normalised-probability identifier, built once (loading the model takes ~0.1 s)."""
    return py3langid.langid.LanguageIdentifier.from_model_file(
        py3langid.langid.MODEL_FILE, norm_probs=True
    )


def detect_language(text: str, min_confidence: float = 0.5) -> str | None:
    """ISO 639-1 code of the language of ``text``, or ``None`` when too short or unsure."""
    if sum(ch.isalpha() for ch in text[:2000]) < MIN_LETTERS:
        return None
    lang, prob = _identifier().classify(text[:20000])
    return str(lang) if prob >= min_confidence else None
