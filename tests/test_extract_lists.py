"""Lists of places and the names inside them, each rule tested on invented sentences.

- the examples of a list ("key towns such as X, Y and Z", "places like X") are read with
  the spellings only the phonetic key finds, as after "in" or "seized";
- "the X area" names X even when only the phonetic key finds X ("the Tal Rifat area");
- of several places of the kind a list's kind word asks for ("villages, including X and
  Y"), the one beside another place the text names wins over the largest.
"""

from __future__ import annotations

import pytest

from syriamap.extract import extract
from syriamap.extract.document import document_from_text
from syriamap.extract.pipeline import analyse
from syriamap.gazetteer import Gazetteer


def found(text, published="2024-12-12"):
    """The claims of a text as (place id, actor, relation, stance)."""
    return {
        (a.place_id, a.actor, str(a.relation), str(a.stance))
        for a in extract(text, published=published)
    }


def pid(name, **kw):
    return Gazetteer.default().best(name, **kw).place_id


def mentions(text):
    return {
        m.text: m.place_id
        for m in analyse(document_from_text(text), published="2024-12-12").mentions
    }


@pytest.mark.parametrize("opener", ["such as", "like"])
def test_examples_of_a_list_are_read_with_key_spellings(opener):
    # "Maarat al-Numan" is no alias; only the phonetic key links it
    text = f"Insurgents seized several key towns {opener} Maarat al-Numan and Kafr Nabl."
    got = found(text)
    assert (pid("Maarat al-Numan", kind="town"), "opposition", "captured", "asserted") in got
    assert (pid("Kafr Nabl"), "opposition", "captured", "asserted") in got


def test_area_after_the_names_the_place():
    got = mentions("On Monday the SNA seized the Tel Rifat area from Kurdish fighters.")
    assert got.get("Tel Rifat") == pid("Tell Rifaat")


def test_area_word_needs_a_name_the_key_links():
    # "Kurdish" and "Border" are no places: nothing is invented
    got = mentions("Fighters moved into the Kurdish area and the Border region on Monday.")
    assert not [n for n in got if n.startswith(("Kurdish", "Border"))]


def test_village_list_picks_the_namesake_beside_its_neighbour():
    text = (
        "The SDF pushed into Deir ez-Zor province, taking nine villages, including "
        "Mazloum and Al-Husseiniya."
    )
    husayniyah = mentions(text)["Al-Husseiniya"]
    place = Gazetteer.default().get(husayniyah)
    assert place.admin1 == "Deir ez-Zor"


def test_village_cue_alone_keeps_the_largest():
    # no other place named near any Husayniyah: the cue's kind, the largest of them
    got = mentions("Rebels captured the village of Al-Husseiniya.")
    assert got["Al-Husseiniya"]
