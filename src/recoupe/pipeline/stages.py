"""Bring every later stage up to date with the articles in the store."""

from __future__ import annotations

from dataclasses import dataclass

from recoupe.nlp import NlpConfig
from recoupe.pipeline.annotate import BatchHook, annotate_pending
from recoupe.pipeline.link import link_pending
from recoupe.pipeline.narrate import narrate_pending
from recoupe.store import Store


@dataclass(frozen=True)
class UpdateReport:
    """How many articles each stage read in this run."""

    annotated: int
    linked: int
    narrated: int


def update(
    store: Store,
    config: NlpConfig | None = None,
    on_annotated: BatchHook | None = None,
    on_linked: BatchHook | None = None,
) -> UpdateReport:
    """Annotate, link, then narrate everything that a stage has not seen yet."""
    annotated = annotate_pending(store, config, on_batch=on_annotated)
    linked = link_pending(store, on_batch=on_linked)
    return UpdateReport(annotated=annotated, linked=linked, narrated=narrate_pending(store))
