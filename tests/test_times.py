"""backchannel.analyse.times: time expressions fixed to windows of days, relative to an anchor.

The case tables follow the coding guide's conventions ("late last week" is Thursday to Saturday of the
week before, "early April" is 1-10 April). The anchor is a Tuesday unless a case says otherwise.
"""
from datetime import date

import pytest
from hypothesis import example, given, reject
from hypothesis import strategies as st

from backchannel.analyse.times import find_timexes

TUESDAY = date(2024, 2, 13)
D = date.fromisoformat


def only(text, anchor=TUESDAY, expression=None):
    """The one timex in `text` (or the one whose text is `expression`)."""
    found = find_timexes(text, anchor)
    if expression is not None:
        found = [t for t in found if t.text.lower() == expression.lower()]
    assert len(found) == 1, f"expected one timex in {text!r}, got {[t.text for t in found]}"
    return found[0]


@pytest.mark.parametrize("text, expression, earliest, latest, value", [
    ("Egypt warned Hamas on Sunday.", "Sunday", "2024-02-11", "2024-02-11", "2024-02-11"),
    ("Filed 2024-02-09T14:20:00Z by the desk.", "2024-02-09", "2024-02-09", "2024-02-09", "2024-02-09"),
    ("Published on 02/09/2024 by the desk.", "02/09/2024", "2024-02-09", "2024-02-09", "2024-02-09"),  # month first
    ("Published on 19/01/2024 by the desk.", "19/01/2024", "2024-01-19", "2024-01-19", "2024-01-19"),  # no 19th month
    ("Stand: 09.02.2024, the desk.", "09.02.2024", "2024-02-09", "2024-02-09", "2024-02-09"),  # dots: day first
    ("The envoys met on Tuesday.", "Tuesday", "2024-02-13", "2024-02-13", "2024-02-13"),  # the anchor's own weekday
    ("They spoke last Tuesday.", "last Tuesday", "2024-02-06", "2024-02-06", "2024-02-06"),
    ("The envoy will travel on Sunday.", "Sunday", "2024-02-18", "2024-02-18", "2024-02-18"),  # future tense
    ("A vote is due next Tuesday.", "next Tuesday", "2024-02-20", "2024-02-20", "2024-02-20"),
    ("The talks broke down late last week.", "late last week", "2024-02-08", "2024-02-10", "2024-W06"),
    ("Delegations arrived this week.", "this week", "2024-02-12", "2024-02-18", "2024-W07"),
    ("The offer was made last week.", "last week", "2024-02-05", "2024-02-11", "2024-W06"),
    ("Hostages were freed earlier this year.", "earlier this year", "2024-01-01", "2024-02-13", "2024"),
    ("A summit is planned for later this month.", "later this month", "2024-02-13", "2024-02-29", "2024-02"),
    ("Talks will resume next month.", "next month", "2024-03-01", "2024-03-31", "2024-03"),
    ("The deal collapsed last year.", "last year", "2023-01-01", "2023-12-31", "2023"),
    ("The mediators met yesterday.", "yesterday", "2024-02-12", "2024-02-12", "2024-02-12"),
    ("The cabinet meets tomorrow.", "tomorrow", "2024-02-14", "2024-02-14", "2024-02-14"),
    ("The proposal arrived two weeks ago.", "two weeks ago", "2024-01-29", "2024-02-04", "2024-W05"),
    ("The first round ended 3 days ago.", "3 days ago", "2024-02-10", "2024-02-10", "2024-02-10"),
    ("They will meet in early April.", "early April", "2024-04-01", "2024-04-10", "2024-04"),
    ("They met in early April.", "early April", "2023-04-01", "2023-04-10", "2023-04"),  # past tense: the April before
    ("The ceasefire began in mid-March.", "mid-March", "2023-03-11", "2023-03-20", "2023-03"),
    ("A truce was agreed in late January.", "late January", "2024-01-21", "2024-01-31", "2024-01"),
    ("Fighting resumed in early April 2023.", "early April 2023", "2023-04-01", "2023-04-10", "2023-04"),
    ("The talks opened on 10 July 2024.", "10 July 2024", "2024-07-10", "2024-07-10", "2024-07-10"),
    ("Talks resumed earlier this week.", "this week", "2024-02-12", "2024-02-12", "2024-W07"),  # TimeBank: week apart
    ("The truce collapsed in June last year.", "June last year", "2023-06-01", "2023-06-30", "2023-06"),
    ("The talks opened on July 10, 2024.", "July 10, 2024", "2024-07-10", "2024-07-10", "2024-07-10"),
    ("The talks opened Wednesday, July 10, 2024.", "Wednesday, July 10, 2024", "2024-07-10", "2024-07-10", "2024-07-10"),
    ("Envoys met on July 1-3, 2024 in Rome.", "July 1-3, 2024", "2024-07-01", "2024-07-03", "2024-W27"),
    ("The memo is dated 2024-02-01.", "2024-02-01", "2024-02-01", "2024-02-01", "2024-02-01"),
    ("The envoy visited on Feb. 5 and left.", "Feb. 5", "2024-02-05", "2024-02-05", "2024-02-05"),
    ("Prisoners were exchanged on 30 November.", "30 November", "2023-11-30", "2023-11-30", "2023-11-30"),
    ("The siege has lasted since 2022.", "2022", "2022-01-01", "2022-12-31", "2022"),
])
def test_expression_windows(text, expression, earliest, latest, value):
    t = only(text, expression=expression)
    assert t.text == expression
    assert text[t.start:t.end] == expression
    assert t.type == "DATE"
    assert (t.window.earliest, t.window.latest) == (D(earliest), D(latest))
    assert t.window.value == value
    assert t.window.rule  # every window records the rule that made it


def test_section_heading_dates_the_lines_below_it():
    text = "January 17\nEgypt hosted the delegations in Cairo.\nThe following day, Qatar joined the talks."
    heading, following = find_timexes(text, TUESDAY)
    assert heading.text == "January 17" and heading.heading
    assert (heading.window.earliest, heading.window.latest) == (D("2024-01-17"), D("2024-01-17"))
    assert following.text == "The following day" and not following.heading
    assert following.window.earliest == following.window.latest == D("2024-01-18")


def test_a_dated_section_heading_moves_the_reference_day_until_the_next_heading():
    text = ("Timeline\n\nSeptember 5 - a truce that failed\nThe rebels said on Monday that they had signed nothing. "
            "The army withdrew the following day.\n\nWhat comes next\nThe envoys will meet on Monday.")
    said, following, plan = [t for t in find_timexes(text, TUESDAY) if not t.heading]
    assert (said.text, str(said.window.earliest)) == ("Monday", "2023-09-04")  # the heading's Monday, not February's
    assert str(following.window.earliest) == "2023-09-05"
    assert str(plan.window.earliest) == "2024-02-19"  # an undated heading ends the section


@pytest.mark.parametrize("text, earliest, latest", [
    ("Nine prisoners were held at the start of the year.", "2024-01-01", "2024-02-29"),
    ("The camp closed at the end of 2022.", "2022-11-01", "2022-12-31"),
])
def test_the_start_or_end_of_a_year_is_its_first_or_last_two_months(text, earliest, latest):
    t = only(text)
    assert (str(t.window.earliest), str(t.window.latest)) == (earliest, latest)


def test_a_date_inside_a_sentence_is_no_heading():
    t = only("Egypt hosted the delegations on January 17 in Cairo.")
    assert t.text == "January 17" and not t.heading


@pytest.mark.parametrize("text, expected", [
    ("The talks opened on 10 July 2024. The following day, Qatar joined.", "2024-07-11"),
    ("The talks opened on 10 July 2024. On the next day, Qatar joined.", "2024-07-11"),
    ("The talks opened on 10 July 2024. The previous day, Qatar had called.", "2024-07-09"),
    ("The talks opened on 10 July 2024. That same day, Qatar joined.", "2024-07-10"),
    ("The talks opened on 10 July 2024. Qatar joined that afternoon.", "2024-07-10"),  # no "after" in "afternoon"
    ("The talks opened on 10 July 2024. Qatar joined the same evening.", "2024-07-10"),
    # a step back does not move the story's day: the day after the opening, not after the day before it
    ("The talks opened on 10 July 2024. The previous day, Qatar had called. The following day, Oman joined.",
     "2024-07-11"),
])
def test_narrative_days_count_from_the_last_explicit_date(text, expected):
    narrative = find_timexes(text, TUESDAY)[-1]
    assert narrative.rule == "narrative-day" and narrative.window.earliest == narrative.window.latest == D(expected)


MONDAY = date(2023, 12, 11)


@pytest.mark.parametrize("text, earliest, latest", [
    # "late last week" is Thursday 7 to Saturday 9 December: the day after it is one of 8 to 10 December
    ("Late last week the mediator phoned both leaders. The following day, one of them agreed.", "2023-12-08", "2023-12-10"),
    ("Late last week the mediator phoned both leaders. The previous day, one of them had refused.",
     "2023-12-06", "2023-12-08"),
    ("Late last week the mediator phoned both leaders. That same day, one of them agreed.", "2023-12-07", "2023-12-09"),
    # a day named after the window is the narrative's day again
    ("Late last week the mediator phoned. On Sunday the leaders met. The next day, they signed.", "2023-12-11", "2023-12-11"),
    # a window named after a day replaces it
    ("On Sunday the leaders met. Late last week the mediator had phoned. The next day, one agreed.",
     "2023-12-08", "2023-12-10"),
])
def test_a_narrative_day_after_a_window_of_days_is_that_window_shifted(text, earliest, latest):
    narrative = find_timexes(text, MONDAY)[-1]
    assert narrative.rule == "narrative-day"
    assert (narrative.window.earliest, narrative.window.latest) == (D(earliest), D(latest))


@pytest.mark.parametrize("text, earliest, latest", [
    # a month a sentence opens with moves the story there: the day after is a day after one of its days
    ("On Sunday the leaders met. In October, the envoy flew to Lima. Chile freed a sailor the following day.",
     "2023-10-02", "2023-11-01"),
    # a month named inside a sentence is background: the story stays on its day
    ("On Sunday the leaders met, as they had in October. Chile freed a sailor the following day.",
     "2023-12-11", "2023-12-11"),
])
def test_a_narrative_day_after_a_month_opening_a_sentence_is_that_month_shifted(text, earliest, latest):
    narrative = find_timexes(text, MONDAY)[-1]
    assert narrative.rule == "narrative-day"
    assert (narrative.window.earliest, narrative.window.latest) == (D(earliest), D(latest))


def test_narrative_week_after_an_explicit_date():
    text = "The talks opened on 10 July 2024. The following week, Qatar joined."
    t = find_timexes(text, TUESDAY)[-1]
    assert (t.window.earliest, t.window.latest, t.window.value) == (D("2024-07-15"), D("2024-07-21"), "2024-W29")


@pytest.mark.parametrize("text, kind", [
    ("The ceasefire held for three days.", "DURATION"),
    ("The truce lasted 40 days.", "DURATION"),
    ("A six-week pause was proposed.", "DURATION"),
    ("Aid trucks cross daily.", "SET"),
    ("The negotiators meet every week.", "SET"),
])
def test_durations_and_sets_fix_no_window(text, kind):
    t = only(text)
    assert t.type == kind
    assert t.window is None


@pytest.mark.parametrize("text", ["Talks have stalled recently.", "The sides will meet in the future."])
def test_vague_references_fix_no_window(text):
    assert only(text).window is None


@pytest.mark.parametrize("text", [
    "Egypt warned Hamas on Sunday.", "They met yesterday.", "It happened late last week.", "Talks resume next month.",
    "The following day, Qatar joined.",
])
def test_relative_expressions_without_an_anchor_fix_no_window(text):
    assert only(text, anchor=None).window is None


def test_explicit_dates_need_no_anchor():
    t = only("The talks opened on 10 July 2024.", anchor=None)
    assert t.window.earliest == D("2024-07-10")


def test_deixis_inside_quotes_counts_from_the_narrative_date():
    text = 'On 5 March 2024, the envoy said: "We met them yesterday."'
    yesterday = only(text, expression="yesterday")
    assert yesterday.window.earliest == D("2024-03-04")


def test_same_text_same_anchor_same_timexes():
    text = "Egypt warned Hamas on Sunday. Talks resume next month, after a pause of two weeks."
    assert find_timexes(text, TUESDAY) == find_timexes(text, TUESDAY)


# Where two expressions overlap, the longer one wins: a preposition + month or "on" + weekday must not
# swallow the full date after it.
@pytest.mark.parametrize("text, expression, earliest, latest", [
    ("Talks failed in March 2022.", "March 2022", "2022-03-01", "2022-03-31"),
    ("Hostages held since October 7, 2023 were freed.", "October 7, 2023", "2023-10-07", "2023-10-07"),
    ("It followed the vote of November 5, 2024.", "November 5, 2024", "2024-11-05", "2024-11-05"),
    ("The talks opened on Wednesday, July 10, 2024.", "Wednesday, July 10, 2024", "2024-07-10", "2024-07-10"),
])
def test_the_longest_overlapping_expression_wins(text, expression, earliest, latest):
    windows = [(t.window.earliest, t.window.latest) for t in find_timexes(text, TUESDAY) if t.window]
    assert (D(earliest), D(latest)) in windows


@pytest.mark.parametrize("text", [
    "Ticket 2024-13-45 was filed.",
    "The memo says February 31, 2024.",
    "Talks ran March 5-3, 2024.",
    "It ended on 0 March 2024.",
])
def test_impossible_dates_fix_no_window(text):
    assert all(t.window is None or t.window.earliest.year != 2024 or t.window.precision != "day"
               for t in find_timexes(text, TUESDAY))


# -- invariants ------------------------------------------------------------------------------------
# Text built from date-shaped words (months, weekdays, ordinals, full dates, relative cues) and free text,
# so that the rules fire often.
WORDS = ["on", "in", "since", "by", "of", "last", "next", "this", "early", "late", "mid", "earlier", "later",
         "week", "month", "year", "the following day", "that same week", "the day before", "yesterday",
         "today", "tomorrow", "ago", "days", "weeks", "two", "three", "Sunday", "Monday", "Friday", "morning",
         "January", "Feb.", "March", "May", "September", "Dec", "2023", "2024", "1999", ",", ".", "\n", '"',
         "“", "”", "will", "said", "recently", "daily", "every", "-", "–", "for"]
DAYS = st.integers(1, 28)
MONTHS = st.sampled_from(["January", "Feb.", "March", "May", "September", "Dec"])
YEARS = st.sampled_from(["1999", "2023", "2024", "2031"])
full_dates = st.one_of(
    st.builds("{} {}, {}".format, MONTHS, DAYS, YEARS),
    st.builds("{} {} {}".format, DAYS, MONTHS, YEARS),
    st.builds("{}-{:02d}-{:02d}".format, YEARS, st.integers(1, 12), DAYS),
    st.builds(lambda m, a, b: f"{m} {min(a, b)}-{max(a, b)}", MONTHS, DAYS, DAYS),
)
tokens = st.one_of(st.sampled_from(WORDS), DAYS.map(str), full_dates, st.text(max_size=6))
datey_text = st.lists(tokens, max_size=40).map(" ".join)
anchors = st.one_of(st.none(), st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31)))


texts = st.one_of(st.text(), datey_text)


@given(texts, anchors)
@example("Ticket 2024-13-45 was filed.", TUESDAY)  # an impossible date: no window, no crash
@example("", None)
def test_find_timexes_never_crashes(text, anchor):
    find_timexes(text, anchor)


@given(texts, anchors)
@example("January 17\nThe following day the envoys met.", TUESDAY)
@example("", None)
def test_timexes_are_well_formed(text, anchor):
    try:
        found = find_timexes(text, anchor)
    except ValueError:  # the known impossible-date defect; test_find_timexes_never_crashes pins it
        reject()
    previous_end = 0
    for t in found:
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start:t.end] == t.text  # offsets slice the text to the expression
        assert t.start >= previous_end  # left to right, no overlaps
        previous_end = t.end
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        if t.window is not None:
            assert t.window.earliest <= t.window.latest
            assert t.window.rule
            assert t.window.value is None or t.window.precision != "none"
        if t.type in ("DURATION", "SET"):
            assert t.window is None


# -- TIMEX3 conventions of the TimeBank corpus (values and types), on sentences of our own ---------------

@pytest.mark.parametrize("text, expression, kind, value", [
    ("Exports rose in September.", "September", "DATE", "2023-09"),  # a month at the sentence's end
    ("The rebels regrouped in mid-2019 near the border.", "mid-2019", "DATE", "2019"),
    ("Revenue for the year rose sharply.", "the year", "DATE", "2024"),
    ("The group lost money in the latest fiscal year.", "the latest fiscal year", "DATE", "2023"),
    ("Profit fell in the year ended June 30.", "the year", "DURATION", "P1Y"),
    ("The blockade could last for years.", "years", "DURATION", "PXY"),
    ("After months of talks, the deal held.", "months", "DURATION", "PXM"),
    ("The camps grew over recent months.", "recent months", "DURATION", "PXM"),
    ("Aid should arrive within weeks.", "weeks", "DURATION", "PXW"),
    ("The town was ruled by foreigners for centuries.", "centuries", "DURATION", "PXC"),
    ("The ceasefire lasted a couple of years.", "a couple of years", "DURATION", "P2Y"),
    ("The envoys talked for a few minutes.", "a few minutes", "DURATION", "PTXM"),
    ("The militia was formed in nineteen ninety-six.", "nineteen ninety-six", "DATE", "1996"),
    ("The pledge was to halve poverty by the year two thousand.", "the year two thousand", "DATE", "2000"),
    ("The fort dates from the 11th century.", "the 11th century", "DATE", "10"),
    ("The movement grew in the nineties.", "the nineties", "DATE", "199"),
    ("The border was quiet in the summer.", "the summer", "DATE", "2023-SU"),  # past: the latest begun, as a month
    ("Output fell in the second half of 2022.", "the second half of 2022", "DATE", "2022-H2"),
    ("Output fell in the first half of the year.", "the first half of the year", "DATE", "2024-H1"),
    ("The convoy leaves each month.", "each month", "SET", "P1M"),
    ("Interest is paid every quarter.", "every quarter", "SET", "P1Q"),
    ("Shelling resumed every night.", "every night", "SET", "XXXX-XX-XXTNI"),
    ("Patrols are relieved hourly.", "hourly", "SET", "PT1H"),
    ("The camp was opened a few years ago.", "a few years ago", "DATE", "PAST_REF"),
    ("Nothing will change in the near term.", "the near term", "DATE", "FUTURE_REF"),
    ("Shipments picked up during the week.", "the week", "DATE", "2024-W07"),
    ("Sales beat the year-earlier level.", "year-earlier", "DATE", "2023"),
    ("Sales beat the year-ago third quarter.", "the year-ago third quarter", "DATE", "2023-Q3"),
    ("Holders could buy shares at the then current price.", "then current", "DATE", "PAST_REF"),
    ("The talks were chaired by the then-current envoy.", "then-current", "DATE", "PAST_REF"),
    ("No talks are planned at the moment.", "the moment", "DATE", "PRESENT_REF"),  # "at" left out, its value kept
    ("The exiles hope they will one day return.", "one day", "DATE", "FUTURE_REF"),  # some day ahead, no length
    ("The envoy said peace may someday come.", "someday", "DATE", "FUTURE_REF"),
    ("The truce held for one day.", "one day", "DURATION", "P1D"),
])
def test_timebank_conventions(text, expression, kind, value):
    t = only(text, expression=expression)
    assert (t.text, t.type, t.value) == (expression, kind, value)
    assert t.rule


def test_a_year_ago_after_a_quarter_is_that_quarter_a_year_back():
    found = find_timexes("Profit rose in the third quarter from a year ago.", date(2024, 11, 2))
    assert [(t.text, t.value) for t in found] == [("the third quarter", "2024-Q3"), ("a year ago", "2023-Q3")]
    found = find_timexes("Profit rose in the third quarter from a year ago.", TUESDAY)  # in February: last year's
    assert [(t.text, t.value) for t in found] == [("the third quarter", "2023-Q3"), ("a year ago", "2022-Q3")]
    assert only("Profit rose 5% from a year ago.").value == "2023"  # no quarter before it: the year


@pytest.mark.parametrize("text, value", [
    ("The camp opened in 2019. The following year it was closed.", "2020"),
    ("The camp opened in March 2019. That year the road was cut.", "2019"),
    ("The camp opened in March 2019. The following month it was closed.", "2019-04"),
    ("The loss came in the second quarter of 2021. That quarter was the worst.", "2021-Q2"),
])
def test_that_year_and_the_following_month_count_from_the_last_date(text, value):
    assert find_timexes(text, TUESDAY)[-1].value == value


def test_future_cues_put_an_undated_day_ahead():
    t = only("The board declared a dividend payable Dec. 7.", anchor=date(2023, 11, 2))
    assert t.value == "2023-12-07"


def test_bare_units_without_a_preposition_are_not_times():
    assert find_timexes("The years of war left scars; days are long here.", TUESDAY) == []


def test_rules_skipped_for_missing_cues_match_nothing_there():
    """The cue words only save time: a rule's matches always contain one of them."""
    from backchannel.analyse.times import rules
    samples = ["in the summer of 2021", "the 1990s", "the nineties", "the 20th century", "nineteen eighty-four",
               "the year two thousand", "the end of 2020", "the year ended May 1", "the full year", "year-end",
               "year-earlier", "that year", "this weekend", "last night", "tomorrow", "the next day", "that week",
               "on Friday", "last week", "next month", "this year", "since 1999", "for years", "the past two weeks",
               "the six months", "three days", "every quarter", "two years ago", "5 p.m.", "noon", "Christmas",
               "recently", "2024-02-01", "the third quarter", "the latest quarter", "in December", "June 5",
               "the next morning", "this century", "the latest period", "the end of the month", "two more weeks",
               "the 1988 period", "10 p.m. Wednesday", "June last year", "the third day", "Weeks later",
               "at 14:30", "at 0600 GMT", "at 0001 local time", "the first week of May", "a fortnight ago",
               "last decade", "mid-afternoon", "years ago", "the current talks", "Black Friday"]
    for sample in samples:
        lowered = sample.lower()
        for rule in rules():
            if rule.regex.search(sample) and rule.cues:
                assert any(cue in lowered for cue in rule.cues), (rule.name, sample)


# -- the tense of the governing verb, read from spaCy's tags (the backchannel_times component) ---------

@pytest.fixture(scope="module")
def tagged():
    """Tag a sentence the way the analysis does: the project's pipeline, then the backchannel_times component."""
    from backchannel.analyse.nlp import load
    from backchannel.analyse.pipes import TimexTagger
    from backchannel.config import Settings

    nlp = load(Settings.load().model)

    def tag(text, anchor=TUESDAY):
        doc = nlp(text)
        doc._.anchor = anchor
        return TimexTagger()(doc)._.timexes
    return tag


def test_a_weekday_under_a_heading_of_a_few_days_is_one_of_those_days():
    text = "May 22-24 - three days of swaps\n\nOn the Friday, each side freed 90 men. More crossed over the weekend."
    found = find_timexes(text, date(2024, 6, 14))  # published on a later Friday
    assert found[0].text == "May 22-24" and found[0].heading  # a range of days, not "24 - three days"
    assert [(t.text, str(t.window.earliest)) for t in found[2:]] == [("Friday", "2024-05-24"),
                                                                      ("the weekend", "2024-05-25")]


def test_a_live_report_entry_opening_with_a_clock_time_is_a_section_of_its_day():
    text = "Friday 1 December 2023\n\n05:14 GMT - Talks collapse\n\nThe envoys left on Saturday, 25 November."
    found = find_timexes(text, date(2023, 12, 1))
    entry = found[1]
    assert (entry.text, entry.type, entry.heading, str(entry.window.earliest)) == ("05:14 GMT", "TIME", True,
                                                                                   "2023-12-01")
    assert found[2].text == "Saturday, 25 November" and str(found[2].window.earliest) == "2023-11-25"  # one expression


def test_a_day_named_in_a_relative_clause_or_a_past_perfect_is_a_look_back(tagged):
    text = ("The talks opened on 10 July 2024. The envoy, who had proposed them on 2 July 2024, did not come. "
            "The minister met him the previous day.")
    assert [str(t.window.earliest) for t in tagged(text)] == ["2024-07-10", "2024-07-02", "2024-07-09"]


OCTOBER = date(2024, 10, 15)


@pytest.mark.parametrize("text, anchor, parsed, keywords", [
    # an infinitive complement looks ahead; the keywords see no future cue and lean to the past
    ("The envoys plan to return to Cairo on Friday.", TUESDAY, "2024-02-16", "2024-02-09"),
    ("The parties agreed to hold elections in June.", OCTOBER, "2025-06", "2024-06"),
    # a modal looks ahead, unless with a perfect
    ("The court could rule on Thursday.", TUESDAY, "2024-02-15", "2024-02-08"),
    ("The court may have ruled on Thursday.", TUESDAY, "2024-02-08", "2024-02-08"),
    # "could" with a negation or a passive: a past attempt ("could not be reached")
    ("The envoy could not be reached on Thursday.", TUESDAY, "2024-02-08", "2024-02-08"),
    # a present progressive with a day names a plan
    ("The mediators are meeting on Thursday.", TUESDAY, "2024-02-15", "2024-02-08"),
    # an infinitive of purpose keeps its head's past tense
    ("The mediators met to discuss the draft on Thursday.", TUESDAY, "2024-02-08", "2024-02-08"),
    # a day that modifies a noun takes no tense from a later 'will'
    ("Lawyers will appeal Thursday's ruling.", TUESDAY, "2024-02-08", "2024-02-15"),
    ("The foreign minister visited Ankara in March.", OCTOBER, "2024-03", "2024-03"),
    # a present act with a day is scheduled ahead; saying, being and same-form pasts ("cut") are not
    ("The envoys meet in Doha on Friday.", TUESDAY, "2024-02-16", "2024-02-09"),
    ("The two delegations resume talks Friday, the ministry said.", TUESDAY, "2024-02-16", "2024-02-09"),
    ("The ministry says on Friday that talks failed.", TUESDAY, "2024-02-09", "2024-02-09"),
    ("Rebels cut the road on Friday.", TUESDAY, "2024-02-09", "2024-02-09"),
])
def test_the_verb_tense_from_the_tags_places_an_open_date(tagged, text, anchor, parsed, keywords):
    assert [t.value for t in tagged(text, anchor)] == [parsed]
    assert [t.value for t in find_timexes(text, anchor)] == [keywords]  # no Doc: the keyword guess


@pytest.mark.parametrize("text, value", [
    ("The union has scheduled a strike Thursday.", "2024-02-15"),  # a verb of planning, though perfect
    ("The union has called a strike Thursday.", "2024-02-08"),
    ("The handover was planned for early March.", "2024-03"),  # planned: ahead, though past tense
    ("A rally planned for Saturday was called off.", "2024-02-10"),  # a noun's plan in a past clause
    ("A rally planned for Saturday will go ahead.", "2024-02-17"),
    ("The board approved a dividend, payable March 1.", "2024-03-01"),  # the word before wins over the past verb
    ("No convoy will cross the border the way it has since March 3.", "2023-03-03"),
])
def test_planning_verbs_and_leading_words(tagged, text, value):
    assert [t.value for t in tagged(text)] == [value]


def test_a_headings_present_tells_what_happened_that_day(tagged):
    assert [t.value for t in tagged("Friday - rebels walk out of the talks\n\nThe envoys left.")] == ["2024-02-09"]
    assert [t.value for t in tagged("Timeline\n\nFriday - Rebels walk out of the talks.")] == ["2024-02-09"]
    # a chronology's line labelled with a colon: "24 June:" is this year's, not next year's
    assert [t.value for t in tagged("Timeline\n\n24 June: Rebels overrun the border town.")] == ["2023-06-24"]


def test_a_day_the_parser_hangs_on_is_due_to_lies_ahead(tagged):
    # the parse hangs the day on the copula of "is due to", not on the infinitive: the plan still looks ahead
    text = ("The ceasefire is due to take effect at 8 p.m. Kabul time on Friday, 36 hours after the vote, "
            "and can be renewed if both sides agree, the envoys said.")
    assert [t.value for t in tagged(text) if t.text == "Friday"] == ["2024-02-16"]


def test_a_doc_without_tags_falls_back_to_the_keywords():
    import spacy

    text = "The envoys plan to return to Cairo on Friday."
    doc = spacy.blank("en")(text)
    assert find_timexes(text, TUESDAY, doc) == find_timexes(text, TUESDAY)


def test_a_weekday_and_date_before_a_colon_are_one_expression():
    t = only("The paper wrote in an editorial on Monday, Feb. 12: the talks must go on.")
    assert (t.text, t.value) == ("Monday, Feb. 12", "2024-02-12")


def test_a_capitalised_last_before_a_month():
    t = only("Last April, the two sides signed a truce.")
    assert (t.text, t.value) == ("Last April", "2023-04")


@pytest.mark.parametrize("text, expression, value", [
    ("The deadline will pass at 10 p.m. Wednesday.", "10 p.m. Wednesday", "2024-02-14T22:00"),  # future: ahead
    ("The convoy left at noon Sunday.", "noon Sunday", "2024-02-11T12:00"),
    ("Bids close at 5 p.m. EST, Feb. 20.", "5 p.m. EST, Feb. 20", "2024-02-20T17:00"),
    ("The session ended at 10 p.m. as planned.", "10 p.m.", "2024-02-13T22:00"),  # 'as' is no time zone
    ("Sales rose in this year's first quarter.", "this year's first quarter", "2024-Q1"),
    ("The unit lost money in last year's third quarter.", "last year's third quarter", "2023-Q3"),
    ("The offer stands for at least 30 days.", "at least 30 days", "P30D"),
    ("The camp opened nearly two years ago.", "nearly two years ago", "2022"),
    ("The camp opened in 2019. Later that year it closed.", "Later that year", "2019"),
    ("Witnesses saw him late yesterday.", "late yesterday", "2024-02-12"),
    ("They met Last Friday.", "Last Friday", "2024-02-09"),
    ("Shelling resumed early Friday.", "Friday", "2024-02-09"),  # TimeBank leaves 'early' outside
])
def test_spans_follow_timebank(text, expression, value):
    t = only(text, expression=expression)
    assert (text[t.start:t.end], t.value) == (expression, value)


@pytest.mark.parametrize("text", [
    "The envoy, 61 years old, arrived alone.",  # an age
    "The rebels hold about three-quarters of the province.",  # fractions
    "Exports fell by a quarter of their value.",
    "The fund pays out $3 million a year.",  # rates
    "Aid trucks cross at a pace of 200 trucks a day.",
])
def test_ages_fractions_and_rates_are_not_durations(text):
    assert find_timexes(text, TUESDAY) == []


def test_quarters_of_losses_are_still_a_duration():
    assert only("The firm returned to profit after several quarters of losses.").value == "PXQ"


@pytest.mark.parametrize("text, expression, value", [
    ("Prices may rise in the coming months.", "the coming months", "PXM"),  # how many, unsaid
    ("Prices rose over the past year.", "the past year", "2023"),  # last year, a DATE (TimeBank's convention)
    ("Prices rose over the past two years.", "the past two years", "P2Y"),  # with a number: a DURATION
    ("Profit was lower than in the 2022 period.", "the 2022 period", "2022"),  # a year, not 2022 quarters
])
def test_unstated_amounts_and_periods_of_a_year(text, expression, value):
    t = only(text, expression=expression)
    assert (text[t.start:t.end], t.value) == (expression, value)


@pytest.mark.parametrize("text, expression, value", [
    ("The mandate runs out at the end of the month.", "the end of the month", "2024-02"),
    ("A reply is due by the end of this week.", "the end of this week", "2024-W07"),
    ("The truce will hold for two more weeks.", "two more weeks", "P2W"),
    ("Earnings fell in the latest period.", "the latest period", "2023-Q4"),
    ("The camp is one of the largest of this century.", "this century", "20"),
    ("The envoys met on Feb. 5. They met again the next morning.", "the next morning", "2024-02-06"),
])
def test_parts_of_units_and_more_units(text, expression, value):
    t = only(text, expression=expression)
    assert (text[t.start:t.end], t.value) == (expression, value)


@pytest.mark.parametrize("text, value", [
    ("The siege lasted 2 1/2 years.", "P2Y6M"),
    ("The talks ran 5 1/2 hours.", "PT5H30M"),
    ("The march took 3 1/2 days.", "P3DT12H"),
])
def test_a_half_unit_is_counted_in_the_next_smaller_one(text, value):
    assert only(text).value == value


def test_the_year_ago_quarter_is_the_reported_quarter_a_year_back():
    anchor = date(2023, 11, 2)  # results for the third quarter are out
    assert only("The firm earned $10 million in the year-ago quarter.", anchor).value == "2022-Q3"


def test_an_infinitive_under_a_past_perfect_looks_back(tagged):
    assert [t.value for t in tagged("The offer had been due to expire on Friday.")] == ["2024-02-09"]
    assert [t.value for t in tagged("The offer is due to expire on Friday.")] == ["2024-02-16"]


def test_eval_timeml_reads_tenses_through_the_pipeline(tmp_path):
    """`eval timeml` tags through the project's pipeline, so the tags decide; parse=False is the text-only tagger."""
    from backchannel.evaluate.timeml import evaluate_timeml

    (tmp_path / "plan.tml").write_text(
        '<?xml version="1.0" ?>\n<TimeML>\n<DOCID>plan</DOCID>\n'
        '<DCT><TIMEX3 tid="t0" type="DATE" value="2024-02-13" functionInDocument="CREATION_TIME">'
        '2024-02-13</TIMEX3></DCT>\n<TEXT>\nThe envoys plan to return to Cairo on '
        '<TIMEX3 tid="t1" type="DATE" value="2024-02-16">Friday</TIMEX3>.\n'
        '</TEXT>\n</TimeML>\n', encoding="utf-8")
    assert evaluate_timeml(tmp_path).score.value == 1
    assert evaluate_timeml(tmp_path, parse=False).score.value == 0  # the keywords see no future here


@pytest.mark.parametrize("text, expression, kind, value", [
    ("Gunfire was heard on Sunday night.", "Sunday night", "DATE", "2024-02-11TNI"),
    ("The convoy left Monday morning.", "Monday morning", "DATE", "2024-02-12TMO"),
    ("The cabinet will vote on Thursday evening.", "Thursday evening", "DATE", "2024-02-15TEV"),
])
def test_a_weekday_with_a_part_of_the_day_names_that_part_of_that_day(text, expression, kind, value):
    """The value carries the part of the day; the type stays DATE, which the event reader dates events by."""
    t = only(text, expression=expression)
    assert (text[t.start:t.end], t.type, t.value) == (expression, kind, value)


@pytest.mark.parametrize("text, expression, value", [
    ("The boat sank on Christmas Day.", "Christmas Day", "2023-12-25"),  # past tense: the last one
    ("The ceasefire will start on Christmas Day.", "Christmas Day", "2024-12-25"),
    ("The prisoners were freed last Thanksgiving.", "last Thanksgiving", "2023-11-23"),
    ("A truce is hoped for by next Christmas.", "next Christmas", "2024-12-25"),
])
def test_a_holiday_is_placed_by_its_modifier_or_the_tense(text, expression, value):
    t = only(text, expression=expression)
    assert (text[t.start:t.end], t.value) == (expression, value)


@pytest.mark.parametrize("text, expression, value", [
    ("The envoys met on Feb. 5. They had arrived the day before.", "the day before", "2024-02-04"),
    ("The envoys met on Feb. 5. Rockets fell the day after the meeting.", "the day", "2024-02-06"),
    ("The envoys met on Feb. 5, the day before the strike.", "the day", "2024-02-05"),  # restates Feb. 5
])
def test_the_day_before_an_event_is_tagged_without_the_event(text, expression, value):
    t = only(text, expression=expression)
    assert (text[t.start:t.end], t.value) == (expression, value)


def test_a_time_of_day_without_a_day_falls_on_the_narratives_day():
    text = "The strike hit the camp on Feb. 3. The first rockets landed at 9:40 p.m."
    assert [t.value for t in find_timexes(text, TUESDAY)] == ["2024-02-03", "2024-02-03T21:40"]
    assert only("Talks resume at noon.").value == "2024-02-13T12:00"  # no day named yet: the anchor's


@pytest.mark.parametrize("text, expression, kind, value", [
    ("A week-long truce ended.", "week-long", "DURATION", "P1W"),
    ("The decades-long dispute goes on.", "decades-long", "DURATION", "PXY"),
    ("He spent a year and a half in captivity.", "a year and a half", "DURATION", "P1Y6M"),
    ("The blockade lasted two and a half years.", "two and a half years", "DURATION", "P2Y6M"),
    ("The hostages were moved the day before yesterday.", "the day before yesterday", "DATE", "2024-02-11"),
    ("A hearing is set for the week of March 4.", "the week of March 4", "DATE", "2024-W10"),
])
def test_long_durations_halves_and_named_weeks(text, expression, kind, value):
    t = only(text, expression=expression)
    assert (text[t.start:t.end], t.type, t.value) == (expression, kind, value)


@pytest.mark.parametrize("text, expected", [
    ("The talks were held on Jan. 5 and 6 in Paris.", [("Jan. 5", "2024-01-05"), ("6", "2024-01-06")]),
    ("The summit runs from March 3 to 5.", [("March 3", "2024-03-03"), ("5", "2024-03-05")]),
    ("Raids on Feb. 3 and 5 hostages freed.", [("Feb. 3", "2024-02-03")]),  # a count, not a day
    ("Talks on June 30 and 31 were planned.", [("June 30", "2023-06-30")]),  # no June 31
])
def test_a_second_day_after_a_month_and_day(text, expected):
    assert [(t.text, t.value) for t in find_timexes(text, TUESDAY)] == expected


@pytest.mark.parametrize("text, expression, value", [
    ("The exchange will take place at Easter.", "Easter", "2024-03-31"),  # the computus, not a fixed day
    ("The prisoners were freed at Easter.", "Easter", "2023-04-09"),
    ("Pilgrims crowded the city during Easter week.", "Easter week", "2023-W14"),
    ("Voters will go to the polls on Election Day.", "Election Day", "2024-11-05"),  # Tuesday after the first Monday
    ("The truce began on New Year’s Day.", "New Year’s Day", "2024-01-01"),
])
def test_holidays_with_a_rule_and_curly_apostrophes(text, expression, value):
    t = only(text, expression=expression)
    assert (text[t.start:t.end], t.value) == (expression, value)


def test_a_holiday_must_be_capitalised():
    assert find_timexes("They decorated the easter eggs and the christmas tree.", TUESDAY) == []


def test_a_clock_time_takes_the_day_after_a_bracketed_other_time():
    found = find_timexes("The talks opened at 10:35 a.m. (0735 GMT) Friday.", TUESDAY)
    assert [(t.text, t.value) for t in found] == [("10:35 a.m.", "2024-02-09T10:35"), ("Friday", "2024-02-09")]


@pytest.mark.parametrize("text, expression, value", [
    ("The army has given the villagers until 9 a.m. Thursday to leave.", "9 a.m. Thursday", "2024-02-15T09:00"),
    ("The mediators have until Friday to reply.", "Friday", "2024-02-16"),
    ("The army gave the villagers until Monday to leave.", "Monday", "2024-02-12"),  # set in the past: the tense decides
    ("The talks lasted until Sunday.", "Sunday", "2024-02-11"),  # no deadline
    ("The ministry extended its deadline until 9 a.m. Thursday.", "9 a.m. Thursday", "2024-02-15T09:00"),  # moved ahead
])
def test_a_deadline_set_now_lies_ahead(text, expression, value):
    t = only(text, expression=expression)
    assert (text[t.start:t.end], t.value) == (expression, value)


@pytest.mark.parametrize("text, expression", [
    ("Drones circled the camp in the weeks before the raid.", "weeks"),
    ("Aid trickled in during the days after the ceasefire.", "days"),
    ("Prices rose in the months leading up to the war.", "months"),
])
def test_the_weeks_before_an_event_tag_the_unit_only(text, expression):
    t = only(text, expression=expression)
    assert (text[t.start:t.end], t.type) == (expression, "DATE")


@pytest.mark.parametrize("text, expected", [
    ("The border was drawn in 1898 after a war.", [("1898", "1898")]),
    ("Since 1867 the two towns have traded.", [("1867", "1867")]),
    ("Rents rose in 1500 homes.", []),  # a count
    ("The figure was 1850 in 2001.", [("2001", "2001")]),  # a bare number is no year
])
def test_years_before_1900_after_a_preposition(text, expected):
    assert [(t.text, t.value) for t in find_timexes(text, TUESDAY)] == expected


@pytest.mark.parametrize("text, expected", [
    ("The convoy will leave at 4 in the morning.", [("4 in the morning", "TIME", "2024-02-13T04:00")]),
    ("Shelling resumed at eleven o'clock in the evening.", [("eleven o'clock in the evening", "TIME", "2024-02-13T23:00")]),
    ("They held three in the morning session.", []),  # a count: no preposition of time before it
    ("It was high noon for the alliance.", []),  # an idiom
])
def test_an_hour_with_a_part_of_the_day(text, expected):
    assert [(t.text, t.type, t.value) for t in find_timexes(text, TUESDAY)] == expected


@pytest.mark.parametrize("text, expected", [
    ("Thousands joined the annual March for Peace.", []),
    ("Mothers led the “March of the Disappeared” through the capital.", []),
    ("The vote was held in March for the first time.", [("March", "2023-03")]),
    ("The March elections were delayed.", [("March", "2023-03")]),
])
def test_a_march_named_for_its_cause_is_no_month(text, expected):
    assert [(t.text, t.value) for t in find_timexes(text, TUESDAY)] == expected


@pytest.mark.parametrize("text, expression, value", [
    ("The vote is this coming Sunday.", "this coming Sunday", "2024-02-18"),  # ahead, though "this" alone looks back
    ("The envoys met on Feb. 2. They had talked the previous Friday.", "the previous Friday", "2024-01-26"),
    ("The envoys met on Feb. 2. They met again the following Monday.", "the following Monday", "2024-02-05"),
])
def test_weekdays_counted_ahead_or_from_the_narrative_day(text, expression, value):
    assert only(text, expression=expression).value == value


@pytest.mark.parametrize("text, expression, value", [
    ("Profit rose in the fiscal first quarter. In the quarter, sales rose 5%.", "the quarter", "2023-Q1"),
    ("Profit rose in the second quarter. Sales in the latest period grew.", "the latest period", "2023-Q2"),
    ("Profit rose in the second quarter. In the 2022 period it fell.", "the 2022 period", "2022-Q2"),
    ("Sales in the quarter grew.", "the quarter", "2023-Q3"),  # none named: the last one over
    # a quarter not yet over is no quarter reported on: "the quarter" stays the last one over
    ("Sales should rise in the fourth quarter. In the quarter, sales grew.", "the quarter", "2023-Q3"),
    # unless none over is named and the story tells of it in the past: a fiscal quarter that ended in September
    ("Acme reported a drop in fourth-quarter profit. Sales in the latest period fell.", "the latest period", "2023-Q4"),
])
def test_the_quarter_is_the_one_the_story_reports(text, expression, value):
    assert only(text, date(2023, 11, 2), expression).value == value


@pytest.mark.parametrize("text, expression", [
    ("The envoy had flown home earlier in the week.", "earlier in the week"),
    ("Guards moved the captives earlier this week.", "this week"),
])
def test_earlier_in_the_week_is_the_days_of_the_week_before_the_anchor(text, expression):
    t = only(text, date(2024, 2, 15), expression)  # a Thursday: Monday to Wednesday, not the Thursday itself
    assert (t.window.earliest, t.window.latest, t.window.value) == (date(2024, 2, 12), date(2024, 2, 14), "2024-W07")


@pytest.mark.parametrize("anchor, earliest", [(date(2024, 2, 15), date(2024, 2, 16)),
                                               (date(2024, 2, 17), date(2024, 2, 18))])  # a Saturday: Sunday alone
def test_later_this_week_is_the_days_of_the_week_after_the_anchor(anchor, earliest):
    t = only("The envoys will return to Oslo later this week.", anchor, "this week")
    assert (t.window.earliest, t.window.latest, t.window.value) == (earliest, date(2024, 2, 18), "2024-W07")


@pytest.mark.parametrize("text, anchor, expression, value", [
    ("The rebels left earlier this month.", date(2024, 3, 1), "earlier this month", "2024-03"),
    ("The rebels left earlier this week.", date(2024, 2, 12), "this week", "2024-W07"),  # TimeBank: "earlier [this week]"
    ("The rebels left earlier this year.", date(2024, 1, 1), "earlier this year", "2024"),
])
def test_earlier_this_unit_on_its_first_day_is_still_that_unit(text, anchor, expression, value):
    assert only(text, anchor, expression).value == value


@pytest.mark.parametrize("text, expression, value", [
    ("The index fell in the last twenty four hours.", "the last twenty four hours", "PT24H"),
    ("The siege lasted thirty-six days.", "thirty-six days", "P36D"),
    ("A reply takes twenty four to thirty six hours.", "twenty four to thirty six hours", "PTXH"),
    ("A reply takes two to three weeks.", "two to three weeks", "PXW"),
    ("The wall will stand for the next couple of years.", "the next couple of years", "P2Y"),
    ("The camp will close over the next year or so.", "the next year or so", "2025"),
    ("The envoy left a week or so ago.", "a week or so ago", "2024-W06"),
    ("The border shut in January nineteen ninety-seven.", "January nineteen ninety-seven", "1997-01"),
    ("Prices fell in the winter of nineteen ninety-four.", "the winter of nineteen ninety-four", "1994-WI"),
])
def test_spelled_numbers_years_and_rough_amounts(text, expression, value):
    t = only(text, expression=expression)
    assert (text[t.start:t.end], t.value) == (expression, value)


def test_a_compound_number_without_a_unit_is_no_time():
    assert find_timexes("Twenty-six people were freed.", TUESDAY) == []


@pytest.mark.parametrize("text, expression, value", [
    ("The envoys met on Feb. 2. Three days later, the truce collapsed.", "Three days", "P3D"),
    ("The talks resumed and a few weeks later a deal was signed.", "a few weeks", "PXW"),
])
def test_an_amount_later_is_a_duration_counted_from_the_story(text, expression, value):
    t = only(text, expression=expression)
    assert (text[t.start:t.end], t.type, t.value) == (expression, "DURATION", value)
    assert not any(x.text.endswith("later") for x in find_timexes(text, TUESDAY))


@pytest.mark.parametrize("text, earliest, latest", [
    ("The envoys met on Feb. 2. Three days later, the truce collapsed.", "2024-02-05", "2024-02-05"),
    ("The envoys met on Jan. 2. Two weeks later, the truce collapsed.", "2024-01-16", "2024-01-16"),
    # a window of days moves as a whole, and a past shift stops at the anchor
    ("Earlier this month the rebels sent a video. Two days later, Chile answered.", "2024-02-03", "2024-02-13"),
])
def test_an_amount_later_fixes_a_window_from_the_last_date(text, earliest, latest):
    t = next(x for x in find_timexes(text, TUESDAY) if x.type == "DURATION")
    assert (str(t.window.earliest), str(t.window.latest)) == (earliest, latest)


def test_an_amount_later_without_a_date_before_it_fixes_nothing():
    assert only("Three days later, the truce collapsed.").window is None


@pytest.mark.parametrize("text, expression, value", [
    ("Convoys leave each Thursday.", "each Thursday", "XXXX-WXX-4"),
    ("The clinic opens on Sundays.", "Sundays", "XXXX-WXX-7"),
    ("Talks resume on Tuesday nights.", "Tuesday nights", "XXXX-WXX-2TNI"),
    ("The marchers gather every July.", "every July", "XXXX-07"),
])
def test_a_recurring_day_or_month_is_a_set(text, expression, value):
    t = only(text, expression=expression)
    assert (text[t.start:t.end], t.type, t.value) == (expression, "SET", value)


def test_a_single_weekday_stays_a_date():
    assert only("The convoy left on Thursday.").type == "DATE"


@pytest.mark.parametrize("text, expression, kind, value", [
    ("Shelling has grown in recent weeks.", "recent weeks", "DURATION", "PXW"),  # an unstated number of weeks
    ("Prices rose in recent months.", "recent months", "DURATION", "PXM"),
    ("Talks have stalled recently.", "recently", "DATE", "PAST_REF"),
    ("The sides are talking now.", "now", "DATE", "PRESENT_REF"),
])
def test_recent_units_are_durations_and_other_vague_words_dates(text, expression, kind, value):
    t = only(text, expression=expression)
    assert (text[t.start:t.end], t.type, t.value, t.window) == (expression, kind, value, None)


@pytest.mark.parametrize("text, expected", [
    ("Now, the mediators say, the deal is close.", []),  # the discourse marker
    ("The war went on. Now, the sides talk.", []),
    ("The sides are talking now, a mediator said.", ["now"]),
    ("Now the sides talk.", ["Now"]),
    ("For now, the truce holds.", ["now"]),
])
def test_now_opening_a_sentence_with_a_comma_is_no_time(text, expected):
    assert [t.text for t in find_timexes(text, TUESDAY)] == expected


@pytest.mark.parametrize("text, anchor, value", [
    ("Profit fell in the fourth quarter.", date(2024, 1, 25), "2023-Q4"),  # in January: the one just past
    ("Profit will rise in the fourth quarter.", date(2024, 1, 25), "2024-Q4"),  # ahead: this year's
    ("Profit fell in the third quarter.", date(2024, 11, 2), "2024-Q3"),
])
def test_a_quarter_without_a_year_that_has_not_begun_is_last_years(text, anchor, value):
    assert only(text, anchor).value == value


@pytest.mark.parametrize("text, expression, kind, value", [
    # "last week" and "this week" before "after"/"before" a clause are still that week ("the week after X" is not)
    ("The envoy met the mediator last week after months of silence.", "last week", "DATE", "2024-W06"),
    ("The envoy met the mediator this week before flying home.", "this week", "DATE", "2024-W07"),
    # "current" before a noun is the present; "the current account" is no time
    ("The current truce is fragile.", "current", "DATE", "PRESENT_REF"),
    # "year's end" is the year's last day, like "year-end"
    ("The blockade should be lifted by year's end.", "year's end", "DATE", "2024-12-31"),
    # an unstated stretch of time; the preposition stays out
    ("The two camps have not spoken for a while.", "a while", "DURATION", "PXX"),
    ("The monitors will stay for some time.", "some time", "DURATION", "PXX"),
    ("Over the years, the border moved twice.", "the years", "DURATION", "PXY"),
    ("The offer was withdrawn some time ago.", "some time ago", "DATE", "PAST_REF"),
    # half a unit and centuries
    ("The call lasted half an hour.", "half an hour", "DURATION", "PT30M"),
    ("The dispute has gone on for half a century.", "half a century", "DURATION", "P50Y"),
    ("The border was drawn two centuries ago.", "two centuries ago", "DATE", "1824"),
    ("The feud lasted a century.", "a century", "DURATION", "P100Y"),
    # a day of the story named by its rank: the narrative's day, else the anchor's
    ("The strike entered its third day on Sunday.", "third day", "DATE", "2024-02-13"),
    ("On 5 May 2023 the talks opened. On the second day, the envoys walked out.", "the second day", "DATE", "2023-05-05"),
    # "the 3rd of March", British style
    ("The prisoners were released on the 3rd of March 2022.", "the 3rd of March 2022", "DATE", "2022-03-03"),
    ("The prisoners were released on the 3rd of March.", "the 3rd of March", "DATE", "2023-03-03"),
    # a 24-hour clock after a preposition
    ("The truce will start at 06:00 on Friday.", "06:00 on Friday", "TIME", "2024-02-16T06:00"),
    ("The truce started at 2100 GMT.", "2100 GMT", "TIME", "2024-02-13T21:00"),
])
def test_more_classes_of_time_expression(text, expression, kind, value):
    t = only(text, expression=expression)
    assert (t.type, t.value) == (kind, value)


@pytest.mark.parametrize("text", [
    "The current account deficit widened.",
    "The current was too strong for the boats.",
    "The market rose for the first day of the month.",  # the month, not a day of the story
    "The odds were 3:1 against a deal.",
    "He is known as a man of few words.",
])
def test_no_time_in_lookalikes(text):
    assert [t.text for t in find_timexes(text, TUESDAY) if t.rule in ("current", "ordinal-day", "clock-24")] == []


def test_days_after_an_event_tags_the_unit_only():
    t = only("Just days after the vote, the coalition split.", expression="days")
    assert (t.type, t.rule) == ("DATE", "span-around")


@pytest.mark.parametrize("text, expression, kind, value", [
    ("The bank must reply within ten business days.", "ten business days", "DURATION", "P10D"),
    ("More envoys are expected in the weeks ahead.", "the weeks ahead", "DURATION", "PXW"),
    # holidays by a rule: the last Monday of May, the first Monday of September, two days before Easter
    ("The rally was held on Memorial Day.", "Memorial Day", "DATE", "2023-05-29"),
    ("The strike began on Labor Day.", "Labor Day", "DATE", "2023-09-04"),
    ("The prisoners were freed on Good Friday.", "Good Friday", "DATE", "2023-04-07"),
    ("The family will gather on Mother's Day.", "Mother's Day", "DATE", "2024-05-12"),
    # a part of the day: of the day it names, else of the narrative's day
    ("By mid-afternoon the shelling had stopped.", "mid-afternoon", "TIME", "2024-02-13TAF"),
    ("The convoy left late evening yesterday.", "late evening yesterday", "TIME", "2024-02-12TEV"),
    ("On 4 June 2023 the talks resumed. By early afternoon a draft was ready.", "early afternoon", "TIME",
     "2023-06-04TAF"),
    # "Weeks later": an unstated number of weeks; "later" stays out
    ("The border reopened. Weeks later, trade resumed.", "Weeks", "DURATION", "PXW"),
    # "the prior year": the year before the last one named
    ("Exports rose in 2021 from the prior year.", "the prior year", "DATE", "2020"),
])
def test_business_days_holidays_parts_of_days_and_prior_units(text, expression, kind, value):
    t = only(text, expression=expression)
    assert (t.type, t.value) == (kind, value)


@pytest.mark.parametrize("text, expression, kind, value", [
    ("The two villages fell out years ago.", "years ago", "DATE", "PAST_REF"),
    ("The dam was built many decades ago.", "many decades ago", "DATE", "PAST_REF"),
    ("Grain prices doubled last decade.", "last decade", "DATE", "201"),
    ("The pipeline should be finished this decade.", "this decade", "DATE", "202"),
    ("The ferry left at 9.30am.", "9.30am", "TIME", "2024-02-13T09:30"),
])
def test_bare_units_ago_decades_and_clock_with_a_dot(text, expression, kind, value):
    t = only(text, expression=expression)
    assert (t.type, t.value) == (kind, value)


def test_a_programme_title_is_no_week():
    assert find_timexes('The minister spoke on the talk show "This Week" about the truce.', TUESDAY) == []


def test_the_last_week_of_a_month_is_not_last_week():
    assert "the last week" not in [t.text for t in find_timexes("The vote is due in the last week of March.", TUESDAY)
                                   if t.rule == "relative-week"]


@pytest.mark.parametrize("text, expression, kind, value", [
    ("The truce was agreed a fortnight ago.", "a fortnight ago", "DATE", "2024-W05"),
    ("The truce lasted a fortnight.", "a fortnight", "DURATION", "P2W"),
    ("Queues formed on Black Friday.", "Black Friday", "DATE", "2023-11-24"),
    ("The envoys will return on the 20th.", "the 20th", "DATE", "2024-02-20"),
    ("The envoys will return on the 2nd.", "the 2nd", "DATE", "2024-03-02"),
])
def test_fortnights_black_friday_and_a_day_of_the_month_alone(text, expression, kind, value):
    t = only(text, expression=expression)
    assert (t.type, t.value) == (kind, value)


@pytest.mark.parametrize("text", ["They marked the 20th anniversary.", "It dates from the 20th century.",
                                  "He finished the race in the 2nd place."])
def test_an_ordinal_before_a_noun_is_no_day_of_the_month(text):
    assert [t for t in find_timexes(text, TUESDAY) if t.rule == "day-alone"] == []


def test_the_vague_alternation_prefers_the_longer_phrase():
    assert [t.text for t in find_timexes("Prices may fall in the near future.", TUESDAY)] == ["the near future"]


def test_the_last_minute_idiom_is_no_duration():
    assert find_timexes("The deal fell apart at the last minute.", TUESDAY) == []


def test_a_four_digit_clock_before_local_time():
    t = only("The pause begins at 0001 local time.", expression="0001")
    assert (t.type, t.value) == ("TIME", "2024-02-13T00:01")


@pytest.mark.parametrize("text, value", [
    ("The summit will be held in the second week of June.", "2024-W24"),  # 10-16 June 2024
    ("The accord was signed in the last week of March 2023.", "2023-W13"),  # 27 March - 2 April
])
def test_a_numbered_week_of_a_month(text, value):
    t = only(text)
    assert (t.type, t.value, t.rule) == ("DATE", value, "week-of-month")



@pytest.mark.parametrize("text, value", [
    # the past verb dates the telling; the day hangs on a noun or an infinitive of purpose, and last
    # year's would carry its year: this March, a few weeks ahead
    ("The ministry invited both envoys to a signing on March 1 to mark the truce.", "2024-03-01"),
    ("Officials warned of a cut in March in fuel supplies.", "2024-03"),
    # the past verb itself governs the day: last March
    ("The prisoners were released on March 1.", "2023-03-01"),
    ("The ministry invited both envoys to a signing on December 1 to mark the truce.", "2023-12-01"),  # near anyway
])
def test_a_weak_past_does_not_reach_back_a_year_past_a_day_weeks_ahead(tagged, text, value):
    assert [t.value for t in tagged(text)] == [value]


@pytest.mark.parametrize("anchor, value", [
    (TUESDAY, "2024-W06"),  # 6-13 February: mostly the week before
    (date(2024, 2, 16), "2024-W07"),  # a Friday: mostly its own week
    (date(2024, 3, 2), "2024-W09"),  # across the end of February: still a week, not a month or a year
])
def test_the_past_week_is_named_by_the_week_holding_most_of_it(anchor, value):
    t = only("Prices rose sharply over the past week.", anchor)
    assert (t.type, t.value) == ("DATE", value)


@pytest.mark.parametrize("text, expression, kind, value", [
    ("Attacks grew in the past year.", "the past year", "DATE", "2023"),
    ("The fund will be spent in the coming year.", "the coming year", "DATE", "2025"),
    ("Fuel prices doubled over the last month.", "the last month", "DATE", "2024-01"),
    ("Rents rose over the past three years.", "the past three years", "DURATION", "P3Y"),
])
def test_the_past_year_without_a_number_is_that_calendar_year(text, expression, kind, value):
    assert [(t.text, t.type, t.value) for t in find_timexes(text, TUESDAY)] == [(expression, kind, value)]


def test_the_last_year_of_something_is_no_calendar_year():
    assert [t.rule for t in find_timexes("Talks stalled during the last year of the war.", TUESDAY)] != ["past-unit"]


@pytest.mark.parametrize("text", ["They crossed in the early hours of Monday.", "Clinics list the days of the week."])
def test_a_plural_unit_naming_a_part_of_a_time_is_no_duration(text):
    assert not any(t.type == "DURATION" for t in find_timexes(text, date(2024, 2, 13)))


@pytest.mark.parametrize("text", [
    "The lender reported its first quarterly profit in years.",  # an adjective of frequency, no quarter
    "Quarter-to-quarter growth in exports slowed.",
    "The quarter-to-quarter change in output was small.",
])
def test_quarterly_and_quarter_to_quarter_name_no_quarter(text):
    assert not any(t.value and "Q" in t.value for t in find_timexes(text, TUESDAY))


@pytest.mark.parametrize("text, expression, value", [
    ("The siege lasted over a week.", "over a week", "P1W"),  # "over" is "more than" here
    ("Just over an hour later the polls closed.", "over an hour", "PT1H"),
    ("Monitors may stay for no more than ninety days.", "no more than ninety days", "P90D"),
    ("Rents have climbed for at least the past six months.", "at least the past six months", "P6M"),
    ("Aid will be spread over three years.", "three years", "P3Y"),  # "over" is "during" here
    ("Prices rose over the years.", "the years", "PXY"),
])
def test_a_duration_keeps_its_modifier(text, expression, value):
    assert [(t.text, t.value) for t in find_timexes(text, TUESDAY)] == [(expression, value)]


@pytest.mark.parametrize("text, expression", [
    ("The convoy left around 7:15 p.m. under fire.", "around 7:15 p.m."),
    ("The deal should close around year end.", "around year end"),
    ("Voting resumes around March 3.", "around March 3"),
    ("Lawyers sought a way around March 3's ruling.", "March 3"),  # a verb's particle before a possessive
    ("The mood of the talks turned around Monday.", "Monday"),  # nor before a weekday
])
def test_around_before_a_point_in_time_is_part_of_it(text, expression):
    assert [t.text for t in find_timexes(text, TUESDAY)] == [expression]


@pytest.mark.parametrize("text, expression, value", [
    ("The envoy died within weeks or months of his capture.", "weeks or months", "PXW"),
    ("The blockade could last for days or weeks.", "days or weeks", "PXD"),
])
def test_two_bare_units_joined_by_or_are_one_duration(text, expression, value):
    assert [(t.text, t.type, t.value) for t in find_timexes(text, TUESDAY)] == [(expression, "DURATION", value)]


@pytest.mark.parametrize("text, expected", [
    ("Riots broke out in the town for the past three summers.", []),  # "past" modifies a count of summers
    ("Water is vital to the future of the region.", []),  # the region's prospects, not a time
    ("In the past a ceasefire held for weeks.", ["the past"]),
    ("In the past, such talks failed.", ["the past"]),
    ("The future looks bleak for the talks.", ["The future"]),
])
def test_the_past_and_the_future_as_nouns_only(text, expected):
    assert [t.text for t in find_timexes(text, TUESDAY) if t.rule == "vague"] == expected


@pytest.mark.parametrize("text, expression", [
    ("Crowds gathered for the two day rally.", "two day"),  # "the" goes with "rally"
    ("Envoys met for the 10 day summit.", "10 day"),
    ("The two days of talks ended.", "The two days"),
])
def test_an_amount_with_a_singular_unit_before_a_noun_leaves_the_article_out(text, expression):
    assert [t.text for t in find_timexes(text, TUESDAY) if t.type == "DURATION"] == [expression]


@pytest.mark.parametrize("text, expected", [
    ("Exports grew for the first time in years.", [("years", "PXY")]),
    ("The rate is the lowest in decades, the bank said.", [("decades", "PXY")]),
    ("A deal could come in weeks or months.", [("weeks or months", "PXW")]),
    ("The envoys were held in rooms.", []),
])
def test_in_before_bare_units_ending_the_clause_is_a_duration(text, expected):
    assert [(t.text, t.value) for t in find_timexes(text, TUESDAY)] == expected


@pytest.mark.parametrize("text, expression", [
    ("The firm will not turn a profit until 2027 or later.", "2027 or later"),
    ("Plans for 2026 and beyond were shown.", "2026 and beyond"),
    ("She flew in October 1984 and later served as an envoy.", "October 1984"),
    ("The recall covers 2019 or earlier models.", "2019"),
])
def test_an_open_bound_after_a_date_is_part_of_it(text, expression):
    assert [t.text for t in find_timexes(text, TUESDAY)] == [expression]


@pytest.mark.parametrize("text, earliest, latest", [
    ("The rebels seized the town in 2015. Three years later, Chile took over the mediation.", "2018-01-01", "2018-12-31"),
    ("The envoys met in March 2020. Two months later, they met again.", "2020-05-01", "2020-05-31"),
])
def test_years_or_months_later_are_the_year_or_month_that_many_on(text, earliest, latest):
    t = next(x for x in find_timexes(text, TUESDAY) if x.type == "DURATION")
    assert (str(t.window.earliest), str(t.window.latest)) == (earliest, latest)


@pytest.mark.parametrize("text, earliest, latest", [
    ("The mediator presented a plan in late 2019.", "2019-09-01", "2019-12-31"),
    ("The rebels regrouped in early 2021 near the border.", "2021-01-01", "2021-04-30"),
])
def test_a_part_of_a_year_is_a_window_of_its_months(text, earliest, latest):
    t = find_timexes(text, TUESDAY)[0]
    assert (str(t.window.earliest), str(t.window.latest), t.value) == (earliest, latest, earliest[:4])


def test_a_season_under_a_past_verb_is_the_latest_one_begun(tagged):
    [t] = tagged("Envoys began carrying messages between Lima and Quito in the winter.", date(2024, 6, 17))
    assert (str(t.window.earliest), str(t.window.latest), t.value) == ("2023-12-01", "2024-02-29", "2023-WI")
    [ahead] = tagged("Envoys will carry messages between Lima and Quito in the winter.", date(2024, 6, 17))
    assert ahead.value == "2024-WI"


@pytest.mark.parametrize("text, value", [
    # the participle has no tense of its own: that of the clause it hangs on
    ("The airline said new flights would leave on Monday, with the third departing each Thursday from August 6.",
     "2024-08-06"),
    ("The rebels shelled the town, with fighters storming the market on August 6.", "2023-08-06"),
])
def test_a_participle_takes_the_tense_of_its_clause(tagged, text, value):
    assert [t.value for t in tagged(text) if t.text == "August 6"] == [value]


@pytest.mark.parametrize("text, anchor, value", [
    # a deadline set in the past is the nearest such day, not last year's
    ("The regulator gave the firm until mid-November to submit more papers.", date(2024, 10, 30), "2024-11"),
    ("A judge rejected an order that the boy stay until March 6 to hear his relatives.", date(2024, 1, 15),
     "2024-03-06"),
    ("The regulator gave the firm until October 20 to submit more papers.", date(2024, 10, 30), "2024-10-20"),
])
def test_a_deadline_set_in_the_past_is_the_nearest_day(text, anchor, value):
    assert [t.value for t in find_timexes(text, anchor) if t.rule != "duration"] == [value]


@pytest.mark.parametrize("text, value", [
    ("Shares have risen 20% since year-end.", "2023-12-31"),  # since: the last year-end
    ("The index has slipped since the year-end.", "2023-12-31"),
    ("The firm will cut 600 jobs by year-end.", "2024-12-31"),
])
def test_since_year_end_is_last_years(text, value):
    assert [t.value for t in find_timexes(text, TUESDAY)] == [value]


def test_a_capitalised_weekend_before_a_name_is_a_title_not_a_time():
    """ "The Weekend Magazine | Friday 9 February 2024": the programme's name does not date what follows."""
    found = find_timexes("The Weekend Magazine | Friday 9 February 2024\n\nThey met at the weekend.", TUESDAY)
    assert [t.text for t in found] == ["Friday 9 February 2024", "the weekend"]


def test_a_year_before_to_and_a_term_is_a_date_not_the_start_of_a_range():
    """ "jailed in 2015 to eight years": the year dates the act; the term after "to" is its own DURATION."""
    found = find_timexes("Ana Ruiz was jailed in 2015 to eight years.", TUESDAY)
    assert [(t.text, t.value) for t in found] == [("2015", "2015"), ("eight years", "P8Y")]


@pytest.mark.parametrize("text, expression, earliest, latest", [
    ("The pilot was seized on March 3 last year.", "March 3 last year", "2023-03-03", "2023-03-03"),
    ("The pilot was seized on 3 March last year.", "3 March last year", "2023-03-03", "2023-03-03"),
    ("The pilot was seized on November 28 of last year.", "November 28 of last year", "2023-11-28", "2023-11-28"),
    ("The court ruled on 9 January this year.", "9 January this year", "2024-01-09", "2024-01-09"),
    ("The court ruled in January of this year.", "January of this year", "2024-01-01", "2024-01-31"),
    ("They hope to finish on May 2 next year.", "May 2 next year", "2025-05-02", "2025-05-02"),
])
def test_a_month_and_day_followed_by_a_year_named_from_now_takes_that_year(text, expression, earliest, latest):
    t = only(text)
    assert (t.text, str(t.window.earliest), str(t.window.latest)) == (expression, earliest, latest)


@pytest.mark.parametrize("text, expression, earliest, latest", [
    ("3-6 January: Envoys meet in Quito.", "3-6 January", "2024-01-03", "2024-01-06"),
    ("January 3-6: Envoys meet in Quito.", "January 3-6", "2024-01-03", "2024-01-06"),
    ("Envoys met from 3 to 6 January in Quito.", "3 to 6 January", "2024-01-03", "2024-01-06"),
    ("Envoys met on 3–6 January 2023 in Quito.", "3–6 January 2023", "2023-01-03", "2023-01-06"),
])
def test_a_range_of_days_before_a_month_is_one_expression(text, expression, earliest, latest):
    t = only(text)
    assert (t.text, str(t.window.earliest), str(t.window.latest)) == (expression, earliest, latest)


@pytest.mark.parametrize("text, expression", [
    ("Issued on 10 July B.E. 2567 (2024) in Bangkok.", "10 July B.E. 2567 (2024)"),
    ("Issued on 10 July B.E. 2567 in Bangkok.", "10 July B.E. 2567"),
])
def test_a_buddhist_era_year_is_the_common_era_year_543_years_earlier(text, expression):
    t = only(text)
    assert (t.text, t.value) == (expression, "2024-07-10")
