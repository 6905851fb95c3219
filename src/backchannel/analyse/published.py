"""Publication dates: from metadata, else stated in the text, else inferred from its contents.

`date_document(raw, captions, metadata)` returns a Published record whose window carries the rule
that made it. A copyright year is never a publication date. With nothing stated, the window is
inferred from explicit dates the text reports as past or future and from period cues, and it is
marked inferred; `date_from_story` later narrows undated articles by a dated sibling of the story. A wire
dateline without its year ("OSLO, Mar 4 (Reuters) -") takes the year its content allows (`from_dateline`) or,
in a collection, the year that puts it nearest a dated article (`dateline_in_corpus`).
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

import yaml
from dateutil import parser as dateutil_parser

from backchannel.analyse.times import find_timexes
from backchannel.models import Caption, DateWindow, Published, Timex

PATTERNS = Path(__file__).parent / "patterns" / "published.yaml"
EXPLICIT = {"iso-date", "numeric-date", "month-day-year", "day-month-year"}
MAX_ANCHOR_DAYS = 7  # a window wider than this cannot anchor "on Sunday"
STATED = ("metadata", "text")  # the bases of a date the article itself gives


@lru_cache(maxsize=1)
def cues() -> dict:
    return yaml.safe_load(PATTERNS.read_text())


def _day(d: date, rule: str, text: str = "") -> DateWindow:
    return DateWindow(d, d, rule=rule, text=text).normalised()


def from_metadata(value: str | None) -> Published | None:
    if not value:
        return None
    try:
        day = dateutil_parser.isoparse(value).date()
    except (ValueError, OverflowError):
        try:
            day = dateutil_parser.parse(value).date()
        except (ValueError, OverflowError):
            return None
    return Published(_day(day, "metadata", value), "metadata")


def stated_in_text(raw: str) -> Published | None:
    """A full date in the head of the text with a byline or dateline cue just before it, or standing alone
    on its line, after at most a byline ("By Jane Roe, 3 August 2024")."""
    c = cues()
    head = raw[: c["head_chars"]]
    for timex in find_timexes(head):
        w = timex.window
        if w is None or w.rule not in EXPLICIT:
            continue
        line_start = head.rfind("\n", 0, timex.start) + 1
        line_end = head.find("\n", timex.end)
        line = head[line_start: line_end if line_end >= 0 else len(head)]
        if re.search(c["not_a_publication_date"], line, re.IGNORECASE):
            continue
        before, after = head[line_start:timex.start], line[timex.end - line_start:]
        alone = re.search(c["alone_before"], before, re.IGNORECASE) and re.search(c["alone_after"], after, re.IGNORECASE)
        if (alone or re.search(c["cue_before"], before, re.IGNORECASE) or re.search(c["byline_before"], before, re.IGNORECASE)
                or re.search(c["dateline_before"], before)):
            return _stated(timex)
    return _stated_at_foot(raw)


def _stated_at_foot(raw: str) -> Published | None:
    """ "Published 12 February 2025" alone on a line at the end of the text."""
    c = cues()
    offset = max(0, len(raw.rstrip()) - c["tail_chars"])
    tail = raw[offset:]
    for timex in reversed(find_timexes(tail)):
        w = timex.window
        line_start = tail.rfind("\n", 0, timex.start) + 1
        line_end = tail.find("\n", timex.end)
        after = tail[timex.end: line_end if line_end >= 0 else len(tail)]
        if w is not None and w.rule in EXPLICIT \
                and re.search(c["tail_before"], tail[line_start:timex.start], re.IGNORECASE) \
                and re.search(c["alone_after"], after, re.IGNORECASE):
            return _stated(timex)
    return None


def _stated(timex: Timex) -> Published:
    """The publication date a full date in the text states, with the rule that read it."""
    w = timex.window
    return Published(DateWindow(w.earliest, w.latest, w.value, w.precision, "stated:" + w.rule, timex.text), "text")


def from_captions(captions: tuple[Caption, ...]) -> Published | None:
    """A photo dated in its caption was taken on or shortly before publication."""
    lag = cues()["caption_lag_days"]
    days = [t.window.earliest for c in captions for t in find_timexes(c.text)
            if t.window is not None and t.window.rule in EXPLICIT]
    if not days:
        return None
    first = max(days)
    return Published(DateWindow(first, first + timedelta(days=lag), rule="caption", text=str(first)).normalised(), "inferred")


def _us_transition(after_year: int) -> tuple[date, date]:
    """From the first US presidential election day in or after `after_year` to the next 19 January."""
    year = after_year + (-after_year % 4)
    nov1 = date(year, 11, 1)
    election = nov1 + timedelta(days=(-nov1.weekday()) % 7 + 1)  # the Tuesday after the first Monday
    return election, date(year + 1, 1, 19)


def inferred_from_content(text: str) -> Published:
    """Bound the date by the explicit dates the text reports and by period cues."""
    lo = None
    for timex in find_timexes(text):
        w = timex.window
        if w is None or w.rule not in EXPLICIT | {"month-year", "year"}:
            continue
        lo = w.earliest if lo is None else max(lo, w.earliest)
    if lo is None:
        return Published(None, "unknown")
    # articles seldom look back more than a year for their latest date
    return within_periods(text, DateWindow(lo, date(lo.year + 1, 12, 31), rule="content"))


def within_periods(text: str, window: DateWindow) -> Published:
    """Narrow a window by the periods the text places itself in ("president-elect", "the upcoming
    election"); a cue that contradicts the window is ignored."""
    rule = window.rule
    for period, patterns in cues()["period_cues"].items():
        if not any(re.search(p, text, re.IGNORECASE) for p in patterns):
            continue
        if period == "us-transition":
            start, end = _us_transition(window.earliest.year)
        else:  # us-election-ahead
            start, end = window.earliest, _us_transition(window.earliest.year)[0]
        narrowed = window.intersect(DateWindow(start, end))
        if narrowed is not None:
            window, rule = narrowed, f"{rule}+{period}"
    return Published(DateWindow(window.earliest, window.latest, rule=rule).normalised(), "inferred")


def date_from_corpus(text: str, dated: list[DateWindow]) -> Published | None:
    """An article nothing else dates lies, most likely, within the period its corpus covers: from the
    earliest to the latest article dated by metadata or by its own text."""
    if len(dated) < 2:
        return None
    window = DateWindow(min(w.earliest for w in dated), max(w.latest for w in dated), rule="corpus-period")
    return within_periods(text, window)


def yearless_dateline(raw: str) -> Timex | None:
    """The month and day of a wire dateline that leaves out the year ("MOSCOW, Aug 1 (Reuters) -")."""
    head = raw[: cues()["head_chars"]]
    for timex in find_timexes(head):
        line_start = head.rfind("\n", 0, timex.start) + 1
        if re.fullmatch(r"XXXX-\d\d-\d\d", timex.value or "") and re.search(
                cues()["dateline_before"], head[line_start:timex.start]):
            return timex
    return None


def _in_years(dateline: Timex, years: range) -> list[date]:
    """The dateline's month and day in each of `years` that has it (4 March 2023, 4 March 2024, ...)."""
    month, day = int(dateline.value[5:7]), int(dateline.value[8:10])
    found = []
    for year in years:
        try:
            found.append(date(year, month, day))
        except ValueError:  # 29 February
            continue
    return found


def from_dateline(raw: str, content: Published) -> Published:
    """A yearless dateline dates the article to the first such day in the window its content allows (news
    is published soon after the latest date it names); without a dateline or a window, the content's window."""
    dateline = yearless_dateline(raw) if content.window is not None else None
    if dateline is None:
        return content
    for day in _in_years(dateline, range(content.window.earliest.year, content.window.latest.year + 1)):
        if content.window.earliest <= day <= content.window.latest:
            return Published(_day(day, f"dateline+{content.window.rule}", dateline.text), "inferred")
    return content


def dateline_in_corpus(raw: str, dated: list[DateWindow]) -> Published | None:
    """A yearless dateline in a collection: the year that puts the day nearest an article its own text or
    metadata dates, if that is within `dateline_corpus_days` (articles collected together follow the same
    happenings; the content only bounds the year from below, by the latest date it names)."""
    dateline = yearless_dateline(raw)
    if dateline is None or not dated:
        return None
    content = inferred_from_content(raw).window
    years = range(min(w.earliest.year for w in dated) - 1, max(w.latest.year for w in dated) + 2)
    days = [d for d in _in_years(dateline, years) if content is None or d >= content.earliest]

    def distance(day: date) -> int:
        return min(max((w.earliest - day).days, (day - w.latest).days, 0) for w in dated)

    best = min(days, key=distance, default=None)
    if best is None or distance(best) > cues()["dateline_corpus_days"]:
        return None
    return Published(_day(best, "dateline+corpus", dateline.text), "inferred")


def date_document(raw: str, captions: tuple[Caption, ...], metadata: str | None, body: str) -> Published:
    return (from_metadata(metadata) or stated_in_text(raw) or from_captions(captions)
            or from_dateline(raw, inferred_from_content(body)))


def date_from_story(own: Published, sibling: Published) -> Published | None:
    """Narrow an undated article by a dated article of the same story."""
    if sibling.window is None or sibling.basis not in STATED or sibling.window.days > 3:
        return None
    lag = cues()["story_lag_days"]
    guess = DateWindow(sibling.window.earliest - timedelta(days=lag), sibling.window.latest, rule="story")
    if own.window is not None:
        narrowed = own.window.intersect(guess)
        guess = narrowed if narrowed is not None else guess
    return Published(DateWindow(guess.earliest, guess.latest, rule="story").normalised(), "inferred")


def anchor_of(published: Published) -> date | None:
    """The day relative expressions count from: the latest day of a narrow enough window."""
    w = published.window
    return w.latest if w is not None and w.days <= MAX_ANCHOR_DAYS else None
