"""Other states' men, holdings and short forms: general news phrasings (invented sentences).

Each group has positives in varied wording (other towns, actors, tenses) and negatives that
must give nothing or no other side: "Russian units" are Russia's (not the army a rule's
default would name), "the advisers withdrew" names nobody's army, "the fall of X" is no
headline verb, "an official in charge of the file" holds no place.
"""

from __future__ import annotations

import pytest

from syriamap.extract import extract

Row = tuple[str, str, str]


def _rows(text: str, published: str = "2024-12-07") -> set[Row]:
    """(place name, actor, relation) of every claim."""
    return {(a.place_name, a.actor, str(a.relation)) for a in extract(text, published=published)}


# --- 1. another state's men are that state's, never the Syrian army -------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Russian units have pulled out of Ain Issa.", {("Ain Issa", "russia", "withdrew")}),
        ("Russian contingents left Tal Tamr on Friday.", {("Tal Tamr", "russia", "withdrew")}),
        ("Iranian commanders fled Deir ez-Zor.", {("Deir ez-Zor", "iran", "withdrew")}),
        (
            "Iranian military advisers left Albu Kamal overnight.",
            {("Albu Kamal", "iran", "withdrew")},
        ),
        ("US personnel withdrew from Deir ez-Zor.", {("Deir ez-Zor", "united_states", "withdrew")}),
    ],
)
def test_a_states_units_and_advisers_are_that_states(text: str, want: set[Row]) -> None:
    rows = _rows(text)
    assert want <= rows
    assert not any(actor == "government" for _, actor, _ in rows)


@pytest.mark.parametrize(
    "text",
    [
        "The advisers withdrew from Deir ez-Zor.",
        "The contingent had left Hama by Sunday.",
        "Embassy staff evacuated Damascus on Saturday.",
        "UN observers pulled out of Quneitra.",
        "Residents told us units had withdrawn from Hama.",
    ],
)
def test_men_of_no_named_force_give_no_default_withdrawal(text: str) -> None:
    assert _rows(text) == set()


def test_troops_alone_still_default_to_the_army() -> None:
    assert _rows("Troops withdrew from Hama.") == {("Hama", "government", "withdrew")}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The armed forces remain in their positions around Hama.", "government"),
        ("The Syrian armed forces withdrew from Rastan.", "government"),
        ("Turkish armed forces took control of Tal Rifaat.", None),
        ("The Iraqi armed forces withdrew from Albu Kamal.", None),
    ],
)
def test_the_armed_forces_are_the_syrian_army_unless_another_states(
    text: str, want: str | None
) -> None:
    actors = {actor for _, actor, _ in _rows(text)}
    assert "government" not in actors if want is None else actors == {want}


# --- 2. in charge of, gained control in -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The SDF remained in charge of the town of Manbij.", {("Manbij", "sdf", "controls")}),
        (
            "Druze factions are now in charge of Suwayda.",
            {("Suwayda", "druze_factions", "controls")},
        ),
        (
            "Rebels have gained control in the villages of Saraqib and Kafr Nabl.",
            {("Saraqib", "opposition", "captured"), ("Kafr Nabl", "opposition", "captured")},
        ),
    ],
)
def test_in_charge_of_and_control_in(text: str, want: set[Row]) -> None:
    assert want <= _rows(text)


@pytest.mark.parametrize(
    "text",
    [
        "The official in charge of the Hama file resigned.",
        "The SDF is no longer in charge of Manbij.",
    ],
)
def test_in_charge_without_a_holder_or_negated_holds_nothing(text: str) -> None:
    assert not any(rel == "controls" for _, _, rel in _rows(text))


# --- 3. plural headline "fall" -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("Rastan and Talbiseh fall without a fight", {"Rastan", "Talbiseh"}),
        ("Hama and Homs fall.", {"Hama", "Homs"}),
        (
            "Saraqib and Maarat al-Numan fall after a night of clashes",
            {"Saraqib", "Maarat al-Numan"},
        ),
    ],
)
def test_plural_fall_in_a_headline_is_a_loss(text: str, places: set[str]) -> None:
    lost = {place for place, actor, rel in _rows(text) if (actor, rel) == ("government", "lost")}
    assert lost == places


@pytest.mark.parametrize(
    "text",
    [
        "After the fall, rebels set up checkpoints in Hama.",
        "Aleppo's fall.",
        "Homs braced for the fall of its neighbour.",
        "Prices in Homs fall as winter begins.",
    ],
)
def test_the_noun_fall_is_no_loss(text: str) -> None:
    assert not any(rel == "lost" for _, _, rel in _rows(text))


# --- 4. a share of the holdings, and the towns of a region with examples ----------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Government forces have withdrawn from most of their positions in Quneitra province.",
            {("Quneitra", "government", "withdrew")},
        ),
        (
            "The army pulled back from parts of its outposts in Daraa province.",
            {("Daraa", "government", "withdrew")},
        ),
        (
            "SDF forces remain deployed in the towns of the eastern bank, including Hajin "
            "and Shahil.",
            {("Hajin", "sdf", "controls"), ("Shahil", "sdf", "controls")},
        ),
        (
            "Russian forces have pulled out of outposts in the north-east, including at Ain "
            "Issa and Tal Tamr.",
            {("Ain Issa", "russia", "withdrew"), ("Tal Tamr", "russia", "withdrew")},
        ),
    ],
)
def test_holdings_and_examples_reach_their_places(text: str, want: set[Row]) -> None:
    assert want <= _rows(text)


def test_a_list_after_including_needs_a_plural_place_noun() -> None:
    # "including" after a people noun lists no places of the cue
    rows = _rows("Rebels captured Saraqib, killing many soldiers, including officers from Hama.")
    assert ("Hama", "opposition", "captured") not in rows


# --- 5. crossing into a place is an entry; crossing a border out of Syria is none ------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Israeli troops crossed into the buffer zone on the Golan Heights.",
            ("the buffer zone", "israel", "entered"),
        ),
        ("Rebels crossed into Hama province from Idlib.", ("Hama", "opposition", "entered")),
    ],
)
def test_crossed_into_a_syrian_place_is_an_entry(text: str, want: Row) -> None:
    assert want in _rows(text)


@pytest.mark.parametrize(
    "text",
    [
        "Thousands of refugees crossed into Lebanon.",
        "Soldiers crossed into Iraq through the Al Qaim crossing.",
    ],
)
def test_crossing_out_of_syria_is_no_claim(text: str) -> None:
    assert _rows(text) == set()


def test_the_examples_of_areas_a_holder_governs_are_held() -> None:
    # data/ANNOTATION.md §2: a list in one clause gives one row per place
    text = "The SDF, which governs areas in the east, including Hasakah, rejected the plan."
    assert ("Hasakah", "sdf", "controls") in _rows(text)


def test_crossing_into_a_neighbour_through_a_crossing_is_no_entry_of_the_crossing() -> None:
    text = "Hundreds of Syrian soldiers had crossed into Lebanon through the Masnaa crossing."
    assert _rows(text) == set()


# --- 6. holding ground, leaving it, and the army's euphemisms ---------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Israeli forces were entrenched on Mount Hermon.", ("Mount Hermon", "israel", "controls")),
        ("The SDF dug in around Deir Hafer.", ("Deir Hafer", "sdf", "controls")),
        (
            "Government troops fortified positions in Mhardeh.",
            ("Mhardeh", "government", "controls"),
        ),
        ("Soldiers left Mezzeh airport.", ("Mezzeh airport", "government", "withdrew")),
        ("Syrian troops have left Rastan.", ("Rastan", "government", "withdrew")),
        (
            "Residents say soldiers have left the town of Rastan.",
            ("Rastan", "government", "withdrew"),
        ),
        (
            "Regime forces began pulling their vehicles and heavy weapons out of Hama.",
            ("Hama", "government", "withdrew"),
        ),
        (
            "Measures were taken to redeploy the units outside Hama.",
            ("Hama", "government", "withdrew"),
        ),
        ("Israel has moved troops into Quneitra.", ("Quneitra", "israel", "entered")),
    ],
)
def test_holding_and_leaving_ground(text: str, want: Row) -> None:
    assert want in _rows(text)


@pytest.mark.parametrize(
    "text",
    [
        "Fighters left 20 dead in Hama.",
        "Troops left behind weapons in Hama.",
        "Assad left Damascus.",
        "Residents fled Homs as troops withdrew.",
    ],
)
def test_left_as_a_toll_a_whereabouts_or_civilians_fleeing_is_no_withdrawal(text: str) -> None:
    assert not any(
        rel == "withdrew" and place in ("Hama", "Damascus", "Homs") for place, _, rel in _rows(text)
    )


def test_a_default_actor_never_stands_in_when_the_clause_names_another_side() -> None:
    # the subject is Hezbollah's men; the rule's default (the army) would paint Homs wrong
    rows = _rows("Units of Hezbollah's Radwan forces had left Homs.")
    assert not any(actor == "government" for _, actor, _ in rows)


def test_our_forces_take_no_default_side() -> None:
    # the speaker named after a denial does not reach "our forces" yet; the army's
    # default must not stand in (it would deny a government withdrawal from Manbij)
    text = "There is no truth to reports that our forces have left Manbij, the SDF said."
    assert not any(actor == "government" for _, actor, _ in _rows(text))


# --- 7. who left: the convoy, not its attackers; what an event "left" a place ----------


@pytest.mark.parametrize(
    "text",
    [
        "Rebels ambushed an army convoy leaving Homs on Saturday.",
        "Rebels shot at troops fleeing Hama.",
        "Kurdish fighters attacked an SNA convoy leaving Manbij.",
        "Rebels attacked a government convoy withdrawing from Hama.",
    ],
)
def test_the_attackers_of_a_leaving_convoy_did_not_leave(text: str) -> None:
    rows = _rows(text)
    attackers = "sdf" if text.startswith("Kurdish") else "opposition"
    assert not any(actor == attackers and rel == "withdrew" for _, actor, rel in rows)


def test_a_convoy_named_with_its_side_withdrew() -> None:
    rows = _rows("Rebels attacked a government convoy withdrawing from Hama.")
    assert ("Hama", "government", "withdrew") in rows


@pytest.mark.parametrize(
    "text",
    [
        "The fall of Hama to the rebels left Homs exposed.",
        "The capture of Saraqib left Idlib isolated.",
        "The army's retreat left Rastan in rebel hands.",
    ],
)
def test_left_with_a_state_is_no_departure(text: str) -> None:
    rows = _rows(text)
    assert not any(
        rel == "withdrew" and place in ("Homs", "Idlib", "Rastan") for place, _, rel in rows
    )


def test_left_without_a_fight_is_still_a_departure() -> None:
    assert ("Hama", "government", "withdrew") in _rows(
        "Government troops left Hama without a fight."
    )


# --- 8. the capital's possessive names the state's men ----------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Tehran's militias abandoned Albu Kamal on Friday.", ("Albu Kamal", "iran", "withdrew")),
        ("Moscow's forces left Qamishli.", ("Qamishli", "russia", "withdrew")),
        ("Ankara's proxies entered Tal Rifaat.", ("Tal Rifaat", "sna", "entered")),
        ("Washington's Kurdish allies withdrew from Manbij.", ("Manbij", "sdf", "withdrew")),
    ],
)
def test_a_capitals_possessive_names_its_states_men(text: str, want: Row) -> None:
    rows = _rows(text)
    assert want in rows
    assert not any(actor == "government" for _, actor, _ in rows)


# --- 9. who lost: the loss of X to Y, the loss of X left Y in control ---------------------


@pytest.mark.parametrize(
    ("text", "loser"),
    [
        ("The loss of Hama to the rebels shocked Damascus.", "government"),
        ("The loss of Hama left the rebels in control of the city.", "government"),
        ("With the fall of Daraa, the city is in opposition hands again.", "government"),
        ("The loss of Palmyra is the biggest defeat IS has suffered in Syria.", "isis"),
    ],
)
def test_who_lost_a_place(text: str, loser: str) -> None:
    losers = {actor for _, actor, rel in _rows(text) if rel == "lost"}
    assert losers == {loser}


# --- 10. hypotheses and disavowed aims claim nothing --------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "A rebel takeover of Homs would cut the capital off from the coast.",
        "Rebel control of Homs would change everything.",
        "Analysts said rebel control of Homs would be a turning point.",
        "Rebels said they had no intention of entering Latakia.",
        "The SDF has no plans to withdraw from Manbij.",
    ],
)
def test_hypotheses_and_disavowed_aims_claim_nothing(text: str) -> None:
    assert _rows(text) == set()


def test_a_confirmed_noun_is_still_a_claim() -> None:
    assert ("Homs", "opposition", "controls") in _rows(
        "Rebel control of Homs was confirmed on Sunday."
    )


# --- 11. more verbs ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Rebels took the Nasib crossing.", ("Nasib crossing", "opposition", "captured")),
        ("Rebels took the Tishrin Dam.", ("Tishrin Dam", "opposition", "captured")),
        # a site's name of two or three words before its kind word
        (
            "Rebels took the Bab el-Hawa crossing.",
            ("Bab el-Hawa crossing", "opposition", "captured"),
        ),
        (
            "Rebels took the Abu al-Zuhur airbase.",
            ("Abu al-Zuhur airbase", "opposition", "captured"),
        ),
        (
            "Rebels took the Jdeidet Yabus crossing.",
            ("Jdeidet Yabus crossing", "opposition", "captured"),
        ),
        ("Rebels grabbed Saraqib.", ("Saraqib", "opposition", "captured")),
        ("Government forces recovered Saraqib.", ("Saraqib", "government", "captured")),
        ("Troops quit Rastan.", ("Rastan", "government", "withdrew")),
        ("Daraa slipped from the regime's grip on Friday.", ("Daraa", "government", "lost")),
        (
            "Druze militias expelled government security forces from Sweida city.",
            ("Sweida", "government", "lost"),
        ),
    ],
)
def test_more_verbs(text: str, want: Row) -> None:
    assert want in _rows(text)


@pytest.mark.parametrize(
    "text",
    [
        "Rebels took the road to the Bab el-Hawa crossing.",
        "Rebels took the Rastan bridge.",  # a town's bridge is no site: no capture of Rastan
    ],
)
def test_took_the_needs_the_site_itself(text: str) -> None:
    assert not any(r[2] == "captured" for r in _rows(text))


@pytest.mark.parametrize(
    "text",
    [
        "Rebels took the lead in Hama.",
        "The army recovered weapons in Hama.",
        "He quit his post in Damascus.",
    ],
)
def test_the_same_verbs_without_a_place_taken(text: str) -> None:
    assert _rows(text) == set()


# --- 12. presence, what is left, and a withdrawal as another side moves in ---------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Rebels are in Damascus.", ("Damascus", "opposition", "entered")),
        ("HTS fighters are now inside Homs.", ("Homs", "hts_coalition", "entered")),
        ("The army is in Homs.", ("Homs", "government", "controls")),
        (
            "Latakia and Tartus are still under the sway of Assad's forces.",
            ("Latakia", "government", "controls"),
        ),
        (
            "The regime is now confined to Damascus, Homs and the coast.",
            ("Homs", "government", "controls"),
        ),
        (
            "Kurdish forces take Deir ez-Zor as army pulls out",
            ("Deir ez-Zor", "government", "withdrew"),
        ),
        ("Rebels entered Hama as the army withdraws.", ("Hama", "government", "withdrew")),
    ],
)
def test_presence_remnants_and_withdrawals_beside_a_capture(text: str, want: Row) -> None:
    assert want in _rows(text)


@pytest.mark.parametrize(
    "text",
    [
        "The SDF is in talks with Damascus.",
        "Assad is in Moscow.",
        "Hama was left to the rebels.",
    ],
)
def test_no_presence_or_departure_where_none_is_said(text: str) -> None:
    assert not any(rel in ("entered", "withdrew") for _, _, rel in _rows(text))


def test_positions_left_by_one_side_are_not_the_takers_departure() -> None:
    rows = _rows("The SDF took over positions in Deir ez-Zor that were left by government troops.")
    assert ("Deir ez-Zor", "sdf", "withdrew") not in rows
    assert ("Deir ez-Zor", "sdf", "captured") in rows


# --- 13. ground left by another side; a name as the modifier of its own edge -------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "SDF fighters moved into the parts of Deir ez-Zor vacated by the army.",
            ("Deir ez-Zor", "government", "withdrew"),
        ),
        (
            "Kurdish forces moved into areas of Deir ez-Zor abandoned by pro-Iranian militias.",
            ("Deir ez-Zor", "iran", "withdrew"),
        ),
        (
            "The SDF took over positions in Deir ez-Zor that were left by government troops.",
            ("Deir ez-Zor", "government", "withdrew"),
        ),
    ],
)
def test_ground_vacated_by_a_side_is_its_withdrawal(text: str, want: Row) -> None:
    assert want in _rows(text)


def test_abandoned_by_residents_is_no_withdrawal() -> None:
    assert _rows("Homs was abandoned by its residents.") == set()


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        ("Insurgents reach Damascus outskirts", "advancing"),
        # entering a city's edge is an entry near it, as the real-corpus gold reads
        # "entered the outskirts of Homs" and "entered the southern suburbs of Damascus"
        ("Rebels entered Hama's northern outskirts.", "entered"),
    ],
)
def test_a_name_before_its_outskirts_is_near_it(text: str, relation: str) -> None:
    rels = {rel for _, actor, rel in _rows(text) if actor == "opposition"}
    assert rels == {relation}


# --- 14. a list opened by a colon after a plural place noun -------------------------------


def test_loosely_spelled_villages_after_the_following_areas_colon() -> None:
    text = (
        "Rebels attacked government forces in the western Aleppo countryside. The opposition "
        "factions captured the following areas: Sheikh Aqeel, Salloum, Anjara and Urum "
        "al-Sughra."
    )
    captured = {
        place for place, actor, rel in _rows(text) if (actor, rel) == ("opposition", "captured")
    }
    assert {"Sheikh Aqeel", "Salloum", "Anjara", "Urum al-Sughra"} <= captured


def test_a_colon_after_another_noun_opens_no_place_list() -> None:
    assert _rows("The talks covered three points: Security, Trade and Aleppo.") == set()


def test_the_eponymous_city_is_the_capital_of_the_province_named() -> None:
    from syriamap.extract import extract as _extract

    text = (
        "Local factions had taken control of more than 90 percent of Daraa province, "
        "including the eponymous city."
    )
    ids = {a.place_id for a in _extract(text, published="2024-12-07")}
    assert "wof:421197257" in ids  # the city of Daraa, besides the governorate


# --- 15. a main clause with no date of its own takes its "as" / "when" clause's ----------


def _dated(text: str) -> set[tuple[str, str, str, str]]:
    return {
        (a.place_name, a.actor, str(a.relation), a.event_date.isoformat())
        for a in extract(text, published="2024-12-07")
    }


def test_as_troops_left_on_a_date_dates_the_capture_and_the_withdrawal() -> None:
    got = _dated("Rebels took Palmyra as government troops left on 6 December.")
    assert ("Palmyra", "opposition", "captured", "2024-12-06") in got
    assert ("Palmyra", "government", "withdrew", "2024-12-06") in got


def test_when_clause_dates_the_main_clause() -> None:
    got = _dated("Rebels took Hama when the army withdrew on Thursday.")
    assert ("Hama", "opposition", "captured", "2024-12-05") in got


def test_a_main_clause_date_of_its_own_wins() -> None:
    got = _dated("Rebels took Hama on Thursday as troops withdrew on Wednesday.")
    assert ("Hama", "opposition", "captured", "2024-12-05") in got


def test_after_clause_dates_only_itself() -> None:
    # the capture came after the withdrawal, on a day the text does not give
    got = _dated("Rebels took Hama after the army withdrew on Thursday.")
    assert ("Hama", "government", "withdrew", "2024-12-05") in got
    assert ("Hama", "opposition", "captured", "2024-12-05") not in got


# --- 16. from a probe of invented passages: whose group, whose military ------------------


def test_the_group_with_no_side_found_takes_no_default() -> None:
    text = (
        "Hezbollah deployed fighters to Qusayr on Friday. The group withdrew from Qusayr on "
        "Saturday."
    )
    assert not any(actor == "government" for _, actor, _ in _rows(text))


def test_the_group_after_a_named_armed_group_is_that_group() -> None:
    assert ("Saraqib", "hts_coalition", "captured") in _rows(
        "HTS launched an offensive. The group captured Saraqib."
    )


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Israel's military said its troops had deployed in the buffer zone on the Golan "
            "Heights.",
            "israel",
        ),
        ("Russia's military said its troops left Qamishli airport.", "russia"),
    ],
)
def test_a_states_possessive_military_is_that_states(text: str, want: str) -> None:
    actors = {actor for _, actor, _ in _rows(text)}
    assert actors == {want}


def test_left_x_as_the_only_city_is_no_departure() -> None:
    text = "The fall of Hama left Homs as the only major city between the rebels and the capital."
    assert not any(place == "Homs" for place, _, _ in _rows(text))


# --- 17. speakers across sentences --------------------------------------------------------


def test_it_said_after_a_statement_is_the_previous_subjects_quote() -> None:
    text = (
        'The SDF issued a statement on Friday. "Our forces have withdrawn from Tal Rifaat '
        'to protect civilians," it said.'
    )
    assert ("Tal Rifaat", "sdf", "withdrew") in _rows(text)


def test_it_is_no_plural_subject() -> None:
    text = 'Rebels took Hama. "Our forces have withdrawn from Homs," it said.'
    assert ("Homs", "opposition", "withdrew") not in _rows(text)


def test_rebels_said_they_after_a_sentence_about_the_army() -> None:
    text = "The army said it was fighting hard. Rebels said they had captured Talbiseh."
    assert ("Talbiseh", "opposition", "captured") in _rows(text)


# --- 18. the Shahba region north of Aleppo is not Shahba in As-Suwayda -------------------


def test_the_shahba_area_is_the_pocket_north_of_aleppo() -> None:
    from syriamap.extract import extract as _extract

    got = _extract(
        "SNA factions captured Tal Rifaat and the Shahba area on Sunday.", published="2024-12-02"
    )
    assert "r:shahba" in {a.place_id for a in got}


def test_bare_shahba_in_sweida_stays_the_sweida_town() -> None:
    from syriamap.extract import extract as _extract

    got = _extract("Druze factions took control of Shahba in Sweida.", published="2024-12-07")
    assert "r:shahba" not in {a.place_id for a in got}


# --- 19. footage of fighters in a place; a kind phrase after "drove out of" -------------


@pytest.mark.parametrize(
    ("text", "want", "stance"),
    [
        (
            "Videos purported to show rebels inside Hama.",
            ("Hama", "opposition", "entered"),
            "unverified",
        ),
        (
            "Footage showed HTS fighters in the streets of Aleppo on Saturday.",
            ("Aleppo", "hts_coalition", "entered"),
            "attributed",
        ),
    ],
)
def test_footage_of_fighters_in_a_place(text: str, want: Row, stance: str) -> None:
    got = {
        (a.place_name, a.actor, str(a.relation), str(a.stance))
        for a in extract(text, published="2024-12-07")
    }
    assert (*want, stance) in got


@pytest.mark.parametrize(
    "text",
    ["Footage showed residents fleeing Homs.", "Video showed rebels shelling Hama."],
)
def test_footage_of_people_or_shelling_is_no_presence(text: str) -> None:
    assert _rows(text) == set()


def test_drove_out_of_the_historic_town_of() -> None:
    rows = _rows("Rebels drove government forces out of the historic town of Maarat al-Numan.")
    assert ("Maarat al-Numan", "government", "lost") in rows


# --- 20. an absolute "with forces in X"; withdrawals from facilities in X ------------------


def test_with_rebel_forces_in_the_capital() -> None:
    rows = _rows("With rebel forces in the capital, the army has pulled back.")
    assert ("the capital", "opposition", "entered") in rows
    assert ("the capital", "government", "withdrew") in rows


def test_with_foreign_forces_in_a_base_claims_nothing_for_them() -> None:
    rows = _rows("With the help of Russian forces in Hmeimim, the army held Latakia.")
    assert not any(actor == "russia" for _, actor, _ in rows)


@pytest.mark.parametrize(
    "text",
    [
        "Regime forces also withdrew from the defense and interior ministries and the "
        "international airport in Damascus.",
        "Regime forces fled the security branches of Daraa.",
    ],
)
def test_withdrawal_from_facilities_in_a_city(text: str) -> None:
    assert any(actor == "government" and rel == "withdrew" for _, actor, rel in _rows(text))


def test_withdrew_from_one_place_and_took_positions_in_another() -> None:
    rows = _rows("The army withdrew from Hama and took up positions in Homs.")
    assert ("Homs", "government", "withdrew") not in rows


# --- 21. from a probe of six invented full articles ----------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Rebels control Damascus and Aleppo.",
            {("Damascus", "opposition", "controls"), ("Aleppo", "opposition", "controls")},
        ),
        ("The rebels now control most of Idlib province.", {("Idlib", "opposition", "controls")}),
        ("Government forces control the city of Homs.", {("Homs", "government", "controls")}),
    ],
)
def test_the_plural_verb_control(text: str, want: set[Row]) -> None:
    assert want <= _rows(text)


@pytest.mark.parametrize(
    "text",
    [
        "Rebels took control Friday of Hama.",
        "Hama is under rebel control.",
        "They lost control Friday.",
    ],
)
def test_the_noun_control_is_no_plural_verb(text: str) -> None:
    assert not any(
        rel == "controls" and actor == "opposition" and place == "Hama" and "took" in text
        for place, actor, rel in _rows(text)
    )


def test_a_speaker_after_a_fall_is_no_taker() -> None:
    text = "The SDF holds Manbij. Reports that the city has fallen are false, the SDF said."
    rows = _rows(text)
    assert not any(actor == "sdf" and rel == "captured" for _, actor, rel in rows)


def test_the_general_command_of_the_sdf_speaks_for_the_sdf() -> None:
    text = (
        "The General Command of the SDF said its forces had taken Mayadin. Our fighters "
        "entered the city of Deir ez-Zor on Friday, the General Command said."
    )
    rows = _rows(text)
    assert ("Mayadin", "sdf", "captured") in rows
    assert ("Deir ez-Zor", "sdf", "entered") in rows
    assert not any(actor == "government" for _, actor, _ in rows)


def test_an_unconfirmed_whereabouts_leaves_the_claim_attributed() -> None:
    got = extract(
        "Rebels say they control Damascus after entering it overnight; Assad's whereabouts "
        "are not officially confirmed.",
        published="2024-12-08",
    )
    assert {str(a.stance) for a in got} == {"attributed"}


# --- 22. which namesake: a site's town; a part of the city named after it -----------------


def _ids(text: str) -> set[str]:
    return {a.place_id for a in extract(text, published="2024-12-07")}


def test_nasib_is_the_crossing_town_in_daraa() -> None:
    # two villages are called Nasib; the one with the border crossing is in Daraa
    assert "wof:1310327079" in _ids("Rebels entered Nasib.")
    assert "wof:1360303099" not in _ids("Southern factions entered Nasib near Daraa.")


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("Rebels entered the Khaldiyeh neighbourhood of Homs.", "wof:421168647"),
        ("Rebels entered the Qusour neighbourhood of Hama.", "wof:421202161"),
    ],
)
def test_a_neighbourhood_of_a_city_is_never_a_namesake_far_away(text: str, city: str) -> None:
    from syriamap.gazetteer import Gazetteer

    g = Gazetteer.default()
    c = g.get(city)
    for place_id in _ids(text):
        p = g.get(place_id)
        assert abs(p.lat - c.lat) < 0.2 and abs(p.lon - c.lon) < 0.2, (place_id, p.name)


def test_a_known_neighbourhood_keeps_its_site() -> None:
    assert "s:jobar" in _ids("Rebels entered the Jobar district of Damascus.")


# --- 23. Kurdish outlets' "mercenaries"; holding the line; "X is free" ---------------------


def test_turkish_occupation_mercenaries_are_the_sna() -> None:
    assert ("Tal Rifaat", "sna", "captured") in _rows(
        "Turkish occupation mercenaries took over Tal Rifaat on December 1."
    )


def test_bare_mercenaries_name_no_side() -> None:
    assert _rows("Mercenaries entered Manbij.") == set()


def test_holding_the_line_at_a_town_holds_it() -> None:
    assert ("Taybat al-Imam", "government", "controls") in _rows(
        "Government troops are holding the line at Taybat al-Imam."
    )


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ('"Damascus is free," rebels declared.', ("Damascus", "opposition", "captured")),
        (
            "Homs has been liberated, the Military Operations Command said.",
            ("Homs", "hts_coalition", "captured"),
        ),
    ],
)
def test_a_declared_liberation_is_the_declarers_capture(text: str, want: Row) -> None:
    assert want in _rows(text)


@pytest.mark.parametrize("text", ["Hama is free.", "The city is free of fighting."])
def test_free_with_nobody_named_claims_nothing(text: str) -> None:
    assert _rows(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        'Thousands poured into the streets, chanting "Assad is gone, Homs is free".',
        "Damascus is free: how the revolutionaries liberated the capital and ended 54 years "
        "of Assad rule",
    ],
)
def test_free_without_a_speaker_gives_no_side(text: str) -> None:
    # "Assad" named beside "X is free" is no liberator: only a speaker's word counts
    assert not any(actor == "government" and rel == "captured" for _, actor, rel in _rows(text))


# --- 24. read from blind7's errors after its one measurement (general causes) -----------


def test_hands_a_city_to_another_side_in_the_present() -> None:
    rows = _rows("The SDF hands Deir ez-Zor city to HTS-led forces, a war monitor says.")
    assert ("Deir ez-Zor", "sdf", "withdrew") in rows
    assert ("Deir ez-Zor", "hts_coalition", "captured") in rows


def test_it_after_a_fronted_date_is_the_previous_subject() -> None:
    got = {
        (a.actor, str(a.relation))
        for a in extract(
            "The SDF held Deir ez-Zor for five days. On 11 December it handed the city to "
            "HTS-led forces.",
            published="2024-12-14",
        )
    }
    assert ("sdf", "withdrew") in got and ("hts_coalition", "captured") in got


def test_the_governorate_building_is_no_governorate() -> None:
    text = (
        "In Suwayda, Druze armed groups took control of the governorate building after "
        "security forces withdrew from the city overnight, local activists said."
    )
    ids = {a.place_id for a in extract(text, published="2024-12-07")}
    assert "wof:85678385" not in ids  # As-Suwayda governorate


def test_who_after_a_sideless_noun_takes_no_other_subject() -> None:
    text = (
        "The factions called on the soldiers and officers who remain in the province to "
        "hand over their weapons."
    )
    assert _rows(text) == set()


def test_who_after_an_armed_group_is_that_group() -> None:
    assert ("Hama", "opposition", "entered") in _rows(
        "Rebel fighters who entered Hama were cheered."
    )


# --- 25. more state and agency usage (read from blind7 after its measurement) ------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "The armed forces carried out a redeployment operation in Aleppo to absorb the attack.",
            ("Aleppo", "government", "withdrew"),
        ),
        (
            "Government units are holding their positions along the line of Morek and Suran.",
            ("Morek", "government", "controls"),
        ),
        ("The Nasib crossing changed hands before noon.", ("Nasib crossing", "government", "lost")),
        ("Homs fell in the night of 7 December.", ("Homs", "government", "lost")),
        ("HTS and its allies govern Damascus.", ("Damascus", "hts_coalition", "controls")),
        ("HTS runs Idlib.", ("Idlib", "hts_coalition", "controls")),
        ("Israeli troops remain on Mount Hermon.", ("Mount Hermon", "israel", "controls")),
    ],
)
def test_state_and_agency_usage(text: str, want: Row) -> None:
    assert want in _rows(text, published="2024-12-08")


@pytest.mark.parametrize(
    "text",
    ["The SDF remains at war with Turkey.", "The official runs the Damascus office of the agency."],
)
def test_remain_at_war_and_run_an_office_hold_nothing(text: str) -> None:
    assert not any(rel == "controls" for _, _, rel in _rows(text))


def test_a_place_that_changed_hands_several_times_is_background() -> None:
    text = "Palmyra, the desert city that has changed hands several times in the war, is quiet."
    assert not any(rel == "lost" for _, _, rel in _rows(text))


# --- 26. from a probe in state and partisan voices -------------------------------------------


def test_our_forces_never_take_another_clauses_subject() -> None:
    text = (
        "The regime forces abandoned their positions in Hasakah and Qamishli and our forces "
        "took them over."
    )
    assert not any(rel == "captured" for _, _, rel in _rows(text))


def test_cleared_of_terrorists_without_an_agent_names_no_side() -> None:
    # Damascus's "terrorists" are the rebels, Ankara's the YPG: with nobody named, no side
    assert _rows("The town of Tel Rifaat has been cleared of terrorists.") == set()
    assert ("Hama", "government", "captured") in _rows(
        "Hama was cleared of terrorists by the army."
    )


def test_a_blocked_entry_is_no_entry() -> None:
    assert _rows("Terrorists have been blocked from entering the city of Homs.") == set()


def test_resistance_fighters_name_no_side() -> None:
    assert _rows("The resistance fighters withdrew from Qusayr.") == set()


def test_a_local_collapse_is_no_fall_of_the_government() -> None:
    ids = {a.place_id for a in extract("The regime collapsed in Daraa.", published="2024-12-07")}
    assert "wof:85632413" not in ids  # Syria
    assert "wof:85632413" in {
        a.place_id for a in extract("The regime collapsed on Sunday.", published="2024-12-09")
    }


def test_maintained_positions_is_no_speech() -> None:
    got = extract(
        "The SDF and its allies maintained their positions in Raqqa.", published="2024-12-07"
    )
    assert {(a.actor, str(a.relation), str(a.stance)) for a in got} == {
        ("sdf", "controls", "asserted")
    }


# --- 27. partisan names for sides; holding firm -------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The Zionist enemy's army advanced into Quneitra.", ("Quneitra", "israel", "entered")),
        ("Takfiri groups entered Hama.", ("Hama", "opposition", "entered")),
        (
            "Armed groups affiliated with Turkey entered Tal Rifaat.",
            ("Tal Rifaat", "sna", "entered"),
        ),
        ("The army consolidated its positions in Hama.", ("Hama", "government", "controls")),
        ("Rebels are holding firm in Hama.", ("Hama", "opposition", "controls")),
    ],
)
def test_partisan_names_and_holding_firm(text: str, want: Row) -> None:
    assert want in _rows(text)


def test_the_enemys_army_is_never_the_syrian_army() -> None:
    assert not any(
        actor == "government" for _, actor, _ in _rows("The enemy's army entered Quneitra.")
    )


# --- 12. a base named with its owner ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "bases"),
    [
        ("A cargo plane left Russia's Hmeimim airbase for Libya.", {"Hmeimim airbase"}),
        ("Convoys headed to the Russian bases of Hmeimim and Tartus.", {"Hmeimim", "Tartus"}),
        ("Jets took off from the Russian air base at Hmeimim.", {"Hmeimim"}),
    ],
)
def test_a_base_named_with_its_russian_owner_is_held_by_russia(text: str, bases: set[str]) -> None:
    assert {p for p, a, r in _rows(text) if (a, r) == ("russia", "controls")} == bases


def test_the_owner_of_a_base_is_the_pages_description_inside_a_report() -> None:
    rows = {
        (a.place_name, a.actor, str(a.stance))
        for a in extract(
            "A plane left Russia's Hmeimim airbase on Saturday, a security source said.",
            published="2024-12-14",
        )
    }
    assert ("Hmeimim airbase", "russia", "asserted") in rows


@pytest.mark.parametrize(
    "text",
    [
        "Rebels reached the former Russian base at Hmeimim.",
        "Rebels reached Hmeimim, where Russian diplomats met them.",
    ],
)
def test_no_owner_no_russian_hold(text: str) -> None:
    assert not any(a == "russia" and r == "controls" for _, a, r in _rows(text))


@pytest.mark.parametrize(
    "text",
    ["Planes landed at the US garrison at Tanf.", "Planes landed at the American base in Tanf."],
)
def test_the_us_garrison_at_tanf_is_held_by_the_us(text: str) -> None:
    assert any(a == "united_states" and r == "controls" for _, a, r in _rows(text))


def test_a_place_occupied_for_years_is_a_hold_not_a_capture() -> None:
    text = (
        "US forces, which have illegally occupied the al-Tanf garrison and the oil fields east "
        "of the Euphrates for years, expanded their presence."
    )
    rows = {(a, r) for _, a, r in _rows(text)}
    assert ("united_states", "controls") in rows
    assert ("united_states", "captured") not in rows


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Rebels stormed Russia's Hmeimim airbase.", ("Hmeimim airbase", "opposition", "captured")),
        (
            "Rebels advanced towards the Russian bases of Hmeimim and Tartus.",
            ("Hmeimim", "opposition", "advancing"),
        ),
    ],
)
def test_the_owner_of_a_base_cuts_no_other_claim_on_it(text: str, want: Row) -> None:
    rows = _rows(text)
    assert want in rows
    assert (want[0], "russia", "controls") in rows
