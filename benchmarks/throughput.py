"""Ingest throughput against spaCy alone, in words per second.

    .venv/bin/python benchmarks/throughput.py [FOLDER] [--repeat N] [--copies K]

Reads FOLDER (default examples/dispatches) the way ingest does, writes each text K times (each copy
with a short unique last paragraph, so deduplication keeps it) as .txt files into a temporary folder,
and then, alternating N times, times
  (a) backchannel.open(fresh temporary SQLite file).ingest(that folder), fusion included, and
  (b) spaCy's nlp.pipe alone over the same cleaned texts, same model and batch size.
Both are warmed up first, and the best run of each counts. HTML and JSON inputs are extracted once
while the folder is read, so (a) times reading text files, not trafilatura. It prints a table and
ends with one JSON line: {"ingest_wps": ..., "spacy_wps": ..., "ratio": ingest_wps / spacy_wps}.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

import backchannel
from backchannel.analyse.nlp import load
from backchannel.clean import clean_text
from backchannel.config import Settings
from backchannel.errors import UnreadableInput
from backchannel.ingest import read_inputs

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "dispatches"
TARGET_RATIO = 0.6


def read_texts(folder: str, settings: Settings) -> list[str]:
    texts = []
    for item in read_inputs([folder], settings.max_bytes):
        if isinstance(item, UnreadableInput):
            print(f"skipped {item.source}: {item.reason}", file=sys.stderr)
        else:
            texts.append(item.text or "")
    return texts


def write_copies(texts: list[str], copies: int, folder: Path) -> list[str]:
    """Write every text `copies` times; return the raw texts written, in file order."""
    written = []
    for k in range(copies):
        for i, text in enumerate(texts):
            body = text if copies == 1 else f"{text.rstrip()}\n\nThis is benchmark copy number {k + 1} of the text.\n"
            (folder / f"{k:04d}_{i:04d}.txt").write_text(body, encoding="utf-8")
            written.append(body)
    return written


def time_ingest(corpus_dir: Path, db: Path) -> tuple[float, int]:
    start = time.perf_counter()
    report = backchannel.open(str(db)).ingest(str(corpus_dir))
    return time.perf_counter() - start, len(report.stored)


def time_spacy(nlp, texts: list[str], settings: Settings) -> float:
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=settings.batch_size, n_process=settings.n_process):
        pass
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", default=str(EXAMPLES), help="folder of articles (default: the examples)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of each measurement (default 3)")
    parser.add_argument("--copies", type=int, default=1, help="copies of each text, for a larger sample (default 1)")
    args = parser.parse_args()
    settings = Settings.load()

    with tempfile.TemporaryDirectory(prefix="backchannel-bench-") as tmp:
        corpus_dir = Path(tmp) / "corpus"
        corpus_dir.mkdir()
        raw = write_copies(read_texts(args.folder, settings), max(1, args.copies), corpus_dir)
        cleaned = [text for text in (clean_text(r).text for r in raw) if text.strip()]
        words = sum(len(text.split()) for text in cleaned)
        nlp = load(settings.model)

        time_spacy(nlp, cleaned, settings)  # warm-up: model, vocab, lazily loaded patterns and caches
        _, stored = time_ingest(corpus_dir, Path(tmp) / "warmup.db")
        if stored != len(cleaned):
            sys.exit(f"ingest stored {stored} of {len(cleaned)} texts (duplicates or failures); "
                     "the two measurements would not cover the same words")
        ingest_s, spacy_s = [], []
        for run in range(max(1, args.repeat)):
            ingest_s.append(time_ingest(corpus_dir, Path(tmp) / f"run{run}.db")[0])
            spacy_s.append(time_spacy(nlp, cleaned, settings))

    ingest_wps, spacy_wps = words / min(ingest_s), words / min(spacy_s)
    ratio = ingest_wps / spacy_wps
    print(f"{len(cleaned)} documents, {words:,} words; model {settings.model}, batch {settings.batch_size}, "
          f"{len(ingest_s)} runs each (best counts)")
    print(f"{'':16} {'best s':>8} {'median s':>9} {'words/s':>9}")
    print(f"{'ingest':16} {min(ingest_s):8.3f} {statistics.median(ingest_s):9.3f} {ingest_wps:9,.0f}")
    print(f"{'spaCy nlp.pipe':16} {min(spacy_s):8.3f} {statistics.median(spacy_s):9.3f} {spacy_wps:9,.0f}")
    print(f"ratio ingest/spaCy {ratio:.2f} (target >= {TARGET_RATIO})")
    print(json.dumps({"ingest_wps": round(ingest_wps, 1), "spacy_wps": round(spacy_wps, 1), "ratio": round(ratio, 3)}))


if __name__ == "__main__":
    main()
