"""Quotations and who said them.

`find_quotes(doc, mentions, context)` reads two kinds:

- direct: words in quotation marks (“…” or "…", at least `min_words` of them, possibly over a sentence
  boundary but never over a line break), attributed by the speech verb that governs them or sits next to
  them ("…," Smith said; Smith said: "…"; Biden described it as "…") or by "according to X";
- indirect: the clause of a speech verb ("X said (that) CLAUSE", "CLAUSE, sources said", "it is
  understood that CLAUSE") and the clause that "according to X" qualifies. One attribution gives one
  quotation: when a speech verb introduces words in marks, the direct quotation is kept.

The speaker is the subject of the attribution verb (or the object of "according to"), resolved to the
document's actor mentions through `participants.keys_of` (names, titles, he/she, "Qatari officials"),
else through a name inside the phrase ("a Hamas spokesman"). A phrase that names no actor keeps its
words as `speaker_text` with no key. Speakers such as "a person familiar with the talks" are marked
anonymous (patterns/sourcing.yaml). Attribution verbs are `speech_verbs` of patterns/events.yaml plus
patterns/quotes.yaml. Offsets are character offsets into the cleaned text: `text == doc.text[start:end]`
and the evidence sentence is `doc.text[evidence.start:evidence.end]`.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from spacy.tokens import Doc, Span, Token

from backchannel.analyse.events import vocabulary as event_vocabulary
from backchannel.analyse.mentions import is_heading_line
from backchannel.analyse.participants import PRONOUNS, SUBJECTS, Context, keys_of, mention_at, subject_of
from backchannel.models import Evidence, Mention, QuoteRecord

PATTERNS = Path(__file__).parent / "patterns"
MARKS = re.compile(r"“([^“”\n]*)”|\"([^\"\n]*)\"")
EDGE_PUNCT = " \t,;:–—-"
CLAUSE_EDGES = set(",;:–—-.!?…\"'“”‘’")  # punctuation a reported clause never starts or ends with
NAMING_PREPS = {"of", "for", "from", "at"}  # "a spokesman for Hamas", "an official from Qatar"
SPEAKER_WORDS = 20  # a speaker phrase longer than this is cut to its head's closest words


@dataclass(frozen=True)
class Cues:
    verbs: frozenset[str]
    clause_verbs: frozenset[str]
    min_words: int
    anonymous: tuple[tuple[str, re.Pattern], ...]
    impersonal: frozenset[str]


@lru_cache(maxsize=1)
def cues() -> Cues:
    quotes = yaml.safe_load((PATTERNS / "quotes.yaml").read_text())
    sourcing = yaml.safe_load((PATTERNS / "sourcing.yaml").read_text())
    verbs = frozenset(event_vocabulary()["speech_verbs"]) | frozenset(quotes["attribution_verbs"])
    anonymous = tuple((cue, re.compile(rf"\b{re.escape(cue)}\b", re.IGNORECASE)) for cue in sourcing["anonymous"])
    return Cues(verbs, frozenset(quotes["clause_verbs"]), int(quotes["min_words"]), anonymous,
                frozenset(sourcing["impersonal"]))


def find_quotes(doc: Doc, mentions: list[Mention], context: Context | list[Span] | None = None) -> list[QuoteRecord]:
    """Direct and indirect quotations in a parsed document, in text order. `context` is the
    participants.Context the event reader built, or the document's sentences (computed if None)."""
    if not isinstance(context, Context):
        context = Context.of(doc, mentions, list(doc.sents) if context is None else context)
    reader = _Reader(doc, context)
    direct = [q for q in (reader.direct(start, end) for start, end in reader.marked) if q is not None]
    cited = {reader.cue_of[q] for q in direct}  # one attribution, one quotation: the words in marks
    indirect = [q for q in reader.indirect() if reader.cue_of[q] not in cited and not _mostly_quoted(q, direct)]
    return sorted(direct + indirect, key=lambda q: (q.start, q.end))


def voices(doc: Doc, context: Context) -> list[tuple[int, int, list[Mention], int]]:
    """The direct quotations of a document as (start, end, who speaks, where the speaker phrase ends): the actors
    the speaker phrase names, for reading "we", "I" and "our" inside the marks as the speaker's."""
    reader = _Reader(doc, context)
    found = [q for q in (reader.direct(start, end) for start, end in reader.marked) if q is not None]
    return [(q.start, q.end, reader._speaker_keys(speaker) + [  # "X, Peru's foreign minister": Peru too
        m for t in speaker.subtree for m in [mention_at(context, t)] if m is not None and m.kind != "person"],
        speaker.right_edge.idx + len(speaker.right_edge)) for q in found for speaker in [reader.speaker_of[q]]]


def _mostly_quoted(indirect: QuoteRecord, direct: list[QuoteRecord]) -> bool:
    """Is at least half of an indirect quotation's clause already a direct quotation?"""
    covered = sum(max(0, min(indirect.end, q.end) - max(indirect.start, q.start)) for q in direct)
    return 2 * covered >= indirect.end - indirect.start


def _marked(text: str) -> list[tuple[int, int]]:
    """The character spans inside quotation marks holding at least `min_words` words, edge punctuation
    (a comma before the closing mark) left out."""
    spans = []
    for m in MARKS.finditer(text):
        group = 1 if m.group(1) is not None else 2
        start, end = m.start(group), m.end(group)
        while start < end and text[start] in EDGE_PUNCT:
            start += 1
        while end > start and text[end - 1] in EDGE_PUNCT:
            end -= 1
        if len(re.findall(r"\w+", text[start:end])) >= cues().min_words:
            spans.append((start, end))
    return spans


class _Reader:
    """One document's quotation reader: the parse, its sentences and who its noun phrases name."""

    def __init__(self, doc: Doc, ctx: Context):
        self.doc, self.ctx, self.text = doc, ctx, doc.text
        self.sentences, self.starts = ctx.sentences, ctx.sent_starts
        self.marked = _marked(self.text)
        self.quoted = {tok.i for start, end in self.marked  # inside quotation marks, whatever is cited
                       for tok in doc.char_span(start, end, alignment_mode="expand") or ()}
        self.cue_of: dict[QuoteRecord, int] = {}  # the token that attributes each quotation
        self.speaker_of: dict[QuoteRecord, Token] = {}  # the head of its speaker phrase

    # -- direct -----------------------------------------------------------------------------------
    def direct(self, start: int, end: int) -> QuoteRecord | None:
        inside = [t for t in self.doc.char_span(start, end, alignment_mode="expand") or () if start <= t.idx < end]
        if not inside:
            return None
        near = self._sentences_around(start, end)
        governing = self._governing_verbs(inside, start, end)
        verbless = not any(t.pos_ in ("VERB", "AUX") for t in inside)
        if verbless and any(pattern.search(self.text[start:end]) for _, pattern in cues().anonymous):
            return None  # a source's label in marks ("a statement by 'a senior official'"), not its words
        if verbless:  # words without a verb are quoted only as what a speech verb says ("called it 'a dead end'")
            candidates = [verb for _, verb in governing]
        else:
            candidates = [verb for _, verb in governing] + [self._nearest_verb(near, start, end)]
        for verb in candidates:
            speaker, passive = subject_of(verb) if verb is not None else (None, False)
            if speaker is not None and not passive and not (start <= speaker.idx < end):
                return self._record(start, end, "direct", verb.lemma_.lower(), speaker, verb)
        if verbless:
            return None
        according = next((p for s in near for p in self._according(s)), None)
        if according is not None:
            return self._record(start, end, "direct", "according to", according, according)
        return None

    def _governing_verbs(self, inside: list[Token], start: int, end: int) -> list[tuple[int, Token]]:
        """The attribution verbs the quotation hangs from (its ancestors, nearest first, not past a
        relative clause: in "the plan, which critics called '…', was" the words are the critics') and
        those that hang from it ("'…,' he said" parsed with "said" under the quoted verb)."""
        found: dict[Token, int] = {}
        for tok in inside:
            node, steps = tok, 0
            while node.head.i != node.i and steps < 8:
                if node.dep_ in ("relcl", "acl") and not (start <= node.idx < end):
                    break
                node, steps = node.head, steps + 1
                if not (start <= node.idx < end) and self._is_cue(node):
                    found[node] = min(found.get(node, steps), steps)
            for child in tok.children:
                if not (start <= child.idx < end) and self._is_cue(child) and child.dep_ in (
                        "parataxis", "ccomp", "advcl", "conj", "dep", "relcl"):
                    found[child] = min(found.get(child, 1), 1)
        return sorted(((steps, verb) for verb, steps in found.items()), key=lambda f: (f[0], f[1].i))

    def _nearest_verb(self, near: list[Span], start: int, end: int) -> Token | None:
        """A speech verb next to the quotation in its sentences ("'…' Smith said." read as two
        sentences), the closest first; one that reports a clause of its own is not this quote's."""
        found = []
        for sent in near:
            for tok in sent:
                if self._is_cue(tok) and tok.i not in self.quoted and subject_of(tok)[0] is not None:
                    own = [c for c in tok.children if c.dep_ == "ccomp" and c.i not in self.quoted]
                    if not own:
                        found.append((min(abs(tok.idx - start), abs(tok.idx - end)), tok))
        return min(found, key=lambda f: f[0])[1] if found else None

    def _sentences_around(self, start: int, end: int) -> list[Span]:
        """The sentences the quotation covers, plus the one just after it when the attribution follows
        the closing mark ("….” Smith said.") or just before it when it ends with a colon."""
        first = max(bisect_right(self.starts, start) - 1, 0)
        last = max(bisect_right(self.starts, end - 1) - 1, 0)
        spans = self.sentences[first:last + 1]
        after = self.sentences[last + 1] if last + 1 < len(self.sentences) else None
        if after is not None and "\n" not in self.text[end:after.start_char] and after.start_char - end <= 3:
            spans.append(after)
        before = self.sentences[first - 1] if first > 0 else None
        if before is not None and "\n" not in self.text[before.end_char:start] and before.text.rstrip().endswith(":"):
            spans.insert(0, before)
        return spans

    # -- indirect ---------------------------------------------------------------------------------
    def indirect(self) -> list[QuoteRecord]:
        found = []
        for sent in self.sentences:
            if is_heading_line(self.text, sent.start_char):
                continue
            for tok in sent:
                negated = any(c.dep_ == "neg" for c in tok.children)
                if tok.pos_ not in ("VERB", "AUX") or tok.i in self.quoted or negated:
                    continue
                speaker, passive = subject_of(tok)
                if speaker is None:
                    continue
                if passive and speaker.lower_ == "it" and tok.lemma_.lower() in cues().impersonal:
                    found += [self._record(*span, "indirect", tok.lemma_.lower(), speaker, tok,
                                           impersonal=self.text[speaker.idx: tok.idx + len(tok.text)])
                              for span in self._clauses(tok, speaker)]  # "it is understood that ..."
                elif self._is_cue(tok) and not passive:
                    spans = self._clauses(tok, speaker)
                    if not spans and tok.dep_ in ("ccomp", "parataxis") and tok.head.pos_ in ("VERB", "AUX"):
                        spans = [s for s in [self._clause_without(tok.head, tok)] if s is not None]  # "X, she said, Y"
                    found += [self._record(*span, "indirect", tok.lemma_.lower(), speaker, tok) for span in spans]
            for according in self._according(sent):
                prep = self._according_token(according)
                span = self._qualified_clause(prep)
                if span is not None:
                    found.append(self._record(*span, "indirect", "according to", according, according))
        return found

    def _clauses(self, verb: Token, speaker: Token) -> list[tuple[int, int]]:
        """The clauses a speech verb reports: its clausal complements ("said (that) ..."; "..., sources
        said", but not a clause that a colon sets before the speaker), or a noun with a participle
        after it when the parser took a that-less clause for an object ("confirm the talks centred on")."""
        doc = self.doc
        clauses = [c for c in verb.children if c.dep_ == "ccomp" and c.i != speaker.i]
        if not clauses and verb.lemma_.lower() in cues().clause_verbs:
            clauses = [c for c in verb.children if c.dep_ == "dobj" and any(
                g.dep_ == "acl" and g.tag_ in ("VBD", "VBN") and any(not x.is_punct for x in g.children)
                for g in c.children)]
        spans = []
        for clause in clauses:
            first, last = clause.left_edge.i, clause.right_edge.i
            if last < speaker.i and any(doc[i].text == ":" for i in range(last, speaker.left_edge.i)):
                continue  # "Qatar criticises him: its spokesman writes that ..."
            span = self._clause_span(first, last)
            if span is not None and not (span[0] <= speaker.idx < span[1]):
                spans.append(span)
        return spans

    def _clause_span(self, first: int, last: int) -> tuple[int, int] | None:
        """Character span of the tokens first..last with a leading "that" and edge punctuation left out,
        if it holds enough words."""
        doc = self.doc
        while first <= last and (doc[first].lower_ == "that" and doc[first].dep_ == "mark" or self._edge(doc[first])):
            first += 1
        while last >= first and self._edge(doc[last]):
            last -= 1
        if last < first:
            return None
        start, end = doc[first].idx, doc[last].idx + len(doc[last].text)
        if len(re.findall(r"\w+", self.text[start:end])) < cues().min_words:
            return None
        return start, end

    def _according(self, sent: Span) -> list[Token]:
        """The heads of the noun phrases after "according to" in a sentence."""
        found = []
        for tok in sent:
            if tok.lower_ == "according" and tok.i not in self.quoted:
                to = next((c for c in tok.children if c.lower_ == "to"), None)
                if to is None and tok.i + 1 < len(self.doc) and self.doc[tok.i + 1].lower_ == "to":
                    to = self.doc[tok.i + 1]
                objects = [c for c in (to.children if to is not None else []) if c.dep_ == "pobj"]
                found += objects[:1]
        return found

    @staticmethod
    def _according_token(obj: Token) -> Token:
        node = obj
        while node.lower_ != "according" and node.head.i != node.i:
            node = node.head
        return node

    def _qualified_clause(self, prep: Token) -> tuple[int, int] | None:
        """What "according to X" vouches for: the clause it hangs from (the sentence, when it hangs from
        a noun), the phrase itself left out."""
        if prep.lower_ != "according":
            return None
        head = prep.head
        if head.i == prep.i or head.pos_ not in ("VERB", "AUX"):
            head = prep.sent.root
        return self._clause_without(head, prep)

    def _clause_without(self, head: Token, part: Token) -> tuple[int, int] | None:
        """The clause headed by `head` without the attribution `part` inside it: the words before or
        after the attribution, whichever side holds the head ("On Monday, according to X, CLAUSE"); the
        whole clause, attribution and all, when it splits subject and verb ("The fleets, she said, will
        stay"), as a quotation must be one stretch of the text."""
        first, last = head.left_edge.i, head.right_edge.i
        p_first, p_last = part.left_edge.i, part.right_edge.i
        split = any(c.dep_ in SUBJECTS and c.i < p_first for c in head.children) and head.i > p_last
        if head.i > p_last and not split:
            first = p_last + 1
        elif head.i < p_first:
            last = p_first - 1
        return self._clause_span(first, last)

    @staticmethod
    def _edge(tok: Token) -> bool:
        return tok.is_space or (tok.is_punct and set(tok.text) <= CLAUSE_EDGES)

    # -- both -------------------------------------------------------------------------------------
    def _is_cue(self, tok: Token) -> bool:
        return tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in cues().verbs

    def _record(self, start: int, end: int, kind: str, cue: str, speaker: Token, cue_token: Token,
                impersonal: str = "") -> QuoteRecord:
        """A quotation of text[start:end] by the phrase headed by `speaker`; `impersonal` is the phrase
        that stands in for a speaker ("it is understood"), an anonymous source by itself."""
        keys = [] if impersonal else self._speaker_keys(speaker)
        speaker_text = impersonal or self._speaker_text(speaker)
        source_cue = impersonal.lower()
        if not impersonal and (not keys or keys[0].kind != "person"):
            source_cue = next((c for c, pattern in cues().anonymous if pattern.search(speaker_text)), "")
        anonymous = bool(source_cue)
        record = QuoteRecord(text=self.text[start:end], start=start, end=end, kind=kind, cue=cue,
                             speaker_key=keys[0].key if keys else None, speaker_text=speaker_text,
                             evidence=self._evidence(min(start, speaker.idx, cue_token.idx),
                                                     max(end, speaker.idx, cue_token.idx + 1)),
                             anonymous=anonymous, source_cue=source_cue)
        self.cue_of[record] = cue_token.i
        self.speaker_of[record] = speaker
        return record

    def _speaker_keys(self, speaker: Token) -> list[Mention]:
        """Who the speaker phrase names. A person counts only as the phrase's head (or in apposition to
        it, or as he/she): "a senior Biden administration official" is not Biden, "Netanyahu aides"
        are not Netanyahu; states, organisations and groups count as modifiers too ("Qatari officials")."""
        keys = keys_of(self.ctx, speaker)
        if mention_at(self.ctx, speaker) is None and speaker.lower_ not in PRONOUNS:
            apposed = {m.key for c in speaker.children if c.dep_ == "appos" for m in keys_of(self.ctx, c)}
            keys = [k for k in keys if k.kind != "person" or k.key in apposed]
        if keys:
            return keys
        for child in speaker.children:  # "a Hamas spokesman", "Israel's negotiating team"
            named = mention_at(self.ctx, child)
            if child.dep_ in ("compound", "poss", "nmod", "amod") and named is not None and named.kind != "person":
                return [named]
            if child.dep_ == "prep" and child.lower_ in NAMING_PREPS:  # "a spokesman for Hamas"
                named = [m for g in child.children if g.dep_ == "pobj" for m in [mention_at(self.ctx, g)]
                         if m is not None and m.kind != "person"]
                if named:
                    return named
        return []

    def _speaker_text(self, speaker: Token) -> str:
        """The speaker's words: its noun phrase (subtree), at most SPEAKER_WORDS tokens around the head."""
        first, last = speaker.left_edge.i, speaker.right_edge.i
        first, last = max(first, speaker.i - SPEAKER_WORDS), min(last, speaker.i + SPEAKER_WORDS)
        doc = self.doc
        while first < last and (doc[first].is_punct or doc[first].is_space):
            first += 1
        while last > first and (doc[last].is_punct or doc[last].is_space):
            last -= 1
        return self.text[doc[first].idx: doc[last].idx + len(doc[last].text)]

    def _evidence(self, start: int, end: int) -> Evidence:
        """The sentences from the one holding `start` to the one holding `end - 1`, stripped."""
        first = self.sentences[max(bisect_right(self.starts, start) - 1, 0)]
        last = self.sentences[max(bisect_right(self.starts, end - 1) - 1, 0)]
        lo, hi = first.start_char, last.end_char
        raw = self.text[lo:hi]
        lo += len(raw) - len(raw.lstrip())
        hi -= len(raw) - len(raw.rstrip())
        return Evidence("", self.text[lo:hi], lo, hi)

