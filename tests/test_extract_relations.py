"""Varied sentences through the whole pipeline: relation, side, stance (not from the seeds)."""

import pytest

from syriamap.extract import extract
from syriamap.gazetteer import Gazetteer


def found(text, published="2024-12-07"):
    g = Gazetteer.default()
    return {
        (g.get(a.place_id).name, a.actor, str(a.relation), str(a.stance))
        for a in extract(text, published=published)
    }


CASES = [
    # active voice
    ("Rebels seized Hama on Thursday.", ("Hama", "opposition", "captured", "asserted")),
    ("Kurdish-led forces captured the city of Raqqa.", ("Raqqa", "sdf", "captured", "asserted")),
    ("Insurgents overran the town of Saraqib.", ("Saraqib", "opposition", "captured", "asserted")),
    (
        "HTS fighters liberated Maarat al-Numan, the group said.",
        ("Ma'arrat an Nu'man", "hts_coalition", "captured", "attributed"),
    ),
    ("The opposition took control of Idlib city.", ("Idlib", "opposition", "captured", "asserted")),
    # passive voice
    (
        "Tal Rifaat was captured by Turkish-backed factions.",
        ("Tell Rifaat", "sna", "captured", "asserted"),
    ),
    ("Manbij fell to the Syrian National Army.", ("Manbij", "sna", "captured", "asserted")),
    ("Palmyra was taken over by rebels.", ("Palmyra", "opposition", "captured", "asserted")),
    # withdrawal and loss
    (
        "Government forces withdrew from Deir ez-Zor.",
        ("Deir ez-Zor", "government", "withdrew", "asserted"),
    ),
    (
        "Syrian troops pulled back from Salamiyah, a monitor said.",
        ("Salamiyah", "government", "withdrew", "attributed"),
    ),
    ("The army vacated Homs overnight.", ("Homs", "government", "withdrew", "asserted")),
    ("The regime lost Aleppo in days.", ("Aleppo", "government", "lost", "asserted")),
    ("The loss of Hama stunned the regime.", ("Hama", "government", "lost", "asserted")),
    (
        "The SDF took over Deir ez-Zor after government forces withdrew.",
        ("Deir ez-Zor", "government", "withdrew", "asserted"),
    ),
    (
        "Fighting continued around Saraqib, where rebels said they held firm.",
        ("Saraqib", "opposition", "contested", "attributed"),
    ),
    # state
    (
        "Qardaha remained under government control.",
        ("Al-Qardahah", "government", "controls", "asserted"),
    ),
    ("Qamishli is held by the SDF.", ("Qamishli", "sdf", "controls", "asserted")),
    (
        "Daraa is no longer under government control, SOHR said.",
        ("Daraa", "government", "lost", "attributed"),
    ),
    # approach
    ("Rebels are closing in on Hama.", ("Hama", "opposition", "advancing", "asserted")),
    ("Rebels reached the outskirts of Homs.", ("Homs", "opposition", "advancing", "asserted")),
    (
        "Opposition fighters are within 20 kilometres of Damascus.",
        ("Damascus", "opposition", "advancing", "asserted"),
    ),
    (
        "Insurgents were marching toward Latakia.",
        ("Latakia", "opposition", "advancing", "asserted"),
    ),
    (
        "Rebels are advancing rapidly from the north towards the city of Homs.",
        ("Homs", "opposition", "advancing", "asserted"),
    ),
    # entry and encirclement
    ("Rebel fighters entered Jableh.", ("Jableh", "opposition", "entered", "asserted")),
    ("Gunmen infiltrated the town of Qatana.", ("Qatana", "opposition", "entered", "asserted")),
    (
        "Rebels have encircled Homs, the monitor reported.",
        ("Homs", "opposition", "encircled", "attributed"),
    ),
    ("Kurdish fighters are surrounding Raqqa.", ("Raqqa", "sdf", "encircled", "asserted")),
    # denial and unverified
    (
        "The defence ministry denied that troops had withdrawn from Hama.",
        ("Hama", "government", "withdrew", "denied"),
    ),
    (
        "Rebels said they captured Homs, a claim Reuters could not independently verify.",
        ("Homs", "opposition", "captured", "unverified"),
    ),
    (
        "The claim that rebels entered Hama has not been independently verified.",
        ("Hama", "opposition", "entered", "unverified"),
    ),
    # attribution forms
    (
        "According to the Syrian Observatory, rebels seized Safira.",
        ("Al-Safira", "opposition", "captured", "attributed"),
    ),
    (
        "Rebels seized Safira, the Syrian Observatory said.",
        ("Al-Safira", "opposition", "captured", "attributed"),
    ),
    (
        "A rebel commander told Reuters that fighters entered Daraa.",
        ("Daraa", "opposition", "entered", "attributed"),
    ),
    (
        "The rebels announced on Telegram that they had captured Hama.",
        ("Hama", "opposition", "captured", "attributed"),
    ),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_sentence(text, expected):
    assert expected in found(text)


def test_list_of_places():
    got = found("Rebels captured Aleppo, Hama and large parts of the south.")
    assert {
        ("Aleppo", "opposition", "captured", "asserted"),
        ("Hama", "opposition", "captured", "asserted"),
    } <= got


def test_list_with_appositions():
    got = found(
        "On November 27, gunmen seized control of Syria's largest city, Aleppo, "
        "and its fourth-largest city, Hama."
    )
    assert {p for p, *_ in got} == {"Aleppo", "Hama"}


def test_reference_points_are_not_targets():
    got = found("Rebels seized several towns southwest of Damascus.")
    assert not any(p == "Damascus" and r == "captured" for p, _, r, _ in got)
    got = found(
        "Hama, located 110 kilometers south of Aleppo and captured by the rebels, is quiet."
    )
    assert ("Hama", "opposition", "captured", "asserted") in got
    assert not any(p == "Aleppo" for p, *_ in got)


def test_questions_assert_nothing():
    assert found("Will the rebels take Damascus?") == set()


def test_adjuncts_are_not_objects():
    assert found("Government officials held talks in Damascus.") == set()
    assert found("The rebels reached an agreement in Homs.") == set()


def test_negation_gives_nothing():
    assert found("Rebels have not entered Hama.") == set()
    assert found("Rebels failed to capture Homs.") == set()


def test_pronoun_takes_previous_subject():
    got = found(
        "Islamist-led rebels launched their attack last week. "
        "They took control of Hama on Thursday.",
        published="2024-12-06",
    )
    assert ("Hama", "hts_coalition", "captured", "asserted") in got


def test_our_forces_take_the_speakers_side():
    got = found("“Our forces have entered Homs,” said a rebel commander.")
    assert ("Homs", "opposition", "entered", "attributed") in got


def test_the_capital_is_damascus():
    got = found("Rebels are closing in on the capital.")
    assert ("Damascus", "opposition", "advancing", "asserted") in got


def test_collective_capitals():
    got = found(
        "The government now has control over only three out of 14 provincial "
        "capitals: Damascus, Latakia, and Tartus."
    )
    controls = {p for p, a, r, _ in got if r == "controls"}
    lost = {p for p, a, r, _ in got if r == "lost"}
    assert controls == {"Damascus", "Latakia", "Tartus"}
    assert len(lost) == 11 and "Aleppo" in lost


def test_places_outside_syria_are_skipped():
    assert found("Syrian soldiers fled to Al-Qaim in Iraq, and Israel entered Beirut.") == set()


def test_people_named_like_villages_are_not_places():
    assert found("Hassan Abdel Ghani said the rebels entered nothing.") == set()
