import datetime as dt

import pytest

from syriamap.extract.dates import date_for, find_date_cues

SAT = dt.date(2024, 12, 7)
FRI = dt.date(2024, 12, 6)


@pytest.mark.parametrize(
    "text, published, expected, precision",
    [
        ("Rebels entered Palmyra on Saturday.", SAT, "2024-12-07", "day"),
        ("They took Hama on Thursday.", FRI, "2024-12-05", "day"),
        ("On Friday, SOHR said.", SAT, "2024-12-06", "day"),
        ("Earlier today, he said.", SAT, "2024-12-07", "day"),
        ("The army left yesterday.", SAT, "2024-12-06", "day"),
        ("He lost Aleppo last week.", FRI, "2024-11-28", "week"),
        ("On November 27, gunmen seized Aleppo.", SAT, "2024-11-27", "day"),
        ("On 8 December rebels entered Damascus.", dt.date(2024, 12, 9), "2024-12-08", "day"),
        ("December 30 was calm.", dt.date(2025, 1, 2), "2024-12-30", "day"),
        ("Dec. 6, 2024 saw fighting.", None, "2024-12-06", "day"),
        ("It began in March 2011.", SAT, "2011-03-15", "month"),
        ("two days ago rebels entered Hama.", SAT, "2024-12-05", "day"),
        # a span ending at publication: its middle
        ("They seized Souran over the past week.", SAT, "2024-12-04", "week"),
        ("They took Halfaya in the last few days.", SAT, "2024-12-04", "days"),
        ("This week they took Hama.", SAT, "2024-12-07", "week"),
        ("Hama fell earlier this month.", dt.date(2024, 12, 13), "2024-12-06", "month"),
        ("Hama fell earlier this month.", dt.date(2024, 12, 2), "2024-12-02", "month"),
    ],
)
def test_cues(text, published, expected, precision):
    cues = [c for c in find_date_cues(text, published) if c.date]
    assert cues and cues[0].date.isoformat() == expected and cues[0].precision == precision


def test_weekday_is_latest_on_or_before_publication():
    (cue,) = find_date_cues("on Saturday", SAT)
    assert cue.date == SAT
    (cue,) = find_date_cues("on Sunday", SAT)
    assert cue.date == dt.date(2024, 12, 1)


def test_without_publication_only_explicit_years_are_dated():
    cues = find_date_cues("On Saturday, on November 27, and on 6 December 2024", None)
    assert [c.date for c in cues] == [None, None, dt.date(2024, 12, 6)]


def test_no_cue_takes_publication_date():
    assert date_for([], 5, SAT) == (SAT, "published")
    assert date_for([], 5, None) == (None, "published")


def test_cue_before_a_new_clause_does_not_reach():
    text = "The offensive, which began on November 27 and has seen them capture Aleppo."
    cues = find_date_cues(text, SAT)
    assert date_for(cues, text.index("capture"), SAT, text, 0) == (SAT, "published")
    text = "They took control of Hama, which is north of Homs, on Thursday."
    cues = find_date_cues(text, FRI)
    assert date_for(cues, text.index("took"), FRI, text, 0) == (dt.date(2024, 12, 5), "day")


def test_lowercase_may_is_not_a_month():
    assert find_date_cues("the army may 5 times retreat", SAT) == []


@pytest.mark.parametrize(
    ("text", "place", "date"),
    [
        (
            "Rebels entered Hama on November 27. Two days after they entered it, they "
            "captured Homs.",
            "Homs",
            "2024-11-29",
        ),
        (
            "Rebels captured Aleppo on November 30. A week after the fall of Aleppo, the army "
            "lost Hama.",
            "Hama",
            "2024-12-07",
        ),
        (
            "Rebels captured Homs a month after they took Aleppo on November 1.",
            "Homs",
            "2024-12-01",
        ),
        (
            "Rebels captured Homs a month after they took Aleppo on November 1.",
            "Aleppo",
            "2024-11-01",
        ),
        ("Rebels captured Homs on Wednesday night.", "Homs", "2024-12-04"),
        ("Rebels captured Homs on the night of Dec. 7.", "Homs", "2024-12-07"),
    ],
)
def test_dated_relative_to_another_event(text, place, date):
    from syriamap.extract import extract
    from syriamap.gazetteer import Gazetteer

    g = Gazetteer.default()
    got = {
        (g.get(a.place_id).name, str(a.event_date)) for a in extract(text, published="2024-12-10")
    }
    assert (place, date) in got


def test_an_offset_beyond_publication_is_ignored():
    from syriamap.extract import extract

    got = extract(
        "Rebels took Aleppo on December 1. A month after that, they entered Homs.",
        published="2024-12-10",
    )
    assert all(str(a.event_date) <= "2024-12-10" for a in got)


def test_early_and_late_month_are_weeks_dated_at_their_thursday() -> None:
    import datetime as _dt

    from syriamap.extract.dates import find_date_cues as _cues

    pub = _dt.date(2024, 12, 7)
    got = {
        c.text: (c.date.isoformat() if c.date else "", c.precision)
        for c in _cues("Rebels struck in late November 2024 and again in early December.", pub)
    }
    assert got == {
        "in late November 2024": ("2024-11-28", "week"),
        "in early December": ("2024-12-05", "week"),
    }
    (plain,) = _cues("It happened in October.", pub)
    assert (plain.date, plain.precision) == (_dt.date(2024, 10, 15), "month")


@pytest.mark.parametrize(
    "text, published, expected",
    [
        # published on a weekday: the weekend just past, dated at its Saturday
        ("Over the weekend, rebels captured Aleppo.", FRI, "2024-11-30"),
        ("Rebels entered Hama during the weekend.", dt.date(2024, 12, 9), "2024-12-07"),
        ("Rebels captured Aleppo last weekend.", dt.date(2024, 12, 3), "2024-11-30"),
        ("At the weekend the army left Homs.", dt.date(2024, 12, 2), "2024-11-30"),
        # published on a weekend: this weekend; "last weekend" the one before
        ("Over the weekend, rebels captured Aleppo.", SAT, "2024-12-07"),
        ("This weekend the army left Homs.", dt.date(2024, 12, 8), "2024-12-07"),
        ("Rebels captured Aleppo last weekend.", SAT, "2024-11-30"),
    ],
)
def test_weekend_is_the_saturday_of_the_latest_weekend(text, published, expected):
    (cue,) = [c for c in find_date_cues(text, published) if c.date]
    assert (cue.date.isoformat(), cue.precision) == (expected, "days")


def test_last_week_is_not_last_weekend():
    (cue,) = find_date_cues("He lost Aleppo last week.", FRI)
    assert (cue.date.isoformat(), cue.precision) == ("2024-11-28", "week")
    assert find_date_cues("The weekend market reopened.", FRI) == []


def test_a_start_set_off_from_the_claim_does_not_date_it():
    # "..., launched on Dec. 1" / "an offensive launched on" date another event's start
    for text in (
        "The SNA took Tel Rifaat as part of its operation, launched on December 1.",
        "Rebels captured Saraqib in an offensive launched on Wednesday.",
    ):
        cues = find_date_cues(text, SAT)
        assert (
            date_for(cues, text.index("took" if "took" in text else "captured"), SAT, text, 0)[1]
            == "published"
        )
    # ... but the claim's own verb of beginning is dated by its cue
    text = "The fighting in Manbij began last week."
    cues = find_date_cues(text, FRI)
    assert date_for(cues, text.index("fighting"), FRI, text, 0) == (dt.date(2024, 11, 28), "week")


def _dated(text, published="2024-12-14"):
    from syriamap.extract import extract

    return {
        (a.place_name, a.event_date.isoformat(), str(a.date_precision))
        for a in extract(text, published=published)
    }


@pytest.mark.parametrize(
    "opener, expected, precision",
    [
        ("The same day,", "2024-12-05", "day"),
        ("That same day,", "2024-12-05", "day"),
        ("On the same day,", "2024-12-05", "day"),
        ("That night,", "2024-12-05", "day"),
        ("The next day,", "2024-12-06", "day"),
        ("By then,", "2024-12-05", "days"),
    ],
)
def test_a_sentence_dated_by_the_event_told_just_before(opener, expected, precision):
    text = f"Rebels took Hama on 5 December. {opener} the army abandoned its positions in Sweida."
    assert ("Sweida", expected, precision) in _dated(text)


def test_the_same_day_after_an_undated_sentence_is_not_resolved():
    text = (
        "Rebels took Hama on 5 December. Crowds cheered in the streets. The same day, the "
        "army abandoned its positions in Sweida."
    )
    assert ("Sweida", "2024-12-14", "published") in _dated(text)


def test_each_list_item_takes_the_date_right_after_it():
    text = "The SNA took Tal Rifaat on 1 December and Manbij on 9 December."
    got = _dated(text, published="2024-12-17")
    assert ("Tal Rifaat", "2024-12-01", "day") in got
    assert ("Manbij", "2024-12-09", "day") in got


def _dated_places(text, published="2024-12-14"):
    from syriamap.extract import extract

    return {(a.place_name, a.event_date.isoformat()) for a in extract(text, published=published)}


def test_a_timeline_label_dates_every_sentence_of_its_entry():
    text = (
        "Here is a timeline of the main events:\n\n"
        "DEC. 6 - Rebels seize Rastan. In the south, local factions take Daraa.\n\n"
        "Dec 7 - Rebels reach the outskirts of Homs. The army withdraws from Quneitra.\n\n"
        "The rebels took Hama."
    )
    got = _dated_places(text)
    assert {("Rastan", "2024-12-06"), ("Daraa", "2024-12-06")} <= got
    assert ("Quneitra", "2024-12-07") in got
    # a paragraph with no label is not an entry: the publication date
    assert ("Hama", "2024-12-14") in got


def test_a_dateline_is_no_timeline_label():
    text = "Dec 12 (Wire) - Rebels took Hama. The army left Homs."
    assert ("Homs", "2024-12-14") in _dated_places(text)


def test_the_next_day_and_days_later_count_from_a_weekday_in_the_sentence():
    import datetime as _dt

    from syriamap.extract.dates import find_date_cues

    pub = _dt.date(2024, 12, 9)  # a Monday
    cues = find_date_cues("They reached Homs on Friday and entered it the next day.", pub)
    assert [(c.text, c.date) for c in cues] == [
        ("on Friday", _dt.date(2024, 12, 6)),
        ("the next day", _dt.date(2024, 12, 7)),
    ]
    cues = find_date_cues("Rebels took Hama on Thursday; two days later they left.", pub)
    assert cues[-1].date == _dt.date(2024, 12, 7)
    # with nothing dated before it, "the next day" dates nothing
    assert find_date_cues("The next day was quiet.", pub) == []
