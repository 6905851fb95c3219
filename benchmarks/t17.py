"""Date selection on Timeline17's Syria topic (BBC timeline): do the top happenings fall on the gold days?

    .venv/bin/python benchmarks/t17.py [FOLDER] [--db PATH] [--top N] [--by events|days]

FOLDER (default ../shared/data/events/t17_syriancrisis_bbc next to the repo) holds `articles.json` (308
articles: `uid`, `dct`, PTB-tokenised `text`) and `gold_timeline_bbc.json` (13 dated entries). The texts
are detokenised (-LRB- -> "(", `` and '' -> '"', no space before punctuation or "n't"/"'s"), written as
JSON Lines records {"text", "published": dct, "url": uid} (the texts carry no separate headline, so no
"title") and ingested into a fresh temporary store, deleted at the end. With --db PATH the store is kept
there and reused when it already holds documents, so that a second run skips the ingest (a few minutes).

The top N happenings (N defaults to the number of gold entries) come from `rank_events` over the whole
timeline, with the corpus's interaction graph and the days its documents refer back to
(`query.day_references`), as `backchannel timeline --top N` ranks them. Each gives one date, the day it
stands for (`ranking.likely_day`: the day of a one-day window, or the publication day of an article that
leaves the event undated); other events (a week, a month...) are left out before ranking, so the next
best takes their place (--by days: `rank_days`, which counts such days only). A predicted date is
correct when it equals a gold date: precision = correct /
predicted, recall = gold dates matched / gold dates, F1 their harmonic mean: the date-selection F1 of
the timeline-summarisation papers (their alignment ROUGE, from the `tilse` package, is not computed here).

Reference figures follow: how many gold days hold any day-precise event at all (and the F1 a perfect
ranking of these events would reach), and the F1 of two rankings that use no events: the days most
articles were published on, and the days most articles name in a time expression other than their own
dateline. The last line is JSON: {"date_f1", "precision", "recall", "predicted", "gold", "by"}.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

import backchannel
from backchannel.query import day_references
from backchannel.query.ranking import likely_day, rank_days, rank_events

T17 = Path(__file__).resolve().parents[2] / "shared" / "data" / "events" / "t17_syriancrisis_bbc"

BRACKETS = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}"}
NO_SPACE_BEFORE = re.compile(r" +([,.;:!?%)\]}]|'s\b|'S\b|'re\b|'ve\b|'ll\b|'d\b|'m\b|n't\b|'(?= |$))")
NO_SPACE_AFTER = re.compile(r"([(\[{$]) +")


def detokenise(text: str) -> str:
    """Undo PTB tokenisation well enough for a sentence parser: brackets, quotes and the spaces around
    punctuation and clitics ("Syria 's" -> "Syria's", "do n't" -> "don't")."""
    words = [BRACKETS.get(w, w) for w in text.split()]
    out = " ".join(words)
    out = re.sub(r"``\s*", '"', out)  # an opening double quote joins the next word
    out = re.sub(r"\s*''", '"', out)  # a closing one the previous word
    out = re.sub(r"`\s*", "'", out)  # an opening single quote
    out = NO_SPACE_BEFORE.sub(r"\1", out)
    out = NO_SPACE_AFTER.sub(r"\1", out)
    return out.strip()


def write_records(articles: list[dict], path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        for a in articles:
            out.write(json.dumps({"text": detokenise(a["text"]), "published": a["dct"], "url": str(a["uid"])}) + "\n")


def ingested_corpus(folder: Path, db: str) -> backchannel.Corpus:
    """The articles in the store at `db`: reused if it already holds documents, else ingested now."""
    articles = json.loads((folder / "articles.json").read_text(encoding="utf-8"))
    corpus = backchannel.open(db)
    if corpus.documents():
        print(f"reusing {len(corpus.documents())} documents in {db}", file=sys.stderr)
        return corpus
    print(f"ingesting {len(articles)} articles into {db} (a few minutes)", file=sys.stderr)
    started, seen = time.perf_counter(), [0]

    def progress(_source: str) -> None:
        seen[0] += 1
        if seen[0] % 25 == 0 or seen[0] == len(articles):
            print(f"  {seen[0]}/{len(articles)} in {time.perf_counter() - started:.0f}s", file=sys.stderr)

    with tempfile.TemporaryDirectory(prefix="t17-records-") as tmp:
        records = Path(tmp) / "articles.jsonl"
        write_records(articles, records)
        report = corpus.ingest(str(records), progress=progress)
    print(f"stored {len(report.stored)}, failed {len(report.failed)} in {time.perf_counter() - started:.0f}s",
          file=sys.stderr)
    return corpus


def select(timeline: list, graph, references: dict, n: int, by: str) -> list:
    """The n best happenings that stand for a day (`likely_day`: a one-day window, or the publication day
    of an event its article leaves undated) in date order; the others are left out, and the next best
    takes their place; with by="days", the n most reported days, each as its best event."""
    if by == "days":
        return rank_days(timeline, graph, n, references)
    return rank_events([e for e in timeline if likely_day(e)], graph, n, references)


def date_f1(predicted: list[date], gold: list[date]) -> dict:
    correct = sum(d in set(gold) for d in predicted)
    matched = len(set(gold) & set(predicted))
    precision = correct / len(predicted) if predicted else 0.0
    recall = matched / len(set(gold)) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"date_f1": round(f1, 4), "precision": round(precision, 4), "recall": round(recall, 4),
            "predicted": len(predicted), "gold": len(set(gold))}


def baselines(corpus: backchannel.Corpus, timeline: list, n: int, gold: list[date]) -> dict:
    """Reference figures that use no ranking: where the ceiling lies and what simple date counts give."""
    from sqlalchemy import select

    from backchannel.store import schema

    event_days = {likely_day(e) for e in timeline if likely_day(e)}
    published: Counter = Counter(d.published.window.earliest for d in corpus.documents()
                                 if d.published.window and d.published.window.days == 1)
    own_day = {d.id: d.published.window.earliest for d in corpus.documents() if d.published.window}
    mentioned: dict[date, set[str]] = defaultdict(set)  # days the articles' time expressions name
    with corpus.store.engine.connect() as conn:
        for row in conn.execute(select(schema.timexes.c.document_id, schema.timexes.c.value)):
            try:
                day = date.fromisoformat(row.value or "")
            except ValueError:
                continue
            if day != own_day.get(row.document_id):  # the dateline restates the publication day
                mentioned[day].add(row.document_id)
    by_mentions = sorted(mentioned, key=lambda d: (-len(mentioned[d]), d))[:n]
    by_published = sorted(published, key=lambda d: (-published[d], d))[:n]
    reachable = len(event_days & set(gold))
    return {"gold days with a day-precise event": reachable,
            "F1 ceiling for any ranking of these events": round(2 * min(reachable, n) / (n + len(gold)), 4),
            "F1, days most published on": date_f1(by_published, gold)["date_f1"],
            "F1, days most named by time expressions": date_f1(by_mentions, gold)["date_f1"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", default=str(T17), help="the T17 topic folder (default: %(default)s)")
    parser.add_argument("--db", help="keep the ingested store here and reuse it on later runs")
    parser.add_argument("--top", type=int, help="happenings to take (default: the number of gold dates)")
    parser.add_argument("--by", choices=("events", "days"), default="events",
                        help="rank happenings (rank_events) or days (rank_days); default %(default)s")
    args = parser.parse_args()
    folder = Path(args.folder)
    if not (folder / "articles.json").is_file() or not (folder / "gold_timeline_bbc.json").is_file():
        sys.exit(f"t17: no articles.json and gold_timeline_bbc.json in {folder}; pass the T17 Syria folder "
                 "(see /work/shared/data/events/README.md, section 2)")
    gold_entries = json.loads((folder / "gold_timeline_bbc.json").read_text(encoding="utf-8"))
    gold_text = {date.fromisoformat(g["date"]): detokenise(g["text"]) for g in gold_entries}
    n = args.top or len(gold_text)
    if args.db:
        report(ingested_corpus(folder, args.db), gold_text, n, args.by)
    else:
        with tempfile.TemporaryDirectory(prefix="t17-") as tmp:
            report(ingested_corpus(folder, str(Path(tmp) / "t17.db")), gold_text, n, args.by)


def report(corpus: backchannel.Corpus, gold_text: dict[date, str], n: int, by: str) -> None:
    gold = sorted(gold_text)
    timeline, graph, references = corpus.timeline(), corpus.network(), day_references(corpus.store)
    names = {a.id: a.name for a in corpus.actors()}

    scores = {way: date_f1([likely_day(r.event) for r in select(timeline, graph, references, n, way)], gold)
              for way in ("events", "days")}
    ranked = select(timeline, graph, references, n, by)
    predicted = [likely_day(r.event) for r in ranked]
    print(f"{len(corpus.documents())} documents, {len(timeline)} happenings, "
          f"{sum(1 for e in timeline if likely_day(e))} standing for a day")
    print(f"top {len(ranked)} by {'rank_events' if by == 'events' else 'rank_days'} "
          "(= marks a gold day; score, type, reporting documents, later documents naming the day, actors, summary):")
    for r in ranked:
        day = likely_day(r.event)
        who = ", ".join(names.get(a, a) for a in r.event.actors)
        print(f"{'=' if day in gold_text else ' '} {day}  {r.score:5.3f}  {r.event.type:9} {r.reports:3} {r.referring:3}  "
              f"{who[:28]:28}  {r.event.summary[:60]}")
    print("gold (= marks a predicted day):")
    for day in gold:
        print(f"{'=' if day in predicted else ' '} {day}  {gold_text[day][:100]}")
    print(f"date F1: rank_events {scores['events']['date_f1']:.3f}, rank_days {scores['days']['date_f1']:.3f}")
    for label, figure in baselines(corpus, timeline, n, gold).items():
        print(f"  {label}: {figure}")
    print(json.dumps({**scores[by], "by": by}))


if __name__ == "__main__":
    main()
