"""recoupe.nlp stage: French entities, name variants and attributed quotes.

Entry points: :class:`Annotator` (articles → :class:`Annotation` with mentions and quotes),
:class:`EntityResolver` (canonical entities across the corpus, serialisable) and
:class:`NlpConfig`.
"""

from recoupe.nlp.annotate import Annotation, Annotator, article_key
from recoupe.nlp.packs import LanguagePacks, NlpConfig, load_french
from recoupe.nlp.variants import EntityResolver

__all__ = [
    "Annotation",
    "Annotator",
    "EntityResolver",
    "LanguagePacks",
    "NlpConfig",
    "article_key",
    "load_french",
]
