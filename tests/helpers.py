"""Shared test helpers: the export-contract checker and a hand-built store (no spaCy involved).

The contract is design/export-format.md; `check_export` encodes its shape, not any particular
analysis result, so it holds whatever the statistical stages find.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from backchannel.dates import month_window
from backchannel.models import (Actor, Analysis, DateWindow, Document, EventRecord, Evidence, Mention, Published,
                                QuoteRecord, Timex)
from backchannel.store import Store, event_id

PLOVER_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
ACTOR_KINDS = {"person", "organization", "state", "group", "other"}
STATUSES = {"occurred", "planned", "reported", "speculative"}
BASES = {"metadata", "text", "inferred", "unknown"}
DOCUMENT_KEYS = {"id", "source", "name", "outlet", "title", "language", "published", "story", "duplicate_of"}
ACTOR_KEYS = {"id", "name", "kind", "aliases", "affiliations", "mentions"}
EVENT_KEYS = {"id", "type", "mode", "summary", "date", "actors", "recipients", "negated", "status", "evidence"}
EVIDENCE_KEYS = {"document", "sentence", "start", "end"}
QUOTE_KEYS = {"id", "speaker", "speaker_text", "text", "evidence"}
CLAIM_KEYS = {"id", "value", "low", "high", "qualifier", "unit", "what", "as_of", "attributed_to", "evidence",
              "conflicts_with"}
QUALIFIERS = {"exact", "about", "nearly", "more than", "at least", "up to", "less than"}
SOURCING_KEYS = {"events", "quotes", "claims", "named", "anonymous", "unattributed", "hedged", "anonymous_share"}


def value_window(value: str) -> tuple[date, date]:
    """The days a TIMEX3-style value names: 2024-02-11, 2024-W07, 2024-02, 2024."""
    if m := re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", value):
        day = date(*map(int, m.groups()))
        return day, day
    if m := re.fullmatch(r"(\d{4})-W(\d\d)", value):
        monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        return monday, monday + timedelta(days=6)
    if m := re.fullmatch(r"(\d{4})-(\d\d)", value):
        return month_window(int(m[1]), int(m[2]))
    if m := re.fullmatch(r"(\d{4})", value):
        return date(int(m[1]), 1, 1), date(int(m[1]), 12, 31)
    raise AssertionError(f"not a TIMEX3 date value: {value!r}")


def check_date(obj, where: str, nullable_days: bool = False) -> None:
    """A date object: `earliest` and `latest` ISO days (inclusive, ordered), `value` naming a unit holding them."""
    assert isinstance(obj, dict), f"{where}: date is not an object"
    assert {"value", "earliest", "latest"} <= set(obj), f"{where}: date lacks value/earliest/latest: {obj}"
    if nullable_days and obj["earliest"] is None:
        assert obj["latest"] is None and obj["value"] is None, f"{where}: half-open date {obj}"
        return
    lo, hi = date.fromisoformat(obj["earliest"]), date.fromisoformat(obj["latest"])
    assert lo <= hi, f"{where}: window ends before it starts: {obj}"
    if obj["value"] is not None:
        unit_lo, unit_hi = value_window(obj["value"])
        assert unit_lo <= lo and hi <= unit_hi, f"{where}: value {obj['value']} does not hold {lo}..{hi}"


def check_export(data: dict, texts: dict[str, str] | None = None) -> None:
    """Assert `data` has the shape of design/export-format.md; with `texts` (document id -> stored text),
    also that every evidence offset pair slices the stored text to the evidence sentence."""
    assert data["format"] == "backchannel-export"
    assert data["version"] == 1 and isinstance(data["version"], int)
    for key in ("documents", "actors", "events", "claims", "quotes"):
        assert isinstance(data[key], list), f"{key} is not a list"

    doc_ids = [d["id"] for d in data["documents"]]
    assert len(doc_ids) == len(set(doc_ids)), "document ids are not unique"
    for d in data["documents"]:
        assert DOCUMENT_KEYS <= set(d), f"document lacks {DOCUMENT_KEYS - set(d)}"
        assert isinstance(d["id"], str) and d["id"]
        assert isinstance(d["source"], str) and isinstance(d["name"], str) and d["name"]
        for key in ("outlet", "title", "duplicate_of"):
            assert d[key] is None or isinstance(d[key], str), f"{d['id']}.{key}: {d[key]!r}"
        assert isinstance(d["language"], str)
        assert d["published"]["basis"] in BASES
        check_date(d["published"], f"{d['id']}.published", nullable_days=d["published"]["basis"] == "unknown")
        assert isinstance(d["story"], str) and d["story"], f"{d['id']} has no story"
        assert d["duplicate_of"] is None or d["duplicate_of"] in doc_ids
        if "sourcing" in d:
            p = d["sourcing"]
            assert SOURCING_KEYS <= set(p), f"{d['id']}.sourcing lacks {SOURCING_KEYS - set(p)}"
            assert p["named"] + p["anonymous"] + p["unattributed"] == p["events"] + p["quotes"] + p["claims"], p
            assert 0 <= p["hedged"] <= p["events"] and 0 <= p["anonymous_share"] <= 1, p

    actor_ids = [a["id"] for a in data["actors"]]
    assert len(actor_ids) == len(set(actor_ids)), "actor ids are not unique"
    for a in data["actors"]:
        assert ACTOR_KEYS <= set(a), f"actor lacks {ACTOR_KEYS - set(a)}"
        assert isinstance(a["name"], str) and a["name"]
        assert a["kind"] in ACTOR_KINDS, a
        assert all(isinstance(x, str) for x in a["aliases"])
        assert all(x in actor_ids for x in a["affiliations"]), a
        assert isinstance(a["mentions"], int) and a["mentions"] >= 0

    event_ids = [e["id"] for e in data["events"]]
    assert len(event_ids) == len(set(event_ids)), "event ids are not unique"
    for e in data["events"]:
        assert EVENT_KEYS <= set(e), f"event lacks {EVENT_KEYS - set(e)}"
        assert e["type"] in PLOVER_TYPES, e["type"]
        assert e["mode"] is None or isinstance(e["mode"], str)
        assert isinstance(e["summary"], str)
        if e["date"] is not None:
            check_date(e["date"], f"{e['id']}.date")
        assert all(x in actor_ids for x in e["actors"] + e["recipients"]), e
        assert isinstance(e["negated"], bool)
        assert e["status"] in STATUSES
        assert e["evidence"], f"{e['id']} has no evidence"
        for ev in e["evidence"]:
            assert EVIDENCE_KEYS <= set(ev)
            assert ev["document"] in doc_ids
            assert isinstance(ev["start"], int) and isinstance(ev["end"], int)
            assert 0 <= ev["start"] < ev["end"]
            if texts is not None:
                assert texts[ev["document"]][ev["start"]:ev["end"]] == ev["sentence"], \
                    f"{e['id']}: offsets {ev['start']}..{ev['end']} do not slice to the evidence sentence"

    quote_ids = [q["id"] for q in data["quotes"]]
    assert len(quote_ids) == len(set(quote_ids)), "quote ids are not unique"
    for e in data["events"]:
        assert all(q in quote_ids for q in e.get("quotes", [])), e
    for q in data["quotes"]:
        assert QUOTE_KEYS <= set(q), f"quote lacks {QUOTE_KEYS - set(q)}"
        assert q["speaker"] is None or q["speaker"] in actor_ids, q
        assert isinstance(q["speaker_text"], str) and isinstance(q["text"], str) and q["text"], q
        assert q["evidence"], f"{q['id']} has no evidence"
        for ev in q["evidence"]:
            assert EVIDENCE_KEYS <= set(ev) and ev["document"] in doc_ids
            assert 0 <= ev["start"] < ev["end"]
            if texts is not None:
                text = texts[ev["document"]]
                assert text[ev["start"]:ev["end"]] == ev["sentence"], \
                    f"{q['id']}: offsets {ev['start']}..{ev['end']} do not slice to the evidence sentence"
                if "text_start" in q:
                    assert text[q["text_start"]:q["text_end"]] == q["text"], f"{q['id']}: quote offsets"

    claim_ids = {c["id"] for c in data["claims"]}
    assert len(claim_ids) == len(data["claims"]), "claim ids are not unique"
    for c in data["claims"]:
        assert CLAIM_KEYS <= set(c), f"claim lacks {CLAIM_KEYS - set(c)}"
        assert (c["value"] is None) != (c["low"] is None and c["high"] is None), c  # a value or a range
        assert c["low"] is None or c["low"] <= c["high"], c
        assert c["qualifier"] in QUALIFIERS and isinstance(c["what"], str), c
        if c["as_of"] is not None:
            check_date(c["as_of"], f"{c['id']}.as_of")
        assert c["attributed_to"] is None or c["attributed_to"] in actor_ids, c
        assert all(x in claim_ids and x != c["id"] for x in c["conflicts_with"]), c
        for ev in c["evidence"]:
            assert EVIDENCE_KEYS <= set(ev) and ev["document"] in doc_ids
            if texts is not None:
                assert texts[ev["document"]][ev["start"]:ev["end"]] == ev["sentence"], f"{c['id']}: offsets"


# -- a hand-built store: known documents, actors and events, no NLP ------------------------------

OSLO = "Oslo meeting\nNorway hosted Sweden in Oslo on Monday.\nSweden and Norway agreed to meet again."
HELSINKI = "Helsinki note\nFinland accused Norway of stalling <b>the</b> talks in March 2024."


def day(iso: str, rule: str = "test") -> DateWindow:
    d = date.fromisoformat(iso)
    return DateWindow(d, d, rule=rule).normalised()


def _mention(text: str, needle: str, kind: str = "state", occurrence: int = 0) -> Mention:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(needle, start + 1)
    return Mention(start, start + len(needle), needle, kind, needle)


def _evidence(doc_id: str, text: str, sentence: str) -> Evidence:
    start = text.index(sentence)
    return Evidence(doc_id, sentence, start, start + len(sentence))


def hand_documents() -> list[tuple[Document, Analysis]]:
    oslo = Document(id="d-oslo", source="notes/oslo.txt", name="oslo.txt", text=OSLO, content_hash="h-oslo",
                    title="Oslo meeting", published=Published(day("2024-02-13", "metadata"), "metadata"))
    helsinki = Document(id="d-helsinki", source="notes/helsinki.txt", name="helsinki.txt", text=HELSINKI,
                        content_hash="h-helsinki", outlet="Example Post")
    hosted = EventRecord(type="CONSULT", trigger="hosted", summary="Norway hosted Sweden", actors=("Norway",),
                         recipients=("Sweden",), evidence=_evidence("d-oslo", OSLO, "Norway hosted Sweden in Oslo on Monday."),
                         date=day("2024-02-12", "weekday"), date_anchor=f"timex:{OSLO.index('on Monday')}")
    agreed = EventRecord(type="AGREE", trigger="agreed", summary="Sweden and Norway agreed", actors=("Sweden", "Norway"),
                         recipients=(), status="planned",
                         evidence=_evidence("d-oslo", OSLO, "Sweden and Norway agreed to meet again."))
    march = DateWindow(date(2024, 3, 1), date(2024, 3, 31), rule="month-year").normalised()
    accused = EventRecord(type="ACCUSE", trigger="accused", summary="Finland accused Norway", actors=("Finland",),
                          recipients=("Norway",), date=march, date_anchor=f"timex:{HELSINKI.index('March 2024')}",
                          evidence=_evidence("d-helsinki", HELSINKI, HELSINKI.split("\n")[1]))
    oslo_analysis = Analysis(
        mentions=(_mention(OSLO, "Norway"), _mention(OSLO, "Sweden"), _mention(OSLO, "Sweden", occurrence=1),
                  _mention(OSLO, "Norway", occurrence=1)),
        timexes=(Timex(OSLO.index("on Monday"), OSLO.index("on Monday") + 9, "on Monday", "DATE",
                       day("2024-02-12", "weekday")),),
        events=(hosted, agreed))
    helsinki_analysis = Analysis(
        mentions=(_mention(HELSINKI, "Finland"), _mention(HELSINKI, "Norway")),
        timexes=(Timex(HELSINKI.index("March 2024"), HELSINKI.index("March 2024") + 10, "March 2024", "DATE", march),),
        events=(accused,))
    return [(oslo, oslo_analysis), (helsinki, helsinki_analysis)]


HAND_ACTORS = [Actor("a-norway", "Norway", "state", ("Kingdom of Norway",), (), 3),
               Actor("a-sweden", "Sweden", "state", (), (), 2),
               Actor("a-finland", "Finland", "state", (), ("a-norway",), 1)]


def build_hand_store(url: str = "sqlite://") -> Store:
    """A store holding two hand-built documents, three events and three actors."""
    store = Store(url)
    for doc, analysis in hand_documents():
        store.add_document(doc, analysis, minhash=None)
    assignment = {(doc_id, key): "a-" + key.lower()
                  for doc_id, keys in (("d-oslo", ("Norway", "Sweden")), ("d-helsinki", ("Finland", "Norway")))
                  for key in keys}
    store.replace_actors(HAND_ACTORS, assignment)
    store.set_document_links({"d-oslo": ("s-1", None), "d-helsinki": ("s-2", None)})
    return store


def hand_event_ids() -> dict[str, str]:
    """Event type -> id as the store derives it."""
    return {r.type: event_id(doc.id, r) for doc, analysis in hand_documents() for r in analysis.events}


# -- a hand-built store for the network: a chain of contact, affiliations, a negated meeting -------------

DOHA = ("Doha talks\nMossad chief David Barnea met Qatar's prime minister in Doha on Tuesday [bold]to press[/bold] "
        "the deal.\nQatar passed the proposal to Hamas on Wednesday.\nHamas did not meet Israeli envoys.")
CAIRO = "Cairo talks\nQatar and Hamas spoke by phone on Thursday <i>about</i> the proposal."

TALKS_ACTORS = [Actor("a-israel", "Israel", "state", ("Israeli",), (), 5),
                Actor("a-qatar", "Qatar", "state", ("Qatari",), (), 4),
                Actor("a-hamas", "Hamas", "group", (), (), 4),
                Actor("a-barnea", "David Barnea", "person", ("Barnea",), ("a-mossad",), 2),
                Actor("a-mossad", "Mossad", "organization", (), ("a-israel",), 1)]


def _talks_record(type: str, summary: str, actors, recipients, doc_id: str, text: str, sentence: str,
                  when: str | None, negated: bool = False) -> EventRecord:
    return EventRecord(type=type, trigger=summary.split()[1], summary=summary, actors=actors, recipients=recipients,
                       evidence=_evidence(doc_id, text, sentence), negated=negated,
                       date=day(when, "weekday") if when else None)


def build_talks_store(url: str = "sqlite://") -> Store:
    """Barnea (of Mossad, of Israel) met Qatar; Qatar passed a proposal to Hamas and spoke to it by phone;
    Hamas did not meet Israel. Article text holds rich markup and HTML, to check escaping."""
    doha_lines, cairo_lines = DOHA.split("\n"), CAIRO.split("\n")
    doha = Document(id="d-doha", source="notes/doha.txt", name="doha.txt", text=DOHA, content_hash="h-doha",
                    title="Doha talks", outlet="Example Wire", url="https://example.com/doha",
                    published=Published(day("2024-02-14", "metadata"), "metadata"))
    cairo = Document(id="d-cairo", source="notes/cairo.txt", name="cairo.txt", text=CAIRO, content_hash="h-cairo",
                     published=Published(day("2024-02-16", "metadata"), "metadata"))
    records = {
        "d-doha": (doha, (
            _talks_record("CONSULT", "Barnea met Qatar", ("David Barnea",), ("Qatar",), "d-doha", DOHA, doha_lines[1],
                          "2024-02-13"),
            _talks_record("CONSULT", "Qatar passed the proposal to Hamas", ("Qatar",), ("Hamas",), "d-doha", DOHA,
                          doha_lines[2], "2024-02-14"),
            _talks_record("CONSULT", "Hamas did not meet Israel", ("Hamas",), ("Israel",), "d-doha", DOHA,
                          doha_lines[3], None, negated=True))),
        "d-cairo": (cairo, (
            _talks_record("CONSULT", "Qatar and Hamas spoke", ("Qatar", "Hamas"), (), "d-cairo", CAIRO,
                          cairo_lines[1], "2024-02-15"),)),
    }
    store = Store(url)
    for doc, events in records.values():
        store.add_document(doc, Analysis(events=events), minhash=None)
    keys = {"David Barnea": "a-barnea", "Qatar": "a-qatar", "Hamas": "a-hamas", "Israel": "a-israel"}
    store.replace_actors(TALKS_ACTORS, {(doc_id, key): actor for doc_id in records for key, actor in keys.items()})
    store.set_document_links({"d-doha": ("s-1", None), "d-cairo": ("s-1", None)})
    return store


# -- a hand-built store for quotations and sourcing: named, anonymous and unattributed sources ----------

HARBOUR = ("Harbour talks\n"
           "Luxembourg and Malta signed the harbour accord on Monday, Anna Weber said.\n"
           "Malta reportedly rejected a second clause, a person familiar with the talks said.\n"
           "Belgium could join the accord later.\n"
           "\u201cWe will sign again next year,\u201d the statement said.\n"
           "Weber accused Malta of stalling the talks, she told reporters.")
QUIET = "Quiet note\nThe harbour stayed calm all week.\nAndorra watched the ships."

HARBOUR_ACTORS = [Actor("a-luxembourg", "Luxembourg", "state", (), (), 1), Actor("a-malta", "Malta", "state", (), (), 3),
                  Actor("a-belgium", "Belgium", "state", (), (), 1), Actor("a-weber", "Anna Weber", "person", ("Weber",), (), 2)]


def harbour_line(n: int) -> str:
    return HARBOUR.split("\n")[n]


def harbour_quote(line: int, words: str, kind: str, cue: str, key: str | None, speaker: str,
                  anonymous: str = "") -> QuoteRecord:
    start = HARBOUR.index(words)
    return QuoteRecord(text=words, start=start, end=start + len(words), kind=kind, cue=cue, speaker_key=key,
                       speaker_text=speaker, evidence=_evidence("d-harbour", HARBOUR, harbour_line(line)),
                       anonymous=bool(anonymous), source_cue=anonymous)


def harbour_documents() -> list[tuple[Document, Analysis]]:
    """Four events and four quotations: Weber (named) twice, an anonymous person, an unnamed statement;
    one event reported ("reportedly") and one speculative ("could"). QUIET's only event names an actor
    that fusion does not know, so it is no event of the timeline."""
    def event(type: str, trigger: str, actors, recipients, line: int, status="occurred", cue="") -> EventRecord:
        return EventRecord(type=type, trigger=trigger, summary=f"{actors[0]} {trigger}", actors=actors,
                           recipients=recipients, evidence=_evidence("d-harbour", HARBOUR, harbour_line(line)),
                           status=status, cue=cue)

    harbour = Document(id="d-harbour", source="notes/harbour.txt", name="harbour.txt", text=HARBOUR,
                       content_hash="h-harbour", published=Published(day("2024-05-07", "metadata"), "metadata"))
    quiet = Document(id="d-quiet", source="notes/quiet.txt", name="quiet.txt", text=QUIET, content_hash="h-quiet")
    mentions = tuple(_mention(HARBOUR, name, kind) for name, kind in (
        ("Luxembourg", "state"), ("Malta", "state"), ("Anna Weber", "person"), ("Belgium", "state")))
    weber = Mention(HARBOUR.index("Weber accused"), HARBOUR.index("Weber accused") + 5, "Weber", "person", "Anna Weber")
    analysis = Analysis(
        mentions=mentions + (weber,),
        events=(event("AGREE", "signed", ("Luxembourg", "Malta"), (), 1),
                event("REJECT", "rejected", ("Malta",), (), 2, "reported", "reportedly"),
                event("COOPERATE", "join", ("Belgium",), (), 3, "speculative", "could"),
                event("ACCUSE", "accused", ("Anna Weber",), ("Malta",), 5)),
        quotes=(harbour_quote(1, "Luxembourg and Malta signed the harbour accord on Monday", "indirect", "say",
                              "Anna Weber", "Anna Weber"),
                harbour_quote(2, "Malta reportedly rejected a second clause", "indirect", "say", None,
                              "a person familiar with the talks", anonymous="familiar with"),
                harbour_quote(4, "We will sign again next year", "direct", "say", None, "the statement"),
                harbour_quote(5, "Weber accused Malta of stalling the talks", "indirect", "tell", "Anna Weber", "she")))
    watched = EventRecord(type="CONSULT", trigger="watched", summary="Andorra watched", actors=("Andorra",),
                          recipients=(), evidence=_evidence("d-quiet", QUIET, QUIET.split("\n")[2]))
    return [(harbour, analysis), (quiet, Analysis(mentions=(_mention(QUIET, "Andorra"),), events=(watched,)))]


def build_harbour_store(url: str = "sqlite://") -> Store:
    store = Store(url)
    for doc, analysis in harbour_documents():
        store.add_document(doc, analysis, minhash=None)
    keys = {"Luxembourg": "a-luxembourg", "Malta": "a-malta", "Belgium": "a-belgium", "Anna Weber": "a-weber"}
    store.replace_actors(HARBOUR_ACTORS, {("d-harbour", key): actor for key, actor in keys.items()})
    store.set_document_links({"d-harbour": ("s-1", None), "d-quiet": ("s-2", None)})
    return store
