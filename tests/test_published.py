"""backchannel.analyse.published: publication dates from metadata, the text, captions, content, the story.

Lags and the head length come from patterns/published.yaml (read through `cues()`), so tuning them does
not break these tests; what is tested is the order of the sources and the shape of each window.
"""
from datetime import date, timedelta

import pytest

from backchannel.analyse.published import (MAX_ANCHOR_DAYS, anchor_of, cues, date_document, date_from_story,
                                           dateline_in_corpus, from_captions, from_metadata, inferred_from_content,
                                           stated_in_text)
from backchannel.models import Caption, DateWindow, Published

D = date.fromisoformat


def published(lo, hi=None, basis="metadata"):
    return Published(DateWindow(D(lo), D(hi or lo), rule=basis).normalised(), basis)


@pytest.mark.parametrize("value, expected", [
    ("2024-02-13", "2024-02-13"),
    ("2024-02-13T23:30:00Z", "2024-02-13"),
    ("2024-02-13T09:00:00+05:30", "2024-02-13"),
    ("13 February 2024", "2024-02-13"),
    ("Feb 13, 2024", "2024-02-13"),
])
def test_from_metadata(value, expected):
    p = from_metadata(value)
    assert p.basis == "metadata"
    assert p.window.earliest == p.window.latest == D(expected)
    assert p.window.rule == "metadata" and p.window.text == value  # provenance kept


@pytest.mark.parametrize("value", [None, "", "not a date", "yesterday-ish"])
def test_from_metadata_refuses_what_is_not_a_date(value):
    assert from_metadata(value) is None


@pytest.mark.parametrize("head, expected", [
    ("Envoys meet in Doha\nBy Jane Roe, published 10 July 2024\n\nThe talks went on.", "2024-07-10"),
    ("Envoys meet in Doha\nUpdated: 2024-07-10\n\nThe talks went on.", "2024-07-10"),
    ("Envoys meet in Doha\nPosted on July 10, 2024 by the desk\n\nThe talks went on.", "2024-07-10"),
    ("Envoys meet in Doha\nBy a staff writer, July 10, 2024\n\nThe talks went on.", "2024-07-10"),
    ("Envoys meet in Doha\nJane Roe writes in the Gulf Ledger on 10 July 2024\n\nThe talks went on.", "2024-07-10"),
    ("Envoys meet in Doha\n10 July 2024 14:05 GMT\n\nThe talks went on.", "2024-07-10"),
    ("Envoys meet in Doha\nPublished 3:45 PM EST, Wed July 10, 2024\n\nThe talks went on.", "2024-07-10"),
    ("Envoys meet in Doha\nJul 10, 2024, 2:45 PM ET\n\nThe talks went on.", "2024-07-10"),
    ("Envoys meet in Doha\nJane Roe | July 10, 2024\n\nThe talks went on.", "2024-07-10"),
    ("Envoys meet in Doha\nJuly 10, 2024 / 2:45 PM / Updated an hour ago\n\nThe talks went on.", "2024-07-10"),
    ("Envoys meet in Doha\nJane Roe\nWed, Jul 10, 2024, 2:45 PM\n\nThe talks went on.", "2024-07-10"),
    ("Envoys meet in Doha\nPublished on: 07/10/2024\n\nThe talks went on.", "2024-07-10"),
    ("Envoys meet in Doha\nGulf desk | 10 July 2024 (Wednesday) | Updated 09:12 AST\n\nThe talks went on.", "2024-07-10"),
    ("Envoys meet in Doha\nWednesday 10 July 2024 - 07:05 | Gulf desk\n\nThe talks went on.", "2024-07-10"),
    ("Envoys meet in Doha\nDOHA, Qatar (AP) \u2014 July 10, 2024 \u2014 The talks went on.", "2024-07-10"),
    ("Envoys meet in Doha\n10 July 2024 - By Jane Roe, Doha\n\nThe talks went on.", "2024-07-10"),  # byline after
    ("Envoys meet in Doha\nGulf Ledger \u2014 Wednesday 10.07.2024\n\nThe talks went on.", "2024-07-10"),  # outlet, dash
    ("Envoys meet\nThe Gulf Ledger - Timeline - 10 July 2024\n\nThe talks went on.", "2024-07-10"),  # hyphens
    ("Envoys meet\nMinistry of Foreign Affairs - Press Release No. 12/2024 - Doha, Wednesday 10 July 2024\n\nThe talks went on.",
     "2024-07-10"),  # a press release's head: issuer, number, place and day
    ("Envoys return\nNo. 88/2567 | 10 July B.E. 2567 (2024)\n\nThe talks went on.", "2024-07-10"),  # Buddhist era
    ("Envoys return\nNo. 88/2567 | 10 July B.E. 2567\n\nThe talks went on.", "2024-07-10"),  # its year alone
])
def test_stated_in_text(head, expected):
    p = stated_in_text(head)
    assert p.basis == "text"
    assert p.window.earliest == p.window.latest == D(expected)
    assert p.window.rule.startswith("stated:")


@pytest.mark.parametrize("head", [
    "Envoys meet in Doha\n© 10 July 2024 Example News\n\nThe talks went on.",  # a copyright line is no date of publication
    "Envoys meet in Doha\n\nThe talks went on. They met again.",  # no date at all
    "Envoys meet in Doha\npublished last week\n\nThe talks went on.",  # not a full date
    "Envoys meet in Doha\n\nThe envoys first met on 10 July 2024\nin Doha.",  # a sentence broken across lines
    "Envoys meet in Doha\n\nThe envoys, who first met on Wed, July 10, 2024, talked.",  # a weekday in a sentence
    "Envoys meet in Doha\n\nThe envoys met once \u2014 on 10 July 2024",  # a dash inside a sentence of news
    "Envoys meet in Doha\n\nThey met on 10 July 2024 - by then the truce had collapsed.",  # a sentence goes on
    "Envoys meet in Doha\n\nThe talks stalled. Qatar stepped in - 10 July 2024",  # a sentence ends before the separator
    "Envoys meet in Doha\n\nThe truce, brokered by Oman, took hold on 10 July 2024, a day after the raid.",  # 'by' in news
])
def test_stated_in_text_needs_a_full_date_with_a_cue(head):
    assert stated_in_text(head) is None


def test_stated_in_text_reads_the_head_and_a_publication_line_at_the_foot():
    filler = "The talks went on. " * (cues()["head_chars"] // 19 + 1)
    assert stated_in_text(f"Envoys meet\n{filler}\nPublished 10 July 2024\n{filler}") is None  # mid-text
    foot = stated_in_text(f"Envoys meet\n{filler}\nPublished 10 July 2024\n")
    assert foot.window.earliest == D("2024-07-10") and foot.basis == "text"
    assert stated_in_text(f"Envoys meet\n{filler}\nThe ministry published the list on 10 July 2024.\n") is None


def test_a_reported_date_in_the_lede_is_no_publication_date():
    assert stated_in_text("Envoys meet in Doha\n\nThe war began on 7 October 2023 and talks went on.") is None


def test_from_captions_dates_a_photo_shortly_before_publication():
    p = from_captions((Caption(0, 48, "Photo: envoys in Doha, 12 February 2024 (Reuters)"),))
    lag = cues()["caption_lag_days"]
    assert p.basis == "inferred" and p.window.rule == "caption"
    assert (p.window.earliest, p.window.latest) == (D("2024-02-12"), D("2024-02-12") + timedelta(days=lag))


def test_from_captions_without_a_full_date():
    assert from_captions((Caption(0, 30, "Photo: envoys in Doha (Reuters)"),)) is None
    assert from_captions(()) is None


def test_inferred_from_content_starts_at_the_latest_explicit_date():
    p = inferred_from_content("The war began on 7 October 2023. A truce held from 24 November 2023 for a week.")
    assert p.basis == "inferred"
    assert p.window.earliest == D("2023-11-24")
    assert p.window.latest > p.window.earliest


def test_inferred_from_content_without_dates_is_unknown():
    assert inferred_from_content("Qatar hosted the envoys on Monday.") == Published(None, "unknown")


def test_president_elect_bounds_the_window_to_the_transition():
    p = inferred_from_content("The president-elect's envoy met the mediators after the vote of 5 November 2024.")
    assert p.window.latest == D("2025-01-19")
    assert D("2024-11-05") <= p.window.earliest
    assert "us-transition" in p.window.rule


def test_date_from_story_borrows_a_dated_siblings_window():
    lag = cues()["story_lag_days"]
    p = date_from_story(Published(None, "unknown"), published("2024-02-13"))
    assert p.basis == "inferred" and p.window.rule == "story"
    assert (p.window.earliest, p.window.latest) == (D("2024-02-13") - timedelta(days=lag), D("2024-02-13"))


def test_date_from_story_narrows_an_inferred_window():
    own = published("2024-02-10", "2024-12-31", basis="inferred")
    p = date_from_story(own, published("2024-02-13"))
    assert (p.window.earliest, p.window.latest) == (D("2024-02-10"), D("2024-02-13"))


@pytest.mark.parametrize("sibling", [
    Published(None, "unknown"),
    published("2024-02-01", "2024-02-29", basis="metadata"),  # too wide to lend
    published("2024-02-13", basis="inferred"),  # only stated dates are lent
])
def test_date_from_story_refuses_weak_siblings(sibling):
    assert date_from_story(Published(None, "unknown"), sibling) is None


@pytest.mark.parametrize("window, anchor", [
    (("2024-02-13", "2024-02-13"), "2024-02-13"),
    (("2024-02-07", "2024-02-13"), "2024-02-13"),  # narrow enough: its latest day
    (("2024-02-01", "2024-02-29"), None),  # too wide to count "on Sunday" from
])
def test_anchor_of(window, anchor):
    p = published(*window, basis="inferred")
    assert anchor_of(p) == (D(anchor) if anchor else None)
    assert (p.window.days <= MAX_ANCHOR_DAYS) == (anchor is not None)
    assert anchor_of(Published(None, "unknown")) is None


def test_date_document_prefers_metadata_then_text_then_captions_then_content():
    raw = "Envoys meet\nBy Jane Roe, published 10 July 2024\n\nThe talks of 1 March 2024 went on."
    caption = (Caption(0, 40, "Photo: envoys, 8 July 2024 (Reuters)"),)
    body = "The talks of 1 March 2024 went on."
    assert date_document(raw, caption, "2024-07-11", body).window.earliest == D("2024-07-11")
    assert date_document(raw, caption, None, body).window.earliest == D("2024-07-10")
    assert date_document(body, caption, None, body).window.earliest == D("2024-07-08")
    content = date_document(body, (), None, body)
    assert content.basis == "inferred" and content.window.earliest == D("2024-03-01")


def test_a_dateline_without_its_year_takes_the_first_such_day_the_content_allows():
    text = "Swap done\nOSLO, Mar 4 (Reuters) - Norway freed two Danes under a deal first floated in May 2023."
    p = date_document(text, (), None, text)
    assert p.basis == "inferred" and p.window.earliest == p.window.latest == D("2024-03-04")
    assert p.window.rule.startswith("dateline+") and p.window.text == "Mar 4"


def test_a_dateline_without_its_year_and_a_text_naming_no_year_stays_undated():
    text = "Swap done\nOSLO, Mar 4 (Reuters) - Norway freed two Danes on Monday."
    assert date_document(text, (), None, text).window is None


def test_a_dateline_without_its_year_takes_the_year_of_the_dated_article_nearest_it():
    text = "Swap done\nOSLO, Mar 4 (Reuters) - Norway freed two Danes held since a raid in 2021."
    dated = [D("2023-03-10"), D("2024-03-05"), D("2024-06-01")]
    p = dateline_in_corpus(text, [DateWindow(d, d) for d in dated])
    assert p.basis == "inferred" and p.window.earliest == p.window.latest == D("2024-03-04")
    assert p.window.rule == "dateline+corpus" and p.window.text == "Mar 4"
    # not before the latest year the text names, and not when no dated article lies within reach
    assert dateline_in_corpus(text.replace("2021", "2024"), [DateWindow(D("2023-03-05"), D("2023-03-05"))]) is None
    far = D("2024-03-04") + timedelta(days=cues()["dateline_corpus_days"] + 1)
    assert dateline_in_corpus(text, [DateWindow(far, far)]) is None
    assert dateline_in_corpus("Swap done\nNorway freed two Danes on Mar 4.", [DateWindow(far, far)]) is None


def test_a_yearless_dateline_two_months_after_a_dated_article_takes_its_year():
    text = "Swap done\nOSLO, Apr 10 (Reuters) - Norway freed two Danes held since a raid in 2023."
    p = dateline_in_corpus(text, [DateWindow(D("2023-12-03"), D("2023-12-03")),
                                  DateWindow(D("2025-02-12"), D("2025-02-12"))])
    assert p.window.earliest == D("2025-04-10")  # a season after February 2025, not four months after December 2023
