"""Events from the dependency parse: who did what to whom, coded as PLOVER types.

`find_events(doc, mentions, timexes, published)` walks each sentence for trigger verbs and nouns
(patterns/events.yaml), finds their actors and recipients among the document's mentions (through
subjects, objects, prepositions, "between X and Y", possessors, collective nouns such as "Qatari
officials", and he/she), and records negation, status (occurred, planned, reported, speculative)
and the sentence. The date comes from `anchor.date_event`. Promises take their type from the act promised
(a concession promised is CONCEDE, a hostile act announced is THREATEN, "will back/give" is AGREE); acts asked
for (subjunctive "that X ease", "must") are no events; a visit's recipient is the state of the place visited;
where the tagger's lemma is no vocabulary word, the surface form is read ("staged" -> "stage"). An arrest,
conviction or extradition with no agent ("was arrested in X", a chronology's "Y arrested in X") is the act of
the state where it took place, when the text names one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import yaml
from spacy.tokens import Doc, Span, Token

from backchannel.analyse.anchor import date_event
from backchannel.analyse.mentions import (CAPTORS, doc_text, is_heading_line, state_named, state_of, state_where,
                                          vocabulary as mention_vocabulary)
from backchannel.analyse.participants import (SUBJECTS, Context, both_parties, counts_two, keys_of, led_by, mention_at,
                                              names_both, subject_of)
from backchannel.models import Evidence, EventRecord, Mention, Published, Timex

PATTERNS = Path(__file__).parent / "patterns" / "events.yaml"


@lru_cache(maxsize=1)
def vocabulary() -> dict:
    return yaml.safe_load(PATTERNS.read_text())


@lru_cache(maxsize=1)
def _known_words() -> frozenset[str]:
    v = vocabulary()
    words = (set(v["verbs"]) | set(v["verb_objects"]) | set(v["prep_verbs"]) | set(v["person_object_verbs"])
             | set(v["nouns"]))
    for key in ("light_verbs", "speech_verbs", "irrealis_heads", "planned_heads", "commitment_verbs", "envoy_verbs",
                "statement_objects", "no_comment", "commitment_adjectives", "attempt_verbs", "price_verbs",
                "protest_purposes", "gathering_verbs"):
        words.update(v[key])
    return frozenset(words)


def _lemma(tok: Token) -> str:
    """The token's lemma, or where the tagger's lemma is no word of the vocabulary ("staged" -> "stag"), the
    vocabulary word its surface form inflects ("stage")."""
    lemma, known = tok.lemma_.lower(), _known_words()
    if lemma in known:
        return lemma
    w = tok.lower_
    guesses = [w]
    if w.endswith("ied"):
        guesses.append(w[:-3] + "y")
    if w.endswith("ed"):
        guesses += [w[:-1], w[:-2]] + ([w[:-3]] if w[-3:-2] == w[-4:-3] else [])  # staged, demanded, stopped
    if w.endswith("ing"):
        guesses += [w[:-3], w[:-3] + "e"] + ([w[:-4]] if w[-4:-3] == w[-5:-4] else [])  # demanding, staging, stopping
    if w.endswith("s"):
        guesses += [w[:-1], w[:-2]]
    # only a form the tagger cut short ("stag" for "stage") or left whole; "banking" is not "ban"
    return next((g for g in guesses if g in known and (g.startswith(lemma) or lemma == w)), lemma)


def _irrealis(tok: Token) -> bool:
    """Is this trigger the content of a demand, threat, plan, condition or question rather than a
    happening, or the complement of another trigger (which is the event)?"""
    v = vocabulary()
    if any(c.dep_ == "mark" and c.lower_ in ("if", "whether", "unless") for c in tok.children):
        return True
    if any(c.dep_ == "aux" and c.lower_ in ("must", "should", "could", "might", "may", "would") for c in tok.children):
        return True
    if any(c.dep_ == "aux" and c.lower_ == "can" for c in tok.children) and not any(c.dep_ == "neg"
                                                                                    for c in tok.children):
        return True  # "he can arrest them again": what may happen ("cannot accept" still refuses)
    if tok.dep_ == "relcl" and any(d.dep_ == "det" and d.lower_ in ("every", "any", "each") for d in tok.head.children):
        return True  # "every person he releases": anyone, no one release
    if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "until" for c in tok.children) and any(
            c.dep_ == "aux" and _uncontracted(c.lower_) in ("will", "would", "shall") for c in tok.head.children):
        return True  # "would keep fighting until Hamas handed over the names": the condition, not a happening
    if tok.tag_ == "VB" and tok.dep_ in ("ccomp", "acl") and any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children) \
            and any(c.dep_ in SUBJECTS for c in tok.children) and not any(c.dep_ in ("aux", "auxpass") for c in tok.children):
        return True  # a subjunctive: "demanded that Israel ease the restrictions" asks for it
    if tok.dep_ in ("acl", "relcl", "advcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) \
            and not (tok.dep_ == "advcl" and _lemma(tok) in v["announcing_verbs"] and tok.head.tag_ == "VBD"):
        # "negotiations to free the hostages", "met to ease tensions": a purpose, not a happening (but "stood
        # before cameras to announce the deal" announced it)
        return True
    if tok.dep_ in ("acl", "relcl") and tok.head.pos_ == "NOUN" and _lemma(tok.head) not in mention_vocabulary().collective_heads \
            and not _statement_content(tok) and not _done_to_people(tok) and not _own_subject(tok) \
            and not _gapped_relative(tok) \
            and not any(c.dep_ == "advmod" and c.lower_ == "where"
                        for c in tok.children):  # "the base, where X met him"
        return True  # "the framework presented by Biden", "the mandate, which was approved": background to a thing
    node = tok
    for _ in range(3):
        if node.dep_ not in ("ccomp", "xcomp", "advcl") or node.head.i == node.i:
            return False
        if node.dep_ == "advcl" and node.tag_ in ("VBD", "VBN") and any(
                c.dep_ == "mark" and c.lower_ in v["time_marks"] for c in node.children):
            return False  # "eased sanctions after the government signed a roadmap": a past happening of its own
        parent = node.head
        lemma = _lemma(parent)
        if node.dep_ == "ccomp" and lemma in v["speech_verbs"]:
            return False  # "the Kremlin rejected it, a spokesman told reporters": reported, not demanded
        if node.dep_ == "xcomp" and lemma in v["planned_heads"] and any(c.dep_ == "auxpass" for c in parent.children):
            return False  # "X is expected / scheduled to meet Y": X's plan, read as planned, not someone's wish
        if node.i < parent.i and any(t.text == ";" for t in node.doc[node.i:parent.i]):
            return False  # "X accuses Y; Y blames Z": two sentences a semicolon joins, the parser hangs one on the other
        if lemma in v["irrealis_heads"] or lemma in v["verbs"]:
            return True
        node = parent
    return False


def _misread_verb(tok: Token) -> bool:
    """ "X welcomed the deal and thanks Y": a verb after "and" the parser takes for a plural noun, known by the
    object it takes (a direct object, or a name it hangs on as an adverbial), or by the infinitive it governs
    ("X has counted violations and calls on all sides to respect the deal")."""
    return tok.pos_ == "NOUN" and tok.tag_ == "NNS" and tok.dep_ in ("conj", "advcl") and tok.head.pos_ == "VERB" \
        and tok.i > 0 and tok.doc[tok.i - 1].dep_ == "cc" and any(
            c.dep_ == "dobj" or c.dep_ == "npadvmod" and c.pos_ == "PROPN"
            or c.dep_ in ("advcl", "xcomp") and c.tag_ == "VB" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            for c in tok.children)


def _done_to_people(tok: Token) -> bool:
    """ "nine soldiers freed by X", "two nurses abducted by Y": a participle with its agent that frees, attacks
    or detains the noun it follows tells a happening, not background to a thing."""
    return tok.dep_ == "acl" and tok.tag_ == "VBN" and any(c.dep_ == "agent" for c in tok.children) \
        and _verb_type(tok)[0] in ("RETREAT", "ASSAULT", "COERCE")


def _own_subject(tok: Token) -> bool:
    """ "the truce her government signed with the rebels": a relative clause with a subject of its own (no
    "which" or "that") tells what that subject did; so does one the parser hangs as a clause on the noun
    ("charges that he rejected as false"); so does a clause told by a noun ("confirmation that X were freed")."""
    told = tok.dep_ == "acl" and any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children)
    return (tok.dep_ == "relcl" or tok.dep_ == "acl" and tok.tag_ == "VBD" or told) and any(
        c.dep_ in ("nsubj", "nsubjpass" if told else "nsubj") and c.tag_ not in ("WP", "WDT") for c in tok.children)


def _agreed_thing(tok: Token) -> Token | None:
    """ "The exchange was agreed at a meeting on 3 May", "the deal was reached on Monday", "the swap, agreed last month
    in Oslo, ...": a deal, swap or truce agreed or signed with no agent named is its parties' agreement; the noun
    agreed, else None. A participle on the noun tells a happening only with its date ("the deal signed with X" is
    background)."""
    v = vocabulary()
    before = tok.doc[tok.i - 2] if tok.i > 1 and tok.doc[tok.i - 1].text == "," else None
    if _lemma(tok) not in v["agreeing_verbs"] or tok.tag_ not in ("VBN", "VBD") or any(
            c.dep_ in ("agent", "dobj", "neg") or c.dep_ == "nsubj" and c != before
            or c.dep_ == "aux" and c.lower_ not in ("will", "'ll", "has", "have", "had") for c in tok.children):
        return None
    noun = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
    dated = any(t.ent_type_ == "DATE" for c in tok.children if c.dep_ in ("prep", "npadvmod") for t in c.subtree)
    if noun is None and dated and tok.dep_ == "acl" and tok.tag_ == "VBN":
        noun = tok.head  # "the deal, signed on Wednesday in X"
    elif noun is None and dated and before is not None and (tok.dep_ == "parataxis" or before.head == tok):
        noun = before  # "the swap, agreed last month, is ...": the parser hangs the participle elsewhere or reads
        # the noun as its subject
    return noun if noun is not None and noun.lemma_.lower() in v["agreed_nouns"] else None


def _truce_of_gerund(tok: Token) -> Token | None:
    """ "within an hour of the truce taking effect": the truce noun right before a gerund, its subject however
    the parser hangs the gerund."""
    before = tok.doc[tok.i - 1] if tok.i > 0 else None
    if tok.tag_ == "VBG" and tok.dep_ in ("acl", "pcomp", "advcl") and before is not None \
            and before.lemma_.lower() in vocabulary()["truce_nouns"]:
        return before
    return None


def _truce_agreed(tok: Token) -> bool:
    """Is what this verb signs or agrees to a truce ("signed a truce", "the truce that X signed")?"""
    truces = vocabulary()["truce_nouns"]
    objects = _objects_agreed(tok)
    if tok.dep_ == "relcl":
        objects.append(tok.head)
    if _gapped_relative(tok):
        objects.append(tok.doc[tok.head.left_edge.i - 2])
    return any(o.lemma_.lower() in truces for o in objects)


def _objects_agreed(tok: Token) -> list[Token]:
    """What a verb takes or agrees to: its direct objects, then what follows "to" ("signed a pact", "agreed to it")."""
    return [c for c in tok.children if c.dep_ == "dobj"] + [g for c in tok.children
                                                            if c.dep_ == "prep" and c.lower_ == "to"
                                                            for g in c.children if g.dep_ == "pobj"]


def _gapped_relative(tok: Token) -> bool:
    """ "the truce that Chad's two generals signed in Lome": the parser hangs the verb of a relative clause on its
    subject as a participle ("generals, signed in Lome"); "that" or "which" after a noun, just before the
    subject, and the verb right after it show the subject acting."""
    if tok.dep_ != "acl" or tok.tag_ not in ("VBN", "VBD") or tok.i != tok.head.i + 1 or any(
            c.dep_ in ("agent", "dobj") for c in tok.children):
        return False
    left = tok.head.left_edge.i
    return left > 1 and tok.doc[left - 1].lower_ in ("that", "which") and tok.doc[left - 2].pos_ in ("NOUN", "PROPN")


def _mediated(tok: Token, mode: str | None) -> bool:
    """ "a deal brokered by Qatar": a participle that names a thing's mediator is the mediation itself."""
    return mode == "third-party" and tok.dep_ == "acl" and tok.tag_ == "VBN" and any(c.dep_ == "agent" for c in tok.children)


def _statement_content(tok: Token) -> bool:
    """ "issued a declaration demanding ...", "sent a letter urging ...": the statement does the act."""
    return tok.dep_ == "acl" and tok.tag_ == "VBG" and _lemma(tok.head) in vocabulary()["statement_objects"] \
        and tok.head.dep_ == "dobj" and _lemma(tok) not in vocabulary()["speech_verbs"]


def _attempted_force(tok: Token, kind: str) -> bool:
    """ "tried to hack into", "attempted to assassinate": an attempted act of force is that act (PLOVER)."""
    return kind in ("ASSAULT", "COERCE") and tok.dep_ == "xcomp" and _lemma(tok.head) in vocabulary()["attempt_verbs"]


def _travel_recipients(ctx: Context, tok: Token) -> list[Mention]:
    """Where a visitor goes stands for its state: "arrived in Amman", "flew to Oslo" (a capital or a state)."""
    found = []
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "to"):
            for g in child.children:
                m = ctx.by_char.get(g.idx)
                state = m is not None and state_named(m.text)
                if g.dep_ == "pobj" and state:
                    found.append(replace(m, kind="state", key=state))
    return found


def _where(ctx: Context, tok: Token) -> list[Mention]:
    """The state an act took place in ("arrested in Chile", "in Santiago"), or, for a conjoined act that names
    none, the nearest authority act above it ("was arrested in Chile while visiting and sentenced": Chile
    sentenced), however deep the parser hangs the second."""
    found = [m for p in tok.children if p.dep_ == "prep" and p.lower_ in ("in", "at")
             for g in p.children if g.dep_ == "pobj"
             for t in [g] + [c for c in g.children if c.dep_ in ("compound", "poss")]  # "at Lima airport", "Lima's"
             for m in [ctx.by_char.get(t.idx)] if m is not None and state_where(m.text)]
    first = next((a for a in tok.ancestors if _lemma(a) in vocabulary()["authority_verbs"]), None)
    if not found and tok.dep_ == "conj" and first is not None:  # "arrested in Chile while visiting and sentenced"
        return _where(ctx, first)
    return [replace(m, kind="state", key=state_where(m.text)) for m in found]


def _place(ctx: Context, tok: Token) -> list[Mention]:
    """A place attacked or helped stands for the party it belongs to: a capital's or a large city's state
    ("shelled Kharkiv": Ukraine), a territory's city the territory ("a tower in Gaza City": the Gaza Strip)."""
    m = ctx.by_char.get(tok.idx)
    if m is None and tok.pos_ == "PROPN":  # a place not kept as a mention, or one the entity tagger missed
        first = min([c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN"], key=lambda c: c.i,
                    default=tok)  # "Gaza City"
        name = tok.doc[first.i:tok.i + 1].text
        m = Mention(first.idx, first.idx + len(name), name, "place", name, "CITY")
    where = state_where(m.text) if m is not None else None
    if not where:
        return []
    return [replace(m, kind="state" if state_of(where) else "group", key=where)]


def _target(ctx: Context, noun: Token) -> list[Mention]:
    """Whose the thing an attack hits is: its own actors, its owner ("an Israeli army post", "the camp of the
    rebels"), else the place it stands in or is ("a tower in Gaza City", "Kharkiv")."""
    return keys_of(ctx, noun) or _owners(ctx, noun) or _place(ctx, noun) or [
        k for p in noun.children if p.dep_ == "prep" and p.lower_ in ("of", "in")
        for g in p.children if g.dep_ == "pobj" for k in keys_of(ctx, g) or _owners(ctx, g) or _place(ctx, g)]


def _aid_money(tok: Token) -> bool:
    """Is a sum pledged, given or announced here aid: "pledged $5 million for the town's reconstruction",
    "announced $2 million in disaster aid", "pledged $5 million for Haiti" (not "offered $1 million for their
    release", nor "for X" a person)?"""
    v = vocabulary()
    said = [t for c in tok.children if c.dep_ in ("dobj", "prep", "dative") for t in c.subtree]
    return any(t.ent_type_ == "MONEY" for t in said) and any(
        t.lower_ in v["aid_words"] or _lemma(t) in v["aid_words"]
        or t.dep_ == "pobj" and t.head.lower_ in ("for", "to") and t.ent_type_ in ("GPE", "LOC", "NORP")  # "for Gaza"
        for t in said)


def _uncontracted(word: str) -> str:
    """The auxiliary a contraction is split from: "won't" is parsed "wo" + "n't", "can't" "ca" + "n't"."""
    return {"wo": "will", "ca": "can"}.get(word.lower(), word)


def _status(ctx: Context, sent: Span, tok: Token) -> tuple[str, str]:
    v = vocabulary()
    lowered = sent.text.lower()
    aux = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
    head = tok.head if tok.dep_ in ("xcomp",) else None
    verb = tok.head if tok.pos_ == "NOUN" and tok.dep_ == "dobj" else tok  # "have until May to complete the withdrawal"
    if verb.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and (
            verb.head.lemma_ == "be" or verb.head.lemma_ == "have" and any(
            c.dep_ == "prep" and c.lower_ in ("until", "till", "by") for c in verb.head.children)):
        return "planned", f"{verb.head.lower_} to"  # "troops are to withdraw", "have until May to complete it"
    # "the talks are expected to resume", "talks will resume": the verb's planning head or auxiliaries
    if tok.pos_ == "NOUN" and tok.dep_ in SUBJECTS:
        planner = next((h for h in [tok.head] + [c for c in tok.head.children if c.dep_ == "acomp"]
                        if _lemma(h) in v["planned_heads"] and any(c.dep_ == "xcomp" for c in h.children)), None)
        if planner is not None:
            return "planned", planner.lemma_
        aux |= {c.lower_ for c in tok.head.children if c.dep_ in ("aux", "auxpass")}
    aux = {_uncontracted(a) for a in aux}
    if aux & {"will", "'ll", "shall"} or (head is not None and _lemma(head) in v["planned_heads"]):
        return "planned", next(iter(aux & {"will", "'ll", "shall"}), head.lemma_ if head is not None else "")
    for cue in v["hedges"]:
        if re.search(rf"\b{re.escape(cue)}\b", lowered):
            return "reported", cue
    source = _unnamed_source(ctx, tok)
    if source:
        return "reported", source
    if aux & set(v["speculative"]):
        return "speculative", next(iter(aux & set(v["speculative"])))
    return "occurred", ""


def _saying_verb(tok: Token, through: tuple[str, ...] = ("ccomp", "xcomp", "conj", "advcl")) -> Token | None:
    """The speech verb ("said", "suggest", "revealed") whose statement holds this trigger, up to three
    clauses up through the given dependencies; None if there is none."""
    node = tok
    for _ in range(3):
        if node.dep_ not in through or node.head.i == node.i:
            return None
        node = node.head
        if _lemma(node) in vocabulary()["speech_verbs"]:
            return node
    return None


def _unnamed_source(ctx: Context, tok: Token) -> str:
    """ "sources suggest", "insiders revealed": the subject and verb of the statement that holds this
    trigger when its speaker names nobody (patterns/sourcing.yaml, as analyse.quotes reads it), else ""."""
    from backchannel.analyse.quotes import cues  # quotes reads this module's vocabulary

    saying = _saying_verb(_governor(tok) if tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "pobj") else tok)
    subj, passive = subject_of(saying) if saying is not None else (None, False)
    if subj is None or passive or getattr(mention_at(ctx, subj), "kind", "") == "person":
        return ""
    phrase = " ".join(t.text for t in subj.subtree)
    return f"{subj.lower_} {saying.lower_}" if any(p.search(phrase) for _, p in cues().anonymous) else ""


def _negated(tok: Token) -> bool:
    if any(c.dep_ == "neg" for c in tok.children):
        return True
    objects = _objects_agreed(tok)
    if tok.pos_ in ("VERB", "AUX") and any(o.lower_ == "nothing"
                                           or any(d.dep_ == "det" and d.lower_ == "no" for d in o.children)
                                           for o in objects):
        return True  # "agreed to no such thing", "signed nothing"
    if any(c.dep_ == "prep" and any(g.lower_ in ("circumstances", "circumstance", "condition", "account")
                                    and any(d.lower_ == "no" for d in g.children) for g in c.children)
           for c in tok.children):
        return True  # "will under no circumstances agree"
    if tok.dep_ == "xcomp" and _lemma(tok.head) in ("fail", "decline"):
        return True  # "failed to reach agreement", "declined to resign"
    if tok.pos_ == "NOUN" and tok.dep_ == "dobj" and _lemma(tok.head) in vocabulary()["light_verbs"]:
        return _negated(tok.head)  # "did not attend the summit", "held no talks" is read by the verb
    return tok.dep_ == "xcomp" and any(c.dep_ == "neg" for c in tok.head.children)


def _verb_type(tok: Token) -> tuple[str | None, str | None]:
    lemma = _lemma(tok)
    objects = [c for c in tok.children if c.dep_ in ("dobj", "oprd", "advmod", "npadvmod", "attr", "xcomp", "acomp")
               or c.dep_ == "appos" and c.pos_ == "NOUN"  # "fires two mortar rounds at X", the object misread
               or c.dep_ == "ccomp" and c.tag_ == "VBN"  # "kept them informed", the participle misread
               # "the deal was announced by X", "the truce was extended"
               or c.dep_ == "nsubjpass" and (any(a.dep_ == "agent" for a in tok.children)
                                             or _lemma(c) in vocabulary()["truce_nouns"])]
    objects += [g for c in objects if c.lower_ not in vocabulary()["statement_objects"]  # "5 million dollars of aid"
                for p in c.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
    objects += [g for c in objects for g in c.subtree if g.dep_ == "conj" and g.head.pos_ == "NOUN"]  # "shells and fire"
    objects += [a for c in objects for a in [_antecedent(c)] if a is not None]  # "The deal ... X announced it"
    for obj, entry in (vocabulary()["verb_objects"].get(lemma) or {}).items():
        if any(obj in (c.lower_, c.lower_.removesuffix("s"), _phrase(c)) for c in objects):
            return entry[0], entry[1]
    if lemma in vocabulary()["price_verbs"] and any(t.ent_type_ == "MONEY" for c in tok.children if c.dep_ == "dobj"
                                                    for t in c.subtree):
        return "REQUEST", None  # "had sought $2 million for their release": a ransom demanded
    if lemma in vocabulary()["money_verbs"] and _aid_money(tok):
        return "AID", None  # "pledged $5 million for rebuilding"
    person = vocabulary()["person_object_verbs"].get(lemma)
    if person and any(c.dep_ in ("dobj", "nsubjpass") and (  # "the two were handed to X" as "handed the two"
            c.ent_type_ == "PERSON" or ("named" in person and c.pos_ == "PROPN" and not c.ent_type_)  # a bare surname
            or "named" not in person and (_lemma(c).removesuffix("s") in vocabulary()["captive_nouns"] or counts_two(c)))
                      for c in tok.children) and not any(c.dep_ in ("prt", "advmod") and c.lower_ in ("over", "back")
                                                         for c in tok.children):
        return person[0], person[1]  # "handed the captive to X", "will question the minister"
    for prep, entry in (vocabulary()["prep_verbs"].get(lemma) or {}).items():
        if any(c.dep_ == "prep" and c.lower_ == prep for c in tok.children):
            return entry[0], entry[1]
    if lemma in vocabulary()["travel_verbs"] and any(
            p.dep_ == "prep" and p.lower_ == "in" and any(_lemma(n) in vocabulary()["trade_nouns"] and any(
                f.dep_ == "prep" and f.lower_ == "for" for f in n.children) for n in p.children) for p in tok.children):
        return "COOPERATE", "release"  # "X returned home in exchange for 30 prisoners": X was freed in a swap
    if lemma in vocabulary()["travel_verbs"] and _pressing(tok) is not None:
        return "CONSULT", "visit"  # "would travel to X to press both sides", "to meet Y": a visit (the coding guide)
    if lemma in vocabulary()["gathering_verbs"] and any(
            c.dep_ == "advcl" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
            and (vocabulary()["verbs"].get(_lemma(c)) or [None])[0] in ("REQUEST", "PROTEST") for c in tok.children):
        return "PROTEST", None  # "gathered outside parliament to demand their release": a demonstration
    if lemma in vocabulary()["remote_verbs"] and _remote(tok):
        return "CONSULT", "phone"  # "reached X by phone", "raised the case by telephone with Y"
    entry = vocabulary()["verbs"].get(lemma)
    if any(c.dep_ in ("prt", "advmod") and c.lower_ in (vocabulary()["continuing_particles"].get(lemma) or ())
           for c in tok.children):
        return None, None  # "we press on": going on, no pressing of anyone
    if lemma in vocabulary()["expecting_verbs"] and any(
            c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            and any(a.dep_ == "nsubj" for a in c.children) for c in tok.children):
        return "REQUEST", None  # "Washington expected Venezuela to accept the flights": asked it to
    if entry is None or _naming(tok):
        return None, None  # "called the deal shameful" is a statement, no phone call
    released = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")] + (
        [tok.head] if tok.dep_ in ("acl", "relcl") else [])
    if (lemma == "free" or lemma in vocabulary()["publishing_verbs"]) and any(
            _lemma(c) in vocabulary()["statement_objects"] for c in released):
        return None, None  # "released a statement", "a video released by X" report speech; they free nobody
    kind, mode, *rest = entry + [None] * (3 - len(entry))
    if kind == "REQUEST" and any(c.dep_ in ("dobj", "xcomp")
                                 or c.dep_ == "ccomp" and any(g.dep_ == "neg" for g in c.children)
                                 for c in tok.children if _lemma(c) in vocabulary()["anonymity"]):
        return None, None  # "who asked not to be named", "requested anonymity": the source's terms, no demand
    if kind == "CONSULT" and _remote(tok):
        mode = "phone"  # "spoke by phone", "talked over video link"
    if kind == "CONSULT" and any(c.dep_ in ("advcl", "xcomp") and _lemma(c) in vocabulary()["protest_purposes"] and any(
            g.dep_ == "aux" and g.lower_ == "to" for g in c.children) for c in tok.children):
        return "ACCUSE", None  # "summoned the ambassador to protest against X": a formal protest
    overrides = rest[0] or {}
    if "object" in overrides and any(c.dep_ == "dobj" for c in tok.children):  # "missiles struck the city"
        changed = overrides["object"]
        return changed, mode if changed == kind else None
    for child in tok.children:
        if child.dep_ in ("prt", "prep", "advmod", "ccomp") and child.lower_ in overrides and not any(
                g.ent_type_ in ("DATE", "TIME") for g in child.children):  # "called on Monday" is a call
            changed = overrides[child.lower_]  # "called on them to" requests, by no phone; "handed X back" (advmod),
            # "wants them back" (a particle the parser reads as a clause); a verb that is no trigger alone gives its
            # mode to the particle's ("handed over": a release)
            return changed, mode if changed == kind or kind is None else None
    complement = next((c for c in tok.children if c.dep_ == "xcomp"), None)
    if complement is not None and kind == "REJECT" and _lemma(complement) in vocabulary()["no_comment"] and not any(
            g.lower_ in vocabulary()["nouns"] for c in complement.children if c.dep_ in ("prep", "dobj")
            for g in [c] + list(c.children)) and not _refused_topic(tok, complement):
        # "declined to comment" refuses nothing; "refused to respond to a demand", "to discuss the demand" refuse it
        return None, None
    complement = complement or next((c for c in tok.children if c.dep_ == "advcl" and any(
        g.dep_ == "aux" and g.lower_ == "to" for g in c.children)), None)  # "have sworn to fight until ..."
    if complement is not None and lemma in vocabulary()["commitment_verbs"]:
        promised, promised_mode = _verb_type(complement)
        if promised is not None:  # "offered to negotiate", "vowed to fight on", "promised to release them"
            return _committed(promised), promised_mode
    if complement is not None and kind == "AGREE" and _verb_type(complement) == ("RETREAT", "release"):
        return "CONCEDE", "release"  # "agreed to free 20 prisoners" concedes a release (the coding guide)
    return kind, mode


def _remote(tok: Token) -> list[Token]:
    """The remote media the verb is done through: "spoke by phone", "talked over video link", "told X in a phone
    call" (a call alone, "in a call", is one too)."""
    return [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("by", "over", "via", "on", "in", "during")
            for g in c.children if g.lemma_.lower() in vocabulary()["remote_media"]
            and (c.lower_ not in ("in", "during") or g.lemma_.lower() == "call")]


def _refused_topic(tok: Token, complement: Token) -> bool:
    """ "refused to discuss the doctor's case", "refused to give them" (the guarantees asked for): a refusal (not a
    declining) to discuss or give a thing other than words ("refused to give details" comments on nothing)."""
    v = vocabulary()
    return _lemma(tok) != "decline" and _lemma(complement) in v["refused_acts"] and any(
        c.dep_ == "dobj" and _lemma(c) not in v["statement_objects"] + v["comment_topics"] for c in complement.children)


def _left(noun: Token) -> Token | None:
    """ "walked out of the talks": the verb by whose particle and "of" its subject leaves the talks, else None."""
    out = noun.head.head if noun.head.lower_ == "of" else None
    verb = out.head if out is not None and out.dep_ in ("prep", "prt", "advmod") else None
    return verb if verb is not None and _verb_type(verb)[0] == "REJECT" else None


def _pressing(tok: Token) -> Token | None:
    """The purpose of a journey that asks something of someone or meets them: "travel to X to press both sides" ->
    press, "flew to X to meet its envoy" -> meet."""
    return next((c for c in tok.children if c.dep_ in ("advcl", "xcomp") and any(g.dep_ == "aux" and g.lower_ == "to"
                                                                                for g in c.children)
                 and (vocabulary()["verbs"].get(_lemma(c)) or [None])[0] in ("REQUEST", "CONSULT")), None)


def _antecedent(it: Token) -> Token | None:
    """ "The deal was sealed on Monday. X announced it": the subject of the sentence before, which "it" as object
    stands for; "a deal brokered by X, which Y announced": the noun a relative "which" stands for, the first
    above the clause however the parser hangs it; None for another pronoun or in a text's first sentence."""
    if it.tag_ == "WDT" and it.dep_ == "dobj" and it.head.dep_ == "relcl":
        return next((a for a in list(it.head.ancestors)[:4] if a.pos_ == "NOUN"), None)
    if it.lower_ != "it" or it.dep_ != "dobj" or it.sent.start == 0:
        return None
    subj = subject_of(it.doc[it.sent.start - 1].sent.root)[0]
    return subj if subj is not None and subj.pos_ == "NOUN" else None


def _sentenced(ctx: Context, tok: Token) -> list[Mention]:
    """ "upheld the verdict": the person the text last told was sentenced or convicted, on whom the verdict was
    passed."""
    v = vocabulary()
    if not any(c.dep_ == "dobj" and _lemma(c) in v["verdict_nouns"] and any(d.lower_ == "the" for d in c.children)
               for c in tok.children):
        return []
    for t in reversed(ctx.doc[:tok.i]):
        subj, passive = subject_of(t) if _lemma(t) in v["sentencing_verbs"] and t.tag_ == "VBN" else (None, False)
        people = [m for m in keys_of(ctx, subj) if m.kind == "person"] if subj is not None and passive else []
        if people:
            return people
    return []


def _reported_plan(tok: Token) -> bool:
    """ "said (that) X would travel to Y": a "would" under a speech verb, however deep the parser hangs it."""
    return any(c.dep_ == "aux" and c.lower_ == "would" for c in tok.children) and any(
        _lemma(a) in vocabulary()["speech_verbs"] for a in tok.ancestors)


def _reciprocal(tok: Token) -> bool:
    """An act its actors do to each other ("blamed each other", "accused one another", "each side blames the
    other")."""
    subj = subject_of(tok)[0] if tok.pos_ in ("VERB", "AUX") else None
    each = subj is not None and any(c.dep_ == "det" and c.lower_ == "each" for c in subj.children)
    return any(c.dep_ in ("dobj", "pobj", "prep") and any(g.lower_ == "other" for g in c.subtree) and (each or any(
        g.lower_ in ("each", "one") for g in c.subtree)) for c in tok.children)


def _naming(tok: Token) -> bool:
    """A verb naming what its object is ("called it a gift to X", "branded the deal a betrayal")."""
    deps = {c.dep_ for c in tok.children}
    return _lemma(tok) in vocabulary()["naming_verbs"] and {"dobj", "oprd"} <= deps


def _phrase(tok: Token) -> str:
    """A noun with the words that make it a compound: "martial law", "border crossing"."""
    return " ".join([t.lower_ for t in tok.children if t.dep_ in ("compound", "amod") and t.i < tok.i] + [tok.lower_])


def _committed(kind: str) -> str:
    """The type of a promise, offer or stated intention to carry out an act of type `kind`."""
    v = vocabulary()
    return "THREATEN" if kind in v["hostile_types"] else "CONCEDE" if kind in v["concession_types"] else "AGREE"


def _commitment(tok: Token, kind: str) -> Token | None:
    """Is this trigger an act its subject declares itself ready for ("is willing to withdraw", "said it
    would boycott")? Returns the verb whose subject stands behind the commitment, else None."""
    v = vocabulary()
    if tok.dep_ == "xcomp" and _lemma(tok.head) in v["commitment_adjectives"]:
        return tok.head.head if tok.head.dep_ in ("acomp", "amod", "oprd") else tok.head
    if tok.dep_ == "xcomp" and _lemma(tok.head) in v["continuing_verbs"] and kind in v["hostile_types"]:
        tok = tok.head  # "said it would keep fighting": a threat ("would keep pressing for" still asks)
    aux = {_uncontracted(c.lower_) for c in tok.children if c.dep_ == "aux"}
    if any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in tok.children):
        return None  # "did not say whether X would withdraw": an open question, no commitment
    clause = tok.head if tok.dep_ == "conj" and tok.head.dep_ == "ccomp" and any(
        c.dep_ == "mark" and c.lower_ == "that" for c in tok.children) else tok  # "said X was over and that Y would"
    if clause.dep_ == "ccomp" and _lemma(clause.head) in v["speech_verbs"] and (
            "would" in aux or (aux & {"will", "'ll"} and kind in v["hostile_types"])):
        return tok  # "said it would boycott"; "announced it will extend the curfew" (a hostile act announced: a threat)
    if tok.dep_ == "ROOT" and "would" in aux and any(c.dep_ == "neg" for c in tok.children) and (
            kind == "AGREE" or kind in v["concession_types"]):
        return tok  # "Moscow would not release him": a refusal told in the past, as "said it would not"
    return None


def _obligation(tok: Token) -> Token | None:
    """'X said that Y must Z', 'issued a reminder that Y should Z': a request by X to Y. Returns the
    verb whose subject asks, else None."""
    clause = tok.head if tok.dep_ == "conj" and tok.head.dep_ == "ccomp" and any(
        c.dep_ == "mark" and c.lower_ == "that" for c in tok.children) else tok  # "said that X ... and that Y must"
    if clause.dep_ not in ("ccomp", "acl") or not any(c.dep_ == "aux" and c.lower_ in ("must", "should")
                                                      for c in tok.children):
        return None
    governor = clause.head
    if governor.pos_ == "NOUN" and governor.dep_ in ("dobj", "attr"):  # "issued a stern reminder that ..."
        governor = governor.head
    if governor.pos_ not in ("VERB", "AUX") or governor.i == tok.i or _verb_type(governor)[0] is not None:
        return None  # "warned Hamas that it must agree": the warning is the event
    return governor


def _recipients(ctx: Context, tok: Token, kind: str, depth: int = 0) -> list[Mention]:
    v = vocabulary()
    found: list[Mention] = []
    envoy = _lemma(tok) in v["envoy_verbs"]
    for child in tok.children:
        to_whom = child.dep_ == "dative" and child.pos_ == "ADP"  # "granted clemency to X": the parser's dative "to"
        if (child.dep_ in ("dobj", "dative", "iobj", "obj") or _misread_verb(tok) and child.dep_ == "npadvmod") \
                and not to_whom:
            if kind == "AID" and any(t.ent_type_ == "MONEY" or t.lower_ in v["aid_words"] for t in child.subtree):
                continue  # "matched Egypt's pledge with $5 million": the sum given, not whom it helps
            if not envoy:  # "dispatch negotiators": those sent act for the sender
                found += keys_of(ctx, child) or _inside(ctx, child) or (
                    _place(ctx, child) if kind in ("ASSAULT", "AID") else [])  # "shelled Kharkiv": Ukraine
        elif child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "dobj" for c in tok.children):
            # "thanked X, and the governments of Y and Z": the parser hangs them on the verb
            found += keys_of(ctx, child)
        elif child.lower_ == "out" and kind == "REJECT":  # "walked out of the talks with X": X
            found += [k for p in child.children if p.lower_ == "of" for g in p.children if g.dep_ == "pobj"
                      for k in _noun_participants(ctx, g, with_governor=False)[1]]
        elif child.dep_ == "ccomp" and kind in ("REQUEST", "THREATEN", "ACCUSE", "CONCEDE"):
            # "demanded that Hamas release ...", "allowed the leader to hold a rally": who is asked, warned or let
            found += [k for g in child.children if g.dep_ in SUBJECTS for k in keys_of(ctx, g)]
        elif child.dep_ == "advcl" and kind == "THREATEN" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless")
                                                                  for c in child.children):
            # "threatened to take measures if X does not amend it": X is threatened
            found += [k for g in child.children if g.dep_ in SUBJECTS for k in keys_of(ctx, g)]
        elif child.dep_ in ("xcomp", "advcl") and _lemma(child) in v["verbs"] and kind == "CONSULT":
            # "dispatch negotiators to discuss a deal with Egyptian officials"
            near = [g for g in child.children] + [gg for g in child.children if g.dep_ == "dobj" for gg in g.children]
            found += [k for g in near if g.dep_ == "prep" and g.lower_ == "with"
                      for p in g.children if p.dep_ == "pobj" for k in keys_of(ctx, p)]
            if child == _pressing(tok):  # "travel to X to press both sides", "to meet Y": those pressed or met
                found += [k for g in child.children if g.dep_ == "dobj" for k in keys_of(ctx, g)]
        if kind == "CONSULT" and child.dep_ == "prep" and child.lower_ in ("by", "over", "via", "on"):
            # "raised it by telephone with X": the parser hangs the partner on the medium
            found += [k for g in _remote(tok) if g.head == child for p in g.children if p.dep_ == "prep"
                      and p.lower_ == "with" for n in p.children if n.dep_ == "pobj" for k in keys_of(ctx, n)]
        if child.dep_ in ("dobj", "pobj") and child.lower_ in v["nouns"]:
            # "facilitated a conversation between Trump and Zelenskyy"
            found += _noun_participants(ctx, child, with_governor=False)[0]
        elif child.dep_ in ("advmod", "prt") and child.lower_ in ("back", "over"):  # "handed back to X", a capital too
            found += [k for p in child.children if p.dep_ == "prep" and p.lower_ == "to" for g in p.children
                      if g.dep_ == "pobj" for k in keys_of(ctx, g) or _travel_recipients(ctx, child)]
        elif (child.dep_ in ("prep", "agent") or to_whom) and (child.lower_ in v["recipient_preps"] or (
                kind == "ASSAULT" and child.lower_ in v["attack_preps"])):
            # "spoke with X and with Y": the second preposition hangs on the first
            for g in list(child.children) + [g for c in child.children if c.dep_ == "conj" and c.lower_ == child.lower_
                                             for g in c.children]:
                if g.dep_ == "pobj":
                    found += keys_of(ctx, g) or (_owners(ctx, g) or _place(ctx, g) if kind == "ASSAULT" and child.lower_
                                                 in v["attack_preps"] else [])  # "fired at an Israeli army post":
                    # Israel's; "fired rockets at Jerusalem": Israel
                    # "a talk with Netanyahu", "the call with Biden": the noun's own partner
                    for gg in g.children:
                        if gg.dep_ == "prep" and gg.lower_ in ("with", "between"):
                            found += [k for p in gg.children if p.dep_ == "pobj" for k in keys_of(ctx, p)]
    if not found and kind == "ASSAULT":  # "fired two rockets at an Israeli post": the target of the thing fired
        found += [k for o in tok.children if o.dep_ in ("dobj", "appos") for p in o.children
                  if p.dep_ == "prep" and p.lower_ in v["attack_preps"]
                  for g in p.children if g.dep_ == "pobj" for k in keys_of(ctx, g) or _owners(ctx, g) or _place(ctx, g)]
    if not found and kind == "AID":  # "pledged $5 million for Gaza's reconstruction", "in aid to X": those helped
        found += [k for c in tok.children if c.dep_ in ("dobj", "prep", "dative") for t in c.subtree
                  if t.dep_ == "pobj" and t.head.lower_ in ("for", "to") for k in keys_of(ctx, t) or _place(ctx, t)]
    if not found and kind == "SANCTION":  # "issued warrants in May for X": whom a sanction on a thing is for
        found += [k for c in tok.children if c.dep_ == "prep" and c.lower_ == "for"
                  for g in c.children if g.dep_ == "pobj" for k in keys_of(ctx, g)]
    complement = next((c for c in tok.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
    if not found and complement is not None and depth == 0 and not (
            kind == "REJECT" and _lemma(complement) in v["no_comment"]):  # "refused to discuss X's case": not X
        found += _recipients(ctx, complement, kind, depth + 1)  # "offered to negotiate with X", "agreed to lift the ban on X"
    elaboration = next((c for c in tok.children if c.dep_ == "advcl" and c.tag_ == "VBG" and _verb_type(c)[0] == kind), None)
    if not found and elaboration is not None and depth == 0:  # "criticised the talks, accusing Chile of ..."
        found += _recipients(ctx, elaboration, kind, depth + 1)
    return found


def _inside(ctx: Context, noun: Token) -> list[Mention]:
    """Who an object that names no actor itself is about: "the withdrawal of Serbian forces", "demands
    from the rebels", "a curfew in Montenegro", "a U.N. presence"."""
    found = [m for c in noun.children if c.dep_ in ("poss", "amod", "compound", "nmod")
             for m in [mention_at(ctx, c)] if m is not None]
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in vocabulary()["inner_preps"] and not _topic(noun, c):
            found += [k for g in c.children if g.dep_ == "pobj" for k in keys_of(ctx, g)]
            if c.lower_ == "between" and not any(g.dep_ == "conj" for p in c.children for g in p.children):
                # "between a team led by X, Y, and Iranian negotiators": the parser hangs the second party deep inside
                found += [k for p in c.children for t in p.subtree if t.dep_ == "conj" for k in keys_of(ctx, t)][-1:]
    return found


def _owners(ctx: Context, noun: Token) -> list[Mention]:
    """Whose a place or thing is, by the state, organisation or group named before it: "an Israeli army post",
    "a Hamas depot", "the rebels' camp" (also on a word of a compound: "a Syrian army base")."""
    words = [c for c in noun.children if c.dep_ in ("poss", "amod", "compound", "nmod")]
    words += [g for c in words if c.dep_ == "compound" for g in c.children if g.dep_ in ("amod", "compound", "poss")]
    return [m for w in words for m in [mention_at(ctx, w)]
            if m is not None and m.kind in ("state", "organization", "group")]


def _topic(noun: Token, prep: Token) -> bool:
    """ "talks on Afghanistan": what talks are about is no party to them ("an attack on X" is on X)."""
    return prep.lower_ == "on" and vocabulary()["nouns"].get(noun.lower_, [None])[0] == "CONSULT"


def _noun_participants(ctx: Context, tok: Token, with_governor: bool = True) -> tuple[list[Mention], list[Mention]]:
    """Participants named inside a noun phrase: "call between X and Y", "X's talks with Y", "Trump Netanyahu talks"."""
    actors: list[Mention] = []
    recipients: list[Mention] = []
    # "a meeting on 3 May between X and Y": the parser hangs the partners on the date
    dated = [g for c in tok.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj" and p.ent_type_ == "DATE"
             for g in p.children if g.dep_ == "prep" and g.lower_ in ("between", "with")]
    for child in list(tok.children) + dated:
        if child.dep_ in ("poss", "compound", "nmod", "amod"):
            m = mention_at(ctx, child)
            if m is not None and m.kind != "state" or (m is not None and child.dep_ == "poss"):
                actors.append(m)
                actors += [k for c in child.children if c.dep_ == "conj" for k in keys_of(ctx, c)]
        elif child.dep_ in ("prep", "agent") and child.lower_ == "by" and not actors:  # "patrols by police"
            actors += [k for g in child.children if g.dep_ == "pobj" for k in keys_of(ctx, g)]
        elif child.dep_ == "prep" and child.lower_ == "between":
            both = [k for g in child.children if g.dep_ == "pobj" for k in keys_of(ctx, g)]
            actors += both
            recipients += both
        elif child.dep_ == "prep" and child.lower_ in ("with", "to", "on", "against") and not _topic(tok, child):
            recipients += [k for g in child.children if g.dep_ == "pobj" for k in keys_of(ctx, g)]
        elif child.dep_ in ("acl", "ccomp") and child.pos_ in ("VERB", "AUX"):  # "its demand that Israel ease ..."
            recipients += [k for g in child.children if g.dep_ in SUBJECTS for k in keys_of(ctx, g)]
        if child.dep_ in ("relcl", "acl"):  # "a swap that Qatar spent months brokering between X and Y": X and Y
            for verb in [child] + [c for c in child.children if c.dep_ in ("dobj", "xcomp")]:
                if _lemma(verb) in vocabulary()["host_verbs"] or (  # "talks held in May between X and Y"
                        verb is child and child.dep_ == "acl" and _lemma(verb) in vocabulary()["meeting_participles"]):
                    both = [k for p in verb.children if p.dep_ in ("prep", "agent") and p.lower_ == "between"
                            for g in p.children if g.dep_ == "pobj" for k in keys_of(ctx, g)]
                    actors += both
                    recipients += both
    actors += [m for m in led_by(ctx, tok) if m not in actors]  # "the X-led attack"
    head = tok
    while head.dep_ == "conj" and head.head.i != head.i:  # "announced the completion ... and a withdrawal"
        head = head.head
    if head.dep_ == "pobj" and head.head.lower_ == "of" and _lemma(head.head.head) in vocabulary()["part_nouns"]:
        head = head.head.head  # "held several rounds of talks with X": the subject of "held" takes part in the talks
    if not actors and with_governor and head.dep_ in ("dobj", "pobj", "attr") and not (
            head.dep_ == "pobj" and head.head.lower_ in vocabulary()["time_preps"]):
        governor = _governor(head)
        travel = head.dep_ == "pobj" and head.head.lower_ == "for" and _lemma(governor) in vocabulary()["travel_verbs"]
        if governor.pos_ in ("VERB", "AUX") and (_lemma(governor) in vocabulary()["light_verbs"] or travel):
            subj, _ = subject_of(governor)
            if subj is not None:
                actors += keys_of(ctx, subj)
            if head.dep_ == "pobj":
                recipients += [k for c in governor.children if c.dep_ == "dobj" for k in keys_of(ctx, c)]
            recipients += [k for c in governor.children if c.dep_ == "ccomp"  # "reiterated its demand that Israel ..."
                           and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
                           for g in c.children if g.dep_ in SUBJECTS for k in keys_of(ctx, g)]
            recipients += [k for c in governor.children if c.dep_ == "prep" and c.lower_ in ("on", "against", "with")
                           for g in c.children if g.dep_ == "pobj" for k in keys_of(ctx, g)]
    return actors, recipients


def _blamed(ctx: Context, noun: Token) -> list[Mention]:
    """Who an attack is laid at the door of, in a clause on the noun: "blamed on X", "attributed to X",
    "claimed by X"."""
    return [k for c in noun.children if c.dep_ in ("relcl", "acl") and _lemma(c) in vocabulary()["attribution_verbs"]
            for p in c.children if p.dep_ in ("prep", "agent") and p.lower_ in ("on", "to", "by")
            for g in p.children if g.dep_ == "pobj" for k in keys_of(ctx, g)]


def _traded_for(ctx: Context, tok: Token) -> list[Mention]:
    """Whom a release was traded for ("in exchange for two Americans held in Russia", "in return for X"):
    the actors named there; [] for a release that was no trade, or traded for no one ("for a promise")."""
    return [m for p in tok.children if p.dep_ == "prep" and p.lower_ == "in"
            for n in p.children if n.dep_ == "pobj" and _lemma(n) in vocabulary()["trade_nouns"]
            for f in n.children if f.dep_ == "prep" and f.lower_ == "for" for g in f.children if g.dep_ == "pobj"
            for t in g.subtree for m in [mention_at(ctx, t)] if m is not None]


def _holder(ctx: Context, clauses: list[Token]) -> tuple[list[Mention], list[Mention]]:
    """Who held captives, and who they are, from the last of these clauses on a noun that says so: "five
    Peruvians who had been held in Chile" (a state), "two nurses held by the X Brigade" (a named agent; "an
    armed group" names nobody). ([], []) if none does."""
    v = vocabulary()
    for clause in reversed(clauses):
        if _lemma(clause) not in v["holding_verbs"] + v["taking_verbs"] or clause.tag_ != "VBN":
            continue
        by = [k for p in clause.children if p.dep_ == "agent" for g in p.children if g.dep_ == "pobj"
              for k in keys_of(ctx, g)]
        held_in = [m for p in clause.children if p.dep_ == "prep" and p.lower_ == "in" for g in p.children
                   if g.dep_ == "pobj" for t in [g] + [a for a in g.children if a.dep_ == "amod"]
                   for m in [mention_at(ctx, t)] if m is not None and m.kind == "state"]  # also "in Russian prisons"
        if by or held_in:
            return by or held_in, keys_of(ctx, clause.head)
    return [], []


def _carried_home(ctx: Context, tok: Token) -> tuple[list[Mention], list[Mention]] | None:
    """ "flew home with six Americans who had been held in X", "left with Y, held by Z since 2021": a journey
    out with captives whose holder the text names is their release by that holder: (holder, captives)."""
    if _lemma(tok) not in vocabulary()["travel_verbs"] + vocabulary()["leaving_verbs"]:
        return None
    for p in tok.children:
        for g in (p.children if p.dep_ == "prep" and p.lower_ == "with" else []):
            holder, captives = _holder(ctx, _clauses_on(g))
            if holder and g.dep_ == "pobj":
                return holder, captives
    return None


def _clauses_on(noun: Token) -> list[Token]:
    """The clauses on a noun or on its apposition: "X, the engineer held by Y" -> [held]; and on what it is "of"
    ("the crew of a tanker seized by Y", "the crew of the X, a tanker seized by Y" -> [seized])."""
    owned = [g for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
    return [c for o in [noun] + owned for n in [o] + [a for a in o.children if a.dep_ == "appos"]
            for c in n.children if c.dep_ in ("acl", "relcl")]


def _captor(ctx: Context, person: Token) -> list[Mention]:
    """Who took a captive, where the text says elsewhere who holds him ("X, the engineer held by Y, was freed ...
    X was captured in 2019"): that holder; [] if the text names none."""
    keys = {m.key for m in keys_of(ctx, person) if m.kind == "person"}
    found = []
    for noun in ctx.doc:
        clauses = _clauses_on(noun) if noun.pos_ == "PROPN" and noun.dep_ != "compound" else []
        if keys and clauses and keys & {m.key for m in keys_of(ctx, noun)}:
            found += [_holder(ctx, clauses)[0]]
        subj, passive = subject_of(noun) if noun.tag_ == "VBN" else (None, False)
        if keys and passive and subj is not None and keys & {m.key for m in keys_of(ctx, subj)}:
            found += [_holder(ctx, [noun])[0]]  # "he was then held by Y": Y
    named = [h for h in found if h and any(m.kind != "state" for m in h)]  # a holder named beats a state held in
    return (named or [h for h in found if h] or [[]])[0]


def _session(noun: Token) -> Token | None:
    """ "The third round of talks opened", "the talks are due to resume": the verb by which talks with the article
    before them (or a part of them) begin or end as a happening of their own, else None; not in a "since" clause."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and _lemma(noun.head.head) in vocabulary()["part_nouns"]:
        noun = noun.head.head
    head = noun.head
    if noun.dep_ not in ("nsubj", "nsubjpass") or not all(c.lower_ == "the" for c in noun.children if c.dep_ == "det") \
            or any(c.dep_ == "mark" and c.lower_ == "since" for c in head.children):
        return None
    near = [head] + [g for c in head.children if c.dep_ in ("xcomp", "acomp")
                     for g in [c] + list(c.children) if g.dep_ == "xcomp"]
    return next((v for v in near if _lemma(v) in vocabulary()["session_verbs"]), None)


def _session_verb(verb: Token) -> bool:
    """ "The fourth round is due to start": a round or session named alone that opens or ends is a round of talks."""
    subj = subject_of(verb)[0]
    if subj is not None and subj.lower_ == "they" and verb.dep_ == "ROOT" and verb.sent.start > 0:
        before = verb.doc[verb.sent.start - 1].sent.root  # "The talks collapsed in May. They resumed in June."
        subj = subject_of(before)[0]
        talks = subj is not None and vocabulary()["nouns"].get(subj.lower_, [None])[0] == "CONSULT"
        return talks and _lemma(verb) in vocabulary()["session_verbs"] and any(c.lower_ == "the" for c in subj.children)
    return _lemma(verb) in vocabulary()["session_verbs"] and subj is not None \
        and subj.lower_ in vocabulary()["round_nouns"] \
        and not any(c.dep_ == "prep" and c.lower_ == "of" for c in subj.children) and _session(subj) == verb


def _represented(ctx: Context, verb: Token) -> list[Mention]:
    """ "Talks resumed, with X, a former envoy, representing Y": the parties the participles after "with" name."""
    return [k for p in verb.children if p.dep_ == "prep" and p.lower_ == "with" for t in p.subtree
            if t.dep_ == "acl" and t.tag_ == "VBG" and _lemma(t) == "represent"
            for o in t.children if o.dep_ == "dobj" for k in keys_of(ctx, o) if k.kind in ("state", "organization")]


def _unique_mentions(ms: list[Mention]) -> list[Mention]:
    return list({m.key: m for m in reversed(ms)}.values())[::-1]


def _governor(noun: Token) -> Token:
    """The word a noun hangs on: the verb of its preposition ("took part in talks"), else its head."""
    return noun.head.head if noun.dep_ == "pobj" else noun.head


def _host(ctx: Context, noun: Token) -> list[Mention]:
    """Who hosts or brokers the talks a noun names: the subject of a hosting verb it is the object of
    ("hosted talks", "hosted a round of talks")."""
    hosts = vocabulary()["host_verbs"]  # "Qatar-brokered talks", "AU-led negotiations"
    brokers = [k for c in noun.children if c.dep_ == "amod" and _lemma(c) in hosts + ["lead"]
               for g in c.children if g.dep_ in ("npadvmod", "compound", "nmod") for k in keys_of(ctx, g)]
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        noun = noun.head.head
    governor = noun.head
    if brokers or noun.dep_ != "dobj" or _lemma(governor) not in hosts:
        return brokers
    subject = subject_of(governor)[0]
    return keys_of(ctx, subject) if subject is not None else []


def _speaker(ctx: Context, tok: Token, actors: list[Mention]) -> list[Mention]:
    """The person whose statement (say, claim, release a statement) holds this trigger, unless the
    speaker's own words name a state other than the actors' ("X, the Venezuelan negotiator, said
    the United States kidnapped him": X does not act for the United States)."""
    node = tok
    for _ in range(3):
        if node.dep_ not in ("ccomp", "xcomp", "conj", "advcl", "acl") or node.head.i == node.i:
            return []
        node = node.head
        lemma = _lemma(node)
        is_statement = lemma in vocabulary()["speech_verbs"] or (
            lemma in vocabulary()["publishing_verbs"] and any(_lemma(c) in vocabulary()["statement_objects"]
                                                              for c in node.children))
        if is_statement or node.lower_ in vocabulary()["statement_objects"]:
            subj, _ = subject_of(node if node.pos_ in ("VERB", "AUX") else node.head)
            if subj is None:
                return []
            own = {m.key for t in subj.subtree for m in [mention_at(ctx, t)] if m is not None and m.kind == "state"}
            if own - {a.key for a in actors}:
                return []
            return [m for m in keys_of(ctx, subj) if m.kind == "person"]
    return []


def _accuser(ctx: Context, tok: Token, actors: list[Mention]) -> list[Mention]:
    """Who says the actors did this, if another party says it: the subject of the speech verb over the trigger."""
    saying = _saying_verb(tok)
    subj = subject_of(saying)[0] if saying is not None else None
    said_by = keys_of(ctx, subj) if subj is not None else []
    theirs = {a.key for a in actors} | {state_of(a.text) for a in actors} - {None}
    return [] if not actors or any(m.key in theirs or state_of(m.text) in theirs for m in said_by) else said_by


def _sole_band(ctx: Context) -> list[Mention]:
    """Who takes and frees the captives a text tells of: the one party that claims their taking ("X claimed the
    kidnapping"), else the one armed band it names ("the X gang"), else the captors it speaks of without a name
    ("gunmen seized them ... the kidnappers"); [] if none or several."""
    takings = vocabulary()["captive_takings"]
    # "claimed responsibility for the kidnapping"
    claimants = {m.key: m for tok in ctx.doc if _lemma(tok) == "claim" and tok.pos_ == "VERB" and any(
        o.dep_ == "dobj" and (o.lower_ in takings or any(g.lower_ in takings for p in o.children if p.dep_ == "prep"
                                                           for g in p.children))
        for o in tok.children) for s in [subject_of(tok)] if s[0] is not None and not s[1] for m in keys_of(ctx, s[0])
        if m.kind in ("organization", "group")}
    if claimants:
        return list(claimants.values())[:1] if len(claimants) == 1 else []
    heads = mention_vocabulary().band_heads
    bands = {m.key: m for m in ctx.mentions if m.kind == "organization" and len(m.key.split()) > 1
             and m.key.split()[-1].lower() in heads}
    if not bands:
        return [m for m in ctx.mentions if m.key == CAPTORS][:1]
    return list(bands.values())[:1] if len(bands) == 1 else []


def _speaking_body(ctx: Context, tok: Token) -> list[Mention]:
    """The state, organisation or group whose statement holds this trigger: unowned officers, officials or
    troops it reports on act for it ("the army said soldiers had freed them")."""
    saying = _saying_verb(tok, ("ccomp", "conj"))
    subj = subject_of(saying)[0] if saying is not None else None
    return [m for m in (keys_of(ctx, subj) if subj is not None else []) if m.kind in ("state", "organization", "group")]


def _both(tok: Token) -> bool:
    """ "the two governments agreed", "both sides signed": a verb whose subject names the two parties as one."""
    subj = subject_of(tok)[0] if tok.pos_ in ("VERB", "AUX") else None
    return subj is not None and names_both(subj)


def _part_of_subject(tok: Token) -> bool:
    """ "the first stage of the exchange [took place]": the noun names the happening a subject is a part of."""
    part = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else None
    return part is not None and part.dep_ in SUBJECTS and _lemma(part) in vocabulary()["part_nouns"]


def _unique(ms: list[Mention]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(m.key for m in ms))


def _summary(actors: list[Mention], verb: str, recipients: list[Mention], negated: bool) -> str:
    def names(ms: list[Mention]) -> str:  # each actor once, as the text first names it
        return " and ".join({m.key: m.text for m in reversed(ms)}[k] for k in dict.fromkeys(m.key for m in ms))

    who = names(actors) or "someone"
    whom = names([m for m in recipients if m.key not in {a.key for a in actors}])
    if negated:  # "does not agree", "not rejected"
        first, _, rest = verb.partition(" ")
        first = _uncontracted(first)
        verb = f"{first} not {rest}" if rest else f"not {verb}"
    return " ".join(x for x in (who, verb, whom) if x)


def _statement_type(tok: Token) -> str | None:
    """A statement that does something to someone: its words make it a threat, an accusation, a
    rejection or support ("there will be hell to pay", "obstructing the mediation", "treated the
    framework positively"). Cue phrases are in patterns/events.yaml; the first type that matches wins."""
    v = vocabulary()
    lemma = _lemma(tok)
    statement = lemma in v["speech_verbs"] or _naming(tok) or (
        lemma in v["publishing_verbs"] and any(c.dep_ == "dobj" and _lemma(c) in v["statement_objects"]
                                              for c in tok.children))
    if not statement:
        return None
    # the cue is in what is said, not in the verb saying it ("is still insisting" said of someone else),
    # nor in a reported act ("said Russia rejected it", "stressed it will not agree": read at its own verb)
    reported = {t.i for c in tok.subtree if c.i != tok.i and c.pos_ == "VERB" and _lemma(c) in v["verbs"]
                for t in _own_words(c)}
    clause = " ".join(t.text for t in tok.subtree
                      if t.dep_ not in SUBJECTS and t.i != tok.i and t.i not in reported).lower()
    for kind, cues in v["statement_cues"].items():
        if any(re.search(rf"\b{re.escape(cue)}", clause) for cue in cues):
            return kind
    if _announced(tok) is not None:
        return "AGREE"  # "Qatar announced that the truce had been extended": the mediator's own act, beside theirs
    return None


def _announced(tok: Token) -> Token | None:
    """The clause telling an agreement that the speaker makes public ("X announced that the truce had been
    extended"); with a speech verb other than announce, only an agreement of two parties named as a pair ("X says
    the two sides have agreed", "that Y and Z agreed"); else None."""
    v = vocabulary()
    lemma = _lemma(tok)
    if subject_of(tok)[0] is None:
        return None  # nobody the parser finds makes it public
    for c in tok.children:
        subj = subject_of(c)[0] if c.dep_ == "ccomp" else None
        pair = subj is not None and (names_both(subj) or any(g.dep_ == "conj" for g in subj.children))
        if c.dep_ == "ccomp" and (lemma in v["announcing_verbs"] or lemma in v["speech_verbs"] and pair) \
                and _verb_type(c)[0] == "AGREE" and not _irrealis(c):
            return c
    return None


def _own_words(verb: Token) -> list[Token]:
    """The clause of a verb without the clauses joined to it with a subject of their own: "that her panel was not
    consulted and that the minister lied" says two things."""
    joined = {t.i for c in verb.children if c.dep_ == "conj" and any(g.dep_ in SUBJECTS for g in c.children)
              for t in c.subtree}
    return [t for t in verb.subtree if t.i not in joined]


def _enough(kind: str, mode: str | None, tok: Token, actors: tuple[str, ...], recipients: tuple[str, ...]) -> bool:
    """Does the sentence name enough of the interaction to put it on a timeline?"""
    two_sided = bool(recipients) or len(actors) > 1
    if tok.pos_ == "NOUN" and any(t.dep_ == "prep" and t.lower_ in vocabulary()["concessive_preps"] for t in tok.ancestors):
        return False  # "despite rounds of talks": cited as background
    if kind == "CONSULT" and mode != "multilateral":
        return two_sided  # a call or a meeting needs somebody on the other side
    if tok.pos_ == "NOUN":
        nested = tok.dep_ == "pobj" and tok.head.head.pos_ in ("NOUN", "PROPN") and not (  # "response to X's attack"
            tok.head.lower_ == "of" and (tok.head.head.lower_ in vocabulary()["part_nouns"]  # not "the first day of
                                         or tok.head.head.lower_ in mention_vocabulary().quantity_heads))  # talks"
        # nor "hundreds of air strikes"
        return two_sided and not nested if kind in ("REQUEST", "THREATEN", "ACCUSE", "REJECT") else not nested
    return True


@dataclass(frozen=True)
class Ask:
    """A request or offer read as an event: where it is and who made it, to whom (keys), with what verb."""
    event: int  # its index among the document's events
    sentence: int
    tok: Token
    actors: list[Mention]
    recipients: tuple[str, ...]
    verb: str


def _answered(ctx: Context, tok: Token, kind: str, sentence: int, actor_keys: tuple[str, ...],
              asks: list[Ask]) -> Ask | None:
    """The request or offer a refusal or acceptance naming nobody answers: "X had pressed for Y to be included, but Z
    refused", "X offered to host the talks. Z accepted the offer". The nearest one before it made by another party,
    to nobody named or to the responder, in the same paragraph and the two sentences before; a noun that refers
    back to it ("rejected that demand") reaches five sentences back, past a paragraph break but not a heading.
    None if there is none."""
    v = vocabulary()
    if not actor_keys or kind not in ("REJECT", "AGREE", "CONCEDE") or _lemma(tok) not in v["response_verbs"]:
        return None
    back = any(_lemma(o) in v["answered_nouns"] and any(d.lower_ in ("the", "that", "this", "these", "those", "its", "their")
                                                       for d in o.children) for o in _objects_agreed(tok))
    text = doc_text(ctx.doc)  # the joined text, kept on the Doc: not rebuilt for each answer
    for ask in reversed(asks):
        breaks = [i + 1 for i in range(ask.tok.idx, tok.idx) if text[i] == "\n"]
        if sentence - ask.sentence > (5 if back else 2) or breaks and not back \
                or any(is_heading_line(text, i) for i in breaks):
            return None
        if set(actor_keys) & set(_unique(ask.actors)) or ask.recipients and not set(actor_keys) & set(ask.recipients):
            continue  # the responder's own ask, or one made to another
        return ask
    return None


def find_events(doc: Doc, mentions: list[Mention], timexes: list[Timex], published: Published,
                context: Context | None = None) -> list[EventRecord]:
    ctx = context or Context.of(doc, mentions, list(doc.sents))
    nouns = vocabulary()["nouns"]
    text = doc.text  # Doc.text joins every token on each access
    events: list[EventRecord] = []
    signers: list[Mention] = []  # who signed or agreed to the truce told of last: its parties when it takes effect
    releasers: list[Mention] = []  # who freed captives last: the one to free those still to be freed
    freed_by: dict[str, list[Mention]] = {}  # a captive's key -> who freed him: his jailer
    freed_from: dict[str, list[Mention]] = {}  # a state -> who freed its people last ("freed three Americans")
    takers: tuple[int, list[Mention]] = (-9, [])  # the sentence of the last taking of captives, and its takers
    asks: list[Ask] = []  # the requests and offers read so far, which a refusal or acceptance may answer
    unanswered: list[tuple[int, Token, list[Mention], str]] = []  # requests and refusals naming nobody
    for number, sent in enumerate(ctx.sentences):
        agreed_things = {n.i for t in sent for n in [_agreed_thing(t)] if n is not None}
        for tok in sent:
            mode, undergone, committed, pressing = None, False, None, False
            if is_heading_line(text, tok.idx):
                continue
            if tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "NOUN" and tok.dep_ == "ROOT" and tok.tag_.startswith("VB")) \
                    or _misread_verb(tok):
                kind, mode = _verb_type(tok)
                session = kind is None and _session_verb(tok)
                kind = "CONSULT" if session else kind  # "The fourth round is due to start": a round of talks
                said = kind is None and _statement_type(tok)
                kind = kind or said
                # a journey to press someone is a visit, no promise
                pressing = kind == "CONSULT" and _pressing(tok) is not None
                asker, committed = _obligation(tok), kind is not None and not pressing and _commitment(tok, kind)
                if asker is not None:  # the act asked for is not the event; the asking is
                    subj, _ = subject_of(asker)
                    requested = subject_of(tok)[0]
                    actors = keys_of(ctx, subj) if subj is not None else []
                    recipients = keys_of(ctx, requested) if requested is not None else []
                    recipients = recipients or [k for c in asker.children if c.dep_ in ("dobj", "dative")
                                                for k in keys_of(ctx, c)]  # "reminded Iraq that it must"
                    if not recipients and tok.dep_ == "conj":
                        continue  # "said X and that any deal must include Y": a condition named after, no one asked
                    kind, mode, passive, said = "REQUEST", None, False, None
                    verb = asker.text
                elif committed:
                    subj, passive = subject_of(tok)
                    actors = keys_of(ctx, subj) if subj is not None and not passive else []
                    if not actors:
                        holder = subject_of(committed)[0]
                        actors = keys_of(ctx, holder) if holder is not None else []
                    if not actors and tok.dep_ == "ROOT":
                        continue  # "a truce would not free them all": nobody refuses
                    if not actors:  # "the rebels said their fighters would resume attacks": the body speaking
                        actors = _speaking_body(ctx, tok)
                    recipients = _recipients(ctx, tok, kind)
                    kind, passive = _committed(kind), False
                    verb = tok.text
                elif kind is None and (carried := _carried_home(ctx, tok)):
                    actors, recipients = carried  # "flew home with six Americans held in X": X freed them
                    kind, mode, passive = "RETREAT", "release", False
                    verb = tok.text
                elif (thing := _agreed_thing(tok)) is not None:
                    # "the swap was agreed on 3 May": by its parties, with each other
                    kind, mode, passive = "AGREE", None, False
                    actors = recipients = _noun_participants(ctx, thing)[0] or both_parties(ctx, thing)
                    verb = tok.text
                elif kind is None or (_irrealis(tok) and not _attempted_force(tok, kind) and not _mediated(tok, mode)
                                      and not (pressing and _reported_plan(tok))  # "said X would travel to press"
                                      and not (mode == "ceasefire" and _truce_of_gerund(tok) is not None)):
                    continue
                elif tok.dep_ == "xcomp" and _lemma(tok.head) in vocabulary()["ending_verbs"]:
                    # "would not stop kidnapping": the stopping is the event (or its refusal), not a kidnapping
                    continue
                elif _lemma(tok) in vocabulary()["host_verbs"] and any(
                        c.dep_ == "dobj" and c.lower_ in nouns and any(p.dep_ == "prep" and p.lower_ in ("between", "with")
                                                                     for p in c.children) for c in tok.children):
                    continue  # "Oman hosted talks between X and Y": the talks are the event, read at the noun
                else:
                    subj, passive = subject_of(tok)
                    passive = passive and not _gapped_relative(tok)  # "the truce that X signed": X signed it
                    if subj is None and _statement_content(tok):  # "X issued a declaration demanding ..."
                        subj, passive = subject_of(tok.head.head)
                    undergone = _lemma(tok) in vocabulary()["subject_undergoes"] and kind == "RETREAT" or (  # "X walked
                        # free" ("walked out of the talks" is the subject's own act)
                        # "X returned in a swap"
                        kind == "COOPERATE" and _lemma(tok) in vocabulary()["travel_verbs"]) or (
                        mode == "release" and kind == "RETREAT" and tok.tag_ == "VBD" and not any(
                            c.dep_ in ("dobj", "obj", "prt", "dative", "ccomp", "xcomp") for c in tok.children))
                    # "soldiers freed in a swap described ...", a participle the parser took for the main verb:
                    # freeing always frees someone, so a subject with no object is the one freed
                    passive = passive or undergone or (  # "X extradited to Y", a headline's or a chronology's passive
                        _lemma(tok) in vocabulary()["authority_verbs"] and tok.tag_ in ("VBD", "VBN") and not any(
                            c.dep_ in ("aux", "dobj", "obj", "ccomp", "xcomp") for c in tok.children))
                    actors = keys_of(ctx, subj) if subj is not None else []
                    finite_after_bare = tok.dep_ == "conj" and tok.tag_ == "VBD" and tok.head.tag_ == "VB" \
                        and tok.sent.root.tag_ == "VBD"  # "said X would not allow Y to enter and accused Z": not Y
                    if (not actors or finite_after_bare) and not passive and tok.dep_ == "conj" \
                            and tok.head.dep_ != "ROOT" and tok.sent.root.i != tok.i \
                            and (subj is None or subj.pos_ != "PRON"):
                        # "X said the funds would go to whatever the country needed and accused Y": the parser hangs
                        # the second verb on the last one of a clause inside; a noun there naming nobody is not its
                        # subject, X is ("we won't withdraw and won't release" is rightly one clause)
                        subj = subject_of(tok.sent.root)[0]
                        actors = keys_of(ctx, subj) if subj is not None else []
                    if session:
                        actors = recipients = both_parties(ctx, subj)
                    if not actors and subj is not None and not passive and (
                            subj.lower_ in mention_vocabulary().collective_heads or any(
                            c.dep_ == "poss" and c.lower_ in ("its", "their") for c in subj.children)):
                        # "the police said officers had arrested two men", "the army says its jets struck X"
                        actors = _speaking_body(ctx, tok)
                    # "a gift to X" names no target
                    recipients = _recipients(ctx, tok, kind) if not _naming(tok) else []
                    recipients = recipients or _sentenced(ctx, tok)  # "upheld the verdict": the one sentenced
                    if mode == "ceasefire" and _lemma(tok) == "take":  # "the truce took effect": its parties' ceasefire
                        subj = subj if subj is not None else _truce_of_gerund(tok)  # "the truce taking effect"
                        if subj is None or subj.lemma_.lower() not in vocabulary()["truce_nouns"] or any(
                                c.dep_ == "mark" and c.lower_ == "since" for c in tok.children):
                            continue  # "sanctions took effect"; "violations since the truce took effect": background
                        actors = recipients = _noun_participants(ctx, subj)[0] or signers or both_parties(ctx, subj)
                    if not actors and subj is not None and not passive and (
                            nouns.get(subj.lower_) or [None])[0] == "ASSAULT":
                        # "an attack blamed on X killed"
                        actors = _noun_participants(ctx, subj)[0] or _blamed(ctx, subj)
                    # "X and Y met in Z": Z is the venue
                    if mode == "visit" and not recipients and len(_unique(actors)) < 2:
                        recipients = _travel_recipients(ctx, tok)
                    if _mediated(tok, mode) and not recipients:  # "X and Y swapped them in a deal brokered by Z"
                        governor = _governor(tok.head)
                        parties = subject_of(governor)[0]
                        recipients = keys_of(ctx, parties) if parties is not None else []
                        recipients += [m for m in _traded_for(ctx, governor) if m.kind == "state"]  # "X freed A in
                        # exchange for B held in Y": Y too
                    verb = " ".join(t.text for t in sorted(
                        [tok] + [c for c in tok.children if c.dep_ in ("aux", "neg", "prt") or (
                                 c.dep_ == "dobj" and mode == "ceasefire")],  # "took effect"
                        key=lambda t: t.i) if t.dep_ != "neg")
                if said:  # whoever the statement names is what it acts on, the speaker's own words left out
                    speakers = {t.i for c in tok.children if c.dep_ in SUBJECTS for t in c.subtree}
                    announced = _announced(tok) if said == "AGREE" else None
                    named = tok.subtree if not _naming(tok) else (t for c in tok.children if c.dep_ == "dobj"
                                                                  for t in c.subtree)
                    named = announced.subtree if announced is not None else named  # the parties, not the venue
                    recipients += [m for t in named if t.i not in speakers and t.i != tok.i
                                   for m in [mention_at(ctx, t)] if m is not None and m.kind != "group"]
                    parties = subject_of(announced)[0] if announced is not None else None
                    if parties is not None and names_both(parties):  # "says the two sides have agreed"
                        recipients += both_parties(ctx, parties)
                if passive:
                    agent = [k for c in tok.children if c.dep_ == "agent" for g in c.children for k in keys_of(ctx, g)]
                    if not agent and mode == "release" and subj is not None:  # "two nurses held by X were freed"
                        agent = _holder(ctx, [subj] + _clauses_on(subj))[0]
                    if not agent and subj is not None and _lemma(tok) in vocabulary()["taking_verbs"]:
                        agent = _captor(ctx, subj)  # "X was captured in 2006" where X is "held by Y": Y took him
                    if not agent and subj is not None and _lemma(subj) in vocabulary()["truce_nouns"]:
                        agent = signers or both_parties(ctx, subj)  # "the truce was extended by two days": its parties
                    if not agent and kind == "COOPERATE" and mode == "release":
                        agent = both_parties(ctx, tok)  # "a second group was exchanged the next day": the story's two
                    pair = both_parties(ctx, tok) if not agent and kind == "RETREAT" and mode == "release" else []
                    if len(pair) == 2 and any(m.key == p.key for m in recipients for p in pair):
                        # "the servicemen handed back to Moscow", in a story of two sides: the other side freed them
                        agent = [p for p in pair if all(m.key != p.key for m in recipients)]
                    if not agent and mode == "release":  # "was released from a prison in X": X held him
                        agent = [m for p in tok.children if p.dep_ == "prep" and p.lower_ == "from"
                                 for g in p.children if g.dep_ == "pobj" for m in _where(ctx, g)]
                    if not agent and mode == "release" and subj is not None and actors and all(
                            m.kind == "person" for m in actors):  # "A fifth American, X, was freed": by whoever
                        # freed the other Americans
                        agent = next((freed_from[m.key] for t in subj.subtree for m in [mention_at(ctx, t)]
                                      if m is not None and m.kind == "state" and m.key in freed_from), [])
                    if not agent and mode == "release" and subj is not None and number - takers[0] <= 1 and any(
                            c.dep_ == "det" and c.lower_ == "the" for c in subj.children):
                        agent = takers[1]  # "X seized ten sailors. The crew were freed the next day": X freed them
                    if not agent and mode in ("release", "abduct") and not any(c.dep_ == "agent" for c in tok.children):
                        agent = _sole_band(ctx)  # "the nurses were kidnapped on May 3" in a story of one gang
                    if not agent and mode == "release" and (any(c.dep_ == "aux" and c.lower_ in ("will", "shall")
                                                                for c in tok.children) or actors and all(
                                                                m.kind == "person" for m in actors)):
                        agent = releasers  # "X freed 400 prisoners. The other 500 will be freed in May": X will;
                        # "X freed two. A third, Y, was let go in May": X let him go
                    if not agent and actors and _lemma(tok) in vocabulary()["authority_verbs"]:
                        # "was arrested in X": X's authorities arrested; "Y freed X. X was arrested in 2020": Y
                        agent = _where(ctx, tok) or [m for a in actors for m in freed_by.get(a.key, [])]
                    # "X, held by Y, returned to Z in exchange for ...": Y and Z swap
                    if undergone and kind == "COOPERATE":
                        agent += [m for m in recipients if m.kind == "state" and m not in agent]
                    actors, recipients = agent, actors + recipients
                    verb = tok.text  # a participle reads as active after its agent: "the UAE mediated"
                    if undergone:
                        verb = " ".join(t.text for t in tok.subtree if t.i == tok.i or t.dep_ == "acomp")
            elif tok.pos_ == "NOUN" and tok.lower_ in nouns and (tok.dep_ not in ("compound", "amod") or (
                    tok.dep_ == "compound" and _lemma(tok.head) in vocabulary()["effort_nouns"])) and not (
                    tok.dep_ == "dobj" and _lemma(tok.head) in vocabulary()["ending_verbs"]):
                kind, mode = nouns[tok.lower_]
                if tok.i in agreed_things:
                    continue  # "the swap was agreed on 3 May": the agreeing is the event, read at the verb
                for prep in ("for", "on"):  # "a campaign for his release", "strikes on the port"
                    if any(p.dep_ == "prep" and p.lower_ == prep and not any(  # not "on Monday"
                            g.ent_type_ in ("DATE", "TIME") for g in p.children) for p in tok.children):
                        kind, mode = (vocabulary()[f"noun_{prep}"].get(tok.lower_) or (kind, mode))
                kind, mode = next((tuple(entry) for c in tok.children if c.dep_ in ("compound", "amod", "nmod")
                                   for entry in [(vocabulary()["noun_modifiers"].get(tok.lower_) or {}).get(c.lower_)]
                                   if entry), (kind, mode))  # "air strikes" are attacks
                if kind != "CONSULT" and tok.dep_ == "dobj" and (
                        _lemma(tok.head) not in vocabulary()["speech_verbs"] and (
                        vocabulary()["verb_objects"].get(_lemma(tok.head)) or {}).get(tok.lower_, [None])[0] == kind):
                    continue  # "would resume attacks": the verb reads its object (here a threat), not one more attack
                of_objects = [g for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children]
                kind, mode = next((tuple(entry) for obj, entry in (vocabulary()["noun_objects"].get(tok.lower_) or {}).items()
                                   if any(obj in (g.lower_, g.lower_.removesuffix("s")) for g in of_objects)), (kind, mode))
                if kind is None:
                    continue  # "a suspension of the contract" suspends nothing of a party's
                if kind != "CONSULT" and tok.dep_ == "dobj" and (
                        vocabulary()["verbs"].get(_lemma(tok.head), [None])[0] == "CONSULT"):
                    continue  # "discussed the exchange with X": the talk is the event, the exchange its topic
                if tok.dep_ == "dobj" and kind in ("CONSULT", "COOPERATE", "RETREAT", "CONCEDE", "AGREE") and (
                        vocabulary()["verbs"].get(_lemma(tok.head), [None])[0] in ("REQUEST", "REJECT")):
                    continue  # "demanded a prisoner swap", "rejected talks": asked for or refused, not held (an
                    # order's patrols are still sent)
                if kind == "CONSULT" and tok.dep_ == "pobj" and _left(tok) is not None:
                    continue  # "walked out of the talks": the leaving is the event
                phrase = tok.head if tok.dep_ == "compound" else tok  # "a mediation effort between X and Y"
                if tok.dep_ == "pobj" and tok.head.lower_ == "of" and (
                        tok.head.head.lower_ in mention_vocabulary().quantity_heads):
                    phrase = tok.head.head  # "hundreds of air strikes on X": the count carries the phrase
                actors, recipients = _noun_participants(ctx, phrase)
                if kind == "ASSAULT" and not actors and phrase.dep_ == "pobj" and phrase.head.lower_ == "with" \
                        and phrase.head.head.pos_ == "VERB" and (subj := subject_of(phrase.head.head)[0]) is not None:
                    actors = keys_of(ctx, subj)  # "X answered with air strikes": X's
                if kind == "ASSAULT" and not actors:  # "Israeli strikes on Gaza": the state named before an attack
                    actors = [m for c in phrase.children if c.dep_ == "amod" for m in [mention_at(ctx, c)]
                              if m is not None and m.kind == "state"]
                if kind == "ASSAULT" and actors and not recipients:  # "strikes on the camp of the rebels": theirs;
                    # "an air strike destroyed a tower in X": X's (an attack by no one named is read at its verb)
                    hit = [g for p in list(phrase.children) + (list(tok.children) if phrase != tok else [])
                           if p.dep_ == "prep" and p.lower_ in vocabulary()["attack_preps"]
                           for g in p.children if g.dep_ == "pobj"]
                    hit += [o for o in phrase.head.children if o.dep_ == "dobj"] + [
                        g for p in phrase.head.children if p.dep_ == "prep" and p.lower_ == "in"
                        for g in p.children if g.dep_ == "pobj"] if phrase.dep_ == "nsubj" else []
                    recipients = [k for g in hit for k in _target(ctx, g) if k not in actors]
                if kind in ("COERCE", "ASSAULT") and not recipients:
                    # "the arrest of three Americans", "X's invasion of Y": done to them
                    recipients = [k for g in of_objects for k in keys_of(ctx, g) if k not in actors]
                if not actors and not recipients and kind == "COOPERATE" and mode == "release" and (
                        tok.dep_ in ("nsubj", "nsubjpass") or _part_of_subject(tok)) and any(
                        c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
                    actors = recipients = both_parties(ctx, tok)  # "The swap took place on Sunday": the story's two;
                    # "The first stage of the exchange took place on Monday" too
                if not actors and not recipients and kind == "CONSULT" and _session(tok) is not None:
                    actors = recipients = _unique_mentions(_represented(ctx, tok.head) + both_parties(ctx, tok))
                    # "The third round of talks opened": the story's two; "Talks resumed, with X representing Y": Y too
                if not actors and not recipients and kind == "RETREAT" and mode == "release" and tok.dep_ in (
                        "nsubj", "nsubjpass") and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) \
                        and tok.head.tag_ == "VBD" and not _irrealis(tok.head):  # not "demanded that the release wait"
                    # "The release of the five came hours after ...": the captives' holder named before frees them
                    actors, recipients = _holder(ctx, [t for t in ctx.doc[:tok.i] if t.dep_ in ("acl", "relcl")])
                if kind == "RETREAT" and phrase.dep_ == "dobj" and _lemma(phrase.head) in vocabulary()["host_verbs"]:
                    actors = []  # "Qatar mediated the release of X": the mediation is Qatar's, the release is not
                if mode == "third-party" and actors and not recipients and tok.dep_ == "pobj":
                    subj, passive = subject_of(_governor(tok))  # "Four Peruvian children were returned after mediation
                    if subj is not None and passive:  # by X": those it was done for (or their state) are X's recipients
                        recipients = keys_of(ctx, subj) or _inside(ctx, subj)
                verb = tok.text
                host = _host(ctx, phrase) if kind == "CONSULT" and actors else []
                if host:  # "Turkey hosted talks between Kyiv and Moscow": talks with a third party present
                    actors, mode = actors + [m for m in host if m not in actors], "third-party"
            else:
                continue
            if not actors and not recipients:
                continue  # an event needs somebody: "three protesters were killed" has its victims
            accuser = _accuser(ctx, tok, actors) if _lemma(tok) in vocabulary()["alleged_acts"] else []
            if accuser:  # "X said on Friday that Y had violated the pause": X accuses Y, on Friday
                kind, mode, actors, recipients = "ACCUSE", None, accuser, actors
            speaker = _speaker(ctx, tok, actors)
            if speaker and len(_unique(actors)) < 2 and all(m.kind in ("state", "organization", "group") for m in actors) and (
                    actors or kind in vocabulary()["speech_act_types"]):  # "were handed over, X said": not X's act
                actors = actors + speaker  # "Netanyahu said Israel will not agree": he acts for it
            said_not, refused = _negated(tok), False
            status, cue = _status(ctx, sent, tok)
            if pressing and cue == "would":
                status = "planned"  # "said X would travel to Y to press them": a visit planned
            if committed and cue in ("will", "'ll", "shall", "would"):
                status, cue = "occurred", ""  # "said it would free them": the promise is made, not planned
            if status == "planned" and re.search(r"\bunless\b", sent.text, re.IGNORECASE):
                kind = "THREATEN"  # a future act made conditional ("will withdraw unless ...") is a threat
            if status == "planned" and cue in ("will", "'ll", "shall") and kind in ("SUPPORT", "AID") and not said_not:
                kind = "AGREE"  # "will back the plan", "will give a grant": a promise (PLOVER AGREE)
            if said_not and (kind == "AGREE" or kind in vocabulary()["concession_types"] and (committed or status == "planned")):
                kind, refused = "REJECT", True  # "does not agree to end the war", "said it would not free them": refusals
                if status == "planned" and cue in ("will", "'ll", "shall"):
                    status, cue = "occurred", ""  # "will not agree" refuses now
            traded = _traded_for(ctx, tok) if kind == "RETREAT" and mode == "release" else []
            # "X freed A in exchange for B": X freed A
            freers = actors if kind == "RETREAT" and mode == "release" else []
            if traded:
                other = [m for m in traded + recipients if m.kind == "state" and m not in actors]
                if other:  # "X freed A in exchange for B held in Y": X and Y swapped prisoners
                    kind, actors = "COOPERATE", actors + other
                    recipients = actors + recipients
            actor_keys = _unique(actors)
            mutual = set(actor_keys) & set(_unique(recipients))  # "a call between X and Y"
            recipient_keys = tuple(k for k in _unique(recipients) if k not in actor_keys or len(mutual) > 1)
            if kind == "RETREAT" and mode == "release" and len(actor_keys) > 1 and not recipient_keys and any(
                    t.lower_ == "each" or _lemma(t) in ("exchange", "swap") for t in sent):
                kind = "COOPERATE"  # "X and Y each freed 50 prisoners", "... in an exchange": a swap
            if (kind == "CONSULT" or kind == "COOPERATE" and mode == "release" or kind == "AGREE" and _both(tok)
                    or _reciprocal(tok)) and len(actor_keys) > 1 and not recipient_keys:
                # "the two governments agreed": with each other; "X and Y blamed each other"
                recipient_keys = actor_keys  # an exchange between two parties goes both ways, and so do "X and Y met"
            answered = _answered(ctx, tok, kind, number, actor_keys, asks) if not recipient_keys else None
            if answered is not None:  # "X had pressed for Y to be freed, but Z refused": Z refused X
                recipients, recipient_keys = answered.actors, _unique(answered.actors)
            if not _enough(kind, mode, tok, actor_keys, recipient_keys):
                continue
            negated = said_not and not refused  # "did not deny" stays negated
            sentence = sent.text.strip()
            start = sent.start_char + len(sent.text) - len(sent.text.lstrip())
            evidence = Evidence("", sentence, start, start + len(sentence))
            dated = _saying_verb(tok) if accuser else (_saying_verb(tok) or tok.head) if _misread_verb(tok) else tok
            if mode == "release" and tok.dep_ == "acl" and tok.head.dep_ == "nsubj" and _lemma(tok.head.head) in (
                    vocabulary()["travel_verbs"] + vocabulary()["leaving_verbs"]):
                dated = tok.head.head  # "Three Americans freed by X flew out on Sunday": freed as they leave
            # "X says it has counted violations and calls on Y to ...": the call is made as X speaks
            date = date_event(sent, dated, timexes, published, status)
            undated = ("", "publication", "before-publication")
            if answered is not None and date[1] in undated and events[answered.event].date_anchor not in undated:
                date = events[answered.event].date, events[answered.event].date_anchor  # "X asked in April for Y.
                # Z refused": the answer told with no time of its own goes with the ask
            if kind == "AGREE" and not said_not and _truce_agreed(tok):
                signers = actors
            if kind == "RETREAT" and mode == "release" and status == "occurred" and actors and not said_not:
                releasers = actors
            if freers and status == "occurred" and not said_not:
                freed_by.update((m.key, freers) for m in recipients if m.kind == "person")
                freed_from.update((m.key, freers) for m in recipients if m.kind == "state" and m not in freers)
            if kind == "COERCE" and status == "occurred" and actors and recipients and not said_not:
                takers = number, actors
            events.append(EventRecord(
                type=kind, trigger=tok.text,
                summary=_summary(recipients, verb, [], said_not) if undergone else _summary(actors, verb, recipients, said_not),
                actors=actor_keys, recipients=recipient_keys, evidence=evidence, mode=mode, negated=negated,
                status=status, date=date[0], cue=cue, date_anchor=date[1]))
            if answered is not None and not events[answered.event].recipients:  # X asked Z, whom it did not name
                asked = events[answered.event]
                events[answered.event] = replace(asked, recipients=actor_keys, summary=_summary(
                    answered.actors, answered.verb, actors, asked.negated))
            if actor_keys and not said_not and (kind == "REQUEST" or _lemma(tok) in vocabulary()["offer_verbs"]):
                asks.append(Ask(len(events) - 1, number, tok, actors, recipient_keys, verb))
            if not recipient_keys and tok.pos_ in ("VERB", "AUX") and (kind == "REQUEST" and asker is None or (
                    kind == "REJECT" and (said or refused or _lemma(tok) in vocabulary()["response_verbs"]))):
                unanswered.append((len(events) - 1, tok, actors, verb))  # not "said the swap should not be read as
                # a thaw" (no one asked), nor "denied it" (answers a charge)
    for i, tok, actors, verb in unanswered:  # asks no answer told whom they were made to, refusals of no ask
        other = _other_party(ctx, tok, events[i].actors) if not events[i].recipients else []
        if other:
            events[i] = replace(events[i], recipients=_unique(other),
                                summary=_summary(actors, verb, other, events[i].negated))
    return events


def _other_party(ctx: Context, tok: Token, actors: tuple[str, ...]) -> list[Mention]:
    """ "Iran refused to discuss his case", "Russia pressed for his return", naming nobody: made to the other of the
    story's two parties (named together as a pair), when the actors are one of them; [] otherwise."""
    pair = both_parties(ctx, tok, paired_only=True)  # a guess among the states named most could pick a third
    ours = [m for m in pair if m.key in actors]
    return [m for m in pair if m.key not in actors] if len(pair) == 2 and len(ours) == 1 else []
