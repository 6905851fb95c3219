"""backchannel.present.export: the JSON export contract (design/export-format.md) and its views.

A hand-built store pins exact values; the fixture articles, ingested once through the CLI, check that
whatever the analysis finds comes out in the contract's shape with offsets into the stored text.
"""
import csv
import io
import json
from datetime import date, timedelta

import networkx as nx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from backchannel.dates import month_window
from backchannel.models import DateWindow
from backchannel.present.export import (EXPORTERS, export_data, timelinejs_dates, to_csv, to_gexf, to_graphml, to_json,
                                        to_jsonl, to_plover, to_timelinejs)

from conftest import run_cli
from helpers import (HARBOUR, HELSINKI, OSLO, QUIET, build_hand_store, build_harbour_store, build_talks_store,
                     check_export, hand_event_ids)


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
                      "start": 13, "end": 52}],
        "versions": [{"document": "d-oslo", "actors": ["a-norway"], "recipients": ["a-sweden"],
                      "date": {"value": "2024-02-12", "earliest": "2024-02-12", "latest": "2024-02-12"}}],
        "differences": [], "quotes": []}
    assert events["ACCUSE"]["date"] == {"value": "2024-03", "earliest": "2024-03-01", "latest": "2024-03-31"}
    assert events["AGREE"]["date"] is None  # a date the text does not fix is null, not a guess
    assert events["AGREE"]["status"] == "planned"


def test_document_records(store):
    docs = {d["id"]: d for d in export_data(store)["documents"]}
    assert docs["d-oslo"]["published"] == {"value": "2024-02-13", "earliest": "2024-02-13", "latest": "2024-02-13",
                                           "basis": "metadata"}
    assert docs["d-helsinki"]["published"] == {"value": None, "earliest": None, "latest": None, "basis": "unknown"}
    assert docs["d-helsinki"]["outlet"] == "Example Post" and docs["d-helsinki"]["story"] == "s-2"


@pytest.fixture(scope="module")
def harbour():
    return export_data(build_harbour_store())


def test_quotes_follow_the_contract(harbour):
    check_export(harbour, {"d-harbour": HARBOUR, "d-quiet": QUIET})
    quotes = {q["text"]: q for q in harbour["quotes"]}
    weber = quotes["Weber accused Malta of stalling the talks"]
    assert {k: weber[k] for k in ("speaker", "speaker_text", "kind", "cue", "anonymous")} == {
        "speaker": "a-weber", "speaker_text": "she", "kind": "indirect", "cue": "tell", "anonymous": False}
    assert weber["evidence"] == [{"document": "d-harbour", "start": HARBOUR.index("Weber accused"), "end": len(HARBOUR),
                                  "sentence": "Weber accused Malta of stalling the talks, she told reporters."}]
    unnamed = quotes["Malta reportedly rejected a second clause"]
    assert (unnamed["speaker"], unnamed["speaker_text"], unnamed["anonymous"]) == (
        None, "a person familiar with the talks", True)
    assert quotes["We will sign again next year"]["speaker"] is None


def test_a_statement_event_lists_the_quotations_that_voice_it(harbour):
    events = {e["type"]: e for e in harbour["events"]}
    [weber] = [q["id"] for q in harbour["quotes"] if q["text"].startswith("Weber accused")]
    assert events["ACCUSE"]["quotes"] == [weber]  # Weber's own words, in the sentence of her accusation
    assert events["AGREE"]["quotes"] == []  # Weber reports the accord; she is not one of its actors


def test_each_document_carries_its_sourcing(harbour):
    docs = {d["id"]: d for d in harbour["documents"]}
    assert docs["d-harbour"]["sourcing"] == {
        "events": 4, "quotes": 4, "claims": 0, "named": 4, "anonymous": 2, "unattributed": 2, "hedged": 2,
        "hedges": {"reportedly": 1, "could": 1}, "anonymous_share": 0.333}
    assert docs["d-quiet"]["sourcing"]["events"] == 0 and docs["d-quiet"]["sourcing"]["anonymous_share"] == 0


def test_jsonl_holds_the_quotes():
    store = build_harbour_store()
    records = [json.loads(line) for line in to_jsonl(store).splitlines()]
    quotes = [r for r in records if r["record"] == "quote"]
    assert [{k: v for k, v in r.items() if k != "record"} for r in quotes] == export_data(store)["quotes"]
    assert all(r["kind"] in ("direct", "indirect") for r in quotes)  # the quotation's own kind survives the tag


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
    lambda d: d["documents"][0]["sourcing"].update(named=99),
    lambda d: d["quotes"].append({"id": "q1", "speaker": "a-nobody", "speaker_text": "x", "text": "y", "evidence": []}),
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


def test_exporters():
    assert set(EXPORTERS) == {"json", "jsonl", "csv", "plover", "timelinejs", "gexf", "graphml"}


@pytest.mark.parametrize("format", sorted(EXPORTERS))
def test_every_format_exports_an_empty_store(format):
    from backchannel.store import Store

    assert EXPORTERS[format](Store("sqlite://"))


# -- PLOVER records -------------------------------------------------------------------------------------

PLOVER_KEYS = {"id", "event_type", "mode", "actor", "recipient", "date", "enddate", "negated", "status",
               "text_info", "cite_info"}


def test_plover_records(store):
    ids = hand_event_ids()
    records = {r["event_type"]: r for r in json.loads(to_plover(store))}
    assert set(records) == {"CONSULT", "ACCUSE", "AGREE"}
    assert all(set(r) == PLOVER_KEYS for r in records.values())
    assert records["CONSULT"] == {
        "id": ids["CONSULT"], "event_type": "CONSULT", "mode": None, "actor": ["Norway"], "recipient": ["Sweden"],
        "date": "2024-02-12", "enddate": "2024-02-12", "negated": False, "status": "occurred",
        "text_info": [{"document": "d-oslo", "start": 13, "end": 52, "sentence": "Norway hosted Sweden in Oslo on Monday."}],
        "cite_info": [{"document": "d-oslo", "name": "oslo.txt", "outlet": None, "title": "Oslo meeting",
                       "published": "2024-02-13"}]}
    assert (records["ACCUSE"]["date"], records["ACCUSE"]["enddate"]) == ("2024-03-01", "2024-03-31")
    assert records["ACCUSE"]["cite_info"][0]["outlet"] == "Example Post"
    assert records["ACCUSE"]["cite_info"][0]["published"] is None  # the Helsinki note has no known date
    assert (records["AGREE"]["date"], records["AGREE"]["enddate"]) == (None, None)
    assert records["AGREE"]["actor"] == ["Norway", "Sweden"] and records["AGREE"]["status"] == "planned"


def test_plover_offsets_slice_the_stored_text(store):
    texts = {"d-oslo": OSLO, "d-helsinki": HELSINKI}
    for r in json.loads(to_plover(store)):
        for t in r["text_info"]:
            assert texts[t["document"]][t["start"]:t["end"]] == t["sentence"]


def test_plover_keeps_negated_events():
    records = json.loads(to_plover(build_talks_store()))
    assert [r["negated"] for r in records if r["actor"] == ["Hamas"] and r["recipient"] == ["Israel"]] == [True]


# -- TimelineJS ------------------------------------------------------------------------------------------

def window(lo: str, hi: str) -> DateWindow:
    return DateWindow(date.fromisoformat(lo), date.fromisoformat(hi)).normalised()


@pytest.mark.parametrize("lo, hi, start, end", [
    ("2024-02-12", "2024-02-12", {"year": 2024, "month": 2, "day": 12}, None),  # a day
    ("2024-03-01", "2024-03-31", {"year": 2024, "month": 3}, None),  # a month: no day
    ("2024-02-01", "2024-02-29", {"year": 2024, "month": 2}, None),  # a leap February
    ("2024-01-01", "2024-12-31", {"year": 2024}, None),  # a year: no month, no day
    ("2024-02-12", "2024-02-18", {"year": 2024, "month": 2, "day": 12}, {"year": 2024, "month": 2, "day": 18}),  # a week
    ("2024-03-01", "2024-03-10", {"year": 2024, "month": 3, "day": 1}, {"year": 2024, "month": 3, "day": 10}),  # early March
    ("2024-03-01", "2024-05-31", {"year": 2024, "month": 3}, {"year": 2024, "month": 5}),  # whole months
    ("2023-01-01", "2024-12-31", {"year": 2023}, {"year": 2024}),  # whole years
    ("2023-12-30", "2024-01-02", {"year": 2023, "month": 12, "day": 30}, {"year": 2024, "month": 1, "day": 2}),
])
def test_timelinejs_dates_at_the_precision_the_window_supports(lo, hi, start, end):
    assert timelinejs_dates(window(lo, hi)) == (start, end)


def _span(part: dict, last: bool) -> date:
    """The first (or last) day a TimelineJS date names."""
    if "day" in part:
        return date(part["year"], part["month"], part["day"])
    if "month" in part:
        return month_window(part["year"], part["month"])[last]
    return date(part["year"], 12, 31) if last else date(part["year"], 1, 1)


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)), st.integers(0, 800))
def test_timelinejs_dates_cover_exactly_the_window(lo, length):
    w = DateWindow(lo, lo + timedelta(days=length))
    start, end = timelinejs_dates(w)
    assert set(start) in ({"year"}, {"year", "month"}, {"year", "month", "day"})
    assert end is None or set(end) == set(start)
    assert (_span(start, False), _span(end or start, True)) == (w.earliest, w.latest)


def test_timelinejs_structure(store):
    data = json.loads(to_timelinejs(store))
    assert set(data) == {"title", "events"}
    assert data["title"]["text"]["headline"]
    ids = hand_event_ids()
    slides = {s["unique_id"]: s for s in data["events"]}
    assert set(slides) == {ids["CONSULT"], ids["ACCUSE"]}  # the undated AGREE is left out
    consult = slides[ids["CONSULT"]]
    assert consult["start_date"] == {"year": 2024, "month": 2, "day": 12} and "end_date" not in consult
    assert consult["text"]["headline"] == "Norway hosted Sweden" and consult["group"] == "CONSULT"
    assert consult["text"]["text"].startswith("<p>Norway hosted Sweden in Oslo on Monday.</p>")
    assert "Source: Oslo meeting" in consult["text"]["text"]
    assert slides[ids["ACCUSE"]]["start_date"] == {"year": 2024, "month": 3}  # "March 2024"


def test_timelinejs_escapes_article_text(store):
    [accuse] = [s for s in json.loads(to_timelinejs(store))["events"] if s["group"] == "ACCUSE"]
    assert "stalling &lt;b&gt;the&lt;/b&gt; talks" in accuse["text"]["text"]
    assert "<b>" not in accuse["text"]["text"]
    assert "Source: helsinki.txt, Example Post" in accuse["text"]["text"]


def test_timelinejs_links_the_source_and_flags_status():
    slides = json.loads(to_timelinejs(build_talks_store()))["events"]
    [barnea] = [s for s in slides if s["text"]["headline"] == "Barnea met Qatar"]
    assert 'Source: <a href="https://example.com/doha">Doha talks, Example Wire</a>' in barnea["text"]["text"]
    assert "Qatar&#x27;s prime minister" in barnea["text"]["text"]
    assert all(s["text"]["headline"] != "Hamas did not meet Israel" for s in slides)  # undated: left out


# -- the interaction graph: GEXF and GraphML --------------------------------------------------------------

@pytest.mark.parametrize("write, read", [(to_gexf, nx.read_gexf), (to_graphml, nx.read_graphml)])
def test_graph_exports_parse_with_networkx(store, write, read):
    text = write(store)
    assert text.startswith("<?xml")
    graph = read(io.BytesIO(text.encode("utf-8")))
    assert set(graph.nodes) == {"a-norway", "a-sweden", "a-finland"}
    assert graph.nodes["a-norway"]["name"] == "Norway" and graph.nodes["a-norway"]["mentions"] == 3
    tie = graph.edges["a-norway", "a-sweden"]
    assert tie["weight"] == 2.0 and tie["kind"] == "interaction" and tie["count"] == 2
    assert tie["types"] == "CONSULT:1 AGREE:1"
    assert tie["events"].split() == [hand_event_ids()["CONSULT"], hand_event_ids()["AGREE"]]
    assert (tie["first"], tie["last"]) == ("2024-02-12", "2024-02-12")
    assert graph.edges["a-finland", "a-norway"]["kind"] == "interaction+affiliation"


@pytest.mark.parametrize("write, read", [(to_gexf, nx.read_gexf), (to_graphml, nx.read_graphml)])
def test_graph_exports_keep_affiliation_links(write, read):
    graph = read(io.BytesIO(write(build_talks_store()).encode("utf-8")))
    link = graph.edges["a-barnea", "a-mossad"]
    assert link["kind"] == "affiliation" and link["weight"] == 0.5 and link["count"] == 0
    assert "first" not in link  # no date to give
    assert not graph.has_edge("a-hamas", "a-israel")  # the negated meeting


def test_gexf_labels_nodes_by_name(store):
    assert '<node id="a-norway" label="Norway">' in to_gexf(store)


def test_export_command_writes_each_format(tmp_path):
    db = tmp_path / "hand.db"
    build_hand_store(f"sqlite:///{db}")
    for format in ("plover", "timelinejs", "graphml"):
        result = run_cli("--db", str(db), "export", "--format", format)
        assert result.exit_code == 0, result.stderr
        assert result.stdout == EXPORTERS[format](build_hand_store())
    gexf = run_cli("--db", str(db), "export", "--format", "gexf", "-o", str(tmp_path / "talks.gexf"))
    assert gexf.exit_code == 0, gexf.stderr
    written = nx.read_gexf(tmp_path / "talks.gexf")  # (its header carries today's date)
    assert sorted(map(sorted, written.edges)) == [["a-finland", "a-norway"], ["a-norway", "a-sweden"]]


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
