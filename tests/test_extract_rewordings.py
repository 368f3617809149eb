"""Rules written from half A of the paraphrase probe (``tests/test_extract_paraphrase.py``).

Each rule is tested on sentences invented for it (other towns, other actors, other word
order) and on negatives that must not fire.  A case lists the claims wanted as (place,
actor, relation, stance, claimant side); ``set()`` says there is no claim.
"""

from __future__ import annotations

import pytest
from paraphrase_probe import claims

SAT = "2024-12-07"
A = "asserted"
ATT = "attributed"
DEN = "denied"
OPP = "opposition"
GOV = "government"

Short = tuple[str, str, str, str, str]


def _short(text: str, published: str = SAT) -> set[Short]:
    return {c[:5] for c in claims(text, published)}


CASES = [
    # ---- people before a passive cue are not its agent
    (
        "Residents said Saraqib was taken by rebels.",
        {("Saraqib", OPP, "captured", ATT, "neutral")},
    ),
    (
        "Witnesses say the town of Morek had been overrun by insurgents.",
        {("Morek", OPP, "captured", ATT, "neutral")},
    ),
    (
        "Thousands of residents were driven out of Afrin by Turkish-backed fighters.",
        set(),  # people driven out: no force lost the town
    ),
    # ---- an apposition or a located phrase between the subject and a passive cue
    (
        "Morek, in northern Hama province, was captured by rebels.",
        {("Morek", OPP, "captured", A, "")},  # the province only locates the town
    ),
    (
        "Palmyra, the desert town east of Homs, was seized by insurgents.",
        {("Palmyra", OPP, "captured", A, "")},
    ),
    (
        "Manbij, on the west bank of the Euphrates, has been taken by the Syrian National Army.",
        {("Manbij", "sna", "captured", A, "")},
    ),
    (
        "Kobani, near the Turkish border, remains under the control of the SDF.",
        {("Kobani", "sdf", "controls", A, "")},
    ),
    # ---- a spelling the alias list lacks, opening the sentence as its subject
    (
        "Deir el-Zour was taken by the SDF.",
        {("Deir el-Zour", "sdf", "captured", A, "")},
    ),
    (
        "Residents said that Deir el-Zour had fallen to Kurdish-led forces.",
        {("Deir el-Zour", "sdf", "captured", ATT, "neutral")},
    ),
    (
        "Abu Mohammed al-Jolani was seen in the Umayyad Mosque.",
        set(),  # a person, not a place
    ),
    # ---- passive entry, "marched into"
    (
        "Idlib was entered by rebels on Sunday.",
        {("Idlib", OPP, "entered", A, "")},
    ),
    (
        "The town of Morek had been infiltrated by insurgents overnight.",
        {("Morek", OPP, "entered", A, "")},
    ),
    (
        "Hayat Tahrir al-Sham's fighters marched into Damascus.",
        {("Damascus", "hts_coalition", "entered", A, "")},
    ),
    (
        "Thousands of protesters marched into the main square of Sweida.",
        set(),  # protesters are no force
    ),
    # ---- denials: "rejected/dismissed [modified] claims/reports that"
    (
        "The army dismissed as baseless claims that its troops had pulled out of Qusayr.",
        {("Qusayr", GOV, "withdrew", DEN, GOV)},
    ),
    (
        "The Israeli army rejected foreign media claims that its tanks had entered Khan Arnabah.",
        {("Khan Arnabah", "israel", "entered", DEN, "israel")},
    ),
    (
        "The IDF rejected media reports that its units were closing in on Qatana.",
        {("Qatana", "israel", "advancing", DEN, "israel")},
    ),
    (
        "Turkey rejected calls to halt the offensive on Manbij.",
        set(),  # no claim denied, none made
    ),
    # ---- hedges and claimants: "are reported to have", "a monitoring group", "X and Y both"
    (
        "Government forces are reported to have withdrawn from Aleppo city.",
        {("Aleppo", GOV, "withdrew", ATT, "neutral")},
    ),
    (
        "Kurdish fighters were rumoured to have left Manbij.",
        {("Manbij", "sdf", "withdrew", ATT, "neutral")},
    ),
    (
        "The army reported that rebels had entered Hama.",
        {("Hama", OPP, "entered", ATT, GOV)},  # a named reporter keeps its side
    ),
    (
        "Insurgents advanced into Rastan, a monitoring group reported.",
        {("Rastan", OPP, "entered", ATT, "neutral")},
    ),
    (
        "Kurdish forces left Manbij, Reuters and AFP separately reported.",
        {("Manbij", "sdf", "withdrew", ATT, "neutral")},
    ),
    (
        "Rebels took Morek, the Observatory and a rebel commander both said.",
        {("Morek", OPP, "captured", ATT, "neutral")},  # a joint claim: the monitor's side
    ),
    # ---- actors: "an HTS-led rebel alliance", one Israeli vehicle or unit, a Russian convoy
    (
        "An HTS-led rebel alliance swept into Homs.",
        {("Homs", "hts_coalition", "entered", A, "")},
    ),
    (
        "The HTS-dominated opposition forces seized Hama.",
        {("Hama", "hts_coalition", "captured", A, "")},
    ),
    (
        "An Israeli patrol moved into Khan Arnabah.",
        {("Khan Arnabah", "israel", "entered", A, "")},
    ),
    (
        "A Russian convoy left Tartus.",
        {("Tartus", "russia", "withdrew", A, "")},
    ),
    (
        "An Israeli tank shelled Quneitra.",
        set(),  # shelling is no control claim
    ),
    # ---- cues: an offensive pressed on X, "as far as the outskirts of", "seen leaving"
    (
        "The Syrian National Army pressed its offensive on the Tishreen Dam.",
        {("Tishreen Dam", "sna", "contested", A, "")},
    ),
    (
        "Rebels pressed on towards Hama.",
        {("Hama", OPP, "advancing", A, "")},
    ),
    (
        "Insurgents got as far as the outskirts of Qatana.",
        {("Qatana", OPP, "advancing", A, "")},
    ),
    (
        "Government soldiers have been seen leaving Qudsaya.",
        {("Qudsaya", GOV, "withdrew", A, "")},
    ),
    (
        "Russian troops were filmed leaving the Tartus base.",
        {("Tartus", "russia", "withdrew", A, "")},
    ),
    (
        "Residents were seen fleeing Hama.",
        set(),  # people fleeing: no force left
    ),
    # ---- "took much of X"
    (
        "Kurdish forces took most of Raqqa.",
        {("Raqqa", "sdf", "captured", A, "")},
    ),
    (
        "Rebels took large parts of Deir ez-Zor.",
        {("Deir ez-Zor", OPP, "captured", A, "")},
    ),
    (
        "The operation took much of the day in Aleppo.",
        set(),
    ),
    # ---- an absolute phrase: "With X fallen/lost, ..."
    (
        "With Aleppo lost, the army regrouped in Hama.",
        {("Aleppo", GOV, "lost", A, "")},
    ),
    (
        "With the fallen, mourners gathered in Homs.",
        set(),
    ),
    # ---- "as Y moved in": Y entered the place the clause before says was left
    (
        "The SDF pulled out of Manbij and Turkish-backed factions moved in.",
        {("Manbij", "sdf", "withdrew", A, ""), ("Manbij", "sna", "entered", A, "")},
    ),
    (
        "Assad's troops abandoned Deir el-Zour as Kurdish forces moved in.",
        {("Deir el-Zour", GOV, "withdrew", A, ""), ("Deir el-Zour", "sdf", "entered", A, "")},
    ),
    (
        "Residents fled Hama as the rebels moved in.",
        set(),  # no claim on Hama for the rebels' entry to join
    ),
    # ---- the presence a departing subject names is the one that left
    (
        "Military units stationed in Hama were redeployed outside the city.",
        {("the city", GOV, "withdrew", A, "")},  # "the city" is Hama
    ),
    (
        "Government troops stationed in Homs have been spotted in Hama.",
        {("Homs", GOV, "controls", A, ""), ("Hama", GOV, "controls", A, "")},
    ),
    # ---- invented beyond the probe: a reporter who cannot verify a claim still reports it
    (
        "Reuters could not verify the claim that rebels had taken Morek.",
        {("Morek", OPP, "captured", "unverified", "")},
    ),
    (
        "AFP cannot independently confirm reports that the army withdrew from Hama.",
        {("Hama", GOV, "withdrew", "unverified", "")},
    ),
    (
        "Rebels could take Morek within days.",
        set(),  # a modal of prospect still blocks the claim
    ),
    # ---- more reporting verbs; denials by predicate and by naming
    (
        "The army conceded that rebels had entered Morek.",
        {("Morek", OPP, "entered", ATT, GOV)},
    ),
    (
        "Reports that rebels entered Homs are untrue, state television said.",
        {("Homs", OPP, "entered", DEN, GOV)},
    ),
    (
        "Claims that Sarmin has fallen are false, the defence ministry said.",
        {("Sarmin", GOV, "lost", DEN, GOV)},
    ),
    (
        "The army described claims of a withdrawal from Hama as baseless.",
        {("Hama", GOV, "withdrew", DEN, GOV)},
    ),
    (
        "He called the capture of Hama a turning point.",
        set(),  # "called ... a turning point" is no denial (and the capture has no actor)
    ),
    # ---- presence deployed in a place; facilities taken in a town
    (
        "The Kurdish-led SDF said it had deployed fighters in Deir ez-Zor.",
        {("Deir ez-Zor", "sdf", "entered", ATT, "sdf")},
    ),
    (
        "The army deployed tanks in Homs.",
        {("Homs", GOV, "controls", A, "")},  # the incumbent deploying holds it
    ),
    (
        "HTS fighters have taken over government buildings in Aleppo.",
        {("Aleppo", "hts_coalition", "captured", A, "")},
    ),
    (
        "Rebels stormed security buildings in Hama.",
        {("Hama", OPP, "captured", A, "")},
    ),
    (
        "Rebels seized dozens of tanks in Hama.",
        set(),  # booty, not a place
    ),
    # ---- a list item with a verb of its own starts a new clause
    (
        "Rebels captured Hama and Homs remains in government hands.",
        {("Hama", OPP, "captured", A, ""), ("Homs", GOV, "controls", A, "")},
    ),
    (
        "Rebels captured Rastan and Talbiseh on Friday.",
        {("Rastan", OPP, "captured", A, ""), ("Talbiseh", OPP, "captured", A, "")},
    ),
    (
        "Tartus and Latakia remain under government control.",
        {("Tartus", GOV, "controls", A, ""), ("Latakia", GOV, "controls", A, "")},
    ),
    (
        "Rebels are heading south, and Homs is their next stop.",
        {("Homs", OPP, "advancing", A, "")},
    ),
    (
        "Homs is Syria's next big story.",
        set(),
    ),
    # ---- more verbs of entry
    (
        "Rebels poured into Salamiyah on Friday.",
        {("Salamiyah", OPP, "entered", A, "")},
    ),
    (
        "Thousands of civilians streamed into Qamishli.",
        set(),  # people, no force
    ),
    # ---- an offensive against a named force in X; a kicker before a headline's colon
    (
        "The SNA has launched an offensive against the SDF in Manbij.",
        {("Manbij", "sna", "contested", A, "")},
    ),
    (
        "Rebels launched an offensive against the army in Hama.",
        {("Hama", OPP, "contested", A, "")},
    ),
    (
        "Gunmen launched an attack on civilians in Homs.",
        set(),  # civilians are no force: no contest of the town
    ),
    (
        "Syria: Insurgents Enter Homs",
        {("Homs", OPP, "entered", A, "")},
    ),
    (
        "Rebels Take Hama: Observatory",
        {("Hama", OPP, "captured", ATT, "neutral")},
    ),
    # ---- a time between a passive participle and its agent; a toponym's head word opening
    # the sentence ("Tel", "Khan", "Kafr") marks a place even in a spelling the aliases lack
    (
        "Morek, captured on Friday by rebels, is quiet.",
        {("Morek", OPP, "captured", A, "")},
    ),
    (
        "Tel Rifaat, seized three days ago by the SNA, is now empty.",
        {("Tel Rifaat", "sna", "captured", A, "")},
    ),
    (
        "Kafr Nabudah was recaptured by the army.",
        {("Kafr Nabudah", GOV, "captured", A, "")},
    ),
    (
        "Tel Aviv has said nothing.",
        set(),
    ),
    (
        "Islamic State fighters, captured last week by the SDF in Raqqa, were paraded.",
        set(),  # people captured, not a place
    ),
]


@pytest.mark.parametrize(("text", "want"), CASES, ids=[c[0][:50] for c in CASES])
def test_reworded(text: str, want: set[Short]) -> None:
    got = _short(text)
    assert got == want, f"\n got: {sorted(got)}\nwant: {sorted(want)}"
