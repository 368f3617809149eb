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
from functools import lru_cache
from typing import Any

from .actor_mentions import find_actor_mentions
from .lexicon import read_lexicon
from .mentions import PlaceMention
from .relations import Claim, Rule, Trigger
from .sentences import Sentence

__all__ = ["collective_claims"]


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


def collective_claims(
    text: str, sentence: Sentence, mentions: Sequence[PlaceMention], gazetteer: Any
) -> list[Claim]:
    """Return the claims of the collective statements in a sentence."""
    claims: list[Claim] = []
    for rule, listed_rel, others_rel, members in _rows():
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
