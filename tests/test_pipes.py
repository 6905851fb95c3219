"""backchannel.analyse.pipes: the sentence boundaries the line-break component sets before the parser."""
import pytest

from backchannel.analyse.nlp import load
from backchannel.config import Settings


@pytest.fixture(scope="module")
def nlp():
    return load(Settings.load().model)


@pytest.mark.parametrize("head", ["Lima, 3 May 2025\n\n", "Swap completed\n\n", "Analysis\nLima, 3 May 2025\n"])
def test_a_line_starts_a_sentence_and_its_first_word_is_not_one_alone(nlp, head):
    body = "Peru and Chile exchanged 40 prisoners each on Friday, officials in both countries said."
    sentences = [s.text.strip() for s in nlp(head + body).sents]
    assert sentences[-1] == body
    assert all(line.strip() in sentences for line in head.splitlines() if line.strip())


@pytest.mark.parametrize("dateline", ["LIMA (AFP) - ", "SANTA CRUZ, Bolivia \u2014 ", "LA PAZ/LIMA - ",
                                      "QUITO, Jan 31, 2025 (Wire) - "])
def test_a_wire_dateline_is_no_part_of_the_first_sentence(nlp, dateline):
    body = "Peru and Bolivia signed a border accord on Monday, their foreign ministers said."
    sentences = [s.text.strip() for s in nlp("Border accord signed\n\n" + dateline + body).sents]
    assert sentences[-1] == body


def test_a_capitalised_word_and_a_dash_inside_a_sentence_is_no_dateline(nlp):
    text = "The accord - which NATO backed - was signed on Monday."
    assert [s.text for s in nlp(text).sents] == [text]


@pytest.mark.parametrize("text", ["Two weeks after Sgt. Tomas Rojas was freed, Peru thanked Chile.",
                                  "Peru said Gen. Ana Ruiz had met the Chilean envoy in Quito."])
def test_an_abbreviated_title_does_not_end_a_sentence(nlp, text):
    assert [s.text for s in nlp(text).sents] == [text]
