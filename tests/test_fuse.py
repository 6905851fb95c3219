"""backchannel.fuse: the mechanisms of cross-document fusion (the heuristics are tuned elsewhere).

Checked here: the user's actors file (read, validated, applied), that every mention ends with an actor
that exists, that ids derive from names (re-running gives the same ids), and exact duplicates.
"""
from types import SimpleNamespace

import pytest

from backchannel.clean import minhash
from backchannel.errors import ConfigError
from backchannel.fuse.actors import UserActors, load_user_actors, resolve_actors
from backchannel.fuse.stories import group_stories, near_duplicates
from backchannel.models import Document


def row(doc, key, kind, text=None, label="", title="", affiliation="", start=0):
    return SimpleNamespace(document_id=doc, key=key, kind=kind, text=text or key, label=label, title=title,
                           affiliation=affiliation, start=start)


ROWS = [row("d1", "Norway", "state", label="GPE"), row("d1", "Red Cross", "organization", label="ORG"),
        row("d2", "Norway", "state", "Norwegian", label="NORP"), row("d2", "Anna Berg", "person", label="PERSON"),
        row("d3", "Red Cross", "organization", label="ORG")]


def test_every_mention_is_assigned_to_an_existing_actor():
    actors, assignment = resolve_actors(ROWS)
    ids = {a.id for a in actors}
    assert set(assignment.values()) <= ids
    assert {(r.document_id, r.key) for r in ROWS} == set(assignment)
    assert sum(a.mentions for a in actors) == len(ROWS)


def test_fusion_is_deterministic():
    first, second = resolve_actors(ROWS), resolve_actors(list(reversed(ROWS)))
    assert first[0] == second[0]  # same actors, same ids, whatever the order of the rows
    assert first[1] == second[1]


def test_groups_that_end_with_one_name_are_one_actor():
    """An agency written out once but named by its short form, beside the short form tagged as a person:
    both groups are named "Sana", and an id derives from the name, so they must be one actor."""
    rows = [row("d1", "Sana", "person", label="PERSON"), row("d2", "Sana", "person", label="PERSON"),
            row("d3", "Syrian Arab News Agency", "organization", "Sana", label="ORG"),
            row("d4", "Syrian Arab News Agency", "organization", "Sana", label="ORG"),
            row("d4", "Syrian Arab News Agency", "organization", label="ORG")]
    actors, assignment = resolve_actors(rows)
    assert len({a.id for a in actors}) == len(actors) == 1
    assert set(assignment.values()) == {actors[0].id} and actors[0].mentions == 5


def test_user_actors_file(tmp_path):
    path = tmp_path / "actors.yaml"
    path.write_text("actors:\n  - name: International Red Cross\n    kind: organization\n    aliases: [Red Cross]\n"
                    "merges:\n  - [Anna Berg, Norway]\n", encoding="utf-8")
    user = load_user_actors(str(path))
    assert user == UserActors((("International Red Cross", "organization", ("Red Cross",)),), (("Anna Berg", "Norway"),))
    actors, assignment = resolve_actors(ROWS, user)
    red_cross = assignment[("d1", "Red Cross")]
    assert red_cross == assignment[("d3", "Red Cross")]
    assert next(a for a in actors if a.id == red_cross).name == "International Red Cross"
    assert assignment[("d2", "Anna Berg")] == assignment[("d1", "Norway")]  # a user's merge


@pytest.mark.parametrize("content", ["actors: [{kind: person}]", "actors: {name: x}", "actors: [", "- just a list"])
def test_an_invalid_actors_file_is_one_config_error(tmp_path, content):
    path = tmp_path / "actors.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=r"actors\.yaml: not a valid actors file"):
        load_user_actors(str(path))


def test_a_missing_actors_file_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="not a valid actors file"):
        load_user_actors(str(tmp_path / "nowhere.yaml"))
    assert load_user_actors(None) == UserActors()


TEXT = ("Norway hosted envoys from both sides in Oslo on Monday, and the talks went on late into the night "
        "before the delegations agreed to meet again within a week to settle the remaining questions.")
OTHER = "Turkey rejected the ceasefire proposal on Tuesday, calling it one-sided, and recalled its ambassador."


def doc(doc_id, name):
    return Document(id=doc_id, source=name, name=name, text="", content_hash=doc_id)


def test_near_duplicates_point_at_the_first_copy():
    docs = [doc("d1", "a.txt"), doc("d2", "b.txt"), doc("d3", "c.txt")]
    blobs = {"d1": minhash(TEXT).hashvalues.tobytes(), "d2": minhash(OTHER).hashvalues.tobytes(),
             "d3": minhash(TEXT + " A spokesman confirmed it.").hashvalues.tobytes()}
    assert near_duplicates(docs, blobs, 0.8) == {"d1": None, "d2": None, "d3": "d1"}


def test_duplicates_share_a_story_and_story_ids_are_stable():
    docs = [doc("d1", "a.txt"), doc("d2", "b.txt")]
    blobs = {d.id: minhash(TEXT).hashvalues.tobytes() for d in docs}
    links = group_stories(docs, {}, {}, blobs, 0.8)
    assert links.story["d1"] == links.story["d2"]
    assert links.duplicate_of == {"d1": None, "d2": "d1"}
    assert group_stories(docs, {}, {}, blobs, 0.8) == links


# -- events: one event per happening -----------------------------------------------------------------
from backchannel.fuse.events import Reading, group_readings, merged_date, same_happening  # noqa: E402
from backchannel.models import DateWindow  # noqa: E402


def _reading(rid, doc, people, lo="2024-08-01", hi="2024-08-01", kind="CONSULT", story="s1", mode=None):
    from datetime import date as _d
    return Reading(rid, doc, story, kind, frozenset(people), DateWindow(_d.fromisoformat(lo), _d.fromisoformat(hi)), mode)


def test_two_outlets_reporting_one_call_make_one_happening():
    a = _reading("e1", "d1", {"biden", "putin"})
    b = _reading("e2", "d2", {"biden", "putin"}, "2024-07-29", "2024-08-04")
    assert group_readings([a, b]) == {"e1": "e1", "e2": "e1"}


@pytest.mark.parametrize("other, same", [
    (_reading("e2", "d2", {"biden", "putin"}, kind="ACCUSE"), False),  # another type of act
    (_reading("e2", "d2", {"biden", "putin"}, "2024-09-01", "2024-09-01"), False),  # dates cannot both be true
    (_reading("e2", "d2", {"biden", "erdogan"}), False),  # one participant in common
    (_reading("e2", "d2", {"biden", "putin"}, story="s2", lo="2024-01-01", hi="2024-12-31"), False),  # unrelated
    (_reading("e2", "d1", {"putin", "biden", "scholz"}), True),  # two in common, same article
    (_reading("e2", "d2", {"biden", "putin"}, mode="visit"), False),  # a visit is not the phone call
    (_reading("e2", "d2", {"biden", "putin"}, mode=None), True),  # a call of no stated mode may be it
])
def test_same_happening_needs_type_dates_people_and_related_articles(other, same):
    assert same_happening(_reading("e1", "d1", {"biden", "putin"}, mode="phone"), other) is same


def test_single_participant_readings_merge_only_within_one_article():
    a, b = _reading("e1", "d1", {"hamas"}), _reading("e2", "d2", {"hamas"})
    assert not same_happening(a, b)
    assert same_happening(a, _reading("e3", "d1", {"hamas"}))


def test_merged_date_is_the_window_all_readings_allow():
    from datetime import date as _d
    week = DateWindow(_d(2024, 12, 2), _d(2024, 12, 8))
    publication = DateWindow(_d(2024, 12, 1), _d(2024, 12, 7))
    merged = merged_date([week, publication, None])
    assert (merged.earliest, merged.latest) == (_d(2024, 12, 2), _d(2024, 12, 7))
    far = DateWindow(_d(2024, 1, 1), _d(2024, 1, 1))
    assert merged_date([week, far]) == far  # they disagree: the narrowest is kept


def test_two_spellings_of_one_organisation_are_one_actor_but_unlike_names_stay_apart():
    rows = [row("d1", "Hezbollah", "organization", label="ORG"), row("d2", "Hizbollah", "organization", label="ORG"),
            row("d1", "Hizbollah", "organization", label="ORG"), row("d2", "Helsinki Group", "organization", label="ORG"),
            row("d3", "Frontex", "organization", label="ORG"), row("d3", "Fortexa", "organization", label="ORG")]
    actors, _ = resolve_actors(rows)
    assert sorted(a.name for a in actors) == ["Fortexa", "Frontex", "Helsinki Group", "Hizbollah"]


def test_an_acronym_joins_an_organisation_it_spells_but_not_a_person():
    rows = [row("d1", "BP", "organization", label="ORG"), row("d2", "Bolivian President", "person", label="PERSON"),
            row("d3", "BP", "organization", label="ORG"), row("d3", "Border Police", "organization", label="ORG")]
    actors, assignment = resolve_actors(rows)
    assert assignment[("d1", "BP")] != assignment[("d2", "Bolivian President")]
    assert assignment[("d3", "BP")] == assignment[("d3", "Border Police")]


def test_an_acronym_is_no_surname_and_a_surname_drops_its_article():
    rows = [row("d1", "UN", "organization", label="ORG"), row("d1", "Kim Jong Un", "person", label="PERSON"),
            row("d2", "Salah al-Tamimi", "person", label="PERSON"), row("d2", "Tamimi", "organization", label="ORG"),
            row("d3", "Tamimi", "person", label="PERSON")]
    actors, assignment = resolve_actors(rows)
    assert assignment[("d1", "UN")] != assignment[("d1", "Kim Jong Un")]
    assert assignment[("d2", "Tamimi")] == assignment[("d3", "Tamimi")] == assignment[("d2", "Salah al-Tamimi")]


def test_a_body_named_in_plural_and_singular_or_by_the_tail_of_its_long_name_is_one_actor():
    rows = [row("d1", "Zaydis", "person", label="PERSON"), row("d2", "Zaydi", "organization", label="ORG"),
            row("d1", "Blue Crescent", "organization", label="ORG"),
            row("d2", "Federation of the Blue Crescent", "organization", label="ORG"),
            row("d3", "Security Council", "organization", label="ORG"),
            row("d3", "Arab Security Council", "organization", label="ORG"),
            row("d3", "Gulf Security Council", "organization", label="ORG")]
    actors, assignment = resolve_actors(rows)
    assert assignment[("d1", "Zaydis")] == assignment[("d2", "Zaydi")]
    assert assignment[("d1", "Blue Crescent")] == assignment[("d2", "Federation of the Blue Crescent")]
    assert assignment[("d3", "Security Council")] != assignment[("d3", "Arab Security Council")]  # two longer names


def test_one_way_acts_in_opposite_directions_are_two_happenings_but_talks_and_swap_halves_are_one():
    from datetime import date as _d
    day = DateWindow(_d(2024, 9, 14), _d(2024, 9, 14))
    ukr = frozenset({"kovalenko", "ukraine", "russia"})
    rus = frozenset({"petrova", "russia", "ukraine"})
    a = Reading("e1", "d1", "s1", "ACCUSE", ukr, day, None, frozenset({"kovalenko", "ukraine"}))
    b = Reading("e2", "d1", "s1", "ACCUSE", rus, day, None, frozenset({"petrova", "russia"}))
    assert not same_happening(a, b)
    assert same_happening(a, Reading("e3", "d2", "s1", "ACCUSE", ukr, day, None, frozenset({"kovalenko"})))
    for kind in ("CONSULT", "RETREAT"):
        assert same_happening(*[Reading(r.id, r.document, r.story, kind, r.participants, day, None, r.actors)
                                for r in (a, b)])


def test_one_way_acts_of_one_article_by_different_actors_are_two_happenings():
    from datetime import date as _d
    week = DateWindow(_d(2024, 9, 8), _d(2024, 9, 14))
    a = Reading("e1", "d1", "s1", "REQUEST", frozenset({"chile", "peru"}), week, None, frozenset({"chile"}))
    b = Reading("e2", "d1", "s1", "REQUEST", frozenset({"envoy", "chile", "peru"}), week, None, frozenset({"envoy"}))
    assert not same_happening(a, b)  # "Chile called on Peru to ...", "the envoy urged both sides to ..."
    assert same_happening(a, Reading("e3", "d1", "s1", "REQUEST", a.participants, week, None,
                                     frozenset({"chile", "ruiz"})))


def test_a_given_name_alone_is_the_one_person_named_in_full_with_it():
    rows = [row("d1", "Tomas Berg", "person", label="PERSON"), row("d2", "Tomas", "person", label="PERSON"),
            row("d2", "Ilse", "person", label="PERSON"), row("d1", "Ilse Berg", "person", label="PERSON"),
            row("d3", "Ilse Holm", "person", label="PERSON")]
    actors, assignment = resolve_actors(rows)
    assert assignment[("d2", "Tomas")] == assignment[("d1", "Tomas Berg")]
    assert assignment[("d2", "Ilse")] not in (assignment[("d1", "Ilse Berg")], assignment[("d3", "Ilse Holm")])


def test_a_surname_of_two_words_joins_the_one_full_name_that_ends_with_it():
    rows = [row("d1", "Pieter Van Dam", "person", label="PERSON"), row("d2", "Van Dam", "person", label="PERSON"),
            row("d3", "El Amin", "person", label="PERSON"), row("d3", "Karim El Amin", "person", label="PERSON"),
            row("d3", "Samir El Amin", "person", label="PERSON"),
            row("d1", "Embassy", "organization", label="PERSON"),
            row("d2", "Royal Chilean Embassy", "organization", label="ORG")]
    actors, assignment = resolve_actors(rows)
    assert assignment[("d2", "Van Dam")] == assignment[("d1", "Pieter Van Dam")]
    assert assignment[("d3", "El Amin")] not in (assignment[("d3", "Karim El Amin")], assignment[("d3", "Samir El Amin")])
    assert assignment[("d1", "Embassy")] == assignment[("d2", "Royal Chilean Embassy")]
