"""Lists of places and the names inside them, each rule tested on invented sentences.

- the examples of a list ("key towns such as X, Y and Z", "places like X") are read with
  the spellings only the phonetic key finds, as after "in" or "seized";
- "the X area" names X even when only the phonetic key finds X ("the Tal Rifat area");
- of several places of the kind a list's kind word asks for ("villages, including X and
  Y"), the one beside another place the text names wins over the largest, and one beside
  a place named in the same sentence first of all.
"""

from __future__ import annotations

import pytest

from syriamap.extract import extract
from syriamap.extract.document import document_from_text
from syriamap.extract.pipeline import analyse
from syriamap.gazetteer import Gazetteer


def found(text, published="2024-12-12"):
    """The claims of a text as (place id, actor, relation, stance)."""
    return {
        (a.place_id, a.actor, str(a.relation), str(a.stance))
        for a in extract(text, published=published)
    }


def pid(name, **kw):
    return Gazetteer.default().best(name, **kw).place_id


def mentions(text):
    return {
        m.text: m.place_id
        for m in analyse(document_from_text(text), published="2024-12-12").mentions
    }


@pytest.mark.parametrize("opener", ["such as", "like"])
def test_examples_of_a_list_are_read_with_key_spellings(opener):
    # "Maarat al-Numan" is no alias; only the phonetic key links it
    text = f"Insurgents seized several key towns {opener} Maarat al-Numan and Kafr Nabl."
    got = found(text)
    assert (pid("Maarat al-Numan", kind="town"), "opposition", "captured", "asserted") in got
    assert (pid("Kafr Nabl"), "opposition", "captured", "asserted") in got


def test_area_after_the_names_the_place():
    got = mentions("On Monday the SNA seized the Tel Rifat area from Kurdish fighters.")
    assert got.get("Tel Rifat") == pid("Tell Rifaat")


def test_area_word_needs_a_name_the_key_links():
    # "Kurdish" and "Border" are no places: nothing is invented
    got = mentions("Fighters moved into the Kurdish area and the Border region on Monday.")
    assert not [n for n in got if n.startswith(("Kurdish", "Border"))]


def test_village_list_picks_the_namesake_beside_its_neighbour():
    text = (
        "The SDF pushed into Deir ez-Zor province, taking nine villages, including "
        "Mazloum and Al-Husseiniya."
    )
    husayniyah = mentions(text)["Al-Husseiniya"]
    place = Gazetteer.default().get(husayniyah)
    assert place.admin1 == "Deir ez-Zor"


def test_village_list_prefers_the_namesake_beside_a_place_of_its_own_sentence():
    # al-Hadir, named first, has an Ash-Shaykh 'Isa within reach too; the one the
    # sentence means is the one beside Tal Rifaat, named in that sentence
    text = (
        "Rebels took al-Hadir south of Aleppo on Friday. Turkish-backed fighters also "
        "seized the villages of Ain Daqna and Sheikh Issa near Tal Rifaat."
    )
    gaz = Gazetteer.default()
    village = gaz.get(mentions(text)["Sheikh Issa"])
    tal_rifaat = gaz.get(pid("Tal Rifaat"))
    from syriamap._geo import great_circle_km

    assert great_circle_km(village.lat, village.lon, tal_rifaat.lat, tal_rifaat.lon) < 15


def test_village_cue_alone_keeps_the_largest():
    # no other place named near any Husayniyah: the cue's kind, the largest of them
    got = mentions("Rebels captured the village of Al-Husseiniya.")
    assert got["Al-Husseiniya"]


def test_fronted_participle_list_takes_the_previous_subject():
    text = (
        "Insurgents pressed on towards Hama on Monday. Among the towns captured were "
        "Souran, Halfaya, and Taybat al-Imam."
    )
    got = found(text)
    for name in ("Souran", "Halfaya", "Taybat al-Imam"):
        assert (pid(name), "opposition", "captured", "asserted") in got


def test_fronted_participle_list_with_its_agent():
    got = found("Among the villages taken by the SDF on Sunday were Mazloum and Souran.")
    assert (pid("Mazloum"), "sdf", "captured", "asserted") in got


def test_fronted_list_after_a_verb_that_is_no_control():
    assert not found("Among the villages shelled by the army were Mazloum and Souran.")


def test_list_goes_on_past_its_landmark_after_as_well_as():
    text = (
        "By Sunday, the SNA had taken the towns of Khanasir and Safira south-east of "
        "Aleppo, as well as the Kuweires military airport."
    )
    got = found(text)
    assert (pid("Khanasir"), "sna", "captured", "asserted") in got
    assert ("s:kuweires-airbase", "sna", "captured", "asserted") in got
    assert not {c for c in got if c[0] == pid("Aleppo")}


def test_landmark_coordination_is_no_list_item():
    got = found("Rebels took Safira and Khanasir near Aleppo and Idlib on Sunday.")
    assert (pid("Khanasir"), "opposition", "captured", "asserted") in got
    assert not {c for c in got if c[0] in (pid("Aleppo"), pid("Idlib"))}


def test_list_in_the_suburbs_of_a_city_leaves_the_city_alone():
    text = (
        "Regime troops are pulling out of the towns of Harasta and Qudsaya in the suburbs of "
        "Damascus."
    )
    got = found(text)
    assert (pid("Qudsaya"), "government", "withdrew", "asserted") in got
    assert not {c for c in got if c[0] == pid("Damascus")}


def test_relative_clause_inside_a_list_of_kind_phrases():
    text = (
        "Rebels seized the town of Souran, which lies north of Hama, the village of "
        "Halfaya and Taybat al-Imam."
    )
    got = found(text)
    for name in ("Souran", "Halfaya", "Taybat al-Imam"):
        assert (pid(name), "opposition", "captured", "asserted") in got
    assert not {c for c in got if c[0] == pid("Hama")}


def test_these_include_continues_a_claim_without_a_place():
    text = (
        "On Friday the rebels also seized several key towns in the area, a monitor said. "
        "These include Souran, Halfaya and Taybat al-Imam."
    )
    rows = [
        (a.place_id, a.actor, str(a.relation), str(a.stance), a.event_date.isoformat())
        for a in extract(text, published="2024-12-07")
    ]
    for name in ("Souran", "Halfaya", "Taybat al-Imam"):
        assert (pid(name), "opposition", "captured", "attributed", "2024-12-06") in rows


def test_they_include_continues_a_named_claim():
    text = "Rebels took Hama and several nearby towns. They include Souran and Halfaya."
    got = found(text)
    assert (pid("Souran"), "opposition", "captured", "asserted") in got


@pytest.mark.parametrize(
    "text",
    [
        # the plural noun is the object of no control verb
        "Rebels shelled several towns on Friday. These include Souran and Halfaya.",
        # the plural noun belongs to another clause than the claim
        "Rebels took Hama after the army left several towns. These include Souran and Halfaya.",
        # no list opener
        "Rebels captured several towns on Friday. Souran and Halfaya were shelled.",
        # the list is of people, not places taken
        "Rebels captured several towns. They include fighters from Souran and Halfaya.",
    ],
)
def test_no_continued_list(text):
    got = found(text)
    assert not {c for c in got if c[0] in (pid("Souran"), pid("Halfaya"))}


@pytest.mark.parametrize(
    "text",
    [
        "Thousands of families fled to Souran and Halfaya on Monday.",
        "The army shelled Souran and Halfaya overnight.",
        "Fighting raged on the road between Souran and Halfaya.",
    ],
)
def test_lists_after_verbs_that_are_no_control(text):
    got = found(text)
    assert not {c for c in got if c[2] in ("captured", "controls", "withdrew", "lost")}


def test_list_item_keeps_its_own_qualifier():
    got = found("Rebels captured Souran and the outskirts of Halfaya on Monday.")
    assert (pid("Souran"), "opposition", "captured", "asserted") in got
    assert (pid("Halfaya"), "opposition", "captured", "asserted") not in got


def test_news_spellings_of_list_items_in_their_context():
    text = (
        "Regime troops are pulling out of the towns of Al-Hameh and Qudsaya in the "
        "suburbs of Damascus, activists said."
    )
    got = mentions(text)
    assert Gazetteer.default().get(got["Al-Hameh"]).admin1_iso == "SY-RD"  # not Hama city
    text = "The SNA took the town of Ureyme in the west and the village of Tadif in the north."
    assert Gazetteer.default().get(mentions(text)["Ureyme"]).admin2 == "Al-Bab"


@pytest.mark.parametrize(
    "text",
    [
        "The rebels made gains in Aleppo and Idlib provinces on Friday.",
        "Its units on the fronts of the Aleppo and Idlib countryside repelled an attack.",
        "Fighting spread across the Aleppo, Hama and Idlib countryside.",
    ],
)
def test_a_shared_province_word_makes_every_item_a_province(text):
    got = mentions(text)
    assert got["Aleppo"] == pid("Aleppo", kind="governorate")


def test_a_city_coordinated_without_a_shared_word_stays_a_city():
    got = mentions("Rebels took Aleppo and the Idlib countryside on Friday.")
    assert got["Aleppo"] == pid("Aleppo", kind="city")


def test_an_article_name_opening_a_list_is_read():
    text = "Al-Sukhna, Al-Furqlus and Palmyra have been abandoned by the Syrian army."
    got = found(text)
    assert (pid("Sukhnah"), "government", "withdrew", "asserted") in got


@pytest.mark.parametrize(
    "text", ["Al-Qaeda and its allies took Palmyra.", "Al-Sukhna was quiet on Monday."]
)
def test_an_article_name_opening_no_list_is_left_alone(text):
    got = mentions(text)
    assert not [n for n in got if n.startswith("Al-")]


def test_plural_places_in_a_province_claim_the_province_near():
    text = "Rebels also seized several strategically important towns in Homs province."
    got = found(text)
    assert (pid("Homs", kind="governorate"), "opposition", "captured", "asserted") in got


@pytest.mark.parametrize(
    "text",
    [
        "Rebels claimed the seizure of 32 villages and areas in western rural Aleppo.",
        "Rebels seized dozens of towns, villages and farms in western rural Aleppo.",
    ],
)
def test_coordinated_area_nouns_in_a_province_claim_the_province(text):
    got = {(p, a, r) for p, a, r, _ in found(text)}
    assert (pid("Aleppo", kind="governorate"), "opposition", "captured") in got


def test_plural_places_modifier_is_no_actor_word():
    # "government positions in X": an attack on positions is no claim on X's areas
    text = "Rebels launched a surprise attack on government positions in the Jobar district."
    got = found(text)
    assert not {c for c in got if c[2] == "captured"}


def test_rural_before_a_name_is_its_governorate():
    got = found("Meanwhile, the SNA has taken over wide areas of eastern rural Aleppo.")
    assert (pid("Aleppo", kind="governorate"), "sna", "captured", "asserted") in got


def test_example_with_a_descriptor_in_apposition():
    text = (
        "Insurgents, who within days captured large chunks of territory, including Syria's "
        "second city Aleppo, pressed south."
    )
    got = found(text)
    assert (pid("Aleppo", kind="city"), "opposition", "captured", "asserted") in got


def test_groups_opposing_the_presidents_regime_are_the_opposition():
    text = "The groups opposing Bashar al-Assad's regime also seized the town of Souran."
    got = found(text)
    assert (pid("Souran"), "opposition", "captured", "asserted") in got
    assert not {c for c in got if c[1] == "government"}


@pytest.mark.parametrize(
    ("phrase", "city"),
    [
        ("Syria's second-largest city", "Aleppo"),
        ("the country's third-largest city", "Homs"),
        ("Syria's fourth city", "Hama"),
    ],
)
def test_a_ranked_city_descriptor_names_the_city(phrase, city):
    got = found(f"By Saturday the insurgents had seized control of {phrase}.")
    assert (pid(city, kind="city"), "opposition", "captured", "asserted") in got


def test_syrias_largest_city_is_left_unread():
    # Aleppo or Damascus: the press disagrees
    assert not found("By Saturday the insurgents had seized control of Syria's largest city.")


def test_these_areas_after_a_cue_are_the_places_of_the_sentence_before():
    text = (
        "Rebels announced on Saturday their capture of Hama and Homs. The army reportedly "
        "withdrew its troops from these areas."
    )
    rows = {
        (a.place_id, a.actor, str(a.relation), str(a.stance))
        for a in extract(text, published="2024-12-07")
    }
    for city in ("Hama", "Homs"):
        assert (pid(city, kind="city"), "government", "withdrew", "attributed") in rows


@pytest.mark.parametrize(
    "text",
    [
        # one place before: "these areas" is no plural of it
        "Rebels took Hama on Friday. The army withdrew from these areas.",
        # no claim before: nothing to point back to
        "Rebels shelled Hama and Homs on Friday. The army withdrew from these areas.",
    ],
)
def test_these_areas_needs_a_listed_claim_before(text):
    assert not {c for c in found(text) if c[2] == "withdrew"}


def test_a_new_predicate_ends_the_list():
    # "tighten grip on Hama" after a capture is no second capture
    got = found("Rebels seize Saraqib, tighten grip on Hama as the army retreats.")
    assert (pid("Hama", kind="city"), "opposition", "captured", "asserted") not in got
    assert (pid("Saraqib"), "opposition", "captured", "asserted") in got
    # "advanced on Hama and shelled Homs": Homs is shelled, not approached
    got = found("Rebels took Saraqib, advanced on Hama and shelled Homs.")
    assert not {c for c in got if c[0] == pid("Homs", kind="city")}
    # a plain list still takes its clause's relation
    got = found("The army recaptured Morek, the town of Souran and the village of Maan.")
    assert {c[2] for c in got} == {"captured"} and len(got) == 3


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        (
            "The Manbij Military Council said its fighters would take the villages of "
            "Hatla, Marrat and Khesham. This came after the Russians had left these villages.",
            "russia",
        ),
        (
            "Rebels plan to storm the towns of Morek and Halfaya. Government troops later "
            "pulled out of these towns.",
            "government",
        ),
        (
            "Residents of the villages of Hatla and Khesham fled on Monday. The Russian "
            "army withdrew from these areas overnight.",
            "russia",
        ),
    ],
)
def test_these_villages_stand_for_a_named_list_without_a_claim(text, actor):
    got = {c for c in found(text) if c[2] == "withdrew"}
    assert {c[1] for c in got} == {actor} and len(got) >= 2


@pytest.mark.parametrize(
    "text",
    [
        # another kind of place: "these cities" is no plural of the villages
        "Rebels plan to storm the villages of Hatla and Khesham. The army left these cities.",
        # one village is no plural
        "Rebels plan to storm the village of Hatla. The army left these villages.",
        # a sentence between: too far back
        "Rebels plan to storm the towns of Morek and Halfaya. Turkey said nothing. "
        "Government troops left these towns.",
        # a plain list with no kind word: not a named list
        "Rebels plan to storm Morek and Halfaya. Government troops left these towns.",
    ],
)
def test_these_villages_needs_a_near_named_list_of_its_kind(text):
    assert not {c for c in found(text) if c[2] == "withdrew"}


def test_the_russian_army_is_russia():
    got = found("The Russian army withdrew from Hatla. The Russian military left Khesham.")
    assert {c[1] for c in got} == {"russia"}


@pytest.mark.parametrize(
    "text",
    [
        "Government forces have evacuated the entirety of Idlib province, including the "
        "Abu al-Duhur airbase, with the exception of Khan Shaykhun and Kafr Nabl.",
        "Regime troops lost the entire Idlib countryside except for the towns of Khan "
        "Shaykhun and Kafr Nabl, according to the observatory.",
        "The army pulled out of all of Idlib province apart from Khan Shaykhun and Kafr Nabl.",
    ],
)
def test_the_exception_of_a_withdrawal_is_still_held(text):
    got = found(text)
    for town in ("Khan Shaykhun", "Kafr Nabl"):
        rows = {c for c in got if c[0] == pid(town)}
        assert {(c[1], c[2]) for c in rows} == {("government", "controls")}


@pytest.mark.parametrize(
    "text",
    [
        # the exception belongs to a capture: who holds it is not said
        "Rebels captured all of Idlib province except Khan Shaykhun.",
        # the exception is another clause's
        "The army withdrew from Hama, while rebels seized every town except Khan Shaykhun.",
        "The army withdrew from Hama, and the rebels took every town except Khan Shaykhun.",
    ],
)
def test_an_exception_outside_a_withdrawal_claims_nothing(text):
    assert not {c for c in found(text) if c[0] == pid("Khan Shaykhun")}


def test_a_withdrawal_whose_own_list_reaches_the_exception_turns_round():
    # the cue's list reaches Morek and Halfaya through "except": held, not left
    got = found("Government troops withdrew from every village except Morek and Halfaya.")
    assert got == {
        (pid("Morek"), "government", "controls", "asserted"),
        (pid("Halfaya"), "government", "controls", "asserted"),
    }


def test_the_places_after_a_withdrawals_exception_are_still_held():
    got = found("The army has left the whole of Hama province save for Morek and Halfaya.")
    assert (pid("Hama", kind="governorate"), "government", "withdrew", "asserted") in got
    for town in ("Morek", "Halfaya"):
        assert {(c[1], c[2]) for c in got if c[0] == pid(town)} == {("government", "controls")}


@pytest.mark.parametrize(
    "text",
    [
        # the exception is the capture's, in the sentence before the withdrawal
        "Rebels took Morek and Halfaya, except Kafr Zita. Government troops withdrew from "
        "these villages.",
        # the exception is the capture's, in the sentence after the withdrawal
        "The army withdrew from Souran. Rebels seized every town except Kafr Zita.",
    ],
)
def test_an_exception_in_another_sentence_than_the_withdrawal_claims_nothing(text):
    got = found(text)
    assert not {c for c in got if c[0] == pid("Kafr Zita")}
    assert not {c for c in got if c[2] == "controls"}


@pytest.mark.parametrize(
    "text",
    [
        "Rebels seized Syria's second-largest city and its surroundings, including the "
        "international airport and the Kuweires military airfield.",
        "Insurgents took control of Syria's second city on Saturday, including the "
        "international airport.",
    ],
)
def test_the_airport_of_a_city_named_by_rank(text):
    got = found(text)
    assert ("s:aleppo-airport", "opposition", "captured", "asserted") in got


def test_the_airport_needs_its_city_before_it():
    got = found(
        "Rebels seized the international airport on Friday. Syria's second-largest city "
        "fell a day later."
    )
    assert "s:aleppo-airport" not in {c[0] for c in got}


@pytest.mark.parametrize(
    "text",
    [
        "The SDF announced that its forces would take the villages of Hatla and Marrat.",
        "On Monday the Deir ez-Zor Military Council announced its fighters will enter Hatla "
        "and Marrat.",
        "HTS announced on Sunday that its units would capture Hatla and Marrat.",
    ],
)
def test_an_announced_operation_is_a_fight(text):
    got = found(text)
    for village in ("Hatla", "Marrat"):
        rows = {c for c in got if c[0] == pid(village)}
        assert rows and {(c[2], c[3]) for c in rows} == {("contested", "attributed")}


@pytest.mark.parametrize(
    "text",
    [
        "HTS said its forces would take Hatla soon.",  # no announcement: a forecast
        "Rebel commanders have vowed they would take Hatla.",
        "If the rebels announced that their forces would take Hatla, the army would flee.",
        "The army announced that its troops would withdraw from Hatla.",  # no capture aim
    ],
)
def test_a_forecast_or_plan_is_no_fight(text):
    assert not {c for c in found(text) if c[2] == "contested"}


@pytest.mark.parametrize(
    "text",
    [
        "Rebels captured dozens of villages from government forces, including Kafr Nabl "
        "and Saraqib.",
        "Rebels captured dozens of villages from the army on Monday, including Kafr Nabl "
        "and Saraqib.",
        "The opposition seized 14 towns from regime troops, among them Kafr Nabl and Saraqib.",
        "Insurgents took several villages from the SDF such as Kafr Nabl and Saraqib.",
    ],
)
def test_examples_after_the_side_the_places_were_taken_from(text):
    # the side named after "from" lost the places; it starts no clause of its own
    got = found(text)
    for place in ("Kafr Nabl", "Saraqib"):
        sides = {actor for p, actor, rel, _st in got if p == pid(place) and rel == "captured"}
        assert sides and sides <= {"opposition", "sna", "hts_coalition"}, (place, got)
        assert not {a for p, a, _r, _s in got if p == pid(place)} & {"government", "sdf"}


@pytest.mark.parametrize(
    "text",
    [
        # the examples stand after another clause: the army is its subject
        "Rebels captured dozens of villages from government forces, while the army held Kafr Nabl.",
        # no list of examples: a place near the taken villages is not taken
        "Rebels took villages from government forces near Kafr Nabl.",
    ],
)
def test_taken_from_needs_its_list_of_examples(text):
    got = found(text)
    assert (pid("Kafr Nabl"), "opposition", "captured", "asserted") not in got


@pytest.mark.parametrize(
    "text",
    [
        "Fighters took Hama's military airport and, to the south, the towns of Rastan "
        "and Talbiseh.",
        "Fighters took Hama's military airport and, further south, the towns of Rastan "
        "and Talbiseh.",
        "Fighters took Hama's military airport, and in the south, the towns of Rastan "
        "and Talbiseh.",
    ],
)
def test_a_direction_set_off_by_commas_is_an_aside_inside_a_list(text):
    got = {(p, r) for p, _, r, _ in found(text)}
    for town in ("Rastan", "Talbiseh"):
        assert (pid(town), "captured") in got


def test_a_direction_before_a_new_clause_ends_the_list():
    got = found("Fighters took Hama, and to the north, fighting raged in Morek.")
    assert (pid("Morek"), "opposition", "captured", "asserted") not in got


@pytest.mark.parametrize(
    "tail",
    ["on the main road north of it", "on the highway north of Homs", "along the M5 highway"],
)
def test_a_road_phrase_after_the_subject_is_no_gap_before_its_verb(tail):
    text = f"Rebels advanced on Homs. The towns of Rastan and Talbiseh {tail} were taken on Friday."
    got = {(p, r) for p, _, r, _ in found(text, published="2024-12-08")}
    for town in ("Rastan", "Talbiseh"):
        assert (pid(town), "captured") in got


def test_a_road_phrase_is_no_subject_of_its_own():
    got = found("Rebels advanced on Homs. Traffic on the road to Rastan was heavy on Friday.")
    assert not [c for c in got if c[0] == pid("Rastan")]


def test_an_unnamed_locative_before_as_well_as_does_not_end_the_list():
    text = (
        "The SDF still holds the al-Busayrah and Hajin areas on the eastern bank, as well as "
        "Raqqa, Tabqa and al-Hasakah."
    )
    got = {(p, r) for p, _, r, _ in found(text)}
    for town in ("Raqqa", "Tabqa"):
        assert (pid(town), "controls") in got


@pytest.mark.parametrize(
    "text",
    [
        "In Qamishli and al-Hasakah, the SDF took control of the security squares on Sunday.",
        "In Qamishli, the SDF took control of the security square on Sunday.",
        "The SDF took control of the security squares in Qamishli and al-Hasakah on Sunday.",
    ],
)
def test_a_towns_security_square_taken_is_a_capture_at_the_town(text):
    got = {(p, a, r) for p, a, r, _ in found(text)}
    assert (pid("Qamishli"), "sdf", "captured") in got


@pytest.mark.parametrize(
    "text",
    [
        "Rebels captured the 46th Regiment base.",
        "Rebels captured the army's 46th Regiment base.",
        "Rebels captured key positions, including the Syrian Army's 46th Regiment base.",
    ],
)
def test_a_units_base_named_by_its_ordinal_and_its_owner(text):
    got = {(p, r) for p, _, r, _ in found(text)}
    assert ("s:46th-regiment", "captured") in got


@pytest.mark.parametrize(
    "text",
    [
        "Local fighters took the Nassib crossing on the border with Jordan and the town of Izraa.",
        "Local fighters took the Nassib crossing on the Jordanian border and the town of Izraa.",
        "Local fighters took the Nassib crossing on the border with Jordan, and Izraa.",
        "Local fighters took Nassib at the border with Jordan as well as the town of Izraa.",
        "Local fighters took the town of Nassib in the south and the town of Izraa.",
    ],
)
def test_where_a_border_item_lies_does_not_end_the_list(text):
    got = {(p, r) for p, _, r, _ in found(text)}
    assert (pid("Izraa"), "captured") in got


def test_a_border_locative_before_a_new_clause_still_ends_the_list():
    got = {
        (p, a, r)
        for p, a, r, _ in found(
            "Rebels seized Nassib on the Jordanian border, and the army withdrew from Izraa."
        )
    }
    assert (pid("Izraa"), "government", "withdrew") in got
    assert not [c for c in got if c[0] == pid("Izraa") and c[2] == "captured"]


@pytest.mark.parametrize("share", ["most of", "many of", "some of", "all of"])
def test_a_share_of_an_areas_towns_names_its_examples(share):
    text = (
        f"The factions seized {share} the towns of the Deraa countryside, among them Tafas "
        "and Busra al-Harir."
    )
    got = {(p, r) for p, _, r, _ in found(text)}
    assert (pid("Tafas"), "captured") in got
    assert (pid("Busra al-Harir"), "captured") in got


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        ("Rebels crossed the Orontes into the town of Rastan.", "entered"),
        ("Rebel fighters arrived in the town of Rastan.", "entered"),
        ("Government forces handed over the town of Rastan.", "withdrew"),
        ("Rebels are moving south to the city of Rastan.", "advancing"),
    ],
)
def test_a_kind_phrase_before_the_place_does_not_count_as_distance(text, relation):
    assert (pid("Rastan"), relation) in {(p, r) for p, _a, r, _s in found(text)}
