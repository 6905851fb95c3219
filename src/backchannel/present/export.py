"""Exports: JSON exactly as design/export-format.md, JSON Lines and CSV views of the same data."""
from __future__ import annotations

import csv
import io
import json

from backchannel.models import Actor, Document, Event
from backchannel.query import actors, documents, events
from backchannel.store import Store

FORMAT_VERSION = 1


def document_json(d: Document) -> dict:
    w = d.published.window
    published = {"value": w.value if w else None, "earliest": w.earliest.isoformat() if w else None,
                 "latest": w.latest.isoformat() if w else None, "basis": d.published.basis}
    return {"id": d.id, "source": d.source, "name": d.name, "outlet": d.outlet, "title": d.title,
            "language": d.language, "published": published, "story": d.story, "duplicate_of": d.duplicate_of}


def actor_json(a: Actor) -> dict:
    return {"id": a.id, "name": a.name, "kind": a.kind, "aliases": list(a.aliases),
            "affiliations": list(a.affiliations), "mentions": a.mentions}


def event_json(e: Event) -> dict:
    return {"id": e.id, "type": e.type, "mode": e.mode, "summary": e.summary,
            "date": e.date.to_json() if e.date else None, "actors": list(e.actors),
            "recipients": list(e.recipients), "negated": e.negated, "status": e.status, "outlets": e.outlets,
            "evidence": [{"document": v.document, "sentence": v.sentence, "start": v.start, "end": v.end}
                         for v in e.evidence]}


def export_data(store: Store) -> dict:
    return {"format": "backchannel-export", "version": FORMAT_VERSION,
            "documents": [document_json(d) for d in documents(store)],
            "actors": [actor_json(a) for a in actors(store)],
            "events": [event_json(e) for e in events(store)],
            "claims": [], "quotes": []}


def to_json(store: Store) -> str:
    return json.dumps(export_data(store), ensure_ascii=False, indent=2)


def to_jsonl(store: Store) -> str:
    """One record a line, each tagged with what it is: "record": "document", "actor" or "event".

    (Not "kind": an actor's own "kind" field, person or state, would overwrite the tag.)"""
    data = export_data(store)
    lines = [json.dumps({"record": kind[:-1], **record}, ensure_ascii=False)
             for kind in ("documents", "actors", "events") for record in data[kind]]
    return "\n".join(lines) + "\n"


def to_csv(store: Store) -> str:
    """The timeline as one row per event, actor names spelled out."""
    names = {a.id: a.name for a in actors(store)}
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["id", "date", "earliest", "latest", "type", "mode", "actors", "recipients", "negated",
                     "status", "summary", "document", "sentence", "start", "end"])
    for e in events(store):
        ev = e.evidence[0]
        writer.writerow([e.id, e.date.value if e.date else "", e.date.earliest if e.date else "",
                         e.date.latest if e.date else "", e.type, e.mode or "",
                         "; ".join(names.get(a, a) for a in e.actors), "; ".join(names.get(a, a) for a in e.recipients),
                         e.negated, e.status, e.summary, ev.document, ev.sentence, ev.start, ev.end])
    return buffer.getvalue()


EXPORTERS = {"json": to_json, "jsonl": to_jsonl, "csv": to_csv}
