"""Fighting over a place and advancing on it, as general news phrases them (invented sentences).

data/ANNOTATION.md: ``advancing`` is moving toward, closing in on, "within 20 kilometres of";
``contested`` is fighting in or over a place, an offensive against the holder there; a
force that moved past or through a town was in its area (``entered``, ``near``). Air
strikes, aims and distances of places are no claim.
"""

from __future__ import annotations

import pytest

from syriamap import extract


def _claims(text: str) -> set[tuple[str, str, str]]:
    """(place, actor, relation) of every claim of ``text``."""
    return {(c.place_name, c.actor, str(c.relation)) for c in extract(text, published="2024-12-07")}


def _rows(text: str) -> list:
    return list(extract(text, published="2024-12-07"))


# ---- closing in: "moved closer to", "circling in on", "closing the net on" ----------------


@pytest.mark.parametrize(
    ("text", "place", "actor"),
    [
        ("Rebel forces moved closer to Damascus.", "Damascus", "opposition"),
        ("The army moved nearer to Idlib on Monday.", "Idlib", "government"),
        ("SDF fighters edged closer to Raqqa overnight.", "Raqqa", "sdf"),
        ("Rebels are circling in on Homs.", "Homs", "opposition"),
        ("Insurgents were closing the net on the city of Hama.", "Hama", "opposition"),
        ("The army is tightening the noose around Douma.", "Douma", "government"),
        ("Opposition fighters are progressing towards Hama.", "Hama", "opposition"),
    ],
)
def test_closing_in_is_an_advance(text, place, actor):
    assert _claims(text) == {(place, actor, "advancing")}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # "moved" with a place after "into" is still an entry, "deeper into" too
        ("Rebels moved deeper into Homs.", {("Homs", "opposition", "entered")}),
        # people moving closer are no force
        ("Residents moved closer to Homs.", set()),
        # a tightened grip is no closing in
        ("The army tightened its grip on Damascus.", set()),
    ],
)
def test_closing_in_negatives(text, want):
    assert _claims(text) == want


# ---- distances and passing ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "place", "actor"),
    [
        ("The rebels were only 20 km from Damascus.", "Damascus", "opposition"),
        ("Rebels are now 5 km from Hama.", "Hama", "opposition"),
        ("Rebels came within 10 km of Homs.", "Homs", "opposition"),
        ("Rebels got to within 5 km of Homs.", "Homs", "opposition"),
        (
            "Turkish-backed fighters pushed to about 15 kilometres from Manbij on Sunday.",
            "Manbij",
            "sna",
        ),
        ("Government troops were 30 miles away from Raqqa.", "Raqqa", "government"),
        ("Rebels, who are now only 20 km from Damascus, regrouped.", "Damascus", "opposition"),
    ],
)
def test_a_force_some_distance_from_a_place_advances_on_it(text, place, actor):
    rows = _rows(text)
    assert {(c.place_name, c.actor, str(c.relation)) for c in rows} == {(place, actor, "advancing")}
    assert all(c.place_precision == "near" for c in rows)


def test_moved_past_and_distance_in_one_sentence():
    text = "Israeli tanks moved past Quneitra and reached 3 km from Qatana."
    rows = {(c.place_name, c.actor, str(c.relation), c.place_precision) for c in _rows(text)}
    assert rows == {
        ("Quneitra", "israel", "entered", "near"),
        ("Qatana", "israel", "advancing", "near"),
    }


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Rebels swept through Talbiseh.", {("Talbiseh", "opposition", "entered")}),
        ("Government troops drove through Rastan.", {("Rastan", "government", "entered")}),
        # the word in scare quotes still names the actor
        (
            "The “Israeli” tanks have moved past the city of Quneitra.",
            {("Quneitra", "israel", "entered")},
        ),
        ("Aid convoys passed through Homs.", set()),
        ("Refugees crossed through the town of Rastan.", set()),
    ],
)
def test_passing_through_a_place(text, want):
    assert _claims(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "Sanamayn is 20 km from Damascus.",
        "Refugees fled 20 km from Homs.",
        "Rebels took the town, about 20 km from Damascus.",
        "Rebels reached Sanamayn, 20 km from Damascus.",
        "Homs was 20 km from the front line.",
        "Fighters were killed 5 km from Homs.",
        "Rebels were 10 km north of Hama.",
    ],
)
def test_a_distance_without_a_moving_force_is_no_advance(text):
    assert not {c for c in _claims(text) if c[2] == "advancing"}


@pytest.mark.parametrize(
    "text",
    [
        "Rebels captured Sanamayn, which is 20 km from Damascus.",
        "Rebels captured Sanamayn on Monday. It is 20 km from Damascus.",
        "Rebels captured Sanamayn, and the town is 20 km from Damascus.",
        "Rebels captured Sanamayn, and Sanamayn is 20 km from Damascus.",
    ],
)
def test_the_distance_of_a_taken_place_is_no_advance_on_the_landmark(text):
    assert _claims(text) == {("Sanamayn", "opposition", "captured")}


# ---- "we" of a speaker ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "place", "actor", "side"),
    [
        (
            "“We are progressing towards Hama,” a rebel commander said.",
            "Hama",
            "opposition",
            "opposition",
        ),
        (
            "We are progressing towards Hama, a rebel commander said.",
            "Hama",
            "opposition",
            "opposition",
        ),
        (
            "We have pushed towards Daraa, the army said on Monday.",
            "Daraa",
            "government",
            "government",
        ),
        (
            "We have reached the outskirts of Homs, an opposition commander told AFP.",
            "Homs",
            "opposition",
            "opposition",
        ),
    ],
)
def test_we_of_the_speaker_takes_the_speakers_side(text, place, actor, side):
    rows = _rows(text)
    assert [
        (c.place_name, c.actor, str(c.relation), str(c.stance), c.claimant_side) for c in rows
    ] == [(place, actor, "advancing", "attributed", side)]


@pytest.mark.parametrize(
    "text",
    [
        "“We are worried about Hama,” a resident said.",
        "We are worried about Hama, a resident said.",
        "We are moving towards Daraa.",  # no speaker named: whose "we" is unknown
    ],
)
def test_we_without_a_move_or_a_speaker_gives_nothing(text):
    assert _claims(text) == set()


def test_we_after_a_fronted_phrase_in_a_quotation():
    text = (
        "“After clearing the villages, we are progressing towards Idlib,” a rebel commander said."
    )
    assert [(c.place_name, c.actor, str(c.relation), c.claimant_side) for c in _rows(text)] == [
        ("Idlib", "opposition", "advancing", "opposition")
    ]


def test_we_does_not_take_the_subject_of_a_report():
    text = "We know that rebels entered Hama, an analyst said."
    assert _claims(text) == {("Hama", "opposition", "entered")}


# ---- stance around these claims ---------------------------------------------------------


def test_denial_reaches_over_an_aside_between_dashes():
    text = (
        "The army denied reports by activists — including the SOHR, and others — claiming "
        "that rebels entered Hama."
    )
    rows = _rows(text)
    assert [(c.place_name, str(c.stance), c.claimant_side) for c in rows] == [
        ("Hama", "denied", "government")
    ]
    # without the dashes the comma ends the denial: the activists' report
    text = (
        "The army denied reports by activists, including the SOHR, claiming that rebels "
        "entered Hama."
    )
    assert [str(c.stance) for c in _rows(text)] == ["attributed"]


def test_relative_clause_of_the_subject_is_the_writers():
    text = "Syrian rebels, who are advancing towards Damascus, claim to have entered Homs."
    got = {(c.place_name, str(c.relation), str(c.stance)) for c in _rows(text)}
    assert got == {("Damascus", "advancing", "asserted"), ("Homs", "entered", "attributed")}


def test_verified_footage_is_the_outlets_own_claim():
    assert [str(c.stance) for c in _rows("Verified footage confirms rebels entered Homs.")] == [
        "asserted"
    ]
    assert [str(c.stance) for c in _rows("Activists confirmed rebels entered Homs.")] == [
        "attributed"
    ]


# ---- offensives launched in or on a place ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "The rebels launched an offensive on government positions in Hama province.",
            {("Hama", "opposition", "contested")},
        ),
        (
            "The rebels launched a military operation against government forces in the Idlib "
            "countryside.",
            {("Idlib", "opposition", "contested")},
        ),
        (
            "The army launched a military operation against rebel positions in Daraa province.",
            {("Daraa", "government", "contested")},
        ),
        (
            "The SDF launched an offensive in Raqqa province on Friday.",
            {("Raqqa", "sdf", "contested")},
        ),
        (
            "Rebels launched an assault on army positions in the north of Hama.",
            {("Hama", "opposition", "contested")},
        ),
        # an attack on positions may be a raid; against the holder's forces it is a fight
        ("Rebels launched a surprise attack on army positions in Hama.", set()),
        (
            "Rebels launched an attack against army positions in Hama.",
            {("Hama", "opposition", "contested")},
        ),
    ],
)
def test_an_offensive_in_a_place_contests_it(text, want):
    assert _claims(text) == want


def test_an_assault_in_a_province_seizing_areas_takes_part_of_it():
    text = (
        "The militants launched a large-scale assault in Homs and Hama provinces on Wednesday, "
        "seizing several areas."
    )
    rows = _rows(text)
    got = {(c.place_name, c.actor, str(c.relation), c.place_precision) for c in rows}
    assert got == {
        ("Homs", "opposition", "contested", "region"),
        ("Hama", "opposition", "contested", "region"),
        ("Homs", "opposition", "captured", "region"),
        ("Hama", "opposition", "captured", "region"),
    }
    captured = [c for c in rows if c.relation == "captured"]
    assert all("part of the area" in c.note for c in captured)
    # an entry into a province, capturing villages there: part of it taken as well
    text = "HTS entered Idlib province on Monday, capturing dozens of villages."
    assert ("Idlib", "hts_coalition", "captured") in _claims(text)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # the villages seized near a city are not the city
        (
            "Rebels launched an assault on Hama, seizing several villages.",
            {("Hama", "opposition", "contested")},
        ),
        # air power and bombs are no fight over control (data/ANNOTATION.md)
        ("Rebels launched airstrikes on Homs.", set()),
        ("Rebels launched a drone attack on Homs.", set()),
        ("The army launched air strikes in Idlib province, hitting several villages.", set()),
        ("The army launched an air assault in Idlib province.", set()),
        # aims are no claim
        ("The rebels launched an offensive to take Homs.", set()),
        (
            "The rebels launched an offensive in Idlib province to take Saraqib.",
            {("Idlib", "opposition", "contested")},
        ),
        ("The army launched a counteroffensive near Hama to retake Souran.", set()),
        # operations that are no fight
        ("The UN launched a humanitarian operation in Idlib.", set()),
        ("The SDF launched a security operation in Raqqa.", set()),
        ("ISIS launched an attack in Palmyra.", set()),
    ],
)
def test_offensive_negatives(text, want):
    assert _claims(text) == want


# ---- fighting spreading or under way -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "place", "actor", "precision"),
    [
        (
            "Fighting between the army and rebels has expanded to the east of Saraqib.",
            "Saraqib",
            "opposition",
            "near",
        ),
        (
            "Fighting between the army and rebels has spread to the outskirts of Homs.",
            "Homs",
            "opposition",
            "near",
        ),
        (
            "Intense battles between the army and HTS are taking place south of Idlib.",
            "Idlib",
            "hts_coalition",
            "near",
        ),
        (
            "Clashes between the SDF and the army are raging around Deir ez-Zor.",
            "Deir ez-Zor",
            "sdf",
            "place",
        ),
        (
            "Clashes between government forces and rebels have moved towards the eastern "
            "countryside of Hama.",
            "Hama",
            "opposition",
            "region",
        ),
    ],
)
def test_fighting_between_two_sides_spreading_to_a_place(text, place, actor, precision):
    rows = _rows(text)
    assert [(c.place_name, c.actor, str(c.relation), c.place_precision) for c in rows] == [
        (place, actor, "contested", precision)
    ]


@pytest.mark.parametrize(
    "text",
    [
        # who fights is not said: the holder named in the relative clause is not the one
        "Intense battles are taking place south of Idlib, which is under army control.",
        # nor by an air force that strikes there
        "Violent clashes are taking place in the north of Homs province, while Russian jets "
        "carry out strikes.",
        "Clashes spread to the outskirts of Homs.",
    ],
)
def test_fighting_without_its_two_sides_is_no_fight(text):
    assert {c for c in _claims(text) if c[2] == "contested"} == set()


@pytest.mark.parametrize(
    "text",
    [
        "Clashes between the SDF and Turkish-backed factions spread into Manbij on Monday.",
        "Hostilities between SNA factions and the SDF continue around Manbij.",
    ],
)
def test_fighting_between_two_rivals_with_no_incumbent_is_both_sides_fight(text):
    # neither is the government: who attacks is not said, both fight over the place (the
    # corpus annotation reads it so)
    assert {(a, r) for p, a, r in _claims(text) if p == "Manbij"} == {
        ("sna", "contested"),
        ("sdf", "contested"),
    }


def test_fighting_between_two_groups_of_one_side_names_no_side():
    got = _claims("Clashes between HTS and allied rebels spread into Manbij.")
    assert {c for c in got if c[2] == "contested" and c[1] == "hts_coalition"} == set()


@pytest.mark.parametrize(
    "text",
    [
        "Rebels launched an offensive aimed at capturing Hama.",
        "Rebels launched an offensive with the aim of capturing Hama.",
        "Rebels launched an offensive designed to capture Hama.",
        "The army launched a counteroffensive with the goal of retaking Souran.",
    ],
)
def test_the_aim_of_an_offensive_is_no_capture(text):
    assert not {c for c in _claims(text) if c[2] == "captured"}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Syrian opposition groups launched an offensive targeting Aleppo.",
            {("Aleppo", "opposition", "contested")},
        ),
        ("A drone attack targeting Homs killed two.", set()),
        (
            "Clashes between the army and rebels continued in the vicinity of Saraqib.",
            {("Saraqib", "opposition", "contested")},
        ),
        (
            "Clashes between the army and HTS intensified around Hama on Tuesday.",
            {("Hama", "hts_coalition", "contested")},
        ),
        ("Rebels are within striking distance of Homs.", {("Homs", "opposition", "advancing")}),
        (
            "Rebels are knocking on the doors of Damascus.",
            {("Damascus", "opposition", "advancing")},
        ),
        ("Damascus is within rocket range of rebel positions.", set()),
    ],
)
def test_more_fights_and_advances(text, want):
    assert _claims(text) == want


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        # the side named nearest is the one that repelled the attack, not the challenger
        (
            "Rebels attempted an infiltration in western Hama, which was repelled by government "
            "troops, sparking intense clashes in the area.",
            "opposition",
        ),
        (
            "Government troops held their lines as heavy fighting raged in Saraqib, where HTS "
            "fighters attacked.",
            "hts_coalition",
        ),
    ],
)
def test_fighting_that_names_no_side_is_the_challengers(text, actor):
    assert {(c[1], c[2]) for c in _claims(text) if c[2] == "contested"} == {(actor, "contested")}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Rebels reached the vicinity of Hama.", {("Hama", "opposition", "advancing")}),
        ("Rebels reached the approaches to Homs.", {("Homs", "opposition", "advancing")}),
        (
            "Rebels have reached the northern entrance of Hama.",
            {("Hama", "opposition", "advancing")},
        ),
        ("SDF fighters arrived near Raqqa on Friday.", {("Raqqa", "sdf", "advancing")}),
        ("Residents gathered near Homs.", set()),
        # a fight on the outskirts is a fight, not an advance of nobody
        (
            "Clashes erupted on the outskirts of Homs between the army and rebels.",
            {("Homs", "opposition", "contested")},
        ),
        (
            "Rebels clashed with the army on the eastern outskirts of Hama.",
            {("Hama", "opposition", "contested")},
        ),
        ("Rebels are on the outskirts of Homs.", {("Homs", "opposition", "advancing")}),
    ],
)
def test_near_a_place(text, want):
    assert _claims(text) == want
    assert all(c.place_precision == "near" for c in _rows(text))


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The army began a withdrawal operation in Hama.", set()),
        ("The army launched a redeployment operation in Daraa.", set()),
        (
            "Clashes between rebels and the army have reached Hama’s southern outskirts.",
            {("Hama", "opposition", "contested", "near")},
        ),
    ],
)
def test_operations_that_are_no_fight_and_possessive_outskirts(text, want):
    got = {(c.place_name, c.actor, str(c.relation), c.place_precision) for c in _rows(text)}
    assert {g for g in got if g[2] == "contested"} == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "The Hama countryside witnessed fierce clashes between the army and rebels on Monday.",
            {("Hama", "opposition", "contested")},
        ),
        (
            "Saraqib has seen heavy fighting as HTS fighters attacked government troops.",
            {("Saraqib", "hts_coalition", "contested")},
        ),
        # one side only: who attacks is not said
        ("Hama witnessed clashes yesterday, the army said.", set()),
        # the incumbent and its challenger named in the sentence, not with "between"
        (
            "Violent clashes are taking place in the north of Homs province, while government "
            "warplanes strike the positions of the rebels.",
            {("Homs", "opposition", "contested")},
        ),
    ],
)
def test_a_place_that_witnessed_fighting(text, want):
    assert _claims(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Damascus is now only 20 km from the rebels.", {("Damascus", "opposition", "advancing")}),
        (
            "Homs is 30 km from the advancing HTS fighters.",
            {("Homs", "hts_coalition", "advancing")},
        ),
        (
            "Aleppo was now about 10 kilometers away from the factions.",
            {("Aleppo", "opposition", "advancing")},
        ),
        ("Douma is 10 km from Damascus.", set()),
    ],
)
def test_a_place_some_distance_from_a_force(text, want):
    assert _claims(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "The gains brought the opposition forces to some 5 kilometers (3 miles) from Idlib.",
            {("Idlib", "opposition", "advancing")},
        ),
        (
            "The advance put HTS fighters within 10 km of Hama.",
            {("Hama", "hts_coalition", "advancing")},
        ),
        (
            "The rebels are now less than 20 kilometers from the southern gate of Damascus.",
            {("Damascus", "opposition", "advancing")},
        ),
        ("The road brought aid to within 5 km of Homs.", set()),
    ],
)
def test_brought_within_a_distance_and_gates(text, want):
    assert _claims(text) == want
    assert all(c.place_precision == "near" for c in _rows(text))


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Rebels are pushing deeper into Hama.", {("Hama", "opposition", "entered")}),
        ("Rebels advanced deep into Idlib province.", {("Idlib", "opposition", "entered")}),
        (
            "HTS fighters fought their way into Aleppo on Friday.",
            {("Aleppo", "hts_coalition", "entered")},
        ),
        ("The army forced its way into Douma.", {("Douma", "government", "entered")}),
        ("Rebels are fighting their way towards Homs.", {("Homs", "opposition", "advancing")}),
        ("Residents made their way to Homs.", set()),
    ],
)
def test_deep_into_and_fighting_the_way(text, want):
    assert _claims(text) == want


def test_moving_into_a_place_named_with_a_locative_is_an_entry():
    # "moved into X on the Golan Heights": "on" ends no advance ("pushing on Hama" does)
    got = _claims("Israeli troops moved into the demilitarised buffer zone on the Golan Heights.")
    assert {r for _, _, r in got} == {"entered"}


@pytest.mark.parametrize(
    "text",
    [
        "Rebels launched an attack on the town of Hama.",
        "Rebels launched an attack on the army-held town of Hama.",
    ],
)
def test_an_attack_on_the_town_of_x_contests_x(text):
    assert ("Hama", "opposition", "contested") in _claims(text)


@pytest.mark.parametrize("holder", ["held by Kurdish formations", "controlled by the SDF"])
def test_the_holders_by_after_the_place_is_not_the_attacker(holder):
    got = _claims(f"The SNA launched an assault on Manbij, {holder}.")
    assert ("Manbij", "sna", "contested") in got
    assert ("Manbij", "sdf", "contested") not in got
