"""Event dates: the time expression the trigger governs (or its main clause's, or its dated "when" clause's, or
the dated verb's it is joined to, or the day before the act joined to it and dated "the following day", or,
for a past act told next with a pronoun subject, the sentence before's; for an act told in reported speech,
the telling's: the days before it for an act told in the past, its day for a stand or a denial; "since April"
reaches up to publication, and so does no act told as done), else the date opening its chronology line (or the
line above, for a paragraph between two lines of a chronology), else the
section heading above it, else the days up to publication: news reports a happening its
text does not date in the days before it appears, so the window is the week up to the publication date (the
coding guide's "met with Macron" in an article of 12 February is 5-13 February), not a guess dressed as the
publication day; an act told in the present ("calls on", "are now asking") is made on the publication day.
`date_figure` does the same for a reported figure's as-of time, which is the publication window itself.
`date_event` chooses (it needs the parse); `redate` repeats the choice from the stored anchor when a document's
publication date changes, so no re-parse is needed.
"""
from __future__ import annotations

import re
from datetime import timedelta

from spacy.tokens import Span, Token

from backchannel.analyse.mentions import doc_text, is_heading_line
from backchannel.analyse.times import DEADLINE_AFTER, DEADLINE_BEFORE, heading_lines, names_day, vague_value, vocabulary
from backchannel.dates import REPORT_LAG_DAYS
from backchannel.models import DateWindow, Published, Timex

NOUN_MODIFIER = {"compound", "nmod", "amod", "poss", "nummod"}
TIME_NOUNS = {"day", "night", "morning", "evening", "week", "weekend", "month", "year"}  # "the day (that) X did"
SAME_TIME_MARKS = {"when", "as", "while", "after"}  # a clause these open is dated by its main clause
NEXT_DAY = re.compile(r"\b(?:following|next)\b", re.IGNORECASE)  # "the following day", "the next day"


def _path_to(targets: set[int], tok: Token) -> int | None:
    """Steps from a time expression's head up to the trigger (or its clause's verb), if it gets there
    without crossing another verb or serving as another noun's modifier ("Hamas's Oct. 7 massacre"); a participle
    after a happening noun that is the trigger tells its time ("talks held in May")."""
    steps = 0
    node = tok
    while node.i not in targets:
        if node.dep_ in NOUN_MODIFIER and node.head.pos_ in ("NOUN", "PROPN") and node.head.i not in targets and not (
                node.head.dep_ in ("nsubj", "nsubjpass") and node.head.head.i in targets):  # "Friday's talks ended"
            return None
        if node.head.i == node.i or steps > 10:
            return None
        came_from, node = node, node.head
        steps += 1
        if node.i not in targets and node.pos_ == "VERB" and node.dep_ not in ("xcomp", "aux"):
            told = node.dep_ == "acl" and node.tag_ == "VBN" and node.head.i in targets and node.head.pos_ == "NOUN"
            if not (_closed_aside(node, came_from) or _after_object(node, came_from) or _carried_out(node) or told):
                return None
            node = node.head  # the expression follows the aside: it belongs to the noun's clause
    return steps


def _closed_aside(verb: Token, child: Token) -> bool:
    """ "pardoned Ana Ruiz, a nurse jailed in Lima for fraud, on Tuesday": a modifier set off by commas
    ("a nurse jailed ...", "who was jailed ...") ends at the comma before the time expression, which the
    parser still hangs on the modifier's verb."""
    if verb.dep_ not in ("acl", "relcl") or child.i < verb.i:
        return False
    aside = verb.head if verb.head.dep_ == "appos" else verb
    doc = verb.doc
    return (aside.left_edge.i > 0 and doc[aside.left_edge.i - 1].text == ","
            and child.left_edge.i > verb.i + 1 and doc[child.left_edge.i - 1].text == ",")


def _after_object(verb: Token, child: Token) -> bool:
    """ "freed an officer serving a life term for fraud on Saturday": a time expression after the object of a
    present participle that modifies a noun dates the act the noun belongs to, not the ongoing state."""
    return (verb.dep_ == "acl" and verb.tag_ == "VBG" and child.i > verb.i and child.dep_ == "prep"
            and any(c.dep_ == "dobj" and c.i < child.i for c in verb.children))


def _carried_out(verb: Token) -> bool:
    """ "freed her in a swap carried out on Thursday": a participle telling when the happening a noun names took
    place dates the act the noun is the occasion of."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.dep_ == "pobj" and _kind(verb.head) is not None


def clause_verb(tok: Token) -> Token:
    node = tok
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
        node = node.head
    return node


SPEECH = {"say", "tell", "report", "announce", "state", "claim", "write", "post", "add", "confirm", "reveal"}
MADE_PUBLIC = {"confirm", "announce"}  # "confirmed on Sunday that it had accepted": made known that day


def _attached(doc, sent_start: int, sent_end: int, targets: set[int], trigger: Token, timexes: list[Timex]) -> Timex | None:
    scored = []
    for t in timexes:
        dated = (t.type == "DATE" or (t.type == "DURATION" and t.window is not None)  # "two days later"
                 or (t.type == "TIME" and (names_day(t.text)  # "at 6 a.m. on Monday"
                                           or t.rule == "part-of-day")))  # "this afternoon", "last night"
        if not (sent_start <= t.start < sent_end and dated and vague_value(t.text) is None):
            continue
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        steps = None if span is None else _path_to(targets, span.root)
        before = doc[span.start - 1] if span is not None and span.start > 0 else None
        if steps is None and before is not None and before.dep_ == "prep" and not any(before.children):
            # "On Wednesday President X told Y": the parser makes the day part of the title, leaving "On" empty
            steps = _path_to(targets, before)
        if steps is not None:
            scored.append((steps, abs(t.start - trigger.idx), t))
    return min(scored, key=lambda s: (s[0], s[1]))[2] if scored else None


def _reporting_verb(trigger: Token, sent: Span) -> Token | None:
    """The verb that reports this event: its governor ("said that X met Y") or a closing
    attribution ("X met Y, the newspaper reported on Sunday"), which parsers attach anywhere."""
    node = trigger
    for _ in range(4):  # "said the group would try to capture ...": the infinitive is inside the report too
        if node.dep_ not in ("ccomp", "conj", "xcomp", "acomp") or node.head.i == node.i:  # "said X was ready to"
            break
        node = node.head
        if node.lemma_.lower() in SPEECH:
            return node
    ancestors = {trigger.i} | {a.i for a in trigger.ancestors}
    closing = [t for t in sent if t.i > trigger.i and t.pos_ == "VERB" and t.lemma_.lower() in SPEECH
               and not any(c.dep_ == "ccomp" and c.i not in ancestors for c in t.children)]
    return closing[-1] if closing else None  # a verb reporting something else ("posted that ...") is not it


def date_event(sent: Span, trigger: Token, timexes: list[Timex],
               published: Published, status: str) -> tuple[DateWindow | None, str]:
    """The event's window and where it came from. Expressions the anchor cannot fix yet still claim
    the event (its date is None until the document's publication date is known)."""
    window, anchor = _date_event(sent, trigger, timexes, published, status)
    line = _chronicled(trigger, window, timexes)
    return (line.window, f"heading:{line.start}") if line is not None else (window, anchor)


def _chronicled(trigger: Token, window: DateWindow | None, timexes: list[Timex]) -> Timex | None:
    """ "sentenced her in August ... Aug 4 - Court sentences her": the one line of a chronology (a date, a dash)
    telling a happening of the same kind on a day inside the event's window dates it to that day."""
    if window is None or window.days == 1:
        return None
    doc, text, kind = trigger.doc, doc_text(trigger.doc), _kind(trigger)
    found = []
    for t in timexes:
        if (t.type != "DATE" or t.window is None or t.window.days != 1 or not _opens_line(text, t)
                or not window.earliest <= t.window.earliest <= window.latest):
            continue
        end = text.find("\n", t.end)
        told = doc.char_span(t.end, len(text) if end < 0 else end, alignment_mode="expand") or []
        if any(w.pos_ in ("VERB", "NOUN") and (w.lemma_ == trigger.lemma_ or kind is not None and _kind(w) == kind)
               for w in told):
            found.append(t)
    return found[0] if len(found) == 1 else None


def _date_event(sent: Span, trigger: Token, timexes: list[Timex],
                published: Published, status: str) -> tuple[DateWindow | None, str]:
    doc, sent_start, sent_end = trigger.doc, sent.start_char, sent.end_char
    deadline = _deadline(sent, trigger, timexes)
    if deadline is not None:
        return _by_deadline(deadline.window, published), f"deadline:{deadline.start}"
    apart = _days_apart(sent, trigger, timexes)
    if apart is not None and apart[0] is None:  # "Two days after X freed them, the deal is being read ...": now
        return _moved(published.window, apart[1], apart[1], "shifted"), f"shift:publication:{apart[1]}"
    if apart is not None:
        return _moved(apart[0].window, apart[1], apart[1], "shifted"), f"shift:{apart[0].start}:{apart[1]}"
    chosen = (_governed(sent, trigger, timexes) or _main_clause_time(sent, trigger, timexes)
              or _conjoined(sent, trigger, timexes) or _controlled(sent, trigger, timexes)
              or _where_clause(sent, trigger, timexes) or _shared_after(sent, trigger, timexes))
    if chosen is not None and SINCE.search(doc_text(doc), max(0, chosen.start - 8), chosen.start) and not _told_then(trigger, chosen):
        return _since(chosen.window, published), f"since:{chosen.start}"
    if chosen is not None and status in ("occurred", "reported") and (
            published.window is None or _up_to(chosen.window, published) != chosen.window):
        return _up_to(chosen.window, published), f"upto:{chosen.start}"
    if chosen is not None:
        return chosen.window, f"timex:{chosen.start}"
    next_day = _followed_next_day(sent, trigger, timexes)
    if next_day is not None:
        return _day_before(next_day.window), f"day-before:{next_day.start}"
    reporter = _reporting_verb(trigger, sent)
    if reporter is not None:
        said = (_attached(doc, sent_start, sent_end, {reporter.i}, reporter, timexes)
                or _main_clause_time(sent, reporter, timexes)  # "praised it on Thursday, telling MPs that ..."
                or _conjoined(sent, reporter, timexes))  # "met on Monday, and Chile said they had agreed"
        if said is not None and _told_as_past(trigger) and reporter.lemma_.lower() not in MADE_PUBLIC:
            return _reported_window(said.window), f"reported:{said.start}"
        if said is not None:  # "said on Sunday that it would not agree": the stand is taken as it is told
            return said.window, f"timex:{said.start}"
    earlier = _referred_back(sent, trigger, timexes, published) if status != "planned" else None
    if earlier is not None:
        return earlier.window, f"timex:{earlier.start}"
    carried = ((_carried_over(sent, trigger, timexes) or _same_occasion(sent, trigger, timexes))
               if status != "planned" else None)
    if carried is not None:
        return carried.window, f"timex:{carried.start}"
    if status == "planned":
        text = doc_text(doc)
        ahead = [t for t in timexes if t.window is not None and t.type == "DATE" and t.start < trigger.idx
                 and sent_start - t.start < 400 and published.window is not None
                 and t.window.latest >= published.window.latest and not is_heading_line(text, t.start)]
        if ahead:  # "This week, Israel will send a team. They will meet ...": the plan's time carries on
            return ahead[-1].window, f"timex:{ahead[-1].start}"
    perfect = _perfect(trigger) or (reporter is not None and _perfect(reporter))  # "has said it will not ..."
    return _fallback(doc_text(doc), trigger.idx, timexes, published, status, perfect, before=not _told_now(trigger))


def _told_now(trigger: Token) -> bool:
    """ "The government calls on all parties to ...", "the families are now asking ...": an act told in the present
    (not in a headline, whose present tells what has just happened) is made as the text appears, on its
    publication day, not in the week before it."""
    verb = clause_verb(trigger)
    if is_heading_line(doc_text(trigger.doc), trigger.idx):
        return False
    aux = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ in ("VBZ", "VBP") and not aux:
        return verb.lower_ not in vocabulary()["past_verbs"]  # "cut", "put": the past is the same word
    return verb.tag_ == "VBG" and any(a in ("is", "are", "am", "'re", "'m") for a in aux)


def _deadline(sent: Span, trigger: Token, timexes: list[Timex]) -> Timex | None:
    """ "have until the end of May to hand over the prisoners", "were given until Friday to reply": the act of
    the infinitive after a deadline is due by then."""
    verb, text = clause_verb(trigger), doc_text(trigger.doc)
    for t in timexes:
        if sent.start_char <= t.start < verb.idx and DEADLINE_BEFORE.search(text[max(0, t.start - 10):t.start]):
            after = DEADLINE_AFTER.match(text, t.end)
            if after and after.end() == verb.idx + len(verb.text):
                return t
    return None


def _by_deadline(deadline: DateWindow | None, published: Published) -> DateWindow | None:
    """From publication up to the deadline, when the deadline lies ahead (one passed says no more than its own
    window)."""
    if deadline is None or published.window is None or published.window.earliest > deadline.latest:
        return deadline
    return DateWindow(published.window.earliest, deadline.latest, rule="deadline", text=deadline.text).normalised()


def _up_to(window: DateWindow | None, published: Published) -> DateWindow | None:
    """ "met several times this year": an act told as done came no later than the report (the time expression
    keeps its whole year for TimeML)."""
    stated = published.window
    if window is None or stated is None or not window.earliest <= stated.latest < window.latest:
        return window
    return DateWindow(window.earliest, stated.latest, rule="up-to-publication", text=window.text).normalised()


SINCE = re.compile(r"\bsince\s+$", re.IGNORECASE)


def _told_then(trigger: Token, timex: Timex) -> bool:
    """ "since 1980, when Lima broke off relations": the act of the "when" clause the time expression heads is at
    that time, not the interval from it."""
    verb = clause_verb(trigger)
    return verb.dep_ == "relcl" and timex.start <= verb.head.idx < timex.end


def _since(start: DateWindow | None, published: Published) -> DateWindow | None:
    """ "have met twice since April": from the start it names up to publication, not the start alone."""
    if start is None or published.window is None or published.window.latest < start.earliest:
        return start
    return DateWindow(start.earliest, published.window.latest, rule="since", text=start.text).normalised()


def _followed_next_day(sent: Span, trigger: Token, timexes: list[Timex]) -> Timex | None:
    """ "were handed over at the border and flown home the following day": an act followed, in the same
    clause, by one dated "the following day" (counted from the story's last date) took place the day before."""
    verb = clause_verb(trigger)
    for c in verb.children:
        if c.dep_ == "conj" and c.pos_ == "VERB":
            t = _attached(trigger.doc, sent.start_char, sent.end_char, {c.i}, c, timexes)
            if t is not None and t.window is not None and t.window.rule == "narrative-day" and t.window.days == 1 \
                    and NEXT_DAY.search(t.text):
                return t
    return None


def _day_before(window: DateWindow | None) -> DateWindow | None:
    return _moved(window, -1, -1, "day-before")


def _days_apart(sent: Span, trigger: Token, timexes: list[Timex]) -> tuple[Timex | None, int] | None:
    """ "cheered on Monday, three days after the soldiers were freed": an act told in an "after" ("before") clause
    measured off by days or weeks came that long before (after) the time of the clause it modifies (None: a
    clause in the present tense, whose time is publication)."""
    verb, doc = clause_verb(trigger), trigger.doc
    marker = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ in ("after", "before")), None)
    if verb.dep_ != "advcl" or marker is None:
        return None
    mark = marker.lower_
    for t in timexes:
        length = re.fullmatch(r"P(\d+)([DW])", t.value or "")
        span = doc.char_span(t.start, t.end, alignment_mode="expand") if length else None
        # "three days" hangs on the verb, or on "after" itself
        if span is not None and span.root.dep_ == "npadvmod" and span.root.head.i in (verb.i, marker.i):
            main = _governed(sent, verb.head, timexes) or _main_clause_time(sent, verb.head, timexes)
            days = int(length[1]) * (7 if length[2] == "W" else 1)
            now = any(w.tag_ in ("VBZ", "VBP") for w in [verb.head] + [c for c in verb.head.children if c.dep_ == "aux"])
            return (main, -days if mark == "after" else days) if main is not None or now else None
    return None


def _carried_over(sent: Span, trigger: Token, timexes: list[Timex]) -> Timex | None:
    """ "X said on Wednesday that ... He accused Y of ...": a past act told next, in the same paragraph, with a
    pronoun (or "the 63-year-old") for its subject goes on with the story at the time the sentence before gave its
    main verb, or, where that sentence gave none, the time it carried over itself; "In 2015,
    police arrested him. Peru protested ...": so does any past act told after a sentence that opens with its time,
    or that dates a happening ("The last swap took place in 2012. Peru freed ..."), which moves the narrative there."""
    verb = clause_verb(trigger)
    if sent.start == 0 or verb.tag_ != "VBD":
        return None
    doc = sent.doc
    before = doc[sent.start - 1].sent
    if "\n\n" in doc_text(doc)[before.start_char:sent.start_char]:  # another paragraph, or a heading
        return None
    said = _attached(doc, before.start_char, before.end_char, {before.root.i}, before.root, timexes)
    if any(c.dep_ in ("nsubj", "nsubjpass") and (c.lower_ in PRONOUN_SUBJECTS or _aged(c)) for c in verb.children):
        # "X appeared on Sunday. He said ... He accused ...": the story stays on the day while its subject goes on
        return said or _carried_over(before, before.root, timexes)
    opened = said is not None and OPENING.match(doc_text(doc), before.start_char, said.start)
    return said if opened or any(c.dep_ in ("nsubj", "nsubjpass") and _kind(c) is not None
                                 for c in before.root.children) else None


def _aged(tok: Token) -> bool:
    """ "the 63-year-old": a person told of before, by age, as a pronoun would."""
    return tok.lower_ == "old" and any(c.lower_ == "the" for c in tok.children) and any(
        c.lower_ == "year" and any(n.like_num for n in c.children) for c in tok.children)


def _same_occasion(sent: Span, trigger: Token, timexes: list[Timex]) -> Timex | None:
    """ "X spoke at a news conference on Sunday. ... At the same news conference, Y urged ...": an act told at "the
    same" occasion as one the text dated to a day before took place on that day."""
    verb, doc = clause_verb(trigger), trigger.doc
    same = next((g for p in verb.children if p.dep_ == "prep" and p.lower_ in ("at", "in", "during", "on")
                 for g in p.children if g.dep_ == "pobj" and any(c.lower_ == "same" for c in g.children)), None)
    if same is None:
        return None
    for tok in reversed(doc[:sent.start]):
        if tok.lemma_ == same.lemma_ and not is_heading_line(doc_text(doc), tok.idx):
            t = _governed(tok.sent, tok, timexes)
            return t if t is not None and t.window is not None and t.window.days == 1 else None
    return None


PRONOUN_SUBJECTS = ("he", "she", "they", "it")
OPENING = re.compile(r"\s*(?:(?:in|on|by|during|early|late)\s+)?$", re.IGNORECASE)  # "In 2015, ...", "Three years later, ..."


def _kind(tok: Token) -> int | None:
    """Which kind of happening the word tells (`happening_kinds`), if any: "handed over" is a handover."""
    lemma = tok.lemma_.lower()
    if lemma == "hand" and any(c.dep_ == "prt" and c.lower_ == "over" for c in tok.children):
        lemma = "handover"
    return next((i for i, kind in enumerate(vocabulary()["happening_kinds"]) if lemma in kind), None)


def _referred_back(sent: Span, trigger: Token, timexes: list[Timex], published: Published) -> Timex | None:
    """ "X and Y exchanged prisoners on Thursday. ... The swap involved ten people": a definite happening noun with
    no time of its own (nor a qualifier: "the next round") is the last happening of its kind the article told, and
    takes its day, when a day dated it; not one told before the chronology entry or dated section heading its
    sentence is in ("21 May: ... By noon the swap is done"), which tells a happening of its own day."""
    kind = _kind(trigger)
    if kind is None or trigger.pos_ != "NOUN" or not any(
            c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in trigger.children) or any(
            c.dep_ == "amod" for c in trigger.children):
        return None
    doc, text = trigger.doc, doc_text(trigger.doc)
    section = _section(text, sent.start_char, timexes, published)
    for tok in reversed(doc[:sent.start]):
        if section is not None and tok.idx < section.start:
            return None
        if _kind(tok) != kind or tok.dep_ in NOUN_MODIFIER or is_heading_line(text, tok.idx):
            continue
        t = _governed(tok.sent, tok, timexes)
        if t is not None:  # the nearest dated one decides: a later happening of the kind is another one
            return t if t.window is not None and t.window.days == 1 else None
    return None


def date_figure(sent: Span, token: Token, timexes: list[Timex], published: Published) -> tuple[DateWindow | None, str]:
    """A reported figure's as-of window: the time expression its clause governs ("134 were held on
    Sunday"), else the section heading above it, else the publication window."""
    chosen = _governed(sent, token, timexes)
    if chosen is not None:
        return chosen.window, f"timex:{chosen.start}"
    return _fallback(doc_text(token.doc), token.idx, timexes, published, "occurred", before=False)


def _governed(sent: Span, token: Token, timexes: list[Timex]) -> Timex | None:
    """The time expression that the word or its clause's verb governs; for a "when" clause that a time
    expression heads ("on May 31, when each side freed 75"), that expression."""
    verb = clause_verb(token)
    targets = {token.i, verb.i}
    if verb.dep_ == "relcl" and (any(c.dep_ == "advmod" and c.lower_ == "when" for c in verb.children)
                                 or verb.head.ent_type_ == "DATE" or verb.head.lower_ in TIME_NOUNS):
        targets.add(verb.head.i)  # "the following day the army ordered them out": that day
    return _attached(token.doc, sent.start_char, sent.end_char, targets, token, timexes)


MODALS = {"will", "would", "shall", "may", "might", "can", "could", "should", "must", "to"}


def _conjoined(sent: Span, trigger: Token, timexes: list[Timex]) -> Timex | None:
    """ "spoke to him on Friday and pledged support", "shelled the town in early May, and the envoy protested at
    the time": a verb joined to a dated one, with no time of its own and not looking ahead, shares its time."""
    verb = clause_verb(trigger)
    if verb.dep_ != "conj" or verb.head.pos_ not in ("VERB", "AUX") or any(
            c.dep_ == "aux" and c.lower_ in MODALS for c in verb.children):
        return None
    head = verb.head
    while verb.tag_ == "VBD" and head.tag_ == "VB" and head.dep_ in ("advcl", "xcomp"):
        head = head.head  # "had acted to shield them and dismissed ...": a past verb is not joined to the infinitive
    if head.dep_ == "ccomp" and verb.tag_ == "VBD" and not any(c.dep_ in ("aux", "nsubj") for c in verb.children) and any(
            c.dep_ == "aux" and c.lower_ == "had" for c in head.children):
        head = head.head  # "said on Tuesday that they had seen it, and urged ...": the past tense goes on with "said"
    return (_attached(trigger.doc, sent.start_char, sent.end_char, {head.i}, head, timexes)
            or _main_clause_time(sent, head, timexes)  # "When the trial opened in May, X accused him and asked ..."
            or _same_occasion(sent, head, timexes))  # "At the same meeting, X freed ... and Y promised ..."


def _shared_after(sent: Span, trigger: Token, timexes: list[Timex]) -> Timex | None:
    """ "X freed ten and Y released two on Sunday": a past act with no time of its own shares the time that closes
    the past act told after it in the same sentence (joined to it by "and", or parsed as its complement)."""
    verb = clause_verb(trigger)
    if verb.tag_ != "VBD" or verb.lemma_.lower() in SPEECH or any(
            c.dep_ == "cc" and c.lower_ != "and" for c in verb.children):  # "accepted it, but they refused in May"
        return None
    for c in verb.children:
        if c.dep_ in ("conj", "ccomp") and c.i > verb.i and c.tag_ == "VBD" and not any(
                g.dep_ in ("aux", "mark") for g in c.children):
            t = _attached(trigger.doc, sent.start_char, sent.end_char, {c.i}, c, timexes)
            if t is not None and t.start > c.idx:
                return t
    return None


def _where_clause(sent: Span, trigger: Token, timexes: list[Timex]) -> Timex | None:
    """ "was driven to the palace late that night, where the president greeted him": a past act told in a "where"
    clause happened when the act that brought them to the place did."""
    verb = clause_verb(trigger)
    if verb.dep_ != "relcl" or verb.tag_ != "VBD" or not any(c.dep_ == "advmod" and c.lower_ == "where"
                                                             for c in verb.children):
        return None
    host = clause_verb(verb.head)
    return host.i != verb.i and (_governed(sent, host, timexes) or _conjoined(sent, host, timexes)) or None


def _controlled(sent: Span, trigger: Token, timexes: list[Timex]) -> Timex | None:
    """ "decided on Friday to free them (and send them home)": the act an infinitive with no time of its own names
    is dated by the past verb that decided, agreed or voted on it."""
    verb = clause_verb(trigger)
    while verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        verb = verb.head
    if verb.dep_ != "xcomp" or verb.tag_ != "VB" or verb.head.tag_ != "VBD":
        return None
    return _attached(trigger.doc, sent.start_char, sent.end_char, {verb.head.i}, verb.head, timexes)


def _main_clause_time(sent: Span, trigger: Token, timexes: list[Timex]) -> Timex | None:
    """ "The talks collapsed last month after the rebels accused the army": an act told in a "when", "as",
    "while" or "after" clause, or in a participle adjunct ("..., ending the talks"), happened when the main
    clause did, as far as the text says; and an act whose "when", "as" or "while" clause, or opening participle
    ("Speaking on Sunday, he accused ..."), is dated ("accused them when talks failed in May") then."""
    verb = clause_verb(trigger)

    def opened(clause: Token, marks: set[str]) -> bool:
        return clause.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in marks for c in clause.children)

    def compared(clause: Token) -> bool:  # "blamed each other, as they did in June": a like act at another time
        return clause.lemma_ in ("do", "have") and opened(clause, {"as"})

    participle = verb.dep_ == "advcl" and verb.tag_ == "VBG" and not any(c.dep_ == "mark" for c in verb.children)
    purpose = verb.dep_ == "advcl" and verb.head.tag_ == "VBD" and any(c.dep_ == "aux" and c.lower_ == "to"
                                                                        for c in verb.children)
    conceded = (opened(verb, {"although", "though"}) and verb.tag_ == "VBD"
                and not any(c.dep_ == "aux" for c in verb.children))
    if opened(verb, SAME_TIME_MARKS) or participle or purpose or conceded:  # "freed 40 on Sunday, completing the
        # exchange": then too; "stood before cameras on Wednesday to announce it": that Wednesday; "criticised the
        # deal on Monday, although he welcomed the release": the concession is made as the main act is
        host = verb.head
        if host.dep_ == "parataxis" and host.lemma_.lower() in SPEECH:
            host = host.head  # "The row began in May, an aide said, when X refused": the clause the aside interrupts
        return _attached(trigger.doc, sent.start_char, sent.end_char, {host.i}, host, timexes)
    near = [verb] + [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pcomp"]  # "of lying"
    near += [c for c in verb.children if c.dep_ == "advcl" and any(  # "flew there to meet them when they landed"
        g.dep_ == "aux" and g.lower_ == "to" for g in c.children)]
    opening = [c for c in verb.children if c.i < verb.i and c.dep_ == "advcl" and c.tag_ == "VBG"
               and not any(m.dep_ == "mark" for m in c.children)]  # "Speaking on Sunday, he accused ..."
    clause = next((c for v in near for c in v.children if opened(c, SAME_TIME_MARKS - {"after"}) and not compared(c)),
                  opening[0] if opening else None)
    return _attached(trigger.doc, sent.start_char, sent.end_char, {clause.i}, clause, timexes) if clause else None


def _reported_window(said: DateWindow | None, rule: str = "reported-by") -> DateWindow | None:
    """The days up to a report: a happening told then came in the week before."""
    return _moved(said, -REPORT_LAG_DAYS, 0, rule)


def _moved(window: DateWindow | None, start_days: int, end_days: int, rule: str) -> DateWindow | None:
    """`window` with its start and end moved by so many days (back when negative), made by `rule`: 3-4 May
    moved (-1, -1) is 2-3 May, the days before it; moved (0, 10) it reaches 14 May."""
    if window is None:
        return None
    return DateWindow(window.earliest + timedelta(days=start_days), window.latest + timedelta(days=end_days),
                      rule=rule, text=window.text).normalised()


def _told_as_past(trigger: Token) -> bool:
    """ "said Peru had freed them", "said Peru freed them", "said Peru has freed them": the act came before
    the telling; "said Peru would free them", "says Peru is ready", "said it welcomed the deal": the stand holds
    as it is told."""
    verb = clause_verb(trigger)
    if _denied(verb) or verb.lemma_.lower() in vocabulary()["stance_verbs"]:
        return False  # "said on Tuesday they had agreed to no such thing", "said it welcomed the deal": made as told
    being = verb.tag_ == "VBG" or any(c.dep_ in ("aux", "auxpass") and c.lower_ == "being" for c in verb.children)
    if being and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children):
        return False  # "confirmed that X was being freed": going on as it is told
    return verb.tag_ in ("VBD", "VBN") or any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


def _denied(verb: Token) -> bool:
    objects = [c for c in verb.children if c.dep_ == "dobj"] + [
        g for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]
    return any(c.dep_ == "neg" or c.lower_ == "never" for c in verb.children) or any(
        o.lower_ == "nothing" or any(d.dep_ == "det" and d.lower_ == "no" for d in o.children) for o in objects)


def _perfect(trigger: Token) -> bool:
    """'has blamed': the present perfect places an act somewhere before now, not on the publication
    date; with 'since ...' ('has spoken to him since the election') it reaches up to now."""
    verb = clause_verb(trigger)
    return (any(c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in ("VBZ", "VBP") for c in verb.children)
            and not any(c.lower_ == "since" for c in verb.children))


LINE_DATE = re.compile(r"\s*[-–—:]\s")  # "Dec 8 - X does A; Y does B": a line of a chronology


def _opens_line(text: str, t: Timex) -> bool:
    """The time expression opens a chronology's line: nothing before it on its line, a dash after it."""
    return not text[text.rfind("\n", 0, t.start) + 1:t.start].strip() and LINE_DATE.match(text, t.end) is not None


def _fallback(text: str, position: int, timexes: list[Timex], published: Published, status: str,
              perfect: bool = False, before: bool = True) -> tuple[DateWindow | None, str]:
    section = _section(text, position, timexes, published)
    if section is not None:
        return section.window, f"heading:{section.start}"
    if status != "planned" and not perfect:  # with no publication date yet, the anchor waits for one
        anchor = "before-publication" if before else "publication"
        return (_publication_window(anchor, published) if published.window else None), anchor
    return None, ""


def _section(text: str, position: int, timexes: list[Timex], published: Published) -> Timex | None:
    """The date governing a place in the text with no time of its own: the chronology entry it is in (`_entry`),
    else the dated section heading above it."""
    line = text.rfind("\n", 0, position) + 1
    entry = _entry(text, line, position, timexes)
    if entry is not None:
        return entry
    stated = published.window
    headings = [t for t in timexes if t.heading and t.window is not None and t.start < position
                and not (t.type == "DATE" and stated
                         and (t.window.earliest, t.window.latest) == (stated.earliest, stated.latest))]
    # a heading that states the publication day is the dateline, not a section of the narrative; an undated
    # heading after a dated one ("What comes next") ends its section
    if headings and not any(headings[-1].start < h < line for h in heading_lines(text)):
        return headings[-1]
    return None


def _entry(text: str, line: int, position: int, timexes: list[Timex]) -> Timex | None:
    """The chronology entry a line belongs to: the date that opens it dates all the line tells, as a section
    heading does; a paragraph with no date of its own between two entries goes on telling the one above it (a
    heading between them ends that entry, as it ends a section; after the last entry the text may be back in
    the present)."""
    labels = [t for t in timexes if t.type == "DATE" and t.window is not None and _opens_line(text, t)]
    own = [t for t in labels if line <= t.start < position]
    if own:
        return own[0]
    above = [t for t in labels if t.start < line]
    if not above or not any(t.start > position for t in labels):
        return None
    opened = text.rfind("\n", 0, above[-1].start) + 1
    return above[-1] if not any(opened < h < line for h in heading_lines(text)) else None


def _publication_window(anchor: str, published: Published) -> DateWindow:
    w = published.window
    if anchor == "before-publication":
        return _reported_window(DateWindow(w.earliest, w.latest), rule=anchor)
    return DateWindow(w.earliest, w.latest, rule=anchor).normalised()


def lengthened(window: DateWindow | None, days: int) -> DateWindow | None:
    """A window reaching `days` further: a length's as-of window from the start its time names."""
    return _moved(window, 0, days, "length")


def redate(anchor: str, timexes: list[Timex], published: Published) -> DateWindow | None:
    """The date a stored anchor gives under a (new) publication date."""
    if anchor in ("publication", "before-publication"):
        return _publication_window(anchor, published) if published.window is not None else None
    kind, _, offset = anchor.partition(":")  # "timex:120", "length:120:12" (the time at 120, then 12 days on)
    if kind not in ("timex", "heading", "reported", "day-before", "deadline", "length", "shift", "since", "upto"):
        return None
    at, _, days = offset.partition(":")
    window = published.window if at == "publication" else next((t.window for t in timexes if t.start == int(at)), None)
    if kind == "reported":
        return _reported_window(window)
    if kind == "day-before":
        return _day_before(window)
    if kind == "shift":
        return _moved(window, int(days), int(days), "shifted")
    if kind == "since":
        return _since(window, published)
    if kind == "upto":
        return _up_to(window, published)
    if kind == "deadline":
        return _by_deadline(window, published)
    return lengthened(window, int(days)) if kind == "length" else window
