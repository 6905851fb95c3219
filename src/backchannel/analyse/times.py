"""Find time expressions in news text and fix each to a window of days.

`find_timexes(text, anchor, doc=None)` is pure: the same text, anchor and Doc give the same timexes. The anchor is
the day relative expressions count from (the publication date, or the latest day of an inferred
publication window). The narrative reference ("the following day", "that same week") is the last
day-precise date the text mentioned, section headings included, unless a window of up to a week came after it
("late last week ... the following day": that window a day later); "that year", "the following month"
count from the last dated expression of any precision, and "a year ago" right after a quarter means
that quarter a year back. A quarter named without a year that has not begun by the anchor is last year's, unless the clause looks
ahead ("fell in the fourth quarter", in January). Once a story names a quarter that is over ("the third
quarter"; before one is, one it tells of in the past), "the quarter",
"the latest period" and "the 1988 period" are that quarter (of 1988). "The previous Friday" counts from the
narrative's day, "this coming Sunday" looks ahead. A time of day that names no day ("at 10 p.m.") falls on the narrative's day;
Numbers may be spelled, compounds too ("the last twenty four hours"), and so may a year after a month or season
("January nineteen ninety-seven"); "or so" stays with its amount ("a week or so ago"). "Three days later" counts from the story, not the
anchor: "three days" is a DURATION, "later" no part of it, whose window is the last dated one moved on by three
days. Under a dated section heading ("January 3 - talks stall"), deixis counts from the heading's day until the
next heading. A day or month that recurs ("each July", "on Sundays", "Tuesday nights") is a SET.
"the day before the vote" tags "the day" only (a date it follows with a comma is that date), and a second
day after a month and day ("March 3 and 4") is a timex of its own. "10:35 a.m. (0735 GMT) Friday" is on that
Friday; "in the weeks before the raid" tags "weeks", a DATE the text leaves unfixed. Holidays are capitalised
names with a fixed day or a rule (Thanksgiving, Election Day, Easter by the computus); a year before 1900
needs a preposition ("in 1898"); "at 4 in the morning" is a clock time, "high noon" and "the March for
Peace" are no times. "The past week" is the ISO week holding most of its seven days. "Current" before a noun is PRESENT_REF; "for a while", "for some time" and "over the years" are
durations of no stated length; "half an hour" is PT30M and centuries count in years; "the past year" (no number) is last year, a DATE; "the third day" (of a story)
is the narrative's day; "the 3rd of March", "year's end", "at 14:30" and "0600 GMT" are dates and times; "days after
the vote" tags "days", as "the days before" does; "Weeks later" is a DURATION of weeks; "mid-afternoon" is that part
of the narrative's day; "the prior year" counts from the last dated expression; "since year-end" is last year's
end; holidays may follow a rule ("last
monday of may", "2 days before easter"). "Years ago" is PAST_REF, "last decade" the 2010s, "9.30am" a clock time; a
quoted title ('"This Week"') is no week. A fortnight is P2W; "on the 20th" is that day of the month the tense
picks near the anchor; "the second week of June" is the ISO week holding 11 June. A duration keeps its
modifier ("over a week", "no more than ten days", "at least the past six months"). Every window records its
rule. Values follow TIMEX3 as annotated in TimeBank.

A date the text leaves open ("on March 3", "in June", "Monday") is placed before or after the anchor by
the words right before it ("since", "payable"; a deadline set now, "has until Friday to reply", looks
ahead, one set in the past, "gave them until May 6 to reply", is the nearest May 6), else by the tense of the
verb that governs it (a participle's is its clause's: "will sail, with the third leaving on May 6") when `doc`
(the text parsed by spaCy) has part-of-speech tags, else by tense keywords in its clause. A past verb that reaches
the day only through a noun or an infinitive of purpose ("invited them to a signing on March 1 to mark ...") does
not send it back over ten months when the same day lies within six weeks ahead. The module
never imports spaCy: it only reads the Doc it is given.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from backchannel.dates import describe, month_window, part_of, week_window
from backchannel.models import DateWindow, Timex

if TYPE_CHECKING:  # only for the annotations: the tagger works on plain text and never imports spaCy
    from spacy.tokens import Doc, Token

PATTERNS = Path(__file__).parent / "patterns" / "times.yaml"


@lru_cache(maxsize=1)
def vocabulary() -> dict:
    return yaml.safe_load(PATTERNS.read_text())


def _month_re() -> str:
    """Month names; only the short forms take a full stop ("Feb.", not "November.")."""
    names = sorted(vocabulary()["months"], key=len, reverse=True)
    alternatives = [n.capitalize() + (r"\.?" if len(n) <= 4 and n not in ("may", "june", "july") else "")
                    for n in names]
    return r"(?P<month>" + "|".join(alternatives) + r")(?![a-z])"


def _weekday_re(group: str = "weekday") -> str:
    return rf"(?P<{group}>" + "|".join(d.capitalize() for d in vocabulary()["weekdays"]) + r")"


DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
FROM_DAY = r"(?:(?P<day0>[0-3]?\d)(?:\s*[-–]\s*|\s+to\s+))?"  # "16-20 May", "16 to 20 May": a range of days
YEAR = r"(?P<year>(?:19|20)\d\d)(?![\d.,]\d)"
# "March 3 last year", "3 March of this year": the year named relative to the anchor's
REL_YEAR = r"(?:,?\s+(?:of\s+)?(?P<rel>(?i:last|this|next))\s+year\b(?![-'’]))"
PART = r"(?P<part>early|mid|late|the end of|the beginning of|the start of|the middle of)"
PART_OF_UNIT = (r"(?:(?P<part>earlier|later|early|late)\s+|"
                r"(?P<endof>the end|the beginning|the start|the middle)\s+of\s+)?(?:in\s+)?")
ENDS = {"the end": "late", "the beginning": "early", "the start": "early", "the middle": "mid"}


@dataclass(frozen=True)
class Rule:
    name: str
    regex: re.Pattern
    type: str = "DATE"
    cues: tuple[str, ...] = ()  # every match holds one of these (lower case): a text without any is skipped


UNIT_WORDS = ("minute", "hour", "day", "week", "fortnight", "month", "quarter", "year", "decade", "centur")
# words every match of a rule contains, to skip rules that cannot match a text (tagging speed)
CUES = {
    "iso-date": ("-",), "numeric-date": ("/", "."), "quarter": ("quarter",), "this-quarter": ("quarter", "period"),
    "season": ("spring", "summer", "fall", "autumn", "winter"), "decade": ("0s",), "decade-word": ("ties",),
    "century": ("century",), "spelled-year": ("nineteen", "twenty"), "year-2000": ("thousand",),
    "part-year": ("end", "beginning", "start", "middle", "half"), "year-ended": ("year",), "the-year": ("year",),
    "year-end": ("year",), "year-ago": ("year-",), "narrative-unit": ("that", "following", "previous", "preceding", "prior", "same"),
    "weekend": ("weekend",), "week-of": ("week of",), "week-of-month": ("week of",), "part-of-day": ("morning", "afternoon", "evening", "night"),
    "day-part": ("morning", "afternoon", "evening"),
    "relative-day": ("today", "tonight", "yesterday", "tomorrow"),
    "narrative-day": ("day", "evening", "night", "morning", "afternoon"),
    "ordinal-day": ("st day", "nd day", "rd day", "th day"),
    "narrative-span": ("day", "week", "month"), "span-around": ("before", "after", "following", "preceding", "leading"), "weekday": ("day",), "relative-week": ("week",),
    "relative-month": ("month",), "relative-year": ("year",), "relative-decade": ("decade",), "year": ("19", "20"),
    "year-period": ("19", "20"), "past-unit": ("past", "last", "previous", "next", "coming"), "year-alone": ("19", "20"),
    "duration-span": UNIT_WORDS, "duration-the": UNIT_WORDS, "duration-long": ("-long",), "duration": UNIT_WORDS, "duration-bare": UNIT_WORDS, "bare-later": ("s later",),
    "set": ("daily", "weekly", "monthly", "annually", "hourly", "yearly", "every", "each"),
    "set-named": ("every", "each", "mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays",
                  "day mornings", "day afternoons", "day evenings", "day nights"),
    "one-day": ("one day", "someday", "some day"), "ago": ("ago", "earlier"), "current": ("current",), "then-current": ("current",), "clock": ("am", "pm", "a.m", "p.m"), "clock-24": (":", "gmt", "utc", "local time"), "clock-word": ("noon", "midday", "midnight"), "clock-part": ("in the",),
}


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    m, wd = _month_re(), _weekday_re()
    # a month named alone must be spelled out ("Jan" is a name too), and May needs a modifier (a verb too)
    full_months = "(?P<month>" + "|".join(n.capitalize() for n in vocabulary()["months"] if len(n) > 4 or n in ("june", "july")) + ")"
    words = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in sorted(vocabulary()["numbers"], key=len, reverse=True))
    tens20 = "|".join(k for k, v in vocabulary()["numbers"].items() if v in COMPOUND_TENS and " " not in k)
    units19 = "|".join(k for k, v in vocabulary()["numbers"].items() if isinstance(v, int) and 1 <= v < 10 and k.isalpha())
    num = rf"(?:{words}|(?:{tens20})[\s-](?:{units19})\b)"  # "twenty four", "thirty-six", "two", "a couple of"
    # spelled counts, not "a ...": "In the past a firm ..." is still the past
    counts = "|".join(re.escape(k) for k in vocabulary()["numbers"] if not k.startswith("a"))
    # not the fractions "a quarter of", "three-quarters of"
    unit = r"(?P<unit>minute|hour|day|week|fortnight|month|(?<!-)quarter(?=s)|quarter(?!s?\s+of\b)|year|decade|century|centurie)s?"
    ordinal = r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)"
    bare_units = "minute|hour|day|week|month|year|decade|centurie"  # "for years", "weeks or months"
    tens = "|".join(k for k, v in vocabulary()["numbers"].items() if isinstance(v, int) and 10 <= v < 100 and "-" not in k)
    units = "|".join(k for k, v in vocabulary()["numbers"].items() if isinstance(v, int) and 1 <= v < 10 and len(k) > 2)
    decade_words = "|".join(vocabulary()["decade_words"])
    spelled = rf"(?i:(?P<c>nineteen|twenty)[\s-]+(?P<t>{tens})(?:[\s-](?P<u>{units}))?)"  # "nineteen ninety-four"
    holidays = "|".join(" ".join(w[0].upper() + re.escape(w[1:]) for w in h.split()).replace("'", "['’]")
                        for h in sorted(vocabulary()["holidays"], key=len, reverse=True))  # "New Year's Day"
    era = "(?P<era>" + "|".join(re.escape(e) for e in vocabulary()["eras"]) + ")"
    on_day = rf"(?:,?\s+(?:on\s+)?(?-i:{wd}|{m}\s+{DAY}\b))?"  # "10 p.m. Wednesday", "5 p.m. EST, Nov. 6"
    # "10:35 a.m. (0735 GMT) Friday": the day after a bracketed other time, which is no part of the expression
    on_day += rf"(?(weekday)|(?=\s*\([^()\n]{{1,20}}\)\s*,?\s+(?:on\s+)?(?-i:{_weekday_re('later_weekday')})))?"
    table = [
        ("iso-date", r"\b(?P<year>\d{4})-(?P<mon>\d\d)-(?P<day>\d\d)(?:\b|(?=T\d))"),  # a timestamp's date too
        # "03/12/2024" (month first, as in American usage, unless the first number cannot be a month),
        # "03.12.2024" (day first, as in Europe, where the dots are written)
        ("numeric-date", r"(?<![\d/.])(?P<a>[0-3]?\d)(?P<sep>[/.])(?P<b>[0-3]?\d)(?P=sep)(?P<year>(?:19|20)\d\d)(?![\w/]|\.\d)"),
        ("month-day-year", rf"\b(?:{wd},?\s+)?{m}\s+{DAY}(?:\s*[-–]\s*(?P<day2>[0-3]?\d))?,?\s+{YEAR}"),
        # "25 November B.E. 2566 (2023)": a year of another era, with or without the common era's after it
        ("day-month-year", rf"\b(?=\d|the\s+\d|[MTWFS][a-z]+day\b)(?:{wd},?\s+)?(?:the\s+(?=[0-3]?\d(?:st|nd|rd|th)\s+of\s))?"
                           rf"{FROM_DAY}{DAY}\s+(?:(?<=(?:st|nd|rd|th)\s)of\s+)?{m},?\s+(?:{YEAR}|{era}\s+(?P<eyear>\d{{4}})\b"
                           r"(?:\s*\((?P<ce>(?:19|20)\d\d)\))?)"),
        ("part-month-year", rf"\b(?:in\s+)?{PART}[\s-]+{m}(?:,?\s+{YEAR})?"),
        ("month-year", rf"\b{m},?\s+(?:{YEAR}|{spelled}\b|(?:of\s+)?(?P<rel>(?i:last|this|next))\s+year\b)"),  # "June last year"
        ("month-day", rf"\b(?:{wd},?\s+)?{m}\s+{DAY}(?:\s*[-–]\s*(?P<day2>[0-3]?\d))?(?!\d|:\d){REL_YEAR}?"),
        ("day-month", rf"\b(?=\d|the\s+\d|[MTWFS][a-z]+day\b)(?:{wd},?\s+)?"
                      rf"(?:the\s+(?=[0-3]?\d(?:st|nd|rd|th)\s+of\s))?"
                      rf"{FROM_DAY}{DAY}\s+(?:(?<=(?:st|nd|rd|th)\s)of\s+)?{m}\b{REL_YEAR}?"),  # "the 3rd of March"
        # "resume on the 20th": that day of a month near the anchor (not "the 20th anniversary", "the 20th century")
        ("day-alone", r"(?=the\s+\d)(?:(?<=\bon )|(?<=\bby )|(?<=\buntil )|(?<=\bsince ))the\s+(?P<day>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b"
                      r"(?!\s+[A-Za-z]|-)"),
        # "the second week of June (2025)": that week of the month
        ("week-of-month", rf"\b[Tt]he\s+(?P<wnth>first|second|third|fourth|last|final)\s+week\s+of\s+{m}(?:,?\s+{YEAR})?"),
        ("week-of", rf"\b[Tt]he\s+week\s+of\s+{m}\s+{DAY}(?!\d|:\d)"),  # "the week of March 4": that week
        ("in-month", rf"\b(?:in|during|since|until|by|of|from|through)\s+{m}(?!\w|\.\w)"),
        # not a march named after its cause ("the annual March for Peace", "the March of the Mothers")
        ("month", rf"\b(?:(?P<dir>(?i:last|this|next|this past|early|late|mid))[\s-]+|"
                  r"(?!(?:(?<=\bthe )|(?<=\bannual )|(?<=[\"“`]))\w+\s+(?:for|of|against|to)\b))"
                  rf"{full_months}(?!\w|\.\w|\s+\d)"),
        ("month-modified", r"\b(?P<dir>last|this|next|this past)\s+May\b"),
        ("quarter", rf"\b(?:the\s+(?=(?:\S+\s+){{0,2}}quarter))?(?:(?P<qyear>(?:19|20)\d\d)(?:'s)?\s+|"
                    rf"(?P<qrel>this|last|next)\s+year's\s+)?(?:fiscal[\s-]+)?"
                    rf"{ordinal}[\s-]+quarter(?!ly|-to-)(?:\s+of\s+{YEAR})?"),  # not "quarterly"
        ("this-quarter", r"\b(?P<dir>the latest|the current|the previous|the past|the last|this|last|next|the)\s+"
                         r"(?:quarter\b(?!-to-)|(?<=latest )period\b)"),  # "the latest period": the quarter reported
        ("season", rf"\b(?:(?:the\s+)?(?P<dir>this past|this|last|next|early|late)\s+|(?<=\bin )(?:the\s+)?"
                   r"|\bthe\s+(?=summer|winter|spring|autumn))"
                   rf"(?P<season>spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?(?:{YEAR}|{spelled}))?\b"),
        ("decade", r"\b(?:the\s+)?(?:(?P<part>early|mid|late)[\s-]+)?(?:(?P<cent>19|20)|')(?P<dec>\d)0s\b"),
        ("decade-word", rf"\bthe\s+(?:(?P<part>early|mid|late)[\s-]+)?(?:nineteen[\s-]+)?(?P<dword>{decade_words})\b"),
        ("century", r"\b(?:(?:the\s+)?(?P<cn>[12]?\d)(?:st|nd|rd|th)|this)[\s-]+century\b"),
        ("spelled-year", rf"\b{spelled}\b"
                         r"(?!\s+(?:hundred|thousand|percent|per|years?|months?|days?|weeks?)\b)"),
        ("year-2000", r"\bthe\s+year\s+two\s+thousand\b"),
        ("part-year", rf"\b(?:the\s+)?(?P<part>end|beginning|start|middle|first half|second half|last half)\s+of\s+"
                      rf"(?:(?:fiscal\s+)?{YEAR}|the\s+year\b)"),
        ("year-ended", r"\bthe\s+(?:fiscal\s+)?year(?=\s+end(?:ed|ing)\b)"),
        ("the-year", r"\bthe\s+(?:(?P<mod>full|current|latest|entire|whole)\s+)?(?:fiscal\s+)?year\b"
                     r"(?![-'’]|\s+(?:ago|earlier|before|after|later|\d|two|end))"),
        # "year-end", "by year's end"; "since year-end": the last one
        ("year-end", r"\b(?:(?<=\bsince )(?P<since>))?(?:the\s+)?year(?:[\s-]|['’]s\s+)end\b"),
        ("year-ago", rf"\b(?:(?:the\s+(?:comparable\s+)?)?year-(?:ago|earlier)\s+(?:{ordinal}\s+)?(?:quarter|period)\b"
                     r"|year-(?:ago|earlier)\b)"),
        ("narrative-unit", r"\b(?P<rel>the following|the previous|the preceding|the prior|that same|that|later that|earlier that|"
                           r"the same)\s+(?P<unit>year|month|quarter)\b(?![-'’])"),
        ("weekend", r"\b(?P<dir>this|last|next|the)\s+weekend\b"),
        ("part-of-day", r"\b(?P<which>this|yesterday|tomorrow|last)\s+(?P<tod>morning|afternoon|evening|night)\b"),
        # "by mid-afternoon", "late evening yesterday": a part of the narrative's day, or of the day named
        ("day-part", r"\b(?P<dpart>mid|early|late)[\s-]?(?P<tod>morning|afternoon|evening)\b"
                     r"(?:\s+(?P<which>yesterday|today|tomorrow)\b)?"),
        ("relative-day", r"\b(?:(?:earlier|later|late)\s+(?=yesterday))?(?P<rel>the day before yesterday|the day after tomorrow|today|tonight|"
                         r"yesterday|tomorrow)\b"),
        ("narrative-day", r"\b(?:on\s+)?(?:(?:earlier|later)\s+(?=that))?(?P<rel>the following day|the next day|"
                          r"the next morning|the following morning|the previous day|the day (?:after|before)(?!\s+[\w$])|"
                          r"(?:that (?:very )?|the )same (?:day|morning|afternoon|evening|night)|"
                          r"that (?:day|morning|afternoon|evening|night)|"
                          r"the day(?=\s+(?P<signal>after|before)\s+[\w$]))\b"),  # "the day [before the vote]": the day only
        # "on the third day of the talks", "a fourth day of protests": a day of the story, not a count of days
        ("ordinal-day", r"\b(?:the\s+)?(?:" + "|".join(vocabulary()["day_ordinals"]) + r"|[1-9]\d?(?:st|nd|rd|th)) day\b"
                        rf"(?![-'’])(?!\s+of\s+(?:the\s+|this\s+|next\s+|last\s+)?(?:month|week|year|{full_months}\b))"),
        ("narrative-span", r"\b(?:in\s+)?(?P<rel>the following days|the following week|that same week|the same week|"
                           r"that week|that same month|the same month|that month)\b"),
        # "in the [weeks] before the raid": a DATE around an event, whose day the text leaves to the event
        ("span-around", r"\b(?=[dwm])(?<!\bof )(?<!\bfirst )(?<!\blast )(?P<unit>days|weeks|months)\b"
                        r"(?=\s+(?:before|after|following|preceding|leading up to)\s+[\w$])"),
        ("weekday", rf"\b(?:(?P<dir>(?i:last|this|next|this coming|the previous|the following|on|overnight))\s+)?{wd}"
                    r"(?:\s+(?P<tod>morning|afternoon|evening|night))?\b"),
        # not a programme's title ('ABC's "This Week"')
        ("relative-week", rf"(?<![\"“`'‘])\b{PART_OF_UNIT}(?P<dir>this past|this last|the past|"
                          r"the last|this|last|next|the)\s+week\b(?!-|\s+(?:end|of)\b)"
                          r"(?:(?<!the week)|(?!\s+(?:before|after|ago|earlier|later)\b))"),  # not "the week [after X]"
        ("relative-month", rf"\b{PART_OF_UNIT}(?P<dir>this|last|next|(?<=of )the)\s+month\b"),  # "the end of the month"
        ("relative-decade", r"\b(?P<dir>this|last|next)\s+decade\b(?![-'’])"),  # "last decade": the 2010s
        ("relative-year", rf"\b{PART_OF_UNIT}(?P<dir>this|last|next)\s+year\b"),
        ("year-period", rf"\bthe\s+{YEAR}\s+(?:period|quarter|season)\b"),  # "the 1988 period": a part of that year
        ("year", rf"\b(?:(?:in|since|by|of|during|until|from|early|late|mid)\s+|mid-){YEAR}\b"),
        ("old-year", r"\b(?:in|since|until|during)\s+(?P<year>1[0-8]\d\d)\b(?![\d.,]\d|\s*%|\s+(?:per|percent)\b|"
                     r"\s+(?!(?:was|has|is|as|this|its|his|us|thus|unless|across|plus)\b)[a-z]+s\b)"),  # "in 1898", not "in 1500 homes"
        ("year-alone", rf"(?<![$£€\d,.-])\b(?:fiscal\s+)?{YEAR}\b(?!\s*(?:%|per|people|hostages|troops))"),
        # "over the past year", "the next year or so": the calendar year before or after the anchor's, a DATE as
        # TimeBank tags it (a number makes it a DURATION: "the past two years")
        ("past-unit", r"\bthe\s+(?P<dir>past|last|previous|next|coming)\s+(?P<unit>month|year)\b(?:\s+or\s+so\b)?"
                      r"(?![-'’]|\s+(?:ago|later|earlier|of|before|after)\b)"),
        # not the idiom "at the last minute"
        ("duration-span", r"\b(?!(?<=\bat )the\s+last\s+minute\b)"
                          r"(?:(?:at\s+least\s+)?the\s+(?:past|last|next|coming|previous)\s+|(?:past|next|coming|previous)\s+)"
                          rf"(?:(?P<n0>\d+|{num})\s+(?:to|or)\s+)?(?:(?P<n>\d+|{num}|several|few)\s+)?{unit}\b"
                          r"(?:\s+or\s+so\b)?(?!\s+(?:ago|later|earlier)|-old)"),  # "the next year or so"
        ("duration-the", rf"\bthe\s+(?:(?:first|final|latest|same)\s+)?(?!(?:19|20)\d\d\b)"
                         rf"(?P<n>\d+|{num}|several|few)\s+{unit}\b"
                         r"(?!\s+(?:ago|later|earlier)|-old)"),
        # "will one day return", "may some day be": an unfixed time ahead, no length (before "duration", which it beats)
        ("one-day", r"(?:" + "|".join(rf"(?<=\b{m} )" for m in ("will", "would", "could", "might", "may", "can", "shall"))
                    + r")(?:one|some)\s?day\b"),
        # "over" before "a" or "an" is "more than" ("lasted over a week"), kept as TimeML keeps such modifiers
        # not from the end of a range of days ("May 22-24 - three days of swaps")
        ("duration", r"(?<![-–])\b(?:(?:within|up to|about|nearly|almost|(?:no\s+|not\s+)?(?:more|less)\s+than|"
                     r"at least|"
                     r"roughly|some|over(?=\s+(?:a|an|one)\s))\s+)?"
                     rf"(?:(?=[\w-]+(?:\s+\w+)?\s+(?:to|or|-)\s)(?!(?:19|20)\d\d\b)(?P<n0>\d+|{num})\s+(?:to|or|-)\s+)?"
                     rf"(?P<halfa>half\s+(?=an?\s))?(?P<n>\d+|{num}|several)(?:\s+(?P<half>1/2|and\s+a\s+half))?[\s-]+"
                     rf"(?:(?:more|additional|further|trading|business|working)\s+)?{unit}\b(?:\s+or\s+so\b)?"
                     r"(?!\s+(?:ago|earlier|old)\b|-old)(?:\s+(?P<half2>and\s+a\s+half)\b)?"),  # "52 years old": an age
        # "[three days] later": a DURATION counted from an event of the story (TimeBank leaves "later" out)
        ("duration-long", rf"\b(?:(?!an?\s)(?P<n>\d+|{num})[\s-]+)?{unit}-long\b"),  # "a [week-long] truce"
        # "for years", "within weeks (or months)"; "after months of talks", "heady days of trading" (not "the early
        # hours of Monday", "days of the week": a part of a time, not a length)
        # "the first time in years.", "the lowest in decades": "in" with the unit ending the clause
        ("duration-bare", r"(?:\b(?P<prep>for|within|over|in(?=\s+[a-z]+s(?:\s+or\s+[a-z]+s)?(?:\s*[.,;:!?)]|$)))\s+"
                          r"|(?<!\bthe\s)(?<!\bthose\s)(?<!\bthese\s)(?<!\bearly\s)(?<!\blate\s)(?<!\d\s)\b)"
                          rf"(?P<unit>{bare_units})s(?:\s+or\s+(?:{bare_units})s)?\b"  # "weeks or months": one span
                          r"(?(prep)(?!\s+(?:ago|later|earlier|old))|(?=\s+of\s+(?!the\b|this\b|that\b|(?-i:[A-Z0-9]))))"),
        # "Months later, ...": an unstated number of them, counted from the story ("later" stays out, as above)
        ("bare-later", r"(?:^|(?<=[.!?,;]\s)|(?<=\n)|(?<=\bjust\s)|(?<=\bonly\s))(?P<unit>minute|hour|day|week|month|year|decade)s"
                       r"(?= later\b)"),
        ("set", r"\b(?:(?P<set>daily|weekly|monthly|annually|hourly|yearly)|(?:every|each)\s+"
                r"(?:(?P<unit>hour|day|week|month|quarter|year)|(?P<tod>morning|afternoon|evening|night)))\b"),
        # "each July", "every Thursday", "Tuesday nights", "on Sundays": a day or month that recurs
        ("set-named", rf"\b(?:(?P<each>(?i:every|each))\s+)?(?:{wd}|{full_months})"
                      r"(?(each)|(?<=day)(?=s\b|\s+(?:mornings|afternoons|evenings|nights)\b))"
                      r"s?(?:\s+(?P<tod>morning|afternoon|evening|night)s?)?\b"),
        ("ago", rf"\b(?:(?:nearly|almost|about|roughly|some|more than|less than)\s+)?(?:(?P<n>\d+|{num}|several|many)\s+|(?=[a-z]+s\s+ago\b))"
                rf"{unit}(?:\s+or\s+so)?\s+(?P<dir>ago|earlier)\b"),  # "a week or so ago", "years ago"
        ("clock", r"\b(?=\d)(?<![$£€.])(?P<h>[01]?\d)(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ampm>[ap]\.m\.|[ap]m\b)"
                  r"(?:\s+(?P<tz>(?-i:[A-Z]{2,4}))\b)?"
                  + on_day),
        # a 24-hour clock after a preposition ("at 14:30", "by 0600 GMT"); not a ratio or a score ("won 3:1")
        # or opening a line: a live report's "05:14 GMT - Truce over"
        ("clock-24", r"(?=\d)(?:(?<=\bat )|(?<=\bto )|(?<=\buntil )|(?<=\bby )|(?<=\bfrom )|(?<=\bbefore )"
                     r"|(?<=\bafter )|(?<=\baround )|(?<=\n)|(?<=^))"
                     r"(?:(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?![\d:]|\s*[ap]\.?m\b)(?:\s+(?P<tz>(?-i:GMT|UTC)))?|"
                     r"(?P<h2>[01]\d|2[0-3])(?P<mi2>[0-5]\d)(?:\s+(?P<tz2>(?-i:GMT|UTC))|(?=\s+local time\b)))\b" + on_day),
        ("clock-word", r"(?<!high )\b(?P<word>noon|midday|midnight)\b" + on_day),  # not the idiom "high noon"
        ("clock-part", rf"(?:(?<=\bat )|(?<=\buntil )|(?<=\bby )|(?<=\bfrom )|(?<=\baround )|(?<=\babout )|(?<=\bbefore )|"
                       rf"(?<=\bafter ))(?P<h>1[0-2]|[1-9]|{units}|ten|eleven|twelve)\s+(?:o'clock\s+)?in\s+the\s+"
                       r"(?P<tod>morning|afternoon|evening|night)\b"),  # "at 4 in the morning"
        ("holiday", r"\b(?=(?i:last|this|next)\s|[A-Z])(?:(?P<dir>last|this past|this|next)\s+)?(?P<holiday>(?-i:" + holidays + r"))(?P<hweek>\s+week)?\b"),
        # not "the past" of "the past three summers" (an adjective) nor "the future of the alliance" (its prospects)
        ("vague", r"\b(?P<vague>" + _trie(vocabulary()["vague"]) + r")\b"
                  rf"(?!(?:(?<=past)|(?<=future))\s+(?:of\b|\d|(?:{counts})\b))"),
        # "the current talks": the present, as an adjective before a noun (not "the current account", "the current was")
        ("current", r"\b[Cc]urrent(?=\s+[a-z])(?!\s+(?:" + "|".join(vocabulary()["not_after_current"]) + r")\b)"),
        ("then-current", r"\b[Tt]hen[\s-]+current\b"),  # "at the then-current price": the past's present
    ]
    flags = {"past-unit", "decade-word", "century", "spelled-year", "year-2000", "year-ended", "the-year", "year-end", "year-ago",
             "narrative-unit", "span-around", "old-year", "ordinal-day", "duration-bare", "bare-later", "relative-day", "narrative-day", "narrative-span", "relative-week", "relative-month", "relative-year", "relative-decade",
             "duration", "duration-span", "duration-the", "duration-long", "set", "ago", "vague", "quarter", "this-quarter", "season", "weekend",
             "part-of-day", "day-part", "decade", "part-year", "holiday", "clock", "clock-24", "clock-word", "clock-part"}
    kinds = {"duration-bare": "DURATION", "bare-later": "DURATION", "year-ended": "DURATION", "duration": "DURATION", "duration-span": "DURATION", "duration-the": "DURATION",
             "duration-long": "DURATION", "set": "SET", "set-named": "SET",
             "part-of-day": "TIME", "day-part": "TIME", "clock": "TIME", "clock-24": "TIME", "clock-word": "TIME",
             "clock-part": "TIME"}
    cues = dict(CUES, holiday=tuple(max(h.replace("'", " ").split(), key=len) for h in vocabulary()["holidays"]),
                vague=tuple(max(v.split(), key=len) for v in vocabulary()["vague"]))
    return tuple(Rule(name, re.compile(rx, re.IGNORECASE if name in flags else 0), kinds.get(name, "DATE"),
                      cues.get(name, ())) for name, rx in table)


def _trie(phrases) -> str:
    """One regex alternation for many phrases, sharing their prefixes (much faster to scan than a flat list);
    where one phrase extends another, the longer is tried first."""
    tree: dict = {}
    for phrase in phrases:
        node = tree
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        branches = [re.escape(ch) + pattern(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body
    return pattern(tree)


def _month(name: str) -> int:
    return vocabulary()["months"][name.lower().rstrip(".")]


COMPOUND_TENS = (20, 30, 40, 50, 60, 70, 80, 90)


def _number(word: str | None) -> int | None:
    """ "12", "twelve", "a couple of", or a ten and a unit ("twenty four", "thirty-six"); None for "several",
    "many" or no number at all ("years ago")."""
    if word is None:
        return None
    if word.isdigit():
        return int(word)
    numbers = vocabulary()["numbers"]
    key = " ".join(word.lower().split())
    if key in numbers:
        return numbers[key]
    tens, _, unit = key.replace("-", " ").partition(" ")
    if numbers.get(tens) in COMPOUND_TENS and isinstance(numbers.get(unit), int) and numbers[unit] < 10:
        return numbers[tens] + numbers[unit]
    return None


def _spelled_year(g: dict) -> int | None:
    """ "nineteen ninety-four": 1994."""
    if not g.get("c"):
        return None
    numbers = vocabulary()["numbers"]
    return numbers[g["c"].lower()] * 100 + numbers[g["t"].lower()] + (numbers[g["u"].lower()] if g.get("u") else 0)


# TimeBank keeps "at least", "earlier this month" and "later that year" whole, but not "earlier [this week]"
LEADING_PREPOSITION = re.compile(r"(?:(?:in|on|since|by|of|during|until|from|through|at(?!\s+least)|for|within|"
                                 r"over(?!\s+(?:a|an|one)\s)|overnight)\s+)?(?:(?:earlier|later)\s+(?=this\s+week))?(?=\S)", re.IGNORECASE)
CLAUSE_END = re.compile(r"[,;:.\n]|\b(?:that|and|but)\b")


@lru_cache(maxsize=1)
def _future_cues() -> re.Pattern:
    return re.compile(r"(?<![\w'])(?:" + "|".join(re.escape(c) for c in vocabulary()["future_cues"]) + r")\b")


def _tense(text: str, start: int, end: int) -> str:
    """"future", "past" or "" for the clause holding the expression.

    Looks from the sentence start to the expression and on to the end of its clause, so that a
    "will" in a later reported clause ("posted on Monday that ... there will be") does not count.
    """
    lo = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    stop = CLAUSE_END.search(text, end)
    clause = (text[lo:start] + " " + text[end:(stop.start() if stop else len(text))]).lower()
    if _future_cues().search(clause):
        return "future"
    words = re.findall(r"[a-z']+", clause)
    if any(w in vocabulary()["past_verbs"] or (len(w) > 4 and w.endswith("ed")) for w in words):
        return "past"
    return ""


WEAK_PAST = "weak past"  # a past verb governs the day only through a noun or an infinitive of purpose
FUTURE_AUX = {"will", "'ll", "wo", "shall", "would", "could", "may", "might", "should", "can", "must", "ca", "'d"}
PERFECT_AUX = {"has", "have", "had", "'ve", "'s", "been"}
NOUN_MODIFIER = {"compound", "poss", "amod", "nmod"}  # "the June agreement", "Wednesday's ruling": a noun's time


@lru_cache(maxsize=1)
def _lead_cues() -> tuple[re.Pattern, re.Pattern]:
    """Words right before an expression that fix its direction ("payable Dec. 7", "since May 3")."""
    def alternation(words: list[str]) -> re.Pattern:
        return re.compile(r"(?<![\w'])(?:" + "|".join(re.escape(w) for w in words) + r")\s+(?:on\s+|in\s+)?$", re.I)
    return alternation(vocabulary()["future_leads"]), alternation(vocabulary()["past_leads"])


@lru_cache(maxsize=1)
def _named_day() -> re.Pattern:
    return re.compile(rf"\b(?:{_weekday_re()}|{_month_re()})")


def names_day(expression: str) -> bool:
    """ "4 a.m. on Wednesday", "6 a.m. on March 3": a time of day on a named day, a TIME that dates what happened
    at it (its window waits for the anchor, as a weekday's does)."""
    return _named_day().search(expression) is not None


# a deadline set now ("has given them until Tuesday to leave", "have until Friday to answer") lies ahead; one
# set in a past-tense clause ("gave them until Tuesday to leave") may have passed: no tense, the nearest day
# (a deadline is set weeks ahead, not a year)
DEADLINE_BEFORE = re.compile(r"\b(?:until|till|by|before)\s+$", re.IGNORECASE)
DEADLINE_AFTER = re.compile(r"\s+to\s+(?!(?:the|a|an|his|her|its|their|be\s+\w+ed)\b)[a-z]+\b")


@lru_cache(maxsize=1)
def _moved_deadline() -> re.Pattern:
    verbs = "|".join(re.escape(v) for v in vocabulary()["deadline_movers"])
    return re.compile(rf"(?<![\w'])(?:{verbs})\s+(?:[\w'’-]+\s+){{0,3}}(?:until|till)\s+$", re.I)


def _lead_tense(text: str, start: int, end: int) -> str | None:
    before = text[max(0, start - 30):start]
    future, past = _lead_cues()
    if DEADLINE_BEFORE.search(before) and DEADLINE_AFTER.match(text, end):
        # set in the past ("gave them until March 3 to reply"), the deadline is the nearest such day, passed or not
        return "" if _tense(text, start, end) == "past" else "future"
    if _moved_deadline().search(text, max(0, start - 60), start):  # "extended its deadline until Tuesday"
        return "future"
    return "future" if future.search(before) else "past" if past.search(before) else None


def _flashback(doc: Doc | None, rule: str, g: dict, start: int, end: int) -> bool:
    """Does an earlier day leave the narrative's time where it was? A step back ("the previous day", "the
    day before") does, and so does a day named in a relative clause or under a past perfect ("X, who had
    proposed the talks on May 11, ..."): the story looks back and goes on from its own day."""
    if rule == "narrative-day":
        return _day_step(" ".join((g.get("rel") or "", g.get("signal") or "")).lower()) < 0
    span = doc.char_span(start, end, alignment_mode="expand") if doc is not None and doc.has_annotation("DEP") else None
    if span is None or len(span) == 0:
        return False
    verb = span.root
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ == "relcl" or any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children)


def _doc_tense(doc: Doc | None, text: str, start: int, end: int) -> str | None:
    """"future", "past" or "" from the part-of-speech tags (and parse) of `doc`, the same text parsed by
    spaCy; None when the Doc has no tags or no verb governs the expression (the keyword guess then decides).

    With a parse, the verb is the nearest verb above the expression ("met [on Monday]": met); its tag and
    auxiliaries give the tense. A modal or will/shall looks ahead, unless with a perfect ("may have
    been") or, for "could", a negation or a passive ("could not be reached Friday": a past attempt); so does an infinitive complement ("plans to meet", "was due to arrive") or a verb of planning
    ("scheduled a meeting Monday"), unless that verb modifies a noun in a past clause ("a rally planned for
    Saturday was called off"), as does a present progressive ("are meeting Friday"); an infinitive of
    purpose takes its head's tense, and one under a past perfect ("had been due to expire Friday") looks
    back. A past tag, or has/had with a participle, looks back; a present tense decides nothing (on
    TimeBank it points ahead and back alike) unless it tells an act scheduled for the day ("the envoys meet
    Monday", not "says Monday" or a heading's "rebels walk out"), and neither does the clause of an expression that
    modifies a noun ("Monday's vote").
    """
    if doc is None or not doc.has_annotation("TAG"):
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    if not doc.has_annotation("DEP"):
        verbs = [t for t in span.sent if t.tag_.startswith(("VB", "MD"))]
        if any(t.lower_ in FUTURE_AUX - {"could", "would", "can", "ca"} for t in verbs):
            return "future"
        return "past" if any(t.tag_ == "VBD" for t in verbs) else None
    if span.root.dep_ in NOUN_MODIFIER:
        return ""
    verb, via_noun = span.root, False
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
        via_noun = via_noun or (verb.pos_ in ("NOUN", "PROPN") and verb not in span)
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    tense = _verb_tense(verb)
    if not tense and _scheduled(verb) and not _headline(_line(text, start)):
        return "future"
    # "told them of a cutback in September", "invited them to a signing on May 2 to mark ...": the past verb
    # dates the telling, not the day, which hangs on a noun or an infinitive of purpose
    purpose = verb.dep_ == "advcl" and verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    return WEAK_PAST if tense == "past" and (via_noun or purpose) else tense


def _scheduled(verb: Token) -> bool:
    """ "The envoys meet Monday", "talks resume on Friday": a present act (not a saying or a state: "says",
    "is", "holds") with a day is one scheduled ahead; not "cut", "hurt", whose past is the same word."""
    return ((verb.tag_ == "VBZ" or verb.tag_ == "VBP" and verb.lower_ not in vocabulary()["past_verbs"])
            and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
            and verb.lower_ not in vocabulary()["present_states"])


def _line(text: str, start: int) -> str:
    end = text.find("\n", start)
    return text[text.rfind("\n", 0, start) + 1:len(text) if end < 0 else end]


# "Jan 9 - Court sentences him.", "Friday – ...", "12 April: The court frees him."
CHRONOLOGY_LINE = re.compile(r"\s*(?:(?:[^\s–—-]+\s+){1,5}[–—-]|(?:[^\s:]+\s+){0,4}[^\s:]+:)\s")


def _headline(line: str) -> bool:
    """A heading or a chronology's line, whose present tense tells what happened ("Jan 9 - Court frees him.")."""
    return _reads_as_heading(line) or CHRONOLOGY_LINE.match(line) is not None


def _clause_tense(verb: Token, depth: int) -> str:
    """The tense of the clause a noun-modifying verb sits in ("the talks planned for Monday [were] called off")."""
    head = verb.head
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    return _verb_tense(head, depth + 1) if head.pos_ in ("VERB", "AUX") and head.i != verb.i else ""


def _verb_tense(verb: Token, depth: int = 0) -> str:
    aux = {c.lower_: c for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if verb.lower_ in vocabulary()["planning_verbs"]:
        # a plan modifying a noun ("a memorial planned for Saturday"): ahead, unless its clause tells of the past
        if verb.dep_ == "acl" and depth < 3 and _clause_tense(verb, depth) == "past":
            return "past"
        return "future"
    if aux.keys() & PERFECT_AUX:
        return "past"
    # "could not be reached Friday", "could be located Wednesday": a past attempt, not a prospect
    attempt = "could" in aux and any(c.dep_ in ("neg", "auxpass") for c in verb.children)
    if aux.keys() & FUTURE_AUX and not attempt:
        return "future"
    if verb.dep_ == "xcomp" and verb.tag_ == "VBG" and not aux and depth < 3 and _verb_tense(verb.head, depth + 1) == "past":
        return "past"  # "began carrying messages in the winter": the past of the verb it completes
    if verb.dep_ in ("pcomp", "advcl") and verb.tag_ == "VBG" and not aux and depth < 3:
        # "will sail, with the third leaving on May 6": a participle has its clause's time
        return _clause_tense(verb, depth)
    if "going" in aux or ("to" in aux and verb.tag_ == "VB"):  # an infinitive
        if verb.dep_ == "advcl" and depth < 3:  # "met to discuss": the head's time
            return _verb_tense(verb.head, depth + 1)
        head = verb.head
        while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:  # past "due" to "been"
            head = head.head
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ == "had" for c in head.children):
            return "past"  # "had been due to expire Friday": a plan already past
        return "future"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in aux.values()):
        return "past"
    if verb.tag_ == "VBG" and aux.keys() & {"is", "are", "am", "'re", "'m"}:  # "are meeting on Friday"
        return "future"
    if verb.lemma_ == "be" and verb.tag_ in ("VBZ", "VBP") and any(  # "is due to take effect ... on Monday"
            c.dep_ in ("acomp", "attr") and any(g.dep_ == "xcomp" and g.tag_ == "VB" for g in c.children)
            for c in verb.children):
        return "future"
    return ""


def _quoted(text: str, start: int) -> bool:
    """Is `start` inside quotation marks opened in the same paragraph?"""
    paragraph = text[text.rfind("\n", 0, start) + 1:start]
    return paragraph.count("“") > paragraph.count("”") or paragraph.count('"') % 2 == 1


def _window(lo: date, hi: date, rule: str, text: str) -> DateWindow:
    return DateWindow(lo, hi, rule=rule, text=text).normalised()


def _year_for(month: int, day: int, anchor: date | None, ref: date | None, tense: str) -> int | None:
    """The year of an underspecified date, as `_closest` picks it around the anchor."""
    base = anchor or ref
    if base is None:
        return None
    candidates = []
    for year in (base.year - 1, base.year, base.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    found = _closest(candidates, base, tense)
    return None if found is None else found.year


FAR_DAYS, NEAR_DAYS = 320, 45  # a weak past's pick over ten months back yields to a day within six weeks


def _closest(candidates: list[date], base: date, tense: str) -> date | None:
    """Of the days a date without a year can name: the last one up to `base` when the clause speaks of the
    past, the next one when it speaks of the future, else the nearest (leaning to the past)."""
    if not candidates:
        return None
    close = min(candidates, key=lambda c: abs((c - base).days))
    if abs((close - base).days) <= 14 and tense != "future":
        return close  # within two weeks either way: tense cues are weaker evidence than nearness
    if tense in ("future", "past", WEAK_PAST):
        side = [c for c in candidates if (c >= base - timedelta(days=1) if tense == "future" else c <= base + timedelta(days=1))]
        pick = (min(side) if tense == "future" else max(side)) if side else None
        # a weak past names a day ten months back only with its year: one a few weeks ahead is meant
        # ("invited them to a signing on March 12 to mark ...", in February: this March)
        if tense == WEAK_PAST and pick is not None and (base - pick).days > FAR_DAYS and abs((close - base).days) <= NEAR_DAYS:
            return close
        return pick
    # news mostly reports what happened: a date ahead counts as twice as far as one behind
    return min(candidates, key=lambda c: (c - base).days * 2 if c > base else (base - c).days)


NTH = {"first": 0, "second": 1, "third": 2, "fourth": 3}


def _holiday(spec: list[int] | str, year: int) -> date:
    """The day of a holiday in `year`: a fixed [month, day], "fourth thursday of november", "last monday of
    may", the Tuesday after the first Monday of November, Easter Sunday by the computus, or a number of days
    before or after it ("2 days before easter")."""
    if isinstance(spec, list):
        return date(year, spec[0], spec[1])
    words = spec.split()
    if len(words) > 3 and words[1] == "days":  # "2 days before easter", "1 days after fourth thursday of november"
        shift = int(words[0]) * (-1 if words[2] == "before" else 1)
        return _holiday(" ".join(words[3:]), year) + timedelta(days=shift)
    if spec == "easter":
        return _easter(year)
    if spec == "election tuesday of november":
        return date(year, 11, 2) + timedelta(days=(1 - date(year, 11, 2).weekday()) % 7)
    nth, weekday, _, month = words
    target, month = vocabulary()["weekdays"][weekday], _month(month)
    if nth == "last":
        last = month_window(year, month)[1]
        return last - timedelta(days=(last.weekday() - target) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(target - first.weekday()) % 7 + 7 * NTH[nth])


def _easter(year: int) -> date:
    """Western Easter Sunday: the Gregorian computus (the "anonymous" algorithm of Meeus)."""
    golden = year % 19
    century, rest = divmod(year, 100)
    epact = (19 * golden + century - century // 4 - (century - (century + 8) // 25 + 1) // 3 + 15) % 30
    weekday = (32 + 2 * (century % 4) + 2 * (rest // 4) - epact - rest % 4) % 7
    shift = (golden + 11 * epact + 22 * weekday) // 451
    month, day = divmod(epact + weekday - 7 * shift + 114, 31)
    return date(year, month, day + 1)


SEASONS = {"spring": ("SP", 3), "summer": ("SU", 6), "fall": ("FA", 9), "autumn": ("FA", 9), "winter": ("WI", 12)}
TIMES_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}
ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


def _quarter_window(year: int, q: int, rule: str, text: str) -> DateWindow:
    return DateWindow(month_window(year, 3 * q - 2)[0], month_window(year, 3 * q)[1], f"{year}-Q{q}", "quarter",
                      rule, text)


def _shift_months(day: date, months: int) -> tuple[int, int]:
    y, m = divmod(day.year * 12 + day.month - 1 + months, 12)
    return y, m + 1


def _month_near(month: int, direction: str, anchor: date, tense: str) -> int:
    """The year of a month named alone: "last June" is the latest June before this month."""
    if direction == "last" or direction == "this past":
        return anchor.year if month < anchor.month else anchor.year - 1
    if direction == "next":
        return anchor.year if month > anchor.month else anchor.year + 1
    if direction == "this":
        return anchor.year
    return _year_for(month, 15, anchor, None, tense)


def _part(lo: date, hi: date, part: str, anchor: date, current: bool) -> tuple[date, date]:
    """ "earlier this week" ends at the anchor, "later this year" starts there; early/mid/late take a part."""
    if part == "earlier" and current:
        return lo, anchor
    if part == "later" and current:
        return anchor, hi
    if part:
        return part_of(lo, hi, {"earlier": "early", "later": "late"}.get(part, part))
    return lo, hi


def _within(window: DateWindow, lo: date, hi: date) -> DateWindow:
    """ "earlier this month" on the 1st is still this month: a part of a unit up to the anchor keeps the
    unit's value, however few days it spans (an "early"/"late" part already has its own)."""
    return replace(window, value=describe(lo, hi)[0]) if window.precision == "day" and lo != hi else window


def _resolve(rule: str, g: dict, text: str, anchor: date | None, ref: date | None, tense: str) -> DateWindow | None:
    """Turn one match into a window, or None when the text does not fix one (or names no real day)."""
    try:
        return _resolve_match(rule, g, text, anchor, ref, tense)
    except ValueError:  # "February 31", "2024-13-45", "March 5-3": no such window
        return None


def _resolve_match(rule: str, g: dict, text: str, anchor: date | None, ref: date | None, tense: str) -> DateWindow | None:
    if rule in CLOCKS:  # the day a time of day names, if it names one
        if g.get("weekday") or g.get("later_weekday"):
            return _resolve_match("weekday", {"weekday": g["weekday"] or g["later_weekday"]}, text, anchor, ref, tense)
        if g.get("month"):
            return _resolve_match("month-day", {"month": g["month"], "day": g["day"]}, text, anchor, ref, tense)
        return None
    if rule in ("month", "month-modified"):
        if anchor is None:
            return None
        month, direction = _month(g["month"] if rule == "month" else "May"), (g.get("dir") or "").lower()
        lo, hi = month_window(_month_near(month, direction, anchor, tense), month)
        if direction in ("early", "late", "mid"):
            lo, hi = part_of(lo, hi, direction)
        return _window(lo, hi, rule, text)
    if rule == "quarter":
        year = int(g.get("qyear") or g.get("year") or 0) or (anchor.year if anchor else None)
        q = ORDINALS[g["ord"].lower()]
        if g.get("qrel") and year is not None:  # "next year's first quarter"
            year += {"this": 0, "last": -1, "next": 1}[g["qrel"].lower()]
        elif year is not None and not (g.get("qyear") or g.get("year")) and tense != "future" \
                and date(year, 3 * q - 2, 1) > anchor:
            year -= 1  # "profit fell in the fourth quarter", in January: the one just past
        return None if year is None else _quarter_window(year, q, rule, text)
    if rule == "this-quarter":
        if anchor is None:
            return None
        shift = {"this": 0, "the current": 0, "next": 3, "last": -3, "the previous": -3, "the past": -3,
                 "the last": -3}.get(g["dir"].lower(), -3)  # "the quarter", "the latest quarter": the last reported
        y, m = _shift_months(anchor, shift)
        return _quarter_window(y, (m - 1) // 3 + 1, rule, text)
    if rule == "season":
        named = int(g["year"]) if g.get("year") else _spelled_year(g)
        if anchor is None and not named:
            return None
        code, first = SEASONS[g["season"].lower()]
        direction = (g.get("dir") or "").lower()
        year = named or anchor.year
        if not named and direction in ("last", "this past") and anchor.month <= first + 2:
            year -= 1
        elif not named and not direction and tense == "past" and date(year, first, 1) > anchor:
            year -= 1  # "began in the winter", in June: the latest winter that had begun
        elif not named and direction == "next" and anchor.month >= first:
            year += 1
        lo = date(year, first, 1)
        y2, m2 = _shift_months(lo, 2)
        return DateWindow(lo, month_window(y2, m2)[1], f"{year}-{code}", "season", rule, text)
    if rule == "relative-decade":
        if anchor is None:
            return None
        start = (anchor.year // 10 + {"this": 0, "last": -1, "next": 1}[g["dir"].lower()]) * 10
        return DateWindow(date(start, 1, 1), date(start + 9, 12, 31), f"{start // 10}", "decade", rule, text)
    if rule == "decade":
        cent = int(g["cent"]) if g.get("cent") else (19 if int(g["dec"]) >= 3 else 20)
        start = cent * 100 + int(g["dec"]) * 10
        first, last = {"early": (0, 3), "mid": (3, 6), "late": (6, 9)}.get((g.get("part") or "").lower(), (0, 9))
        return DateWindow(date(start + first, 1, 1), date(start + last, 12, 31), f"{start // 10}", "decade", rule, text)
    if rule in ("decade-word", "century"):
        if rule == "decade-word":
            start = 1900 + 10 * vocabulary()["decade_words"][g["dword"].lower()]
            first, last = {"early": (0, 3), "mid": (3, 6), "late": (6, 9)}.get((g.get("part") or "").lower(), (0, 9))
            return DateWindow(date(start + first, 1, 1), date(start + last, 12, 31), f"{start // 10}", "decade", rule, text)
        if not g.get("cn") and anchor is None:
            return None
        start = (int(g["cn"]) - 1) * 100 if g.get("cn") else anchor.year // 100 * 100  # "this century"
        return None if start < 1 else DateWindow(date(start, 1, 1), date(start + 99, 12, 31), f"{start // 100:02d}",
                                                 "century", rule, text)
    if rule in ("spelled-year", "year-2000"):
        year = 2000 if rule == "year-2000" else _spelled_year(g)
        return _window(date(year, 1, 1), date(year, 12, 31), rule, text)
    if rule == "part-year":
        if not g.get("year") and anchor is None:
            return None
        year = int(g["year"]) if g.get("year") else anchor.year
        part = " ".join(g["part"].lower().split())
        # "the start of the year" is narrower than "early this year" (January to April): its first two months
        months = {"end": (11, 12), "beginning": (1, 2), "start": (1, 2), "middle": (5, 8), "first half": (1, 6),
                  "second half": (7, 12), "last half": (7, 12)}[part]
        value = f"{year}-H{1 if part == 'first half' else 2}" if "half" in part else str(year)
        return DateWindow(date(year, months[0], 1), month_window(year, months[1])[1], value, "year", rule, text)
    if rule in ("the-year", "year-end", "year-ago"):
        if anchor is None:
            return None
        if rule == "year-end":  # this year's end; "since year-end": the last one
            year = anchor.year - (g.get("since") is not None and anchor.month < 12)
            return _window(date(year, 12, 31), date(year, 12, 31), rule, text)
        if rule == "year-ago" and g.get("ord"):
            return _quarter_window(anchor.year - 1, ORDINALS[g["ord"].lower()], rule, text)
        back = rule == "year-ago" or (g.get("mod") or "").lower() == "latest"
        year = anchor.year - back
        return _window(date(year, 1, 1), date(year, 12, 31), rule, text)
    if rule == "weekend":
        if anchor is None:
            return None
        direction = g["dir"].lower()
        shift = {"this": 0, "next": 7, "last": -7}.get(direction, 0 if anchor.weekday() >= 4 else -7)
        monday, sunday = week_window(anchor + timedelta(days=shift))
        iso = monday.isocalendar()
        return DateWindow(sunday - timedelta(days=1), sunday, f"{iso.year}-W{iso.week:02d}-WE", "week", rule, text)
    if rule == "day-part":  # "mid-afternoon yesterday": that day; without one, the narrative's (see _value)
        if anchor is None or not g.get("which"):
            return None
        day = anchor + timedelta(days={"yesterday": -1, "tomorrow": 1}.get(g["which"].lower(), 0))
        return _window(day, day, rule, text)
    if rule == "part-of-day":
        if anchor is None:
            return None
        shift = {"yesterday": -1, "tomorrow": 1, "last": -1}.get(g["which"].lower(), 0)
        day = anchor + timedelta(days=shift)
        return DateWindow(day, day, f"{day.isoformat()}T{TIMES_OF_DAY[g['tod'].lower()]}", "day", rule, text)
    if rule == "holiday":
        if anchor is None:
            return None
        spec = vocabulary()["holidays"][" ".join(g["holiday"].lower().replace("’", "'").split())]
        days = [_holiday(spec, year) for year in (anchor.year - 1, anchor.year, anchor.year + 1)]
        direction = (g.get("dir") or "").lower()
        if direction in ("last", "this past"):  # "last Christmas": the latest one before the anchor
            day = max(d for d in days if d < anchor)
        elif direction == "next":
            day = min(d for d in days if d > anchor)
        elif direction == "this":
            day = days[1]
        else:  # "on Thanksgiving Day": the one the tense points to, like a month and day
            day = _closest(days, anchor, tense)
        return _window(*(week_window(day) if g.get("hweek") else (day, day)), rule, text)  # "Easter week"
    if rule == "iso-date":
        return _window(*[date(int(g["year"]), int(g["mon"]), int(g["day"]))] * 2, rule, text)
    if rule == "numeric-date":
        a, b = int(g["a"]), int(g["b"])
        month, day = (b, a) if g["sep"] == "." or a > 12 else (a, b)
        try:
            return _window(*[date(int(g["year"]), month, day)] * 2, rule, text)
        except ValueError:  # "31/31/2024"
            return None
    if rule == "day-alone":  # "on the 20th": the 20th of the month before, of or after the anchor's the tense picks
        if anchor is None:
            return None
        days = []
        for shift in (-1, 0, 1):
            try:
                days.append(date(*_shift_months(anchor, shift), int(g["day"])))
            except ValueError:  # "the 31st" of a shorter month
                pass
        day = _closest(days, anchor, tense)
        return None if day is None else _window(day, day, rule, text)
    if rule == "week-of-month":
        month = _month(g["month"])
        year = int(g["year"]) if g.get("year") else None if anchor is None else _month_near(month, "", anchor, tense)
        if year is None:
            return None
        nth = g["wnth"].lower()
        # the week that holds the middle of that seven-day block of the month (so mostly inside the month)
        day = month_window(year, month)[1] - timedelta(days=3) if nth in ("last", "final") else date(year, month, 4 + 7 * NTH[nth])
        return _window(*week_window(day), rule, text)
    if rule == "week-of":
        day = _resolve_match("month-day", g, text, anchor, ref, tense)
        return None if day is None else _window(*week_window(day.earliest), rule, text)
    if rule in ("month-day-year", "day-month-year", "month-day", "day-month"):
        month, day = _month(g["month"]), int(g["day"])
        if g.get("rel"):  # "March 3 last year"
            year = None if anchor is None else anchor.year + {"this": 0, "last": -1, "next": 1}[g["rel"].lower()]
        elif g.get("eyear"):  # "B.E. 2566 (2023)": the common era's year, stated or counted
            year = int(g["ce"]) if g.get("ce") else int(g["eyear"]) - vocabulary()["eras"][g["era"]]
        else:
            year = int(g["year"]) if g.get("year") else _year_for(month, day, anchor, ref, tense)
        if year is None:
            return None
        first, last = int(g.get("day0") or day), int(g.get("day2") or day)
        first = first if first <= day else day  # "won 2-1 May 5": a score, no range
        return _window(date(year, month, first), date(year, month, last), rule, text)
    if rule in ("part-month-year", "month-year", "in-month"):
        month = _month(g["month"])
        if g.get("rel"):  # "January this year"
            year = None if anchor is None else anchor.year + {"this": 0, "last": -1, "next": 1}[g["rel"].lower()]
        else:
            year = int(g["year"]) if g.get("year") else _spelled_year(g) or _year_for(month, 15, anchor, ref, tense)
        if year is None:
            return None
        lo, hi = month_window(year, month)
        part = (g.get("part") or "").lower()
        if part:
            part = {"the beginning of": "early", "the start of": "early", "the end of": "late",
                    "the middle of": "mid"}.get(part, part)
            lo, hi = part_of(lo, hi, part)
        return _window(lo, hi, rule, text)
    if rule in ("year", "year-alone", "year-period", "old-year"):
        year = int(g["year"])
        part = re.match(r"(early|mid|late)\b", text, re.IGNORECASE)  # "late 2009": September to December
        return _window(*part_of(date(year, 1, 1), date(year, 12, 31), part[1].lower()) if part else
                       (date(year, 1, 1), date(year, 12, 31)), rule, text)
    if rule == "weekday":
        direction = " ".join((g.get("dir") or "").lower().split())
        # "the previous Friday", "the following Monday": counted from the narrative's day, not the anchor's
        base = (ref or anchor) if direction in ("the previous", "the following") else (anchor or ref)
        if base is None:
            return None
        target = vocabulary()["weekdays"][g["weekday"].lower()]
        ahead = ("next", "this coming", "the following")  # "this coming Sunday": the next Sunday
        if direction in ahead or (tense == "future" and direction not in ("last", "the previous")):
            offset = (target - base.weekday()) % 7
            day = base + timedelta(days=offset or (7 if direction in ahead else 0))
        else:
            offset = (base.weekday() - target) % 7
            day = base - timedelta(days=offset or (7 if direction in ("last", "the previous") else 0))
        return _window(day, day, rule, text)
    if rule == "relative-day":
        if anchor is None:
            return None
        shift = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
                 "the day after tomorrow": 2}[" ".join(g["rel"].lower().split())]
        return _window(anchor + timedelta(days=shift), anchor + timedelta(days=shift), rule, text)
    if rule == "narrative-day":
        if ref is None:
            return None
        rel = " ".join((g["rel"], g.get("signal") or "")).lower()
        shift = _day_step(rel)
        return _window(ref + timedelta(days=shift), ref + timedelta(days=shift), rule, text)
    if rule == "ordinal-day":  # "on the third day of the talks": the story's day, else the anchor's
        base = ref or anchor
        return None if base is None else _window(base, base, rule, text)
    if rule == "narrative-span":
        if ref is None:
            return None
        rel = g["rel"].lower()
        if rel == "the following days":
            return _window(ref + timedelta(days=1), ref + timedelta(days=7), rule, text)
        if rel == "the following week":
            lo, _ = week_window(ref + timedelta(days=7))
            return _window(lo, lo + timedelta(days=6), rule, text)
        if "week" in rel:
            return _window(*week_window(ref), rule, text)
        return _window(*month_window(ref.year, ref.month), rule, text)
    if rule == "relative-week":
        if anchor is None:
            return None
        direction, part = g["dir"].lower(), (g.get("part") or ENDS.get((g.get("endof") or "").lower(), "")).lower()
        if direction in ("this past", "this last", "the past", "the last"):
            # the seven days up to the anchor, named by the week that holds most of them (not the month, or year, they fall in)
            mid = anchor - timedelta(days=3)
            return replace(_window(anchor - timedelta(days=7), anchor, rule, text), value=describe(*week_window(mid))[0])
        shift = {"this": 0, "the": 0, "last": -7, "next": 7}[direction]
        week = week_window(anchor + timedelta(days=shift))
        lo, hi = _part(*week, part, anchor, shift == 0)
        if part == "earlier" and shift == 0 and lo < anchor:  # a day of the week told apart from today's
            hi = anchor - timedelta(days=1)
        if part == "later" and shift == 0 and anchor < hi:  # "will meet later this week": after today, so too
            lo = anchor + timedelta(days=1)
        return _within(_window(lo, hi, rule, text), *week)
    if rule in ("relative-month", "relative-year"):
        if anchor is None:
            return None
        direction, part = g["dir"].lower(), (g.get("part") or ENDS.get((g.get("endof") or "").lower(), "")).lower()
        shift = {"this": 0, "the": 0, "last": -1, "next": 1}[direction]
        if rule == "relative-month":
            y, m = divmod(anchor.year * 12 + anchor.month - 1 + shift, 12)
            lo, hi = month_window(y, m + 1)
        else:
            lo, hi = date(anchor.year + shift, 1, 1), date(anchor.year + shift, 12, 31)
        return _within(_window(*_part(lo, hi, part, anchor, shift == 0), rule, text), lo, hi)
    if rule == "past-unit":  # "the past year": last year
        direction = "next" if g["dir"].lower() in ("next", "coming") else "last"
        unit = g["unit"].lower()
        return _resolve_match(f"relative-{unit}", {"dir": direction}, text, anchor, ref, tense)
    if rule == "ago":
        n, unit = _number(g["n"]), g["unit"].lower()
        if anchor is None or n is None:
            return None
        if unit in ("day", "week", "fortnight"):
            day = anchor + timedelta(days=-n * {"day": 1, "week": 7, "fortnight": 14}[unit])
            return _window(*((day, day) if unit == "day" else week_window(day)), rule, text)
        if unit == "month":
            return _window(*month_window(*_shift_months(anchor, -n)), rule, text)
        if unit in ("year", "decade", "century", "centurie"):  # "a decade ago", "a century ago": that year
            year = anchor.year - n * YEARS_IN.get(UNIT_CODES[unit], 1)
            return _window(date(year, 1, 1), date(year, 12, 31), rule, text)
        return None
    return None  # durations, sets and vague references fix no window


def _is_heading(text: str, start: int, end: int) -> bool:
    """A short line that opens with this expression and does not read as a sentence."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start:(len(text) if line_end < 0 else line_end)]
    return text[line_start:start].strip() == "" and _reads_as_heading(line)


def _reads_as_heading(line: str) -> bool:
    """ "March 3 - talks stall": a line of a dozen words at most that does not end as a sentence does."""
    line = line.strip()
    return bool(line) and len(line.split()) <= 12 and not line.endswith((".", ",", ";", ":", "”", '"'))


RATE_BEFORE = re.compile(r"(?:\d|\b(?:million|billion|thousand|hundred|dollars?|cents?|percent)|"
                         r"(?P<plural>\b[a-z]+s))\s+$")
NOT_PLURAL = {"is", "was", "has", "as", "this", "its", "his", "us", "thus", "less", "unless", "across", "plus"}


def _is_rate(text: str, m: re.Match) -> bool:
    """ "$2 million a year", "700 seats a week", "24 hours a day": a rate, which TimeBank does not tag."""
    if (m.group("n") or "").lower() not in ("a", "an"):
        return False
    before = RATE_BEFORE.search(text, max(0, m.start() - 25), m.start())
    return before is not None and (before["plural"] or "").lower() not in NOT_PLURAL


def _before_noun(m: re.Match) -> bool:
    """ "the two day rally": an amount with a singular unit modifies the noun after it ("the" goes with the noun;
    the "duration" rule tags "two day" alone)."""
    return not m.group(0).lower().endswith("s") and _number(m.group("n")) not in (None, 1)


TITLE_AFTER = re.compile(r"\s+[A-Z][a-z]")


def _in_title(text: str, m: re.Match) -> bool:
    """ "The Weekend Review", "the Weekend Edition": a capitalised "Weekend" before another capitalised word names
    a section or programme, not a time."""
    return "Weekend" in m.group(0) and TITLE_AFTER.match(text, m.end()) is not None


DISCOURSE_NOW = re.compile(r"(?:^|[.!?]['\"”’`]*\s+|\n\s*)$")


def _discourse_now(text: str, m: re.Match) -> bool:
    """ "Now, the talks ...": the discourse marker that opens a sentence, not the present."""
    return (m.group(0).lower() == "now" and text.startswith(",", m.end())
            and DISCOURSE_NOW.search(text, max(0, m.start() - 5), m.start()) is not None)


def _core_length(expression: str) -> int:
    """Length without a leading preposition, which the span will not keep."""
    expression = expression.strip()
    lead = LEADING_PREPOSITION.match(expression)
    return len(expression) - (lead.end() if lead else 0)


def find_timexes(text: str, anchor: date | None = None, doc: Doc | None = None) -> list[Timex]:
    """All time expressions in `text`, left to right, each fixed as far as the text allows.

    `doc` is optional: `text` parsed by spaCy. Where it has part-of-speech tags, the tense of the verb
    governing an underspecified date ("on March 3", "Monday") decides its year or week; else keywords do."""
    matches = []
    lowered = text.lower()
    for order, rule in enumerate(rules()):
        if rule.cues and not any(cue in lowered for cue in rule.cues):
            continue
        for m in rule.regex.finditer(text):
            if m.group(0).strip() and not (rule.name == "duration" and _is_rate(text, m)) and not (
                    rule.name == "vague" and _discourse_now(text, m)) and not (
                    rule.name == "duration-the" and _before_noun(m)) and not (
                    rule.name == "weekend" and _in_title(text, m)):
                matches.append((m.start(), order, rule, m))
    # the longest expression wins where two overlap ("in March" inside "in March 2022"), then the earlier rule
    matches.sort(key=lambda item: (-_core_length(item[3].group(0)), item[0], item[1]))
    chosen, taken = [], []
    for item in matches:
        lo, hi = item[3].span()
        if not any(lo < e and s < hi for s, e in taken):
            chosen.append(item)
            taken.append((lo, hi))
    chosen.sort(key=lambda item: item[0])
    found: list[Timex] = []
    ref: date | None = None
    span: DateWindow | None = None  # a window of a few days named after `ref` ("late last week"): the narrative's time
    last: DateWindow | None = None  # the window of the latest dated expression, whatever its precision
    reported: str | None = None  # the quarter the story reports on ("the third quarter"), see below
    headings = heading_lines(text)
    section: tuple[int, date] | None = None  # the line and day of the dated section heading above, if any
    for start, _, rule, m in chosen:
        start, end = m.span()
        expression = m.group(0).strip()
        start += len(m.group(0)) - len(m.group(0).lstrip())
        lead = LEADING_PREPOSITION.match(expression)
        if lead:  # TimeML leaves the preposition out: "on [Sunday]", "in [March 2022]"
            start += lead.end()
            expression = expression[lead.end():]
        # deixis inside quoted speech counts from the narrative's time, not the publication's; under a dated
        # section heading ("January 3 - a truce that wasn't"), from the heading's day until the next heading
        here = ref if (ref is not None and _quoted(text, start)) else anchor
        if section is not None and here is anchor and not any(section[0] < h <= start for h in headings):
            here = section[1]
        tense = _lead_tense(text, start, end)
        tense = _doc_tense(doc, text, start, end) if tense is None else tense
        window = _resolve(rule.name, m.groupdict(), expression, here, ref,
                          _tense(text, start, end) if tense is None else tense)
        if rule.name == "narrative-unit":
            window = _narrative_unit(m.groupdict(), last, expression)
        elif rule.name == "narrative-day" and span is not None and not m.groupdict().get("signal"):
            window = _narrative_span_day(m.groupdict(), span, expression)  # "late last week ... the following day"
        elif m.groupdict().get("signal") and found and ref is not None and _appositive(text, found[-1].end, start):
            window = _window(ref, ref, rule.name, expression)  # "on May 2, the day before the vote": May 2
        elif here is not None and _year_back(rule.name, m.groupdict()):
            quarter = found[-1].value if found else None
            if not QUARTER_VALUE.fullmatch(quarter or "") and "quarter" in expression.lower():
                # "the year-ago quarter" with no quarter just before: the one being reported
                quarter = _resolve("this-quarter", {"dir": "the"}, expression, here, ref, "").value
            # a year before the quarter just named ("fell in the fourth quarter from a year ago"), else before the anchor
            named = bool(found) and found[-1].rule == "quarter" and quarter == found[-1].value
            year = min(int(quarter[:4]), here.year) - 1 if named else here.year - 1
            window = _same_quarter_a_year_back(quarter, year, rule.name, expression) or window
        elif reported is not None and _names_reported_quarter(rule.name, m.groupdict(), expression):
            window = _reported_quarter(rule.name, m.groupdict(), reported, expression) or window
        elif rule.type == "DURATION" and window is None:
            # "Two days later": counted from the story
            window = _later(m.groupdict(), expression, text, end, last, here)
        heading = rule.type == "DATE" and window is not None and _is_heading(text, start, end)
        if rule.name in CLOCKS and window is None and here is not None and _is_heading(text, start, end):
            window, heading = _window(here, here, rule.name, expression), True  # a live report's entry: its day
        if heading and window.days <= SPAN_DAYS:  # "May 23-25 - a thousand for a thousand": "on the Friday" below
            section = (text.rfind("\n", 0, start) + 1, window.latest)  # is the Friday of those days, not an earlier one
        day = (ref or here) if rule.name in CLOCKS + ("day-part",) else here  # "at 10 p.m.": the narrative's day
        value = _value(rule.name, m.groupdict(), window, expression, day)
        # a weekday's part of the day ("Friday morning") stays a DATE: the event reader dates events by DATE timexes
        kind = "TIME" if value and "T" in value[10:11] and rule.name != "weekday" and rule.type == "DATE" else rule.type
        if rule.name == "vague" and re.match(r"P[\dX]", value or ""):  # "in recent weeks": PXW
            kind = "DURATION"
        around = AROUND.search(text, max(0, start - 12), start) if rule.name in POINTS else None
        # "around Nov. 1", not "get around May 2's ruling"
        if around is not None and not text.startswith(("'s", "’s"), end):
            start, expression = around.start(), text[around.start():end]
        beyond = BEYOND.match(text, end) if kind in ("DATE", "TIME") and window is not None else None
        if beyond is not None:  # "until 1994 or later": the bound is part of the expression
            end, expression = beyond.end(), text[start:beyond.end()]
        found.append(Timex(start, end, expression, kind, window, heading, value, rule.name, here))
        second = _second_day(text, end, rule.name, window, here)
        if second is not None and not any(lo < second.end and second.start < hi for lo, hi in taken):
            found.append(second)
        if window is not None and (window.days == 1 or heading) and not (
                ref is not None and window.earliest < ref and _flashback(doc, rule.name, m.groupdict(), start, end)):
            ref, span = window.earliest, None
        elif window is not None and rule.type == "DATE" and 1 < window.days <= SPAN_DAYS:
            span = window
        elif window is not None and rule.type == "DATE" and 1 < window.days <= MONTH_DAYS and OPENS_SENTENCE.search(
                text, max(0, start - 12), start):
            span = window  # "In February, X flew there ... the following day": counted from the month it opens with
        if window is not None and rule.type == "DATE":
            last = window
        if rule.name == "quarter" and window is not None and (
                here is None or window.latest < here or (reported is None and _tense(text, start, end) == "past")):
            # the latest quarter named that is over by the anchor (results are reported after it); until one is
            # named, one not over told of in the past ("reported lower fourth-quarter profit" for a fiscal year
            # that ended in September), but not one ahead ("should rise in the fourth quarter")
            reported = window.value
    return found


# "around 7 p.m.", "around Nov. 1": an approximate point in time, the modifier part of the expression (TimeML
# keeps it); not before a weekday, where "around" is more often a verb's particle ("turned around Monday")
AROUND = re.compile(r"\b[Aa]round\s+$")
# "1994 or later", "2030 and beyond": an open bound after a date, which TimeML keeps in the extent (not "in 1984 and
# later served": "later" goes with the verb; "2019 or earlier models": "earlier" goes with the noun)
BEYOND = re.compile(r"\s+(?:or\s+(?:later|earlier|sooner)\b(?!\s+[a-z])|and\s+beyond\b)")
CLOCKS = ("clock", "clock-24", "clock-word", "clock-part")  # times of day
POINTS = set(CLOCKS) | {"month-day", "month-day-year", "day-month", "day-month-year", "part-month-year", "year-end",
                        "part-year", "holiday"}


def heading_lines(text: str) -> list[int]:
    """Where the lines start that read as section headings (`_reads_as_heading`)."""
    return [m.start() for m in re.finditer(r"[^\n]+", text) if _reads_as_heading(m.group(0))]


LATER = re.compile(r"\s+later\b")  # not "three days earlier", which counts back from the anchor as "ago" does


def _later(g: dict, expression: str, text: str, end: int, last: DateWindow | None,
           anchor: date | None) -> DateWindow | None:
    """ "Two days later", "a week later": the window of the latest dated expression moved on by that many days
    or weeks, stopping at the anchor if it started before it; "two months later", "three years later": the
    month or year that many on, as the text counts no closer. TimeML keeps the expression a DURATION."""
    follow = LATER.match(text, end)
    unit, n = (g.get("unit") or "").lower(), _number(g.get("n"))
    if follow is None or last is None or n is None or unit not in ("day", "week", "month", "year"):
        return None
    if unit == "year":
        lo, hi = date(last.earliest.year + n, 1, 1), date(last.latest.year + n, 12, 31)
    elif unit == "month":
        lo, hi = month_window(*_shift_months(last.earliest, n))[0], month_window(*_shift_months(last.latest, n))[1]
    else:
        step = timedelta(days=n * (7 if unit == "week" else 1))
        lo, hi = last.earliest + step, last.latest + step
    if anchor is not None and lo <= anchor < hi:
        hi = anchor
    return _window(lo, hi, "later", expression)


# a second day after a month and day ("March 3 and 4"), not a count ("March 3 and 5 hostages")
SECOND_DAY = re.compile(r"\s+(?:and|or|to|through)\s+(?P<day>[0-3]?\d)\b(?!\s*(?:%|[.,:]\d|per\b|percent\b|[a-z]+s\b))")


def _second_day(text: str, end: int, rule: str, window: DateWindow | None, anchor: date | None) -> Timex | None:
    """ "on March 3 and 4": the 4th is a date of its own, in the same month as the 3rd."""
    second = SECOND_DAY.match(text, end) if rule.startswith("month-day") and window is not None else None
    if second is None or window.days != 1 or int(second["day"]) <= window.earliest.day:
        return None
    try:
        day = window.earliest.replace(day=int(second["day"]))
    except ValueError:  # "June 30 and 31"
        return None
    other = _window(day, day, rule, second["day"])
    return Timex(second.start("day"), second.end(), second["day"], "DATE", other, False, other.value, rule, anchor)


def _appositive(text: str, previous_end: int, start: int) -> bool:
    """Does the expression at `start` restate the one ending at `previous_end` ("May 2, the day ...")?"""
    return re.fullmatch(r"\s*,\s*", text[previous_end:start]) is not None


QUARTER_VALUE = re.compile(r"(?:19|20)\d\d-Q(?P<q>[1-4])")


def _year_back(rule: str, g: dict) -> bool:
    """Does this expression name the period one year back ("a year ago", "year-earlier") without a quarter?"""
    if rule == "year-ago":
        return not g.get("ord")
    return rule == "ago" and g["unit"].lower() == "year" and _number(g["n"]) == 1


def _same_quarter_a_year_back(previous: str | None, year: int, rule: str, text: str) -> DateWindow | None:
    """Results news compares a quarter with the same quarter a year earlier: right after "the third
    quarter", "a year ago" is that quarter of last year (TimeBank's convention)."""
    match = QUARTER_VALUE.fullmatch(previous or "")
    return _quarter_window(year, int(match["q"]), rule, text) if match else None


def _names_reported_quarter(rule: str, g: dict, text: str) -> bool:
    """ "the quarter", "the latest period", "the 1988 period": the quarter a results story reports on."""
    if rule == "this-quarter":
        return " ".join(g["dir"].lower().split()) in ("the", "the latest")
    return rule == "year-period" and not text.lower().endswith("season")


def _reported_quarter(rule: str, g: dict, reported: str, text: str) -> DateWindow | None:
    """Once a story has named the quarter it reports ("the third quarter"), "the quarter" and "the latest
    period" are that quarter, and "the 1988 period" is that quarter of 1988 (TimeBank's convention)."""
    match = QUARTER_VALUE.fullmatch(reported)
    if match is None:
        return None
    year = int(g["year"]) if rule == "year-period" else int(reported[:4])
    return _quarter_window(year, int(match["q"]), rule, text)


MONTH_DAYS = 31  # a month a sentence opens with ("In February, ...") is the story's reference until a day is named
OPENS_SENTENCE = re.compile(r"(?:^|[.!?][\"”’]?\s+|\n\s*)(?:in\s+|during\s+)?$", re.IGNORECASE)
SPAN_DAYS = 7  # a window of up to a week ("late last week", "the weekend") can be the narrative's reference


def _narrative_span_day(g: dict, span: DateWindow, text: str) -> DateWindow:
    """ "the following day" after a window of days ("late last week", Thursday to Saturday): that window a
    day later (Friday to Sunday), since the text does not say which of its days it counts from; "the
    previous day" likewise a day earlier, "that day" the window itself."""
    step = timedelta(days=_day_step(g["rel"].lower()))
    return _window(span.earliest + step, span.latest + step, "narrative-day", text)


def _day_step(rel: str) -> int:
    """ "the following day", "the next morning", "the day after" one day on; "the previous day", "the day
    before" one back; "that afternoon", "the same day" none."""
    words = set(rel.split())
    return 1 if words & {"following", "next", "after"} else -1 if words & {"previous", "before"} else 0


def _narrative_unit(g: dict, last: DateWindow | None, text: str) -> DateWindow | None:
    """ "that year", "the following month", "that quarter": the year, month or quarter of the latest
    dated expression, or the one after or before it."""
    if last is None:
        return None
    rel, unit = " ".join(g["rel"].lower().split()), g["unit"].lower()
    step = 1 if rel == "the following" else -1 if rel in ("the previous", "the preceding", "the prior") else 0
    day = last.earliest
    if unit == "year":
        return _window(date(day.year + step, 1, 1), date(day.year + step, 12, 31), "narrative-unit", text)
    if unit == "month":
        return _window(*month_window(*_shift_months(day, step)), "narrative-unit", text)
    y, m = _shift_months(day, 3 * step)
    return _quarter_window(y, (m - 1) // 3 + 1, "narrative-unit", text)


HALF_UNIT = {"Y": "6M", "M": "15D", "W": "3DT12H", "D": "T12H", "TH": "T30M", "TM": "T30S"}  # half a year, month ...
HALVES = {"Y": "6M", "M": "15D", "D": "T12H", "TH": "30M", "TM": "30S"}
UNIT_CODES = {"minute": "TM", "hour": "TH", "day": "D", "week": "W", "fortnight": "FN", "month": "M", "quarter": "Q", "year": "Y",
              "decade": "DE", "century": "CE", "centurie": "CE"}
YEARS_IN = {"DE": 10, "CE": 100}  # a decade and a century are counted in years (P20Y, P100Y), as TimeBank does
SET_VALUES = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H"}


def _value(rule: str, g: dict, window: DateWindow | None, expression: str, anchor: date | None = None) -> str | None:
    """The TIMEX3 value: the window's unit where the text fixes one, else the underspecified form."""
    if rule == "year-ended":  # "the year ended June 30": a year's span, however it is placed
        return "P1Y"
    if rule in ("duration-bare", "bare-later"):  # "for years", "within weeks", "months later": an unstated number
        unit = g["unit"].lower()
        code = {"centurie": "C", "decade": "Y"}.get(unit) or UNIT_CODES[unit]
        return f"PTX{code[1]}" if code.startswith("T") else f"PX{code}"
    if rule in ("duration", "duration-span", "duration-the", "duration-long"):
        n = _number(g["n"]) if g.get("n") else 1  # "the past year": one year
        if not g.get("n") and expression.lower().rstrip().removesuffix("-long").endswith("s"):
            n = None  # "the coming months": how many, the text does not say
        if g.get("n0"):
            n = None  # "two to three weeks": the text gives no single amount
        code = UNIT_CODES[g["unit"].lower()]
        if code in YEARS_IN:
            code, n = "Y", None if n is None else n * YEARS_IN[code]
        if code == "FN":  # "a fortnight": P2W
            code, n = "W", None if n is None else n * 2
        if g.get("halfa") and n is not None:  # "half an hour": PT30M, "half a century": P50Y
            if code == "Y" and n > 1:
                return f"P{n // 2}Y"
            return "P" + HALF_UNIT[code] if code in HALF_UNIT else None
        if code == "Q" and n is not None:  # "two quarters": P6M; "several quarters": PXQ
            code, n = "M", n * 3
        amount = "X" if n is None else str(n)
        half = HALVES.get(code, "") if (g.get("half") or g.get("half2")) and n is not None else ""  # "2 1/2 years": P2Y6M
        return f"PT{amount}{code[1]}{half}" if code.startswith("T") else f"P{amount}{code}{half}"
    if rule == "set-named":  # "each Thursday" XXXX-WXX-4, "Tuesday nights" XXXX-WXX-2TNI, "each July" XXXX-07
        if g.get("month"):
            return f"XXXX-{_month(g['month']):02d}"
        tod = f"T{TIMES_OF_DAY[g['tod'].lower()]}" if g.get("tod") else ""
        return f"XXXX-WXX-{vocabulary()['weekdays'][g['weekday'].lower()] + 1}{tod}"
    if rule == "set":
        if g.get("tod"):  # "every night" XXXX-XX-XXTNI
            return f"XXXX-XX-XXT{TIMES_OF_DAY[g['tod'].lower()]}"
        if g.get("unit"):  # "every quarter", "each year"
            code = UNIT_CODES[g["unit"].lower()]
            return f"PT1{code[1]}" if code.startswith("T") else f"P1{code}"
        return SET_VALUES.get(g["set"].lower())
    if rule in CLOCKS:  # a time of day: on the day named with it, else the anchor's
        if rule == "clock-24":
            clock = f"{int(g['h'] or g['h2']):02d}:{g['mi'] or g['mi2']}"
        elif rule == "clock":
            hour = int(g["h"]) % 12 + (12 if g["ampm"].lower().startswith("p") else 0)
            clock = f"{hour:02d}:{int(g['mi'] or 0):02d}"
        elif rule == "clock-part":  # "4 in the morning" 04:00, "8 in the evening" 20:00, "2 in the night" 02:00
            hour = _number(g["h"]) % 12
            tod = g["tod"].lower()
            hour += 12 if tod in ("afternoon", "evening") or (tod == "night" and hour >= 6) else 0
            clock = f"{hour:02d}:00"
        else:
            clock = {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}[g["word"].lower()]
        day = window.earliest if window is not None else anchor
        return f"{day.isoformat() if day else 'XXXX-XX-XX'}T{clock}"
    if rule == "vague":
        return vague_value(expression)
    if rule == "day-part":
        day = window.earliest if window is not None else anchor
        return f"{day.isoformat() if day else 'XXXX-XX-XX'}T{TIMES_OF_DAY[g['tod'].lower()]}"
    if rule == "current":
        return "PRESENT_REF"
    if rule == "then-current":
        return "PAST_REF"
    if rule == "one-day":
        return "FUTURE_REF"
    if rule == "ago" and window is None and _number(g["n"]) is None:  # "a few years ago", "years ago"
        return "PAST_REF"
    if rule == "weekday" and g.get("tod"):  # "Friday morning": that day's morning (TIMEX3 XXXX-XX-XXTMO)
        day = window.value if window is not None else "XXXX-XX-XX"
        return f"{day}T{TIMES_OF_DAY[g['tod'].lower()]}"
    if window is not None:
        return window.value
    if rule in ("month-day", "day-month") and g.get("month"):
        return f"XXXX-{_month(g['month']):02d}-{int(g['day']):02d}"
    if rule == "in-month":
        return f"XXXX-{_month(g['month']):02d}"
    if rule == "weekday":
        return f"XXXX-WXX-{vocabulary()['weekdays'][g['weekday'].lower()] + 1}"
    return None


def vague_value(expression: str) -> str | None:
    vague = vocabulary()["vague"]
    key = " ".join(expression.lower().split())
    # the preposition the span leaves out: "in [the past]", "for [a while]", "over [the years]", "at [the moment]"
    return next((vague[k] for k in (key, *(f"{p} {key}" for p in ("in", "for", "over", "at"))) if k in vague), None)
