"""Orchestration: ingest -> clean -> analyse -> store -> fuse, in batches, one document at a time
isolated: a document that fails is reported and skipped, and everything before it stays stored."""
from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from backchannel.analyse import analyse_document
from backchannel.analyse.anchor import redate
from backchannel.analyse.nlp import load, parse
from backchannel.analyse.published import (MAX_ANCHOR_DAYS, STATED, anchor_of, date_document, date_from_corpus,
                                           date_from_story, dateline_in_corpus)
from backchannel.analyse.times import find_timexes
from backchannel.clean import clean_text, content_hash, minhash
from backchannel.config import Settings
from backchannel.errors import UnreadableInput
from backchannel.fuse.actors import load_user_actors, resolve_actors
from backchannel.fuse.claims import Figure, bounds, conflicts, when
from backchannel.fuse.events import Reading, group_readings
from backchannel.fuse.stories import group_stories, lede_end
from backchannel.ingest import read_inputs
from backchannel.models import Document, RawDocument
from backchannel.store import Store, window_from


@dataclass
class IngestReport:
    stored: list[str] = field(default_factory=list)  # document ids
    skipped: list[str] = field(default_factory=list)  # sources already in the store
    failed: list[tuple[str, str]] = field(default_factory=list)  # (source, reason)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed


Progress = Callable[[str], None]


def _prepare(raw: RawDocument) -> tuple[Document, bytes]:
    cleaned = clean_text(raw.text or "")
    if not cleaned.text.strip():
        raise UnreadableInput(raw.source, "nothing left after removing boilerplate")
    digest = content_hash(cleaned.text)
    published = date_document(raw.text or "", cleaned.captions, raw.published, cleaned.text)
    doc = Document(id="d" + digest[:12], source=raw.source, name=raw.name, text=cleaned.text, content_hash=digest,
                   outlet=raw.outlet, title=raw.title or _first_line(cleaned.text), url=raw.url,
                   published=published, captions=cleaned.captions)
    return doc, minhash(cleaned.text).hashvalues.tobytes()


def _first_line(text: str) -> str | None:
    """The headline: the first short line that is not a dateline or a "Published:" field."""
    for line in text.strip().split("\n")[:5]:
        line = line.strip()
        if line and not re.match(r"(published|posted|updated|date|by)\b\W", line, re.IGNORECASE):
            return line[:200] if len(line.split()) <= 25 else None
    return None


def ingest(store: Store, settings: Settings, paths: Iterable[str], progress: Progress | None = None) -> IngestReport:
    report = IngestReport()
    nlp = load(settings.model)
    batch: list[tuple[Document, bytes, tuple[str, ...]]] = []
    seen: set[str] = set()

    def flush() -> None:
        texts = [doc.text for doc, _, _ in batch]
        for (doc, mh, warnings), parsed in zip(batch, parse(nlp, texts, settings.batch_size, settings.n_process)):
            try:
                analysis = analyse_document(parsed, doc.published)
                store.add_document(doc, analysis, mh, warnings)
                report.stored.append(doc.id)
            except Exception as exc:  # one broken document never stops the batch
                report.failed.append((doc.source, f"analysis failed ({type(exc).__name__}: {exc})"))
            if progress:
                progress(doc.source)
        batch.clear()

    for item in read_inputs(paths, settings.max_bytes):
        if isinstance(item, UnreadableInput):
            report.failed.append((item.source, item.reason))
            if progress:
                progress(item.source)
            continue
        report.warnings.extend(w for w in item.warnings if w not in report.warnings)  # once per file, not per record
        try:
            doc, mh = _prepare(item)
        except UnreadableInput as exc:
            report.failed.append((exc.source, exc.reason))
            if progress:
                progress(item.source)
            continue
        except Exception as exc:  # cleaning or dating one document never stops the run
            report.failed.append((item.source, f"preparation failed ({type(exc).__name__}: {exc})"))
            if progress:
                progress(item.source)
            continue
        if doc.content_hash in seen or store.document_for_hash(doc.content_hash):
            report.skipped.append(item.source)
            if progress:
                progress(item.source)
            continue
        seen.add(doc.content_hash)
        batch.append((doc, mh, item.warnings))
        if len(batch) >= settings.batch_size:
            flush()
    if batch:
        flush()
    if report.stored:
        fuse_corpus(store, settings)
    return report


def fuse_corpus(store: Store, settings: Settings) -> None:
    """Cross-document work after every ingest: actors, the year of yearless datelines, duplicates and stories,
    and the dates of articles that only their story can date (with their events re-dated to match)."""
    rows = store.mention_rows()
    actors, assignment = resolve_actors(rows, load_user_actors(settings.actors_file))
    store.replace_actors(actors, assignment)
    docs = store.documents()
    dated = [d.published.window for d in docs if d.published.basis in STATED and d.published.window]
    moved = False
    for d in docs:  # before stories, which look at how far apart articles appeared
        dateline = dateline_in_corpus(d.text, dated) if d.published.basis not in STATED else None
        if dateline is not None and dateline != d.published:
            _redate(store, d, dateline)
            moved = True
    if moved:  # read the documents again only when a dateline changed a date
        docs = store.documents()
    ledes = {d.id: lede_end(d.text) for d in docs}
    counts: dict[str, Counter] = defaultdict(Counter)
    lede_counts: dict[str, Counter] = defaultdict(Counter)
    for row in rows:
        actor = assignment.get((row.document_id, row.key))
        if actor is not None:  # states every article names weigh nothing (rarity weighting)
            counts[row.document_id][actor] += 1
            if row.start < ledes[row.document_id]:
                lede_counts[row.document_id][actor] += 1
    links = group_stories(docs, counts, lede_counts, store.minhashes(), settings.near_duplicate_threshold)
    store.set_document_links({d.id: (links.story[d.id], links.duplicate_of.get(d.id)) for d in docs})
    by_story: dict[str, list[Document]] = defaultdict(list)
    for d in docs:
        by_story[links.story[d.id]].append(d)
    for d in docs:
        _date_by_story(store, d, by_story[links.story[d.id]], dated)
    rows, who, doers = store.reading_rows()
    readings = [Reading(r.id, r.document_id, r.story, r.type, frozenset(who.get(r.id, ())),
                        window_from(r, "date"), r.mode, frozenset(doers.get(r.id, ()))) for r in rows]
    store.set_happenings(group_readings(readings))
    store.set_conflicts(conflicts([_figure(r, assignment, links.story.get(r.document_id, ""))
                                   for r in store.claim_rows()]))


def _figure(row, assignment: dict[tuple[str, str], str], story: str = "") -> Figure:
    named = frozenset(assignment.get((row.document_id, k), k) for k in json.loads(row.named or "[]"))
    return Figure(row.id, row.quantity, row.aspect, row.unit, row.occasion or "",
                  *bounds(row.value, row.low, row.high, row.qualifier), named,
                  when(row.aspect, window_from(row, "as_of"), row.as_of_anchor or ""),
                  frozenset(json.loads(row.certainty or "[]")), row.document_id, story, row.speaker_key or "")


def _date_by_story(store: Store, doc: Document, siblings: list[Document], dated: list) -> None:
    """Date an article its own text could not date: by a dated article of its story, else by the
    period its corpus covers; its time expressions and events are re-read under the new date."""
    own = doc.published
    if own.basis in STATED or (own.window is not None and own.window.days <= MAX_ANCHOR_DAYS):
        return
    narrowed = next((n for s in siblings if s.id != doc.id for n in [date_from_story(own, s.published)] if n), None)
    if narrowed is None and own.window is None:
        narrowed = date_from_corpus(doc.text, dated)
    if narrowed is not None and narrowed != own:
        _redate(store, doc, narrowed)


def _redate(store: Store, doc: Document, narrowed: Published) -> None:
    """Store a new publication date for `doc`, its time expressions and events re-read under it."""
    timexes = find_timexes(doc.text, anchor_of(narrowed))
    dates = {eid: redate(anchor, timexes, narrowed) for eid, anchor in store.event_anchors(doc.id).items()}
    as_of = {cid: redate(anchor, timexes, narrowed) for cid, anchor in store.claim_anchors(doc.id).items()}
    store.set_published(doc.id, narrowed, timexes, dates, as_of)
