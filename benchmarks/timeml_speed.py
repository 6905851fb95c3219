"""How long tagging the 20 TempEval-3 platinum documents takes, with and without loading the pipeline.

    .venv/bin/python benchmarks/timeml_speed.py [FOLDER] [--repeat N]

FOLDER (default ../shared/data/timeml/platinum) holds TimeML files; only their text and creation time
(DCT, the anchor) are used, nothing is scored. One run of the script measures:

  (a) tag_s: find_timexes on every text, anchored at its DCT, in this process after one warm-up run
      (which compiles the rules); the best of N runs (default 5) counts.
  (b) with_load_s: a fresh Python process (the honest way to include imports) that imports backchannel,
      loads the spaCy model with backchannel.analyse.nlp.load, adds the `backchannel_times` component
      and tags the texts through nlp.pipe (the whole pipeline runs: tagger, parser, NER, ...). Wall
      time from starting the process to its end. If no `backchannel_times` factory is registered it
      loads the model and runs find_timexes instead, and says so. The disk cache may be warm.

  (c) tagger_with_load_s: a fresh Python process running the tagger the way a spaCy user would, as the
      only component of a blank English pipeline (`spacy.blank("en")`, `nlp.add_pipe("backchannel_times")`,
      found through its entry point): imports, loading the rules and tagging, wall time. The tagger needs
      no statistical model; (b) shows the cost of the full analysis pipeline around it. Without tags the
      tagger guesses verb tenses from keywords; in (b) it reads them from the tagger's tags.

  (d) text_with_load_s: a fresh Python process that imports backchannel.analyse.times and runs
      find_timexes on the plain texts, the way `eval timeml` does without a model: wall time, and
      whether importing the tagger pulled in spaCy (through the backchannel.analyse package).

The last line is JSON: {"tag_s": ..., "with_load_s": ..., "tagger_with_load_s": ..., "text_with_load_s": ...,
"docs": 20, "load_average": ...}. The machine may be shared: the 1-minute load average is printed with it.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

PLATINUM = Path(__file__).resolve().parents[2] / "shared" / "data" / "timeml" / "platinum"

COLD_START = r"""
import json, sys, time
started = time.perf_counter()
from backchannel.analyse.nlp import load
from backchannel.config import Settings
from backchannel.evaluate.timeml import read_timeml, timeml_files
imported = time.perf_counter()
nlp = load(Settings.load().model)
try:
    nlp.add_pipe("backchannel_times")
    component = True
except ValueError:  # spaCy: no such factory
    component = False
loaded = time.perf_counter()
documents = [read_timeml(path, name) for path, name in timeml_files(sys.argv[1])]
if component:
    docs = []
    for d in documents:
        doc = nlp.make_doc(d.text)
        doc._.anchor = d.dct
        docs.append(doc)
    timexes = sum(len(doc._.timexes) for doc in nlp.pipe(docs))
else:
    from backchannel.analyse.times import find_timexes
    timexes = sum(len(find_timexes(d.text, d.dct)) for d in documents)
tagged = time.perf_counter()
print(json.dumps({"import_s": imported - started, "load_s": loaded - imported, "tag_s": tagged - loaded,
                  "component": component, "pipes": nlp.pipe_names, "docs": len(documents), "timexes": timexes}))
"""


BLANK_START = r"""
import sys, spacy
from backchannel.evaluate.timeml import read_timeml, timeml_files
nlp = spacy.blank("en")
nlp.add_pipe("backchannel_times")
docs = []
for path, name in timeml_files(sys.argv[1]):
    d = read_timeml(path, name)
    doc = nlp.make_doc(d.text)
    doc._.anchor = d.dct
    docs.append(doc)
print(sum(len(doc._.timexes) for doc in nlp.pipe(docs)))
"""


TEXT_START = r"""
import sys
from backchannel.analyse.times import find_timexes
from backchannel.evaluate.timeml import read_timeml, timeml_files
found = sum(len(find_timexes(d.text, d.dct)) for d in (read_timeml(p, n) for p, n in timeml_files(sys.argv[1])))
print(found, "spacy" in sys.modules)
"""


def cold_start(folder: str, script: str = COLD_START) -> tuple[float, dict | str]:
    """Wall time of a fresh process that imports, loads and tags; and what it printed last."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", script, folder], capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"the cold-start run failed:\n{done.stderr}")
    last = done.stdout.strip().splitlines()[-1]
    return wall, (json.loads(last) if script is COLD_START else last)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", default=str(PLATINUM), help="folder of TimeML files (default: platinum)")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs of the tagger alone (default 5)")
    args = parser.parse_args()

    with_load_s, parts = cold_start(args.folder)  # first, before this process imports anything heavy
    tagger_with_load_s, _ = cold_start(args.folder, BLANK_START)
    text_with_load_s, text_out = cold_start(args.folder, TEXT_START)

    from backchannel.analyse.times import find_timexes
    from backchannel.evaluate.timeml import read_timeml, timeml_files

    documents = [read_timeml(path, name) for path, name in timeml_files(args.folder)]
    start = time.perf_counter()
    timexes = sum(len(find_timexes(d.text, d.dct)) for d in documents)  # warm-up: compiles the rules
    first_s = time.perf_counter() - start
    runs = []
    for _ in range(max(1, args.repeat)):
        start = time.perf_counter()
        for d in documents:
            find_timexes(d.text, d.dct)
        runs.append(time.perf_counter() - start)
    tag_s = min(runs)

    words = sum(len(d.text.split()) for d in documents)
    print(f"{len(documents)} documents, {words:,} words, {timexes} timexes found")
    print(f"(a) find_timexes alone          {tag_s:8.4f} s  (best of {len(runs)}; first run {first_s:.4f} s "
          f"compiles the rules; {words / tag_s:,.0f} words/s)")
    how = ("nlp.pipe with backchannel_times" if parts["component"]
           else "find_timexes after loading the model: no backchannel_times component is registered yet")
    print(f"(b) fresh process, load and tag {with_load_s:8.4f} s  ({how})")
    print(f"    imports {parts['import_s']:.2f} s, model load {parts['load_s']:.2f} s, tagging {parts['tag_s']:.2f} s, "
          f"interpreter start and exit {with_load_s - parts['import_s'] - parts['load_s'] - parts['tag_s']:.2f} s")
    print(f"    pipes: {', '.join(parts['pipes'])}")
    print(f"(c) fresh process, blank spaCy pipeline with backchannel_times only {tagger_with_load_s:8.4f} s")
    print(f"(d) fresh process, find_timexes on plain text  {text_with_load_s:8.4f} s  "
          f"(spaCy imported on the way: {text_out.split()[-1] == 'True'})")
    load_average = os.getloadavg()[0]
    print(f"    load average (1 min) {load_average:.2f} on {os.cpu_count()} CPUs")
    if parts["timexes"] != timexes:
        print(f"    note: the pipeline found {parts['timexes']} timexes, find_timexes {timexes}")
    print(json.dumps({"tag_s": round(tag_s, 4), "with_load_s": round(with_load_s, 3),
                      "tagger_with_load_s": round(tagger_with_load_s, 3),
                      "text_with_load_s": round(text_with_load_s, 3),
                      "docs": len(documents), "load_average": round(load_average, 2)}))


if __name__ == "__main__":
    main()
