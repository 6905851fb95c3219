"""Read the store: plain functions returning models. Every view (CLI table, JSON, report) uses these."""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from backchannel.models import Actor, Document, Event, Evidence
from backchannel.store import Store, document_from_row, window_from
from backchannel.store import schema as s


@dataclass(frozen=True)
class TimelineFilter:
    actor: str | None = None  # an actor id or a name/alias (case-insensitive)
    type: str | None = None
    since: date | None = None
    until: date | None = None
    story: str | None = None
    document: str | None = None


def documents(store: Store) -> list[Document]:
    return store.documents()


def document(store: Store, doc_id: str) -> Document | None:
    with store.engine.connect() as conn:
        row = conn.execute(select(s.documents).where(s.documents.c.id == doc_id)).first()
    return document_from_row(row) if row else None


def actors(store: Store) -> list[Actor]:
    with store.engine.connect() as conn:
        rows = conn.execute(select(s.actors).order_by(s.actors.c.mentions.desc(), s.actors.c.name))
        return [Actor(r.id, r.name, r.kind, tuple(json.loads(r.aliases or "[]")),
                      tuple(json.loads(r.affiliations or "[]")), r.mentions) for r in rows]


def find_actor(store: Store, needle: str) -> Actor | None:
    """An actor by id, name or alias (case-insensitive); the most mentioned wins a tie."""
    low = needle.lower()
    for a in actors(store):
        if a.id == needle or a.name.lower() == low or low in (x.lower() for x in a.aliases):
            return a
    return None


def events(store: Store, where: TimelineFilter = TimelineFilter()) -> list[Event]:
    query = select(s.events, s.documents.c.story).join(s.documents, s.documents.c.id == s.events.c.document_id)
    if where.type:
        query = query.where(s.events.c.type == where.type.upper())
    if where.story:
        query = query.where(s.documents.c.story == where.story)
    if where.document:
        query = query.where(s.events.c.document_id == where.document)
    if where.since:
        query = query.where(s.events.c.date_latest >= where.since.isoformat())
    if where.until:
        query = query.where(s.events.c.date_earliest <= where.until.isoformat())
    with store.engine.connect() as conn:
        rows = list(conn.execute(query))
        roles: dict[str, dict[str, list[str]]] = defaultdict(lambda: {"actor": [], "recipient": []})
        for p in conn.execute(select(s.participants).order_by(s.participants.c.key)):
            if p.actor_id and p.actor_id not in roles[p.event_id][p.role]:
                roles[p.event_id][p.role].append(p.actor_id)
    wanted = None
    if where.actor:
        found = find_actor(store, where.actor)
        wanted = found.id if found else "<none>"
    out = []
    for r in rows:
        who = roles[r.id]
        if not who["actor"]:
            continue  # its actor turned out to be a place, or was dropped by fusion
        if wanted and wanted not in who["actor"] + who["recipient"]:
            continue
        out.append(Event(id=r.id, type=r.type, summary=r.summary, actors=tuple(who["actor"]),
                         recipients=tuple(who["recipient"]), mode=r.mode, negated=r.negated, status=r.status,
                         date=window_from(r, "date"),
                         evidence=(Evidence(r.document_id, r.sentence, r.start, r.end),)))
    return sorted(out, key=_event_order)


def _event_order(e: Event):
    d = e.date
    return (d is None, d.earliest if d else date.max, d.latest if d else date.max, e.evidence[0].document,
            e.evidence[0].start)
