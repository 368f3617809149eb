"""Who acts: agents of participles, nominal events and anaphoric subjects.

Each case is written for this file; none comes from an article. A wrong side is the
worst error of the extractor, so every rule has cases that must NOT fire.
"""

from __future__ import annotations

import warnings

import pytest

from syriamap.extract.document import document_from_text
from syriamap.extract.pipeline import analyse


def _claims(text: str) -> set[tuple[str, str, str]]:
    """The (place name, actor, relation) triples of ``text``."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        analysis = analyse(
            document_from_text(text, meta={"source_id": "sides", "published": "2024-12-07"})
        )
    return {(c.place_name, c.actor, c.relation) for c in analysis.candidates}


def _actors_at(text: str, place: str) -> set[str]:
    return {actor for name, actor, _ in _claims(text) if name == place}


# --- "the fall of X": the holder lost X; only "to Y" names a taker -----------------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Israel deploys forces to buffer zone with Syria amid fall of Damascus", "Damascus"),
        ("Turkey moved troops to the border after the collapse of Tal Rifaat.", "Tal Rifaat"),
        ("Jordan closed its crossing following the fall of Daraa on Friday.", "Daraa"),
        ("The SDF reinforced its lines in Raqqa amid Aleppo's fall.", "Aleppo"),
    ],
)
def test_fall_without_taker_is_the_holders_loss(text: str, place: str) -> None:
    got = {(a, r) for name, a, r in _claims(text) if name == place}
    assert got == {("government", "lost")}


@pytest.mark.parametrize(
    ("text", "place", "actor"),
    [
        ("The fall of Aleppo to HTS shocked the capital.", "Aleppo", "hts_coalition"),
        ("Hama's fall to the rebels came on Thursday.", "Hama", "opposition"),
        ("Officials discussed the fall of Manbij to the SDF.", "Manbij", "sdf"),
    ],
)
def test_fall_to_a_taker_is_its_capture(text: str, place: str, actor: str) -> None:
    assert (place, actor, "captured") in _claims(text)


def test_fall_of_a_place_the_article_says_a_non_government_actor_left() -> None:
    text = "SDF fighters pulled out of Manbij on Monday. The fall of Manbij alarmed Turkey."
    assert "government" not in _actors_at(text, "Manbij")
    # the government's own loss stays the default when nobody else is said to have left
    text = "Rebels entered Hama on Thursday. Iran sent envoys after the fall of Hama."
    assert ("Hama", "government", "lost") in _claims(text)


# --- aims and open questions are no events; a threat to take X is an advance on X --------


@pytest.mark.parametrize(
    "text",
    [
        "The insurgents have declared intentions to advance toward Homs and Damascus.",
        "Rebel commanders vowed to take Hama within days.",
        "The army is preparing to retake Saraqib.",
        "The Syrian military has yet to comment on whether it has pulled back from Rastan.",
        "It is not clear whether the SDF withdrew from Manbij.",
    ],
)
def test_aims_and_questions_claim_nothing(text: str) -> None:
    assert _claims(text) == set()


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Opposition forces are advancing rapidly, threatening to overrun Homs.", "Homs"),
        ("Rebels are now poised to take Hama.", "Hama"),
        ("The fighters pushed south, threatening to storm Izra.", "Izra"),
    ],
)
def test_threat_to_take_is_an_advance(text: str, place: str) -> None:
    got = {(a, r) for name, a, r in _claims(text) if name == place}
    assert got == {("opposition", "advancing")}


def test_done_events_next_to_aims_still_count() -> None:
    assert ("Hama", "opposition", "captured") in _claims(
        "The rebels, who planned the offensive for months, captured Hama."
    )
    assert ("Homs", "opposition", "advancing") in _claims(
        "Rebels advanced toward Homs after they had vowed to do so."
    )


# --- "the groups", "the coalition": the armed group named before, or nobody --------------


@pytest.mark.parametrize(
    ("text", "place", "actor", "relation"),
    [
        (
            "Armed groups advanced toward Homs on Friday. "
            "Fighting regime forces, the groups entered the town of Rastan.",
            "Rastan",
            "opposition",
            "entered",
        ),
        (
            "The Southern Operations Room seized the town of Busra al-Harir. "
            "The coalition has also taken full control of the city of Izra.",
            "Izra",
            "southern_factions",
            "captured",
        ),
        (
            "Rebels captured Hama. The army said the groups had entered Souran.",
            "Souran",
            "opposition",
            "entered",
        ),
        (
            "HTS fighters captured Hama. A monitor said the coalition had also seized Souran.",
            "Souran",
            "hts_coalition",
            "captured",
        ),
    ],
)
def test_group_noun_takes_the_armed_group_named_before(
    text: str, place: str, actor: str, relation: str
) -> None:
    assert {(a, r) for name, a, r in _claims(text) if name == place} == {(actor, relation)}


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a state's forces are never "the groups" or "the coalition"
        ("The army shelled Busra al-Harir. The coalition has also taken control of Izra.", "Izra"),
        ("The army retook Khan Shaykhun. The groups entered Rastan.", "Rastan"),
        ("Russian jets struck Idlib. The coalition took Saraqib on Monday.", "Saraqib"),
        ("The army retook Hama. The army said the groups had entered Souran.", "Souran"),
    ],
)
def test_group_noun_after_a_state_actor_names_nobody(text: str, place: str) -> None:
    assert not {a for name, a, _ in _claims(text) if name == place}


def test_group_noun_as_object_is_no_subject() -> None:
    text = "Rebels captured Hama. Regime forces clashed with the groups and retook Souran."
    assert ("Souran", "government", "captured") in _claims(text)
    text = "Rebels captured Hama. The army said that it had repelled the groups and retaken Souran."
    assert "opposition" not in {a for name, a, _ in _claims(text) if name == "Souran"}


# --- "the city center of X" is X, not the city named before -------------------------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Rebels captured Aleppo on Saturday. On Thursday, rebels took the city center of Hama.",
            "Hama",
        ),
        ("Rebels captured Aleppo. Fighters took the heart of Saraqib.", "Saraqib"),
        ("Rebels took the city centre of Izra from regime forces.", "Izra"),
    ],
)
def test_city_center_of_a_named_place(text: str, place: str) -> None:
    got = _claims(text)
    assert (place, "opposition", "captured") in got
    assert not any(name == "the city" for name, _, _ in got)


# --- second actors: the side that left and the side that took over -----------------------


@pytest.mark.parametrize(
    ("text", "place", "leaver"),
    [
        (
            "This week, the rebels seized Saraqib following a chaotic retreat of Syrian "
            "regime troops toward Hama.",
            "Saraqib",
            "government",
        ),
        ("Fighters entered Mayadin following a rapid withdrawal of the SDF.", "Mayadin", "sdf"),
        ("Rebels took Rastan after a sudden pullout of government forces.", "Rastan", "government"),
    ],
)
def test_retreat_with_an_adjective_is_the_losers_withdrawal(
    text: str, place: str, leaver: str
) -> None:
    assert (place, leaver, "withdrew") in _claims(text)
    assert not any(name == "Hama" for name, _, _ in _claims(text))  # where they went


@pytest.mark.parametrize(
    ("text", "place", "taker"),
    [
        (
            "Regime forces are leaving the city of Izra peacefully, being sent off by locals "
            "as the rebels take over.",
            "Izra",
            "opposition",
        ),
        (
            "Government troops withdrew from Rastan on Friday as opposition fighters took over.",
            "Rastan",
            "opposition",
        ),
        ("SDF fighters pulled out of Mayadin after tribal forces took over.", "Mayadin", "other"),
    ],
)
def test_taking_over_after_a_withdrawal(text: str, place: str, taker: str) -> None:
    assert (place, taker, "captured") in _claims(text)


@pytest.mark.parametrize(
    "text",
    [
        "Rebels advanced toward Hama as the army took over.",  # no one left Hama
        "Regime forces withdrew from Rastan as regime reinforcements took over.",  # same side
        "The army shelled Idlib. Rebels took over.",  # nothing taken in the sentence
    ],
)
def test_taking_over_needs_another_sides_exit(text: str) -> None:
    assert not {(n, a) for n, a, r in _claims(text) if r == "captured"}


@pytest.mark.parametrize(
    ("text", "place", "actor"),
    [
        (
            "The Syrian army announced it was no longer in control of the city of Hama.",
            "Hama",
            "government",
        ),
        ("The SDF said it was no longer in control of Manbij.", "Manbij", "sdf"),
        ("Rastan is no longer under the control of the regime.", "Rastan", "government"),
    ],
)
def test_no_longer_in_control_of_is_the_holders_loss(text: str, place: str, actor: str) -> None:
    assert (place, actor, "lost") in _claims(text)


@pytest.mark.parametrize(
    ("text", "place", "actor"),
    [
        (
            "Reuters cited an army officer as saying that units of Lebanese group "
            "Hezbollah's elite Radwan forces had left the city of Qusayr.",
            "Qusayr",
            "hezbollah",
        ),
        ("An army officer said Iran's advisers had left Aleppo.", "Aleppo", "iran"),
        ("A monitor said Hezbollah's fighters had withdrawn from Qusayr.", "Qusayr", "hezbollah"),
    ],
)
def test_an_actors_own_forces_act_for_it(text: str, place: str, actor: str) -> None:
    assert {a for name, a, r in _claims(text) if name == place} == {actor}


def test_an_owners_thing_is_still_no_subject() -> None:
    text = "The government's research centre in Masyaf was abandoned by the army."
    assert {a for _, a, _ in _claims(text)} <= {"government"}


# --- a participle's object is never the subject ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "place", "relation"),
    [
        (
            "Groups advancing against Assad regime forces entered Rastan later on Saturday.",
            "Rastan",
            "entered",
        ),
        ("Groups fighting regime forces entered Rastan on Friday.", "Rastan", "entered"),
        ("Gunmen clashing with the army took Saraqib.", "Saraqib", "captured"),
        ("Rebels advancing against regime forces entered Talbiseh.", "Talbiseh", "entered"),
    ],
)
def test_the_fought_government_is_no_subject(text: str, place: str, relation: str) -> None:
    assert {(a, r) for name, a, r in _claims(text) if name == place} == {("opposition", relation)}


def test_forces_fighting_rebels_get_no_guessed_side() -> None:
    # the rebels' enemies may be the army, the SDF or others: nobody is named
    assert not {a for name, a, _ in _claims("Forces fighting the rebels entered Rastan.")} - {""}


@pytest.mark.parametrize(
    ("text", "place", "actor"),
    [
        ("The regime quickly lost all control of Homs.", "Homs", "government"),
        ("The SDF lost its control over Manbij.", "Manbij", "sdf"),
        ("The army lost full control of Hama on Thursday.", "Hama", "government"),
    ],
)
def test_lost_all_control_is_a_loss(text: str, place: str, actor: str) -> None:
    assert {(a, r) for name, a, r in _claims(text) if name == place} == {(actor, "lost")}


# --- "their entry into X": the group the sentence names, its head not its member ----------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "The situation continues to evolve as rebel groups hold key regions following "
            "their entry into Homs on Saturday.",
            "Homs",
        ),
        (
            "The situation continues to evolve as militant groups, including Hayat "
            "Tahrir-al-Sham, hold key regions following their entry into Homs on Saturday.",
            "Homs",
        ),
        ("Militant groups entered Rastan.", "Rastan"),
    ],
)
def test_their_entry_is_the_named_groups(text: str, place: str) -> None:
    assert {(a, r) for name, a, r in _claims(text) if name == place} == {("opposition", "entered")}


# --- "which had previously held X, ... have withdrawn": a withdrawal from X --------------


@pytest.mark.parametrize(
    ("text", "place", "actor"),
    [
        (
            "The forces of President Bashar al-Assad, which had previously held Hama, with the "
            "support of allies in Iran and Russia, have withdrawn as rebels make rapid gains.",
            "Hama",
            "government",
        ),
        (
            "Government troops, which had previously held Hama, have withdrawn.",
            "Hama",
            "government",
        ),
        ("The SDF, which had long held Manbij, fled after the assault.", "Manbij", "sdf"),
    ],
)
def test_former_holder_that_left(text: str, place: str, actor: str) -> None:
    assert {(a, r) for name, a, r in _claims(text) if name == place} == {(actor, "withdrew")}


def test_former_holder_that_stays_keeps_no_withdrawal() -> None:
    text = "The army, which had held Hama for years, still holds the city."
    assert "withdrew" not in {r for _, _, r in _claims(text)}


def test_an_actor_named_after_a_place_is_no_place() -> None:
    text = (
        "On December 3, the SDF-linked Deir al-Zor Military Council announced that its forces "
        "took the village of Salhiya."
    )
    assert not any(name.startswith("Deir") for name, _, _ in _claims(text))


# --- a phrase set off by commas is no subject; "its forces" are the owner's ----------------


@pytest.mark.parametrize(
    ("text", "place", "actor", "relation"),
    [
        (
            "The army, under pressure from rebels, withdrew from Hama.",
            "Hama",
            "government",
            "withdrew",
        ),
        ("Rebels, under fire from the army, entered Hama.", "Hama", "opposition", "entered"),
        (
            "The SDF, facing attacks by Turkish-backed factions, pulled out of Manbij.",
            "Manbij",
            "sdf",
            "withdrew",
        ),
        ("Government forces, HTS said, withdrew from Hama.", "Hama", "government", "withdrew"),
        ("Rebels, the army said, entered Hama.", "Hama", "opposition", "entered"),
        (
            "The SDF said that in clashes with rebels, its forces withdrew from Manbij.",
            "Manbij",
            "sdf",
            "withdrew",
        ),
        ("Hezbollah said its units had left Qusayr.", "Qusayr", "hezbollah", "withdrew"),
    ],
)
def test_the_subject_outside_the_parenthesis(
    text: str, place: str, actor: str, relation: str
) -> None:
    assert {(a, r) for name, a, r in _claims(text) if name == place} == {(actor, relation)}


def test_their_forces_of_two_sides_name_nobody() -> None:
    text = "Rebels and the army clashed near Hama, and their forces entered Souran."
    assert not any(name == "Souran" for name, _, _ in _claims(text))


# --- "drove/pushed/expelled <forces> out of X": the object lost X (a forced departure) ---


@pytest.mark.parametrize(
    ("text", "place", "taker", "leaver"),
    [
        ("The rebels drove government forces out of Rastan.", "Rastan", "opposition", "government"),
        (
            "The rebels expelled regime troops from Talbiseh.",
            "Talbiseh",
            "opposition",
            "government",
        ),
        ("The army forced rebels out of Souran.", "Souran", "government", "opposition"),
    ],
)
def test_expelled_object_lost(text: str, place: str, taker: str, leaver: str) -> None:
    got = {(a, r) for name, a, r in _claims(text) if name == place}
    assert got == {(taker, "captured"), (leaver, "lost")}


def test_expelling_ones_own_forces_adds_no_withdrawal_of_another_side() -> None:
    got = {(a, r) for _, a, r in _claims("The army pushed its forces out of Souran.")}
    assert ("opposition", "lost") not in got


# --- "they" after a singular reporter -------------------------------------------------------


def test_they_after_a_rival_institution_names_nobody() -> None:
    text = "Rebels captured Hama on Thursday. The army said they had also entered Souran."
    assert not any(name == "Souran" for name, _, _ in _claims(text))


@pytest.mark.parametrize(
    ("text", "place", "actor"),
    [
        (
            "The army retook Souran. The army said they had also entered Rastan.",
            "Rastan",
            "government",
        ),
        ("The SDF said they had withdrawn from Manbij.", "Manbij", "sdf"),
        (
            "Government forces retreated near Hama. An opposition fighter said they are "
            "pushing towards Homs.",
            "Homs",
            "opposition",
        ),
        (
            "Rebels took Hama. A rebel commander said they had entered Souran.",
            "Souran",
            "opposition",
        ),
    ],
)
def test_they_after_a_reporter_of_the_same_side_or_a_member(
    text: str, place: str, actor: str
) -> None:
    assert {a for name, a, _ in _claims(text) if name == place} == {actor}


# --- a nominal event after "after/following/amid": not the other verb's subject ------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("The army sent reinforcements after the capture of Saraqib.", "Saraqib"),
        ("Israel moved troops into the buffer zone after the capture of Damascus.", "Damascus"),
        ("Russia evacuated its diplomats following the capture of Aleppo.", "Aleppo"),
    ],
)
def test_capture_in_an_event_phrase_is_not_the_subjects(text: str, place: str) -> None:
    assert not {a for name, a, _ in _claims(text) if name == place}


@pytest.mark.parametrize(
    ("text", "place", "actor", "relation"),
    [
        (
            "Rebels advanced toward Homs after the capture of Hama.",
            "Hama",
            "opposition",
            "captured",
        ),
        (
            "Turkey closed the border following the rebel capture of Tal Rifaat.",
            "Tal Rifaat",
            "opposition",
            "captured",
        ),
        ("The army regrouped after its withdrawal from Hama.", "Hama", "government", "withdrew"),
    ],
)
def test_event_phrase_keeps_named_agents(text: str, place: str, actor: str, relation: str) -> None:
    assert (place, actor, relation) in _claims(text)


@pytest.mark.parametrize(
    ("text", "place", "bad"),
    [
        ("The rebels celebrated the withdrawal from Hama.", "Hama", "opposition"),
        ("The SDF condemned the capture of Tal Rifaat.", "Tal Rifaat", "sdf"),
        ("Rebels welcomed the withdrawal from Rastan.", "Rastan", "opposition"),
    ],
)
def test_who_reacts_to_an_event_did_not_do_it(text: str, place: str, bad: str) -> None:
    assert bad not in {a for name, a, _ in _claims(text) if name == place}


def test_who_announces_or_completes_an_event_did_it() -> None:
    assert ("Deir ez-Zor", "sdf", "withdrew") in _claims(
        "The SDF announced the withdrawal from Deir ez-Zor."
    )
    assert ("Hama", "opposition", "captured") in _claims(
        "The rebels completed the capture of Hama."
    )


# --- "A and B clashed in X": the challenger of the incumbent contests X ---------------------


@pytest.mark.parametrize(
    "text",
    [
        "Government forces and rebels clashed in Souran.",
        "Rebels and government forces clashed in Souran.",
    ],
)
def test_joined_fighters_the_challenger_contests(text: str) -> None:
    assert {(a, r) for name, a, r in _claims(text) if name == "Souran"} == {
        ("opposition", "contested")
    }


@pytest.mark.parametrize(
    "text",
    [
        "Turkish-backed factions and the SDF clashed in Manbij.",
        "Rebels backed by Turkey and the SDF clashed in Manbij.",
    ],
)
def test_joined_non_government_fighters_both_fight(text: str) -> None:
    # no incumbent is named: both rivals fight over the place (as the corpus reads it)
    got = {(a, r) for name, a, r in _claims(text) if name == "Manbij"}
    assert ("sdf", "contested") in got and len(got) == 2
    assert all(r == "contested" for _a, r in got)


def test_bare_groups_opening_a_clause_point_back() -> None:
    text = (
        "Rebels advanced on Hama. Following intense clashes, groups took control of the "
        "Hama city center from regime forces on Dec. 5."
    )
    assert ("Hama", "opposition", "captured") in _claims(text)
    text = "The army advanced on Hama. Following intense clashes, groups took control of Rastan."
    assert not any(name == "Rastan" for name, _, _ in _claims(text))


@pytest.mark.parametrize(
    "text",
    [
        "Local sources say that Israeli patrols entered the town of Khan Arnabah.",
        "Israeli units entered the town of Khan Arnabah on Sunday.",
        "Israeli infantry entered the town of Khan Arnabah.",
    ],
)
def test_israeli_units_are_israel(text: str) -> None:
    assert ("Khan Arnabah", "israel", "entered") in _claims(text)


@pytest.mark.parametrize(
    ("text", "place", "actor"),
    [
        ("Hundreds of regime soldiers fled Izra.", "Izra", "government"),
        ("Dozens of SDF fighters withdrew from Manbij.", "Manbij", "sdf"),
        (
            "A rebel commander said that hundreds of regime forces fled from the center of "
            "Izra city after our troops advanced.",
            "Izra",
            "government",
        ),
    ],
)
def test_a_number_of_forces_is_those_forces(text: str, place: str, actor: str) -> None:
    assert {(a, r) for name, a, r in _claims(text) if name == place} == {(actor, "withdrew")}


@pytest.mark.parametrize(
    ("text", "place", "actor", "relation"),
    [
        ("Kurdish-led forces, not the army, took Deir ez-Zor.", "Deir ez-Zor", "sdf", "captured"),
        ("Rebels, rather than government troops, entered Hama.", "Hama", "opposition", "entered"),
        ("The army, not the rebels, holds Souran.", "Souran", "government", "controls"),
    ],
)
def test_the_actor_set_aside_with_not_is_no_subject(
    text: str, place: str, actor: str, relation: str
) -> None:
    assert {(a, r) for name, a, r in _claims(text) if name == place} == {(actor, relation)}


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Rebels are battling government troops in Homs.", "opposition"),
        ("HTS fighters clashed with army troops in Homs on Friday.", "hts_coalition"),
        ("Government troops are battling rebels in Homs.", "government"),
        ("Army units fought against jihadists inside Homs overnight.", "government"),
    ],
)
def test_fighting_an_opponent_in_a_place_is_the_subjects_fight(text: str, actor: str) -> None:
    # the opponent named in the cue ("battling government troops") is not the one fighting
    assert _actors_at(text, "Homs") == {actor}


def test_fighting_an_opponent_near_a_place_is_no_fight_in_it() -> None:
    assert _actors_at("Rebels clashed with government forces near Homs.", "Homs") == set()


@pytest.mark.parametrize(
    "text",
    [
        "Government troops began evacuating Saraqib on Sunday.",
        "The army is evacuating Saraqib.",
        "Government forces evacuated Saraqib overnight.",
    ],
)
def test_a_force_evacuating_a_place_withdraws(text: str) -> None:
    assert ("government", "withdrew") in {
        (actor, rel) for place, actor, rel in _claims(text) if place == "Saraqib"
    }


@pytest.mark.parametrize(
    "text",
    [
        "The army is evacuating civilians from Saraqib.",
        "Rescuers were evacuating residents of Saraqib.",
        "Troops evacuated wounded fighters and their families from Saraqib.",
    ],
)
def test_people_evacuated_from_a_place_are_no_withdrawal(text: str) -> None:
    assert not [c for c in _claims(text) if c[0] == "Saraqib"]


@pytest.mark.parametrize(
    ("text", "place", "actors"),
    [
        # the attackers named inside the cue contest the place
        ('Army units repelled an attack by "SDF" militia on Hatla.', "Hatla", {"sdf"}),
        ("The army repelled an SDF attack on Hatla.", "Hatla", {"sdf"}),
        ("The army repelled an attack by rebels on Saraqib.", "Saraqib", {"opposition"}),
        # unnamed attackers: the army's are the rebels; anyone else's are not guessed
        ("The army repelled an attack on Saraqib.", "Saraqib", {"opposition"}),
        ("The SDF repelled an attack on Hatla.", "Hatla", set()),
    ],
)
def test_repelled_attack_goes_to_the_named_attacker(
    text: str, place: str, actors: set[str]
) -> None:
    contesting = {a for name, a, rel in _claims(text) if name == place and rel == "contested"}
    assert contesting == actors


@pytest.mark.parametrize(
    ("text", "place", "holders"),
    [
        # the subject that repels an attack on a place holds it
        ('Army units repelled an attack by "SDF" militia on Hatla.', "Hatla", {"government"}),
        ("The army repelled an attack on Saraqib.", "Saraqib", {"government"}),
        ("Rebels repelled an attack on Hama by government forces.", "Hama", {"opposition"}),
        (
            "Syrian army units repelled repeated attacks on Qamhana, north of Hama.",
            "Qamhana",
            {"government"},
        ),
        # state-media length: a date and the attackers' description between the parts
        (
            "Army units repelled on Tuesday a large attack launched by terrorist groups, "
            "chief among them Jabhat al-Nusra, on the town of Morek.",
            "Morek",
            {"government"},
        ),
        # an attack in or near a place says where the fighting was, not who holds it
        ("The army repelled attacks in the Hama countryside.", "Hama", set()),
        ("The army repelled an attack near Morek.", "Morek", set()),
        # no attacker, no claim: whom the SDF repelled is not guessed
        ("The SDF repelled an attack on Hatla.", "Hatla", set()),
    ],
)
def test_the_defender_who_repels_an_attack_on_a_place_holds_it(
    text: str, place: str, holders: set[str]
) -> None:
    got = {a for name, a, rel in _claims(text) if name == place and rel == "controls"}
    assert got == holders


def test_the_object_of_a_preposition_is_no_coordinated_subject() -> None:
    text = (
        "The SDF began to pull out of Raqqa on Monday under pressure from local Arab tribes, "
        "and units of the Military Operations Command entered the city."
    )
    entered = {actor for _place, actor, rel in _claims(text) if rel == "entered"}
    assert entered == {"hts_coalition"}


@pytest.mark.parametrize(
    ("text", "place", "actor"),
    [
        (
            "Hezbollah fighters have left Qusayr. The withdrawal began on Saturday as rebel "
            "forces closed in on Homs.",
            "Qusayr",
            "hezbollah",
        ),
        (
            "Government troops pulled out of Saraqib. The withdrawal came as rebels advanced "
            "on Idlib.",
            "Saraqib",
            "government",
        ),
    ],
)
def test_a_withdrawal_is_not_done_by_the_subject_of_another_clause(
    text: str, place: str, actor: str
) -> None:
    withdrew = {a for p, a, rel in _claims(text) if p == place and rel == "withdrew"}
    assert withdrew == {actor}


@pytest.mark.parametrize(
    ("text", "place", "wrong"),
    [
        (
            "Analysts say the liberation of Manbij removes the last PKK/YPG foothold west "
            "of the Euphrates.",
            "Manbij",
            "sdf",
        ),
        (
            "The takeover of Nassib capped a rapid collapse of government authority across "
            "the south.",
            "Nassib",
            "government",
        ),
    ],
)
def test_a_name_after_a_nominal_capture_in_another_role_took_nothing(
    text: str, place: str, wrong: str
) -> None:
    assert wrong not in _actors_at(text, place)


@pytest.mark.parametrize(
    ("text", "place", "actor"),
    [
        (
            "Following the capture of Aleppo, the terrorist groups attempted to advance "
            "toward Hama.",
            "Aleppo",
            "opposition",
        ),
        ("The capture of Hama left the rebels in control of the M5.", "Hama", "opposition"),
    ],
)
def test_a_nominal_capture_takes_the_subject_after_a_fronted_phrase_or_a_new_holder(
    text: str, place: str, actor: str
) -> None:
    assert actor in _actors_at(text, place)


def test_it_in_a_relative_clause_is_no_plural_object() -> None:
    text = (
        "The SNA pushed Kurdish-led forces out of Tal Rifaat and then out of Manbij, which "
        "it captured on Monday."
    )
    assert "sdf" not in {
        actor
        for name, actor, relation in _claims(text)
        if name == "Manbij" and relation == "captured"
    }


def test_a_present_hold_before_a_fall_is_the_new_holders() -> None:
    # "The rebels now control Hama, which fell on Thursday": the fall was the government's
    # loss; the rebels' hold is what came of it, never a loss of theirs
    got = _claims("The rebels now control Hama, which fell on Thursday.")
    assert ("Hama", "opposition", "lost") not in got
    assert ("Hama", "government", "lost") in got
    # a former hold named before the fall is the loser's
    got = _claims("Tal Rifaat, which had been held by the SDF since 2016, fell on Sunday.")
    assert ("Tal Rifaat", "sdf", "lost") in got


def test_a_new_predicate_after_a_participle_clause_takes_no_place_from_it() -> None:
    got = _claims("The rebels, having seized Hama, turned their attention to Homs.")
    assert ("Homs", "opposition", "captured") not in got
    assert ("Hama", "opposition", "captured") in got


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "The rebels were pushed out of Souran by the army.",
            {("Souran", "opposition", "lost"), ("Souran", "government", "captured")},
        ),
        (
            "The SDF was expelled from Tal Rifaat by Turkish-backed groups.",
            {("Tal Rifaat", "sdf", "lost"), ("Tal Rifaat", "sna", "captured")},
        ),
        (
            "The SDF was cleared from Tal Rifaat by the Syrian National Army.",
            {("Tal Rifaat", "sdf", "lost"), ("Tal Rifaat", "sna", "captured")},
        ),
        (
            "Tal Rifaat was seized from the SDF by the SNA.",
            {("Tal Rifaat", "sna", "captured"), ("Tal Rifaat", "sdf", "lost")},
        ),
    ],
)
def test_the_other_side_of_a_passive_expulsion_or_capture(text: str, want: set) -> None:
    assert _claims(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "Neither the army nor the rebels control Palmyra.",
        "The army neither withdrew from Homs nor surrendered.",
    ],
)
def test_neither_nor_negates_the_claim(text: str) -> None:
    from claims_of import analysed

    assert {str(c.stance) for c in analysed(text).candidates} == {"denied"}


def test_things_cleared_from_a_place_are_no_side() -> None:
    assert not _claims("Mines were cleared from Tal Rifaat.")
