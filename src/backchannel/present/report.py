"""The self-contained HTML report: timeline grouped by date, actors, quotations, documents (with how each
is sourced), evidence. Rendered with Jinja2 autoescaping, so article text is always escaped."""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from backchannel.query import actors, documents, events, quotes
from backchannel.query.sourcing import sourcing
from backchannel.store import Store

TEMPLATES = Path(__file__).parent / "templates"


def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html", "j2"]),
                       trim_blocks=True, lstrip_blocks=True)


def render_report(store: Store) -> str:
    all_actors = actors(store)
    docs = documents(store)
    timeline = events(store)
    groups = defaultdict(list)
    for e in timeline:
        groups[_date_label(e.date)].append(e)
    return _environment().get_template("report.html.j2").render(
        groups=list(groups.items()), actors=all_actors, names={a.id: a.name for a in all_actors},
        documents=docs, doc_names={d.id: d.name for d in docs}, event_count=len(timeline),
        quotes=quotes(store), sourcing=sourcing(store))


def _date_label(window) -> str:
    if window is None:
        return "Undated"
    if window.value:
        return f"{window.value} ({window.precision})"
    return f"{window.earliest} – {window.latest} (window)"
