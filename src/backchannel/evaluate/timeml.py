"""Score the time expression tagger on TimeML files, the way the TempEval-3 scorer does.

`read_timeml(path)` gives the plain text of `<TEXT>` (tags removed, entities decoded), its gold TIMEX3
spans as character offsets into that text, and the document creation time (DCT).
`evaluate_timeml(path)` tags each text, anchored at its DCT, and scores it: through the project's spaCy
pipeline and the `backchannel_times` component (verb tenses from the tagger), or with `parse=False`
(or without the model) with `find_timexes(text, dct)` on the plain text.

How the official scorer (TE3-evaluation.py of the TempEval-3 toolkit, UzZaman et al. 2013) counts,
read from its source (`evaluation-entities/evaluate_entities.py`, and TimeML-Normalizer, which it
runs first to give a system timex the id of the gold timex it overlaps):

- Pairing: walking the tokens, a timex that starts while a timex of the other annotation is open
  (started and not yet ended) takes that timex's id, unless that timex is already paired. So pairs are
  one-to-one and overlapping, the earliest start wins. `pair_timexes` does this on characters.
- relaxed match = a pair; strict match = a pair with the same text (for an overlapping pair: the same
  span). Precision = matches / system timexes, recall = matches / gold timexes, pooled over all files.
- type and value: accuracy = correct attribute / relaxed matches; attribute F1 = relaxed F1 x accuracy.
  Values compare as plain strings (a missing value is the empty string); there is no other normalisation.
- The DCT (tid t0) is not counted.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape, quoteattr

from backchannel.analyse.times import find_timexes
from backchannel.errors import BackchannelError, UnreadableInput
from backchannel.models import Timex

if TYPE_CHECKING:
    from spacy.language import Language

ERROR_KINDS = ("miss", "false-alarm", "span", "type", "value")
CONTEXT_CHARS = 45


@dataclass(frozen=True)
class GoldTimex:
    """One TIMEX3 tag of a TimeML file, with its span in the plain text of `<TEXT>`."""

    start: int
    end: int
    text: str
    type: str
    value: str | None
    tid: str = ""


@dataclass(frozen=True)
class TimeMLDocument:
    name: str  # the file's path relative to the folder read
    docid: str
    text: str  # the content of <TEXT>, tags removed and entities decoded
    timexes: tuple[GoldTimex, ...]
    dct: date | None  # the creation day, if the DCT value names one
    dct_type: str = "DATE"
    dct_value: str = ""
    dct_text: str = ""


# -- reading and writing TimeML --------------------------------------------------------------------

def parse_timeml(source: str | bytes, name: str = "") -> TimeMLDocument:
    """A TimeML document from its XML. Raises ValueError when it is not TimeML with one <TEXT>."""
    try:
        root = ET.fromstring(source)
    except ET.ParseError as exc:
        raise ValueError(f"not well-formed XML ({exc})") from None
    text_element = root.find("TEXT")
    if text_element is None:
        raise ValueError("no <TEXT> element")
    parts: list[str] = []
    tags: list[tuple[int, int, ET.Element]] = []
    _flatten(text_element, parts, tags, 0)
    text = "".join(parts)
    timexes = [GoldTimex(start, end, text[start:end], tag.get("type", ""), tag.get("value"), tag.get("tid", ""))
               for start, end, tag in sorted(tags, key=lambda t: t[0]) if tag.tag == "TIMEX3"]
    dct = root.find("DCT/TIMEX3")
    if dct is None:
        dct = next((t for t in root.iter("TIMEX3") if t.get("functionInDocument") == "CREATION_TIME"), None)
    dct_value = dct.get("value", "") if dct is not None else ""
    return TimeMLDocument(name=name, docid=(root.findtext("DOCID") or Path(name).stem).strip(), text=text,
                          timexes=tuple(timexes), dct=_day(dct_value),
                          dct_type=dct.get("type", "DATE") if dct is not None else "DATE",
                          dct_value=dct_value, dct_text="".join(dct.itertext()) if dct is not None else "")


def _flatten(element: ET.Element, parts: list[str], tags: list[tuple[int, int, ET.Element]], offset: int) -> int:
    """Append the text under `element` to `parts` and the span of every tag in it to `tags`, in
    document order; return the offset after it."""
    if element.text:
        parts.append(element.text)
        offset += len(element.text)
    for child in element:
        start = offset
        offset = _flatten(child, parts, tags, offset)
        tags.append((start, offset, child))
        if child.tail:
            parts.append(child.tail)
            offset += len(child.tail)
    return offset


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def read_timeml(path: str | Path, name: str | None = None) -> TimeMLDocument:
    path = Path(path)
    try:
        return parse_timeml(path.read_bytes(), name if name is not None else path.name)
    except OSError as exc:
        raise UnreadableInput(str(path), f"cannot read ({exc.strerror})") from None
    except ValueError as exc:
        raise UnreadableInput(str(path), f"not a TimeML file: {exc}") from None


def timeml_files(path: str | Path) -> list[tuple[Path, str]]:
    """The .tml files at `path` (a file, or a folder read recursively), each with its name relative to it."""
    path = Path(path)
    if path.is_file():
        return [(path, path.name)]
    if not path.is_dir():
        raise BackchannelError(f"{path}: no such file or folder; pass a TimeML .tml file or a folder of them")
    found = sorted(path.rglob("*.tml"))
    if not found:
        raise BackchannelError(f"{path}: no .tml files in this folder; pass a folder of TimeML files")
    return [(p, str(p.relative_to(path))) for p in found]


def write_timeml(document: TimeMLDocument, timexes: Sequence[Timex]) -> str:
    """A TimeML file: the document's DCT and text, with `timexes` (ours) as the only tags in <TEXT>.

    The TempEval-3 scorer reads it as a system annotation: its text matches the gold file's.
    """
    pieces, at = [], 0
    for number, t in enumerate(sorted(timexes, key=lambda t: t.start), start=1):
        if t.start < at:
            raise ValueError(f"overlapping timexes at {t.start}: TimeML cannot nest them")
        attributes = f'tid="t{number}" type={quoteattr(t.type)} value={quoteattr(t.value or "")}'
        pieces += [escape(document.text[at:t.start]), f"<TIMEX3 {attributes}>",
                   escape(document.text[t.start:t.end]), "</TIMEX3>"]
        at = t.end
    pieces.append(escape(document.text[at:]))
    dct = ""
    if document.dct_value:
        dct = (f'<DCT><TIMEX3 tid="t0" type={quoteattr(document.dct_type)} value={quoteattr(document.dct_value)} '
               f'temporalFunction="false" functionInDocument="CREATION_TIME">{escape(document.dct_text)}</TIMEX3></DCT>\n\n')
    return ('<?xml version="1.0" ?>\n'
            '<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
            'xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">\n\n'
            f"<DOCID>{escape(document.docid)}</DOCID>\n\n{dct}<TEXT>{''.join(pieces)}</TEXT>\n\n</TimeML>\n")


# -- scoring ---------------------------------------------------------------------------------------

def pair_timexes(gold: Sequence[GoldTimex | Timex], system: Sequence[GoldTimex | Timex]) -> list[tuple[int, int]]:
    """(gold index, system index) pairs, one-to-one, as TimeML-Normalizer pairs ids for the TE3 scorer.

    Walking the text, a timex pairs with the timex of the other side that is open where it starts
    (started at or before it, not yet ended), if that one is still unpaired.
    """
    sides = (gold, system)
    starts = sorted((t.start, side, i) for side in (0, 1) for i, t in enumerate(sides[side]) if t.end > t.start)
    last_open: list[int | None] = [None, None]
    paired: tuple[set[int], set[int]] = (set(), set())
    pairs = []
    for start, side, i in starts:
        other = 1 - side
        j = last_open[other]
        if j is not None and j not in paired[other] and sides[other][j].start <= start < sides[other][j].end:
            paired[other].add(j)
            paired[side].add(i)
            pairs.append((i, j) if side == 0 else (j, i))
        last_open[side] = i
    return sorted(pairs)


def same_value(gold: GoldTimex, ours: Timex) -> bool:
    return (gold.value or "") == (ours.value or "")


@dataclass(frozen=True)
class TimexScore:
    """Counts pooled over files, and the TempEval-3 measures computed from them (all 0..1)."""

    gold: int = 0
    system: int = 0
    strict: int = 0  # pairs with the same span
    relaxed: int = 0  # pairs (overlapping spans)
    type: int = 0  # pairs with the same type
    value: int = 0  # pairs with the same value
    documents: int = 0

    def __add__(self, other: TimexScore) -> TimexScore:
        return TimexScore(*(a + b for a, b in zip(self._counts(), other._counts())))

    def _counts(self) -> tuple[int, ...]:
        return (self.gold, self.system, self.strict, self.relaxed, self.type, self.value, self.documents)

    @property
    def strict_precision(self) -> float:
        return _ratio(self.strict, self.system)

    @property
    def strict_recall(self) -> float:
        return _ratio(self.strict, self.gold)

    @property
    def relaxed_precision(self) -> float:
        return _ratio(self.relaxed, self.system)

    @property
    def relaxed_recall(self) -> float:
        return _ratio(self.relaxed, self.gold)

    @property
    def strict_f1(self) -> float:
        return self._f1(self.strict_precision, self.strict_recall)

    @property
    def relaxed_f1(self) -> float:
        return self._f1(self.relaxed_precision, self.relaxed_recall)

    @property
    def type_accuracy(self) -> float:
        return 1.0 if self._empty else _ratio(self.type, self.relaxed)

    @property
    def value_accuracy(self) -> float:
        return 1.0 if self._empty else _ratio(self.value, self.relaxed)

    @property
    def type_f1(self) -> float:
        return self.relaxed_f1 * self.type_accuracy

    @property
    def value_f1(self) -> float:
        return self.relaxed_f1 * self.value_accuracy

    @property
    def _empty(self) -> bool:  # the scorer gives full marks when neither side has a timex
        return self.gold == 0 and self.system == 0

    def _f1(self, precision: float, recall: float) -> float:
        if self._empty:
            return 1.0
        return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)

    def to_json(self) -> dict:
        measures = ("strict_f1", "relaxed_f1", "type_f1", "value_f1", "strict_precision", "strict_recall",
                    "relaxed_precision", "relaxed_recall", "type_accuracy", "value_accuracy")
        return {**{m: round(getattr(self, m), 4) for m in measures},
                "gold": self.gold, "system": self.system, "strict_matches": self.strict,
                "relaxed_matches": self.relaxed, "type_matches": self.type, "value_matches": self.value,
                "documents": self.documents}


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


@dataclass(frozen=True)
class DocumentResult:
    document: TimeMLDocument
    system: tuple[Timex, ...]
    pairs: tuple[tuple[int, int], ...]  # (gold index, system index)

    @property
    def score(self) -> TimexScore:
        gold, ours = self.document.timexes, self.system
        found = [(gold[i], ours[j]) for i, j in self.pairs]
        return TimexScore(gold=len(gold), system=len(ours), relaxed=len(found),
                          strict=sum(g.start == s.start and g.end == s.end for g, s in found),
                          type=sum(g.type == s.type for g, s in found),
                          value=sum(same_value(g, s) for g, s in found), documents=1)


def score_document(document: TimeMLDocument, system: Sequence[Timex]) -> DocumentResult:
    return DocumentResult(document, tuple(system), tuple(pair_timexes(document.timexes, system)))


@dataclass(frozen=True)
class TimeMLEvaluation:
    score: TimexScore
    documents: tuple[DocumentResult, ...]

    def errors(self, kinds: Sequence[str] = ERROR_KINDS) -> list[TimexError]:
        return [e for d in self.documents for e in document_errors(d) if set(e.kinds) & set(kinds)]


def evaluate_timeml(path: str | Path, out: str | Path | None = None, parse: bool = True) -> TimeMLEvaluation:
    """Tag every TimeML file at `path`, anchored at its DCT, and score it.

    With `parse` (the default) each text runs through the project's spaCy pipeline first, as the analysis
    does (NER and the lemmatizer, which the time tagger does not read, are skipped), and the
    `backchannel_times` component tags the parsed Doc, reading verb tenses from its tags. Without it, or
    when the configured model is not installed, find_timexes reads the plain text (tense from keywords).
    With `out`, also write each file, our TIMEX3 tags in place of the gold annotation, under `out`.
    """
    documents = [read_timeml(file, name) for file, name in timeml_files(path)]
    results = [score_document(d, tagged) for d, tagged in zip(documents, _tag(documents, parse))]
    if out is not None:
        for result in results:
            _write(Path(out) / result.document.name, write_timeml(result.document, result.system))
    total = sum((r.score for r in results), TimexScore())
    return TimeMLEvaluation(total, tuple(results))


def _tag(documents: Sequence[TimeMLDocument], parse: bool) -> list[list[Timex]]:
    nlp = _pipeline() if parse else None
    if nlp is None:
        return [find_timexes(d.text, d.dct) for d in documents]
    from backchannel.analyse.pipes import TimexTagger

    tagged = []
    skipped = [p for p in ("ner", "lemmatizer", "backchannel_times") if p in nlp.pipe_names]
    for document, doc in zip(documents, nlp.pipe((d.text for d in documents), disable=skipped)):
        doc._.anchor = document.dct
        tagged.append(TimexTagger()(doc)._.timexes)
    return tagged


def _pipeline() -> Language | None:
    """The analysis pipeline up to the parse, or None when its model is not installed."""
    from backchannel.analyse.nlp import load
    from backchannel.config import Settings

    try:
        return load(Settings.load().model)
    except BackchannelError:  # ConfigError: the model is missing
        return None


def _write(target: Path, text: str) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise BackchannelError(f"{target}: cannot write ({exc.strerror}); pass another --out folder") from None


# -- errors, for development -----------------------------------------------------------------------

@dataclass(frozen=True)
class TimexError:
    """A gold timex we missed, one of ours with no gold timex, or a pair that differs in span, type or value."""

    file: str
    kinds: tuple[str, ...]  # from ERROR_KINDS
    gold: GoldTimex | None
    ours: Timex | None
    context: str  # the text around the expression, the expression in [brackets]

    @property
    def start(self) -> int:
        return (self.gold or self.ours).start

    def line(self) -> str:
        """file:offset  kind  gold text|type|value  vs  ours text|type|value|rule"""
        gold = f'"{self.gold.text}"|{self.gold.type}|{self.gold.value or "-"}' if self.gold else "-"
        ours = f'"{self.ours.text}"|{self.ours.type}|{self.ours.value or "-"}|{self.ours.rule}' if self.ours else "-"
        return f"{self.file}:{self.start}  {'+'.join(self.kinds)}  gold {gold}  vs  ours {ours}"


def document_errors(result: DocumentResult) -> list[TimexError]:
    gold, ours, text = result.document.timexes, result.system, result.document.text
    found = []
    paired_gold = {i for i, _ in result.pairs}
    paired_ours = {j for _, j in result.pairs}
    for i, g in enumerate(gold):
        if i not in paired_gold:
            found.append(TimexError(result.document.name, ("miss",), g, None, _context(text, g.start, g.end)))
    for j, s in enumerate(ours):
        if j not in paired_ours:
            found.append(TimexError(result.document.name, ("false-alarm",), None, s, _context(text, s.start, s.end)))
    for i, j in result.pairs:
        g, s = gold[i], ours[j]
        kinds = tuple(kind for kind, wrong in (("span", (g.start, g.end) != (s.start, s.end)),
                                               ("type", g.type != s.type), ("value", not same_value(g, s))) if wrong)
        if kinds:
            found.append(TimexError(result.document.name, kinds, g, s,
                                    _context(text, min(g.start, s.start), max(g.end, s.end))))
    return sorted(found, key=lambda e: e.start)


def _context(text: str, start: int, end: int) -> str:
    before = text[max(0, start - CONTEXT_CHARS):start]
    after = text[end:end + CONTEXT_CHARS]
    return " ".join(f"…{before}[{text[start:end]}]{after}…".split())
