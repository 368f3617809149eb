"""Control relations from the data-driven pattern lexicon (``data/lexicon/relations.csv``).

Stage: relations. Each lexicon row is a cue (a case-insensitive regular expression over
words; a space matches any run of whitespace) with:

- ``slot``: the place follows the cue (``after``: "rebels seized X") or precedes it
  (``before``: "X fell to rebels", "X remained under government control"), or is not named
  (``focus``: "the military denies any withdrawal" → the place named last before, in the
  sentence or the one before it, with place precision ``near``);
- ``gap``: how many words may stand between cue and place ("seized the town of X");
- ``voice``: where the actor is: ``active`` (the nearest actor before the cue, the clause
  subject), ``passive`` (the agent after the cue: "by rebels", "to HTS"), ``state`` (an
  actor named inside the cue: "under government control"), ``nominal`` (the agent after
  "by", else the nearest actor on either side: "the capture of Aleppo by rebels",
  "Following the capture of Aleppo, rebels ..."), ``any`` (the nearest actor named
  anywhere in the sentence: "fighting around X, where rebels ...");
- ``default_actor``: the actor when none is named ("withdrew" → the government), and
  ``need_actor``: no claim at all without a named actor (for vague verbs such as "left").

Places that are reference points are never targets: a name right after "north of",
"near", "N kilometres from", "located in", "outside"; container names before "suburb of" /
"countryside of" pass the cue on to the place they contain ("the Damascus suburbs of
Maadamiyah, Jaramana, and Daraya"). Lists ("captured Aleppo, Hama and large parts of the
south") give one claim per place. A cue preceded by a negation gives none when it says
the act failed or was refused ("failed to take", "could not enter"); a plainly negated cue
("did not withdraw from X", "was not captured by") gives the claim with
``Trigger.negated`` set, which the pipeline records as ``denied``. A pronoun subject
("They took control of Hama") takes the subject actor of the
previous sentence; first-person forces ("our forces") take the claimant's side.
"""

from __future__ import annotations

import re
import re._parser as _sre_parse  # Python >= 3.11
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .actor_mentions import ActorMention, actor_side
from .lexicon import read_lexicon
from .mentions import PlaceMention
from .sentences import Sentence

__all__ = ["Claim", "Rule", "Trigger", "find_triggers", "match_claims", "rules"]

_CLAUSE_BREAK = re.compile(
    r"[.;:!?()\u201c\u201d\"\u2014]|\b(?:but|while|which|who|whereas|after|before|when|since|"
    r"because|although|though|where|following|amid|despite|until)\b",
    re.I,
)
_REFERENCE = re.compile(
    r"\b(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|"
    r"north-west|south-east|south-west)(?:ern|ward)?\s+of\b|\bnear\b|\bclose to\b|\boutside\b|"
    r"\baway from\b|\bfrom\b|\bkilomet(?:er|re)s?\b|\bkm\b|\bmiles?\b|\blocated\b|\bsituated\b|"
    r"\bborders?\b|\bbetween\b|\bbased in\b|\bheartland\b|\btowards?\b|\btoward\b",
    re.I,
)
_CONTAINER_AFTER = re.compile(
    r"\s*(?:['\u2019]s\s+)?(?:suburbs?|outskirts|countryside|province|governorate|"
    r"district|region|area)?\s*of\b"
    # "cleared X of terrorists": no container, X is the place
    r"(?!\s+(?:all\s+|the\s+|remaining\s+)*(?:[\w-]+\s+)?(?:terrorists?|terrorism|militants?|"
    r"insurgents?|jihadists?|gunmen|mercenaries|extremists|armed\s+groups)\b)",
    re.I,
)
_ADJUNCT = re.compile(r"\b(?:in|at|on|during|with|for|by)\b", re.I)
_LIST_SEP = re.compile(r"(?:,|\band\b|\bor\b|&|\bas well as\b)", re.I)
# a cue the text says did not happen: failure, inability, a siege broken or lifted, a
# refusal ("failed to take X", "could not enter X", "broke the siege of X") is no claim
_NEGATION = re.compile(
    r"\b(?:without|failed to|fail to|fails to|failing to|unable to|yet to|cannot|can['\u2019]t|"
    r"could not|couldn['\u2019]t|refused to|refuses to|refusing to|declined to|no longer|"
    r"broke|broken|breaking|break|lifted|lifting|lift|ended|ending)\s+"
    r"(?:[\w'\u2019-]+\s+){0,2}$",
    re.I,
)
# a negated cue ("did not withdraw from X", "had never entered X", "X was not captured by",
# "no withdrawal from X"): the claim that actor did it is denied (stance ``denied``); only
# auxiliaries and adverbs may stand between the negation and the cue, so "did not confirm
# that rebels took X" is left to the stance cues
_DENIAL = re.compile(
    r"(?:\b(?:not|never|nor)|n['\u2019]t)\s+(?:(?:yet|fully|actually|really|even|ever|been|be|"
    r"have|had|completely|entirely|officially|directly|in fact)\s+){0,2}$|\bno\s+$",
    re.I,
)
_NOT_ONLY = re.compile(r"\bnot\s+(?:only|just|merely|simply)\s+(?:[\w'\u2019-]+\s+)?$", re.I)
# irrealis: an attempt, order, demand, plan or forecast is no claim ("unlikely to leave X",
# "the first attempt by the rebels to take X", "if Hama falls, ... could ...")
_IRREALIS = re.compile(
    r"\b(?:will|would|shall|might|(?:un)?likely to|expected to|going to|plans? to|planning to|"
    r"vow(?:ed|s)? to|threaten(?:ed|s)? to|attempts?(?: by [\w\s'-]{1,30}?)? to|attempted to|"
    r"tried to|trying to|tries to|seek(?:s|ing)? to|sought to|bid to|aim(?:s|ed|ing)? to|"
    r"ready to|prepar(?:ed|ing) to|demand(?:ed|s)? that \w+|call(?:ed|s)? on [\w\s'-]{1,30}? to|"
    r"order(?:ed|s)? [\w\s'-]{1,30}? to|press [\w\s'-]{1,30}? to)\s+(?:[\w'\u2019-]+\s+){0,1}$",
    re.I,
)
_CONDITIONAL = re.compile(
    r"\b(?:if|unless)\b(?:(?![,;]|\b(?:after|when|since|because|following|before)\b).)*$", re.I
)
_UNTIL_NOW = re.compile(r"\buntil (?:now|today|this week|recently)\b", re.I)
_PRONOUN_SUBJECT = re.compile(
    r"\b(?:they|them|their)\b|(?:^|[,;]\s*|\b(?:and|as|when|after)\s+)(?:he|it|she)\b", re.I
)
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:with|against|of|by|from|to|at|for|on|between|among|into|onto|toward|towards)"
    r"\s+(?:the\s+|a\s+|an\s+)?$",
    re.I,
)
_AREAS_NEAR = re.compile(
    r"\s*(?:the\s+|several\s+|some\s+|many\s+|all\s+)?(?:their\s+|its\s+|his\s+)?"
    r"(?:areas?|positions?|towns?|villages?|parts?|districts?|neighbou?rhoods?|suburbs?|bases?|"
    r"posts?|points?|checkpoints?|headquarters|barracks)\s+"
    r"(?:near|around|outside|close\s+to|in|inside|at)\s+(?:the\s+)?",
    re.I,
)
_WORD = re.compile(r"[\w'\u2019-]+")
_QUOTE_MARK = re.compile(r"[\u201c\u201d\"]")
_APPOSITION_OF = re.compile(
    r",\s*(?:the|a|an)\s+[^,;()]{0,60}?\b(?:in|of|near|outside)\s+(?:the\s+)?$", re.I
)
_PARENTHETICAL = re.compile(
    r",\s*(?:[\w'-]+\s+){0,3}?(?:with|by|alongside|backed by|supported by|aided by|"
    r"in cooperation with|together with|along with)\s+(?:the\s+)?(?:[\w'-]+\s+){0,3}$",
    re.I,
)


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


@dataclass(frozen=True, slots=True)
class Trigger:
    """A relation cue found in a sentence (document offsets)."""

    rule: Rule
    start: int
    end: int
    negated: bool = False
    """The cue is negated ("did not withdraw from X"): the claim is denied."""


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

    @property
    def method(self) -> str:
        """The rule id, as recorded in ``Assertion.method``."""
        return f"rule:{self.trigger.rule.rule}"


def _compile(pattern: str) -> re.Pattern[str]:
    body = re.sub(r" +", r"\\s+", pattern.strip())
    return re.compile(r"(?<![\w-])(?:" + body + r")(?:(?<=\s)|(?!\w))", re.I)


_STOP = frozenset(
    "the and for its his her their was were are been has had have being from with into over "
    "under onto off per any all now still only just".split()
)


_PATTERN_WORD = re.compile(r"[a-z]{3,}")
_FRAGMENT_NEXT = frozenset("([?{*+")
_FRAGMENT_PREV = frozenset(")]?")


def stems_of(pattern: str) -> frozenset[str]:
    """Beginnings of the content words of a pattern (a fast necessary condition).

    Every match of a lexicon pattern contains one of its content words, so a sentence that
    contains none of the stems cannot match and is not searched. A whole word of the
    pattern gives its first five letters (all of it when shorter: "withdrew" → "withd",
    so the common "with" does not wake the withdrawal cues); a fragment that regex
    syntax continues ("seiz(?:e|ed)", "neighbou?rhood") gives its first four. The stems
    are compared with :func:`word_prefixes` of the sentence.
    """
    text = pattern.replace("\\s", " ").replace("\\w", " ")
    out = set()
    for m in _PATTERN_WORD.finditer(text):
        word = m.group(0)
        if word in _STOP:
            continue
        nxt = text[m.end() : m.end() + 1]
        prev = text[m.start() - 1 : m.start()]
        if nxt in _FRAGMENT_NEXT or (nxt and nxt.isalpha()) or prev in _FRAGMENT_PREV:
            out.add(word[:4])
        else:
            out.add(word[:5])
    return frozenset(out)


_WORDS = re.compile(r"[a-z]{3,}")


@lru_cache(maxsize=64)
def word_prefixes(text: str) -> frozenset[str]:
    """Return the three-, four- and five-letter beginnings of the words of ``text``.

    Cached for the last sentences: the relation and the stance stages ask for the same one.
    """
    words = set(_WORDS.findall(text.lower()))
    return frozenset([w[:5] for w in words] + [w[:4] for w in words] + [w[:3] for w in words])


def _class_has_letter(items: list[tuple[Any, Any]]) -> bool:
    for op, av in items:
        name = str(op)
        if name == "NEGATE":
            return True
        if name == "LITERAL":
            if chr(av).isalpha():
                return True
        elif name == "RANGE":
            lo, hi = av
            if any(lo <= c <= hi for c in range(0x41, 0x7B) if chr(c).isalpha()):
                return True
            if hi > 0x7F:
                return True
        elif name == "CATEGORY":
            if str(av) not in ("CATEGORY_SPACE", "CATEGORY_DIGIT", "CATEGORY_NOT_WORD"):
                return True
        else:
            return True
    return False


def _stem_cost(stems: AbstractSet[str]) -> int:
    """How often a stem set wakes a rule, roughly: three-letter stems ("the") are common."""
    return sum(1 if len(stem) > 3 else 10 for stem in stems)


def _required(seq: Any, ws: bool) -> tuple[list[frozenset[str]], bool]:
    """Conjunction of stem sets one of which every match of ``seq`` contains.

    ``ws``: whether the position before ``seq`` starts a word (the previous character is
    no letter a-z). Returns the sets and whether the position after ``seq`` starts a word.
    A set lists stems as :func:`word_prefixes` gives them (the first three to five letters
    of a word); only letter runs that begin a word count.
    """
    out: list[frozenset[str]] = []
    run: list[str] = []
    run_ws = False

    def flush() -> None:
        nonlocal run
        if run_ws and len(run) >= 3:
            out.append(frozenset(["".join(run[:5])]))
        run = []

    for op, av in seq:
        name = str(op)
        if name == "LITERAL":
            ch = chr(av).lower()
            if "a" <= ch <= "z":
                if not run:
                    run_ws = ws
                run.append(ch)
                ws = False
            else:
                flush()
                ws = True
        elif name in ("AT", "ASSERT", "ASSERT_NOT"):
            if name == "AT" and str(av) == "AT_BOUNDARY" and not run:
                ws = True
        elif name == "IN":
            flush()
            ws = not _class_has_letter(av)
        elif name in ("SUBPATTERN", "ATOMIC_GROUP"):
            flush()
            sets, ws = _required(av[3] if name == "SUBPATTERN" else av, ws)
            out.extend(sets)
        elif name == "BRANCH":
            flush()
            results = [_required(b, ws) for b in av[1]]
            if all(r[0] for r in results):
                union: set[str] = set()
                for sets, _end in results:
                    union |= min(sets, key=_stem_cost)
                out.append(frozenset(union))
            ws = all(r[1] for r in results)
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            flush()
            lo, hi, inner = av
            sets, end = _required(inner, ws)
            if hi > 1 and ws and not end:
                sets, end = _required(inner, False)
            if lo >= 1:
                out.extend(sets)
                ws = end
            else:
                ws = ws and end
        else:
            flush()
            ws = False
    flush()
    return out, ws


def required_stems(pattern: str, *, word_start: bool = False) -> tuple[frozenset[str], ...]:
    """Stem sets every match of ``pattern`` hits (each set: one of its stems at least).

    A finer necessary condition than :func:`stems_of`: optional words ("full", "still",
    "the") do not wake a rule, only the words every match must contain.
    """
    try:
        parsed = _sre_parse.parse(pattern, re.I)
    except re.error:  # pragma: no cover - patterns are checked by the lexicon tests
        return ()
    sets, _end = _required(parsed, word_start)
    return tuple(dict.fromkeys(sets))


@lru_cache(maxsize=1)
def _rule_index() -> tuple[dict[str, tuple[int, ...]], tuple[int, ...]]:
    """Map each stem to the rules (file order) that need it; list the rules without stems."""
    index: dict[str, list[int]] = {}
    always = []
    for order, rule in enumerate(rules()):
        stems = min(rule.required, key=_stem_cost) if rule.required else rule.stems
        if not stems:
            always.append(order)
        for stem in stems:
            index.setdefault(stem, []).append(order)
    return {k: tuple(v) for k, v in index.items()}, tuple(always)


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
                regex=_compile(row["pattern"]),
                government_relation=row.get("government_relation", ""),
                stems=stems_of(row["pattern"]),
                required=required_stems(_compile(row["pattern"]).pattern, word_start=True),
            )
        )
    return tuple(out)


def find_triggers(sentence: Sentence, *, slots: tuple[str, ...] | None = None) -> list[Trigger]:
    """Find relation cues in a sentence; where cues overlap, the longest wins.

    Examples
    --------
    >>> s = Sentence(0, 0, 26, "Hama was captured by HTS.")
    >>> [t.rule.rule for t in find_triggers(s)]
    ['capture_passive']
    """
    text = sentence.text
    index, always = _rule_index()
    present = word_prefixes(text)
    candidates = set(always)
    for prefix in index.keys() & present:
        candidates.update(index[prefix])
    table = rules()
    found: list[tuple[int, int, int, Rule, bool]] = []
    for order in sorted(candidates):
        rule = table[order]
        if slots is not None and rule.slot not in slots:
            continue
        if (rule.stems and rule.stems.isdisjoint(present)) or any(
            stems.isdisjoint(present) for stems in rule.required
        ):
            continue
        for m in rule.regex.finditer(text):
            a, b = m.span()
            while b > a and text[b - 1].isspace():
                b -= 1
            if b <= a:
                continue
            if b < len(text) and text[b - 1].isalnum() and (text[b].isalnum()):
                continue
            head = text[max(0, a - 30) : a]
            negated = False
            if "no longer" not in rule.regex.pattern and not _UNTIL_NOW.search(text, b):
                # "had not reached X until now" is a positive claim
                if _NEGATION.search(head):
                    continue
                negated = _DENIAL.search(head) is not None and not _NOT_ONLY.search(head)
            if _IRREALIS.search(text[max(0, a - 40) : a]) or _CONDITIONAL.search(
                text[max(0, a - 160) : a]
            ):
                continue
            found.append((a, b, order, rule, negated))
    found.sort(key=lambda t: (-(t[1] - t[0]), t[2]))
    taken: list[tuple[int, int]] = []
    out: list[Trigger] = []
    for a, b, _order, rule, negated in found:
        if any(a < y and x < b for x, y in taken):
            continue
        taken.append((a, b))
        out.append(Trigger(rule, sentence.start + a, sentence.start + b, negated))
    out.sort(key=lambda t: t.start)
    return out


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _is_reference(text: str, sentence: Sentence, mention: PlaceMention, floor: int) -> bool:
    """Whether the words just before the mention (after ``floor``) make it a landmark."""
    a = max(floor, mention.start - 40, sentence.start)
    window = text[a : mention.start]
    m = None
    for m in _REFERENCE.finditer(window):  # noqa: B007 - the last match is wanted
        pass
    if m is None:
        return False
    return _words(window[m.end() :]) <= 3 and not _CLAUSE_BREAK.search(window[m.end() :])


def _container(text: str, mention: PlaceMention) -> bool:
    return bool(_CONTAINER_AFTER.match(text, mention.end, mention.end + 40))


def _targets_after(
    text: str,
    sentence: Sentence,
    trig: Trigger,
    mentions: Sequence[PlaceMention],
    blockers: Sequence[tuple[int, int]] = (),
) -> list[tuple[PlaceMention, bool]]:
    out: list[PlaceMention] = []
    near: set[int] = set()
    floor = trig.end
    pending = [m for m in mentions if m.start >= trig.end]
    first = True
    skip = -1
    for m in pending:
        between = text[floor : m.start]
        if any(floor <= a and b <= m.start for a, b in blockers):
            break  # another cue or an actor stands between: a new clause
        if first:
            if first and not out and floor == trig.end:
                # a quoted verb or phrase: had "liberated" the city of X, entered "large parts" of X
                between = _QUOTE_MARK.sub(" ", between, count=2)
            if _words(between) > trig.rule.gap + (2 if out else 0) or _CLAUSE_BREAK.search(between):
                break
            if _AREAS_NEAR.fullmatch(between):
                near.add(m.start)  # "withdrawal from areas near the city"
            elif _REFERENCE.search(between) or _ADJUNCT.search(between):
                break  # "held talks in Damascus", "reached an agreement in Homs"
        else:
            if m.start < skip:
                continue  # inside a relative clause between two list items
            if (
                _words(_KIND_PHRASE.sub(" ", between)) > 5
                or _CLAUSE_BREAK.search(between)
                or _REFERENCE.search(between)
                or _PARTICIPLE.search(between)
            ):
                break
            if not _LIST_SEP.search(between) and not _container(text, out[-1] if out else m):
                break
        if _container(text, m):
            # "the Damascus suburb of Harasta": look through the container
            floor = m.end
            first = True
            continue
        out.append(m)
        floor = m.end
        first = False
        rel = _LIST_RELATIVE.match(text, m.end, sentence.end)
        if rel:
            # "captured X, which lies near Y and Z, and the town of W": skip the clause
            floor = skip = rel.end()
    return [(m, m.start in near) for m in out]


def _targets_before(
    text: str, sentence: Sentence, trig: Trigger, mentions: Sequence[PlaceMention]
) -> list[tuple[PlaceMention, bool]]:
    out: list[PlaceMention] = []
    ceiling = trig.start
    for m in sorted((m for m in mentions if m.end <= trig.start), key=lambda m: -m.start):
        between = text[m.end : ceiling]
        if not out:
            if _words(between) > trig.rule.gap:
                break
            clause = _CLAUSE_BREAK.search(between)
            if (
                clause
                and clause.group(0) not in (",",)
                and not _SUBJECT_RELATIVE.fullmatch(between)
            ):
                break  # "X and Y, both of which are held by Z": the relative's antecedents
            if _is_reference(text, sentence, m, sentence.start):
                continue
            app = _APPOSITION_OF.search(text[sentence.start : m.start])
            if app and re.fullmatch(
                r"\s*,\s*", between[: len(between) - len(between.lstrip(" ,"))] or " "
            ):
                # "Only Douma, the largest town in Eastern Ghouta, remains ...": the head noun
                ceiling = sentence.start + app.start()
                continue
        else:
            if (
                _words(between) > 3
                or not _LIST_SEP.search(between)
                or _CLAUSE_BREAK.search(between)
            ):
                break
        out.append(m)
        ceiling = m.start
    return [(m, False) for m in out]


_SUBJECT_RELATIVE = re.compile(
    r"\s*,\s*(?:(?:both|all|each|most|some|two|three|four|five|several) of\s+)?"
    r"(?:which|that)\s*",
    re.I,
)
_TO_AGENT = re.compile(r"\s*(?:in)?to\s+(?:the\s+)?\w", re.I)

# kind words of a list item do not count towards the gap ("X and the nearby town of Y",
# "the village of X and parts of the town of Y")
_KIND_PHRASE = re.compile(
    r"^\s*(?:area|region|city|town|district|countryside)\b|"
    r"\b(?:(?:the|a)\s+)?(?:(?:nearby|neighbou?ring|adjacent|strategic|key|small|large)\s+)?"
    r"(?:towns?|city|cities|villages?|areas?|districts?|suburbs?|neighbou?rhoods?)\s+of\b|"
    r"\b(?:(?:some|large|small)\s+)?parts?\s+of\b|\b(?:much|most)\s+of\b",
    re.I,
)
_PARTICIPLE = re.compile(r",\s*(?:\w+ly\s+)?(?!including\b)\w+ing\b", re.I)
_LIST_RELATIVE = re.compile(
    r"\s*,\s*(?:which|who|where)\b[^,;:.()]{0,120},(?=\s*(?:and|or|as well as)\s)", re.I
)
# "(certain parts of) it / them": the object of a cue, pointing back to places
_PARTS_OF = r"\s*(?:(?:certain|some|most|much|all|parts?|areas?|of)\s+){0,3}"
_IT = re.compile(_PARTS_OF + r"it\b", re.I)


def _pronoun_target(
    text: str, trig: Trigger, claims: Sequence[Claim]
) -> list[tuple[PlaceMention, bool]]:
    """Resolve "it" to the place of the sentence's previous claim.

    "withdrew from the city, and rebels entered certain parts of it".
    """
    if claims and _IT.match(text, trig.end):
        return [(claims[-1].mention, False)]
    return []


_THEM = re.compile(_PARTS_OF + r"them\b", re.I)
_RELATIVE = re.compile(r"\b(?:which|where|that)\b", re.I)
_RELATIVE_HEAD = re.compile(
    r"(?:\s+(?:province|governorate|countryside|city|town|village|district|region|area))?"
    r"\s*(?:,[^,;:.()]{1,60})?,?\s*$",
    re.I,
)
_EDGE_OF = re.compile(
    r"\b(?:edges?|outskirts|side|fringes?|gates)\s+of\s+(?:the\s+)?(?:city\s+of\s+)?$", re.I
)
_THERE = re.compile(r"\bthere(?=\s*(?:[,.;]|$))|\bin (?:that|this|the) (?:area|region)\b", re.I)


def _them_target(
    text: str, trig: Trigger, claims: Sequence[Claim]
) -> list[tuple[PlaceMention, bool]]:
    """Resolve "them" to all places of the sentence's previous cue.

    "regained the towns of X and Y after expelling the militants who had infiltrated them".
    """
    if not claims or not _THEM.match(text, trig.end):
        return []
    last = claims[-1].trigger
    return [(c.mention, False) for c in claims if c.trigger == last]


def _relative_target(
    text: str, sentence: Sentence, trig: Trigger, places: Sequence[PlaceMention]
) -> list[tuple[PlaceMention, bool]]:
    """Return the antecedent of a relative clause whose cue has no place after it.

    "Hama, which rebels captured last week" / "the town of X, where the army took
    control of a base": the place right before "which", "where" or "that" (an apposition
    may stand between). "which"/"that" must be the object (a subject follows it).
    """
    head = text[sentence.start : trig.start]
    rel = None
    for rel in _RELATIVE.finditer(head):  # noqa: B007 - the last one is wanted
        pass
    if rel is None:
        return []
    inner = head[rel.end() :]
    if _CLAUSE_BREAK.search(inner) or _words(inner) > 8:
        return []
    if rel.group(0).lower() != "where" and _words(inner) < 1:
        return []  # "X, which fell ...": a subject relative, the place is not the object
    at = sentence.start + rel.start()
    earlier = [m for m in places if m.end <= at]
    if not earlier or not _RELATIVE_HEAD.fullmatch(text, earlier[-1].end, at):
        return []
    if _is_reference(text, sentence, earlier[-1], sentence.start) or _EDGE_OF.search(
        text, max(sentence.start, earlier[-1].start - 30), earlier[-1].start
    ):
        return []  # "the camp on the southern edge of X, which ...": X is a landmark
    return [(earlier[-1], False)]


def _there_target(
    text: str,
    sentence: Sentence,
    trig: Trigger,
    places: Sequence[PlaceMention],
    focus: PlaceMention | None,
) -> list[tuple[PlaceMention, bool]]:
    """Return the place in focus for "seized several bases there", "in that area"."""
    tail = text[trig.end : sentence.end]
    m = _THERE.search(tail)
    if m is None or _CLAUSE_BREAK.search(tail[: m.start()]) or _words(tail[: m.start()]) > 6:
        return []
    earlier = [p for p in places if p.end <= trig.start]
    if earlier:
        return [(earlier[-1], False)]
    return [(focus, False)] if focus is not None else []


_OPPONENT = {"government": ("opposition", ""), "opposition": ("government", "")}


def _replace_voice(rule: Rule, voice: str) -> Rule:
    from dataclasses import replace

    return replace(rule, voice=voice)


def _actor_of(mention: ActorMention, speaker: tuple[str, str] | None) -> tuple[str, str] | None:
    if mention.side == "speaker":
        return speaker
    return mention.actor, mention.text


def _choose_actor(
    text: str,
    sentence: Sentence,
    trig: Trigger,
    actors: Sequence[ActorMention],
    previous_subject: tuple[str, str] | None,
    speaker: tuple[str, str] | None,
) -> tuple[str, str] | None:
    rule = trig.rule
    before = [a for a in actors if a.end <= trig.start]
    inside = [a for a in actors if trig.start <= a.start and a.end <= trig.end]
    after = [
        a
        for a in actors
        if a.start >= trig.end
        and _words(text[trig.end : a.start]) <= 6
        and not _CLAUSE_BREAK.search(text[trig.end : a.start])
    ]

    def first(items: Sequence[ActorMention]) -> tuple[str, str] | None:
        for item in items:
            got = _actor_of(item, speaker)
            if got is not None:
                return got
        return None

    if rule.voice == "passive":
        got = first(after)
        if got:
            return got
        return None
    if rule.voice == "state":
        return first(inside) or first(after)
    if rule.voice == "against":
        # "the army repelled attacks (launched by rebels) in X": the attackers contest X
        by = [a for a in after if re.search(r"\bby\b", text[trig.end : a.start], re.I)]
        got = first(by)
        if got is not None:
            return got
        subject = _choose_actor(
            text,
            sentence,
            Trigger(_replace_voice(rule, "active"), trig.start, trig.end, trig.negated),
            actors,
            previous_subject,
            speaker,
        )
        if subject is None:
            return None
        return _OPPONENT.get(actor_side(subject[0]), ("government", ""))
    if rule.voice == "context":
        # "X was taken on Monday": nobody named after the cue; the actor the sentence
        # names (nearest first), else the previous sentence's subject
        named = sorted(actors, key=lambda a: min(abs(a.start - trig.start), abs(a.end - trig.end)))
        return first(named) or previous_subject
    if rule.voice == "any":
        # "fighting around X, where rebels ...": whoever the sentence names, nearest first
        named = sorted(actors, key=lambda a: min(abs(a.start - trig.start), abs(a.end - trig.end)))
        return first(named)
    if rule.voice == "nominal":
        by = [
            a
            for a in after
            if re.search(r"\bby\s+(?:the\s+)?$", text[trig.end : a.start], re.I)
            or re.search(r"\bby\b", text[trig.end : a.start], re.I)
        ]
        modifier = [
            a
            for a in before
            if re.fullmatch(r"(?:['\u2019]s?)?\s*(?:the\s+)?", text[a.end : trig.start], re.I)
        ]
        far = [
            a
            for a in actors
            if a.start >= trig.end
            and _words(text[trig.end : a.start]) <= 12
            and not _CLAUSE_BREAK.search(text[trig.end : a.start])
        ]
        # "With the capture of Aleppo and Hama, the rebels ...": the main clause's subject
        return first(by) or first(modifier) or first(list(reversed(before))) or first(far)
    # active: the clause subject, i.e. the nearest actor before the cue that is not the
    # object of a preposition ("in combat with the forces of ...")
    subjects = [
        a
        for a in before
        if (
            not _PREPOSITION_BEFORE.search(text[max(sentence.start, a.start - 12) : a.start])
            or _words(text[a.end : trig.start]) <= 3
        )
        and not (
            _PARENTHETICAL.search(text[max(sentence.start, a.start - 60) : a.start])
            and re.match(r"\s*,", text[a.end : trig.start])
        )
    ]
    if (
        subjects
        and re.search(
            r"\b(?:its|their)\s+$",
            text[max(sentence.start, subjects[-1].start - 8) : subjects[-1].start],
            re.I,
        )
        and subjects[-1].actor in ("opposition", "other")
    ):
        # "Its fighters moved into X": the group named before ("Hezbollah said its
        # fighters entered X": earlier in the sentence, else the previous subject)
        owner = first(list(reversed(subjects[:-1])))
        if owner is not None:
            return owner
        if previous_subject is not None:
            return previous_subject
    head = text[sentence.start : trig.start]
    participle = re.search(r",\s*(?:\w+ly\s+)?$", head) and re.match(
        r"\w+ing\b", text[trig.start : trig.end]
    )
    if participle and subjects:
        return first(subjects)  # ", effectively surrounding X": the main clause's subject
    pronoun = None
    for pronoun in _PRONOUN_SUBJECT.finditer(head):  # noqa: B007 - the last one is wanted
        pass
    if pronoun is not None:
        word = pronoun.group(0).split()[-1].lower().strip(",; ")
        earlier = [a for a in subjects if a.end - sentence.start <= pronoun.start()]
        later = [a for a in subjects if a.end - sentence.start > pronoun.start()]
        if not later:
            if word in ("he", "she"):
                return None  # a person ("after he lost Aleppo"): the rule's default
            if earlier:
                return first(list(reversed(earlier)))
            if previous_subject is not None:
                return previous_subject
    return first(list(reversed(subjects)))


def match_claims(
    text: str,
    sentence: Sentence,
    mentions: Sequence[PlaceMention],
    actors: Sequence[ActorMention],
    *,
    previous_subject: tuple[str, str] | None = None,
    speaker: tuple[str, str] | None = None,
    fallback: tuple[str, str] | None = None,
    focus: PlaceMention | None = None,
) -> list[Claim]:
    """Find the relation claims of one sentence.

    Parameters
    ----------
    text
        The document text.
    sentence
        The sentence to read.
    mentions
        Resolved place mentions inside the sentence (outside-Syria places are ignored).
    actors
        Actor mentions inside the sentence.
    previous_subject
        ``(actor id, surface)`` of the previous sentence's subject, for "they".
    speaker
        ``(actor id, surface)`` the claimant speaks for, for "our forces".
    focus
        The place in focus (the last place of the sentence before), for cues with
        ``slot=focus`` ("the army denied any retreat").
    fallback
        ``(actor id, surface)`` used when no actor is named (inside a quotation: the
        speaker's own side, "The advance towards the capital continues").

    Returns
    -------
    list of Claim
        One per (cue, place); the same place and relation twice in a sentence is kept once.
    """
    places = [m for m in mentions if m.place_id and not m.outside]
    all_actors = actors
    claims: list[Claim] = []
    seen: set[tuple[str, str, str]] = set()
    if not places and focus is None:
        return []
    there = focus is not None and _THERE.search(sentence.text) is not None
    triggers = find_triggers(sentence, slots=None if places or there else ("focus",))
    # "rebel-held Idlib": the adjective's actor holds that place and is nobody's subject,
    # and the adjective does not cut a list ("captured rebel-held X")
    adjectives = [
        (t.start, t.end)
        for t in triggers
        if t.rule.voice == "state" and t.rule.slot == "after" and t.rule.rule == "held_adjective"
    ]
    plain_actors = [
        a for a in all_actors if not any(x <= a.start and a.end <= y for x, y in adjectives)
    ]
    blockers = [(t.start, t.end) for t in triggers if (t.start, t.end) not in adjectives] + [
        (a.start, a.end) for a in plain_actors
    ]
    for trig in triggers:
        rule = trig.rule
        actors = all_actors if (trig.start, trig.end) in adjectives else plain_actors
        if rule.slot == "after":
            targets = _targets_after(
                text, sentence, trig, places, [b for b in blockers if b != (trig.start, trig.end)]
            )
            if not targets:
                targets = _pronoun_target(text, trig, claims) or _them_target(text, trig, claims)
            if not targets:
                targets = _relative_target(text, sentence, trig, places) or _there_target(
                    text, sentence, trig, places, focus
                )
        elif rule.slot == "focus":
            earlier = [m for m in places if m.end <= trig.start]
            if earlier:
                targets = [(earlier[-1], True)]
                last = [c for c in claims if c.mention is earlier[-1]]
                if last and rule.place_precision == "place":
                    # "entered X and Y after the army withdrew from its positions": the list
                    targets = [(c.mention, False) for c in claims if c.trigger == last[-1].trigger]
                elif rule.place_precision == "place":
                    # "rebels took X after troops pulled out": only a place the sentence
                    # already has a claim on ("an attempt to advance towards X ... forced
                    # them to retreat": they never held X)
                    targets = []
            elif focus is not None:
                targets = [(focus, True)]
            else:
                targets = []
        else:
            targets = _targets_before(text, sentence, trig, places)
        if not targets:
            continue
        chosen = _choose_actor(text, sentence, trig, actors, previous_subject, speaker)
        if chosen is None and fallback is not None:
            chosen = fallback
        if chosen is None:
            if rule.need_actor or not rule.default_actor:
                continue
            chosen = (rule.default_actor, "")
        actor, actor_text = chosen
        relation = rule.relation
        if rule.government_relation and actor_side(actor) == "government":
            relation = rule.government_relation  # the incumbent "present in" X holds it
            after = targets[-1][0].end if rule.slot == "after" else trig.end
            if relation == "lost" and _TO_AGENT.match(text, after):
                relation = rule.relation  # "the fall of X to government forces"
        for target, is_near in targets:
            key = (target.place_id, actor, relation + "-" * trig.negated)
            if key in seen:
                continue
            seen.add(key)
            precision = "near" if is_near else rule.place_precision
            if precision == "place" and target.kind_cue in ("governorate", "district", "region"):
                precision = "region"
            claims.append(
                Claim(
                    target,
                    trig,
                    actor,
                    actor_text,
                    relation,
                    precision,
                    round(rule.confidence * (0.6 + 0.4 * target.score), 3),
                )
            )
    return _drop_former_state(claims)


# a change of control whose object is described by its state before the change
# ("the army recaptured the rebel-held half of the city"): the state is history
_CHANGES = frozenset({"captured", "lost", "entered"})


def _drop_former_state(claims: list[Claim]) -> list[Claim]:
    changed = {
        (c.mention.start, c.actor)
        for c in claims
        if c.relation in _CHANGES and c.trigger.rule.rule != "held_adjective"
    }
    if not changed:
        return claims
    return [
        c
        for c in claims
        if c.trigger.rule.rule != "held_adjective"
        or not any(start == c.mention.start and actor != c.actor for start, actor in changed)
    ]
