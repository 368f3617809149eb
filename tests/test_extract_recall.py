"""Recall rules: clause scope, relative clauses, anaphora and lists (invented sentences)."""

from __future__ import annotations

from syriamap.extract import extract


def _rows(text: str, published: str = "2024-12-07") -> set[tuple[str, str, str, str]]:
    return {
        (a.place_name, a.actor, str(a.relation), str(a.stance))
        for a in extract(text, published=published)
    }


def test_reported_content_keeps_its_subordinate_clause():
    text = (
        "The monitor reported that rebels seized Homs on Monday, "
        "after government forces withdrew from Homs."
    )
    rows = _rows(text)
    assert ("Homs", "opposition", "captured", "attributed") in rows
    assert ("Homs", "government", "withdrew", "attributed") in rows


def test_infinitive_report_does_not_reach_the_writers_clause():
    text = "The army claimed to have redeployed outside Homs after rebels seized control of Hama."
    assert ("Hama", "opposition", "captured", "asserted") in _rows(text)


def test_object_relative_clause_names_its_antecedent():
    text = "Residents returned to Homs, which government forces recaptured on Monday."
    assert ("Homs", "government", "captured", "asserted") in _rows(text)


def test_where_clause_names_its_antecedent():
    text = "Clashes spread to Hama province, where rebels took control of an air base."
    assert ("Hama", "opposition", "captured", "asserted") in _rows(text)


def test_subject_relative_clause_is_not_an_object():
    text = "Aid reached Homs, which lies north of Damascus."
    assert _rows(text) == set()


def test_landmark_before_relative_clause_is_not_the_antecedent():
    text = "Fighters hold a camp on the northern edge of Homs, which the army besieged."
    assert not any(r[0] == "Homs" and r[2] == "encircled" for r in _rows(text))


def test_them_refers_to_all_places_of_the_previous_cue():
    text = "The army recaptured Hama and Homs after expelling the rebels who had entered them."
    rows = _rows(text)
    assert ("Hama", "opposition", "entered", "asserted") in rows
    assert ("Homs", "opposition", "entered", "asserted") in rows


def test_there_refers_to_the_place_in_focus():
    text = "Rebels reached Homs on Monday. They seized two army bases there."
    assert ("Homs", "opposition", "captured", "asserted") in _rows(text)


def test_kind_words_do_not_lengthen_a_list():
    text = "The army entered the village of Hama and parts of the town of Homs."
    rows = _rows(text)
    assert {("Hama", "government", "entered", "asserted")} <= rows
    assert ("Homs", "government", "entered", "asserted") in rows


def test_a_participle_clause_ends_a_list():
    text = "Rebels took Hama, forcing residents of Homs to flee."
    assert {r[0] for r in _rows(text)} == {"Hama"}


def test_relative_clause_between_list_items_is_skipped():
    text = "Rebels captured Homs, which sits on the road to Damascus, and the town of Hama."
    places = {r[0] for r in _rows(text) if r[2] == "captured"}
    assert places == {"Homs", "Hama"}


def test_stronghold_apposition_names_the_holder():
    text = "The army shelled Idlib, the last rebel stronghold in the north."
    assert ("Idlib", "opposition", "controls", "asserted") in _rows(text)


def test_pulled_out_of_and_fighting_on_and_road_to():
    assert ("Homs", "government", "withdrew", "asserted") in _rows("Troops pulled out of Homs.")
    rows = _rows("Rebels were on the road to Homs after fighting on the edges of Hama.")
    assert ("Homs", "opposition", "advancing", "asserted") in rows


def test_repelled_attacks_go_to_the_attackers():
    rows = _rows("Army units repelled attacks in Hama.")
    assert ("Hama", "opposition", "contested", "asserted") in rows
    rows = _rows("Rebels repelled an attack on Hama by government forces.")
    assert ("Hama", "government", "contested", "asserted") in rows


def test_later_attribution_does_not_reach_back_into_another_clause():
    text = "Rebels entered Hama; the army says it redeployed."
    assert ("Hama", "opposition", "entered", "asserted") in _rows(text)
    text = "In Homs, which the army recaptured on Monday, residents said life was calm."
    assert ("Homs", "government", "captured", "asserted") in _rows(text)


def test_fronted_according_to_covers_a_fronted_subordinate_clause():
    text = "According to the monitor, after heavy fighting, rebels seized Hama."
    assert ("Hama", "opposition", "captured", "attributed") in _rows(text)


def test_contrastive_clause_after_a_report_is_the_writers():
    text = "Rebels said they had seized Hama as they approached Homs."
    assert ("Homs", "opposition", "advancing", "asserted") in _rows(text)


def test_withdrawal_from_positions_names_the_list_entered():
    text = "Rebels entered Hama and Homs after government forces withdrew from their positions."
    rows = _rows(text)
    assert ("Hama", "government", "withdrew", "asserted") in rows
    assert ("Homs", "government", "withdrew", "asserted") in rows
