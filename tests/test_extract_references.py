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
QUSAYR = "wof:421178435"


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


HOMS = "wof:421168647"
HAMA = "wof:421202161"
IDLIB_GOV = "wof:85678373"
MANBIJ = "wof:1141906291"


@pytest.mark.parametrize(
    ("text", "place_id"),
    [
        (
            "Rebels launched an assault in Homs province on Tuesday, retaking the provincial "
            "capital from government troops.",
            HOMS,
        ),
        (
            "Opposition fighters began an offensive in Hama province, seizing the provincial "
            "capital within hours.",
            HAMA,
        ),
    ],
)
def test_provincial_capital_after_operation_in_province(text: str, place_id: str) -> None:
    assert ("the provincial capital", place_id, "opposition") in claims(text)


@pytest.mark.parametrize(
    ("text", "place_id", "actor"),
    [
        (
            "A source close to HTS said the group now controls all of Idlib province.",
            IDLIB_GOV,
            "hts_coalition",
        ),
        (
            "A spokesman for the Syrian National Army said the faction had captured Manbij.",
            MANBIJ,
            "sna",
        ),
        (
            "A source close to the SDF said the group had withdrawn from Manbij.",
            MANBIJ,
            "sdf",
        ),
        (
            "HTS fighters took Saraqeb on Monday. The militia now controls all of Idlib province.",
            IDLIB_GOV,
            "hts_coalition",
        ),
        (
            # a reporter who "told" a named outlet; "the party" after its reporter
            "Sources close to Hezbollah told The Ledger that the party had withdrawn its "
            "units from Qusayr on Saturday night.",
            QUSAYR,
            "hezbollah",
        ),
        (
            "A source close to HTS told AFP the group now holds Manbij.",
            MANBIJ,
            "hts_coalition",
        ),
        (
            # the outlet after "confirmed to" / "said to" is no group of its own
            "A source close to HTS confirmed to North Press that the group now holds Manbij.",
            MANBIJ,
            "hts_coalition",
        ),
        (
            "A spokesman for the SDF said to reporters that the militia had left Manbij.",
            MANBIJ,
            "sdf",
        ),
    ],
)
def test_the_group_is_the_one_group_named(text: str, place_id: str, actor: str) -> None:
    assert [c[2] for c in claims(text) if c[1] == place_id] == [actor]


@pytest.mark.parametrize(
    "text",
    [
        # two groups named before: no sure antecedent
        "A source close to HTS and the SNA said the group now controls all of Idlib province.",
        # a state's forces are never "the group"
        "An army officer said the group had entered Saraqeb.",
    ],
)
def test_the_group_without_one_group_named(text: str) -> None:
    assert claims(text) == set()


def test_the_party_is_no_previous_subject() -> None:
    # "the party" is read only after its reporter, never as the previous sentence's group
    text = "Southern factions took Daraa on Friday. The party withdrew from Qusayr on Saturday."
    assert "southern_factions" not in {actor for _, _, actor in _ids(text, QUSAYR)}
