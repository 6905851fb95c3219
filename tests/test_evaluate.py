"""backchannel.evaluate: the TimeML reader and writer, the TempEval-3 scoring, the `eval timeml` command.

The fixtures are short TimeML texts written for these tests. The tests on the TempEval-3 training
files need ../shared beside the checkout and skip without it; none reads the platinum test set.
"""
import json
from datetime import date
from pathlib import Path

import pytest

from backchannel.errors import BackchannelError, UnreadableInput
from backchannel.evaluate.dating import DatedDocument, DatingResult, evaluate_dating
from backchannel.evaluate.timeml import (GoldTimex, TimeMLDocument, TimexScore, document_errors, evaluate_timeml,
                                         pair_timexes, parse_timeml, read_timeml, score_document, write_timeml)
from backchannel.models import DateWindow, Published, Timex

from conftest import run_cli

TIMEML = Path(__file__).resolve().parents[2] / "shared" / "data" / "timeml"
needs_tbaq = pytest.mark.skipif(not (TIMEML / "tbaq").is_dir(),
                                reason="../shared/data/timeml/tbaq (TempEval-3 training files) is not beside this checkout")

CAIRO = """<?xml version="1.0" ?>
<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<DOCID>cairo_fixture</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2024-02-13" temporalFunction="false" functionInDocument="CREATION_TIME">February 13, 2024</TIMEX3></DCT>
<TITLE>Envoys meet in Cairo</TITLE>
<TEXT>
Envoys from Qatar &amp; Egypt <EVENT eid="e1" class="OCCURRENCE">met</EVENT> <TIMEX3 tid="t1" type="DATE" value="2024-02-12" temporalFunction="true" anchorTimeID="t0">yesterday</TIMEX3> in Cairo.
The talks <EVENT eid="e2" class="OCCURRENCE">lasted</EVENT> <TIMEX3 tid="t2" type="DURATION" value="P3D">three days</TIMEX3>, <SIGNAL sid="s1">after</SIGNAL> a pause in <TIMEX3 tid="t3" type="DATE" value="2024-01">January</TIMEX3>.
</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST" aspect="NONE" polarity="POS" pos="VERB"/>
<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1"/>
</TimeML>
"""

OSLO = """<?xml version="1.0" ?>
<TimeML>
<DOCID>oslo_fixture</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2023-11-20" functionInDocument="CREATION_TIME">2023-11-20</TIMEX3></DCT>
<TEXT>
Norway <EVENT eid="e1" class="OCCURRENCE">hosted</EVENT> the delegations in Oslo on <TIMEX3 tid="t1" type="DATE" value="2023-11-19">Sunday</TIMEX3>. A second round <EVENT eid="e2" class="OCCURRENCE">is planned</EVENT> for <TIMEX3 tid="t2" type="DATE" value="2023-12">December</TIMEX3>.
</TEXT>
</TimeML>
"""


def at(text: str, expression: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(expression, start + 1)
    return start, start + len(expression)


def gold(text: str, expression: str, type: str, value: str) -> GoldTimex:
    return GoldTimex(*at(text, expression), expression, type, value)


def ours(text: str, expression: str, type: str, value: str | None, rule: str = "test") -> Timex:
    return Timex(*at(text, expression), expression, type, None, value=value, rule=rule)


# -- reading ---------------------------------------------------------------------------------------

def test_reader_gives_the_plain_text_and_offsets_that_slice_it():
    doc = parse_timeml(CAIRO, "cairo.tml")
    assert doc.text.startswith("\nEnvoys from Qatar & Egypt met yesterday in Cairo.\nThe talks lasted three days")
    assert "<" not in doc.text and "&amp;" not in doc.text
    assert [(t.text, t.type, t.value, t.tid) for t in doc.timexes] == [
        ("yesterday", "DATE", "2024-02-12", "t1"), ("three days", "DURATION", "P3D", "t2"), ("January", "DATE", "2024-01", "t3")]
    for t in doc.timexes:
        assert doc.text[t.start:t.end] == t.text
    assert (doc.name, doc.docid, doc.dct, doc.dct_value, doc.dct_text) == (
        "cairo.tml", "cairo_fixture", date(2024, 2, 13), "2024-02-13", "February 13, 2024")


@pytest.mark.parametrize("source, reason", [
    ("<TimeML><TEXT>open", "not well-formed XML"),
    ("<TimeML><DOCID>x</DOCID></TimeML>", "no <TEXT> element"),
])
def test_reader_refuses_what_is_not_timeml(tmp_path, source, reason):
    path = tmp_path / "bad.tml"
    path.write_text(source, encoding="utf-8")
    with pytest.raises(UnreadableInput, match=reason) as raised:
        read_timeml(path)
    assert str(path) in str(raised.value)


def test_a_folder_without_timeml_files_says_what_to_pass(tmp_path):
    with pytest.raises(BackchannelError, match="no .tml files"):
        evaluate_timeml(tmp_path)


# -- scoring ---------------------------------------------------------------------------------------

TEXT = ("The envoys met on Monday morning and talked for three days. A deal followed in March. "
        "Officials said today that nothing more would happen for now, or for a week.")
GOLD = TimeMLDocument("hand.tml", "hand", TEXT, (
    gold(TEXT, "Monday morning", "TIME", "2024-02-12TMO"),
    gold(TEXT, "three days", "DURATION", "P3D"),
    gold(TEXT, "March", "DATE", "2024-03"),
    gold(TEXT, "today", "DATE", "2024-02-13"),
), date(2024, 2, 13), "DATE", "2024-02-13", "2024-02-13")
SYSTEM = [
    ours(TEXT, "Monday", "TIME", "2024-02-12TMO"),  # relaxed only: the span is shorter
    ours(TEXT, "three days", "DURATION", "P3D"),  # strict, right type and value
    ours(TEXT, "today", "DATE", "2024-02-14"),  # strict, wrong value
    ours(TEXT, "now", "DATE", "PRESENT_REF"),  # false alarm
    ours(TEXT, "a week", "DURATION", "P1W"),  # false alarm; "March" is a miss
]


def test_the_scorer_on_a_hand_built_case():
    score = score_document(GOLD, SYSTEM).score
    assert (score.gold, score.system, score.strict, score.relaxed, score.type, score.value) == (4, 5, 2, 3, 3, 2)
    assert score.strict_precision == pytest.approx(2 / 5) and score.strict_recall == pytest.approx(2 / 4)
    assert score.strict_f1 == pytest.approx(2 * 0.4 * 0.5 / 0.9)  # 0.444
    assert score.relaxed_precision == pytest.approx(3 / 5) and score.relaxed_recall == pytest.approx(3 / 4)
    assert score.relaxed_f1 == pytest.approx(2 * 0.6 * 0.75 / 1.35)  # 0.667
    assert score.type_accuracy == 1 and score.type_f1 == pytest.approx(score.relaxed_f1)
    assert score.value_accuracy == pytest.approx(2 / 3)
    assert score.value_f1 == pytest.approx(score.relaxed_f1 * 2 / 3)  # relaxed F1 x accuracy: 0.444


def test_scores_pool_counts_over_files_not_measures():
    perfect = score_document(GOLD, [ours(TEXT, g.text, g.type, g.value) for g in GOLD.timexes]).score
    empty = score_document(GOLD, []).score
    total = perfect + empty
    assert (total.gold, total.system, total.relaxed, total.documents) == (8, 4, 4, 2)
    assert total.relaxed_precision == 1 and total.relaxed_recall == 0.5  # not the mean of 1 and 0
    assert empty.relaxed_f1 == 0 and empty.value_f1 == 0


def test_no_timex_on_either_side_scores_full_marks_as_the_official_scorer_does():
    score = TimexScore(documents=1)
    assert (score.strict_f1, score.relaxed_f1, score.type_f1, score.value_f1) == (1, 1, 1, 1)


def test_a_missing_value_equals_an_empty_one_and_nothing_else():
    doc = TimeMLDocument("v.tml", "v", "on Monday", (GoldTimex(3, 9, "Monday", "DATE", ""),), None)
    assert score_document(doc, [Timex(3, 9, "Monday", "DATE", None, value=None)]).score.value == 1
    assert score_document(doc, [Timex(3, 9, "Monday", "DATE", None, value="XXXX-WXX-1")]).score.value == 0


@pytest.mark.parametrize("gold_spans, system_spans, pairs", [
    ([(0, 14)], [(0, 6), (7, 14)], [(0, 0)]),  # one gold, two of ours inside it: the first pairs, one-to-one
    ([(0, 6), (7, 14)], [(0, 14)], [(0, 0)]),  # and the other way round
    ([(4, 10)], [(0, 6)], [(0, 0)]),  # ours starts first
    ([(0, 5), (6, 10)], [(3, 8)], [(0, 0)]),  # overlapping two gold timexes: the earlier one
    ([(0, 5)], [(5, 9)], []),  # touching is not overlapping
    ([(0, 5), (10, 15)], [(10, 15), (0, 5)], [(0, 1), (1, 0)]),  # any order in, pairs by position
])
def test_pairing_is_one_to_one_by_overlap_earliest_first(gold_spans, system_spans, pairs):
    text = "x" * 20

    def spans(items):
        return [GoldTimex(s, e, text[s:e], "DATE", "") for s, e in items]

    assert pair_timexes(spans(gold_spans), spans(system_spans)) == pairs


def test_errors_list_misses_false_alarms_and_wrong_pairs_in_text_order():
    found = document_errors(score_document(GOLD, SYSTEM))
    assert [(e.kinds, e.gold.text if e.gold else None, e.ours.text if e.ours else None) for e in found] == [
        (("span",), "Monday morning", "Monday"),
        (("miss",), "March", None),
        (("value",), "today", "today"),
        (("false-alarm",), None, "now"),
        (("false-alarm",), None, "a week"),
    ]
    value = found[2]
    assert value.line() == (f'hand.tml:{TEXT.index("today")}  value  gold "today"|DATE|2024-02-13  '
                            'vs  ours "today"|DATE|2024-02-14|test')
    assert "[today]" in value.context and "\n" not in value.context
    assert found[1].line().endswith('gold "March"|DATE|2024-03  vs  ours -')


# -- writing ---------------------------------------------------------------------------------------

def test_the_writer_round_trips_through_the_reader():
    doc = parse_timeml(CAIRO, "cairo.tml")
    system = [Timex(*at(doc.text, "Qatar & Egypt"), "Qatar & Egypt", "DATE", None, value=None),  # escaping
              Timex(*at(doc.text, "three days"), "three days", "DURATION", None, value="P3D")]
    written = write_timeml(doc, system)
    assert "<EVENT" not in written and "<SIGNAL" not in written and "TLINK" not in written
    assert '<TIMEX3 tid="t1" type="DATE" value="">Qatar &amp; Egypt</TIMEX3>' in written
    back = parse_timeml(written, "cairo.tml")
    assert back.text == doc.text
    assert [(t.start, t.end, t.text, t.type, t.value) for t in back.timexes] == [
        (s.start, s.end, s.text, s.type, s.value or "") for s in system]
    assert [t.tid for t in back.timexes] == ["t1", "t2"]
    assert (back.docid, back.dct, back.dct_value, back.dct_text) == (doc.docid, doc.dct, doc.dct_value, doc.dct_text)


def test_evaluate_with_out_writes_our_tags_into_each_file(tmp_path):
    folder = tmp_path / "gold"
    (folder / "sub").mkdir(parents=True)
    (folder / "cairo.tml").write_text(CAIRO, encoding="utf-8")
    (folder / "sub" / "oslo.tml").write_text(OSLO, encoding="utf-8")
    result = evaluate_timeml(folder, tmp_path / "ours")
    assert [d.document.name for d in result.documents] == ["cairo.tml", "sub/oslo.tml"]
    for d in result.documents:
        back = read_timeml(tmp_path / "ours" / d.document.name)
        assert back.text == d.document.text and back.dct == d.document.dct
        assert [(t.start, t.end, t.type, t.value) for t in back.timexes] == [
            (t.start, t.end, t.type, t.value or "") for t in d.system]
    assert result.score.gold == 5 and result.score.documents == 2


# -- the command -----------------------------------------------------------------------------------

@pytest.fixture()
def fixture_folder(tmp_path):
    (tmp_path / "cairo.tml").write_text(CAIRO, encoding="utf-8")
    (tmp_path / "oslo.tml").write_text(OSLO, encoding="utf-8")
    return tmp_path


def test_eval_timeml_json(fixture_folder):
    result = run_cli("eval", "timeml", str(fixture_folder), "--json")
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert {"strict_f1", "relaxed_f1", "type_f1", "value_f1", "strict_precision", "strict_recall",
            "relaxed_precision", "relaxed_recall", "type_accuracy", "value_accuracy",
            "gold", "system", "strict_matches", "relaxed_matches"} <= set(scores)
    assert all(0 <= scores[k] <= 1 for k in ("strict_f1", "relaxed_f1", "type_f1", "value_f1"))
    assert scores["gold"] == 5
    assert scores == evaluate_timeml(fixture_folder).score.to_json()


def test_eval_timeml_table_errors_and_out(fixture_folder, tmp_path):
    out = tmp_path / "ours"
    result = run_cli("eval", "timeml", str(fixture_folder), "--errors", "50", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "relaxed" in result.stdout and "gold 5" in result.stdout
    assert sorted(p.name for p in out.iterdir()) == ["cairo.tml", "oslo.tml"]
    listed = [line for line in result.stdout.splitlines() if line.startswith(("cairo.tml:", "oslo.tml:"))]
    expected = evaluate_timeml(fixture_folder).errors()
    assert len(listed) == len(expected)


def test_eval_timeml_refuses_an_unknown_error_kind(fixture_folder):
    result = run_cli("eval", "timeml", str(fixture_folder), "--errors", "5", "--only", "misses")
    assert isinstance(result.exception, BackchannelError) and "miss, false-alarm" in str(result.exception)


# -- publication dating ----------------------------------------------------------------------------

def test_dating_measures_on_hand_built_results():
    def dated(lo, hi, truth="2024-02-13"):
        window = DateWindow(date.fromisoformat(lo), date.fromisoformat(hi)) if lo else None
        return DatedDocument("x", date.fromisoformat(truth), Published(window, "inferred" if lo else "unknown"))

    result = DatingResult((dated("2024-02-13", "2024-02-13"), dated("2024-02-01", "2024-02-29"),
                           dated("2023-01-01", "2024-12-31"), dated("2024-03-01", "2024-03-10"), dated(None, None)))
    assert result.n == 5
    assert result.contains == pytest.approx(3 / 5) and result.unknown == pytest.approx(1 / 5)
    assert result.median_width_days == (10 + 29) / 2  # widths 1, 29, 731, 10
    assert result.narrow == pytest.approx(3 / 5) and result.narrow_and_right == pytest.approx(2 / 5)
    assert set(result.to_json()) >= {"contains", "unknown", "median_width_days", "n"}


def test_dating_hides_the_creation_time(tmp_path):
    (tmp_path / "oslo.tml").write_text(OSLO, encoding="utf-8")
    [doc] = evaluate_dating(tmp_path).documents
    assert doc.truth == date(2023, 11, 20)
    assert doc.published.basis in ("inferred", "unknown")  # nothing in the text states the date


# -- the TempEval-3 training files -----------------------------------------------------------------

@needs_tbaq
@pytest.mark.parametrize("part, count, types", [
    ("TimeBank", 183, {"DATE": 1016, "DURATION": 189, "TIME": 22, "SET": 16}),
    ("AQUAINT", 73, {"DATE": 489, "DURATION": 68, "TIME": 8, "SET": 14}),
])
def test_tbaq_reads_as_its_readme_counts(part, count, types):
    docs = [read_timeml(p) for p in sorted((TIMEML / "tbaq" / part).glob("*.tml"))]
    assert len(docs) == count and all(d.dct is not None for d in docs)
    found = {}
    for d in docs:
        for t in d.timexes:
            assert d.text[t.start:t.end] == t.text and t.text.strip()
            found[t.type] = found.get(t.type, 0) + 1
    assert found == types


@needs_tbaq
def test_tbaq_written_back_keeps_the_gold_text(tmp_path):
    result = evaluate_timeml(TIMEML / "tbaq" / "AQUAINT", tmp_path)
    for d in result.documents:
        assert read_timeml(tmp_path / d.document.name).text == d.document.text
