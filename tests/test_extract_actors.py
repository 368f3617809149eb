import pytest

from syriamap.extract.actor_mentions import find_actor_mentions


def actors(text):
    return [(m.text, m.actor or m.side) for m in find_actor_mentions(text)]


def test_longest_match_and_acronyms():
    assert actors("Kurdish-led Syrian Democratic Forces and the SDF") == [
        ("Kurdish-led Syrian Democratic Forces", "sdf"),
        ("SDF", "sdf"),
    ]
    assert actors("it is what it is") == []  # "is" is Islamic State only in capitals
    assert actors("IS fighters") == [("IS fighters", "isis")]


def test_adjectival_uses_are_not_actors():
    assert actors("a key military base") == []
    assert actors("the military withdrew") == [("military", "government")]
    # a word of an institution's name
    assert actors("the government's Military Scientific Research Center") == [
        ("government", "government")
    ]
    assert actors("the army's engineering college") == [("army", "government")]


def test_speaker_forces():
    assert actors("our forces entered") == [("our forces", "speaker")]


def test_offsets_with_curly_apostrophes():
    text = "Assad’s forces left"
    (m,) = find_actor_mentions(text, offset=10)
    assert (m.start, m.end, m.actor) == (10, 24, "government")


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("SDF fighters captured Raqqa.", "sdf"),
        ("Kurdish fighters captured Raqqa.", "sdf"),
        ("Tribal fighters captured Mayadin.", "other"),
        ("IS militants captured Palmyra.", "isis"),
        ("Regime troops captured Hama.", "government"),
        ("Government troops captured Hama.", "government"),
        ("HTS militants stormed Hama.", "hts_coalition"),
        ("Hezbollah fighters withdrew from Qusayr.", "hezbollah"),
        ("Fighters captured Hama.", "opposition"),
    ],
)
def test_specific_actor_before_a_generic_head(text, actor):
    from syriamap.extract import extract

    assert {a.actor for a in extract(text, published="2024-12-08")} == {actor}


def test_every_actor_pattern_passes_the_word_gate():
    # a row whose words the cheap gate does not know would never be tried
    import csv

    from syriamap.data import path
    from syriamap.extract.actor_mentions import _PATTERN_WORDS

    with path("lexicon/actor_patterns.csv").open(encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if not r["actor"].startswith("#")]
    assert rows
    for row in rows:
        assert any(w in row["pattern"].lower() for w in _PATTERN_WORDS), row["pattern"]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("the HTS-dominated caretaker government", "hts_coalition"),
        ("the caretaker government", "hts_coalition"),
        ("Syria's transitional government", "hts_coalition"),
        ("the interim authorities", "hts_coalition"),
        ("the Salvation Government in Idlib", "hts_coalition"),
        ("the Syrian government", "government"),
        ("the government of Bashar al-Assad", "government"),
    ],
)
def test_the_post_assad_government_is_not_assads(text, actor):
    found = [m.actor for m in find_actor_mentions(text) if m.actor]
    assert found and found[-1] == actor
