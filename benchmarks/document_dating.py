"""Publication dating on the TempEval-3 training files, their creation time (DCT) hidden.

    .venv/bin/python benchmarks/document_dating.py [FOLDER]

FOLDER (default ../shared/data/timeml/tbaq, read recursively) holds TimeML files. Each file's <TEXT>
is dated as ingest dates a plain text without metadata or captions, date_document(text, (), None, text),
and the window is checked against the day of the DCT. Prints the number of documents, the share whose
window holds the true day, the share left undated, the median window width in days (of those dated)
and the share dated to a window of at most 31 days that holds the true day; the last line is JSON:
{"contains": ..., "unknown": ..., "median_width_days": ..., "n": ...}. Not the platinum test set.
"""
from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from backchannel.evaluate.dating import NARROW_DAYS, evaluate_dating

TBAQ = Path(__file__).resolve().parents[2] / "shared" / "data" / "timeml" / "tbaq"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", default=str(TBAQ), help="folder of TimeML files (default: tbaq)")
    args = parser.parse_args()
    result = evaluate_dating(args.folder)
    dated = [d for d in result.documents if d.width is not None]
    width = result.median_width_days
    print(f"{result.n} documents" + (f" ({len(result.skipped)} skipped: no DCT day)" if result.skipped else ""))
    rows = [("window holds the true day", f"{result.contains:6.1%}"),
            ("no window (unknown)", f"{result.unknown:6.1%}"),
            ("median window width, days", f"{width if width is not None else '-':>6} ({len(dated)} dated)"),
            (f"window <= {NARROW_DAYS} days", f"{result.narrow:6.1%}"),
            (f"window <= {NARROW_DAYS} days, holds the day", f"{result.narrow_and_right:6.1%}")]
    for label, figure in rows:
        print(f"  {label:38} {figure}")
    rules = Counter((d.published.basis, d.published.window.rule if d.published.window else "-") for d in result.documents)
    print("  by basis and rule: " + ", ".join(f"{basis}/{rule} {n}" for (basis, rule), n in rules.most_common()))
    wrong = [d for d in dated if not d.contains]
    for d in wrong[:5]:
        w = d.published.window
        print(f"  wrong: {d.name}: {w.earliest}..{w.latest} ({w.rule}), true {d.truth}")
    print(json.dumps(result.to_json()))


if __name__ == "__main__":
    main()
