"""backchannel.present.api: the library API the CLI sits on (backchannel.open -> Corpus)."""
import json

import pytest

import backchannel
from backchannel.errors import BackchannelError, ConfigError, UnknownActor

from helpers import build_talks_store, check_export


def test_public_api_is_small():
    assert set(backchannel.__all__) == {"Corpus", "open", "__version__"}


def test_open_creates_an_empty_corpus(tmp_path):
    corpus = backchannel.open(str(tmp_path / "new.db"))
    assert corpus.documents() == [] and corpus.actors() == [] and corpus.timeline() == []
    data = json.loads(corpus.export("json"))
    check_export(data)
    assert data["documents"] == []


def test_open_validates_settings(tmp_path):
    with pytest.raises(ConfigError, match="batch_size"):
        backchannel.open(str(tmp_path / "x.db"), batch_size=0)


def test_open_reads_the_cli_store(corpus_run):
    corpus = backchannel.open(str(corpus_run.db))
    assert sorted(d.id for d in corpus.documents()) == sorted(d["id"] for d in corpus_run.export["documents"])
    assert json.loads(corpus.export("json")) == corpus_run.export
    assert corpus.report().startswith("<!doctype html>")
    first = corpus_run.export["documents"][0]
    assert corpus.document(first["id"]).name == first["name"]
    assert corpus.document("d-missing") is None


def test_quotes_and_sourcing_are_the_exported_ones(corpus_run):
    corpus = backchannel.open(str(corpus_run.db))
    assert [q.id for q in corpus.quotes()] == [q["id"] for q in corpus_run.export["quotes"]]
    profiles = corpus.sourcing()
    for d in corpus_run.export["documents"]:
        p = profiles[d["id"]]
        assert (p.events, p.quotes, p.named, p.anonymous) == tuple(d["sourcing"][k] for k in
                                                                   ("events", "quotes", "named", "anonymous"))


def test_timeline_keyword_filters(corpus_run):
    corpus = backchannel.open(str(corpus_run.db))
    assert corpus.timeline(since=None) == corpus.timeline()
    for e in corpus.timeline(type="request"):
        assert e.type == "REQUEST"
    docs = {d.name: d.id for d in corpus.documents()}
    assert all(e.evidence[0].document == docs["cairo_talks.txt"] for e in corpus.timeline(document=docs["cairo_talks.txt"]))


def test_actor_lookup(corpus_run):
    corpus = backchannel.open(str(corpus_run.db))
    for a in corpus.actors()[:5]:
        assert corpus.actor(a.id) == a
        assert corpus.actor(a.name.upper()) is not None
    assert corpus.actor("no such actor at all") is None


def test_ingest_accepts_one_path_or_many(tmp_path):
    (tmp_path / "a.txt").write_text("Oslo note\n\nNorway hosted the envoys in Oslo on Monday.\n")
    (tmp_path / "b.txt").write_text("Cairo note\n\nEgypt warned the delegations on Sunday.\n")
    corpus = backchannel.open(str(tmp_path / "t.db"))
    assert len(corpus.ingest(str(tmp_path / "a.txt")).stored) == 1
    report = corpus.ingest([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")])
    assert len(report.stored) == 1 and len(report.skipped) == 1


def test_network_and_paths(tmp_path):
    build_talks_store(f"sqlite:///{tmp_path / 'talks.db'}")
    corpus = backchannel.open(str(tmp_path / "talks.db"))
    graph = corpus.network()
    assert graph.edges["a-hamas", "a-qatar"]["weight"] == 2
    [path] = corpus.paths("barnea", "Hamas")  # names and aliases, any case
    assert path.names == ("David Barnea", "Qatar", "Hamas")
    assert [e.summary for e in path.links[0].events] == ["Barnea met Qatar"]
    assert corpus.paths("a-israel", "a-hamas", max_len=3) == []
    assert len(corpus.paths("a-israel", "a-hamas", max_len=4)) == 1
    assert [e.summary for e in corpus.timeline(top=1)] == ["Qatar passed the proposal to Hamas"]
    assert [e.summary for e in corpus.timeline(top=5, actor="Barnea")] == ["Barnea met Qatar"]
    with pytest.raises(UnknownActor, match="no actor 'Nobody'"):
        corpus.paths("Nobody", "Hamas")
    with pytest.raises(BackchannelError, match="same actor"):
        corpus.paths("Qatari", "Qatar")
