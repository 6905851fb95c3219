"""The gold gate: the seed articles scored by the shared scorer must not fall below pinned floors.

Needs ../shared (the development gold and its scorer) beside the checkout; skips without it.
"""
import json
import subprocess
import sys
from pathlib import Path

import pytest

import backchannel

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FLOORS = json.loads((Path(__file__).parent / "gold_floors.json").read_text())

pytestmark = pytest.mark.skipif(not (SHARED / "gold" / "seeds.json").exists(),
                                reason="../shared (development gold and scorer) is not beside this checkout")


@pytest.fixture(scope="module")
def scores(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("gold")
    corpus = backchannel.open(str(tmp / "seeds.db"))
    report = corpus.ingest(str(SHARED / "corpus" / "seeds"))
    assert report.ok, report.failed
    export = tmp / "seeds.json"
    export.write_text(corpus.export("json"))
    out = subprocess.run([sys.executable, str(SHARED / "tools" / "score_export.py"), str(SHARED / "gold" / "seeds.json"),
                          str(export), "--json"], capture_output=True, text=True, check=True).stdout
    return {k: tuple(int(x) for x in v.split("/")) for k, v in json.loads(out).items()}


@pytest.mark.parametrize("measure", ["document_dates", "stories", "actors_found", "actors_unique",
                                     "events_recall_lenient", "events_recall_strict", "claims_recall", "conflicts"])
def test_score_at_least_floor(scores, measure):
    got, _total = scores[measure]
    assert got >= FLOORS[measure], f"{measure} fell to {got} (floor {FLOORS[measure]})"


@pytest.mark.parametrize("measure", ["events_precision_lenient", "event_dates_right"])
def test_share_at_least_floor(scores, measure):
    good, total = scores[measure]
    assert total and good / total >= FLOORS[f"{measure}_ratio"], f"{measure} {good}/{total}"
