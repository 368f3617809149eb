"""State-media and press idioms (invented sentences, not from any article)."""

import pytest

from syriamap.extract import extract
from syriamap.gazetteer import Gazetteer


def found(text, published="2024-12-08"):
    g = Gazetteer.default()
    return {
        (g.get(a.place_id).name, a.actor, str(a.relation))
        for a in extract(text, published=published)
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Army units restored security and stability to Hama.", ("Hama", "government", "captured")),
        (
            "Security and stability were restored to Homs. Units restored calm to Hama.",
            ("Hama", "government", "captured"),
        ),
        ("Troops restored state control over Homs.", ("Homs", "government", "captured")),
        ("The state reimposed its authority over Saraqib.", ("Saraqib", "government", "captured")),
        ("Rebels restored control over Hama.", ("Hama", "opposition", "captured")),
        ("Saraqib returned to the embrace of the state.", ("Saraqib", "government", "captured")),
        ("Homs has returned to state control.", ("Homs", "government", "captured")),
        ("Rebels were massing around Hama.", ("Hama", "opposition", "advancing")),
        ("The army massed troops near Idlib on Monday.", ("Idlib", "government", "advancing")),
        ("Government forces cleared Homs of terrorists.", ("Homs", "government", "captured")),
        (
            "Soldiers cleared the town of Saraqib of all remaining militants.",
            ("Saraqib", "government", "captured"),
        ),
        # with no agent the side is the outlet's ("terrorists" are the rebels in Damascus's
        # usage, the YPG in Ankara's): the agent must be named (2026-12-03, fourth session)
        (
            "Saraqib has been cleared of terrorists by the army.",
            ("Saraqib", "government", "captured"),
        ),
        ("Hama is now free of rebels.", ("Hama", "opposition", "lost")),
        ("Rebels raised the flag over Hama.", ("Hama", "opposition", "captured")),
        (
            "Rebels entered Hama on Monday and the flag was raised over Homs.",
            ("Homs", "opposition", "captured"),
        ),
    ],
)
def test_idiom(text, expected):
    assert expected in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Residents said the flag was raised over Hama.",
        "Displaced families returned to Hama.",
        "Protesters gathered near Homs.",
        "The court cleared Hama officials of corruption.",
    ],
)
def test_idiom_lookalikes_give_nothing(text):
    assert not {r for _n, _a, r in found(text) if r in ("captured", "advancing", "lost")}


def full(text, published="2024-12-08"):
    g = Gazetteer.default()
    return {
        (g.get(a.place_id).name, a.actor, str(a.relation), str(a.stance), a.claimant)
        for a in extract(text, published=published)
    }


@pytest.mark.parametrize(
    ("text", "place", "claimant"),
    [
        (
            "The defence ministry denied withdrawing from Hama, saying its forces were present "
            "in all its neighbourhoods.",
            "Hama",
            "The defence ministry",
        ),
        (
            "The army denied that troops had withdrawn from Homs, saying they remained in full "
            "control of the city.",
            "Homs",
            "The army",
        ),
    ],
)
def test_positive_half_of_a_denial(text, place, claimant):
    got = full(text)
    assert (place, "government", "withdrew", "denied", claimant) in got
    assert (place, "government", "controls", "attributed", claimant) in got


def test_denial_without_a_positive_half_claims_no_control():
    got = full("The ministry denied withdrawing from Hama, saying the reports were false.")
    assert not {r for _p, _a, r, _s, _c in got if r == "controls"}
