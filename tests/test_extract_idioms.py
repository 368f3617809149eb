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
        ("Saraqib has been cleared of terrorists.", ("Saraqib", "government", "captured")),
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
