"""backchannel.clean: boilerplate and captions out, whitespace normalised, hashes and MinHash.

The cue lines below are generic site furniture (paywall, newsletter, share and copyright lines); the
vocabulary itself lives in clean/patterns/boilerplate.yaml and may grow without breaking these.
"""
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from backchannel.clean import clean_text, content_hash, minhash

BODY = ["Qatar hosted the envoys in Doha on Monday.", "The talks went on late into the night.",
        "The sides will meet again next week, a mediator said."]


@pytest.mark.parametrize("line", [
    "Subscribe to our newsletter for the latest updates",
    "© 2024 Example News. All rights reserved.",
    "Copyright 2024 Example News",
    "Share this article",
    "Continue reading",
    "Advertisement",
    "Click here to sign up",
])
def test_boilerplate_lines_are_removed_and_kept_for_inspection(line):
    text = "\n".join([BODY[0], line, BODY[1], BODY[2]])
    cleaned = clean_text(text)
    assert line not in cleaned.text
    assert line in cleaned.removed
    for body in BODY:
        assert body in cleaned.text


@pytest.mark.parametrize("line", [
    "Photo: envoys arrive in Doha (Reuters)",
    "Envoys arrive at the talks. Photo by Jane Roe",
    "Image credit: Example Agency",
])
def test_captions_are_set_apart_with_offsets(line):
    cleaned = clean_text("\n".join([BODY[0], line, BODY[1]]))
    assert line not in cleaned.text
    assert [c.text for c in cleaned.captions] == [line]
    c = cleaned.captions[0]
    assert "\n".join(x.text for x in cleaned.captions)[c.start:c.end] == line


def test_repeated_lines_are_dropped_but_short_ones_kept():
    text = "\n".join([BODY[0], BODY[1], "Doha", BODY[0], "Doha", BODY[2]])
    cleaned = clean_text(text)
    assert cleaned.text.count(BODY[0]) == 1
    assert cleaned.text.count("Doha\n") == 2  # fewer than three words: not judged a repeat


def test_whitespace_is_normalised_per_line():
    text = "  Envoys   meet in\tDoha  \r\n\r\n\r\n\r\nQatar hosted\u00a0the envoys.\rThe talks went on.\n\n"
    assert clean_text(text).text == "Envoys meet in Doha\n\nQatar hosted the envoys.\nThe talks went on."


def test_paragraph_breaks_survive_as_single_blank_lines():
    cleaned = clean_text(f"\n\n{BODY[0]}\n\n\n{BODY[1]}\n")
    assert cleaned.text == f"{BODY[0]}\n\n{BODY[1]}"


def test_unicode_is_composed():
    decomposed = "Erdo\u0308gan met the envoys in Ankara."  # o + combining diaeresis
    assert clean_text(decomposed).text == "Erd\u00f6gan met the envoys in Ankara."


def test_content_hash_ignores_case_and_spacing_but_not_words():
    a = "Qatar hosted the envoys.\nThe talks went on."
    assert content_hash(a) == content_hash("  qatar  HOSTED the envoys.  The talks   went on. ")
    assert content_hash(a) != content_hash("Qatar hosted the envoys.\nThe talks broke down.")
    assert len(content_hash(a)) == 64


def test_minhash_estimates_similarity():
    long = " ".join(BODY * 3) + " Egypt and Qatar carried proposals between the delegations all week."
    near = long.replace("all week", "all that week")
    other = "Turkey rejected the proposal, calling it one-sided, and recalled its ambassador from the capital."
    assert minhash(long).jaccard(minhash(near)) > 0.7
    assert minhash(long).jaccard(minhash(other)) < 0.2


lines = st.one_of(st.sampled_from(BODY + ["Subscribe to our newsletter", "Share this article", "Photo: x (Reuters)",
                                          "© 2024 Example", "", "  ", "Advertisement", "Doha"]),
                  st.text(max_size=60))


@given(st.one_of(st.text(), st.lists(lines, max_size=30).map("\n".join)))
@example("\u00a8 Envoys\r\nmet")  # NFKC turns the diaeresis into a space + combining mark
def test_clean_text_is_idempotent(text):
    once = clean_text(text)
    twice = clean_text(once.text)
    assert twice.text == once.text
    assert twice.captions == () and twice.removed == ()  # nothing left to take out


def test_a_last_paragraph_after_a_read_more_link_is_kept_when_it_reports():
    text = "\n".join(["Talks resumed in Oslo on Monday after a pause of a month."] * 1 + [
        "The mediators met both delegations separately.", "Read more: Who are the mediators?",
        "The interior ministry said about 40 detainees remain in custody.", "Editing by Jan Olsen",
        "We rely on readers like you.", "Sign up for our newsletter"])
    cleaned = clean_text(text).text
    assert "about 40 detainees remain" in cleaned and "rely on readers" not in cleaned
