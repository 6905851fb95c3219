"""Near-duplicates (MinHash LSH) and stories (articles that tell the same happening).

Two articles tell the same story when they name the same cast (actors weighted by how often the
article names them and by how rare they are in the corpus: an actor every article names says
nothing) and their ledes (first full paragraphs) name the same protagonists, with publication
windows within MAX_GAP_DAYS of each other if both are known; or when they were published within
CLOSE_DAYS of each other and still share much of their cast (outlets lead with different angles). Stories are the connected
groups of such pairs; their ids derive from their first document, so re-running gives the same ids.
"""
from __future__ import annotations

import hashlib
import math
from collections import Counter
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH

from backchannel.clean import NUM_PERM, SCHEME
from backchannel.fuse import Groups
from backchannel.models import Document

HASH_DTYPE = np.uint32  # what datasketch uses for the affine32 scheme
SAME_CAST = 0.45  # cosine of the rarity-weighted actor profiles of whole articles
SAME_LEDE = 0.5  # ... and of their ledes
SAME_CAST_SAME_DAYS = 0.4  # or: this much of a shared cast, published within CLOSE_DAYS of each other
CLOSE_DAYS = 2
MAX_GAP_DAYS = 7


@dataclass(frozen=True)
class StoryLinks:
    story: dict[str, str]  # document id -> story id
    duplicate_of: dict[str, str | None]


def _unpack(blob: bytes) -> MinHash:
    return MinHash(num_perm=NUM_PERM, hashvalues=np.frombuffer(blob, dtype=HASH_DTYPE), scheme=SCHEME)


def near_duplicates(docs: list[Document], minhashes: dict[str, bytes], threshold: float) -> dict[str, str | None]:
    """Each document's earlier near-duplicate (by name, then id), or None."""
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    duplicate_of: dict[str, str | None] = {}
    for doc in docs:  # docs come sorted, so the first of a group is the original
        blob = minhashes.get(doc.id)
        if blob is None:
            duplicate_of[doc.id] = None
            continue
        m = _unpack(blob)
        earlier = sorted(lsh.query(m))
        duplicate_of[doc.id] = earlier[0] if earlier else None
        if not earlier:
            lsh.insert(doc.id, m)
    return duplicate_of


def _gap_days(a: Document, b: Document) -> int | None:
    wa, wb = a.published.window, b.published.window
    if wa is None or wb is None or wa.days > 31 or wb.days > 31:
        return None
    if wa.overlaps(wb):
        return 0
    return min(abs((wa.earliest - wb.latest).days), abs((wb.earliest - wa.latest).days))


def _profiles(actor_counts: dict[str, Counter], df: Counter) -> dict[str, dict[str, float]]:
    n = len(actor_counts)
    profiles = {}
    for doc_id, counts in actor_counts.items():
        vec = {a: c * math.log((1 + n) / df[a]) for a, c in counts.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        profiles[doc_id] = {a: v / norm for a, v in vec.items()}
    return profiles


def lede_end(text: str, min_words: int = 20) -> int:
    """Where the first full paragraph ends (headlines, bylines and captions are shorter)."""
    offset = 0
    for line in text.split("\n"):
        offset += len(line) + 1
        if len(line.split()) >= min_words:
            return offset
    return len(text)


def similarity(p: dict[str, float], q: dict[str, float]) -> float:
    return sum(v * q.get(a, 0.0) for a, v in p.items())


def group_stories(docs: list[Document], actor_counts: dict[str, Counter], lede_counts: dict[str, Counter],
                  minhashes: dict[str, bytes], duplicate_threshold: float) -> StoryLinks:
    duplicate_of = near_duplicates(docs, minhashes, duplicate_threshold)
    counts = {d.id: actor_counts.get(d.id, Counter()) for d in docs}
    df = Counter(a for c in counts.values() for a in c)
    profiles = _profiles(counts, df)
    ledes = _profiles({d.id: lede_counts.get(d.id, Counter()) for d in docs}, df)
    groups = Groups()
    for i, a in enumerate(docs):
        for b in docs[i + 1:]:
            same = duplicate_of.get(b.id) == a.id or duplicate_of.get(a.id) == b.id
            if not same:
                gap = _gap_days(a, b)
                cast = similarity(profiles[a.id], profiles[b.id])
                close = gap is not None and gap <= CLOSE_DAYS and max(a.published.window.days, b.published.window.days) <= 3
                same = ((gap is None or gap <= MAX_GAP_DAYS) and cast >= SAME_CAST
                        and similarity(ledes[a.id], ledes[b.id]) >= SAME_LEDE) or (close and cast >= SAME_CAST_SAME_DAYS)
            if same:
                groups.union(a.id, b.id)
    story = {d.id: "s" + hashlib.sha1(groups.find(d.id).encode()).hexdigest()[:8] for d in docs}
    return StoryLinks(story, duplicate_of)
