"""Who acts: the actor of a relation cue (actor choice).

The cue's ``voice`` (``data/lexicon/relations.csv``) says where the actor is: the clause
subject before the cue (``active``), the agent after it (``passive``: "by rebels", "to
HTS"), inside it (``state``: "under government control"), after "by" or as a modifier
(``nominal``), or anywhere in the sentence (``any``, ``context``). A pronoun subject takes
the previous sentence's subject; first-person forces take the claimant's side. The clause
layer (:mod:`syriamap.extract.clauses`) tells whose clause a cue stands in.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .actor_mentions import ActorMention, actor_side
from .clauses import (
    Clause,
    clause_at,
    fronted_subject,
    is_object,
    own_subject,
    subjectless,
    subjects_for,
)
from .english import CLAUSE_BREAK as _CLAUSE_BREAK
from .english import words as _words
from .prefilter import folded_for_words
from .rules import Rule, Trigger
from .sentences import Sentence

_COLON_BEFORE = re.compile(r"[:;]\s*(?:then\s+)?$")
_POSSESSIVE_AFTER = re.compile(r"['\u2019]s?\s", re.I)
_PRONOUN_SUBJECT = re.compile(
    r"\b(?:they|them|their)\b|(?:^|[,;:]\s*|\b(?:and|as|when|after|then|later)\s+|"
    # after a fronted date: "On 11 December it handed the city to ..."
    r"\b(?:on|by)\s+(?:\d{1,2}\s+)?[A-Za-z]+(?:\s+\d{1,2})?\s+)(?:he|it|she)\b",
    re.I,
)
# "under pressure from local Arab tribes, and units of X entered": the object of a
# preposition, one or two describing words before it, is nobody's partner
_PREPOSITION_ADJECTIVE = re.compile(
    r"\b(?:with|against|from|by|between|among)\s+(?:the\s+)?[a-z][\w-]*\s+(?:[a-z][\w-]*\s+)?$"
)
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:with|against|of|by|from|to|at|for|on|between|among|into|onto|toward|towards)"
    r"\s+(?:the\s+|a\s+|an\s+)?$",
    re.I,
)
_PARENTHETICAL = re.compile(
    r",\s*(?:[\w'-]+\s+){0,3}?(?:with|by|alongside|backed by|supported by|aided by|"
    r"in cooperation with|together with|along with)\s+(?:the\s+)?(?:[\w'-]+\s+){0,3}$",
    re.I,
)


_OBJECT_OF = re.compile(
    r"\b(?:of|to|against|with|from|on)\s+(?:the\s+)?(?:[\w'\u2019-]+\s+){0,4}$", re.I
)
_OF_THING = re.compile(
    r"\b(?!(?:forces|troops|fighters|units|soldiers|militias?|members|army|ranks|remnants|"
    r"elements|brigades?|battalions?|groups|factions|coalition|alliance|leaders|commanders|"
    # "thousands of rebels entered X": a number of fighters is the subject
    r"hundreds|thousands|dozens|scores|tens|some|many|most|all|rest|bulk|majority|part|"
    r"number|several|few|handful|columns?|convoys?|contingents?)\b)"
    r"[a-z]+\s+of\s+"
    r"(?:the\s+)?$",
    re.I,
)
_THEIR = re.compile(
    r"\b(?:their|its|our)\s+(?:full\s+|firm\s+|complete\s+)?(?:control|hands)\b|\bours\b", re.I
)
_ITS = re.compile(r"\b(?:its|their)\s+$", re.I)
_GOVERNED_OBJECT = re.compile(
    r"\b(?:opposing|opposed\s+to|fighting|battling|confronting|loyal\s+to|hostile\s+to|"
    r"(?:advancing|advanced|marching|pushing|moving|clashing|clashed|fought|battled)\s+"
    r"(?:against|with|on))\s+"
    r"(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,2}?(?:[\w'\u2019-]+['\u2019]s\s+)?$",
    re.I,
)
_POSSESSED_THING = re.compile(
    r"['\u2019]s\s+(?!(?:regime|government|forces|troops|army|military|fighters|soldiers|units|"
    r"militias?|men|loyalists|allies|opponents|foes|enemies|own)\b)[\w-]+\s+\w",
    re.I,
)
_POSSESSED_FORCES = re.compile(
    r"['\u2019]s\s+(?:[\w-]+\s+){0,3}?(?:forces|troops|fighters|units|soldiers|militias?|"
    r"brigades?|divisions?|commandos|battalions?|contingents?|advis[eo]rs|personnel|officers)\b",
    re.I,
)
_INCLUDED = re.compile(r"\b(?:including|such\s+as|among\s+them|notably)\s+(?:the\s+)?$", re.I)
_OWNER_GAP = re.compile(r"['\u2019]s\s+(?:[\w-]+\s+){0,2}", re.I)
# "opposing the regime", "armed groups opposed to Assad's government": a participle or
# adjective whose object is the side opposed (the object: up to three words)
_OPPOSING_OBJECT = (
    r"(?:opposing|opposed\s+to|fighting\s+against|hostile\s+to)\s+(?:the\s+)?"
    r"(?:[\w'\u2019-]+\s+){0,3}$"
)
_OPPOSING = re.compile(r"\b" + _OPPOSING_OBJECT, re.I)
_GROUP_OPPOSING = re.compile(
    r"\b(?:groups|factions|forces|fighters|militias|rebels|insurgents)\s+" + _OPPOSING_OBJECT,
    re.I,
)
_OPPONENT = {"government": ("opposition", ""), "opposition": ("government", "")}
# "Groups advancing against regime forces entered X", "fighters battling the army": armed
# groups that fight the government are its opponents (only for a government object: the
# rebels' enemies may be the army, the SDF or others)
_CHALLENGING = re.compile(
    r"\b(?:groups|factions|forces|fighters|militias|rebels|insurgents|gunmen)\s+"
    r"(?:fighting|battling|confronting|(?:advancing|marching|pushing|moving)\s+(?:against|on)|"
    r"clashing\s+with)\s+(?:the\s+)?(?:[\w'\u2019-]+\s+){0,3}$",
    re.I,
)


# a force noun alone, with or without an article ("the fighters", "militants"): no name
_BARE_FORCE = re.compile(
    r"(?:the\s+|these\s+|those\s+|some\s+|many\s+)?(?:fighters|militiamen|militants|insurgents|"
    r"gunmen|troops|soldiers|forces|units|militias|members|commanders|convoys|tanks|"
    r"armed\s+(?:men|groups)|groups)",
    re.I,
)


def _replace_voice(rule: Rule, voice: str) -> Rule:
    from dataclasses import replace

    return replace(rule, voice=voice)


_OF_END = re.compile(r"\bof\s*$", re.I)
_OF_ITS = re.compile(r"\bof\s+its\b", re.I)
_GENITIVE_GAP = re.compile(r"\s*(?:the\s+)?[\"\u201c]?(?:[\w'\u2019-]+\s+){0,2}?[\"\u201c]?$", re.I)
# a plural head ("opposition forces", "rebels") is no antecedent of "its"
_PLURAL_HEAD = re.compile(r"\b[A-Za-z][a-z'-]*[a-z]s$")  # "Rebels", "forces"; not "HTS", "SDF"


def owner_of_its(
    before: Sequence[ActorMention], speaker: tuple[str, str] | None
) -> tuple[str, str] | None:
    """Return the actor "its" points back to: the nearest singular actor named before.

    "The army said rebels had entered Hama, leading to the redeployment of its units":
    "rebels" and "opposition forces" are plural; "the army", "the SDF", "HTS" are not.
    """
    for mention in reversed(before):
        if _PLURAL_HEAD.search(mention.text):
            continue
        got = _actor_of(mention, speaker)
        if got is not None:
            return got
    return None


def _genitive_agent(
    text: str,
    sentence: Sentence,
    trig: Trigger,
    before: Sequence[ActorMention],
    after: Sequence[ActorMention],
    speaker: tuple[str, str] | None,
) -> tuple[str, str] | None:
    """Return the agent of "the withdrawal of X": X, or the owner of "its"/"their" X."""
    for mention in after:
        gap = text[trig.end : mention.start]
        if _GENITIVE_GAP.fullmatch(gap) and not re.search(r"\b(?:its|their)\b", gap, re.I):
            return _actor_of(mention, speaker)
        break
    tail = text[trig.end : min(sentence.end, trig.end + 40)]
    owner = re.match(r"\s*(its|their)\b", tail, re.I)
    if owner is None:
        return None
    if owner.group(1).lower() == "its":
        return owner_of_its(before, speaker)
    sides = {actor_side(m.actor) for m in before if m.actor}
    # "their units": only when everyone named before is on one side
    return _actor_of(before[-1], speaker) if before and len(sides) == 1 else None


# an actor followed by its own verb of leaving or losing ("the army withdrew", "SDF fighters
# had pulled out") is the subject of that verb
_WITHDRAWER = re.compile(
    r"\s+(?:(?:had|has|have|reportedly|also|then|hastily|quickly)\s+){0,2}"
    r"(?:withdrew|withdrawn|retreated|pulled|fled|abandoned|evacuated|vacated|redeployed|"
    r"lost|collapsed|surrendered|left)\b",
    re.I,
)


def _in_other_temporal(clauses: Sequence[Clause], own: Clause | None, position: int) -> bool:
    """Whether ``position`` lies in a temporal clause that is not ``own``."""
    if not clauses:
        return False
    clause = clause_at(clauses, position)
    return clause is not None and clause is not own and clause.kind == "temporal"


def _actor_of(mention: ActorMention, speaker: tuple[str, str] | None) -> tuple[str, str] | None:
    if mention.side == "speaker":
        return speaker
    return mention.actor, mention.text


# "the fall of X", "X's fall", "the collapse of X": an event without an agent of its own; the
# only taker is the one it fell "to" (data/ANNOTATION.md, relations.csv), never the subject of
# the clause around it ("Israel deploys forces amid the fall of X": Israel took nothing)
_FALL_RULES = frozenset({"fall_nominal", "fall_possessive"})
_WHO_OPENS = re.compile(r"\s*(?:who|that)\b", re.I)
# a coordinated or subordinate clause that opens with a subject noun phrase of its own
# right before a departure verb: "..., and the terrorists have fled", "after the guards
# fled" ("its forces withdrew" points back to the owner named before)
_OWN_PLAIN_SUBJECT = re.compile(
    r"(?:[,;]\s*|\b(?:and|but|while|whereas|as|after|before|when|once|until)\s+)"
    r"(?:the|all|many|most|some|these|those)\s+"
    r"(?:[\w'\u2019-]+\s+){0,3}?"
    r"(?:(?:had|have|has|were|was|also|then|quickly|hastily|reportedly|all)\s+){0,2}$",
    re.I,
)
_PLURAL_NOUN_BEFORE = re.compile(r"\b[a-z][a-z'-]*[a-z]s\s*,?\s*$")
_AGENT_WORD = re.compile(r"\b(?:by|to|into|of)\b", re.I)
_FALL_TO = re.compile(
    r"(?:[\w'\u2019,-]+\s+){0,4}?(?:in)?to\s+(?:the\s+|a\s+|an\s+)?(?:[\w'\u2019-]+\s+){0,2}?$",
    re.I,
)


def _taker_of_fall(
    text: str,
    trig: Trigger,
    actors: Sequence[ActorMention],
    speaker: tuple[str, str] | None,
) -> tuple[str, str] | None:
    """Return who a place fell *to* ("the fall of Hama to the rebels"), else ``None``.

    ``None`` leaves the rule's default: the holder (by default the government) lost it.
    """
    for mention in actors:
        if mention.start < trig.end:
            continue
        gap = text[trig.end : mention.start]
        if _CLAUSE_BREAK.search(gap) or _words(gap) > 7:
            return None
        if _FALL_TO.fullmatch(gap.lstrip()):
            return _actor_of(mention, speaker)
        return None
    return None


# a fronted event phrase ("Following the capture of X, ..."), and what stands between its
# cue and the main clause's subject (the place and its words, a comma, an article)
_FRONTED_EVENT = re.compile(
    r"\W*(?:(?:[\w-]+\s+){0,3}?(?:following|after)|with|since|upon|on)\s+(?:the\s+)?"
    r"(?:[\w'\u2019-]+\s+){0,2}$",
    re.I,
)
_AFTER_FRONT = re.compile(r"[^,;]*,\s*(?:the\s+)?", re.I)
# words between a loss and an actor that make the actor the taker or the new holder
_NEW_HOLDER_GAP = re.compile(
    r"\b(?:to|into|left|leaves|leave|leaving|gave|gives|give|giving|handed|hands|handing|"
    r"control|charge)\b",
    re.I,
)
# "as" opening a clause ("The withdrawal began as rebel forces closed in"): the temporal
# subordinator CLAUSE_BREAK leaves out (it would cut "such as", "as well as" lists)
_AS_CLAUSE = re.compile(r"\bas\b", re.I)
_ATTACK_AFTER = re.compile(
    r"[\u201d\"']?\s*(?:[\w-]+\s+)?(?:attacks?|assaults?|offensives?|attempts?|incursions?|"
    r"counter-?attacks?|counter-?offensives?)\b",
    re.I,
)


def _lead_before_colon(
    text: str, sentence: Sentence, before: Sequence[ActorMention], pronoun_start: int
) -> ActorMention | None:
    """Return the subject of the clause before a colon or semicolon that opens a pronoun's.

    "The SNA pursued Ankara's own agenda: it took X": the first actor of that clause that
    is neither a possessor nor the object of a preposition; None without such a clause.
    """
    head = text[sentence.start : sentence.start + pronoun_start]
    stop = _COLON_BEFORE.search(head)
    if stop is None:
        return None
    lead = [
        a
        for a in before
        if sentence.start <= a.start
        and a.end <= sentence.start + stop.start()
        and not _POSSESSIVE_AFTER.match(text, a.end)
        and not _after_preposition(text, sentence, a)
    ]
    return lead[0] if lead else None


def _after_preposition(text: str, sentence: Sentence, actor: ActorMention) -> bool:
    """Whether a preposition stands right before an actor ("from the army", "with rebels")."""
    window = text[max(sentence.start, actor.start - 12) : actor.start]
    return _PREPOSITION_BEFORE.search(window) is not None


def cue_subject(
    text: str,
    sentence: Sentence,
    trig: Trigger,
    actors: Sequence[ActorMention],
    previous_subject: tuple[str, str] | None,
    speaker: tuple[str, str] | None,
    clauses: Sequence[Clause] = (),
) -> tuple[str, str] | None:
    """Return the subject of a cue's clause, whatever the cue's rule names as its actor.

    "The army repelled attacks on X": the army (the rule's actor is the attackers).
    """
    active = Trigger(_replace_voice(trig.rule, "active"), trig.start, trig.end, trig.negated)
    return _choose_actor(text, sentence, active, actors, previous_subject, speaker, clauses)


def _choose_actor(
    text: str,
    sentence: Sentence,
    trig: Trigger,
    actors: Sequence[ActorMention],
    previous_subject: tuple[str, str] | None,
    speaker: tuple[str, str] | None,
    clauses: Sequence[Clause] = (),
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
        # the agent of a passive follows "by", "to" or "of" ("fell to", "taken on Monday by",
        # "in the hands of"); "reports that X has fallen are false, the SDF said" names a
        # speaker, not the taker
        got = first([a for a in after if _AGENT_WORD.search(text, trig.start, a.start)])
        if got:
            return got
        return None
    if rule.voice == "named":
        # "SNA militiamen in X": only an actor named inside the cue, by a name or an
        # adjective ("the fighters in X" names nobody), never one after it
        return first([a for a in inside if not _BARE_FORCE.fullmatch(a.text)])
    if rule.voice == "state":
        # "X slips from Damascus's grip as rebels sweep into it": who lost X is named inside
        # the cue (or nobody, and the rule's default holder lost it), never the next actor
        got = first(inside) or (first(after) if rule.relation != "lost" else None)
        if got is None and _THEIR.search(text, trig.start, trig.end):
            # "X is now under their control", said a rebel spokesman: the speaker's side
            return speaker or previous_subject
        return got
    if rule.voice == "against":
        # "the army repelled attacks (launched by rebels) in X": the attackers contest X
        # the attackers may stand inside the cue: "repelled an attack by X militia on Y",
        # "repelled an X attack on Y"
        by = [
            a
            for a in inside
            if re.search(r"\bby\b", text[trig.start : a.start], re.I)
            or _ATTACK_AFTER.match(text, a.end, trig.end)
        ] + [a for a in after if re.search(r"\bby\b", text[trig.end : a.start], re.I)]
        got = first(by)
        if got is not None:
            return got
        subject = cue_subject(text, sentence, trig, actors, previous_subject, speaker, clauses)
        if subject is None:
            return None
        # the opponent of the army is the rebels and theirs the army; the attackers of any
        # other side (the SDF's may be the army, the SNA or IS) are not guessed
        return _OPPONENT.get(actor_side(subject[0]))
    if rule.voice == "context":
        # "X was taken on Monday": nobody named after the cue; the actor the sentence
        # names (nearest first), else the previous sentence's subject
        named = sorted(actors, key=lambda a: min(abs(a.start - trig.start), abs(a.end - trig.end)))
        own = clause_at(clauses, trig.start) if clauses else None
        # "X was captured after regime forces withdrew to Y": the subject of another
        # clause's verb is no taker of X
        named = [
            a
            for a in named
            if not _in_other_temporal(clauses, own, a.start) and not _WITHDRAWER.match(text, a.end)
        ]
        got = first(named)
        if got is not None:
            return got
        if (
            previous_subject is not None
            and actor_side(previous_subject[0]) == "government"
            and rule.relation == "captured"
            and not _RETAKEN.search(text, trig.start, trig.end)
        ):
            # "On 6 December Rastan and Talbiseh were taken": an earlier sentence about the
            # army names no taker (the army retakes; it is rarely the unnamed taker)
            return None
        return previous_subject
    if rule.voice == "any":
        # "fighting around X, where rebels ...": whoever the sentence names, nearest first
        named = sorted(actors, key=lambda a: min(abs(a.start - trig.start), abs(a.end - trig.end)))
        own = clause_at(clauses, trig.start) if clauses else None
        if own is not None and own_subject(text, own):
            # "the army is facing collapses as the opposition makes progress near X": a
            # clause with a subject of its own takes no actor from outside it
            return first([a for a in named if own.start <= a.start < own.end])
        return first(named)
    if rule.voice == "nominal":
        if rule.rule in _FALL_RULES:
            return _taker_of_fall(text, trig, actors, speaker)
        by = [
            a
            for a in after
            if (
                re.search(r"\bby\s+(?:the\s+)?$", text[trig.end : a.start], re.I)
                or re.search(r"\bby\b", text[trig.end : a.start], re.I)
            )
            # "an assault on X, held by Kurdish formations": the holder's "by", not the
            # attacker's
            and not _PARTICIPLE_BY.search(text, trig.end, a.start)
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
            # "The withdrawal began as rebel forces closed in": the subject of another
            # clause did not withdraw
            and not _AS_CLAUSE.search(text, trig.end, a.start)
        ]
        if rule.relation == "withdrew" and _OF_ITS.search(text, trig.start, trig.end):
            # "leading to the redeployment of its units outside X": the owner of "its"
            owner = owner_of_its(before, speaker)
            if owner is not None:
                return owner
        if rule.relation == "withdrew" and _OF_END.search(text, trig.start, trig.end):
            # "following the retreat of army forces toward X": the genitive is the agent;
            # "the retreat of its units": the owner named before
            following = [a for a in actors if a.start >= trig.end]
            return _genitive_agent(text, sentence, trig, before, following, speaker)
        # "With the capture of Aleppo and Hama, the rebels ...": the main clause's subject,
        # never the object of another noun ("the fall of Assad's government following an
        # offensive that led to the capture of X")
        if re.search(
            r"\b(?:its|their)\s+$", text[max(sentence.start, trig.start - 8) : trig.start]
        ):
            # "the Ministry of Defense announcing its withdrawal": the owner named before
            owners = [a for a in before if _words(text[a.end : trig.start]) <= 4]
            if owners:
                return _actor_of(owners[-1], speaker)
            mine = [a for a in before if a.start >= sentence.start and a.actor]
            if (
                mine
                and re.search(r"\btheir\s+$", text[trig.start - 8 : trig.start], re.I)
                and len({actor_side(a.actor) for a in mine}) == 1
            ):
                # "as rebel groups hold key areas following their entry into X": "their"
                # owner, when everyone the sentence names before it is on one side; of
                # "militant groups, including HTS," the head, not the member named
                heads = [a for a in mine if not _INCLUDED.search(text, a.start - 20, a.start)]
                return _actor_of((heads or mine)[-1], speaker)
        if rule.rule in _OWNED_NOUNS:
            # "the regime stronghold of X", "the army's last stronghold in X": only its
            # owner holds it ("Rebels shelled the Alawite stronghold of X" names no holder)
            return first([a for a in before if _OWNER_BEFORE.fullmatch(text, a.end, trig.start)])
        own = clause_at(clauses, trig.start) if clauses else None
        if own is not None and own_subject(text, own):
            mine = [a for a in before if a.start >= own.start]
            return first(list(reversed(mine))) or first(by)  # "as the opposition makes gains"
        if rule.relation == "withdrew" and own is not None and own.kind == "temporal":
            # "X took Daraa following an agreement with government forces for an organized
            # withdrawal": the one who withdraws is named in that clause, not the main one
            mine = [a for a in before if a.start >= own.start]
            return first(list(reversed(mine))) or first(by)
        nearest = [
            a
            for a in reversed(before)
            if not _OBJECT_OF.search(text[max(sentence.start, a.start - 40) : a.start])
        ]
        # "The rebels celebrated the withdrawal from X": who reacts to an event did not do it
        nearest = [a for a in nearest if not _REACTION.search(text, a.end, trig.start)]
        event = _EVENT_PHRASE.search(text, max(sentence.start, trig.start - 40), trig.start)
        if event is not None:
            # "Israel moved troops into the buffer zone after the capture of X", "The army
            # sent reinforcements after the capture of X": the subject of another verb did
            # not take X; only an armed group advancing on its own ("Rebels advanced toward
            # Homs after the capture of Hama") is read as the taker
            nearest = [
                a
                for a in nearest
                if a.end > event.start()
                or (
                    rule.relation in ("captured", "entered")
                    and actor_side(a.actor) in ("opposition", "sdf", "isis")
                )
            ]
        # "the withdrawal of Kurdish forces from X": the actor named inside the cue; "X left
        # Y. The withdrawal began ...": a cue about the place before is its subject's
        return (
            first(inside)
            or first(by)
            or first(modifier)
            or first(nearest)
            # "the loss of Hama to the rebels", "the loss of Hama left the rebels in
            # control": who is named after "to", "left", "handed" took the place or holds
            # it ("the loss of Palmyra is the worst defeat IS has suffered" is IS's)
            or first(
                # "the takeover of X capped a collapse of government authority", "the
                # liberation of X removes the last PKK/YPG foothold": a name after the
                # place in another role took nothing
                [
                    a
                    for a in far
                    if _NEW_HOLDER_GAP.search(text, trig.end, a.start)
                    # "(Several days) after the capture of X, the groups advanced": the
                    # subject after the fronted phrase
                    or (
                        _FRONTED_EVENT.match(text, sentence.start, trig.start)
                        and _AFTER_FRONT.fullmatch(text, trig.end, a.start)
                    )
                ]
                if rule.relation != "lost"
                else [a for a in far if not _NEW_HOLDER_GAP.search(text, trig.end, a.start)]
            )
            or (previous_subject if rule.slot == "focus" else None)
        )
    # active: the clause subject, i.e. the nearest actor before the cue that is not the
    # object of a preposition ("in combat with the forces of ...")
    # of the clause layer's candidates (own clause, else the main clause) only
    if rule.relation == "withdrew":
        joined = _OWN_PLAIN_SUBJECT.search(text, max(sentence.start, trig.start - 60), trig.start)
        if joined is not None and not any(
            joined.start() <= a.start and a.end <= trig.start for a in actors
        ):
            # "SNA fighters entered X and the terrorists fled": the departure has a subject
            # of its own that names no side; the side of the clause before did not leave
            return None
    candidates = subjects_for(clauses, trig.start, actors, text) if clauses else before
    own = clause_at(clauses, trig.start) if clauses else None
    if (
        own is not None
        and own.kind == "relative"
        and _WHO_OPENS.match(text, own.start)
        and not any(a.actor and 0 <= own.start - a.end <= 3 for a in actors)
        and not any(own.start <= a.start < trig.start for a in actors)
        and _PLURAL_NOUN_BEFORE.search(text, max(sentence.start, own.start - 40), own.start)
    ):
        # "called on the soldiers and officers who remain in the province": the relative
        # pronoun's antecedent is the noun before it, which names no side here
        return None
    if own is not None and candidates and subjectless(text, own):
        # "forcing government troops to withdraw": the participle's object does the act
        # "forcing government troops to withdraw", "reversing a claim that denied rebels had
        # entered X": an actor of the clause that is no object of a preposition ("clashing
        # with regime forces and capturing X") is the subject of what follows it
        told = [
            a
            for a in actors
            if own.start <= a.start and a.end <= trig.start and not is_object(text, a, own.start)
        ]
        if told:
            return _actor_of(told[-1], speaker)
        return first(candidates)  # "by seizing X", ", capturing X": the main clause's subject
    subjects = [
        a
        for a in candidates
        if (
            not _after_preposition(text, sentence, a)
            or (_words(text[a.end : trig.start]) <= 3 and "," not in text[a.end : trig.start])
            # "the forces of the Syrian regime withdrew": the regime's forces are the subject
            or _forces_of_subject(text, sentence.start, a.start)
            # "an offensive by the rebels, who in just days captured X": the antecedent of
            # the relative pronoun is its subject, whatever governs it outside
            or (own is not None and own.kind == "relative" and 0 <= own.start - a.end <= 2)
        )
        and not (
            _PARENTHETICAL.search(text[max(sentence.start, a.start - 60) : a.start])
            and re.match(r"\s*,", text[a.end : trig.start])
        )
        # "The army, under pressure from rebels, withdrew": the object inside commas
        and not _inside_commas(text, sentence.start, a, trig.start)
        # "HTS (a terrorist organization banned in Russia) entered X": a bracketed aside
        and not _inside_brackets(text, sentence.start, a, trig.start, actors)
        # "told us that soldiers had abandoned X and that young men had taken it over": the
        # second reported clause has a subject of its own
        and not _AND_THAT.search(text, a.end, trig.start)
        # "The Eighth Brigade, a former rebel unit that had joined army structures, moved
        # into X": an actor inside an apposition's relative clause is no subject of the verb
        and not (
            _APPOSITIVE_RELATIVE.search(text, max(sentence.start, a.start - 100), a.start)
            and _UNTIL_COMMA.match(text, a.end, trig.start)
        )
        # "Government forces, HTS said, withdrew from X": the speaker of a parenthesis
        and not _PARENTHETICAL_SPEAKER.match(text, a.end, trig.start)
        # "the Syrian government's research centre": the owner of a thing is no subject
        # ("Hezbollah's elite Radwan forces had left X": the owner's own forces act)
        and not (
            _POSSESSED_THING.match(text, a.end, trig.start)
            and not _POSSESSED_FORCES.match(text, a.end, trig.start)
        )
        # "groups associated with the support of Iran withdrew": Iran is an object
        and not _OF_THING.search(text, max(sentence.start, a.start - 40), a.start)
        # "the groups opposing Assad's regime captured X", "forces loyal to the regime":
        # the regime is the object of the participle or adjective
        and not _GOVERNED_OBJECT.search(text, max(sentence.start, a.start - 40), a.start)
    ]
    if not subjects:
        opposed = [
            a
            for a in candidates
            if _OPPOSING.search(text, max(sentence.start, a.start - 40), a.start)
            and _GROUP_OPPOSING.search(text, max(sentence.start, a.start - 60), a.start)
        ]
        if opposed and opposed[-1].side in _OPPONENT:
            # "the armed groups opposing Assad's regime also captured X": its opponents
            return _OPPONENT[opposed[-1].side][0], ""
        fought = [
            a
            for a in candidates
            if a.side == "government"
            and _CHALLENGING.search(text, max(sentence.start, a.start - 60), a.start)
        ]
        if fought and not _CLAUSE_BREAK.search(text, fought[-1].end, trig.start):
            return "opposition", ""
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
        owner = first([a for a in reversed(before) if a.end <= subjects[-1].start])
        if owner is not None:
            return owner
        if previous_subject is not None:
            return previous_subject
    if (
        len(subjects) >= 2
        and subjects[-1].actor in ("opposition", "other")
        and subjects[-2].actor not in ("opposition", "other", "")
        and _OWNER_GAP.fullmatch(text, subjects[-2].end, subjects[-1].start)
    ):
        # "Hezbollah's fighters withdrew": "fighters" are the owner's, not plain rebels
        return _actor_of(subjects[-2], speaker)
    before_cue = text[sentence.start : trig.start]
    folded_before = folded_for_words(before_cue)  # _ITS_FORCES needs "its" or "their"
    own_forces = (
        _ITS_FORCES.search(before_cue)
        if "its" in folded_before or "their" in folded_before
        else None
    )
    if own_forces is not None and not any(
        a.start >= sentence.start + own_forces.start() for a in subjects
    ):
        # "The SDF said that in clashes with rebels, its forces withdrew from X": the owner
        # of "its" (the nearest singular actor), of "their" (a one-sided sentence)
        mine = [a for a in before if sentence.start <= a.start and a.actor]
        if own_forces.group(1).lower() == "its":
            return owner_of_its(mine, speaker)
        if mine and len({actor_side(a.actor) for a in mine}) == 1:
            return _actor_of(mine[-1], speaker)
        return None
    shared = _shared_subject(text, subjects, trig)
    if shared is not None:
        return _actor_of(shared, speaker)
    head = text[sentence.start : trig.start]
    participle = re.search(r",\s*(?:\w+ly\s+)?$", head) and re.match(
        r"\w+ing\b", text[trig.start : trig.end]
    )
    if participle and subjects:
        return first(subjects)  # ", effectively surrounding X": the main clause's subject
    if not subjects and clauses:
        fronted = fronted_subject(clauses, trig.start, actors)
        if fronted is not None:
            return _actor_of(fronted, speaker)  # "Since seizing X, rebels ...": the subject
    pronoun = None
    for pronoun in _PRONOUN_SUBJECT.finditer(head):  # noqa: B007 - the last one is wanted
        pass
    if pronoun is not None:
        word = pronoun.group(0).split()[-1].lower().strip(",; ")
        earlier = [a for a in subjects if a.end - sentence.start <= pronoun.start()]
        # "the SNA pursued Ankara's own agenda: it took X": a possessor inside an object
        # is no antecedent of the subject pronoun; "Rebels came under fire from the army
        # as they entered X": nor is the object of a preposition (each only beside others)
        plain = [a for a in earlier if not _POSSESSIVE_AFTER.match(text, a.end)]
        earlier = plain or earlier
        earlier = [a for a in earlier if not _after_preposition(text, sentence, a)] or earlier
        later = [a for a in subjects if a.end - sentence.start > pronoun.start()]
        if not later and not plain and word in ("it", "they"):
            # only possessors before it, or nobody: after a colon or semicolon, the
            # subject of the clause before it
            lead = _lead_before_colon(text, sentence, before, pronoun.start())
            if lead is not None:
                return first([lead])
        if not later:
            if word in ("he", "she"):
                return None  # a person ("after he lost Aleppo"): the rule's default
            if (
                word in ("they", "their")
                and earlier
                and not _PLURAL_HEAD.search(earlier[-1].text)
                and _REPORTED_BEFORE.search(head[: pronoun.start()])
            ):
                # "Rebels took X. The army said they had entered Y": a singular reporter
                # is no sure antecedent of "they" when the previous subject is a rival
                said_by = first([earlier[-1]])
                if (
                    previous_subject is None
                    or said_by is None
                    or actor_side(previous_subject[0]) == actor_side(said_by[0])
                    # "An opposition fighter said they are pushing": a member speaks of
                    # his own group
                    or _MEMBER.match(text, earlier[-1].end)
                ):
                    return said_by
                return None
            if earlier:
                if len({actor_side(a.actor) for a in earlier if a.actor}) > 1:
                    # "Rebels fought the army until they withdrew from X": two sides
                    # before the pronoun, either may be meant (no claim, no default)
                    return "", ""
                return first(list(reversed(earlier)))
            if own is not None and own.kind == "reported" and word in ("they", "their"):
                # "Rebel commanders said that they seized X": the reporting subject, not
                # the previous sentence's ("The army said it faced an attack.")
                reporter = [
                    a
                    for a in before
                    if sentence.start <= a.start
                    and a.end <= own.start
                    and not _PREPOSITION_BEFORE.search(
                        text[max(sentence.start, a.start - 12) : a.start]
                    )
                ]
                if reporter and not _PLURAL_HEAD.search(reporter[-1].text):
                    # "Rebels took X. The army said they had entered Y": a singular
                    # reporter is no sure antecedent of "they"; the previous subject is,
                    # when it is on the reporter's side or the reporter has no rival
                    said_by = first([reporter[-1]])
                    if previous_subject is None or said_by is None:
                        return said_by
                    if actor_side(previous_subject[0]) == actor_side(said_by[0]):
                        return said_by
                    return None
                if reporter:
                    return first(list(reversed(reporter)))
                if speaker is not None:
                    return speaker
            if (
                previous_subject is not None
                and speaker is not None
                and word in ("they", "their")
                and _REPORTED_BEFORE.search(head[: pronoun.start()])
                and actor_side(speaker[0]) not in ("", actor_side(previous_subject[0]))
            ):
                # "Rebels took X. An army officer said they had withdrawn from Y": "they"
                # may be the speaker's own side or the previous subject; nobody is sure
                return None
            if previous_subject is not None:
                return previous_subject
    back = None
    folded = folded_for_words(head)
    for back in (  # noqa: B007 - the last one is wanted
        _DEFINITE_ANAPHOR.finditer(head)
        if any(word in folded for word in _DEFINITE_ANAPHOR_WORDS)
        else ()
    ):
        pass
    if (
        back is not None
        and subjects
        and _REPORTED_BEFORE.search(head, 0, back.start())
        and all(a.end <= sentence.start + back.start() for a in subjects)
    ):
        # "The army said the groups had entered X": the reported clause's own subject
        return _reporters_group(text, sentence, before, back, speaker) or _group_antecedent(
            previous_subject, back
        )
    if not subjects and back is not None:
        # "Fighting regime forces, the groups entered X", "The coalition has also taken X":
        # a bare group noun points back to the previous sentence's armed group; a state's
        # forces are never "the groups" or "the coalition", so otherwise nobody acts
        if _REPORTED_BEFORE.search(head, 0, back.start()):
            # "A source close to HTS said the group now holds X": the reporter's group
            group_of_reporter = _reporters_group(text, sentence, before, back, speaker)
            if group_of_reporter is not None:
                return group_of_reporter
        return _group_antecedent(previous_subject, back)
    if _IT_BEFORE_VERB.search(head):
        # "pushed Kurdish fighters out of X, which it captured": a plural ("fighters",
        # "forces") is no antecedent of "it"
        subjects = [a for a in subjects if not _PLURAL_HEAD.search(a.text)] or subjects
    return first(list(reversed(subjects)))


# "which it captured", "that it holds": "it" right before the verb of a relative clause
_IT_BEFORE_VERB = re.compile(r"\b(?:which|that)\s+it\s+(?:\w+\s+){0,2}$", re.I)


# "the groups", "the coalition", "the alliance": a definite group noun that is no actor name
# by itself and points back to the group the previous sentence named (not after a
# preposition: "clashes with the groups" is an object)
_DEFINITE_ANAPHOR = re.compile(
    r"(?<!\bwith )(?<!\bagainst )(?<!\bof )(?<!\bby )(?<!\bto )(?<!\bfrom )"
    r"(?:\bthe\s+(?:(?:armed|rebel|opposition|insurgent|allied|two|three|various)\s+)?"
    r"(?:groups?|coalition|alliance|militia|factions?|party|movement)|(?:^|,\s*)groups)\b"
    r"(?![\w-]|\s+(?:of|forces|led|members)\b)",
    re.I,
)
# every match of _DEFINITE_ANAPHOR holds one of these (case-folded): a cheap test first
_DEFINITE_ANAPHOR_WORDS = (
    "group", "coalition", "alliance", "militia", "faction", "party", "movement"
)  # fmt: skip
# armed groups of the "foreign" side that are no state ("the party" is Hezbollah): a group
# noun may point back to them, never to a state's forces
_NON_STATE_FOREIGN = frozenset({"hezbollah"})


# "The army said (that) the groups ...": the group noun opens the reported clause
_REPORTED_BEFORE = re.compile(
    r"\b(?:(?:said|says|say|reported|reports|claimed|claims|announced|announces|stated|states|"
    r"added|confirmed|confirms|acknowledged|admitted|denied)"
    # "confirmed to North Press that the group ...": the outlet told
    r"(?:\s+to\s+(?:the\s+)?(?:(?-i:[A-Z])[\w-]*\s+){0,2}?[\w-]+)?|"
    r"told\s+(?:the\s+)?(?:(?-i:[A-Z])[\w-]*\s+){0,2}?[\w-]+)\s+(?:that\s+)?$",
    re.I,
)


# "a source close to X", "a spokesman for X", "officials of X": the reporter's group
_REPORTER_OF = re.compile(r"\b(?:close\s+to|for|of|from|within|inside)\s+(?:the\s+)?$", re.I)


def _reporters_group(
    text: str,
    sentence: Sentence,
    before: Sequence[ActorMention],
    back: re.Match[str],
    speaker: tuple[str, str] | None,
) -> tuple[str, str] | None:
    """Return the one armed group a reporter of "the group ..." belongs to (else ``None``).

    "A source close to HTS said the group now controls X", "a spokesman for the SDF said
    the militia had withdrawn": the group named after "close to" / "for" / "of" before the
    reporting verb. Two groups named there, or a state's forces, give nobody.
    """
    end = sentence.start + back.start()
    named = [a for a in before if sentence.start <= a.start and a.end <= end and a.actor]
    groups = {a.actor for a in named if _armed_group(a.actor)}
    if len(groups) != 1 or len({a.actor for a in named}) != 1:
        return None
    owner = named[-1]
    if not _REPORTER_OF.search(text, max(sentence.start, owner.start - 20), owner.start):
        return None
    return _actor_of(owner, speaker)


def _group_antecedent(
    previous: tuple[str, str] | None, noun: re.Match[str]
) -> tuple[str, str] | None:
    """Return the previous subject a bare "the groups" / "the coalition" can refer to.

    Only a non-state armed group: the government's forces, foreign states and their units
    are not referred to as "the groups" or "the coalition" (``None``: nobody is named).
    "The party" or "the movement" is read only after its reporter ("sources close to
    Hezbollah said the party ..."), never as the previous sentence's subject.
    """
    if previous is None or not _armed_group(previous[0]):
        return None
    if re.search(r"(?:party|movement)$", noun.group(0), re.I):
        return None
    return previous


def _armed_group(actor: str) -> bool:
    """Whether ``actor`` is a non-state armed group (not a state's forces, not nobody)."""
    side = actor_side(actor)
    return actor in _NON_STATE_FOREIGN or side not in ("government", "foreign", "")


# nominal cues whose holder is only the owner named right before them
_OWNED_NOUNS = frozenset({"stronghold"})
_OWNER_BEFORE = re.compile(
    r"(?:['\u2019]s?)?\s*(?:the\s+)?(?:(?:last|main|key|final|only|biggest|largest|major|"
    r"principal|remaining|traditional|former|most\s+important)\s+)*",
    re.I,
)
_PARTICIPLE_BY = re.compile(
    r"\b(?:held|controlled|run|backed|supported|led|occupied|governed|administered|defended|"
    r"manned|guarded|dominated|besieged|surrounded)\s+by\b",
    re.I,
)
_MEMBER = re.compile(
    r"(?<=fighter)|(?<=commander)|\s+(?:fighter|commander|spokesman|spokeswoman|spokesperson|"
    r"official|officer|soldier|member|leader|source|activist)\b",
    re.I,
)
_ITS_FORCES = re.compile(
    # "The SDF said its forces had taken X": after a reporting verb too
    r"(?:^|[,;]\s*|\bthat\s+|\band\s+|\b(?:said|says|say|announced|announces|stated|"
    r"claimed|claims|reported|reports|confirmed|confirms|added|adds)\s+)"
    r"(its|their)\s+(?:[\w-]+\s+){0,2}?(?:forces|troops|fighters|units|"
    r"soldiers|men|personnel)\s+(?:(?:have|has|had|also|then|reportedly|later|quickly)\s+){0,2}$",
    re.I,
)
_REACTION = re.compile(
    r"\b(?:celebrat|welcom|condemn|hail|prais|mock|critici[sz]|mourn|lament|deplor|applaud|"
    r"cheer|film|document|witness|decr[iy]|protest|denounc|react|respond|comment)\w*",
    re.I,
)
# a nominal event in a phrase of time or cause: "after/following/amid the capture of X"
_EVENT_PHRASE = re.compile(
    r"\b(?:after|following|amid|amidst|since|despite|before|upon|during|over|given|"
    r"because\s+of|due\s+to|in\s+response\s+to|in\s+the\s+wake\s+of)\s+"
    r"(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+)?$",
    re.I,
)
_PARENTHETICAL_SPEAKER = re.compile(
    r"\s+(?:has\s+|have\s+|had\s+)?(?:said|says|say|reported|reports|claimed|claims|added|"
    r"stated|announced|confirmed|told\s+[\w-]+)\s*,",
    re.I,
)
_NOT_THIS = re.compile(
    r",\s*(?:not|rather\s+than|instead\s+of|unlike|but\s+not|and\s+not)\s+(?:the\s+|a\s+|an\s+)?"
    r"(?:[\w'\u2019-]+\s+){0,2}?$",
    re.I,
)
_PHRASE_OBJECT = re.compile(
    r",\s*(?:[\w'\u2019-]+\s+){0,4}?(?:from|by|of|with|against|to|on)\s+(?:the\s+)?"
    r"(?:[\w'\u2019-]+\s+){0,3}$",
    re.I,
)


_RETAKEN = re.compile(r"\bre(?:taken|captured|took|gained)\b", re.I)
_APPOSITIVE_RELATIVE = re.compile(r",\s*(?:a|an|the)\s+[^,;]*?\b(?:that|which|who)\b[^,;]*$", re.I)
_UNTIL_COMMA = re.compile(r"[^,;]*,")


_AND_THAT = re.compile(r"\band\s+that\s+(?!(?:they|it|he|she|its|their)\b)\w", re.I)


def _inside_brackets(
    text: str, floor: int, actor: ActorMention, cue_start: int, actors: Sequence[ActorMention]
) -> bool:
    """Whether an actor stands in a bracketed aside after another actor's name.

    "Militants of HTS (a terrorist organization banned in Russia) entered X", "the SDF
    (backed by the US) took Y": the aside describes the group named before it and names
    no subject of the verb after it. After a name the lexicon does not know ("the
    Southern Operations Room (composed of opposition factions)"), the aside is all
    there is to say whose the group is.
    """
    head = text[floor : actor.start]
    opened = head.rfind("(")
    if opened < 0 or ")" in head[opened:] or text.find(")", actor.end, cue_start) < 0:
        return False
    at = floor + opened
    if _LEADER_ASIDE.search(text, at + 1, actor.start):
        # "Rebels (led by HTS, the former Nusra Front) captured X": the aside names who
        # they are
        return False
    return any(a.actor and 0 <= at - a.end <= 2 for a in actors)


_LEADER_ASIDE = re.compile(
    r"\b(?:mainly|chiefly|mostly|largely|(?:led|headed|spearheaded|dominated|commanded)\s+by)\b",
    re.I,
)


def _inside_commas(text: str, floor: int, actor: ActorMention, cue_start: int) -> bool:
    """Whether an actor is the object of a preposition in a phrase set off by commas.

    "The army, under pressure from rebels, withdrew", "Rebels, under fire from the army,
    entered X": the phrase between commas is no subject of the verb after it.
    """
    if not re.match(r"\s*,", text[actor.end : cue_start]):
        return False
    head = text[max(floor, actor.start - 60) : actor.start]
    if _NOT_THIS.search(head):
        return True  # "Kurdish-led forces, not the army, took X"
    found = _PHRASE_OBJECT.search(head)
    return found is not None and "," not in head[found.start() + 1 :]


# "government forces and their Iranian-backed allies", "the forces of the regime and the
# leaders of groups associated with Iran": two actors joined as one subject
_COORDINATION = re.compile(
    r"\s*,?\s*(?:and|as\s+well\s+as|along\s+with|together\s+with|alongside)\s+"
    r"(?:(?:the|their|its|his)\s+)?(?:(?:leaders|members|remnants|commanders|units)\s+of\s+"
    r"(?:the\s+)?)?",
    re.I,
)


_HEAD_NOUN = re.compile(r"\s+(?:forces|troops|units|soldiers|fighters|militias)\b", re.I)
_PARTNER_END = re.compile(
    r"\s*(?:[,.;:)\u201d\"]|$|(?:from|to|towards?|in|into|out|on|at|after|before|following|"
    r"amid|during|and|as|toward)\b)",
    re.I,
)


def _nominal_partners(
    text: str, trig: Trigger, actors: Sequence[ActorMention], chosen: tuple[str, str]
) -> list[tuple[str, str]]:
    """Return the actors coordinated with a nominal cue's agent ("the withdrawal of A and B").

    Only when the agent follows the cue at once ("of", "by", an article) and the partner
    is joined to it by "and" / "as well as"; a partner of the agent's own side adds nothing.
    """
    after = [a for a in actors if a.start >= trig.end and a.actor]
    if not after or after[0].text != chosen[1]:
        return []
    gap = text[trig.end : after[0].start]  # "of Syrian regime forces": an adjective at most
    if not re.fullmatch(r"\s*(?:(?:of|by)\s+)?(?:the\s+)?(?:[\w'-]+\s+){0,2}", gap, re.I):
        return []
    out: list[ActorMention] = []
    previous = after[0]
    for partner in after[1:]:
        head = _HEAD_NOUN.match(text, previous.end, partner.start)  # "regime| forces and"
        if not _COORDINATION.fullmatch(text, head.end() if head else previous.end, partner.start):
            break
        end = _HEAD_NOUN.match(text, partner.end)
        if not _PARTNER_END.match(text, end.end() if end else partner.end):
            break  # "the withdrawal of the army and rebels took X": a clause of its own
        out.append(partner)
        previous = partner
    side = actor_side(chosen[0])
    return [(p.actor, p.text) for p in out if actor_side(p.actor) != side]


_FORCES_OF = re.compile(
    r"\b(?:forces|troops|soldiers|fighters|remnants|members)\s+of\s+(?:the\s+)?$", re.I
)


def _forces_of_subject(text: str, floor: int, start: int) -> bool:
    """Whether the actor at ``start`` follows "the forces of" that is itself no object.

    "The forces of the regime withdrew" (a subject), not "clashed with the forces of the
    regime" (an object).
    """
    m = _FORCES_OF.search(text, max(floor, start - 30), start)
    if m is None:
        return False
    return not _PREPOSITION_BEFORE.search(text[max(floor, m.start() - 16) : m.start()])


# "Rebels fought regime forces near Hama and captured X": the cue right after "and" shares
# the subject of the verb before it; the actor between is that verb's object
_AND_CUE = re.compile(r"\band\s+(?:(?:then|later|also|subsequently|eventually|quickly)\s+)?$", re.I)
_VERB_OBJECT = re.compile(
    r"\s+(?:(?:had|have|has|also|then|reportedly)\s+)?(?:[a-z]+ed|fought|struck|hit|beat|drove|"
    r"overran|overcame|met|took\s+on|engaged|ambushed)(?:\s+(?:with|against|back|off|out))?"
    r"\s+(?:(?:the|a|an)\s+)?(?:(?:forces|troops|fighters|units|remnants)\s+of\s+(?:the\s+)?)?$",
    re.I,
)


def _shared_subject(
    text: str, subjects: Sequence[ActorMention], trig: Trigger
) -> ActorMention | None:
    """Return the subject a cue after "and" shares with the verb before it, if any."""
    if len(subjects) < 2 or not _AND_CUE.search(text, subjects[-1].end, trig.start):
        return None
    gap = text[subjects[-1].end : trig.start]
    if _CLAUSE_BREAK.search(gap) or _words(gap) > 8:
        return None
    first, second = subjects[-2], subjects[-1]
    if actor_side(first.actor) == actor_side(second.actor):
        return None
    if _VERB_OBJECT.fullmatch(text, first.end, second.start):
        return first
    return None


def coordinated_partners(
    text: str,
    trig: Trigger,
    actors: Sequence[ActorMention],
    chosen: tuple[str, str],
) -> list[tuple[str, str]]:
    """Return the actors of another side joined to the chosen subject ("A and their allies").

    "Government forces and their Iranian-backed allies abandoned X": both sides withdrew.
    Only for a subject before an active cue; actors of the chosen actor's own side add
    nothing ("HTS and allied factions"), and "fighting with the army and its allies" is no
    subject.
    """
    if re.fullmatch(r"the\s+(?:former|latter)(?:['\u2019]s)?", chosen[1], re.I):
        return []  # "A and B fought, and the latter withdrew": one of them, no pair
    if trig.rule.voice == "nominal" and chosen[1]:
        return _nominal_partners(text, trig, actors, chosen)
    if trig.rule.voice != "active" or not chosen[1]:
        return []
    before = [a for a in actors if a.end <= trig.start and a.actor]
    index = next((i for i in range(len(before) - 1, -1, -1) if before[i].text == chosen[1]), None)
    if index is None:
        return []
    side = actor_side(chosen[0])
    out: list[ActorMention] = []
    # the partner before the subject ("A and their B withdrew": B was chosen)
    if index > 0:
        partner = before[index - 1]
        head = text[max(0, partner.start - 30) : partner.start]
        if _COORDINATION.fullmatch(text, partner.end, before[index].start) and (
            not (_PREPOSITION_BEFORE.search(head[-12:]) or _PREPOSITION_ADJECTIVE.search(head))
            or _FORCES_OF.search(head)
        ):
            out.append(partner)
    # the partner after it ("A and the leaders of groups associated with Iran withdrew")
    if index + 1 < len(before):
        partner = before[index + 1]
        if _COORDINATION.fullmatch(text, before[index].end, partner.start) and not (
            _CLAUSE_BREAK.search(text, partner.end, trig.start)
        ):
            out.append(partner)
    return [(p.actor, p.text) for p in out if actor_side(p.actor) != side]
