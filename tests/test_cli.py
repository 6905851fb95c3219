"""backchannel.present.cli: the command line, end to end, and the bad inputs of the ingest issue.

In-process through typer's CliRunner on `app` (the spaCy model loads once per test process); `main()`,
which translates errors into one line, is called directly with a patched argv, and once as the
installed console script.
"""
import json
import subprocess
import sys
from pathlib import Path

import pytest

import backchannel
from backchannel.present import cli

from conftest import error_lines, run_cli
from helpers import DOHA, build_talks_store, check_export

BEFORE = "Oslo note\n\nNorway hosted the envoys in Oslo on Monday and promised a second round.\n"
GOOD = "Cairo note\n\nEgypt warned Hamas on Sunday that the truce talks could collapse.\n"
ARTICLE = ("Truce talks resume in Cairo\n\nEgypt warned Hamas on Sunday that the talks in Cairo could collapse. "
           "Qatar urged both delegations to return to the table on Monday.\n")


@pytest.fixture(autouse=True)
def narrow_stderr(monkeypatch):
    """A narrow terminal: an error or warning must still come out as one line."""
    monkeypatch.setattr(cli.errors, "width", 40)


def stored_names(db) -> set[str]:
    return {d.name for d in backchannel.open(str(db)).documents()}


def export(db) -> dict:
    result = run_cli("--db", str(db), "export", "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def texts(db) -> dict[str, str]:
    return {d.id: d.text for d in backchannel.open(str(db)).documents()}


# -- end to end ------------------------------------------------------------------------------------

def test_ingest_export_and_reingest(tmp_path):
    db = tmp_path / "talks.db"
    (tmp_path / "cairo.txt").write_text(ARTICLE, encoding="utf-8")
    first = run_cli("--db", str(db), "ingest", str(tmp_path / "cairo.txt"))
    assert first.exit_code == 0, first.stderr
    assert first.stdout.strip() == "stored 1, already present 0, failed 0"
    assert first.stderr == ""
    data = export(db)
    check_export(data, texts(db))
    assert [d["name"] for d in data["documents"]] == ["cairo.txt"]

    again = run_cli("--db", str(db), "ingest", str(tmp_path / "cairo.txt"))
    assert again.exit_code == 0
    assert again.stdout.strip() == "stored 0, already present 1, failed 0"
    assert export(db) == data  # re-ingesting is a no-op


def test_ingest_from_stdin(tmp_path):
    db = tmp_path / "talks.db"
    result = run_cli("--db", str(db), "ingest", "-", input=ARTICLE.encode("utf-8"))
    assert result.exit_code == 0, result.stderr
    [doc] = export(db)["documents"]
    assert (doc["name"], doc["source"]) == ("stdin", "<stdin>")


# -- bad inputs: one error line naming the input, exit 1, the rest stored, the store intact -------------

def make_empty(d):
    (d / "empty.txt").write_bytes(b"")
    return d / "empty.txt", []


def make_binary(d):
    (d / "scan.txt").write_bytes(b"%PDF-1.7\n\x00\x00\x01\x02binary\xff\xfe")
    return d / "scan.txt", []


def make_unsupported(d):
    (d / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF")
    return d / "photo.jpg", []


def make_oversize(d):
    (d / "huge.txt").write_text("Qatar hosted the envoys. " * 20, encoding="utf-8")  # 500 bytes
    return d / "huge.txt", ["--max-bytes", "200"]


def make_nothing_readable(d):
    (d / "inbox").mkdir()
    (d / "inbox" / "scan.pdf").write_bytes(b"%PDF-1.7\n\x00")
    (d / "inbox" / ".draft.txt").write_text(GOOD)
    return d / "inbox", []


def make_empty_folder(d):
    (d / "inbox").mkdir()
    return d / "inbox", []


def make_missing(d):
    return d / "nowhere.txt", []


def make_bad_json(d):
    (d / "records.json").write_text('[{"text": "Norway hosted', encoding="utf-8")
    return d / "records.json", []


BAD_INPUTS = [
    pytest.param(make_empty, "empty file", id="empty-file"),
    pytest.param(make_binary, "binary file", id="binary-file"),
    pytest.param(make_unsupported, "unsupported file type '.jpg'", id="unsupported-binary"),
    pytest.param(make_oversize, "over the 200-byte limit", id="over-size-limit"),
    pytest.param(make_nothing_readable, "folder holds no", id="folder-nothing-readable"),
    pytest.param(make_empty_folder, "folder holds no", id="empty-folder"),
    pytest.param(make_missing, "no such file or folder", id="missing"),
    pytest.param(make_bad_json, "not valid JSON", id="json-not-json"),
]


@pytest.fixture
def workspace(tmp_path):
    """A store that already holds one document, and a good input for the next run."""
    db = tmp_path / "talks.db"
    (tmp_path / "before.txt").write_text(BEFORE, encoding="utf-8")
    first = run_cli("--db", str(db), "ingest", str(tmp_path / "before.txt"))
    assert first.exit_code == 0, first.stderr
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    return tmp_path, db


@pytest.mark.parametrize("make, reason", BAD_INPUTS)
def test_bad_input(workspace, make, reason):
    folder, db = workspace
    bad, options = make(folder)
    result = run_cli("--db", str(db), "ingest", *options, str(bad), str(folder / "good.txt"))
    assert result.exit_code == 1
    # exactly one line on stderr: the error, naming the input and the reason
    assert result.stderr.splitlines() == error_lines(result)
    [line] = error_lines(result)
    assert line.startswith(f"error: {bad}: ") and reason in line, line
    assert result.stdout.strip() == "stored 1, already present 0, failed 1"
    assert stored_names(db) == {"before.txt", "good.txt"}  # the good input stored, the earlier one intact
    check_export(export(db), texts(db))


def test_bad_json_lines_line(workspace):
    folder, db = workspace
    lines = [json.dumps({"text": "Sweden sent an observer to the talks in Geneva.", "title": "Geneva"}),
             '{"text": "Finland said',
             json.dumps({"text": "Denmark offered to host the next round of talks."})]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_cli("--db", str(db), "ingest", str(folder / "feed.jsonl"), str(folder / "good.txt"))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == error_lines(result)
    [line] = error_lines(result)
    assert line.startswith(f"error: {folder / 'feed.jsonl'}:2: line is not JSON (")  # file and line number
    assert result.stdout.strip() == "stored 3, already present 0, failed 1"
    assert stored_names(db) == {"before.txt", "good.txt", "feed.jsonl:1", "feed.jsonl:3"}


def test_invalid_utf8_is_stored_with_a_warning(workspace):
    folder, db = workspace
    (folder / "latin.txt").write_bytes("Montréal note\n\nCanada hosted the envoys in Montréal.\n".encode("latin-1"))
    result = run_cli("--db", str(db), "ingest", str(folder / "latin.txt"), str(folder / "good.txt"))
    assert result.exit_code == 0, result.stderr
    [line] = result.stderr.splitlines()
    assert line.startswith(f"warning: {folder / 'latin.txt'}: invalid UTF-8 at byte ") and "U+FFFD" in line
    assert result.stdout.strip() == "stored 2, already present 0, failed 0"
    assert stored_names(db) == {"before.txt", "good.txt", "latin.txt"}
    [doc] = [d for d in backchannel.open(str(db)).documents() if d.name == "latin.txt"]
    assert "Montr\ufffdal" in doc.text


def test_several_bad_inputs_in_one_run(workspace):
    folder, db = workspace
    bads = [make(folder)[0] for make in (make_empty, make_binary, make_missing)]
    result = run_cli("--db", str(db), "ingest", *map(str, bads), str(folder / "good.txt"))
    assert result.exit_code == 1
    assert [line.split(": ")[1] for line in error_lines(result)] == [str(b) for b in bads]
    assert stored_names(db) == {"before.txt", "good.txt"}


def test_analysis_failure_is_reported_and_the_rest_stored(workspace, monkeypatch):
    from backchannel import process

    folder, db = workspace
    real = process.analyse_document

    def flaky(doc, published):
        if "POISON" in doc.text:
            raise RuntimeError("simulated analysis failure")
        return real(doc, published)

    monkeypatch.setattr(process, "analyse_document", flaky)
    (folder / "poison.txt").write_text("Poison note\n\nPOISON Norway warned the envoys.\n", encoding="utf-8")
    result = run_cli("--db", str(db), "ingest", str(folder / "poison.txt"), str(folder / "good.txt"))
    assert result.exit_code == 1
    assert error_lines(result) == [f"error: {folder / 'poison.txt'}: analysis failed (RuntimeError: simulated analysis failure)"]
    assert stored_names(db) == {"before.txt", "good.txt"}


def test_the_console_script(workspace):
    """The installed entry point, as a user runs it (one subprocess; it loads the model itself)."""
    folder, db = workspace
    (folder / "empty.txt").write_bytes(b"")
    script = Path(sys.executable).parent / "backchannel"
    done = subprocess.run([str(script), "--db", str(db), "ingest", str(folder / "empty.txt"), str(folder / "good.txt")],
                          capture_output=True, text=True, timeout=120, env={"PATH": "/usr/bin:/bin", "COLUMNS": "40"})
    assert done.returncode == 1
    assert done.stderr.splitlines() == [f"error: {folder / 'empty.txt'}: empty file"]  # one line, however narrow
    assert stored_names(db) == {"before.txt", "good.txt"}


# -- main(): errors translated once into one line -------------------------------------------------------

def run_main(monkeypatch, capsys, *args):
    monkeypatch.setattr(sys, "argv", ["backchannel", *args])
    with pytest.raises(SystemExit) as stop:
        cli.main()
    captured = capsys.readouterr()
    return stop.value.code, captured.out, captured.err


@pytest.mark.parametrize("args, message", [
    (["timeline", "--since", "last tuesday"], "error: --since 'last tuesday': not a date; use YYYY-MM-DD"),
    (["timeline", "--top", "0"], "error: --top 0: give the number of happenings to show, 1 or more"),
    (["export", "--format", "xml"], "error: unknown format 'xml': use one of json, jsonl, csv, plover, timelinejs, gexf, graphml"),
    (["paths", "Nobody", "Somebody"], "error: no actor 'Nobody'; list them with: backchannel actors"),
    (["show", "treaty", "x"], "error: cannot show 'treaty': use event, actor or document"),
    (["show", "document", "d-missing"], "error: no document 'd-missing'; the ids are in: backchannel export --format csv"),
    (["show", "actor", "Nobody"], "error: no actor 'Nobody'; list them with: backchannel actors"),
])
def test_main_prints_one_line_and_exits_1(tmp_path, monkeypatch, capsys, args, message):
    code, out, err = run_main(monkeypatch, capsys, "--db", str(tmp_path / "t.db"), *args)
    assert code == 1
    assert err.splitlines() == [message]


def test_main_names_a_database_that_is_a_folder(tmp_path, monkeypatch, capsys):
    code, _, err = run_main(monkeypatch, capsys, "--db", str(tmp_path), "actors")
    assert code == 1
    assert err.splitlines() == [f"error: {tmp_path}: is a folder, not a database file (pass a file path with --db)"]


def test_main_usage_errors_exit_2(tmp_path, monkeypatch, capsys):
    code, _, err = run_main(monkeypatch, capsys, "--db", str(tmp_path / "t.db"), "ingest", "--no-such-option", "x")
    assert code == 2 and "No such option" in err


def test_main_ingest_failure_exits_1(workspace, monkeypatch, capsys):
    folder, db = workspace
    (folder / "empty.txt").write_bytes(b"")
    code, out, err = run_main(monkeypatch, capsys, "--db", str(db), "ingest", str(folder / "empty.txt"))
    assert code == 1 and err.splitlines() == [f"error: {folder / 'empty.txt'}: empty file"]


# -- commands on the fixture corpus -----------------------------------------------------------------

def test_timeline_and_actors_tables(corpus_run):
    timeline = run_cli("--db", str(corpus_run.db), "timeline")
    assert timeline.exit_code == 0 and "summary" in timeline.stdout
    for e in corpus_run.export["events"]:
        assert e["id"] in timeline.stdout  # every event has a row
    actors = run_cli("--db", str(corpus_run.db), "actors", "--limit", "1000")
    assert actors.exit_code == 0 and "mentions" in actors.stdout
    for a in corpus_run.export["actors"]:
        assert a["id"] in actors.stdout


def test_timeline_filters(corpus_run):
    none = run_cli("--db", str(corpus_run.db), "timeline", "--since", "2099-01-01")
    assert none.exit_code == 0
    assert not any(e["id"] in none.stdout for e in corpus_run.export["events"])


def test_show_each_kind(corpus_run):
    doc = next(d for d in corpus_run.export["documents"] if d["name"] == "cairo_talks.txt")
    shown = run_cli("--db", str(corpus_run.db), "show", "document", doc["id"])
    assert shown.exit_code == 0 and "Truce talks resume in Cairo" in shown.stdout and "published: 2024-02-13" in shown.stdout
    for e in corpus_run.export["events"][:3]:
        shown = run_cli("--db", str(corpus_run.db), "show", "event", e["id"])
        assert shown.exit_code == 0 and e["type"] in shown.stdout and f"[{e['evidence'][0]['start']}:" in shown.stdout
    for a in corpus_run.export["actors"][:3]:
        shown = run_cli("--db", str(corpus_run.db), "show", "actor", a["id"])
        assert shown.exit_code == 0 and f"id {a['id']}" in shown.stdout


def test_report_command_writes_the_file(corpus_run, tmp_path):
    out = tmp_path / "report.html"
    result = run_cli("--db", str(corpus_run.db), "report", "-o", str(out))
    assert result.exit_code == 0 and "report written to" in result.stdout
    assert out.read_text(encoding="utf-8").startswith("<!doctype html>")


# -- network and paths on a hand-built store --------------------------------------------------------------

@pytest.fixture(scope="module")
def talks_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("talks") / "talks.db"
    build_talks_store(f"sqlite:///{db}")
    return db


def test_network_lists_the_strongest_ties(talks_db):
    result = run_cli("--db", str(talks_db), "network", "--top", "5")
    assert result.exit_code == 0, result.stderr
    rows = [line for line in result.stdout.splitlines() if "CONSULT" in line]
    assert len(rows) == 2  # the affiliations alone and the negated meeting are no ties
    assert "Hamas" in rows[0] and "Qatar" in rows[0] and "CONSULT 2" in rows[0]
    assert "2024-02-14..2024-02-15" in rows[0]
    assert "David Barnea" in rows[1] and "2024-02-13" in rows[1]
    top = run_cli("--db", str(talks_db), "network", "--top", "1")
    assert "Barnea" not in top.stdout


def test_timeline_top_shows_the_most_important_in_date_order(talks_db):
    ids = {e.summary: e.id for e in backchannel.open(str(talks_db)).timeline()}
    result = run_cli("--db", str(talks_db), "timeline", "--top", "2")
    assert result.exit_code == 0, result.stderr
    shown = [i for i in ids.values() if i in result.stdout]
    # the mediator's two contacts with Hamas; Barnea's meeting ranks lower and the undated one not at all
    assert sorted(shown, key=result.stdout.index) == [ids["Qatar passed the proposal to Hamas"],
                                                       ids["Qatar and Hamas spoke"]]
    assert "why they rank:" in result.stdout and "reported by 1 document; CONSULT" in result.stdout
    assert "why they rank:" not in run_cli("--db", str(talks_db), "timeline").stdout
    everything = run_cli("--db", str(talks_db), "timeline", "--top", "10")
    assert ids["Barnea met Qatar"] in everything.stdout and ids["Hamas did not meet Israel"] not in everything.stdout


def test_network_on_an_empty_store(tmp_path):
    result = run_cli("--db", str(tmp_path / "empty.db"), "network")
    assert result.exit_code == 0 and "no two actors share an event yet" in result.stdout


def test_paths_through_an_intermediary_with_evidence(talks_db):
    result = run_cli("--db", str(talks_db), "paths", "Barnea", "Hamas")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "1. David Barnea -> Qatar -> Hamas"
    assert "David Barnea - Qatar: 1 event" in lines[1]
    assert "2024-02-13  CONSULT  Barnea met Qatar" in lines[2]
    # article text is printed as written, not read as rich markup
    assert DOHA.split("\n")[1] + " (doha.txt)" in lines[3]
    assert "Qatar - Hamas: 2 events" in result.stdout and "Qatar and Hamas spoke" in result.stdout


def test_paths_mark_affiliations(talks_db):
    result = run_cli("--db", str(talks_db), "paths", "David Barnea", "Israel")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0] == "1. David Barnea -> Mossad -> Israel (through an affiliation)"
    assert "David Barnea - Mossad: affiliation: David Barnea is affiliated with Mossad" in result.stdout


def test_paths_max_len(talks_db):
    far = run_cli("--db", str(talks_db), "paths", "Israel", "Hamas", "--max-len", "3")
    assert far.exit_code == 0
    assert far.stdout.startswith("no chain of contact between Israel and Hamas within 3 links")
    found = run_cli("--db", str(talks_db), "paths", "Israel", "Hamas", "--max-len", "4")
    assert found.stdout.splitlines()[0].startswith("1. Israel -> Mossad -> David Barnea -> Qatar -> Hamas")


@pytest.mark.parametrize("args, message", [
    (["paths", "Barnea", "Nobody"], "error: no actor 'Nobody'; list them with: backchannel actors"),
    (["paths", "Barnea", "David Barnea"], "error: 'Barnea' and 'David Barnea' are the same actor; name two different actors"),
    (["paths", "Barnea", "Hamas", "--max-len", "0"], "error: --max-len 0: use 1 or more"),
])
def test_paths_errors(talks_db, monkeypatch, capsys, args, message):
    code, out, err = run_main(monkeypatch, capsys, "--db", str(talks_db), *args)
    assert code == 1 and out == ""
    assert err.splitlines() == [message]


# -- help -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("command", ["ingest", "actors", "timeline", "show", "network", "paths", "export", "report"])
def test_every_command_has_help_with_an_example(command):
    result = run_cli(command, "--help")
    assert result.exit_code == 0
    assert "Example: backchannel " in result.stdout


def test_ingest_help_documents_the_default_size_limit():
    assert "10,000,000" in run_cli("ingest", "--help").stdout


def test_an_invalid_actors_file_is_one_error_line(tmp_path, monkeypatch, capsys):
    (tmp_path / "actors.yaml").write_text("actors: [{kind: person}]\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(BEFORE, encoding="utf-8")
    code, _, err = run_main(monkeypatch, capsys, "--db", str(tmp_path / "t.db"), "--actors-file",
                            str(tmp_path / "actors.yaml"), "ingest", str(tmp_path / "a.txt"))
    assert code == 1
    [line] = err.splitlines()
    assert line.startswith(f"error: {tmp_path / 'actors.yaml'}: not a valid actors file")
