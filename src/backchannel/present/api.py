"""The library API the CLI and the web pages sit on: `backchannel.open(path)` -> Corpus."""
from __future__ import annotations

from collections.abc import Iterable

from backchannel.config import Settings
from backchannel.models import Actor, Document, Event
from backchannel.process import IngestReport, Progress, fuse_corpus, ingest
from backchannel.query import TimelineFilter, actors, document, documents, events, find_actor
from backchannel.store import Store


class Corpus:
    """A store of articles and everything read from them."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.store = Store(settings.db_url)

    def ingest(self, paths: Iterable[str] | str, progress: Progress | None = None) -> IngestReport:
        return ingest(self.store, self.settings, [paths] if isinstance(paths, str) else list(paths), progress)

    def refresh(self) -> None:
        """Re-run cross-document fusion (actors, stories, story dates), e.g. after editing the actors file."""
        fuse_corpus(self.store, self.settings)

    def documents(self) -> list[Document]:
        return documents(self.store)

    def document(self, doc_id: str) -> Document | None:
        return document(self.store, doc_id)

    def actors(self) -> list[Actor]:
        return actors(self.store)

    def actor(self, needle: str) -> Actor | None:
        return find_actor(self.store, needle)

    def timeline(self, where: TimelineFilter | None = None, **filters) -> list[Event]:
        return events(self.store, where or TimelineFilter(**filters))

    def export(self, format: str = "json") -> str:
        from backchannel.present.export import EXPORTERS

        return EXPORTERS[format](self.store)

    def report(self) -> str:
        from backchannel.present.report import render_report

        return render_report(self.store)


def open(path: str | None = None, **settings) -> Corpus:  # noqa: A001 - the public name the docs promise
    """Open (or create) a corpus database: a SQLite path or a SQLAlchemy URL."""
    return Corpus(Settings.load(db=path, **settings))
