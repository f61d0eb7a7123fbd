"""Shared fixtures: small fictional French articles written for these tests."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from recoupe.pipeline import ingest, update
from recoupe.store import Store

DEMO = Path(__file__).resolve().parents[1] / "examples" / "demo"
DEMO_GOLD = json.loads((DEMO / "gold.json").read_text(encoding="utf-8"))

TOWNS = ["Valmont", "Saint-Aubrac", "Kerlouan", "Montferrier", "Belcastel", "Orvilliers"]
TOPICS = [
    ("la grève des dockers", "le syndicat des dockers", "les salaires"),
    ("la crue de la Sarre", "la préfecture", "les digues"),
    ("le procès du maire", "le tribunal correctionnel", "les marchés publics"),
    ("la négociation sur le cessez-le-feu", "le ministère des Affaires étrangères", "la trêve"),
]


def article_text(n: int) -> str:
    """A plausible, unique fictional article (title line, then paragraphs) numbered ``n``."""
    town = TOWNS[n % len(TOWNS)]
    topic, actor, issue = TOPICS[n % len(TOPICS)]
    return (
        f"À {town}, {topic} entre dans son {n + 2}e jour\n\n"
        f"Les habitants de {town} suivent de près {topic}, qui dure depuis {n + 2} jours. "
        f"Selon {actor}, aucune issue n'est attendue avant la fin de la semaine.\n\n"
        f"« Nous ne céderons rien sur {issue} », a déclaré mardi Hélène Vasseur, "
        f"porte-parole de {actor}, devant une centaine de personnes réunies place du Marché. "
        f"Elle a ajouté que le dossier numéro {1000 + n} serait examiné jeudi.\n\n"
        f"La situation reste tendue, et les commerçants de {town} disent craindre "
        f"des pertes importantes si rien ne change d'ici la fin du mois.\n"
    )


def write_articles(folder: Path, count: int, start: int = 0) -> list[Path]:
    """Write ``count`` fictional articles as UTF-8 text files into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(start, start + count):
        path = folder / f"article_{n:05d}.txt"
        path.write_text(article_text(n), encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A folder of six fictional plain-text articles."""
    folder = tmp_path / "corpus"
    write_articles(folder, 6)
    return folder


def demo_key(origin: str) -> str:
    """The gold file's key of an article origin: its path under the demo corpus + fragment."""
    path, _, fragment = origin.partition("#")
    relative = Path(path).resolve().relative_to((DEMO / "corpus").resolve()).as_posix()
    return f"{relative}#{fragment}" if fragment else relative


@pytest.fixture(scope="session")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """The demo corpus ingested and analysed once (all stages) into a fresh store."""
    with Store(tmp_path_factory.mktemp("demo") / "demo.db") as store:
        report = ingest([DEMO / "corpus"], store, jobs=2)
        assert report.rejected == [], report.rejected
        update(store)
        yield store
