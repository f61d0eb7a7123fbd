"""The ``nlp`` stage's entry point: articles in, entity mentions and attributed quotes out.

``Annotator(config).annotate(articles)`` parses articles in batches per language
(``nlp.pipe``), finds mentions and quotes, and merges every mention into the canonical
entities of its :class:`~recoupe.nlp.variants.EntityResolver` (kept across calls, so
annotation is incremental). Articles in a language with no pipeline come back with a note
and nothing else.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from recoupe.model import Article, Entity, Mention, Quote
from recoupe.nlp import docindex, gazetteer
from recoupe.nlp.gazetteer import fold, strip_article
from recoupe.nlp.marks import find_marks
from recoupe.nlp.mentions import DocMention, doc_mentions
from recoupe.nlp.packs import LanguagePacks, NlpConfig
from recoupe.nlp.quotes import find_quotes
from recoupe.nlp.speakers import ArticleSpeakers
from recoupe.nlp.variants import EntityResolver, LocalEntity, cluster_article, fuller


@dataclass
class Annotation:
    """What the ``nlp`` stage found in one article (offsets index ``article.body``)."""

    article_id: int | str
    language: str | None
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    note: str | None = None


def article_key(article: Article) -> int | str:
    """The id an annotation refers to: the stored id, else the content hash."""
    return article.id if article.id is not None else article.content_hash


class Annotator:
    """Runs the French (or configured) pipelines and resolves entities across articles."""

    def __init__(
        self, config: NlpConfig | None = None, resolver: EntityResolver | None = None
    ) -> None:
        self.config = config or NlpConfig()
        self.packs = LanguagePacks(self.config)
        self.resolver = resolver or EntityResolver()

    @property
    def entities(self) -> dict[str, Entity]:
        """Canonical entities seen so far, by id."""
        return self.resolver.entities

    def annotate(self, articles: Iterable[Article]) -> list[Annotation]:
        """Annotate ``articles`` (in input order), batching each language through spaCy."""
        items = list(articles)
        results: dict[int, Annotation] = {}
        by_lang: dict[str, list[int]] = {}
        for i, art in enumerate(items):
            by_lang.setdefault(art.language or self.config.default_language, []).append(i)
        for lang, idxs in by_lang.items():
            nlp = self.packs.get(lang)
            if nlp is None:
                note = self.packs.skip_note(lang)
                results.update(
                    {i: Annotation(article_key(items[i]), lang, note=note) for i in idxs}
                )
                continue
            texts = (items[i].body for i in idxs)
            docs = nlp.pipe(
                texts, batch_size=self.config.batch_size, n_process=self.config.n_process
            )
            for i, doc in zip(idxs, docs, strict=True):
                results[i] = self.annotate_doc(article_key(items[i]), doc, lang)
        return [results[i] for i in range(len(items))]

    def annotate_doc(
        self, article_id: int | str, doc: Doc, language: str | None = "fr"
    ) -> Annotation:
        """Mentions and quotes of one parsed document, merged into the corpus entities."""
        found = doc_mentions(doc)
        local, assign = cluster_article([(m.kind, m.name, m.country, m.role) for m in found])
        ids = self.resolver.resolve(article_id, local)
        mentions = [
            Mention(
                article_id,
                m.start,
                m.end,
                docindex.text(doc)[m.start : m.end],
                m.kind,
                m.name,
                ids[assign[k]],
                m.country,
                m.role,
            )
            for k, m in enumerate(found)
        ]
        surfaces = [(assign[k], m.kind, _surface(m)) for k, m in enumerate(found)]
        names = _display_names(local, surfaces)
        quotes = self._quotes(
            article_id, doc, ArticleSpeakers(found, assign, _quoted(doc)), names, ids
        )
        return Annotation(article_id, language, mentions, quotes)

    def _quotes(
        self,
        article_id: int | str,
        doc: Doc,
        speakers: ArticleSpeakers,
        names: list[str],
        ids: list[str],
    ) -> list[Quote]:
        out = []
        for n, f in enumerate(find_quotes(doc)):
            who = speakers.resolve(f.speaker, (f.start, f.end))
            entity = who.entity if who else None
            name = (
                names[entity] if entity is not None else (who.name or who.phrase if who else None)
            )
            cue = docindex.text(doc)[f.cue[0] : f.cue[1]] if f.cue else None
            out.append(
                Quote(
                    f"{article_id}-q{n + 1:02d}",
                    article_id,
                    name,
                    ids[entity] if entity is not None else None,
                    docindex.text(doc)[f.start : f.end],
                    f.kind,
                    cue,
                    f.start,
                    f.end,
                    who.start if who else None,
                    who.end if who else None,
                )
            )
        return out


def _display_names(local: list[LocalEntity], surfaces: list[tuple[int, str, str]]) -> list[str]:
    """How each local entity is named in the article: a person by the fullest name, anything
    else by its fullest surface form ("Vatican", not the CLDR name of the state)."""
    names = [e.name for e in local]
    for idx, kind, text in surfaces:
        if kind != "PER":
            names[idx] = text if names[idx] == local[idx].name else fuller(names[idx], text)
        elif text != local[idx].name:
            names[idx] = fuller(names[idx], text)
    # One apostrophe in canonical names, whichever the article's typography used.
    return [name.replace("’", "'") for name in names]


def _surface(mention: DocMention) -> str:
    """A mention as written, except capitals and seats of power, named by their state."""
    text = mention.span.text
    if mention.kind == "PER":
        return _with_particle(mention.span)
    short_form = fold(mention.name).endswith(" " + fold(strip_article(text)))
    if (
        mention.kind == "GPE"
        and mention.span._.canonical
        and gazetteer.country(text) is None
        and not short_form  # "Vatican" for "État de la Cité du Vatican" stays as written
    ):
        return mention.name
    return strip_article(text)


_PARTICLES = ("de la ", "de ", "du ", "d'", "d’")


def _with_particle(span: Span) -> str:
    """A person's name with a nobiliary particle the model cut off ("Anne-Colombe" + "de la
    Taille"): the particle and the capitalised words right after the name."""
    doc, end = span.doc, span.end
    rest = doc.text[span.end_char : span.end_char + 8]
    particle = next((p for p in _PARTICLES if rest.startswith(" " + p)), None)
    if particle is None:
        return strip_article(span.text)
    end = span.end + len(particle.replace("'", "' ").split())
    if end >= len(doc) or not doc[end].is_title:
        return strip_article(span.text)
    while end < len(doc) and doc[end].is_title:
        end += 1
    return strip_article(doc[span.start : end].text)


def _quoted(doc: Doc) -> list[tuple[int, int]]:
    """Character spans inside quote marks: names there are quoted, not antecedents."""
    return [(m.open, m.close) for m in find_marks(docindex.text(doc))]
