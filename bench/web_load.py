"""Web latency under load: p50/p99 of the story, event, search, home and article pages.

Builds a store of synthetic fictional French articles (10,000 by default, generated from
templates) with what the later stages store about them: entities, mentions, quotes and one
action per article (found by string search, standing in for the nlp stage), a few thousand
events in a few hundred stories (event sizes skewed, up to about a hundred articles), and
the narratives the real narrate stage writes for them. Serves it with ``recoupe serve`` on
127.0.0.1 in its own process, then sends a bounded number of requests per page kind from
concurrent clients (keep-alive HTTP/1.1 connections on plain asyncio streams) and prints
one JSON line with the figures, with the server's and the load generator's CPU time per
request. Stops by itself. Building takes several minutes (mostly the narrate stage): keep
the store with ``--db`` to measure it again.

    python bench/web_load.py [--articles 10000] [--stories 300] [--events 3000]
        [--clients 20] [--requests 1000] [--workers 1] [--cache 512]
        [--pages story,event,search,api_search,home,article] [--db PATH] [--build-only]

``--cache 0`` serves every request from the store (no response cache), which is the
service time of a page the cache has not seen.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import platform
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import httpx
import psutil

from recoupe.model import (
    Action,
    ActionActor,
    Article,
    Entity,
    Event,
    EventAssignment,
    Explanation,
    Mention,
    Quote,
    Removal,
    Story,
    content_hash,
)
from recoupe.pipeline.narrate import narrate_pending
from recoupe.store import ArticleAnnotations, Store

TOWNS = [
    "Valmont",
    "Saint-Aubrac",
    "Kerlouan",
    "Montferrier",
    "Belcastel",
    "Orvilliers",
    "Lormes",
    "Carvelle",
    "Pontrieux-sur-Lande",
    "Auberive",
    "Mirecourt-le-Haut",
    "Sévrac",
]
PEOPLE = [
    "Hélène Vasseur",
    "Bernard Tessier",
    "Gérard Lansac",
    "Nadia Berkane",
    "Paul Ferrand",
    "Claire Duvivier",
    "Yannick Le Goff",
    "Sophie Marchal",
    "Karim Haddad",
    "Inès Roussel",
]
ROLES = [
    "le maire",
    "la préfète",
    "le porte-parole du syndicat",
    "la ministre de l'Intérieur",
    "le président du conseil départemental",
    "l'avocate de la défense",
    "le directeur du port",
    "la secrétaire d'État",
]
TOPICS = [
    ("la grève des dockers", "les salaires", "la direction du port"),
    ("la crue de la rivière", "les digues", "la préfecture"),
    ("le procès du maire", "les marchés publics", "le tribunal correctionnel"),
    ("la fermeture de l'usine", "les emplois", "le groupe industriel"),
    ("la réforme des retraites", "l'âge de départ", "le gouvernement"),
    ("les négociations sur la pêche", "les licences", "les autorités britanniques"),
    ("la fuite de données médicales", "les mots de passe", "la plateforme de santé"),
    ("le projet d'éoliennes en mer", "le paysage", "le promoteur"),
]
OUTLETS = [
    "Le Courrier de Valmont",
    "La Gazette d'Essai",
    "Radio Nord Info",
    "L'Écho d'Aubrac",
    "Le Journal du Littoral",
    "Actu Continent",
    "Le Soir de Lande",
    "Ouest Fictif",
]
SENTENCES = [
    "Les habitants de {town} suivent de près {topic}, qui dure depuis {n} jours.",
    "« Nous ne céderons rien sur {issue} », a déclaré {person}, {role}, devant la mairie.",
    "Selon {actor}, aucune issue n'est attendue avant la fin de la semaine.",
    "{person} a reconnu mardi que {issue} restaient au cœur des discussions.",
    "Une réunion est prévue jeudi à {town} avec {actor}, a-t-on appris de source syndicale.",
    "Les commerçants de {town} disent craindre des pertes importantes d'ici la fin du mois.",
    "Le dossier numéro {n} sera examiné par {actor} lors d'une séance publique.",
    "Interrogé par nos soins, {role} a refusé de commenter les chiffres avancés.",
    "Plus de {n} personnes se sont rassemblées samedi devant la gare de {town}.",
    "L'opposition municipale dénonce « une gestion opaque » de {topic}.",
]
SEARCHES = [
    "grève",
    "negociations",
    "maire",
    "digues Valmont",
    "tribunal",
    '"marchés publics"',
    "Hélène Vasseur",
    "usine emplois",
    "pêche licences",
    "Kerlouan",
    "retraites",
    "données médicales",
]

#: The quote sentence of :data:`SENTENCES`, as the quote stage would find it.
QUOTE = re.compile(r"« (?P<text>[^»]+) », a déclaré (?P<speaker>[^,]+),")


@dataclass(frozen=True)
class Plan:
    """Who each synthetic article is about: its event, story, topic, town and day."""

    event: int
    story: int
    topic: tuple[str, str, str]
    town: str
    day: dt.date


def plan_corpus(count: int, stories: int, events: int, rng: random.Random) -> list[Plan]:
    """Place ``count`` articles in ``events`` events of ``stories`` stories.

    Each story keeps one topic and town over a few weeks; event sizes are skewed as in the
    news (a few big events, many with one or two articles), so that some event and story
    pages list dozens of articles.
    """
    first_day = dt.date(2024, 1, 1)
    threads = [
        (rng.choice(TOPICS), rng.choice(TOWNS), first_day + dt.timedelta(rng.randint(0, 640)))
        for _ in range(stories)
    ]
    happenings = []
    for e in range(events):
        story = e % stories if e < stories else rng.randrange(stories)
        topic, town, start = threads[story]
        happenings.append((story, topic, town, start + dt.timedelta(rng.randint(0, 60))))
    weights = [1.0 / (1 + k) ** 0.6 for k in range(events)]
    rng.shuffle(weights)
    chosen = list(range(events)) + rng.choices(range(events), weights, k=max(0, count - events))
    rng.shuffle(chosen)
    plans = []
    for e in chosen[:count]:
        story, topic, town, day = happenings[e]
        plans.append(Plan(e, story, topic, town, day + dt.timedelta(rng.randint(0, 2))))
    return plans


def synthetic_article(n: int, plan: Plan, rng: random.Random) -> Article:
    """One fictional French article (about 250 words) numbered ``n``, about ``plan``."""
    topic, issue, actor = plan.topic
    fill = {
        "town": plan.town,
        "topic": topic,
        "issue": issue,
        "actor": actor,
        "person": rng.choice(PEOPLE),
        "role": rng.choice(ROLES),
        "n": rng.randint(2, 900),
    }
    paragraphs = [" ".join(s.format(**fill) for s in rng.sample(SENTENCES, 3)) for _ in range(4)]
    body = "\n\n".join(paragraphs) + f"\n\nRéférence interne {n}."
    title = f"{plan.town} : {topic} ({n})".capitalize()
    raw = f"Accueil > Régions\n{title}\n{body}\nPartager"
    return Article(
        origin=f"synthetic/{n}.txt",
        content_hash=content_hash(raw),
        body=body,
        title=title,
        outlet=rng.choice(OUTLETS),
        published=plan.day,
        language="fr",
        removed=[Removal("Accueil > Régions", "breadcrumb"), Removal("Partager", "follow-prompt")],
        raw=raw.encode("utf-8"),
    )


def annotations(article: Article) -> ArticleAnnotations:
    """Mentions of the people and towns named in ``article``, its quotes, one action.

    Found by string search, not by the nlp stage (far too slow for 10,000 articles): what
    matters here is that the tables hold as many rows per article as real ones do.
    """
    assert article.id is not None
    found = ArticleAnnotations(article.id, "fr")
    for name, kind in [*((p, "PER") for p in PEOPLE), *((t, "LOC") for t in TOWNS)]:
        for match in re.finditer(re.escape(name), article.body):
            found.mentions.append(
                Mention(article.id, match.start(), match.end(), name, kind, name, entity_key(name))
            )
    for k, match in enumerate(QUOTE.finditer(article.body)):
        speaker = match.group("speaker")
        found.quotes.append(
            Quote(f"{article.id}-{k}", article.id, speaker, entity_key(speaker),
                  match.group("text"), "direct", "a déclaré", match.start("text"),
                  match.end("text"))
        )
    sentence = article.body.split("\n", 1)[0]
    found.actions.append(
        Action(f"{article.id}-a", article.id, article.published_day,
               (ActionActor("France", "FRA"),), "DEMAND", (ActionActor("Allemagne", "DEU"),),
               "demande", sentence, 0, len(sentence))
    )
    return found


def entity_key(name: str) -> str:
    """The canonical key the synthetic entities use."""
    return f"synthetic:{name.casefold()}"


def add_stages(store: Store, added: list[tuple[Article, Plan]]) -> None:
    """Entities, quotes, actions, events, stories for the stored articles, as the stages would."""
    found = [annotations(article) for article, _ in added]
    mentioned: dict[str, set[int]] = defaultdict(set)
    for item in found:
        for mention in item.mentions:
            mentioned[mention.name].add(item.article_id)
    people = [
        Entity(entity_key(name), name, "PER" if name in PEOPLE else "LOC",
               aliases=[name], articles=sorted(ids))
        for name, ids in mentioned.items()
    ]
    for first in range(0, len(found), 500):
        store.save_annotations(found[first : first + 500], people, {"synthetic": True})
    members: dict[int, list[Article]] = defaultdict(list)
    plans = {}
    for article, plan in added:
        members[plan.event].append(article)
        plans[plan.event] = plan
    events = [synthetic_event(e, arts, plans[e]) for e, arts in sorted(members.items())]
    stories = synthetic_stories(events)
    placed = [
        EventAssignment(str(a.id), f"e{plan.event}", f"s{plan.story}", None,
                        Explanation(str(a.id), "joined", f"e{plan.event}", 0.5))
        for a, plan in added
    ]
    store.save_links(placed, events, stories, {"synthetic": True})


def synthetic_event(number: int, members: list[Article], plan: Plan) -> Event:
    """The event ``number`` with these member articles."""
    days = sorted(a.published_day for a in members if a.published_day)
    return Event(
        f"e{number}", f"s{plan.story}", members[0].title or "", tuple(str(a.id) for a in members),
        tuple(sorted({a.outlet or "" for a in members})), days[0], days[-1],
    )


def synthetic_stories(events: list[Event]) -> list[Story]:
    """One story per story key of ``events``, spanning their days."""
    grouped: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        grouped[event.story_id].append(event)
    return [
        Story(key, group[0].title, tuple(e.id for e in group),
              min(e.first_seen for e in group if e.first_seen),
              max(e.last_seen for e in group if e.last_seen))
        for key, group in grouped.items()
    ]


def build_store(path: Path, count: int, stories: int, events: int) -> dict[str, float]:
    """Fill a store with ``count`` synthetic articles and their later stages; seconds taken."""
    rng = random.Random(20240301)
    plans = plan_corpus(count, stories, events, rng)
    timings = {}
    start = time.perf_counter()
    with Store(path) as store:
        added: list[tuple[Article, Plan]] = []
        for first in range(0, count, 500):
            numbers = range(first, min(count, first + 500))
            batch = [synthetic_article(n, plans[n], rng) for n in numbers]
            stored = store.add_batch(batch, [], None)
            added.extend((a, plans[int(a.origin.split("/")[1][:-4])]) for a in stored)
        timings["build_articles_s"] = time.perf_counter() - start
        add_stages(store, added)
        timings["build_links_s"] = time.perf_counter() - start - timings["build_articles_s"]
        narrate_pending(store)
    timings["build_s"] = time.perf_counter() - start
    return {k: round(v, 1) for k, v in timings.items()}


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(
    db: Path, port: int, workers: int = 1, cache: int = 512
) -> subprocess.Popen[bytes]:
    """``recoupe serve`` in its own process (so the load generator does not share its CPU)."""
    command = [sys.executable, "-m", "recoupe", "serve", "--db", str(db), "--port", str(port),
               "--workers", str(workers), "--cache", str(cache)]
    env = {**os.environ, "RECOUPE_TOKEN": ""}
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            httpx.get(f"http://127.0.0.1:{port}/api/v1/articles?limit=1", timeout=2)
            return process
        except httpx.TransportError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("recoupe serve did not start within 60 s")


class Connection:
    """One keep-alive HTTP/1.1 connection, speaking just enough of it to time GETs.

    httpx costs the load generator a few milliseconds of CPU per request: on two cores
    shared with the server, that is what the bench measured once the pages got fast. The
    server answers every GET here with a ``Content-Length``.
    """

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader, self.writer = reader, writer

    @classmethod
    async def open(cls, host: str, port: int) -> Connection:
        """A connection to ``host:port``."""
        reader, writer = await asyncio.open_connection(host, port)
        return cls(reader, writer)

    async def get(self, path: str) -> int:
        """GET ``path``; returns the status once the whole body is read."""
        self.writer.write(f"GET {path} HTTP/1.1\r\nHost: bench\r\n\r\n".encode("latin-1"))
        head = await self.reader.readuntil(b"\r\n\r\n")
        status_line, _, fields = head.decode("latin-1").partition("\r\n")
        length = next(
            int(line.split(":", 1)[1])
            for line in fields.split("\r\n")
            if line.lower().startswith("content-length:")
        )
        await self.reader.readexactly(length)
        return int(status_line.split()[1])

    def close(self) -> None:
        """Close the connection."""
        self.writer.close()


async def measure(
    base: str, make_path: Callable[[random.Random], str], clients: int, requests: int
) -> dict[str, float]:
    """Send ``requests`` GETs from ``clients`` concurrent clients; latency percentiles in ms.

    Each client has its own keep-alive connection and sends its next request as soon as
    the last one is answered (a closed loop, as a browser tab clicking through would).
    """
    rng = random.Random(7)
    paths = [make_path(rng) for _ in range(requests)]
    latencies: list[float] = []
    failures = 0
    queue: asyncio.Queue[str] = asyncio.Queue()
    for item in paths:
        queue.put_nowait(item)
    url = httpx.URL(base)
    connections = [await Connection.open(url.host, url.port or 80) for _ in range(clients)]
    for connection, warm in zip(connections, paths[:clients], strict=False):
        await connection.get(warm)  # the first requests of a kind fill caches

    async def worker(connection: Connection) -> None:
        nonlocal failures
        while not queue.empty():
            path = queue.get_nowait()
            start = time.perf_counter()
            try:
                failures += await connection.get(path) != 200
            except (OSError, asyncio.IncompleteReadError, StopIteration, ValueError):
                failures += 1
            latencies.append((time.perf_counter() - start) * 1000)

    cpu, start = time.process_time(), time.perf_counter()
    await asyncio.gather(*(worker(c) for c in connections))
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    for connection in connections:
        connection.close()
    cuts = statistics.quantiles(latencies, n=100)
    return {
        "p50_ms": round(cuts[49], 1),
        "p99_ms": round(cuts[98], 1),
        "max_ms": round(max(latencies), 1),
        "rps": round(len(latencies) / elapsed, 1),
        "requests": len(latencies),
        "distinct_paths": len(set(paths)),
        "failures": failures,
        "client_cpu_ms": round(1000 * cpu / len(latencies), 2),
    }


PathMaker = Callable[[random.Random], str]


def page_kinds(articles: int, stories: int, events: int) -> dict[str, PathMaker]:
    """How to draw a path of each page kind the bench can load."""
    return {
        "story": lambda rng: f"/stories/{rng.randint(1, stories)}",
        "event": lambda rng: f"/events/{rng.randint(1, events)}",
        "search": lambda rng: "/search?" + str(httpx.QueryParams(q=rng.choice(SEARCHES))),
        "api_search": lambda rng: (
            "/api/v1/search?" + str(httpx.QueryParams(q=rng.choice(SEARCHES), limit=20))
        ),
        "home": lambda rng: "/",
        "article": lambda rng: f"/articles/{rng.randint(1, articles)}",
    }


def server_cpu(pid: int) -> float:
    """CPU seconds used so far by the server process and its workers."""
    root = psutil.Process(pid)
    total = 0.0
    for process in [root, *root.children(recursive=True)]:
        try:
            times = process.cpu_times()
        except psutil.NoSuchProcess:
            continue
        total += times.user + times.system
    return total


def load(
    base: str, kinds: dict[str, PathMaker], clients: int, requests: int, pid: int
) -> dict[str, dict[str, float]]:
    """Service time first (one client, nothing queued), then the load itself, kind by kind.

    Each kind also gets the server's CPU milliseconds per request under load
    (``server_cpu_ms``): unlike wall-clock latency, it does not depend on what else the
    machine is running.
    """
    figures = {
        f"{kind}_1client": asyncio.run(measure(base, make, 1, min(100, requests)))
        for kind, make in kinds.items()
    }
    for kind, make in kinds.items():
        before = server_cpu(pid)
        figures[kind] = asyncio.run(measure(base, make, clients, requests))
        used = server_cpu(pid) - before
        figures[kind]["server_cpu_ms"] = round(1000 * used / (requests + clients), 1)
    return figures


def main() -> int:
    """Build, serve, load, print one JSON line."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--stories", type=int, default=300)
    parser.add_argument("--events", type=int, default=3000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=1000, help="Per page kind.")
    parser.add_argument("--workers", type=int, default=1, help="recoupe serve --workers.")
    parser.add_argument(
        "--cache", type=int, default=512, help="recoupe serve --cache (0: every page computed)."
    )
    parser.add_argument(
        "--pages", default="story,event,search,api_search,home,article",
        help="Page kinds to load, comma-separated.",
    )
    parser.add_argument("--db", type=Path, help="Reuse (or keep) this store, not a temporary one.")
    parser.add_argument("--build-only", action="store_true", help="Build the store and stop.")
    args = parser.parse_args()
    every = page_kinds(args.articles, args.stories, args.events)
    kinds = {name: every[name] for name in args.pages.split(",")}
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "load.db"
        build: dict[str, float] = {}
        if not db.exists():
            build = build_store(db, args.articles, args.stories, args.events)
        figures: dict[str, dict[str, float]] = {}
        load_before = round(os.getloadavg()[0], 1)
        if not args.build_only:
            port = free_port()
            server = start_server(db, port, args.workers, args.cache)
            try:
                base = f"http://127.0.0.1:{port}"
                figures = load(base, kinds, args.clients, args.requests, server.pid)
            finally:
                server.terminate()
                server.wait(timeout=20)
        size_mb = round(db.stat().st_size / 1e6, 1)
    report = {
        "bench": "web_load",
        "articles": args.articles,
        "stories": args.stories,
        "events": args.events,
        "clients": args.clients,
        "workers": args.workers,
        "cache": args.cache,
        **build,
        "db_mb": size_mb,
        "cpus": os.cpu_count(),
        "load_avg_1m_before": load_before,
        "load_avg_1m": round(os.getloadavg()[0], 1),
        "python": platform.python_version(),
        **figures,
    }
    print(json.dumps(report), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
