"""The actor lexicon: schema, aliases, colours."""

import re

import pytest

from syriamap.actors import SIDE_COLOURS, SIDES, actors, alias_index, get_actor, side_colour
from syriamap.errors import UnknownActorError, VocabularyError

REQUIRED = [
    "government",
    "opposition",
    "hts_coalition",
    "southern_factions",
    "druze_factions",
    "sna",
    "sdf",
    "isis",
    "israel",
    "russia",
    "turkey",
    "hezbollah",
    "other",
]


def test_sides_are_the_contract_sides():
    assert set(SIDES) == {"government", "opposition", "sdf", "isis", "israel", "foreign", "other"}
    assert set(SIDE_COLOURS) == set(SIDES)
    assert len(set(SIDE_COLOURS.values())) == len(SIDES)


@pytest.mark.parametrize("actor_id", REQUIRED)
def test_required_actor_ids_exist(actor_id):
    assert actors()[actor_id].id == actor_id


@pytest.mark.parametrize("actor", sorted(actors().values(), key=lambda a: a.id), ids=lambda a: a.id)
def test_every_actor_row_is_valid(actor):
    assert actor.side in SIDES
    assert re.fullmatch(r"#[0-9A-F]{6}", actor.colour)
    assert actor.name and actor.aliases
    if actor.parent:
        assert actors()[actor.parent].side == actor.side
    for alias in actor.aliases:
        assert alias == alias.lower().strip()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("rebels", "opposition"),
        ("insurgents", "opposition"),
        ("opposition fighters", "opposition"),
        ("anti-regime forces", "opposition"),
        ("Islamist-led coalition", "hts_coalition"),
        ("Islamist-led alliance", "hts_coalition"),
        ("Islamist-led rebels", "hts_coalition"),
        ("HTS", "hts_coalition"),
        ("Hayat Tahrir al-Sham", "hts_coalition"),
        ("Military Operations Command", "hts_coalition"),
        ("regime forces", "government"),
        ("Syrian army", "government"),
        ("government forces", "government"),
        ("government troops", "government"),
        ("Assad's forces", "government"),
        ("Assad\u2019s forces", "government"),
        ("Syrian troops", "government"),
        ("the Syrian Arab Army", "government"),
        ("Kurdish-led forces", "sdf"),
        ("Kurdish-led troops", "sdf"),
        ("SDF", "sdf"),
        ("YPG", "sdf"),
        ("local factions", "southern_factions"),
        ("southern factions", "southern_factions"),
        ("Druze factions", "druze_factions"),
        ("Druze militias", "druze_factions"),
        ("Islamic State", "isis"),
        ("IS", "isis"),
        ("ISIL", "isis"),
        ("Daesh", "isis"),
        ("Israeli army", "israel"),
        ("IDF", "israel"),
        ("SNA", "sna"),
        ("Turkish-backed", "sna"),
        ("Hezbollah", "hezbollah"),
        ("sdf", "sdf"),
        ("hts_coalition", "hts_coalition"),
    ],
)
def test_press_names_resolve(name, expected):
    assert get_actor(name).id == expected


def test_aliases_are_unique_across_actors():
    index = alias_index()
    seen = {}
    for actor in actors().values():
        for alias in actor.aliases:
            assert seen.setdefault(alias, actor.id) == actor.id, alias
            assert index[alias] == actor.id


def test_unknown_actor_has_suggestions():
    with pytest.raises(UnknownActorError) as info:
        get_actor("rebel forcez")
    assert "rebel forces" in info.value.suggestions
    assert isinstance(info.value, LookupError)


def test_finer_actors_are_shades_of_their_side():
    def hue_close(a, b):
        ra, ga, ba = (int(a[i : i + 2], 16) for i in (1, 3, 5))
        rb, gb, bb = (int(b[i : i + 2], 16) for i in (1, 3, 5))
        # same dominant channel ordering = same colour family
        return sorted(range(3), key=lambda i: (ra, ga, ba)[i]) == sorted(
            range(3), key=lambda i: (rb, gb, bb)[i]
        )

    for actor in actors().values():
        if actor.parent and actor.side != "isis":
            assert hue_close(actor.colour, side_colour(actor.side)), actor.id


def test_side_colour():
    assert side_colour("government") == "#D55E00"
    with pytest.raises(VocabularyError):
        side_colour("rebels")
