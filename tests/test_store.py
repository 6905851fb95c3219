"""backchannel.store: schema migrations, SQLite settings, one transaction per document, round trips."""
import sqlite3
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import func, inspect, select

from backchannel.errors import StoreError
from backchannel.models import Analysis, DateWindow, Document, Published
from backchannel.store import Store, event_id, quote_id, window_columns, window_from
from backchannel.store import schema as s

from helpers import (HAND_ACTORS, HARBOUR, HARBOUR_ACTORS, OSLO, build_hand_store, build_harbour_store, day,
                     hand_documents, harbour_documents)


def file_store(tmp_path, name="t.db"):
    return Store(f"sqlite:///{tmp_path / name}")


def migration_rows(store):
    with store.engine.connect() as conn:
        return list(conn.execute(select(s.migrations.c.version, s.migrations.c.name)))


def test_migrations_are_recorded(tmp_path):
    store = file_store(tmp_path)
    assert migration_rows(store) == [(v, name) for v, name, _ in s.MIGRATIONS]
    with store.engine.connect() as conn:
        assert s.current_version(conn) == s.SCHEMA_VERSION


def test_opening_twice_applies_nothing_new(tmp_path):
    file_store(tmp_path).engine.dispose()
    again = file_store(tmp_path)
    assert migration_rows(again) == [(v, name) for v, name, _ in s.MIGRATIONS]
    with again.engine.begin() as conn:
        assert s.migrate(conn) == []


def test_migrate_applies_only_the_missing_steps(tmp_path, monkeypatch):
    file_store(tmp_path).engine.dispose()
    ran = []
    extra = (s.SCHEMA_VERSION + 1, "a later step", lambda conn: ran.append("step"))
    monkeypatch.setattr(s, "MIGRATIONS", s.MIGRATIONS + [extra])
    store = file_store(tmp_path)
    assert ran == ["step"]
    with store.engine.begin() as conn:
        assert s.current_version(conn) == s.SCHEMA_VERSION + 1
        assert s.migrate(conn) == []


def test_migration_3_adds_quotes_to_a_version_2_database(tmp_path, monkeypatch):
    monkeypatch.setattr(s, "MIGRATIONS", s.MIGRATIONS[:2])  # the schema as released before quotations
    old = file_store(tmp_path)
    for doc, analysis in hand_documents():
        old.add_document(doc, analysis)
    with old.engine.connect() as conn:
        assert s.current_version(conn) == 2 and not inspect(conn).has_table("quotes")
    old.engine.dispose()
    monkeypatch.undo()
    store = file_store(tmp_path)
    with store.engine.connect() as conn:
        assert s.current_version(conn) == s.SCHEMA_VERSION and inspect(conn).has_table("quotes")
        assert [v for v, _ in migration_rows(store)] == list(range(1, s.SCHEMA_VERSION + 1))
    assert (count(store, s.documents), count(store, s.events), count(store, s.quotes)) == (2, 3, 0)  # nothing lost
    for doc, analysis in harbour_documents():  # and the new table takes quotations
        store.add_document(doc, analysis)
    assert count(store, s.quotes) == 4


def test_a_fresh_database_reports_version_zero():
    from sqlalchemy import create_engine

    with create_engine("sqlite://").connect() as conn:
        assert s.current_version(conn) == 0


def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path):
    store = file_store(tmp_path)
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    raw = sqlite3.connect(tmp_path / "t.db")  # the mode is persistent: another client sees it too
    assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    raw.close()


def test_a_folder_is_no_database(tmp_path):
    with pytest.raises(StoreError, match="is a folder"):
        Store(f"sqlite:///{tmp_path}")


def test_a_file_that_is_not_sqlite(tmp_path):
    (tmp_path / "notes.db").write_text("these are notes, not a database " * 20)
    with pytest.raises(StoreError, match="cannot open the database"):
        Store(f"sqlite:///{tmp_path / 'notes.db'}")


def test_missing_parent_folders_are_created(tmp_path):
    Store(f"sqlite:///{tmp_path / 'a' / 'b' / 't.db'}")
    assert (tmp_path / "a" / "b" / "t.db").exists()


def count(store, table):
    with store.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar()


def test_documents_round_trip():
    store = build_hand_store()
    by_id = {d.id: d for d in store.documents()}
    for doc, _ in hand_documents():
        stored = by_id[doc.id]
        assert (stored.text, stored.source, stored.name, stored.content_hash, stored.outlet, stored.title) == (
            doc.text, doc.source, doc.name, doc.content_hash, doc.outlet, doc.title)
        w, sw = doc.published.window, stored.published.window
        assert stored.published.basis == doc.published.basis
        assert (w is None and sw is None) or (sw.earliest, sw.latest, sw.value, sw.rule) == (w.earliest, w.latest, w.value, w.rule)
    assert store.document_for_hash("h-oslo") == "d-oslo"
    assert store.document_for_hash("nope") is None
    assert (count(store, s.documents), count(store, s.mentions), count(store, s.timexes), count(store, s.events)) == (2, 6, 2, 3)


def test_a_document_is_stored_in_one_transaction(monkeypatch):
    store = Store("sqlite://")
    (oslo, analysis), (helsinki, helsinki_analysis) = hand_documents()
    store.add_document(helsinki, helsinki_analysis)

    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(store, "_insert_events", broken)  # fails after the document, mentions and timexes
    with pytest.raises(RuntimeError):
        store.add_document(oslo, analysis)
    assert [d.id for d in store.documents()] == ["d-helsinki"]  # the earlier document is intact
    assert store.document_for_hash(oslo.content_hash) is None  # nothing of the failed one remains
    assert count(store, s.mentions) == len(helsinki_analysis.mentions)
    assert count(store, s.timexes) == len(helsinki_analysis.timexes)
    monkeypatch.undo()
    store.add_document(oslo, analysis)  # and it can be stored once the failure is gone
    assert count(store, s.documents) == 2


def test_the_same_content_cannot_be_stored_twice():
    store = Store("sqlite://")
    doc, analysis = hand_documents()[0]
    store.add_document(doc, analysis)
    with pytest.raises(Exception):
        store.add_document(Document(id="d-other", source="x", name="x", text=doc.text, content_hash=doc.content_hash),
                           Analysis())
    assert count(store, s.documents) == 1


def test_event_ids_are_content_derived():
    (doc, analysis), _ = hand_documents()
    record = analysis.events[0]
    assert event_id(doc.id, record) == event_id(doc.id, record)
    assert event_id(doc.id, record) != event_id("d-elsewhere", record)
    assert event_id(doc.id, record).startswith("e")


def test_warnings_are_kept_with_the_document():
    store = Store("sqlite://")
    doc, analysis = hand_documents()[0]
    store.add_document(doc, analysis, warnings=["oslo.txt: invalid UTF-8 at byte 3"])
    with store.engine.connect() as conn:
        assert conn.execute(select(s.documents.c.warnings)).scalar() == '["oslo.txt: invalid UTF-8 at byte 3"]'


def test_replace_actors_points_mentions_and_participants_at_actors():
    store = build_hand_store()
    with store.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(s.mentions).where(s.mentions.c.actor_id.is_(None))).scalar() == 0
        roles = set(conn.execute(select(s.participants.c.role, s.participants.c.actor_id)))
    assert ("actor", "a-finland") in roles and ("recipient", "a-norway") in roles
    store.replace_actors(HAND_ACTORS[:1], {("d-oslo", "Norway"): "a-norway"})  # a second fusion replaces the first
    assert count(store, s.actors) == 1
    with store.engine.connect() as conn:
        assert set(conn.execute(select(s.mentions.c.actor_id)).scalars()) == {"a-norway", None}


def test_quotes_are_stored_with_their_offsets():
    store = build_harbour_store()
    (doc, analysis), _ = harbour_documents()
    with store.engine.connect() as conn:
        rows = {r.id: r for r in conn.execute(select(s.quotes))}
    assert set(rows) == {quote_id(doc.id, q) for q in analysis.quotes}
    for q in analysis.quotes:
        row = rows[quote_id(doc.id, q)]
        assert (row.document_id, row.speaker_key, row.speaker_text, row.text, row.kind, row.cue, bool(row.anonymous)) == (
            doc.id, q.speaker_key, q.speaker_text, q.text, q.kind, q.cue, q.anonymous)
        assert HARBOUR[row.text_start:row.text_end] == row.text and HARBOUR[row.start:row.end] == row.sentence


def test_replace_actors_points_quotations_at_their_speakers():
    store = build_harbour_store()
    with store.engine.connect() as conn:
        speakers = set(conn.execute(select(s.quotes.c.speaker_key, s.quotes.c.actor_id)))
    assert speakers == {("Anna Weber", "a-weber"), (None, None)}
    store.replace_actors(HARBOUR_ACTORS[:1], {("d-harbour", "Luxembourg"): "a-luxembourg"})  # Weber is gone
    with store.engine.connect() as conn:
        assert set(conn.execute(select(s.quotes.c.actor_id)).scalars()) == {None}


def test_quote_ids_are_content_derived():
    (doc, analysis), _ = harbour_documents()
    ids = [quote_id(doc.id, q) for q in analysis.quotes]
    assert len(set(ids)) == len(ids) and all(i.startswith("q") for i in ids)
    assert quote_id("d-elsewhere", analysis.quotes[0]) != ids[0]


def test_set_published_redates_events_and_rereads_timexes():
    store = build_hand_store()
    ids = store.event_anchors("d-oslo")
    assert sorted(ids.values()) == ["", f"timex:{OSLO.index('on Monday')}"]
    new = Published(day("2024-03-01", "story"), "inferred")
    hosted = next(eid for eid, anchor in ids.items() if anchor)
    store.set_published("d-oslo", new, [], {hosted: day("2024-02-26", "weekday")})
    doc = next(d for d in store.documents() if d.id == "d-oslo")
    assert doc.published.basis == "inferred" and doc.published.window.earliest == date(2024, 3, 1)
    with store.engine.connect() as conn:
        assert conn.execute(select(s.events.c.date_earliest).where(s.events.c.id == hosted)).scalar() == "2024-02-26"
        assert conn.execute(select(func.count()).select_from(s.timexes).where(s.timexes.c.document_id == "d-oslo")).scalar() == 0


def test_set_document_links():
    store = build_hand_store()
    store.set_document_links({"d-helsinki": ("s-1", "d-oslo")})
    doc = next(d for d in store.documents() if d.id == "d-helsinki")
    assert (doc.story, doc.duplicate_of) == ("s-1", "d-oslo")


windows = st.builds(lambda lo, span, rule: DateWindow(lo, lo + timedelta(days=span), rule=rule),
                    st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1)), st.integers(0, 800),
                    st.sampled_from(["", "weekday", "metadata", "story"]))


class Row:
    def __init__(self, columns):
        self.__dict__.update(columns)


@given(windows)
def test_window_columns_round_trip(w):
    back = window_from(Row(window_columns("date", w)), "date")
    assert (back.earliest, back.latest, back.rule) == (w.earliest, w.latest, w.rule)
    assert (back.value, back.precision) == (w.normalised().value, w.normalised().precision)


def test_no_window_is_stored_as_nulls():
    assert set(window_columns("published", None).values()) == {None}
    assert window_from(Row(window_columns("published", None)), "published") is None


def test_a_version_1_database_is_migrated_to_the_current_schema(tmp_path):
    from datetime import datetime, timezone

    from sqlalchemy import create_engine, inspect, insert, select

    from backchannel.store import Store
    from backchannel.store import schema

    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = create_engine(url)
    with engine.begin() as conn:  # a database as release 1 left it: v1 tables without events.happening
        schema.metadata.create_all(conn, tables=[schema.migrations])
        for table in schema.V1_TABLES:
            table.create(conn)
        conn.exec_driver_sql("ALTER TABLE events DROP COLUMN happening")
        conn.execute(insert(schema.migrations).values(version=1, name="v1", applied_at=datetime.now(timezone.utc).isoformat()))
    Store(url)
    with engine.connect() as conn:
        assert "happening" in {c["name"] for c in inspect(conn).get_columns("events")}
        assert list(conn.execute(select(schema.migrations.c.version)).scalars()) == [1, 2, 3, 4]
        assert all(inspect(conn).has_table(t) for t in ("quotes", "claims", "conflicts"))
