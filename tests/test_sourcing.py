"""backchannel.query.sourcing: each document's events and quotations by source (a hand-built store, no NLP)."""
import pytest

from backchannel.query.sourcing import Sourcing, sourcing

from helpers import build_hand_store, build_harbour_store


@pytest.fixture(scope="module")
def profiles():
    return sourcing(build_harbour_store())


def test_named_anonymous_and_unattributed(profiles):
    p = profiles["d-harbour"]
    # quotations: Weber twice (named), a person familiar with the talks (anonymous), "the statement" (unattributed);
    # events: the accord (Weber said it), the rejection ("a person familiar ... said"), Belgium joining (nobody
    # said it) and Weber's accusation (her own words)
    assert (p.events, p.quotes) == (4, 4)
    assert (p.named, p.anonymous, p.unattributed) == (4, 2, 2)
    assert p.anonymous_share == pytest.approx(2 / 6)


def test_hedged_events_and_their_cues(profiles):
    p = profiles["d-harbour"]
    assert p.hedged == 2 and dict(p.hedges) == {"reportedly": 1, "could": 1}


def test_every_document_has_a_profile(profiles):
    # the quiet note's only event names an actor fusion never found: it is no event of the timeline
    assert profiles["d-quiet"] == Sourcing()
    assert profiles["d-quiet"].anonymous_share == 0.0
    assert list(profiles) == ["d-harbour", "d-quiet"]  # in document order


def test_a_store_without_quotations_is_all_unattributed():
    p = sourcing(build_hand_store())["d-oslo"]
    assert (p.events, p.quotes, p.named, p.anonymous, p.unattributed, p.hedged) == (2, 0, 0, 0, 2, 0)


@pytest.mark.parametrize("named, anonymous, share", [(0, 4, 1.0), (3, 1, 0.25), (0, 0, 0.0)])
def test_the_anonymous_share_is_of_the_sourced_items(named, anonymous, share):
    assert Sourcing(events=5, quotes=4, named=named, anonymous=anonymous,
                    unattributed=9 - named - anonymous).anonymous_share == share
