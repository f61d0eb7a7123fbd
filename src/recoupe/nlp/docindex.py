"""Per-document caches for values spaCy recomputes on every access.

``Doc.text`` joins all tokens and ``Token.sent`` scans the document each time they are
read; the quote finders read them for many tokens, so they are computed once per document
and kept in ``doc.user_data``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

_TEXT = "recoupe_text"
_SENTS = "recoupe_sents"
_SENT_OF = "recoupe_sent_of"
_STARTS = "recoupe_token_starts"


def text(doc: Doc) -> str:
    """``doc.text``, computed once."""
    if _TEXT not in doc.user_data:
        doc.user_data[_TEXT] = doc.text
    return doc.user_data[_TEXT]


def sents(doc: Doc) -> list[Span]:
    """``list(doc.sents)``, computed once."""
    if _SENTS not in doc.user_data:
        spans = list(doc.sents)
        index = [0] * len(doc)
        for n, sent in enumerate(spans):
            for i in range(sent.start, sent.end):
                index[i] = n
        doc.user_data[_SENTS] = spans
        doc.user_data[_SENT_OF] = index
    return doc.user_data[_SENTS]


def sent_of(tok: Token) -> Span:
    """``tok.sent`` in constant time."""
    spans = sents(tok.doc)
    return spans[tok.doc.user_data[_SENT_OF][tok.i]]


def token_starts(doc: Doc) -> list[int]:
    """Character offset of each token, computed once (for bisection)."""
    if _STARTS not in doc.user_data:
        doc.user_data[_STARTS] = [t.idx for t in doc]
    return doc.user_data[_STARTS]
