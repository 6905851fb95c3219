"""Analyse: one parsed document in, an Analysis (mentions, timexes, events) out."""
from __future__ import annotations

from spacy.tokens import Doc

from backchannel.analyse.events import find_events
from backchannel.analyse.mentions import find_mentions
from backchannel.analyse.published import anchor_of
from backchannel.analyse.pipes import TimexTagger
from backchannel.models import Analysis, Published


def analyse_document(doc: Doc, published: Published) -> Analysis:
    mentions = find_mentions(doc)
    doc._.anchor = anchor_of(published)
    timexes = TimexTagger()(doc)._.timexes  # the backchannel_times component, anchored per document
    events = find_events(doc, mentions, timexes, published)
    return Analysis(tuple(mentions), tuple(timexes), tuple(events))
