"""The relation cues of ``data/lexicon/relations.csv`` and where they occur in a sentence.

:func:`rules` reads the lexicon (see :mod:`syriamap.extract.relations` for its columns);
:func:`find_triggers` finds the cues of one sentence, the longest where they overlap,
dropping cues without the subject their row names (column ``subject``: "troops had left X",
not "Assad left X"), cues the text says did not happen (failure, refusal, irrealis,
conditions), and marking plainly negated ones (``Trigger.negated``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from .clauses import Clause
from .lexicon import read_lexicon
from .mentions import PlaceMention
from .prefilter import (
    StemIndex,
    factor_word_list,
    first_char_guard,
    folded_for_words,
    required_stems,
    stems_of,
    word_prefixes,
)
from .sentences import Sentence

__all__ = ["HOLDING", "Claim", "Rule", "Trigger", "find_triggers", "rules"]

#: relations that say the actor took, entered or holds the place (what a withdrawal or a
#: loss beside them can be about; what "the outskirts of X" turns into an advance)
HOLDING = frozenset({"captured", "entered", "controls"})

# a cue the text says did not happen: failure, inability, a siege broken or lifted, a
# refusal ("failed to take X", "could not enter X", "broke the siege of X") is no claim
_NEGATION = re.compile(
    r"\b(?:without|failed to|fail to|fails to|failing to|unable to|yet to|cannot|can['\u2019]t|"
    r"could not|couldn['\u2019]t|refused to|refuses to|refusing to|declined to|no longer|"
    # "ended the siege of X" (but "ending in / ended with the capture of X" is one)
    r"broke|broken|breaking|break|lifted|lifting|lift|(?:ended|ending)(?!\s+(?:in|with)\b)|"
    # "the movement does not necessarily indicate a withdrawal": the writer's hedge
    r"(?:not|n['\u2019]t)\s+(?:necessarily\s+|yet\s+)?(?:indicate|mean|signal|suggest|imply|"
    r"amount\s+to|constitute))\s+"
    # "entered X without resistance and took over Y": a conjunction ends the negated phrase
    r"(?:(?!(?:and|or|but|then)\b)[\w'\u2019-]+\s+){0,2}$",
    re.I,
)
# a negated cue ("did not withdraw from X", "had never entered X", "X was not captured by",
# "no withdrawal from X"): the claim that actor did it is denied (stance ``denied``); only
# auxiliaries and adverbs may stand between the negation and the cue, so "did not confirm
# that rebels took X" is left to the stance cues
_DENIAL = re.compile(
    r"(?:\b(?:not|never|nor|neither)|n['\u2019]t)\s+(?:(?:yet|fully|actually|really|even|ever|been|be|"
    r"have|had|completely|entirely|officially|directly|in fact)\s+){0,2}$|\bno\s+$",
    re.I,
)
# "Neither the army nor the rebels control X": the subject's "nor" negates the cue
_NEITHER_NOR = re.compile(r"\bneither\b[^.;:]{1,60}?\bnor\s+(?:[\w'\u2019-]+\s+){1,4}$", re.I)
_NOT_ONLY = re.compile(r"\bnot\s+(?:only|just|merely|simply)\s+(?:[\w'\u2019-]+\s+)?$", re.I)
# irrealis: an attempt, order, demand, plan or forecast is no claim ("unlikely to leave X",
# "the first attempt by the rebels to take X", "if Hama falls, ... could ...")
_IRREALIS = re.compile(
    r"\b(?:will|would|shall|might|(?:un)?likely to|expected to|going to|plans? to|planning to|"
    r"vow(?:ed|s)? to|threaten(?:ed|s|ing)? to|intend(?:ed|s|ing)? to|intentions? to|"
    r"determined to|attempts?(?: by [\w\s'-]{1,30}?)? to|attempted to|"
    r"tried to|trying to|tries to|seek(?:s|ing)? to|sought to|bid to|aim(?:s|ed|ing)? to|"
    # an aim put as a gerund: "an offensive aimed at capturing X", "with the aim of taking X"
    r"aim(?:s|ed|ing)? at|with the (?:aim|goal|objective|intention|purpose) of|"
    # a disavowed aim: "they had no intention of entering X", "no plans to enter X"
    r"no (?:intention|intent|plans?|desire|wish) (?:of|to)|"
    # a move that was stopped: "terrorists have been blocked from entering X"
    r"(?:blocked|prevented|stopped|barred|kept|deterred) from|"
    r"(?:designed|meant) to|"
    r"ready to|prepar(?:ed|ing) to|demand(?:ed|s)? that \w+|call(?:ed|s)? on [\w\s'-]{1,60}? to|"
    r"(?:order|direct)(?:ed|s)? [\w\s'\[\]-]{1,40}? to|press [\w\s'-]{1,30}? to|"
    # the passive of an order: "troops have been ordered to withdraw from X"
    r"(?:ordered|directed|instructed|told|asked|urged|called on) to|"
    r"(?:warn|urg|ask|tell|told|instruct)(?:ed|es|s|ing|ings)? [\w\s'\[\]-]{1,60}? to|"
    # a forecast or wish: "analysts expect the rebels to reach X"
    r"(?:expect|predict|hop|want|wish)(?:ed|es|s|ing|e)?(?: [\w\s'-]{1,40}?)? to|"
    # a purpose: "launched a counteroffensive to retake X" (the aim, not the result), also
    # after where it was launched ("an offensive in Idlib province to take X")
    r"(?:offensive|counter-?offensive|counter-?attack|operation|campaign|push|drive|bid|"
    r"effort|assault|attack|reinforcements)s?(?: (?:in|on|across|against|into|near|around) "
    r"(?:the )?[\w'\u2019-]+(?: [\w'\u2019-]+){0,3}?)? (?:in order )?to|"
    # fighting still under way for a purpose: "clashes are ongoing to liberate X"
    r"(?:ongoing|continuing|underway|under way|raging) (?:in order )?to)"
    # 'ordered the army to "seize" X': a quotation mark may open the cue
    r"\s+(?:[\w'\u2019-]+\s+){0,1}(?:(?:and|or)\s+)?[\"\u201c\u2018]?$",
    re.I,
)
# an attempt to move towards a place is itself a move towards it (data/ANNOTATION.md:
# "attempted to halt the rebel advance" -> advancing); an attempt to take it is no capture
_ATTEMPT = re.compile(r"(?:attempts?\b|attempted|tried|trying|tries)", re.I)
# ... unless the attempt was foiled: "thwarted an attempt by X to advance towards Y" tells
# that X did not advance (failure is no claim)
_FOILED = re.compile(
    r"\b(?:thwart|foil|repel|repuls|frustrat|abort)\w*\s+(?:\S+\s+){0,2}?attempts?\b"
    r"[^.;,]{0,60}$",
    re.I,
)
# the purpose of an attempt or an offensive ("the offensive to take X", "a bid to storm X")
_PURPOSE = re.compile(
    r"(?:attempts?|attempted|tried|bid|efforts?|offensives?|counter-?offensives?|assaults?|"
    r"attacks?|push|campaign|operations?)\b",
    re.I,
)
# ... that the clause then says failed: "... had failed", "... was repelled"
_FAILED_AFTER = re.compile(
    r"[^,;.:]{0,80}?\b(?:(?:had|has|have)\s+)?(?:failed|collapsed|faltered|"
    r"(?:was|were|had been|has been|have been)\s+(?:repelled|thwarted|foiled|repulsed|"
    r"beaten back|defeated|halted))\b",
    re.I,
)
_CONDITIONAL = re.compile(
    r"\b(?:if|unless)\b(?:(?![,;]|\b(?:after|when|since|because|following|before)\b).)*$", re.I
)
# an open question: "has yet to comment on whether it pulled back from X", "it is unclear
# whether the rebels entered X" (the clause asks, it does not say)
_QUESTION = re.compile(
    r"\bwhether\b(?:(?![,;]|\b(?:after|when|since|because|following|before|but)\b).)*$", re.I
)
# every match of _NEGATION contains one of these (in the case-folded sentence)
_NEGATION_WORDS = (
    "without", "fail", "unable", "yet", "can", "could", "refus", "declin", "no longer",
    "brok", "break", "lift", "end", "indicat", "mean", "signal", "suggest", "impl", "amount",
    "constitut",
)  # fmt: skip
# every match of _IRREALIS contains one of these (in the case-folded sentence)
_IRREALIS_WORDS = (
    "will", "would", "shall", "might", "likely", "expected", "going", "plan", "vow",
    "threaten", "attempt", "tried", "trying", "tries", "seek", "sought", "bid", "aim",
    "intend", "intent", "determined", "ready", "prepar", "demand", "call", "order", "direct",
    "press",
    "warn", "urg", "ask", "tell",
    "told", "instruct", "expect", "predict", "hop", "want", "wish", "offensive", "counter",
    "operation", "campaign", "push", "drive", "effort", "assault", "attack", "reinforcement",
    "blocked", "prevented", "stopped", "barred", "kept", "deterred",
    "ongoing", "continuing", "under", "raging", "design", "meant", "goal", "objective",
    "purpose",
)  # fmt: skip
# "a grave risk of an imminent assault against X", "fears of an offensive on X": a prospect
_PROSPECT = re.compile(
    r"\b(?:risks?|threats?|fears?|prospects?|possibility|danger|spectre|specter)\s+of\s+"
    r"(?:(?:an?|the|further|renewed)\s+)?(?:[\w'\u2019-]+\s+){0,3}$",
    re.I,
)
_PROSPECT_WORDS = ("risk", "threat", "fear", "prospect", "possibility", "danger", "spect")
# a party announcing its own forces' aim: "announced that its forces would take X"
_ANNOUNCED_OPERATION = re.compile(
    r"\bannounc(?:ed|es|ing)\s+(?:on\s+\w+\s+)?(?:that\s+)?(?:its|their)\s+"
    r"(?:[\w-]+\s+)?(?:forces|fighters|troops|units)\s+(?:would|will)\s+(?:\w+ly\s+)?$",
    re.I,
)
_OPERATION_AIMS = frozenset({"captured", "entered"})
_UNTIL_NOW = re.compile(r"\buntil (?:now|today|this week|recently)\b", re.I)


@lru_cache(maxsize=64)
def _announced(rule: Rule) -> Rule:
    """Return a capture rule read as a fight: an announced operation to take a place."""
    return replace(
        rule, rule=rule.rule + "_announced", relation="contested", confidence=rule.confidence * 0.8
    )


_PURPOSE_CLAUSE = re.compile(r".*(?:[,;:]|\bthat\b|\bsaid\b|\bclaimed\b)", re.I | re.S)


def _attacker(text: str, cue: int) -> str:
    """Return the side named in the attempt before a cue ("the SDF's attempt to"), else "".

    Only an actor inside the phrase of the attempt (after the last clause boundary before
    the cue, within 60 characters) is its owner; the speaker of the sentence is not.
    """
    from .actor_mentions import find_actor_mentions

    window = text[max(0, cue - 60) : cue]
    head = _PURPOSE_CLAUSE.match(window)
    if head:
        window = window[head.end() :]
    sides = {m.side for m in find_actor_mentions(window) if m.side not in ("", "speaker")}
    return sides.pop() if len(sides) == 1 else ""


@dataclass(frozen=True, slots=True)
class Rule:
    """One row of the relation lexicon, with its compiled pattern."""

    rule: str
    relation: str
    slot: str
    voice: str
    gap: int
    default_actor: str
    need_actor: bool
    place_precision: str
    confidence: float
    regex: re.Pattern[str]
    government_relation: str = ""
    stems: frozenset[str] = frozenset()
    required: tuple[frozenset[str], ...] = ()
    """Stem sets every match hits (:func:`required_stems`); checked after ``stems``."""
    subject: re.Pattern[str] | None = None
    """The words that must end right before the cue's verb (:func:`_subject_check`)."""


@dataclass(frozen=True, slots=True)
class Trigger:
    """A relation cue found in a sentence (document offsets)."""

    rule: Rule
    start: int
    end: int
    negated: bool = False
    """The cue is negated ("did not withdraw from X"): the claim is denied."""
    failed: str = ""
    """The side of the attacker when the cue is the aim of an attempt said to have failed
    ("the rebel offensive to take X had failed"): a speaker who says so denies that side's
    capture; the text saying it claims nothing."""


@dataclass(frozen=True, slots=True)
class Claim:
    """A relation between an actor and a place found in one sentence."""

    mention: PlaceMention
    trigger: Trigger
    actor: str
    actor_text: str
    relation: str
    place_precision: str
    confidence: float
    clause: Clause | None = None
    """The clause the cue stands in (:mod:`syriamap.extract.clauses`), when known."""
    clauses: tuple[Clause, ...] = ()
    """All clauses of the sentence, for the dates the claim may take."""
    by_default: bool = False
    """True when no actor was named and the rule's default actor stands in."""
    partial: bool = False
    """True when the claim is about an unnamed part of a governorate or district
    ("several towns in Homs province"), not the whole area."""
    ended: bool = False
    """True for a hold told in a relative clause that the main clause ends ("Hama, which
    the army had held, fell on Thursday"): it is dated before the end."""

    @property
    def method(self) -> str:
        """The rule id, as recorded in ``Assertion.method``."""
        return f"rule:{self.trigger.rule.rule}"


def _body(pattern: str) -> str:
    """Return a lexicon pattern with each run of spaces read as any white space."""
    return re.sub(r" +", r"\\s+", pattern.strip())


def _compile(pattern: str) -> re.Pattern[str]:
    regex = r"(?<![\w-])(?:" + _body(pattern) + r")(?:(?<=\s)|(?!\w))"
    # the same matches, found faster: most positions fail the first-character test
    return re.compile(first_char_guard(regex) + regex, re.I)


def _subject_check(spec: str) -> re.Pattern[str] | None:
    r"""Compile a ``subject`` cell into a check of the text before a cue's verb.

    The cell is ``NOUNS`` or ``NOUNS; WORDS``, each a ``|``-list: the subject's head noun
    must stand right before the verb, or before one of the words (or phrases) that may
    stand between ("troops had left"). The verb is the pattern's group ``verb``, else the
    whole cue.

    Parameters
    ----------
    spec : str
        The cell; empty when the cue takes any subject.

    Returns
    -------
    re.Pattern or None
        A pattern that matches at the end of the text before the verb, or None.

    Examples
    --------
    >>> check = _subject_check("troops|forces; had|appear to have")
    >>> [bool(check.search(t)) for t in ("Troops ", "troops had ", "Assad had ", "troops  ")]
    [True, True, False, False]
    """
    if not spec:
        return None
    nouns, _, between = (part.strip() for part in spec.partition(";"))
    words = f"(?:(?:{between}) )?" if between else ""
    # single spaces and no word start before the noun: exactly what the fixed lookbehinds
    # this replaces ("(?<=troops\x20had\x20left)") accepted
    return re.compile(f"(?:{nouns}) {words}".replace(" ", r"\x20") + r"\Z", re.I)


def _has_subject(check: re.Pattern[str], text: str, m: re.Match[str]) -> bool:
    """Whether the subject ``check`` wants ends where the verb of the cue ``m`` begins.

    The verb is the group ``verb`` when the pattern names one: a match in which that group
    takes no part ("withdrew" beside "troops left") needs no subject. Else it is the cue.
    """
    if "verb" not in m.re.groupindex:
        return check.search(text, 0, m.start()) is not None
    verb = m.start("verb")
    return verb < 0 or check.search(text, 0, verb) is not None


def _cue_matches(rule: Rule, text: str) -> Iterator[re.Match[str]]:
    """Yield the matches of a rule's pattern in ``text`` that have the subject it needs.

    A match without it is dropped and the search goes on from the next character, as the
    regular expression does when a lookbehind inside it fails.
    """
    if rule.subject is None:
        yield from rule.regex.finditer(text)
        return
    pos = 0
    while (m := rule.regex.search(text, pos)) is not None:
        if _has_subject(rule.subject, text, m):
            yield m
            pos = max(m.end(), m.start() + 1)
        else:
            pos = m.start() + 1


# rules whose cue is a description ("rebel-held X", "X, an SDF-held town"): what the page
# presupposes holds whatever the clause around it says will, may or should happen
PRESUPPOSED_RULES = frozenset({"held_adjective", "held_apposition"})


@lru_cache(maxsize=1)
def _rule_index() -> StemIndex:
    """Index the rules (file order) by the word stems a match of each needs."""
    return StemIndex((rule.stems, rule.required) for rule in rules())


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    """Return the rules of ``relations.csv`` in file order (cached)."""
    out = []
    for row in read_lexicon("relations.csv"):
        out.append(
            Rule(
                rule=row["rule"],
                relation=row["relation"],
                slot=row["slot"],
                voice=row["voice"],
                gap=int(row["gap"] or 0),
                default_actor=row["default_actor"],
                need_actor=row["need_actor"] == "1",
                place_precision=row["place_precision"] or "place",
                confidence=float(row["confidence"] or 0.7),
                # the same matches; a bare word list runs faster as a trie
                regex=_compile(factor_word_list(row["pattern"].strip())),
                government_relation=row.get("government_relation", ""),
                # the subject's words wake the rule too, as they did when they were
                # spelled out in the pattern's lookbehinds
                stems=stems_of(row["pattern"]) | stems_of(row.get("subject", "")),
                # what precedes a match and what follows it end words (see _compile)
                required=required_stems(_body(row["pattern"]), word_start=True, word_end=True),
                subject=_subject_check(row.get("subject", "")),
            )
        )
    return tuple(out)


@lru_cache(maxsize=1)
def _slots() -> tuple[str, ...]:
    """Return the slots of the rules, in the order they first occur in the lexicon."""
    return tuple(dict.fromkeys(rule.slot for rule in rules()))


@lru_cache(maxsize=1)
def _check_words() -> Any:
    """Return one automaton over the words the checks of :func:`_gates` look for.

    Each word's value has the bits of the flags it sets (a word of two lists has both), so
    one pass over the sentence finds what ``word in low`` did for each word in turn: the
    same substring test, the same flags.
    """
    import ahocorasick

    lists = (("until",), ("if", "unless"), ("whether",), _NEGATION_WORDS, _IRREALIS_WORDS)
    auto = ahocorasick.Automaton()
    for bit, words in enumerate((*lists, _PROSPECT_WORDS)):
        for word in words:
            auto.add_word(word, auto.get(word, 0) | 1 << bit)
    auto.make_automaton()
    return auto


@lru_cache(maxsize=16)
def _gates(
    text: str,
) -> tuple[dict[str, list[int]], tuple[bool, bool, bool, bool, bool, bool]]:
    """Return the rules a sentence's word stems wake (by slot) and the checks they may need.

    A rule is woken when the sentence has one of its stems and one stem of each of its
    required sets. The checks' flags are necessary conditions (the words of ``until``,
    "if"/"unless", "whether", :data:`_NEGATION_WORDS`, :data:`_IRREALIS_WORDS`,
    :data:`_PROSPECT_WORDS`), read once per sentence for all slots.
    """
    present = word_prefixes(text)
    bits = 0
    for _end, bit in _check_words().iter(folded_for_words(text)):
        bits |= bit
    flags = (bits & 1 > 0, bits & 2 > 0, bits & 4 > 0, bits & 8 > 0, bits & 16 > 0, bits & 32 > 0)
    woken: dict[str, list[int]] = {}
    table = rules()
    for order in _rule_index().woken(present):
        woken.setdefault(table[order].slot, []).append(order)
    return woken, flags


@lru_cache(maxsize=64)
def _slot_matches(text: str, slot: str) -> tuple[tuple[int, int, int, bool, str, bool], ...]:
    """Return ``(start, end, rule order, negated, failed, announced)`` of one slot's cues.

    ``failed`` is the attacker of a failed attempt ("the offensive to take X had failed"),
    else ""; ``announced`` marks a capture cue of an announced operation ("announced that
    its forces would take X"), read as a fight (:func:`_announced`).

    Before the longest cue wins; offsets into ``text``. Cached for the last sentences:
    the relation stage and :func:`~syriamap.extract.lists.plural_object` ask for the
    cues of the same sentence.
    """
    woken, (until, conditional, question, negation, may_irrealis, prospect) = _gates(text)
    table = rules()
    found: list[tuple[int, int, int, bool, str, bool]] = []
    for order in woken.get(slot, ()):
        rule = table[order]
        no_longer = "no longer" in rule.regex.pattern
        presupposed = rule.rule in PRESUPPOSED_RULES
        for m in _cue_matches(rule, text):
            a, b = m.span()
            while b > a and text[b - 1].isspace():
                b -= 1
            if b <= a:
                continue
            if b < len(text) and text[b - 1].isalnum() and (text[b].isalnum()):
                continue
            if presupposed:
                # "will attack Manbij, the last SDF-held town": the adjective is the page's
                # description of now, outside the clause's negation and modality
                found.append((a, b, order, False, "", False))
                continue
            head = text[max(0, a - 30) : a]
            negated = False
            if not no_longer and not (until and _UNTIL_NOW.search(text, b)):
                # "had not reached X until now" is a positive claim
                if negation and _NEGATION.search(head):
                    continue
                negated = (
                    _DENIAL.search(head) is not None and not _NOT_ONLY.search(head)
                ) or _NEITHER_NOR.search(text, max(0, a - 80), a) is not None
            near = text[max(0, a - 40) : a]
            irrealis = _IRREALIS.search(near) if may_irrealis else None
            if irrealis is None and may_irrealis and " to " in near:
                # "called on all members of the army ... to defect and withdraw": a longer
                # look back only when an infinitive "to" stands close before the cue
                irrealis = _IRREALIS.search(text[max(0, a - 90) : a])
            if irrealis and rule.relation == "advancing" and _ATTEMPT.match(irrealis.group()):
                irrealis = None  # "attempted to advance toward X": an advance all the same
            if rule.relation == "advancing" and _FOILED.search(text, max(0, a - 120), a):
                continue  # "thwarted an attempt by X to advance towards Y": no advance
            failed = (
                _attacker(text, a)
                if irrealis is not None
                and rule.relation in HOLDING
                and _PURPOSE.search(irrealis.group()) is not None
                and _FAILED_AFTER.match(text, b) is not None
                else ""
            )
            if failed:
                found.append((a, b, order, True, failed, False))
                continue
            if (
                irrealis
                and rule.relation in _OPERATION_AIMS
                and _ANNOUNCED_OPERATION.search(text, max(0, a - 120), a)
                and not (conditional and _CONDITIONAL.search(text[max(0, a - 160) : a]))
            ):
                # "announced that its forces would take X": the party's own operation is
                # under way, a fight over X, not (yet) a capture
                found.append((a, b, order, negated, "", True))
                continue
            if irrealis or (conditional and _CONDITIONAL.search(text[max(0, a - 160) : a])):
                continue
            if question and _QUESTION.search(text, max(0, a - 160), a):
                continue  # "yet to say whether it withdrew from X": no claim either way
            if prospect and _PROSPECT.search(text, max(0, a - 60), a):
                continue  # "a grave risk of an imminent assault against X": not (yet) real
            found.append((a, b, order, negated, "", False))
    return tuple(found)


def find_triggers(sentence: Sentence, *, slots: tuple[str, ...] | None = None) -> list[Trigger]:
    """Find relation cues in a sentence; where cues overlap, the longest wins.

    Examples
    --------
    >>> s = Sentence(0, 0, 26, "Hama was captured by HTS.")
    >>> [t.rule.rule for t in find_triggers(s)]
    ['capture_passive']
    """
    text = sentence.text
    table = rules()
    found: list[tuple[int, int, int, Rule, bool, str]] = [
        (a, b, order, _announced(table[order]) if announced else table[order], negated, failed)
        for slot in (_slots() if slots is None else dict.fromkeys(slots))
        for a, b, order, negated, failed, announced in _slot_matches(text, slot)
    ]
    found.sort(key=lambda t: (-(t[1] - t[0]), t[2]))
    taken: list[tuple[int, int]] = []
    out: list[Trigger] = []
    for a, b, _order, rule, negated, failed in found:
        if any(a < y and x < b for x, y in taken):
            continue
        taken.append((a, b))
        out.append(Trigger(rule, sentence.start + a, sentence.start + b, negated, failed))
    out.sort(key=lambda t: t.start)
    return out
