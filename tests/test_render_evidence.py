"""Escaping of untrusted source text (quotes, publishers, urls) before it reaches a page."""

from __future__ import annotations

import html
import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from syriamap.render._evidence import (
    REPLACEMENT,
    as_list,
    best_quote,
    clean,
    esc,
    evidence_entry,
    highlight,
    json_for_script,
    known_publisher,
    safe_url,
    source_html,
)


@pytest.mark.parametrize(
    "url, ok",
    [
        ("https://example.org/x?a=1&b=2", True),
        ("http://example.org", True),
        ("HTTPS://EXAMPLE.ORG/", True),
        ("javascript:window.__pwned=1", False),
        (" javascript:alert(1)", False),
        ("data:text/html,<script>1</script>", False),
        ('https://example.org/"onmouseover="x', False),
        ("//example.org", False),
        (None, False),
        ("", False),
    ],
)
def test_safe_url_allows_only_http(url, ok):
    assert (safe_url(url) is not None) is ok


def test_highlight_escapes_before_marking():
    quote = 'Rebels took Kanaker <img src=x onerror="window.__pwned=1"> today'
    out = highlight(quote, ["kanaker"])
    assert out.startswith("Rebels took <mark>Kanaker</mark> &lt;img")
    assert "<img" not in out
    assert out.count("<mark>") == 1


def test_highlight_never_marks_inside_entities():
    # the place name "amp" must not match inside an escaped "&amp;"
    assert highlight("A & B", ["amp"]) == "A &amp; B"
    assert highlight("<b>", ["b"]) == "&lt;<mark>b</mark>&gt;"


def test_highlight_falls_back_to_other_names_and_to_plain_text():
    assert "<mark>Daraa</mark>" in highlight("fighting in Daraa city", ["Deraa", "Daraa"])
    assert highlight("nothing here", ["Homs"]) == "nothing here"
    assert highlight(None, ["x"]) == ""


def test_source_html_hostile_publisher_and_url_render_as_text():
    html = source_html(
        {
            "publisher": "<script>window.__pwned=1</script>",
            "url": "javascript:window.__pwned=1",
            "title": '"><script>x</script>',
        },
        "evil",
    )
    assert "<script" not in html
    assert "<a " not in html
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html
    assert '<code class="url">javascript:window.__pwned=1</code>' in html


def test_source_html_links_http_and_escapes_attributes():
    html = source_html({"publisher": "AP", "url": "https://e.org/?a=1&b=2", "title": 'x"y'}, "s")
    assert 'href="https://e.org/?a=1&amp;b=2"' in html
    assert 'rel="noopener noreferrer"' in html
    assert 'title="x&quot;y"' in html
    assert source_html(None, "s9") == "<span>s9</span>"


def test_evidence_entry_escapes_every_fragment():
    entry = evidence_entry(
        {
            "event_date": "2024-12-07",
            "date_precision": "week",
            "stance": "<b>asserted",
            "claimant": "<i>SOHR</i>",
            "claimant_side": "neutral",
            "actor": "<x>",
            "relation": "captured",
            "quote": "<script>took Homs</script>",
            "place_name": "Homs",
        }
    )
    date, stance, claim, what, quote = entry
    assert date == "2024-12-07 (week)"
    assert stance == "&lt;b&gt;asserted"
    assert claim == "claimant: &lt;i&gt;SOHR&lt;/i&gt; (neutral)"
    assert what == "&lt;x&gt; captured"
    assert quote == "&lt;script&gt;took <mark>Homs</mark>&lt;/script&gt;"


def test_json_for_script_cannot_break_out_and_round_trips():
    data = {"q": "</script><script>alert(1)</script> & \u2028\u2029 <!--"}
    text = json_for_script(data)
    for bad in ("<", ">", "&", "\u2028", "\u2029"):
        assert bad not in text
    assert json.loads(text) == data


def test_best_quote_prefers_asserted_then_confidence():
    rows = [
        {"assertion_id": "a1", "stance": "attributed", "confidence": 0.9, "quote": "x"},
        {"assertion_id": "a2", "stance": "asserted", "confidence": 0.5, "quote": "y"},
        {"assertion_id": "a3", "stance": "asserted", "confidence": 0.7, "quote": "z"},
    ]
    assert best_quote(rows)["assertion_id"] == "a3"
    assert best_quote([]) is None


def test_as_list_and_esc_accept_missing_values():
    assert as_list(float("nan")) == []
    assert as_list(["a", None]) == ["a"]
    assert as_list("a; b") == ["a", "b"]
    assert esc(None) == "" and esc(float("nan")) == ""


INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@pytest.mark.parametrize(
    "raw, shown",
    [
        ("\x1b[31mRED\x1b[0m", "RED"),  # terminal colours: dropped
        ("\x1b]0;title\x07Homs", "Homs"),  # terminal title (OSC): dropped
        ("abc\u202edef", f"abc{REPLACEMENT}def"),  # right-to-left override
        ("\u2066x\u2069 \u202ay\u202c", f"{REPLACEMENT}x{REPLACEMENT} {REPLACEMENT}y{REPLACEMENT}"),
        ("bell\x07 nul\x00 del\x7f c1\x85", "bell\ufffd nul\ufffd del\ufffd c1\ufffd"),
        ("tab\tline\nnext\r", "tab\tline\nnext\r"),  # layout characters stay
        ("دير الزور \u200f(RLM) Daraa", "دير الزور \u200f(RLM) Daraa"),  # Arabic and marks stay
    ],
)
def test_clean_drops_escapes_and_replaces_invisible_characters(raw, shown):
    assert clean(raw) == shown
    assert esc(raw) == html.escape(shown)


def test_highlight_finds_the_name_despite_reordering_characters():
    out = highlight("forces took \u202eKanaker\u202c \x1b[1mtoday\x1b[0m", ["\u202eKanaker"])
    assert out == f"forces took <mark>{REPLACEMENT}Kanaker</mark>{REPLACEMENT} today"
    out = highlight("forces took Kan\u2066aker", ["Kan\u2066aker"])
    assert "<mark>" in out and "\u2066" not in out


def test_source_text_is_cleaned_in_every_fragment():
    source = source_html(
        {"publisher": "\x1b[31mRED\x1b[0m", "url": "javascript:\u202ex", "title": "t\u202e1"},
        "s",
    )
    assert "RED" in source and "\x1b" not in source and "[31m" not in source
    assert "\u202e" not in source
    entry = evidence_entry(
        {"claimant": "SO\u202eHR", "stance": "asserted", "quote": "x\x1b[0m\u2067y"}
    )
    assert not any(INVISIBLE.search(fragment) for fragment in entry)


def test_known_publisher():
    assert known_publisher("Reuters") == "Reuters"
    for missing in ("unknown", " Unknown ", "", "  ", None, float("nan"), "\x1b[0m"):
        assert known_publisher(missing) is None


@given(st.text(), st.text(max_size=12))
def test_highlight_output_has_no_markup_but_mark(quote, name):
    out = highlight(quote, [name])
    stripped = out.replace("<mark>", "", 1).replace("</mark>", "", 1)
    assert "<" not in stripped and ">" not in stripped and '"' not in stripped
    assert html.unescape(stripped) == clean(quote)
    assert not INVISIBLE.search(out)


@given(
    st.recursive(
        st.text() | st.integers() | st.booleans() | st.none(),
        lambda inner: (
            st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4)
        ),
    )
)
def test_json_for_script_round_trips(value):
    text = json_for_script(value)
    assert "<" not in text and "\u2028" not in text
    assert json.loads(text) == value
