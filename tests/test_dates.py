"""backchannel.dates: calendar windows, their parts and TIMEX3 names."""
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backchannel.dates import describe, month_window, part_of, week_window

D = date.fromisoformat


@pytest.mark.parametrize("year, month, first, last", [
    (2024, 2, "2024-02-01", "2024-02-29"),  # leap year
    (2023, 2, "2023-02-01", "2023-02-28"),
    (2024, 12, "2024-12-01", "2024-12-31"),
    (2024, 4, "2024-04-01", "2024-04-30"),
])
def test_month_window(year, month, first, last):
    assert month_window(year, month) == (D(first), D(last))


@pytest.mark.parametrize("day, monday, sunday", [
    ("2024-02-13", "2024-02-12", "2024-02-18"),  # a Tuesday
    ("2024-02-12", "2024-02-12", "2024-02-18"),  # the Monday itself
    ("2024-02-18", "2024-02-12", "2024-02-18"),  # the Sunday itself
    ("2024-12-31", "2024-12-30", "2025-01-05"),  # a week across the new year
])
def test_week_window_is_the_iso_week(day, monday, sunday):
    assert week_window(D(day)) == (D(monday), D(sunday))


@pytest.mark.parametrize("lo, hi, part, expected", [
    ("2024-04-01", "2024-04-30", "early", ("2024-04-01", "2024-04-10")),
    ("2024-04-01", "2024-04-30", "mid", ("2024-04-11", "2024-04-20")),
    ("2024-04-01", "2024-04-30", "late", ("2024-04-21", "2024-04-30")),
    ("2024-02-01", "2024-02-29", "late", ("2024-02-21", "2024-02-29")),
    ("2024-02-05", "2024-02-11", "late", ("2024-02-08", "2024-02-10")),  # a week: Thursday to Saturday
    ("2024-02-05", "2024-02-11", "early", ("2024-02-05", "2024-02-07")),
    ("2024-01-01", "2024-12-31", "early", ("2024-01-01", "2024-04-30")),  # a year: January to April
    ("2024-01-01", "2024-12-31", "late", ("2024-09-01", "2024-12-31")),
])
def test_part_of(lo, hi, part, expected):
    assert part_of(D(lo), D(hi), part) == (D(expected[0]), D(expected[1]))


@pytest.mark.parametrize("lo, hi, value, precision", [
    ("2024-02-11", "2024-02-11", "2024-02-11", "day"),
    ("2024-02-08", "2024-02-10", "2024-W06", "week"),
    ("2024-02-12", "2024-02-18", "2024-W07", "week"),
    ("2024-04-01", "2024-04-10", "2024-04", "month"),
    ("2024-02-01", "2024-02-29", "2024-02", "month"),
    ("2024-01-01", "2024-02-13", "2024", "year"),
    ("2024-12-30", "2025-01-01", "2025-W01", "week"),  # ISO week-year, not calendar year
    ("2023-12-01", "2024-01-15", None, "none"),
])
def test_describe(lo, hi, value, precision):
    assert describe(D(lo), D(hi)) == (value, precision)


days = st.dates(min_value=date(1950, 1, 1), max_value=date(2050, 12, 31))


@given(days, st.integers(min_value=0, max_value=800))
def test_describe_names_a_unit_that_holds_the_window(lo, span):
    hi = lo + timedelta(days=span)
    value, precision = describe(lo, hi)
    if precision == "day":
        assert lo == hi and value == lo.isoformat()
    elif precision == "week":
        assert week_window(lo) == week_window(hi) and value.startswith(str(lo.isocalendar().year))
    elif precision == "month":
        assert (lo.year, lo.month) == (hi.year, hi.month) and value == f"{lo.year:04d}-{lo.month:02d}"
    elif precision == "year":
        assert lo.year == hi.year and value == str(lo.year)
    else:
        assert value is None and lo.year != hi.year


@given(days, st.sampled_from(["early", "mid", "late"]), st.sampled_from(["week", "month", "year"]))
def test_part_of_stays_inside_the_window(anchor, part, unit):
    if unit == "week":
        lo, hi = week_window(anchor)
    elif unit == "month":
        lo, hi = month_window(anchor.year, anchor.month)
    else:
        lo, hi = date(anchor.year, 1, 1), date(anchor.year, 12, 31)
    a, b = part_of(lo, hi, part)
    assert lo <= a <= b <= hi
