"""Web latency under load: p50/p99 of the home, article and search pages at 20 clients.

Builds a store of synthetic fictional French articles (10,000 by default, generated from
templates), serves it with ``recoupe serve`` on 127.0.0.1 in its own process, then sends a
bounded number of requests per page kind from concurrent clients (httpx, asyncio) and
prints one JSON line with the figures. Stops by itself.

    python bench/web_load.py [--articles 10000] [--clients 20] [--requests 1000]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import platform
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import httpx

from recoupe.model import Article, Removal, content_hash
from recoupe.store import Store

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


def synthetic_article(n: int, rng: random.Random) -> Article:
    """One fictional French article (about 250 words) numbered ``n``."""
    topic, issue, actor = rng.choice(TOPICS)
    town = rng.choice(TOWNS)
    fill = {
        "town": town,
        "topic": topic,
        "issue": issue,
        "actor": actor,
        "person": rng.choice(PEOPLE),
        "role": rng.choice(ROLES),
        "n": rng.randint(2, 900),
    }
    paragraphs = [" ".join(s.format(**fill) for s in rng.sample(SENTENCES, 3)) for _ in range(4)]
    body = "\n\n".join(paragraphs) + f"\n\nRéférence interne {n}."
    title = f"{town} : {topic} ({n})".capitalize()
    day = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randint(0, 700))
    raw = f"Accueil > Régions\n{title}\n{body}\nPartager"
    return Article(
        origin=f"synthetic/{n}.txt",
        content_hash=content_hash(raw),
        body=body,
        title=title,
        outlet=rng.choice(OUTLETS),
        published=day,
        language="fr",
        removed=[Removal("Accueil > Régions", "breadcrumb"), Removal("Partager", "follow-prompt")],
        raw=raw.encode("utf-8"),
    )


def build_store(path: Path, count: int) -> float:
    """Fill a store with ``count`` synthetic articles; returns the seconds it took."""
    rng = random.Random(20240301)
    start = time.perf_counter()
    with Store(path) as store:
        for first in range(0, count, 500):
            batch = [synthetic_article(n, rng) for n in range(first, min(count, first + 500))]
            store.add_batch(batch, [], None)
    return time.perf_counter() - start


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    """``recoupe serve`` in its own process (so the load generator does not share its CPU)."""
    command = [sys.executable, "-m", "recoupe", "serve", "--db", str(db), "--port", str(port)]
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


async def measure(
    base: str, make_path: Callable[[random.Random], str], clients: int, requests: int
) -> dict[str, float]:
    """Send ``requests`` GETs from ``clients`` concurrent clients; latency percentiles in ms."""
    rng = random.Random(7)
    paths = [make_path(rng) for _ in range(requests)]
    latencies: list[float] = []
    failures = 0
    queue: asyncio.Queue[str] = asyncio.Queue()
    for item in paths:
        queue.put_nowait(item)
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:
        for warm in paths[:clients]:
            await client.get(warm)  # the first requests of a kind fill caches

        async def worker() -> None:
            nonlocal failures
            while not queue.empty():
                path = queue.get_nowait()
                start = time.perf_counter()
                try:
                    response = await client.get(path)
                    failures += response.status_code != 200
                except httpx.HTTPError:
                    failures += 1
                latencies.append((time.perf_counter() - start) * 1000)

        start = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(clients)))
        elapsed = time.perf_counter() - start
    cuts = statistics.quantiles(latencies, n=100)
    return {
        "p50_ms": round(cuts[49], 1),
        "p99_ms": round(cuts[98], 1),
        "max_ms": round(max(latencies), 1),
        "rps": round(len(latencies) / elapsed, 1),
        "requests": len(latencies),
        "failures": failures,
    }


def main() -> int:
    """Build, serve, load, print one JSON line."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=1000, help="Per page kind.")
    parser.add_argument("--db", type=Path, help="Reuse (or keep) this store, not a temporary one.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "load.db"
        build_s = 0.0
        if not db.exists():
            build_s = build_store(db, args.articles)
        port = free_port()
        server = start_server(db, port)
        try:
            base = f"http://127.0.0.1:{port}"
            kinds: dict[str, Callable[[random.Random], str]] = {
                "home": lambda rng: "/",
                "article": lambda rng: f"/articles/{rng.randint(1, args.articles)}",
                "search": lambda rng: "/search?" + str(httpx.QueryParams(q=rng.choice(SEARCHES))),
                "api_search": lambda rng: (
                    "/api/v1/search?" + str(httpx.QueryParams(q=rng.choice(SEARCHES), limit=20))
                ),
            }
            # Service time first (one client, nothing queued), then the load itself.
            alone = {
                f"{kind}_1client": asyncio.run(measure(base, make, 1, 100))
                for kind, make in kinds.items()
            }
            figures = {
                kind: asyncio.run(measure(base, make, args.clients, args.requests))
                for kind, make in kinds.items()
            }
            figures.update(alone)
        finally:
            server.terminate()
            server.wait(timeout=20)
        size_mb = round(db.stat().st_size / 1e6, 1)
    print(
        json.dumps(
            {
                "bench": "web_load",
                "articles": args.articles,
                "clients": args.clients,
                "build_s": round(build_s, 1),
                "db_mb": size_mb,
                "cpus": os.cpu_count(),
                "load_avg_1m": round(os.getloadavg()[0], 1),
                "python": platform.python_version(),
                **figures,
            }
        ),
        flush=True,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
