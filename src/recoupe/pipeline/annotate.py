"""Run the nlp stage over the articles it has not read: entities, quotes, actions, lemmas.

Each article is parsed once; the same spaCy ``Doc`` feeds the entity and quote annotator,
the PLOVER coder and the lemmas that the link stage reuses. Batches are committed together
with the entity resolver's state, so a killed run resumes without losing or doubling work.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from recoupe.model import Article
from recoupe.nlp import Annotator, EntityResolver, NlpConfig
from recoupe.store import ArticleAnnotations, Store

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from recoupe.nlp.plover import PloverCoder

#: Articles parsed and committed together.
NLP_BATCH = 64

#: Called after each committed batch with the number of articles it held.
BatchHook = Callable[[int], None]


def annotate_pending(
    store: Store,
    config: NlpConfig | None = None,
    batch_size: int = NLP_BATCH,
    on_batch: BatchHook | None = None,
) -> int:
    """Annotate every article the nlp stage has not read yet; returns how many it read."""
    state = store.load_state("entities")
    resolver = EntityResolver.from_dict(state) if state else EntityResolver()
    annotator = Annotator(config, resolver)
    coders: dict[str, PloverCoder | None] = {}
    done = 0
    while ids := store.unannotated(batch_size):
        found = [
            _annotate_group(annotator, coders, language, group)
            for language, group in _by_language(store.articles_by_id(ids), annotator).items()
        ]
        batch = [item for group in found for item in group]
        touched = {m.key for item in batch for m in item.mentions if m.key}
        entities = [annotator.entities[k] for k in sorted(touched) if k in annotator.entities]
        store.save_annotations(batch, entities, resolver.to_dict())
        done += len(batch)
        if on_batch:
            on_batch(len(batch))
    return done


def _by_language(articles: list[Article], annotator: Annotator) -> dict[str, list[Article]]:
    groups: dict[str, list[Article]] = {}
    for article in articles:
        groups.setdefault(article.language or annotator.config.default_language, []).append(article)
    return groups


def _annotate_group(
    annotator: Annotator,
    coders: dict[str, PloverCoder | None],
    language: str,
    group: list[Article],
) -> list[ArticleAnnotations]:
    nlp = annotator.packs.get(language)
    if nlp is None:
        note = annotator.packs.skip_note(language)
        return [ArticleAnnotations(_id(a), language, note=note) for a in group]
    coder = coders.setdefault(language, _coder(nlp, language))
    docs = nlp.pipe((a.body for a in group), batch_size=annotator.config.batch_size)
    return [
        _annotate_one(annotator, coder, article, doc, language)
        for article, doc in zip(group, docs, strict=True)
    ]


def _annotate_one(
    annotator: Annotator,
    coder: PloverCoder | None,
    article: Article,
    doc: Doc,
    language: str,
) -> ArticleAnnotations:
    found = annotator.annotate_doc(_id(article), doc, language)
    actions = []
    if coder is not None:
        actions = coder.code(
            doc, article_id=_id(article), date=article.published_day, mentions=found.mentions
        )
    return ArticleAnnotations(
        article_id=_id(article),
        language=language,
        note=found.note,
        lemmas=content_lemmas(doc),
        mentions=found.mentions,
        quotes=found.quotes,
        actions=[a for a in actions if not a.negated],
    )


def content_lemmas(doc: Doc) -> list[str]:
    """Lower-cased lemmas of the content words of ``doc`` (what event similarity compares)."""
    return [
        t.lemma_.lower()
        for t in doc
        if t.is_alpha and not t.is_stop and t.pos_ in {"NOUN", "PROPN", "VERB", "ADJ"}
    ]


def _coder(nlp: Language, language: str) -> PloverCoder | None:
    """The PLOVER coder, for French only: its trigger lexicon is French."""
    if language != "fr":
        return None
    from recoupe.nlp.plover import PloverCoder

    return PloverCoder(nlp)


def _id(article: Article) -> int:
    if article.id is None:
        raise ValueError(f"{article.origin}: an article must be stored before annotation")
    return article.id
