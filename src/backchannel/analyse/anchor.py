"""Event dates: the time expression the trigger governs, else the section heading above it, else the
publication window. `date_event` chooses (it needs the parse); `redate` repeats the choice from the
stored anchor when a document's publication date changes, so no re-parse is needed.
"""
from __future__ import annotations

from spacy.tokens import Token

from backchannel.analyse.times import vague_value
from backchannel.models import DateWindow, Published, Timex

NOUN_MODIFIER = {"compound", "nmod", "amod", "poss", "nummod"}


def _path_to(targets: set[int], tok: Token) -> int | None:
    """Steps from a time expression's head up to the trigger (or its clause's verb), if it gets there
    without crossing another verb or serving as another noun's modifier ("Hamas's Oct. 7 massacre")."""
    steps = 0
    node = tok
    while node.i not in targets:
        if node.dep_ in NOUN_MODIFIER and node.head.pos_ in ("NOUN", "PROPN") and node.head.i not in targets:
            return None
        if node.head.i == node.i or steps > 10:
            return None
        node = node.head
        steps += 1
        if node.i not in targets and node.pos_ == "VERB" and node.dep_ not in ("xcomp", "aux"):
            return None
    return steps


def _clause_verb(tok: Token) -> Token:
    node = tok
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
        node = node.head
    return node


def date_event(text: str, sent_start: int, sent_end: int, trigger: Token, timexes: list[Timex],
               published: Published, status: str) -> tuple[DateWindow | None, str]:
    doc = trigger.doc
    # expressions the anchor cannot fix yet still claim the event: it is re-dated when the
    # document's publication date becomes known
    inside = [t for t in timexes if sent_start <= t.start < sent_end and t.type == "DATE" and vague_value(t.text) is None]
    scored = []
    targets = {trigger.i, _clause_verb(trigger).i}
    for t in inside:
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None:
            continue
        steps = _path_to(targets, span.root)
        if steps is not None:
            scored.append((steps, abs(t.start - trigger.idx), t))
    if scored:
        chosen = min(scored, key=lambda s: (s[0], s[1]))[2]
        return chosen.window, f"timex:{chosen.start}"
    return _fallback(sent_start, timexes, published, status)


def _fallback(sent_start: int, timexes: list[Timex], published: Published, status: str) -> tuple[DateWindow | None, str]:
    headings = [t for t in timexes if t.heading and t.window is not None and t.start < sent_start]
    if headings:
        return headings[-1].window, f"heading:{headings[-1].start}"
    if status != "planned" and published.window is not None:
        w = published.window
        return DateWindow(w.earliest, w.latest, rule="publication", text="").normalised(), "publication"
    return None, ""


def redate(anchor: str, timexes: list[Timex], published: Published) -> DateWindow | None:
    """The date a stored anchor gives under a (new) publication date."""
    if anchor.startswith(("timex:", "heading:")):
        offset = int(anchor.split(":", 1)[1])
        return next((t.window for t in timexes if t.start == offset), None)
    if anchor == "publication" and published.window is not None:
        w = published.window
        return DateWindow(w.earliest, w.latest, rule="publication").normalised()
    return None
