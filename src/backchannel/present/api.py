"""The library API the CLI and the web pages sit on: `backchannel.open(path)` -> Corpus."""
from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from backchannel.config import Settings
from backchannel.errors import BackchannelError, UnknownActor
from backchannel.models import Actor, Claim, Document, Event, Quote
from backchannel.process import IngestReport, Progress, fuse_corpus, ingest
from backchannel.query import (TimelineFilter, actors, claims, day_references, document, documents, events,
                               find_actor, quotes)
from backchannel.query.network import ContactPath, contact_paths, interaction_graph
from backchannel.query.ranking import RankedEvent, rank_events
from backchannel.query.sourcing import Sourcing, sourcing
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

    def timeline(self, where: TimelineFilter | None = None, top: int | None = None, **filters) -> list[Event]:
        """The events, in date order; with `top`, only the `top` most important dated ones (see `ranked`)."""
        if top is None:
            return events(self.store, where or TimelineFilter(**filters))
        return [r.event for r in self.ranked(where, top, **filters)]

    def ranked(self, where: TimelineFilter | None = None, top: int | None = None, **filters) -> list[RankedEvent]:
        """The `top` most important dated events (all when None), in date order, each with its score and why
        (backchannel.query.ranking.rank_events, over the whole corpus's interaction graph and the days its
        documents refer back to)."""
        found = events(self.store, where or TimelineFilter(**filters))
        return rank_events(found, self.network(), top, day_references(self.store))

    def quotes(self, document: str | None = None, speaker: str | None = None) -> list[Quote]:
        """Quotations with their speakers, optionally of one document or one speaker (id, name or alias)."""
        return quotes(self.store, document, speaker)

    def claims(self, what: str | None = None, conflicts: bool = False) -> list[Claim]:
        """Reported figures by quantity and time; only those about `what`, or only those in conflict, if asked."""
        return claims(self.store, what, conflicts)

    def sourcing(self) -> dict[str, Sourcing]:
        """Document id -> how its events and quotations are sourced (named, anonymous, unattributed, hedged)."""
        return sourcing(self.store)

    def network(self) -> nx.Graph:
        """The weighted actor-interaction graph (see backchannel.query.network)."""
        return interaction_graph(self.store)

    def paths(self, a: str, b: str, max_len: int = 4, limit: int = 5) -> list[ContactPath]:
        """Chains of contact between two actors (ids, names or aliases), shortest first, each link with
        the events that make it. Raises UnknownActor when either cannot be found."""
        ends = []
        for needle in (a, b):
            found = find_actor(self.store, needle)
            if found is None:
                raise UnknownActor(needle)
            ends.append(found.id)
        if ends[0] == ends[1]:
            raise BackchannelError(f"{a!r} and {b!r} are the same actor; name two different actors")
        return contact_paths(self.network(), *ends, max_len=max_len, limit=limit)

    def export(self, format: str = "json") -> str:
        from backchannel.present.export import EXPORTERS

        return EXPORTERS[format](self.store)

    def report(self) -> str:
        from backchannel.present.report import render_report

        return render_report(self.store)


def open(path: str | None = None, **settings) -> Corpus:  # noqa: A001 - the public name the docs promise
    """Open (or create) a corpus database: a SQLite path or a SQLAlchemy URL."""
    return Corpus(Settings.load(db=path, **settings))
