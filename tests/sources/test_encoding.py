"""Encoding detection: BOMs, strict UTF-8, declared charsets, cp1252 fallback, binary refusal."""

from __future__ import annotations

import random

import pytest

from recoupe.sources.encoding import decode, meta_charset
from recoupe.sources.errors import InputError
from tests.sources.helpers import PHRASE, article


@pytest.mark.parametrize(
    ("codec", "expected_name"),
    [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("utf-16", "utf-16"), ("cp1252", "cp1252")],
)
def test_round_trips_french_text(codec: str, expected_name: str) -> None:
    text, name = decode(article(7).encode(codec))
    assert text == article(7)
    assert name == expected_name


def test_bom_is_not_kept_in_the_text() -> None:
    text, _ = decode(b"\xef\xbb\xbf" + "été".encode())
    assert text == "été"


def test_invalid_utf8_that_is_cp1252_comes_out_right() -> None:
    data = "é ’ œ € « » à ç".encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    text, name = decode(data)
    assert text == "é ’ œ € « » à ç"
    assert name == "cp1252"


def test_short_cp1252_word_is_not_read_as_another_code_page() -> None:
    # charset-normalizer alone reads these bytes as cp1250 ("naďve") or cp1006.
    assert decode("Zoë naïve".encode("cp1252"))[0] == "Zoë naïve"
    assert decode("à".encode("cp1252"))[0] == "à"


def test_latin1_text_decodes() -> None:
    sentence = "Le député a répondu à la presse : « Ça suffit ! »"
    text, _ = decode(sentence.encode("latin-1"))
    assert text == sentence


def test_cyrillic_code_page_is_still_detected() -> None:
    sentence = "Мэр города заявил, что новый мост откроют весной следующего года."
    text, name = decode(sentence.encode("cp1251"))
    assert text == sentence
    assert name == "cp1251"


def test_declared_charset_is_used_when_utf8_fails() -> None:
    data = "Prix : 5 € - fin".encode("iso-8859-15")
    text, name = decode(data, "ISO-8859-15")
    assert text == "Prix : 5 € - fin"
    assert name == "iso8859-15"


def test_declared_charset_does_not_override_valid_utf8() -> None:
    text, name = decode(PHRASE.encode("utf-8"), "iso-8859-1")
    assert text == PHRASE
    assert name == "utf-8"


def test_html_meta_charset_is_read() -> None:
    html = '<html><head><meta charset="iso-8859-15"></head><p>5 €</p></html>'
    text, name = decode(html.encode("iso-8859-15"), html=True)
    assert "5 €" in text
    assert name == "iso8859-15"
    assert meta_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">')


@pytest.mark.parametrize("bogus", ["no-such-codec", "rot13", "utf-7", "x" * 200])
def test_hostile_declared_charset_is_ignored(bogus: str) -> None:
    text, name = decode("déjà".encode("cp1252"), bogus)
    assert (text, name) == ("déjà", "cp1252")


def test_nul_bytes_are_binary() -> None:
    with pytest.raises(InputError, match="binary content \\(NUL bytes\\)"):
        decode(b"Bonjour\x00\x00\x01tout le monde")


def test_control_characters_are_binary() -> None:
    with pytest.raises(InputError, match="binary content"):
        decode(bytes(range(1, 32)) * 20)


def test_random_high_bytes_are_undecodable() -> None:
    rng = random.Random(4)
    data = bytes(rng.randrange(128, 256) for _ in range(400))
    with pytest.raises(InputError, match=r"binary|undecodable"):
        decode(data)
