"""backchannel.query.ranking: which happenings matter most, and which days.

Hand-built events and graphs (no NLP); each case changes one thing and checks that it moves the score the
documented way.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date

import networkx as nx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from backchannel.models import Analysis, DateWindow, Document, Event, Evidence, Published, Timex
from backchannel.query import day_references, events
from backchannel.query.network import interaction_graph
from backchannel.query.ranking import (ASSUMED_DAY_RULE, PART_WEIGHTS, PRECISION_WEIGHTS, STATUS_WEIGHTS,
                                       TYPE_WEIGHTS, rank_days, rank_events, ranking_order, score_events)
from backchannel.store import Store

from helpers import PLOVER_TYPES, build_talks_store, day


def event(eid: str, when: str | None = "2024-02-12", type: str = "CONSULT", actors=("a-x",), recipients=(),
          documents=("d1",), **changes) -> Event:
    evidence = tuple(Evidence(doc, f"sentence of {eid}.", 0, 10) for doc in documents)
    return Event(eid, type, f"summary of {eid}", tuple(actors), tuple(recipients), evidence,
                 date=day(when) if when else None, outlets=len(set(documents)), **changes)


def month(year: int, number: int) -> DateWindow:
    return DateWindow(date(year, number, 1), date(year, number, 28), rule="test").normalised()


def assumed_day(iso: str = "2024-02-12") -> DateWindow:
    """A publication day taken for an undated sentence."""
    return replace(day(iso), rule=ASSUMED_DAY_RULE)


def scores(*events: Event, graph=None, references=None) -> dict[str, float]:
    return {r.event.id: r.score for r in score_events(list(events), graph, references)}


# -- the tables are data the module documents -------------------------------------------------------------

def test_the_tables_cover_the_vocabularies():
    assert set(TYPE_WEIGHTS) == PLOVER_TYPES
    assert set(PRECISION_WEIGHTS) == {"day", "week", "month", "year", "none"}
    assert set(STATUS_WEIGHTS) == {"occurred", "planned", "reported", "speculative"}
    assert sum(PART_WEIGHTS.values()) == pytest.approx(1.0)


@pytest.mark.parametrize("heavy", ["AGREE", "RETREAT", "ASSAULT", "CONCEDE", "SANCTION"])
@pytest.mark.parametrize("light", ["CONSULT", "SUPPORT"])
def test_decisions_and_force_weigh_more_than_talk(heavy, light):
    assert TYPE_WEIGHTS[heavy] > TYPE_WEIGHTS[light]


# -- one part at a time -----------------------------------------------------------------------------------

@pytest.mark.parametrize("name, more, less", [
    ("reported by more documents", event("e1", documents=("d1", "d2", "d3")), event("e2")),
    ("a weightier type", event("e1", type="AGREE"), event("e2", type="CONSULT")),
    ("dated to a day, not a month", event("e1"), replace(event("e2"), date=month(2024, 2))),
    ("a day the text names, not an assumed publication day", event("e1"), replace(event("e2"), date=assumed_day())),
    ("occurred, not speculative", event("e1"), event("e2", status="speculative")),
    ("occurred, not planned", event("e1"), event("e2", status="planned")),
    ("asserted, not negated", event("e1"), event("e2", negated=True)),
])
def test_each_part_moves_the_score(name, more, less):
    found = scores(more, less)
    assert found[more.id] > found[less.id], name


def test_central_participants_weigh_more():
    graph = nx.Graph()
    graph.add_edge("a-hub", "a-b", weight=5)
    graph.add_edge("a-hub", "a-c", weight=5)
    graph.add_edge("a-lone", "a-d", weight=1)
    found = scores(event("e1", actors=("a-hub",), recipients=("a-b",)),
                   event("e2", actors=("a-lone",), recipients=("a-d",)),
                   event("e3", actors=("a-unknown",)), graph=graph)
    assert found["e1"] > found["e2"] > found["e3"]


def test_without_a_graph_centrality_counts_nothing():
    [r] = score_events([event("e1")], None)
    assert r.centrality == 0.0 and r.score > 0


def test_more_outlets_than_documents_count():
    wire = replace(event("e1"), outlets=4)  # one stored document, several outlets behind it
    assert scores(wire, event("e2"))["e1"] > scores(wire, event("e2"))["e2"]


# -- references: later documents that name the day ----------------------------------------------------------

def test_a_day_later_documents_come_back_to_weighs_more():
    found = scores(event("e1", "2024-02-12"), event("e2", "2024-02-13"),
                   references={date(2024, 2, 12): 5, date(2024, 2, 13): 1})
    assert found["e1"] > found["e2"]


def test_references_count_for_day_precise_events_only():
    monthly = replace(event("e1"), date=month(2024, 2))
    [r] = score_events([monthly], None, {date(2024, 2, 1): 9, date(2024, 2, 12): 9})
    assert r.references == 0.0 and r.referring == 0
    [r] = score_events([event("e2", "2024-02-12")], None, {date(2024, 2, 12): 9, date(2024, 3, 1): 3})
    assert r.references == pytest.approx(1.0) and r.referring == 9


def test_without_references_the_part_counts_nothing():
    found = scores(event("e1", "2024-02-12"), event("e2", "2024-02-13"))
    assert found["e1"] == found["e2"]


def _document(doc_id: str, published: str | None, named: list[str], text: str = "Talks went on.") -> tuple:
    document = Document(id=doc_id, source=f"{doc_id}.txt", name=f"{doc_id}.txt", text=text, content_hash=f"h-{doc_id}",
                        published=Published(day(published, "metadata") if published else None,
                                            "metadata" if published else "unknown"))
    timexes = tuple(Timex(0, 5, "Talks", "DATE", day(iso), value=iso) for iso in named)
    return document, Analysis(timexes=timexes)


def test_day_references_count_later_documents_once_each():
    store = Store("sqlite://")
    for doc, analysis in [
        _document("d1", "2024-02-12", ["2024-02-12", "2024-02-14"]),  # its own day; a deadline ahead
        _document("d2", "2024-02-13", ["2024-02-12", "2024-02-12"]),  # looks back twice: one document
        _document("d3", "2024-03-01", ["2024-02-12", "2024-02-13"]),
        _document("d4", None, ["2024-02-12"]),  # undated: cannot tell whether it looks back
    ]:
        store.add_document(doc, analysis, minhash=None)
    assert day_references(store) == {date(2024, 2, 12): 2, date(2024, 2, 13): 1}


def test_week_and_month_expressions_are_not_day_references():
    store = Store("sqlite://")
    doc, _ = _document("d1", "2024-03-01", [])
    store.add_document(doc, Analysis(timexes=(Timex(0, 5, "Talks", "DATE", month(2024, 2), value="2024-02"),)),
                       minhash=None)
    assert day_references(store) == {}


# -- rank_events ------------------------------------------------------------------------------------------

def test_undated_events_are_not_ranked():
    ranked = rank_events([event("e1", when=None, type="AGREE", documents=("d1", "d2")), event("e2")], None, 5)
    assert [r.event.id for r in ranked] == ["e2"]


def test_the_top_n_come_back_in_date_order():
    timeline = [event("late", "2024-03-01", type="AGREE", documents=("d1", "d2")),
                event("early", "2024-01-01", type="ASSAULT", documents=("d1", "d2", "d3")),
                event("middle", "2024-02-01", type="CONSULT"),
                event("weak", "2024-02-15", type="SUPPORT", status="speculative")]
    ranked = rank_events(timeline, None, 2)
    assert [r.event.id for r in ranked] == ["early", "late"]
    assert [r.event.id for r in rank_events(timeline, None, 3)] == ["early", "middle", "late"]
    assert [r.event.id for r in rank_events(timeline, None)] == ["early", "middle", "weak", "late"]
    assert rank_events(timeline, None, 0) == [] and rank_events([], None, 3) == []


def test_ties_go_to_the_earlier_event():
    ranked = rank_events([event("b", "2024-02-02"), event("a", "2024-02-01"), event("c", "2024-02-01")], None, 1)
    assert [r.event.id for r in ranked] == ["a"]


def test_the_best_of_each_day_comes_before_a_second_on_any_day():
    timeline = [event("big", "2024-02-10", type="AGREE", documents=("d1", "d2", "d3")),
                event("big-again", "2024-02-10", type="ASSAULT", documents=("d4", "d5")),
                event("other", "2024-02-20", type="CONSULT")]
    assert scores(*timeline)["big-again"] > scores(*timeline)["other"]
    assert [r.event.id for r in rank_events(timeline, None, 2)] == ["big", "other"]
    assert [r.event.id for r in rank_events(timeline, None, 3)] == ["big", "big-again", "other"]
    assert [r.event.id for r in ranking_order(score_events(timeline))] == ["big", "other", "big-again"]


def test_each_ranked_happening_says_why():
    [r] = rank_events([event("e1", type="ASSAULT", documents=("d1", "d2"), status="reported")], None, 1,
                      {date(2024, 2, 12): 4})
    assert r.why == ("reported by 2 documents; its day named by 4 later documents; ASSAULT (type weight 1.0); "
                     "participants' centrality 0.00; dated to a day; reported (x0.80)")
    [r] = rank_events([replace(event("e2"), date=assumed_day())], None, 1)
    assert "named by" not in r.why and "dated by its article's publication day" in r.why


def test_on_the_talks_store_the_mediators_contacts_lead():
    store = build_talks_store()
    ranked = rank_events(events(store), interaction_graph(store), 2, day_references(store))
    assert [r.event.summary for r in ranked] == ["Qatar passed the proposal to Hamas", "Qatar and Hamas spoke"]


@given(st.lists(st.tuples(st.integers(1, 28), st.sampled_from(sorted(PLOVER_TYPES)), st.integers(1, 4),
                          st.sampled_from(sorted(STATUS_WEIGHTS)), st.booleans()), max_size=12),
       st.integers(0, 14))
def test_scores_are_bounded_and_the_top_are_the_best(rows, n):
    timeline = [event(f"e{i}", f"2024-02-{d:02d}", type=t, documents=tuple(f"d{k}" for k in range(docs)),
                      status=status, negated=negated)
                for i, (d, t, docs, status, negated) in enumerate(rows)]
    everything = score_events(timeline)
    assert all(0.0 <= r.score <= 1.0 for r in everything)
    assert all(0.0 <= part <= 1.0 for r in everything for part in (r.coverage, r.type, r.centrality, r.precision))
    ranked = rank_events(timeline, None, n)
    assert len(ranked) == min(n, len(timeline))
    assert [r.event.date.earliest for r in ranked] == sorted(r.event.date.earliest for r in ranked)
    chosen = {x.event.id for x in ranked}
    chosen_days = {x.event.date.earliest for x in ranked}
    for r in everything:  # a happening left out is worse than every one chosen, or its day is already in
        if r.event.id not in chosen:
            assert r.event.date.earliest in chosen_days or all(x.score >= r.score for x in ranked)
    if len(chosen_days) < len(ranked):  # a day twice only once every day has one
        assert chosen_days == {r.event.date.earliest for r in everything}


# -- rank_days --------------------------------------------------------------------------------------------

def test_days_are_ranked_by_the_documents_reporting_them():
    timeline = [event("busy-1", "2024-02-10", documents=("d1",)),
                event("busy-2", "2024-02-10", type="AGREE", documents=("d2", "d3")),
                event("quiet", "2024-02-20", type="ASSAULT", documents=("d4",)),
                event("middling", "2024-02-01", documents=("d5", "d6")),
                replace(event("monthly", documents=("d7", "d8", "d9", "d10")), date=month(2024, 2))]
    ranked = rank_days(timeline, None, 2)
    assert [r.event.id for r in ranked] == ["middling", "busy-2"]  # date order, each day as its best event
    assert [r.event.id for r in rank_days(timeline, None)] == ["middling", "busy-2", "quiet"]


def test_an_assumed_day_counts_less_than_a_named_one():
    timeline = [replace(event("assumed", documents=("d1", "d2", "d3")), date=assumed_day("2024-02-10")),
                event("named", "2024-02-11", documents=("d4", "d5"))]
    assert [r.event.id for r in rank_days(timeline, None, 1)] == ["named"]
