"""backchannel.present.export: the JSON export contract (design/export-format.md) and its views.

A hand-built store pins exact values; the fixture articles, ingested once through the CLI, check that
whatever the analysis finds comes out in the contract's shape with offsets into the stored text.
"""
import csv
import io
import json

import pytest

from backchannel.present.export import EXPORTERS, export_data, to_csv, to_json, to_jsonl

from conftest import run_cli
from helpers import HELSINKI, OSLO, build_hand_store, check_export, hand_event_ids


@pytest.fixture(scope="module")
def store():
    return build_hand_store()


def test_hand_built_store_exports_to_the_contract(store):
    data = export_data(store)
    check_export(data, {"d-oslo": OSLO, "d-helsinki": HELSINKI})
    assert [d["id"] for d in data["documents"]] == ["d-helsinki", "d-oslo"]
    assert data["claims"] == [] and data["quotes"] == []


def test_exact_event_records(store):
    ids = hand_event_ids()
    events = {e["type"]: e for e in export_data(store)["events"]}
    assert events["CONSULT"] == {
        "id": ids["CONSULT"], "type": "CONSULT", "mode": None, "summary": "Norway hosted Sweden",
        "date": {"value": "2024-02-12", "earliest": "2024-02-12", "latest": "2024-02-12"},
        "actors": ["a-norway"], "recipients": ["a-sweden"], "negated": False, "status": "occurred", "outlets": 1,
        "evidence": [{"document": "d-oslo", "sentence": "Norway hosted Sweden in Oslo on Monday.",
                      "start": 13, "end": 52}]}
    assert events["ACCUSE"]["date"] == {"value": "2024-03", "earliest": "2024-03-01", "latest": "2024-03-31"}
    assert events["AGREE"]["date"] is None  # a date the text does not fix is null, not a guess
    assert events["AGREE"]["status"] == "planned"


def test_document_records(store):
    docs = {d["id"]: d for d in export_data(store)["documents"]}
    assert docs["d-oslo"]["published"] == {"value": "2024-02-13", "earliest": "2024-02-13", "latest": "2024-02-13",
                                           "basis": "metadata"}
    assert docs["d-helsinki"]["published"] == {"value": None, "earliest": None, "latest": None, "basis": "unknown"}
    assert docs["d-helsinki"]["outlet"] == "Example Post" and docs["d-helsinki"]["story"] == "s-2"


def test_the_checker_catches_broken_offsets(store):
    data = export_data(store)
    data["events"][0]["evidence"][0]["start"] += 1
    with pytest.raises(AssertionError, match="do not slice"):
        check_export(data, {"d-oslo": OSLO, "d-helsinki": HELSINKI})


@pytest.mark.parametrize("breakage", [
    lambda d: d["events"][0]["date"].update(earliest="2024-02-20"),  # ends before it starts
    lambda d: d["events"][0]["date"].update(value="2024-03"),  # value does not hold the window
    lambda d: d["events"][0].update(type="consult"),
    lambda d: d["events"][0].update(actors=["a-nobody"]),
    lambda d: d["documents"][0].pop("story"),
    lambda d: d.update(version="1"),
])
def test_the_checker_catches_contract_breaks(store, breakage):
    data = export_data(store)
    breakage(data)
    with pytest.raises((AssertionError, KeyError)):
        check_export(data)


def test_json_is_the_export_data(store):
    assert json.loads(to_json(store)) == export_data(store)
    assert to_json(store) == to_json(store)  # stable ids and order


def test_jsonl_tags_each_record_with_what_it_is(store):
    records = [json.loads(line) for line in to_jsonl(store).splitlines()]
    kinds = [r.pop("record") for r in records]
    assert kinds == ["document"] * 2 + ["actor"] * 3 + ["event"] * 3
    data = export_data(store)
    assert records == data["documents"] + data["actors"] + data["events"]


def test_csv_has_one_row_per_event_with_names(store):
    rows = list(csv.DictReader(io.StringIO(to_csv(store))))
    assert [r["type"] for r in rows] == ["CONSULT", "ACCUSE", "AGREE"]
    assert rows[0]["actors"] == "Norway" and rows[0]["recipients"] == "Sweden"
    assert (rows[0]["earliest"], rows[0]["latest"], rows[0]["start"], rows[0]["end"]) == ("2024-02-12", "2024-02-12", "13", "52")
    assert rows[2]["date"] == "" and rows[2]["actors"] == "Norway; Sweden"


def test_exporters_are_json_jsonl_csv():
    assert set(EXPORTERS) == {"json", "jsonl", "csv"}


# -- the fixture articles, ingested once -------------------------------------------------------------

def test_ingested_export_follows_the_contract(corpus_run):
    check_export(corpus_run.export, corpus_run.texts)


def test_ingested_export_holds_every_document(corpus_run):
    names = sorted(d["name"] for d in corpus_run.export["documents"])
    assert names == ["cairo_talks.txt", "doha_envoys.html", "oslo-offer", "records.jsonl:2", "script_title.txt"]


def test_ingested_export_cites_evidence(corpus_run):
    # the mechanism needs at least one event to show; the fixtures are written full of plain triggers
    events = corpus_run.export["events"]
    assert events, "no events found in any fixture article"
    for e in events:
        for ev in e["evidence"]:
            assert corpus_run.texts[ev["document"]][ev["start"]:ev["end"]] == ev["sentence"]


@pytest.mark.parametrize("name, basis, day", [
    ("oslo-offer", "metadata", "2024-03-04"),  # JSON Lines field
    ("records.jsonl:2", "metadata", "2024-03-05"),
    ("doha_envoys.html", "metadata", "2024-02-14"),  # the page's article:published_time
    ("cairo_talks.txt", "text", "2024-02-13"),  # "Published 13 February 2024" under the headline
])
def test_ingested_publication_dates(corpus_run, name, basis, day):
    [doc] = [d for d in corpus_run.export["documents"] if d["name"] == name]
    assert doc["published"]["basis"] == basis
    assert doc["published"]["earliest"] == doc["published"]["latest"] == day


def test_ingested_metadata_is_carried(corpus_run):
    docs = {d["name"]: d for d in corpus_run.export["documents"]}
    assert docs["oslo-offer"]["title"] == "Norway offers to host talks"
    assert docs["oslo-offer"]["outlet"] == "Example Wire"
    assert docs["oslo-offer"]["source"].endswith("records.jsonl:1")
    assert docs["doha_envoys.html"]["outlet"] == "The Daily Example"
    assert docs["cairo_talks.txt"]["title"] == "Truce talks resume in Cairo"


def test_export_to_a_file_matches_stdout(corpus_run, tmp_path):
    out = tmp_path / "export.json"
    result = run_cli("--db", str(corpus_run.db), "export", "--format", "json", "-o", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8")) == corpus_run.export
