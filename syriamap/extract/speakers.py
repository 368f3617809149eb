"""Speakers: the noun phrases that can make a claim.

Stage: stance (helper). A claimant is a *speaker*: a noun phrase that can say something, a
person, an organisation, an outlet, a monitor, a ministry, "residents", "sources", "a
statement", never a fragment of the sentence ("has so far", "effectively", "the capture of
Daraa"). Rules, all on the words of the phrase:

1. the phrase is cleaned: a dateline before " - " or "/" ("AMMAN (Reuters) - ",
   "Shafaq News/ ") and leading fillers ("As", "And", "Meanwhile") are dropped;
2. it is no speaker when it holds a finite auxiliary ("had", "was", "will"), opens with a
   preposition or a subordinator, or runs over :data:`MAX_WORDS` words;
3. its *head* is the last word before the first preposition, relative word or
   participle ("the head of the monitor" → "head", "a statement issued by the army" →
   "statement"); the phrase is a speaker when the head is a speaker noun of
   ``data/lexicon/speakers.csv`` (roles, bodies, outlets, people, documents) or a
   capitalised name ("Abdel Ghani", "Reuters", "Israel"), or when the phrase names an
   actor of the lexicon ("the rebels", "the SDF").

:func:`speaker_before` finds the speaker that ends right before a reporting verb, reading
back over an apposition ("Rami Abdurrahman, head of the Observatory, said"), a relative
clause ("The Command, which runs the operation, said") or a parenthesis ("the Room (made up
of local factions) said").
"""

from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import read_lexicon

__all__ = [
    "APPOSITIVE",
    "MAX_WORDS",
    "anaphor",
    "clean_speaker",
    "has_verb",
    "head_noun",
    "is_speaker",
    "speaker_before",
    "speaker_head",
    "subject_before",
]

MAX_WORDS = 16
"""A longer phrase is a clause, not a speaker."""

_DATELINE = re.compile(r"^.{0,60}?(?:\s[-\u2013\u2014]\s|/\s)")
_LEAD = re.compile(
    r"^(?:(?:and|but|as|however|meanwhile|also|earlier|later|while|so|then|now|yet|what)\b,?\s*|"
    # "coinciding with the ministry announcing": the participle and its preposition
    r"[a-z]+ing\s+(?:(?:with|alongside)\s+)?(?=(?:the|a|an|its|his|her|their)\s))+",
)
_TRAIL = re.compile(
    r"(?:\s+(?:has|have|had|was|were|is|are|also|flatly|earlier|later|previously|further|"
    r"now|then|officially|publicly|reportedly|repeatedly|already|so far|too|itself|"
    r"themselves|late|early|first|again|once more|both|separately|jointly|that|which|who|"
    r"reported|said|stated|wrote|announced|claimed))+\s*$",
    re.I,
)
_FINITE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|shall|did|does|do|been|being|can|could|"
    r"should|may|might|must)\b",
    re.I,
)
_OPENER = re.compile(
    r"^(?:in|on|at|with|by|for|from|during|after|before|since|until|amid|despite|following|"
    r"to|into|of|over|under|about|against|if|when|while|because|although|though|whereas|"
    r"that|which|who|whose|where|what|how|why|contrary|unlike|like|including)\b",
    re.I,
)
# words that end the head noun phrase: prepositions, relatives, participles (not a gerund
# that modifies a body: "a monitoring group", "the broadcasting corporation")
_HEAD_END = re.compile(
    r"\s+(?:of|in|for|from|with|at|on|near|to|by|under|inside|outside|based|issued|loyal|"
    r"backed|affiliated|close|cited|quoted|familiar|who|which|that|whose|within|among|across|"
    r"behind|against|alongside|\w+ing(?!\s+(?:groups?|organi[sz]ations?|bod(?:y|ies)|networks?|"
    r"agency|agencies|committees?|councils?|corporation|company|service|station)\b)|\()\b|"
    r"\s*\(|"
    r"['\u2019]s?$",
    re.I,
)
# an apposition that names a role ("head of the monitor", "a rebel commander"): it belongs
# to the speaker phrase next to it
APPOSITIVE = re.compile(
    r"^(?:(?:the|a|an|its|his|her|their)\s+)?(?:[\w.'\u2019-]+\s+){0,4}?"
    r"(?:head|chief|director|leader|commander|spokes\w+|founder|member|official|officer|fighter|"
    r"activist|resident|witness|source|analyst|expert|researcher|journalist|reporter|"
    r"minister|envoy|president|editor|correspondent|monitor|observatory|umbrella|"
    r"coalition|group|alliance|faction|network|agency|outlet)\b",
    re.I,
)
_MODIFIER = re.compile(
    r"^(?:which|who|whose|where|loyal|backed|based|affiliated|close|known|made|composed|"
    r"formed|led|run|funded|aligned|allied|once|now|long|still|also)\b|^\w+ed\s+(?:by|to|in)\b",
    re.I,
)
_PRONOUNS = frozenset({"he", "she", "they", "it", "we"})
_ADJUNCT = re.compile(
    r"^(?:in|on|at|during|via|through|speaking|writing|quoting|citing|earlier|later|late|early|also)\b",
    re.I,
)
_NOT_NAMES = frozenset(
    "The A An In On At As And But However Meanwhile According It Its Their They He She We "
    "This That These Those There Syrian Syria's".split()
)


@lru_cache(maxsize=1)
def _speaker_heads() -> re.Pattern[str]:
    words = "|".join(f"(?:{row['pattern']})" for row in read_lexicon("speakers.csv"))
    return re.compile(rf"^(?:{words})$", re.I)


def speaker_head(word: str) -> bool:
    """Whether a word is a head noun that can speak (``data/lexicon/speakers.csv``).

    >>> speaker_head("commander"), speaker_head("Syria")
    (True, False)
    """
    return bool(_speaker_heads().match(word))


def clean_speaker(phrase: str) -> tuple[int, int]:
    """Return the ``(start, end)`` of the speaker inside ``phrase`` once cleaned.

    Drops a dateline ("AMMAN (Reuters) - "), leading fillers ("As", "Meanwhile,"), a
    trailing auxiliary or adverb ("has so far", "earlier") and surrounding punctuation.

    Examples
    --------
    >>> p = "ALBAWABA - Armed factions"
    >>> a, b = clean_speaker(p); p[a:b]
    'Armed factions'
    """
    a, b = 0, len(phrase)
    date = _DATELINE.match(phrase)
    if date and date.end() < b:
        a = date.end()
    while True:
        seg = phrase[a:b]
        stripped = seg.lstrip(" ,;:\u2014\u2013-\"'\u201c\u201d\u2018\u2019")
        lead = _LEAD.match(stripped)
        cut = len(seg) - len(stripped) + (lead.end() if lead else 0)
        if not cut:
            break
        a += cut
    trail = _TRAIL.search(phrase, a, b)
    if trail:
        b = trail.start()
    while b > a and phrase[b - 1] in " ,;:\u2014\u2013-\"'\u201c\u201d\u2018\u2019":
        b -= 1
    return a, b


def _head(phrase: str) -> str:
    end = _HEAD_END.search(phrase)
    words = phrase[: end.start() if end else len(phrase)].split()
    while len(words) > 1 and re.fullmatch(r"\w+ing", words[-1], re.I):
        words.pop()  # "the reports circulating in ...": the head is "reports"
    return words[-1].strip("\"'\u201c\u201d\u2018\u2019(),.") if words else ""


_PAST = re.compile(
    # an irregular past form, or a regular one with an object after it ("seized Sarmin",
    # "captured the town"); "a statement issued by", "sources cited by" are participles
    r"(?<![\w-])(?<!the )(?<!a )(?<!an )(?<!ly )(?:(?:took|fell|won|left|held|told|began|"
    r"came|went|fought|struck|hit|met|made|gave|lost|kept|drove|led|fled|broke|overran|"
    r"withdrew|stood|brought|sent|swept|spoke|retook|shot|ran)\b(?!-)|"
    r"(?!(?:armed|allied|united|unnamed|named|unidentified|organi[sz]ed|unified|alleged|"
    r"informed|concerned|detained|displaced|wounded|killed)\b)"
    r"[a-z]+ed\b(?!-)(?!\s+(?:by|to|in|on|with|from|for|at|as|under|near|into|of|over|"
    r"across|and|or|,)\b)(?=\s+[\w\u201c\"]))"
)


def has_verb(phrase: str) -> bool:
    """Whether a phrase after a reporting verb holds a clause ("said fighters took X").

    A lower-case past form ("took", "entered") not after an article or an adverb ("the
    newly formed") marks a clause, not an inverted speaker ("said rebel commander X").

    Examples
    --------
    >>> has_verb("fighters took Tadef"), has_verb("rebel commander Omar Nasser")
    (True, False)
    """
    words = phrase.split(None, 1)
    return len(words) > 1 and _PAST.search(words[1]) is not None


def subject_before(text: str, end: int, start: int = 0) -> tuple[int, int] | None:
    """Return the subject of the clause that runs from ``start`` to a participle at ``end``.

    ", announcing ...", ", saying ...": the speaker is the main clause's subject, the noun
    phrase before its first verb ("The first statement addressed civilians ..., announcing"
    → "The first statement").

    Examples
    --------
    >>> t = "The statement addressed civilians in the town, announcing"
    >>> a, b = subject_before(t, t.index(", announcing")); t[a:b]
    'The statement'
    """
    verb = _FINITE.search(text, start, end)
    past = _PAST.search(text, start, end)
    if past is not None and (verb is None or past.start() < verb.start()):
        verb = past
    if verb is None:
        return None
    a, b = clean_speaker(text[start : verb.start()])
    if b <= a or not is_speaker(text[start + a : start + b]):
        return None
    return start + a, start + b


def head_noun(phrase: str) -> str:
    """Return the lower-case head noun of a speaker phrase, a plural "s" dropped.

    Examples
    --------
    >>> head_noun("A military source"), head_noun("the head of the Observatory")
    ('source', 'head')
    """
    head = _head(phrase.strip()).lower()
    return head[:-1] if head.endswith("s") and not head.endswith("ss") else head


_ANAPHOR = re.compile(
    r"(?:the|this|that|these|those)\s+(?:(?:general|military|media|press|local|same|joint|supreme)\s+)?"
    r"([a-z]+)",
    re.I,
)


def anaphor(phrase: str) -> str:
    """Return the head of a definite description that points back ("the source"), else "".

    Examples
    --------
    >>> anaphor("The sources"), anaphor("the Syrian army")
    ('source', '')
    """
    m = _ANAPHOR.fullmatch(phrase.strip())
    return head_noun(m.group(1)) if m else ""


_NAME_PARTICLES = frozenset("al el bin ibn abu abou bint de di van von der le la".split())


def _name_like(phrase: str) -> bool:
    """Whether a phrase reads as a person's or a body's name, not a clause or a headline.

    "Rami Abdurrahman", "Abu Mohammed al-Jolani" are names; "Rebels close in on Homs"
    (a headline before ", monitor says") and "Rebels Seize Hama" (an armed group acting)
    are not.
    """
    from .actor_mentions import find_actor_mentions

    words = phrase.split()
    if not words or len(words) > 5:
        return False
    if any(not (w[:1].isupper() or w.lower().split("-")[0] in _NAME_PARTICLES) for w in words):
        return False
    return not any(m.actor for m in find_actor_mentions(phrase))


def _named(phrase: str) -> bool:
    head = _head(phrase.strip())
    return head[:1].isupper() and head not in _NOT_NAMES


def is_speaker(phrase: str) -> bool:
    """Whether a phrase can be a claimant (a noun phrase that can speak).

    Examples
    --------
    >>> is_speaker("the head of the Syrian Observatory"), is_speaker("Hassan Abdel Ghani")
    (True, True)
    >>> is_speaker("has so far"), is_speaker("the capture of Daraa city")
    (False, False)
    """
    phrase = phrase.strip()
    words = phrase.split()
    if not words or len(words) > MAX_WORDS:
        return False
    if len(words) == 1 and words[0].lower() in _PRONOUNS:
        return True  # "he said": the pipeline takes the speaker named before
    if _FINITE.search(phrase) or _OPENER.match(phrase) or has_verb(phrase):
        return False
    if words[0].lower() in ("our", "my", "your"):
        return False  # "news claiming our armed forces ...": the object of a quotation
    head = _head(phrase)
    if not head:
        return False
    if _speaker_heads().match(head):
        return True
    if head[:1].isupper() and head not in _NOT_NAMES and not head.isdigit():
        return True
    from .actor_mentions import find_actor_mentions

    # an actor that is the head ("the rebels", "the SDF"), not a possessor ("the SNA's
    # intention")
    cut = _HEAD_END.search(phrase)
    end = len(phrase[: cut.start() if cut else len(phrase)].rstrip())
    return any(
        m.actor and m.side != "speaker" and m.end >= end - 1 for m in find_actor_mentions(phrase)
    )


def speaker_before(text: str, end: int, start: int = 0) -> tuple[int, int] | None:
    """Return the span of the speaker that ends at ``text[end]`` (before a reporting verb).

    ``start`` bounds the search (the start of the clause). Reads back over an apposition
    (kept, it often names the side: "Rami Abdurrahman, head of the Observatory"), a
    relative clause or a modifier (dropped: "The Command, which runs the operation") and a
    parenthesis ("the Room (made up of local factions)").

    Examples
    --------
    >>> t = "The Syrian army, loyal to President Bashar Assad, said"
    >>> a, b = speaker_before(t, t.index(" said")); t[a:b]
    'The Syrian army'
    >>> t = "Rami Abdurrahman, head of the Observatory, told AFP"
    >>> a, b = speaker_before(t, t.index(" told")); t[a:b]
    'Rami Abdurrahman, head of the Observatory'
    """
    a0, b0 = clean_speaker(text[start:end])
    b = start + b0
    lo = start + a0
    while b > lo and text[b - 1] == ")":
        opening = text.rfind("(", lo, b)
        if opening < 0 or len(text[opening:b].split()) <= 2:
            break  # "(SOHR)" is part of the name
        b = opening
        while b > lo and text[b - 1] == " ":
            b -= 1
    # comma-separated chunks, nearest first
    chunks: list[tuple[int, int]] = []
    right = b
    for m in reversed(list(re.finditer(r"[,;:\u2014]|\s[-\u2013]\s", text[lo:b]))):
        chunks.append((lo + m.end(), right))
        right = lo + m.start()
        if len(chunks) >= 4:
            break
    else:
        chunks.append((lo, right))

    def span(a: int, z: int) -> tuple[int, int] | None:
        x, y = clean_speaker(text[a:z])
        return (a + x, a + y) if y > x else None

    for k, (a, z) in enumerate(chunks):
        got = span(a, z)
        if got is None:
            return None
        words = text[got[0] : got[1]]
        if _MODIFIER.match(words) or (k == 0 and len(chunks) > 1 and _ADJUNCT.match(words)):
            continue  # "..., which runs the operation,", "..., in a statement on Telegram,":
            # read on to the noun phrase
        if not is_speaker(words):
            return None
        if k + 1 < len(chunks):
            prev = span(*chunks[k + 1])
            if prev is not None:
                before = text[prev[0] : prev[1]]
                # a role next to a name: "Rami Abdurrahman, head of the monitor", "an
                # opposition leader, Hassan Abdel Ghani" (not "600 civilians, a monitor")
                joined = (
                    (APPOSITIVE.match(words) and _named(before) and _name_like(before))
                    or (APPOSITIVE.match(before) and _named(words))
                ) and not any(re.search(r"\band\b|&", w) for w in (words, before))
                if (
                    joined
                    and is_speaker(before)
                    and len(before.split()) <= 8
                    and not _MODIFIER.match(before)
                ):
                    return prev[0], got[1]  # "an opposition leader, Hassan Abdel Ghani"
        return got
    return None
