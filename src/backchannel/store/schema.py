"""The database schema and its numbered migrations (recorded in the `migrations` table).

Tables are meant to be read by people too (in Datasette, say): plain columns, JSON only for short
lists, every date as `*_value`, `*_earliest`, `*_latest` plus the rule that made it.
"""
from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import (Boolean, Column, Connection, Float, ForeignKey, Index, Integer, LargeBinary, MetaData, String,
                        Table, Text, inspect, insert, select, text)

metadata = MetaData()

migrations = Table(
    "migrations", metadata,
    Column("version", Integer, primary_key=True),
    Column("name", String(200), nullable=False),
    Column("applied_at", String(40), nullable=False),
)

documents = Table(
    "documents", metadata,
    Column("id", String(40), primary_key=True),
    Column("source", Text, nullable=False),
    Column("name", Text, nullable=False),
    Column("outlet", Text),
    Column("title", Text),
    Column("url", Text),
    Column("language", String(8), nullable=False, default="en"),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("published_value", String(20)),
    Column("published_earliest", String(10)),
    Column("published_latest", String(10)),
    Column("published_basis", String(12), nullable=False),
    Column("published_rule", String(60)),
    Column("story", String(40)),
    Column("duplicate_of", String(40)),
    Column("ingested_at", String(40), nullable=False),
    Column("warnings", Text),
    Column("text", Text, nullable=False),
    Column("captions", Text),  # JSON list of caption lines
    Column("minhash", LargeBinary),
)

mentions = Table(
    "mentions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String(40), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("key", Text, nullable=False),
    Column("label", String(16)),
    Column("title", Text),
    Column("affiliation", Text),
    Column("actor_id", String(40)),
    Index("ix_mentions_document", "document_id"),
    Index("ix_mentions_actor", "actor_id"),
)

timexes = Table(
    "timexes", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String(40), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("type", String(10), nullable=False),
    Column("value", String(20)),
    Column("earliest", String(10)),
    Column("latest", String(10)),
    Column("rule", String(40)),
    Column("heading", Boolean, nullable=False, default=False),
    Index("ix_timexes_document", "document_id"),
)

events = Table(
    "events", metadata,
    Column("id", String(40), primary_key=True),
    Column("document_id", String(40), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("type", String(12), nullable=False),
    Column("mode", String(20)),
    Column("summary", Text, nullable=False),
    Column("trigger", Text, nullable=False),
    Column("trigger_start", Integer, nullable=False),
    Column("negated", Boolean, nullable=False, default=False),
    Column("status", String(12), nullable=False),
    Column("cue", Text),
    Column("sentence", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("date_value", String(20)),
    Column("date_earliest", String(10)),
    Column("date_latest", String(10)),
    Column("date_rule", String(40)),
    Column("date_text", Text),
    Column("date_anchor", String(40)),  # timex:<offset> | heading:<offset> | publication
    Column("happening", String(40)),  # the fused event this reading belongs to (migration 2)
    Index("ix_events_document", "document_id"),
)

participants = Table(
    "participants", metadata,
    Column("event_id", String(40), ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("role", String(10), primary_key=True),  # actor | recipient
    Column("key", Text, primary_key=True),  # the document-level actor key
    Column("actor_id", String(40)),
    Index("ix_participants_actor", "actor_id"),
)

actors = Table(
    "actors", metadata,
    Column("id", String(40), primary_key=True),
    Column("name", Text, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("aliases", Text),  # JSON list
    Column("affiliations", Text),  # JSON list of actor ids
    Column("mentions", Integer, nullable=False, default=0),
)

quotes = Table(
    "quotes", metadata,
    Column("id", String(40), primary_key=True),
    Column("document_id", String(40), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("speaker_key", Text),  # the document-level actor key; null when the speaker names no actor
    Column("speaker_text", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("text_start", Integer, nullable=False),  # the quoted words: documents.text[text_start:text_end]
    Column("text_end", Integer, nullable=False),
    Column("kind", String(10), nullable=False),  # direct | indirect
    Column("cue", Text, nullable=False),  # the attribution verb's lemma or "according to"
    Column("anonymous", Boolean, nullable=False, default=False),
    Column("source_cue", Text),  # the sourcing cue that made the speaker anonymous
    Column("sentence", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("actor_id", String(40)),  # set by actor fusion, as for participants
    Index("ix_quotes_document", "document_id"),
    Index("ix_quotes_actor", "actor_id"),
)

claims = Table(
    "claims", metadata,
    Column("id", String(40), primary_key=True),
    Column("document_id", String(40), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("text", Text, nullable=False),  # the figure as written: documents.text[text_start:text_end]
    Column("text_start", Integer, nullable=False),
    Column("text_end", Integer, nullable=False),
    Column("value", Float),  # null for a range
    Column("low", Float),
    Column("high", Float),
    Column("qualifier", String(16), nullable=False),
    Column("unit", Text),
    Column("what", Text, nullable=False),
    Column("quantity", Text, nullable=False),  # comparability key, "<thing>|<verb class>"
    Column("aspect", String(8), nullable=False),  # state | event | proposed
    Column("occasion", Text),
    Column("named", Text),  # JSON list of the mention keys named in what it counts
    Column("certainty", Text),  # JSON list of cue words
    Column("speaker_key", Text),
    Column("speaker_text", Text),
    Column("anonymous", Boolean, nullable=False, default=False),
    Column("actor_id", String(40)),  # the speaker's actor, set by actor fusion
    Column("as_of_value", String(16)),
    Column("as_of_earliest", String(10)),
    Column("as_of_latest", String(10)),
    Column("as_of_rule", Text),
    Column("as_of_anchor", Text),
    Column("sentence", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Index("ix_claims_document", "document_id"),
    Index("ix_claims_quantity", "quantity"),
)

conflicts = Table(
    "conflicts", metadata,  # pairs of claims that cannot both hold; rewritten by every fusion, a < b
    Column("a", String(40), ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True),
    Column("b", String(40), ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True),
)

V1_TABLES = [documents, mentions, timexes, events, participants, actors]


def _v1(conn: Connection) -> None:
    metadata.create_all(conn, tables=V1_TABLES)


def _v2(conn: Connection) -> None:
    """events.happening: readings of one real-world happening share it."""
    if "happening" not in {c["name"] for c in inspect(conn).get_columns("events")}:
        conn.execute(text("ALTER TABLE events ADD COLUMN happening VARCHAR(40)"))
    conn.execute(text("CREATE INDEX IF NOT EXISTS ix_events_happening ON events (happening)"))


def _v3(conn: Connection) -> None:
    """quotes: direct and indirect quotations with their speakers."""
    metadata.create_all(conn, tables=[quotes])


def _v4(conn: Connection) -> None:
    """claims and conflicts: the reported figures and the pairs that disagree."""
    metadata.create_all(conn, tables=[claims, conflicts])


# (version, name, function): append, never edit a released step
MIGRATIONS = [
    (1, "documents, mentions, timexes, events, participants, actors", _v1),
    (2, "events.happening groups the readings of one happening", _v2),
    (3, "quotes: quotations with their speakers", _v3),
    (4, "claims and conflicts: reported figures and the pairs that disagree", _v4),
]
SCHEMA_VERSION = MIGRATIONS[-1][0]


def migrate(conn: Connection) -> list[int]:
    """Apply the migrations this database has not seen; return the versions applied."""
    metadata.create_all(conn, tables=[migrations])
    done = set(conn.execute(select(migrations.c.version)).scalars())
    applied = []
    for version, name, step in MIGRATIONS:
        if version in done:
            continue
        step(conn)
        conn.execute(insert(migrations).values(version=version, name=name,
                                               applied_at=datetime.now(timezone.utc).isoformat()))
        applied.append(version)
    return applied


def current_version(conn: Connection) -> int:
    if not inspect(conn).has_table("migrations"):
        return 0
    return max(conn.execute(select(migrations.c.version)).scalars(), default=0)
