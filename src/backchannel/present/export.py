"""Exports: JSON exactly as design/export-format.md, and views of the same data: JSON Lines, CSV, PLOVER
records, TimelineJS, and the actor-interaction graph as GEXF (Gephi) or GraphML."""
from __future__ import annotations

import calendar
import csv
import html
import io
import json

import networkx as nx

from backchannel.models import Actor, Claim, DateWindow, Document, Event, Quote
from backchannel.query import actors, claims, documents, event_quotes, events, quotes
from backchannel.query.network import interaction_graph
from backchannel.query.sourcing import Sourcing, sourcing
from backchannel.store import Store

FORMAT_VERSION = 1


def document_json(d: Document, profile: Sourcing | None = None) -> dict:
    w = d.published.window
    published = {"value": w.value if w else None, "earliest": w.earliest.isoformat() if w else None,
                 "latest": w.latest.isoformat() if w else None, "basis": d.published.basis}
    return {"id": d.id, "source": d.source, "name": d.name, "outlet": d.outlet, "title": d.title,
            "language": d.language, "published": published, "story": d.story, "duplicate_of": d.duplicate_of,
            "sourcing": sourcing_json(profile or Sourcing())}


def sourcing_json(p: Sourcing) -> dict:
    return {"events": p.events, "quotes": p.quotes, "claims": p.claims, "named": p.named, "anonymous": p.anonymous,
            "unattributed": p.unattributed, "hedged": p.hedged, "hedges": dict(p.hedges),
            "anonymous_share": round(p.anonymous_share, 3)}


def actor_json(a: Actor) -> dict:
    return {"id": a.id, "name": a.name, "kind": a.kind, "aliases": list(a.aliases),
            "affiliations": list(a.affiliations), "mentions": a.mentions}


def event_json(e: Event, quote_ids: tuple[str, ...] = ()) -> dict:
    return {"id": e.id, "type": e.type, "mode": e.mode, "summary": e.summary,
            "date": e.date.to_json() if e.date else None, "actors": list(e.actors),
            "recipients": list(e.recipients), "negated": e.negated, "status": e.status, "outlets": e.outlets,
            "evidence": [{"document": v.document, "sentence": v.sentence, "start": v.start, "end": v.end}
                         for v in e.evidence],
            "versions": [{"document": v.document, "date": v.date.to_json() if v.date else None,
                          "actors": list(v.actors), "recipients": list(v.recipients)} for v in e.versions],
            "differences": list(e.differences), "quotes": list(quote_ids)}


def quote_json(q: Quote) -> dict:
    v = q.evidence
    return {"id": q.id, "speaker": q.speaker, "speaker_text": q.speaker_text, "text": q.text, "kind": q.kind,
            "cue": q.cue, "anonymous": q.anonymous, "text_start": q.start, "text_end": q.end,
            "evidence": [{"document": v.document, "sentence": v.sentence, "start": v.start, "end": v.end}]}


def claim_json(c: Claim) -> dict:
    v = c.evidence
    return {"id": c.id, "value": c.value, "low": c.low, "high": c.high, "qualifier": c.qualifier, "unit": c.unit,
            "what": c.what, "text": c.text, "quantity": c.quantity, "aspect": c.aspect,
            "as_of": c.as_of.to_json() if c.as_of else None, "attributed_to": c.attributed_to,
            "attributed_text": c.attributed_text or None, "anonymous": c.anonymous, "certainty": list(c.certainty),
            "evidence": [{"document": v.document, "sentence": v.sentence, "start": v.start, "end": v.end}],
            "conflicts_with": list(c.conflicts_with)}


def export_data(store: Store) -> dict:
    profiles = sourcing(store)
    timeline = events(store)
    said = quotes(store)
    voiced = event_quotes(timeline, said)
    return {"format": "backchannel-export", "version": FORMAT_VERSION,
            "documents": [document_json(d, profiles.get(d.id)) for d in documents(store)],
            "actors": [actor_json(a) for a in actors(store)],
            "events": [event_json(e, voiced.get(e.id, ())) for e in timeline],
            "claims": [claim_json(c) for c in claims(store)], "quotes": [quote_json(q) for q in said]}


def to_json(store: Store) -> str:
    return json.dumps(export_data(store), ensure_ascii=False, indent=2)


def to_jsonl(store: Store) -> str:
    """One record a line, each tagged with what it is: "record": "document", "actor", "event", "claim" or
    "quote".

    (Not "kind": an actor's own "kind" field, person or state, would overwrite the tag.)"""
    data = export_data(store)
    lines = [json.dumps({"record": kind[:-1], **record}, ensure_ascii=False)
             for kind in ("documents", "actors", "events", "claims", "quotes") for record in data[kind]]
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


# -- PLOVER records ------------------------------------------------------------------------------------

def plover_records(store: Store) -> list[dict]:
    """One PLOVER-style record per event: actor and recipient names, the date window as date..enddate,
    where in which text it was read (text_info) and which documents report it (cite_info)."""
    names = {a.id: a.name for a in actors(store)}
    docs = {d.id: d for d in documents(store)}
    records = []
    for e in events(store):
        cited = dict.fromkeys(v.document for v in e.evidence)
        records.append({
            "id": e.id, "event_type": e.type, "mode": e.mode,
            "actor": [names.get(a, a) for a in e.actors], "recipient": [names.get(a, a) for a in e.recipients],
            "date": e.date.earliest.isoformat() if e.date else None,
            "enddate": e.date.latest.isoformat() if e.date else None,
            "negated": e.negated, "status": e.status,
            "text_info": [{"document": v.document, "start": v.start, "end": v.end, "sentence": v.sentence}
                          for v in e.evidence],
            "cite_info": [_citation(docs[d]) for d in cited if d in docs]})
    return records


def _citation(d: Document) -> dict:
    w = d.published.window
    published = (w.value or f"{w.earliest.isoformat()}/{w.latest.isoformat()}") if w else None
    return {"document": d.id, "name": d.name, "outlet": d.outlet, "title": d.title, "published": published}


def to_plover(store: Store) -> str:
    return json.dumps(plover_records(store), ensure_ascii=False, indent=2)


# -- TimelineJS -----------------------------------------------------------------------------------------

def timelinejs_data(store: Store) -> dict:
    """TimelineJS3's JSON: one slide per dated event (undated events have no place on it), dated only as
    precisely as its window allows, grouped by PLOVER type. Article text is HTML-escaped: TimelineJS
    renders `headline` and `text` as HTML."""
    docs = {d.id: d for d in documents(store)}
    timeline = events(store)
    slides = [_slide(e, docs) for e in timeline if e.date is not None]
    sources = len({v.document for e in timeline for v in e.evidence})
    return {"title": {"text": {"headline": "backchannel timeline",
                               "text": f"<p>{len(slides)} dated events from {sources} documents</p>"}},
            "events": slides}


def timelinejs_dates(window: DateWindow) -> tuple[dict, dict | None]:
    """start_date and end_date (None unless the window is a range) at the coarsest calendar unit both ends
    of the window fall on: a whole year gives {"year"}, a whole month {"year", "month"}, else days."""
    lo, hi = window.earliest, window.latest
    if (lo.month, lo.day, hi.month, hi.day) == (1, 1, 12, 31):
        start, end = {"year": lo.year}, {"year": hi.year}
    elif lo.day == 1 and hi.day == calendar.monthrange(hi.year, hi.month)[1]:
        start, end = {"year": lo.year, "month": lo.month}, {"year": hi.year, "month": hi.month}
    else:
        start, end = ({"year": d.year, "month": d.month, "day": d.day} for d in (lo, hi))
    return start, (None if end == start else end)


def _slide(e: Event, docs: dict[str, Document]) -> dict:
    start, end = timelinejs_dates(e.date)
    flags = [f for f, on in (("negated", e.negated), (e.status, e.status != "occurred")) if on]
    ev = e.evidence[0]
    text = f"<p>{html.escape(ev.sentence)}</p>" + (f"<p><em>{', '.join(flags)}</em></p>" if flags else "")
    if ev.document in docs:
        text += f"<p>{_source(docs[ev.document])}</p>"
    if e.outlets > 1:
        text += f"<p>reported by {e.outlets} outlets</p>"
    slide = {"unique_id": e.id, "start_date": start, "text": {"headline": html.escape(e.summary), "text": text},
             "group": e.type}
    if end is not None:
        slide["end_date"] = end
    return slide


def _source(d: Document) -> str:
    label = html.escape(", ".join(x for x in (d.title or d.name, d.outlet) if x))
    if d.url and d.url.lower().startswith(("http://", "https://")):
        return f'Source: <a href="{html.escape(d.url)}">{label}</a>'
    return f"Source: {label}"


def to_timelinejs(store: Store) -> str:
    return json.dumps(timelinejs_data(store), ensure_ascii=False, indent=2)


# -- the interaction graph: GEXF and GraphML ---------------------------------------------------------------

def flat_graph(graph: nx.Graph) -> nx.Graph:
    """The interaction graph with only string and number attributes, as GEXF and GraphML hold them:
    event ids space-separated, types as "CONSULT:2 ACCUSE:1", dates as ISO days (left out when unknown)."""
    flat = nx.Graph(name="backchannel actor interactions")
    for node, data in graph.nodes(data=True):
        flat.add_node(node, label=data["name"], name=data["name"], kind=data["kind"], mentions=data["mentions"])
    for a, b, data in graph.edges(data=True):
        attributes = {"weight": float(data["weight"]), "kind": data["kind"], "count": len(data["events"]),
                      "events": " ".join(data["events"]),
                      "types": " ".join(f"{t}:{n}" for t, n in data["types"].items())}
        attributes.update({k: data[k].isoformat() for k in ("first", "last") if data[k] is not None})
        flat.add_edge(a, b, **attributes)
    return flat


XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n'


def to_gexf(store: Store) -> str:
    return XML_DECLARATION + "\n".join(nx.generate_gexf(flat_graph(interaction_graph(store)))) + "\n"


def to_graphml(store: Store) -> str:
    return XML_DECLARATION + "\n".join(nx.generate_graphml(flat_graph(interaction_graph(store)))) + "\n"


EXPORTERS = {"json": to_json, "jsonl": to_jsonl, "csv": to_csv, "plover": to_plover, "timelinejs": to_timelinejs,
             "gexf": to_gexf, "graphml": to_graphml}
