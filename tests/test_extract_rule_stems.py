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


COLLAPSE_SENTENCES = [
    "Crowds cheered the downfall of the Assad dynasty in the capital.",
    "The regime collapsed overnight as troops abandoned their posts.",
    "Bashar al-Assad was toppled by a rebel offensive, residents said.",
    "Ousted president Bashar fled to Moscow, Russian media reported.",
    "The Assad government has been swept from power.",
    "Protesters demanded the regime's removal, but it held on.",
    "Assad's forces retreated from the city of Hama.",
]


@pytest.mark.parametrize("sentence", COLLAPSE_SENTENCES + SENTENCES)
def test_collapse_cues_skipped_by_their_words_cannot_match(sentence):
    collective = importlib.import_module("syriamap.extract.collective")
    possible = {name for name, _regex in collective._possible_cues(sentence)}
    for name, regex in collective._collapse_rows()[0]:
        if regex.search(sentence):
            assert name in possible, name


def test_the_collapse_word_gate_keeps_the_claims_and_skips_the_rest():
    collective = importlib.import_module("syriamap.extract.collective")
    assert collective.collapse_cue("The regime collapsed overnight, witnesses said.")
    assert not collective.collapse_cue("The regime's troops held the bridge.")
    # no collapse word: no pattern is even tried
    assert collective._possible_cues("Government troops held the bridge near Homs.") == []


def test_irrealis_words_cover_every_alternative_of_the_pattern():
    rules = importlib.import_module("syriamap.extract.rules")
    prefilter = importlib.import_module("syriamap.extract.prefilter")
    heads = [
        "will", "would", "shall", "might", "unlikely to", "likely to", "expected to",
        "going to", "plans to", "planning to", "vowed to", "threatens to",
        "attempts by the militants to", "attempted to", "tried to", "trying to", "tries to",
        "seeking to", "sought to", "bid to", "aimed to", "ready to", "preparing to",
        "demanded that rebels", "called on the fighters to", "ordered the units to",
        "press the army to", "urged the troops to", "asked the militias to",
        "told the fighters to", "instructed the men to", "warned the soldiers to",
    ]  # fmt: skip
    for head in heads:
        near = f"Commanders {head.upper()} "
        assert rules._IRREALIS.search(near), head
        low = prefilter.folded_for_words(near)
        assert any(word in low for word in rules._IRREALIS_WORDS), head
    # a cue after an irrealis phrase is dropped, one without it is kept
    s = relations.Sentence(0, 0, 40, "The rebels vowed to take Hama by Friday.")
    assert not relations.find_triggers(s)
    s = relations.Sentence(0, 0, 30, "The rebels took Hama on Friday.")
    assert [t.rule.rule for t in relations.find_triggers(s)]


def test_kind_cue_word_gates_keep_the_cues():
    context = importlib.import_module("syriamap.extract.context")
    cases = {
        "fighting in the suburbs of Harasta": ("Harasta", "suburb"),
        "the military airport of Hama": ("Hama", "airport"),
        "the town of Saraqib": ("Saraqib", "town"),
        "Daraa province and villages near Nawa": ("Nawa", "governorate"),
        "the OUTSKIRTS OF Douma": ("Douma", "suburb"),
        "rebels near Douma on Sunday": ("Douma", ""),
    }
    for text, (name, cue) in cases.items():
        a = text.index(name)
        assert context.kind_cue(text, a, a + len(name)) == cue, text


def test_two_letter_words_count_only_as_whole_words():
    # "by" is required when a word ends after it, in the pattern and in the text
    assert relations.required_stems(r"(?:held|run)\s+by", word_start=True, word_end=True) == (
        frozenset({"held", "run"}),
        frozenset({"by"}),
    )
    assert frozenset({"by"}) in relations.required_stems(r"\b(?:held|run) by\b")
    # no word end after "by": "bypass" would match, so "by" is not required
    assert relations.required_stems(r"(?:held|run)\s+by", word_start=True) == (
        frozenset({"held", "run"}),
    )
    assert relations.required_stems(r"\bby(?:pass)?\b") == ()
    assert "by" in relations.word_prefixes("Held by rebels.")
    assert "by" not in relations.word_prefixes("A bypass road; nearby towns.")
    # every relation rule and stance cue that matches still finds its stems
    for sentence in (
        "The town is held by no one; no troops remain in it.",
        "HELD BY THE ARMY, the base was taken by rebels and is now under their control.",
        "Fighters moved to within 5 km of Hama, close to taking it.",
    ):
        present = relations.word_prefixes(sentence)
        for rule in relations.rules():
            if rule.regex.search(sentence):
                assert all(not stems.isdisjoint(present) for stems in rule.required), rule.rule
