"""Conflicting figures: claims on the same quantity, at times that can coincide, whose values cannot
both hold given their qualifiers.

Two claims measure the same quantity when they share the comparability key that analyse.claims gave
them (what is counted and the verb class: "hostage|release"), their aspect and their unit, an event
figure also its occasion ("released in the deal"), a part of a group ("six of whom": occasion "part") only another
part, and they name the same actors ("230 returned to
Russia" and "248 to Ukraine" are the two directions of one exchange, not a dispute; "1,200 people
killed" and "44,000 Palestinians killed" may count different people); a length in one story ("12 days of
talks in Lima", "nine days of Andean-led negotiations") need not name the same ones, nor a count of its rounds
of talks ("four rounds of talks in Oslo", "six rounds hosted by Norway"). Proposed figures ("a deal
to free up to 33") are offers, not reports, and conflict with nothing.

A key with no thing or no verb class ("six weeks after the deal": week|) says too little to compare,
and figures the text qualifies differently ("32 confirmed dead", "20 feared dead") count different sets.

Times: a standing count ("still held", "so far") holds as of its window, and two of them conflict only
when their windows overlap or lie within `STATE_SLACK_DAYS` of each other (two outlets a day apart
report the same count; 134 held in February and about 100 in December form a series). The size of
one happening does not change with time: when a time expression in its clause dates it, that is its
window; when only a section heading or the publication dates the sentence, the happening came some time
before, so it can be any happening up to then, unless its own document tells the same figure of the same
quantity with a date (a headline repeating the lede): then it is that one. One voice in one article (the
article's own, or one speaker's) telling two sizes of a kind of happening tells two happenings; a dispute
over one happening's size is between outlets or between the sources one article quotes.

Values: each qualifier turns the figure into an interval (`bounds`); figures conflict when their
intervals are disjoint ("about 100" and "nearly 100" agree, 105 and 125 do not).
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from itertools import combinations

from backchannel.models import DateWindow

APPROXIMATE = 0.1  # "about 100" holds anything within 10 per cent
STATE_SLACK_DAYS = 3
NEVER = date.min  # the open start of "some time before"
LENGTH_UNITS = ("hour", "day", "week", "month", "year")


@dataclass(frozen=True)
class Figure:
    id: str
    quantity: str
    aspect: str  # state | event | proposed
    unit: str | None
    occasion: str
    low: float
    high: float
    named: frozenset[str]  # actor ids named in what it counts
    when: tuple[date, date] | None  # the days it can be true of; None when unknown
    certainty: frozenset[str] = frozenset()
    document: str = ""
    story: str = ""  # the story of its document (fuse.stories)
    source: str = ""  # who reports it (the speaker's actor key), "" for the article's own voice


def bounds(value: float | None, low: float | None, high: float | None, qualifier: str) -> tuple[float, float]:
    """The values a figure admits: 'about 100' -> 90..110, 'more than 100' -> just over 100 and up."""
    if value is None:
        return (low or 0.0, high if high is not None else float("inf"))
    step = abs(value) * 1e-9 or 1e-9
    return {
        "about": (value * (1 - APPROXIMATE), value * (1 + APPROXIMATE)),
        "nearly": (value * (1 - APPROXIMATE), value),
        "more than": (value + step, float("inf")),
        "at least": (value, float("inf")),
        "up to": (0.0, value),
        "less than": (0.0, value - step),
    }.get(qualifier, (value, value))


def when(aspect: str, as_of: DateWindow | None, anchor: str) -> tuple[date, date] | None:
    if as_of is None:
        return None
    if aspect == "event" and not anchor.startswith(("timex", "length")):  # undated happening: some time before
        return (NEVER, as_of.latest)
    return (as_of.earliest, as_of.latest)


def comparable(a: Figure, b: Figure) -> bool:
    if (a.quantity, a.aspect, a.unit, a.certainty) != (b.quantity, b.aspect, b.unit, b.certainty):
        return False
    if not all(a.quantity.split("|")):
        return False
    if a.occasion != b.occasion and (a.aspect == "event" or _part(a) or _part(b)):
        return False  # a part of a group ("six of whom") is not the whole, whatever its aspect
    if a.aspect == "proposed":
        return False
    if a.aspect == "event" and a.document and (a.document, a.source) == (b.document, b.source):
        # one voice of one article telling two sizes tells two happenings ("13 freed on day one", "8 on the last")
        return False
    extent = a.unit in LENGTH_UNITS or a.quantity.endswith("|talk")
    if a.named != b.named and not (extent and a.story and a.story == b.story):
        return False  # the length or rounds of a happening of one story are that happening's, whatever places it names
    if a.aspect == "event" and not a.occasion and a.story != b.story and not (_dated(a) and _dated(b)):
        return False  # an undated happening of another story, named by no occasion, is most likely another
    if a.when is None or b.when is None:
        return a.aspect == "event"
    slack = timedelta(days=STATE_SLACK_DAYS if a.aspect == "state" else 0)
    return a.when[0] - slack <= b.when[1] and b.when[0] - slack <= a.when[1]


def _part(f: Figure) -> bool:
    return f.occasion.split(":")[-1] == "part"


def _dated(f: Figure) -> bool:
    return f.when is not None and f.when[0] != NEVER


def disagree(a: Figure, b: Figure) -> bool:
    return a.high < b.low or b.high < a.low


def conflicts(figures: list[Figure]) -> list[tuple[str, str]]:
    """The pairs of figures that measure the same quantity at coinciding times and cannot both hold."""
    by_quantity: dict[str, list[Figure]] = {}
    for f in map(lambda f: _repeat_dated(f, figures), figures):
        by_quantity.setdefault(f.quantity, []).append(f)
    return [(a.id, b.id) for group in by_quantity.values() for a, b in combinations(group, 2)
            if comparable(a, b) and disagree(a, b)]


def _repeat_dated(f: Figure, figures: list[Figure]) -> Figure:
    """An undated happening that its own document also tells with a date, same figure and same quantity
    (the headline's "frees 40" and the body's "freed 40 on Monday"), is that dated one."""
    if f.aspect != "event" or f.when is None or f.when[0] != NEVER or not f.document:
        return f
    dated = next((g.when for g in figures if g.document == f.document and g.id != f.id and g.when and g.when[0] != NEVER
                  and (g.quantity, g.aspect, g.unit, g.low, g.high) == (f.quantity, f.aspect, f.unit, f.low, f.high)), None)
    return replace(f, when=dated) if dated else f
