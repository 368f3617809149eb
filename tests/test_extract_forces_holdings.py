"""Other states' men, holdings and short forms: general news phrasings (invented sentences).

Each group has positives in varied wording (other towns, actors, tenses) and negatives that
must give nothing or no other side: "Russian units" are Russia's (not the army a rule's
default would name), "the advisers withdrew" names nobody's army, "the fall of X" is no
headline verb, "an official in charge of the file" holds no place.
"""

from __future__ import annotations

import pytest

from syriamap.extract import extract

Row = tuple[str, str, str]


def _rows(text: str, published: str = "2024-12-07") -> set[Row]:
    """(place name, actor, relation) of every claim."""
    return {(a.place_name, a.actor, str(a.relation)) for a in extract(text, published=published)}


# --- 1. another state's men are that state's, never the Syrian army -------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Russian units have pulled out of Ain Issa.", {("Ain Issa", "russia", "withdrew")}),
        ("Russian contingents left Tal Tamr on Friday.", {("Tal Tamr", "russia", "withdrew")}),
        ("Iranian commanders fled Deir ez-Zor.", {("Deir ez-Zor", "iran", "withdrew")}),
        (
            "Iranian military advisers left Albu Kamal overnight.",
            {("Albu Kamal", "iran", "withdrew")},
        ),
        ("US personnel withdrew from Deir ez-Zor.", {("Deir ez-Zor", "united_states", "withdrew")}),
    ],
)
def test_a_states_units_and_advisers_are_that_states(text: str, want: set[Row]) -> None:
    rows = _rows(text)
    assert want <= rows
    assert not any(actor == "government" for _, actor, _ in rows)


@pytest.mark.parametrize(
    "text",
    [
        "The advisers withdrew from Deir ez-Zor.",
        "The contingent had left Hama by Sunday.",
        "Embassy staff evacuated Damascus on Saturday.",
        "UN observers pulled out of Quneitra.",
        "Residents told us units had withdrawn from Hama.",
    ],
)
def test_men_of_no_named_force_give_no_default_withdrawal(text: str) -> None:
    assert _rows(text) == set()


def test_troops_alone_still_default_to_the_army() -> None:
    assert _rows("Troops withdrew from Hama.") == {("Hama", "government", "withdrew")}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The armed forces remain in their positions around Hama.", "government"),
        ("The Syrian armed forces withdrew from Rastan.", "government"),
        ("Turkish armed forces took control of Tal Rifaat.", None),
        ("The Iraqi armed forces withdrew from Albu Kamal.", None),
    ],
)
def test_the_armed_forces_are_the_syrian_army_unless_another_states(
    text: str, want: str | None
) -> None:
    actors = {actor for _, actor, _ in _rows(text)}
    assert "government" not in actors if want is None else actors == {want}


# --- 2. in charge of, gained control in -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The SDF remained in charge of the town of Manbij.", {("Manbij", "sdf", "controls")}),
        ("Druze factions are now in charge of Suwayda.", {("Suwayda", "druze_factions", "controls")}),
        (
            "Rebels have gained control in the villages of Saraqib and Kafr Nabl.",
            {("Saraqib", "opposition", "captured"), ("Kafr Nabl", "opposition", "captured")},
        ),
    ],
)
def test_in_charge_of_and_control_in(text: str, want: set[Row]) -> None:
    assert want <= _rows(text)


@pytest.mark.parametrize(
    "text",
    [
        "The official in charge of the Hama file resigned.",
        "The SDF is no longer in charge of Manbij.",
    ],
)
def test_in_charge_without_a_holder_or_negated_holds_nothing(text: str) -> None:
    assert not any(rel == "controls" for _, _, rel in _rows(text))


# --- 3. plural headline "fall" -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("Rastan and Talbiseh fall without a fight", {"Rastan", "Talbiseh"}),
        ("Hama and Homs fall.", {"Hama", "Homs"}),
        ("Saraqib and Maarat al-Numan fall after a night of clashes", {"Saraqib", "Maarat al-Numan"}),
    ],
)
def test_plural_fall_in_a_headline_is_a_loss(text: str, places: set[str]) -> None:
    lost = {place for place, actor, rel in _rows(text) if (actor, rel) == ("government", "lost")}
    assert lost == places


@pytest.mark.parametrize(
    "text",
    [
        "After the fall, rebels set up checkpoints in Hama.",
        "Aleppo's fall.",
        "Homs braced for the fall of its neighbour.",
        "Prices in Homs fall as winter begins.",
    ],
)
def test_the_noun_fall_is_no_loss(text: str) -> None:
    assert not any(rel == "lost" for _, _, rel in _rows(text))


# --- 4. a share of the holdings, and the towns of a region with examples ----------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Government forces have withdrawn from most of their positions in Quneitra province.",
            {("Quneitra", "government", "withdrew")},
        ),
        (
            "The army pulled back from parts of its outposts in Daraa province.",
            {("Daraa", "government", "withdrew")},
        ),
        (
            "SDF forces remain deployed in the towns of the eastern bank, including Hajin "
            "and Shahil.",
            {("Hajin", "sdf", "controls"), ("Shahil", "sdf", "controls")},
        ),
        (
            "Russian forces have pulled out of outposts in the north-east, including at Ain "
            "Issa and Tal Tamr.",
            {("Ain Issa", "russia", "withdrew"), ("Tal Tamr", "russia", "withdrew")},
        ),
    ],
)
def test_holdings_and_examples_reach_their_places(text: str, want: set[Row]) -> None:
    assert want <= _rows(text)


def test_a_list_after_including_needs_a_plural_place_noun() -> None:
    # "including" after a people noun lists no places of the cue
    rows = _rows("Rebels captured Saraqib, killing many soldiers, including officers from Hama.")
    assert ("Hama", "opposition", "captured") not in rows


# --- 5. crossing into a place is an entry; crossing a border out of Syria is none ------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Israeli troops crossed into the buffer zone on the Golan Heights.",
            ("the buffer zone", "israel", "entered"),
        ),
        ("Rebels crossed into Hama province from Idlib.", ("Hama", "opposition", "entered")),
    ],
)
def test_crossed_into_a_syrian_place_is_an_entry(text: str, want: Row) -> None:
    assert want in _rows(text)


@pytest.mark.parametrize(
    "text",
    [
        "Thousands of refugees crossed into Lebanon.",
        "Soldiers crossed into Iraq through the Al Qaim crossing.",
    ],
)
def test_crossing_out_of_syria_is_no_claim(text: str) -> None:
    assert _rows(text) == set()


def test_the_examples_of_areas_a_holder_governs_are_held() -> None:
    # data/ANNOTATION.md §2: a list in one clause gives one row per place
    text = "The SDF, which governs areas in the east, including Hasakah, rejected the plan."
    assert ("Hasakah", "sdf", "controls") in _rows(text)


def test_crossing_into_a_neighbour_through_a_crossing_is_no_entry_of_the_crossing() -> None:
    text = "Hundreds of Syrian soldiers had crossed into Lebanon through the Masnaa crossing."
    assert _rows(text) == set()


# --- 6. holding ground, leaving it, and the army's euphemisms ---------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Israeli forces were entrenched on Mount Hermon.", ("Mount Hermon", "israel", "controls")),
        ("The SDF dug in around Deir Hafer.", ("Deir Hafer", "sdf", "controls")),
        ("Government troops fortified positions in Mhardeh.", ("Mhardeh", "government", "controls")),
        ("Soldiers left Mezzeh airport.", ("Mezzeh airport", "government", "withdrew")),
        ("Syrian troops have left Rastan.", ("Rastan", "government", "withdrew")),
        (
            "Residents say soldiers have left the town of Rastan.",
            ("Rastan", "government", "withdrew"),
        ),
        (
            "Regime forces began pulling their vehicles and heavy weapons out of Hama.",
            ("Hama", "government", "withdrew"),
        ),
        (
            "Measures were taken to redeploy the units outside Hama.",
            ("Hama", "government", "withdrew"),
        ),
        ("Israel has moved troops into Quneitra.", ("Quneitra", "israel", "entered")),
    ],
)
def test_holding_and_leaving_ground(text: str, want: Row) -> None:
    assert want in _rows(text)


@pytest.mark.parametrize(
    "text",
    [
        "Fighters left 20 dead in Hama.",
        "Troops left behind weapons in Hama.",
        "Assad left Damascus.",
        "Residents fled Homs as troops withdrew.",
    ],
)
def test_left_as_a_toll_a_whereabouts_or_civilians_fleeing_is_no_withdrawal(text: str) -> None:
    assert not any(rel == "withdrew" and place in ("Hama", "Damascus", "Homs")
                   for place, _, rel in _rows(text))


def test_a_default_actor_never_stands_in_when_the_clause_names_another_side() -> None:
    # the subject is Hezbollah's men; the rule's default (the army) would paint Homs wrong
    rows = _rows("Units of Hezbollah's Radwan forces had left Homs.")
    assert not any(actor == "government" for _, actor, _ in rows)


def test_our_forces_take_no_default_side() -> None:
    # the speaker named after a denial does not reach "our forces" yet; the army's
    # default must not stand in (it would deny a government withdrawal from Manbij)
    text = "There is no truth to reports that our forces have left Manbij, the SDF said."
    assert not any(actor == "government" for _, actor, _ in _rows(text))
