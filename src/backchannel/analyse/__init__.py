"""Analyse: one parsed document in, an Analysis (mentions, timexes, events, quotes, claims) out.

`analyse_document` is loaded on first use, so that importing one reader (the time tagger, say) does not
pull in spaCy and every other reader with it.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from backchannel.models import Analysis, Published


def analyse_document(doc: Doc, published: Published) -> Analysis:
    from backchannel.analyse.claims import find_claims
    from backchannel.analyse.events import find_events
    from backchannel.analyse.mentions import find_mentions
    from backchannel.analyse.participants import Context
    from backchannel.analyse.pipes import TimexTagger
    from backchannel.analyse.published import anchor_of
    from backchannel.analyse.quotes import find_quotes
    from backchannel.models import Analysis

    mentions = find_mentions(doc)
    doc._.anchor = anchor_of(published)
    timexes = TimexTagger()(doc)._.timexes  # the backchannel_times component, anchored per document
    context = Context.of(doc, mentions, list(doc.sents))  # who each noun phrase names, read once for both
    events = find_events(doc, mentions, timexes, published, context)
    quotes = find_quotes(doc, mentions, context)
    claims = find_claims(doc, mentions, timexes, quotes, published)
    return Analysis(tuple(mentions), tuple(timexes), tuple(events), tuple(quotes), tuple(claims))
