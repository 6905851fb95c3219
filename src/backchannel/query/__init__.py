"""Read the store: plain functions returning models. Every view (CLI table, JSON, report) uses these."""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from backchannel.fuse.events import merged_date
from backchannel.models import Actor, Claim, Document, Event, Evidence, Quote, Version
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
    """The timeline: one Event per happening, with the evidence of every reading of it."""
    query = select(s.events, s.documents.c.story, s.documents.c.outlet, s.documents.c.name.label("doc_name")).join(
        s.documents, s.documents.c.id == s.events.c.document_id)
    if where.story:
        query = query.where(s.documents.c.story == where.story)
    with store.engine.connect() as conn:
        rows = list(conn.execute(query.order_by(s.events.c.document_id, s.events.c.start)))
        roles: dict[str, dict[str, list[str]]] = defaultdict(lambda: {"actor": [], "recipient": []})
        for p in conn.execute(select(s.participants).order_by(s.participants.c.key)):
            if p.actor_id and p.actor_id not in roles[p.event_id][p.role]:
                roles[p.event_id][p.role].append(p.actor_id)
    groups: dict[str, list] = defaultdict(list)
    for r in rows:
        if roles[r.id]["actor"]:  # a reading whose actor turned out to be a place names no actor
            groups[r.happening or r.id].append(r)
    wanted = None
    if where.actor:
        found = find_actor(store, where.actor)
        wanted = found.id if found else "<none>"
    out = []
    for happening, readings in groups.items():
        e = _happening(happening, readings, roles)
        if (where.type and e.type != where.type.upper()) or (wanted and wanted not in e.actors + e.recipients):
            continue
        if where.document and all(v.document != where.document for v in e.evidence):
            continue
        if where.since and (e.date is None or e.date.latest < where.since):
            continue
        if where.until and (e.date is None or e.date.earliest > where.until):
            continue
        out.append(e)
    return sorted(out, key=_event_order)


def _happening(happening: str, readings: list, roles) -> Event:
    """One event from its readings: their participants together, the date they all allow, and each
    reading's own version, with what the versions disagree on."""
    dates = [window_from(r, "date") for r in readings]
    versions = tuple(Version(r.document_id, d, tuple(roles[r.id]["actor"]), tuple(roles[r.id]["recipient"]))
                     for r, d in zip(readings, dates))
    best = min(range(len(readings)), key=lambda i: dates[i].days if dates[i] else 10 ** 6)
    lead = readings[best]
    actors = tuple(dict.fromkeys(a for r in readings for a in roles[r.id]["actor"]))
    recipients = tuple(dict.fromkeys(a for r in readings for a in roles[r.id]["recipient"]))
    return Event(id=happening, type=lead.type, summary=lead.summary, actors=actors, recipients=recipients,
                 mode=next((r.mode for r in readings if r.mode), None), negated=all(r.negated for r in readings),
                 status="occurred" if any(r.status == "occurred" for r in readings) else lead.status,
                 date=merged_date(dates),
                 evidence=tuple(dict.fromkeys(Evidence(r.document_id, r.sentence, r.start, r.end) for r in readings)),
                 outlets=len({r.outlet or r.doc_name for r in readings}), versions=versions,
                 differences=differences(versions))


ASSUMED_RULES = {"publication", "before-publication"}  # dates taken for want of one in the text


def differences(versions: tuple[Version, ...]) -> tuple[str, ...]:
    """What the reports of one happening disagree on. Dates differ when two windows the texts state
    overlap without one holding the other ("Thursday to Saturday" against "Friday to Sunday"; "this
    week" and "Monday" agree; a window assumed from publication states nothing); participants when the
    readings name different people ("X and Y spoke" and "X called Y" name the same two)."""
    dated = {(v.date.earliest, v.date.latest) for v in versions
             if v.date is not None and v.date.rule not in ASSUMED_RULES}
    nested = all(a[0] <= b[0] and b[1] <= a[1] or b[0] <= a[0] and a[1] <= b[1] for a in dated for b in dated)
    found = [] if nested else ["date"]
    if len({frozenset(v.actors + v.recipients) for v in versions}) > 1:
        found.append("participants")
    return tuple(found)


def day_references(store: Store) -> dict[date, int]:
    """Day -> how many documents name it in a time expression (a day-precise one) and were published
    after it: later articles referring back to it ("the massacre on 3 March", "since Tuesday's vote").

    A document that names its own publication day is only reporting the day's news (or restating its
    dateline), and one published before the day names a plan or a deadline, not something that happened;
    neither counts, nor does a document whose publication day is unknown.
    """
    query = select(s.timexes.c.document_id, s.timexes.c.earliest, s.documents.c.published_earliest).join(
        s.documents, s.documents.c.id == s.timexes.c.document_id).where(
        s.timexes.c.earliest == s.timexes.c.latest, s.documents.c.published_earliest.is_not(None))
    referring: dict[date, set[str]] = defaultdict(set)
    with store.engine.connect() as conn:
        for row in conn.execute(query):
            if row.earliest and row.earliest < row.published_earliest:  # ISO dates compare as text
                referring[date.fromisoformat(row.earliest)].add(row.document_id)
    return {day: len(documents) for day, documents in referring.items()}


def _event_order(e: Event):
    d = e.date
    return (d is None, d.earliest if d else date.max, d.latest if d else date.max, e.evidence[0].document,
            e.evidence[0].start)


def quotes(store: Store, document: str | None = None, speaker: str | None = None) -> list[Quote]:
    """Quotations in text order, per document; only one document's, or only one speaker's (an actor id,
    name or alias), if asked."""
    query = select(s.quotes).order_by(s.quotes.c.document_id, s.quotes.c.text_start, s.quotes.c.id)
    if document:
        query = query.where(s.quotes.c.document_id == document)
    if speaker:
        found = find_actor(store, speaker)
        query = query.where(s.quotes.c.actor_id == (found.id if found else "<none>"))
    with store.engine.connect() as conn:
        return [Quote(id=r.id, speaker=r.actor_id, speaker_text=r.speaker_text, text=r.text, kind=r.kind, cue=r.cue,
                      evidence=Evidence(r.document_id, r.sentence, r.start, r.end), start=r.text_start,
                      end=r.text_end, anonymous=bool(r.anonymous), source_cue=r.source_cue or "")
                for r in conn.execute(query)]


def claims(store: Store, what: str | None = None, conflicts_only: bool = False) -> list[Claim]:
    """Reported figures, per quantity and then by time; only those whose counted thing or quantity holds
    `what` (case-insensitive), or only those in conflict with another, if asked."""
    linked: dict[str, list[str]] = defaultdict(list)
    for a, b in store.conflict_pairs():
        linked[a].append(b)
        linked[b].append(a)
    found = []
    for r in store.claim_rows():
        if what and what.lower() not in f"{r.what} {r.quantity}".lower():
            continue
        if conflicts_only and r.id not in linked:
            continue
        found.append(Claim(id=r.id, document=r.document_id, text=r.text, value=r.value, low=r.low, high=r.high,
                           qualifier=r.qualifier, unit=r.unit, what=r.what, quantity=r.quantity, aspect=r.aspect,
                           evidence=Evidence(r.document_id, r.sentence, r.start, r.end),
                           as_of=window_from(r, "as_of"), attributed_to=r.actor_id,
                           attributed_text=r.speaker_text or "", anonymous=bool(r.anonymous),
                           certainty=tuple(json.loads(r.certainty or "[]")),
                           conflicts_with=tuple(sorted(linked.get(r.id, ())))))
    return sorted(found, key=lambda c: (c.quantity, c.as_of is None, c.as_of.earliest if c.as_of else date.max,
                                        c.document, c.evidence.start))


def event_quotes(timeline: list[Event], said: list[Quote]) -> dict[str, tuple[str, ...]]:
    """Event id -> the quotations that voice it: quoted in one of its evidence sentences by one of its
    actors ("Netanyahu said Israel would not agree" is his REJECT and his quotation)."""
    by_document: dict[str, list[Quote]] = defaultdict(list)
    for q in said:
        if q.speaker is not None:
            by_document[q.evidence.document].append(q)
    links = {}
    for e in timeline:
        found = [q.id for v in e.evidence for q in by_document.get(v.document, ())
                 if q.speaker in e.actors and q.evidence.start < v.end and v.start < q.evidence.end]
        if found:
            links[e.id] = tuple(dict.fromkeys(found))
    return links
