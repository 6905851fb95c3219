"""Which happenings matter most: a plain, explainable importance score for timeline events.

`rank_events(events, graph, n, references)` scores every dated event and returns the n best, in date order.
The score is a weighted sum of five parts, each between 0 and 1, times a factor for how sure the text is:

- `coverage`: how many documents report the happening (its evidence, counted by document, or its
  `outlets` if that is larger), on a log scale, relative to the most reported event: log(1 + k) / log(1 + max);
- `references`: how many documents published later name the happening's day in a time expression
  (`references`, day -> count, from query.day_references), on the same log scale relative to the most
  referred-to day. Articles that come back to a day ("since the massacre on 3 March") mark the happenings a
  story keeps returning to; it is the date-selection signal of the timeline-summarisation literature
  (Tran et al. 2013; Martschat & Markert 2018, "mention frequency"). Fusion joins readings across articles
  only when they name the same participants, so on a long corpus `coverage` undercounts a big happening
  and this part carries the corpus's attention. Only day-precise events have it (0 otherwise, and for all
  events when no `references` are given);
- `type`: the weight of its PLOVER type in TYPE_WEIGHTS;
- `centrality`: the mean weighted degree of its participants in the interaction graph, on a log scale,
  relative to the most connected actor: log(1 + degree) / log(1 + max) (participants missing from the
  graph count 0). Degrees are heavy-tailed (the state every article names has several times the links of
  the next actor), and on a linear scale every other participant would count next to nothing;
- `precision`: how closely it is dated, from PRECISION_WEIGHTS (a day beats a week, a month or a year),
  times ASSUMED_DAY_WEIGHT when the window is only the days up to the article's publication, taken for
  want of a date in the text (rule "before-publication"), so less sure than a day the text names.

    score = modality * sum(PART_WEIGHTS[part] * value)

`modality` is 1 for an event that occurred, less for one reported, planned or speculative
(STATUS_WEIGHTS), and NEGATED_WEIGHT times that when the text denies it ("did not meet"). Undated events
are not ranked at all: a timeline cannot place them.

The n best are taken one date at a time: first the best happening of each date (the same window), best
first, and only when every date has one, second happenings. Readings of one happening that fusion could
not join (different participants named in different articles) would otherwise fill the top n with one
day. Ties go to the earlier event, then the id, so the ranking is deterministic. Each RankedEvent keeps
its parts and the counts behind them, and `why` says in words why it ranks.

`rank_days(events, graph, n, references)` picks days rather than happenings, the way published timeline summarisers
select dates: a day counts the distinct documents that report something happening on it (day-precise
events only; an assumed publication day counts half), and each chosen day is represented by its best
event by `rank_events`' score.

The weights are data, set by hand, not fitted: see the notes beside each table.
"""
from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

import networkx as nx

from backchannel.dates import REPORT_LAG_DAYS
from backchannel.models import Event

# How much each part counts. Attention leads: the documents that report a happening and those that come
# back to its day later are together the clearest sign of importance in news. Type says what happened;
# centrality who, and it separates little on a corpus about one conflict, whose main parties take part in
# most events; precision only separates near-equals.
PART_WEIGHTS = {"coverage": 0.3, "references": 0.3, "type": 0.2, "centrality": 0.1, "precision": 0.1}

# PLOVER types by how much they change a conflict or a negotiation. Decisions, force and concessions
# (AGREE, RETREAT, ASSAULT, CONCEDE, SANCTION) move the story; talk and statements (CONSULT, SUPPORT, the
# verbal conflict types) mostly report on it. Set by hand from the PLOVER manual's definitions, not
# fitted to any corpus; unknown types get DEFAULT_TYPE_WEIGHT.
TYPE_WEIGHTS = {
    "AGREE": 1.0, "RETREAT": 1.0, "ASSAULT": 1.0, "CONCEDE": 1.0, "SANCTION": 1.0,
    "COERCE": 0.9, "MOBILIZE": 0.8, "REJECT": 0.7, "AID": 0.7, "THREATEN": 0.6, "PROTEST": 0.6,
    "COOPERATE": 0.6, "REQUEST": 0.5, "ACCUSE": 0.5, "CONSULT": 0.4, "SUPPORT": 0.4,
}
DEFAULT_TYPE_WEIGHT = 0.5

# A dated day beats a week, a month or a year; `precision` is DateWindow.precision ("none" for a window
# wider than any unit, e.g. "between March and May").
PRECISION_WEIGHTS = {"day": 1.0, "week": 0.6, "month": 0.3, "year": 0.1, "none": 0.1}

# An event the text leaves undated is dated to the week up to its article's publication (rule
# "before-publication"); for ranking it stands for the publication day, the day the news broke, which
# counts as half a day the text names.
ASSUMED_DAY_WEIGHT = 0.5
ASSUMED_DAY_RULE = "before-publication"


def likely_day(e: Event) -> date | None:
    """The day an event stands for on a ranked timeline: its day when the text fixes one; the publication
    day of an article of known day for an event that article leaves undated; else None."""
    if e.date is None:
        return None
    if e.date.days == 1:
        return e.date.earliest
    if e.date.rule == ASSUMED_DAY_RULE and e.date.days == REPORT_LAG_DAYS + 1:
        return e.date.latest
    return None

# What the text commits to: an event that happened beats one reported second hand, planned or guessed at.
STATUS_WEIGHTS = {"occurred": 1.0, "reported": 0.8, "planned": 0.6, "speculative": 0.5}
NEGATED_WEIGHT = 0.3


@dataclass(frozen=True)
class RankedEvent:
    """An event with its score, the parts the score was made of (each 0..1, before PART_WEIGHTS) and the
    counts behind coverage and references."""

    event: Event
    score: float
    coverage: float
    type: float
    centrality: float
    precision: float
    modality: float
    references: float = 0.0
    reports: int = 1  # documents (or outlets) reporting the happening
    referring: int = 0  # later documents naming its day

    @property
    def why(self) -> str:
        """Why it ranks, in words: "reported by 2 documents; its day named by 8 later documents; ASSAULT
        (type weight 1.0); participants' centrality 0.82; dated to a day"."""
        reasons = [f"reported by {self.reports} document{'s' if self.reports != 1 else ''}"]
        if self.referring:
            reasons.append(f"its day named by {self.referring} later document{'s' if self.referring != 1 else ''}")
        reasons.append(f"{self.event.type} (type weight {self.type:.1f})")
        reasons.append(f"participants' centrality {self.centrality:.2f}")
        dated = self.event.date
        reasons.append(f"dated to a {dated.precision}" if dated.rule != ASSUMED_DAY_RULE
                       else "dated by its article's publication day")
        if self.modality < 1.0:
            reasons.append(("negated, " if self.event.negated else "") + f"{self.event.status} (x{self.modality:.2f})")
        return "; ".join(reasons)


def rank_events(events: list[Event], graph: nx.Graph | None = None, n: int | None = None,
                references: Mapping[date, int] | None = None) -> list[RankedEvent]:
    """The n most important dated events (all of them when n is None), in date order, with their scores.

    `graph` is the interaction graph (query.network.interaction_graph); without one, centrality counts 0
    for every event. `references` (query.day_references) gives how many later documents name each day;
    without it, that part counts 0. The n are the best of each date first, then second bests (see the
    module docstring); `ranking_order` gives that order, best first.
    """
    ranked = ranking_order(score_events(events, graph, references))
    chosen = ranked if n is None else ranked[:max(n, 0)]
    return sorted(chosen, key=_date_order)


def ranking_order(scored: list[RankedEvent]) -> list[RankedEvent]:
    """Best first, one date at a time: the best happening of every date before any date's second."""
    best_first = sorted(scored, key=lambda r: (-r.score, r.event.date.earliest, r.event.id))
    firsts, later, dates = [], [], set()
    for r in best_first:
        when = likely_day(r.event) or (r.event.date.earliest, r.event.date.latest)
        (later if when in dates else firsts).append(r)
        dates.add(when)
    return firsts + later


def score_events(events: list[Event], graph: nx.Graph | None = None,
                 references: Mapping[date, int] | None = None) -> list[RankedEvent]:
    """Every dated event with its score, in the order given."""
    dated = [e for e in events if e.date is not None]
    most_reported = max((_reports(e) for e in dated), default=1)
    most_referred = max((references or {}).values(), default=0)
    degree = _degree(graph)
    return [_score(e, most_reported, degree, references or {}, most_referred) for e in dated]


def rank_days(events: list[Event], graph: nx.Graph | None = None, n: int | None = None,
              references: Mapping[date, int] | None = None) -> list[RankedEvent]:
    """The n days most reported on, each as its best event, in date order.

    A day's weight is the number of distinct documents with a day-precise event on it, each document
    counting with its surest event there: modality times ASSUMED_DAY_WEIGHT for a day assumed from
    publication (so a denied, guessed-at or merely assumed event counts less). A tie goes to the day whose
    best event scores higher, then the earlier day.
    """
    by_day: dict[date, list[RankedEvent]] = defaultdict(list)
    for r in score_events(events, graph, references):
        if likely_day(r.event) is not None:
            by_day[likely_day(r.event)].append(r)
    weights = {day: _day_weight(found) for day, found in by_day.items()}
    best = {day: max(found, key=lambda r: (r.score, r.event.id)) for day, found in by_day.items()}
    days = sorted(by_day, key=lambda d: (-weights[d], -best[d].score, d))
    chosen = days if n is None else days[:max(n, 0)]
    return [best[d] for d in sorted(chosen)]


def _day_weight(found: list[RankedEvent]) -> float:
    documents: dict[str, float] = {}
    for r in found:
        for evidence in r.event.evidence:
            vote = r.modality * (ASSUMED_DAY_WEIGHT if r.event.date.rule == ASSUMED_DAY_RULE else 1.0)
            documents[evidence.document] = max(documents.get(evidence.document, 0.0), vote)
    return sum(documents.values())


def _score(e: Event, most_reported: int, degree: dict[str, float], references: Mapping[date, int],
           most_referred: int) -> RankedEvent:
    reports = _reports(e)
    coverage = math.log1p(reports) / math.log1p(most_reported)
    day = likely_day(e)
    referring = references.get(day, 0) if day is not None else 0
    referred = math.log1p(referring) / math.log1p(most_referred) if most_referred else 0.0
    type_weight = TYPE_WEIGHTS.get(e.type, DEFAULT_TYPE_WEIGHT)
    people = e.actors + e.recipients
    centrality = sum(degree.get(a, 0.0) for a in people) / len(people) if people else 0.0
    if e.date.rule == ASSUMED_DAY_RULE:
        precision = ASSUMED_DAY_WEIGHT * PRECISION_WEIGHTS["day" if day is not None else "week"]
    else:
        precision = PRECISION_WEIGHTS.get(e.date.precision, PRECISION_WEIGHTS["none"])
    modality = STATUS_WEIGHTS.get(e.status, 1.0) * (NEGATED_WEIGHT if e.negated else 1.0)
    parts = {"coverage": coverage, "references": referred, "type": type_weight, "centrality": centrality,
             "precision": precision}
    score = modality * sum(PART_WEIGHTS[k] * v for k, v in parts.items())
    return RankedEvent(e, round(score, 6), coverage, type_weight, centrality, precision, modality, referred,
                       reports, referring)


def _reports(e: Event) -> int:
    return max(e.outlets, len({v.document for v in e.evidence}), 1)


def _degree(graph: nx.Graph | None) -> dict[str, float]:
    """Weighted degree of every node on a log scale, relative to the highest (0..1)."""
    if graph is None or graph.number_of_nodes() == 0:
        return {}
    degree = dict(graph.degree(weight="weight"))
    top = math.log1p(max(degree.values()))
    return {node: (math.log1p(d) / top if top else 0.0) for node, d in degree.items()}


def _date_order(r: RankedEvent):
    return (r.event.date.earliest, r.event.date.latest, r.event.id)
