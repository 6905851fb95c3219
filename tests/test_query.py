"""backchannel.query: plain functions over the store, returning models (a hand-built store, no NLP)."""
from datetime import date

import pytest

from backchannel.query import TimelineFilter, actors, document, documents, event_quotes, events, find_actor, quotes

from helpers import HARBOUR, build_hand_store, build_harbour_store


@pytest.fixture(scope="module")
def store():
    return build_hand_store()


def test_documents_and_document(store):
    assert [d.id for d in documents(store)] == ["d-helsinki", "d-oslo"]  # ordered by name
    assert document(store, "d-oslo").title == "Oslo meeting"
    assert document(store, "d-missing") is None


def test_actors_most_mentioned_first(store):
    assert [a.id for a in actors(store)] == ["a-norway", "a-sweden", "a-finland"]
    assert actors(store)[2].affiliations == ("a-norway",)


@pytest.mark.parametrize("needle, expected", [
    ("a-sweden", "a-sweden"), ("Norway", "a-norway"), ("norway", "a-norway"),
    ("kingdom of NORWAY", "a-norway"), ("Denmark", None),
])
def test_find_actor_by_id_name_or_alias(store, needle, expected):
    found = find_actor(store, needle)
    assert (found.id if found else None) == expected


def test_timeline_is_ordered_by_date_with_undated_last(store):
    timeline = events(store)
    assert [e.type for e in timeline] == ["CONSULT", "ACCUSE", "AGREE"]
    assert timeline[-1].date is None and timeline[-1].status == "planned"
    hosted = timeline[0]
    assert (hosted.actors, hosted.recipients) == (("a-norway",), ("a-sweden",))
    assert hosted.date.earliest == date(2024, 2, 12) and hosted.date.rule == "weekday"
    assert hosted.evidence[0].sentence == "Norway hosted Sweden in Oslo on Monday."


@pytest.mark.parametrize("where, expected", [
    (TimelineFilter(type="accuse"), ["ACCUSE"]),
    (TimelineFilter(actor="Sweden"), ["CONSULT", "AGREE"]),
    (TimelineFilter(actor="kingdom of norway"), ["CONSULT", "ACCUSE", "AGREE"]),  # as actor or recipient
    (TimelineFilter(actor="Denmark"), []),
    (TimelineFilter(since=date(2024, 3, 15)), ["ACCUSE"]),  # a window that may fall on or after the day
    (TimelineFilter(until=date(2024, 2, 12)), ["CONSULT"]),
    (TimelineFilter(since=date(2024, 2, 13), until=date(2024, 2, 29)), []),
    (TimelineFilter(document="d-oslo"), ["CONSULT", "AGREE"]),
    (TimelineFilter(story="s-2"), ["ACCUSE"]),
])
def test_timeline_filters(store, where, expected):
    assert [e.type for e in events(store, where)] == expected


def test_quotes_in_text_order_with_their_speakers():
    store = build_harbour_store()
    found = quotes(store)
    assert [q.text for q in found] == ["Luxembourg and Malta signed the harbour accord on Monday",
                                       "Malta reportedly rejected a second clause", "We will sign again next year",
                                       "Weber accused Malta of stalling the talks"]
    assert [q.speaker for q in found] == ["a-weber", None, None, "a-weber"]
    assert all(HARBOUR[q.start:q.end] == q.text and q.evidence.document == "d-harbour" for q in found)
    assert found[1].anonymous and found[1].source_cue == "familiar with"


@pytest.mark.parametrize("filters, count", [
    ({"speaker": "Weber"}, 2), ({"speaker": "a-weber"}, 2), ({"speaker": "Nobody"}, 0),
    ({"document": "d-harbour"}, 4), ({"document": "d-quiet"}, 0),
])
def test_quotes_by_speaker_or_document(filters, count):
    assert len(quotes(build_harbour_store(), **filters)) == count


def test_event_quotes_links_a_statement_to_its_speaker_words():
    store = build_harbour_store()
    timeline, said = events(store), quotes(store)
    links = event_quotes(timeline, said)
    [accusation] = [e for e in timeline if e.type == "ACCUSE"]
    assert links == {accusation.id: (said[3].id,)}


def test_the_reports_of_a_happening_differ_only_where_they_cannot_both_be_right():
    from datetime import date

    from backchannel.models import DateWindow, Version
    from backchannel.query import differences

    def w(lo, hi):
        return DateWindow(date(2024, 2, lo), date(2024, 2, hi))

    week, monday, later = Version("d1", w(5, 11), ("a",), ("b",)), Version("d2", w(5, 5), ("a",), ("b",)), \
        Version("d3", w(8, 14), ("a",), ("b",))
    assert differences((week, monday)) == ()  # "this week" holds "Monday"
    assert differences((week, later)) == ("date",)
    assert differences((week, Version("d4", None, ("a", "c"), ("b",)))) == ("participants",)


def test_a_date_assumed_from_publication_disagrees_with_nothing():
    from datetime import date

    from backchannel.models import DateWindow, Version
    from backchannel.query import differences

    stated = Version("d1", DateWindow(date(2024, 12, 2), date(2024, 12, 8), rule="this-week"), ("a",), ("b",))
    assumed = Version("d2", DateWindow(date(2024, 12, 1), date(2024, 12, 7), rule="before-publication"), ("a",), ("b",))
    assert differences((stated, assumed)) == ()


def test_a_sentence_read_twice_for_one_happening_is_cited_once():
    from types import SimpleNamespace

    from backchannel.query import _happening

    def reading(rid, actors, recipients):
        row = SimpleNamespace(id=rid, document_id="d1", sentence="Oslo said Norway will not agree.", start=10,
                              end=42, summary="Norway not agree", type="REJECT", mode=None, negated=False,
                              status="occurred", outlet="Paper", doc_name="a.txt", date_earliest=None,
                              date_latest=None, date_rule=None)
        return row, {"actor": list(actors), "recipient": list(recipients)}

    pairs = [reading("r1", ["oslo"], []), reading("r2", ["norway", "oslo"], [])]
    event = _happening("r1", [r for r, _ in pairs], {r.id: roles for r, roles in pairs})
    assert event.actors == ("oslo", "norway") and len(event.evidence) == 1
