"""backchannel.analyse.mentions: which words name which actor, on short sentences written for these tests and
parsed by the real pipeline: generic words for a state's forces, initials the tagger misses, one sense per name,
"the group" for the organisation named before."""
import pytest

from backchannel.analyse import analyse_document
from backchannel.analyse.nlp import load
from backchannel.config import Settings
from backchannel.models import Published


@pytest.fixture(scope="module")
def nlp():
    return load(Settings.load().model)


def mentions(nlp, text):
    return {(m.text, m.kind, m.key) for m in analyse_document(nlp(text), Published(None, "unknown")).mentions}


def test_the_army_is_no_anaphor_of_a_band_whose_name_ends_in_army(nlp):
    found = mentions(nlp, "The Andean Liberation Army freed two engineers on Monday. The army said it would search the valley.")
    assert not any(text == "army" for text, _, _ in found)


def test_initials_after_the_or_as_a_subject_name_an_organisation(nlp):
    found = mentions(nlp, "After the vote, Bolivia and the URNG resumed talks. The URNG refused to free its captives.")
    assert ("URNG", "organization", "URNG") in found
    assert not any(text == "GMT" for text, _, _ in mentions(nlp, "The talks resumed at 14:00 GMT on Monday."))


def test_a_name_read_as_a_person_once_is_that_person_where_the_tagger_read_a_place(nlp):
    found = mentions(nlp, "Medina had announced a truce on Sunday. On Friday, President Medina and rebel commander "
                          "Luis Vargas signed the accord.")
    assert ("Medina", "person", "Medina") in found and ("Medina", "place", "Medina") not in found


@pytest.mark.parametrize("text, named", [
    ("The Tamarind Front released a video on Sunday. The group said the hostages were alive.", True),
    ("The Tamarind Front released a video on Sunday. The armed group said the hostages were alive.", True),
    ("The Tamarind Front released a video on Sunday. A group of hostages appeared in it.", False),
])
def test_the_group_is_the_organisation_named_before(nlp, text, named):
    found = mentions(nlp, text)
    assert (("group", "organization", "Tamarind Front") in found) == named


def test_a_dated_line_opens_with_a_capital_that_is_no_name(nlp):
    found = mentions(nlp, "The singer Sarah Collins was freed on Friday.\n\nChronology\n\n"
                          "Aug 4 - Court in Quito sentences Collins to nine years.")
    assert ("Court", "group", "court") in found


def test_a_former_title_is_a_persons_role_not_an_organisation(nlp):
    found = mentions(nlp, "Chile pressed for Tom Kerr, a former Marine held in Peru since 2019. Peru refused to free the "
                          "former Marine. Former Marine Jim Bell spoke to the press.")
    assert not any(kind == "organization" for _, kind, _ in found)
    assert ("the former Marine", "person", "Tom Kerr") in found


def test_a_first_name_in_apposition_to_a_kin_noun_takes_the_family_name(nlp):
    found = mentions(nlp, "Tom Kerr was freed by Peru on Monday. Tom Kerr's brother, Sam, thanked Chile. Sam said he was relieved.")
    assert ("Sam", "person", "Sam Kerr") in found and ("Sam", "person", "Sam") not in found
