"""Remove boilerplate lines, set captions apart, keep the article body.

`clean_text(text)` is idempotent: cleaning its own output changes nothing, so offsets into the
stored text stay valid. Lines are judged by shape (length, position, repetition) and by the cue
vocabulary in patterns/boilerplate.yaml.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import yaml

from backchannel.models import Caption, CleanText

PATTERNS = Path(__file__).parent / "patterns" / "boilerplate.yaml"


@lru_cache(maxsize=1)
def _cues() -> tuple[int, list[re.Pattern], list[re.Pattern]]:
    data = yaml.safe_load(PATTERNS.read_text())
    compile_all = lambda xs: [re.compile(x, re.IGNORECASE) for x in xs]  # noqa: E731
    return data["max_words"], compile_all(data["patterns"]), compile_all(data["caption_patterns"])


def _normalise(line: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", line).split())


def is_boilerplate(line: str) -> bool:
    max_words, patterns, _ = _cues()
    return len(line.split()) <= max_words and any(p.search(line) for p in patterns)


def is_caption(line: str) -> bool:
    _, _, patterns = _cues()
    return len(line.split()) <= 60 and any(p.search(line) for p in patterns)


def _classify(lines: list[str]) -> list[str]:
    """Label each non-empty line body, caption, boilerplate or repeat."""
    labels, seen = [], set()
    for line in lines:
        key = line.lower()
        if key in seen and len(line.split()) >= 3:
            labels.append("repeat")
        elif is_boilerplate(line):
            labels.append("boilerplate")
        elif is_caption(line):
            labels.append("caption")
        else:
            labels.append("body")
        seen.add(key)
    # A short run of body lines wedged between boilerplate in the second half of the page is
    # more of the same appeal ("We rely on readers like you."), not article text, unless it reports a
    # figure or what someone said (a last paragraph after a "Read more" link).
    for i in range(len(lines) // 2, len(lines)):
        if labels[i] != "body":
            continue
        j = i
        while j < len(lines) and labels[j] == "body":
            j += 1
        reports = any(re.search(r"\d|\bsaid\b", line) for line in lines[i:j])  # a news sentence, not an appeal
        if j - i <= 2 and not reports and i > 0 and labels[i - 1] == "boilerplate" and j < len(lines) and labels[j] == "boilerplate":
            labels[i:j] = ["boilerplate"] * (j - i)
    return labels


def clean_text(text: str) -> CleanText:
    """Drop boilerplate and repeated lines; set captions apart; normalise whitespace per line."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    paragraphs = [_normalise(raw) for raw in text.split("\n")]
    lines = [p for p in paragraphs if p]
    labels = iter(_classify(lines))
    kept: list[str] = []
    captions: list[Caption] = []
    removed: list[str] = []
    caption_offset = 0
    for line in paragraphs:
        if not line:
            if kept and kept[-1] != "":
                kept.append("")
            continue
        label = next(labels)
        if label == "body":
            kept.append(line)
        elif label == "caption":
            captions.append(Caption(caption_offset, caption_offset + len(line), line))
            caption_offset += len(line) + 1
        else:
            removed.append(line)
    while kept and kept[-1] == "":
        kept.pop()
    return CleanText("\n".join(kept), tuple(captions), tuple(removed))
