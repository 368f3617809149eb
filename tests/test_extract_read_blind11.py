"""Errors found on blind11 after its one blind measurement, written as invented variants
(no sentence of the set is copied here): dates of launches and chained offsets, a "since"
adverb, a loss named inside its cue, an order of clauses that hid a subject."""

from __future__ import annotations

from claims_of import analysed, claims


def _dated(text: str, published: str = "2024-12-10") -> dict[tuple[str, str, str], str]:
    return {
        (c.place_name, c.actor, str(c.relation)): str(c.event_date)
        for c in analysed(text, published).candidates
    }


def test_the_date_of_a_launch_phrase_is_not_the_claims() -> None:
    # the launch between commas dates the offensive, not the hold told after it
    got = _dated(
        "The rebels' offensive, launched from Idlib on 27 November, had already brought "
        "Aleppo under rebel control within ten days."
    )
    assert got.get(("Aleppo", "opposition", "controls")) not in (None, "2024-11-27")
    # a launch as the main verb still dates what its participle clause did
    got = _dated("HTS launched an offensive on 27 November, capturing Anadan.")
    assert got[("Anadan", "hts_coalition", "captured")] == "2024-11-27"


def test_a_second_offset_counts_from_the_main_clauses_derived_date() -> None:
    got = _dated(
        "Rebels took Hama eight days after launching their offensive on 27 November, "
        "and a week after they seized Aleppo.",
        published="2024-12-08",
    )
    assert got[("Aleppo", "opposition", "captured")] == "2024-11-28"


def test_have_since_dates_before_the_writing_and_is_no_clause_of_time() -> None:
    got = _dated("HTS fighters have since seized Maarat al-Numan.", published="2024-12-07")
    assert got[("Maarat al-Numan", "hts_coalition", "captured")] == "2024-12-06"
    # "had since been seen": the clause's own subject (armed men) is no earlier subject's
    got = claims(
        "He said that Syrian forces had left their posts in Quneitra province and that armed "
        "men had since been seen in Khan Arnabah."
    )
    assert not [c for c in got if c[0] == "Khan Arnabah" and c[1] == "government"]


def test_a_loss_names_its_loser_inside_the_cue_never_after_it() -> None:
    got = claims("Aleppo slips from Damascus's grip as rebels sweep into the city")
    assert ("Aleppo", "opposition", "lost") not in got
    assert ("Aleppo", "government", "lost") in got


def test_a_change_of_hands_is_about_the_place_right_before_it() -> None:
    # "X as the coast changes hands": X is in another clause
    assert not claims("Warships wait off Tartus as coast changes hands")
    assert ("Aleppo", "government", "lost") in claims("Aleppo has changed hands.")


def test_a_fronted_since_starts_the_span_of_pluperfect_events() -> None:
    got = _dated(
        "Since 27 November, armed groups had taken Hama, while local factions had taken Daraa.",
        published="2024-12-09",
    )
    assert got[("Daraa", "southern_factions", "captured")] > "2024-11-27"
    # the start of a state is its date
    got = _dated(
        "Since 8 December the Israeli army has occupied the UN-patrolled buffer zone.",
        published="2024-12-12",
    )
    assert got[("UN-patrolled buffer zone", "israel", "captured")] == "2024-12-08"
