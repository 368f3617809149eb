"""Stance, irrealis and relation conventions of data/ANNOTATION.md on invented sentences.

Each case is a sentence written for this file (other towns, actors and word order than
any article) with the claims a reader following the guidelines records, as (place,
actor, relation, stance); ``set()`` says that there is no claim.
"""

from __future__ import annotations

import pytest

from syriamap.extract.document import document_from_text
from syriamap.extract.pipeline import analyse

SAT = "2024-12-07"
OPP, GOV = "opposition", "government"


def claims(text: str) -> set[tuple[str, str, str, str]]:
    """The claims of ``text`` as (place, actor, relation, stance)."""
    analysis = analyse(document_from_text(text), published=SAT, source_id="conventions")
    return {(a.place_name, a.actor, str(a.relation), str(a.stance)) for a in analysis.assertions()}


def sides(text: str) -> set[tuple[str, str]]:
    """The (place, claimant side) pairs of ``text``."""
    analysis = analyse(document_from_text(text), published=SAT, source_id="conventions")
    return {(a.place_name, a.claimant_side or "") for a in analysis.assertions()}


CASES = [
    # a report opened with "told X that" covers a result participle after it
    pytest.param(
        "Officials in the Dawn operations room told Anadolu that the rebels stormed several "
        "villages, culminating in the capture of Tall Rifaat.",
        {("Tall Rifaat", OPP, "captured", "attributed")},
        id="told-that-culminating",
    ),
    pytest.param(
        "The ministry said that rebels attacked at dawn, resulting in the capture of Saraqib.",
        {("Saraqib", OPP, "captured", "attributed")},
        id="said-that-resulting",
    ),
    pytest.param(
        "The rebels pushed south, culminating in the capture of Khan Shaykhun.",
        {("Khan Shaykhun", OPP, "captured", "asserted")},
        id="culminating-without-report",
    ),
    pytest.param(
        "Rebels advanced on Sunday, ending in the capture of Maarat al-Numan.",
        {("Maarat al-Numan", OPP, "captured", "asserted")},
        id="ending-in-is-no-negation",
    ),
    # an open question asserts nothing
    pytest.param(
        "The army has yet to comment on whether it has pulled back from Rastan and Talbiseh.",
        set(),
        id="whether-withdrew",
    ),
    pytest.param("It is unclear whether rebels entered Salamiyah.", set(), id="unclear-whether"),
    pytest.param(
        "Rebels entered Rastan, but it is unclear whether they hold Talbiseh.",
        {("Rastan", OPP, "entered", "asserted")},
        id="whether-second-clause-only",
    ),
    # threats and intentions
    pytest.param(
        "Rebels are advancing fast, threatening to overrun Homs.",
        {("Homs", OPP, "advancing", "asserted")},
        id="threatening-to-overrun",
    ),
    pytest.param("The army threatened to retake Saraqib.", set(), id="threatened-verbally"),
    pytest.param(
        "The insurgents have declared intentions to advance toward Hama.",
        set(),
        id="intentions-to-advance",
    ),
    pytest.param("The army intends to retake Saraqib within days.", set(), id="intends-to"),
    # driven out / expelled = lost (ANNOTATION: forced departure)
    pytest.param(
        "Kurdish fighters were expelled from Tall Rifaat on Sunday.",
        {("Tall Rifaat", "sdf", "lost", "asserted")},
        id="expelled-from-lost",
    ),
    pytest.param(
        "Regime forces have been ousted from Manbij, the monitor said.",
        {("Manbij", GOV, "lost", "attributed")},
        id="ousted-from-lost-attributed",
    ),
    pytest.param(
        "Government troops withdrew from Manbij on Sunday.",
        {("Manbij", GOV, "withdrew", "asserted")},
        id="withdrew-stays-withdrew",
    ),
    # announced / claimed / declared control
    pytest.param(
        "The defence ministry said it was no longer in control of Deir ez-Zor city.",
        {("Deir ez-Zor", GOV, "lost", "attributed")},
        id="no-longer-in-control-of",
    ),
    pytest.param(
        "The SDF claims control over Deir ez-Zor city.",
        {("Deir ez-Zor", "sdf", "captured", "attributed")},
        id="claims-control-captured",
    ),
    pytest.param(
        "The rebels declared control over Maarat al-Numan on Sunday.",
        {("Maarat al-Numan", OPP, "captured", "attributed")},
        id="declared-control-captured",
    ),
    pytest.param(
        "The SDF claimed full control of Deir ez-Zor city.",
        {("Deir ez-Zor", "sdf", "controls", "attributed")},
        id="full-control-is-a-hold",
    ),
    pytest.param(
        "Rebels claimed control over more than 70% of Quneitra province.",
        {("Quneitra", OPP, "controls", "attributed")},
        id="claimed-share-is-a-hold",
    ),
    # a change of hands vs a standing hold
    pytest.param(
        "Tall Rifaat fell under the control of the SNA.",
        {("Tall Rifaat", "sna", "captured", "asserted")},
        id="fell-under-control-of",
    ),
    pytest.param(
        "Manbij remained under the control of the SDF.",
        {("Manbij", "sdf", "controls", "asserted")},
        id="remained-under-control-of",
    ),
    pytest.param(
        "The SDF has expanded its control over Deir ez-Zor city.",
        {("Deir ez-Zor", "sdf", "captured", "asserted")},
        id="expanded-control",
    ),
    pytest.param(
        "The army lost all control of Deir ez-Zor city.",
        {("Deir ez-Zor", GOV, "lost", "asserted")},
        id="lost-all-control",
    ),
    # a fronted adjunct before the reporting clause is the writer's
    pytest.param(
        "Following the fall of Hama, activists reported an exodus from Homs.",
        {("Hama", GOV, "lost", "asserted")},
        id="fronted-adjunct-asserted",
    ),
    pytest.param(
        "After rebels took Saraqib, troops withdrew from Binnish, the monitor said.",
        {
            ("Saraqib", OPP, "captured", "attributed"),
            ("Binnish", GOV, "withdrew", "attributed"),
        },
        id="fronted-adjunct-final-cue-covers-all",
    ),
    # fighting still under way for a purpose is contested, not a capture
    pytest.param(
        "Rebels said clashes are ongoing to liberate Saraqib.",
        {("Saraqib", OPP, "contested", "attributed")},
        id="clashes-ongoing-to-liberate",
    ),
    pytest.param("Battles are still raging to take Binnish.", set(), id="raging-to-take-no-actor"),
    # two coordinated verbs share their object
    pytest.param(
        "Insurgents entered and seized the town of Binnish.",
        {("Binnish", OPP, "entered", "asserted"), ("Binnish", OPP, "captured", "asserted")},
        id="entered-and-seized",
    ),
    pytest.param(
        "Rebels entered Saraqib and took control of Binnish.",
        {("Saraqib", OPP, "entered", "asserted"), ("Binnish", OPP, "captured", "asserted")},
        id="entered-x-and-took-y",
    ),
    pytest.param("Troops entered and left Saraqib.", set(), id="entered-and-left"),
    # a speaker who says the attempt failed denies the attacker's capture
    pytest.param(
        "State TV claimed that the rebel offensive to take Saraqib had failed.",
        {("Saraqib", OPP, "captured", "denied")},
        id="claimed-offensive-failed-denied",
    ),
    pytest.param("The rebel offensive to take Saraqib failed.", set(), id="failed-said-by-text"),
    pytest.param(
        "The army said the SDF's attempt to capture Binnish was repelled.",
        set(),
        id="failed-attempt-of-another-actor-no-guess",
    ),
    pytest.param(
        "Rebels said the offensive to take Saraqib had succeeded.",
        set(),
        id="offensive-to-take-no-failure",
    ),
    # "reported the same thing" repeats the claims before, with their stance
    pytest.param(
        "Rebels captured Saraqib on Monday, a commander said. The Syrian Observatory for "
        "Human Rights reported the same thing.",
        {("Saraqib", OPP, "captured", "attributed")},
        id="same-thing-repeats",
    ),
    pytest.param(
        "Rebels captured Saraqib on Monday. Residents in Binnish said the same thing "
        "happened there.",
        {("Saraqib", OPP, "captured", "asserted")},
        id="same-thing-with-own-content",
    ),
    # a cue with a noun object covers that object only, not a second verb after "and"
    pytest.param(
        "Air strikes hit Idlib on Sunday as rebels claimed control of Saraqib and advanced "
        "towards Binnish.",
        {("Saraqib", OPP, "captured", "attributed"), ("Binnish", OPP, "advancing", "asserted")},
        id="claimed-control-and-advanced",
    ),
    pytest.param(
        "Rebels claimed that they captured Saraqib and advanced towards Binnish.",
        {("Saraqib", OPP, "captured", "attributed"), ("Binnish", OPP, "advancing", "attributed")},
        id="claimed-clause-covers-both-verbs",
    ),
    pytest.param(
        "Rebels claimed control of Saraqib and Binnish.",
        {("Saraqib", OPP, "captured", "attributed"), ("Binnish", OPP, "captured", "attributed")},
        id="claimed-control-of-a-list",
    ),
    pytest.param(
        "The defence minister remarked on Thursday that the army's withdrawal from Saraqib "
        "was tactical.",
        {("Saraqib", GOV, "withdrew", "attributed")},
        id="remarked-is-a-report",
    ),
    # a quotation over several sentences: "our forces" and "we" take the side of the
    # speaker named where it closes
    pytest.param(
        '"Our fighters entered Saraqib. We now hold the whole town," a rebel commander said.',
        {
            ("Saraqib", OPP, "entered", "attributed"),
            ("the whole town", OPP, "controls", "attributed"),
        },
        id="quote-closes-with-rebel-speaker",
    ),
    pytest.param(
        '"Our units withdrew from Saraqib. They regrouped outside the town," the army said.',
        {("Saraqib", GOV, "withdrew", "attributed")},
        id="quote-closes-with-army-speaker",
    ),
    pytest.param(
        '"Our forces entered Saraqib. The enemy has collapsed," the commander said.',
        set(),
        id="quote-closes-with-speaker-of-no-side",
    ),
    pytest.param(
        "\u201cWe entered Idlib,\u201d rebel commander Ahmad Saleh told Enab Baladi.\n\n"
        "\u201cWe seized Saraqib.\u201d",
        {("Idlib", OPP, "entered", "attributed"), ("Saraqib", OPP, "captured", "attributed")},
        id="quote-continued-in-next-paragraph",
    ),
    # "said that A while B": without a comma, B is part of the report
    pytest.param(
        "State TV said that the army held Idlib while rebels stormed Saraqib.",
        {("Idlib", GOV, "controls", "attributed"), ("Saraqib", OPP, "captured", "attributed")},
        id="said-that-while-inside",
    ),
    pytest.param(
        "State TV said that the army held Idlib, while rebels stormed Saraqib.",
        {("Idlib", GOV, "controls", "attributed"), ("Saraqib", OPP, "captured", "asserted")},
        id="said-that-comma-while-outside",
    ),
    pytest.param(
        "Rebels still control Idlib.",
        {("Idlib", OPP, "controls", "asserted")},
        id="control-without-claim",
    ),
]


@pytest.mark.parametrize(("text", "want"), CASES)
def test_convention(text: str, want: set[tuple[str, str, str, str]]) -> None:
    assert claims(text) == want


@pytest.mark.parametrize(
    ("claimant_text", "side"),
    [
        ("Sources from the Dawn operations room told Anadolu", "opposition"),
        ("Sources close to the Syrian army told Anadolu", "government"),
        ("Sources told Anadolu", "neutral"),
        ("Reuters quoted two army officers as saying", "government"),
        ("AP, quoting state TV, said", "neutral"),
    ],
)
def test_sources_from_a_body_speak_for_it(claimant_text: str, side: str) -> None:
    got = sides(f"{claimant_text} that rebels captured Saraqib on Sunday.")
    assert got == {("Saraqib", side)}


def test_the_same_thing_copies_each_claim_to_its_speaker() -> None:
    text = (
        "The army said it did not withdraw from Saraqib. State TV said the same. "
        "Rebels captured Binnish on Monday, a commander said. The monitor reported the "
        "same thing."
    )
    analysis = analyse(document_from_text(text), published=SAT, source_id="conventions")
    got = sorted((a.place_name, str(a.stance), a.claimant) for a in analysis.assertions())
    assert got == [
        ("Binnish", "attributed", "The monitor"),
        ("Binnish", "attributed", "a commander"),
        ("Saraqib", "denied", "State TV"),
        ("Saraqib", "denied", "The army"),
    ]


def test_an_embedded_post_is_the_account_s_claim() -> None:
    body = (
        "Rebels advanced on Sunday across the north of the country, taking several towns "
        "and villages and pushing on, while government forces were said to be regrouping "
        "after days of losses across the province and beyond it into the neighbouring "
        "ones, according to the monitor and several residents who spoke by phone."
    )
    text = (
        f"{body}\nMap of the front as of today. Rebels are at the gates of Hama city.\n"
        "pic.twitter.com/abc\n\u2014 Some Map Account (@somemap) December 6, 2024\n"
        "Rebels captured Saraqib on Monday.\n"
    )
    analysis = analyse(document_from_text(text), published=SAT, source_id="conventions")
    got = {(a.place_name, str(a.stance), a.claimant) for a in analysis.assertions()}
    assert ("Hama", "attributed", "Some Map Account (@somemap)") in got
    assert ("Saraqib", "asserted", "") in got  # after the signature: the article again


@pytest.mark.parametrize(
    "text",
    [
        "Iranian advisers had left Syria before the fall of Hama, an informed source said.",
        "Analysts in Beirut say the fall of Hama was the result of a deal.",
        "The fall of Hama came as a shock to the region, according to officials.",
    ],
)
def test_a_fall_presupposed_inside_a_report_is_the_pages_own(text: str) -> None:
    assert ("Hama", GOV, "lost", "asserted") in claims(text)


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("Rebels announced the fall of Hama.", "attributed"),
        ("The army denied the fall of Hama.", "denied"),
    ],
)
def test_a_fall_announced_or_denied_is_the_speakers(text: str, stance: str) -> None:
    assert ("Hama", GOV, "lost", stance) in claims(text)


@pytest.mark.parametrize(
    ("text", "homs"),
    [
        ("Rebels say they have taken Hama; Homs falls overnight", "asserted"),
        ("The monitor said rebels took Hama; the army left Homs.", "asserted"),
        # an opening "according to" and a quotation cover the whole sentence
        ("According to the monitor, rebels took Hama; the army left Homs.", "attributed"),
        ('The commander said: "Rebels took Hama; the army left Homs."', "attributed"),
    ],
)
def test_a_report_before_a_semicolon_ends_there(text: str, homs: str) -> None:
    got = {(p, s) for p, _a, _r, s in claims(text)}
    assert ("Hama", "attributed") in got
    assert ("Homs", homs) in got


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a parenthesis before the main clause reports the whole sentence
        (
            "On Friday, the monitor said, rebels took Rastan, while Kurdish forces entered Raqqa.",
            {
                ("Rastan", OPP, "captured", "attributed"),
                ("Raqqa", "sdf", "entered", "attributed"),
            },
        ),
        # a trailing attribution reports what stands before it, not the "while" clause
        (
            "Rebels took Rastan, the monitor said, while Kurdish forces entered Raqqa.",
            {
                ("Rastan", OPP, "captured", "attributed"),
                ("Raqqa", "sdf", "entered", "asserted"),
            },
        ),
    ],
)
def test_the_reach_of_a_parenthetical_attribution(text: str, want: set) -> None:
    assert claims(text) == want
