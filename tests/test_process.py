"""backchannel.process: ingest -> clean -> analyse -> store -> fuse, with per-document isolation.

These run the real pipeline on two-line texts written for the tests; they check the mechanism (what is
stored, skipped, reported), never what the statistical stages find.
"""
import json

import pytest

from backchannel import process, query
from backchannel.config import Settings
from backchannel.models import RawDocument
from backchannel.store import Store

NOTES = {
    "a.txt": "Oslo note\n\nNorway hosted the envoys in Oslo on Monday.\n",
    "b.txt": "Cairo note\n\nEgypt warned the delegations on Sunday.\n",
    "c.txt": "Doha note\n\nQatar urged both sides to return to the talks.\n",
}


@pytest.fixture
def setup(tmp_path):
    for name, text in NOTES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    settings = Settings.load(db="sqlite://", batch_size=2)
    return tmp_path, settings, Store(settings.db_url)


def names(store):
    return sorted(d.name for d in store.documents())


def run(store, settings, *paths, progress=None):
    return process.ingest(store, settings, [str(p) for p in paths], progress)


def test_everything_readable_is_stored_and_fused(setup):
    folder, settings, store = setup
    seen = []
    report = run(store, settings, folder, progress=seen.append)
    assert report.ok and not report.failed and not report.skipped
    assert len(report.stored) == 3 and names(store) == ["a.txt", "b.txt", "c.txt"]
    assert all(d.story for d in store.documents())  # the fusion ran
    assert sorted(seen) == sorted(str(folder / n) for n in NOTES)  # one progress tick per input


def test_reingesting_is_a_no_op(setup):
    folder, settings, store = setup
    run(store, settings, folder)
    before = [(d.id, d.text, d.story) for d in store.documents()]
    report = run(store, settings, folder)
    assert report.stored == [] and len(report.skipped) == 3 and report.ok
    assert [(d.id, d.text, d.story) for d in store.documents()] == before


def test_the_same_text_twice_in_one_run_is_stored_once(setup):
    folder, settings, store = setup
    (folder / "copy.md").write_text("  " + NOTES["a.txt"].replace("\n\n", "\n\n\n"), encoding="utf-8")
    report = run(store, settings, folder / "a.txt", folder / "copy.md")
    assert len(report.stored) == 1 and report.skipped == [str(folder / "copy.md")]


def test_an_analysis_failure_skips_only_that_document(setup, monkeypatch):
    folder, settings, store = setup
    real = process.analyse_document

    def flaky(doc, published):
        if "Egypt" in doc.text:
            raise RuntimeError("parser exploded")
        return real(doc, published)

    monkeypatch.setattr(process, "analyse_document", flaky)
    report = run(store, settings, folder)
    assert not report.ok
    assert report.failed == [(str(folder / "b.txt"), "analysis failed (RuntimeError: parser exploded)")]
    assert names(store) == ["a.txt", "c.txt"]  # the others in the same batch and the next batch are stored


def test_a_preparation_failure_skips_only_that_document(setup, monkeypatch):
    folder, settings, store = setup
    real = process.date_document

    def flaky(raw, captions, metadata, body):
        if "Egypt" in raw:
            raise ValueError("day is out of range for month")
        return real(raw, captions, metadata, body)

    monkeypatch.setattr(process, "date_document", flaky)
    report = run(store, settings, folder)
    assert report.failed == [(str(folder / "b.txt"), "preparation failed (ValueError: day is out of range for month)")]
    assert names(store) == ["a.txt", "c.txt"]


def test_a_text_of_nothing_but_boilerplate_is_refused(setup):
    folder, settings, store = setup
    (folder / "promo.txt").write_text("Subscribe to our newsletter\nShare this article\n© 2024 Example News\n")
    report = run(store, settings, folder / "promo.txt", folder / "a.txt")
    assert report.failed == [(str(folder / "promo.txt"), "nothing left after removing boilerplate")]
    assert names(store) == ["a.txt"]


def test_a_warning_is_reported_once_per_file(setup):
    folder, settings, store = setup
    lines = [json.dumps({"text": "Norway hosted the envoys in Montréal."}, ensure_ascii=False),
             json.dumps({"text": "Sweden sent an observer to Montréal."}, ensure_ascii=False)]
    (folder / "feed.jsonl").write_bytes("\n".join(lines).encode("latin-1"))
    report = run(store, settings, folder / "feed.jsonl")
    assert len(report.stored) == 2
    assert len(report.warnings) == 1 and "invalid UTF-8" in report.warnings[0]


@pytest.mark.parametrize("text, title", [
    ("Oslo note\n\nNorway hosted the envoys.", "Oslo note"),
    (" ".join(["word"] * 30) + "\nMore.", None),  # a first line that reads as a paragraph is no title
])
def test_title_from_the_first_line(text, title):
    doc, minhash = process._prepare(RawDocument(source="x.txt", name="x.txt", text=text))
    assert doc.title == title
    assert doc.id == "d" + doc.content_hash[:12] and len(minhash) > 0


def test_metadata_title_wins():
    doc, _ = process._prepare(RawDocument(source="x", name="x", text="Oslo note\n\nNorway hosted the envoys.",
                                          title="Given", published="2024-02-13"))
    assert doc.title == "Given"
    assert doc.published.basis == "metadata"


def test_a_yearless_dateline_takes_its_year_from_the_collection(tmp_path):
    (tmp_path / "a.txt").write_text("Oslo talks\nPublished 5 March 2024\n\nNorway hosted the envoys in Oslo on Monday.\n")
    (tmp_path / "b.txt").write_text("Swap done\n\nOSLO, Mar 4 (Reuters) - Norway freed two Danes on Monday.\n")
    settings = Settings.load(db="sqlite://")
    store = Store(settings.db_url)
    run(store, settings, tmp_path)
    b = next(d for d in store.documents() if d.name == "b.txt")
    assert str(b.published.window.earliest) == str(b.published.window.latest) == "2024-03-04"
    freed = [e for e in query.events(store) if e.evidence[0].document == b.id]
    assert freed and str(freed[0].date.earliest) == "2024-03-04"  # its Monday, re-read under the new date
