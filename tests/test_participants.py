"""backchannel.analyse.participants: who a noun phrase or pronoun names, read through the events found on short
sentences written for these tests: "it" after a speaking body, and the parties behind "the two delegations"."""
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


def test_it_after_a_body_that_speaks_is_that_body(nlp):
    found = [e for e in events(nlp, "The Peruvian navy said it had seized a Chilean trawler.") if e.type == "COERCE"]
    assert found and found[0].actors == ("Peru",)


@pytest.mark.parametrize("text", [
    # guarantors named together later are not the parties; the pair that signed is
    "Chile and the Tamarind Front signed a truce in Lima on Monday. Norway and Cuba will monitor it. "
    "The two delegations will meet again in May.",
    # an organisation is a party as a state is, and a third state named in passing is not
    "Chile and the Tamarind Front signed a truce in Lima on Monday. Ecuador praised the deal. "
    "The delegations will meet again in May.",
])
def test_the_delegations_are_the_two_parties_named_together_before(nlp, text):
    found = [e for e in events(nlp, text) if e.type == "CONSULT"]
    assert found and set(found[0].actors) == {"Chile", "Tamarind Front"}


def test_its_members_are_the_body_named_before(nlp):
    found = events(nlp, "An official said the joint commission had not yet met. Its members were expected to convene "
                        "in Geneva later this week, the official said.")
    assert [(e.type, e.actors, e.status) for e in found] == [("CONSULT", ("commission",), "planned")]
    found = events(nlp, "Chile seized two trawlers on Monday. Its officers detained the crews.")
    assert [e.actors for e in found if e.trigger == "detained"] == [("Chile",)]
    found = events(nlp, "Chile has strengthened its forces in Peru, officials said.")  # an object's: the subject's own
    assert [e.recipients for e in found if e.type == "MOBILIZE"] == [("Peru",)]


def test_his_or_her_government_is_that_persons_as_a_named_possessor_is(nlp):
    found = events(nlp, "President Rita Dos said the deal did not signal any easing of pressure. Her government in May "
                        "lifted some sanctions on Chile's mining sector.")
    assert [(e.type, e.actors) for e in found if e.trigger == "lifted"] == [("CONCEDE", ("Rita Dos",))]


def test_he_and_she_name_only_people_of_the_gender_the_text_shows(nlp):
    found = events(nlp, "When the singer Sarah Collins landed in Lima on Monday, she walked past the man Peru had sought. "
                        "Michael Harper crossed the tarmac in the other direction. The ordeal began in May, when police "
                        "detained the singer. A court near Quito sentenced her to nine years in August.")
    assert [e.recipients for e in found if e.type == "SANCTION"] == [("Sarah Collins",)]
    found = events(nlp, "Michael Harper's sister, Laura, said the family had been told. A court sentenced him in May.")
    assert [e.recipients for e in found if e.type == "SANCTION"] == [("Michael Harper",)]


@pytest.mark.parametrize("text, actor", [
    ("Several former members of his platoon accused Sgt. Tomas Rojas on Monday of deserting his post.", "platoon"),
    ("His former comrades accused Sgt. Tomas Rojas on Monday of deserting his post.", "comrades"),
    ("The servicemen accused Sgt. Tomas Rojas on Monday of deserting his post.", "servicemen"),
])
def test_a_soldiers_unit_or_comrades_act_as_a_group(nlp, text, actor):
    assert [e.actors for e in events(nlp, text) if e.type == "ACCUSE"] == [(actor,)]


def test_him_is_never_the_subject_of_his_own_verb(nlp):
    found = events(nlp, "Peter Novak was back in Lima by Saturday evening, where Foreign Minister Ana Ruiz greeted him "
                        "at the airport.")
    assert [(e.actors, e.recipients) for e in found if e.type == "CONSULT"] == [(("Ana Ruiz",), ("Peter Novak",))]


@pytest.mark.parametrize("text", [
    "Maria Lund, a Danish engineer, and Pedro Alves, a Chilean doctor, landed in Lima on Friday, where they were met "
    "by the Peruvian president.",
    "Maria Lund and Pedro Alves flew home from Peru on Friday. They were met by Chile's foreign minister.",
])
def test_they_after_people_named_together_as_subject_are_those_people(nlp, text):
    found = [e for e in events(nlp, text) if e.type == "CONSULT"]
    assert found and set(found[0].recipients) == {"Maria Lund", "Pedro Alves"}


def test_a_verb_joined_to_a_reported_copula_is_done_by_the_reporting_subject(nlp):
    found = events(nlp, "Tomas Ruiz was arrested in Peru in June. Chile insisted he was a diplomat and suspended talks "
                        "with the rebels for a year.")
    assert [e.actors for e in found if e.trigger == "suspended"] == [("Chile",)]


def test_a_relative_acts_for_himself_not_for_the_one_whose_relative_he_is(nlp):
    found = analyse_document(nlp("Tom Kerr was freed by Peru on Monday. Tom Kerr's brother, Sam, thanked Chile."),
                             Published(None, "unknown")).events
    assert [e.actors for e in found if e.type == "SUPPORT"] == [("Sam Kerr",)]


def test_he_who_says_something_is_the_one_who_spoke_last_not_a_man_named_before(nlp):
    found = events(nlp, "The court freed Jorge Salas on Monday, and Salas thanked his lawyers. President Luis Vega said "
                        "on Tuesday that the ruling was fair. He said Peru had consulted with Chile for months.")
    assert [e.actors for e in found if e.type == "CONSULT"] == [("Peru", "Luis Vega")]


@pytest.mark.parametrize("text, kind, actor", [
    # we, our: the side the speaker speaks for (a body, a person's state), I: the speaker
    ("Peruvian Foreign Minister Rosa Quispe flew to Santiago on Monday. \"We will not free the Chilean fishermen "
     "until our sailors come home,\" the minister told reporters.", "REJECT", "Peru"),
    ("\"We reject the ceasefire plan,\" a Tamarind Front commander said on Tuesday.", "REJECT", "Tamarind Front"),
    ("Peruvian Foreign Minister Rosa Quispe flew to Santiago on Monday. \"Our navy will not free the Chilean "
     "fishermen,\" she said.", "REJECT", "Peru"),
    ("Peruvian Foreign Minister Rosa Quispe flew to Santiago on Monday. \"I will not sign the accord,\" she said.",
     "REJECT", "Rosa Quispe"),
    ("\"We will not sign the accord,\" said Rosa Quispe, Peru's foreign minister.", "REJECT", "Peru"),
])
def test_first_person_in_a_direct_quotation_is_its_speakers_side(nlp, text, kind, actor):
    assert any(e.type == kind and actor in e.actors for e in events(nlp, text))


def test_they_in_a_direct_quotation_are_others_than_the_body_that_speaks(nlp):
    found = events(nlp, "Chile seized three Peruvian trawlers on Sunday. \"They must release the crews at once,\" "
                        "the Peruvian navy said.")
    assert [(e.actors, e.recipients) for e in found if e.type == "REQUEST"] == [(("Peru",), ("Chile",))]


def test_a_direct_quotation_that_only_describes_is_no_event(nlp):
    assert events(nlp, "Peruvian Foreign Minister Rosa Quispe flew to Santiago on Monday. \"The weather in the "
                       "capital was cold and wet,\" she said.") == ()


def test_we_are_not_whoever_the_speaker_talks_to(nlp):
    found = events(nlp, "\"We will not sign the accord,\" Rosa Quispe, a spokeswoman for the navy, told the Lima Herald.")
    assert [e.actors for e in found if e.type == "REJECT"] == [("Rosa Quispe",)]


def test_a_common_noun_in_apposition_to_a_name_with_a_clause_on_it_is_that_person(nlp):
    from backchannel.analyse import analyse_document
    from backchannel.models import Published
    found = analyse_document(nlp("Two Britons are held in Iran, among them Carl Weiss, a trader detained by the army "
                                 "in May."), Published(None, "unknown")).events
    assert [(e.type, e.recipients) for e in found] == [("COERCE", ("Carl Weiss",))]


def test_he_after_a_speaker_in_his_own_sentence_is_the_speaker(nlp):
    """ "X said he had ..., and he thanked Y": the speaker, not a man named before whose gender the text shows."""
    text = ("Omar Diaz was arrested in Peru in 2010. Peru said Omar Diaz would see his family soon. "
            "President Leo Brandt said he had spoken to Ana Ruiz and Tom Ruiz by phone, and he thanked Chile for its "
            "help.")
    found = [e for e in events(nlp, text) if e.type == "SUPPORT"]
    assert found and found[0].actors == ("Leo Brandt",)


def test_the_couple_and_they_are_the_two_people_last_named_together(nlp):
    """ "spoke to X and Y. Z met the couple after they marched": X and Y, though neither was a subject."""
    text = ("Mayor Leo Brandt said he had called the pilot's parents, Omar and Rosa, by phone. "
            "Leo Brandt met the couple at city hall last month after they protested outside.")
    found = events(nlp, text)
    assert any(e.type == "CONSULT" and "city hall" in e.evidence.sentence and e.recipients == ("Omar", "Rosa")
               for e in found)
    assert any(e.type == "PROTEST" and set(e.actors) == {"Omar", "Rosa"} for e in found)


@pytest.mark.parametrize("phrase", ["the two women", "both of them", "the mother and daughter"])
def test_a_phrase_that_counts_two_people_is_the_pair_last_named(nlp, phrase):
    """ "X and her son Y were freed ... Z phoned the two women": X and Y, though named sentences before."""
    text = ("Rebels freed Maria Lopez and her daughter Elena in the hills. Maria Lopez said they were well. "
            "The mayor said the release was welcome. The army said it had sent a helicopter. "
            f"President Leo Brandt spoke to {phrase} by phone.")
    found = [e for e in events(nlp, text) if e.type == "CONSULT"]
    assert found and set(found[0].recipients) == {"Maria Lopez", "Elena"}


@pytest.mark.parametrize("text, actor", [
    ("Agents of the Federal Bureau of Investigation arrested the smuggler in Lima in 2019.",
     "Federal Bureau of Investigation"),
    ("Lawyers for the Andean Rights Council said on Monday they would sue the Peruvian state.", "Andean Rights Council"),
])
def test_agents_of_or_lawyers_for_a_body_act_as_that_body(nlp, text, actor):
    found = events(nlp, text)
    assert found and found[0].actors == (actor,)


def test_a_jury_is_an_actor(nlp):
    found = [e for e in events(nlp, "A Denver jury convicted the smuggler in May.") if e.type == "SANCTION"]
    assert found and found[0].actors == ("Denver jury",)


def test_him_is_the_man_last_named_as_a_subject_though_another_was_shown_a_man(nlp):
    """ "X said Y had ... Z arrested him": Y, though only X was shown as a man ("his office")."""
    text = ("President Leo Brandt said his office was ready. Brandt said Omar Diaz had answered every question. "
            "Peru arrested him in May.")
    found = [e for e in events(nlp, text) if e.type == "COERCE"]
    assert found and found[0].recipients == ("Omar Diaz",)


@pytest.mark.parametrize("text, kind, recipients", [
    ("Peru freed Ana Ortiz and Tom Weiss in May. A Lima court had convicted them the year before.",
     "SANCTION", {"Ana Ortiz", "Tom Weiss"}),
    ("Under a deal with Chile, the activists stay in Lima. President Leo Brandt spoke to them by video link on "
     "Monday.", "CONSULT", {"activists"}),
    # a plural kin noun after "the" is the pair named before; one that names its own people keeps them
    ("Chile freed Tom Weiss and Omar Diaz in May. Peru freed the cousins, Ana Ortiz and Rosa Vidal, on Monday. "
     "Police had arrested the cousins in Lima in 2019.", "COERCE", {"Ana Ortiz", "Rosa Vidal"}),
])
def test_them_as_an_object_is_the_people_last_named_together(nlp, text, kind, recipients):
    found = [e for e in events(nlp, text) if e.type == kind]
    assert found and set(found[-1].recipients) == recipients


def test_the_cousins_named_in_apposition_are_those_named_there(nlp):
    found = [e for e in events(nlp, "Chile freed Tom Weiss and Omar Diaz in May. Peru freed the cousins, Ana Ortiz "
                                    "and Rosa Vidal, on Monday.") if e.type == "RETREAT"]
    assert found and set(found[-1].recipients) == {"Ana Ortiz", "Rosa Vidal"}


def test_them_is_not_read_across_a_heading(nlp):
    text = ("Rebels freed the activists in Lima on Monday.\n\nActivists fly home\n\n"
            "President Leo Brandt spoke to them by video link on Tuesday.")
    found = [e for e in events(nlp, text) if e.type == "CONSULT"]
    assert all("activists" not in e.recipients for e in found)


def test_bloggers_qualified_by_a_demonym_are_a_group_that_can_accuse_their_state(nlp):
    found = [e for e in events(nlp, "Pro-war Peruvian bloggers accuse Lima of giving up too much.") if e.type == "ACCUSE"]
    assert found and found[0].actors == ("Peru bloggers",) and found[0].recipients == ("Peru",)


def test_them_read_through_a_they_that_is_read_through_it_ends(nlp):
    """ "They would sue, lawyers for them said": they is read through its speaker, who holds them; no endless loop."""
    assert events(nlp, "Peru freed the activists in May. They would sue the Peruvian state, lawyers for them said "
                       "on Monday.")
