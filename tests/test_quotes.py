"""backchannel.analyse.quotes: direct and indirect quotations and their speakers, on short texts written
for these tests and parsed by the real pipeline. They pin the cases the reader is built for (speaker
after or before the quotation, "according to", he/she, unnamed sources, "said that"), and that every
offset slices the text."""
import pytest

from backchannel.analyse import analyse_document
from backchannel.analyse.mentions import find_mentions
from backchannel.analyse.nlp import load
from backchannel.analyse.participants import Context
from backchannel.analyse.quotes import cues, find_quotes
from backchannel.config import Settings
from backchannel.models import Published

CHAIR = "Maria Lindqvist chaired the fisheries meeting in Bergen. "


@pytest.fixture(scope="module")
def nlp():
    return load(Settings.load().model)


def read(nlp, text):
    doc = nlp(text)
    return doc, find_quotes(doc, find_mentions(doc))


def only(nlp, text):
    _, found = read(nlp, text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("text, words", [
    (CHAIR + "“We will not sign this agreement,” Lindqvist said.", "We will not sign this agreement"),
    (CHAIR + "\"We will not sign this agreement,\" said Lindqvist.", "We will not sign this agreement"),
    (CHAIR + "Lindqvist said: “The harbour must stay open to every ship.”", "The harbour must stay open to every ship."),
])
def test_a_direct_quotation_with_a_named_speaker_after_or_before_it(nlp, text, words):
    q = only(nlp, text)
    assert (q.kind, q.text, q.cue) == ("direct", words, "say")
    assert (q.speaker_key, q.speaker_text, q.anonymous) == ("Maria Lindqvist", "Lindqvist", False)


def test_a_direct_quotation_may_span_a_sentence_boundary(nlp):
    text = CHAIR + "“The harbour stays open. The boats keep sailing,” Lindqvist said."
    q = only(nlp, text)
    assert q.text == "The harbour stays open. The boats keep sailing"
    assert q.evidence.sentence == "“The harbour stays open. The boats keep sailing,” Lindqvist said."
    assert q.speaker_key == "Maria Lindqvist"


def test_according_to(nlp):
    q = only(nlp, "The ferry line will reopen in May, according to the Norwegian transport ministry.")
    assert (q.kind, q.cue, q.text) == ("indirect", "according to", "The ferry line will reopen in May")
    assert q.speaker_text == "the Norwegian transport ministry" and q.speaker_key == "Norway"


def test_a_pronoun_speaker_is_the_person_named_before(nlp):
    q = only(nlp, "Maria Lindqvist arrived in Bergen on Tuesday. She said the talks had been useful for both sides.")
    assert (q.kind, q.speaker_text, q.speaker_key) == ("indirect", "She", "Maria Lindqvist")
    assert q.text == "the talks had been useful for both sides"


@pytest.mark.parametrize("text, speaker, cue", [
    ("The delegations met twice last week, a person familiar with the talks said.",
     "a person familiar with the talks", "familiar with"),
    ("According to two officials briefed on the talks, Sweden offered to cut the fee.",
     "two officials briefed on the talks", "briefed on"),
    ("It is understood that Denmark will leave the talks next month.", "It is understood", "it is understood"),
])
def test_an_anonymous_speaker_keeps_its_words_and_no_actor(nlp, text, speaker, cue):
    q = only(nlp, text)
    assert (q.speaker_key, q.speaker_text, q.anonymous, q.source_cue) == (None, speaker, True, cue)


def test_an_unnamed_speaker_that_is_no_anonymous_source(nlp):
    q = only(nlp, "“Both fleets will return to port before the storm,” the statement said.")
    assert (q.speaker_key, q.speaker_text, q.anonymous) == (None, "the statement", False)


def test_an_indirect_quotation_said_that(nlp):
    q = only(nlp, CHAIR + "Lindqvist said that the fishing quota would be cut by half.")
    assert (q.kind, q.cue, q.text, q.speaker_key) == ("indirect", "say", "the fishing quota would be cut by half",
                                                       "Maria Lindqvist")
    assert q.evidence.sentence == "Lindqvist said that the fishing quota would be cut by half."


def test_a_state_speaks_through_a_warning(nlp):
    q = only(nlp, "Norway warned that the border would close on Friday.")
    assert (q.cue, q.speaker_key, q.text) == ("warn", "Norway", "the border would close on Friday")


def test_an_attribution_inside_the_clause_keeps_the_clause_whole(nlp):
    q = only(nlp, CHAIR + "The boats, Lindqvist said, would stay in port until Monday.")
    assert q.text == "The boats, Lindqvist said, would stay in port until Monday"


@pytest.mark.parametrize("text", [
    CHAIR + "Lindqvist called the plan “a mistake”.",  # two words: scare quotes, not a quotation
    "“The harbour stays open for all,” read the sign on the gate.",  # no speech verb, no speaker
    CHAIR + "Lindqvist did not say that the quota would change.",  # a denied statement quotes nothing
])
def test_no_quotation(nlp, text):
    assert read(nlp, text)[1] == []


def test_one_attribution_gives_one_quotation(nlp):
    _, found = read(nlp, CHAIR + "Lindqvist warned that the talks would end with “no deal for anyone at all”.")
    assert [(q.kind, q.text) for q in found] == [("direct", "no deal for anyone at all")]


TEXTS = [
    CHAIR + "“We will not sign this agreement,” Lindqvist said.\n\nShe added that the boats\u2019 owners agreed.",
    "Héllo wörld.\nThe ferry line will reopen in May, according to the ministry.\n“Ships sail on,” said the captain’s mate, “and the harbour stays open.”",
    "Title line\n\n  Norway warned that the border would close on Friday, officials said.  \n",
]


@pytest.mark.parametrize("text", TEXTS)
def test_offsets_slice_the_text(nlp, text):
    doc, found = read(nlp, text)
    assert found
    for q in found:
        assert text[q.start:q.end] == q.text
        assert text[q.evidence.start:q.evidence.end] == q.evidence.sentence
        assert q.evidence.start <= q.start and q.end <= q.evidence.end
        assert q.kind in ("direct", "indirect") and q.cue


def test_context_or_sentences_give_the_same_quotations(nlp):
    doc = nlp(TEXTS[0])
    mentions = find_mentions(doc)
    sentences = list(doc.sents)
    assert (find_quotes(doc, mentions) == find_quotes(doc, mentions, sentences)
            == find_quotes(doc, mentions, Context.of(doc, mentions, sentences)))


def test_the_analysis_carries_the_quotations(nlp):
    analysis = analyse_document(nlp(TEXTS[0]), Published(None, "unknown"))
    assert [q.text for q in analysis.quotes] == ["We will not sign this agreement", "the boats’ owners agreed"]


def test_cues_come_from_the_pattern_files():
    c = cues()
    assert {"say", "warn", "tell", "confirm"} <= c.verbs  # events.yaml speech_verbs plus quotes.yaml
    assert c.min_words == 3 and "understand" in c.impersonal
    assert any(cue == "familiar with" for cue, _ in c.anonymous)
