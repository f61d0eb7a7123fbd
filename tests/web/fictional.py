"""The web tests' data: fictional articles (one of them hostile), all invented for these tests."""

from __future__ import annotations

import datetime as dt
import socket
from dataclasses import dataclass
from pathlib import Path

from recoupe.model import Article, Removal, content_hash
from recoupe.store import Store

TOKEN = "test-token-5f2c9a"

#: (title, outlet, day, language, body) of the ordinary fictional articles.
FICTION = [
    (
        "Grève des dockers à Valmont : les négociations reprennent",
        "Le Courrier de Valmont",
        dt.date(2024, 3, 4),
        "fr",
        "Les négociations entre le syndicat des dockers et la direction du port de Valmont "
        "ont repris lundi matin, après six jours de grève.\n\n"
        "« Nous voulons des garanties écrites sur les salaires », a déclaré Hélène Vasseur, "
        "porte-parole du syndicat.\n\nLa préfecture espère un accord avant vendredi.",
    ),
    (
        "Crue de la Sarre : les digues de Kerlouan ont tenu",
        "La Gazette d'Essai",
        dt.date(2024, 3, 2),
        "fr",
        "La crue de la Sarre a atteint son maximum dans la nuit, sans rompre les digues.\n\n"
        "Les habitants évacués de Kerlouan ont pu regagner leur domicile samedi.",
    ),
    (
        "Procès du maire de Belcastel : le négociateur du marché témoigne",
        "Le Courrier de Valmont",
        dt.date(2024, 2, 27),
        "fr",
        "Au tribunal correctionnel, l'ancien négociateur du marché public a décrit des "
        "réunions « sans compte rendu ».\n\nLe maire de Belcastel conteste toute fraude.",
    ),
    (
        "Orvilliers harbour strike enters second week",
        "Channel Wire",
        dt.date(2024, 2, 20),
        "en",
        "Dock workers in Orvilliers kept the harbour closed for a second week on Tuesday, "
        "as talks with the port authority stalled.",
    ),
    (
        "Fête du village à Montferrier",
        "La Gazette d'Essai",
        None,
        "fr",
        "Le comité des fêtes de Montferrier prépare la fête du village, sans date fixée.",
    ),
]

#: A hostile article: markup and script in every field a page shows.
HOSTILE_TITLE = "Alerte <script>window.__pwnedTitle=1;alert('titre')</script> spéciale"
HOSTILE_BODY = (
    "Débat sur la sécurité <script>window.__pwned=1;alert(1)</script> des sites.\n\n"
    '<img src="http://evil.invalid/pixel.png" onerror="window.__pwnedImg=1;alert(2)">\n\n'
    '<a href="javascript:window.__pwnedLink=1">cliquez ici</a> pour le piège.\n\n'
    '<meta http-equiv="refresh" content="0;url=http://evil.invalid/">\n\n'
    '<iframe src="http://evil.invalid/frame"></iframe>'
    '<div style="background:url(http://evil.invalid/bg.png)">piège de style</div>\n\n'
    "</p></article><form action=http://evil.invalid/><button>Envoyer</button></form>"
)
HOSTILE_URL = "javascript:window.__pwnedUrl=1;alert(3)"
HOSTILE_OUTLET = '<b onmouseover="window.__pwnedOutlet=1">Le Pirate</b>'
HOSTILE_MARKERS = (
    "__pwned", "__pwnedTitle", "__pwnedImg", "__pwnedLink", "__pwnedUrl", "__pwnedOutlet",
)


@dataclass(frozen=True)
class Corpus:
    """The fixture store and the ids of the articles in it."""

    db: Path
    ids: dict[str, int]
    hostile_id: int


def make_article(title: str, outlet: str, day: dt.date | None, language: str, body: str,
                 n: int) -> Article:
    """An :class:`Article` as extraction would make it, with a raw input and one removal."""
    raw = f"Accueil > Actualités\n{title}\n\n{body}\n\nPartager sur Facebook"
    return Article(
        origin=f"fixture/{n:02d}.txt",
        content_hash=content_hash(raw),
        body=body,
        title=title,
        outlet=outlet,
        published=day,
        language=language,
        url=f"https://example.org/{n}",
        published_evidence=f"fixture date {day}" if day else None,
        removed=[Removal("Accueil > Actualités", "breadcrumb"),
                 Removal("Partager sur Facebook", "follow-prompt")],
        raw=raw.encode("utf-8"),
    )


def hostile_article() -> Article:
    """An article whose every shown field carries markup, script or a ``javascript:`` URL."""
    raw = f"<html><head><script>window.__pwnedRaw=1</script></head><body>{HOSTILE_BODY}</body>"
    return Article(
        origin="fixture/hostile.html",
        content_hash=content_hash(raw),
        body=HOSTILE_BODY,
        title=HOSTILE_TITLE,
        outlet=HOSTILE_OUTLET,
        published=dt.date(2024, 3, 5),
        language="fr",
        url=HOSTILE_URL,
        published_evidence='<time onclick="alert(4)">',
        removed=[Removal("<script>window.__pwnedRemoved=1</script>", "html-markup")],
        raw=raw.encode("utf-8"),
        raw_format="html",
    )


def fill_store(store: Store) -> dict[str, int]:
    """Add the fictional articles and the hostile one; returns ids by title."""
    batch = [make_article(*fields, n=n) for n, fields in enumerate(FICTION)]
    batch.append(hostile_article())
    added = store.add_batch(batch, [], None)
    return {a.title or "": a.id for a in added if a.id is not None}


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
