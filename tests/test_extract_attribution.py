"""Stance across sentences (extract/attribution.py), on invented articles.

Each test writes a short article in the style of the pattern it checks and reads the
stance and claimant of the claim on one place.
"""

from __future__ import annotations

import pytest

from syriamap.extract.document import document_from_text
from syriamap.extract.pipeline import analyse
from syriamap.extract.sentences import split_sentences

PUB = "2024-12-06"


def claims(text: str, place: str) -> list[tuple[str, str, str, str]]:
    """(relation, stance, claimant, claimant side) of the candidates naming ``place``."""
    analysis = analyse(document_from_text(text), published=PUB, source_id="t")
    return [
        (c.relation, c.stance, c.claimant, c.claimant_side)
        for c in analysis.candidates
        if c.place_name == place
    ]


def test_headline_takes_the_body_claims_stance():
    text = (
        "Rebels seize Saraqib as army pulls back\n\n"
        "Rebels seized the town of Saraqib on Thursday, a war monitor said.\n\n"
        "The army did not comment on the report."
    )
    # (the headline's "as army pulls back" is also the army's withdrawal, asserted)
    got = [c for c in claims(text, "Saraqib") if c[0] == "captured"]
    assert got[0] == ("captured", "attributed", "a war monitor", "neutral")  # the headline
    assert got[1] == ("captured", "attributed", "a war monitor", "neutral")


def test_a_headlines_loss_row_follows_its_takers_attributed_row():
    text = (
        "SNA liberates Manbij from YPG militants\n\n"
        "The SNA liberated Manbij on Monday, Turkish security sources said.\n\n"
        "Residents celebrated in the streets."
    )
    losses = [
        (stance, who) for relation, stance, who, _ in claims(text, "Manbij") if relation == "lost"
    ]
    assert losses and all(
        stance == "attributed" and who == "Turkish security sources" for stance, who in losses
    )


def test_headline_stays_asserted_when_the_body_asserts():
    text = (
        "Rebels seize Saraqib\n\n"
        "Rebels seized the town of Saraqib on Thursday after a night of fighting.\n\n"
        "A war monitor counted dozens of dead."
    )
    assert {c[1] for c in claims(text, "Saraqib")} == {"asserted"}


def test_headline_with_its_own_source():
    text = (
        "Fighters take full control of Manbij: Sources\n\n"
        "Fighting went on for a third day in the north of the country on Friday."
    )
    got = claims(text, "Manbij")
    assert got and got[0][1] == "attributed" and got[0][2] == "Sources"


def test_a_sentence_pointing_back_attributes_the_one_before():
    text = (
        "Heavy fighting was reported across the south on Friday.\n\n"
        "On Friday, rebels took control of the town of Nawa after a night of clashes.\n\n"
        "This development, reported by the Levant Press Agency, marks a new phase."
    )
    got = claims(text, "Nawa")
    assert got == [("captured", "attributed", "the Levant Press Agency", "neutral")]


def test_writes_about_this():
    text = (
        "Opposition fighters entered the suburbs of Hama on Friday.\n\n"
        "The Amman Courier writes about this, citing sources on the ground."
    )
    got = claims(text, "Hama")
    assert got and got[0][1:3] == ("attributed", "The Amman Courier")


def test_colon_opens_the_speakers_passage():
    text = (
        "The news came late on Friday.\n\n"
        "The Eastern Command said in a statement: Our units have entered the town of "
        "Mayadin. The army withdrew from the city of Albu Kamal overnight.\n\n"
        "Residents reported calm in the evening."
    )
    assert claims(text, "Albu Kamal")[0][1:3] == ("attributed", "The Eastern Command")


def test_quotation_over_several_sentences_takes_the_closing_speaker():
    text = (
        "The ministry issued a short update on Friday.\n\n"
        "\u201cThe army withdrew from Rastan overnight to protect civilians. Units have "
        "taken new positions around the city. The situation is stable,\u201d the defence "
        "ministry statement read.\n\n"
        "Rebels posted videos from the town later."
    )
    got = claims(text, "Rastan")
    assert got and got[0][1] == "attributed"
    assert got[0][3] == "government"


def test_unconnected_later_attribution_changes_nothing():
    text = (
        "Rebels took control of Jasim on Friday.\n\n"
        "Separately, a war monitor said 40 people had been killed in the north."
    )
    assert claims(text, "Jasim") == [("captured", "asserted", "", "")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Rebels seize Hama\n\nRebels seized Hama on Thursday.", {0}),
        ("Rebels seized Hama on Thursday.\n\nThe army left.", set()),  # a full stop: prose
        (  # the same headline printed twice
            "Rebels seize Hama\n\nPublished on 5 December 2024 by the newsroom\n\n"
            "Rebels seize Hama\n\nRebels seized Hama on Thursday. The army left.",
            {0, 1, 2},
        ),
    ],
)
def test_headline_sentences(text, expected):
    from syriamap.extract.attribution import headline_sentences

    assert headline_sentences(
        split_sentences(text, None if "\n" not in text else _paras(text))
    ) == (expected)


def _paras(text: str) -> list[tuple[int, int]]:
    out = []
    pos = 0
    for part in text.split("\n\n"):
        out.append((pos, pos + len(part)))
        pos += len(part) + 2
    return out


def test_a_list_after_a_colon_is_no_passage():
    text = (
        "Rebels said they took three towns: Nawa, Jasim and Inkhil. The army withdrew from "
        "the city of Albu Kamal overnight."
    )
    assert claims(text, "Albu Kamal")[0][1] == "asserted"


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Rebels took Sarmin on Friday, the Observatory said.",
            ("attributed", "the Observatory", "neutral"),
        ),
        (
            "Rebels are said to have taken the town of Sarmin.",
            ("attributed", "unnamed ('are said to')", "neutral"),
        ),
        (
            "Rebels took Sarmin on Friday, according to residents.",
            ("attributed", "residents", "neutral"),
        ),
        (
            "A statement by the Military Operations Command said fighters had captured Sarmin.",
            ("attributed", "A statement by the Military Operations Command", "opposition"),
        ),
        (
            "Hassan Nasser, a spokesman for the rebels, denied that fighters had left Sarmin.",
            ("denied", "Hassan Nasser, a spokesman for the rebels", "opposition"),
        ),
        (
            "Sarmin fell to the rebels on Friday, a military source told the state news agency.",
            ("attributed", "a military source", "government"),
        ),
        (
            "Rebels claimed to have captured Sarmin. The claims could not be independently "
            "verified.",
            ("unverified", "Rebels", "opposition"),
        ),
        (
            "The state news agency quoted a military source as saying troops had withdrawn "
            "from Sarmin.",
            ("attributed", "a military source", "government"),
        ),
        (
            "The rebels, in a statement on Telegram, said they had taken Sarmin.",
            ("attributed", "The rebels", "opposition"),
        ),
        (
            "Rebels took Sarmin on Friday. That is according to the Observatory.",
            ("attributed", "the Observatory", "neutral"),
        ),
    ],
)
def test_end_to_end_stance_and_claimant(text, expected):
    assert claims(text, "Sarmin")[0][1:] == expected


def test_he_said_points_back_to_the_speaker_named_before():
    text = (
        "Omar Nasser, a rebel commander, spoke to reporters on Friday. "
        "He said fighters had entered the town of Sarmin."
    )
    assert claims(text, "Sarmin")[0][1:] == (
        "attributed",
        "Omar Nasser, a rebel commander",
        "opposition",
    )


def test_the_source_keeps_the_side_of_the_source_named_before():
    text = (
        "A military source told the state news agency that the army holds Sarmin. "
        "The source stressed that troops had not withdrawn from Binnish."
    )
    assert claims(text, "Binnish")[0][1:] == ("denied", "The source", "government")


def test_an_entry_title_naming_its_source_follows_an_unverified_body():
    entry = (
        "21:15\n\nGovernment forces pull out of Quneitra province: monitor\n\n"
        "A monitor says government forces have withdrawn from Quneitra province. "
        "We have not been able to verify this independently.\n\n"
        "19:05\n\nMarkets reopen in Idlib\n\nShops reopened on Friday."
    )
    assert {c[1] for c in claims(entry, "Quneitra") if c[0] == "withdrew"} == {"unverified"}
    # a verified body leaves the title its own source
    entry = (
        "21:15\n\nGovernment forces pull out of Quneitra province: monitor\n\n"
        "A monitor says government forces have withdrawn from Quneitra province.\n\n"
        "19:05\n\nMarkets reopen in Idlib\n\nShops reopened on Friday."
    )
    assert {c[1] for c in claims(entry, "Quneitra") if c[0] == "withdrew"} == {"attributed"}


# --- transcripts: a turn under a guest's label is the guest's ---------------------------

_TRANSCRIPT = (
    "Evening Desk: the road to Homs\n\n"
    "PRESENTER (Lena Moritz): Good evening. Our correspondent Tomas Reyes is in Hama, and "
    "joining us from Amman is Dina Haddad of the Levant Security Forum.\n\n"
    "REYES: Lena, rebel fighters are patrolling Hama and the army has gone.\n\n"
    "PRESENTER: Dina, where are they now?\n\n"
    "HADDAD: Our sources say rebel units entered Rastan this evening. They also took "
    "Talbiseh.\n\n"
    "WHY IT MATTERS: Rebels took Salamiyah on Friday.\n"
)


def _by_place(text: str) -> dict[str, tuple[str, str]]:
    doc = document_from_text(text, meta={"source_id": "t", "published": "2024-12-06"})
    return {c.place_name: (c.stance, c.claimant) for c in analyse(doc).candidates}


def test_a_guests_turn_in_a_transcript_is_the_guests_introduced_by_name():
    got = _by_place(_TRANSCRIPT)
    guest = ("attributed", "Dina Haddad of the Levant Security Forum")
    assert got["Rastan"] == guest
    assert got["Talbiseh"] == guest  # the whole turn, not its first sentence only
    # the programme's own correspondent speaks for the page
    assert got["Hama"] == ("asserted", "")
    # a heading in capitals introduces nobody: no speaker, no fragment as claimant
    assert got["Salamiyah"] == ("asserted", "")


def test_a_capitalised_label_that_names_nobody_in_the_text_is_no_speaker():
    text = "Evening Desk\n\nMORITZ: Rebels entered Rastan on Friday evening.\n"
    assert _by_place(text)["Rastan"] == ("asserted", "")


def test_a_dateline_in_capitals_is_no_transcript_speaker():
    # the place before the colon is where the story was filed, whatever names start with it
    text = (
        "The Levant Ledger\n\n"
        "BEIRUT: Syrian opposition fighters entered Damascus before dawn on Sunday.\n\n"
        "The Beirut Ledger could not reach officials.\n"
    )
    assert _by_place(text)["Damascus"] == ("asserted", "")
