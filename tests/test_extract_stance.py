import pytest

from syriamap.extract.stance import claimant_side, find_claimant, find_stance_cues, stance_at


def stance(text, word):
    cues = find_stance_cues(text)
    return stance_at(cues, text.index(word), text, 0)[0]


@pytest.mark.parametrize(
    "text, word, expected",
    [
        ("Rebels seized Hama.", "seized", "asserted"),
        ("SOHR said rebels seized Hama.", "seized", "attributed"),
        ("Rebels seized Hama, SOHR said.", "seized", "attributed"),
        ("According to SOHR, rebels seized Hama.", "seized", "attributed"),
        ("A commander told Reuters rebels seized Hama.", "seized", "attributed"),
        ("Rebels reportedly seized Hama.", "seized", "attributed"),
        ("The army denied that it withdrew from Hama.", "withdrew", "denied"),
        (
            "There is no truth to news claiming our forces have withdrawn from Hama.",
            "withdrawn",
            "denied",
        ),
        # a speaker inside a relative clause after the claim speaks of that clause only
        (
            "Israeli troops took Quneitra, which Israel says is a temporary measure.",
            "took",
            "asserted",
        ),
        (
            'Syrian army: "No truth" to reports of withdrawal from Hama',
            "withdrawal",
            "denied",
        ),
        (
            "Rebels said they seized Hama, which CNN could not independently verify.",
            "seized",
            "unverified",
        ),
        ("Rebels seized Hama; this has not been independently verified.", "seized", "unverified"),
        (
            "The BBC has not confirmed these reports, which came as rebels claimed to enter Homs.",
            "enter",
            "attributed",
        ),
        (
            "While this has not been verified, it coincides with gains near Daraa.",
            "gains",
            "asserted",
        ),
        ("The rebels declared victory when they seized Homs.", "seized", "asserted"),
        ("The army denied it, but SOHR said troops withdrew from Hama.", "withdrew", "attributed"),
    ],
)
def test_stance(text, word, expected):
    assert stance(text, word) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "According to Rami Abdurrahman, head of the Syrian Observatory, troops left.",
            "Rami Abdurrahman, head of the Syrian Observatory",
        ),
        (
            "“We are near,” said rebel commander Hassan Abdel Ghani, adding more.",
            "rebel commander Hassan Abdel Ghani",
        ),
        ("Kurdish-led troops claim to have captured Deir Ezzor.", "Kurdish-led troops"),
        (
            "The war monitor Syrian Observatory for Human Rights (SOHR) said that troops left.",
            "The war monitor Syrian Observatory for Human Rights (SOHR)",
        ),
        (  # a subordinate clause starts a new speaker
            "Rebels entered Hama after the army said it had redeployed outside the city.",
            "the army",
        ),
        ("Troops left Mhardeh because state media said so.", "state media"),
    ],
)
def test_claimant(text, expected):
    cue = next(c for c in find_stance_cues(text) if c.stance == "attributed")
    a, b = find_claimant(text, cue)
    assert text[a:b] == expected


@pytest.mark.parametrize(
    "claimant, side",
    [
        ("the Britain-based war monitor", "neutral"),
        ("Reuters", "neutral"),
        ("state media", "government"),
        ("the defence ministry", "government"),
        ("rebel commander Hassan Abdel Ghani", "opposition"),
        ("Kurdish-led troops", "sdf"),
        ("a man", ""),
    ],
)
def test_claimant_side(claimant, side):
    assert claimant_side(claimant) == side


# ---- the claimant is a speaker, never a fragment (invented sentences) ---------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # an apposition after the name is kept: it names the side
            "Layla Haddad, head of the Aleppo Monitoring Group, said fighters took Tadef.",
            "Layla Haddad, head of the Aleppo Monitoring Group",
        ),
        (  # a relative clause between the speaker and the verb is dropped
            "The Joint Command, which leads the push on the coast, has so far stated that "
            "it holds Jableh.",
            "The Joint Command",
        ),
        (  # a modifier is dropped too
            "The Syrian army, loyal to the president, said it had redeployed outside Rastan.",
            "The Syrian army",
        ),
        (  # a long parenthesis is dropped, a short one ("(SOHR)") kept
            "The Eastern Room (made up of tribal factions from the valley) has revealed that "
            "it entered Mayadin.",
            "The Eastern Room",
        ),
        (  # a role before the name joins it
            "Rebels reached the edge of Salamiyah, a field commander, Omar Nasser, said.",
            "a field commander, Omar Nasser",
        ),
        (  # a dateline is no part of the speaker
            "NEWSDESK - Armed factions announced on Sunday their capture of Sarmin.",
            "Armed factions",
        ),
        ("As the Gulf Herald notes, the army still holds Jableh.", "the Gulf Herald"),
        (
            "Factions entered Sarmin, according to what a Levant Radio correspondent reported.",
            "a Levant Radio correspondent",
        ),
        (  # "announced early on Monday": "early" is no speaker
            "Major Karim Aziz, a leader in the Southern Room, announced early on Monday the "
            "capture of Busra.",
            "Major Karim Aziz, a leader in the Southern Room",
        ),
        (
            "According to sources cited by Reuters, rebels secured Sarmin.",
            "sources cited by Reuters",
        ),
    ],
)
def test_claimant_is_a_speaker(text, expected):
    from syriamap.extract.stance import claimant_of

    cues = find_stance_cues(text)
    cue = next(c for c in cues if c.stance == "attributed")
    a, b = claimant_of(text, cues, cue)
    assert text[a:b] == expected


@pytest.mark.parametrize(
    "text",
    [
        # the neighbours of the reporting verb are no speaker, and no other cue names one
        "Fighters said dozens of tanks had been seized in Sarmin.",
        "In the north, rebels announced the capture of Sarmin and nearby farms.",
    ],
)
def test_no_fragment_as_claimant(text):
    from syriamap.extract.speakers import is_speaker
    from syriamap.extract.stance import claimant_of

    cues = find_stance_cues(text)
    cue = next(c for c in cues if c.stance == "attributed")
    span = claimant_of(text, cues, cue)
    assert span is not None and is_speaker(text[span[0] : span[1]])


def test_participle_speaks_for_the_main_subject():
    from syriamap.extract.stance import claimant_of

    text = "The first statement addressed civilians in Sarmin, announcing the capture of Binnish."
    cues = find_stance_cues(text)
    a, b = claimant_of(text, cues, cues[0])
    assert text[a:b] == "The first statement"


def test_claimant_from_another_cue():
    from syriamap.extract.stance import claimant_of

    text = "The army acknowledged that rebels entered Saraqib, and said dozens had been killed."
    cues = find_stance_cues(text)
    said = next(c for c in cues if text[c.start : c.end] == "said")
    a, b = claimant_of(text, cues, said)
    assert text[a:b] == "The army"


@pytest.mark.parametrize(
    "phrase, expected",
    [
        ("has so far", False),
        ("effectively", False),
        ("the capture of Daraa city", False),
        ("government forces had been engaged in", False),
        ("our armed forces", False),
        ("the head of the Syrian Observatory", True),
        ("a statement issued by the army", True),
        ("Turkish security sources", True),
        ("residents", True),
        ("The reports circulating in some media outlets", True),
        ("Reuters", True),
        ("the SNA\u2019s intention to", False),  # a possessor is no head
        ("The first statement addressed civilians in the town", False),  # a clause
        ("several armed groups", True),
        ("Omar Nasser, a commander within the alliance leading the push", True),
    ],
)
def test_is_speaker(phrase, expected):
    from syriamap.extract.speakers import is_speaker

    assert is_speaker(phrase) is expected


@pytest.mark.parametrize(
    "claimant, side",
    [
        ("an opposition commander", "opposition"),
        ("the operations room of the factions", "opposition"),
        ("a military source", "government"),
        ("rebels and military sources", "neutral"),  # a joint claim of two sides
        ("a war monitor and the fighters", "neutral"),
        ("Turkish security sources", "foreign"),
        ("the Turkish-backed Syrian National Army", "opposition"),
        ("the Ukrainian defence ministry", "foreign"),
        ("the Nedaa Post media", "neutral"),
        ("Syrian state television", "government"),
        ("unnamed ('reportedly')", "neutral"),
    ],
)
def test_more_claimant_sides(claimant, side):
    assert claimant_side(claimant) == side


@pytest.mark.parametrize(
    "text, word, expected",
    [
        # ", citing a correspondent," belongs to the attribution
        (
            "The Levant channel reported, citing a correspondent, that the army withdrew "
            "from Jableh.",
            "withdrew",
            "attributed",
        ),
        # "shortly after that" is an adverb, no new clause
        (
            "Reports emerged shortly after that troops were fleeing Salamiyah.",
            "fleeing",
            "attributed",
        ),
        # a hedge covers its own clause only
        (
            "While the army remains in Tartus, its commanders reportedly fled.",
            "remains",
            "asserted",
        ),
        ("Reportedly, rebels took Sarmin overnight.", "took", "attributed"),
        # a concession inside the report is still the speaker's
        (
            "State radio said rebels had not entered Hama, although they were on its edge.",
            "were on",
            "attributed",
        ),
        # the reports' content, called false after it
        (
            "\u201cThe reports claiming that our troops reached Qatana are completely false,\u201d "
            "the army said.",
            "reached",
            "denied",
        ),
        (
            "It was not possible to independently verify that rebels took Sarmin.",
            "took",
            "unverified",
        ),
        (
            "The army issued a statement that appeared to confirm the loss of Sarmin.",
            "loss",
            "attributed",
        ),
        ("The rebels posted footage of their fighters entering Sarmin.", "entering", "attributed"),
        # a participle reports what follows it; the main clause before it is the writer's
        (
            "The army withdrew from Hama, saying it wanted to protect civilians.",
            "withdrew",
            "asserted",
        ),
        ("Fighters entered Hama, claiming control of Salamiyah.", "control", "attributed"),
    ],
)
def test_stance_scope(text, word, expected):
    assert stance(text, word) == expected


def test_denier_of_false_reports_speaks_after():
    from syriamap.extract.stance import claimant_of

    text = (
        "\u201cThe reports claiming that our troops reached Qatana are completely false,\u201d "
        "the army said."
    )
    cues = find_stance_cues(text)
    verdict, cue = stance_at(cues, text.index("reached"), text, 0)
    a, b = claimant_of(text, cues, cue)
    assert (verdict, text[a:b]) == ("denied", "the army")


def test_unnamed_hedge():
    from syriamap.extract.stance import unnamed_claimant

    text = "Rebels have reportedly reached Salamiyah."
    cues = find_stance_cues(text)
    assert unnamed_claimant(cues[0], text) == "unnamed ('reportedly')"
    text = "Rebels appear to have reached Salamiyah."
    assert unnamed_claimant(find_stance_cues(text)[0], text) == ""  # the journalist's hedge


def test_possessive_claim_names_its_owner():
    from syriamap.extract.stance import claimant_of

    text = (
        "While the fighters\u2019 assertion of encircling Hama has not been verified by the "
        "agency, it coincides with gains near Salamiyah."
    )
    cues = find_stance_cues(text)
    verdict, cue = stance_at(cues, text.index("encircling"), text, 0)
    a, b = claimant_of(text, cues, cue)
    assert (verdict, text[a:b]) == ("unverified", "the fighters")
    # the other clause is the writer's own
    assert stance(text, "gains") == "asserted"


def _stances(text):
    from syriamap.extract import extract

    return {a.place_name: str(a.stance) for a in extract(text, published="2024-12-07")}


def test_this_report_unverified_is_the_latest_speakers_report_only():
    text = (
        "Rebels entered Hama, the monitor said. Activists said fighters took Homs. "
        "The paper could not verify this report."
    )
    assert _stances(text) == {"Hama": "attributed", "Homs": "unverified"}


def test_verify_this_report_is_the_speakers_report_not_the_sentence_before():
    # "verify this report": "this" goes with its noun, so the commander's whole report
    # (two sentences) is unverified, not only the sentence just before
    text = (
        "A rebel commander said fighters took Hama. He said they also took Homs. "
        "The paper could not verify this report."
    )
    assert _stances(text) == {"Hama": "unverified", "Homs": "unverified"}
    # a bare "this" followed by an adverb stays the sentence just before
    text = (
        "A rebel commander said fighters took Hama. He said they also took Homs. "
        "The paper could not verify this independently."
    )
    assert _stances(text) == {"Hama": "attributed", "Homs": "unverified"}


def test_these_reports_unverified_are_every_recent_report():
    text = (
        "Rebels entered Hama, the monitor said. Activists said fighters took Homs. "
        "The paper could not verify these reports."
    )
    assert _stances(text) == {"Hama": "unverified", "Homs": "unverified"}


def test_his_account_unverified_covers_the_speakers_sentences_in_a_row():
    text = (
        "A rebel commander said fighters took Hama. He said they also took Homs. "
        "The paper could not confirm his account."
    )
    assert _stances(text) == {"Hama": "unverified", "Homs": "unverified"}


def test_confirm_this_is_the_sentence_just_before():
    text = (
        "Rebels entered Hama, the monitor said. Activists said fighters took Homs. "
        "We have not been able to confirm this."
    )
    assert _stances(text) == {"Hama": "attributed", "Homs": "unverified"}
    # a sentence between: the report further back is not "this"
    text = (
        "Activists said fighters took Homs. Residents said the night was quiet. "
        "We have not been able to confirm this."
    )
    assert _stances(text) == {"Homs": "attributed"}


def test_their_accounts_after_a_new_speaker_with_no_claim_marks_nothing_earlier():
    text = (
        "The Council said its fighters had entered Mayadin. "
        "Residents of the town told the paper that the night was quiet. "
        "The paper could not verify their accounts."
    )
    assert _stances(text) == {"Mayadin": "attributed"}
    # one speaker's report over several sentences, a claimless one between
    text = (
        "A rebel commander said fighters took Rastan at midnight. "
        "He said the officers had left first. "
        "The paper could not independently confirm his account."
    )
    assert _stances(text) == {"Rastan": "unverified"}


def test_these_moves_in_a_sentence_with_its_own_claim_still_refer_back():
    text = (
        '"Our forces are now on the walls of Homs," the rebel group posted. '
        "Although a monitor previously stated that rebels were within a few kilometers of "
        "the city, the paper has not been able to confirm these moves."
    )
    assert _stances(text).get("Homs") == "unverified"


def test_not_immediately_possible_to_confirm_is_unverified():
    text = "It was not immediately possible to confirm rebel claims that they had seized Hama."
    assert _stances(text) == {"Hama": "unverified"}
    # a possibility of something else is no verdict on the claim
    assert _stances("Rebels seized Hama. It is now possible to travel to Homs.") == {
        "Hama": "asserted"
    }


def test_the_reports_after_a_new_speaker_with_no_claim_mark_nothing_earlier():
    # the residents' report (no claim) is what "the reports" means, not the commander's
    text = (
        "A rebel commander said fighters had taken Hama airport. "
        "Residents told the paper that soldiers were seen on the roads. "
        "The paper could not independently verify the reports."
    )
    assert _stances(text) == {"Hama airport": "attributed"}
