"""References to places and groups named earlier (invented sentences).

"the northern Syrian city" stands for the one city of that kind just named that lies in that
part of the country; "the provincial capital" for the capital of the province just named;
"the group" for the one armed group the sentence or the one before names.
"""

from __future__ import annotations

import pytest

from syriamap.extract.document import document_from_text
from syriamap.extract.pipeline import analyse


def claims(text: str, published: str = "2024-12-07") -> set[tuple[str, str, str]]:
    """The claims of ``text`` as (mention text, place id, actor)."""
    analysis = analyse(document_from_text(text), published=published, source_id="refs")
    return {(a.place_name, a.place_id, a.actor) for a in analysis.assertions()}


def _ids(text: str, place_id: str) -> list[tuple[str, str, str]]:
    return [c for c in claims(text) if c[1] == place_id]


RAQQA = "wof:421172833"
DARAA = "wof:421197257"
LATAKIA = "wof:1125980503"


@pytest.mark.parametrize(
    ("text", "place_id", "actor"),
    [
        (
            "Kurdish-led fighters were seen patrolling Raqqa, one day after seizing the "
            "northern Syrian city.",
            RAQQA,
            "sdf",
        ),
        (
            "Rebels entered Daraa on Monday, a day after encircling the southern city.",
            DARAA,
            "opposition",
        ),
        (
            "Government troops retook Latakia, hours after losing the coastal city.",
            LATAKIA,
            "government",
        ),
    ],
)
def test_direction_descriptor_points_back(text: str, place_id: str, actor: str) -> None:
    got = [c for c in claims(text) if c[1] == place_id and c[0].lower().startswith("the ")]
    assert got and all(c[2] == actor for c in got)


@pytest.mark.parametrize(
    "text",
    [
        # the direction does not fit the one city named
        "Rebels entered Daraa on Monday, a day after encircling the northern city.",
        # two northern cities named before: no sure antecedent
        "Rebels entered Idlib and Aleppo on Monday, a day after encircling the northern city.",
        # indefinite: no reference back
        "Rebels were seen in Homs, one day after seizing a northern Syrian city.",
    ],
)
def test_direction_descriptor_no_claim(text: str) -> None:
    assert not [c for c in claims(text) if c[0].lower().startswith(("the ", "a "))]
