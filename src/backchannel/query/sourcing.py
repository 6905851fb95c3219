"""How each document knows what it says: a sourcing profile of its events, quotations and figures.

Every quotation counts as named (its speaker is an actor and not an unnamed source), anonymous (the
speaker is "a person familiar with the talks", "Qatari officials", "it is understood": the quotation's
`anonymous` flag, set by analyse.quotes from patterns/sourcing.yaml) or unattributed (a speaker that
names nobody who could be asked and no anonymity cue: "the statement said"). Every event reading counts
as the best source among the quotations that share its sentence (named, then anonymous; an event in
"X, sources said" is sourced to the sources), else unattributed: told in the article's own voice. Events
whose status is reported or speculative are also counted as hedged, with their cues ("reportedly",
"could"). Every reported figure (claim) counts by the quotation that holds it, as a quotation does. A piece built on insiders shows a high `anonymous_share`: the share of its sourced events and
quotations (named or anonymous) that rest on unnamed sources.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from sqlalchemy import select

from backchannel.models import Claim, Quote
from backchannel.query import claims, quotes
from backchannel.store import Store
from backchannel.store import schema as s

NAMED, ANONYMOUS, UNATTRIBUTED = "named", "anonymous", "unattributed"
HEDGED_STATUSES = ("reported", "speculative")


@dataclass(frozen=True)
class Sourcing:
    """One document's events, quotations and figures by source; named + anonymous + unattributed = items."""

    events: int = 0
    quotes: int = 0
    claims: int = 0
    named: int = 0
    anonymous: int = 0
    unattributed: int = 0
    hedged: int = 0  # events reported or speculative
    hedges: tuple[tuple[str, int], ...] = ()  # their cues with counts, most frequent first

    @property
    def items(self) -> int:
        return self.events + self.quotes + self.claims

    @property
    def anonymous_share(self) -> float:
        """Of what the document attributes to a source (named or anonymous), the share that rests on
        unnamed ones: 1.0 for a piece built only on insiders, 0.0 when nothing is attributed."""
        sourced = self.named + self.anonymous
        return self.anonymous / sourced if sourced else 0.0


def source_of(q: Quote | Claim) -> str:
    if q.anonymous:
        return ANONYMOUS
    return NAMED if (q.speaker if isinstance(q, Quote) else q.attributed_to) is not None else UNATTRIBUTED


def sourcing(store: Store) -> dict[str, Sourcing]:
    """Document id -> its sourcing profile (every stored document, zeros for one that reports nothing).
    Events are the document's own readings that name an actor, as on the timeline."""
    with store.engine.connect() as conn:
        doc_ids = list(conn.execute(select(s.documents.c.id).order_by(s.documents.c.name)).scalars())
        with_actor = set(conn.execute(select(s.participants.c.event_id).where(
            s.participants.c.role == "actor", s.participants.c.actor_id.is_not(None))).scalars())
        readings = [r for r in conn.execute(select(s.events.c.id, s.events.c.document_id, s.events.c.start,
                                                   s.events.c.end, s.events.c.status, s.events.c.cue))
                    if r.id in with_actor]
    said: dict[str, list[Quote]] = defaultdict(list)
    for q in quotes(store):
        said[q.evidence.document].append(q)
    counts: dict[str, Counter] = defaultdict(Counter)
    hedges: dict[str, Counter] = defaultdict(Counter)
    for q in (q for qs in said.values() for q in qs):
        counts[q.evidence.document][source_of(q)] += 1
    figures = Counter()
    for c in claims(store):
        counts[c.document][source_of(c)] += 1
        figures[c.document] += 1
    for r in readings:
        sources = {source_of(q) for q in said.get(r.document_id, ())
                   if q.evidence.start < r.end and r.start < q.evidence.end}
        counts[r.document_id][next((x for x in (NAMED, ANONYMOUS) if x in sources), UNATTRIBUTED)] += 1
        if r.status in HEDGED_STATUSES:
            hedges[r.document_id][r.cue or r.status] += 1
    events_in = Counter(r.document_id for r in readings)
    return {d: Sourcing(events=events_in[d], quotes=len(said.get(d, ())), claims=figures[d], named=counts[d][NAMED],
                        anonymous=counts[d][ANONYMOUS], unattributed=counts[d][UNATTRIBUTED],
                        hedged=sum(hedges[d].values()), hedges=tuple(hedges[d].most_common()))
            for d in doc_ids}
