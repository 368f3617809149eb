"""A foiled attempt to advance is no advance (invented sentences).

"Rebels attempted to advance towards X" is an advance all the same (data/ANNOTATION.md);
"the army thwarted an attempt by the rebels to advance towards X" tells that they did not
advance: failure is no claim.
"""

from __future__ import annotations

import pytest

from syriamap import extract


def _advancing(text: str) -> set[str]:
    return {
        c.place_name for c in extract(text, published="2024-12-07") if c.relation == "advancing"
    }


@pytest.mark.parametrize(
    "text",
    [
        "Army units thwarted an attempt by the rebels to advance towards the villages of "
        "Hatla and Marrat.",
        "Troops repulsed an attempt by ISIS fighters to move towards Palmyra.",
        "Kurdish fighters foiled an Islamic State attempt to advance on Hasakah.",
    ],
)
def test_foiled_attempt_is_no_advance(text):
    assert _advancing(text) == set()


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Rebels attempted to advance towards Hama.", "Hama"),
        ("The army thwarted an attempt in Homs, while rebels advanced towards Hama.", "Hama"),
        (
            "The SDF tried to advance toward Raqqa after the army repelled an attack in Homs.",
            "Raqqa",
        ),
        (
            "After the army repelled an attack near Homs, rebels attempted to advance "
            "towards Hama.",
            "Hama",
        ),
    ],
)
def test_attempt_to_advance_is_an_advance(text, place):
    assert place in _advancing(text)
