"""The control model: rule tables, then behaviour on small worlds, properties, public frames."""

import datetime as dt
import itertools

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from syriamap.assertions import Assertion, DatePrecision, Relation, Source, Stance
from syriamap.errors import InvalidDateError
from syriamap.fusion import (
    CAPITAL_COLUMNS,
    CONTROL_COLUMNS,
    DATE_PRECISION_WEIGHT,
    HOLD_THRESHOLD,
    PLACE_PRECISION_WEIGHT,
    PRESUPPOSED_DAYS,
    RELATION_EFFECT,
    STANCE_WEIGHT,
    STATES,
    ControlState,
    capitals,
    claim_weight,
    control_at,
    control_state,
    explain,
    fuse,
    governorate_summary,
    interest,
    posterior,
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
        reported = None if as_reported_by is None else f"2024-12-{as_reported_by:02d}"
        state = control_state(place, date, as_reported_by=reported, store=self.store)
        return None if not state.supporting and not state.conflicting else state

    def p(self, day, side, place=P, as_reported_by=None):
        """The posterior of ``side`` holding ``place`` on ``day``."""
        date = f"2024-12-{day:02d}"
        reported = None if as_reported_by is None else f"2024-12-{as_reported_by:02d}"
        frame = posterior(place, date, date, as_reported_by=reported, store=self.store)
        return float(frame[side].iloc[0])


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


# -- behaviour on small worlds ---------------------------------------------------------------


def test_a_capture_changes_the_holder_from_its_day(w):
    w.claim("government", "controls", 1, by="pubA")
    w.claim("opposition", "captured", 4, by="pubB")
    assert w.at(2).side == "government" and w.at(2).status == "held"
    after = w.at(5)
    assert (after.actor, after.side, after.status) == ("opposition", "opposition", "held")
    assert after.last_change == dt.date(2024, 12, 4)


def test_a_lone_voice_cannot_overturn_a_hold_two_voices_back(w):
    # Two outlets said the rebels held the city this week; one later says the army has it.
    w.claim("opposition", "controls", 3, by="pubA")
    w.claim("opposition", "controls", 4, by="pubB")
    stray = w.claim("government", "captured", 6, by="pubC")
    state = w.at(7)
    assert state.side == "opposition" and state.disputed
    assert stray in state.conflicting


def test_two_independent_voices_do_overturn_it(w):
    w.claim("opposition", "controls", 3, by="pubA")
    w.claim("opposition", "controls", 4, by="pubB")
    w.claim("government", "captured", 6, by="pubC")
    w.claim("government", "captured", 6, by="pubD")
    assert w.at(7).side == "government"


def test_repeats_from_one_voice_count_once_and_wire_copies_share_a_voice(w):
    w.claim("opposition", "controls", 3, by="pubA")
    once = w.p(3, "opposition")
    w.claim("opposition", "controls", 3, by="pubA")
    assert w.p(3, "opposition") == pytest.approx(once)
    w.claim("opposition", "controls", 3, by="Daily One (AFP)")
    relayed = w.p(3, "opposition")
    w.claim("opposition", "controls", 3, by="Daily Two (AFP)")
    assert w.p(3, "opposition") == pytest.approx(relayed)
    w.claim("opposition", "controls", 3, by="pubZ")
    assert w.p(3, "opposition") > relayed


def test_advancing_later_corrects_an_early_capture_with_hindsight(w):
    # An early report has the rebels taking the city on the 1st; on the 4th and 5th two
    # outlets have them still "advancing on" it.
    w.claim("opposition", "captured", 1, by="pubA")
    w.claim("opposition", "advancing", 4, by="pubB")
    w.claim("opposition", "advancing", 5, by="pubC")
    with_hindsight = w.p(2, "opposition")
    as_reported = w.p(2, "opposition", as_reported_by=2)
    assert with_hindsight < as_reported
    assert w.at(2).side != "opposition"


def test_as_reported_by_never_uses_a_later_source(w):
    w.claim("government", "controls", 1, by="early", published="2024-12-02")
    late = w.claim("opposition", "captured", 1, by="late", published="2024-12-09")
    state = w.at(3, as_reported_by=5)
    assert late not in state.supporting + state.conflicting
    assert state.side == "government"


def test_withdrawal_without_a_taker_leaves_the_place_unknown(w):
    w.claim("government", "controls", 1, by="pubA")
    w.claim("government", "withdrew", 5, by="pubB")
    state = w.at(6)
    assert state.status == "unknown" and state.side == ""
    assert w.p(4, "government") > HOLD_THRESHOLD  # it did hold the place before


def test_entering_makes_a_place_contested_without_a_holder(w):
    w.claim("opposition", "entered", 5)
    state = w.at(5)
    assert state.status == "contested" and state.side == ""


def test_a_rival_entering_a_held_place_contests_it(w):
    w.claim("government", "controls", 1, by="pubA")
    w.claim("government", "controls", 4, by="pubB")
    w.claim("opposition", "entered", 5, by="pubC")
    state = w.at(5)
    assert (state.side, state.status, state.disputed) == ("government", "contested", False)


def test_a_denied_capture_counts_against_it(w):
    w.claim("opposition", "captured", 5, by="pubA")
    before = w.p(5, "opposition")
    w.claim("opposition", "captured", 5, by="pubB", stance="denied")
    assert w.p(5, "opposition") < before


def test_allies_count_for_the_side_they_back(w):
    # Russian or Hezbollah "control" of a Syrian town is the government's.
    w.claim("russia", "controls", 5, place=HOMS, by="pubA")
    w.claim("hezbollah", "controls", 5, place=HOMS, by="pubB")
    state = w.at(5, place=HOMS)
    assert state.side == "government" and state.actor == "government"


def test_israel_holds_only_where_the_data_says_so(w):
    quneitra = Gazetteer.default().capitals()["SY-QU"].place_id
    w.claim("israel", "captured", 8, place=quneitra, by="pubA")
    w.claim("israel", "captured", 8, place=quneitra, by="pubB")
    assert w.at(9, place=quneitra).side == "israel"
    w.claim("israel", "captured", 8, place=HOMS, by="pubA")
    w.claim("israel", "captured", 8, place=HOMS, by="pubB")
    assert w.at(9, place=HOMS).side == ""
    assert set(explain(HOMS, "2024-12-09", store=w.store)["role"]) == {"ignored"}


def test_a_side_leaving_a_whole_province_ends_its_holds_inside(w):
    # ... from that day: it says nothing of who held the places before
    g = Gazetteer.default()
    gov = next(p for p in g.governorates() if p.admin1_iso == "SY-HM")
    w.claim("government", "controls", 1, place=HAMA, by="pubA")
    w.claim("government", "controls", 3, place=HAMA, by="pubD")
    left = {
        w.claim("government", "withdrew", 5, place=gov.place_id, by="pubB"),
        w.claim("government", "withdrew", 5, place=gov.place_id, by="pubC"),
    }
    assert w.at(3, place=HAMA).side == "government"
    after = w.at(6, place=HAMA)
    assert after.side != "government"
    assert left <= set(after.supporting)  # the area claims are the city's evidence
    assert left <= set(explain(HAMA, "2024-12-06", store=w.store)["assertion_id"])


def test_unverified_counts_less_and_is_not_confirmed(w):
    w.claim("opposition", "controls", 5, place=HOMS, by="pubA", stance="asserted")
    w.claim("opposition", "controls", 5, place=HAMA, by="pubA", stance="unverified")
    assert w.p(5, "opposition", place=HOMS) > w.p(5, "opposition", place=HAMA)
    assert w.at(5, place=HOMS).confirmed
    hama = w.at(5, place=HAMA)
    assert not hama.confirmed


# -- properties (hypothesis) ----------------------------------------------------------------

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


def _world(claims):
    world = World()
    for place, actor, relation, stance, day, pub, cside in claims:
        world.claim(actor, relation, day, place=place, stance=stance, by=pub, claimant_side=cside)
    return world


def _canon(frame):
    return frame.sort_values("place_id").reset_index(drop=True)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(claims=claims_strategy, seed=st.integers(0, 2**32 - 1))
def test_fusion_does_not_depend_on_arrival_order(claims, seed):
    ev = _world(claims).store.evidence_frame()
    shuffled = ev.sample(frac=1.0, random_state=seed % (2**32 - 1))
    for day in ("2024-12-03", "2024-12-07"):
        a, b = _canon(fuse(ev, day)), _canon(fuse(shuffled, day))
        pd.testing.assert_frame_equal(a, b)
        assert a["confidence"].between(0, 1).all()
        assert set(a["status"]) <= {"held", "contested", "unknown"}
        for sup, con in zip(a["supporting"], a["conflicting"], strict=True):
            assert not set(sup) & set(con)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    claims=claims_strategy,
    actor=st.sampled_from(["government", "opposition", "sdf"]),
    relation=st.sampled_from(["captured", "controls"]),
    day=st.integers(1, 6),
)
def test_an_independent_supporting_claim_never_lowers_the_holders_posterior(
    claims, actor, relation, day
):
    world = _world(claims)
    side = {"government": "government", "opposition": "opposition", "sdf": "sdf"}[actor]
    before = world.p(day, side, place=HOMS)
    world.claim(actor, relation, day, place=HOMS, by="an independent outlet")
    assert world.p(day, side, place=HOMS) >= before - 1e-9


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    holder=st.sampled_from(["government", "opposition", "sdf"]),
    rival=st.sampled_from(["government", "opposition", "sdf", "isis"]),
    relation=st.sampled_from(["captured", "controls"]),
    stance=st.sampled_from(["asserted", "attributed"]),
    gap=st.integers(1, 6),
)
def test_one_voice_against_a_hold_two_voices_support_does_not_change_the_holder(
    holder, rival, relation, stance, gap
):
    if rival == holder:
        return
    w = World()
    w.claim(holder, "controls", 1, by="pubA")
    w.claim(holder, "controls", 2, by="pubB")
    w.claim(rival, relation, 2 + gap, by="pubC", stance=stance, claimant_side="neutral")
    state = w.at(2 + gap)
    assert state.side == holder and state.disputed


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(claims=claims_strategy, reported=st.integers(1, 9))
def test_as_reported_by_uses_no_source_published_later(claims, reported):
    world = _world(claims)
    early = world.claim("government", "controls", 1, place=HAMA, by="early", published="2024-12-01")
    late = world.claim("opposition", "captured", 1, place=HAMA, by="late", published="2024-12-10")
    frame = control_at("2024-12-09", as_reported_by=f"2024-12-{reported:02d}", store=world.store)
    used = {a for ids in [*frame["supporting"], *frame["conflicting"]] for a in ids}
    assert late not in used
    published = world.store.sources_frame().set_index("source_id")["published"]
    assert all(
        published[s].date() <= dt.date(2024, 12, reported) for ids in frame["sources"] for s in ids
    )
    assert early in used or reported < 1


# -- public frames (need the gazetteer) -----------------------------------------------------


def test_control_at_columns_and_geometry(w):
    w.claim("government", "controls", 1, place=HOMS)
    w.claim("opposition", "captured", 7, place=HOMS, by="pubB")
    w.claim("opposition", "entered", 7, place=P)
    frame = control_at("2024-12-08", store=w.store)
    assert list(frame.columns) == [*CONTROL_COLUMNS, "geometry"]
    assert frame.crs.to_epsg() == 4326
    assert set(frame.geometry.geom_type) == {"Point"}
    assert list(frame["place_id"]) == sorted([HOMS, P])
    homs = frame.set_index("place_id").loc[HOMS]
    assert homs["name"] == "Homs" and homs["side"] == "opposition"
    assert homs["as_of"] == dt.date(2024, 12, 8)
    assert 34 < homs.geometry.y < 35.5 and 36 < homs.geometry.x < 37.5


def test_places_are_listed_from_their_first_claim(w):
    w.claim("opposition", "captured", 7, place=HOMS)
    assert control_at("2024-12-06", store=w.store).empty
    assert list(control_at("2024-12-07", store=w.store)["place_id"]) == [HOMS]


def test_a_withdrawal_presupposes_the_hold_before_it(w):
    left = w.claim("government", "withdrew", 7, place=HOMS)
    w.claim("opposition", "captured", 7, place=HOMS, by="pubB")
    before = control_at("2024-12-04", store=w.store).set_index("place_id").loc[HOMS]
    assert (before["side"], before["status"]) == ("government", "held")
    assert before["supporting"] == [left] and before["last_change"] is None
    assert (
        explain(HOMS, "2024-12-04", store=w.store).set_index("assertion_id").loc[left, "role"]
        == "supporting"
    )
    after = control_at("2024-12-08", store=w.store).set_index("place_id").loc[HOMS]
    assert after["side"] == "opposition"


def test_a_presupposed_hold_reaches_back_a_bounded_number_of_days(w):
    w.claim("government", "withdrew", 20, place=HOMS)
    assert not control_at(f"2024-12-{20 - PRESUPPOSED_DAYS:02d}", store=w.store).empty
    assert control_at(f"2024-12-{19 - PRESUPPOSED_DAYS:02d}", store=w.store).empty


def test_a_presupposed_hold_uses_no_source_published_later(w):
    w.claim("government", "withdrew", 7, place=HOMS, published="2024-12-07")
    assert control_at("2024-12-04", as_reported_by="2024-12-06", store=w.store).empty
    assert not control_at("2024-12-04", as_reported_by="2024-12-07", store=w.store).empty


def test_bad_dates_raise():
    with pytest.raises(InvalidDateError):
        control_at("8 December", store=Store())
    with pytest.raises(InvalidDateError):
        capitals("2024-12-08", as_reported_by="soon", store=Store())


def test_capitals_lists_all_fourteen(w):
    w.claim("opposition", "captured", 5, place=HAMA)
    caps = capitals("2024-12-06", store=w.store)
    assert tuple(caps.columns) == CAPITAL_COLUMNS
    assert len(caps) == 14 and caps["iso"].is_unique
    hama = caps.set_index("iso").loc["SY-HM"]
    assert (hama["capital"], hama["side"], hama["status"]) == ("Hama", "opposition", "held")
    rest = caps[caps["iso"] != "SY-HM"]
    assert set(rest["status"]) == {"unknown"} and set(rest["confidence"]) == {0.0}


def test_governorate_summary_is_as_strong_as_its_evidence(w):
    w.claim("opposition", "captured", 5, place=HAMA, by="pubA")
    w.claim("opposition", "captured", 5, place=HAMA, by="pubB")
    w.claim("government", "controls", 5, place=HOMS, by="pubA", stance="attributed")
    summary = governorate_summary("2024-12-06", store=w.store).set_index("iso")
    assert len(summary) == 14
    hama, homs = summary.loc["SY-HM"], summary.loc["SY-HI"]
    assert hama["dominant_side"] == "opposition" and homs["dominant_side"] == "government"
    # a city is not its province; one attributed claim is weaker than two asserted ones
    assert 0 < hama["coverage"] < 1 and hama["dominant_share"] < 1
    assert homs["pop_share_government"] < hama["pop_share_opposition"]
    assert summary.loc["SY-RA", "n_places"] == 0 and summary.loc["SY-RA", "dominant_side"] == ""


def test_an_unconfirmed_province_claim_does_not_colour_the_province(w):
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
    row = governorate_summary("2024-12-06", store=w.store).set_index("iso").loc["SY-RD"]
    assert row["coverage"] < 0.05 and row["dominant_share"] < 0.05


def test_control_state_explain_and_posterior(w):
    cid = w.claim("opposition", "captured", 5, place=HAMA)
    state = control_state(HAMA, "2024-12-06", store=w.store)
    assert isinstance(state, ControlState) and state.held
    assert state.supporting == (cid,)
    assert repr(state).startswith(f"<ControlState {HAMA} Hama held opposition")
    assert "<table>" in state._repr_html_()
    nothing = control_state(HOMS, "2024-12-06", store=w.store)
    assert nothing.status == "unknown" and nothing.confidence == 0.0
    why = explain(HAMA, "2024-12-06", store=w.store)
    assert list(why["role"]) == ["supporting"] and why["llr"].iloc[0] > 0
    assert why.attrs["posterior"]["opposition"] == pytest.approx(state.confidence, abs=1e-3)
    assert sum(why.attrs["prior"].values()) == pytest.approx(1, abs=1e-3)
    path = posterior(HAMA, "2024-12-01", "2024-12-08", store=w.store)
    assert list(path.columns) == ["date", *STATES] and len(path) == 8
    assert path[list(STATES)].sum(axis=1).to_numpy() == pytest.approx(1, abs=1e-3)
    assert path["opposition"].iloc[-1] > 0.5 > path["opposition"].iloc[0]


def test_vectorised_weights_match_claim_weight():
    from syriamap.fusion.frames import _places
    from syriamap.fusion.model import prepare

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
    ev = prepare(raw, _places()).set_index("assertion_id").loc[raw["assertion_id"]]
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
        "place_id",
        "name",
        "name_ar",
        "kind",
        "admin1",
        "admin1_iso",
        "population",
        "actor",
        "side",
        "status",
        "confidence",
        "confirmed",
        "disputed",
        "as_of",
        "last_change",
        "supporting",
        "conflicting",
        "n_sources",
        "sources",
    )


def test_the_regime_falling_ends_its_holds_everywhere_but_is_no_dot(w):
    syria = next(p for p in Gazetteer.default() if p.kind == "country" and not p.outside_syria)
    w.claim("government", "controls", 1, place=HOMS, by="pubA")
    w.claim("government", "controls", 2, place=HOMS, by="pubB")
    fell = {
        w.claim("government", "lost", 8, place=syria.place_id, by="pubC"),
        w.claim("government", "lost", 8, place=syria.place_id, by="pubD"),
    }
    assert w.at(5, place=HOMS).side == "government"
    after = control_at("2024-12-09", store=w.store).set_index("place_id")
    assert syria.place_id not in after.index
    assert after.loc[HOMS, "side"] != "government"
    assert fell <= set(after.loc[HOMS, "supporting"])


# -- claims about part of an area (syriamap.assertions.PARTIAL_AREA_NOTE) -------------------

HOMS_GOV = "wof:85678367"


def _partial_note():
    from syriamap.assertions import PARTIAL_AREA_NOTE

    return f"{PARTIAL_AREA_NOTE}: several towns in the province"


def test_a_claim_on_part_of_a_governorate_does_not_colour_it(w):
    for by in ("pubA", "pubB"):
        w.claim(
            "opposition", "captured", 5, place=HOMS_GOV, by=by, place_precision="region",
            note=_partial_note(),
        )  # fmt: skip
    # a presence in the province (like an entry), fought over; no confirmed hold of it
    state = control_state(HOMS_GOV, "2024-12-06", store=w.store)
    assert not state.confirmed
    row = governorate_summary("2024-12-06", store=w.store).set_index("iso").loc["SY-HI"]
    assert row["dominant_share"] < 0.05
    # the same two claims about the whole province do colour it
    whole = World()
    for by in ("pubA", "pubB"):
        whole.claim("opposition", "captured", 5, place=HOMS_GOV, by=by, place_precision="region")
    held = control_state(HOMS_GOV, "2024-12-06", store=whole.store)
    assert held.confirmed and held.confidence > state.confidence + 0.3
    row = governorate_summary("2024-12-06", store=whole.store).set_index("iso").loc["SY-HI"]
    assert row["dominant_side"] == "opposition" and row["dominant_share"] > 0.5


def test_a_withdrawal_from_part_of_a_governorate_ends_no_hold_inside(w):
    w.claim("government", "controls", 3, place=HOMS, by="pubA")
    w.claim("government", "controls", 3, place=HOMS, by="pubB")
    w.claim(
        "government", "withdrew", 5, place=HOMS_GOV, place_precision="region",
        note=_partial_note(),
    )  # fmt: skip
    assert w.p(6, "government", place=HOMS) > 0.5
