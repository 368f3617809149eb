import pytest

from syriamap.extract.stance import claimant_side, find_claimant, find_stance_cues, stance_at


def stance(text, word):
    cues = find_stance_cues(text)
    return stance_at(cues, text.index(word), text, 0)[0]


@pytest.mark.parametrize(
    "text, word, expected",
    [
        ("Rebels seized Hama.", "seized", "asserted"),
        ("SOHR said rebels seized Hama.", "seized", "attributed"),
        ("Rebels seized Hama, SOHR said.", "seized", "attributed"),
        ("According to SOHR, rebels seized Hama.", "seized", "attributed"),
        ("A commander told Reuters rebels seized Hama.", "seized", "attributed"),
        ("Rebels reportedly seized Hama.", "seized", "attributed"),
        ("The army denied that it withdrew from Hama.", "withdrew", "denied"),
        (
            "There is no truth to news claiming our forces have withdrawn from Hama.",
            "withdrawn",
            "denied",
        ),
        (
            "Rebels said they seized Hama, which CNN could not independently verify.",
            "seized",
            "unverified",
        ),
        ("Rebels seized Hama; this has not been independently verified.", "seized", "unverified"),
        (
            "The BBC has not confirmed these reports, which came as rebels claimed to enter Homs.",
            "enter",
            "attributed",
        ),
        (
            "While this has not been verified, it coincides with gains near Daraa.",
            "gains",
            "asserted",
        ),
        ("The rebels declared victory when they seized Homs.", "seized", "asserted"),
        ("The army denied it, but SOHR said troops withdrew from Hama.", "withdrew", "attributed"),
    ],
)
def test_stance(text, word, expected):
    assert stance(text, word) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "According to Rami Abdurrahman, head of the Syrian Observatory, troops left.",
            "Rami Abdurrahman, head of the Syrian Observatory",
        ),
        (
            "“We are near,” said rebel commander Hassan Abdel Ghani, adding more.",
            "rebel commander Hassan Abdel Ghani",
        ),
        ("Kurdish-led troops claim to have captured Deir Ezzor.", "Kurdish-led troops"),
        (
            "The war monitor Syrian Observatory for Human Rights (SOHR) said that troops left.",
            "The war monitor Syrian Observatory for Human Rights (SOHR)",
        ),
        (  # a subordinate clause starts a new speaker
            "Rebels entered Hama after the army said it had redeployed outside the city.",
            "the army",
        ),
        ("Troops left Mhardeh because state media said so.", "state media"),
    ],
)
def test_claimant(text, expected):
    cue = next(c for c in find_stance_cues(text) if c.stance == "attributed")
    a, b = find_claimant(text, cue)
    assert text[a:b] == expected


@pytest.mark.parametrize(
    "claimant, side",
    [
        ("the Britain-based war monitor", "neutral"),
        ("Reuters", "neutral"),
        ("state media", "government"),
        ("the defence ministry", "government"),
        ("rebel commander Hassan Abdel Ghani", "opposition"),
        ("Kurdish-led troops", "sdf"),
        ("a man", ""),
    ],
)
def test_claimant_side(claimant, side):
    assert claimant_side(claimant) == side
