"""Actor mentions in one parsed document: names, titles, states and demonyms.

`find_mentions(doc)` reads spaCy's entities and repairs what the text itself settles: titles make a
person ("Hamas chief Yahyeh Sinwar" tagged GPE is a person), "X chief" makes X an organisation,
demonyms point to states, "Netanyahu" takes the key of "Benjamin Netanyahu" named in the same
document, "the prime minister" takes the key of the prime minister the document names, and a
parenthesised name is an alias of the name before it. States the tagger missed or read as people come from
the list of states (countries.yaml); groups are actors alone ("the mediators") or with an owner ("Serb
forces", "supporters of X"). Cross-document repair is `fuse.actors`.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

import yaml
from spacy.tokens import Doc, Span

from backchannel.models import Mention

PATTERNS = Path(__file__).parent / "patterns"
LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
POSSESSIVE = {"'s", "’s", "'", "’"}
CAPTORS = "kidnappers"  # the key of unnamed captors in a text that names no armed band


def doc_text(doc: Doc) -> str:
    """The Doc's text, joined once: spaCy rebuilds `doc.text` from every token at each access."""
    text = doc.user_data.get("backchannel_text")
    if text is None:
        text = doc.user_data["backchannel_text"] = doc.text
    return text


@dataclass(frozen=True)
class Vocabulary:
    titles: tuple[tuple[str, ...], ...]  # longest first, as token tuples
    title_set: frozenset[tuple[str, ...]]
    synonyms: dict[str, str]
    bare_titles: frozenset[str]
    organisation_heads: frozenset[str]
    collective_heads: frozenset[str]
    place_words: frozenset[str]
    groups: tuple[tuple[str, ...], ...]  # longest first, as token tuples
    state_bodies: frozenset[str]
    ministries: frozenset[str]
    organisation_words: frozenset[str]  # "Hospital", "Institute": a name holding one names no person
    owned_groups: tuple[tuple[str, ...], ...]  # "Serb forces", "supporters of X": groups only with an owner
    states: dict[str, str]  # lower-case name or demonym -> canonical state
    capitals: dict[str, str]
    platforms: frozenset[str] = frozenset()  # "Telegram", "WhatsApp": where words are posted
    band_heads: frozenset[str] = frozenset()  # "gang", "cartel": "the X gang" names an organisation
    agent_participles: frozenset[str] = frozenset()  # "Qatar-brokered": the name before the hyphen is an actor
    national_forces: frozenset[str] = frozenset()  # "the army": a state's own, one to a text
    captor_groups: frozenset[str] = frozenset()  # "kidnappers": the one band a text names, if it names one
    armed_unnamed: frozenset[str] = frozenset()  # "gunmen": the captors, in a text that names captors and no band
    organisation_anaphors: frozenset[str] = frozenset()  # "the group": the organisation last named
    gendered: dict[str, str] = field(default_factory=dict)  # "ms" -> "female", "brother" -> "male"
    kin_nouns: frozenset[str] = frozenset()  # "brother": "X's brother, David" is David X
    pronoun_genders: dict[str, str] = field(default_factory=dict)  # "her" -> "female"
    first_person: frozenset[str] = frozenset()  # "we", "my": in a quotation, its speaker's side or the speaker
    paired_groups: frozenset[str] = frozenset()  # "the delegations": the two parties
    party_nouns: frozenset[str] = frozenset()  # "the two sides", "both countries"
    pair_words: frozenset[str] = frozenset()  # "two", "both", "each": before a party noun, the two parties
    quantity_heads: frozenset[str] = frozenset()  # "thousands of X": counts or groups the people after "of"
    leading_participles: frozenset[str] = frozenset()  # "X-led gunmen": X's men, acting as X
    demonyms: frozenset[str] = frozenset()  # "american", "qatari": a state's people, or one of them
    pair_nouns: frozenset[str] = frozenset()  # "the couple": the two people last named together
    person_nouns: frozenset[str] = frozenset()  # "the two women": counted, the two people last named together
    court_nouns: frozenset[str] = frozenset()  # "a Lyon court": France's
    cities: dict[str, str] = field(default_factory=dict)  # "karachi" -> "Pakistan": a large city other than the capital
    state_forms: frozenset[str] = frozenset()  # "kingdom": "the Kingdom of X" is X, "the Kingdom" the one named
    territories: dict[str, str] = field(default_factory=dict)  # "gaza" -> "Gaza Strip": a land that is no state


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    t = yaml.safe_load((PATTERNS / "titles.yaml").read_text())
    countries = yaml.safe_load((PATTERNS / "countries.yaml").read_text())
    c = countries["states"]
    states, capitals, cities = {}, {}, {}
    for canonical, entry in c.items():
        for name in list(entry.get("names") or []) + list(entry.get("demonyms") or []) + [canonical]:
            states[name.lower()] = canonical
        for capital in entry.get("capitals") or []:
            capitals[capital.lower()] = canonical
        for city in entry.get("cities") or []:
            cities[city.lower()] = canonical
    territories = {}
    for canonical, entry in (countries.get("territories") or {}).items():
        for name in list(entry.get("names") or []) + [canonical]:
            territories[name.lower()] = canonical
        for city in entry.get("cities") or []:
            cities[city.lower()] = canonical
    titles = sorted({tuple(x.lower().split()) for x in t["person_titles"]}, key=len, reverse=True)
    return Vocabulary(tuple(titles), frozenset(titles), {k.lower(): v for k, v in t["synonyms"].items()},
                      frozenset(x.lower() for x in t["bare_titles"]), frozenset(t["organisation_heads"]),
                      frozenset(t["collective_heads"]), frozenset(t["place_words"]),
                      tuple(sorted((tuple(g.split()) for g in t["groups"] + t["state_bodies"] + t["ministries"]),
                                   key=len, reverse=True)),
                      frozenset(t["state_bodies"]), frozenset(t["ministries"]), frozenset(t["organisation_words"]),
                      tuple(sorted((tuple(g.split()) for g in t["owned_groups"]), key=len, reverse=True)), states, capitals,
                      frozenset(t["platforms"]), frozenset(t["band_heads"]), frozenset(t["agent_participles"]),
                      frozenset(t["national_forces"]), frozenset(t["captor_groups"]), frozenset(t["armed_unnamed"]),
                      frozenset(t["organisation_anaphors"]),
                      {w: g for g, words in t["gendered_words"].items() for w in words}, frozenset(t["kin_nouns"]),
                      {w: g for g, words in t["gendered_pronouns"].items() for w in words},
                      frozenset(t["first_person"]), frozenset(t["paired_groups"]), frozenset(t["party_nouns"]),
                      frozenset(t["pair_words"]),
                      frozenset(t["quantity_heads"]), frozenset(t["leading_participles"]),
                      frozenset(d.lower() for entry in c.values() for d in entry.get("demonyms") or []),
                      frozenset(t["pair_nouns"]), frozenset(t["person_nouns"]), frozenset(t["court_nouns"]), cities,
                      frozenset(countries["state_forms"]), territories)


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    return frozenset(yaml.safe_load((PATTERNS / "given_names.yaml").read_text(encoding="utf-8"))["given_names"])


def looks_like_person(name: str) -> bool:
    """ "Ivan Sorokin" tagged ORG: a multi-word name that opens with a given name is a person,
    unless a word of it names an organisation ("Rosa Vidal Hospital")."""
    words = name.split()
    return len(words) > 1 and words[0] in _given_names() and not any(
        w.lower() in vocabulary().organisation_words for w in words)


def state_named(text: str) -> str | None:
    """The state a name stands for, by itself or by its capital ("Qatari" -> "Qatar", "Kyiv" -> "Ukraine")."""
    return state_of(text) or vocabulary().capitals.get(text.lower())


def state_where(text: str) -> str | None:
    """The state a place lies in: as `state_named`, or by a large city ("arrested in Karachi" -> "Pakistan"; a
    territory's: "Gaza City" -> "Gaza Strip")."""
    return state_named(text) or vocabulary().cities.get(text.lower())


def state_of(text: str) -> str | None:
    """The canonical state a name or demonym stands for ("Qatari" -> "Qatar"), or a formal name does ("the Kingdom
    of Norway")."""
    v = vocabulary()
    key = text.lower().strip()
    bare = key.removeprefix("the ")
    form, of, rest = bare.partition(" of ")
    return v.states.get(key) or v.states.get(bare) or (
        v.states.get(rest.removeprefix("the ")) if of and form in v.state_forms else None)


def is_heading_line(text: str, start: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start: line_end if line_end >= 0 else len(text)].strip()
    # headlines run to about twenty words; their grammar ("X freed as ...") misleads the parser
    return len(line.split()) <= 20 and not line.endswith((".", "?", "!", ":", "”", '"', "’"))


def _trim(span: Span) -> Span | None:
    """Drop leading determiners, punctuation and a date line's date, trailing possessives and punctuation."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ in ("the", "a", "an") or doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].text in POSSESSIVE or doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    dash = next((t.i for t in doc[start:end] if t.text in ("-", "–", "—") and t.whitespace_), None)
    if dash is not None and any(t.like_num for t in doc[start:dash]):
        start = dash + 1  # "Jul 27 - Blinken says ...": a dated line of a chronology, the date no part of the name
    if start >= end:
        return None
    return doc[start:end]


def _pieces(ent: Span) -> list[Span]:
    """Split an entity that runs across a line break (headings run into the next line) or a spaced dash ("Issuer -
    Ministry - Press Release": the fields of a head line)."""
    pieces, start = [], ent.start
    for tok in ent:
        dash = tok.text in ("-", "–", "—") and tok.whitespace_ and tok.i > 0 and tok.doc[tok.i - 1].whitespace_
        if "\n" in tok.text or "\n" in tok.whitespace_ or dash:
            end = tok.i if "\n" in tok.text or dash else tok.i + 1
            if end > start and not (dash and any(t.like_num for t in ent.doc[start:end])):  # "Jul 27 - X says"
                pieces.append(ent.doc[start:end])
            start = tok.i + 1
    if start < ent.end:
        pieces.append(ent.doc[start:ent.end])
    return [p for p in (_trim(p) for p in pieces) if p is not None]


def _extend_flat_name(span: Span) -> Span:
    """ "Mohammed bin Abdulrahman" + "Al Thani": the tagger stopped short of the name's head."""
    doc, end = span.doc, span.end
    while (end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper() and not doc[end - 1].whitespace_ == ""
           and "\n" not in doc[end - 1].whitespace_ and span[-1].dep_ == "compound" and span[-1].head.i >= end
           and not doc[end].ent_type_ in ("GPE", "ORG", "DATE")):
        end += 1
    if end < len(doc) and doc[end].is_lower and doc[end].lower_ in vocabulary().organisation_words \
            and span[-1].dep_ == "compound" and span[-1].head.i == end:
        end += 1  # "the X network", "the Y group": a name read as a person's heads an organisation's
    return doc[span.start:end]


def _strip_inner_title(span: Span) -> Span | None:
    """ "Sheikh Mohammed ...", "President Biden" tagged whole: the title is not part of the name."""
    v = vocabulary()
    start = span.start
    while start < span.end - 1 and (span.doc[start].lower_,) in v.title_set:
        start += 1
    return span.doc[start:span.end]


def _title_before(span: Span) -> tuple[str, int]:
    """The title right before a name ("Prime Minister", "Mossad chief") and where it starts."""
    v, doc = vocabulary(), span.doc
    i = span.start
    words: list[str] = []
    while i > 0 and len(words) < 6:
        prev = doc[i - 1]
        if prev.text in ("(", ")") or prev.lower_ in ("res.",):
            i -= 1
            continue
        matched = next((n for n in range(min(4, i), 0, -1)
                        if tuple(t.lower_ for t in doc[i - n:i]) in v.title_set), None)
        if matched is None:
            break
        words = [t.lower_ for t in doc[i - matched:i]] + words
        i -= matched
    return " ".join(w for w in words if w not in ("former", "(res.)", "res.")), i


def _name_ok(span: Span) -> bool:
    v = vocabulary()
    text = span.text
    if not text[:1].isupper() or sum(c.isalpha() for c in text) < 2 or "/" in text:
        return False  # "X." (the platform), "AP Photo/Jane Doe" (a photo credit)
    if span[-1].lower_ in v.place_words:
        return False
    before = span.doc[max(0, span.start - 2):span.start]
    if len(before) == 2 and before[1].lower_ == "of" and before[0].lower_ in v.place_words:
        return False  # "the village of X", "the northern region of Y": a place
    if text.lower() in v.platforms and len(before) and before[-1].lower_ in ("on", "via", "through"):
        return False  # "said on Telegram", "lists shared on WhatsApp": a platform
    rest = [t.lower_ for t in span if not state_of(t.text)]
    if len(rest) < len(span) and tuple(rest) in v.title_set:
        return False  # "Azerbaijani President" tagged a person before the president's name: a title
    if span.end < len(span.doc) and span.doc[span.end].text in ("-", "–") and not span[-1].whitespace_ and not (
            span.end + 1 < len(span.doc) and span.doc[span.end + 1].lemma_.lower() in v.agent_participles):
        return False  # part of a hyphenated compound ("Mar-a-Lago"), but not its agent ("Qatar-brokered")
    if span[0].text.endswith("ing") and span[0].pos_ in ("VERB", "NOUN"):
        return False
    if (len(span) == 1 and span.start > 0 and span.doc[span.start - 1].lower_ == "former"
            and (span[0].lower_,) in v.title_set):
        return False  # "the former Marine", "former Marine X": a role, no organisation
    if len(span) == 1 and not span.text.isupper() and (span[0].is_stop or span[0].pos_ in ("ADP", "NOUN", "VERB", "ADV", "PRON", "DET")):
        return False  # "In", "Sources": a capitalised word, not a name
    nxt = span.doc[span.end].lower_ if span.end < len(span.doc) else ""
    if tuple(f"{span.text} {nxt}".lower().split()) in v.title_set:
        return False  # "Finance" in "Finance Minister ..."
    for n in (1, 2):
        before = span.doc[max(0, span.start - n):span.start]
        if tuple(t.lower_ for t in before) + tuple(span.text.lower().split()) in v.title_set:
            return False  # "State" in "Secretary of State ..."
    return True


def _placed(span: Span) -> bool:
    """A name the tagger read as a person's that stands before a word for a place ("the X air base", "Y airport")
    or after "at" or "in" ("landed at X") is a place, unless it opens with a given name or is someone's ("in X's")."""
    doc, v = span.doc, vocabulary()
    if span[0].text in _given_names():
        return False
    after = [t for t in doc[span.end:span.end + 2] if t.text.islower()]
    if after and after[0].i == span.end and (after[0].lower_ in v.place_words or len(after) == 2 and
                                             after[1].i == span.end + 1 and after[1].lower_ in v.place_words):
        return True
    nxt = doc[span.end].text if span.end < len(doc) else ""
    return span.start > 0 and doc[span.start - 1].lower_ in ("at", "in") and nxt not in POSSESSIVE


def _affiliation_of(doc: Doc, title_start: int) -> str:
    """A state or organisation named just before a title: "Israel's President", "Mossad chief"."""
    j = title_start
    while j > 0 and doc[j - 1].text in POSSESSIVE:
        j -= 1
    if j == 0:
        return ""
    prev = doc[j - 1]
    capitals = vocabulary().capitals  # "Kremlin spokesman", "White House adviser": the government's
    state = state_of(prev.text) or capitals.get(prev.lower_)
    if state:
        return state
    if prev.ent_type_ in ("ORG", "PERSON", "GPE", "NORP") and prev.ent_iob_ in ("B", "I"):
        ent = next((e for e in doc.ents if e.start <= prev.i < e.end), None)
        if ent is not None:
            trimmed = _trim(ent)
            return (state_of(trimmed.text) or capitals.get(trimmed.text.lower()) or trimmed.text) if trimmed is not None else ""
    return ""


def _appositive_affiliation(span: Span) -> tuple[str, str]:
    """ "Ronen Bar, chief of ... Shin Bet" -> ("chief", "Shin Bet")."""
    doc, v = span.doc, vocabulary()
    i = span.end
    if i >= len(doc) or doc[i].text != ",":
        return "", ""
    i += 1
    if i < len(doc) and doc[i].lower_ in ("the", "a"):
        i += 1
    if i < len(doc) and doc[i].lower_ == "former" and (doc[i + 1].lower_,) in v.title_set:
        return doc[i + 1].lower_, ""  # "X, a former Marine": his role, resolved as titles are ("the former Marine")
    if i >= len(doc) or doc[i].lower_ not in v.organisation_heads:
        return "", ""
    title = doc[i].lower_
    for ent in doc.ents:
        if i < ent.start <= i + 8 and ent.label_ in ("ORG", "PERSON", "GPE", "NORP"):
            trimmed = _trim(ent)
            if trimmed is not None and trimmed[0].i > i:
                name = trimmed.text
                return title, state_of(name) or name
            break
    return title, ""


def _national_apposition(span: Span) -> bool:
    """ "X, an American lawyer", "A second Briton, X": the name stands in apposition to a national of a state, or
    to a noun a demonym qualifies that names no place ("an American town" does)."""
    root = span.root
    others = [c for c in root.children if c.dep_ == "appos"] + ([root.head] if root.dep_ == "appos" else [])
    for other in others:
        if other.lower_ in vocabulary().place_words:
            continue
        if other.lower_ in vocabulary().demonyms or other.tag_ == "NN" and any(
                c.dep_ == "amod" and c.lower_ in vocabulary().demonyms for c in other.children):
            return True
    return False


def _kin_name(span: Span) -> str:
    """ "X Y's brother, Z": a lone first name in apposition to a kin noun is Z Y, a person of that family; ""
    otherwise."""
    doc = span.doc
    if len(span) != 1 or span.start < 3 or doc[span.start - 1].text != "," \
            or doc[span.start - 2].lower_ not in vocabulary().kin_nouns:
        return ""
    family = next((c for c in doc[span.start - 2].children if c.dep_ == "poss" and c.ent_type_ == "PERSON"), None)
    return f"{span.text} {family.text}" if family is not None else ""


def find_mentions(doc: Doc) -> list[Mention]:
    v = vocabulary()
    text = doc.text
    raw: list[Mention] = []
    placed: set[str] = set()
    org_by_head: set[str] = set()
    for ent in doc.ents:
        if ent.label_ not in LABELS:
            continue
        for span in _pieces(ent):
            if ent.label_ == "PERSON":
                span = _strip_inner_title(_extend_flat_name(span))
            if span is None or not _name_ok(span):
                continue
            name = span.text
            state = state_of(name)
            if not state and ent.label_ == "ORG" and len(span) > 1 and span[-1].lower_ in v.state_bodies:
                state = state_of(span[-2].text)  # "the Royal Danish Government", not "the X Enforcement Administration"
            title, title_start = _title_before(span)
            after = doc[span.end].lower_ if span.end < len(doc) else ""
            after_after = doc[span.end + 1].lower_ if span.end + 1 < len(doc) else ""
            if after in v.organisation_heads or (after in POSSESSIVE and after_after in v.organisation_heads):
                org_by_head.add(name)
            territory = v.territories.get(name.lower().removeprefix("the "))
            if state and (ent.label_ in ("GPE", "NORP", "ORG", "LOC") or not title):  # "Benin" read as a person
                kind, key = "state", state
            elif territory and not title:  # "strikes on Gaza": those who live and rule there
                kind, key = "group", territory
            elif ent.label_ == "NORP" and span[-1].tag_ in ("NNPS", "NNS") and not title:
                kind, key = "group", name  # "Republicans criticised the deal": a party's members acting together
            elif ent.label_ == "NORP":
                continue  # Jewish, Arab, Hebrew: words for a people or creed, not actors by themselves
            elif title:
                kind, key = "person", name
            elif ent.label_ == "PERSON" and _placed(span):  # "the X air base", "landed at Y"
                kind, key = "place", name
            elif ent.label_ == "ORG" and name.lower() in v.capitals:  # "the White House said": the government
                kind, key = "state", v.capitals[name.lower()]
            elif ent.label_ == "GPE" and name.lower() not in v.capitals and _national_apposition(span):
                kind, key = "person", name  # "X, an American lawyer", "a second American, X": a person tagged a place
            elif ent.label_ in ("GPE", "LOC", "FAC") and name.lower() not in v.capitals and looks_like_person(name):
                kind, key = "person", name  # "Olga Petrova" tagged a place: a given name opens a person's name
            elif ent.label_ in ("GPE", "LOC", "FAC") or name.lower() in v.capitals:  # "Yerevan" tagged a person
                kind, key = "place", name
            else:  # a name with digits in it is no person's ("COP29", "G7"), nor one ending in "Front", "Council"
                person = (ent.label_ == "PERSON" and not any(c.isdigit() for c in name)
                          and span[-1].lower_ not in v.organisation_words) or (
                    ent.label_ == "ORG" and looks_like_person(name))  # "Olga Petrova" tagged ORG
                kind, key = ("person" if person else "organization"), name
            if kind == "person":
                key = _kin_name(span) or key
            affiliation = _affiliation_of(doc, title_start) if title else ""
            if kind == "person" and not title and span.start > 1 and doc[span.start - 1].text == ",":
                title, title_start = _title_before(doc[span.start - 1:span.end])  # "Iran's foreign minister, X"
                affiliation = _affiliation_of(doc, title_start) if title else ""
            if kind == "person" and not affiliation:
                appos_title, affiliation = _appositive_affiliation(span)
                title = title or appos_title
            if kind == "place" and _placed(span):
                placed.add(name)
            raw.append(Mention(span.start_char, span.end_char, name, kind, key, ent.label_, title, affiliation))
    # one sense per discourse: a name the text shows as a place is one wherever else the tagger read a person
    raw = [replace(m, kind="place", key=m.text) if m.kind == "person" and m.text in placed and not m.title else m
           for m in raw]
    # "Houthis" read as a person where the text names "Houthi" an organisation: the members are the organisation
    orgs = {m.text: m.key for m in raw if m.kind == "organization"}
    raw = [replace(m, kind="organization", key=orgs[m.text[:-1]]) if m.kind == "person" and not m.title
           and " " not in m.text and m.text.endswith("s") and m.text[:-1] in orgs else m for m in raw]
    raw += _untagged_states(doc, raw)
    raw = _formal_states(doc, raw)
    raw += _untagged_acronyms(text, raw)
    raw += _untagged_initials(doc, raw)
    raw += _untagged_bands(text, raw)
    capitals = _capital_mentions(doc, {(m.start, m.end) for m in raw if m.kind != "place"})
    spans = {(c.start, c.end) for c in capitals}
    raw = [m for m in raw if (m.start, m.end) not in spans] + capitals
    mentions = _resolve_document(doc, text, raw, org_by_head)
    mentions.extend(_untagged_repeats(text, mentions))
    mentions.sort(key=lambda m: m.start)
    mentions.extend(_bare_title_mentions(text, mentions))
    mentions.extend(_role_mentions(doc, mentions))
    mentions.extend(_head_anaphora(doc, mentions))
    mentions.extend(_group_mentions(doc, mentions))
    mentions = _national_forces(doc, mentions)
    body_keys = {m.key for m in mentions if not is_heading_line(text, m.start)}
    return sorted((m for m in mentions if m.key in body_keys), key=lambda m: m.start)


def _national_forces(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """ "the Lebanese army", "Chad's military": the state acts, and the mention spans the force, so that the name
    the text gives it is the state's alias."""
    taken = {m.start for m in mentions}
    out = []
    for m in mentions:
        span = doc.char_span(m.start, m.end) if m.kind == "state" else None
        end = span.end if span is not None else 0
        if end < len(doc) and doc[end].text in POSSESSIVE:
            end += 1
        force = doc[end] if span is not None and end < len(doc) else None
        if force is not None and force.lower_ in vocabulary().national_forces and force.idx not in taken \
                and span.root.head.i == force.i and span.root.dep_ in ("amod", "compound", "poss"):
            m = replace(m, end=force.idx + len(force.text), text=doc_text(doc)[m.start:force.idx + len(force.text)])
        out.append(m)
    return out


def _untagged_repeats(text: str, mentions: list[Mention]) -> list[Mention]:
    """One sense per discourse: a name the model tagged somewhere in the document is a mention
    wherever else it occurs there, surnames of people named in full included (without a lower-case particle:
    "Sisi" after "Abdel Fattah al-Sisi")."""
    forms: dict[str, Mention] = {}
    for m in mentions:
        if m.kind in ("person", "organization") and m.label not in ("CAPITAL",):
            forms.setdefault(m.text, m)
            if m.kind == "person" and len(m.key.split()) > 1:
                surname = m.key.split()[-1]
                forms.setdefault(surname, replace(m, text=surname))
                particle, _, bare = surname.partition("-")
                if bare and particle.islower():  # "al-Sisi" is "Sisi" on its own
                    forms.setdefault(bare, replace(m, text=bare))
    usable = sorted((f for f in forms if len(f) >= 3 and f[:1].isupper()), key=len, reverse=True)
    if not usable:
        return []
    taken = [(m.start, m.end) for m in mentions]
    found = []
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in usable) + r")(?![\w-])")
    for match in pattern.finditer(text):  # one pass, the longest form first at each place
        start, end = match.span()
        if any(s < end and start < e for s, e in taken):
            continue
        model = forms[match.group()]
        taken.append((start, end))
        found.append(Mention(start, end, match.group(), model.kind, model.key, "REPEAT", model.title, model.affiliation))
    return found


@lru_cache(maxsize=1)
def _state_name_pattern() -> re.Pattern:
    """Every state name and demonym of countries.yaml as written there (capitalised), longest first."""
    forms = {name for entry in yaml.safe_load((PATTERNS / "countries.yaml").read_text())["states"].items()
             for name in [entry[0], *(entry[1].get("names") or []), *(entry[1].get("demonyms") or [])]}
    alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![\w.-])(?:{alternatives})(?![\w-])")


def _untagged_states(doc: Doc, raw: list[Mention]) -> list[Mention]:
    """A state the entity tagger missed ("Uzbekistan opened ...", "in Sri Lanka"): the full list of the
    world's states settles it. Only capitalised forms as written in countries.yaml, outside other mentions."""
    taken = [(m.start, m.end) for m in raw]
    found = []
    for match in _state_name_pattern().finditer(doc_text(doc)):
        start, end = match.span()
        if any(s < end and start < e for s, e in taken) or doc.char_span(start, end) is None:
            continue
        found.append(Mention(start, end, match.group(), "state", state_of(match.group()), "STATE"))
    return found


def _formal_states(doc: Doc, raw: list[Mention]) -> list[Mention]:
    """ "the Sultanate of X" the tagger split in two is X; "the Sultanate", "the Kingdom's envoy" alone is the state
    named last before (else first after) whose formal name, as written or in countries.yaml, holds the word."""
    v, text = vocabulary(), doc_text(doc)
    forms = "|".join(sorted((f.title() for f in v.state_forms), key=len, reverse=True))
    out = list(raw)
    for m in raw:
        before = re.search(rf"\b(?:{forms}) of (?:the )?$", text[max(0, m.start - 40):m.start])
        if m.kind == "state" and before is not None and state_of(m.text) == m.key:
            start = m.start - len(before.group())
            out = [k for k in out if not start <= k.start < m.end] + [
                replace(m, start=start, text=text[start:m.end])]
    states = sorted((m for m in out if m.kind == "state"), key=lambda m: m.start)
    for tok in doc:
        if tok.lower_ not in v.state_forms or not tok.text.istitle() or tok.i == 0 or doc[tok.i - 1].lower_ != "the" \
                or tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "of":
            continue
        holds = [m for m in states if tok.lower_ in m.text.lower().split() or any(
            tok.lower_ in name.split() for name, state in v.states.items() if state == m.key)]
        named = [m for m in holds if m.end <= tok.idx][-1:] or holds[:1]
        if named and not any(k.kind == "state" and k.start <= tok.idx < k.end for k in out):
            out = [k for k in out if not k.start <= tok.idx < k.end] + [
                Mention(tok.idx, tok.idx + len(tok.text), tok.text, "state", named[0].key, "STATE")]
    return out


def _untagged_bands(text: str, raw: list[Mention]) -> list[Mention]:
    """ "the Gran Sabana gang", "the 300 Nomads militia": capitalised words between "the" and a word for an armed
    band, which the tagger leaves untagged in lower case, name that band."""
    heads = "|".join(sorted(vocabulary().band_heads))
    taken = [(m.start, m.end) for m in raw]
    found = []
    for match in re.finditer(rf"\b[Tt]he ((?:[A-Z0-9][\w'’-]*\s+){{1,3}}(?:{heads}))\b", text):
        start, end = match.span(1)
        if not any(s < end and start < e for s, e in taken) and not state_of(match.group(1).rsplit(" ", 1)[0]):
            found.append(Mention(start, end, match.group(1), "organization", match.group(1), "BAND"))
    return found


ACRONYM = re.compile(r"\(([A-Z][A-Z&]{1,7})\)")


def _untagged_acronyms(text: str, raw: list[Mention]) -> list[Mention]:
    """ "the National Liberation Army (ELN)": an acronym in brackets the tagger missed, right after an
    organisation's name, is a mention of it (its alias, and a form repeated elsewhere)."""
    taken = {m.start for m in raw}
    ends = {m.end: m for m in raw if m.kind == "organization"}
    found = []
    for match in ACRONYM.finditer(text):
        before = text[:match.start()].rstrip()
        owner = ends.get(len(before))
        if owner is not None and match.start(1) not in taken and not re.match(r"\s*[—–-]", text[match.end():]):
            found.append(Mention(match.start(1), match.end(1), match.group(1), "organization", match.group(1), "ACRONYM"))
    return found


def _untagged_initials(doc: Doc, raw: list[Mention]) -> list[Mention]:
    """ "the ELN said", "M23 seized": a word in capitals the tagger left untagged, after "the" or as a subject or
    possessor, names an organisation (its other uses are repeats); a state's or capital's initials are the state's."""
    taken = [(m.start, m.end) for m in raw]
    found = []
    for tok in doc:
        start, end = tok.idx, tok.idx + len(tok.text)
        if not (tok.text.isupper() and tok.text.isalnum() and 2 <= len(tok.text) <= 6 and tok.text[:1].isalpha()
                and tok.pos_ == "PROPN" and not tok.ent_type_) or any(s < end and start < e for s, e in taken):
            continue
        if state_of(tok.text) or tok.lower_ in vocabulary().capitals or not (
                tok.dep_ in ("nsubj", "nsubjpass", "poss") or tok.i > 0 and doc[tok.i - 1].lower_ == "the"):
            continue
        found.append(Mention(start, end, tok.text, "organization", tok.text, "INITIALS"))
        taken.append((start, end))
    return found


def _capital_mentions(doc: Doc, taken: set[tuple[int, int]]) -> list[Mention]:
    """A capital standing for its state as subject, object, possessor ("Jerusalem's response") or party
    after "by", "with", "against" or "between" ("freed by Moscow", "talks between Kyiv and Moscow"), or the one
    called on ("called on Moscow to")."""
    v, found = vocabulary(), []
    for tok in doc:
        state = v.capitals.get(tok.lower_)
        if state and tok.text[:1].isupper() and (tok.idx, tok.idx + len(tok)) not in taken:
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            node = tok.head if tok.dep_ == "conj" else tok  # "Kyiv and Moscow exchanged": Moscow's role is Kyiv's
            # "freed by Moscow", "called on Kyiv to"
            party = node.dep_ == "pobj" and (node.head.lower_ in ("by", "with", "against", "between")
                                             or node.head.lower_ == "on" and node.head.head.lemma_ == "call")
            if node.dep_ in ("nsubj", "nsubjpass", "dobj", "poss") or party or (nxt is not None and nxt.text in POSSESSIVE):
                found.append(Mention(tok.idx, tok.idx + len(tok), tok.text, "state", state, "CAPITAL"))
    return found


def _split_joined(m: Mention, singles: set[str]) -> list[Mention]:
    """ "Trump Netanyahu talks": two names the document also uses alone, run together; not a given name and a
    surname ("Ana Ruiz" where the text also says "Ana" and "Ruiz")."""
    parts = m.text.split()
    if m.kind in ("person", "organization") and len(parts) == 2 and all(p in singles for p in parts) \
            and parts[0] not in _given_names():
        a, b = parts
        return [replace(m, end=m.start + len(a), text=a, key=a, kind="person"),
                replace(m, start=m.end - len(b), text=b, key=b, kind="person")]
    return [m]


def _extend_to_known(text: str, raw: list[Mention]) -> list[Mention]:
    """ "Shin" right before "Bet" where the document also names "Shin Bet": the model cut a name short."""
    known = {m.text for m in raw if len(m.text.split()) > 1}
    out = []
    for m in raw:
        nxt = re.match(r" ([A-Z][\w-]*)", text[m.end:m.end + 40])
        if nxt and f"{m.text} {nxt.group(1)}" in known:
            longer = f"{m.text} {nxt.group(1)}"
            cover = [k for k in raw if k.start == m.start + len(m.text) + 1]
            m = replace(m, end=m.start + len(longer), text=longer, key=longer if m.key == m.text else m.key)
            out = [k for k in out if k not in cover]
            raw = [k for k in raw if k not in cover]
        out.append(m)
    return out


def _resolve_document(doc: Doc, text: str, raw: list[Mention], org_by_head: set[str]) -> list[Mention]:
    """Give every mention its document-level key and kind."""
    raw = _extend_to_known(text, raw)
    singles = {m.key for m in raw if len(m.key.split()) == 1 and m.kind in ("person", "organization", "place")}
    singles |= {m.key.split()[-1] for m in raw if m.kind == "person" and len(m.key.split()) > 1}
    raw = [piece for m in raw for piece in _split_joined(m, singles)]
    full_names = [m.key for m in raw if m.kind == "person" and len(m.key.split()) > 1]
    last_tokens = Counter(n.split()[-1] for n in full_names)
    people = {m.text: m for m in raw if m.kind == "person" and (m.label == "PERSON" or m.title)}
    kin = {m.text: m.key for m in raw if m.kind == "person" and " " not in m.text and m.key.startswith(m.text + " ")}
    out: list[Mention] = []
    for m in raw:
        if m.kind == "person" and m.key in kin:  # "X's brother, David ... David said": David X again
            m = replace(m, key=kin[m.key])
        if m.kind == "place" and m.label != "CAPITAL" and m.text in people:  # one sense per discourse: a name the
            m = replace(m, kind="person", key=people[m.text].key)  # tagger read as a person once is not a place
        if m.key in org_by_head and m.kind != "state":
            m = replace(m, kind="organization", label="ORG-HEAD")
        if m.kind in ("person", "organization", "place") and len(m.key.split()) == 1 and last_tokens[m.key]:
            # the surname of a person named in full in this document
            full = max((n for n in full_names if n.split()[-1] == m.key), key=lambda n: (full_names.count(n), len(n)))
            m = replace(m, kind="person", key=full)
        out.append(m)
    # a parenthesised name right after another is its alias: "Israel Security Agency (Shin Bet)"
    ordered = sorted(out, key=lambda m: m.start)
    for a, b in zip(ordered, ordered[1:]):
        between = text[a.end:b.start]
        dateline = re.match(r"\)\s*[—–-]", text[b.end:b.end + 4])  # "DOHA, Qatar (AP) —": the wire agency
        if between.strip() == "(" and text[b.end:b.end + 1] == ")" and a.kind != "person" and not dateline:
            alias_key = b.key
            out = [replace(m, key=a.key, kind=a.kind) if m.key == alias_key else m for m in out]
    # a person's title and affiliation hold for every mention of them in the document
    titles = {m.key: m.title for m in out if m.title and m.kind == "person"}
    affiliations = {m.key: m.affiliation for m in out if m.affiliation}
    return [replace(m, title=m.title or titles.get(m.key, ""), affiliation=m.affiliation or affiliations.get(m.key, ""))
            for m in out]


def _group_mentions(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """ "the mediators", "Israel's negotiating team", "the war cabinet": groups acting together."""
    v = vocabulary()
    taken = {i for m in mentions for i in range(m.start, m.end)}
    found = []
    by_first: dict[str, list[tuple[str, ...]]] = {}
    owned = {" ".join(g) for g in v.owned_groups}
    mentioned = {m.key for m in mentions}
    for g in sorted(v.groups + v.owned_groups, key=len, reverse=True):  # longest first within each first word
        by_first.setdefault(g[0], []).append(g)
    words = [t.lower_ for t in doc]
    governments: dict[str, str] = {}  # state body -> the state it last belonged to in the text
    home = _home_state(mentions)
    i = 0
    while i < len(doc):
        match = next((g for g in by_first.get(words[i], ()) if tuple(words[i:i + len(g)]) == g), None)
        if match is None or doc[i].idx in taken or not (doc[i].text[:1].islower() or doc[i].is_sent_start or (
                # "Aug 4 - Court in X sentences Y": a dated line opens
                i > 0 and doc[i - 1].text in ("-", "–", "—"))):
            i += 1
            continue
        span = doc[i:i + len(match)]
        if span.root.pos_ != "NOUN" and not (span.root.pos_ == "PROPN" and span.root.text.islower()) \
                or span.root.dep_ in ("compound", "amod"):  # "the foreign ministry" tagged a name
            i += len(match)
            continue
        owner = _owner(span, mentions) or next((governments[c.lower_] for c in span.root.children if c.i < span.start
                                                 and c.dep_ in ("compound", "amod") and c.lower_ in governments), "")
        # "government troops" after "the Chilean government": Chile's troops
        name = " ".join(t.lower_ for t in span)
        if name in v.national_forces and owner and state_of(owner):
            governments[name] = state_of(owner)  # "Sudan's army" ... "the army": the same state's
        # "the government (and X)", "accused the government of stalling"
        bare = all(c.dep_ in ("det", "cc", "conj") or span.start <= c.i < span.end or c.dep_ == "prep" and all(
            g.dep_ == "pcomp" or g.lower_.endswith("ing") for g in c.children) for c in span.root.children)
        if name in v.national_forces and not owner and bare and doc[i].i > 0 and doc[i - 1].lower_ == "the" and not any(
                m.kind == "organization" and m.key.lower().split()[-1] == name for m in mentions):  # not "the X Army"
            # "the army", "the military": a state's one army, the one named before, or the army of the story
            state = governments.get(name)
            found.append(Mention(span.start_char, span.end_char, span.text, "state" if state else "group",
                                 state or name, "GROUP"))
            i += len(match)
            continue
        if name in v.court_nouns and owner.lower() in v.cities:
            i += len(match)  # "a Chicago jury": the city's state acts (participants)
            continue
        if name in owned and (not owner or (owner in mentioned and name in v.collective_heads)):
            i += len(match)  # "forces" alone is too vague; "Israeli forces" already acts as Israel (participants)
            continue
        if name in v.state_bodies or name in v.ministries:
            person = next((m for m in mentions if m.key == owner and m.kind == "person"), None)
            state = state_of(owner) if owner else None
            if person is not None:  # "the X administration": the state of X's office, if the text gives it
                state = state_named(person.affiliation)
            if state:  # "the Russian government" acts as Russia
                found.append(Mention(span.start_char, span.end_char, span.text, "state", state, "GROUP"))
                governments[name] = state
            elif not owner and bare:
                # "... the government" again, further on: that state's (not "the transitional government"); named
                # first so, the government of the state whose officials the text names without their state; a ministry,
                # the state named last before it
                state = governments.get(name) or (_last_state(mentions, span.start_char) if name in v.ministries
                                                  else home)
                if state:
                    found.append(Mention(span.start_char, span.end_char, span.text, "state", state, "GROUP"))
        else:
            if name.endswith("s") and tuple(name[:-1].split()) in v.groups:
                name = name[:-1]  # "delegations", "negotiating teams": one actor with the singular
            key = f"{owner} {name}" if owner else name
            found.append(Mention(span.start_char, span.end_char, span.text, "group", key, "GROUP", "", owner))
        i += len(match)
    return _one_band(mentions, found)


def _last_state(mentions: list[Mention], before: int) -> str:
    """The state named last before a place in the text: by its name, its capital ("protests in Caracas") or an
    official of it ("Chile's envoy X"); "" if none."""
    for m in sorted((m for m in mentions if m.end <= before), key=lambda m: m.start, reverse=True):
        state = m.key if m.kind == "state" else state_named(m.text) or (
            state_named(m.affiliation) if m.kind == "person" and m.affiliation else None)
        if state:
            return state
    return ""


def _home_state(mentions: list[Mention]) -> str:
    """The state a text is written from: news gives foreign officials their state ("Iran's foreign minister X",
    "the Kremlin spokesman Y") and its own none ("President X", "Senator Y"). With officials of both kinds, the
    state named most often that gives none of its officials a state; "" if no such state leads. With officials
    of its own only, the state named most often, the first named of those named as often."""
    people = [m for m in mentions if m.kind == "person" and m.title]
    foreign = {state_named(m.affiliation) for m in people if m.affiliation} - {None}
    if all(m.affiliation for m in people):
        return ""
    counts = Counter(m.key for m in mentions if m.kind == "state" and m.key not in foreign).most_common(2)
    return counts[0][0] if counts and (len(counts) == 1 or counts[0][1] > counts[1][1] or not foreign) else ""


def _one_band(mentions: list[Mention], groups: list[Mention]) -> list[Mention]:
    """ "a Haitian gang freed them", "released by their captors": in a text that names one armed band, an unnamed
    band (no owner, or only a state) and the captors are that band."""
    v = vocabulary()

    def unnamed(m: Mention) -> bool:
        return m.kind == "group" and (m.key in v.captor_groups or m.key.split()[-1] in v.band_heads
                                      and not m.key.endswith("s")  # "gangs control the city": bands in general
                                      and (not m.affiliation or state_of(m.affiliation) is not None))

    bands = {m.key for m in mentions + groups if m.key.split()[-1].lower() in v.band_heads and len(m.key.split()) > 1
             and (m.kind == "organization" or m.kind == "group" and m.affiliation and state_of(m.affiliation) is None)}
    # a name ("the X gang"), not "Gang" in a headline nor "Haitian gangs"
    if not bands and any(m.key in v.captor_groups for m in groups):  # "gunmen seized them ... the kidnappers said"
        return [replace(m, key=CAPTORS) if m.key in v.captor_groups or m.key in v.armed_unnamed else m for m in groups]
    if len(bands) != 1:
        return groups
    return [replace(m, kind="organization", key=next(iter(bands)), affiliation="") if unnamed(m) else m for m in groups]


def _head_anaphora(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """ "the brigade", "the embassy", "Embassy officials": the organisation named before whose name ends in that noun
    ("the Tupac Brigade", "the Peruvian Embassy"), the latest one; "the other brigade" or "a brigade" is none."""
    v = vocabulary()
    taken = {i for m in mentions for i in range(m.start, m.end)}
    orgs = sorted((m for m in mentions if m.kind == "organization" and len(m.text.split()) > 1
                   and not is_heading_line(doc_text(doc), m.start)), key=lambda m: m.start)  # "Press Release": no body
    ends = {m.text.split()[-1].lower() for m in orgs}
    found = []
    for tok in doc:
        if tok.idx in taken or tok.pos_ not in ("NOUN", "PROPN") or tok.lower_ in v.state_bodies or (
                (tok.lower_,) in v.owned_groups and tok.lower_ not in v.band_heads):
            continue  # "the army" is a state's, even after "the National Liberation Army"; "the brigade" is the band's
        named_as = [m for c in tok.children if c.dep_ in ("compound", "amod") for m in mentions
                    if m.kind == "organization" and m.text == c.text]
        if tok.lower_ in v.organisation_anaphors and tok.text.islower() and named_as:  # "X's Y movement", Y named
            found.append(Mention(tok.idx, tok.idx + len(tok.text), tok.text, "organization", named_as[0].key,
                                 "ANAPHOR"))
            continue
        if tok.lower_ in v.organisation_anaphors and _bare_anaphor(tok):  # "the group said", "the armed group"
            named = [m for m in mentions if m.kind == "organization" and m.end <= tok.idx]
            if named:
                found.append(Mention(tok.idx, tok.idx + len(tok.text), tok.text, "organization", named[-1].key,
                                     "ANAPHOR"))
            continue
        if tok.lower_ not in ends:  # no organisation's name ends in it: nothing to point back to
            continue
        staff = tok.dep_ == "compound" and tok.head.lower_ in v.collective_heads and tok.text.istitle() and not any(
            c.dep_ in ("det", "compound", "amod") for c in tok.children)  # "Embassy officials said"
        if not staff and (not tok.text.islower() or [c.lower_ for c in tok.children if c.i < tok.i] != ["the"]):
            continue
        named = [m for m in orgs if m.end <= tok.idx and m.text.split()[-1].lower() == tok.lower_]
        if named:
            found.append(Mention(tok.idx, tok.idx + len(tok.text), tok.text, "organization", named[-1].key, "ANAPHOR"))
    return found


def _bare_anaphor(tok) -> bool:
    """ "the group", "the armed group", "his movement" (its spokesman speaking), not "a group", "the group of
    hostages" nor "the Wagner group"."""
    before = [c for c in tok.children if c.i < tok.i]
    return tok.text.islower() and [c.lower_ for c in before if c.dep_ in ("det", "poss")] in (
        ["the"], ["his"], ["her"], ["its"]) and all(
        c.dep_ in ("det", "poss") or c.pos_ == "ADJ" and c.text.islower() for c in before) and not any(
        c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)


def _owner(span: Span, mentions: list[Mention]) -> str:
    """Who a group belongs to: a state or mention before it ("Israel's negotiating team", "Israeli troops"), a
    people or creed ("Serb forces", "Islamic fundamentalists"), a name ("the Vidal family"), or the person or body
    after "of" ("supporters of X")."""
    for child in span.root.children:
        if child.dep_ == "poss":  # "the rebels and Chile's government": the 's is on the last conjunct
            child = next((c for c in child.subtree if c.dep_ == "conj" and any(g.dep_ == "case" for g in c.children)), child)
        if child.dep_ in ("poss", "amod", "compound", "nmod", "conj") and child.i < span.start:
            owner = state_of(child.text) or next((m.key for m in mentions if m.start <= child.idx < m.end), "")
            if owner:
                return owner
            if child.ent_type_ == "NORP" or (child.pos_ == "ADJ" and child.text[:1].isupper() or child.pos_ == "PROPN"
                                             and child.text.istitle()) and not child.is_sent_start:
                # "Serb forces", "the Vidal family" (not initials: "IDF forces" are the IDF's own)
                return child.text
    for child in span.root.children:
        if child.dep_ == "prep" and child.lower_ == "of" and child.i == span.end:
            for g in child.children:
                m = next((m for m in mentions if m.start <= g.idx < m.end and m.kind != "place"), None)
                if g.dep_ == "pobj" and m is not None:
                    return m.key
    return ""


BARE_TITLE = re.compile(r"\b(?P<det>the|The)\s+(?:(?P<mod>[A-Z][\w.]+(?:’s|'s)?)\s+)?"
                        r"(?P<title>(?:former\s+)?[A-Za-z][\w.-]*(?:\s+[a-z][\w-]*){0,2})")


def _longest_title(phrase: str, start: int) -> tuple[str | None, int]:
    """The longest bare title that opens `phrase`, and where it ends in the text; after "former" any person's title
    ("the former Marine" is the one the text calls a Marine)."""
    words = phrase.rstrip(".").split()  # "... than the president."
    former = words[:1] == ["former"]
    for n in range(len(words), int(former), -1):
        title = " ".join(words[int(former):n]).lower()
        if title in vocabulary().bare_titles or former and tuple(title.split()) in vocabulary().title_set:
            return title, start + len(" ".join(words[:n]))
    return None, start


def _bare_title_mentions(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "the prime minister", "the Israeli premier", "the PM": the holder this document names."""
    v = vocabulary()
    holders: dict[str, Counter] = {}
    for m in mentions:
        if m.kind == "person" and m.title:
            canonical = v.synonyms.get(m.title.split(" ", 1)[-1] if m.title not in v.synonyms else m.title)
            for t in {m.title, canonical}:
                if t:
                    holders.setdefault(t, Counter())[(m.key, m.affiliation)] += 1
    found = []
    taken = [(m.start, m.end) for m in mentions]
    for match in BARE_TITLE.finditer(text):
        mod = match.group("mod") or ""
        title, end = _longest_title(match.group("title"), match.start("title"))
        if mod and not state_of(mod.removesuffix("’s").removesuffix("'s")):
            # "The Finance Minister": the capitalised word belongs to the title
            title, end = _longest_title(f"{mod} {match.group('title')}", match.start("mod"))
            mod = ""
        if title is None:
            continue
        following = text[end:end + 2]
        if following.strip()[:1].isupper() or any(s < end and match.start() < e for s, e in taken):
            continue  # a title before a name, or part of a name already found
        canonical = v.synonyms.get(title, title)
        candidates = holders.get(canonical) or holders.get(title)
        if not candidates:
            continue
        modifier = state_of(mod.removesuffix("’s").removesuffix("'s")) if mod else None
        ranked = [(count, key) for (key, aff), count in candidates.items() if modifier in (None, aff)]
        if not ranked:
            continue
        key = max(ranked)[1]
        found.append(Mention(match.start(), end, text[match.start():end], "person", key, "TITLE", canonical))
    return found


AGED = re.compile(r"\d+-year-old\b")


def _role_mentions(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """ "the engineer", "the 19-year-old corporal", "the 19-year-old": the person the text described with that
    noun before ("X, a Chilean engineer", "Corporal X"), the latest; with an age, else the person named most often
    so far (the latest among equals). Titles with a holder ("the president") and groups ("the mediator") are read
    elsewhere."""
    v = vocabulary()
    taken = {i for m in mentions for i in range(m.start, m.end)}
    people = sorted((m for m in mentions if m.kind == "person"), key=lambda m: m.start)
    described: list[tuple[int, str, str]] = []  # (where, noun, person key)
    for m in people:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        nouns = ([c.lower_ for c in span.root.children if c.dep_ == "appos" and c.tag_ == "NN"]
                 if span is not None else [])
        described += [(m.start, n, m.key) for n in nouns + m.title.split()[-1:]]
    found = []
    for tok in doc:
        before = [c for c in tok.children if c.i < tok.i]
        alone = tok.lower_ == "old" and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj")  # "the 63-year-old said"
        if tok.idx in taken or (tok.tag_ != "NN" and not alone) or not tok.text.islower() or not before \
                or before[0].lower_ != "the" or tok.lower_ in v.bare_titles or (tok.lower_,) in v.groups:
            continue
        aged = AGED.search(doc_text(doc)[before[0].idx:tok.idx + len(tok)]) is not None
        key = next((k for at, n, k in reversed(described) if n == tok.lower_ and at < tok.idx), None)
        if key is None and aged:
            counts = Counter(m.key for m in people if m.start < tok.idx)
            key = max(counts, key=lambda k: (counts[k], max(m.start for m in people if m.key == k)), default=None)
        if key is not None:
            found.append(Mention(tok.idx, tok.idx + len(tok.text), tok.text, "person", key, "ROLE"))
            described.append((tok.idx, tok.lower_, key))
    return found

