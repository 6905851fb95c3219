"""Ingest: turn paths, folders, JSON Lines and stdin into RawDocuments.

`read_inputs(paths, max_bytes)` yields, for each input, either a RawDocument or an UnreadableInput
error (never raises for one bad input), so that a run stores everything that can be read.
"""
from __future__ import annotations

import json
import sys
from dataclasses import replace
from collections.abc import Iterable, Iterator
from pathlib import Path

from backchannel.errors import UnreadableInput
from backchannel.ingest.html import from_html
from backchannel.models import RawDocument

TEXT_SUFFIXES = {".txt", ".md", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
RECORD_SUFFIXES = {".jsonl", ".json", ".ndjson"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | RECORD_SUFFIXES


def read_inputs(paths: Iterable[str], max_bytes: int) -> Iterator[RawDocument | UnreadableInput]:
    for path in paths:
        if path == "-":
            yield from _from_bytes("<stdin>", "stdin", sys.stdin.buffer.read(max_bytes + 1), ".txt", max_bytes)
            continue
        p = Path(path)
        if p.is_dir():
            files = _folder_files(p)
            if not files:
                yield UnreadableInput(str(p), "folder holds no .txt, .md, .html, .json or .jsonl files")
            for f in files:
                yield from _from_file(f, max_bytes)
        elif p.is_file():
            yield from _from_file(p, max_bytes)
        else:
            yield UnreadableInput(str(p), "no such file or folder")


def count_inputs(paths: Iterable[str]) -> int:
    """How many files `read_inputs` will open (for a progress bar); stdin counts as one."""
    total = 0
    for path in paths:
        p = Path(path)
        if p.is_dir():
            total += len(_folder_files(p)) or 1  # an unreadable folder still reports once
        else:
            total += 1
    return total


def _folder_files(folder: Path) -> list[Path]:
    """The files `read_inputs` reads from a folder: known suffixes, hidden files and folders skipped."""
    return sorted(f for f in folder.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES
                  and not any(part.startswith(".") for part in f.relative_to(folder).parts))


def _from_file(path: Path, max_bytes: int) -> Iterator[RawDocument | UnreadableInput]:
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        yield UnreadableInput(str(path), f"unsupported file type '{suffix or 'none'}' (use .txt, .md, .html, .json, .jsonl)")
        return
    try:
        size = path.stat().st_size
        if size > max_bytes:
            yield UnreadableInput(str(path), f"file is {size:,} bytes, over the {max_bytes:,}-byte limit (raise --max-bytes)")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield UnreadableInput(str(path), f"cannot read: {exc.strerror or exc}")
        return
    yield from _from_bytes(str(path), path.name, data, suffix, max_bytes)


def _decode(source: str, data: bytes) -> tuple[str, tuple[str, ...]]:
    if b"\x00" in data[:8192]:
        raise UnreadableInput(source, "binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8-sig"), ()
    except UnicodeDecodeError as exc:
        text = data.decode("utf-8", errors="replace")
        return text, (f"{source}: invalid UTF-8 at byte {exc.start}; undecodable bytes replaced with U+FFFD",)


def _from_bytes(source: str, name: str, data: bytes, suffix: str, max_bytes: int) -> Iterator[RawDocument | UnreadableInput]:
    if len(data) > max_bytes:
        yield UnreadableInput(source, f"input is over the {max_bytes:,}-byte limit (raise --max-bytes)")
        return
    try:
        text, warnings = _decode(source, data)
    except UnreadableInput as exc:
        yield exc
        return
    if not text.strip():
        yield UnreadableInput(source, "empty file")
        return
    if suffix in HTML_SUFFIXES:
        yield _checked(from_html(source, name, text, warnings=warnings))
    elif suffix in RECORD_SUFFIXES:
        yield from _from_records(source, text, suffix, warnings)
    else:
        yield RawDocument(source=source, name=name, text=text, warnings=warnings)


def _checked(doc: RawDocument | UnreadableInput) -> RawDocument | UnreadableInput:
    if isinstance(doc, RawDocument) and not (doc.text or "").strip():
        return UnreadableInput(doc.source, "no article text found in the page")
    return doc


def _from_records(source: str, text: str, suffix: str, warnings: tuple[str, ...]) -> Iterator[RawDocument | UnreadableInput]:
    if suffix == ".json":
        try:
            loaded = json.loads(text)
        except json.JSONDecodeError as exc:
            yield UnreadableInput(source, f"not valid JSON (line {exc.lineno}: {exc.msg})")
            return
        records = loaded if isinstance(loaded, list) else [loaded]
        numbered = [(f"{source}#{i + 1}", r) for i, r in enumerate(records)]
    else:
        numbered = []
        for lineno, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                numbered.append((f"{source}:{lineno}", json.loads(line)))
            except json.JSONDecodeError as exc:
                yield UnreadableInput(f"{source}:{lineno}", f"line is not JSON ({exc.msg})")
    for where, record in numbered:
        yield _from_record(where, record, warnings)


def _from_record(where: str, record: object, warnings: tuple[str, ...]) -> RawDocument | UnreadableInput:
    if not isinstance(record, dict):
        return UnreadableInput(where, "record is not a JSON object")
    body, html = record.get("text"), record.get("html")
    if not isinstance(body, str) and not isinstance(html, str):
        return UnreadableInput(where, "record has neither a 'text' nor an 'html' string field")
    url = record.get("url") if isinstance(record.get("url"), str) else None
    name = (url.rstrip("/").rsplit("/", 1)[-1] if url else "") or where.rsplit("/", 1)[-1]
    meta = {k: record[k] for k in ("title", "outlet", "published") if isinstance(record.get(k), str)}
    if isinstance(body, str):
        if not body.strip():
            return UnreadableInput(where, "record's 'text' is empty")
        return RawDocument(source=where, name=name, text=body, url=url, warnings=warnings, **meta)
    doc = _checked(from_html(where, name, html, url=url, warnings=warnings))
    if isinstance(doc, RawDocument):
        doc = replace(doc, **meta)
    return doc
