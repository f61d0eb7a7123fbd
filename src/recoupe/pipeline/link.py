"""Run the link stage over articles not placed yet: wire copies, events, stories.

Articles are fed in publication order (undated ones last; within a batch, an undated article
whose text bounds its date takes the place of that bound) to the incremental
:class:`~recoupe.link.linker.Linker`, whose state is saved with every batch of decisions.
"""

from __future__ import annotations

from recoupe.link.linker import Linker, link_input, stream_order
from recoupe.pipeline.annotate import BatchHook
from recoupe.store import Store

#: Articles placed and committed together.
LINK_BATCH = 256


def link_pending(
    store: Store, batch_size: int = LINK_BATCH, on_batch: BatchHook | None = None
) -> int:
    """Place every article not yet in an event; returns how many were placed."""
    state = store.load_state("linker")
    linker = Linker.from_state(state) if state else Linker()
    done = 0
    while ids := store.unlinked(batch_size):
        lemmas, entities = store.link_features(ids)
        inputs = stream_order(
            link_input(a, lemmas.get(i), entities.get(i))
            for i, a in zip(ids, store.articles_by_id(ids), strict=True)
        )
        placed = linker.partial_fit(inputs)
        store.save_links(placed, linker.export_events(), linker.export_stories(), linker.to_state())
        done += len(placed)
        if on_batch:
            on_batch(len(placed))
    return done
