"""Cross-document work after every ingest: actors, duplicates and stories, and the dates of
articles that only their story can date (with their events re-dated to match)."""
from __future__ import annotations

from collections import Counter, defaultdict

from backchannel.analyse.anchor import redate
from backchannel.analyse.published import MAX_ANCHOR_DAYS, anchor_of, date_from_story
from backchannel.analyse.times import find_timexes
from backchannel.config import Settings
from backchannel.fuse.actors import load_user_actors, resolve_actors
from backchannel.fuse.stories import group_stories, lede_end
from backchannel.models import Document
from backchannel.store import Store


def fuse_corpus(store: Store, settings: Settings) -> None:
    rows = store.mention_rows()
    actors, assignment = resolve_actors(rows, load_user_actors(settings.actors_file))
    store.replace_actors(actors, assignment)
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
        _date_by_story(store, d, by_story[links.story[d.id]])


def _date_by_story(store: Store, doc: Document, siblings: list[Document]) -> None:
    own = doc.published
    if own.basis in ("metadata", "text") or (own.window is not None and own.window.days <= MAX_ANCHOR_DAYS):
        return
    for sibling in siblings:
        if sibling.id == doc.id:
            continue
        narrowed = date_from_story(own, sibling.published)
        if narrowed is None:
            continue
        timexes = find_timexes(doc.text, anchor_of(narrowed))
        dates = {eid: redate(anchor, timexes, narrowed) for eid, anchor in store.event_anchors(doc.id).items()}
        store.set_published(doc.id, narrowed, timexes, dates)
        return
