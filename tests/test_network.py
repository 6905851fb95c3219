"""backchannel.query.network: the actor-interaction graph, its strongest ties and chains of contact.

Hand-built stores (tests/helpers.py) and hand-built events; no NLP.
"""
from datetime import date

import pytest

from backchannel.errors import BackchannelError, UnknownActor
from backchannel.models import Actor, Event, Evidence
from backchannel.query.network import (AFFILIATION_WEIGHT, build_graph, contact_paths, interaction_graph,
                                       strongest_ties)

from helpers import build_hand_store, build_talks_store, day, hand_event_ids


@pytest.fixture(scope="module")
def hand():
    return interaction_graph(build_hand_store())


@pytest.fixture(scope="module")
def talks():
    return interaction_graph(build_talks_store())


def event(eid: str, actors, recipients=(), type="CONSULT", when: str | None = None, negated=False) -> Event:
    return Event(eid, type, f"summary of {eid}", tuple(actors), tuple(recipients),
                 (Evidence("d1", f"sentence of {eid}.", 0, 10),), negated=negated, date=day(when) if when else None)


def states(*names: str) -> list[Actor]:
    return [Actor(n, n.title(), "state") for n in names]


# -- the graph ------------------------------------------------------------------------------------------

def test_nodes_are_the_actors_with_their_attributes(hand):
    assert set(hand.nodes) == {"a-norway", "a-sweden", "a-finland"}
    assert hand.nodes["a-norway"] == {"name": "Norway", "kind": "state", "mentions": 3}


def test_edge_weights_count_events(hand):
    ids = hand_event_ids()
    tie = hand.edges["a-norway", "a-sweden"]
    assert tie["weight"] == 2  # "Norway hosted Sweden" (actor -> recipient), "Sweden and Norway agreed" (co-actors)
    assert tie["kind"] == "interaction"
    assert tie["events"] == (ids["CONSULT"], ids["AGREE"])  # in timeline order
    assert tie["types"] == {"CONSULT": 1, "AGREE": 1}
    assert (tie["first"], tie["last"]) == (date(2024, 2, 12), date(2024, 2, 12))  # the undated AGREE adds no date


def test_an_affiliation_beside_events_is_marked_and_adds_no_weight(hand):
    tie = hand.edges["a-finland", "a-norway"]  # Finland accused Norway; Finland is affiliated with Norway (hand data)
    assert tie["weight"] == 1 and tie["kind"] == "interaction+affiliation"
    assert tie["affiliations"] == (("a-finland", "a-norway"),)
    assert (tie["first"], tie["last"]) == (date(2024, 3, 1), date(2024, 3, 31))  # "March 2024"
    assert not hand.has_edge("a-finland", "a-sweden")


def test_affiliation_only_links_are_weak_and_flagged(talks):
    barnea = talks.edges["a-barnea", "a-mossad"]
    assert barnea["kind"] == "affiliation" and barnea["weight"] == AFFILIATION_WEIGHT < 1
    assert barnea["events"] == () and barnea["affiliations"] == (("a-barnea", "a-mossad"),)
    assert talks.edges["a-mossad", "a-israel"]["kind"] == "affiliation"


def test_weights_add_up_over_documents(talks):
    # "Qatar passed the proposal to Hamas" (Doha) and "Qatar and Hamas spoke" (Cairo)
    assert talks.edges["a-qatar", "a-hamas"]["weight"] == 2
    assert talks.edges["a-qatar", "a-hamas"]["first"] == date(2024, 2, 14)
    assert talks.edges["a-qatar", "a-hamas"]["last"] == date(2024, 2, 15)


def test_negated_events_link_nobody(talks):
    assert not talks.has_edge("a-hamas", "a-israel")  # "Hamas did not meet Israeli envoys"


@pytest.mark.parametrize("e, pairs", [
    (event("e1", ["a"], ["b"]), {("a", "b")}),
    (event("e1", ["a", "b"]), {("a", "b")}),  # both sides of a call
    (event("e1", ["a"], ["b", "c"]), {("a", "b"), ("a", "c")}),  # recipients of one act are not linked
    (event("e1", ["a", "b"], ["c"]), {("a", "b"), ("a", "c"), ("b", "c")}),
    (event("e1", ["a"], ["a"]), set()),  # no self-loops
    (event("e1", ["a"], ["b"], negated=True), set()),
])
def test_which_participants_an_event_links(e, pairs):
    graph = build_graph(states("a", "b", "c"), [e])
    assert {tuple(sorted(p)) for p in graph.edges} == pairs
    assert set(graph.nodes) == {"a", "b", "c"}  # every actor is a node, linked or not


def test_an_event_counts_once_per_pair():
    graph = build_graph(states("a", "b"), [event("e1", ["a", "b"], ["a", "b"])])
    assert graph.edges["a", "b"]["weight"] == 1


def test_an_unknown_participant_id_still_appears():
    graph = build_graph(states("a"), [event("e1", ["a"], ["x"])])
    assert graph.nodes["x"]["name"] == "x" and graph.has_edge("a", "x")


# -- strongest ties ---------------------------------------------------------------------------------------

def test_strongest_ties_most_events_first(hand):
    ties = strongest_ties(hand, 10)
    assert [(t.a_name, t.b_name, t.weight) for t in ties] == [("Norway", "Sweden", 2), ("Finland", "Norway", 1)]
    assert ties[0].types == (("CONSULT", 1), ("AGREE", 1))
    assert ties[1].kind == "interaction+affiliation"
    assert strongest_ties(hand, 1) == ties[:1] and strongest_ties(hand, 0) == []


def test_affiliations_alone_are_no_tie(talks):
    assert {(t.a, t.b) for t in strongest_ties(talks, 10)} == {("a-barnea", "a-qatar"), ("a-hamas", "a-qatar")}


def test_equal_weights_latest_first():
    graph = build_graph(states("a", "b", "c"), [event("e1", ["a"], ["b"], when="2024-01-01"),
                                                event("e2", ["a"], ["c"], when="2024-05-01")])
    assert [t.b for t in strongest_ties(graph, 2)] == ["c", "b"]


# -- chains of contact -------------------------------------------------------------------------------------

def test_a_path_through_an_intermediary(hand):
    [path] = contact_paths(hand, "a-finland", "a-sweden")
    assert path.actors == ("a-finland", "a-norway", "a-sweden")
    assert path.names == ("Finland", "Norway", "Sweden") and path.hops == 2
    first, second = path.links
    assert [e.summary for e in first.events] == ["Finland accused Norway"]
    assert first.events[0].evidence[0].sentence == "Finland accused Norway of stalling <b>the</b> talks in March 2024."
    assert [e.type for e in second.events] == ["CONSULT", "AGREE"]
    assert not path.affiliation  # the Finland-Norway link stands on an event too


def test_paths_through_affiliations_are_flagged(talks):
    [path] = contact_paths(talks, "a-barnea", "a-israel")
    assert path.names == ("David Barnea", "Mossad", "Israel")
    assert path.affiliation
    assert [link.kind for link in path.links] == ["affiliation", "affiliation"]
    assert path.links[0].affiliations == (("a-barnea", "a-mossad"),) and path.links[0].events == ()


def test_a_negated_meeting_is_no_contact(talks):
    [path] = contact_paths(talks, "a-hamas", "a-israel")  # not the direct link "did not meet"
    assert path.names == ("Hamas", "Qatar", "David Barnea", "Mossad", "Israel")
    assert contact_paths(talks, "a-hamas", "a-israel", max_len=3) == []


def test_shorter_chains_first_then_stronger_links():
    # a-b directly; a-c-b over strong links; a-d-b over weak ones
    timeline = [event("e1", ["a"], ["b"]), event("e2", ["a"], ["d"]), event("e3", ["d"], ["b"])]
    timeline += [event(f"s{i}", ["a", "c"]) for i in range(3)] + [event(f"t{i}", ["c", "b"]) for i in range(3)]
    graph = build_graph(states("a", "b", "c", "d"), timeline)
    found = contact_paths(graph, "a", "b")
    assert [p.actors for p in found] == [("a", "b"), ("a", "c", "b"), ("a", "d", "b")]
    assert [p.actors for p in contact_paths(graph, "a", "b", limit=2)] == [("a", "b"), ("a", "c", "b")]
    assert [p.actors for p in contact_paths(graph, "a", "b", max_len=1)] == [("a", "b")]


def test_chains_with_a_shortcut_are_left_out():
    # a, b and c acted together (one joint release); c met d; d met e
    graph = build_graph(states("a", "b", "c", "d", "e"), [event("e1", ["a", "b", "c"]), event("e2", ["c"], ["d"]),
                                                          event("e3", ["d"], ["e"])])
    assert [p.actors for p in contact_paths(graph, "a", "e")] == [("a", "c", "d", "e")]  # not a-b-c-d-e


def test_a_direct_link_is_no_shortcut_for_a_mediated_channel():
    graph = build_graph(states("a", "b", "m"), [event("e1", ["a"], ["b"]), event("e2", ["m"], ["a"]),
                                               event("e3", ["m"], ["b"])])
    assert [p.actors for p in contact_paths(graph, "a", "b")] == [("a", "b"), ("a", "m", "b")]


def test_an_interaction_beats_an_affiliation_of_the_same_length():
    actors = [Actor("a", "A", "person", affiliations=("c",)), *states("b", "c", "d")]
    timeline = [event("e1", ["c"], ["b"]), event("e2", ["a"], ["d"]), event("e3", ["d"], ["b"])]
    found = contact_paths(build_graph(actors, timeline), "a", "b")
    assert [p.actors for p in found] == [("a", "d", "b"), ("a", "c", "b")]
    assert [p.affiliation for p in found] == [False, True]


def test_no_path_between_unconnected_actors():
    graph = build_graph(states("a", "b", "c"), [event("e1", ["a"], ["b"])])
    assert contact_paths(graph, "a", "c") == []
    assert contact_paths(graph, "a", "a") == []


def test_an_unknown_actor_is_an_error_with_a_next_step(hand):
    with pytest.raises(UnknownActor, match="backchannel actors") as caught:
        contact_paths(hand, "a-finland", "a-denmark")
    assert isinstance(caught.value, BackchannelError) and caught.value.needle == "a-denmark"
