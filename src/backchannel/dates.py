"""Calendar arithmetic for date windows (a base module beside models): weeks, months, their parts, names."""
from __future__ import annotations

import calendar
from datetime import date, timedelta

# A happening reported without a date of its own came in the week before the report ("X reported on
# Sunday that Y has warned Z"; an article's undated "met with Macron").
REPORT_LAG_DAYS = 6


def month_window(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def week_window(day: date) -> tuple[date, date]:
    """The ISO week (Monday to Sunday) holding `day`."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def part_of(lo: date, hi: date, part: str) -> tuple[date, date]:
    """early / mid / late part of a window: thirds of a month, days of a week, months of a year."""
    span = (hi - lo).days + 1
    if span == 7:  # a week: early Mon-Wed, mid Tue-Thu, late Thu-Sat
        bounds = {"early": (0, 2), "mid": (1, 3), "late": (3, 5)}[part]
    elif span >= 365:  # a year: early Jan-Apr, mid May-Aug, late Sep-Dec
        first, last = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}[part]
        return month_window(lo.year, first)[0], month_window(lo.year, last)[1]
    else:  # a month: early 1-10, mid 11-20, late 21-end
        bounds = {"early": (0, 9), "mid": (10, 19), "late": (20, span - 1)}[part]
    return lo + timedelta(days=bounds[0]), lo + timedelta(days=bounds[1])


def describe(lo: date, hi: date) -> tuple[str | None, str]:
    """The TIMEX3 value and precision of the smallest calendar unit holding the window.

    "late last week" (Thursday to Saturday) is named by its week, "early April" by its month;
    a window that crosses a year boundary has no value at all.
    """
    if lo == hi:
        return lo.isoformat(), "day"
    if week_window(lo) == week_window(hi):
        iso = lo.isocalendar()
        return f"{iso.year}-W{iso.week:02d}", "week"
    if (lo.year, lo.month) == (hi.year, hi.month):
        return f"{lo.year:04d}-{lo.month:02d}", "month"
    if lo.year == hi.year:
        return f"{lo.year:04d}", "year"
    return None, "none"
