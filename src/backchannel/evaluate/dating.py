"""Publication dating against TimeML creation times, with the creation time hidden.

Each file's `<TEXT>` is dated as ingest dates a plain text with no metadata and no captions
(`date_document(text, (), None, text)`); the truth is the day of its DCT.
"""
from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from backchannel.analyse.published import date_document
from backchannel.evaluate.timeml import read_timeml, timeml_files
from backchannel.models import Published

NARROW_DAYS = 31  # a window this narrow (a month or less) is a usable publication date


@dataclass(frozen=True)
class DatedDocument:
    name: str
    truth: date
    published: Published

    @property
    def width(self) -> int | None:
        return self.published.window.days if self.published.window else None

    @property
    def contains(self) -> bool:
        w = self.published.window
        return w is not None and w.earliest <= self.truth <= w.latest


@dataclass(frozen=True)
class DatingResult:
    documents: tuple[DatedDocument, ...]
    skipped: tuple[str, ...] = ()  # files whose DCT names no day

    @property
    def n(self) -> int:
        return len(self.documents)

    def share(self, count: int) -> float:
        return count / self.n if self.n else 0.0

    @property
    def contains(self) -> float:
        """Share of documents whose window holds the true day."""
        return self.share(sum(d.contains for d in self.documents))

    @property
    def unknown(self) -> float:
        """Share of documents given no window at all."""
        return self.share(sum(d.width is None for d in self.documents))

    @property
    def median_width_days(self) -> float | None:
        widths = [d.width for d in self.documents if d.width is not None]
        return statistics.median(widths) if widths else None

    @property
    def narrow(self) -> float:
        """Share of documents with a window of at most NARROW_DAYS days."""
        return self.share(sum(d.width is not None and d.width <= NARROW_DAYS for d in self.documents))

    @property
    def narrow_and_right(self) -> float:
        """Share of documents with a window of at most NARROW_DAYS days that holds the true day."""
        return self.share(sum(d.contains and d.width <= NARROW_DAYS for d in self.documents))

    def to_json(self) -> dict:
        width = self.median_width_days
        return {"contains": round(self.contains, 4), "unknown": round(self.unknown, 4),
                "median_width_days": width, "narrow_and_right": round(self.narrow_and_right, 4), "n": self.n}


def date_timeml_document(path: Path, name: str) -> DatedDocument | None:
    document = read_timeml(path, name)
    if document.dct is None:
        return None
    return DatedDocument(name, document.dct, date_document(document.text, (), None, document.text))


def evaluate_dating(path: str | Path) -> DatingResult:
    """Date every TimeML file at `path` (a file or a folder, read recursively) from its text alone."""
    dated, skipped = [], []
    for file, name in timeml_files(path):
        result = date_timeml_document(file, name)
        if result is None:
            skipped.append(name)
        else:
            dated.append(result)
    return DatingResult(tuple(dated), tuple(skipped))
