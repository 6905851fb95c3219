"""Who a noun phrase names: the document's actor mentions behind subjects, objects, conjuncts,
collective nouns ("Qatari officials"), possessors, appositions, he/she, them and "the two sides". Shared by the event
and quote readers."""
from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from backchannel.analyse.mentions import doc_text, is_heading_line, state_where, vocabulary as mention_vocabulary
from backchannel.models import Mention

SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
PRONOUNS = {"he", "she", "him", "her"}
COLLECTIVE_PRONOUNS = {"it", "they", "them"}  # a state, organisation or group named as a subject just before


@dataclass
class Context:
    doc: Doc
    by_char: dict[int, Mention]
    mentions: list[Mention]
    sentences: list[Span]  # computed once per document: Doc.sents rebuilds them on every access
    sent_starts: list[int]  # their character offsets
    subject_people: list[Mention]  # people named as the subject of a clause, in text order
    subject_bodies: list[Mention]  # states, organisations and groups named as the subject of a clause
    genders: dict[str, str] = field(default_factory=dict)  # person key -> "female" / "male", where the text shows it
    # direct quotations and who speaks them, when needed
    voices: list[tuple[int, int, list[Mention], int]] | None = None
    resolving: set[int] = field(default_factory=set)  # pronouns being read back: none is read through itself

    @classmethod
    def of(cls, doc: Doc, mentions: list[Mention], sentences: list[Span]) -> "Context":
        ctx = cls(doc, {}, mentions, sentences, [s.start_char for s in sentences], [], [])
        for m in mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            for tok in span or []:
                ctx.by_char.setdefault(tok.idx, m)
            root = span.root if span is not None else None  # "the envoy, X, said": X in apposition to the subject
            if root is not None and (root.dep_ in SUBJECTS - {"csubj"}
                                     or root.dep_ == "appos" and root.head.dep_ in SUBJECTS) \
                    and m.kind != "place":
                (ctx.subject_people if m.kind == "person" else ctx.subject_bodies).append(m)
        ctx.genders = _genders(ctx)
        return ctx


def _genders(ctx: Context) -> dict[str, str]:
    """The gender the text shows for each person: a word before the name ("Ms", "Prince"), a gendered noun it is
    in apposition to ("her wife, X", "his brother, Y", "the actress X"), or he/she, his/her after it in a
    sentence that names no other person. A person shown as both is left out."""
    words, pronouns, seen = mention_vocabulary().gendered, mention_vocabulary().pronoun_genders, {}
    for sent in ctx.sentences:
        people = [m for m in ctx.mentions if m.kind == "person" and sent.start_char <= m.start < sent.end_char]
        for m in people:
            span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            root, before = span.root, ctx.doc[span.start - 1] if span.start > 0 else None
            near = [before.lower_.rstrip(".")] if before is not None else []
            near += [t.lower_ for t in span[:-1]] + [c.lower_ for c in root.children if c.dep_ in ("appos", "compound")]
            near += [root.head.lower_] if root.dep_ in ("appos", "compound") else []
            genders = [words[w] for w in near if w in words]
            if len({k.key for k in people}) == 1:
                genders += [pronouns[t.lower_] for t in sent if t.idx > m.start and t.lower_ in pronouns]
            seen.setdefault(m.key, set()).update(genders)
    return {k: g.pop() for k, g in seen.items() if len(g) == 1}


def mention_at(ctx: Context, tok: Token) -> Mention | None:
    m = ctx.by_char.get(tok.idx)
    return None if m is None or m.kind == "place" else m


def previous_person(ctx: Context, tok: Token) -> Mention | None:
    """He/she: the person who was last a subject within the three sentences before the pronoun,
    else the last person mentioned there, never the subject of the object pronoun's own verb; where the text
    shows people's gender, one of the pronoun's gender first (for he/him among people not named as subjects only:
    a subject not shown as a woman may be he), and never one of the other."""
    horizon = _horizon(ctx, tok, 4)
    verb = tok.head.head if tok.dep_ == "pobj" else tok.head
    own = {c.i for c in verb.children if c.dep_ in SUBJECTS} if tok.dep_ not in SUBJECTS else set()
    subjects = [m for m in ctx.subject_people if horizon <= m.start < tok.idx and _token_of(ctx, m).i not in own]
    people = [m for m in ctx.mentions if m.kind == "person" and horizon <= m.start < tok.idx
              and _token_of(ctx, m).i not in own]  # "X greeted him": not X
    gender = "female" if tok.lower_ in ("she", "her") else "male"
    speaker = _reporter(ctx, tok)
    if speaker is not None and ctx.genders.get(speaker.key, gender) == gender:
        return speaker  # "X said he had called them, and he thanked Y": X, whoever was named before
    if tok.dep_ in SUBJECTS and _in_events(tok.head, "speech_verbs"):
        # "X said ... He said": who spoke last, unless shown as the other gender
        speakers = [m for m in subjects if ctx.genders.get(m.key, gender) == gender
                    and _in_events(_token_of(ctx, m).head, "speech_verbs")]
        if speakers:
            return speakers[-1]
    shown = [[m for m in ms if ctx.genders.get(m.key) == gender] for ms in (subjects, people)]
    unknown = [[m for m in ms if m.key not in ctx.genders] for ms in (subjects, people)]
    if gender == "male":  # "he" may be any subject the text has not shown to be a woman
        shown[0] = [m for m in subjects if ctx.genders.get(m.key, gender) == gender]
    return (shown[0] or unknown[0] or shown[1] or unknown[1] or [None])[-1]


def _reporter(ctx: Context, tok: Token) -> Mention | None:
    """The person who is subject of the speech verb whose statement a subject pronoun opens, or of the clause
    joined to that verb by "and": "X said he ...", "X said ..., and he ..."."""
    clause = tok.head
    if tok.dep_ not in SUBJECTS or clause.dep_ not in ("ccomp", "conj") or clause.head.i == clause.i:
        return None
    verb = clause.head
    if not _in_events(verb, "speech_verbs"):
        return None
    subj = next((c for c in verb.children if c.dep_ in SUBJECTS and c.i < tok.i), None)
    m = mention_at(ctx, subj) if subj is not None else None
    return m if m is not None and m.kind == "person" else None


def _horizon(ctx: Context, tok: Token, sentences: int) -> int:
    """Where the last `sentences` sentences up to the token begin (2: its own and the one before); 0 near the start."""
    before = bisect_right(ctx.sent_starts, tok.idx)
    return ctx.sent_starts[before - sentences] if before >= sentences else 0


def _in_events(tok: Token, words: str) -> bool:
    """Is the token's lemma in that word list of the events vocabulary ("speech_verbs": "said")?"""
    from backchannel.analyse.events import vocabulary as event_vocabulary  # events reads participants
    return tok.lemma_.lower() in event_vocabulary()[words]


def _token_of(ctx: Context, m: Mention) -> Token:
    span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
    return span.root if span is not None else ctx.doc[0]


def previous_body(ctx: Context, tok: Token) -> Mention | None:
    """It/they: the state, organisation or group last named as a subject in this or the previous sentence; inside
    a direct quotation not the speaker's own (who says "we")."""
    horizon = _horizon(ctx, tok, 2)
    own = {m.key for m in first_person(ctx, tok, plural=True)}
    bodies = [m for m in ctx.subject_bodies if horizon <= m.start < tok.idx and m.key not in own]
    return bodies[-1] if bodies else None


def previous_people(ctx: Context, tok: Token) -> list[Mention]:
    """Them as an object ("X arrested them", "spoke to them"): the people last named in a plural phrase in this
    paragraph or the sentence before, never across a heading: a group ("the mediators"), people named together
    ("X and Y"), a plural noun that names a people or group ("Ukrainian soldiers", "the cousins") or a they or them
    standing for one; never the subject of the pronoun's own verb ("the envoys met them")."""
    if tok.i in ctx.resolving:  # "they would sue, lawyers for them said": the one read through the other
        return []
    ctx.resolving.add(tok.i)
    try:
        return _previous_people(ctx, tok)
    finally:
        ctx.resolving.discard(tok.i)


def _previous_people(ctx: Context, tok: Token) -> list[Mention]:
    text = doc_text(ctx.doc)
    paragraph = text.rfind("\n", 0, tok.idx) + 1
    horizon = min(paragraph, _horizon(ctx, tok, 2))
    if horizon < paragraph and is_heading_line(text, horizon):
        horizon = paragraph
    verb = tok.head.head if tok.dep_ == "pobj" else tok.head
    own = {t.i for c in verb.children if c.dep_ in SUBJECTS for t in c.subtree}
    for t in reversed(ctx.doc[:tok.i]):
        if t.idx < horizon:
            break
        if t.i in own or t.dep_ in ("compound", "amod", "poss", "nmod") or t.right_edge.i >= tok.i:
            continue  # nor a phrase that holds the pronoun: "prisoners, many of them soldiers"
        if t.lower_ in ("they", "them") and t.tag_ == "PRP":
            found = keys_of(ctx, t, 1)
        elif t.tag_ in ("NNS", "NNPS"):
            found = keys_of(ctx, t, 1)
        elif (m := mention_at(ctx, t)) is not None and m.kind == "person":
            found = [m, other] if (other := _partner(ctx, m, t)) is not None else []
        else:
            continue
        found = [m for m in found if m.kind != "place"]
        if found:
            return found
    return []


def voice(ctx: Context, tok: Token) -> tuple[list[Mention], int] | None:
    """Who speaks the direct quotation holding this token (the actors its speaker phrase names) and where that
    phrase ends; None outside a quotation."""
    if ctx.voices is None:
        from backchannel.analyse.quotes import voices  # quotes reads participants
        ctx.voices = []  # a speaker phrase is never read through a quotation
        ctx.voices = voices(ctx.doc, ctx)
    return next(((keys, said) for start, end, keys, said in ctx.voices if start <= tok.idx < end), None)


def first_person(ctx: Context, tok: Token, plural: bool | None = None) -> list[Mention]:
    """ "'We will not sign,' the minister said": we, us and our in a direct quotation are the side its speaker
    speaks for (a body speaking, a person's state or organisation named by the end of the speaker phrase, else the
    person); I, me and my the speaker."""
    keys, said = voice(ctx, tok) or ([], 0)
    if not (tok.lower_ in ("we", "us", "our") if plural is None else plural):
        return [k for k in keys if k.kind == "person"][:1]
    bodies = [k for k in keys if k.kind in ("state", "organization", "group")]
    sides = {m.affiliation for k in keys if k.kind == "person"
             for m in ctx.mentions if m.key == k.key and m.affiliation}
    bodies += [b for b in ctx.mentions
               if b.key in sides and b.kind in ("state", "organization", "group") and b.start < said]
    return bodies[:1] or keys[:1]


def _named_pair(ctx: Context, tok: Token, sentences: int = 2) -> list[Mention]:
    """The two people last named together ("X and Y"), as subject or not, in this or the previous sentence
    (or within `sentences` sentences)."""
    horizon = _horizon(ctx, tok, sentences)
    for m in reversed([m for m in ctx.mentions if m.kind == "person" and horizon <= m.start < tok.idx]):
        other = _partner(ctx, m, _token_of(ctx, m))
        if other is not None:
            return [m, other]
    return []


def _partner(ctx: Context, m: Mention, tok: Token) -> Mention | None:
    """The person named together with person `m`, whose name `tok` heads: Y of "X and Y", "X and her daughter Y",
    "X and Y Z" where the tagger cut Y's name short of its head Z."""
    return next((k for c in tok.children if c.dep_ == "conj"
                 for t in [c] + [a for a in c.children if a.dep_ in ("appos", "compound")]
                 for k in [mention_at(ctx, t)] if k is not None and k.kind == "person" and k.key != m.key), None)


def _previous_pair(ctx: Context, tok: Token) -> list[Mention]:
    """They: the people named together as a subject ("X and Y landed", "X, a doctor, and Y") in this or the
    previous sentence, the latest such subject; [] if none."""
    horizon = _horizon(ctx, tok, 2)
    for m in reversed([m for m in ctx.subject_people if horizon <= m.start < tok.idx]):
        span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
        heads = [span.root] + [c for c in span.root.children if c.dep_ == "appos"] if span is not None else []
        others = [k for h in heads for c in h.children if c.dep_ == "conj"
                  for k in [mention_at(ctx, c)] if k is not None and k.kind == "person" and k.key != m.key]
        if others:
            return [m] + others
    return []


def counts_two(tok: Token) -> bool:
    """ "the two women", "both hostages", "the two", "both of them", "the mother and daughter": a phrase that
    counts two people, or names two kin, without naming them."""
    v, kids = mention_vocabulary(), {c.lower_ for c in tok.children}
    people = tok.lemma_.lower() in v.person_nouns or tok.lemma_.lower() in v.kin_nouns
    if tok.lower_ == "two" and tok.dep_ != "nummod":
        return "the" in kids
    if tok.lower_ == "both":
        return any(c.dep_ == "prep" and c.lower_ == "of" and any(g.lower_ == "them" for g in c.children)
                   for c in tok.children)
    if people and tok.tag_ == "NNS":
        return "both" in kids or {"the", "two"} <= kids
    return people and "the" in kids and any(c.dep_ == "conj" and c.lemma_.lower() in v.kin_nouns for c in tok.children)


def names_both(tok: Token) -> bool:
    """ "the two sides", "both countries", "each side", "all sides": a noun that names the two parties as one."""
    v, lemma = mention_vocabulary(), tok.lemma_.lower()
    return lemma in v.party_nouns and any(c.lower_ in v.pair_words for c in tok.children) or (
        lemma in v.paired_groups and tok.tag_ == "NNS" and any(c.lower_ == "all" for c in tok.children))


def both_parties(ctx: Context, tok: Token, paired_only: bool = False) -> list[Mention]:
    """ "the two sides", "both countries", "the delegations": the two states or organisations named before as
    a pair ("X and Y signed", "talks between X and Y"), the pair named most often in the text so far (the
    first among equals: the lead names the parties); else the two states named most often within the three
    sentences before (the last named first among equals). A go-between ("brokered by X") is no party, nor
    the subject that deals with both ("X met the envoys of both sides"), nor a state named in passing or
    guarantors named together ("Norway and Cuba will monitor it") when the parties were named as a pair. With
    `paired_only`, only a pair named as such, never the states named most."""
    verb = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
    subj = subject_of(verb)[0] if verb is not None and tok.dep_ not in SUBJECTS else None
    own = {t.idx for t in subj.subtree} if subj is not None else set()
    named = [m for m in ctx.mentions if m.kind in ("state", "organization") and m.start < tok.idx
             and not _brokers(ctx, m) and m.start not in own]
    counts = Counter(m.key for m in named)
    pairs = []
    for m in named:
        head = tok.doc.char_span(m.start, m.end, alignment_mode="expand")
        head = head.root if head is not None else None
        if head is None or not (head.dep_ in SUBJECTS or head.dep_ == "pobj" and head.head.lower_ == "between"):
            continue
        for c in head.children:
            other = mention_at(ctx, c) if c.dep_ == "conj" else None
            if other is not None and other.kind in ("state", "organization") and other.key != m.key:
                pairs.append((counts[m.key] + counts[other.key], -m.start, [m, other]))
    if pairs or paired_only:
        return max(pairs, key=lambda p: p[:2])[2] if pairs else []
    horizon = _horizon(ctx, tok, 4)
    recent = [m for m in named if m.kind == "state" and m.start >= horizon]
    counts = Counter(m.key for m in recent)
    last = {m.key: m for m in recent}  # the latest mention of each state
    parties = sorted(last.values(), key=lambda m: (-counts[m.key], -m.start))
    return parties[:2] if len(parties) >= 2 else []


def _brokers(ctx: Context, m: Mention) -> bool:
    """ "a deal brokered by Qatar", "Oman hosted the talks": the state named is the go-between, no party."""
    span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
    tok = span.root if span is not None else None
    if tok is None:
        return False
    verb = (tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "by"
            else tok.head if tok.dep_ in SUBJECTS else None)
    return verb is not None and _in_events(verb, "host_verbs")


def keys_of(ctx: Context, tok: Token, depth: int = 0) -> list[Mention]:
    """The actors a noun phrase headed by `tok` names, conjuncts included."""
    found: list[Mention] = []
    m = mention_at(ctx, tok)
    if m is None and tok.lower_ in PRONOUNS:
        m = previous_person(ctx, tok)
    elif m is None and tok.lower_ in mention_vocabulary().first_person:
        found += first_person(ctx, tok)
    elif m is None and tok.lower_ in COLLECTIVE_PRONOUNS and tok.dep_ in SUBJECTS and _speaking_body(ctx, tok) \
            and voice(ctx, tok) is None:  # in the speaker's own words, "they" are others
        found += _speaking_body(ctx, tok)  # "the Chilean army said it had ...": the body that speaks
    elif m is None and tok.lower_ == "them" and tok.dep_ in ("dobj", "pobj", "dative"):
        return previous_people(ctx, tok)  # "a jury convicted them", "spoke to them by video link"
    elif m is None and tok.lower_ in COLLECTIVE_PRONOUNS and tok.dep_ in SUBJECTS:
        m = previous_body(ctx, tok)
        pair = _previous_pair(ctx, tok) if tok.lower_ == "they" else []
        if tok.lower_ == "they" and m is None and not pair:
            pair = _named_pair(ctx, tok)  # "spoke to X and Y. He met them after they protested": X and Y
        if pair and (m is None or pair[0].start > m.start):  # "X and Y landed ..., where they were met": the two
            return pair
        named = tok.doc.char_span(m.start, m.end, alignment_mode="expand") if m is not None else None
        if named is not None and tok.lower_ != "it":  # "Chile and Peru said they had agreed": both
            found += [k for c in named.root.children if c.dep_ == "conj" for k in keys_of(ctx, c, depth + 1)]
    # a phrase that names its own people keeps them: "the cousins, X and Y", "the two women, X and Y"
    own_people = any(c.dep_ == "appos" and mention_at(ctx, c) is not None for c in tok.children)
    if m is None and not own_people and tok.lower_ in mention_vocabulary().pair_nouns and any(
            c.lower_ == "the" for c in tok.children):
        pair = _named_pair(ctx, tok)  # "spoke to X and Y. He met the couple", "... arrested the cousins": X and Y
        if pair:
            return pair
    if m is None and not own_people and counts_two(tok) and (pair := _named_pair(ctx, tok, 6)):
        return pair  # "X and Y were freed ... He called the two women": X and Y
    if (m is None or m.kind == "group" and not m.affiliation) and tok.tag_ == "NNS" \
            and tok.lemma_.lower() in mention_vocabulary().paired_groups \
            and [c.lower_ for c in tok.children if c.i < tok.i] in (["the"], ["the", "two"], ["both"]):
        return both_parties(ctx, tok)  # "the delegations agreed", "the two delegations will meet"
    if m is not None and m.kind == "state" and tok.lower_ in mention_vocabulary().demonyms:
        m = next((p for c in tok.children if c.dep_ == "appos" for p in [mention_at(ctx, c)]
                  if p is not None and p.kind == "person"), m)  # "a second American, X, was freed": X
    if m is not None and m.kind == "group" and not m.affiliation:  # "gunmen from the X Brigade": the brigade
        owners = [b for c in tok.children if c.dep_ == "prep" and c.lower_ in ("from", "of") for g in c.children
                  if g.dep_ == "pobj" for t in [g] + [cc for cc in g.children if cc.dep_ == "conj"]
                  for b in [mention_at(ctx, t)] if b is not None and b.kind in ("organization", "state")]
        owners += led_by(ctx, tok)  # "X-led gunmen": X's
        if owners:  # "delegations from X and Y": both
            m = owners[0]
            found += owners[1:]
    if m is not None:
        found.insert(0, m)
        if m.kind == "person":  # "X of Chile and Y of Peru": the parser hangs Y on Chile
            found += [k for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                      if g.dep_ == "pobj" for cc in g.children if cc.dep_ == "conj"
                      and getattr(mention_at(ctx, cc), "kind", "") == "person" for k in keys_of(ctx, cc, depth + 1)]
    elif names_both(tok):
        found += both_parties(ctx, tok)
    elif tok.lemma_.lower() in mention_vocabulary().collective_heads or tok.lower_ in mention_vocabulary().collective_heads:
        for child in tok.children:  # "Qatari officials", "Israel's negotiating team", "officials of Egypt"
            if child.dep_ in ("amod", "compound", "poss", "nmod"):
                for part in [child] + [c for c in child.children if c.dep_ == "conj"]:  # "Ukrainian and Russian"
                    cm = mention_at(ctx, part)
                    # a subject's possessive pronoun: "the commission met. Its members will ...", "X said ... His
                    # administration lifted" (as "X's administration"); an object's is the subject's own
                    # ("strengthened its forces")
                    if cm is None and child.dep_ == "poss" and tok.dep_ in SUBJECTS and part.lower_ in ("its", "their"):
                        cm = previous_body(ctx, part)
                    elif cm is None and child.dep_ == "poss" and tok.dep_ in SUBJECTS and part.lower_ in ("his", "her"):
                        cm = previous_person(ctx, part)
                    elif cm is None and part.lower_ in ("our", "my"):  # "'Our negotiators will go,' she said"
                        cm = next(iter(first_person(ctx, part)), None)
                    if cm is not None:
                        found.append(cm)
            elif child.dep_ == "prep" and child.lower_ in ("of", "for"):  # "lawyers for X"
                found += [k for g in child.children if g.dep_ == "pobj" for k in keys_of(ctx, g, depth + 1)]
            elif child.dep_ == "appos" and mention_at(ctx, child) is not None:
                found += keys_of(ctx, child, depth + 1)  # "the Interior Minister, X" / "Minister for Interior X"
    elif (tok.lower_ in mention_vocabulary().quantity_heads or tok.tag_ == "CD") and depth == 0 and any(
            c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        found += [k for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"  # read as the counted noun
                  for g in c.children if g.dep_ == "pobj" for k in keys_of(ctx, g, depth)]
    elif tok.pos_ == "PROPN" and any(mention_at(ctx, c) for c in tok.children if c.dep_ == "compound"):
        # a name the tagger cut short of its head: "Sheikh Mohammed bin Abdulrahman [Al Thani]"
        found.append(next(mention_at(ctx, c) for c in reversed(list(tok.children))
                          if c.dep_ == "compound" and mention_at(ctx, c)))
    elif tok.pos_ in ("NOUN", "PROPN") and depth == 0:
        for child in tok.children:
            if child.dep_ == "appos":  # a titled person in apposition: "the head, David Barnea"
                found += keys_of(ctx, child, depth + 1)
            elif child.dep_ == "poss" and mention_at(ctx, child) is not None and (
                    tok.lower_ not in mention_vocabulary().kin_nouns):
                found.append(mention_at(ctx, child))  # "responds to the mediators' proposal"; "X's brother" is not X
            elif ((tok.tag_ in ("NNS", "NNPS") or tok.dep_ in SUBJECTS) and child.dep_ in ("amod", "compound", "nmod")
                  and mention_at(ctx, child) is not None and mention_at(ctx, child).kind in ("state", "organization")):
                found.append(mention_at(ctx, child))  # "Algerian landowners", "Iraqi Kurds", "the APEC forum agreed"
            elif child.dep_ == "compound" and tok.lower_ in mention_vocabulary().court_nouns and (
                    ctx.by_char.get(child.idx) is not None and state_where(ctx.by_char[child.idx].text)):
                m = ctx.by_char[child.idx]  # "a Lyon jury convicted him": France's
                found.append(replace(m, kind="state", key=state_where(m.text)))
            elif (tok.tag_ == "NNS" and child.dep_ == "prep" and child.lower_ in ("in", "from", "throughout")
                  and not found):  # "opposition groups in Zimbabwe", "students throughout Indonesia"
                found += [m for g in child.children if g.dep_ == "pobj"
                          for m in [mention_at(ctx, g)] if m is not None and m.kind == "state"]
    for c in tok.children:  # "the rebels and Chile's government", parsed as [the rebels and Chile]'s: the rebels too
        if c.dep_ == "poss" and not any(g.dep_ == "case" for g in c.children) and any(
                cc.dep_ == "conj" and any(g.dep_ == "case" for g in cc.children) for cc in c.children):
            found += [k for k in [mention_at(ctx, c)] if k is not None and k not in found]
    if not found and depth == 0 and tok.dep_ == "appos" and tok.pos_ == "NOUN" and any(
            c.dep_ in ("acl", "relcl") for c in tok.children):  # "X, a trader detained in May": the trader is X
        found += [k for k in [mention_at(ctx, tok.head)] if k is not None and k.kind == "person"]
    if depth < 3:  # a list runs as a chain of conjuncts, each on the one before: all of it, however long
        for child in tok.children:
            if child.dep_ == "conj":
                found += keys_of(ctx, child, max(depth, 1))
    return found


def _speaking_body(ctx: Context, pronoun: Token) -> list[Mention]:
    """The state, organisation or group that is the subject of the speech verb whose statement the pronoun opens."""
    clause = pronoun.head
    if clause.dep_ != "ccomp" or not _in_events(clause.head, "speech_verbs"):
        return []
    subj = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lower_ in COLLECTIVE_PRONOUNS | PRONOUNS:
        return []
    return [k for k in keys_of(ctx, subj) if k.kind in ("state", "organization", "group")]


def _relative_clause(tok: Token) -> Token | None:
    """The relative clause a verb is, or is reported in: "Scholz, who [he said] had agreed" -> "said"."""
    while tok.dep_ == "ccomp" and tok.head.i != tok.i:
        tok = tok.head
    return tok if tok.dep_ == "relcl" else None


def led_by(ctx: Context, tok: Token) -> list[Mention]:
    """The organisation or state that leads what a noun names: X of "X-led gunmen", "the X-led attack"."""
    return [b for c in tok.children if c.dep_ == "amod" and c.lemma_.lower() in mention_vocabulary().leading_participles
            and c.i > 1 and tok.doc[c.i - 1].text == "-" for b in [mention_at(ctx, tok.doc[c.i - 2])]
            if b is not None and b.kind in ("organization", "state")]


def subject_of(tok: Token) -> tuple[Token | None, bool]:
    """The token acting as subject of a verb (following conj, xcomp and relative clauses); passive?"""
    seen = 0
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and not any(c.dep_ == "nsubjpass" for c in tok.children):
        return tok.head, True  # "Gershkovich, detained in March": the noun is the one acted upon (not "word that X
        # was freed": X)
    if tok.dep_ == "advcl" and tok.tag_ == "VBN" and any(c.dep_ == "agent" for c in tok.children) and not any(
            c.dep_ in SUBJECTS for c in tok.children):  # "lists them as abducted by X": they, not the lister
        acted_on = next((c for c in tok.head.children if c.dep_ in ("dobj", "obj")), None)
        return (acted_on, True) if acted_on is not None else (subject_of(tok.head)[0], True)  # "Held by X, they ..."
    raised = None  # "X is expected / due to release them": X releases, whatever voice the verb above is in
    own = tok.dep_ == "conj" and any(c.dep_ == "auxpass" for c in tok.children)  # "X was seized and was freed by Y"
    while tok is not None and seen < 4:
        passive = any(c.dep_ == "auxpass" for c in tok.children) if raised is None else raised
        for child in tok.children:
            if child.dep_ in SUBJECTS:
                clause = _relative_clause(tok) if child.tag_ in ("WP", "WDT") else None
                if clause is not None and child.tag_ == "WDT" and clause.head.dep_ == "pobj" and clause.head.head.lower_ != "of" \
                        and clause.head.head.head.pos_ == "NOUN":
                    return None, False  # "its raid on X, which killed 12": the raid or X? the parser cannot tell
                if clause is not None:
                    return clause.head, passive or child.dep_ == "nsubjpass"
                return child, passive or own or (child.dep_ == "nsubjpass" and raised is None)
        if tok.dep_ == "xcomp":
            controller = next((c for c in tok.head.children if c.dep_ in ("dobj", "obj")), None)
            if controller is not None:  # "permits the team to hold talks": the team holds them
                return controller, False
            if raised is None:  # "are feared detained", "is expected to be freed": passive all the same
                raised = tok.tag_ == "VBN" or any(c.dep_ == "auxpass" for c in tok.children)
        if tok.dep_ == "acomp" and tok.head.i != tok.i and raised is not None \
                and _in_events(tok, "planned_heads"):  # "is due to release"
            tok, seen = tok.head, seen + 1
            continue
        if tok.dep_ == "conj" and tok.head.lemma_ == "be" and tok.head.dep_ == "ccomp" and any(
                c.dep_ in ("attr", "acomp") for c in tok.head.children) and any(c.dep_ == "dobj" for c in tok.children):
            tok, seen = tok.head.head, seen + 1  # "X insisted he was a diplomat and suspended talks": X suspended
            continue
        if tok.dep_ in ("conj", "xcomp", "advcl") and tok.head.i != tok.i:
            tok, seen = tok.head, seen + 1
            continue
        if tok.dep_ == "relcl":
            return tok.head, False
        return None, False
    return None, False
