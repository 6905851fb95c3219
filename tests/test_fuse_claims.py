"""backchannel.fuse.claims: which figures conflict. Hand-made figures about a prisoner exchange between
two invented states, so each rule of the module docstring is pinned on its own."""
from dataclasses import replace
from datetime import date

import pytest

from backchannel.fuse.claims import NEVER, Figure, bounds, conflicts, when
from backchannel.models import DateWindow


def window(lo: str, hi: str | None = None, rule: str = "test") -> DateWindow:
    return DateWindow(date.fromisoformat(lo), date.fromisoformat(hi or lo), rule=rule).normalised()


def figure(id: str, value: float, qualifier: str = "exact", *, quantity: str = "prisoner|release",
           aspect: str = "event", occasion: str = "swap", unit: str | None = None, named=(),
           as_of: DateWindow | None = None, anchor: str = "timex:0") -> Figure:
    return Figure(id, quantity, aspect, unit, occasion, *bounds(value, None, None, qualifier), frozenset(named),
                  when(aspect, as_of, anchor))


@pytest.mark.parametrize("qualifier, inside, outside", [
    ("exact", [100], [99, 101]),
    ("about", [91, 109], [85, 115]),
    ("nearly", [92, 100], [85, 101]),
    ("more than", [101, 10**6], [100, 99]),
    ("at least", [100, 500], [99]),
    ("up to", [0, 100], [101]),
    ("less than", [99], [100, 120]),
])
def test_a_qualifier_bounds_the_values_a_figure_admits(qualifier, inside, outside):
    lo, hi = bounds(100, None, None, qualifier)
    assert all(lo <= v <= hi for v in inside)
    assert not any(lo <= v <= hi for v in outside)


def test_a_range_admits_its_span():
    assert bounds(None, 150, 300, "exact") == (150, 300)


def test_two_sizes_of_one_swap_that_cannot_both_hold_conflict():
    a = figure("a", 105, as_of=window("2023-11-30"))
    b = figure("b", 125, as_of=window("2024-07-10"), anchor="publication")  # undated: some time before July
    assert conflicts([a, b]) == [("a", "b")]


def test_qualified_figures_that_can_both_hold_do_not_conflict():
    assert conflicts([figure("a", 100, "about"), figure("b", 100, "nearly"), figure("c", 95, "more than")]) == []


def test_standing_counts_at_different_times_are_a_series_not_a_conflict():
    feb = figure("feb", 134, quantity="prisoner|hold", aspect="state", as_of=window("2024-02-12"))
    dec = figure("dec", 100, "about", quantity="prisoner|hold", aspect="state", as_of=window("2024-12-03", "2024-12-07"))
    same_week = figure("wk", 120, quantity="prisoner|hold", aspect="state", as_of=window("2024-12-05"))
    assert conflicts([feb, dec]) == []
    assert conflicts([feb, dec, same_week]) == [("dec", "wk")]


def test_the_two_directions_of_an_exchange_do_not_conflict():
    to_a = figure("a", 230, named={"Arvia"})
    to_b = figure("b", 248, named={"Belmark"})
    assert conflicts([to_a, to_b]) == []
    assert conflicts([to_a, figure("c", 240, named={"Arvia"})]) == [("a", "c")]


def test_different_units_quantities_or_occasions_are_not_compared():
    assert conflicts([figure("usd", 6, unit="USD"), figure("eur", 5.57, unit="EUR")]) == []
    assert conflicts([figure("r", 105), figure("h", 134, quantity="prisoner|hold")]) == []
    assert conflicts([figure("deal", 105, occasion="deal"), figure("raid", 2, occasion="raid")]) == []


def test_a_happening_dated_only_by_publication_can_be_any_day_before_it():
    assert when("event", window("2024-07-10", rule="publication"), "publication") == (NEVER, date(2024, 7, 10))
    assert when("state", window("2024-07-10", rule="publication"), "publication") == (date(2024, 7, 10),) * 2
    assert when("state", None, "") is None


def test_a_happening_under_a_dated_heading_may_have_come_before_it():
    assert when("event", window("2024-01-17"), "heading:40") == (NEVER, date(2024, 1, 17))


def test_a_key_missing_its_thing_or_verb_class_is_not_compared():
    assert conflicts([figure("a", 6, quantity="week|"), figure("b", 2, quantity="week|")]) == []


def test_figures_qualified_by_different_certainty_count_different_sets():
    confirmed = Figure("c", "hostage|dead", "state", None, "", 32, 32, frozenset(), None, frozenset({"confirmed"}))
    feared = Figure("f", "hostage|dead", "state", None, "", 20, 20, frozenset(), None, frozenset({"feared"}))
    dated = [Figure(f.id, f.quantity, f.aspect, None, "", f.low, f.high, frozenset(), (date(2024, 2, 12),) * 2,
                    f.certainty) for f in (confirmed, feared)]
    assert conflicts(dated) == []


def test_standing_counts_a_few_days_apart_are_compared():
    a = figure("a", 40, quantity="prisoner|hold", aspect="state", as_of=window("2025-03-10"))
    b = figure("b", 60, quantity="prisoner|hold", aspect="state", as_of=window("2025-03-12"))
    c = figure("c", 60, quantity="prisoner|hold", aspect="state", as_of=window("2025-03-20"))
    assert conflicts([a, b, c]) == [("a", "b")]


def test_proposed_figures_and_figures_of_unnamed_people_are_not_compared():
    assert conflicts([figure("a", 33, "up to", aspect="proposed"), figure("b", 40, "up to", aspect="proposed")]) == []
    assert conflicts([figure("a", 1200), figure("b", 44000, named={"Arvia"})]) == []


def test_an_undated_figure_its_document_also_dates_takes_that_date():
    def fig(id, value, doc, as_of, anchor):
        f = figure(id, value, named={"Arvia"}, as_of=as_of, anchor=anchor)
        return Figure(*[getattr(f, k) for k in ("id", "quantity", "aspect", "unit", "occasion", "low", "high", "named",
                                                "when", "certainty")], document=doc)
    headline = fig("h", 12, "d1", window("2025-05-09"), "publication")
    lede = fig("l", 12, "d1", window("2025-05-07"), "timex:40")
    earlier = fig("e", 5, "d1", window("2023-04-01", "2023-04-30"), "timex:900")
    other = fig("o", 14, "d2", window("2025-05-07"), "timex:10")
    assert sorted(conflicts([headline, lede, earlier, other])) == [("h", "o"), ("l", "o")]


def test_an_undated_happening_of_another_story_conflicts_only_when_an_occasion_names_it():

    undated = dict(as_of=window("2024-03-10"), anchor="publication")
    a = replace(figure("a", 30, occasion="", **undated), story="s1")
    b = replace(figure("b", 24, occasion="", **undated), story="s2")
    assert conflicts([a, b]) == []  # "freed 30" and "freed 24" in two stories: two releases
    assert conflicts([a, replace(b, story="s1")]) == [("a", "b")]  # one story: one release told twice
    deal_a, deal_b = replace(a, occasion="deal"), replace(b, occasion="deal")
    assert conflicts([deal_a, deal_b]) == [("a", "b")]  # "released in the deal": the same deal


def test_lengths_of_one_storys_talks_conflict_whatever_places_they_name():
    def length(id, value, named, as_of, anchor, story="s1"):
        f = figure(id, value, quantity="day|talk", occasion="deal", unit="day", named=named, as_of=as_of,
                   anchor=anchor)
        return replace(f, story=story)
    began = length("a", 12, {"Lima"}, window("2025-03-01", "2025-03-13"), "length:10:12")
    signed = length("b", 9, {"Andean Union"}, window("2025-03-10"), "timex:5")
    assert conflicts([began, signed]) == [("a", "b")]
    elsewhere = length("c", 9, {"Andean Union"}, window("2025-03-10"), "timex:5", story="s2")
    assert conflicts([began, elsewhere]) == []  # another story's talks, at the place it names


def test_counts_of_one_storys_rounds_of_talks_conflict_whatever_places_they_name():
    def rounds(id, value, named, story="s1"):
        f = figure(id, value, quantity="round|talk", occasion="phase", named=named, as_of=window("2025-03-10"))
        return replace(f, story=story)
    assert conflicts([rounds("a", 4, ()), rounds("b", 6, {"Oslo"})]) == [("a", "b")]
    assert conflicts([rounds("a", 4, ()), rounds("c", 6, {"Oslo"}, story="s2")]) == []


def test_a_part_of_a_group_is_not_the_whole():
    whole = figure("whole", 12, occasion="", as_of=window("2025-03-10"))
    part = figure("part", 5, occasion="part", as_of=window("2025-03-10"))
    assert conflicts([whole, part]) == []
    assert conflicts([part, figure("other", 7, occasion="part")]) == [("part", "other")]
    assert conflicts([replace(whole, aspect="state"), replace(part, aspect="state")]) == []


def test_one_voice_of_one_article_telling_two_sizes_tells_two_happenings():
    undated = dict(as_of=window("2024-07-10"), anchor="heading:40")
    first, last = (replace(figure(i, v, **undated), document="d1") for i, v in (("first", 13), ("last", 8)))
    assert conflicts([first, last]) == []  # "13 freed on day one", "8 on the last day", both told by the article
    quoted = replace(last, source="Hamas")  # one of its sources puts it otherwise: a dispute it reports
    assert conflicts([first, quoted]) == [("first", "last")]
    other = replace(last, document="d2")  # another outlet
    assert conflicts([first, other]) == [("first", "last")]
