"""Storage behind one small interface: SQLite by default (WAL, one transaction per document),
PostgreSQL through a postgresql+psycopg:// URL. Only models go in and out; never spaCy objects."""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from datetime import date, datetime, timezone
from pathlib import Path

from sqlalchemy import bindparam, create_engine, delete, event, insert, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from backchannel.errors import StoreError
from backchannel.models import (Actor, Analysis, Caption, ClaimRecord, DateWindow, Document, EventRecord, Published,
                                QuoteRecord, Timex)
from backchannel.store import schema as s


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def window_columns(prefix: str, w: DateWindow | None) -> dict:
    names = ("value", "earliest", "latest", "rule")
    if w is None:
        return {f"{prefix}_{n}": None for n in names}
    return {f"{prefix}_value": w.value, f"{prefix}_earliest": _iso(w.earliest), f"{prefix}_latest": _iso(w.latest),
            f"{prefix}_rule": w.rule}


def window_from(row, prefix: str) -> DateWindow | None:
    lo, hi = getattr(row, f"{prefix}_earliest"), getattr(row, f"{prefix}_latest")
    if not lo or not hi:
        return None
    w = DateWindow(date.fromisoformat(lo), date.fromisoformat(hi), rule=getattr(row, f"{prefix}_rule") or "")
    return w.normalised()


def event_id(document_id: str, record: EventRecord) -> str:
    key = f"{document_id}|{record.evidence.start}|{record.trigger}|{record.type}|{','.join(record.actors)}|{','.join(record.recipients)}"
    return "e" + hashlib.sha1(key.encode()).hexdigest()[:12]


def quote_id(document_id: str, record: QuoteRecord) -> str:
    key = f"{document_id}|{record.kind}|{record.start}|{record.end}|{record.speaker_key or ''}"
    return "q" + hashlib.sha1(key.encode()).hexdigest()[:12]


def claim_id(document_id: str, record: ClaimRecord) -> str:
    key = f"{document_id}|{record.start}|{record.end}|{record.quantity}"
    return "c" + hashlib.sha1(key.encode()).hexdigest()[:12]


def document_from_row(row) -> Document:
    captions = tuple(Caption(c[0], c[1], c[2]) for c in json.loads(row.captions or "[]"))
    return Document(id=row.id, source=row.source, name=row.name, text=row.text, content_hash=row.content_hash,
                    outlet=row.outlet, title=row.title, url=row.url, language=row.language,
                    published=Published(window_from(row, "published"), row.published_basis),
                    captions=captions, story=row.story, duplicate_of=row.duplicate_of)


class Store:
    def __init__(self, url: str):
        self.url = url
        try:
            if url.startswith("sqlite:///"):
                path = Path(url.removeprefix("sqlite:///"))
                if path.is_dir():
                    raise StoreError(f"{path}: is a folder, not a database file (pass a file path with --db)")
                path.parent.mkdir(parents=True, exist_ok=True)
            self.engine: Engine = create_engine(url)
            if self.engine.dialect.name == "sqlite":
                event.listen(self.engine, "connect", _sqlite_pragmas)
            with self.engine.begin() as conn:
                s.migrate(conn)
        except SQLAlchemyError as exc:
            raise StoreError(f"{url}: cannot open the database ({exc.__class__.__name__}: "
                             f"{str(exc.orig if hasattr(exc, 'orig') else exc).splitlines()[0]})") from None

    # -- documents -----------------------------------------------------------------------------
    def document_for_hash(self, content_hash: str) -> str | None:
        with self.engine.connect() as conn:
            return conn.execute(select(s.documents.c.id).where(s.documents.c.content_hash == content_hash)).scalar()

    def add_document(self, doc: Document, analysis: Analysis, minhash: bytes | None = None,
                     warnings: Iterable[str] = ()) -> None:
        """Store a document and all that was read from it, in one transaction."""
        with self.engine.begin() as conn:
            conn.execute(insert(s.documents).values(
                id=doc.id, source=doc.source, name=doc.name, outlet=doc.outlet, title=doc.title, url=doc.url,
                language=doc.language, content_hash=doc.content_hash, published_basis=doc.published.basis,
                story=doc.story, duplicate_of=doc.duplicate_of, ingested_at=datetime.now(timezone.utc).isoformat(),
                warnings=json.dumps(list(warnings)) if warnings else None, text=doc.text,
                captions=json.dumps([[c.start, c.end, c.text] for c in doc.captions]), minhash=minhash,
                **window_columns("published", doc.published.window)))
            if analysis.mentions:
                conn.execute(insert(s.mentions), [
                    dict(document_id=doc.id, start=m.start, end=m.end, text=m.text, kind=m.kind, key=m.key,
                         label=m.label, title=m.title, affiliation=m.affiliation) for m in analysis.mentions])
            self._insert_timexes(conn, doc.id, analysis.timexes)
            self._insert_events(conn, doc.id, analysis.events)
            self._insert_quotes(conn, doc.id, analysis.quotes)
            self._insert_claims(conn, doc.id, analysis.claims)

    def _insert_timexes(self, conn, document_id: str, timexes) -> None:
        if timexes:
            conn.execute(insert(s.timexes), [
                dict(document_id=document_id, start=t.start, end=t.end, text=t.text, type=t.type,
                     heading=t.heading, value=t.window.value if t.window else None,
                     earliest=_iso(t.window.earliest) if t.window else None,
                     latest=_iso(t.window.latest) if t.window else None,
                     rule=t.window.rule if t.window else None) for t in timexes])

    def _insert_events(self, conn, document_id: str, records: Iterable[EventRecord]) -> None:
        events, participants = {}, set()
        for r in records:
            eid = event_id(document_id, r)
            events.setdefault(eid, dict(
                id=eid, document_id=document_id, type=r.type, mode=r.mode, summary=r.summary, trigger=r.trigger,
                trigger_start=r.evidence.start, negated=r.negated, status=r.status, cue=r.cue,
                sentence=r.evidence.sentence, start=r.evidence.start, end=r.evidence.end,
                date_text=r.date.text if r.date else None, date_anchor=r.date_anchor, happening=None,
                **window_columns("date", r.date)))
            participants |= {(eid, role, key) for role, keys in (("actor", r.actors), ("recipient", r.recipients))
                             for key in keys}
        if events:  # one statement each for all rows: a document's events go in together
            conn.execute(insert(s.events), list(events.values()))
        if participants:
            conn.execute(insert(s.participants), [dict(event_id=e, role=r, key=k) for e, r, k in sorted(participants)])

    def _insert_quotes(self, conn, document_id: str, records: Iterable[QuoteRecord]) -> None:
        rows = {}
        for q in records:
            rows.setdefault(quote_id(document_id, q), dict(
                document_id=document_id, speaker_key=q.speaker_key, speaker_text=q.speaker_text, text=q.text,
                text_start=q.start, text_end=q.end, kind=q.kind, cue=q.cue, anonymous=q.anonymous,
                source_cue=q.source_cue or None, sentence=q.evidence.sentence, start=q.evidence.start,
                end=q.evidence.end))
        if rows:
            conn.execute(insert(s.quotes), [dict(id=qid, **row) for qid, row in rows.items()])

    def _insert_claims(self, conn, document_id: str, records: Iterable[ClaimRecord]) -> None:
        rows = {}
        for c in records:
            rows.setdefault(claim_id(document_id, c), dict(
                document_id=document_id, text=c.text, text_start=c.start, text_end=c.end, value=c.value, low=c.low,
                high=c.high, qualifier=c.qualifier, unit=c.unit, what=c.what, quantity=c.quantity, aspect=c.aspect,
                occasion=c.occasion or None, named=json.dumps(list(c.named)), certainty=json.dumps(list(c.certainty)),
                speaker_key=c.speaker_key, speaker_text=c.speaker_text or None, anonymous=c.anonymous,
                as_of_anchor=c.as_of_anchor, sentence=c.evidence.sentence, start=c.evidence.start,
                end=c.evidence.end, **window_columns("as_of", c.as_of)))
        if rows:
            conn.execute(insert(s.claims), [dict(id=cid, **row) for cid, row in rows.items()])

    def documents(self) -> list[Document]:
        with self.engine.connect() as conn:
            return [document_from_row(r) for r in conn.execute(select(s.documents).order_by(s.documents.c.name))]

    def minhashes(self) -> dict[str, bytes]:
        with self.engine.connect() as conn:
            return {r.id: r.minhash for r in conn.execute(select(s.documents.c.id, s.documents.c.minhash))
                    if r.minhash is not None}

    def set_document_links(self, links: dict[str, tuple[str | None, str | None]]) -> None:
        """Story id and duplicate_of for each document id."""
        with self.engine.begin() as conn:
            for doc_id, (story, duplicate_of) in links.items():
                conn.execute(update(s.documents).where(s.documents.c.id == doc_id)
                             .values(story=story, duplicate_of=duplicate_of))

    def event_anchors(self, doc_id: str) -> dict[str, str]:
        with self.engine.connect() as conn:
            return {r.id: r.date_anchor or "" for r in
                    conn.execute(select(s.events.c.id, s.events.c.date_anchor).where(s.events.c.document_id == doc_id))}

    def claim_anchors(self, doc_id: str) -> dict[str, str]:
        with self.engine.connect() as conn:
            return {r.id: r.as_of_anchor or "" for r in
                    conn.execute(select(s.claims.c.id, s.claims.c.as_of_anchor).where(s.claims.c.document_id == doc_id))}

    def set_published(self, doc_id: str, published: Published, timexes: Iterable[Timex],
                      event_dates: dict[str, DateWindow | None],
                      claim_dates: dict[str, DateWindow | None] | None = None) -> None:
        """A new publication date, the time expressions re-read under it and the events and claims re-dated."""
        with self.engine.begin() as conn:
            conn.execute(update(s.documents).where(s.documents.c.id == doc_id)
                         .values(published_basis=published.basis, **window_columns("published", published.window)))
            conn.execute(delete(s.timexes).where(s.timexes.c.document_id == doc_id))
            self._insert_timexes(conn, doc_id, list(timexes))
            for eid, window in event_dates.items():
                conn.execute(update(s.events).where(s.events.c.id == eid).values(
                    date_text=window.text if window else None, **window_columns("date", window)))
            for cid, window in (claim_dates or {}).items():
                conn.execute(update(s.claims).where(s.claims.c.id == cid).values(**window_columns("as_of", window)))

    def reading_rows(self):
        """Every event reading with its document's story, its participants' actor ids, and those of its actors."""
        with self.engine.connect() as conn:
            rows = list(conn.execute(select(s.events.c.id, s.events.c.document_id, s.events.c.type, s.events.c.mode,
                                            s.events.c.date_earliest, s.events.c.date_latest, s.events.c.date_rule,
                                            s.documents.c.story)
                                     .join(s.documents, s.documents.c.id == s.events.c.document_id)))
            who: dict[str, set[str]] = {}
            doers: dict[str, set[str]] = {}
            for p in conn.execute(select(s.participants.c.event_id, s.participants.c.actor_id, s.participants.c.role)):
                if p.actor_id:
                    who.setdefault(p.event_id, set()).add(p.actor_id)
                    if p.role == "actor":
                        doers.setdefault(p.event_id, set()).add(p.actor_id)
        return rows, who, doers

    def set_happenings(self, happening: dict[str, str]) -> None:
        with self.engine.begin() as conn:
            if happening:
                conn.execute(update(s.events).where(s.events.c.id == bindparam("e")).values(happening=bindparam("h")),
                             [{"e": e, "h": h} for e, h in happening.items()])

    # -- actors ---------------------------------------------------------------------------------
    def mention_rows(self):
        with self.engine.connect() as conn:
            return list(conn.execute(select(s.mentions)))

    def replace_actors(self, actors: list[Actor], assignment: dict[tuple[str, str], str]) -> None:
        """Write the fused actors and point every mention, participant and quotation's speaker at one
        (one transaction)."""
        with self.engine.begin() as conn:
            conn.execute(delete(s.actors))
            if actors:
                conn.execute(insert(s.actors), [
                    dict(id=a.id, name=a.name, kind=a.kind, aliases=json.dumps(list(a.aliases)),
                         affiliations=json.dumps(list(a.affiliations)), mentions=a.mentions) for a in actors])
            conn.execute(update(s.mentions).values(actor_id=None))
            conn.execute(update(s.participants).values(actor_id=None))
            conn.execute(update(s.quotes).values(actor_id=None))
            conn.execute(update(s.claims).values(actor_id=None))
            if not assignment:
                return
            conn.execute(update(s.mentions).where(s.mentions.c.document_id == bindparam("doc"),
                                                  s.mentions.c.key == bindparam("k")).values(actor_id=bindparam("actor")),
                         [{"doc": d, "k": k, "actor": a} for (d, k), a in assignment.items()])
            rows = conn.execute(select(s.participants.c.event_id, s.participants.c.role, s.participants.c.key,
                                       s.events.c.document_id)
                                .join(s.events, s.events.c.id == s.participants.c.event_id))
            updates = [{"e": r.event_id, "r": r.role, "k": r.key, "actor": assignment[(r.document_id, r.key)]}
                       for r in rows if (r.document_id, r.key) in assignment]
            if updates:
                conn.execute(update(s.participants).where(s.participants.c.event_id == bindparam("e"),
                                                          s.participants.c.role == bindparam("r"),
                                                          s.participants.c.key == bindparam("k"))
                             .values(actor_id=bindparam("actor")), updates)
            for table in (s.quotes, s.claims):  # the speakers of quotations and of figures
                speakers = conn.execute(select(table.c.id, table.c.document_id, table.c.speaker_key)
                                        .where(table.c.speaker_key.is_not(None)))
                updates = [{"q": r.id, "actor": assignment[(r.document_id, r.speaker_key)]}
                           for r in speakers if (r.document_id, r.speaker_key) in assignment]
                if updates:
                    conn.execute(update(table).where(table.c.id == bindparam("q"))
                                 .values(actor_id=bindparam("actor")), updates)

    # -- claims ---------------------------------------------------------------------------------
    def claim_rows(self):
        """Every claim with what fusion compares: quantity, values, time and the named keys."""
        with self.engine.connect() as conn:
            return list(conn.execute(select(s.claims).order_by(s.claims.c.document_id, s.claims.c.text_start)))

    def set_conflicts(self, pairs: Iterable[tuple[str, str]]) -> None:
        rows = sorted({(min(a, b), max(a, b)) for a, b in pairs})
        with self.engine.begin() as conn:
            conn.execute(delete(s.conflicts))
            if rows:
                conn.execute(insert(s.conflicts), [{"a": a, "b": b} for a, b in rows])

    def conflict_pairs(self) -> list[tuple[str, str]]:
        with self.engine.connect() as conn:
            return [(r.a, r.b) for r in conn.execute(select(s.conflicts.c.a, s.conflicts.c.b))]


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()
