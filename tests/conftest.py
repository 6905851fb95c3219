"""Fixtures shared by the test modules.

Anything that runs the spaCy pipeline goes through the session-scoped `corpus_run` (the model loads once
per process); everything else uses in-memory or temporary stores with hand-built records.
"""
from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from typer.testing import CliRunner

FIXTURES = Path(__file__).parent / "fixtures"
ARTICLES = FIXTURES / "articles"

settings.register_profile("backchannel", deadline=None, max_examples=150,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("backchannel")


def pytest_configure(config):
    # the settings read BACKCHANNEL_* variables: a developer's environment must not leak into the tests
    for name in [n for n in os.environ if n.startswith("BACKCHANNEL_")]:
        del os.environ[name]


def run_cli(*args: str, input: bytes | str | None = None):
    """Invoke the CLI in-process (typer's CliRunner on backchannel.present.cli.app)."""
    from backchannel.present.cli import app

    return CliRunner().invoke(app, list(args), input=input)


def error_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("error:")]


@dataclass
class CorpusRun:
    folder: Path
    db: Path
    first: object  # CliRunner result of the first ingest
    export: dict
    texts: dict[str, str]  # document id -> stored text


@pytest.fixture(scope="session")
def corpus_run(tmp_path_factory) -> CorpusRun:
    """The fixture articles ingested once through the CLI into a temporary SQLite store."""
    import backchannel

    root = tmp_path_factory.mktemp("corpus")
    folder = root / "articles"
    shutil.copytree(ARTICLES, folder)
    db = root / "corpus.db"
    first = run_cli("--db", str(db), "ingest", str(folder))
    assert first.exit_code == 0, first.stderr + first.stdout
    exported = run_cli("--db", str(db), "export", "--format", "json")
    assert exported.exit_code == 0, exported.stderr
    corpus = backchannel.open(str(db))
    texts = {d.id: d.text for d in corpus.documents()}
    return CorpusRun(folder, db, first, json.loads(exported.stdout), texts)


@pytest.fixture(scope="session")
def swap(tmp_path_factory):
    """fixtures/swap (an invented prisoner exchange between Colombia and Venezuela told by three
    articles) ingested through the library API."""
    import backchannel

    corpus = backchannel.open(str(tmp_path_factory.mktemp("swap") / "swap.db"))
    report = corpus.ingest(str(FIXTURES / "swap"))
    assert report.ok and len(report.stored) == 3
    return corpus
