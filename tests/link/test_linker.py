"""Behaviour of the link stage on small fictional French articles (written for these tests)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace

import pytest

from recoupe.link import DuplicateDetector, Linker
from recoupe.link.linker import date_bound, link_input, stream_order
from recoupe.link.text import tokens
from recoupe.model import Article, LinkInput, Removal

D0 = dt.date(2031, 3, 2)

# A fictional dispatch about a bridge collapse in an invented town, and its rewrites.
PONT = (
    "Le pont suspendu de Valcombe s'est effondré mardi matin au-dessus de la rivière Orbe, "
    "emportant deux camions de livraison et une camionnette. Les pompiers de la vallée ont "
    "secouru quatre conducteurs, dont un grièvement blessé, transporté à l'hôpital de Lunel. "
    "Le maire de Valcombe, Hélène Tardivet, a dénoncé un ouvrage vétuste dont la rénovation "
    "avait été repoussée trois fois par le conseil départemental. Une enquête a été ouverte "
    "par le parquet pour blessures involontaires et les experts examinent les câbles rouillés."
)
PONT_SUITE = (
    "Au lendemain de l'effondrement du pont suspendu de Valcombe, les plongeurs ont sorti "
    "de la rivière Orbe les deux camions tombés avec l'ouvrage. Hélène Tardivet, maire de "
    "Valcombe, réclame au conseil départemental un pont provisoire pour les habitants de la "
    "rive nord, privés de leur accès à l'hôpital de Lunel. Les experts confirment que les "
    "câbles rouillés du pont suspendu ont cédé, et le parquet a élargi son enquête."
)
PONT_AUTRE = (
    "Effondrement à Valcombe : le pont suspendu sur l'Orbe a cédé, deux camions et une "
    "camionnette sont tombés dans la rivière. Quatre conducteurs ont été secourus par les "
    "pompiers, l'un d'eux est grièvement blessé. La maire Hélène Tardivet accuse le conseil "
    "départemental d'avoir repoussé la rénovation de cet ouvrage vétuste aux câbles rouillés. "
    "Le parquet a ouvert une enquête pour blessures involontaires."
)
# Months later, the same story goes on: the rebuilt bridge is inaugurated.
PONT_REOUVERT = (
    "Six mois après l'effondrement du pont suspendu de Valcombe, un nouveau pont a été "
    "inauguré sur la rivière Orbe. La maire Hélène Tardivet a rappelé les câbles rouillés "
    "de l'ancien ouvrage et remercié le conseil départemental d'avoir financé le chantier. "
    "Les habitants de la rive nord retrouvent leur accès direct à l'hôpital de Lunel, et "
    "le parquet poursuit son enquête sur l'effondrement du pont suspendu."
)
# A different event, the same day: a cheese fair.
FROMAGE = (
    "La foire aux fromages de Saint-Amblard a attiré dimanche plus de douze mille visiteurs "
    "venus goûter les tommes, les chèvres frais et les bleus affinés en cave. Les éleveurs "
    "du plateau ont vendu leurs meules dès midi et le jury a décerné la médaille d'or à une "
    "tomme au lait cru de la ferme Besset. L'association des producteurs prépare déjà "
    "l'édition suivante, avec un concours de fromages de brebis et un marché nocturne."
)
FROMAGE_SUITE = (
    "À Saint-Amblard, la foire aux fromages a battu son record de fréquentation : douze "
    "mille visiteurs ont goûté tommes, chèvres et bleus affinés. La tomme au lait cru de "
    "la ferme Besset a reçu la médaille d'or du jury. Les éleveurs du plateau ont vendu "
    "leurs meules avant midi et les producteurs annoncent un concours de brebis."
)


def art(aid: str, title: str, body: str, day: dt.date | None = D0, outlet: str = "Le Vigie",
        entities: tuple[str, ...] | None = None) -> LinkInput:
    """A fictional article."""
    return LinkInput(aid, title, body, day, outlet, entities=entities)


def stream() -> list[LinkInput]:
    """Two events on the same day, a wire copy, and a follow-up six months later."""
    later = D0 + dt.timedelta(days=180)
    return [
        art("p1", "Le pont de Valcombe s'effondre sur l'Orbe", PONT, outlet="Le Vigie"),
        art("f1", "Record à la foire aux fromages de Saint-Amblard", FROMAGE, outlet="Le Vigie"),
        art("p2", "Le pont de Valcombe s'effondre sur l'Orbe", PONT, outlet="Écho du Val"),
        art("p3", "Valcombe : le pont suspendu cède", PONT_AUTRE, outlet="Radio Orbe"),
        art("f2", "Saint-Amblard : la foire aux fromages bat son record", FROMAGE_SUITE,
            outlet="Écho du Val"),
        art("p4", "Valcombe : les camions sortis de l'Orbe", PONT_SUITE,
            day=D0 + dt.timedelta(days=1), outlet="Radio Orbe"),
        art("p5", "Valcombe inaugure son nouveau pont", PONT_REOUVERT, day=later),
    ]


@pytest.fixture(scope="module")
def fitted() -> tuple[Linker, dict[str, object]]:
    linker = Linker()
    out = linker.partial_fit(stream())
    return linker, {a.article_id: a for a in out}


def test_wire_copies_are_grouped_with_the_earliest(fitted):
    _, by_id = fitted
    assert by_id["p2"].duplicate_of == "p1"
    assert by_id["p1"].duplicate_of is None
    assert by_id["p2"].event_id == by_id["p1"].event_id
    assert by_id["p2"].explanation.decision == "duplicate"


def test_reports_of_one_event_join_it(fitted):
    _, by_id = fitted
    assert by_id["p3"].event_id == by_id["p1"].event_id
    assert by_id["p4"].event_id == by_id["p1"].event_id
    assert by_id["f2"].event_id == by_id["f1"].event_id


def test_two_events_are_kept_apart(fitted):
    _, by_id = fitted
    assert by_id["f1"].event_id != by_id["p1"].event_id
    assert by_id["f1"].story_id != by_id["p1"].story_id


def test_same_story_events_are_threaded(fitted):
    _, by_id = fitted
    assert by_id["p5"].event_id != by_id["p1"].event_id  # six months later: a new event
    assert by_id["p5"].story_id == by_id["p1"].story_id


def test_export_records(fitted):
    linker, by_id = fitted
    events = {e.id: e for e in linker.export_events()}
    bridge = events[by_id["p1"].event_id]
    assert set(bridge.article_ids) == {"p1", "p2", "p3", "p4"}
    assert set(bridge.outlets) == {"Le Vigie", "Écho du Val", "Radio Orbe"}
    assert (bridge.first_seen, bridge.last_seen) == (D0, D0 + dt.timedelta(days=1))
    assert "Valcombe" in bridge.title
    stories = {s.id: s for s in linker.export_stories()}
    story = stories[by_id["p1"].story_id]
    assert set(story.event_ids) == {by_id["p1"].event_id, by_id["p5"].event_id}
    assert story.start == D0 and story.end == D0 + dt.timedelta(days=180)


def test_explanation_lists_candidates_components_and_threshold(fitted):
    _, by_id = fitted
    why = by_id["p3"].explanation
    assert why.decision == "joined"
    assert why.threshold == pytest.approx(Linker().events.threshold)
    best = why.candidates[0]
    assert best.event_id == by_id["p1"].event_id
    assert set(best.components) == {"body", "title", "lemmas", "entities"}
    assert best.score >= why.threshold
    assert by_id["f1"].explanation.decision == "new"
    assert by_id["f1"].explanation.story_decision.startswith("new story")


def test_undated_article_is_placed_by_its_text():
    linker = Linker()
    items = [*stream()[:2], art("u1", "Valcombe : le pont suspendu cède", PONT_AUTRE, day=None)]
    out = {a.article_id: a for a in linker.partial_fit(items)}
    assert out["u1"].event_id == out["p1"].event_id
    only_undated = Linker().partial_fit([art("u2", "Sans date", FROMAGE, day=None)])
    assert only_undated[0].explanation.decision == "new"
    event = Linker()
    event.partial_fit([art("u3", "Sans date", FROMAGE, day=None)])
    assert event.export_events()[0].first_seen is None


def test_undated_article_needs_the_undated_threshold():
    items = [*stream()[:2], art("u1", "Valcombe : le pont suspendu cède", PONT_AUTRE, day=None)]
    lenient = {a.article_id: a for a in Linker(event_undated_threshold=0.1).partial_fit(items)}
    strict = {a.article_id: a for a in Linker(event_undated_threshold=0.99).partial_fit(items)}
    assert lenient["u1"].event_id == lenient["p1"].event_id
    assert strict["u1"].event_id != strict["p1"].event_id
    assert strict["u1"].explanation.threshold == 0.99
    assert strict["p1"].explanation.threshold == Linker().events.threshold


def test_text_bound_dates_an_undated_article():
    later = D0 + dt.timedelta(days=180)
    items = [*stream()[:4], art("p5", "Valcombe inaugure son nouveau pont", PONT_REOUVERT, later)]
    bounded = replace(items[3], id="u1", published=None, not_before=later)
    out = {a.article_id: a for a in Linker().partial_fit([*items, bounded])}
    # Six months after the collapse, a report of it is not joined to the collapse's event.
    assert out["u1"].event_id != out["p1"].event_id
    unbounded = replace(bounded, id="u2", not_before=None)
    again = {a.article_id: a for a in Linker().partial_fit([*items[:4], unbounded])}
    assert again["u2"].event_id == again["p1"].event_id


def test_stream_order_puts_bounded_articles_at_their_bound_and_undated_last():
    a = art("a", "A", FROMAGE, day=D0 + dt.timedelta(days=3))
    b = replace(art("b", "B", FROMAGE, day=None), not_before=D0 + dt.timedelta(days=1))
    c = art("c", "C", FROMAGE, day=None)
    d = art("d", "D", FROMAGE, day=D0)
    assert [i.id for i in stream_order([c, a, b, d])] == ["d", "b", "a", "c"]


def test_date_bound_reads_embedded_tweets_kept_or_removed():
    body = "Washington a réagi.\n— Un diplomate (@undiplomate) 14 mars 2031\nLa suite."
    removed = [Removal("— Agence (@agence) 16 mars 2031", "tweet")]
    article = Article("x.txt", "h", body, "T", None, None, "fr", removed=removed)
    assert date_bound(article) == dt.date(2031, 3, 16)
    assert date_bound(replace(article, body="Rien.", removed=[])) is None
    assert link_input(article).not_before == dt.date(2031, 3, 16)
    dated = replace(article, published=dt.date(2031, 3, 20))
    assert link_input(dated).not_before is None


def test_undated_article_finds_an_event_retired_from_the_active_index():
    later = D0 + dt.timedelta(days=60)
    items = [*stream()[:4], art("f3", "Saint-Amblard prépare sa foire", FROMAGE_SUITE, later)]
    undated = art("u1", "Valcombe : les camions sortis de l'Orbe", PONT_SUITE, day=None)
    linker = Linker()
    out = {a.article_id: a for a in linker.partial_fit([*items, undated])}
    collapse = linker.article_event["p1"]
    assert collapse not in linker.events.index.centroids  # retired 60 days later
    assert collapse in linker.events.archive.centroids
    assert out["u1"].event_id == out["p1"].event_id
    resumed = Linker.from_state(json.loads(json.dumps(linker.to_state())))
    assert resumed.events.archive.centroids.keys() == linker.events.archive.centroids.keys()


def test_archive_forgets_events_after_its_window():
    linker = Linker()
    linker.partial_fit(stream()[:4])
    later = D0 + dt.timedelta(days=20)
    linker.partial_fit([art("f9", "Saint-Amblard", FROMAGE_SUITE, later)])
    assert linker.article_event["p1"] in linker.events.archive.centroids
    much_later = later + dt.timedelta(days=linker.events.archive.window_days + 1)
    linker.partial_fit([art("f10", "Saint-Amblard", FROMAGE, much_later)])
    assert linker.article_event["p1"] not in linker.events.archive.centroids
    assert any(e.id == linker.events.records[linker.article_event["p1"]].key
               for e in linker.export_events())  # the record stays


def test_refeeding_changes_nothing(fitted):
    linker = Linker()
    first = linker.partial_fit(stream())
    before = (linker.export_events(), linker.export_stories())
    again = linker.partial_fit(stream())
    assert [a.event_id for a in again] == [a.event_id for a in first]
    assert all(a.explanation.decision == "already-seen" for a in again)
    assert (linker.export_events(), linker.export_stories()) == before


def test_ids_are_stable_when_rebuilt_from_scratch():
    a, b = Linker(), Linker()
    ids_a = [x.event_id for x in a.partial_fit(stream())]
    ids_b = [x.event_id for x in b.partial_fit(stream())]
    assert ids_a == ids_b


def test_state_round_trip_preserves_ids_and_decisions():
    items = stream()
    whole = Linker(batch_size=2)
    expected = whole.partial_fit(items)
    part = Linker(batch_size=2)
    part.partial_fit(items[:4])
    state = json.loads(json.dumps(part.to_state()))  # plain JSON, no pickle
    resumed = Linker.from_state(state)
    got = resumed.partial_fit(items[4:])
    exp_tail = expected[4:]
    assert [g.event_id for g in got] == [e.event_id for e in exp_tail]
    assert [g.story_id for g in got] == [e.story_id for e in exp_tail]
    assert resumed.export_events() == whole.export_events()
    assert resumed.export_stories() == whole.export_stories()


def test_entities_are_used_when_given():
    ents = ("PER:helene tardivet", "LOC:valcombe")
    linker = Linker()
    out = linker.partial_fit([art("p1", "Pont", PONT, entities=ents),
                              art("p3", "Pont", PONT_AUTRE, entities=ents)])
    assert out[1].explanation.candidates[0].components["entities"] > 0.9


def test_duplicate_detector_round_trip_and_near_copy():
    det = DuplicateDetector()
    det.add("a", tokens(PONT), 1.0, 1.0)
    edited = PONT.replace("mardi matin", "mardi vers huit heures")
    assert det.add("b", tokens(edited), 2.0, 2.0) == "a"
    assert det.add("c", tokens(FROMAGE), 2.0, 2.0) is None
    again = DuplicateDetector.from_state(json.loads(json.dumps(det.to_state())))
    assert again.add("d", tokens(PONT + " Fin."), 3.0, 3.0) == "a"
    assert again.original_of("b") == "a"


def test_undated_report_naming_another_day_is_another_happening():
    # p1 is published on a Sunday and says the bridge fell on Tuesday: its event allows
    # Saturday to Monday and Monday to Wednesday; a report of a Thursday happening is another.
    items = stream()[:2]
    thursday = art("u1", "Valcombe : le pont cède", PONT_AUTRE.replace("a cédé", "a cédé jeudi"),
                   day=None)
    wednesday = replace(thursday, id="u2", body=PONT_AUTRE.replace("a cédé", "a cédé mercredi"))
    linker = Linker()
    out = {a.article_id: a for a in linker.partial_fit([*items, thursday])}
    assert out["u1"].event_id != out["p1"].event_id  # nor merged back by the second pass
    ruled = next(c for c in out["u1"].explanation.candidates if c.event_id == out["p1"].event_id)
    assert ruled.score == 0.0 and ruled.note is not None and "jeudi" in ruled.note
    unnamed = replace(thursday, id="u3", body=PONT_AUTRE)
    for near in (wednesday, unnamed):
        again = {a.article_id: a for a in Linker().partial_fit([*items, near])}
        assert again[near.id].event_id == again["p1"].event_id
    resumed = Linker.from_state(json.loads(json.dumps(linker.to_state())))
    p1 = resumed.events.records[resumed.article_event["p1"]]
    assert p1.weekdays == linker.events.records[linker.article_event["p1"]].weekdays
    assert p1.rules_out(3) and not p1.rules_out(2)


def test_dated_reports_are_not_held_to_the_weekday_they_name():
    # With a publication date, time decides: the weekday rule is for undated reports only.
    items = stream()[:2]
    dated = art("d1", "Valcombe : le pont cède", PONT_AUTRE.replace("a cédé", "a cédé jeudi"))
    out = {a.article_id: a for a in Linker().partial_fit([*items, dated])}
    assert out["d1"].event_id == out["p1"].event_id


def test_near_days_wraps_around_the_week():
    from recoupe.link.events import near_days, weekdays_of

    assert near_days([6], [0]) and near_days([0], [6]) and not near_days([0], [2])
    assert weekdays_of(None, None) == []
    assert weekdays_of(float(D0.toordinal()), 1) == [1, 6]
