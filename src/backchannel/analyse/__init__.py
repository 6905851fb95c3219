"""Analyse: one parsed document in, an Analysis (mentions, timexes, events, quotes) out."""
from __future__ import annotations

from spacy.tokens import Doc

from backchannel.analyse.events import find_events
from backchannel.analyse.mentions import find_mentions
from backchannel.analyse.published import anchor_of
from backchannel.analyse.pipes import TimexTagger
from backchannel.analyse.quotes import find_quotes
from backchannel.models import Analysis, Published


def analyse_document(doc: Doc, published: Published) -> Analysis:
    mentions = find_mentions(doc)
    doc._.anchor = anchor_of(published)
    timexes = TimexTagger()(doc)._.timexes  # the backchannel_times component, anchored per document
    events = find_events(doc, mentions, timexes, published)
    quotes = find_quotes(doc, mentions)
    return Analysis(tuple(mentions), tuple(timexes), tuple(events), tuple(quotes))
