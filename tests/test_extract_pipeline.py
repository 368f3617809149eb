import datetime as dt
import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from syriamap.extract import ExtractWarning, analyse, extract, read_document
from syriamap.extract.document import document_from_text

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def test_extract_returns_assertions_with_verbatim_quotes():
    text = "On Thursday, rebels seized Hama. Government forces withdrew from Homs, SOHR said."
    out = extract(text, published="2024-12-06", source_id="s1")
    assert [(a.place_name, str(a.relation), a.event_date.isoformat()) for a in out] == [
        ("Hama", "captured", "2024-12-05"),
        ("Homs", "withdrew", "2024-12-06"),
    ]
    for a in out:
        assert text[a.start : a.end] == a.quote and a.source_id == "s1"
        assert a.method.startswith("rule:") and 0 < a.confidence <= 1
    assert out[1].date_precision == "published" and out[1].claimant == "SOHR"
    assert out[1].claimant_side == "neutral"


def test_past_years_date_the_claim():
    (a,) = extract("In 2016, government forces recaptured Aleppo.", published="2016-12-12")
    assert a.event_date == dt.date(2016, 1, 1) and a.date_precision == "year"
    # years before the publication year are background history (data/ANNOTATION.md)
    assert extract("In 2016, government forces recaptured Aleppo.", published="2024-12-12") == []
    (a,) = extract("Since 2018, rebels had not entered Hama until now.", published="2024-12-12")
    assert a.event_date == dt.date(2024, 12, 12)


def test_header_block_offsets_are_into_the_full_text():
    text = "published: 2024-12-07\npublisher: Example\n\nRebels entered Palmyra on Saturday.\n"
    (a,) = extract(text)
    assert text[a.start : a.end] == a.quote == "Rebels entered Palmyra on Saturday."
    assert a.event_date == dt.date(2024, 12, 7)


def test_header_is_never_mined():
    text = "title: Rebels seized Hama and Homs\npublished: 2024-12-07\n\nNothing happened today.\n"
    assert extract(text) == []


def test_html_input():
    html = (
        "<html><body><nav>Rebels seized Idlib</nav><article>"
        "<p>Rebels <em>seized</em> Hama on Thursday.</p></article>"
        "<footer>Rebels entered Raqqa</footer></body></html>"
    )
    out = extract(html, published="2024-12-06")
    assert [a.place_name for a in out] == ["Hama"]
    doc = document_from_text(html)
    assert doc.text[out[0].start : out[0].end] == out[0].quote


def test_without_publication_date_only_explicit_dates():
    text = "Rebels seized Hama on 5 December 2024. On Saturday they entered Homs."
    with pytest.warns(ExtractWarning, match="no publication date"):
        result = analyse(document_from_text(text))
    dated = [c for c in result.candidates if c.event_date]
    undated = [c for c in result.candidates if not c.event_date]
    assert [c.place_name for c in dated] == ["Hama"] and [c.place_name for c in undated] == ["Homs"]
    with pytest.warns(ExtractWarning):
        assert [a.place_name for a in extract(text)] == ["Hama"]


def test_empty_and_whitespace():
    assert extract("", published="2024-12-07") == []
    assert extract("   \n\n", published="2024-12-07") == []


def test_same_text_same_ids():
    text = "Rebels seized Hama on Thursday."
    a = extract(text, published="2024-12-06")
    b = extract(text, published="2024-12-06")
    assert [x.assertion_id for x in a] == [x.assertion_id for x in b]


@pytest.mark.parametrize("path", SEEDS, ids=[p.stem for p in SEEDS])
def test_seed_quotes_are_verbatim(path):
    doc = read_document(path, meta={"published": "2024-12-07"})
    result = analyse(doc)
    assert result.candidates
    for c in result.candidates:
        assert doc.text[c.start : c.end] == c.quote


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Rebels seized Hama.",
                "On Friday, troops withdrew from Homs, SOHR said.",
                "“Our forces",
                "entered Daraa,” he said.",
                "The army denied it.",
                "Damascus",
                "the capital",
                " ",
                "\n",
                "captured Aleppo, Idlib and",
                "could not verify",
                "é",
                "\ufffd",
            ]
        ),
        max_size=12,
    )
)
def test_any_text_gives_verbatim_quotes(parts):
    text = " ".join(parts)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        out = extract(text, published="2024-12-07")
    for a in out:
        assert text[a.start : a.end] == a.quote


def test_large_article_is_fast_enough():
    import time

    text = (SEEDS[2].read_text(encoding="utf-8") + "\n\n") * 20  # ~160 KB
    start = time.perf_counter()
    extract(text, published="2024-12-07")
    assert time.perf_counter() - start < 10


def test_long_single_paragraph_stays_linear():
    import time

    seed = SEEDS[2].read_text(encoding="utf-8").replace("\n", " ")
    small, big = (seed + " ") * 10, (seed + " ") * 40
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t0 = time.perf_counter()
        extract(small, published="2024-12-07")
        t1 = time.perf_counter()
        extract(big, published="2024-12-07")
        t2 = time.perf_counter()
    assert (t2 - t1) < 8 * (t1 - t0) + 1.0  # 4x the text, well under 16x the time
