"""Quantity extraction on NewsQuant (CQE, Almasian et al., EMNLP 2023): 590 news sentences, 904 quantities.

    .venv/bin/python benchmarks/newsquant.py [GOLD_FILE] [--show N]

GOLD_FILE defaults to ../shared/data/quantities/cqe_evaluation/formatted_test_set/NewsQuant.json
(relative to the repo root); /work/shared/data/quantities/README.md describes it and its licence
(internal evaluation only: do not copy it into this repo). Every sentence is parsed alone with the
settings' model (nlp.pipe), and `read_quantities(sent, ages=True, offsets=True)` runs on each of its spaCy sentences
(NewsQuant annotates ages and the durations that place a happening in time; the claims ledger leaves them out). The same
sentences then go through quantulum3 (`pip install -e .[bench]`), which is scored the same way.

Metric (the authors' one, re-implemented): micro precision, recall and F1 over quantities, pooled over
all sentences. For each gold quantity, in the order of its normalised unit, the predictions of the same
sentence whose value is np.isclose to it (rtol 1e-5) are candidates; a gold range "low-high" matches
only a predicted range with both ends close. For quantulum3 the gold range is averaged first, as the
authors did, since it gives no ranges. The gold quantity takes the first candidate with the same unit,
or else the first candidate; a prediction matched with its unit is used up. Five measures count:
  value            a candidate exists;
  value+unit       and the unit is the gold `normalized_unit` (lower case);
  value+change     and the change code (=, ~, >, <, up, down) is the gold one;
  concept partial  and our concept words share a word with the gold `referred_concepts`;
  concept complete and the two word sets are equal.
Precision divides by all predictions, recall by all gold quantities.

Our output is mapped to the gold naming with a small general table: a currency code becomes its
name (USD -> dollar, EUR -> euro, JPY -> japanese yen, from patterns/quantities.yaml), percent ->
percentage, each side of "X per Y" alike; with no unit, the counted noun with its adjectives
(`counted_phrase`, lemmas) is the unit, and with neither it is "-". An age is "<unit> of age" ("year of
age") and a share of a group "% <counted>", as NewsQuant writes them; a start point ("from X") and
the figure after its "to" become one range (X, Y) in text order, as NewsQuant writes movements.
Concept words are the words of `referred` (letters and digits), lower case, without spaCy's English
stop words; none is "-", as in the gold file. quantulum3 unit names
are lower-cased, "dimensionless" becomes "-", and a currency "<country> dollar" of the United States
becomes "dollar".

Speed is sentences per second over the whole run: ours includes the spaCy parse, quantulum3 its
own parse. The last line is JSON: {"value_f1": ..., "value_unit_f1": ..., "value_change_f1": ...,
"concept_partial_f1": ..., "concept_complete_f1": ..., "sentences_per_s": ..., "quantulum3": {...}}.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

from dataclasses import replace

import numpy as np
from spacy.lang.en.stop_words import STOP_WORDS

from backchannel.analyse.nlp import load
from backchannel.analyse.quantities import Quantity, read_quantities, vocabulary
from backchannel.config import Settings

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT.parent / "shared" / "data" / "quantities" / "cqe_evaluation" / "formatted_test_set" / "NewsQuant.json"
MEASURES = ("value", "value_unit", "value_change", "concept_partial", "concept_complete")


def parse_gold_value(text: str, average: bool) -> float | tuple[float, float]:
    text = text.strip()
    m = re.fullmatch(r"(-?[\d.]+)\s*-\s*(-?[\d.]+)", text)
    if m and "e" not in text.lower():
        low, high = float(m.group(1)), float(m.group(2))
        return (low + high) / 2 if average else (low, high)
    return float(text)


def values_close(gold, pred) -> bool:
    if isinstance(gold, tuple) != isinstance(pred, tuple):
        return False
    if isinstance(gold, tuple):
        return bool(np.isclose(gold[0], pred[0], rtol=1e-5) and np.isclose(gold[1], pred[1], rtol=1e-5))
    return bool(np.isclose(gold, pred, rtol=1e-5))


def score(sentences: list[tuple[list[dict], list[dict]]], average_ranges: bool = False) -> dict:
    """Counts and P/R/F1 of the five measures; each item is (gold quantities, predictions) of one sentence.
    A prediction is {"value": float or (low, high), "unit": str, "change": str | None, "concepts": set | None}."""
    hits = dict.fromkeys(MEASURES, 0)
    n_gold = n_pred = 0
    for gold, preds in sentences:
        n_gold += len(gold)
        n_pred += len(preds)
        left = list(preds)
        for g in sorted(gold, key=lambda q: q["normalized_unit"]):
            value = parse_gold_value(g["value"], average_ranges)
            unit = g["normalized_unit"].lower()
            candidates = [p for p in left if values_close(value, p["value"])]
            if not candidates:
                continue
            same_unit = [p for p in candidates if p["unit"] == unit]
            p = same_unit[0] if same_unit else candidates[0]
            hits["value"] += 1
            if same_unit:
                hits["value_unit"] += 1
                left.remove(p)
            if p["change"] is not None and p["change"] == g.get("change"):
                hits["value_change"] += 1
            if p["concepts"] is not None:
                gold_words = {w.lower() for w in re.split(r"[,\s]+", g.get("referred_concepts", "-")) if w}
                if gold_words & p["concepts"]:
                    hits["concept_partial"] += 1
                if gold_words == p["concepts"]:
                    hits["concept_complete"] += 1
    out: dict = {"gold": n_gold, "predicted": n_pred}
    for name, hit in hits.items():
        precision = hit / n_pred if n_pred else 0.0
        recall = hit / n_gold if n_gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        out[name] = {"p": round(precision, 4), "r": round(recall, 4), "f1": round(f1, 4)}
    return out


def unit_name(unit: str) -> str:
    names = vocabulary()["currency_names"]
    words = {"percent": "percentage"}
    return " per ".join(names.get(part, words.get(part, part)) for part in unit.split(" per "))


def concept_words(concept: str) -> set[str]:
    words = {w.lower() for w in re.findall(r"[\w&]+(?:[-/.][\w&]+)*", concept)} - STOP_WORDS
    return words or {"-"}


def ours(q: Quantity) -> dict:
    value = (q.low, q.high) if q.value is None else q.value
    unit = unit_name(q.unit) if q.unit else q.counted_phrase or q.counted or "-"
    if q.kind == "age":
        unit = f"{unit} of age"
    elif q.kind == "share":
        unit = f"% {unit}"
    return {"value": value, "unit": unit.lower(), "change": q.change, "concepts": concept_words(" ".join(q.referred)), "q": q}


def movements(found: list[Quantity], text: str) -> list[Quantity]:
    """NewsQuant writes "from X to Y" as one range "X-Y", in text order even when it falls: a start point
    (kind "from") and the next figure after "to" become one."""
    out: list[Quantity] = []
    for q in found:
        prev = out[-1] if out else None
        if prev is not None and prev.kind == "from" and prev.value is not None and q.value is not None \
                and re.search(r"\bto\b", text[prev.end:q.start]) and (q.unit == prev.unit or q.unit is None):
            out[-1] = replace(prev, value=None, low=prev.value, high=q.value, end=q.end, kind="")
            continue
        out.append(q)
    return out


def quantulum_unit(name: str) -> str:
    name = name.lower()
    if name == "dimensionless":
        return "-"
    return re.sub(r"^united states dollar$", "dollar", name)


def run_quantulum(texts: list[str]) -> tuple[list[list[dict]], float] | None:
    try:
        from quantulum3 import parser
    except ImportError:
        print("quantulum3 is not installed (pip install -e .[bench]); skipped", file=sys.stderr)
        return None
    started = time.perf_counter()
    out = []
    for text in texts:
        try:
            found = parser.parse(text)
        except Exception:  # quantulum3 raises on some inputs; count the sentence as empty
            found = []
        out.append([{"value": float(q.value), "unit": quantulum_unit(q.unit.name), "change": None,
                     "concepts": None} for q in found])
    return out, time.perf_counter() - started


def show(name: str, scores: dict, speed: float, measures: tuple[str, ...] = MEASURES) -> None:
    print(f"{name}: {scores['predicted']} predicted, {scores['gold']} gold, {speed:.1f} sentences/s")
    for measure in measures:
        s = scores[measure]
        print(f"  {measure:17} P {s['p']:.3f}  R {s['r']:.3f}  F1 {s['f1']:.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="?", type=Path, default=GOLD)
    ap.add_argument("--show", type=int, default=0, help="print the N first sentences with a miss or a spurious figure")
    args = ap.parse_args()
    if not args.gold.is_file():
        sys.exit(f"gold file not found: {args.gold}\n(see /work/shared/data/quantities/README.md)")
    records = json.loads(args.gold.read_text(encoding="utf-8"))
    texts = [r["text"] for r in records]

    nlp = load(Settings.load().model)
    list(nlp.pipe(texts[:20]))  # warm up
    started = time.perf_counter()
    predicted = [[ours(q) for q in movements([q for sent in doc.sents for q in read_quantities(sent, ages=True, offsets=True)], doc.text)]
                 for doc in nlp.pipe(texts, batch_size=64)]
    speed = len(texts) / (time.perf_counter() - started)
    result = score([(r["quantities"], p) for r, p in zip(records, predicted)])
    show("backchannel", result, speed)

    shown = 0
    for record, preds in zip(records, predicted):
        if shown >= args.show:
            break
        gold = {(g["value"], g["normalized_unit"].lower(), g["change"], g["referred_concepts"]) for g in record["quantities"]}
        mine = {(str(p["value"]), p["unit"], p["change"], " ".join(sorted(p["concepts"]))) for p in preds}
        if len(gold) != len(mine) or any(not any(values_close(parse_gold_value(g[0], False), p["value"]) and g[1] == p["unit"]
                                                 for p in preds) for g in gold):
            shown += 1
            print("\n" + record["text"])
            for g in sorted(gold):
                print("   gold", g)
            for m in sorted(mine):
                print("   ours", m)

    line = {m + "_f1": result[m]["f1"] for m in MEASURES}
    line = {"value_f1": line["value_f1"], "value_unit_f1": line["value_unit_f1"], "value_change_f1": line["value_change_f1"],
            "concept_partial_f1": line["concept_partial_f1"], "concept_complete_f1": line["concept_complete_f1"],
            "sentences_per_s": round(speed, 1)}
    q3 = run_quantulum(texts)
    if q3 is not None:
        q3_predicted, q3_seconds = q3
        q3_result = score([(r["quantities"], p) for r, p in zip(records, q3_predicted)], average_ranges=True)
        q3_speed = len(texts) / q3_seconds
        show("quantulum3 (no change or concept)", q3_result, q3_speed, MEASURES[:2])
        line["quantulum3"] = {"value_f1": q3_result["value"]["f1"], "value_unit_f1": q3_result["value_unit"]["f1"],
                              "sentences_per_s": round(q3_speed, 1)}
    print(json.dumps(line))


if __name__ == "__main__":
    main()
