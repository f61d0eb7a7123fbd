"""Language packs: configured languages run, others are skipped with a note."""

from __future__ import annotations

from recoupe.nlp import Annotator, LanguagePacks, NlpConfig

from .conftest import make_article


def test_unsupported_language_is_skipped_with_a_note(packs: LanguagePacks) -> None:
    annotator = Annotator(NlpConfig())
    annotator.packs = packs
    fr, de = annotator.annotate(
        [
            make_article("Marie Lenoir a déclaré que tout allait bien.", "fr1"),
            make_article("Der Bürgermeister sagte, alles sei gut.", "de1", language="de"),
        ]
    )
    assert fr.note is None and fr.quotes
    assert de.note is not None and "'de'" in de.note
    assert de.mentions == [] and de.quotes == []


def test_configured_but_missing_pipeline_is_skipped() -> None:
    packs = LanguagePacks(NlpConfig(pipelines={"xx": "no_such_pipeline_sm"}))
    assert packs.get("xx") is None
    assert "not installed" in packs.skip_note("xx")


def test_mentions_keep_offsets_into_the_body(packs: LanguagePacks) -> None:
    annotator = Annotator(NlpConfig())
    annotator.packs = packs
    body = "À Damas, le gouvernement syrien a reçu M. Farid Haddad."
    [ann] = annotator.annotate([make_article(body)])
    assert ann.mentions
    for m in ann.mentions:
        assert body[m.start : m.end] == m.text
    haddad = next(m for m in ann.mentions if "Haddad" in m.text)
    assert haddad.text == "Farid Haddad" and haddad.kind == "PER"
