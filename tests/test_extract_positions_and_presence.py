"""Positions, posts and bases; presence; symmetric fights; asides that name no subject.

Each rule has invented sentences that must give a claim and near misses that must not.
"""

from __future__ import annotations

import pytest

from tests.claims_of import analysed, claims, claims_by_id

HMEIMIM = "s:hmeimim-airbase"
TARTUS_BASE = "s:tartus-naval-base"


# ---- a fronted phrase closed by its comma is no reference point -----------------------


@pytest.mark.parametrize(
    "text",
    [
        "In the northern countryside, Rastan and Talbiseh came under opposition control.",
        "In the western Homs countryside, Talbiseh and Rastan came under opposition control.",
    ],
)
def test_a_fronted_area_phrase_does_not_make_the_subject_a_landmark(text):
    got = claims(text)
    assert ("Rastan", "opposition", "captured") in got
    assert ("Talbiseh", "opposition", "captured") in got


def test_a_direction_phrase_closed_by_its_comma_is_no_landmark():
    assert claims("North of the city, Rastan fell to the rebels.") == {
        ("Rastan", "opposition", "captured")
    }


def test_a_list_of_landmarks_stays_a_reference():
    # "near A, B and C": all three locate the fighting, none was taken
    got = claims("Fighting raged near Rastan, Talbiseh and Homs on Friday.")
    assert not any(r == "captured" for _, _, r in got)


# ---- positions, posts and checkpoints in or at the edge of a place ---------------------


@pytest.mark.parametrize(
    "text, place, actor, relation",
    [
        (
            "Syrian troops abandoned their checkpoints at the entrances of Kanaker on Saturday.",
            "Kanaker",
            "government",
            "withdrew",
        ),
        (
            "The SDF has taken over government positions in Qamishli.",
            "Qamishli",
            "sdf",
            "captured",
        ),
        (
            "Rebels seized regime checkpoints near Jasim on Thursday.",
            "Jasim",
            "opposition",
            "captured",
        ),
    ],
)
def test_positions_in_or_at_the_edge_of_a_place(text, place, actor, relation):
    assert (place, actor, relation) in claims(text)


def test_roads_at_the_entrances_are_not_the_town():
    assert claims("Rebels took control of the roads at the entrances of Kanaker.") == set()


# ---- "In X," / "At X," before a facility object ------------------------------------------


@pytest.mark.parametrize(
    "text, place, actor, relation",
    [
        (
            "At the Jousieh crossing with Lebanon, Syrian border guards abandoned their posts "
            "on Saturday evening.",
            "Jousieh crossing",
            "government",
            "withdrew",
        ),
        (
            "In Kanaker, soldiers abandoned their posts on Saturday.",
            "Kanaker",
            "government",
            "withdrew",
        ),
        ("In Daraa, rebels seized the governorate building.", "Daraa", "opposition", "captured"),
        ("In Douma, rebels have taken over the municipality.", "Douma", "opposition", "captured"),
        (
            "In Tartus, the governor's office was seized by rebels.",
            "Tartus",
            "opposition",
            "captured",
        ),
        (
            "In Tartus, the central prison was stormed by rebels.",
            "Tartus",
            "opposition",
            "captured",
        ),
        (
            "In Tartus, rebels occupied the governor's office on Sunday.",
            "Tartus",
            "opposition",
            "captured",
        ),
        (
            "In Suwayda, Druze armed groups seized the governorate building and the police "
            "command in the city after brief clashes.",
            "Suwayda",
            "druze_factions",
            "captured",
        ),
    ],
)
def test_a_fronted_place_locates_the_facility_object(text, place, actor, relation):
    assert (place, actor, relation) in claims(text)


@pytest.mark.parametrize(
    "text",
    [
        "In Homs, rebels killed 20 soldiers at their posts.",
        "In Latakia, the army reinforced its positions.",
    ],
)
def test_a_fronted_place_with_no_control_cue_gives_nothing(text):
    assert claims(text) == set()


# ---- asides that name no subject -------------------------------------------------------


def test_a_bracketed_aside_after_a_name_is_no_subject():
    text = (
        "Militants of Hayat Tahrir al-Sham (HTS, a terrorist organization banned in Russia) "
        "entered Damascus on Sunday morning."
    )
    got = claims(text)
    assert {a for _, a, _ in got} & {"opposition", "hts_coalition"}
    assert not any(a == "russia" for _, a, _ in got)
    assert any(p == "Damascus" and r == "entered" for p, _, r in got)


def test_an_aside_naming_the_leader_still_names_the_group():
    got = claims("Rebels (led by HTS, the former Nusra Front) captured Hama on Thursday.")
    assert got == {("Hama", "hts_coalition", "captured")}


def test_a_second_reported_clause_has_a_subject_of_its_own():
    text = (
        "Residents told us that regime soldiers had abandoned their checkpoints at the "
        "entrances of Kanaker on Saturday and that young men from the town had taken them over."
    )
    got = claims(text)
    assert ("Kanaker", "government", "withdrew") in got
    assert ("Kanaker", "government", "captured") not in got


def test_a_fronted_weekday_is_no_name_in_apposition():
    text = (
        "On Sunday, the SNA said it had captured Tal Rifaat, which had been held by Kurdish "
        "forces since 2016, and the nearby Menagh air base."
    )
    got = claims(text)
    assert ("Tal Rifaat", "sna", "captured") in got
    assert ("Menagh", "sna", "captured") in got


def test_a_since_year_after_the_clause_does_not_date_its_claim():
    a = analysed(
        "The SNA said it had captured Tal Rifaat, which had been held by Kurdish forces since 2016."
    )
    dates = {str(c.event_date) for c in a.candidates if c.relation == "captured"}
    assert dates == {"2024-12-06"}  # the day before publication, not 2015


# ---- outlets' names for Turkey, its allies and the US ------------------------------------


@pytest.mark.parametrize(
    "text, place",
    [
        (
            "The Turkish occupation and its mercenaries occupied Tal Rifaat on 1 December.",
            "Tal Rifaat",
        ),
        ("On Sunday the mercenaries, backed by Turkish tanks, entered Arimah.", "Arimah"),
    ],
)
def test_turkish_backed_mercenaries_are_the_sna(text, place):
    got = claims(text)
    assert {(p, a) for p, a, _ in got} == {(place, "sna")}


def test_the_turkish_occupation_army_stays_turkey_in_an_attack_phrase():
    text = (
        "The SDF said its fighters had repelled an attack by the Turkish occupation army "
        "and its mercenaries near the Tishreen Dam and liberated the village of Tal Arish."
    )
    assert ("Tal Arish", "sdf", "captured") in claims(text)


# ---- a fight named by its two sides: the longer list of names still counts ----------------


def test_a_fight_between_long_names_is_still_read():
    # ten words between "between" and the verb: the army's challenger contests the place
    got = claims(
        "Clashes between Hayat Tahrir al-Sham (HTS) fighters and the Syrian Arab Army (SAA) "
        "continue around Morek."
    )
    assert got == {("Morek", "hts_coalition", "contested")}


def test_a_fight_between_two_non_government_sides_is_both_sides_fight():
    got = claims(
        "Hostilities between Syrian National Army (SNA) factions and the Syrian Democratic "
        "Forces (SDF) continue around Manbij."
    )
    assert got == {("Manbij", "sna", "contested"), ("Manbij", "sdf", "contested")}


# ---- presence, bases, arrivals, attacks, collapse ------------------------------------------


@pytest.mark.parametrize(
    "text, place, actor, relation",
    [
        (
            "Israeli troops were operating in and around the town of Quneitra.",
            "Quneitra",
            "israel",
            "entered",
        ),
        ("Rebel fighters arrived in Homs on Sunday.", "Homs", "opposition", "entered"),
        (
            "Local opposition groups attacked regime checkpoints in Inkhil on Thursday.",
            "Inkhil",
            "opposition",
            "contested",
        ),
        ("Regime lines collapse in Deraa.", "Deraa", "government", "lost"),
    ],
)
def test_presence_arrival_attack_and_collapse(text, place, actor, relation):
    assert (place, actor, relation) in claims(text)


@pytest.mark.parametrize(
    "text",
    [
        "A UN delegation arrived in Damascus.",
        "Israeli jets attacked military positions in Damascus.",
        "Aid groups operating in Idlib warned of shortages.",
    ],
)
def test_arrivals_and_attacks_of_no_ground_force_give_nothing(text):
    assert claims(text) == set()


def test_a_state_keeps_its_own_bases_not_the_towns():
    got = claims_by_id("Moscow keeps a naval base in Tartous and the Hmeimim air base near Jableh.")
    assert got == {(TARTUS_BASE, "russia", "controls"), (HMEIMIM, "russia", "controls")}


def test_a_bare_military_speaking_after_a_foreign_force_is_nobodys():
    text = (
        "Israeli troops entered the buffer zone on Sunday after Syrian army troops abandoned "
        "their posts there. \u201cOur forces are operating in the buffer zone,\u201d the "
        "military said."
    )
    got = claims(text)
    assert not any(a == "government" and r in ("controls", "entered") for _, a, r in got)


# ---- a timeline's date labels in capitals ---------------------------------------------------


def test_a_timeline_label_in_capitals_dates_its_line():
    text = (
        "Timeline of the offensive\n\n"
        "NOV 29 - Rebels reach the western edges of Aleppo city.\n\n"
        "DEC 6 - Local fighters take control of the southern city of Daraa.\n\n"
        "DEC 8 - HTS-led rebels enter Damascus unopposed."
    )
    got = {
        (c.place_name, str(c.event_date))
        for c in analysed(text, published="2024-12-12").candidates
        if c.relation in ("captured", "entered")
    }
    assert ("Daraa", "2024-12-06") in got
    assert ("Damascus", "2024-12-08") in got


# ---- the page's own description of a place inside an attributed sentence --------------------


@pytest.mark.parametrize(
    "text, place",
    [
        (
            "Syrian and Russian warplanes struck the rebel-held city of Idlib on Sunday, "
            "killing at least 25 civilians, according to rescuers.",
            "Idlib",
        ),
        (
            "Turkish-backed factions said they had captured Tal Rifaat, a town held for years "
            "by Kurdish-led forces.",
            "Tal Rifaat",
        ),
    ],
)
def test_a_place_described_as_held_is_the_pages_word(text, place):
    held = {(c.place_name, c.stance) for c in analysed(text).candidates if c.relation == "controls"}
    assert held == {(place, "asserted")}


@pytest.mark.parametrize(
    "text",
    [
        "Idlib is held by rebels, the monitor said.",
        '"We shelled the rebel-held town of Sarmada," the army said.',
    ],
)
def test_a_hold_the_source_states_or_quotes_stays_the_sources(text):
    stances = {c.stance for c in analysed(text).candidates if c.relation == "controls"}
    assert stances == {"attributed"}


@pytest.mark.parametrize(
    "text",
    [
        "Local sources indicate that Iran-affiliated armed groups withdrew from Al-Mayadin.",
        "Partners report that rebels entered Hama.",
    ],
)
def test_a_plural_source_in_the_present_attributes(text):
    assert {c.stance for c in analysed(text).candidates} == {"attributed"}


# ---- reinforcements ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, place, actor",
    [
        (
            "A security official told SANA that reinforcements had arrived in Aleppo.",
            "Aleppo",
            "government",
        ),
        (
            "Military sources said reinforcements were on their way to Aleppo.",
            "Aleppo",
            "government",
        ),
        ("Rebel reinforcements reached Hama on Friday.", "Hama", "opposition"),
    ],
)
def test_reinforcements_reaching_a_place_enter_it(text, place, actor):
    assert (place, actor, "entered") in claims(text)


# ---- an entry that took the districts was a capture ---------------------------------------


@pytest.mark.parametrize(
    "text, place",
    [
        ("Opposition forces have entered Homs, capturing several key districts.", "Homs"),
        ("Rebels entered Hama and took control of its neighbourhoods.", "Hama"),
        (
            "After intense fighting, opposition forces advanced into the inner parts of Homs, "
            "securing control of the city center.",
            "Homs",
        ),
    ],
)
def test_entering_and_taking_the_districts_is_a_capture(text, place):
    got = claims(text)
    assert (place, "opposition", "entered") in got
    assert (place, "opposition", "captured") in got


@pytest.mark.parametrize(
    "text",
    [
        "Rebels advanced from Idlib, capturing several districts.",
        "Rebels entered Aleppo as the army retook several districts.",
    ],
)
def test_districts_taken_without_the_same_sides_entry_are_no_capture(text):
    assert not any(r == "captured" for _, _, r in claims(text))


def test_neighbourhoods_of_a_named_place_stay_that_places():
    got = claims("Tribal gunmen had seized neighbourhoods of Raqqa on Tuesday, residents said.")
    assert ("Raqqa", "other", "captured") in got


# ---- more words for holding ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, place, actor",
    [
        ("Rebels attacked SDF-governed Manbij.", "Manbij", "sdf"),
        ("Israel maintains troops on Mount Hermon.", "Mount Hermon", "israel"),
        ("Israel has maintained its presence on Mount Hermon.", "Mount Hermon", "israel"),
    ],
)
def test_governed_and_maintained_holds(text, place, actor):
    got = analysed(text).candidates
    assert {(c.place_name, c.actor, c.relation, c.stance) for c in got} == {
        (place, actor, "controls", "asserted")
    }


def test_a_presence_to_be_maintained_is_no_hold_yet():
    assert claims("Israel will maintain its presence on Mount Hermon.") == set()


# ---- entering a city's suburbs or outskirts --------------------------------------------------


@pytest.mark.parametrize(
    "text, relation",
    [
        ("Rebels entered suburbs of the key city of Homs.", "entered"),
        ("Rebels entered the outskirts of Homs.", "entered"),
        ("Rebels reached the suburbs of Homs.", "advancing"),
        ("Rebels captured the suburbs of Homs.", "advancing"),
    ],
)
def test_a_citys_edge_is_entered_or_approached_not_taken(text, relation):
    got = analysed(text).candidates
    assert {(c.place_name, c.relation, c.place_precision) for c in got} == {
        ("Homs", relation, "near")
    }


# ---- holding lines, present in all positions, inside a place ---------------------------


@pytest.mark.parametrize(
    ("text", "place", "actor", "relation"),
    [
        (
            "Government troops were holding their lines at the Kuweires air base.",
            "Kuweires air base",
            "government",
            "controls",
        ),
        (
            "Government troops are present in all their positions inside the city of Homs.",
            "Homs",
            "government",
            "controls",
        ),
        ("Rebels are now inside Hama, the monitor said.", "Hama", "opposition", "entered"),
    ],
)
def test_lines_held_positions_manned_and_forces_inside(text, place, actor, relation):
    assert (place, actor, relation) in claims(text)


@pytest.mark.parametrize(
    "text",
    [
        "Thousands of civilians were inside Hama.",
        "The lines inside Homs were cut by the storm.",
    ],
)
def test_nobody_named_inside_a_place_is_no_force_there(text):
    assert claims(text) == set()


def test_a_person_taken_after_a_fronted_place_is_no_capture():
    assert claims("In Tartus, a civilian was killed by rebels.") == set()
