"""Turn the bytes of an article into text, and say which encoding was used.

Order: byte-order mark, strict UTF-8, the charset the container declared (HTTP header)
or the page declared (HTML ``<meta charset>``), charset-normalizer, then cp1252 as the
last resort. Bytes that are binary or that no encoding turns into plausible text raise
:class:`~recoupe.sources.errors.InputError` with a one-line reason.
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer
from charset_normalizer import CharsetMatch
from charset_normalizer.md import mess_ratio

from recoupe.sources.errors import InputError

#: BOMs, longest first: the UTF-32-LE mark starts with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: Declared names that browsers (WHATWG Encoding standard) read as windows-1252.
_AS_CP1252 = {"ascii", "latin_1", "iso8859_1", "cp1252"}

#: Codecs a hostile page may name but that are not plain text encodings of web pages.
_REFUSED = {"utf_7", "idna", "punycode", "unicode_escape", "raw_unicode_escape", "palmos"}

#: ``<meta charset=...>`` and ``<meta http-equiv content="...; charset=...">``.
_META_CHARSET = re.compile(
    rb"<meta[^>]{0,512}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]{1,40})", re.IGNORECASE
)

#: How much of a page is searched for a meta charset (browsers prescan 1024 bytes).
_META_WINDOW = 4096
#: How much text the plausibility and mess checks look at (they are linear in length).
_SAMPLE_CHARS = 100_000
#: How much messier than the detector's choice cp1252 may be before it loses.
_MESS_MARGIN = 0.5
#: Share of accented letters above which a messy cp1252 decoding is taken as wrong.
_ACCENTED_SHARE = 0.2
#: Control characters (category Cc) except tab, newlines and form feed.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
#: Share of stray control characters above which text is called binary.
_MAX_CONTROL_SHARE = 0.01


def decode(data: bytes, declared: str | None = None, *, html: bool = False) -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding name)``.

    ``declared`` is a charset given by the container (an HTTP ``Content-Type``); with
    ``html=True`` the page's own ``<meta charset>`` is tried after it. Raises
    :class:`InputError` for binary content or bytes no sensible encoding explains.
    """
    text, name = _decode_bom(data) or _decode_guess(data, declared, html=html)
    check_text(text)
    return text, name


def _decode_bom(data: bytes) -> tuple[str, str] | None:
    """Decode by byte-order mark, or ``None`` when there is none or it lies."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError:
                return None
    return None


def _decode_guess(data: bytes, declared: str | None, *, html: bool) -> tuple[str, str]:
    """Decode BOM-less bytes: strict UTF-8, declared charsets, then detection."""
    if b"\x00" in data:
        raise InputError("binary content (NUL bytes)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    candidates = [declared, meta_charset(data) if html else None]
    for name in filter(None, (_usable_codec(c) for c in candidates)):
        try:
            return data.decode(name), name
        except UnicodeDecodeError:
            continue
    return _detect(data)


def meta_charset(data: bytes) -> str | None:
    """The charset named by an HTML ``<meta>`` tag near the start of ``data``, if any.

    Hand-written (a bounded regular expression) because the standard library has no HTML
    encoding prescan and the project does not depend on w3lib or BeautifulSoup; it is
    only a hint, always checked by a strict decode.
    """
    match = _META_CHARSET.search(data[:_META_WINDOW])
    return match.group(1).decode("ascii") if match else None


def _usable_codec(name: str | None) -> str | None:
    """Python's name for a declared charset, or ``None`` if unknown or not a text encoding."""
    if not name:
        return None
    try:
        info = codecs.lookup(name.strip().strip("\"'"))
    except (LookupError, ValueError):
        return None
    codec = info.name.replace("-", "_")
    if not getattr(info, "_is_text_encoding", True) or codec in _REFUSED:
        return None
    if codec.startswith(("utf_16", "utf_32")):  # without a BOM these would contain NULs
        return None
    return "cp1252" if codec in _AS_CP1252 else info.name


def _detect(data: bytes) -> tuple[str, str]:
    """charset-normalizer's best guess, unless cp1252 reads the bytes as plausibly (French first).

    charset-normalizer alone reads short French or German cp1252 text as cp1250, cp1125 or
    cp775 (their output is as "clean" to it), so cp1252 is kept unless its decoding is
    clearly messier *and* full of accented letters: the signature of Cyrillic, Greek or
    Central-European text read with the wrong code page.
    """
    as_cp1252 = _try_decode(data, "cp1252")
    best = charset_normalizer.from_bytes(data).best()
    if best is not None and best.encoding.startswith(("utf_16", "utf_32")):
        best = None  # UTF-16/32 without a BOM is noise, not text
    if as_cp1252 is not None and (best is None or _cp1252_plausible(as_cp1252, best)):
        return as_cp1252, "cp1252"
    if best is not None:
        return str(best), best.encoding
    raise InputError("undecodable text (not UTF-8 and no plausible encoding)")


def _cp1252_plausible(text: str, best: CharsetMatch) -> bool:
    """Whether cp1252 explains the bytes about as well as the detector's choice."""
    sample = text[:_SAMPLE_CHARS]
    extra_mess = mess_ratio(sample, 1.0) - best.chaos
    return extra_mess < _MESS_MARGIN or _accented_share(sample) < _ACCENTED_SHARE


def _accented_share(text: str) -> float:
    """Share of letters that are not ASCII (a few percent in French, all in Cyrillic)."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for ch in letters if not ch.isascii()) / len(letters)


def _try_decode(data: bytes, name: str) -> str | None:
    """``data`` decoded strictly with ``name``, or ``None``."""
    try:
        return data.decode(name)
    except UnicodeDecodeError:
        return None


def check_text(text: str) -> None:
    """Raise :class:`InputError` if ``text`` is full of control characters (binary data).

    Also used on text that came out of a container (a JSON string can hold ``\\u0000``).
    """
    sample = text[:_SAMPLE_CHARS]
    if "\x00" in sample:
        raise InputError("binary content (NUL bytes)")
    if len(_CONTROLS.findall(sample)) > _MAX_CONTROL_SHARE * len(sample):
        raise InputError("binary content (control characters)")
