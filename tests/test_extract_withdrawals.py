"""A force leaving or losing a place: general news phrasings (invented sentences)."""

from __future__ import annotations

import pytest

from syriamap.extract import extract

Row = tuple[str, str, str, str, str]


def _rows(text: str, published: str = "2024-12-07") -> set[Row]:
    """(place name, actor, relation, stance, place precision) of every claim."""
    return {
        (a.place_name, a.actor, str(a.relation), str(a.stance), str(a.place_precision))
        for a in extract(text, published=published)
    }


def _places(text: str, relation: str, actor: str = "government") -> set[str]:
    return {r[0] for r in _rows(text) if r[1] == actor and r[2] == relation}


# --- 1. positions, bases and posts in a list of towns ---------------------------------


@pytest.mark.parametrize(
    ("text", "places"),
    [
        (
            "Regime troops withdrew from their positions in the towns of Rastan, "
            "Talbiseh and Tal Kalakh.",
            {"Rastan", "Talbiseh", "Tal Kalakh"},
        ),
        (
            "On Friday the army pulled out of its bases in the villages of Rastan and Talbiseh.",
            {"Rastan", "Talbiseh"},
        ),
        ("Soldiers abandoned their posts in the cities of Hama and Homs.", {"Hama", "Homs"}),
        (
            "Government forces vacated their positions in Salamiyeh and Rastan.",
            {"Salamiyeh", "Rastan"},
        ),
    ],
)
def test_positions_in_a_list_of_towns_reach_every_town(text: str, places: set[str]) -> None:
    rows = _rows(text)
    assert {r[0] for r in rows if r[1:4] == ("government", "withdrew", "asserted")} == places
    # positions in a town are around it: every item of the list, not only the first
    assert {r[4] for r in rows} == {"near"}


def test_posts_after_a_determiner_are_no_posting() -> None:
    # "their posts" is the noun: no attribution, the claim is the writer's
    rows = _rows("Soldiers abandoned their posts in Rastan on Friday.")
    assert ("Rastan", "government", "withdrew", "asserted", "near") in rows
    # the verb still attributes
    rows = _rows("A rebel commander posts that fighters entered Rastan.")
    assert ("Rastan", "opposition", "entered", "attributed", "place") in rows


def test_positions_without_a_place_stay_a_focus_cue() -> None:
    text = "Rebels entered Rastan and Talbiseh after the army withdrew from its positions."
    assert _places(text, "withdrew") == {"Rastan", "Talbiseh"}
    assert _rows("The army withdrew from its positions on Friday.") == set()


@pytest.mark.parametrize(
    "text",
    [
        "Rebels entered Rastan after the army left its posts.",
        "Rebels entered Rastan after soldiers deserted their checkpoints.",
        "Rebels entered Rastan after government troops fled their barracks.",
        "Rebels entered Rastan after the army quit its bases.",
    ],
)
def test_posts_checkpoints_and_barracks_left_are_the_main_places_lost(text: str) -> None:
    assert _places(text, "withdrew") == {"Rastan"}


def test_posts_left_with_no_place_in_the_sentence_say_nothing() -> None:
    assert _rows("Soldiers left their posts on Friday.") == set()
    # staying at one's post is no withdrawal
    assert _places("Rebels entered Rastan while the army kept its posts.", "withdrew") == set()


def test_positions_near_a_town_are_near_it() -> None:
    rows = _rows("Government forces withdrew from positions near Rastan.")
    assert rows == {("Rastan", "government", "withdrew", "asserted", "near")}


def test_positions_attacked_are_no_withdrawal() -> None:
    text = "Rebels attacked army positions in the towns of Rastan and Talbiseh."
    assert not any(r[2] == "withdrew" for r in _rows(text))


# --- 2. a facility at a town ----------------------------------------------------------


def test_unit_bases_in_a_list_are_facilities_near_each_town() -> None:
    text = "Troops withdrew from the 45th Brigade in Rastan and the 9th Division in Talbiseh."
    rows = _rows(text)
    assert ("Rastan", "government", "withdrew", "asserted", "near") in rows
    assert ("Talbiseh", "government", "withdrew", "asserted", "near") in rows


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Rebels seized the military academy in Salamiyeh.", "Salamiyeh"),
        ("Opposition fighters captured the airbase near Rastan on Monday.", "Rastan"),
        ("Insurgents stormed the artillery school near Talbiseh.", "Talbiseh"),
        # a unit's base the reviewed sites do not list ("the 46th Regiment base" is one)
        ("HTS took over the 111th Brigade base west of Atarib.", "Atarib"),
    ],
)
def test_facility_at_a_town_is_a_claim_near_it(text: str, place: str) -> None:
    rows = {r for r in _rows(text) if r[2] == "captured"}
    assert {(r[0], r[4]) for r in rows} == {(place, "near")}


def test_second_facility_of_a_list_is_near_its_town() -> None:
    text = "Rebels seized Rastan and the weapons depots east of Talbiseh."
    rows = _rows(text)
    assert ("Rastan", "opposition", "captured", "asserted", "place") in rows
    assert ("Talbiseh", "opposition", "captured", "asserted", "near") in rows


def test_the_airport_in_a_city_is_the_airport() -> None:
    rows = _rows("The army withdrew from the airport in Aleppo.")
    assert {(r[0], r[2]) for r in rows} == {("Aleppo", "withdrew")}
    ids = {
        a.place_id
        for a in extract("The army withdrew from the airport in Aleppo.", published="2024-12-07")
    }
    assert ids == {"s:aleppo-airport"}


def test_a_civilian_building_is_no_facility_claim() -> None:
    assert _rows("Rebels entered the school in Rastan.") == set()


def test_a_bare_tel_is_a_name_cut_short() -> None:
    assert _rows("Rebels seized military points in the town of Rastan, Tel") == {
        ("Rastan", "opposition", "captured", "asserted", "near")
    }
    assert {r[0] for r in _rows("Rebels captured Tel Abyad and Al-Tall.")} == {
        "Tel Abyad",
        "Al-Tall",
    }


# --- 3. the holder's collapse ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "precision"),
    [
        ("Army positions in Talbiseh collapsed on Friday.", "near"),
        ("The military barracks in Talbiseh fell rapidly.", "near"),
        ("Regime forces in the town of Talbiseh crumbled after a rebel assault.", "place"),
        ("The regime's defences in Talbiseh gave way within hours.", "place"),
        ("Talbiseh's last defences collapsed overnight.", "place"),
        ("The army collapsed in Talbiseh.", "place"),
        ("Government forces crumbled quickly in Talbiseh on Friday.", "place"),
    ],
)
def test_the_holders_collapse_is_a_loss(text: str, precision: str) -> None:
    rows = _rows(text)
    assert {(r[0], r[2], r[4]) for r in rows if r[1] == "government"} == {
        ("Talbiseh", "lost", precision)
    }


def test_a_rebel_collapse_is_the_rebels_loss() -> None:
    rows = _rows("Rebel lines around Talbiseh crumbled under shelling.")
    assert {(r[0], r[1], r[2]) for r in rows} == {("Talbiseh", "opposition", "lost")}


@pytest.mark.parametrize(
    "text",
    [
        "Talks collapsed in Talbiseh.",
        "Talks in Talbiseh collapsed on Friday.",
        "The building collapsed in Talbiseh after an airstrike.",
        "A bridge in Talbiseh collapsed.",
        "Prices fell in Talbiseh.",
        "Prices in Aleppo fell sharply.",
        "The ceasefire collapsed in Talbiseh.",
        "The rebel offensive collapsed in Talbiseh.",
        "The last town in Homs province fell on Friday.",
    ],
)
def test_other_things_collapsing_are_no_loss(text: str) -> None:
    assert not any(r[2] in ("lost", "captured") for r in _rows(text))


# --- 4. a place left without the force --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("Homs city has been left without government forces.", "asserted"),
        ("For the first time, Homs has reportedly been left without regime troops.", "attributed"),
        ("Homs is now empty of regime soldiers.", "asserted"),
        ("No government forces remain in Homs.", "asserted"),
        ("There are no army units left in Homs, residents said.", "attributed"),
    ],
)
def test_a_place_left_without_the_force_is_a_withdrawal(text: str, stance: str) -> None:
    assert {(r[0], r[1], r[2], r[3]) for r in _rows(text)} == {
        ("Homs", "government", "withdrew", stance)
    }


def test_no_forces_present_in_a_list() -> None:
    text = "No regime forces were present in Rastan and Talbiseh by Friday."
    assert _places(text, "withdrew") == {"Rastan", "Talbiseh"}
    assert not _places(text, "controls")


@pytest.mark.parametrize(
    "text",
    [
        "Homs was left without electricity after the strike.",
        "Homs was left without troops.",
        "No civilians remain in Homs.",
        "No casualties among government forces in Homs were reported.",
        "The army said no soldiers were killed in Homs.",
    ],
)
def test_absence_of_other_things_is_no_withdrawal(text: str) -> None:
    assert not any(r[2] == "withdrew" for r in _rows(text))


def test_forces_that_remain_still_hold() -> None:
    rows = _rows("Government forces remain in Homs.")
    assert ("Homs", "government", "controls", "asserted", "place") in rows


# --- 5. the army's own word: a redeployment -------------------------------------------


def _claims(text: str) -> set[tuple[str, str, str, str, str]]:
    return {
        (a.place_name, a.actor, str(a.relation), str(a.stance), a.claimant)
        for a in extract(text, published="2024-12-07")
    }


@pytest.mark.parametrize(
    ("text", "places", "claimant"),
    [
        (
            "In a statement, the army described its moves in Hama and Salamiyeh as a "
            "tactical redeployment.",
            {"Hama", "Salamiyeh"},
            "the army",
        ),
        (
            "The defence ministry characterised its pullout from Rastan as a “repositioning”.",
            {"Rastan"},
            "The defence ministry",
        ),
        ("The army said it was repositioning outside Rastan.", {"Rastan"}, "The army"),
        (
            "Military sources said units had redeployed and repositioned outside Talbiseh.",
            {"Talbiseh"},
            "Military sources",
        ),
    ],
)
def test_a_redeployment_is_the_armys_withdrawal(text: str, places: set[str], claimant: str) -> None:
    rows = _claims(text)
    assert {r[0] for r in rows if r[1:4] == ("government", "withdrew", "attributed")} == places
    assert {r[4] for r in rows} == {claimant}


@pytest.mark.parametrize(
    "text",
    [
        "The army redeployed reinforcements to Rastan.",
        "The army sent reinforcements to Rastan as a precaution.",
        "Rebels took Hama, described as a key city.",
    ],
)
def test_an_arrival_is_no_redeployment_withdrawal(text: str) -> None:
    assert not any(r[2] == "withdrew" for r in _rows(text))


def test_describing_a_rebel_capture_is_no_withdrawal() -> None:
    rows = _rows("The monitor described the rebel capture of Rastan as a turning point.")
    assert {(r[0], r[1], r[2], r[3]) for r in rows} == {
        ("Rastan", "opposition", "captured", "attributed")
    }


# --- more ways to leave or lose a place ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "loser"),
    [
        ("The rebels liberated the town of Rastan from regime forces.", "government"),
        ("The SNA liberated the Manbij area from YPG militants on Monday.", "sdf"),
        ("The army liberated Rastan from the terrorists, state media said.", "opposition"),
        ("The SNA liberated Manbij in northern Aleppo province from the YPG.", "sdf"),
    ],
)
def test_the_side_a_place_is_liberated_from_lost_it(text: str, loser: str) -> None:
    assert any(r[1] == loser and r[2] == "lost" for r in _rows(text))
    assert any(r[1] != loser and r[2] == "captured" for r in _rows(text))


@pytest.mark.parametrize(
    ("text", "taker", "loser"),
    [
        ("The SNA captured Tal Rifaat from the SDF on December 1.", "sna", "sdf"),
        ("Pro-Turkish factions seized the town of Tell Rifaat from Kurdish units.", "sna", "sdf"),
        ("Turkish-backed fighters take Manbij from Kurdish-led forces", "sna", "sdf"),
        ("Syrian National Army clears Tal Rifat of PKK/YPG terrorists", "sna", "sdf"),
        (
            "The SNA has cleared the town of Tal Rifat in northern Aleppo province of the "
            "terrorist organization PKK/YPG, the SNA said.",
            "sna",
            "sdf",
        ),
        ("The army cleared Saraqib of terrorists on Friday.", "government", "opposition"),
    ],
)
def test_the_side_a_place_is_taken_or_cleared_from_lost_it(
    text: str, taker: str, loser: str
) -> None:
    rows = _rows(text)
    assert any(r[1] == taker and r[2] == "captured" for r in rows)
    assert any(r[1] == loser and r[2] == "lost" for r in rows)


@pytest.mark.parametrize(
    "text",
    [
        "Rebels liberated Rastan after clashes with the army.",
        # the army's loss is the capture itself: the annotation does not write it twice
        "Rebels seized Rastan from government troops on Monday.",
        "The rebels liberated the prisoners from Saydnaya prison.",
        "The SNA took Tal Rifaat from the north after crossing from Turkey.",
    ],
)
def test_no_loser_without_liberated_from(text: str) -> None:
    assert not any(r[2] == "lost" for r in _rows(text))


def test_a_place_where_the_holder_is_collapsing() -> None:
    text = "Rebels are fighting in the town of Rastan, where government forces are collapsing."
    assert ("Rastan", "government", "lost", "asserted", "place") in _rows(text)
    assert not any(
        r[2] == "lost" for r in _rows("Fighting raged in Rastan, where talks collapsed.")
    )


def test_forces_in_a_list_of_places_redeploying() -> None:
    text = (
        "“Our units deployed in Hama and Salamiyeh are redeploying and repositioning after "
        "terrorists attacked remote checkpoints,” the General Command of the Army said in a "
        "statement carried by state television on Friday."
    )
    rows = _claims(text)
    assert {r[0] for r in rows if r[1:4] == ("government", "withdrew", "attributed")} == {
        "Hama",
        "Salamiyeh",
    }
    assert {r[4] for r in rows} == {"the General Command of the Army"}


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Government troops in Rastan were withdrawing on Friday.", "government"),
        ("Rebel fighters in Rastan are regrouping.", "opposition"),
    ],
)
def test_forces_in_a_place_pulling_back(text: str, actor: str) -> None:
    assert {(r[0], r[1], r[2]) for r in _rows(text)} == {("Rastan", actor, "withdrew")}


@pytest.mark.parametrize(
    "text",
    [
        "Residents in Rastan are withdrawing money.",
        "Reinforcements are being redeployed to Rastan.",
        "Investors in Aleppo are pulling out.",
    ],
)
def test_other_people_pulling_back_is_no_withdrawal(text: str) -> None:
    assert not any(r[2] == "withdrew" for r in _rows(text))


def test_an_area_of_operations_is_no_place_held() -> None:
    text = "Our forces operating in Hama and Homs are redeploying, the army said."
    assert not any(r[2] == "withdrew" for r in _rows(text))


@pytest.mark.parametrize(
    "text",
    [
        "The SNA liberated the town of Rastan from YPG militants as part of its operation, "
        "launched on Dec. 1.",
        "Rebels captured Rastan in an offensive that began on Dec. 1.",
    ],
)
def test_the_start_of_an_operation_does_not_date_the_claim(text: str) -> None:
    dates = {str(a.event_date) for a in extract(text, published="2024-12-07")}
    assert dates == {"2024-12-07"}
    assert {
        str(a.event_date) for a in extract("Rebels took Rastan on Dec. 1.", published="2024-12-07")
    } == {"2024-12-01"}


def test_a_quoted_redeployment_outside_the_city() -> None:
    text = (
        "Rebels entered Hama on Thursday. The army said “its units have redeployed” outside "
        "the city."
    )
    rows = _rows(text)
    assert ("the city", "government", "withdrew", "attributed", "place") in rows


def test_the_place_left_is_the_city_meant_later() -> None:
    # "the city" is Homs (left in the same sentence), not Daraa named before
    text = (
        "Rebels entered Daraa. The ministry denied that troops had withdrawn from Homs, "
        "describing reports of a pullout as lies and saying units were “repositioning” "
        "around the city."
    )
    got = {(a.place_id, str(a.relation)) for a in extract(text, published="2024-12-07")}
    assert ("wof:421197257", "withdrew") not in got


def test_the_ministry_of_defense_withdraws_for_the_government() -> None:
    text = (
        "Rebels announced entering Rastan, coinciding with the Syrian Ministry of Defense "
        "announcing its withdrawal from the town."
    )
    rows = _claims(text)
    assert (
        "the town",
        "government",
        "withdrew",
        "attributed",
        "the Syrian Ministry of Defense",
    ) in rows
    assert not any(r[1] == "opposition" and r[2] == "withdrew" for r in rows)
    assert _places("The Ministry of Defence withdrew from Talbiseh.", "withdrew") == {"Talbiseh"}


def test_a_section_heading_takes_no_place_from_the_paragraph_before() -> None:
    text = "Rebels seized Talbiseh on Friday.\n\nArmy Withdrawals and Rebel Gains\n\nMore follows."
    assert not any(r[2] == "withdrew" for r in _rows(text))
    # a full sentence still points back to the place before
    rows = _rows("Rebels seized Hama on Friday. The army denied any withdrawal.")
    assert ("Hama", "government", "withdrew", "denied", "near") in rows


@pytest.mark.parametrize(
    ("text", "loser"),
    [
        ("Tal Rifaat had been under SDF control for eight years.", "sdf"),
        ("Rastan had been under rebel occupation for twelve years.", "opposition"),
        ("Manbij had been held by the SDF for years, until the SNA took it on Monday.", "sdf"),
    ],
)
def test_a_former_holding_is_a_loss(text: str, loser: str) -> None:
    rows = _rows(text)
    assert any(r[1] == loser and r[2] == "lost" for r in rows)
    assert not any(r[1] == loser and r[2] == "controls" for r in rows)


@pytest.mark.parametrize(
    "text",
    [
        "Rastan had been under siege for months.",
        "Idlib has been under rebel control since 2015.",
        "Deraa had been under government control since 2018.",
        "Rastan had been under rebel control before the truce.",
    ],
)
def test_no_former_holding_without_pluperfect_and_duration(text: str) -> None:
    assert not any(r[2] == "lost" for r in _rows(text))


@pytest.mark.parametrize(
    "text",
    [
        "Tal Rifaat, which had been held by the SDF for eight years, fell on Sunday.",
        "The SDF-held town of Manbij fell on Sunday.",
        "Kurdish-held Manbij fell on Sunday.",
    ],
)
def test_a_fall_is_the_named_holders_loss(text: str) -> None:
    rows = _rows(text)
    assert {(r[1], r[2]) for r in rows} == {("sdf", "lost")}


def test_a_fall_with_no_holder_named_is_the_governments() -> None:
    assert {(r[1], r[2]) for r in _rows("Rastan fell on Sunday.")} == {("government", "lost")}


@pytest.mark.parametrize(
    ("text", "actor", "relation"),
    [
        ("The army ceded control of Talbiseh to the rebels.", "government", "withdrew"),
        ("The SDF handed over control of Manbij to the army on Monday.", "sdf", "withdrew"),
        ("Soldiers deserted their posts in Talbiseh.", "government", "withdrew"),
        ("The regime lost its grip on Talbiseh.", "government", "lost"),
        ("The rebels lost their foothold in Talbiseh on Friday.", "opposition", "lost"),
    ],
)
def test_giving_up_or_losing_a_hold(text: str, actor: str, relation: str) -> None:
    rows = _rows(text)
    assert any(r[1] == actor and r[2] == relation for r in rows)
    assert not any(r[1] == actor and r[2] == "controls" for r in rows)


@pytest.mark.parametrize(
    "text",
    [
        "Dozens of soldiers deserted the army in Talbiseh.",
        "Rebels tightened their grip on Talbiseh.",
    ],
)
def test_no_loss_without_giving_up(text: str) -> None:
    assert not any(r[2] in ("withdrew", "lost") for r in _rows(text))


@pytest.mark.parametrize(
    "text",
    [
        "The army regrouped outside Saraqib.",
        "Government troops were regrouping outside Saraqib after the retreat.",
        "Rebel units regrouped outside Saraqib.",
    ],
)
def test_regrouping_outside_a_place_is_no_advance_on_it(text: str) -> None:
    # regrouping is what a force does after falling back, not an approach
    assert not {c for c in _claims(text) if c[2] == "advancing"}


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Government forces have withdrawn from Quneitra province, leaving local gunmen in "
            "charge.",
            "Quneitra",
        ),
        ("The army withdrew from Rastan, leaving the town in the hands of the rebels.", "Rastan"),
    ],
)
def test_the_side_left_in_charge_holds_the_place_the_other_left(text: str, place: str) -> None:
    rows = {(r[0], r[1], r[2]) for r in _rows(text)}
    assert (place, "government", "withdrew") in rows
    assert any(p == place and a != "government" and r == "controls" for p, a, r in rows)


def test_leaving_in_charge_after_a_capture_is_no_hold() -> None:
    rows = _rows("Rebels took Hama, leaving the army in control of Homs.")
    assert not any(r[2] == "controls" for r in rows)


@pytest.mark.parametrize(
    "tail",
    [
        "previously under the control of the SDF",
        "areas previously administered by the SDF",
        "formerly held by the SDF",
    ],
)
def test_a_place_taken_that_another_previously_held_is_its_loss(tail: str) -> None:
    rows = _rows(f"The SNA seized Tal Rifaat and nearby villages, {tail}.")
    assert ("Tal Rifaat", "sna", "captured", "asserted", "place") in rows
    assert any(r[:3] == ("Tal Rifaat", "sdf", "lost") for r in rows)
    assert not any(r[:3] == ("Tal Rifaat", "sdf", "controls") for r in rows)


@pytest.mark.parametrize(
    "text",
    [
        "The movement does not necessarily indicate a withdrawal from Tartus.",
        "This does not mean a withdrawal from Hama.",
        "Rebels entered Hama, which does not mean the army lost the city.",
    ],
)
def test_what_the_writer_says_does_not_indicate_a_withdrawal_is_none(text: str) -> None:
    assert not any(r[2] in ("withdrew", "lost") for r in _rows(text))


@pytest.mark.parametrize(
    "text",
    [
        "Army units were repositioned south of Rastan.",
        "The army says it has redeployed its forces out of Rastan.",
    ],
)
def test_redeployed_out_of_or_south_of_a_town_is_its_withdrawal(text: str) -> None:
    assert _places(text, "withdrew") == {"Rastan"}
