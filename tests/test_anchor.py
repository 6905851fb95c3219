"""backchannel.analyse.anchor: dating events from the parse, and re-dating them from their stored anchor
(no parse needed)."""
from datetime import date

import pytest

from backchannel.analyse import analyse_document
from backchannel.analyse.anchor import redate
from backchannel.analyse.nlp import load
from backchannel.analyse.times import find_timexes
from backchannel.config import Settings
from backchannel.models import DateWindow, Published, Timex


def window(lo, hi=None, rule="test"):
    return DateWindow(date.fromisoformat(lo), date.fromisoformat(hi or lo), rule=rule).normalised()


TIMEXES = [Timex(10, 19, "on Sunday", "DATE", window("2024-02-11", rule="weekday")),
           Timex(40, 50, "January 17", "DATE", window("2024-01-17", rule="month-day"), heading=True),
           Timex(60, 70, "for a week", "DURATION", None)]
PUBLISHED = Published(window("2024-02-13", rule="metadata"), "metadata")


def test_a_timex_anchor_takes_that_expressions_window():
    assert redate("timex:10", TIMEXES, PUBLISHED) == TIMEXES[0].window
    assert redate("heading:40", TIMEXES, PUBLISHED) == TIMEXES[1].window


def test_an_anchor_whose_expression_no_longer_fixes_a_day_gives_none():
    assert redate("timex:60", TIMEXES, PUBLISHED) is None
    assert redate("timex:999", TIMEXES, PUBLISHED) is None  # the expression is gone


def test_a_publication_anchor_follows_the_new_publication_window():
    w = redate("publication", TIMEXES, Published(window("2024-02-07", "2024-02-13", rule="story"), "inferred"))
    assert (w.earliest, w.latest, w.value, w.rule) == (date(2024, 2, 7), date(2024, 2, 13), "2024-02", "publication")
    assert redate("publication", TIMEXES, Published(None, "unknown")) is None


def test_no_anchor_no_date():
    assert redate("", TIMEXES, PUBLISHED) is None


@pytest.fixture(scope="module")
def nlp():
    return load(Settings.load().model)


def dates_of(nlp, text):
    analysis = analyse_document(nlp(text), PUBLISHED)
    return {e.trigger: e.date for e in analysis.events}


def test_an_undated_act_in_the_present_perfect_gets_no_date(nlp):
    dates = dates_of(nlp, "Chile has accused Peru of stalling the prisoner exchange.")
    assert dates and all(d is None for d in dates.values()), dates


def test_the_present_perfect_with_since_reaches_up_to_publication(nlp):
    dates = dates_of(nlp, "Chile has met Peru twice since the election.")
    assert dates and all((d.earliest, d.latest) == (date(2024, 2, 7), date(2024, 2, 13)) for d in dates.values())


@pytest.mark.parametrize("text, trigger", [
    ("The Chilean government calls on both sides to free the remaining prisoners.", "calls"),
    ("Their families are now asking the ministry why the men were left behind.", "asking"),
])
def test_an_undated_act_told_in_the_present_is_made_on_the_publication_day(nlp, text, trigger):
    d = dates_of(nlp, text)[trigger]
    assert (d.earliest, d.latest, d.rule) == (date(2024, 2, 13), date(2024, 2, 13), "publication"), d


def test_an_undated_act_in_the_past_tense_took_place_in_the_days_up_to_publication(nlp):
    dates = dates_of(nlp, "Chile accused Peru of stalling the prisoner exchange.")
    assert dates and all((d.earliest, d.latest, d.rule) == (date(2024, 2, 7), date(2024, 2, 13), "before-publication")
                         for d in dates.values()), dates
    assert redate("before-publication", TIMEXES, PUBLISHED) == list(dates.values())[0]


def test_a_when_clause_takes_the_time_it_modifies(nlp):
    text = "Chile and Peru last met on January 30, when Chile freed 40 prisoners."
    analysis = analyse_document(nlp(text), PUBLISHED)
    freed = [e for e in analysis.events if e.trigger == "freed"]
    assert freed and (freed[0].date.earliest, freed[0].date.latest) == (date(2024, 1, 30), date(2024, 1, 30))
    figure = next(c for c in analysis.claims if c.value == 40)
    assert figure.as_of.earliest == date(2024, 1, 30)


def test_a_day_the_parser_folds_into_the_title_after_it_still_dates_the_clause(nlp):
    text = "On Wednesday President Gustavo Petro spoke to President Luis Arce by phone."  # "Wednesday President"
    spoke = [e for e in analyse_document(nlp(text), PUBLISHED).events if e.trigger == "spoke"]
    assert spoke and (spoke[0].date.earliest, spoke[0].date.latest) == (date(2024, 2, 7), date(2024, 2, 7))


def test_a_plan_is_not_dated_by_the_publication_line_above_it(nlp):
    text = "Chile and Peru near a deal\nPublished: Tuesday, 13 February 2024\n\nChile will free 30 prisoners."
    analysis = analyse_document(nlp(text), PUBLISHED)
    free = [e for e in analysis.events if e.trigger == "free"]
    assert free and free[0].status == "planned" and free[0].date is None, free[0].date  # not 13 February


def test_a_dateline_is_no_section_heading(nlp):
    text = "Peru offers talks\nFebruary 13, 2024\n\nPeru has offered to host talks between Chile and Bolivia."
    offered = [e for e in analyse_document(nlp(text), PUBLISHED).events if e.trigger == "offered"]
    assert offered and offered[0].date is None  # the present perfect, undated; not the dateline's day


@pytest.mark.parametrize("text, trigger, earliest, latest", [
    # an act in an "after" or "when" clause happened when the main clause says, and the other way round
    ("The talks nearly collapsed last month after the rebels accused the army of shelling a village.", "accused",
     "2024-01-01", "2024-01-31"),
    ("Peru accused Chile of lying when the talks collapsed in January.", "accused", "2024-01-01", "2024-01-31"),
    # "after" the dated clause says nothing of when the act came: the days up to publication
    ("Peru accused Chile of lying after the talks collapsed in January.", "accused", "2024-02-07", "2024-02-13"),
    # a participle adjunct tells what the dated act also did
    ("Chile freed 40 Peruvian soldiers on January 12, completing its exchange with Peru.", "exchange",
     "2024-01-12", "2024-01-12"),
])
def test_a_time_clause_and_its_main_clause_share_their_date(nlp, text, trigger, earliest, latest):
    [event] = [e for e in analyse_document(nlp(text), PUBLISHED).events if e.trigger == trigger]
    assert (str(event.date.earliest), str(event.date.latest)) == (earliest, latest)


def test_a_date_on_the_subject_dates_its_verb_but_not_one_on_the_object(nlp):
    analysis = analyse_document(nlp("Friday's flights between Lima and Santiago carried 300 detainees."), PUBLISHED)
    figure = next(c for c in analysis.claims if c.value == 300)
    assert figure.as_of.earliest == figure.as_of.latest == date(2024, 2, 9)
    condemned = dates_of(nlp, "Peru condemned Chile's January 30 raid on the border post.")
    assert condemned["condemned"].earliest != date(2024, 1, 30) and condemned["raid"].earliest == date(2024, 1, 30)


def test_a_past_act_told_next_with_a_pronoun_goes_on_at_the_time_before(nlp):
    text = "Rebel leader Tomas Ruiz spoke to reporters in Lima on Sunday. He accused Peru of stalling the exchange."
    assert dates_of(nlp, text)["accused"].earliest == date(2024, 2, 11)
    apart = "Rebel leader Tomas Ruiz spoke to reporters in Lima on Sunday.\n\nHe accused Peru of stalling the exchange."
    assert dates_of(nlp, apart)["accused"].earliest == date(2024, 2, 7)


def test_a_stand_is_dated_when_told_and_a_reported_act_in_the_days_before(nlp):
    stand = dates_of(nlp, "Peru's foreign minister said on Sunday that Peru would not accept the new terms.")
    assert (stand["accept"].earliest, stand["accept"].latest) == (date(2024, 2, 11), date(2024, 2, 11))
    past = dates_of(nlp, "Peru's foreign minister said on Sunday that Chile had rejected the new terms.")
    assert (past["rejected"].earliest, past["rejected"].latest) == (date(2024, 2, 5), date(2024, 2, 11))


def test_an_act_confirmed_on_a_day_in_the_past_perfect_is_dated_by_the_confirmation(nlp):
    confirmed = dates_of(nlp, "The rebels confirmed on Sunday that they had accepted the new terms.")
    assert (confirmed["accepted"].earliest, confirmed["accepted"].latest) == (date(2024, 2, 11), date(2024, 2, 11))


def test_a_readiness_told_on_a_day_is_dated_by_the_telling(nlp):
    ready = dates_of(nlp, "Norway's foreign minister said on Sunday that Oslo was ready to host the next round.")
    assert [(d.earliest, d.latest) for d in ready.values()] == [(date(2024, 2, 11), date(2024, 2, 11))]


def test_an_undated_heading_ends_the_dated_section_above_it(nlp):
    text = ("January 17 - talks in Lima\n\nChile and Peru met in Lima.\n\nWhat comes next\n\n"
            "Chile accused Peru of stalling the exchange.")
    dates = dates_of(nlp, text)
    assert dates["met"].earliest == date(2024, 1, 17)
    assert dates["accused"].earliest != date(2024, 1, 17) and dates["accused"].rule == "before-publication"


def test_an_undated_act_under_a_live_report_entry_is_of_that_entry_s_day(nlp):
    text = "Tuesday 13 February 2024\n\n09:10 GMT - Chile blames Peru\n\nChile accused Peru of stalling the exchange."
    assert dates_of(nlp, text)["accused"].earliest == date(2024, 2, 13)


def test_a_statement_told_in_a_participle_takes_its_main_clause_date(nlp):
    text = 'Chile\'s president on Thursday hailed the truce, telling senators that "Peru must now free the soldiers".'
    dated = [d for trigger, d in dates_of(nlp, text).items() if trigger != "hailed"]
    assert dated and all((d.earliest, d.latest) == (date(2024, 2, 8), date(2024, 2, 8)) for d in dated), dated


@pytest.mark.parametrize("text, trigger, earliest", [
    # a verb joined to a dated one shares its date ...
    ("Chile's president phoned the Peruvian leader on Friday and pledged support for the talks.", "pledged", "2024-02-09"),
    ("Rebels shelled a village in Peru on Sunday, and Chile condemned the attack at the time.", "condemned", "2024-02-11"),
    # ... and a relative clause on a day happened that day
    ("Chilean troops left the border on Sunday, and the following day Peru accused Chile of shelling a village.",
     "accused", "2024-02-12"),
])
def test_a_joined_verb_or_a_clause_on_a_day_takes_that_date(nlp, text, trigger, earliest):
    assert str(dates_of(nlp, text)[trigger].earliest) == earliest


def test_a_past_act_shares_the_time_closing_the_past_act_joined_after_it(nlp):
    dates = dates_of(nlp, "Chile freed 40 Peruvian fishermen and Peru released three Chilean soldiers on Sunday.")
    assert str(dates["freed"].earliest) == "2024-02-11", dates
    dates = dates_of(nlp, "Chile accepted the offer, but Peru rejected the plan on Sunday.")  # a contrast: not shared
    assert dates["accepted"] is None or str(dates["accepted"].earliest) != "2024-02-11", dates


def test_a_joined_verb_that_looks_ahead_keeps_no_past_date(nlp):
    dates = dates_of(nlp, "Chile freed ten prisoners on Sunday and will free more.")
    assert dates["free"] is None or dates["free"].earliest != date(2024, 2, 11)


def test_an_undated_act_in_an_undated_article_waits_for_the_publication_date(nlp):
    # a yearless dateline: the article is dated later, from its collection, and its undated acts with it
    analysis = analyse_document(nlp("Chile accused Peru of stalling the prisoner exchange."), Published(None, "unknown"))
    assert analysis.events and all(e.date is None and e.date_anchor == "before-publication" for e in analysis.events)
    later = redate(analysis.events[0].date_anchor, TIMEXES, PUBLISHED)
    assert (later.earliest, later.latest) == (date(2024, 2, 7), date(2024, 2, 13))


@pytest.mark.parametrize("text", [
    "President Maria Duarte pardoned Tomas Keller, a Swiss sentenced to life in Lima for smuggling, on Wednesday.",
    "The court freed Tomas Keller, who had been jailed in Lima since 2019 for smuggling, on Wednesday.",
])
def test_a_time_after_a_comma_set_aside_dates_the_main_act(nlp, text):
    dates = dates_of(nlp, text)
    main = dates.get("pardoned") or dates.get("freed")
    assert main and (main.earliest, main.latest) == (date(2024, 2, 7), date(2024, 2, 7)), dates


def test_an_act_followed_by_one_on_the_following_day_took_place_the_day_before(nlp):
    text = ("Two engineers were freed on Saturday, the army said. They were handed over to Red Cross staff at a "
            "checkpoint and driven to the capital the following day, a spokesman said on Monday.")
    analysis = analyse_document(nlp(text), PUBLISHED)
    handed = next(e for e in analysis.events if e.trigger == "handed")
    assert (handed.date.earliest, handed.date.latest) == (date(2024, 2, 10), date(2024, 2, 10))
    timexes = find_timexes(text, date(2024, 2, 13))
    assert redate(handed.date_anchor, timexes, PUBLISHED) == handed.date


@pytest.mark.parametrize("text, latest", [
    ("The rebels have until late March to complete the withdrawal from the town.", date(2024, 3, 31)),
    ("Chile and Peru have until Friday to complete the prisoner exchange.", date(2024, 2, 16)),
])
def test_an_act_due_by_a_deadline_lies_between_publication_and_the_deadline(nlp, text, latest):
    analysis = analyse_document(nlp(text), PUBLISHED)
    assert analysis.events
    for e in analysis.events:
        assert (e.date.earliest, e.date.latest) == (date(2024, 2, 13), latest)
        assert redate(e.date_anchor, find_timexes(text, date(2024, 2, 13)), PUBLISHED) == e.date


def test_since_a_time_reaches_from_it_up_to_publication(nlp):
    text = "Chile and Peru have met twice since April."
    met = next(e for e in analyse_document(nlp(text), PUBLISHED).events if e.trigger == "met")
    assert (met.date.earliest, met.date.latest) == (date(2023, 4, 1), date(2024, 2, 13))
    assert redate(met.date_anchor, find_timexes(text, date(2024, 2, 13)), PUBLISHED) == met.date


@pytest.mark.parametrize("text", [
    "Chile and Peru blamed each other, as they did in June.",
    "Chile and Peru blamed each other, as they have done since April.",
])
def test_an_as_clause_comparing_a_like_act_at_another_time_does_not_date_the_main_act(nlp, text):
    blamed = dates_of(nlp, text)["blamed"]
    assert (blamed.earliest, blamed.latest) == (date(2024, 2, 7), date(2024, 2, 13))


def test_a_past_act_joined_after_a_reported_past_perfect_goes_on_with_the_telling(nlp):
    text = ("Chile and Peru said on Monday that they had received complaints from both unions, including strikes "
            "and road blocks, and urged the miners to keep the pledges they had made.")
    urged = dates_of(nlp, text)["urged"]
    assert (urged.earliest, urged.latest) == (date(2024, 2, 12), date(2024, 2, 12))


def test_the_date_opening_a_chronology_line_dates_every_clause_on_it(nlp):
    text = ("Timeline\n\nJan 5 - Chile frees 40 prisoners.\n"
            "Jan 9 - Peru accuses Chile of stalling the talks; Chile rejects the claim.\n")
    rejects = dates_of(nlp, text)["rejects"]
    assert (rejects.earliest, rejects.latest) == (date(2024, 1, 9), date(2024, 1, 9))


def test_a_clock_time_on_a_named_day_dates_the_act(nlp):
    text = "The truce between Chile and Peru took effect at 6 a.m. on Thursday, ending two years of fighting."
    took = dates_of(nlp, text)["took"]
    assert (took.earliest, took.latest) == (date(2024, 2, 8), date(2024, 2, 8))
    # in an article not yet dated, the time claims the act and dates it once the publication date is known
    [event] = [e for e in analyse_document(nlp(text), Published(None, "unknown")).events if e.trigger == "took"]
    assert event.date is None and redate(event.date_anchor, find_timexes(text, date(2024, 2, 13)), PUBLISHED) == took


@pytest.mark.parametrize("text", [
    "The rebels said on Sunday that they had agreed to no such thing.",
    "The rebels said on Sunday that they had never agreed to the truce.",
])
def test_a_denial_told_in_the_past_is_made_as_it_is_told(nlp, text):
    agreed = dates_of(nlp, text)["agreed"]
    assert (agreed.earliest, agreed.latest) == (date(2024, 2, 11), date(2024, 2, 11))


def test_a_stand_told_in_the_present_perfect_gets_no_date(nlp):
    assert dates_of(nlp, "Chile has said it will not free the soldiers.")["free"] is None
    assert dates_of(nlp, "Chile said it will not free the soldiers.")["free"] is not None


@pytest.mark.parametrize("text, trigger, day", [
    ("Families in Lima cheered on Monday as the buses arrived, three days after the soldiers were freed by Chile.",
     "freed", date(2024, 2, 9)),
    ("Chile freed the soldiers on Monday, a week before Peru freed its own.", "freed", date(2024, 2, 19)),
    ("Two days after Chile handed the soldiers back to Peru, the deal is being judged very differently in Lima.",
     "handed", date(2024, 2, 11)),  # a main clause in the present: counted from publication
    ("Five days after Capt. Tomas Rojas was released by the rebels, the exchange is under attack.",
     "released", date(2024, 2, 8)),  # "five days" hung on "after"
])
def test_an_act_some_days_after_or_before_a_dated_one_is_counted_from_it(nlp, text, trigger, day):
    events = [e for e in analyse_document(nlp(text), PUBLISHED).events if e.trigger == trigger]
    assert any((e.date.earliest, e.date.latest) == (day, day) for e in events), [e.date for e in events]
    shifted = next(e for e in events if e.date.earliest == day)
    assert redate(shifted.date_anchor, find_timexes(text, date(2024, 2, 13)), PUBLISHED) == shifted.date


def test_a_journey_takes_the_date_of_the_when_clause_of_its_purpose(nlp):
    flew = dates_of(nlp, "Rosa Quispe flew to Lima to meet the freed fishermen when they landed on Sunday "
                         "night.")["flew"]
    assert (flew.earliest, flew.latest) == (date(2024, 2, 11), date(2024, 2, 11))


def test_a_telling_joined_to_a_dated_act_takes_its_date(nlp):
    text = ("Envoys from Chile and Peru met in Quito on Monday for talks hosted by Ecuador, and Ecuador said the two "
            "sides had reached agreement on key points.")
    reached = dates_of(nlp, text)["reached"]
    assert (reached.earliest, reached.latest) == (date(2024, 2, 6), date(2024, 2, 12))


def test_an_act_told_as_done_this_year_ends_at_publication(nlp):
    text = "Envoys from Chile and Peru met in Quito several times this year."
    met = next(e for e in analyse_document(nlp(text), PUBLISHED).events if e.trigger == "met")
    assert (met.date.earliest, met.date.latest) == (date(2024, 1, 1), date(2024, 2, 13))
    assert redate(met.date_anchor, find_timexes(text, date(2024, 2, 13)), PUBLISHED) == met.date
    assert dates_of(nlp, "Chile will free the soldiers this year.")["free"].latest == date(2024, 12, 31)
    [undated] = analyse_document(nlp(text), Published(None, "unknown")).events  # dated once publication is known
    assert redate(undated.date_anchor, find_timexes(text, date(2024, 2, 13)), PUBLISHED) == met.date


def test_a_time_after_the_object_of_a_participle_on_the_object_dates_the_main_act(nlp):
    text = "Chile released a retired colonel serving a long sentence for torture on Saturday in exchange for two Peruvians."
    released = dates_of(nlp, text)["released"]
    assert (released.earliest, released.latest) == (date(2024, 2, 10), date(2024, 2, 10))


def test_an_infinitive_decided_on_a_day_takes_that_day(nlp):
    dates = dates_of(nlp, "The Chilean cabinet decided on Thursday to pardon Jorge Vidal and release him.")
    assert all((dates[t].earliest, dates[t].latest) == (date(2024, 2, 8), date(2024, 2, 8)) for t in ("pardon", "release"))


def test_an_opening_participle_dates_its_main_clause(nlp):
    accused = dates_of(nlp, "Speaking to local radio on Sunday, Vidal accused the Chilean police of beating him.")["accused"]
    assert (accused.earliest, accused.latest) == (date(2024, 2, 11), date(2024, 2, 11))


def test_a_sentence_opening_with_its_time_moves_the_narrative_for_the_past_acts_after_it(nlp):
    text = ("In 2015, shortly after the border clashes, Chilean police arrested a Peruvian pilot near Arica. Peru "
            "protested loudly, and its army threatened to close the border.\n\nSpain offered to mediate.")
    dates = dates_of(nlp, text)
    assert (dates["protested"].earliest, dates["protested"].latest) == (date(2015, 1, 1), date(2015, 12, 31))
    assert dates["offered"].earliest == date(2024, 2, 7)  # another paragraph: the days before publication
    later = dates_of(nlp, "In 2015 the rebels seized a Chilean pilot. Four years later, Norway took charge of the "
                          "mediation. A Norwegian diplomat met Peruvian envoys in Oslo.")
    assert (later["met"].earliest, later["met"].latest) == (date(2019, 1, 1), date(2019, 12, 31))


def test_a_definite_happening_with_no_time_takes_the_day_of_the_last_one_of_its_kind(nlp):
    dates = dates_of(nlp, "Chile and Peru exchanged twelve prisoners at the border on Sunday. Lawyers in Lima welcomed "
                          "the news. Officials in Santiago said the exchange had gone smoothly.")
    assert (dates["exchange"].earliest, dates["exchange"].latest) == (date(2024, 2, 11), date(2024, 2, 11)), dates
    dates = dates_of(nlp, "Chile freed six prisoners on Sunday in an exchange with Peru. The talks in Quito had lasted "
                          "a month. Peru's foreign ministry said the swap had been completed without incident.")
    assert (dates["swap"].earliest, dates["swap"].latest) == (date(2024, 2, 11), date(2024, 2, 11)), dates


def test_a_happening_of_its_kind_dated_by_no_single_day_lends_no_date(nlp):
    dates = dates_of(nlp, "Chile and Peru exchanged prisoners at the border in January. Officials in Santiago said "
                          "the exchange had gone smoothly.")
    assert dates["exchange"].days > 1, dates



CONVICTION = "A court in Lima sentenced the pilot to six years in January, and he was moved to a prison in the north in March."


def test_the_one_chronology_line_of_the_same_kind_inside_the_window_gives_the_day(nlp):
    dates = dates_of(nlp, CONVICTION + "\n\nTimeline\n\nJan 9 - Court in Lima sentences the pilot.\nMar 2 - Appeal lodged.")
    assert (dates["sentenced"].earliest, dates["sentenced"].latest) == (date(2024, 1, 9), date(2024, 1, 9)), dates


def test_two_chronology_lines_of_the_kind_in_the_window_leave_it_whole(nlp):
    dates = dates_of(nlp, CONVICTION + "\n\nTimeline\n\nJan 9 - Court in Lima sentences the pilot.\n"
                                       "Jan 20 - Court in Lima sentences his aide.")
    assert (dates["sentenced"].earliest, dates["sentenced"].latest) == (date(2024, 1, 1), date(2024, 1, 31)), dates


def test_a_stand_in_an_infinitive_inside_the_report_is_taken_on_the_day_it_is_told(nlp):
    dates = dates_of(nlp, "A rebel spokesman, Ivan Ortiz, said on Sunday the movement would try to seize more "
                          "Peruvian officers if it could.")
    assert (dates["seize"].earliest, dates["seize"].latest) == (date(2024, 2, 11), date(2024, 2, 11)), dates


def test_the_act_of_a_when_clause_after_since_is_at_that_time_not_from_it(nlp):
    dated = dates_of(nlp, "Norway has represented Chile in Peru since 1975, when Lima broke off relations after a border dispute.")
    assert (dated["broke"].earliest, dated["broke"].latest) == (date(1975, 1, 1), date(1975, 12, 31)), dated


def test_a_sentence_dating_a_happening_moves_the_narrative_to_its_time(nlp):
    text = "The previous swap took place in March 2012, after long talks. Peru freed three Chileans."
    assert (dates_of(nlp, text)["freed"].earliest, dates_of(nlp, text)["freed"].latest) == (date(2012, 3, 1), date(2012, 3, 31))


def test_a_past_verb_parsed_as_joined_to_an_infinitive_goes_on_with_the_telling(nlp):
    text = ("A spokesman said on Friday that the army had acted only to protect residents from the shelling "
            "and dismissed the rebels' figures as lies.")
    d = dates_of(nlp, text)["dismissed"]
    assert (d.earliest, d.latest) == (date(2024, 2, 9), date(2024, 2, 9)), d


def test_a_pronoun_subject_goes_on_at_the_day_its_story_last_gave(nlp):
    text = ("Rebel leader Tomas Ruiz spoke to reporters in Lima on Sunday. He said he had lost weight in prison. "
            "He accused Peru of stalling the exchange.")
    assert dates_of(nlp, text)["accused"].earliest == date(2024, 2, 11)


def test_an_act_at_the_same_occasion_takes_that_occasions_day(nlp):
    text = ("Tomas Ruiz spoke at a news conference in Lima on Sunday.\n\nAt the same news conference, Ana Rojas urged "
            "Chile to free the sailors.")
    assert dates_of(nlp, text)["urged"].earliest == date(2024, 2, 11)


def test_an_act_done_in_a_happening_a_participle_dates_takes_that_date(nlp):
    dates = dates_of(nlp, "Chile freed the sailor in a swap carried out at the border on Sunday.")
    assert (dates["freed"].earliest, dates["freed"].latest) == (date(2024, 2, 11), date(2024, 2, 11)), dates


def test_an_act_agreed_in_a_statement_issued_on_a_day_and_one_in_the_same_statement_take_that_day(nlp):
    dates = dates_of(nlp, "Chile and Peru agreed the swap in a joint statement issued on Sunday. "
                          "In the same statement, Chile backed Peru's bid for a seat on the council.")
    assert dates["agreed"].earliest == dates["backed"].earliest == date(2024, 2, 11), dates


def test_an_act_joined_to_one_at_the_same_occasion_takes_that_occasions_day(nlp):
    text = ("Chile and Peru issued a joint statement on Sunday.\n\nIn the same statement, Chile dropped its claim to "
            "the islands, and Peru backed Chile's bid for a seat on the council.")
    assert dates_of(nlp, text)["backed"].earliest == date(2024, 2, 11)


def test_talks_held_at_a_time_between_two_parties_are_theirs_and_of_that_time(nlp):
    found = analyse_document(nlp("The accord followed talks held in January between Chile and Peru."), PUBLISHED).events
    talks = [(e.actors, str(e.date.earliest)) for e in found if e.type == "CONSULT"]
    assert talks == [(("Chile", "Peru"), "2024-01-01")]


def test_a_welcome_told_on_a_day_is_given_on_that_day(nlp):
    dates = dates_of(nlp, "Chile's foreign ministry said on Sunday that it welcomed the prisoner exchange.")
    assert (dates["welcomed"].earliest, dates["welcomed"].latest) == (date(2024, 2, 11), date(2024, 2, 11)), dates


def test_an_act_told_as_going_on_is_dated_by_its_telling(nlp):
    dates = dates_of(nlp, "On Monday, officials confirmed that Ivan Sorokin was being released.")
    assert (dates["released"].earliest, dates["released"].latest) == (date(2024, 2, 12), date(2024, 2, 12)), dates


def test_a_past_act_in_a_where_clause_is_dated_by_the_act_that_led_there(nlp):
    dates = dates_of(nlp, "Ivan Sorokin landed on Sunday and was driven to the palace, where President Hugo Lara "
                          "greeted him.")
    assert (dates["greeted"].earliest, dates["greeted"].latest) == (date(2024, 2, 11), date(2024, 2, 11)), dates


def test_a_past_act_told_next_of_someone_by_age_goes_on_at_the_time_before(nlp):
    dates = dates_of(nlp, "Ivan Sorokin landed on Sunday. Wrapped in a flag, the 63-year-old praised the army.")
    assert (dates["praised"].earliest, dates["praised"].latest) == (date(2024, 2, 11), date(2024, 2, 11)), dates


CHRONOLOGY = ("Timeline\n\n3-6 January: Chile and Peru hold talks in Quito. Chile frees 40 prisoners.\n\n"
              "Peru welcomes the release and thanks Ecuador.\n\n"
              "9 January: Peru accuses Chile of stalling the talks.\n\nChile thanked Ecuador for its help.")


def test_a_chronology_line_opening_with_a_range_of_days_dates_its_acts_to_the_range(nlp):
    frees = dates_of(nlp, CHRONOLOGY)["frees"]
    assert (frees.earliest, frees.latest) == (date(2024, 1, 3), date(2024, 1, 6)), frees
    timexes = find_timexes(CHRONOLOGY, date(2024, 2, 13))
    at = next(t.start for t in timexes if t.text == "3-6 January")  # the tagger reads the range itself
    again = redate(f"heading:{at}", timexes, PUBLISHED)
    assert (again.earliest, again.latest) == (date(2024, 1, 3), date(2024, 1, 6))


def test_a_paragraph_between_two_chronology_entries_goes_on_with_the_one_above(nlp):
    dates = dates_of(nlp, CHRONOLOGY)
    assert (dates["welcomes"].earliest, dates["welcomes"].latest) == (date(2024, 1, 3), date(2024, 1, 6)), dates
    assert dates["thanked"].rule == "before-publication", dates  # after the last entry: back in the present


def test_a_definite_happening_does_not_reach_back_past_its_own_chronology_entry(nlp):
    dates = dates_of(nlp, "Timeline\n\nChile and Peru exchanged 40 prisoners at the border on 2 January.\n\n"
                          "9 January: Talks resume in Quito. Peru frees twelve more. "
                          "By nightfall the exchange is done.")
    assert dates["exchange"].earliest == date(2024, 1, 9), dates


def test_a_part_of_a_day_the_text_names_dates_the_act(nlp):
    spoke = dates_of(nlp, "Chile's foreign minister spoke by telephone this afternoon with his Peruvian "
                          "counterpart.")["spoke"]
    assert (spoke.earliest, spoke.latest) == (date(2024, 2, 13), date(2024, 2, 13)), spoke


def test_a_verb_joined_to_one_dated_by_its_when_clause_shares_that_date(nlp):
    dates = dates_of(nlp, "When the trial opened in January, prosecutors accused the pilot of spying and asked for a "
                          "long sentence.")
    assert (dates["asked"].earliest, dates["asked"].latest) == (date(2024, 1, 1), date(2024, 1, 31)), dates


def test_a_when_clause_after_an_attribution_aside_is_dated_by_the_clause_the_aside_interrupts(nlp):
    asked = dates_of(nlp, "The first row came in January, the diplomat said, when Lima asked for guarantees that the "
                          "pilot would not be tried again.")["asked"]
    assert (asked.earliest, asked.latest) == (date(2024, 1, 1), date(2024, 1, 31)), asked


def test_a_concession_in_the_past_is_made_when_the_main_act_is(nlp):
    thanked = dates_of(nlp, "Ana Ruiz, the rebels' chief negotiator, said on Sunday that her team had not been "
                            "consulted about the deal, although she thanked Qatar for its help.")["thanked"]
    assert (thanked.earliest, thanked.latest) == (date(2024, 2, 11), date(2024, 2, 11)), thanked
