"""Event coding on the PLOVER gold standard records (PLOVER_GSR_CAMEO, 322 coded sentences).

    .venv/bin/python benchmarks/plover_gsr.py [GOLD_FILE]

GOLD_FILE defaults to ../shared/data/events/plover_gsr/PLOVER_GSR_CAMEO.json (relative to the repo
root); it is one JSON array whose first record, event "DOCUMENT", is a header and is skipped. Each
coded sentence is analysed alone: nlp.pipe over all the texts with the settings' model, then
analyse_document(doc, Published(None, "unknown")). Every event found in that text counts as an event
of the sentence.

Gold types use an old PLOVER vocabulary and are renamed first: DEMAND -> REQUEST,
DISAPPROVE -> ACCUSE, INVESTIGATE -> ACCUSE, FIGHT -> ASSAULT.

Event type
  A sentence is right when the types of our events include the gold type; a sentence with no event
  is wrong. Prints the accuracy, the share of sentences with any event, per-type accuracy (with how
  many of each type got no event at all) and the most frequent gold -> ours confusions among the
  wrong sentences that do have events (each distinct type we found counts once).

Attribution
  Only sentences where we found an event. We take our first event of the gold type, or else our first
  event. Its actors are compared with the gold `source` actorText strings and its recipients with the
  gold `target` ones (a `source` or `target` that is not a list, such as "" or "diplomatic", counts as
  no participants). A gold participant and one of ours match when
    - they share a content word: words are the alphanumeric runs of the text with dots removed
      ("U.S." -> "us"), compared lower-case; one-letter words and spaCy's English stop words are not
      content words, except a word written in capitals in the text ("US", "UN"); our side offers
      the actor key and the text and aliases of every mention with that key; or
    - they name the same state: `mentions.state_of` applied to any run of one to three words on each
      side gives a common state (gold "Israeli" and our "Israel", gold "Saudi Arabia" and our "Saudi").
  Precision = matched system participants / system participants; recall = matched gold participants
  / gold participants; both pooled over all these sentences, sources and targets together, and F1
  from them. Source-only and target-only recall are printed too, and, for reference, the recall when
  the gold participants of sentences without any event also count as missed.

The last line is JSON: {"type_accuracy": ..., "attribution_f1": ..., "sentences": ...}.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS

from backchannel.analyse import analyse_document
from backchannel.analyse.mentions import state_of
from backchannel.analyse.nlp import load
from backchannel.config import Settings
from backchannel.models import Analysis, EventRecord, Published

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT.parent / "shared" / "data" / "events" / "plover_gsr" / "PLOVER_GSR_CAMEO.json"
RENAMED = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}


def load_gold(path: Path) -> list[dict]:
    if not path.is_file():
        sys.exit(f"gold file not found: {path}\n(see /work/shared/data/events/README.md, section 1)")
    records = json.loads(path.read_text(encoding="utf-8"))
    return [r for r in records if r.get("event") != "DOCUMENT"]


def gold_type(record: dict) -> str:
    return RENAMED.get(record["event"], record["event"])


def participants(record: dict, role: str) -> list[str]:
    value = record.get(role)
    if not isinstance(value, list):
        return []
    return [a["actorText"] for a in value if isinstance(a, dict) and (a.get("actorText") or "").strip()]


def content_words(text: str) -> set[str]:
    words = re.findall(r"[A-Za-z0-9]+", text.replace(".", ""))
    return {w.lower() for w in words
            if len(w) > 1 and (w.lower() not in STOP_WORDS or (w.isupper() and w.isalpha()))}


def states(text: str) -> set[str]:
    words = re.findall(r"[A-Za-z][A-Za-z.'-]*", text)
    found = set()
    for n in (1, 2, 3):
        for i in range(len(words) - n + 1):
            state = state_of(" ".join(words[i:i + n]).removesuffix("'s").removesuffix("'"))
            if state:
                found.add(state)
    return found


def matches(gold: str, ours: list[str]) -> bool:
    """Does the gold actorText match any of the strings that stand for one of our participants?"""
    words, gold_states = content_words(gold), states(gold)
    return any(words & content_words(text) or gold_states & states(text) for text in ours)


def surface_forms(analysis: Analysis, key: str) -> list[str]:
    """The key itself, then the text and aliases of every mention with that key."""
    forms = [key]
    for m in analysis.mentions:
        if m.key == key:
            forms += [m.text, *m.aliases]
    return forms


def chosen_event(events: tuple[EventRecord, ...], wanted: str) -> EventRecord | None:
    return next((e for e in events if e.type == wanted), events[0] if events else None)


def score_roles(gold: list[str], ours: list[str], analysis: Analysis) -> tuple[int, int, int, int]:
    """(matched gold, gold, matched system, system) for one role of one sentence."""
    forms = {key: surface_forms(analysis, key) for key in ours}
    matched_gold = sum(any(matches(g, forms[k]) for k in ours) for g in gold)
    matched_ours = sum(any(matches(g, forms[k]) for g in gold) for k in ours)
    return matched_gold, len(gold), matched_ours, len(ours)


def ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", nargs="?", default=str(GOLD), help="PLOVER_GSR_CAMEO.json (default: shared data)")
    args = parser.parse_args()
    records = load_gold(Path(args.gold))
    settings = Settings.load()
    nlp = load(settings.model)
    docs = nlp.pipe([r["text"] for r in records], batch_size=settings.batch_size)
    analyses = [analyse_document(doc, Published(None, "unknown")) for doc in docs]

    right, with_event = 0, 0
    per_type: dict[str, list[int]] = {}  # gold type -> [right, total, no event]
    confusions: Counter[tuple[str, str]] = Counter()
    totals = Counter()  # pooled attribution counts
    for record, analysis in zip(records, analyses):
        wanted = gold_type(record)
        found = {e.type for e in analysis.events}
        ok = wanted in found
        right += ok
        with_event += bool(analysis.events)
        per_type.setdefault(wanted, [0, 0, 0])
        per_type[wanted][0] += ok
        per_type[wanted][1] += 1
        per_type[wanted][2] += not analysis.events
        if not ok:
            confusions.update((wanted, ours) for ours in sorted(found))

        sources, targets = participants(record, "source"), participants(record, "target")
        event = chosen_event(analysis.events, wanted)
        if event is None:
            totals["gold_missed_no_event"] += len(sources) + len(targets)
            continue
        for role, gold, ours in (("source", sources, event.actors), ("target", targets, event.recipients)):
            mg, g, ms, s = score_roles(gold, list(ours), analysis)
            totals[f"{role}_matched_gold"] += mg
            totals[f"{role}_gold"] += g
            totals["matched_gold"] += mg
            totals["gold"] += g
            totals["matched_system"] += ms
            totals["system"] += s

    n = len(records)
    accuracy = ratio(right, n)
    precision = ratio(totals["matched_system"], totals["system"])
    recall = ratio(totals["matched_gold"], totals["gold"])
    f1 = ratio(2 * precision * recall, precision + recall) if precision + recall else 0.0

    print(f"{n} gold sentences; model {settings.model}")
    print(f"  event type accuracy                  {accuracy:6.1%} ({right}/{n})")
    print(f"  sentences with any event             {ratio(with_event, n):6.1%} ({with_event}/{n})")
    print("  per gold type (worst first):")
    for kind, (ok, total, none) in sorted(per_type.items(), key=lambda kv: (ratio(*kv[1][:2]), -kv[1][1])):
        print(f"    {kind:10} {ratio(ok, total):6.1%} ({ok}/{total}; no event in {none})")
    print("  top confusions, gold -> ours (wrong sentences with events; each type we found):")
    for (gold, ours), count in confusions.most_common(12):
        print(f"    {gold:10} -> {ours:10} {count}")
    print(f"  attribution, {with_event} sentences with an event:")
    print(f"    precision {precision:6.1%} ({totals['matched_system']}/{totals['system']})")
    print(f"    recall    {recall:6.1%} ({totals['matched_gold']}/{totals['gold']})")
    print(f"    F1        {f1:6.1%}")
    for role in ("source", "target"):
        print(f"    {role} recall {ratio(totals[f'{role}_matched_gold'], totals[f'{role}_gold']):6.1%} "
              f"({totals[f'{role}_matched_gold']}/{totals[f'{role}_gold']})")
    all_gold = totals["gold"] + totals["gold_missed_no_event"]
    print(f"    recall counting sentences without any event as misses "
          f"{ratio(totals['matched_gold'], all_gold):6.1%} ({totals['matched_gold']}/{all_gold})")
    print(json.dumps({"type_accuracy": round(accuracy, 4), "attribution_f1": round(f1, 4), "sentences": n}))


if __name__ == "__main__":
    main()
