"""backchannel.analyse.quantities: figures in news sentences written for these tests and parsed by the real
pipeline. They pin values, ranges, qualifiers, units and currencies, the counted noun, change, certainty
cues, what is not a quantity (years, dates, clock times, ages, labels), and that offsets slice the text."""
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backchannel.analyse.nlp import load
from backchannel.analyse.quantities import read_quantities
from backchannel.config import Settings


@pytest.fixture(scope="module")
def nlp():
    return load(Settings.load().model)


def quantities(nlp, text):
    doc = nlp(text)
    return [q for sent in doc.sents for q in read_quantities(sent)]


def only(nlp, text):
    found = quantities(nlp, text)
    assert len(found) == 1, [q.text for q in found]
    return found[0]


@pytest.mark.parametrize("text, value, unit, counted", [
    ("Officials said about 100 hostages are still held.", 100, None, "hostage"),
    ("The court sentenced him to six and a half years.", 6.5, "year", None),
    ("The fund holds two and a half million dollars.", 2_500_000, "USD", None),
    ("The deal freed 105 hostages on the first day.", 105, None, "hostage"),
    ("The fighting has displaced 2.3mn people in the north.", 2_300_000, None, "people"),
    ("Donors pledged $250 million for the clinics.", 250_000_000, "USD", None),
    ("The fund holds $6bn in reserves.", 6_000_000_000, "USD", None),
    ("The bank wrote off 1.5 billion euros of loans.", 1_500_000_000, "EUR", None),
    ("The port fee rose to 44,000 shekels.", 44_000, "ILS", None),
    ("Turnout reached 12 per cent among the exiles.", 12, "percent", None),
    ("Prices climbed 12% in the border towns.", 12, "percent", None),
    ("Some 1,200 fishermen joined the strike.", 1200, None, "fisherman"),
    ("Twenty-five aid trucks crossed at dawn.", 25, None, "aid truck"),
    ("A dozen envoys arrived.", 12, None, "envoy"),
    ("Seven of the remaining hostages are women.", 7, None, "hostage"),
    ("The convoy drove 80 km through the valley.", 80, "kilometre", None),
    ("He paid £3.5bn for the stake.", 3_500_000_000, "GBP", None),
])
def test_values_units_and_counted_nouns(nlp, text, value, unit, counted):
    q = only(nlp, text)
    assert q.value == pytest.approx(value)
    assert q.unit == unit
    assert q.counted == counted
    assert text[q.start:q.end] == q.text


@pytest.mark.parametrize("text, low, high, unit", [
    ("Israel will release between 150 and 300 prisoners.", 150, 300, None),
    ("They want 150-300 prisoners freed.", 150, 300, None),
    ("The pause could last 4-5 days.", 4, 5, "day"),
    ("The bill is expected at $3 to $5 billion.", 3e9, 5e9, "USD"),
    ("Wages rose by between 5% and 6%.", 5, 6, "percent"),
    ("Thousands of families fled the valley.", 1000, 10000, None),
])
def test_ranges(nlp, text, low, high, unit):
    q = only(nlp, text)
    assert q.value is None and (q.low, q.high) == (pytest.approx(low), pytest.approx(high))
    assert q.unit == unit


@pytest.mark.parametrize("text, qualifier, change", [
    ("Nearly 40 trucks entered the strip.", "nearly", "~"),
    ("Roughly 70 families returned.", "about", "~"),
    ("More than 300 people signed the letter.", "more than", ">"),
    ("At least 18 fishermen were detained.", "at least", ">"),
    ("Up to 2,000 workers may lose their jobs.", "up to", "<"),
    ("Fewer than 20 boats left the harbour.", "less than", "<"),
    ("The mediators brought 12 proposals.", "exact", "="),
    ("The currency fell 3% against the dollar.", "exact", "down"),
    ("Exports rose by 5 per cent.", "exact", "up"),
    ("The index was up 2 points.", "exact", "up"),
])
def test_qualifiers_and_change(nlp, text, qualifier, change):
    q = only(nlp, text)
    assert (q.qualifier, q.change) == (qualifier, change)


@pytest.mark.parametrize("text, value, qualifier, figure", [
    ("The pact was agreed over five rounds of talks in Lisbon.", 5, "exact", "five"),
    ("The envoys met over two weeks of hard bargaining.", 2, "exact", "two weeks"),
    ("Over 300 fishermen were released.", 300, "more than", "Over 300"),
    ("The fishermen were held for over three weeks.", 3, "more than", "over three weeks"),
])
def test_over_a_count_of_rounds_or_days_of_an_activity_means_across(nlp, text, value, qualifier, figure):
    q = only(nlp, text)
    assert (q.value, q.qualifier, q.text) == (value, qualifier, figure)


def test_a_change_verb_does_not_make_its_end_point_a_change(nlp):
    found = quantities(nlp, "Shares rose 5% to $12.40 in early trading.")
    assert [(q.value, q.change) for q in found] == [(5, "up"), (12.4, "=")]


def test_durations_used_as_terms_are_claims(nlp):
    q = only(nlp, "Both sides accepted a 60-day ceasefire.")
    assert (q.value, q.unit) == (60, "day")
    assert "ceasefire" in q.concept
    q = only(nlp, "The plan offers six weeks of truce.")
    assert (q.value, q.unit) == (6, "week")


@pytest.mark.parametrize("text", [
    "The treaty was signed in 1979 and renewed on 12 March 2004.",
    "The envoys met at 3 p.m. on Tuesday.",
    "A 35-year-old man was detained at the crossing.",
    "The council passed Resolution 2334 after the debate.",
    "Section 427 of the code covers the matter.",
    "The S&P 500 opened late.",
    "The clinic treated COVID-19 patients.",
    "The match ended 2-0.",
    "Border truce: day six",
    "The blockade entered week 12 on Monday.",
    "Delegates opened round four of the talks.",
])
def test_not_quantities(nlp, text):
    assert quantities(nlp, text) == []


def test_a_live_blog_time_stamp_is_not_part_of_what_is_counted(nlp):
    doc = nlp("Border live\n\n09:15 GMT – Raid kills four in northern Kivu\nThe army said it was investigating.")
    found = [q for sent in doc.sents for q in read_quantities(sent)]
    assert [q.value for q in found] == [4] and "GMT" not in found[0].concept and "Raid" in found[0].concept


def test_a_number_after_a_sequence_noun_counts_when_something_follows_it(nlp):
    q = only(nlp, "On the first day 300 people were freed.")
    assert q.value == 300 and "people" in q.concept


def test_the_concept_and_certainty_come_from_the_clause(nlp):
    q = only(nlp, "Officials said about 100 hostages are still held in Gaza.")
    assert "hostages" in q.concept and "held" in q.concept and "Gaza" in q.concept
    assert q.concept_start is not None and "hostages" in "Officials said about 100 hostages are still held in Gaza."[q.concept_start:q.concept_end]
    found = quantities(nlp, "Seven of the hostages are women; five of them are believed to be dead.")
    five = [q for q in found if q.value == 5][0]
    assert "believed" in five.certainty
    q = only(nlp, "The deal freed 105 hostages.")
    assert "freed" in q.concept and "deal" in q.concept


def test_offsets_slice_the_document(nlp):
    text = "Aid reached 12 towns. Then nearly 400 trucks and $20 million arrived, up 5% on the week."
    for q in quantities(nlp, text):
        assert text[q.start:q.end] == q.text
        if q.concept:
            assert text[q.concept_start:q.concept_end].startswith(q.concept.split()[0])


def test_a_figure_after_a_capitalised_sentence_opener_in_a_longer_text(nlp):
    found = quantities(nlp, "Some 70 captives were freed last year. Another 18 remain in the hills.")
    assert [q.value for q in found] == [70, 18]


@pytest.mark.parametrize("text", [
    "Talks resumed some six weeks after the deal.",
    "A second round is expected within two weeks.",
    "The envoys met at 12 Harbour Road on Monday.",
    "She filmed it on an iPhone 15 at the checkpoint.",
])
def test_time_offsets_addresses_and_product_names_are_not_figures(nlp, text):
    assert quantities(nlp, text) == []


@pytest.mark.parametrize("text", ["The Danish cabinet approves it 9-2.",
                                  "The committee passed the bill by a 9-2 vote."])
def test_a_pair_of_numbers_a_vote_governs_is_its_tally(nlp, text):
    assert [(q.value, q.unit) for q in quantities(nlp, text)] == [(9, "vote"), (2, "vote")]
    assert quantities(nlp, "The visitors beat the hosts 9-2.") == []  # a score


def test_a_count_hung_on_the_name_before_a_plural_is_no_model_name(nlp):
    found = quantities(nlp, "Of the 30 Thai nationals believed to be held, 12 were freed.")
    assert [q.value for q in found] == [30, 12]


def test_a_length_of_time_after_after_and_before_of_is_the_length_of_something(nlp):
    found = quantities(nlp, "The accord was signed after nine days of talks in Quito.")
    assert [(q.value, q.unit) for q in found] == [(9, "day")]
    assert quantities(nlp, "Talks resumed six weeks after the signing of the accord.") == []


@pytest.mark.parametrize("text", [
    "The caves were settled between A.D. 900 and 1150 by herders.",
    "The walls date from 300 BC.",
    "Between 1750 and 1950 the river moved west.",
    "The 2021-22 season ended early.",
    "The airline parked its 777 Freighter at the old base.",
    "Several COVID -19 wards closed.",
    "The envoy kept a flat at 14 W 52nd St for years.",
    "The sp 500 was flat and the Stoxx 600 slipped.",
])
def test_years_of_eras_seasons_models_and_indexes_are_not_figures(nlp, text):
    assert quantities(nlp, text) == []


def test_a_count_before_a_plural_name_and_a_near_range_after_by_stay(nlp):
    found = quantities(nlp, "The patrol found 4 Kalashnikov rifles and 12 Apostles statues.")
    assert [q.value for q in found] == [4, 12]
    q = only(nlp, "Night temperatures fell by 2 to 3 degrees Celsius.")
    assert (q.low, q.high, q.unit) == (2, 3, "celsius")


def test_scientific_notation_is_one_figure(nlp):
    q = only(nlp, "Each grain weighs 4.1×10−6 grams.")
    assert (q.value, q.unit) == (pytest.approx(4.1e-6), "gram")
    q = only(nlp, "The probe counted 3 x 10^5 particles.")
    assert (q.value, q.counted) == (pytest.approx(3e5), "particle")


@pytest.mark.parametrize("text, low, high, unit", [
    ("Guards earn about $640 to $1200 a week.", 640, 1200, "USD per week"),
    ("Rooms range from 200 sq ft up to 450 sq ft.", 200, 450, "square foot"),
    ("The agency went from 1000 to 2000 workers.", 1000, 2000, None),
])
def test_ranges_with_a_rate_written_once_up_to_or_a_year_like_end(nlp, text, low, high, unit):
    q = only(nlp, text)
    assert (q.low, q.high, q.unit) == (low, high, unit)


def test_a_year_earlier_is_no_rate_and_an_index_level_is_in_points(nlp):
    found = quantities(nlp, "Sales reached $4.2 billion, up from $3.9 billion a year earlier.")
    assert [q.unit for q in found] == ["USD", "USD"]
    found = quantities(nlp, "The index shed 75 points, or 0.9%, to 8,105.30.")
    assert [(q.value, q.unit) for q in found] == [(75, "point"), (0.9, "percent"), (8105.3, "point")]
    found = quantities(nlp, "Shares of the firm rose 3% to 41.50.")
    assert [(q.value, q.unit) for q in found] == [(3, "percent"), (41.5, None)]


def test_a_half_of_a_match_is_no_share_and_a_range_keeps_its_scale(nlp):
    assert quantities(nlp, "He scored early in the second half of the final.") == []
    found = quantities(nlp, "The fund expects to grow from 12.1 to 15-17 billion euros.")
    assert (found[-1].low, found[-1].high, found[-1].unit) == (15e9, 17e9, "EUR")


def test_a_duration_used_as_a_term_stays(nlp):
    q = only(nlp, "A six-week truce began on Friday.")
    assert (q.value, q.unit) == (6, "week")
    assert q.referred == ("truce",)


def test_movements_and_ranges(nlp):
    found = quantities(nlp, "The number of detainees fell from 136 to 129.")
    assert [(q.value, q.kind, q.change) for q in found] == [(136, "from", "="), (129, "", "=")]
    found = quantities(nlp, "The budget grew by $2 billion to $9 billion.")
    assert [q.value for q in found] == [2e9, 9e9]
    q = only(nlp, "Fuel prices are expected to rise between 4% and 6% next year.")
    assert (q.low, q.high, q.unit) == (4, 6, "percent")


def test_ages_only_when_asked(nlp):
    doc = nlp("A 35-year-old man was detained at the crossing.")
    sent = next(doc.sents)
    assert read_quantities(sent) == []
    (age,) = read_quantities(sent, ages=True)
    assert (age.value, age.unit, age.kind) == (35, "year", "age")
    (age,) = read_quantities(next(nlp("Mr Haddad, 71, led the talks.").sents), ages=True)
    assert (age.value, age.kind) == (71, "age")


@pytest.mark.parametrize("text, value, qualifier, unit, kind", [
    ("A third of the detainees are women.", 1 / 3, "exact", None, "share"),
    ("The shelter holds ~40 families.", 40, "about", None, ""),
    ("Inflation stayed lower than 8 percent.", 8, "less than", "percent", ""),
    ("There were 4 hundred million voters.", 4e8, "exact", None, ""),
    ("The road runs for 1/2 mile past the camp.", 0.5, "exact", "mile", ""),
    ("The plot was sold for around 25k.", 25000, "about", None, ""),
    ("The bank charged 1.5pc on the loan.", 1.5, "exact", "percent", ""),
])
def test_written_forms(nlp, text, value, qualifier, unit, kind):
    q = only(nlp, text)
    assert (q.value, q.qualifier, q.unit, q.kind) == (pytest.approx(value), qualifier, unit, kind)


def test_a_bracketed_conversion_keeps_the_qualifier_and_an_or_figure_the_change(nlp):
    found = quantities(nlp, "The convoy travelled more than 100 km (62 miles) that night.")
    assert [(q.value, q.qualifier) for q in found] == [(100, "more than"), (62, "more than")]
    found = quantities(nlp, "The index lost 190 points, or 0.6%, on Monday.")
    assert [(q.value, q.change) for q in found] == [(190, "down"), (0.6, "down")]


@pytest.mark.parametrize("text, change", [
    ("Officials expect a 5% rise in fuel prices.", "="),
    ("Bread was 5% dearer and rents were 7% higher.", "="),
    ("The index closed +0.4% on the day.", "up"),
    ("The defence gave up 30 yards in the first half.", "="),
])
def test_change_is_told_by_a_verb_or_a_sign(nlp, text, change):
    assert quantities(nlp, text)[0].change == change


@pytest.mark.parametrize("text, words", [
    ("Tesla shares rose 5% on Monday.", {"Tesla", "shares"}),
    ("The company has 1,000 employees in the region.", {"company"}),
    ("The fund lost 40% of its value.", {"fund", "value"}),  # and the clause's subject, whose it is
    ("McDougal was released from her $150,000 contract.", {"McDougal", "contract"}),
    ("Dozens of people were killed in the raid.", set()),
    ("Grain exporters such as Acme up 3 per cent and Bolt up 2 per cent.", {"Acme"}),  # the name before "up"
    ("In Asia: Nikkei +0.4% Hang Seng -0.2%.", {"Nikkei"}),  # the name before a signed figure
    ("The ministry will raise the food ration by 20 percent.", {"food", "ration"}),  # the object, not the subject
    ("The charity said it has 300 volunteers in the camps.", {"charity"}),  # a pronoun's antecedent
])
def test_referred_is_what_the_figure_measures(nlp, text, words):
    assert set(quantities(nlp, text)[0].referred) == words


def test_the_end_point_of_a_movement_refers_to_the_same_thing(nlp):
    found = quantities(nlp, "Grain exporters such as Acme up 3 per cent to $84.")
    assert [set(q.referred) for q in found] == [{"Acme"}, {"Acme"}]


@pytest.mark.parametrize("text, units", [
    ("The relief pitcher was worth 1.5 WAR last season.", ["win above replacement"]),
    ("Two war crimes cases were opened.", [None]),
    ("The engine makes 300 PS and 450 Nm.", ["horsepower", "newton metre"]),
    ("The carrier switched on its 5G network.", ["generation wireless"]),
    ("The panels failed at 8 ksi.", ["kilopound per square inch"]),
    ("The motor gives 275 lb-ft of torque.", ["foot pound-force"]),
    ("The exporter shipped 2.1m tonnes of wheat.", ["metric ton"]),
    ("Gas futures settled at US $2.24 per mmBTU.", ["USD per mega british thermal unit"]),
    ("The bid of C $6 per share was accepted.", ["CAD per share"]),
])
def test_unit_names(nlp, text, units):
    assert [q.unit for q in quantities(nlp, text)] == units


@pytest.mark.parametrize("text, units", [
    ("Fuel rose 3 percent in the north but fell by 1 in the south.", ["percent", "percent"]),
    ("The top forecast is 84.75 cents, while the lowest is 74.07.", ["cent", "cent"]),
    ("The index rose 64 points to 4,577.", ["point", "point"]),
    ("The index rose 2% to 4,577.", ["percent", None]),  # the level is not a share
    ("A ticket costs about 8 or $9.", ["USD", "USD"]),
    ("The convoy brought 40 tonnes of flour on Monday and 12 trucks on Tuesday.", ["metric ton", None]),
])
def test_a_bare_figure_takes_the_unit_of_the_figure_it_is_coordinated_with(nlp, text, units):
    assert [q.unit for q in quantities(nlp, text)] == units


def test_a_bare_figure_after_a_count_keeps_no_counted_noun(nlp):
    total, part = quantities(nlp, "So far 60 detainees were freed, including 52 in a swap.")
    assert (total.counted, part.counted, part.unit) == ("detainee", None, None)


@pytest.mark.parametrize("text, change", [
    ("Bread prices rose about 4% in the camps.", "up"),  # a verb's movement beats "about"
    ("Bread prices were up about 4% in the camps.", "~"),  # "up about" stays approximate
    ("The ration was increased by 15 percent.", "up"),
    ("Exports fell by 6 percent.", "down"),
])
def test_change_of_a_qualified_or_by_figure(nlp, text, change):
    assert only(nlp, text).change == change


def test_a_modifier_reaching_back_over_the_number_is_read_without_error(nlp):
    # "more" in "at least 15 more prisoners" hangs on the noun but its phrase starts before the number
    [q] = quantities(nlp, "Officials said at least 15 more prisoners had been freed.")
    assert (q.value, q.qualifier, q.counted) == (15, "at least", "prisoner")



WORDS = ["at least", "about", "more than", "up to", "nearly", "some", "15", "1,200", "2.3mn", "$250 million", "a third",
         "dozens", "4-5", "between 30 and 40", "per cent", "%", "more", "prisoners", "hostages", "people", "days",
         "were", "freed", "held", "killed", "rose", "fell", "from", "to", "by", "of", "the", "deal", "in", "March",
         "2024", "on Sunday", "Officials", "said", ",", ".", "(", ")", "-", "and", "including", "another", "them"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=25))
def test_the_reader_never_fails_and_its_offsets_slice_the_text(nlp, words):
    doc = nlp(" ".join(words))
    for sent in doc.sents:
        for q in read_quantities(sent):
            assert doc.text[q.start:q.end] == q.text
            assert q.value is not None or (q.low is not None and q.high is not None)


def test_other_figures_are_not_what_a_figure_measures(nlp):
    # "percent" is the unit of the first figure, not the thing the end point measures
    found = quantities(nlp, "The Kospi index gained 0.5 percent to 2,480.10.")
    assert "percent" not in found[-1].referred and "Kospi" in found[-1].referred


def test_a_measure_without_a_parsed_owner_takes_the_first_noun_phrase(nlp):
    [q] = quantities(nlp, "Before the winter the camp's fuel stock, by most counts, stood near 40,000 litres.")
    assert q.referred and not set(q.referred) & {"winter", "counts"}


@pytest.mark.parametrize("text, phrase", [
    ("The town has 40 charging stations.", "station"),  # a participle is not part of the counted thing
    ("They built 12 decently sized coal-fired plants.", "coal-fired plant"),  # a hyphened one is
    ("Eleven first-team players left.", "first-team player"),
    ("It is one of the oldest bridges in Europe.", "old bridge europe"),  # a part of a group adds its place
])
def test_counted_phrase(nlp, text, phrase):
    assert quantities(nlp, text)[0].counted_phrase == phrase


def test_a_bare_figure_coordinated_with_a_count_takes_its_phrase_not_its_count(nlp):
    found = quantities(nlp, "The agency delivered 300 tents by road and 120 by air.")
    assert found[1].counted_phrase == "tent" and found[1].counted is None


@pytest.mark.parametrize("text, value, unit", [
    ("The council paid PS4.5m for the land.", 4_500_000, "GBP"),  # "£" as some feeds transcode it
    ("The loan of AUD2.5m was repaid.", 2_500_000, "AUD"),
    ("The night fell to 14degF in the valley.", 14, "fahrenheit"),
    ("The shelter covers 48m2 of ground.", 48, "square metre"),
])
def test_transcoded_symbols_and_attached_codes(nlp, text, value, unit):
    q = only(nlp, text)
    assert (q.value, q.unit) == (value, unit)


def test_ps_before_a_lone_digit_is_a_name(nlp):
    assert quantities(nlp, "He sold his PS5 last week.") == []


def test_just_under_is_an_upper_bound(nlp):
    assert only(nlp, "The convoy carried just under 20 tonnes of flour.").change == "<"


def test_a_duration_that_places_a_happening_comes_back_only_when_asked(nlp):
    doc = nlp("The talks resumed within two weeks.")
    sent = next(iter(doc.sents))
    assert read_quantities(sent) == []
    assert [(q.value, q.unit, q.kind) for q in read_quantities(sent, offsets=True)] == [(2, "week", "offset")]


@pytest.mark.parametrize("text, word", [
    ("The town will get a relief grant worth up to $8 million.", "grant"),  # what the figure is the worth of
    ("Top scorers: Dana Ortiz (21.5 points, 6.1 rebounds).", "Ortiz"),  # the name before the bracket
])
def test_referred_of_worth_and_bracketed_figures(nlp, text, word):
    assert word in quantities(nlp, text)[0].referred


@pytest.mark.parametrize("text, words", [
    ("The KX-200 index slipped 0.4% on Friday.", {"KX-200", "index"}),  # a label read as no figure blocks nothing
    ("The start-up employs 40 engineers.", {"start-up"}),  # a word with a hyphen is one word
    ("The ration for a four-person household is 12 kg a week.", {"ration", "person", "household"}),  # not "four-person"
])
def test_referred_words_of_labels_and_hyphened_words(nlp, text, words):
    assert set(quantities(nlp, text)[-1].referred) == words


@pytest.mark.parametrize("text, words", [
    ("Dana Ortiz left the club in May after she scored 31 goals.", {"Dana", "Ortiz"}),  # a pronoun's antecedent
    ("If demand falls they would need to sell 10 more farms.", set()),  # "they" is no singular common noun
])
def test_referred_of_a_pronoun_subject(nlp, text, words):
    assert set(quantities(nlp, text)[-1].referred) == words


@pytest.mark.parametrize("text, words", [
    ("The northern well has pumped about 2 million barrels of oil.", {"northern", "well", "oil"}),  # the subject's
    ("Orbis shares have been rising all year, up 12% since March.", {"Orbis", "shares"}),  # an adjunct: the subject
    ("Kim took a shot from 25 yards.", {"Kim", "shot"}),  # and the object the figure is not in
    ("The council will cut bus fares by 10 percent.", {"bus", "fares"}),  # the amount of a change to the object
])
def test_referred_of_a_figure_in_a_clause(nlp, text, words):
    assert set(quantities(nlp, text)[0].referred) == words


def test_the_subject_is_a_noun_before_a_word_tagged_as_a_verb(nlp):
    found = quantities(nlp, "Brokers say that VR headset sales in Canada rose 12% to 800,000 headsets.")
    assert [set(q.referred) for q in found] == [{"sales", "Canada"}, {"sales", "Canada"}]


def test_a_start_point_after_up_refers_to_what_moved(nlp):
    found = quantities(nlp, "The study found that drone camera sales in Asia rose 15% to 4 million cameras, up from 3 million.")
    assert {"drone", "camera", "sales", "Asia"} <= set(found[-1].referred)


def test_a_start_point_after_up_is_the_same_thing_as_the_figure_before(nlp):
    found = quantities(nlp, "They said that 70 per cent of the grant will be spent on food up from 40 per cent.")
    assert [set(q.referred) for q in found] == [{"grant"}, {"grant"}]


@pytest.mark.parametrize("text", [
    "Ten days later the envoy left the capital.",
    "Over the past four weeks the agency has opened 12 new offices.",
])
def test_a_length_of_time_before_the_subject_measures_nothing(nlp, text):
    sent = next(iter(nlp(text).sents))
    assert read_quantities(sent, offsets=True)[0].referred == ()


def test_a_qualifier_after_from_qualifies_the_start_point(nlp):
    [start, end] = quantities(nlp, "The agency cut its staff from about 90 to 40.")
    assert (start.value, start.qualifier, start.kind) == (90, "about", "from")  # a start point, qualified
    assert (end.value, end.qualifier) == (40, "exact") and "staff" in end.concept


@pytest.mark.parametrize("text, figure, counted", [
    ("In return, the rebels freed the nurses, four of whom the ministry regarded as unlawfully held.", "four", "nurse"),
    ("The army named 30 soldiers, two of whom were officers.", "two", "soldier"),
])
def test_a_part_of_whom_counts_whom_the_relative_refers_to(nlp, text, figure, counted):
    assert {q.text: q.counted for q in quantities(nlp, text)}[figure] == counted
