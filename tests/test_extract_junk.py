"""Junk is refused at the door: files with no text, binary files and badly typed metadata
are bad files (one DataError naming file and key), never sources; control and bidi
characters read as spaces while quotes stay verbatim."""

from __future__ import annotations

import json
import warnings

import pytest

from syriamap.cli import main
from syriamap.errors import DataError
from syriamap.extract import document as D
from syriamap.extract import extract

ARTICLE = "Rebels seized Hama on Thursday, a monitor said.\n"


@pytest.mark.parametrize(
    ("raw", "needle"),
    [
        (b"", "no text"),
        (b" \n\t\r\n  ", "no text"),
        (b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00" + bytes(range(256)) * 4, "NUL bytes"),
        (b"Rebels seized Hama\x00 on Thursday.", "NUL bytes"),
        (bytes(range(1, 9)) * 200 + b"Hama", "control characters"),
        (b"1234 5678 -- 90 ... !!", "not a single letter"),
    ],
    ids=["empty", "blank", "elf", "nul", "controls", "no-letter"],
)
def test_no_text_is_a_bad_file(raw, needle, tmp_path):
    f = tmp_path / "junk.txt"
    f.write_bytes(raw)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # refused with one error, not warnings as well
        with pytest.raises(DataError, match=needle) as info:
            D.read_document(f)
    assert str(info.value).startswith(str(f))


def test_utf16_with_bom_is_text(tmp_path):
    f = tmp_path / "u16.txt"
    f.write_bytes(ARTICLE.encode("utf-16"))  # with its BOM
    assert D.read_document(f).text.startswith("Rebels seized Hama")


@pytest.mark.parametrize(
    ("meta", "key"),
    [
        ({"publisher": 5}, "publisher"),
        ({"url": ["x"]}, "url"),
        ({"url": "ftp://example.org/a"}, "url"),
        ({"url": "www.example.org/a"}, "url"),
        ({"url": "javascript:alert(1)"}, "url"),
        ({"published": "yesterday"}, "published"),
        ({"published": 20241207}, "published"),
        ({"title": "two\nlines"}, "title"),
        ({"title": {"a": 1}}, "title"),
        ({"source_id": ["a"]}, "source_id"),
        ({"publisher": "AP\u202e"}, "publisher"),
    ],
)
def test_sidecar_values_are_validated_by_type(meta, key, tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    sidecar = tmp_path / "a.txt.meta.json"
    sidecar.write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(DataError) as info:
        D.read_document(f)
    message = str(info.value)
    assert message.startswith(str(sidecar)) and f"'{key}'" in message
    assert len(message.splitlines()) == 1


def test_good_sidecar_passes(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    meta = {"publisher": "AP", "url": "https://apnews.com/x", "published": "2024-12-06"}
    (tmp_path / "a.meta.json").write_text(json.dumps({**meta, "extra": [1, 2]}))
    doc = D.read_document(f)
    assert {k: doc.meta[k] for k in meta} == meta and doc.meta["extra"] == [1, 2]


@pytest.mark.parametrize(
    ("header", "key"),
    [("url: www.example.org", "url"), ("published: 7 December 2024", "published")],
)
def test_header_values_are_validated(header, key, tmp_path):
    f = tmp_path / "h.txt"
    f.write_text(f"{header}\npublisher: AP\n\n{ARTICLE}", encoding="utf-8")
    with pytest.raises(DataError, match=f"header key '{key}'") as info:
        D.read_document(f)
    assert str(info.value).startswith(str(f))


def test_bad_html_metadata_is_dropped_with_a_warning():
    html = (
        '<html><head><meta property="og:url" content="/relative/path">'
        '<meta property="article:published_time" content="soon"></head>'
        "<body><p>Rebels seized Hama on Thursday, a monitor said.</p></body></html>"
    )
    with pytest.warns(D.ExtractWarning, match="ignored"):
        doc = D.document_from_text(html)
    assert "url" not in doc.meta and "published" not in doc.meta
    assert "Rebels seized Hama" in doc.text


@pytest.mark.parametrize("mark", ["\u200f", "\u202b", "\u2067", "\u061c", "\x1b", "\x00"])
def test_control_and_bidi_characters_read_as_spaces(mark):
    text = (
        f"Rebels seized Hama on Thursday.{mark}On Friday, government forces withdrew "
        "from Homs, the army said."
    )
    found = {a.place_name: a for a in extract(text, published="2024-12-07")}
    hama, homs = found["Hama"], found["Homs"]
    # the next sentence's date and attribution do not leak into the first claim
    assert hama.stance.value == "asserted" and hama.claimant == ""
    assert hama.event_date.isoformat() == "2024-12-05"
    assert homs.stance.value == "attributed" and homs.event_date.isoformat() == "2024-12-06"
    for a in (hama, homs):  # quotes stay verbatim
        assert text[a.start : a.end] == a.quote


def test_bidi_inside_a_sentence_stays_in_the_quote():
    text = "Rebels seized \u2067Hama\u2069 on Thursday, a monitor said."
    (a,) = extract(text, published="2024-12-07")
    assert a.quote == text and a.place_id and a.stance.value == "attributed"


@pytest.mark.parametrize(
    ("name", "raw", "sidecar"),
    [
        ("empty.txt", b"", None),
        ("prog.bin", b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)), None),
        ("a.txt", ARTICLE.encode(), {"publisher": 5, "url": ["x"]}),
    ],
)
def test_ingest_refuses_junk_and_stores_nothing(name, raw, sidecar, tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    bad = tmp_path / name
    bad.write_bytes(raw)
    if sidecar is not None:
        (tmp_path / f"{name}.meta.json").write_text(json.dumps(sidecar))
    store = tmp_path / "s.db"
    code = main(["ingest", "--published", "2024-12-07", "--store", str(store), str(good), str(bad)])
    assert code == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and err.startswith("syriamap: error: ")
    assert name in err
    assert not store.exists()  # all or nothing: not even an empty store
