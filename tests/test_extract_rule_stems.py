"""The stem pre-check of the relation and stance cues is a necessary condition only."""

from __future__ import annotations

import importlib

import pytest

relations = importlib.import_module("syriamap.extract.relations")
stance = importlib.import_module("syriamap.extract.stance")

SENTENCES = [
    "Rebels seized full control of the town of Saraqib on Tuesday.",
    "The army has fallen back; Hama has fallen to the insurgents.",
    "Government forces were able to take over the airport.",
    "The city was under the complete control of the SDF, which still holds it.",
    "Fighters are within 20 kilometres (12 miles) of the capital.",
    "Kurdish-held Qamishli remained in the hands of local forces.",
    "Troops redeployed and took up positions outside the village of Kafr Nabl.",
    "The Islamic State's sudden fall in Raqqa surprised few; the takeover of Tabqa followed.",
    "SOHR could not independently verify the report, which the ministry denied.",
    "Opposition fighters were marching towards Harasta, on the verge of retaking it.",
    "Regime forces are no longer in control of the crossing, state media said.",
    "The town, which is the rebels' last stronghold, was overrun on Monday.",
    "Insurgents raised their flag over the citadel and repelled attacks near Tal Rifaat.",
]


def test_required_skips_optional_words():
    assert relations.required_stems(r"(?:full\s+)?control\s+of", word_start=True) == (
        frozenset({"contr"}),
    )
    # a word glued to a preceding optional fragment ("(re)taking") does not begin a word
    assert relations.required_stems(r"(?:re)?taking", word_start=True) == ()
    # alternatives give one set: any of them
    assert relations.required_stems(r"(?:seized|captured) by", word_start=True) == (
        frozenset({"seize", "captu"}),
    )


@pytest.mark.parametrize("sentence", SENTENCES)
def test_every_match_hits_the_required_stems(sentence):
    present = relations.word_prefixes(sentence)
    for rule in relations.rules():
        if rule.regex.search(sentence):
            assert all(not stems.isdisjoint(present) for stems in rule.required), rule.rule
    for name, _stance, _claimant, pattern, _stems, required in stance._cues():
        if pattern.search(sentence):
            assert all(not stems.isdisjoint(present) for stems in required), name


def test_own_pattern_parser_reads_the_lexicons_and_rejects_the_rest():
    import re

    prefilter = importlib.import_module("syriamap.extract.prefilter")
    for rule in relations.rules():
        prefilter.parse_pattern(rule.regex.pattern)  # every lexicon pattern parses
    # alternatives sharing a prefix keep their own stems (no factoring of "t")
    assert relations.required_stems(r"(?:took|take|taken)\s+over", word_start=True) == (
        frozenset({"took", "take", "taken"}),
        frozenset({"over"}),
    )
    for bad in ("(?:a", "a)", r"\1", "(?(1)a|b)"):
        with pytest.raises(re.error):
            prefilter.parse_pattern(bad)


def test_factored_word_lists_match_what_the_lexicon_patterns_match():
    # rules.py and stance.py compile a bare word list as a trie (prefilter.factor_word_list):
    # the matches must be the original pattern's, whatever the case and spacing
    import re

    lexicon = importlib.import_module("syriamap.extract.lexicon")
    rules_module = importlib.import_module("syriamap.extract.rules")
    sentences = SENTENCES + [
        "They TOOK OVER the base, then took  back the hill and left; leaves fell.",
        "Fighters were taking over Aleppo, officials said, saying the army fled and departed.",
        "The rebels' leaving: encircling, encircled, besieging; handed over, handing over.",
        "Saidnaya, sayings, reportedly, said-so, Claims: the SAYS of the assertive day.",
        "The town, HELD BY the SDF and controlled  by no one, fell to rebels; held-by.",
        "Troops withdrew from positions; forces were deployed to and evacuated from the base.",
        "It remains under the full control of, and is no longer held by, the army.",
    ]
    originals = {r["rule"]: r["pattern"] for r in lexicon.read_lexicon("relations.csv")}
    factored = 0
    for rule in relations.rules():
        plain = rules_module._compile(originals[rule.rule])
        if plain.pattern != rule.regex.pattern:
            factored += 1
        for s in sentences:
            assert [m.span() for m in plain.finditer(s)] == [
                m.span() for m in rule.regex.finditer(s)
            ], rule.rule
    cues = {r["cue"]: r["pattern"] for r in lexicon.read_lexicon("stance.csv")}
    for name, _stance, _claimant, pattern, _stems, _required in stance._cues():
        plain = re.compile(cues[name], re.I)
        if plain.pattern != pattern.pattern:
            factored += 1
        for s in sentences:
            assert [m.span() for m in plain.finditer(s)] == [
                m.span() for m in pattern.finditer(s)
            ], name
    assert factored >= 1  # the lexicons hold word lists, and they are factored


def test_folded_text_holds_every_letter_ignorecase_matches():
    # the cheap word checks before costly patterns (dates, relation cues, facilities) test
    # words in folded_for_words(text): no character re.IGNORECASE reads as an ASCII letter
    # may fold to anything else
    import re

    prefilter = importlib.import_module("syriamap.extract.prefilter")
    letter = re.compile(r"[a-z]", re.I)
    for code in range(0x110000):
        ch = chr(code)
        if letter.fullmatch(ch):
            folded = prefilter.folded_for_words(ch)
            assert len(folded) == 1 and "a" <= folded <= "z", hex(code)
            assert re.fullmatch(folded, ch, re.I), hex(code)
    dates = importlib.import_module("syriamap.extract.dates")
    text = "Troops left PR\u0130SON Y\u0130ESTERDAY, Ye\u017fterday, 3 DAYS AGO."
    cues = dates.find_date_cues(text)
    assert [c.text for c in cues] == ["Ye\u017fterday", "3 DAYS AGO"]
