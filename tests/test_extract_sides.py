"""Who acts: the second actor of a sentence gets its own claim, never a nearby side's.

Companion withdrawals ("rebels took X following the retreat of army forces"), allies named
beside the government, and claims pointing back to places ("these areas"). Sentences are
invented; every test also says what must NOT be extracted.
"""

import warnings

from syriamap.extract.document import document_from_text
from syriamap.extract.pipeline import analyse


def claims(text: str) -> set[tuple[str, str, str, str]]:
    """Return ``(place name, actor, relation, stance)`` of every candidate."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        got = analyse(document_from_text(text), published="2024-12-06", source_id="t")
    return {(c.place_name, c.actor, c.relation, c.stance) for c in got.candidates}


def places_of(text: str, actor: str, relation: str) -> set[str]:
    return {p for p, a, r, _s in claims(text) if a == actor and r == relation}


# -- companion withdrawals ------------------------------------------------------------------


def test_retreat_of_the_loser_gives_its_withdrawal_from_the_place_taken():
    text = "Islamist fighters overran Saraqib after the retreat of regime troops toward Hama."
    assert places_of(text, "government", "withdrew") == {"Saraqib"}
    # the destination is no place they left, and nobody captured it
    assert not any(p == "Hama" for p, *_ in claims(text))


def test_retreat_of_named_group_is_that_groups():
    text = "Rebels entered Mayadin following the withdrawal of the SDF towards the river."
    assert places_of(text, "sdf", "withdrew") == {"Mayadin"}
    assert places_of(text, "government", "withdrew") == set()


def test_retreat_of_the_loser_gives_its_withdrawal_from_the_place_now_held():
    text = "HTS now controls all of Idlib province following the withdrawal of government forces."
    assert places_of(text, "government", "withdrew") == {"Idlib"}
    # the holder's own units leaving is no withdrawal of the place it holds
    text = "The army controls Hama after the withdrawal of its reinforcements."
    assert places_of(text, "government", "withdrew") == set()


def test_retreat_while_advancing_elsewhere_is_no_withdrawal_there():
    # the rebels only approached Homs: the army's retreat says nothing about Homs
    text = "Rebels advanced on Homs following the retreat of government forces toward Hama."
    assert places_of(text, "government", "withdrew") == set()


def test_retreat_of_unnamed_people_is_nobodys_withdrawal():
    text = "Rebels captured Saraqib after the retreat of thousands of civilians."
    assert {r for _p, _a, r, _s in claims(text)} == {"captured"}


def test_withdrew_from_the_area_points_to_the_place_taken():
    text = "Mayadin fell to rebel fighters after the Kurdish militia withdrew from the area."
    assert places_of(text, "sdf", "withdrew") == {"Mayadin"}
    # a retreat of side A creates no capture by side B beyond what is said
    assert places_of(text, "sdf", "captured") == set()


def test_the_area_of_a_landmark_is_not_the_place():
    text = "Rebels took Sukhnah. The army pulled out of the area north of Palmyra."
    assert places_of(text, "government", "withdrew") == set()


def test_these_areas_are_the_places_of_the_sentence_before():
    text = (
        "Opposition factions said on Friday they had taken Arak and Sukhnah. "
        "The army reportedly pulled its troops out of these areas."
    )
    assert places_of(text, "government", "withdrew") == {"Arak", "Sukhnah"}


def test_these_areas_after_an_advance_are_not_places_left():
    text = "Rebels advanced on Homs. The army withdrew from these areas."
    assert places_of(text, "government", "withdrew") == set()


def test_withdrawal_to_a_place_is_no_withdrawal_from_it():
    assert places_of("The army withdrew to Hama on Friday.", "government", "withdrew") == set()


# -- allies named beside the government -------------------------------------------------------


def test_government_and_its_iranian_backed_allies_both_withdraw():
    text = "Regime troops and their Iran-backed allies abandoned Mayadin on Thursday."
    got = claims(text)
    assert ("Mayadin", "government", "withdrew", "asserted") in got
    assert ("Mayadin", "iran", "withdrew", "asserted") in got


def test_militias_backed_by_tehran_are_iran_not_the_opposition():
    text = "Armed groups backed by Tehran pulled out of Albu Kamal, residents said."
    assert places_of(text, "iran", "withdrew") == {"Albu Kamal"}
    assert places_of(text, "opposition", "withdrew") == set()


def test_allies_of_the_same_side_add_no_claim():
    text = "HTS fighters and allied rebel factions captured Saraqib."
    # one claim: the nearest of the joined subjects (both are the opposition)
    assert len(claims(text)) == 1


def test_foreign_allies_hold_no_syrian_town():
    # Iranian or Russian presence is no control of a Syrian place (ANNOTATION.md)
    text = "The army and pro-Iranian militias captured Saraqib."
    assert places_of(text, "iran", "captured") == set()
    assert places_of(text, "government", "captured") == {"Saraqib"}


def test_fighting_against_the_army_and_its_allies_is_no_joint_subject():
    text = "Rebels advanced on Hama after battles with the army and its Iranian-backed allies."
    assert {a for _p, a, _r, _s in claims(text)} <= {"opposition"}


# -- the agent of a clause, not the nearest name ----------------------------------------------


def test_an_agentless_capture_is_not_given_to_the_side_that_withdrew():
    text = "Saraqib was captured on Friday after regime forces withdrew to Hama."
    assert places_of(text, "government", "captured") == set()
    assert places_of(text, "government", "withdrew") == set()  # Hama is where they went


def test_an_agentless_capture_takes_the_speaker_named():
    text = "Saraqib was captured on Friday, rebels said."
    assert places_of(text, "opposition", "captured") == {"Saraqib"}


def test_russian_jets_striking_a_town_hold_nothing():
    assert claims("Russian jets struck Saraqib on Friday.") == set()


# -- the army's euphemisms and "its" ----------------------------------------------------------


def test_redeployment_of_its_units_is_the_singular_actors_withdrawal():
    text = (
        "The army confirmed on Friday that rebel fighters had entered Homs after fierce "
        "clashes, leading to the redeployment of its units outside the city."
    )
    got = claims(text)
    assert ("Homs", "opposition", "entered", "attributed") in got
    # "its" is the army, not the plural "rebel fighters" named closer
    assert ("the city", "government", "withdrew", "attributed") in got
    assert not any(a == "opposition" and r == "withdrew" for _p, a, r, _s in got)


def test_a_quoted_verb_keeps_its_preposition():
    text = "A rebel commander said regime troops \u201cfled\u201d from Rastan overnight."
    assert places_of(text, "government", "withdrew") == {"Rastan"}


# -- foreign forces: their own bases only ---------------------------------------------------


def ids(text: str) -> set[tuple[str, str, str]]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        got = analyse(document_from_text(text), published="2024-12-10", source_id="t")
    return {(c.place_id, c.actor, c.relation) for c in got.candidates}


def test_russian_ships_leaving_the_port_town_leave_the_russian_base():
    got = ids("Four Russian vessels sailed away on Monday and have left Tartus.")
    assert ("s:tartus-naval-base", "russia", "withdrew") in got
    # never a claim on the town's control by Russia
    assert not any(p == "wof:890449825" for p, _a, _r in got)


def test_russian_troops_holding_their_airbase_hold_it():
    got = ids("Russian troops remained in the Hmeimim airbase on Tuesday.")
    assert ("s:hmeimim-airbase", "russia", "controls") in got


def test_russian_troops_in_a_syrian_town_hold_nothing():
    assert not any(a == "russia" for _p, a, _r in ids("Russian troops remained in Qamishli."))
    assert ids("Russian warplanes struck Idlib on Monday.") == set()


def test_iran_evacuating_diplomats_is_no_control_claim():
    assert ids("Iran evacuated its diplomats from Damascus on Saturday.") == set()


def test_israeli_ground_forces_reach_only_the_places_named():
    text = "Israeli ground forces reached Khan Arnabah and parts of Quneitra province."
    assert places_of(text, "israel", "entered") == {"Khan Arnabah"}  # not the province


# -- state media: the hold it claims and the departure it denies ----------------------------


def test_state_media_holding_lines_and_rejecting_departures():
    text = (
        "Official television said the army had bolstered its \u201cfirm defence lines\u201d in "
        "Hama and rejected troop departures."
    )
    got = claims(text)
    assert ("Hama", "government", "controls", "attributed") in got
    assert ("Hama", "government", "withdrew", "denied") in got
    assert ("Hama", "government", "withdrew", "asserted") not in got


def test_lines_around_a_town_are_no_hold_and_rejecting_a_proposal_no_denial():
    assert claims("Rebels bolstered their lines around Hama.") == set()
    assert claims("The ministry rejected the proposal to hold talks in Hama.") == set()


def test_a_verbs_object_is_not_the_subject_of_the_next_verb():
    # "the regime" is what the rebels fought, not who captured the village
    for text in (
        "Insurgents battled regime troops near Hama and captured Souran.",
        "Insurgents clashed with the forces of the regime near Hama and then seized Souran.",
    ):
        assert places_of(text, "opposition", "captured") == {"Souran"}, text
        assert places_of(text, "government", "captured") == set(), text


def test_a_new_subject_after_and_keeps_its_own_verb():
    text = "Rebels surrounded Hama and the army withdrew from Souran."
    assert places_of(text, "government", "withdrew") == {"Souran"}
    assert places_of(text, "opposition", "withdrew") == set()


def test_the_forces_of_the_regime_and_militias_loyal_to_tehran_both_withdrew():
    text = (
        "The troops of the Syrian regime and the commanders of militias loyal to Tehran "
        "withdrew from Mayadin, the monitor said."
    )
    assert places_of(text, "government", "withdrew") == {"Mayadin"}
    assert places_of(text, "iran", "withdrew") == {"Mayadin"}


# -- withdrawals toward somewhere, and "the two cities" -------------------------------------


def test_withdrew_to_a_destination_leaves_the_place_taken():
    text = "Saraqib fell to the insurgents on Friday after regime troops pulled back to Hama."
    assert places_of(text, "government", "withdrew") == {"Saraqib"}
    assert not any(p == "Hama" for p, *_ in claims(text))


def test_withdrew_to_a_destination_while_others_only_advance_is_nothing():
    text = "Rebels advanced on Saraqib after regime forces withdrew to Hama."
    assert places_of(text, "government", "withdrew") == set()


def test_the_two_towns_are_the_places_of_the_sentence_before():
    text = (
        "Kurdish-led forces overran Mayadin and Albu Kamal on Friday. Both towns were captured "
        "this morning after Iran-backed fighters retreated into Iraq, following the "
        "withdrawal of the army's 4th Division toward Palmyra, a Kurdish official said."
    )
    assert places_of(text, "iran", "withdrew") == {"Mayadin", "Albu Kamal"}
    assert places_of(text, "government", "withdrew") == {"Mayadin", "Albu Kamal"}
    assert places_of(text, "sdf", "captured") == {"Mayadin", "Albu Kamal"}
    assert places_of(text, "iran", "captured") == set()
    assert not any(p == "Palmyra" for p, *_ in claims(text))


def test_a_blockaded_russian_base_is_held_by_russia_when_the_article_names_russia():
    text = (
        "Moscow has told its troops to prepare to leave. The Hmeimim airbase and the Tartus "
        "naval base have been blockaded by opposition fighters."
    )
    got = ids(text)
    for site in ("s:hmeimim-airbase", "s:tartus-naval-base"):
        assert (site, "opposition", "encircled") in got
        assert (site, "russia", "controls") in got


def test_a_blockaded_base_gets_no_holder_from_data_alone():
    got = ids("The Hmeimim airbase has been blockaded by opposition fighters.")
    assert ("s:hmeimim-airbase", "opposition", "encircled") in got
    assert not any(a == "russia" for _p, a, _r in got)  # the text never names Russia


def test_a_region_named_after_in_southern_is_no_antecedent_of_the_city():
    text = (
        "Rebels said they had taken Khan Shaykhun in southern Idlib. Sources said the city "
        "was captured after the retreat of army units toward Hama."
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        got = analyse(document_from_text(text), published="2024-12-06", source_id="t")
    # "the city" is not Idlib city, which the text never says anyone took or left
    assert "wof:890432567" not in {c.place_id for c in got.candidates}


def test_a_companion_withdrawal_takes_a_place_taken_in_the_sentence_before():
    text = (
        "Rebels said they had taken Khan Shaykhun. The town was captured after the retreat "
        "of army units toward Hama."
    )
    khan_shaykhun = "wof:1125778451"
    assert {p for p, a, r in ids(text) if (a, r) == ("government", "withdrew")} == {khan_shaykhun}


def test_who_reports_or_repels_an_attack_is_not_its_author():
    # the describer is not the attacker: no government fighting at the fronts
    got = claims("Government forces described a broad attack on the Homs and Hama fronts.")
    assert not {c for c in got if c[1] == "government"}
    got = claims("Regime troops came under attack in Daraa on Friday.")
    assert not {c for c in got if c[1] == "government"}
    # the attackers of a repelled assault still contest the place
    got = claims("The army repelled a large assault on Hama by rebel fighters.")
    assert {c[1] for c in got if c[2] == "contested"} == {"opposition"}
    # the author of an attack does contest it
    got = claims("The SDF launched an assault on Deir ez-Zor on Friday.")
    assert {(c[1], c[2]) for c in got} == {("sdf", "contested")}


def test_air_power_takes_no_ground():
    assert claims("Syrian government warplanes inflicted heavy losses on rebels in Idlib.") == set()
    assert claims("Regime helicopters dealt heavy losses to insurgents across Hama.") == set()
    # ground forces do: the rebels fight in Hama
    got = claims("Rebel fighters inflicted heavy losses on regime troops in Hama.")
    assert {(c[1], c[2]) for c in got} == {("opposition", "contested")}
    # a bombardment before a ground capture does not stop the capture
    got = claims("Regime artillery pounded rebel positions before the army retook Morek.")
    assert ("government", "captured") in {(c[1], c[2]) for c in got}


def test_civilians_leaving_is_no_withdrawal():
    text = (
        "Opposition fighters searched homes in Manbij; some residents who had worked for the "
        "local council were able to leave the city for Kobane."
    )
    assert not {c for c in claims(text) if c[2] == "withdrew"}
    assert claims("Civilians were evacuated from Aleppo on Sunday.") == set()
    # a force in its own clause still counts, and "fighters and their families" are fighters
    got = claims("Thousands of people fled Homs as rebels entered the city.")
    assert {(c[1], c[2]) for c in got} == {("opposition", "entered")}
    got = claims("Buses carrying rebel fighters and their families left the town of Douma.")
    assert ("opposition", "withdrew") in {(c[1], c[2]) for c in got}


def test_suburbs_of_a_city_are_its_edge_but_a_named_suburb_is_the_place():
    got = claims("Rebels reached the suburbs of Damascus on Saturday.")
    assert {(c[1], c[2]) for c in got} == {("opposition", "advancing")}
    got = claims("Insurgents took control of towns, villages and suburbs of Damascus.")
    assert {(c[1], c[2]) for c in got} == {("opposition", "advancing")}
    got = claims("Insurgents were present in the Damascus suburbs of Jaramana and Daraya.")
    assert {(c[0], c[2]) for c in got} == {("Jaramana", "entered"), ("Daraya", "entered")}


def test_a_leaders_whereabouts_are_no_withdrawal():
    assert claims("Rebels said President Bashar al-Assad had left the capital, Damascus.") == set()
    assert claims("The presidency denied that Assad had left Damascus.") == set()
    # his forces are forces
    got = claims("Assad's forces left Damascus on Sunday.")
    assert {(c[1], c[2]) for c in got} == {("government", "withdrew")}
    got = claims("Forces loyal to President Bashar Assad had largely withdrawn from Homs.")
    assert {(c[1], c[2]) for c in got} == {("government", "withdrew")}


def test_a_leader_remaining_somewhere_is_no_hold():
    assert claims("While Al-Assad remains in Damascus, his family fled to Russia.") == set()
    got = claims("Forces loyal to Assad remain in Damascus.")
    assert {(c[1], c[2]) for c in got} == {("government", "controls")}


def test_they_in_a_report_is_the_reporter_not_the_previous_subject():
    text = (
        "The Syrian military said it was confronting a major attack.\n\n"
        "Rebel commanders said earlier that they seized positions on the outskirts of Hama."
    )
    assert {(c[1], c[2]) for c in claims(text)} == {("opposition", "advancing")}
    got = claims("The army said it repelled an attack. Rebel commanders said they captured Morek.")
    assert ("Morek", "opposition", "captured", "attributed") in got


def test_a_risk_or_fear_of_an_attack_is_no_fighting():
    assert (
        claims("There is a grave risk of an imminent Turkish-backed assault against Manbij.")
        == set()
    )
    got = claims("Rebels launched an assault on Manbij, raising fears of an offensive on Kobane.")
    assert {c[0] for c in got} == {"Manbij"}


def test_the_army_of_a_page_about_the_national_army_is_no_side():
    # a Turkish outlet's "the army" is the Syrian National Army: never the government's
    text = (
        "The Syrian National Army (SNA) has gained full control over Tel Rifaat. "
        "The army also liberated the town of Deir Jamal."
    )
    assert not any(c[1] == "government" for c in claims(text))
    # once the Syrian government's forces are named, "the army" is theirs again
    text = (
        "The Syrian National Army (SNA) took Tel Rifaat. Government forces held Hama. "
        "The army withdrew from Hama."
    )
    assert ("Hama", "government", "withdrew", "asserted") in claims(text)
