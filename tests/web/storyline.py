"""A small fictional news story for the later-stage pages: articles the real pipeline reads.

Everything here is invented for the tests: towns, people and outlets. The articles are
written as JSON Lines and go through :func:`recoupe.pipeline.ingestion` and
:func:`recoupe.pipeline.stages`, so entities, quotes, actions, events and stories are the
ones the stages really find.
"""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import update as sql_update

from recoupe.pipeline import ingest, update
from recoupe.store import Store
from recoupe.store.schema import entities, quotes

#: A quote that is markup: it must show as text wherever a page shows quotes.
HOSTILE_QUOTE = "<script>window.__pwnedQuote=1</script> nous ne céderons pas"
#: An entity name that is markup: it must show as text on its page and in the API.
HOSTILE_ENTITY = 'Odile <img src=x onerror="window.__pwnedEntity=1">Ferrand'

#: (outlet, published, title, text) of the fictional articles.
STORYLINE = [
    (
        "Le Courrier de Valmont",
        "2024-05-06",
        "Sommet de Valmont : la France et l'Allemagne discutent du canal",
        "Le président français Aurélien Marchetti a reçu lundi à Valmont le chancelier "
        "allemand Friedrich Oberholz pour discuter du projet de canal du Rhin.\n\n"
        "« Ce canal est une chance pour nos deux pays », a déclaré Aurélien Marchetti "
        "devant la presse.\n\n"
        "La France a proposé à l'Allemagne un financement commun du chantier.",
    ),
    (
        "La Gazette d'Essai",
        "2024-05-06",
        "À Valmont, Marchetti et Oberholz parlent du canal du Rhin",
        "Le chancelier allemand Friedrich Oberholz est arrivé lundi à Valmont, où le "
        "président français Aurélien Marchetti l'a accueilli pour un sommet sur le canal "
        "du Rhin.\n\n"
        "« Nous voulons un accord avant l'été », a affirmé Friedrich Oberholz.\n\n"
        "La France a proposé à l'Allemagne de partager le coût du canal.",
    ),
    (
        "Le Courrier de Valmont",
        "2024-05-09",
        "Canal du Rhin : la France et l'Allemagne signent un accord à Valmont",
        "La France et l'Allemagne ont signé jeudi à Valmont un accord sur le canal du "
        "Rhin, après trois jours de négociations.\n\n"
        "« C'est un jour historique pour le Rhin », a déclaré Aurélien Marchetti.\n\n"
        "Le chancelier Friedrich Oberholz a salué un compromis équilibré.",
    ),
    (
        "La Gazette d'Essai",
        "2024-05-09",
        "Accord sur le canal du Rhin signé à Valmont par Paris et Berlin",
        "Paris et Berlin ont signé jeudi à Valmont l'accord sur le canal du Rhin, au terme "
        "de trois jours de négociations.\n\n"
        f"« {HOSTILE_QUOTE} », a lancé Friedrich Oberholz aux opposants du projet.\n\n"
        "Le président Aurélien Marchetti a remercié l'Allemagne.",
    ),
    (
        "Le Courrier de Valmont",
        "2024-05-20",
        "Crue de la Sarre : les digues de Kerlouan ont tenu",
        "La crue de la Sarre a atteint son maximum dans la nuit de dimanche, sans rompre "
        "les digues de Kerlouan.\n\n"
        "« L'eau baisse lentement », a indiqué la maire de Kerlouan, Odile Ferrand.\n\n"
        "Les habitants évacués ont pu regagner leur domicile lundi.",
    ),
]


def write_storyline(folder: Path) -> Path:
    """The fictional articles as one JSON Lines file in ``folder``; returns its path."""
    path = folder / "storyline.jsonl"
    lines = [
        json.dumps(
            {"url": f"https://fiction.example/{n}", "outlet": outlet, "published": day,
             "title": title, "text": text, "language": "fr"},
            ensure_ascii=False,
        )
        for n, (outlet, day, title, text) in enumerate(STORYLINE)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def build_story_store(store: Store, folder: Path) -> None:
    """Ingest the fictional articles into ``store`` and run every later stage on them."""
    ingest([write_storyline(folder)], store)
    update(store)


def make_hostile(store: Store) -> None:
    """Give one quote and one entity markup for text, as a hostile input could.

    The input readers strip tags from text, so the pipeline alone cannot produce them; the
    pages must escape whatever the store holds all the same.
    """
    with store.engine.begin() as conn:
        conn.execute(sql_update(quotes).where(quotes.c.cue == "a lancé").values(text=HOSTILE_QUOTE))
        conn.execute(
            sql_update(entities).where(entities.c.name == "Odile Ferrand").values(
                name=HOSTILE_ENTITY, aliases=[HOSTILE_ENTITY, "Odile Ferrand"]
            )
        )
