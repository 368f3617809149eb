import json
import warnings

import pytest

from syriamap.errors import DataError
from syriamap.extract import document as D


def test_plain_text_body_skips_furniture():
    text = (
        "Top 5 This Week\n\nRelated Posts\n\nRebels seized the town of Kanaker on Saturday, "
        "a monitor said.\n\nGovernment forces withdrew from Homs overnight, residents said.\n\n"
        "You might also like\n- Rebels capture Aleppo in a surprise offensive, sources say.\n"
    )
    doc = D.document_from_text(text)
    lines = [doc.text[a:b] for a, b in doc.body]
    assert lines[0].startswith("Rebels seized")
    assert len(lines) == 2  # the related-links block is not the article


def test_header_block_is_metadata_and_never_body():
    text = (
        "url: https://example.org/a\npublished: 2024-12-07\npublisher: Example\nlang: en\n\n"
        "Rebels entered Homs on Saturday, a monitor said.\n"
    )
    doc = D.document_from_text(text)
    assert doc.meta["published"] == "2024-12-07"
    assert doc.meta["lang"] == "en"
    assert all(a >= text.index("Rebels") for a, _ in doc.body)
    a, b = doc.body[0]
    assert doc.text[a:b].startswith("Rebels entered Homs")  # offsets into the full text


@pytest.mark.parametrize(
    "text", ["Last Updated:\nRebels took Hama.", "Friday, May 2, 2025\n\nText."]
)
def test_no_header_when_lines_are_not_key_value(text):
    assert D.parse_header(text) == ({}, 0)


def test_flags_beat_sidecar_beat_header(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(
        "published: 2024-12-01\npublisher: Header\n\nRebels seized Hama on Thursday, they said.\n"
    )
    (tmp_path / "a.txt.meta.json").write_text(
        json.dumps({"published": "2024-12-05", "url": "https://example.org/a"})
    )
    doc = D.read_document(f)
    assert doc.meta["published"] == "2024-12-05" and doc.meta["publisher"] == "Header"
    doc = D.read_document(f, meta={"published": "2024-12-06"})
    assert doc.meta["published"] == "2024-12-06"


def test_html_main_text_drops_boilerplate():
    html = """<!doctype html><html><head><title>T</title>
    <meta property="article:published_time" content="2024-12-07T08:00:00Z">
    <script>var rebels = "seized Aleppo";</script></head><body>
    <nav>Rebels captured Idlib in the menu</nav><header>Rebels entered Raqqa banner</header>
    <article><h1>Rebels close in on Damascus</h1>
    <p>Rebel forces <b>seized</b> the town of Kanaker on Saturday, a monitor said.</p>
    <aside>Rebels entered Latakia (sidebar)</aside>
    <div class="share-bar">Rebels entered Tartus share</div>
    <p>Government forces withdrew from Homs.</p></article>
    <footer>Rebels seized Hama footer</footer></body></html>"""
    doc = D.document_from_text(html)
    assert doc.meta["published"].startswith("2024-12-07")
    assert "seized the town of Kanaker" in doc.text
    for word in ("Idlib", "Raqqa", "Latakia", "Tartus", "Hama footer", "var rebels"):
        assert word not in doc.text


def test_encoding_fallbacks(tmp_path):
    f = tmp_path / "latin.txt"
    f.write_bytes(
        "Rebels seized Ma\xe2arrat al-Nu\xe2man on Friday, activists said.".encode("cp1252")
    )
    with pytest.warns(D.ExtractWarning, match="not UTF-8; decoded as"):
        doc = D.read_document(f)
    assert "Rebels seized" in doc.text and doc.notes
    g = tmp_path / "broken.txt"
    g.write_bytes(b"Rebels seized Hama \xff\xfe\xfa on Thursday, a monitor said. " * 3)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        doc = D.read_document(g)
    assert "Rebels seized Hama" in doc.text


def test_undecodable_bytes_warn(monkeypatch):
    import charset_normalizer

    class Nothing:
        def best(self):
            return None

    monkeypatch.setattr(charset_normalizer, "from_bytes", lambda raw: Nothing())
    with pytest.warns(D.ExtractWarning):
        text, notes = D.decode_bytes(b"\x81\x8d\x8f\x90\x9d" * 3 + b"abc")
    assert notes


def test_empty_and_bom(tmp_path):
    f = tmp_path / "empty.txt"
    f.write_bytes(b"")
    with pytest.raises(DataError, match="empty.txt: no text"):
        D.read_document(f)
    g = tmp_path / "bom.txt"
    g.write_bytes("\ufeffRebels entered Homs on Saturday, a monitor said.".encode("utf-8"))
    assert D.read_document(g).text.startswith("Rebels")


def test_size_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(D, "MAX_BYTES", 100)
    f = tmp_path / "big.txt"
    f.write_bytes(b"x" * 101)
    with pytest.raises(DataError, match="limit"):
        D.read_document(f)


def test_missing_file(tmp_path):
    with pytest.raises(DataError):
        D.read_document(tmp_path / "nope.txt")


def test_source_id_is_hash_prefix(tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes(b"Rebels entered Homs.")
    doc = D.read_document(f)
    assert doc.source_id == doc.content_hash[:16] and len(doc.content_hash) == 64
