"""Fusion rules, one by one, then the public frames."""

import datetime as dt
import itertools

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from syriamap.assertions import Assertion, DatePrecision, Relation, Source, Stance
from syriamap.errors import InvalidDateError
from syriamap.fusion import (
    CONTROL_COLUMNS,
    DATE_PRECISION_WEIGHT,
    INFERRED_FACTOR,
    PLACE_PRECISION_WEIGHT,
    RELATION_EFFECT,
    STANCE_WEIGHT,
    ControlState,
    capitals,
    claim_weight,
    combine,
    control_at,
    control_state,
    explain,
    fuse,
    governorate_summary,
    interest,
)
from syriamap.gazetteer import Gazetteer
from syriamap.store import Store

P = "wof:1293409783"  # Kanakir, Rif Dimashq
HOMS = "wof:421168647"
HAMA = "wof:421202161"
_counter = itertools.count()


class World:
    """A tiny store: one source per publisher, claims added with short calls."""

    def __init__(self):
        self.store = Store()
        self.published = {}

    def source(self, publisher, published="2024-12-10"):
        sid = f"src_{publisher}"
        if sid not in self.published:
            self.store.add_sources(Source(source_id=sid, publisher=publisher, published=published))
            self.published[sid] = published
        return sid

    def claim(
        self,
        actor,
        relation,
        day,
        *,
        place=P,
        stance="asserted",
        by="pubA",
        claimant_side="",
        published="2024-12-10",
        **over,
    ):
        n = next(_counter)
        quote = f"claim {n}"
        a = Assertion(
            source_id=self.source(by, published),
            place_id=place,
            actor=actor,
            relation=relation,
            stance=stance,
            claimant_side=claimant_side,
            event_date=f"2024-12-{day:02d}",
            quote=quote,
            start=n * 20,
            end=n * 20 + len(quote),
            **over,
        )
        self.store.add_assertions(a)
        return a.assertion_id

    def at(self, day, place=P, as_reported_by=None):
        date = f"2024-12-{day:02d}"
        fused = fuse(self.store.evidence_frame(date, as_reported_by=as_reported_by), date)
        rows = fused[fused["place_id"] == place]
        return None if rows.empty else rows.iloc[0]


@pytest.fixture
def w():
    return World()


# -- rule tables -----------------------------------------------------------------------------


def test_every_vocabulary_value_has_a_rule():
    assert set(RELATION_EFFECT) == set(Relation)
    assert set(STANCE_WEIGHT) == set(Stance)
    assert set(DATE_PRECISION_WEIGHT) == set(DatePrecision)
    assert len(PLACE_PRECISION_WEIGHT) == 3
    assert {RELATION_EFFECT[r] for r in ("captured", "controls")} == {"hold"}
    assert {RELATION_EFFECT[r] for r in ("withdrew", "lost")} == {"end"}
    assert {RELATION_EFFECT[r] for r in ("encircled", "advancing")} == {"pressure"}


def test_stance_weights_are_ordered():
    s = STANCE_WEIGHT
    assert s["asserted"] > s["attributed"] > s["unverified"]
    assert (
        DATE_PRECISION_WEIGHT["day"]
        > DATE_PRECISION_WEIGHT["week"]
        > DATE_PRECISION_WEIGHT["month"]
        > DATE_PRECISION_WEIGHT["year"]
    )


@pytest.mark.parametrize(
    ("relation", "stance", "actor_side", "claimant_side", "expected"),
    [
        ("withdrew", "asserted", "government", "government", "against"),  # army admits
        ("lost", "attributed", "opposition", "opposition", "against"),  # rebels admit
        ("captured", "attributed", "opposition", "opposition", "self_serving"),
        ("withdrew", "attributed", "government", "opposition", "self_serving"),
        ("captured", "attributed", "opposition", "government", "against"),
        ("withdrew", "denied", "government", "government", "self_serving"),
        ("captured", "asserted", "opposition", "", "neutral"),
        ("captured", "attributed", "opposition", "neutral", "neutral"),
    ],
)
def test_interest(relation, stance, actor_side, claimant_side, expected):
    assert interest(relation, stance, actor_side, claimant_side) == expected


def test_claim_against_interest_weighs_more_than_self_serving():
    admitted = claim_weight("withdrew", "attributed", "government", "government")
    boasted = claim_weight("captured", "attributed", "opposition", "opposition")
    assert admitted > claim_weight("withdrew", "attributed", "government", "") > boasted


def test_combine():
    assert combine([]) == 0.0
    assert combine([1.0]) < combine([1.0, 1.0]) < combine([1.0, 1.0, 1.0]) < 1.0
    assert combine([1.0], [1.0]) < combine([1.0])
    assert 0.0 <= combine([5.0] * 10, [5.0] * 10) <= 1.0


# -- rules on small worlds -----------------------------------------------------------------


def test_capture_transfers_control_and_latest_evidence_wins(w):
    old = w.claim("government", "controls", 1)
    new = w.claim("opposition", "captured", 3)
    before = w.at(2)
    assert (before["side"], before["status"]) == ("government", "held")
    after = w.at(4)
    assert (after["actor"], after["side"], after["status"]) == ("opposition", "opposition", "held")
    assert after["last_change"] == dt.date(2024, 12, 3)
    assert new in after["supporting"] and old not in after["supporting"] + after["conflicting"]


def test_claims_after_the_date_are_ignored(w):
    w.claim("government", "controls", 1)
    w.claim("opposition", "captured", 5)
    assert w.at(4)["side"] == "government"


def test_entered_does_not_transfer_control_but_contests(w):
    w.claim("government", "controls", 1)
    entered = w.claim("opposition", "entered", 3)
    row = w.at(3)
    assert (row["side"], row["status"]) == ("government", "contested")
    assert entered in row["supporting"]
    assert row["last_change"] == dt.date(2024, 12, 3)


def test_entry_by_an_ally_does_not_contest(w):
    w.claim("government", "controls", 1)
    w.claim("hezbollah", "entered", 3)
    assert w.at(3)["status"] == "held"


@pytest.mark.parametrize("relation", ["encircled", "advancing"])
def test_pressure_keeps_the_holder_but_lowers_confidence(relation):
    calm, pressed = World(), World()
    for world in (calm, pressed):
        world.claim("government", "controls", 1)
    pid = pressed.claim("opposition", relation, 2)
    row = pressed.at(3)
    assert (row["side"], row["status"]) == ("government", "held")
    assert row["confidence"] < calm.at(3)["confidence"]
    assert pid in row["conflicting"]


def test_pressure_before_the_holder_changed_is_history(w):
    w.claim("opposition", "advancing", 1)
    w.claim("opposition", "captured", 2)
    row = w.at(3)
    assert row["status"] == "held" and row["conflicting"] == []


def test_withdrawal_without_a_taker_makes_the_place_unknown(w):
    w.claim("government", "controls", 1)
    left = w.claim("government", "withdrew", 3)
    row = w.at(4)
    assert (row["actor"], row["side"], row["status"]) == ("", "", "unknown")
    assert left in row["supporting"]
    assert row["last_change"] == dt.date(2024, 12, 3)


def test_withdrawal_under_rival_pressure_goes_to_the_rival_as_inferred(w):
    w.claim("government", "controls", 1)
    w.claim("hts_coalition", "advancing", 2)
    w.claim("government", "withdrew", 3)
    row = w.at(4)
    assert (row["actor"], row["side"], row["status"]) == ("hts_coalition", "opposition", "held")
    assert not row["confirmed"]
    twin = World()
    twin.claim("government", "controls", 1)
    twin.claim("hts_coalition", "captured", 3)
    assert row["confidence"] <= twin.at(4)["confidence"] * INFERRED_FACTOR + 1e-9


def test_lost_only_ends_the_holder_named(w):
    w.claim("opposition", "captured", 1)
    consistent = w.claim("government", "lost", 2)  # the army never held it since day 1
    row = w.at(3)
    assert (row["side"], row["status"]) == ("opposition", "held")
    assert consistent in row["supporting"]


def test_contested_relation_makes_a_place_contested(w):
    w.claim("government", "controls", 1)
    w.claim("druze_factions", "contested", 2)
    assert w.at(2)["status"] == "contested"


def test_denial_lowers_confidence_but_does_not_flip():
    plain, denied = World(), World()
    for world in (plain, denied):
        world.claim("opposition", "captured", 2)
    did = denied.claim(
        "opposition", "captured", 2, stance="denied", by="pubB", claimant_side="government"
    )
    row = denied.at(3)
    assert row["side"] == "opposition"
    assert row["confidence"] < plain.at(3)["confidence"]
    assert did in row["conflicting"]


def test_denial_alone_makes_no_holder(w):
    w.claim("government", "withdrew", 2, stance="denied", claimant_side="government")
    row = w.at(3)
    assert row["status"] == "unknown" and row["side"] == ""


def test_denied_withdrawal_supports_the_holder(w):
    w.claim("government", "controls", 1)
    did = w.claim("government", "withdrew", 2, stance="denied", claimant_side="government")
    row = w.at(3)
    assert row["side"] == "government" and did in row["supporting"]


def test_unverified_counts_less_and_is_not_confirmed():
    sure, unsure = World(), World()
    sure.claim("opposition", "captured", 2)
    unsure.claim("opposition", "captured", 2, stance="unverified")
    assert unsure.at(3)["confidence"] < sure.at(3)["confidence"]
    assert sure.at(3)["confirmed"] and not unsure.at(3)["confirmed"]


def test_a_rivals_loss_supports_the_holder_but_does_not_confirm_it():
    w = World()
    w.claim("opposition", "captured", 2, stance="attributed", claimant_side="opposition")
    w.claim("government", "lost", 3)  # asserted, but names no taker
    state = w.at(4)
    assert state["side"] == "opposition" and state["status"] == "held"
    assert not state["confirmed"]
    w.claim("opposition", "controls", 4)  # now the text itself says who holds it
    assert w.at(5)["confirmed"]


def test_independent_sources_raise_confidence_repeats_do_not():
    one, repeat, two = World(), World(), World()
    one.claim("opposition", "captured", 2)
    repeat.claim("opposition", "captured", 2)
    repeat.claim("opposition", "captured", 2, by="pubA")
    two.claim("opposition", "captured", 2)
    two.claim("opposition", "captured", 2, by="pubB")
    assert repeat.at(3)["confidence"] == pytest.approx(one.at(3)["confidence"])
    assert two.at(3)["confidence"] > one.at(3)["confidence"]
    assert two.at(3)["n_sources"] == 2


def test_against_interest_claim_outweighs_a_self_serving_one_on_the_same_day(w):
    # rebels boast they took it; a rebel source concedes the army still holds it
    w.claim("opposition", "captured", 2, stance="attributed", claimant_side="opposition")
    w.claim("government", "controls", 2, stance="attributed", claimant_side="opposition", by="pubB")
    assert w.at(2)["side"] == "government"


def test_same_day_conflict_is_settled_by_weight(w):
    w.claim("opposition", "captured", 2, stance="unverified")
    w.claim("government", "controls", 2, by="pubB")
    row = w.at(2)
    assert row["side"] == "government" and len(row["conflicting"]) == 1


def test_as_reported_by_hides_later_sources(w):
    early = w.claim("government", "controls", 1, by="early", published="2024-12-02")
    late = w.claim("opposition", "captured", 1, by="late", published="2024-12-05")
    now = w.at(6)
    then = w.at(6, as_reported_by="2024-12-03")
    assert late in now["supporting"] + now["conflicting"]
    assert then["supporting"] == [early] and then["conflicting"] == []
    assert then["sources"] == ["src_early"]


def test_pressure_only_places_are_listed(w):
    w.claim("opposition", "advancing", 2, place="wof:421202165")
    w.claim("opposition", "entered", 2, place=P)
    assert w.at(3, place="wof:421202165")["status"] == "unknown"
    row = w.at(3, place=P)
    assert (row["status"], row["side"]) == ("contested", "")


# -- order independence and bounds (hypothesis) ---------------------------------------------

_PLACES = [P, HOMS, HAMA]
_ACTORS = ["government", "opposition", "hts_coalition", "sdf", "hezbollah"]
claims_strategy = st.lists(
    st.tuples(
        st.sampled_from(_PLACES),
        st.sampled_from(_ACTORS),
        st.sampled_from([r.value for r in Relation]),
        st.sampled_from([s.value for s in Stance]),
        st.integers(1, 6),
        st.sampled_from(["pubA", "pubB", "pubC"]),
        st.sampled_from(["", "neutral", "government", "opposition"]),
    ),
    min_size=1,
    max_size=25,
)


def _evidence(claims):
    world = World()
    for place, actor, relation, stance, day, pub, cside in claims:
        world.claim(actor, relation, day, place=place, stance=stance, by=pub, claimant_side=cside)
    return world.store.evidence_frame("2024-12-31")


def _canon(frame):
    return frame.sort_values("place_id").reset_index(drop=True)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(claims=claims_strategy, seed=st.integers(0, 2**32 - 1))
def test_fusion_does_not_depend_on_arrival_order(claims, seed):
    ev = _evidence(claims)
    shuffled = ev.sample(frac=1.0, random_state=seed % (2**32 - 1))
    for day in ("2024-12-03", "2024-12-07"):
        a, b = _canon(fuse(ev, day)), _canon(fuse(shuffled, day))
        pd.testing.assert_frame_equal(a, b)
        assert a["confidence"].between(0, 1).all()
        assert set(a["status"]) <= {"held", "contested", "unknown"}
        for sup, con in zip(a["supporting"], a["conflicting"], strict=True):
            assert not set(sup) & set(con)


# -- public frames (need the gazetteer) -----------------------------------------------------


def test_control_at_columns_and_geometry(w):
    w.claim("government", "controls", 1, place=HOMS)
    w.claim("opposition", "captured", 7, place=HOMS)
    w.claim("opposition", "entered", 7, place=P)
    frame = control_at("2024-12-08", store=w.store)
    assert list(frame.columns) == [*CONTROL_COLUMNS, "geometry"]
    assert frame.crs.to_epsg() == 4326
    assert set(frame.geometry.geom_type) == {"Point"}
    assert list(frame["place_id"]) == sorted([HOMS, P])
    homs = frame.set_index("place_id").loc[HOMS]
    assert homs["name"] == "Homs" and homs["side"] == "opposition"
    assert homs["as_of"] == dt.date(2024, 12, 8)
    assert isinstance(homs["supporting"], list) and isinstance(homs["n_sources"], int | object)
    assert 34 < homs.geometry.y < 35.5 and 36 < homs.geometry.x < 37.5


def test_control_at_with_no_evidence_is_empty(w):
    frame = control_at("2024-12-08", store=w.store)
    assert frame.empty and list(frame.columns) == [*CONTROL_COLUMNS, "geometry"]


def test_bad_dates_raise():
    with pytest.raises(InvalidDateError):
        control_at("8 December", store=Store())
    with pytest.raises(InvalidDateError):
        capitals("2024-12-08", as_reported_by="soon", store=Store())


def test_capitals_lists_all_fourteen(w):
    w.claim("opposition", "captured", 5, place=HAMA)
    caps = capitals("2024-12-06", store=w.store)
    assert list(caps.columns) == [
        "capital",
        "governorate",
        "iso",
        "place_id",
        "actor",
        "side",
        "status",
        "confidence",
    ]
    assert len(caps) == 14 and caps["iso"].is_unique
    hama = caps.set_index("iso").loc["SY-HM"]
    assert (hama["capital"], hama["side"], hama["status"]) == ("Hama", "opposition", "held")
    rest = caps[caps["iso"] != "SY-HM"]
    assert set(rest["status"]) == {"unknown"} and set(rest["confidence"]) == {0.0}


def test_governorate_summary(w):
    w.claim("opposition", "captured", 5, place=HAMA)
    w.claim("government", "controls", 5, place=HOMS)
    w.claim("opposition", "captured", 5, place="wof:421178433")  # Rastan, Homs
    summary = governorate_summary("2024-12-06", store=w.store)
    assert len(summary) == 14 and summary.crs.to_epsg() == 4326
    for side in ("government", "opposition", "sdf", "isis", "israel", "foreign", "other"):
        assert f"share_{side}" in summary and f"pop_share_{side}" in summary
    homs = summary.set_index("iso").loc["SY-HI"]
    assert homs["n_places"] == 2
    assert homs["share_government"] == pytest.approx(0.5)
    assert homs["dominant_side"] == "government"  # Homs city outweighs Rastan
    assert homs["pop_share_government"] > homs["pop_share_opposition"] > 0
    raqqa = summary.set_index("iso").loc["SY-RA"]
    assert raqqa["n_places"] == 0 and raqqa["dominant_side"] == ""


def test_a_province_claim_speaks_for_the_rest_of_the_province(w):
    # "Rebels control over 90% of Deraa province; only the city of Daraa is still held":
    # the city claim covers the city, the province claim covers everything else.
    g = Gazetteer.default()
    daraa_gov = next(p for p in g.governorates() if p.admin1_iso == "SY-DR")
    daraa_city = g.capitals()["SY-DR"]
    w.claim("southern_factions", "controls", 5, place=daraa_gov.place_id)
    w.claim("government", "controls", 5, place=daraa_city.place_id)
    daraa = governorate_summary("2024-12-06", store=w.store).set_index("iso").loc["SY-DR"]
    assert daraa["n_places"] == 2
    assert daraa["share_government"] == pytest.approx(0.5)  # one place each
    assert daraa["dominant_side"] == "opposition"  # ... but the province is the larger part
    assert 0 < daraa["pop_share_government"] < 0.5 < daraa["pop_share_opposition"]
    assert daraa["pop_share_government"] + daraa["pop_share_opposition"] == pytest.approx(1)


def test_an_unconfirmed_province_claim_does_not_colour_the_province(w):
    # "The ministry says its forces are present in all of the Damascus countryside"
    # (attributed, self-serving) against one town the rebels are reported to hold.
    g = Gazetteer.default()
    rif = next(p for p in g.governorates() if p.admin1_iso == "SY-RD")
    w.claim(
        "government",
        "controls",
        5,
        place=rif.place_id,
        stance="attributed",
        claimant_side="government",
    )
    w.claim("opposition", "captured", 5, place=P)  # Kanakir, Rif Dimashq
    row = governorate_summary("2024-12-06", store=w.store).set_index("iso").loc["SY-RD"]
    assert row["n_places"] == 2
    assert row["pop_share_opposition"] > row["pop_share_government"]
    assert row["dominant_side"] == "opposition"


def test_a_tie_has_no_leading_side(w):
    g = Gazetteer.default()
    rif = next(p for p in g.governorates() if p.admin1_iso == "SY-RD")
    w.claim("government", "controls", 5, place=rif.place_id, stance="attributed")
    w.claim("opposition", "captured", 5, place="wof:1242797743")  # Sa'sa': no population
    row = governorate_summary("2024-12-06", store=w.store).set_index("iso").loc["SY-RD"]
    assert row["pop_share_government"] == row["pop_share_opposition"] > 0
    assert row["dominant_side"] == ""


def test_control_state_and_explain(w):
    cid = w.claim("opposition", "captured", 5, place=HAMA)
    state = control_state(HAMA, "2024-12-06", store=w.store)
    assert isinstance(state, ControlState) and state.held
    assert state.supporting == (cid,)
    assert repr(state).startswith(f"<ControlState {HAMA} Hama held opposition")
    assert "<table>" in state._repr_html_()
    nothing = control_state(HOMS, "2024-12-06", store=w.store)
    assert nothing.status == "unknown" and nothing.confidence == 0.0
    why = explain(HAMA, "2024-12-06", store=w.store)
    assert list(why["role"]) == ["supporting"] and why["weight"].iloc[0] == 1.0


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(claims=claims_strategy)
def test_vectorised_state_machine_matches_the_day_by_day_rules(claims):
    from syriamap.fusion._engine import _prepare, _run_states, _run_states_sequential

    ev = _prepare(_evidence(claims))
    pd.testing.assert_frame_equal(
        _run_states(ev), _run_states_sequential(ev), check_index_type=False, check_dtype=False
    )


def test_vectorised_weights_match_claim_weight():
    from syriamap.fusion._engine import _prepare

    world = World()
    combos = list(
        itertools.product(
            [r.value for r in Relation],
            [s.value for s in Stance],
            ["government", "opposition", "hezbollah"],
            ["", "neutral", "government", "opposition"],
            ["day", "week", "published"],
            ["place", "near", "region"],
        )
    )
    for relation, stance, actor, cside, dprec, pprec in combos:
        world.claim(
            actor,
            relation,
            1,
            stance=stance,
            claimant_side=cside,
            date_precision=dprec,
            place_precision=pprec,
            confidence=0.5,
        )
    raw = world.store.evidence_frame("2024-12-31")
    ev = _prepare(raw).set_index("assertion_id").loc[raw["assertion_id"]]
    expected = [
        claim_weight(
            r.relation,
            r.stance,
            s,
            r.claimant_side,
            r.date_precision,
            r.place_precision,
            r.confidence,
        )
        for r, s in zip(raw.itertuples(), ev["side"], strict=True)
    ]
    assert ev["w"].tolist() == pytest.approx(expected)
    assert len(expected) == len(combos)


def test_control_columns_are_the_documented_contract():
    # docs/ARCHITECTURE.md: the renderer and other tools read these names.
    assert CONTROL_COLUMNS == (
        "place_id", "name", "name_ar", "kind", "admin1", "admin1_iso", "population", "actor",
        "side", "status", "confidence", "confirmed", "as_of", "last_change", "supporting",
        "conflicting", "n_sources", "sources",
    )  # fmt: skip
