"""The self-contained HTML report: timeline grouped by date, actors, reported figures (a chart per quantity,
conflicts highlighted), quotations, documents (with how each is sourced), evidence. Rendered with Jinja2
autoescaping, so article text is always escaped."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from backchannel.models import Claim
from backchannel.query import actors, claims, documents, events, quotes
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
        quotes=quotes(store), sourcing=sourcing(store), quantities=quantity_charts(claims(store)))


def _date_label(window) -> str:
    if window is None:
        return "Undated"
    if window.label == window.value:
        return f"{window.value} ({window.precision})"
    return f"{window.earliest} – {window.latest} (window)"


CHART_W, CHART_H, PAD = 480, 140, 28


@dataclass
class Mark:
    """One figure on a chart: a dot at (x, y), or a bar from y to y2 for a range or a bound."""

    x: float
    y: float
    y2: float
    claim: Claim
    conflict: bool


@dataclass
class QuantityChart:
    quantity: str
    claims: list[Claim]
    marks: list[Mark]  # empty when fewer than two figures are dated: nothing to draw over time
    axis: tuple[str, str, str, str]  # first day, last day, lowest value, highest value


def quantity_charts(found: list[Claim]) -> list[QuantityChart]:
    """Per quantity, its figures over time as SVG coordinates (time across, value up)."""
    by_quantity: dict[str, list[Claim]] = defaultdict(list)
    for c in found:
        by_quantity[c.quantity].append(c)
    charts = []
    for quantity, group in sorted(by_quantity.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        dated = [c for c in group if c.as_of is not None]
        marks: list[Mark] = []
        axis = ("", "", "", "")
        if len(dated) >= 2:
            days = [c.as_of.earliest.toordinal() + (c.as_of.latest - c.as_of.earliest).days / 2 for c in dated]
            values = [v for c in dated for v in (c.value, c.low, c.high) if v is not None]
            d0, d1, v1 = min(days), max(days), max(values)
            for c, day in zip(dated, days):
                lo, hi = (c.value, c.value) if c.value is not None else (c.low or 0, c.high or 0)
                x = PAD + (CHART_W - 2 * PAD) * ((day - d0) / (d1 - d0) if d1 > d0 else 0.5)
                marks.append(Mark(x, _y(hi, v1), _y(lo, v1), c, bool(c.conflicts_with)))
            axis = (str(date.fromordinal(int(d0))), str(date.fromordinal(int(d1))), "0", f"{v1:,.0f}")
        charts.append(QuantityChart(quantity, group, marks, axis))
    return charts


def _y(value: float, top: float) -> float:
    return CHART_H - PAD / 2 - (CHART_H - PAD) * (value / top if top else 0)
