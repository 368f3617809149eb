"""Collective statements: "control over only three out of 14 provincial capitals: A, B, C".

Stage: relations (second part). Rows of ``data/lexicon/collective.csv`` name a pattern, a
set of places (``capitals``: :meth:`Gazetteer.capitals`, the 14 governorate capitals), the
relation of the places listed after the pattern and the relation of the *other* members
of the set. The actor is the nearest actor named before the pattern (the clause subject),
else the government. "The government now has control over only three out of 14 provincial
capitals: Damascus, Latakia, and Tartus" → government controls the three, and has lost
the other eleven.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from typing import Any

from .actor_mentions import find_actor_mentions
from .lexicon import read_lexicon
from .mentions import PlaceMention
from .prefilter import required_stems, word_prefixes
from .relations import Claim, Rule, Trigger
from .sentences import Sentence

__all__ = ["collapse_claims", "collapse_cue", "collective_claims"]


@lru_cache(maxsize=1)
def _rows() -> tuple[tuple[Rule, str, str, str], ...]:
    out = []
    for row in read_lexicon("collective.csv"):
        body = re.sub(r" +", r"\\s+", row["pattern"].strip())
        rule = Rule(
            row["rule"],
            row["listed_relation"],
            "after",
            "active",
            0,
            "government",
            False,
            "place",
            0.7,
            re.compile(r"(?<![\w-])(?:" + body + r")(?:(?<=\s)|(?!\w))", re.I),
        )
        out.append((rule, row["listed_relation"], row["others_relation"], row["members"]))
    return tuple(out)


@lru_cache(maxsize=1)
def _row_stems() -> tuple[tuple[frozenset[str], ...], ...]:
    """Return, per collective row, the stem sets every match hits (:func:`required_stems`)."""
    return tuple(required_stems(rule.regex.pattern, word_start=True) for rule, *_ in _rows())


def collective_claims(
    text: str, sentence: Sentence, mentions: Sequence[PlaceMention], gazetteer: Any
) -> list[Claim]:
    """Return the claims of the collective statements in a sentence."""
    claims: list[Claim] = []
    present = word_prefixes(sentence.text)
    for (rule, listed_rel, others_rel, members), stems in zip(_rows(), _row_stems(), strict=True):
        if any(sets.isdisjoint(present) for sets in stems):
            continue  # a word every match has is missing: the pattern cannot match
        for m in rule.regex.finditer(sentence.text):
            a, b = sentence.start + m.start(), sentence.start + m.end()
            if members != "capitals":
                continue
            capitals = {p.place_id: p for p in gazetteer.capitals().values()}
            head = sentence.text[: m.start()]
            actors = [x for x in find_actor_mentions(head, offset=sentence.start) if x.actor]
            actor = actors[-1].actor if actors else rule.default_actor
            actor_text = actors[-1].text if actors else ""
            trig = Trigger(rule, a, b)
            listed: list[PlaceMention] = []
            for mention in mentions:
                if mention.start < b or mention.outside:
                    continue
                pid = mention.place_id
                if pid not in capitals:
                    # "Latakia" read as the governorate: take its capital
                    place = gazetteer.get(pid) if pid else None
                    cap = next(
                        (
                            c
                            for c in capitals.values()
                            if place is not None
                            and c.admin1_iso == place.admin1_iso
                            and place.kind == "governorate"
                        ),
                        None,
                    )
                    if cap is None:
                        continue
                    mention = mention.resolved(cap.place_id, mention.score)
                listed.append(mention)
            if not listed:
                continue
            phrase = PlaceMention(a, b, text[a:b], (), score=0.9)
            for mention in listed:
                claims.append(Claim(mention, trig, actor, actor_text, listed_rel, "place", 0.7))
            named = {x.place_id for x in listed}
            for pid in sorted(capitals):
                if pid in named:
                    continue
                claims.append(
                    Claim(
                        phrase.resolved(pid, 0.9), trig, actor, actor_text, others_rel, "place", 0.6
                    )
                )
    return claims


# -- national collapse ("the fall of the Assad regime" → government lost Syria) -----------

_TERM = re.compile(r"\{([A-Z]+)\}")
_COLLAPSE_RULE = Rule(
    "collapse", "lost", "after", "active", 0, "government", False, "place", 0.7, re.compile("$^")
)


@lru_cache(maxsize=1)
def _collapse_rows() -> tuple[
    tuple[tuple[str, re.Pattern[str]], ...],
    tuple[re.Pattern[str], ...],
    tuple[re.Pattern[str], ...],
]:
    """Compile ``data/lexicon/collapse.csv``: the collapse cues, the blocks before, after."""
    terms: dict[str, str] = {}

    def expand(pattern: str) -> str:
        body = _TERM.sub(lambda m: terms[m.group(1)], pattern.strip())
        return re.sub(r" +", r"\\s+", body)

    cues, before, after = [], [], []
    for row in read_lexicon("collapse.csv"):
        body = expand(row["pattern"])
        if row["kind"] == "term":
            terms[row["name"]] = body
        elif row["kind"] == "collapse":
            cues.append((row["name"], re.compile(r"(?<![\w-])(?:" + body + r")", re.I)))
        elif row["kind"] == "block":
            before.append(re.compile(body, re.I))
        elif row["kind"] == "after":
            after.append(re.compile(body, re.I))
    return tuple(cues), tuple(before), tuple(after)


@lru_cache(maxsize=1)
def _collapse_stems() -> tuple[tuple[frozenset[str], ...], ...]:
    """Return, per collapse cue, the stem sets every match hits (:func:`required_stems`)."""
    return tuple(
        required_stems(regex.pattern, word_start=True) for _name, regex in _collapse_rows()[0]
    )


def _possible_cues(sentence_text: str) -> list[tuple[str, re.Pattern[str]]]:
    """Return the collapse cues whose required words the sentence has (no other can match).

    The patterns are costly (tens of microseconds a sentence each); the word test is not.
    """
    present = word_prefixes(sentence_text)
    return [
        cue
        for cue, stems in zip(_collapse_rows()[0], _collapse_stems(), strict=True)
        if not any(sets.isdisjoint(present) for sets in stems)
    ]


def _cues_of(sentence_text: str) -> list[tuple[str, re.Pattern[str]]]:
    """Return the collapse cues that may match: none unless the regime or Assad is named."""
    low = sentence_text.lower()
    if "assad" in low or "regime" in low or "bashar" in low:
        return _possible_cues(sentence_text)
    return []


def collapse_cue(sentence_text: str) -> bool:
    """Whether a sentence may state the fall of the government (a fast pre-check)."""
    return any(regex.search(sentence_text) for _name, regex in _cues_of(sentence_text))


def collapse_claims(text: str, sentence: Sentence, gazetteer: Any) -> list[Claim]:
    """Return ``government lost`` at Syria for a reported fall of the government as a whole.

    Rows of ``data/lexicon/collapse.csv`` (kind ``collapse``) are past-tense or nominal
    statements that the regime fell ("the fall of the Assad regime", "the regime
    collapsed", "Bashar has been officially overthrown", "ousted President Assad"). A
    statement is dropped when a ``block`` row ends the sentence text before it (an
    intention, prospect, conditional, modal or negation: "calls for the overthrow of the
    regime", "if the regime fell") or an ``after`` row opens the text after it ("the fall
    of Assad would ..."). The place is Syria itself (the gazetteer's place of kind
    ``country`` inside Syria); the pipeline dates the claim and gives its stance as for
    any other claim. At most one claim per sentence.

    Examples
    --------
    >>> from syriamap.extract.sentences import split_sentences
    >>> s = "Celebrations followed the fall of the Assad regime on Sunday."
    >>> [(c.actor, c.relation, c.mention.place_id) for c in
    ...  collapse_claims(s, split_sentences(s)[0], None)]
    [('government', 'lost', 'wof:85632413')]
    >>> s = "Protesters called for the fall of the regime."
    >>> collapse_claims(s, split_sentences(s)[0], None)
    []
    """
    from .targets import _country_ids

    cues = _cues_of(sentence.text)
    if not cues:
        return []
    syria = sorted(pid for pid in _country_ids() if gazetteer is None or pid in gazetteer)
    if not syria:
        return []
    _cues, before, after = _collapse_rows()
    for name, regex in cues:
        for m in regex.finditer(sentence.text):
            head = sentence.text[: m.start()]
            tail = sentence.text[m.end() :]
            if any(b.search(head) for b in before) or any(a.match(tail) for a in after):
                continue
            a, b = sentence.start + m.start(), sentence.start + m.end()
            rule = replace(_COLLAPSE_RULE, rule=name)
            mention = PlaceMention(a, b, text[a:b], (syria[0],), syria[0], score=0.9)
            return [Claim(mention, Trigger(rule, a, b), "government", "", "lost", "place", 0.7)]
    return []
