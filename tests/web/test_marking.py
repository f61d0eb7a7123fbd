"""Server-side marks in an article body: escaped text, nested spans, crossing spans left out."""

from __future__ import annotations

from recoupe.web.charts import bars, svg_chart
from recoupe.web.marking import action_span, marked_paragraphs, mention_span, quote_span

BODY = (
    "Le maire <b>Anselme Quéru</b> a dit : « <script>alert(1)</script> tout ira bien ».\n\n"
    "  Deuxième ligne avec Quéru.  "
)


def _mention(start: int, end: int, entity_id: int | None = 3) -> dict[str, object]:
    return {"start": start, "end": end, "entity_id": entity_id, "kind": "PER"}


def test_text_is_escaped_before_it_is_marked() -> None:
    start = BODY.index("<script>")
    end = BODY.index(" tout")
    quote = {"id": 7, "start": start, "end": end, "speaker": 'Quéru <i onclick="x">'}
    first, second = marked_paragraphs(BODY, [quote_span(quote)])
    assert "<script>" not in first and "<b>" not in first
    assert "&lt;b&gt;Anselme Quéru&lt;/b&gt;" in first
    assert (
        '<mark class="quote" id="q7" title="Quéru &lt;i onclick=&#34;x&#34;&gt;" '
        'data-speaker="Quéru &lt;i onclick=&#34;x&#34;&gt;">&lt;script&gt;alert(1)&lt;/script&gt;'
        "</mark> tout ira bien"
    ) in first
    assert second == "Deuxième ligne avec Quéru."


def test_mentions_nest_inside_an_action_sentence_and_link_to_the_entity() -> None:
    sentence_end = BODY.index("\n")
    name = BODY.index("Anselme")
    action = {"id": 2, "start": 0, "end": sentence_end, "event": "CONSULT", "trigger": "dit"}
    spans = [action_span(action), mention_span(_mention(name, name + len("Anselme Quéru")))]
    (first, _second) = (str(p) for p in marked_paragraphs(BODY, [s for s in spans if s]))
    assert first.startswith('<mark class="action" id="a2" title="CONSULT: dit">Le maire &lt;b&gt;')
    assert '<a class="mention kind-per" href="/entities/3">Anselme Quéru</a>' in first
    assert first.endswith("</mark>")


def test_crossing_spans_unresolved_mentions_and_links_in_links_are_left_out() -> None:
    name = BODY.index("Anselme")
    crossing = {"id": 9, "start": name + 3, "end": BODY.index("dit"), "speaker": "X"}
    spans = [
        mention_span(_mention(name, name + 13)),
        mention_span(_mention(name, name + 7, entity_id=4)),
        quote_span(crossing),
        mention_span(_mention(0, 2, entity_id=None)),
    ]
    first = str(marked_paragraphs(BODY, [s for s in spans if s])[0])
    assert first.count("<a ") == 1 and "/entities/4" not in first
    assert "<mark" not in first


def test_a_span_over_two_paragraphs_is_cut_and_keeps_one_anchor() -> None:
    quote = {"id": 5, "start": BODY.index("tout"), "end": BODY.index("ligne"), "speaker": "Q"}
    first, second = (str(p) for p in marked_paragraphs(BODY, [quote_span(quote)]))
    assert 'id="q5"' in first and 'id="q5"' not in second
    assert first.endswith("tout ira bien ».</mark>")
    assert second.startswith('<mark class="quote" title="Q" data-speaker="Q">Deuxième </mark>')


def test_chart_counts_by_day_then_by_month_over_a_long_span() -> None:
    daily = bars(["2024-05-06", "2024-05-06", "2024-05-09", None])
    assert [(b.label, b.count) for b in daily] == [
        ("2024-05-06", 2), ("2024-05-07", 0), ("2024-05-08", 0), ("2024-05-09", 1)
    ]
    monthly = bars(["2023-12-03", "2024-01-30", "2024-03-01T10:00:00+01:00"])
    assert [(b.label, b.count) for b in monthly] == [
        ("2023-12", 1), ("2024-01", 1), ("2024-02", 0), ("2024-03", 1)
    ]
    svg = str(svg_chart(daily, 'Mentions of <b>"X"</b>'))
    assert svg.count("<rect") == 2 and "style=" not in svg
    assert "&lt;b&gt;&#34;X&#34;&lt;/b&gt;" in svg
    assert str(svg_chart([], "nothing")) == ""
