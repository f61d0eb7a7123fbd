"""Shared fixtures: small fictional French articles written for these tests."""

from __future__ import annotations

import itertools
import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import NullPool, create_engine, make_url

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


#: A PostgreSQL database to run the store, pipeline and web tests on too (a SQLAlchemy URL
#: such as ``postgresql+psycopg://user@127.0.0.1:5432/recoupe_test``), or unset: SQLite only.
POSTGRES = os.environ.get("RECOUPE_TEST_POSTGRES", "")
BACKENDS = ["sqlite", "postgresql"] if POSTGRES else ["sqlite"]
_schema_numbers = itertools.count()

#: What the ``new_db`` fixture gives: a function making the location of a new store.
NewDb = Callable[[str], str]


class Databases:
    """Fresh, isolated stores on one backend: SQLite files, or PostgreSQL schemas.

    Each PostgreSQL store is a schema of its own (``search_path`` is set in its URL, which
    other processes can open too); :meth:`drop` removes them all, so the server is left as
    it was found, and parallel or repeated runs never see each other's rows.
    """

    def __init__(self, backend: str, folder: Path) -> None:
        self.backend = backend
        self.folder = folder
        self.schemas: list[str] = []

    def new(self, name: str) -> str:
        """The location of a new, empty store (``name`` names the SQLite file)."""
        if self.backend == "sqlite":
            return str(self.folder / f"{name}.db")
        schema = f"recoupe_test_{os.getpid()}_{next(_schema_numbers)}"
        self._run(f'CREATE SCHEMA "{schema}"')
        self.schemas.append(schema)
        url = make_url(POSTGRES).update_query_dict({"options": f"-csearch_path={schema}"})
        return url.render_as_string(hide_password=False)

    def drop(self) -> None:
        """Drop every schema made here, with all it holds."""
        for schema in self.schemas:
            self._run(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        self.schemas.clear()

    @staticmethod
    def _run(statement: str) -> None:
        engine = create_engine(POSTGRES, poolclass=NullPool, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.exec_driver_sql(statement)
        engine.dispose()


@pytest.fixture(scope="session", params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """The database the store tests run on: ``sqlite``, and ``postgresql`` when configured."""
    return str(request.param)


@pytest.fixture(scope="session")
def session_dbs(backend: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Databases]:
    """Stores that live for the whole session (shared, read-only fixtures)."""
    databases = Databases(backend, tmp_path_factory.mktemp(f"stores-{backend}"))
    yield databases
    databases.drop()


@pytest.fixture
def new_db(backend: str, tmp_path: Path) -> Iterator[NewDb]:
    """Makes new stores for one test (``new_db("s")``), dropped after it."""
    databases = Databases(backend, tmp_path)
    yield databases.new
    databases.drop()


def demo_key(origin: str) -> str:
    """The gold file's key of an article origin: its path under the demo corpus + fragment."""
    path, _, fragment = origin.partition("#")
    relative = Path(path).resolve().relative_to((DEMO / "corpus").resolve()).as_posix()
    return f"{relative}#{fragment}" if fragment else relative


@pytest.fixture(scope="session")
def demo_store(session_dbs: Databases) -> Iterator[Store]:
    """The demo corpus ingested and analysed once (all stages) into a fresh store."""
    with Store(session_dbs.new("demo")) as store:
        report = ingest([DEMO / "corpus"], store, jobs=2)
        assert report.rejected == [], report.rejected
        update(store)
        yield store
