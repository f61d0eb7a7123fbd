"""The JSON records that exports and the API share, one function per kind of record."""

from __future__ import annotations

from typing import Any

from recoupe.model import Article


def article_record(article: Article) -> dict[str, Any]:
    """An article as exported: identity, provenance, metadata and clean body."""
    return {
        "id": article.id,
        "origin": article.origin,
        "url": article.url,
        "outlet": article.outlet,
        "title": article.title,
        "published": article.published_iso,
        "published_evidence": article.published_evidence,
        "language": article.language,
        "content_hash": article.content_hash,
        "body": article.body,
    }
