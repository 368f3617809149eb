"""Claims an article repeats: descriptors chained over a long passage, two verbs on one
place, and the later sentences' own wordings (invented sentences, data/ANNOTATION.md §1)."""

from __future__ import annotations

import pytest

from syriamap.extract.document import document_from_text
from syriamap.extract.pipeline import analyse

SAT = "2024-12-07"


def triples(text: str) -> set[tuple[str, str, str]]:
    """The claims of ``text`` as (place name, actor, relation)."""
    analysis = analyse(document_from_text(text), published=SAT, source_id="repeats")
    return {(a.place_name, a.actor, str(a.relation)) for a in analysis.assertions()}


def places(text: str) -> set[tuple[str, str, str]]:
    """The claims of ``text`` as (place id, actor, relation)."""
    analysis = analyse(document_from_text(text), published=SAT, source_id="repeats")
    return {(a.place_id, a.actor, str(a.relation)) for a in analysis.assertions()}


IDLIB = "wof:890432567"
HAMA = "wof:421202161"
LATAKIA = "wof:1125980503"

# ---- "the city ... the city": a descriptor resolved through the one before it ----


def test_the_city_chains_over_a_long_passage() -> None:
    text = (
        "Rebels captured the city of Idlib on Monday. Residents fled the city. Shops closed. "
        "Prices rose. Schools shut. Power was cut across the city. Later, rebels entered "
        "the city centre."
    )
    assert (IDLIB, "opposition", "entered") in places(text)


def test_the_city_chain_stops_at_another_city() -> None:
    text = (
        "Rebels captured the city of Idlib on Monday. Residents fled the city. Shops closed "
        "in Latakia. Prices rose. Schools shut. Power was cut across the city. Later, rebels "
        "entered the city."
    )
    got = places(text)
    assert (IDLIB, "opposition", "entered") not in got
    assert (LATAKIA, "opposition", "entered") in got


def test_the_city_chain_needs_one_city_in_play() -> None:
    text = (
        "Rebels captured Idlib and Hama on Monday. Residents fled the city. Shops closed. "
        "Prices rose. Schools shut. Power was cut. Later, rebels entered the city."
    )
    got = places(text)
    assert not any(r == "entered" for _p, _a, r in got), got


def test_no_descriptor_without_a_city_named() -> None:
    assert triples("Rebels entered the city on Monday. Later they stormed the town.") == set()


# ---- two coordinated verbs share their object ----


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Rebels entered and liberated Idlib.", {"entered", "captured"}),
        (
            "Insurgents stormed into and then seized the town of Saraqib on Monday.",
            {"entered", "captured"},
        ),
        (
            '"Our forces entered and captured several neighbourhoods in the city of Hama," '
            "a rebel commander said.",
            {"entered", "captured"},
        ),
    ],
)
def test_coordinated_verbs(text: str, want: set[str]) -> None:
    assert {r for _p, a, r in triples(text) if a == "opposition"} >= want


def test_coordinated_verbs_need_the_same_subject() -> None:
    got = triples("Government troops withdrew and rebels captured Idlib.")
    assert ("Idlib", "opposition", "captured") in got
    assert ("Idlib", "government", "captured") not in got


# ---- wordings of later sentences ----


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The army lost all control of Idlib on Sunday.", ("Idlib", "government", "lost")),
        ("Government forces lost full control over Saraqib.", ("Saraqib", "government", "lost")),
        ("Rebels fanned out across Idlib on Monday.", ("Idlib", "opposition", "entered")),
        (
            "Hundreds of insurgents spread out through Saraqib.",
            ("Saraqib", "opposition", "entered"),
        ),
        ("Thousands of rebels entered Raqqa.", ("Raqqa", "opposition", "entered")),
        (
            "Footage showed rebel fighters at key locations across Idlib, including the citadel.",
            ("Idlib", "opposition", "entered"),
        ),
        ("Rebels declared Idlib free on Sunday.", ("Idlib", "opposition", "captured")),
        (
            'Insurgents proclaimed the capital "liberated".',
            ("the capital", "opposition", "captured"),
        ),
    ],
)
def test_later_wordings(text: str, want: tuple[str, str, str]) -> None:
    assert want in triples(text)


@pytest.mark.parametrize(
    ("text", "forbidden"),
    [
        ("The army lost all control of Idlib on Sunday.", ("Idlib", "government", "controls")),
        ("Rebels fired at key sites in Idlib.", ("Idlib", "opposition", "entered")),
        ("Residents spread out across Idlib to celebrate.", ("Idlib", "opposition", "entered")),
        ("The rebels declared a curfew in Idlib.", ("Idlib", "opposition", "captured")),
        (
            "Hundreds of residents of Idlib fled as rebels advanced.",
            ("Idlib", "opposition", "entered"),
        ),
    ],
)
def test_later_wordings_negatives(text: str, forbidden: tuple[str, str, str]) -> None:
    assert forbidden not in triples(text)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Rebels later advanced south, towards the city of Hama.",
            ("Hama", "opposition", "advancing"),
        ),
        ("Insurgents pushed rapidly, towards Homs.", ("Homs", "opposition", "advancing")),
        (
            "It was the first time Idlib had been attacked by rebel groups since 2016.",
            ("Idlib", "opposition", "contested"),
        ),
        (
            "Rebels attacked Idlib on Monday. It was the first time the city had been attacked "
            "by militants since 2016.",
            ("the city", "opposition", "contested"),
        ),
    ],
)
def test_advance_and_attack_wordings(text: str, want: tuple[str, str, str]) -> None:
    assert want in triples(text)


@pytest.mark.parametrize(
    "text",
    [
        "Rebels advanced in Idlib, towards the end of the week.",
        "Saraqib was attacked by government warplanes on Monday.",
        "Saraqib was attacked by Syrian and Russian war planes.",
        "The convoy was attacked by rebels near Hama.",
    ],
)
def test_advance_and_attack_negatives(text: str) -> None:
    got = triples(text)
    assert not any(r in ("advancing", "contested") for _p, _a, r in got), got


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "After fierce clashes, the rebels took the city center of Idlib from regime forces.",
            (IDLIB, "opposition", "captured"),
        ),
        (
            "In Idlib, anti-regime forces took control of the provincial center on Saturday.",
            (IDLIB, "opposition", "captured"),
        ),
        (
            "Rebels pushed into Idlib province. They took control of the provincial centre later.",
            (IDLIB, "opposition", "captured"),
        ),
    ],
)
def test_city_and_provincial_centre(text: str, want: tuple[str, str, str]) -> None:
    assert want in places(text)


def test_provincial_centre_needs_a_seat_named() -> None:
    got = places("Rebels reached Saraqib. They took control of the provincial centre on Saturday.")
    assert not any(r == "captured" for _p, _a, r in got), got


def test_centre_of_an_unnamed_town_is_nothing() -> None:
    assert triples("Rebels took the center of the town.") == set()


def test_a_town_the_article_calls_a_city_is_the_city() -> None:
    text = (
        "Rebels announced control over the strategic city of Saraqib. Monitors said rebels "
        "captured the city on Saturday."
    )
    assert ("the city", "opposition", "captured") in triples(text)


@pytest.mark.parametrize(
    "text",
    [
        "Rebels announced control over the town of Saraqib. Monitors said rebels captured "
        "the city on Saturday.",
        "Rebels announced control over Saraqib. Monitors said rebels captured the city on "
        "Saturday.",
    ],
)
def test_a_town_is_not_the_city(text: str) -> None:
    assert ("the city", "opposition", "captured") not in triples(text)


@pytest.mark.parametrize(
    "text",
    [
        "Rebels have seized significant territory in Idlib, including the airport.",
        "Rebels seized territory in Idlib on Monday.",
        "Insurgents seized large swathes of territory in Idlib.",
    ],
)
def test_territory_in_a_place(text: str) -> None:
    assert ("Idlib", "opposition", "captured") in triples(text)


def test_territory_taken_from_someone_near_a_place_is_not_the_place() -> None:
    assert triples("Rebels seized territory from the army near Saraqib.") == set()


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "The region of Qusayr, where Hezbollah used to maintain a presence, was also seized "
            "by the opposition.",
            ("Qusayr", "opposition", "captured"),
        ),
        (
            "Hama, a city of a million people in central Syria, was captured by rebels.",
            ("Hama", "opposition", "captured"),
        ),
        (
            "Saraqib, which sits on the main highway, fell to rebels.",
            ("Saraqib", "opposition", "captured"),
        ),
    ],
)
def test_inserted_clause_before_a_passive_cue(text: str, want: tuple[str, str, str]) -> None:
    assert want in triples(text)


@pytest.mark.parametrize(
    "text",
    [
        "Idlib, where rebels are based, was hit by airstrikes.",
        "Idlib, which rebels say they will defend, was bombed by Russian jets.",
    ],
)
def test_inserted_clause_without_a_cue_is_nothing(text: str) -> None:
    assert not any(r == "captured" for _p, _a, r in triples(text))


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Troops withdrew from the base before the capture of Latakia by rebels.",
            ("Latakia", "opposition", "captured"),
        ),
        (
            "The army withdrew from the base before the fall of Latakia.",
            ("Latakia", "government", "lost"),
        ),
        (
            "Government forces had left the airport before the seizure of Tartus by insurgents.",
            ("Tartus", "opposition", "captured"),
        ),
    ],
)
def test_before_a_past_nominal_event(text: str, want: tuple[str, str, str]) -> None:
    assert want in triples(text)


@pytest.mark.parametrize(
    "text",
    [
        # no agent: the army, the main subject, did not capture it
        "A war monitor said that the army had abandoned the airport before the capture of Latakia.",
        "It was only a matter of time before the capture of Latakia by rebels.",
        "It was only a matter of time before the fall of Latakia.",
        "The army will hold out before the fall of Latakia.",
    ],
)
def test_before_a_nominal_event_negatives(text: str) -> None:
    got = triples(text)
    assert not any(p == "Latakia" and r in ("captured", "lost") for p, _a, r in got), got


# --- after a blind measurement: "the city" and the suburbs of a city ----------------------


def test_the_city_is_the_one_city_named_before_in_its_sentence() -> None:
    text = (
        "Rebels seized Tartus on Friday. Tartus fell quickly. Residents of Tartus celebrated. "
        "On Sunday morning, they entered the Syrian capital of Damascus, while the army "
        "withdrew from the city."
    )
    got = places(text)
    assert ("wof:421202165", "government", "withdrew") in got
    assert ("wof:890449825", "government", "withdrew") not in got


def test_the_city_keeps_the_passage_when_its_sentence_names_two_places() -> None:
    text = (
        "Rebels seized Tartus on Friday. Tartus fell quickly. The army, pushed out of Homs "
        "and Hama, withdrew from the city on Sunday."
    )
    got = {(pid, rel) for pid, _actor, rel in places(text) if rel == "withdrew"}
    assert ("wof:421202165", "withdrew") not in got


def test_withdrawing_from_the_suburbs_of_a_city_is_no_withdrawal_from_the_city() -> None:
    for text in (
        "Government forces have withdrawn from several suburbs of Damascus, the monitor said.",
        "The army pulled back from the outskirts of Hama on Tuesday.",
        "Regime troops withdrew from the suburbs of Homs, including Talbiseh.",
    ):
        got = {(name, rel) for name, _actor, rel in triples(text)}
        assert not any(name in ("Damascus", "Hama", "Homs") for name, _ in got), text


def test_the_suburbs_named_in_a_withdrawal_keep_their_claims() -> None:
    text = "The army withdrew from the Damascus suburbs of Jaramana and Qudsaya."
    got = {(name, rel) for name, _actor, rel in triples(text)}
    assert ("Jaramana", "withdrew") in got and ("Qudsaya", "withdrew") in got
