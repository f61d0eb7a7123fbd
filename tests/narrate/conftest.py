"""Fictional French articles for the narrate tests (written for these tests)."""

from __future__ import annotations

import datetime as dt

from recoupe.model import Article, Removal


def make(
    aid: int,
    body: str,
    outlet: str | None = None,
    published: dt.date | dt.datetime | None = None,
    removed: list[Removal] | None = None,
    raw: str = "",
) -> Article:
    """An article with store id ``aid``."""
    return Article(
        origin=f"test://{aid}",
        content_hash=f"h{aid}",
        body=body,
        title=None,
        outlet=outlet,
        published=published,
        language="fr",
        removed=removed or [],
        raw=raw.encode(),
        id=aid,
    )
