"""backchannel.analyse.events: PLOVER types and participants on short sentences written for these tests
and parsed by the real pipeline. They pin general news patterns: plain event verbs, nominal triggers
after light verbs, victims without a named agent, promises typed by what is promised, "X said Y must",
recipients named inside the object, and refusals that are no event ("declined to comment")."""
import pytest

from backchannel.analyse import analyse_document
from backchannel.analyse.nlp import load
from backchannel.config import Settings
from backchannel.models import Published


@pytest.fixture(scope="module")
def nlp():
    return load(Settings.load().model)


def events(nlp, text):
    return analyse_document(nlp(text), Published(None, "unknown")).events


def types(nlp, text):
    return {e.type for e in events(nlp, text)}


@pytest.mark.parametrize("text, kind", [
    ("Peruvian troops fired at Chilean fishing boats on Monday.", "ASSAULT"),
    ("Portugal imposed a curfew on the northern districts of Angola.", "COERCE"),
    ("Norway lodged a formal protest with Denmark over the fishing quotas.", "ACCUSE"),
    ("Sweden suspended air links with Finland on Tuesday.", "SANCTION"),
    ("Austria declared a ceasefire along its border with Hungary.", "RETREAT"),
    ("The Belgian government handed over 300 tons of food aid to Rwanda.", "AID"),
    ("Kenya called off its boycott of Uganda after the summit.", "CONCEDE"),
])
def test_general_event_verbs_and_objects(nlp, text, kind):
    assert kind in types(nlp, text)


def test_hunger_strike_is_a_protest_by_whoever_stages_it(nlp):
    found = [e for e in events(nlp, "Angelo Ferraz began a hunger strike against the Brazilian government.")
             if e.type == "PROTEST"]
    assert found and "Angelo Ferraz" in found[0].actors


def test_victims_without_a_named_agent(nlp):
    found = [e for e in events(nlp, "Four Bolivian soldiers were killed near the border on Sunday.")
             if e.type == "ASSAULT"]
    assert found and found[0].actors == () and any("Bolivia" in r for r in found[0].recipients)


@pytest.mark.parametrize("text, kind", [
    ("Chile offered to negotiate with Bolivia over the port.", "AGREE"),
    ("Chile said it would boycott the conference in Bolivia.", "THREATEN"),
    ("Chile is willing to withdraw its troops from Bolivia.", "CONCEDE"),
])
def test_a_promise_takes_its_type_from_the_act_promised(nlp, text, kind):
    found = events(nlp, text)
    assert kind in {e.type for e in found}
    assert any(e.type == kind and "Chile" in e.actors and "Bolivia" in e.recipients for e in found)


def test_x_said_y_must_is_a_request_to_y(nlp):
    found = [e for e in events(nlp, "Mexico said on Friday that Guatemala must close the camps.") if e.type == "REQUEST"]
    assert found and found[0].actors == ("Mexico",) and found[0].recipients == ("Guatemala",)


def test_a_recipient_named_inside_the_object(nlp):
    found = [e for e in events(nlp, "Ghana demanded the withdrawal of Togolese troops.") if e.type == "REQUEST"]
    assert found and any("Togo" in r for r in found[0].recipients)


def test_declining_to_comment_is_no_refusal(nlp):
    assert "REJECT" not in types(nlp, "Ines Moreau declined to comment on the French proposal.")
    assert "REJECT" in types(nlp, "Ines Moreau declined to sign the French proposal.")


def test_a_counted_crowd_names_who_is_counted(nlp):
    found = [e for e in events(nlp, "Thousands of Moroccan farmers marched through the capital on Monday.")
             if e.type == "PROTEST"]
    assert found and any("Morocco" in a for a in found[0].actors)
