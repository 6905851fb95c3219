"""backchannel.models: DateWindow arithmetic and invariants (the records themselves are plain data)."""
from dataclasses import FrozenInstanceError
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backchannel.models import DateWindow, Document

D = date.fromisoformat


def w(lo, hi=None, **kw):
    return DateWindow(D(lo), D(hi or lo), **kw)


def test_a_window_cannot_end_before_it_starts():
    with pytest.raises(ValueError, match="ends before it starts"):
        w("2024-02-13", "2024-02-12")


def test_days_counts_inclusively():
    assert w("2024-02-11").days == 1
    assert w("2024-02-01", "2024-02-29").days == 29


@pytest.mark.parametrize("a, b, contains, overlaps", [
    (("2024-02-01", "2024-02-29"), ("2024-02-11", "2024-02-11"), True, True),
    (("2024-02-11", "2024-02-11"), ("2024-02-01", "2024-02-29"), False, True),
    (("2024-02-01", "2024-02-10"), ("2024-02-10", "2024-02-20"), False, True),  # touching on one day
    (("2024-02-01", "2024-02-09"), ("2024-02-10", "2024-02-20"), False, False),
])
def test_contains_and_overlaps(a, b, contains, overlaps):
    assert w(*a).contains(w(*b)) is contains
    assert w(*a).overlaps(w(*b)) is overlaps


def test_intersect_normalises_the_result_and_keeps_the_rule():
    got = w("2024-02-01", "2024-02-29", rule="month").intersect(w("2024-02-08", "2024-03-20"))
    assert (got.earliest, got.latest, got.value, got.precision, got.rule) == (D("2024-02-08"), D("2024-02-29"), "2024-02", "month", "month")
    assert w("2024-02-01", "2024-02-09").intersect(w("2024-02-10", "2024-02-20")) is None


def test_to_json_is_the_contract_date_object():
    assert w("2024-02-12", "2024-02-18").normalised().to_json() == {
        "value": "2024-W07", "earliest": "2024-02-12", "latest": "2024-02-18"}


def test_records_are_frozen():
    doc = Document(id="d1", source="a.txt", name="a.txt", text="x", content_hash="h")
    with pytest.raises(FrozenInstanceError):
        doc.text = "changed"  # type: ignore[misc]
    assert doc.published.basis == "unknown" and doc.published.window is None


windows = st.builds(lambda lo, span: DateWindow(lo, lo + timedelta(days=span)),
                    st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 1, 1)), st.integers(0, 400))


@given(windows, windows)
def test_intersection_is_symmetric_and_inside_both(a, b):
    ab, ba = a.intersect(b), b.intersect(a)
    assert (ab is None) == (ba is None) == (not a.overlaps(b))
    if ab is not None:
        assert (ab.earliest, ab.latest) == (ba.earliest, ba.latest)
        assert a.contains(ab) and b.contains(ab)
        assert ab.earliest <= ab.latest


def test_a_claims_figure_reads_as_written():
    from backchannel.models import Claim, Evidence

    def claim(value, low=None, high=None, qualifier="exact", unit=None):
        return Claim("c", "d", "", value, low, high, qualifier, unit, "", "x|y", "event", Evidence("d", "", 0, 1))

    assert claim(44000, qualifier="more than").figure == "more than 44,000"
    assert claim(None, 150, 300, unit="day").figure == "150-300 day"
    assert claim(1 / 3, qualifier="more than", unit="share").figure == "more than 33%"
    assert claim(2.5, unit="USD").figure == "2.5 USD"


def test_a_short_window_across_a_month_is_shown_by_its_days():
    from datetime import date

    from backchannel.models import DateWindow

    week = DateWindow(date(2024, 7, 26), date(2024, 8, 1)).normalised()
    assert week.value == "2024" and week.label == "2024-07-26..2024-08-01"
    assert DateWindow(date(2024, 2, 5), date(2024, 2, 11)).normalised().label == "2024-W06"
    assert DateWindow(date(2024, 2, 1), date(2024, 2, 29)).normalised().label == "2024-02"
    assert DateWindow(date(2024, 2, 12), date(2024, 2, 12)).normalised().label == "2024-02-12"
