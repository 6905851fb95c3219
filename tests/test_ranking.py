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

from backchannel.models import DateWindow, Event, Evidence
from backchannel.query import events
from backchannel.query.network import interaction_graph
from backchannel.query.ranking import (ASSUMED_DAY_RULE, PART_WEIGHTS, PRECISION_WEIGHTS, STATUS_WEIGHTS,
                                       TYPE_WEIGHTS, rank_days, rank_events, score_events)

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


def scores(*events: Event, graph=None) -> dict[str, float]:
    return {r.event.id: r.score for r in score_events(list(events), graph)}


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


def test_on_the_talks_store_the_mediators_contacts_lead():
    store = build_talks_store()
    ranked = rank_events(events(store), interaction_graph(store), 2)
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
    left_out = [r.score for r in everything if r.event.id not in {x.event.id for x in ranked}]
    assert all(r.score >= max(left_out, default=0.0) for r in ranked)


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
