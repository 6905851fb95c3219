"""backchannel.ingest: files, folders, stdin, JSON and JSON Lines, HTML -> RawDocuments or errors.

`read_inputs` never raises for one bad input: it yields an UnreadableInput naming the input and the
reason, and goes on with the rest. (The same cases through the CLI are in test_cli.py.)
"""
import io
import json
import sys

import pytest

from backchannel.config import Settings
from backchannel.errors import UnreadableInput
from backchannel.ingest import count_inputs, read_inputs
from backchannel.models import RawDocument

from conftest import ARTICLES

ARTICLE = "Envoys meet in Doha\n\nQatar hosted the envoys in Doha on Monday.\n"
LIMIT = 10_000_000


def read(*paths, max_bytes=LIMIT):
    return list(read_inputs([str(p) for p in paths], max_bytes))


def one_error(items):
    errors = [i for i in items if isinstance(i, UnreadableInput)]
    assert len(errors) == 1, items
    return errors[0]


def test_default_size_limit_is_ten_million_bytes():
    assert Settings().max_bytes == 10_000_000


def test_text_file(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    [doc] = read(tmp_path / "a.txt")
    assert isinstance(doc, RawDocument)
    assert (doc.source, doc.name, doc.text, doc.warnings) == (str(tmp_path / "a.txt"), "a.txt", ARTICLE, ())


def test_byte_order_mark_is_dropped(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"\xef\xbb\xbf" + ARTICLE.encode())
    [doc] = read(tmp_path / "a.txt")
    assert doc.text == ARTICLE


def test_invalid_utf8_is_replaced_with_a_warning(tmp_path):
    (tmp_path / "latin.txt").write_bytes("Envoys met in Montréal on Monday.".encode("latin-1"))
    [doc] = read(tmp_path / "latin.txt")
    assert "Montr\ufffdal" in doc.text
    [warning] = doc.warnings
    assert str(tmp_path / "latin.txt") in warning and "invalid UTF-8" in warning


@pytest.mark.parametrize("name, data, reason", [
    ("empty.txt", b"", "empty file"),
    ("blank.md", b"  \n\t\n", "empty file"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    ("photo.png", b"\x89PNG\r\n\x1a\n", "unsupported file type '.png'"),
    ("broken.json", b'{"text": "Envoys met', "not valid JSON"),
    ("list.json", b"[1, 2]", "record is not a JSON object"),
    ("notext.jsonl", b'{"title": "Envoys meet"}\n', "neither a 'text' nor an 'html'"),
    ("emptytext.jsonl", b'{"text": "   "}\n', "'text' is empty"),
    ("nav.html", b"<html><body></body></html>", "no article text found"),
])
def test_unreadable_inputs_yield_an_error_naming_the_input(tmp_path, name, data, reason):
    (tmp_path / name).write_bytes(data)
    errors = [i for i in read(tmp_path / name) if isinstance(i, UnreadableInput)]
    assert errors, f"{name} was accepted"
    assert all(str(tmp_path / name) in e.source for e in errors)
    assert any(reason in e.reason for e in errors), [e.reason for e in errors]


def test_missing_path(tmp_path):
    err = one_error(read(tmp_path / "nowhere.txt"))
    assert err.reason == "no such file or folder"


@pytest.mark.parametrize("size, accepted", [(100, True), (101, False)])
def test_size_limit_is_inclusive(tmp_path, size, accepted):
    (tmp_path / "a.txt").write_bytes(b"x" * size)
    [item] = read(tmp_path / "a.txt", max_bytes=100)
    assert isinstance(item, RawDocument) is accepted
    if not accepted:
        assert "over the 100-byte limit" in item.reason and "--max-bytes" in item.reason


def test_json_lines_bad_line_does_not_stop_the_others(tmp_path):
    lines = [json.dumps({"text": "Qatar hosted the envoys.", "title": "One", "published": "2024-02-13",
                         "outlet": "Example Wire", "url": "https://example.org/world/one/"}),
             "{not json",
             "",
             json.dumps({"text": "Egypt warned the delegations."})]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = read(tmp_path / "feed.jsonl")
    err = one_error(items)
    assert err.source == f"{tmp_path / 'feed.jsonl'}:2" and "line is not JSON" in err.reason
    docs = [i for i in items if isinstance(i, RawDocument)]
    assert [d.source for d in docs] == [f"{tmp_path / 'feed.jsonl'}:1", f"{tmp_path / 'feed.jsonl'}:4"]
    first = docs[0]
    assert (first.name, first.title, first.published, first.outlet, first.url) == (
        "one", "One", "2024-02-13", "Example Wire", "https://example.org/world/one/")
    assert docs[1].name == "feed.jsonl:4"


def test_json_array_of_records(tmp_path):
    (tmp_path / "batch.json").write_text(json.dumps([{"text": "Qatar hosted the envoys."}, {"text": "Egypt warned them."}]))
    docs = read(tmp_path / "batch.json")
    assert [d.source.rsplit("/", 1)[-1] for d in docs] == ["batch.json#1", "batch.json#2"]


def test_record_with_html_goes_through_the_extractor(tmp_path):
    html = (ARTICLES / "doha_envoys.html").read_text()
    (tmp_path / "pages.jsonl").write_text(json.dumps({"html": html, "title": "Given title"}) + "\n")
    [doc] = read(tmp_path / "pages.jsonl")
    assert "Qatari mediators hosted envoys" in doc.text
    assert "<p>" not in doc.text and "Subscribe" not in doc.text
    assert doc.title == "Given title"  # the record's own metadata wins


def test_html_page_text_and_metadata():
    [doc] = read(ARTICLES / "doha_envoys.html")
    assert doc.text.startswith("Envoys meet in Doha")
    assert "Qatari mediators hosted envoys" in doc.text
    assert "Home" not in doc.text  # navigation is not article text
    assert doc.published == "2024-02-14"
    assert doc.outlet == "The Daily Example"


def test_folder_is_read_recursively_skipping_hidden_and_unknown_files(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / ".cache").mkdir()
    (tmp_path / "b.txt").write_text(ARTICLE)
    (tmp_path / "sub" / "a.md").write_text(ARTICLE)
    (tmp_path / ".hidden.txt").write_text(ARTICLE)
    (tmp_path / ".cache" / "c.txt").write_text(ARTICLE)
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    docs = read(tmp_path)
    assert [d.name for d in docs] == ["b.txt", "a.md"]
    assert count_inputs([str(tmp_path)]) == 2  # the progress bar counts what is read


@pytest.mark.parametrize("files", [[], ["notes.pdf", "photo.png"], [".hidden.txt"]])
def test_folder_with_nothing_readable(tmp_path, files):
    for name in files:
        (tmp_path / name).write_bytes(b"%PDF-1.4 \x00\x01")
    err = one_error(read(tmp_path))
    assert err.source == str(tmp_path) and "folder holds no" in err.reason
    assert count_inputs([str(tmp_path)]) == 1


def test_other_inputs_survive_a_bad_one(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "good.txt").write_text(ARTICLE)
    items = read(tmp_path / "empty.txt", tmp_path / "nowhere.txt", tmp_path / "good.txt")
    assert [type(i).__name__ for i in items] == ["UnreadableInput", "UnreadableInput", "RawDocument"]


@pytest.mark.parametrize("data, accepted", [(ARTICLE.encode(), True), (b"x" * 101, False), (b"", False)])
def test_stdin(monkeypatch, data, accepted):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    [item] = list(read_inputs(["-"], 100 if not accepted else LIMIT))
    assert isinstance(item, RawDocument) is accepted
    assert item.source == "<stdin>"
    if accepted:
        assert item.name == "stdin" and item.text == ARTICLE


def test_count_inputs():
    assert count_inputs(["-", "missing.txt"]) == 2
    assert count_inputs([str(ARTICLES)]) == len(list(ARTICLES.iterdir()))
