"""Who deals with whom: the actor-interaction graph, its strongest ties and chains of contact.

Nodes are actor ids (attributes name, kind, mentions). Two actors are linked when one event has them as
actor and recipient, or as two of its actors (both sides of a call, the parties to a swap); recipients of
one event are not linked to each other ("Egypt urged Israel and Hamas" is no contact between the two).
Negated events ("did not meet") link nobody. An edge carries:

- `weight`: the number of events (happenings) linking the two, or AFFILIATION_WEIGHT for a pair linked
  only by an affiliation (Barnea -> Mossad -> Israel), so that such chains exist but count for little;
- `kind`: "interaction", "affiliation" or "interaction+affiliation";
- `events` (event ids, in timeline order), `types` ({PLOVER type: count}), `first` and `last` (the first
  and last possible days of its dated events, or None);
- `affiliations`: the (member, organisation) id pairs behind an affiliation link.

The graph keeps the events themselves in `graph.graph["events"]` (id -> Event) for the paths' evidence.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from itertools import combinations, islice

import networkx as nx

from backchannel.errors import UnknownActor
from backchannel.models import Actor, Event
from backchannel.query import actors, events
from backchannel.store import Store

AFFILIATION_WEIGHT = 0.5
INTERACTION, AFFILIATION = "interaction", "affiliation"


@dataclass(frozen=True)
class Tie:
    """One edge of the graph, its ends ordered by name."""

    a: str
    b: str
    a_name: str
    b_name: str
    weight: float
    kind: str
    types: tuple[tuple[str, int], ...]  # most frequent first
    first: date | None
    last: date | None
    events: tuple[str, ...]


@dataclass(frozen=True)
class Link:
    """One step of a chain of contact, with what links its two ends."""

    source: str
    target: str
    source_name: str
    target_name: str
    kind: str
    weight: float
    events: tuple[Event, ...]  # the evidence, in timeline order; empty for an affiliation alone
    affiliations: tuple[tuple[str, str], ...]  # (member, organisation) ids

    @property
    def affiliation(self) -> bool:
        return bool(self.affiliations)


@dataclass(frozen=True)
class ContactPath:
    actors: tuple[str, ...]
    names: tuple[str, ...]
    links: tuple[Link, ...]

    @property
    def hops(self) -> int:
        return len(self.links)

    @property
    def affiliation(self) -> bool:
        """True when some link of the chain stands on an affiliation only."""
        return any(link.kind == AFFILIATION for link in self.links)


def interaction_graph(store: Store) -> nx.Graph:
    return build_graph(actors(store), events(store))


def build_graph(all_actors: list[Actor], timeline: list[Event]) -> nx.Graph:
    """The weighted interaction graph of these actors and events (see the module's docstring)."""
    graph = nx.Graph(events={e.id: e for e in timeline})
    for a in all_actors:
        graph.add_node(a.id, name=a.name, kind=a.kind, mentions=a.mentions)
    for e in timeline:
        if e.negated:
            continue
        for pair in sorted(_pairs(e)):
            _add_event(graph, *pair, e)
    for a in all_actors:
        for organisation in a.affiliations:
            if organisation != a.id:
                _add_affiliation(graph, a.id, organisation)
    for _, _, data in graph.edges(data=True):
        data["events"] = tuple(data["events"])
        data["affiliations"] = tuple(data["affiliations"])
        data["types"] = dict(data["types"].most_common())
        data["kind"] = "+".join(k for k, on in ((INTERACTION, data["events"]), (AFFILIATION, data["affiliations"])) if on)
        data["weight"] = len(data["events"]) or AFFILIATION_WEIGHT
    return graph


def _pairs(e: Event) -> set[tuple[str, str]]:
    found = {(a, r) for a in e.actors for r in e.recipients} | set(combinations(e.actors, 2))
    return {tuple(sorted(p)) for p in found if p[0] != p[1]}


def _edge(graph: nx.Graph, a: str, b: str) -> dict:
    for node in (a, b):
        if node not in graph:  # an id the actors table lacks: keep it visible rather than drop the link
            graph.add_node(node, name=node, kind="other", mentions=0)
    if not graph.has_edge(a, b):
        graph.add_edge(a, b, events=[], affiliations=[], types=Counter(), first=None, last=None)
    return graph.edges[a, b]


def _add_event(graph: nx.Graph, a: str, b: str, e: Event) -> None:
    data = _edge(graph, a, b)
    data["events"].append(e.id)
    data["types"][e.type] += 1
    if e.date is not None:
        data["first"] = min(filter(None, (data["first"], e.date.earliest)))
        data["last"] = max(filter(None, (data["last"], e.date.latest)))


def _add_affiliation(graph: nx.Graph, member: str, organisation: str) -> None:
    data = _edge(graph, member, organisation)
    if (member, organisation) not in data["affiliations"]:
        data["affiliations"].append((member, organisation))


def strongest_ties(graph: nx.Graph, n: int = 20) -> list[Tie]:
    """The n pairs linked by the most events (affiliations alone are no tie); the latest first on a tie."""
    ties = [_tie(graph, a, b) for a, b, data in graph.edges(data=True) if data["events"]]
    ties.sort(key=lambda t: (-t.weight, -(t.last or date.min).toordinal(), t.a_name.lower(), t.b_name.lower()))
    return ties[:max(n, 0)]


def _tie(graph: nx.Graph, a: str, b: str) -> Tie:
    data = graph.edges[a, b]
    if graph.nodes[b]["name"].lower() < graph.nodes[a]["name"].lower():
        a, b = b, a
    return Tie(a, b, graph.nodes[a]["name"], graph.nodes[b]["name"], data["weight"], data["kind"],
               tuple(data["types"].items()), data["first"], data["last"], data["events"])


def contact_paths(graph: nx.Graph, a: str, b: str, max_len: int = 4, limit: int = 5) -> list[ContactPath]:
    """Up to `limit` chains of contact from actor a to actor b (ids), of at most `max_len` links.

    Shorter chains come first; among chains of one length, those whose links rest on more events. A link
    standing on an affiliation alone counts as weaker than any interaction. A chain with a shortcut (two of
    its actors linked directly, skipping those between) is left out: the shorter chain says it better, and
    the parties to one joint event would otherwise give a detour for every ordering of them. A direct link
    between a and b themselves is no shortcut: a channel through a mediator matters beside direct contact.
    """
    for node in (a, b):
        if node not in graph:
            raise UnknownActor(node)
    if a == b or max_len < 1 or limit < 1:
        return []
    # every link costs 1, plus a share below 1/max_len that shrinks as its events grow: the number of
    # links decides first, the strength of the links breaks ties, and the costs stay positive
    scale = 1 / (max_len + 1)

    def cost(_u, _v, data) -> float:
        return 1 + scale * (1 / (1 + len(data["events"])) if data["events"] else 1)

    found = []
    try:
        for nodes in islice(nx.shortest_simple_paths(graph, a, b, weight=cost), MAX_CANDIDATES * limit):
            if len(nodes) - 1 > max_len:
                break
            if not _has_shortcut(graph, nodes):
                found.append(_path(graph, nodes))
            if len(found) == limit:
                break
    except nx.NetworkXNoPath:
        pass
    return found


MAX_CANDIDATES = 50  # chains looked at per chain wanted, shortcuts included: a bound on the search in dense graphs


def _has_shortcut(graph: nx.Graph, nodes: list[str]) -> bool:
    last = len(nodes) - 1
    return any(graph.has_edge(nodes[i], nodes[j]) for i in range(last) for j in range(i + 2, last + 1)
               if (i, j) != (0, last))


def _path(graph: nx.Graph, nodes: list[str]) -> ContactPath:
    lookup = graph.graph["events"]
    links = []
    for u, v in zip(nodes, nodes[1:]):
        data = graph.edges[u, v]
        links.append(Link(u, v, graph.nodes[u]["name"], graph.nodes[v]["name"], data["kind"], data["weight"],
                          tuple(lookup[i] for i in data["events"]), data["affiliations"]))
    return ContactPath(tuple(nodes), tuple(graph.nodes[n]["name"] for n in nodes), tuple(links))
