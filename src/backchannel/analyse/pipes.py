"""spaCy components of backchannel, registered as factories (and through the `spacy_factories` entry
point, so `nlp.add_pipe("backchannel_times")` works in any spaCy pipeline once backchannel is installed).

- `backchannel_line_breaks` (before the parser): a line break ends a sentence.
- `backchannel_times`: TIMEX3 annotations in `doc._.timexes` (Timex records) and `doc.spans["timexes"]`
  (labelled by type), anchored at `doc._.anchor` if set, else at the `anchor` given in the config. Placed
  after the tagger (as the analysis runs it, on the parsed Doc), it reads verb tenses from the tags; in a
  pipeline without tags (`spacy.blank("en")`) it guesses them from keywords.
"""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from backchannel.analyse.mentions import vocabulary as mention_vocabulary
from backchannel.analyse.times import find_timexes

for _name, _default in (("timexes", None), ("anchor", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


# A wire dateline opening a line: a place in capitals, its country or a date (and year), the agency, a dash
# ("CARACAS, Jan 31, 2025 (Wire) -").
DATELINE = re.compile(r"^[A-Z][A-Z'/-]+(?: [A-Z][A-Z'/-]+)*(?:, [^\n(),.]{2,30}){0,2}(?: \([A-Za-z .]{1,20}\))? ?"
                      r"[-\u2013\u2014] ?(?=\S)", re.MULTILINE)


@lru_cache(maxsize=1)
def _abbreviated_titles() -> frozenset[str]:
    """The titles' last words that end with a full stop: "sgt.", "gen."."""
    return frozenset(t[-1] for t in mention_vocabulary().titles if t[-1].endswith("."))


@Language.component("backchannel_line_breaks", assigns=["token.is_sent_start"])
def line_breaks(doc: Doc) -> Doc:
    """Headings, captions and list items are never run together with the paragraph after them; and the
    first word of a line is never a sentence of its own (the parser, seeing the line break, would
    otherwise cut "Ukraine | and Russia exchanged ..." after it); nor is a name after an abbreviated title
    ("Sgt. John Miller", "Gen. Ali Reza")."""
    starts = [tok for tok in doc[1:] if "\n" in doc[tok.i - 1].text or "\n" in doc[tok.i - 1].whitespace_]
    for tok in starts:
        tok.is_sent_start = True
    for tok in starts:
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is not None and not nxt.is_sent_start and not tok.is_space and "\n" not in tok.whitespace_:
            nxt.is_sent_start = False
    abbreviated = _abbreviated_titles()
    for tok in doc[2:]:
        before = doc[tok.i - 1]
        title = doc[tok.i - 2].lower_ + "." if before.text == "." else before.lower_
        if title in abbreviated and tok.text[:1].isupper() and "\n" not in before.whitespace_ + before.text:
            tok.is_sent_start = False
    for m in DATELINE.finditer(doc.text):  # "LIMA (AFP) - Peru and ...": the parser would take LIMA as a subject
        span = doc.char_span(m.end(), m.end() + 1, alignment_mode="expand")
        if span is not None and span[0].i > 0:
            span[0].is_sent_start = True
    return doc


class TimexTagger:
    def __init__(self, anchor: str | None = None):
        self.anchor = date.fromisoformat(anchor) if anchor else None

    def __call__(self, doc: Doc) -> Doc:
        timexes = find_timexes(doc.text, doc._.anchor or self.anchor, doc)
        doc._.timexes = timexes
        spans = [doc.char_span(t.start, t.end, label=t.type, alignment_mode="expand") for t in timexes]
        doc.spans["timexes"] = [s for s in spans if s is not None]
        return doc


@Language.factory("backchannel_times", default_config={"anchor": None},
                  assigns=["doc._.timexes", "doc.spans"], requires=["doc._.anchor"])
def make_times(nlp: Language, name: str, anchor: str | None) -> TimexTagger:
    return TimexTagger(anchor)
