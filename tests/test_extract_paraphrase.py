"""The paraphrase robustness probe (``tests/fixtures/paraphrase/probe.csv``).

62 gold claims of the corpus gold sets that the extractor met when the probe was written,
each re-worded three times the way other outlets write the same fact (invented sentences:
word order, reporters' synonyms, apposition, another town or actor of the same side,
British/American spelling).  A row passes when the extractor's claims pair off one to one
with the expected claims (``tests/paraphrase_probe.py`` says how places and dates are
compared).  ``python benchmarks/bench_paraphrase.py`` prints the pass rates per half.

Half A was read to design general rules; half B was never used to design rules (the causes
of its failures were not looked at) and measures how far the fixes generalise.  Rows that
fail are ``xfail(strict=True)``: the table documents the gap and turns red when it closes.

Pass rates on main at b2c0d47, before any rule written from the probe (exact / right side
at right place, of 93 rows per half): half A 70 / 78, half B 62 / 70. After the rules
written from half A (branch ``paraphrase``): half A 89 / 89, half B 64 / 70.
"""

from __future__ import annotations

import pytest
from paraphrase_probe import claims, load_probe, passes_by_side, passes_exactly

# Half A failures, by cause (read to design rules).
XFAIL_A: dict[str, str] = {
    "c33-2": "a nominal advance 'the target of an opposition advance'",
    "c48-2": "'expelled the army from X' also yields a capture (ANNOTATION: only lost)",
    "c49-2": (
        "the national collapse ('the Assad government collapsed', collapse.csv) is a claim "
        "the expected set lacks"
    ),
    "c50-2": "the capital as a claimant ('Damascus admitted') and an agentless 'had been lost'",
}

# Half B failures: held out, causes not examined.
XFAIL_B = (
    "c10-2 c12-2 c18-3 c24-1 c26-1 c26-2 c26-3 c28-1 c29-2 c34-3 c35-2 c36-3 c41-3 "
    "c44-2 c45-2 c45-3 c46-2 c51-2 c54-1 c54-2 c56-2 c57-3 c59-3 "
    "c60-1 c60-2"
).split()

ROWS = load_probe()


def _param(row: object) -> object:
    rid = row.id  # type: ignore[attr-defined]
    reason = XFAIL_A.get(rid) or (
        "held-out half B: fails on main at b2c0d47, cause not examined" if rid in XFAIL_B else ""
    )
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(row, id=f"{row.half}-{rid}", marks=marks)  # type: ignore[attr-defined]


@pytest.mark.parametrize("row", [_param(r) for r in ROWS])
def test_paraphrase(row: object) -> None:
    got = claims(row.sentence, row.published)  # type: ignore[attr-defined]
    want = row.expected  # type: ignore[attr-defined]
    assert passes_exactly(got, want), f"\n got: {sorted(got)}\nwant: {sorted(want)}"


def test_the_probe_is_balanced() -> None:
    claims_by_half: dict[str, set[str]] = {}
    for r in ROWS:
        claims_by_half.setdefault(r.half, set()).add(r.id.split("-")[0])
    assert len(ROWS) == 3 * sum(len(v) for v in claims_by_half.values())
    assert sorted(claims_by_half) == ["A", "B"]
    assert not claims_by_half["A"] & claims_by_half["B"]
    assert all(len(v) >= 25 for v in claims_by_half.values())
    assert set(XFAIL_A) <= {r.id for r in ROWS if r.half == "A"}
    assert set(XFAIL_B) <= {r.id for r in ROWS if r.half == "B"}


def test_the_scorer_needs_the_right_side_and_nothing_else() -> None:
    want = frozenset({("Hama", "opposition", "entered", "asserted", "", "2024-12-05")})
    ok = ("Hama", "hts_coalition", "entered", "asserted", "", "2024-12-05", "wof:1")
    assert not passes_exactly({ok}, want) and passes_by_side({ok}, want)
    wrong_side = ("Hama", "government", "entered", "asserted", "", "2024-12-05", "wof:1")
    assert not passes_by_side({wrong_side}, want)
    extra = ("Homs", "opposition", "advancing", "asserted", "", "2024-12-05", "wof:2")
    assert not passes_by_side({ok, extra}, want)
    early = ("Hama", "opposition", "entered", "asserted", "", "2024-12-04", "wof:1")
    assert passes_exactly({early}, want)
