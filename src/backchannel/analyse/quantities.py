"""Read the figures a news sentence reports: counts, money, shares, lengths of time and other measures.

Contract: `read_quantities(sent, ages=False)` takes one sentence (a spaCy Span) of a Doc parsed by the
project's pipeline and returns its quantities in text order as `Quantity` records (value or range,
qualifier, change, unit, counted noun, the thing measured in words, `referred` content words, `kind`
and certainty cues). Ages ("a 35-year-old man", "Maddon, 66,") come back, as kind "age", only with
ages=True; durations that only place a happening in time ("six weeks after the deal") come back, as kind
"offset", only with offsets=True. It is pure: it reads the Doc and writes nothing on it.

How: one regular expression, built from patterns/quantities.yaml, finds the number expressions
(qualifier, currency, digits in plain or scientific notation, number words or fractions, scale, range, unit). Time expressions of the
`backchannel_times` component (`doc._.timexes`, found here if the pipeline did not run it) remove
years (with those of an era, a season "2014-15" and both ends of a span of years), dates and clock times, and mark durations that only place a happening in time ("within two weeks",
"six weeks after the deal"); durations used as terms stay figures ("a 60-day ceasefire"). Labels ("Section
427", "COVID-19", "S&P 500", "iPhone 11", "the 787 Dreamliner", street numbers) are dropped, and so are scores
("won 2-0"), but a pair of numbers a vote governs is its tally, two figures in votes ("approved it 10-1").
"from X" marks a start point (kind "from"; "fell from 136 to 129" gives two figures), "between X and Y" and "X-Y" give ranges, a
bracketed figure after another is the same amount in other units, and a bare figure coordinated with one
that has a unit takes it ("3 percent ... but fell by 1"). The dependency parse then gives
the counted noun (the noun the number modifies, or X in "seven of the X"), the concept (that noun or
the noun a measure modifies, with its modifiers, the governing verb and its subject or complements),
`referred` (the name before "up"/"down" or a signed figure, the noun a measure belongs to, the object a verb
changes "by"/"to" it; for a figure that is an object or adjunct of its clause also the clause's subject and the
verb's object the figure is not in, a pronoun standing for the nearest noun subject before it that agrees in
number; an end point after a movement and a start point after "up"/"down" share it; the noun a figure is the
worth of, or the noun before the bracket it is listed in; a figure that counts nothing and has none of these
takes the nearest subject noun phrase before it, else the first; a length of time put before its clause's
subject has none; the words of other figures are never it, and a word written with a hyphen stays one word),
the change (a figure that
is the amount of a verb like "rose" or "fell", follows "up"/"down" or is signed) and certainty cues.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import yaml
from spacy.tokens import Doc, Span, Token

from backchannel.analyse.mentions import doc_text
from backchannel.analyse.times import find_timexes

PATTERNS = Path(__file__).parent / "patterns" / "quantities.yaml"


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int  # char offsets in doc.text of the number expression with its qualifier and unit
    text: str
    value: float | None  # point value; None for a range
    low: float | None
    high: float | None  # range bounds; None for a point value
    qualifier: str  # exact | about | nearly | more than | at least | up to | less than
    change: str  # "=", "~", ">", "<", "up", "down" (NewsQuant codes)
    unit: str | None  # "USD", "EUR", "percent", "day", "kilometre", "USD per barrel"...; None for counts
    counted: str | None  # the counted noun, lemma in lower case ("hostage", "aid truck")
    concept: str  # the thing measured in words, "" if none
    concept_start: int | None
    concept_end: int | None
    certainty: tuple[str, ...]  # cue words in the clause ("believed", "confirmed", "reportedly")
    scale_text: str = ""  # the scale word as written ("mn", "million")
    counted_phrase: str | None = None  # the counted noun with its adjectives, lemmas ("palestinian prisoner")
    referred: tuple[str, ...] = ()  # content words of the thing measured: the noun a measure belongs to, else
    #                 the subject of its verb ("Tesla shares" rose 5%); for a count, whose count it is ("the
    #                 company has 1,000 customers"), not the counted noun itself
    kind: str = ""  # "" a figure; "from" the start point of a movement or span ("fell from 136 to 129");
    #                 "share" a fraction of a group ("a third of the hostages", value 0.33); "age" an age
    #                 ("a 35-year-old man", unit "year"; only with read_quantities(ages=True)); "offset" a
    #                 duration that places a happening in time ("within two weeks"; only with offsets=True)


@lru_cache(maxsize=1)
def vocabulary() -> dict:
    return yaml.safe_load(PATTERNS.read_text())


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _lookup(table: dict, key: str):
    return table.get(re.sub(r"\s+", " ", key.lower().strip()))


EXPONENT = r"\s?(?:×\s?10\s?\^?|[xX]\s?10\s?\^)\s?(?P<exp{n}>[-−]?\d+)"  # "2.998×10−8", "6 x 10^23"
NUMERAL = (r"(?:(?<![\w.])-(?=\d)|\bminus[\s-]?)?(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|(?<!\d)\.\d+)"
           r"(?:" + EXPONENT + r")?(?![.,]\d|[:/⁄×]\d|(?:st|nd|rd|th)\b)")


@lru_cache(maxsize=1)
def pattern() -> re.Pattern:
    v = vocabulary()
    words = _alt(list(v["number_words"]) + list(v["multipliers"]))
    big = _alt(list(v["multipliers"]) + ["dozen"])
    fractions = _alt(v["fractions"])
    spelled = (rf"(?:\ban?\s+(?=(?:{big})\b))?\b(?:{words})"
               rf"(?:(?:\s+|-)(?:(?:(?<=hundred)|(?<=thousand))\s*and\s+)?(?:{words}))*\b")
    fraction = (rf"\b(?:(?:a|one|(?:{words}))[\s-]+(?:{fractions})|half(?=\s+of\b))\b(?!-)")
    vague = rf"\b(?:(?:tens|hundreds)\s+of\s+)?(?:{_alt(v['vague_scales'])})\b(?=\s+of\b|\s+[a-z])"
    prefix = _alt(v["currency_prefixes"])
    scale = _alt(v["scales"])
    scale = rf"(?:{scale})(?:\s+(?:{scale}))?"
    attached = _alt(v["attached_scales"])

    units = _alt(list(v["units"]) + list(v["cased_units"]) + [w + s for w in v["currency_words"] for s in ("", "s", "es")])
    slash = rf"(?<![\d/⁄])\d{{1,3}}[/⁄]\d{{1,3}}(?![/⁄\d])(?=\s+of\b|\s+(?:{units})\b)"  # "1/2 pound", "1/16 of"

    def amount(n: str) -> str:
        return (rf"(?:(?P<cur{n}>(?<![\w$])(?:{prefix})\s?)|(?<![\w.$£€¥/:])(?<!\d,))"
                rf"(?P<num{n}>{slash}|{NUMERAL.replace('{n}', n)}|{fraction}|{spelled})(?P<half{n}>\s+and\s+a\s+half\b)?"
                rf"(?:(?P<att{n}>{attached})(?![\w])|[\s-]?(?P<scale{n}>{scale})\b)?")

    per = _alt(v["per_words"])
    per_nouns = _alt(list(v["units"]) + v["per_nouns"])
    qualifiers = _alt(q for q in v["qualifiers"] if q[-1].isalpha() or q[-1] == ".")
    symbols = _alt(q for q in v["qualifiers"] if not (q[-1].isalpha() or q[-1] == "."))
    return re.compile(
        rf"(?:(?P<qual>\b(?:{qualifiers}))\s+|(?P<sym>(?:\b|(?<!\w))(?:{symbols}))\s*)?"
        rf"(?:(?P<rng>\bbetween|\bfrom)\s+(?:(?P<qual2>\b(?:{qualifiers}))\s+)?)?"  # "from about 90 to 40"
        rf"(?:(?P<vague>{vague})|{amount('1')}"
        rf"(?:(?P<sep>[-–—]|\s+[-–—]\s+|\s*\bto\b\s*|(?(rng)\s+and\s+|(?!)))(?![$£€]?\d{{4}}\b(?!,)){amount('2')})?)"
        rf"(?:(?P<usep>\s?-?\s?|\s+of\s+)(?P<unit>{units})(?![\w]))?"
        rf"(?:(?P<pers>(?:\s+|\s?-)(?:{per})(?:\s+|-\s?))(?P<per>{per_nouns})\b(?!\s+(?:earlier|ago|before|later|on)\b))?",  # not "$6bn a year earlier"
        re.IGNORECASE)


# --- values ------------------------------------------------------------------------------------


def _spelled_value(text: str) -> tuple[float, float] | None:
    """(base, scale) of number words: "twenty-five" (25, 1), "five thousand" (5, 1000), "a dozen" (12, 1)."""
    v = vocabulary()
    total, current, scale = 0.0, 0.0, 1.0
    tokens = [w for w in re.split(r"[\s-]+", text.lower()) if w and w not in ("and", "a", "an")]
    for w in tokens:
        if w in v["number_words"]:
            n = v["number_words"][w]
            current = (current or 1) * n if w == "dozen" else current + n
        elif w in v["multipliers"]:
            m = v["multipliers"][w]
            current = (current or 1) * m
            if m >= 1000:
                total, current = total + current, 0.0
        else:
            return None
    value = total + current
    last = tokens[-1] if tokens else ""
    if last in v["multipliers"] and v["multipliers"][last] >= 1000 and len(tokens) > 1:
        scale = float(v["multipliers"][last])
        return value / scale, scale
    return value, 1.0


def _scale(text: str) -> float:
    """"million" 1e6, "hundred million" 1e8."""
    value = 1.0
    for word in text.lower().split():
        value *= float(vocabulary()["scales"][word])
    return value


def _scale_of(word: str) -> float:
    """The factor of a scale word as written ("billion", "bn"), 1 for none."""
    v = vocabulary()
    attached = _lookup(v["attached_scales"], word) if word else None
    if attached is not None:
        return float(attached)
    return _scale(word) if word and all(w in v["scales"] for w in word.lower().split()) else 1.0


def _fraction_value(text: str) -> float | None:
    v = vocabulary()
    words = re.split(r"[\s-]+", text.lower())
    if words == ["half"]:
        return 0.5
    head = words[0]
    n = 1.0 if head in ("a", "one") else _spelled_value(head)[0] if _spelled_value(head) else None
    share = v["fractions"].get(words[-1])
    return None if n is None or share is None else n * share


def _amount(m: re.Match, n: str, currency_after: bool) -> tuple[float, float, str, bool] | None:
    """(base value, scale, scale text, is a scale attached like "35m") of amount n of the match; "five and
    a half" adds a half to the base ("two and a half million": 2.5 million)."""
    found = _whole_amount(m, n, currency_after)
    if found is None or not m.group(f"half{n}"):
        return found
    base, scale, text, attached = found
    return base + 0.5, scale, text, attached


def _whole_amount(m: re.Match, n: str, currency_after: bool) -> tuple[float, float, str, bool] | None:
    v = vocabulary()
    num = m.group(f"num{n}")
    if num is None:
        return None
    if re.fullmatch(r"\d+[/⁄]\d+", num):
        top, bottom = re.split(r"[/⁄]", num)
        return (int(top) / int(bottom), 1.0, "", False) if int(bottom) else None
    if re.match(r"-|minus|\.?\d", num, re.IGNORECASE):
        sign = -1.0 if re.match(r"-|minus", num, re.IGNORECASE) else 1.0
        mantissa = num[:m.start(f"exp{n}") - m.start(f"num{n}")] if m.group(f"exp{n}") else num
        mantissa = re.sub(r"\s?(?:×\s?10\s?\^?|[xX]\s?10\s?\^)\s?$", "", mantissa)
        base = sign * float(re.sub(r"^(?:-|minus[\s-]?)|,", "", mantissa, flags=re.IGNORECASE))
        if m.group(f"exp{n}"):
            base *= 10.0 ** int(m.group(f"exp{n}").replace("−", "-"))
    elif re.search(r"(?:" + _alt(v["fractions"]) + r")$", num, re.IGNORECASE) and not num.lower().endswith("dozen"):
        f = _fraction_value(num)
        if f is None:
            return None
        return f, 1.0, "", False
    else:
        parsed = _spelled_value(num)
        if parsed is None:
            return None
        base, scale = parsed
        if m.group(f"scale{n}"):
            return base * scale, _scale(m.group(f"scale{n}")), m.group(f"scale{n}"), False
        return base, scale, "", False
    if m.group(f"scale{n}"):
        return base, _scale(m.group(f"scale{n}")), m.group(f"scale{n}"), False
    if m.group(f"att{n}"):
        return base, float(v["attached_scales"][m.group(f"att{n}").lower()]), m.group(f"att{n}"), True
    return base, 1.0, "", False


# --- exclusions --------------------------------------------------------------------------------


def _time_spans(doc: Doc) -> list[tuple[int, int, str, str]]:
    """(start, end, type, rule) of the time expressions of the doc, found once per doc if the
    `backchannel_times` component did not run."""
    timexes = doc._.timexes if Doc.has_extension("timexes") else None
    if timexes is None:
        cached = doc.user_data.get("backchannel_quantity_timexes")
        if cached is None:
            cached = find_timexes(doc_text(doc))
            doc.user_data["backchannel_quantity_timexes"] = cached
        timexes = cached
    return [(t.start, t.end, t.type, t.rule) for t in timexes]


ERA = r"(?:A\.D\.|AD|B\.C\.(?:E\.)?|BCE?|C\.E\.|CE)"
YEARS = (re.compile(rf"\b{ERA}\s+\d{{1,4}}(?:\s*(?:-|–|to|and)\s*\d{{1,4}})?(?![\d,.]\d)"  # "A.D. 1000 and 1260"
                    rf"|(?<![\d,.])\d{{1,4}}(?:\s*(?:-|–|to|and)\s*\d{{1,4}})?\s+{ERA}(?!\w)"),  # "500 BC"
         re.compile(r"(?<![\d,.])(?:19|20)(\d\d)[-–/](\d\d)(?![\d,.%-]|\s*(?:per|percent)\b)"))  # a season "2014-15"
YEAR_SPAN = re.compile(r"\b(?:between|from)\s+(\d{4})\s*(?:and|to|-|–)\s*(\d{4})(?![\d,.%])", re.IGNORECASE)


def _year_spans(doc: Doc, start: int, end: int, times) -> list[tuple[int, int, str, str]]:
    """Years the time tagger leaves to context: of an era ("A.D. 1000 and 1260", "500 BC"), a season
    ("the 2014-15 season") and both ends of a span of years one end of which it read ("between 1600 and 1900"),
    unless the span counts a plural noun ("from 1000 to 2000 workers")."""
    text = doc_text(doc)
    out = [(m.start(), m.end(), "DATE", "era") for m in YEARS[0].finditer(text, start, end)]
    out += [(m.start(), m.end(), "DATE", "season") for m in YEARS[1].finditer(text, start, end)
            if int(m.group(2)) == (int(m.group(1)) + 1) % 100]
    out += [(m.start(1), m.end(2), "DATE", "years") for m in YEAR_SPAN.finditer(text, start, end)
            if any(t_type == "DATE" and t_start < m.end(i) and m.start(i) < t_end
                   for i in (1, 2) for t_start, t_end, t_type, _ in times) and not _counts_plural(_token_at(doc, m.start(2)))]
    return out


def _counts_plural(tok: Token | None) -> bool:
    return tok is not None and tok.dep_ == "nummod" and tok.head.tag_ in ("NNS", "NNPS")


def _span_end(t: tuple[int, int, str, str], text: str, times) -> bool:
    """"from 1000 to 2000 hires": a bare year-like number that ends a span from a figure that is no year."""
    start = re.search(r"\b(?:from|between)\s+(\d[\d,.]*)\s+(?:to|and)\s+$", text[max(0, t[0] - 40):t[0]], re.IGNORECASE)
    if t[3] != "year-alone" or start is None:
        return False
    at = max(0, t[0] - 40) + start.start(1)
    return not any(s < at + len(start.group(1)) and at < e for s, e, _, _ in times)


TIME_AFTER = re.compile(r"^\s?(?:[ap]\.?m\b\.?|gmt|utc|edt|est|bst|cet|[ap]\.m\.)", re.IGNORECASE)
AGE = re.compile(r"^[\s-]*(?P<unit>years?|yrs?|months?|weeks?|days?)[\s-]+old\b", re.IGNORECASE)
OFFSET = (re.compile(r"\b(?:within|after)\s+$", re.IGNORECASE),
          re.compile(r"^\s+(?:after|before|later|earlier|ago|into|from now)\b", re.IGNORECASE))


def _is_label(text: str, sent_start: int, start: int, m: re.Match) -> bool:
    """"Section 427", "S&P 500", "COVID-19", "iPhone 11", "49 Elm Road": a number that names rather than counts."""
    if _qualifier(m) or m.group("cur1") or m.group("rng") or m.group("vague"):
        return False
    num = m.group("num1") or ""
    before = text[sent_start:start]
    if re.search(r"[^\W\d_][-‐]$|[A-Z]{2,}\s-$", before):  # COVID-19, F-35, "COVID -19"
        return True
    if re.search(rf"\b(?i:{_alt(vocabulary()['sequence_words'])})\s+$", before) and not m.group("unit") and \
            re.match(r"\s*(?:[,.;:!?)\n]|[-–—]\s|(?:of|on|since)\b|$)", text[m.end():]):
        return True  # "day five", "round 3 of the talks": the place in a sequence, not a count
    streets = _alt(vocabulary()["street_words"])
    if re.fullmatch(r"\d+", num) and not m.group("scale1") and re.match(
            rf"(?:\s+[A-Z0-9][\w.]*){{1,3}}\s+(?i:{streets})(?!\w)|\s+(?=[A-Z])(?i:{streets})\s+[A-Z]", text[m.end("num2" if m.group("num2") else "num1"):]):
        return True  # a street address: "49 Elm Road", "16-18 Elm Road", "9 E 71st St" (not 9 watts), "22 Ave Foch"
    if m.group("unit") or m.group("scale1") or not num[:1].isdigit() and not re.match(r"-\d", num):
        return False
    if num.startswith("-") and re.search(r"[A-Z]{2,}\s$", before):  # "COVID -19", not "FTSE -0.6%"
        return True
    prev = re.search(r"([\w&.'/-]+)\s+$", before)
    if not prev:
        return False
    word = prev.group(1)
    if word.lower().rstrip(".") in {w.rstrip(".") for w in vocabulary()["label_words"]}:
        return True
    if re.match(r"[a-z]+[A-Z]", word):  # "iPhone 11", "eBay 2"
        return True
    # a figure right after a capitalised name, not at the start of the sentence: "S&P 500", "Big 12"
    return bool(re.match(r"[A-Z]", word)) and "." not in word[-1:] and re.search(r"\w", before[:prev.start()]) is not None


# --- the parse ---------------------------------------------------------------------------------

NOMINAL = {"NOUN", "PROPN"}


def _noun_phrase(noun: Token, exclude: set[int]) -> list[Token]:
    """The noun with its compounds and adjectives (and theirs), not the figure itself."""
    out = [noun]
    for child in noun.children:
        if child.i in exclude:
            continue
        if child.dep_ in ("compound", "amod", "nmod") and child.i < noun.i:
            out.extend(_noun_phrase(child, exclude))
        elif child.dep_ == "poss" and child.pos_ in NOMINAL:
            out.extend(_noun_phrase(child, exclude))
    return out


def _postmodifiers(noun: Token, exclude: set[int]) -> list[Token]:
    """A relative or participle clause after the noun ("prisoners to be released", "hostages held in Gaza")."""
    out: list[Token] = []
    for child in noun.rights:
        if child.i in exclude:
            continue
        if child.dep_ in ("acl", "relcl") and child.pos_ in ("VERB", "AUX"):
            out.extend(_verb_phrase(child, exclude))
        elif child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.pos_ in NOMINAL and pobj.i not in exclude:
                    out.extend(_noun_phrase(pobj, exclude))
    return out


def _verb_phrase(verb: Token, exclude: set[int]) -> list[Token]:
    """The verb with its particle, negation, adverbs like "still", prepositional objects and complements."""
    out = [verb] if verb.pos_ == "VERB" or verb.dep_ in ("acl", "relcl") else []
    for child in verb.children:
        if child.i in exclude:
            continue
        if child.dep_ in ("dobj", "attr") and child.pos_ in NOMINAL and verb.dep_ not in ("acl", "relcl"):
            out.extend(_noun_phrase(child, exclude))
        elif child.dep_ in ("prt", "neg", "acomp", "oprd") or (child.dep_ == "advmod" and child.i < verb.i + 2
                                                              and child.lower_ in ("still", "already", "yet")):
            out.append(child)
        elif child.dep_ in ("aux", "auxpass") and verb.dep_ in ("acl", "relcl"):
            out.append(child)
        elif child.dep_ == "prep" and child.i > verb.i:
            pobjs = [p for p in child.children if p.dep_ == "pobj" and p.pos_ in NOMINAL and p.i not in exclude]
            if pobjs:
                out.append(child)
                out.extend(_noun_phrase(pobjs[0], exclude))
        elif child.dep_ == "xcomp":
            out.extend(_verb_phrase(child, exclude))
    return out


def _governing_verb(tok: Token) -> Token | None:
    while tok.head != tok:
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            return tok
    return None


def _subject(verb: Token) -> Token | None:
    """The verb's subject, or the subject of the verb it depends on ("rose 5% to end at 27,000")."""
    for _ in range(4):
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass", "csubj") and child.pos_ in NOMINAL:
                return child
        if verb.dep_ in ("xcomp", "conj", "advcl", "ccomp") and verb.head != verb:
            if verb.dep_ == "ccomp":
                return None
            verb = verb.head
        else:
            return None
    return None


def _in_subject(tok: Token, verb: Token) -> bool:
    while tok.head != tok and tok.head != verb:
        tok = tok.head
    return tok.dep_ in ("nsubj", "nsubjpass", "csubj", "expl")


def _lemma_in(tok: Token, words: set[str]) -> bool:
    return tok.lower_ in words or tok.lemma_.lower() in words


@lru_cache(maxsize=1)
def _word_sets() -> dict[str, set[str]]:
    v = vocabulary()
    return {k: {w.lower() for w in v[k]} for k in ("change_up", "change_down", "change_endpoints", "certainty_cues")}


def _change(root: Token, tokens: Span, before: str, after: str) -> str | None:
    """"up"/"down" when the figure is the amount of a change told by a verb or "up"/"down" ("rose 5%",
    "up 5%"), else None; a change noun does not make it one ("a 5% rise")."""
    sets = _word_sets()
    prev = re.search(r"(\w+)\W*$", before)
    prev_tok = _token_at(root.doc, tokens.sent.start_char + prev.start(1)) if prev else None
    particle = prev_tok is not None and prev_tok.dep_ == "prt" and not _lemma_in(prev_tok.head, sets["change_up"] | sets["change_down"])
    if prev and prev.group(1).lower() in ("up", "higher") and not particle:
        return "up"
    if prev and prev.group(1).lower() in ("down", "lower") and not particle:
        return "down"
    tok, prep = root, None
    for _ in range(3):
        head = tok.head
        if head == tok:
            return None
        if tok.dep_ == "pobj":
            prep = head.lower_
            tok = head
            continue
        if prep in sets["change_endpoints"]:
            return None
        if tok.dep_ in ("dobj", "npadvmod", "advmod", "prep", "nummod", "compound", "amod", "attr", "nsubj", "quantmod") \
                or (tok.dep_ == "prep" and prep == "by"):
            told = head.pos_ == "VERB" or head.lower_ in ("up", "down", "higher", "lower")
            if _lemma_in(head, sets["change_up"]) and told:
                return "up"
            if _lemma_in(head, sets["change_down"]) and told:
                return "down"
        break
    by = re.search(r"(\w+)\s+by\s+$", before)  # "valve lift was increased by 18 degrees", "grew by 125,600"
    verb = _token_at(root.doc, tokens.sent.start_char + by.start(1)) if by else None
    if verb is not None and (verb.pos_ in ("VERB", "AUX") or verb.dep_ == "ROOT"):  # a misparsed "X decrease by 1"
        if _lemma_in(verb, sets["change_up"]):
            return "up"
        if _lemma_in(verb, sets["change_down"]):
            return "down"
    return None


def _certainty(verb: Token | None, sent: Span) -> tuple[str, ...]:
    cues = _word_sets()["certainty_cues"]
    found: list[str] = []
    tok = verb
    while tok is not None:
        for t in [tok, *tok.children]:
            if (t == tok or t.dep_ in ("advmod", "aux", "amod")) and _lemma_in(t, cues) and t.lower_ not in found:
                found.append(t.lower_)
        tok = tok.head if tok.head != tok else None
    if "according to" in cues and re.search(r"\baccording to\b", sent.text, re.IGNORECASE):
        found.append("according to")
    return tuple(found)


# --- reading -----------------------------------------------------------------------------------


def read_quantities(sent: Span, ages: bool = False, offsets: bool = False) -> list[Quantity]:
    """The quantities of one parsed sentence, in text order; ages too (kind "age") if asked."""
    doc = sent.doc
    text = doc_text(doc)
    times = [t for t in _time_spans(doc) if t[0] < sent.end_char and t[1] > sent.start_char]
    times += _year_spans(doc, sent.start_char, sent.end_char, times)
    times = [t for t in times if not _span_end(t, text, times)]
    matches: list[re.Match] = []
    pos = sent.start_char
    while (m := pattern().search(text, pos, sent.end_char)) is not None:
        pos = m.end()
        if not (m.group("num1") or m.group("vague")):
            continue
        if m.group("num2") and _overlaps_time(m.start("num1"), m.end("num1"), times, None, False) \
                and not _overlaps_time(m.start("num2"), m.end("num2"), times, None, False):
            pos = m.start("cur2") if m.group("cur2") else m.start("num2")  # "in 2018 to 3.9 million"
            continue
        matches.append(m)
    # the words of every figure expression: none of them is what another figure measures ("gained 0.7 percent
    # to 6,327.80" measures the index, not "percent"); a match read as no figure ("KX-200", "S&P 500") blocks nothing
    def words(ms: list[re.Match]) -> set[int]:
        return {t.i for m in ms for t in (doc.char_span(m.start(), m.end(), alignment_mode="expand") or ())}

    figures = words(matches)
    read = [(m, _read(m, sent, times, figures)) for m in matches]
    kept = words([m for m, q in read if q is not None])
    if kept != figures:
        figures = kept
        read = [(m, _read(m, sent, times, figures) if q is not None else None) for m, q in read]
    found: list[Quantity] = [q for _, qs in read if qs is not None for q in qs]
    found = _shared_units(_conversions(_ranges(found, text), text), text)
    found = [_with_leading_noun(q, sent, figures, times) for q in found]
    return [q for q in found if (ages or q.kind != "age") and (offsets or q.kind != "offset")]


COORDINATED = re.compile(r"[^.;:()]{0,60}?(?:\band\b|\bbut\b|\bwhile\b|\bwhilst\b|\bincluding\b|\bcompared (?:with|to)\b"
                         r"|\bversus\b|\bvs\b)[^.;:()]{0,40}", re.IGNORECASE)


def _shared_units(found: list[Quantity], text: str) -> list[Quantity]:
    """A bare figure (no unit, no counted noun) coordinated with the figure before it takes that figure's unit
    ("2 percent but the other fell by 1", "84.75 cents, while the lowest is 74.07"; a counted noun is left
    to the claims ledger, which reads "60 freed, including 52 in a swap" as a part of a total), as does the end point of a movement in points or money ("rose 64
    points to 4,577") or of a span ("from 14-18 mpg to 24"); a bare figure right before "or" and a figure with a unit takes its unit ("8 or $9").
    A bare figure coordinated with a count, or the start point after it ("3.9m headsets, up from 2.4m"), takes its
    counted phrase only (`counted` stays None for the ledger)."""
    out = list(found)
    for i, q in enumerate(out):
        if q.unit is not None or q.counted is not None or q.kind not in ("", "from"):
            continue
        prev = out[i - 1] if i else None
        after = out[i + 1] if i + 1 < len(out) else None
        source = None
        if prev is not None and prev.unit is not None and prev.kind != "age":
            gap = text[prev.end:q.start]
            moved = prev.change in ("up", "down") and re.fullmatch(r"[^.;:()]{0,25}\bto\s+", gap) \
                and prev.unit not in (None, "percent", "percentage point")
            spanned = (prev.kind == "from" or prev.low is not None) and re.fullmatch(r"\s*to\s+", gap)
            if COORDINATED.fullmatch(gap) or moved or spanned:  # "from 14-18 mpg to 24"
                source = prev
        if source is None and after is not None and after.unit is not None \
                and re.fullmatch(r"\s+or\s+", text[q.end:after.start]):
            source = after
        if source is not None:
            out[i] = replace(q, unit=source.unit)
        elif prev is not None and prev.unit == "percent" and prev.change in ("up", "down") and q.kind == "" \
                and re.fullmatch(r"[^.;:()]{0,25}\b(?:to|at)\s+", text[prev.end:q.start]) \
                and any(p.unit == "point" for p in found):  # "lost 1.1% to end at 1,334.20", the index in points
            out[i] = replace(q, unit="point")
        elif q.counted_phrase is None:  # "435 homes by sale and 187 by tender": 187 homes, for the reader only
            near = [p for p, gap in ((prev, text[prev.end:q.start] if prev else ""), (after, text[q.end:after.start] if after else ""))
                    if p is not None and p.counted_phrase and p.unit is None and p.kind == ""
                    and (COORDINATED.fullmatch(gap) or p is prev and q.kind == "from" and re.fullmatch(r"[\s,]*(?:up|down)?\s*", gap))]
            if near:
                out[i] = replace(q, counted_phrase=near[0].counted_phrase)
    return out


def _conversions(found: list[Quantity], text: str) -> list[Quantity]:
    """A figure in brackets right after another ("more than 100 km (60 miles)") is the same amount in other
    units: it takes the qualifier, the change and the thing measured of the first; one joined by "or" the change
    and the thing measured; the start point after "up"/"down" ("70% of the fund, up from 50%") the thing measured."""
    out: list[Quantity] = []
    for q in found:
        prev = out[-1] if out else None
        if prev is not None and re.fullmatch(r"\s*\(", text[prev.end:q.start]):
            q = replace(q, referred=prev.referred or q.referred)
            if q.qualifier == "exact" and prev.qualifier != "exact" or q.change == "=" and prev.change in ("up", "down"):
                q = replace(q, qualifier=prev.qualifier, change=prev.change)
        elif prev is not None and not q.referred and prev.change in ("up", "down") \
                and re.fullmatch(r"[^.;:()]{0,12}?\b(?:to|at)\s+", text[prev.end:q.start]):
            q = replace(q, referred=prev.referred)  # "Acme rose 4% to $84": the end point of the same thing
        elif prev is not None and q.kind == "from" and re.fullmatch(r"[^.;:()]{0,40}?\b(?:up|down)\s+", text[prev.end:q.start]):
            q = replace(q, referred=prev.referred or q.referred)  # "70% of the grant goes to food, up from 40%"
        elif prev is not None and re.fullmatch(r"\s*,?\s*or\s+", text[prev.end:q.start]):
            q = replace(q, referred=q.referred or prev.referred,  # "lost 190 points, or 0.6%"
                        change=prev.change if q.change == "=" and prev.change in ("up", "down") else q.change)
        out.append(q)
    return out


def _ranges(found: list[Quantity], text: str) -> list[Quantity]:
    """Join "between 5% and 6%", "from 1 per cent to 1.5 per cent", "5% to 10%", "from 450 sq ft up to 900 sq
    ft", "$920 to $1,730 a week" into ranges: two point values with one unit (a rate may be written once, after the
    second), joined by "and" after "between", by "up to" after "from", or by "to" or a dash, rising."""
    out: list[Quantity] = []
    for q in found:
        prev = out[-1] if out else None
        opener = re.match(r"(?:\w+\s+)*?(between|from)\s", prev.text.lower()) if prev is not None else None
        if prev is not None and prev.value is not None and q.value is not None and prev.value < q.value \
                and (prev.unit in (q.unit, None) or q.unit and q.unit.split(" per ")[0] == prev.unit) \
                and (prev.change not in ("up", "down") or opener and opener.group(1) == "between"):
            between = text[prev.end:q.start].lower()
            by = re.search(r"\bby\s+$", text[max(0, prev.start - 4):prev.start].lower())
            joined = re.fullmatch(r"\s*(?:-|–|—|to)\s*", between) or (opener and opener.group(1) == "between"
                                                                     and re.fullmatch(r"\s+and\s+", between)) \
                or opener and opener.group(1) == "from" and q.qualifier == "up to" and re.fullmatch(r"\s+", between)
            if joined and (opener or not by and q.unit is not None):
                low, scale = prev.value, _scale_of(q.scale_text)
                if not prev.scale_text and scale > 1 and low * scale < q.value and not opener:
                    low *= scale  # "33-35 billion euros" read as 33 and "35 billion euros"
                out[-1] = replace(prev, end=q.end, text=text[prev.start:q.end], value=None, low=low,
                                  high=q.value, unit=q.unit, counted=q.counted or prev.counted,
                                  change=prev.change if prev.qualifier != "exact" else q.change,
                                  scale_text=prev.scale_text or q.scale_text, kind="")
                continue
        out.append(q)
    return out


def _overlaps_time(start: int, end: int, times, number_tok: Token | None, marked: bool) -> bool:
    for t_start, t_end, t_type, rule in times:
        if t_start < end and start < t_end and t_type in ("DATE", "TIME", "SET"):
            # a year-like figure with a unit or counting a plural noun is a quantity ("2000 workers", "$2000")
            if rule == "year-alone" and (marked or _counts_plural(number_tok)):
                continue
            return True
    return False


def _read(m: re.Match, sent: Span, times, figures: frozenset[int] | set[int] = frozenset()) -> list[Quantity] | None:
    doc, text, v = sent.doc, doc_text(sent.doc), vocabulary()
    start, end = m.start(), m.end()
    after = text[end:sent.end_char]
    core_end = max(m.end(g) for g in ("scale2", "att2", "num2", "scale1", "att1", "num1", "vague") if m.group(g))
    age = AGE.match(text[core_end:sent.end_char])
    if re.search(r"\baged?\s+$", text[sent.start_char:start], re.IGNORECASE):
        return None
    num_start = m.start("num1") if m.group("num1") else m.start("vague")
    if _is_label(text, sent.start_char, num_start, m):
        return None
    num_tok = _token_at(doc, num_start)
    if _names_model(num_tok, m):
        return None
    marked = bool(m.group("unit") or m.group("cur1") or m.group("scale1") or _qualifier(m) or m.group("att1"))
    if _overlaps_time(num_start, core_end, times, num_tok, marked) or TIME_AFTER.match(text[core_end:sent.end_char]):
        return None
    offset = _is_offset(start, end, text, sent, times)
    if age is None and _apposed_age(num_tok, m):
        age = AGE.match(" years old")
    if not m.group("unit") and re.match(r"[^\W_]", text[core_end:core_end + 1]):
        return None  # "5G", "3D": a name, not a figure
    if not marked and text[start - 1:start] == "(" and text[end:end + 1] == ")":
        return None  # "(4)": a shirt number or a reference
    tally = False
    if m.group("sep") and m.group("sep").strip() in ("-", "–", "—") and not m.group("rng") and m.group("num2") \
            and re.fullmatch(r"\d+", m.group("num1")) and re.fullmatch(r"\d+", m.group("num2")) \
            and int(m.group("num1")) >= int(m.group("num2")):
        if not _tally(num_tok):
            return None  # "2-0", "89-89": a score
        tally = True  # "approved it 10-1": votes
    num = (m.group("num1") or "").lower()
    if num == "half" and re.search(r"\b(?:first|second|last|latter|former)\s+$", text[sent.start_char:start], re.IGNORECASE):
        return None  # "in the second half of the game": a part of a match or a time, not a share
    if num in [w for w in vocabulary()["multipliers"]] + ["dozen"]:
        return None  # "hundred", "baker's dozen" without a number
    if num == "one" and num_tok is not None and not marked and not (
            num_tok.dep_ == "nummod" or re.match(r"\s+of\b", after)) or num == "one" and text[num_start] == "O" \
            and re.search(r"[A-Za-z]\s*$", text[:num_start]):
        return None  # "each one", "the same one", "BBC One"

    cur = (m.group("cur1") or "").strip()
    if cur.lower() == "ps" and (cur != "PS" or re.fullmatch(r"\d", num) and not (m.group("scale1") or m.group("att1"))):
        return None  # "PS" stands for "£" only in capitals, and "PS5" is a name

    # unit and currency
    unit_word = m.group("unit")
    currency = _lookup(v["currency_prefixes"], m.group("cur1") or m.group("cur2") or "")
    unit: str | None = None
    if unit_word:
        key = unit_word.lower()
        unit = v["cased_units"].get(unit_word) or _lookup(v["units"], key)
        if unit is None and unit_word.lower() in {c.lower() for c in v["cased_units"]}:
            unit, unit_word, end = None, None, m.start("usep")  # "two war crimes": a word, not "WAR"
        elif unit is None:
            singular = re.sub(r"(?:e?s)$", "", key) if key not in v["currency_words"] else key
            code = _lookup(v["currency_words"], key) or _lookup(v["currency_words"], singular)
            if code is not None:
                currency = code
        elif key in v["attached_only_units"] and m.group("usep"):
            unit, unit_word, end = None, None, m.start("usep")
        elif m.group("usep") and m.group("usep").strip() == "of":
            unit, unit_word, end = None, None, m.start("usep")
    if currency:
        unit = currency
    elif tally:
        unit = "vote"
    per = m.group("per")
    if age is not None:
        unit, unit_word, end = _lookup(v["units"], age.group("unit")) or "year", None, core_end + age.end()
    if per and unit:
        unit = f"{unit} per {_lookup(v['units'], per) or per.lower().rstrip('s')}"
    elif per:
        end = m.start("pers")  # "100 trucks a day": the rate belongs to the counted noun, not a unit

    # values
    vague = m.group("vague")
    if vague:
        words = vague.lower().split()
        scale = float(v["vague_scales"][words[-1]])
        if len(words) > 1:
            scale *= float(v["vague_scales"][words[0]])
        low, high, value, scale_text = scale, scale * 10, None, words[-1]
    else:
        a1 = _amount(m, "1", bool(currency))
        if a1 is None:
            return None
        a2 = _amount(m, "2", bool(currency)) if m.group("num2") else None
        base1, scale1, scale_text, attached = a1
        if attached and not currency and m.group("att1") == "m" and unit_word is None \
                and re.match(r"\s*(?:[(),.;:-]|$|long|tall|high|deep|wide|away|race|above|below|under)", text[m.end("att1"):sent.end_char]):
            base1, scale1, scale_text, unit = base1, 1.0, "", "metre"  # "the 100m race", "37m (121ft)"
        if a2 is not None:
            base2, scale2, scale_text2, _ = a2
            if scale1 == 1.0 and scale2 > 1.0 and base1 < base2:
                scale1 = scale2  # "$89 to $93 billion", "four to five thousand"
            scale_text = scale_text or scale_text2
            low, high = base1 * scale1, base2 * scale2
            if low >= high or m.group("rng") == "from" and _governed_by_change(num_tok) \
                    or m.group("sep").strip() == "to" and re.search(r"\bby\s+$", text[sent.start_char:start]) \
                    and (m.group("cur1") or m.group("scale1") or m.group("att1") or high > 2 * low):
                return _split(m, sent, times, low, high, unit, figures)  # "fell from 9% to 7%", "rose by $2bn to $9bn"
            # "fell by 1 to 1.5 degrees": the unit written once over two near amounts is a range
            value = None
        else:
            value, low, high = base1 * scale1, None, None

    # qualifier
    qualifier, change = "exact", "="
    if written := _qualifier(m):
        qualifier, change = _lookup(v["qualifiers"], written)
        if _across(written, text[core_end:sent.end_char]):
            qualifier, change, start = "exact", "=", num_start  # "over six rounds of talks": across them, not more
    elif re.match(r"\s*(?:or more|or so|\+|-?plus)\b", after):
        qualifier, change = ("more than", ">") if "so" not in after[:8] else ("about", "~")

    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    root = span[-1] if vague else _top(_token_at(doc, core_end - 1), span) or span.root
    # the figure's own top token, not "An" of "An estimated 5 million"; "tens of thousands of students": students
    exclude = {t.i for t in span}
    counted, core = _counted(span, root, num_tok, unit)
    before = text[sent.start_char:start]
    moved = _change(root, span, before, after)
    if moved and (change == "=" or change == "~" and not re.search(r"\b(?:up|down|higher|lower)\W*$", before, re.I)):
        change = moved  # "rose about 1.5%" is a rise; "up about 19 cents" stays about
    if change == "=" and (unit in ("percent", "point", "percentage point") or currency):
        change = "up" if text[num_start - 1:num_start] == "+" else "down" if (value or 0) < 0 else change  # "+0.2%"
    kind = "offset" if offset else "age" if age is not None else "share" if _is_fraction_word(num) and unit is None \
        else "from" if m.group("rng") == "from" and value is not None else ""
    if kind == "from" and change in ("up", "down"):
        change = "="  # the start point of a movement, not its amount
    verb = _governing_verb(core if core is not None else root)
    concept_tokens = _concept(span, root, core, counted is not None, verb, exclude | figures)
    concept_tokens = sorted({t.i: t for t in concept_tokens if t.i not in exclude and sent.start <= t.i < sent.end
                             and not _in_clock_time(t)}.values(), key=lambda t: t.i)
    concept = " ".join(t.text for t in concept_tokens)
    return [Quantity(
        start=start, end=end, text=text[start:end], value=value, low=low, high=high, qualifier=qualifier,
        change=change, unit=unit, counted=counted, concept=concept,
        concept_start=concept_tokens[0].idx if concept_tokens else None,
        concept_end=concept_tokens[-1].idx + len(concept_tokens[-1]) if concept_tokens else None,
        certainty=_certainty(verb, sent), scale_text=scale_text or "",
        counted_phrase=_count_phrase(core, span) if counted else None, kind=kind,
        referred=_referred(span, root, core, counted is not None, unit, verb, exclude | figures))]


def _in_clock_time(token: Token) -> bool:
    """ "09:15 GMT - Raid kills four": a live blog's time stamp, which the parser may hang on the headline's
    subject, says nothing of what is counted."""
    doc = token.doc
    return token.i > 0 and re.fullmatch(r"\d{1,2}[:.]\d\d", doc[token.i - 1].text) is not None and \
        TIME_AFTER.match(" " + token.text) is not None


def _is_fraction_word(num: str) -> bool:
    v = vocabulary()
    return bool(re.search(r"(?:" + _alt(v["fractions"]) + r")$", num, re.IGNORECASE)) and not num.endswith("dozen")


def _names_model(tok: Token | None, m: re.Match) -> bool:
    """"the 787 Dreamliner", "the 11 Pro Max": a bare number that modifies a capitalised singular name after it
    names a model; a count of more than one takes a plural ("12 Apostles", "3 Hamas fighters", "3 USD50 Cards"),
    also when the parser hangs it on the name before that plural ("30 Thai nationals")."""
    if tok is None or not tok.is_digit or tok.text == "1" or any(
            m.group(g) for g in ("qual", "qual2", "sym", "cur1", "unit", "scale1", "att1", "rng", "num2", "per")):
        return False
    head = tok.head
    if head.dep_ in ("compound", "amod", "nmod") and head.head.i == head.i + 1 and head.head.tag_ == "NNS":
        return False
    return tok.dep_ == "nummod" and head.i > tok.i and head.tag_ == "NNP" and not head.lower_.endswith("s") and tok.i + 1 < len(tok.doc) \
        and tok.nbor(1).text[:1].isupper()


def _is_offset(start: int, end: int, text: str, sent: Span, times) -> bool:
    """"within two weeks", "some six weeks after the deal": a length of time the time tagger read that
    only places a happening in time; "after ten days of talks" is the length of the talks."""
    before = OFFSET[0].search(text[sent.start_char:start])
    if before and before.group().lower().startswith("after") and re.match(r"\s+of\b", text[end:end + 5]):
        before = None
    return any(t_start <= start and end <= t_end and t_type == "DURATION" for t_start, t_end, t_type, _ in times) \
        and bool(before or OFFSET[1].match(text[end:sent.end_char]))


def _apposed_age(tok: Token | None, m: re.Match) -> bool:
    """"Maddon, 66, has ...": a bare whole number between commas after a name."""
    if tok is None or m.group("num2") or m.group("unit") or m.group("scale1") or _qualifier(m) or not tok.is_digit:
        return False
    doc = tok.doc
    return 0 < int(tok.text) < 120 and tok.i >= 2 and doc[tok.i - 1].text == "," and doc[tok.i - 2].pos_ == "PROPN" \
        and (tok.i + 1 >= len(doc) or doc[tok.i + 1].text in (",", ".", ";"))


def _tally(tok: Token | None) -> bool:
    """ "approved it 10-1", "voted 52-48", "by a 7-3 vote": a pair of numbers a vote governs is its tally, two
    figures (votes for, votes against)."""
    words = vocabulary()["vote_words"]
    return tok is not None and any(t.lemma_.lower() in words for t in [tok, *tok.ancestors][:4])


def _across(written: str, after: str) -> bool:
    """ "reached over six rounds of talks", "over three days of negotiations": "over" before a count of the rounds
    or days of an activity is the preposition "across", not "more than" (which "over 200 prisoners" is)."""
    units = _alt(vocabulary()["sequence_words"])
    return written.lower() == "over" and re.match(rf"\s*(?i:{units})s?\s+of\b", after) is not None


def _qualifier(m: re.Match) -> str | None:
    """The qualifier written before the figure, or after its "from" or "between" ("from about 90")."""
    return m.group("qual") or m.group("sym") or m.group("qual2")


def _split(m: re.Match, sent: Span, times, first: float, second: float, unit: str | None,
           figures: frozenset[int] | set[int] = frozenset()) -> list[Quantity]:
    """"2-0", "from 5% to 7%": two figures, not a range. Each keeps the unit written with either."""
    out, text = [], doc_text(sent.doc)
    for n, value in (("1", first), ("2", second)):
        q_start = m.start(f"cur{n}") if m.group(f"cur{n}") else m.start(f"num{n}")
        q_end = m.end(f"scale{n}") if m.group(f"scale{n}") else m.end(f"num{n}")
        if n == "2" and m.group("unit"):
            q_end = m.end()
        span = sent.doc.char_span(q_start, q_end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        counted, core = _counted(span, root, _token_at(sent.doc, m.start(f"num{n}")), unit)
        verb = _governing_verb(core if core is not None else root)
        exclude = {t.i for t in span} | figures
        tokens = sorted({t.i: t for t in _concept(span, root, core, counted is not None, verb, exclude)
                         if t.i not in exclude and sent.start <= t.i < sent.end}.values(), key=lambda t: t.i)
        change = "=" if n == "2" or m.group("rng") == "from" else \
            _change(root, span, text[sent.start_char:q_start], text[q_end:sent.end_char]) or "="
        qualifier = _lookup(vocabulary()["qualifiers"], _qualifier(m))[0] if n == "1" and _qualifier(m) else "exact"
        out.append(Quantity(q_start, q_end, text[q_start:q_end], value, None, None, qualifier, change, unit,
                            counted, " ".join(t.text for t in tokens), tokens[0].idx if tokens else None,
                            tokens[-1].idx + len(tokens[-1]) if tokens else None, _certainty(verb, sent),
                            kind="from" if n == "1" and m.group("rng") == "from" else "",
                            referred=_referred(span, root, core, counted is not None, unit, verb, exclude)))
    return out


def _governed_by_change(tok: Token | None) -> bool:
    if tok is None:
        return False
    sets = _word_sets()
    for anc in list(tok.ancestors)[:4]:
        if anc.pos_ == "VERB":
            return _lemma_in(anc, sets["change_up"] | sets["change_down"])
    return False


def _top(tok: Token | None, span: Span) -> Token | None:
    """The token's highest ancestor inside the span."""
    while tok is not None and tok.head != tok and span.start <= tok.head.i < span.end:
        tok = tok.head
    return tok


def _token_at(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _counted(span: Span, root: Token, num_tok: Token | None, unit: str | None) -> tuple[str | None, Token | None]:
    """(counted noun, the core noun of the concept): "105 hostages" -> ("hostage", hostages);
    "a 60-day ceasefire" -> (None, ceasefire); "seven of the hostages" -> ("hostage", hostages); "the nurses,
    four of whom" -> ("nurse", nurses)."""
    head = root.head
    while head.pos_ not in NOMINAL and head.dep_ in ("compound", "amod") and head.head != head and head.i >= span.end:
        head = head.head  # "a 352 μm pixel pitch": the figure hangs on a modifier of the noun
    outside = head != root and not (span.start <= head.i < span.end)
    if outside and root.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod", "npadvmod", "appos") \
            and head.pos_ in NOMINAL and head.i >= span.end:
        if unit is None:
            return _count_noun(head, span), head
        return None, head
    if unit is None and root.pos_ in NOMINAL and root.i >= span.end - 1 and num_tok is not None and root != num_tok \
            and root.lower_ not in vocabulary()["number_words"] and root.lower_ not in vocabulary()["vague_scales"] \
            and not root.like_num:
        return _count_noun(root, span), root  # the parse took the noun into the span ("2.3mn people")
    for child in root.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.pos_ in NOMINAL:
                    return (_count_noun(pobj, span) if unit is None else None), pobj
                if pobj.dep_ == "pobj" and pobj.lower_ == "whom":  # "the nurses, four of whom ..."
                    pobj = next((a for a in root.ancestors if a.pos_ in NOMINAL), None)
                    return ((_count_noun(pobj, span) if unit is None else None), pobj) if pobj is not None else (None, None)
                if pobj.dep_ == "pobj":
                    return None, None
    return None, None


def _count_noun(noun: Token, span: Span) -> str:
    words = [t for t in noun.lefts if t.dep_ == "compound" and t.pos_ in NOMINAL and t.i >= span.end]
    return " ".join([t.lower_ for t in words] + [noun.lemma_.lower()])


def _count_phrase(noun: Token | None, span: Span) -> str | None:
    """The counted noun with the words before it that modify it, adjectives as lemmas ("first-team player",
    "kia hyundai vehicle", "johnson deputy"), without adverbs, participles or the words adverbs grade ("decently sized", "recorded");
    a part of a group ("one of the oldest parks in the region") adds the nouns after it ("old park region")."""
    if noun is None:
        return None
    modifiers = [t for t in noun.lefts if t.dep_ in ("compound", "amod", "nmod", "poss") and t.i >= span.end]
    text = ""
    first = min((t.left_edge.i for t in modifiers if t.left_edge.i >= span.end), default=noun.i)
    for t in noun.doc[first:noun.i]:
        hyphened = t.text in "-‐" or t.i + 1 < len(t.doc) and t.nbor(1).text in "-‐" or t.i > 0 and t.nbor(-1).text in "-‐"
        if t.pos_ in ("DET", "PRON", "CCONJ", "PART", "PUNCT", "ADV") and t.text not in "-‐" \
                or t.tag_ in ("VBN", "VBG") and not hyphened or any(c.dep_ == "advmod" for c in t.children):
            continue
        text += (t.lemma_.lower() if t.pos_ == "ADJ" else t.lower_) + ("" if t.text in "-‐" or t.nbor(1).text in "-‐" else " ")
    words = [text + noun.lemma_.lower()]
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.i < span.end:  # "one of the X in Y"
        words += [p.lower_ for c in noun.rights if c.dep_ == "prep" and c.lower_ in ("in", "of", "on", "from")
                  for p in c.children if p.dep_ == "pobj" and p.pos_ in NOMINAL]
    return " ".join(words)


CONTENT = {"NOUN", "PROPN", "ADJ"}


def _referred(span: Span, root: Token, core: Token | None, counted: bool, unit: str | None, verb: Token | None,
              exclude: set[int]) -> tuple[str, ...]:
    """The content words of what the figure measures (see Quantity.referred)."""
    anchor = core if core is not None else root
    if _fronted_time(span, anchor, verb):
        return ()
    tokens: list[Token] = _named_mover(span, exclude)  # "Acme up 4%", "Nikkei +0.2%", "Unite Group, down 68p"
    owner = anchor.head if anchor.dep_ == "pobj" and anchor.head.lower_ == "of" else None
    if owner is not None and owner.head.pos_ in NOMINAL and owner.head.i not in exclude:
        tokens += _phrase(owner.head, exclude)  # "sales of 5,835 units", "a gain of 2%"
    if not counted and core is None:
        for child in root.rights:  # "60% of its market cap"
            if child.dep_ == "prep" and child.lower_ == "of":
                tokens += [t for p in child.children if p.dep_ == "pobj" and p.pos_ in NOMINAL for t in _phrase(p, exclude)]
    if not counted and core is not None:
        tokens += _phrase(core, exclude)  # "a $150,000 contract", "a 60-day ceasefire", "$5m of aid"
    elif counted and core is not None:  # "35 sections of the region": whose sections
        tokens += [t for c in core.rights if c.dep_ == "prep" and c.lower_ == "of"
                   for p in c.children if p.dep_ == "pobj" and p.pos_ in NOMINAL for t in _phrase(p, exclude)]
    if not tokens:
        owner = _worth_owner(anchor) or _bracket_owner(span)
        if owner is not None and owner.i not in exclude:
            tokens += _noun_phrase(owner, exclude)
    if verb is not None and not _in_subject(anchor, verb):
        # a figure that is an object or adjunct of its clause measures something of the clause's subject ("the well
        # has pumped 2 million barrels of oil", "Acme shares were up 4%") and of the verb's object when it is not
        # in that object ("took a shot from 25 yards"); the amount or end point of what the verb does to its object
        # is that object's alone ("boost the range by 35 miles")
        found = bool(tokens)
        subject, obj = _subject_noun(verb), _verb_object(anchor, verb)
        if obj is not None and anchor.dep_ == "pobj" and anchor.head.lower_ in ("by", "to") and anchor.head.head == verb:
            subject = None  # "cut prices by 5%": the amount of what the verb does to its object
        tokens += [t for n in (obj, subject) if n is not None and n.i not in exclude for t in _phrase(n, exclude)]
        if not found and anchor.dep_ == "pobj" and anchor.head.lower_ in ("for", "at"):  # "sells a version of the tool for $30"
            tokens += [t for c in verb.children if c.dep_ == "dobj" and c.pos_ in NOMINAL for t in _phrase(c, exclude)]
        elif not found and unit is not None and anchor.dep_ == "dobj":  # "paid $30 for the tool"
            tokens += [t for c in verb.children if c.dep_ == "prep" and c.lower_ == "for"
                       for p in c.children if p.dep_ == "pobj" and p.pos_ in NOMINAL for t in _phrase(p, exclude)]
    if not tokens and not counted:  # "sitting on $1bn in gains", "Total cost: $72,370"
        tokens += [t for c in anchor.rights if c.dep_ == "prep" and c.lower_ in ("in", "of", "from")
                   for p in c.children if p.dep_ == "pobj" and p.pos_ in NOMINAL for t in _phrase(p, exclude)]
        if not tokens and verb is None and root.head != root and root.head.pos_ in NOMINAL:
            tokens += _phrase(root.head, exclude)
    return _words(_content(tokens, exclude), exclude)


def _fronted_time(span: Span, anchor: Token, verb: Token | None) -> bool:
    """A length of time put before the subject of its clause ("Ten days later the envoy left", "Over the past four
    weeks the agency has ...") frames the clause in time; it measures nothing."""
    if verb is None or span[0].ent_type_ not in ("DATE", "TIME") or _in_subject(anchor, verb):
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.i >= span.end for c in verb.children)


def _content(tokens: list[Token], exclude: set[int]) -> list[Token]:
    return sorted({t.i: t for t in tokens if t.i not in exclude and t.pos_ in CONTENT | {"NUM"} and not t.like_num
                   and any(c.isalpha() for c in t.text)}.values(), key=lambda t: t.i)


HYPHENS = ("-", "‐", "–")


def _words(tokens: list[Token], exclude: set[int]) -> tuple[str, ...]:
    """The words of the tokens in text order; a word written with a hyphen is one word with its other parts
    ("co-op", "start-up", "single-family"), but never takes in a figure ("four-cylinder" stays "cylinder")."""
    out: list[str] = []
    for t in tokens:
        first = last = t.i
        while _hyphened(t.doc, first - 2, exclude):
            first -= 2
        while _hyphened(t.doc, last, exclude):
            last += 2
        word = t.doc[first:last + 1].text
        if word not in out:
            out.append(word)
    return tuple(out)


def _hyphened(doc: Doc, i: int, exclude: set[int]) -> bool:
    """Tokens i and i + 2 are parts of one word written with a hyphen, and neither is a figure's."""
    if i < 0 or i + 2 >= len(doc) or doc[i + 1].text not in HYPHENS or doc[i].whitespace_ or doc[i + 1].whitespace_:
        return False
    return all(doc[j].i not in exclude and (doc[j].is_alpha or doc[j].is_digit) for j in (i, i + 2))


def _with_leading_noun(q: Quantity, sent: Span, figures: set[int], times) -> Quantity:
    """A figure that counts nothing and whose owner the parse did not give refers to the first noun phrase of
    its sentence before it ("Before the slump the debt was $4bn")."""
    if q.referred or q.counted is not None:
        return q
    span = sent.doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return q
    return replace(q, referred=_words(_content(_leading_noun(span, figures, times), figures), figures))


def _leading_noun(span: Span, exclude: set[int], times) -> list[Token]:
    """The nearest subject noun phrase of the sentence before the figure, else its first noun phrase; never a
    time nor another figure."""
    chunks = [chunk for chunk in span.sent.noun_chunks if chunk.end <= span.start and chunk.root.pos_ in NOMINAL
              and chunk.root.i not in exclude
              and not any(t_start < chunk.end_char and chunk.start_char < t_end for t_start, t_end, _, _ in times)]
    subjects = [chunk for chunk in chunks if chunk.root.dep_ in ("nsubj", "nsubjpass")]
    return list(subjects[-1] if subjects else chunks[0]) if chunks else []


def _worth_owner(anchor: Token) -> Token | None:
    """The noun a figure is the worth of: "a grant worth $8m", "the grant, which was worth $8m"."""
    worth = next((t for t in (anchor.head, anchor.head.head) if t.lower_ == "worth"), None)
    if worth is None:
        return None
    subject = next((c for c in worth.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in NOMINAL), None)
    if subject is not None:
        return subject
    if worth.head.pos_ in NOMINAL and worth.head != worth:
        return worth.head
    if worth.head.dep_ == "relcl" and worth.head.head.pos_ in NOMINAL:
        return worth.head.head
    return None


def _bracket_owner(span: Span) -> Token | None:
    """The noun right before the bracket a figure is listed in: "Maldonado (15.3 points, 7.4 rebounds)"."""
    sent, i = span.sent, span.start - 1
    while i > sent.start and span.doc[i].text not in "()":
        i -= 1
    if span.doc[i].text != "(" or i <= sent.start or span.doc[i - 1].pos_ not in NOMINAL:
        return None
    return span.doc[i - 1]


def _named_mover(span: Span, exclude: set[int]) -> list[Token]:
    """The name right before a signed figure or before "up"/"down" and the figure ("Acme up 4%", "Nikkei +0.2%",
    "Unite Group, down 68p"): the name with the nouns before it."""
    doc = span.doc
    i = span.start - 1
    signed = span[0].text[:1] in "+-−" and len(span[0].text) > 1
    if i >= span.sent.start and doc[i].lower_ in ("up", "down"):
        signed, i = True, i - 1
        if i >= span.sent.start and doc[i].text == ",":
            i -= 1
    if not signed or i < span.sent.start or doc[i].pos_ not in NOMINAL or doc[i].i in exclude \
            or doc[i].ent_type_ in ("DATE", "TIME"):
        return []  # "rising all year, up 12%": a time moves nothing
    out = [doc[i]]
    while i - 1 >= span.sent.start and doc[i - 1].pos_ in NOMINAL and doc[i - 1].dep_ in ("compound", "nmod", "amod"):
        i -= 1
        out.insert(0, doc[i])
    return out


def _verb_object(anchor: Token, verb: Token) -> Token | None:
    """The direct object of the verb when the figure is not in it ("cut prices by 5%", "sells the tool for $30"); a
    time ("rising all year") is none."""
    return next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ in NOMINAL and c.ent_type_ not in ("DATE", "TIME")
                 and not c.left_edge.i <= anchor.i <= c.right_edge.i), None)


def _phrase(noun: Token, exclude: set[int]) -> list[Token]:
    """A noun with its modifiers and the nouns of its prepositions ("exports to China")."""
    out = _noun_phrase(noun, exclude)
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in ("of", "in", "to", "for", "from") and child.i not in exclude:
            out += [t for p in child.children if p.dep_ == "pobj" and p.pos_ in NOMINAL and p.i not in exclude
                    for t in _noun_phrase(p, exclude)]
    return out


def _subject_noun(verb: Token) -> Token | None:
    """The subject of the verb or of the verb it hangs on (a noun before a word the tagger took for a verb); the
    noun a relative clause belongs to for "that"/"which"/"who"; for a pronoun, its antecedent or the group a part
    is of ("each of the buildings costs")."""
    for _ in range(4):
        subjects = sorted((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")),
                          key=lambda c: c.pos_ not in NOMINAL | {"PRON", "DET"})
        if subjects:
            child = subjects[0]
            if child.lower_ in ("that", "which", "who") and verb.dep_ == "relcl":
                return verb.head
            if child.pos_ in ("PRON", "DET"):
                part = next((p for c in child.children if c.dep_ == "prep" and c.lower_ == "of"
                             for p in c.children if p.dep_ == "pobj" and p.pos_ in NOMINAL), None)
                if part is None and child.lower_ in ("it", "they", "he", "she"):
                    return _pronoun_antecedent(child)  # "the company said it has 1,000 customers"
                return part
            return child
        if verb.head != verb and (verb.dep_ in ("xcomp", "conj", "advcl", "acl", "relcl", "pcomp", "prep")
                                  or verb.pos_ not in ("VERB", "AUX")):
            verb = verb.head
        else:
            return None
    return None


def _pronoun_antecedent(pronoun: Token) -> Token | None:
    """The nearest noun subject before a pronoun in its sentence that agrees with it in number, taken as its
    antecedent ("Acme said it has 1,000 customers", "Ortiz, whose side won, said he had scored 20 goals"); "they"
    is not a singular common noun, the others are not a plural one."""
    wrong = "NN" if pronoun.lower_ == "they" else "NNS"
    return next((t for t in reversed(pronoun.doc[pronoun.sent.start:pronoun.i])
                 if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ in NOMINAL and t.tag_ != wrong), None)


def _concept(span: Span, root: Token, core: Token | None, counted: bool, verb: Token | None,
             exclude: set[int]) -> list[Token]:
    tokens: list[Token] = []
    if core is not None:
        tokens += _noun_phrase(core, exclude) + _postmodifiers(core, exclude)
    anchor = core if core is not None else root
    holder = anchor.head if anchor.dep_ == "pobj" else None
    if holder is not None and holder.lower_ == "of" and holder.head.pos_ in NOMINAL:
        tokens += _noun_phrase(holder.head, exclude)  # "sales of 5,835 units", "a fine of $3 billion"
    if verb is not None:
        if _in_subject(anchor, verb):
            tokens += _verb_phrase(verb, exclude | {t.i for t in anchor.subtree})
        else:
            if verb.pos_ == "VERB":
                tokens.append(verb)
            subject = _subject(verb)
            if subject is not None and subject.i not in exclude:
                tokens += _noun_phrase(subject, exclude)
            point = anchor.head if anchor.dep_ == "quantmod" else anchor  # "90" of "from about 90 to 40"
            if point.dep_ == "pobj" and point.head.lower_ in ("from", "to") and point.head.head == verb:
                # "reduced its crews from 90 to 40": what moved is the object
                tokens += [t for c in verb.children if c.dep_ == "dobj" and c.i not in exclude
                           for t in _noun_phrase(c, exclude)]
    elif core is None and root.head != root and root.head.pos_ in NOMINAL:
        tokens += _noun_phrase(root.head, exclude)
    return tokens
