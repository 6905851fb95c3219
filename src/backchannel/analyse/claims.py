"""Claims: the figures a document reports, each with what it counts, who reports it and as of when.

`find_claims(doc, mentions, timexes, quotes, published)` reads every sentence's quantities
(analyse.quantities) and adds what fusion needs to compare them across documents:

- `quantity`, the comparability key "<thing>|<verb class>": the counted noun through the synonyms of
  patterns/claims.yaml ("captives" and "hostages" are one thing; "took 250 people hostage" counts
  hostages), else the unit; and the class of the verb or words that say what happened to it ("freed",
  "released" -> release). A figure that counts nothing it names ("134 remain in captivity") takes the
  thing of the figure before it in the same paragraph ("112 captives were freed ... 134 remain"), and
  its verb class and named actors too when it has none of its own ("112 were freed, including 105 in a
  deal"), but not of a part named after "including" or "among them" ("24 Bolivians were freed, among them
  four nurses; the ministry put the number at 21" counts Bolivians); a figure of
  the same thing with no verb class takes the class of the figure before it in the sentence ("$6bn was
  released, while the Treasury put it at $5.9bn"); a group put in "of" before the clause takes the class of
  its own participle, or none, not that of the clause, which tells the part after it ("Of the 40 sailors
  seized, 25 were freed": take, then release);
- `aspect`: proposed when its clause is wanted or possible rather than told as fact ("to secure the
  release of 100", "would free 50"); else event when the figure belongs to a happening the text names
  ("the deal that saw 125 released"), else state when its clause holds a standing-count cue ("still",
  "so far", "remain") or says what is held or needed, else event; a count its own verb says is still held
  is a standing count even when its clause names a happening ("three were still held after the swap"):
  the figure is the subject of that verb; `occasion` is the kind of that happening
  (deal, attack, operation: claims.yaml);
- `named`: the actors named in what it counts and where it went, not those who act on it ("returned to
  Ukraine", "eight sent to Russia"; "40 Colombians held in Peru" count people of Colombia, and only
  that), which tell the two directions of an exchange apart; not those of another figure's phrase either ("ten
  Thais and one Filipino were freed": the Filipino is the one's);
- a part of a group named before it ("six of whom", "one of them") has the occasion "part" (or "deal:part"):
  it is not the same quantity as the whole;
- the speaker of the quotation that holds it (analyse.quotes), or the named subject of an estimating verb
  ("the Treasury put the figure at $5.9bn", claims.yaml), and its as-of window
  (anchor.date_figure): the time its clause governs, else the section heading, else the publication.
  A time inside another figure's phrase is that figure's, and "since <time>" starts a standing count
  rather than dating it. The start point of a change ("cut its troops from 9,000 to 4,500") is a standing
  count as of the day before the change.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

import yaml
from spacy.tokens import Doc, Span, Token

from backchannel.analyse.anchor import clause_verb, date_figure, lengthened, redate
from backchannel.analyse.events import vocabulary as event_vocabulary
from backchannel.analyse.mentions import state_of
from backchannel.analyse.mentions import doc_text
from backchannel.analyse.quantities import Quantity, read_quantities
from backchannel.analyse.quantities import vocabulary as quantity_vocabulary
from backchannel.models import ClaimRecord, DateWindow, Evidence, Mention, Published, QuoteRecord, Timex

PATTERNS = Path(__file__).parent / "patterns" / "claims.yaml"
ELLIPSIS_CHARS = 600  # how far back a figure that counts nothing named looks for the thing counted
PARTITIVE = {"them", "whom", "which", "those", "these"}  # "six of whom": a part of a group told before
PART = re.compile(r"\b(?:including|among them|among whom|of whom|of them)\s+$", re.I)  # a part, not the count


@lru_cache(maxsize=1)
def vocabulary() -> dict:
    v = yaml.safe_load(PATTERNS.read_text())
    things = {word: name for name, words in v["things"].items() for word in words}
    verbs = [(name, re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b"))
             for name, words in v["verbs"].items()]
    state = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in v["state_cues"]) + r")\b")
    occasions = {word: kind for kind, words in v["occasions"].items() for word in words}
    negation = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in v["negations"]) + r")\s+$", re.I)
    return {"things": things, "verbs": verbs, "state": state, "occasions": occasions, "parties": set(v["parties"]),
            "estimate_verbs": set(v["estimate_verbs"]), "source_nouns": set(v["source_nouns"]), "negation": negation,
            "earlier_occasion": set(v["earlier_occasion"]), "start_verbs": set(v["start_verbs"]),
            "length_days": v["length_days"]}


SELECTION = re.compile(r"\s+of\s+(?:the|its|their|his|her|our)\s+(?:few|many|most|\w+est)\b", re.IGNORECASE)


def find_claims(doc: Doc, mentions: list[Mention], timexes: list[Timex], quotes: list[QuoteRecord],
                published: Published) -> list[ClaimRecord]:
    found: list[ClaimRecord] = []
    previous: ClaimRecord | None = None  # the last count that named what it counts
    text = doc_text(doc)
    dating = [t for t in timexes if not _after_since(doc, t)]  # the times that can date a figure
    for sent in doc.sents:
        figures = []
        for q in read_quantities(sent):
            if (q.counted in vocabulary()["parties"] or re.match(r"\s*(?:[.,;:]|$)", text[q.end:sent.end_char])) \
                    and re.search(r"\b(the|both)\s+$", text[sent.start_char:q.start], re.I):
                continue  # "between the two countries", "between the two.": the parties talked of, not a figure reported
            if re.fullmatch(r"one", q.text, re.I) and SELECTION.match(text, q.end):
                continue  # "one of the few channels left": a member singled out, not a count
            if _no_figure(q, text):
                continue
            token = _number_token(doc, q)
            if token is not None and (_counts_sources(token) or token.lower_ == "one" and token.dep_ == "appos"):
                continue  # "Ana Ruiz, one of the two nurses freed": one picks out a person, it counts nothing
            if token is not None and not any(q.start < p.end and p.start < q.end for p, _ in figures):
                figures.append((q, token))
        for q, token in figures:
            taken = {i for _, u in figures if u.i != token.i and token not in u.subtree for i in _phrase(u, token)}
            others = _offsets(doc, taken)
            own = [t for t in dating if t.start not in others]
            claim = _claim(sent, token, q, mentions, own, quotes, published, taken)
            if q.kind == "from":
                claim = _before_change(claim, timexes, published)
            thing, _, verb_class = claim.quantity.partition("|")
            if q.counted and not PART.search(text[sent.start_char:q.start]):
                previous = claim
            elif not thing and previous and q.start - previous.start < ELLIPSIS_CHARS and "\n\n" not in text[previous.start:q.start]:
                before, _, before_class = previous.quantity.partition("|")
                claim = replace(claim, quantity=f"{before}|{verb_class or before_class}", what=f"{claim.what} ({before})",
                                named=claim.named or previous.named)
            here = found[-1] if found and found[-1].start >= sent.start_char else None
            if not verb_class and here and here.quantity.startswith(f"{thing}|"):
                claim = replace(claim, quantity=here.quantity)  # "$6bn was released, while X put it at $5.9bn"
            found.append(claim)
    return found


def _before_change(claim: ClaimRecord, timexes: list[Timex], published: Published) -> ClaimRecord:
    """ "cut its troops from about 9,000 to 4,500": the start point is the count as it stood the day before the
    change the sentence tells (or, told with no time, before publication)."""
    kind, _, at = claim.as_of_anchor.partition(":")
    if kind in ("publication", "before-publication"):
        at = "publication"
    elif kind not in ("timex", "heading"):
        return replace(claim, aspect="state", as_of=None, as_of_anchor="")
    anchor = f"day-before:{at.partition(':')[0]}"
    return replace(claim, aspect="state", as_of=redate(anchor, timexes, published), as_of_anchor=anchor)


def _no_figure(q: Quantity, text: str) -> bool:
    """Numbers that report no figure: a denial ("not one dime", "not one of them"), a vague plural
    ("hundreds of demonstrators": no number is reported) and an ordinal read as a share ("a third
    country"; a share is "a third of" something)."""
    if vocabulary()["negation"].search(text[max(0, q.start - 12):q.start]):
        return True
    if q.value is None and q.text.lower().split()[0] in quantity_vocabulary()["vague_scales"]:
        return True
    return q.kind == "share" and not re.match(r"\s*of\b", text[q.end:q.end + 6])


def _counts_sources(token: Token) -> bool:
    """ "according to two people familiar with the talks", "three officials said", "one of the sources
    said": the figure counts who report, not what is reported."""
    noun = token.head if token.dep_ in ("nummod", "quantmod") else token
    of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if noun is token and of is not None:  # "one of the sources said"
        inner = next((c for c in of.children if c.dep_ == "pobj"), None)
        if inner is not None and inner.lemma_.lower() in vocabulary()["source_nouns"]:
            return token.dep_ == "nsubj" and token.head.lemma_.lower() in event_vocabulary()["speech_verbs"]
    if noun.lemma_.lower() not in vocabulary()["source_nouns"]:
        return False
    governor = noun.head
    return (noun.dep_ == "pobj" and governor.lower_ == "to" and governor.head.lower_ == "according") or (
        noun.dep_ == "nsubj" and governor.lemma_.lower() in event_vocabulary()["speech_verbs"])


def _phrase(other: Token, token: Token) -> set[int]:
    """The tokens another figure's phrase holds: its subtree and, for a figure after this one, the rest
    of its stretch up to the next comma ("112 were freed, including 105 in a deal in late November":
    the deal and the time are the 105's, whatever the parser attached them to)."""
    held = {t.i for t in other.subtree}
    return held | _stretch(other) if other.i > token.i else held


def _stretch(token: Token) -> set[int]:
    """From the figure to the next comma, semicolon or colon."""
    held = set()
    for t in token.doc[token.i:token.sent.end]:
        if t.text in (",", ";", ":"):
            break
        held.add(t.i)
    return held


def _offsets(doc: Doc, tokens: set[int]) -> set[int]:
    """The character offsets the tokens cover."""
    return {o for i in tokens for o in range(doc[i].idx, doc[i].idx + len(doc[i]))}


def _after_since(doc: Doc, t: Timex) -> bool:
    """'held since the October 7 attack': the time starts the count, it does not date it."""
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    return span is not None and any(a.lower_ == "since" for a in [span.root, *span.root.ancestors][:4])


def _claim(sent: Span, token: Token, q: Quantity, mentions: list[Mention], timexes: list[Timex],
           quotes: list[QuoteRecord], published: Published, taken: set[int]) -> ClaimRecord:
    verb = _governing_verb(token)
    group = _fronted_group(token, verb)
    if group is not None:  # its own participle tells it ("believed abducted"), else nothing does
        verb = next((c for c in group.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"), group)
    stretch = _stretch(token)
    own, words = _clause_words(token, verb, q)
    occasion = _occasion(token, verb, stretch, taken)
    if any(c.dep_ == "prep" and c.lower_ == "of" and any(p.lower_ in PARTITIVE for p in c.children) for c in token.children):
        occasion = f"{occasion}:part" if occasion else "part"  # "six of whom", "one of them": a part of a group
    verb_class = next((name for text in (own, words) for name, pattern in vocabulary()["verbs"]
                       if pattern.search(text)), "") if verb is not group else ""
    if verb_class == "exchange" and q.unit in quantity_vocabulary()["currency_names"]:
        verb_class = "pay"  # money that "changed hands" was paid, not swapped
    if _irrealis(verb):
        aspect = "proposed"
    elif verb_class == "hold" and vocabulary()["state"].search(own) and _subject_of(token, verb):
        aspect = "state"  # "three were still held after the swap": a standing count, whatever happening it names
    elif occasion or not (verb_class in ("hold", "need") or vocabulary()["state"].search(words)):
        aspect = "event"
    else:
        aspect = "state"
    thing, what = _thing(q), q.concept or q.counted or ""
    unit = q.unit or ("share" if q.kind == "share" else None)  # "a third of them"
    complement = next((c for c in verb.children if c.dep_ in ("dobj", "oprd", "attr", "xcomp") and c.i > token.i
                       and c.i != token.head.i and c.lemma_.lower() in vocabulary()["things"]), None)
    if complement is not None and thing == "person":  # "took 250 people hostage"
        thing = vocabulary()["things"][complement.lemma_.lower()]
        what = f"{what} {complement.text}".strip()
    lo, hi = (q.concept_start, q.concept_end) if q.concept_start is not None else (q.start, q.end)
    span = token.doc.char_span(lo, hi, alignment_mode="expand") or token.doc[token.i: token.i + 1]
    verbs = {verb, *(t for t in span if t.pos_ in ("VERB", "AUX"))}  # "the 16 people Russia freed"
    doers = _offsets(token.doc, {t.i for v in verbs for c in v.children if c.dep_ in ("nsubj", "agent")
                                 and token not in c.subtree for t in c.subtree})  # who freed them is not whom it counts
    movers = verbs | {c for c in token.children if c.dep_ in ("acl", "relcl")}  # "eight sent to Russia"
    bound_for = _offsets(token.doc, {g.i for v in movers for p in v.children if p.dep_ in ("prep", "dative")
                                     and p.lower_ == "to" for g in p.children if g.dep_ == "pobj"})
    place = _where_antecedent(verb)  # "Darfur, where aid groups say 3.1 million people need food aid"
    others = _offsets(token.doc, taken)  # "ten Thais and one Filipino were freed": the Filipino is the one's
    named = tuple(dict.fromkeys(m.key for m in mentions if (lo <= m.start and m.end <= hi or m.start in bound_for
                                                            or place is not None and m.start <= place.idx < m.end)
                                and m.start not in doers and m.start not in others))
    people_of = state_of(thing) or state_of(thing.removesuffix("s"))
    if people_of:  # "40 Colombians": people of that state, wherever held and whoever freed them
        thing, named = "person", (people_of,)
    said = min((r for r in quotes if r.start <= q.start and q.end <= r.end), key=lambda r: r.end - r.start,
               default=None)
    estimator = _estimator(verb, mentions)  # (key, words)
    near = _offsets(token.doc, stretch)  # "105 in a deal in late November": the time of the figure's own phrase
    close = [t for t in timexes if t.type == "DATE" and t.window is not None and t.start in near]
    as_of, anchor = (close[0].window, f"timex:{close[0].start}") if close else \
        date_figure(sent, token, timexes, published)
    as_of, anchor = _length_from_start(token.doc, as_of, anchor, q, unit)
    return ClaimRecord(
        text=q.text, start=q.start, end=q.end, value=q.value, low=q.low, high=q.high, qualifier=q.qualifier,
        unit=unit, what=what or thing, quantity=f"{thing}|{verb_class}",
        aspect=aspect, occasion=occasion, named=named,
        certainty=tuple(c for c in q.certainty if c != "according to"),  # attribution, not certainty
        evidence=_evidence(sent),
        speaker_key=estimator[0] if estimator else said.speaker_key if said else None,
        speaker_text=estimator[1] if estimator else said.speaker_text if said else "",
        anonymous=False if estimator else said.anonymous if said else False, as_of=as_of, as_of_anchor=anchor)


def _length_from_start(doc: Doc, as_of: DateWindow | None, anchor: str, q: Quantity, unit: str | None
                       ) -> tuple[DateWindow | None, str]:
    """ "six weeks of talks that opened on 2 May": a length runs from the start its time names; it is measured
    at the end, so its as-of window reaches from that start to as far as the length goes (2 May to 13 June)."""
    per_unit = vocabulary()["length_days"].get(unit or "")
    if not per_unit or q.value is None or not anchor.startswith("timex:"):
        return as_of, anchor
    at = int(anchor.partition(":")[2])
    span = doc.char_span(at, at + 1, alignment_mode="expand")
    if span is None or not any(t.lemma_.lower() in vocabulary()["start_verbs"]
                               for t in [span.root, *span.root.ancestors][:4] if t.pos_ == "VERB"):
        return as_of, anchor
    days = round(q.value * per_unit)
    return lengthened(as_of, days), f"length:{at}:{days}"


def _where_antecedent(verb: Token) -> Token | None:
    """The place a "where" clause holding the figure's clause is about: it is where the figure counts."""
    for node in [verb, *verb.ancestors][:3]:
        if node.dep_ == "relcl" and any(c.dep_ == "advmod" and c.lower_ == "where" for c in node.children):
            return node.head
        if node.dep_ not in ("ccomp", "conj"):
            return None
    return None


def _estimator(verb: Token, mentions: list[Mention]) -> tuple[str, str] | None:
    """The subject of an estimating verb naming an actor, as (actor key, its words): it gives the figure,
    whoever reports the sentence ("while the Treasury put the figure at $5.9bn", "the Chilean ministry
    estimated the toll at 72")."""
    if verb.lemma_.lower() not in vocabulary()["estimate_verbs"]:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    words = verb.doc[subject.left_edge.i: subject.right_edge.i + 1]
    named = next((m for m in mentions if words.start_char <= m.start < words.end_char), None)
    return (named.key, words.text) if named else None


def _evidence(sent: Span) -> Evidence:
    """The sentence without its surrounding white space, as events cite it."""
    start = sent.start_char + len(sent.text) - len(sent.text.lstrip())
    return Evidence("", sent.text.strip(), start, start + len(sent.text.strip()))


def _number_token(doc: Doc, q: Quantity) -> Token | None:
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    numbers = [t for t in span if t.like_num]
    return numbers[0] if numbers else span.root


def _subject_of(token: Token, verb: Token) -> bool:
    """The figure counts the subject of the verb ("three were still held", "four citizens remain")."""
    noun = token.head if token.dep_ in ("nummod", "quantmod") else token
    return noun.head.i == verb.i and noun.dep_ in ("nsubj", "nsubjpass")


def _irrealis(verb: Token) -> bool:
    """A figure in a clause that is wanted, planned or possible, not told as fact: "to advance a deal
    for the release of up to 33", "would free 50"; an untensed clause takes the mood of the verb it completes
    ("a deal that will see 800 freed")."""
    if verb.dep_ in ("ccomp", "xcomp") and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        verb = verb.head
    return any(c.dep_ == "aux" and (c.lower_ == "to" or c.tag_ == "MD") for c in verb.children)


def _fronted_group(token: Token, verb: Token) -> Token | None:
    """The noun of a group the figure counts that is put in "of" before the clause ("Of the 30 people believed
    abducted, 20 remain held"): the clause tells the part after it, not the group."""
    noun = token.head if token.dep_ in ("nummod", "quantmod") else token
    while noun.dep_ in ("compound", "amod") and noun.head.i > noun.i:  # "30 Thai nationals": the nationals
        noun = noun.head
    of = noun.head
    return noun if noun.dep_ == "pobj" and of.lower_ == "of" and of.head.i == verb.i > noun.i else None


def _governing_verb(token: Token) -> Token:
    """The verb the figure's clause hangs on. A verb has one subject: when the parser makes the figure's
    noun a second subject of an inner verb ("About 100 hostages, a third of whom are believed dead,
    are still held"), the figure belongs to the verb above."""
    verb = clause_verb(token)
    noun = token.head if token.dep_ in ("nummod", "quantmod") else token
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if noun in subjects and len(subjects) > 1 and verb.head.i != verb.i:
        above = clause_verb(verb.head)
        if not any(c.dep_ in ("nsubj", "nsubjpass") for c in above.children):
            return above
    return verb


def _thing(q: Quantity) -> str:
    if q.counted:
        head = q.counted.split()[-1]
        return vocabulary()["things"].get(head, head)
    return q.unit or ""


def _clause_words(token: Token, verb: Token, q: Quantity) -> tuple[str, str]:
    """The lower-case lemmas and words that say what happened to the figure's thing: first its
    governing verb with its particles, complements and adverbs ("so far", "still"); then these with
    the words of its concept and the modifiers of its noun."""
    own = [verb, *(c for c in verb.children if c.dep_ in ("prt", "acomp", "attr", "xcomp", "oprd"))]
    own += [t for c in verb.children if c.dep_ == "advmod" for t in c.subtree]
    near = [t for t in token.head.subtree if t.i != token.i and abs(t.i - token.i) < 8]
    near += [t for c in verb.children if c.dep_ == "prep" for t in c.subtree]

    def words(tokens: list[Token]) -> str:  # lemmas, then the words as written: phrases stay whole
        tokens = sorted({t.i: t for t in tokens}.values(), key=lambda t: t.i)
        return " ".join(t.lemma_.lower() for t in tokens) + " | " + " ".join(t.lower_ for t in tokens)

    return words(own), f"{words(own)} | {words(near)} | {q.concept.lower()} | {q.text.lower()}"


def _occasion(token: Token, verb: Token, stretch: set[int], taken: set[int]) -> str:
    """The kind of happening the figure belongs to: an occasion noun in its own phrase ("105 in a deal"),
    or one it or its verb hangs on ("the deal that saw 125 released"), but not one inside another
    figure's phrase ("112 were freed, including 105 in a deal": the deal is the 105's)."""
    doc = token.doc
    for t in [*(doc[i] for i in sorted(stretch)), *token.subtree]:
        if t.i != token.i and _kind(t):
            return _kind(t)
    for node in [token, *token.ancestors][:6]:
        if _kind(node):
            return _kind(node)
        if node.dep_ == "relcl" and _kind(node.head):
            return _kind(node.head)
    return next((_kind(t) for t in verb.subtree if t.i not in taken and _kind(t) and _same_clause(t, verb)), "")


def _kind(t: Token) -> str:
    """The occasion kind of a noun ("deal"), marked as another one when the text sets it apart ("a
    previous swap", "the first round": "deal:earlier"), so that its figures are not the current one's."""
    kind = vocabulary()["occasions"].get(t.lemma_.lower(), "") if t.pos_ in ("NOUN", "PROPN") else ""
    if kind and any(c.dep_ == "amod" and c.lower_ in vocabulary()["earlier_occasion"] for c in t.children):
        return f"{kind}:earlier"
    return kind


def _same_clause(t: Token, verb: Token) -> bool:
    node = t
    while node.i != verb.i:
        if node.pos_ in ("VERB", "AUX") and node.i != t.i:
            return False
        node = node.head
    return True
