"""Source and Assertion value objects: validation, ids, repr."""

import datetime as dt

import pytest

from syriamap.assertions import (
    ASSERTION_FIELDS,
    SOURCE_FIELDS,
    Assertion,
    DatePrecision,
    PlacePrecision,
    Relation,
    Source,
    Stance,
)
from syriamap.errors import DataError, InvalidDateError, UnknownActorError, VocabularyError

QUOTE = "opposition fighters infiltrated the town of Kanaker"


def make(**over):
    fields = dict(
        source_id="000_24d4a9f86796abdb",
        place_id="wof:1",
        place_name="Kanaker",
        actor="opposition",
        relation="entered",
        stance="asserted",
        event_date="2024-12-07",
        quote=QUOTE,
        start=100,
        end=100 + len(QUOTE),
    )
    fields.update(over)
    return Assertion(**fields)


def test_vocabularies_keep_their_stable_ids():
    assert [r.value for r in Relation] == [
        "captured",
        "controls",
        "entered",
        "encircled",
        "advancing",
        "withdrew",
        "contested",
        "lost",
    ]
    assert [s.value for s in Stance] == ["asserted", "attributed", "denied", "unverified"]
    assert {p.value for p in DatePrecision} == {"day", "days", "week", "month", "year", "published"}
    assert {p.value for p in PlacePrecision} == {"place", "near", "region"}


def test_assertion_coerces_vocabularies_and_dates():
    a = make(relation="Entered", stance=Stance.ASSERTED)
    assert a.relation is Relation.ENTERED
    assert a.stance is Stance.ASSERTED
    assert a.event_date == dt.date(2024, 12, 7)
    assert a.date_precision is DatePrecision.DAY
    assert a.place_precision is PlacePrecision.PLACE
    assert a.method == "manual" and a.confidence == 1.0


@pytest.mark.parametrize(
    ("field", "value", "listed"),
    [
        ("relation", "seized", "captured"),
        ("stance", "claimed", "asserted"),
        ("date_precision", "hour", "published"),
        ("place_precision", "exact", "near"),
        ("claimant_side", "rebels", "neutral"),
    ],
)
def test_bad_vocabulary_lists_valid_values(field, value, listed):
    with pytest.raises(VocabularyError) as info:
        make(**{field: value})
    assert listed in str(info.value)
    assert listed in info.value.allowed


@pytest.mark.parametrize(
    "over",
    [
        {"quote": "   ", "start": 0, "end": 3},
        {"quote": "", "start": 0, "end": 1},
        {"start": 10, "end": 10, "quote": "x"},
        {"start": 20, "end": 10},
        {"start": -1, "end": len(QUOTE) - 1},
        {"start": 0, "end": 5},  # length does not match the quote
        {"confidence": 1.5},
        {"confidence": -0.1},
        {"confidence": "high"},
        {"start": "ten"},
        {"place_id": ""},
        {"actor": " "},
        {"assertion_id": "a000000000000"},
    ],
)
def test_invalid_assertions_raise_data_error(over):
    with pytest.raises(DataError):
        make(**over)


def test_actor_must_be_a_lexicon_id():
    with pytest.raises(UnknownActorError) as info:
        make(actor="rebels")
    assert info.value.suggestions == ("opposition",)
    with pytest.raises(UnknownActorError):
        make(actor="martians")


def test_bad_event_date():
    with pytest.raises(InvalidDateError):
        make(event_date="7 December")


def test_assertion_id_is_stable_and_derived_from_key_fields():
    a = make()
    assert a.assertion_id == Assertion.make_id(
        a.source_id, a.start, a.end, a.place_id, a.actor, "entered", "asserted"
    )
    assert a.assertion_id.startswith("a") and len(a.assertion_id) == 13
    assert make().assertion_id == a.assertion_id
    assert make(stance="attributed").assertion_id != a.assertion_id
    # the explicit, matching id is accepted
    assert make(assertion_id=a.assertion_id) == a


def test_assertion_is_frozen_and_hashable():
    a = make()
    with pytest.raises(AttributeError):
        a.actor = "government"  # type: ignore[misc]
    assert len({a, make()}) == 1


def test_row_round_trip():
    a = make(
        note='he said "yes", then\nleft',
        claimant="SOHR",
        claimant_side="neutral",
        confidence=0.75,
        date_precision="days",
        place_precision="near",
    )
    row = a.to_row()
    assert tuple(row) == ASSERTION_FIELDS
    assert row["event_date"] == "2024-12-07" and row["relation"] == "entered"
    assert Assertion.from_row(row) == a
    # empty confidence in a CSV row means 1.0
    assert Assertion.from_row({**row, "confidence": ""}).confidence == 1.0


def test_short_repr_and_escaped_html():
    q = "<script>alert('x')</script> & co"
    a = make(quote=q, start=0, end=len(q))
    text = repr(a)
    assert text.startswith("<Assertion a") and "opposition entered Kanaker" in text
    assert "\n" not in text and len(text) < 120
    page = a._repr_html_()
    assert "<script>" not in page
    assert "&lt;script&gt;" in page and "&amp; co" in page


def test_verify_quote():
    text = "x" * 100 + QUOTE + " more"
    assert make().verify_quote(text)
    assert not make().verify_quote(text[1:])


def test_source_from_text_hashes_and_derives_id():
    s = Source.from_text("Rebels took Hama.", publisher="Example", published="2024-12-05")
    assert len(s.content_hash) == 64
    assert s.source_id == s.content_hash[:16]
    assert s.published == dt.date(2024, 12, 5)
    assert repr(s) == f"<Source {s.source_id} Example 2024-12-05>"
    assert Source.from_text(b"Rebels took Hama.").content_hash == s.content_hash


def test_source_validation():
    with pytest.raises(DataError):
        Source(publisher="nobody")  # neither id nor hash
    with pytest.raises(DataError):
        Source(source_id="x", content_hash="not-hex")
    with pytest.raises(InvalidDateError):
        Source(source_id="x", published="yesterday")
    s = Source(source_id="x", published=None, url=None)
    assert s.published is None and s.url == ""


def test_source_row_round_trip_and_html():
    s = Source(
        source_id="s1",
        publisher="A & B <News>",
        published="2024-12-08",
        title='Rebels, "quoted"',
        date_note="",
    )
    row = s.to_row()
    assert tuple(row) == SOURCE_FIELDS
    assert Source.from_row(row) == s
    assert "A &amp; B &lt;News&gt;" in s._repr_html_()
