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
    ("Qamishli is held by the SDF.", ("Al-Qamishli", "sdf", "controls", "asserted")),
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
    # the number glued to its unit
    (
        "Syrians say Israeli army within 25km of capital Damascus",
        ("Damascus", "israel", "advancing", "attributed"),
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


def test_negation_asserted_by_the_text_is_denied():
    assert found("Rebels have not entered Hama.") == {("Hama", "opposition", "entered", "denied")}
    (a,) = extract("Insurgents didn't enter Saraqib.", published="2024-12-07")
    assert str(a.stance) == "denied" and a.claimant == "" and a.claimant_side == ""


@pytest.mark.parametrize(
    "text",
    [
        "Rebels failed to capture Homs.",
        "Insurgents could not enter Salamiyah.",
        "The army refused to withdraw from Deir ez-Zor.",
        "Opposition fighters have yet to reach Tartus.",
        "It was a second attempt by the rebels to take Idlib.",
    ],
)
def test_failure_refusal_and_attempts_give_nothing(text):
    assert found(text) == set()


@pytest.mark.parametrize(
    ("text", "claim", "claimant"),
    [
        (
            "The defence ministry said its units did not withdraw from Salamiyah.",
            ("Salamiyah", "government", "withdrew", "denied"),
            "The defence ministry",
        ),
        (
            "A war monitor reported that insurgents did not take over Saraqib.",
            ("Saraqib", "opposition", "captured", "denied"),
            "A war monitor",
        ),
        (
            "The rebel alliance said it had not captured Tartus.",
            ("Tartus", "opposition", "captured", "denied"),
            "The rebel alliance",
        ),
        (
            "Hezbollah insisted that its fighters never entered Qusayr.",
            ("Al-Qusayr", "hezbollah", "entered", "denied"),
            "Hezbollah",
        ),
        (
            "Idlib was not captured by the rebels, state television said.",
            ("Idlib", "opposition", "captured", "denied"),
            "state television",
        ),
        (
            "Salamiyah has not fallen to the insurgents, according to a local official.",
            ("Salamiyah", "opposition", "captured", "denied"),
            "a local official",
        ),
        (
            "There was no withdrawal from Deir ez-Zor, an army officer told reporters.",
            ("Deir ez-Zor", "government", "withdrew", "denied"),
            "an army officer",
        ),
    ],
)
def test_negation_inside_reported_speech_is_denied_by_the_speaker(text, claim, claimant):
    g = Gazetteer.default()
    got = {
        (g.get(a.place_id).name, a.actor, str(a.relation), str(a.stance)): a.claimant
        for a in extract(text, published="2024-12-07")
    }
    assert got.get(claim) == claimant


def test_denial_of_a_negation_and_not_only_are_not_denials():
    assert found("Officials denied that the army had not left Tartus.") == set()
    got = found("Rebels not only captured Saraqib but also entered Idlib.")
    assert ("Saraqib", "opposition", "captured", "asserted") in got
    assert ("Idlib", "opposition", "entered", "asserted") in got


def test_did_not_confirm_is_unverified():
    got = found("A monitor did not confirm that insurgents entered Salamiyah.")
    assert got == {("Salamiyah", "opposition", "entered", "unverified")}


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("Assad's loss of Idlib stunned his allies.", ("Idlib", "government", "lost")),
        ("The army's loss of Salamiyah surprised many.", ("Salamiyah", "government", "lost")),
        ("The rebels' loss of Saraqib ended the offensive.", ("Saraqib", "opposition", "lost")),
        ("The SDF's loss of Manbij came after a week.", ("Manbij", "sdf", "lost")),
        ("After he lost Idlib, the president flew abroad.", ("Idlib", "government", "lost")),
        ("After losing Saraqib, the regime regrouped.", ("Saraqib", "government", "lost")),
        ("Losing Deir ez-Zor was a blow to the president.", ("Deir ez-Zor", "government", "lost")),
        ("Tartus is no longer under government control.", ("Tartus", "government", "lost")),
        ("Saraqib is no longer in rebel hands.", ("Saraqib", "opposition", "lost")),
        ("The regime no longer controls Salamiyah.", ("Salamiyah", "government", "lost")),
        ("Idlib is no longer held by the insurgents.", ("Idlib", "opposition", "lost")),
    ],
)
def test_loss_takes_the_loser(text, claim):
    assert (*claim, "asserted") in found(text)


def test_heavy_losses_are_casualties_not_territory():
    assert found("Government forces suffered heavy losses in Salamiyah.") == set()


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
