"""Who holds a place, in the general phrasings of news reporting (invented sentences).

Relative and appositive states after a landmark ("fighting near X, which is under army
control"), holds that ended ("until 2012"), "under the control of" after a fronted adverb,
"along with" continuing a list, "the latter"/"the former" as subject, and patrols,
checkpoints and deployments as presence. Every sentence was written for this file; none
comes from an article.
"""

from __future__ import annotations

import pytest

from syriamap.extract import extract
from syriamap.gazetteer import Gazetteer


def found(text: str, published: str = "2024-12-08") -> set[tuple[str, str, str, str]]:
    """The claims of ``text`` as (gazetteer name, actor, relation, place precision)."""
    g = Gazetteer.default()
    return {
        (g.get(a.place_id).name, a.actor, str(a.relation), str(a.place_precision))
        for a in extract(text, published=published)
    }


def relations(text: str) -> set[tuple[str, str, str]]:
    """The claims of ``text`` as (gazetteer name, actor, relation)."""
    return {(n, a, r) for n, a, r, _p in found(text)}


# 1. a relative or appositive state after a landmark of the main clause
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Heavy clashes were reported near Maarat al-Numan, which remains in rebel hands.",
            ("Ma'arrat an Nu'man", "opposition", "controls"),
        ),
        (
            "Shells landed a few kilometres from Hama, which is still under government control.",
            ("Hama", "government", "controls"),
        ),
        (
            "Turkish-backed factions massed outside Manbij, which is now held by the SDF.",
            ("Manbij", "sdf", "controls"),
        ),
        (
            "Rebels pushed on towards Homs, which remains under the control of the army.",
            ("Homs", "government", "controls"),
        ),
    ],
)
def test_relative_state_after_a_landmark(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in relations(text)


@pytest.mark.parametrize(
    "text",
    [
        "Rebels hold Aleppo except the Sheikh Maqsoud and Ashrafieh neighbourhoods, which "
        "remain under SDF control.",
        "The Sheikh Maqsoud and Ashrafieh districts, which remain under SDF control, are calm.",
    ],
)
def test_a_relative_after_a_list_and_its_kind_noun_is_about_each_item(text: str) -> None:
    got = {(p, a, r) for p, a, r, _ in found(text)}
    assert ("Sheikh Maqsoud", "sdf", "controls") in got
    assert ("Ashrafieh", "sdf", "controls") in got


@pytest.mark.parametrize(
    ("text", "governorate", "actor"),
    [
        # "south of X, which ...": the area south of X or X itself; either way part of X's
        # governorate
        (
            "Fierce battles are raging south of Saraqib, which is under army control.",
            "Idlib",
            "government",
        ),
        ("Clashes broke out east of Manbij, which is now in Kurdish hands.", "Aleppo", "sdf"),
    ],
)
def test_relative_state_after_a_direction_is_the_governorate_in_part(
    text: str, governorate: str, actor: str
) -> None:
    got = found(text)
    assert (governorate, actor, "controls", "region") in got
    assert not any(r == "controls" and p == "place" for _n, _a, r, p in got)


@pytest.mark.parametrize(
    "text",
    [
        # a hold that ended is history
        "Heavy battles are raging near Saraqib, which was under army control until 2012.",
        "Khan Shaykhun was in rebel hands until the army retook it in 2019.",
        "The SDF held Tabqa for years until the army arrived.",
        # an aim, not a hold
        "Heavy battles are raging near Saraqib, which the army hopes to keep under its control.",
        # a plural verb: the villages are held, not the town
        "The army shelled villages near Saraqib, which are in rebel hands.",
        # a bare apposition after a landmark is not read as the landmark's state
        "The army was advancing towards Mayadin, the rebels' last stronghold.",
    ],
)
def test_no_hold_claimed(text: str) -> None:
    assert not any(r == "controls" for _n, _a, r in relations(text))


def test_until_now_keeps_the_hold_and_until_an_event_keeps_the_event() -> None:
    assert ("Saraqib", "opposition", "controls") in relations(
        "Saraqib has been in rebel hands until now."
    )
    got = relations("Saraqib remained under army control until the rebels stormed it on Friday.")
    assert ("Saraqib", "opposition", "captured") in got
    assert ("Saraqib", "government", "controls") not in got


# 2. a sentence adverb before the place is no part of its name
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Now Tabqa is under the control of the Syrian Democratic Forces.",
            ("At-Tabaqah", "sdf", "controls"),
        ),
        ("Now Homs is under the full control of the rebels.", ("Homs", "opposition", "controls")),
        ("Currently Manbij is held by the SDF.", ("Manbij", "sdf", "controls")),
        ("Then Hama fell to the rebels.", ("Hama", "opposition", "captured")),
        ("Eventually Daraa came under rebel control.", ("Daraa", "opposition", "captured")),
    ],
)
def test_sentence_adverb_before_the_place(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in relations(text)


def test_sentence_adverb_does_not_make_a_claim_of_its_own() -> None:
    assert relations("Now Homs residents are waiting for news.") == set()


def _stances(text: str) -> set[tuple[str, str, str, str]]:
    g = Gazetteer.default()
    return {
        (g.get(a.place_id).name, str(a.relation), str(a.stance), a.claimant)
        for a in extract(text, published="2024-12-08")
    }


def test_quoted_paragraph_under_a_speaker_label_is_the_speakers() -> None:
    script = (
        ":: Fighters speak after the battle\n\n"
        ":: Abu Omar, rebel commander\n\n"
        '"We entered the city at dawn. Now Hama is under the control of the rebels."\n'
    )
    got = _stances(script)
    assert ("Hama", "controls", "attributed", "Abu Omar, rebel commander") in got
    colon = 'A rebel commander:\n\n"Now Homs is under the control of the rebels."\n'
    assert ("Homs", "controls", "attributed", "A rebel commander") in _stances(colon)


def test_a_label_that_is_no_speaker_attributes_nothing() -> None:
    script = ':: Hama, Syria\n\n"Now Hama is under the control of the rebels."\n'
    assert all(stance == "asserted" for _n, _r, stance, _c in _stances(script))


# 3. "along with", "together with", "as well as" continue the places of a claim
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "By Sunday, Sweida was under the control of local factions, along with Quneitra.",
            {
                ("Quneitra", "southern_factions", "controls"),
                ("As-Suwayda", "southern_factions", "controls"),
            },
        ),
        (
            "Manbij is held by the SDF, together with Tabqa.",
            {("Manbij", "sdf", "controls"), ("At-Tabaqah", "sdf", "controls")},
        ),
        (
            "Hama fell to the rebels on Thursday, along with Salamiyah.",
            {("Hama", "opposition", "captured"), ("Salamiyah", "opposition", "captured")},
        ),
        (
            "Government troops retook Saraqib along with Khan Shaykhun.",
            {("Saraqib", "government", "captured"), ("Khan Shaykhun", "government", "captured")},
        ),
    ],
)
def test_along_with_continues_the_places(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert expected <= relations(text)


def test_along_with_examples_of_a_plural_noun() -> None:
    got = relations("The SDF seized Raqqa, as well as several nearby villages such as Hazima.")
    assert ("Raqqa", "sdf", "captured") in got
    assert ("Al-Khazimah", "sdf", "captured") in got


@pytest.mark.parametrize(
    ("text", "only"),
    [
        ("Daraa was under rebel control, along with much of the south's unrest.", "Daraa"),
        ("Rebels seized Homs along with weapons depots.", "Homs"),
        ("Rebels seized Homs along with fighters from Hama.", "Homs"),
        ("Hama fell to the rebels along with Turkish-backed factions.", "Hama"),
    ],
)
def test_along_with_no_place_adds_nothing(text: str, only: str) -> None:
    assert {n for n, _a, _r in relations(text)} == {only}


# 4. "the latter" / "the former" as the subject
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Government troops clashed with the rebels near Idlib. The latter were able to "
            "take control of several villages in Idlib province.",
            ("Idlib", "opposition", "captured"),
        ),
        (
            "HTS attacked the army near Hama. The latter withdrew from Hama on Friday.",
            ("Hama", "government", "withdrew"),
        ),
        (
            "The SDF fought Turkish-backed factions near Manbij. The former later "
            "recaptured Arima.",
            ("Al-'Arimah", "sdf", "captured"),
        ),
        (
            "Rebels and government troops fought in Saraqib, and the latter withdrew from "
            "Saraqib on Friday.",
            ("Saraqib", "government", "withdrew"),
        ),
    ],
)
def test_former_and_latter(text: str, expected: tuple[str, str, str]) -> None:
    got = relations(text)
    assert expected in got
    # only the actor "the latter"/"the former" stands for makes the claim
    assert not any(n == expected[0] and r == expected[2] and a != expected[1] for n, a, r in got)


@pytest.mark.parametrize(
    "text",
    [
        # nobody named before: no antecedent
        "The latter were able to take control of several villages in Hama province.",
        # one actor only ("SDF positions" is no actor)
        "Turkish-backed factions attacked SDF positions near Manbij, and the latter "
        "withdrew from Arima.",
        # three actors: "the former" is not sure
        "The army, the SDF and the rebels fought near Deir ez-Zor. The former seized Mayadin.",
    ],
)
def test_former_and_latter_without_a_sure_antecedent(text: str) -> None:
    assert not any(r in ("captured", "withdrew") for _n, _a, r in relations(text))


def test_latters_forces() -> None:
    got = relations(
        "Clashes broke out between the SDF and Turkish-backed factions. The latter's fighters "
        "entered Manbij on Monday."
    )
    assert ("Manbij", "sna", "entered") in got
    assert not any(n == "Manbij" and a == "opposition" for n, a, _r in got)


def test_former_as_an_adjective_is_no_antecedent() -> None:
    assert ("Hama", "government", "lost") in relations("The former regime lost Hama.")


def test_towns_and_villages_in_a_province() -> None:
    got = found("Rebels took control of several towns and villages in the Hama region.")
    assert ("Hama", "opposition", "captured", "region") in got


def test_pluperfect_after_a_dated_launch_is_not_dated_before_it() -> None:
    got = extract(
        "The rebels said they had seized several towns in Idlib Province after launching "
        "an offensive on Wednesday.",
        published="2024-12-07",
    )
    dates = {a.event_date.isoformat() for a in got if str(a.relation) == "captured"}
    assert dates and all(d > "2024-12-04" for d in dates)


# 5. patrols, checkpoints and deployments in a place are presence (data/ANNOTATION.md:
# "present in" -> entered; the incumbent present there holds it)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kurdish fighters were seen patrolling the streets of Qamishli.",
            ("Al-Qamishli", "sdf", "entered"),
        ),
        ("Rebels were patrolling Salamiyah on Friday.", ("Salamiyah", "opposition", "entered")),
        (
            "HTS fighters patrolled the neighbourhoods of Aleppo.",
            ("Aleppo", "hts_coalition", "entered"),
        ),
        # checkpoints are a hold (data/ANNOTATION.md), patrols and deployments presence
        ("Opposition fighters set up checkpoints in Homs.", ("Homs", "opposition", "controls")),
        ("Rebel gunmen erected roadblocks across Daraa.", ("Daraa", "opposition", "controls")),
        (
            "Government troops set up checkpoints inside Tartus.",
            ("Tartus", "government", "controls"),
        ),
        ("Rebel fighters deployed in the streets of Hama.", ("Hama", "opposition", "entered")),
        ("Armed fighters roamed the streets of Homs on Sunday.", ("Homs", "opposition", "entered")),
        ("HTS fighters were patrolling in Idlib's streets.", ("Idlib", "hts_coalition", "entered")),
        ("SDF units were stationed throughout Hasakah.", ("Al-Hasakah", "sdf", "entered")),
        ("Government troops were deployed across Latakia.", ("Latakia", "government", "controls")),
    ],
)
def test_patrols_and_checkpoints_are_presence(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in relations(text)


@pytest.mark.parametrize(
    "text",
    [
        # foreign forces: no control claim (data/ANNOTATION.md)
        "Russian military police patrolled near Saraqib.",
        "Turkish and Russian troops patrolled the streets of Tal Abyad.",
        # a noun, and a road: no place held
        "Rebel patrols along the M4 highway were ambushed.",
        "Government forces patrolling the M5 highway near Maarat al-Numan came under fire.",
        # around a place: not in it (checkpoints at its entrances guard it and are a hold,
        # as blind8, blind10 and blind11 annotate them: tests/test_extract_checkpoints.py)
        "Rebels set up checkpoints around Homs.",
        "Rebels roamed freely near Hama.",
        "Troops were deployed across the front line near Saraqib.",
    ],
)
def test_patrols_that_claim_no_presence(text: str) -> None:
    assert not any(r in ("entered", "controls") for _n, _a, r in relations(text))


# "X is one of the few cities under Y control": the class X belongs to is no gap
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tartus is one of the few provincial capitals that remain under government control.",
            ("Tartus", "government", "controls"),
        ),
        (
            "Latakia is one of the few cities which are still in government hands.",
            ("Latakia", "government", "controls"),
        ),
        (
            "Hama has been one of the country's few cities completely under army control.",
            ("Hama", "government", "controls"),
        ),
    ],
)
def test_one_of_the_places_under_control(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in relations(text)


def test_one_of_the_places_until_a_year_is_history() -> None:
    assert relations("Hama was one of the cities under army control until 2012.") == set()


# examples after a plural place noun as the subject of a state or a fall
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Several villages fell to the rebels on Monday, including Soran and Taybat al-Imam.",
            {("Suran", "opposition", "captured"), ("Taybat al-Imam", "opposition", "captured")},
        ),
        (
            "Dozens of towns are now under rebel control, such as Mhardeh.",
            {("Muhradah", "opposition", "controls")},
        ),
        (
            "Army troops were driven out of Sahnaya, as well as the Druze-majority town of "
            "Jaramana.",
            {("Sahnaiya", "government", "lost"), ("Jaramana", "government", "lost")},
        ),
    ],
)
def test_examples_of_a_plural_subject(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert expected <= relations(text)


def test_an_unnamed_item_located_in_a_province_is_part_of_it() -> None:
    got = found("Rebels captured the Kweires airbase and a military academy in Aleppo province.")
    assert ("Aleppo", "opposition", "captured", "region") in got
    assert not any(n == "Aleppo" and p == "place" for n, _a, _r, p in got)


def test_examples_need_a_plural_place_subject() -> None:
    assert relations("Several fighters were held by the rebels, including men from Homs.") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an object relative after a landmark
        (
            "Rebels advanced towards Homs, which government forces still hold.",
            ("Homs", "government", "controls"),
        ),
        # "which has been under ... since": the hold lasts
        (
            "The army massed troops outside Idlib, which has been under HTS control since 2015.",
            ("Idlib", "hts_coalition", "controls"),
        ),
        # an apposition with a kind noun and a reduced relative
        (
            "Clashes erupted near Saraqib, a town held by the rebels.",
            ("Saraqib", "opposition", "controls"),
        ),
        (
            "Shells fell a few kilometres from Hama, a city that is now under army control.",
            ("Hama", "government", "controls"),
        ),
    ],
)
def test_more_states_after_a_landmark(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in relations(text)


@pytest.mark.parametrize(
    "text",
    [
        "Saraqib, which had been under army control, was shelled.",
        "Clashes broke out near Homs, where rebels hold several positions.",
    ],
)
def test_no_current_hold_of_the_landmark(text: str) -> None:
    assert not any(n in ("Saraqib", "Homs") and r == "controls" for n, _a, r in relations(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Quneitra is in rebel hands, in addition to Daraa.",
            {("Quneitra", "opposition", "controls"), ("Daraa", "opposition", "controls")},
        ),
        (
            "In addition to Tabqa and Raqqa, the SDF also took control of Mansoura.",
            {("At-Tabaqah", "sdf", "captured"), ("Raqqa", "sdf", "captured")},
        ),
        ("Besides Homs, rebels entered Rastan.", {("Homs", "opposition", "entered")}),
    ],
)
def test_in_addition_to(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert expected <= relations(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Apart from Hama, rebels seized Soran.", "Hama"),  # may mean "except"
        ("In addition to weapons depots in Hama, rebels seized Soran.", "Hama"),
        ("Besides Hama, where fighting continues, rebels seized Soran.", "Hama"),
        ("Rebels seized Soran in addition to large amounts of weapons.", "Hama"),
    ],
)
def test_in_addition_to_without_a_place(text: str, absent: str) -> None:
    assert absent not in {n for n, _a, _r in relations(text)}


@pytest.mark.parametrize(
    "verb", ["has stayed", "has remained", "remained", "stays", "has always been"]
)
def test_a_relative_clause_of_a_lasting_hold(verb: str) -> None:
    text = f"Hama, which {verb} in government hands throughout the war, lies south of Aleppo."
    assert ("Hama", "government", "controls") in relations(text)


def test_a_relative_clause_of_a_hold_that_ended_is_no_hold_now() -> None:
    text = "Hama, which had remained under government control since 2011, fell on Thursday."
    assert ("Hama", "government", "controls") not in relations(text)


@pytest.mark.parametrize(
    "text",
    [
        "Thousands fled from Tal Rifaat, seized on Sunday by the Syrian National Army.",
        "Thousands fled from Tal Rifaat, which was seized by the Syrian National Army.",
        "Clashes broke out near Tal Rifaat, which was captured by the Syrian National Army.",
    ],
)
def test_a_passive_relative_after_a_landmark_is_its_capture(text: str) -> None:
    assert ("Tell Rifaat", "sna", "captured") in relations(text)


@pytest.mark.parametrize(
    "text",
    [
        # the relative may be about the villages, or the area south of the town
        "Clashes broke out in villages near Tal Rifaat, seized by the Syrian National Army.",
        "Clashes broke out south of Tal Rifaat, seized by the Syrian National Army.",
    ],
)
def test_a_passive_relative_that_may_be_about_something_else(text: str) -> None:
    assert ("Tell Rifaat", "sna", "captured") not in relations(text)


@pytest.mark.parametrize(
    "text",
    [
        "An official said the SDF still occupied Raqqa.",
        "The SDF continue to occupy Raqqa.",
        "The YPG has occupied Raqqa since 2017.",
        "Raqqa, which the YPG has occupied since 2017, is the next target.",
    ],
)
def test_a_lasting_occupation_is_a_hold(text: str) -> None:
    got = relations(text)
    assert ("Raqqa", "sdf", "controls") in got
    assert ("Raqqa", "sdf", "captured") not in got


def test_an_occupation_on_a_day_is_a_capture() -> None:
    assert ("Raqqa", "sdf", "captured") in relations("The YPG occupied Raqqa on Sunday.")


def test_an_occupation_since_a_day_dates_a_capture() -> None:
    assert ("Raqqa", "sdf", "captured") in relations("The YPG has occupied Raqqa since Monday.")


@pytest.mark.parametrize(
    "text",
    [
        '"Hama is in our hands," a rebel commander said.',
        '"By midnight, Hama was ours," a rebel commander said.',
    ],
)
def test_in_our_hands_is_the_speakers_hold(text: str) -> None:
    assert ("Hama", "opposition", "controls") in relations(text)


def test_ours_about_something_else_is_no_hold() -> None:
    assert relations("The decision is ours, a rebel commander said about Hama.") == set()


def test_a_held_adjective_ends_before_a_new_prepositional_phrase() -> None:
    got = relations(
        "Warplanes struck the insurgent-held city of Idlib and on the towns of Sarmada and Atarib."
    )
    assert not {n for n, _a, r in got if r == "controls" and n in ("Sarmada", "Al-Atarib")}
    assert any(r == "controls" for _n, _a, r in got)
    # the towns of one described phrase are all held
    got = relations("Rebels entered the rebel-held towns of Sarmada and Atarib.")
    assert ("Sarmada", "opposition", "controls") in got
    assert ("Al-Atarib", "opposition", "controls") in got


def test_a_stronghold_is_held_only_by_its_named_owner() -> None:
    got = relations("Rebels advanced on the regime stronghold of Latakia.")
    # the owner holds it, and the stronghold phrase does not cut the advance
    assert ("Latakia", "government", "controls") in got
    assert ("Latakia", "opposition", "advancing") in got
    # a community's stronghold names no armed holder: never the clause's subject
    got = relations("Rebels shelled the Alawite stronghold of Qardaha.")
    assert not any(r == "controls" for _n, _a, r in got)


@pytest.mark.parametrize(
    ("text", "place", "actor"),
    [
        ("Druze factions remain in charge in Sweida.", "As-Suwayda", "druze_factions"),
        ("HTS fighters are directing traffic in Homs.", "Homs", "hts_coalition"),
        ("The SDF continues to run Ghwayran prison in al-Hasakah.", "Ghwayran Prison", "sdf"),
    ],
)
def test_lasting_holds_and_running_a_town(text: str, place: str, actor: str) -> None:
    assert (place, actor, "controls") in relations(text)


def test_in_charge_of_no_place_and_fire_opened_are_no_claims() -> None:
    assert relations("The army put a general in charge of the ministry.") == set()
    assert not any(r == "captured" for _n, _a, r in relations("Rebels opened fire on Hama."))


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        ("Opposition fighters open Saydnaya prison.", "captured"),
        ("Fighters broke open the gates of Homs Central Prison.", "entered"),
    ],
)
def test_a_prison_opened_is_taken_and_its_gates_broken_open_entered(text, relation) -> None:
    got = {(a, r) for _n, a, r in relations(text)}
    assert ("opposition", relation) in got
    assert ("opposition", "advancing") not in got  # the gates of a prison are no city's edge
