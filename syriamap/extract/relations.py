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
  anywhere in the sentence: "fighting around X, where rebels ..."), ``claim`` (the actor of
  the claim the sentence already makes on the place: "entered X after battles with the
  army" adds fighting at X by those who entered it; not after a capture, a hold or a
  loss: the fight is over);
- ``default_actor``: the actor when none is named ("withdrew" → the government), and
  ``need_actor``: no claim at all without a named actor (for vague verbs such as "left");
- ``subject``: the head nouns that must stand right before the cue's verb, for cues only a
  force can be the subject of ("troops had left X", not "Assad left X"), and the words that
  may stand between (see :mod:`syriamap.extract.rules` and ``data/lexicon/README.md``).

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
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from .actor_mentions import ActorMention, actor_side, former_latter_spans
from .agents import _choose_actor, coordinated_partners, cue_subject
from .clauses import (
    Clause,
    agent_phrases,
    clause_at,
    hypothetical,
    inherits_modality,
    modal_before,
    pluperfect,
    split_clauses,
    threatened_before,
    unrealised_before,
)
from .english import words as _words
from .lists import plural_anaphor, plural_anaphor_in
from .mentions import PlaceMention
from .prefilter import contains_any, folded_for_words, required_stems, stems_of, word_prefixes
from .rules import HOLDING, PRESUPPOSED_RULES, Claim, Rule, Trigger, find_triggers, rules
from .sentences import Sentence
from .targets import (
    AREA_KINDS,
    _area_target,
    _fronted_target,
    _pronoun_target,
    _relative_target,
    _says_there,
    _site_it_target,
    _targets_after,
    _targets_before,
    _them_target,
    _there_target,
    companions_after,
    fronted_companions,
    ordinary_target,
    place_kind,
)

__all__ = [
    "Claim",
    "Rule",
    "Trigger",
    "find_triggers",
    "match_claims",
    "required_stems",
    "rules",
    "stems_of",
    "word_prefixes",
]

#: Precision first: a claim whose actor the text does not name ("forces withdrew from X",
#: the government by the rule's default) keeps this share of its confidence, with a note.
DEFAULT_ACTOR_FACTOR = 0.85
#: A claim on places a plural anaphor stands for ("withdrew from these areas": the places
#: of the sentence before) keeps this share of its confidence.
ANAPHOR_FACTOR = 0.85

#: A claim on an unnamed part of a governorate or district ("took several towns in Homs
#: province", "wide areas of eastern rural Aleppo") keeps this share of its confidence,
#: with a note: it is recorded at the area (data/ANNOTATION.md §3, "0.8: only positions")
#: but does not say who holds the whole area, and the map must not paint it so.
PARTIAL_AREA_FACTOR = 0.8

# a place name that only qualifies a landscape ("the Latakia mountains"); sites such as
# dams, crossings and airbases are places of their own (data/sites.csv)
_RURAL_BEFORE = re.compile(
    r"\b(?:(?:north|south|east|west)(?:ern)?\s+|(?:north|south)-?(?:east|west)(?:ern)?\s+)?"
    r"rural\s+$",
    re.I,
)
# "villages in western Idlib", "battles in northern Hama province", "rural areas west of
# Aleppo": a part of the governorate named, not all of it
_PART_BEFORE = re.compile(
    r"\b(?:(?:north|south|east|west)ern\s+|(?:north|south)-?(?:east|west)ern\s+|"
    r"(?:countryside|rural\s+areas?)\s+(?:around|surrounding|(?:north|south|east|west|"
    r"(?:north|south)-?(?:east|west))\s+of)\s+(?:the\s+)?|"
    # "a front spanning X and Y governorates": each of them in part
    r"(?:front|front\s*line|frontline)s?\s+(?:spanning|that\s+spans|across|through|"
    r"(?:stretching|extending)\s+(?:across|through|into))\s+(?:the\s+)?)"
    r"(?:[A-Z][\w'\u2019-]*(?:[\s-]+[A-Z][\w'\u2019-]*)?\s*(?:,\s*(?:and\s+)?|,?\s+and\s+)){0,3}$",
    re.I,
)
# cues that take only part of an area: "expanded its control over Raqqa province",
# "launched an assault in X province, seizing several areas"
_PARTIAL_RULES = frozenset({"expand_control", "seizing_areas_focus"})
# fighting cues whose sides must be named as the two that fight ("fighting between the
# army and rebels has spread to X"), or the incumbent and one other side: the nearest
# actor alone may be the holder or an air force
_PAIR_ONLY = frozenset({"contested_spread", "contested_taking_place", "contested_witnessed"})
# focus cues that take part of an area the sentence has a fight or an entry in (a town's
# "several villages" need not be in it)
_AREA_FOCUS = frozenset({"seizing_areas_focus"})
_LANDSCAPE_AFTER = re.compile(
    r"\s+(?:mountains?|hills|plains?|desert|coast|coastline|fronts?|front\s*lines?|frontlines?|valley)\b",
    re.I,
)
# "the Latakia mountains", "the Hama and Idlib fronts": a part of the governorate
_PART_AFTER = re.compile(
    r"(?:\s+and\s+[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)?)?" + _LANDSCAPE_AFTER.pattern,
    re.I,
)
_POSITIONS_AFTER = re.compile(
    r"\s+(?:(?:key|military|strategic|army|regime|main)\s+)?(?:positions|posts|outposts|"
    r"checkpoints|bases|front\s+lines?|frontlines?)\b",
    re.I,
)
_EDGES_AFTER = re.compile(
    r"['\u2019]s?\s+(?:(?:north|south|east|west)(?:ern)?\s+)?(?:outskirts|edges?|periphery|"
    r"environs|approaches)\b",
    re.I,
)
# the name as the modifier of its own edge ("Damascus outskirts", "Hama's northern outskirts")
_EDGE_AFTER_NAME = re.compile(
    r"(?:['\u2019]s?)?\s+(?:(?:north|south|east|west|north-?east|north-?west|south-?east|"
    r"south-?west)(?:ern)?\s+)?(?:outskirts|periphery|environs|approaches|gates)\b",
    re.I,
)
_ELSEWHERE = re.compile(
    r"\s+(?:in|from)\s+(?:other|several|many|some|various|different)\s+"
    r"(?:parts|areas|regions|cities|towns|provinces|fronts)\b",
    re.I,
)
_REACH = re.compile(r"reach", re.I)
_OUTSKIRTS_OF = re.compile(
    r"\b(?:outskirts|suburbs|environs|edges?|gates)\s+of\s+(?:the\s+)?"
    r"(?:(?:(?:key|strategic|central|main|major|nearby|besieged)\s+){0,2}"
    r"(?:city|town|village)\s+of\s+(?:the\s+)?)?$",
    re.I,
)
# a section heading ("Government Withdrawals and HTS Advances"): short, no final stop; it
# names what follows, so a cue in it does not take the place of the sentence before
_HEADING = re.compile(r"\s*(?:[\w'\u2019,&-]+\s+){0,7}[\w'\u2019&-]+\s*")
#: Cues that name a base with its owner ("Russia's Hmeimim airbase", "the Russian bases of
#: X and Y", "the US garrison at al-Tanf"): the owner holds the base.
OWNER_OF_BASE = frozenset({"owner_of_base_russia", "owner_of_base_us"})
# cues that describe who holds the place after them and cut no list: "rebel-held X", an
# owner's base, "the regime stronghold of X"
_DESCRIBING_CUES = frozenset({"held_adjective", "stronghold", *OWNER_OF_BASE})
# "rebel-held areas of X", "SDF-held neighbourhoods in X": the holder holds part of X
_HELD_PARTS = re.compile(
    r"\s(?:\S+\s)?(?:areas?|parts?|pockets?|neighbou?rhoods?|districts?)\s+(?:of|in|around)\s",
    re.I,
)
_FREED = re.compile(r"\b(?:freed|liberated|released)\b", re.I)
_PEOPLE_FREED = re.compile(
    r"\b(?:detainees|prisoners|inmates|hostages|captives|people|civilians|residents|women|"
    r"children|men|soldiers|officers|activists|journalists)\b",
    re.I,
)
_TAKEN_ONLY = frozenset(
    {"withdraw_of_focus", "withdrew_to_focus", "take_over_focus", "moved_in_focus"}
)
# "army positions in X collapsed", "government forces in X crumbled", "X's defences gave
# way": a collapse cue is a loss of X only when what collapsed is the force holding it
_HOLDER_RULES = frozenset({"collapsed_holder", "redeploying_holder"})
# ("forces operating in X and Y": an area of operations, no place the force holds)
_HOLDER_BEFORE = re.compile(
    r"\b(?:(?P<site>positions?|posts|outposts|checkpoints?|bases?|barracks|strongholds?|"
    r"front\s*lines?|frontlines?|lines)|defen[cs]es|defenders|forces|troops|soldiers|units|fighters|"
    r"garrisons?|army|resistance)\s+(?:(?:stationed|deployed|based|positioned)\s+)?"
    r"(?:in|at|inside|around|across)\s+(?:the\s+)?"
    r"(?:(?:city|town|village|cities|towns|villages)\s+of\s+(?:the\s+)?)?$",
    re.I,
)
_HOLDER_AFTER = re.compile(
    r"['\u2019]s?\s+(?:(?:last|remaining|military|army|government|regime)\s+)?"
    r"(?:defen[cs]es|defenders|garrison|front\s*lines?|frontlines?)\b",
    re.I,
)
# "prices in X fell", "the last town in X fell": what fell is the word before "in X"
_NOUN_IN_BEFORE = re.compile(
    r"\b[\w-]+\s+(?:in|inside|across)\s+(?:the\s+)?"
    r"(?:(?:city|town|village)\s+of\s+(?:the\s+)?)?$",
    re.I,
)
_PLURAL_HEAD_BACK = re.compile(
    r"\b(?:these|those|both|the two|the three)\s+(?:areas|towns|cities|villages|places|"
    r"locations|regions|provinces)\b",
    re.I,
)
_DESTINATION = re.compile(r"\s*(?:back\s+)?(?:to|into|towards?)\b", re.I)
# claims after which fighting at the place is over (no ``claim``-voice cue adds to them)
_SETTLED = frozenset({"captured", "controls", "lost", "withdrew"})
_TO_AGENT = re.compile(r"\s*(?:in)?to\s+(?:the\s+)?\w", re.I)


def _holder_of(text: str, sentence: Sentence, target: PlaceMention) -> re.Match[str] | None:
    """Return the holder noun of a place a collapse cue follows ("army positions in X").

    The ``site`` group is set when the holder is a site at the place ("positions in X":
    the claim is about its surroundings, ``near``).
    """
    before = _HOLDER_BEFORE.search(text, max(sentence.start, target.start - 60), target.start)
    return before or _HOLDER_AFTER.match(text, target.end, sentence.end)


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
    previous_places: Sequence[PlaceMention] = (),
    listed: Sequence[PlaceMention] = (),
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
    listed
        The places of the previous sentence's claims, for "these areas", "both towns".
    fallback
        ``(actor id, surface)`` used when no actor is named (inside a quotation: the
        speaker's own side, "The advance towards the capital continues").
    previous_places
        The places the sentence before says were taken, entered or held, for "the army
        withdrew from these areas".

    Returns
    -------
    list of Claim
        One per (cue, place); the same place and relation twice in a sentence is kept once.
    """
    places = [m for m in mentions if ordinary_target(m)]
    if focus is not None and not ordinary_target(focus):
        focus = None  # "... in Syria. The army denied any retreat": no place in focus
    claims: list[Claim] = []
    seen: set[tuple[str, str, str]] = set()
    taken_before = previous_places
    if len(previous_places) < 2 or not _PLURAL_HEAD_BACK.search(sentence.text):
        previous_places = ()  # "these areas" is a plural: of two places or more
    listed = [m for m in listed if ordinary_target(m)]
    these = bool(listed) and plural_anaphor_in(sentence.text)
    if not places and focus is None and not previous_places and not these:
        return []
    there = (
        (focus is not None and _says_there(sentence.text))
        or bool(previous_places)
        # "It fell within hours": the place in focus, as the subject pronoun
        or (focus is not None and not places and _IT_OPENS_WORD.match(sentence.text) is not None)
    )
    triggers = find_triggers(sentence, slots=None if places or there or these else ("focus",))
    if not triggers:
        return []  # no cue: the clause layer is not needed
    all_actors = agent_phrases(text, actors, sentence.start, sentence.end)
    clauses = split_clauses(text, sentence.start, sentence.end)
    # "rebel-held Idlib": the adjective's actor holds that place and is nobody's subject,
    # and the adjective does not cut a list ("captured rebel-held X")
    adjectives = [(t.start, t.end) for t in triggers if t.rule.rule in _DESCRIBING_CUES]
    plain_actors = [
        a for a in all_actors if not any(x <= a.start and a.end <= y for x, y in adjectives)
    ]
    blockers = [(t.start, t.end) for t in triggers if (t.start, t.end) not in adjectives] + [
        (a.start, a.end) for a in plain_actors
    ]
    ended: list[Trigger] = []  # holds said to have lasted only "until" a time
    former_latter = former_latter_spans(text, sentence.start, sentence.end)
    fronted_done = False  # "In addition to X, ...": read for the first cue only
    for trig in triggers:
        rule = trig.rule
        inherited: Claim | None = None  # the claim a focus cue adds to
        anaphoric = False  # the places come from "these areas" (the sentence before)
        actors = all_actors if (trig.start, trig.end) in adjectives else plain_actors
        if rule.slot == "after":
            # "entered and liberated X": the first of two coordinated verbs shares the
            # object of the second
            shared = _coordinated_verb(text, trig, triggers)
            object_cue = trig if shared is None else shared
            targets = _targets_after(
                text,
                sentence,
                object_cue,
                places,
                [
                    b
                    for b in blockers
                    if b not in ((trig.start, trig.end), (object_cue.start, object_cue.end))
                ],
            )
            if not targets:
                targets = _pronoun_target(text, trig, claims) or _them_target(text, trig, claims)
            if not targets:
                targets = _area_target(text, trig, claims)
            if not targets:
                targets = _relative_target(text, sentence, trig, places) or _there_target(
                    text, sentence, trig, places, focus
                )
            if not targets:
                targets = _fronted_target(text, sentence, trig, places)
            if not targets:
                targets = _site_it_target(text, sentence, trig, places)
            if not targets and these:
                # "withdrew its forces from these areas": the places of the sentence before
                targets = [(m, False) for m in plural_anaphor(text, trig.end, listed)]
                anaphoric = bool(targets)
            if targets and not fronted_done:
                # "In addition to X, rebels also took Y": X too (the first cue only)
                fronted_done = True
                targets = fronted_companions(text, sentence, trig, places) + targets
        elif rule.slot == "focus":
            if _ELSEWHERE.match(text, trig.end):
                continue  # "withdrawals in other parts of the country": not here
            earlier = [m for m in places if m.end <= trig.start]
            if earlier:
                targets = [(earlier[-1], True)]
                last = [c for c in claims if c.mention is earlier[-1]]
                if last and rule.place_precision == "place":
                    # "entered X and Y after the army withdrew from its positions": the list
                    targets = [(c.mention, False) for c in claims if c.trigger == last[-1].trigger]
                    inherited = last[-1]
                elif rule.place_precision == "place":
                    # "rebels took X after troops pulled out": only a place the sentence
                    # already has a claim on ("an attempt to advance towards X ... forced
                    # them to retreat": they never held X)
                    targets = []
            elif previous_places and _PLURAL_HEAD_BACK.search(text, sentence.start, trig.start):
                # "The two cities were captured after the militias withdrew to Iraq"
                targets = [(m, False) for m in previous_places]
            elif (
                focus is not None
                and (rule.rule not in _TAKEN_ONLY or any(m is focus for m in taken_before))
                and not _HEADING.fullmatch(sentence.text)
            ):
                # "... in southern Idlib. The city fell after the retreat of ...": the
                # companion cues take only a place the sentence before says was taken
                targets = [(focus, True)]
            else:
                targets = []
        else:
            targets = _targets_before(text, sentence, trig, places)
            # "X was under rebel control, along with Y": Y too; "Several villages fell to
            # the rebels, including Y": the examples
            targets += companions_after(text, sentence, trig, places, blockers)
            if not targets and rule.voice == "passive" and rule.relation == "captured":
                # "In Tartus, the governor's office was occupied by opposition fighters"
                targets = _fronted_target(text, sentence, trig, places, passive=True)
            if not targets and previous_places:
                # "The SDF took X and Y. The two cities fell without a fight": the places of
                # the sentence before, named right before the cue
                back = _PLURAL_HEAD_BACK.search(
                    text, max(sentence.start, trig.start - 60), trig.start
                )
                if back and _words(text[back.end() : trig.start]) <= rule.gap:
                    targets = [(m, False) for m in previous_places]
            if not targets and (
                _IT_SUBJECT.search(text, max(sentence.start, trig.start - 40), trig.start)
                or _IT_OPENS.fullmatch(text, sentence.start, trig.start)
            ):
                # "X was the last city in Assad's hands, and it fell within hours", "Rebels
                # reached X on Saturday. It fell within hours": the place named last, in
                # this sentence's claims, else the place in focus
                if claims:
                    targets, anaphoric = [(claims[-1].mention, False)], True
                elif focus is not None and not places:
                    targets, anaphoric = [(focus, False)], True
        if rule.rule in _AREA_FOCUS:
            fought = inherited is not None and inherited.relation in ("contested", "entered")
            targets = [t for t in targets if fought and _area(t[0])]
        if not targets:
            continue
        if rule.relation == "controls" and _ended_state(text, sentence, trig, targets):
            # "X was under army control until 2012": the hold has ended (the claim is made
            # and dropped at the end, so that "until the rebels stormed it" finds X)
            ended.append(trig)
        clause = clause_at(clauses, trig.start)
        announced = rule.rule.endswith("_announced")  # "announced its forces would take X"
        if (
            clause is not None
            and rule.rule not in PRESUPPOSED_RULES
            and (
                (clause.irrealis and not announced)
                or clause.kind == "inference"
                or hypothetical(text, clause, trig.start, trig.end)
                or inherits_modality(text, sentence.start, clause)
                or (not announced and modal_before(text, clause, trig.start))
                or unrealised_before(text, sentence.start, trig.start)
            )
        ):
            continue  # "a matter of time before they take X", "meaning they entered X"
        if (
            clause is not None
            and clause.time == "same"
            and pluperfect(text, trig.start, clause.start)
        ):
            clause = replace(clause, time="earlier", opener="had")  # "which they had taken"
        if rule.voice == "claim":
            # "entered X after intense battles with the army": the actor of the claim the
            # cue adds to (a focus cue on the places the sentence already has a claim on);
            # after a capture the fighting is over ("seized X after days of clashes")
            if rule.slot != "focus" or inherited is None or inherited.relation in _SETTLED:
                continue
            chosen: tuple[str, str] | None = (inherited.actor, inherited.actor_text)
        else:
            chosen = _choose_actor(text, sentence, trig, actors, previous_subject, speaker, clauses)
        if rule.voice == "active" and _unresolved_former_latter(text, trig, actors, former_latter):
            continue  # "X attacked Y positions, and the latter withdrew": no sure actor
        if chosen is None and fallback is not None:
            chosen = fallback
        if (
            chosen is not None
            and rule.voice == "active"
            and (speaker is None or chosen[0] != speaker[0])
            and _OUR_SUBJECT.search(text, max(sentence.start, trig.start - 60), trig.start)
        ):
            continue  # "... and our forces took them over": the speaker's men, no other's
        if (
            rule.rule == "captured_agentless"
            and _FREED.search(text, trig.start, trig.end)
            and _PEOPLE_FREED.search(text, sentence.start, trig.start)
        ):
            continue  # "detainees held in X were freed": people, not the place, were freed
        if rule.rule == "declared_free_state" and (speaker is None or chosen != speaker):
            continue  # "X is free" is a capture only as its speaker's word ("..., rebels said")
        if rule.voice == "active" and rule.relation in ("withdrew", "entered"):
            held = _participle_subject(text, sentence, trig, actors, rule)
            if held is not None:
                if not held[0]:
                    continue  # "rebels shot at fighters fleeing X": whose, the text does not say
                chosen = held  # "rebels ambushed an army convoy leaving X": the army left X
        by_default = chosen is None
        rival: list[tuple[str, str]] = []  # the other side of a fight between two rivals
        if chosen is None:
            if rule.need_actor or not rule.default_actor:
                continue
            if rule.voice == "active" and _NOT_A_FORCE_SUBJECT.search(
                text, max(sentence.start, trig.start - 80), trig.start
            ):
                continue  # "the advisers withdrew from X": somebody's men, not the army
            lo = clause.start if clause is not None else sentence.start
            if rule.voice == "active" and any(
                lo <= a.start
                and a.end <= trig.start
                and a.actor
                and actor_side(a.actor) != actor_side(rule.default_actor)
                for a in actors
            ):
                # "units of Hezbollah's Radwan forces had left X": the clause names another
                # side before the cue; when no rule made it the actor, the default is no
                # safer guess (a wrong side is worse than no claim)
                continue
            chosen = (rule.default_actor, "")
        actor, actor_text = chosen
        if not actor:
            continue  # "The SDF fought the SNA. The fighters withdrew": whose, nobody knows
        if (
            rule.slot == "focus"
            and rule.relation == "withdrew"
            and inherited is not None
            and inherited.relation in ("captured", "entered", "controls")
            and actor_side(actor) == actor_side(inherited.actor)
            and _NEUTRAL_NOUN.fullmatch(actor_text.strip())
        ):
            # "SNA fighters entered X and the terrorists fled": a bare noun that only the
            # context gave the taker's side did not leave what that side took
            continue
        if rule.rule in ("take_over_focus", "leaving_in_charge") and (
            inherited is None
            or inherited.relation not in ("withdrew", "lost")
            or actor_side(actor) == actor_side(inherited.actor)
        ):
            continue  # "X left Y as the rebels take over": only after another side's exit
        if rule.rule == "districts_focus" and (
            inherited is None
            or inherited.relation not in ("entered", "captured")
            or actor_side(actor) != actor_side(inherited.actor)
        ):
            continue  # "entered X, capturing key districts": only the same side's entry
        if _not_the_agent(text, sentence, trig, actors, actor):
            continue  # "the army described an attack on X", "government warplanes ... in X"
        if rule.rule == "approach_distance" and any(
            m.end <= trig.start and not text[m.end : trig.start].strip() for m in places
        ):
            continue  # "and Sanamayn is 20 km from Damascus": a place's distance, no force
        if (
            inherited is not None
            and rule.voice in ("state", "nominal")
            and rule.relation in ("lost", "withdrew")
            and (
                # "now controls X following the withdrawal of government forces": a hold
                # the other side's exit made
                inherited.relation not in ("captured", "entered", "controls")
                or actor_side(actor) == actor_side(inherited.actor)
            )
        ):
            continue  # the former holder left or lost X only to someone else who took it
        if rule.relation == "contested" and not by_default:
            pair = _between_sides(text, sentence, actors) or _joined_sides(text, trig, actors)
            if pair is None and rule.voice == "any":
                pair = _two_sides(actors, trig)
            if pair is None and rule.rule in _PAIR_ONLY:
                continue  # "battles are taking place south of X, which the army holds"
            if pair is not None:
                # "clashes between the army and rebels in X": the side that fights the
                # incumbent contests X (data/ANNOTATION.md: an offensive against the holder)
                challengers = [a for a in pair if actor_side(a.actor) != "government"]
                if (
                    len(pair) == 2
                    and len(challengers) == 2
                    and actor_side(pair[0].actor) != actor_side(pair[1].actor)
                ):
                    # "hostilities between the SNA and the SDF continue around X": no
                    # incumbent is named, both sides fight over X (as the corpus reads it)
                    chosen = (pair[0].actor, pair[0].text)
                    rival = [(pair[1].actor, pair[1].text)]
                elif len(challengers) != 1 or len(pair) != 2:
                    continue  # who attacks is not said
                else:
                    chosen = (challengers[0].actor, challengers[0].text)
        partners = [] if by_default else coordinated_partners(text, trig, actors, chosen)
        partners += rival
        for actor, actor_text in [chosen, *partners]:
            mine = targets  # this actor's places
            if rule.relation == "withdrew" and _LEAVE_WORD.match(text, trig.start):
                # "the fall of Hama left Homs exposed", "left the city in rebel hands":
                # "left X" + a state is what an event did to X, not a departure from it
                mine = [t for t in mine if not _LEFT_IN_STATE.match(text, t[0].end)]
                if not mine:
                    continue
            relation = rule.relation
            threatened = relation in ("captured", "entered") and threatened_before(
                text, sentence.start, trig.start
            )
            if threatened:
                relation = "advancing"  # "threatening to overrun X": near X, not in it
            if rule.slot == "focus" and rule.place_precision == "place" and relation == "withdrew":
                # "rebels took X following the retreat of army forces": the withdrawer left a
                # place the sentence says was taken or held, not one only advanced on
                mine = [t for t in mine if t[0].start < sentence.start or _taken(claims, t[0])]
                if not mine:
                    continue
            if actor_side(actor) == "foreign":
                # "Russian warships left Tartus": the claim is about Russia's own base there
                # (data/foreign_control.csv), not about the town's control
                mine = [(own_site(actor, t), near) for t, near in mine]
                if relation != "withdrew" and not trig.negated:
                    # Russian, Iranian, Hezbollah, Turkish or US strikes, bases, advisers and
                    # deployments are no control of a Syrian place (data/ANNOTATION.md),
                    # except at the actor's own bases
                    mine = [t for t in mine if t[0].place_id in _foreign_sites(actor)]
                    if not mine:
                        continue
            if rule.government_relation and actor_side(actor) == "government":
                relation = rule.government_relation  # the incumbent "present in" X holds it
                after = mine[-1][0].end if rule.slot == "after" else trig.end
                if relation == "lost" and _TO_AGENT.match(text, after):
                    relation = rule.relation  # "the fall of X to government forces"
            base_relation = relation
            for target, is_near in mine:
                relation = base_relation
                is_near = is_near or threatened
                if rule.rule in _HOLDER_RULES or rule.rule == "fell":
                    # "forces in X and Y are redeploying": the holder stands before the list
                    head = min((t for t, _ in mine), key=lambda t: t.start)
                    holder = _holder_of(text, sentence, target) or _holder_of(text, sentence, head)
                    if holder is None and (
                        rule.rule in _HOLDER_RULES
                        or _NOUN_IN_BEFORE.search(
                            text, max(sentence.start, head.start - 40), head.start
                        )
                    ):
                        continue  # "talks in X collapsed", "prices in X fell": not X's holder
                    is_near = is_near or (
                        holder is not None and holder.groupdict().get("site") is not None
                    )
                if relation in ("withdrew", "lost") and _at_the_edge(text, sentence, trig, target):
                    # "withdrew from several suburbs of Damascus": the suburbs are left, the
                    # city is not (the suburbs named in the sentence carry the claim)
                    continue
                if relation in HOLDING and _at_the_edge(text, sentence, trig, target):
                    # "captured X and the outskirts of Y": at Y's edge, not in it; the
                    # incumbent securing a city's outskirts holds them, near the city;
                    # "entered the outskirts of Y" is an entry near Y (as annotated)
                    is_near = True
                    if actor_side(actor) != "government" and (
                        relation != "entered" or _REACH.match(text, trig.start)
                    ):
                        relation = "advancing"  # "reached the suburbs of Y": near, not in
                if relation == "withdrew" and _DESTINATION.match(text, trig.end, target.start):
                    continue  # "forced to retreat to Idlib": the place they went to
                area = _area(target)
                if _LANDSCAPE_AFTER.match(text, target.end) and not area:
                    continue  # "withdrew from the Latakia mountains": not the city of Latakia
                if _POSITIONS_AFTER.match(text, target.end):
                    is_near = True  # "takes Quneitra key positions": around the place
                if relation == "contested" and _EDGES_AFTER.match(text, target.end):
                    is_near = True  # "clashes have reached Hama's outskirts": near the city
                if area and rule.rule == "progress_in" and _GAINS.match(text, trig.start):
                    # "made territorial gains in Homs province": ground taken in part of it
                    relation, is_near = "captured", True
                if rule.rule == "held_adjective" and _HELD_PARTS.search(
                    text, trig.start, target.start
                ):
                    is_near = True  # "rebel-held areas of Idlib": a part of it, not all
                key = (target.place_id, actor, relation + "-" * trig.negated)
                if key in seen:
                    continue
                seen.add(key)
                precision = "near" if is_near else rule.place_precision
                # "several towns in Homs province", "withdrew from the Latakia mountains"
                partial = area and (
                    is_near
                    or rule.rule in _PARTIAL_RULES
                    or _PART_AFTER.match(text, target.end) is not None
                    or _PART_BEFORE.search(text, max(0, target.start - 40), target.start)
                    is not None
                )
                if area:
                    precision = "region"  # "villages in Idlib province": only the area is named
                elif precision == "place" and (
                    target.kind_cue in ("governorate", "district", "region")
                    or _RURAL_BEFORE.search(
                        text, max(sentence.start, target.start - 30), target.start
                    )
                ):
                    precision = "region"  # "Daraa province", "eastern rural Aleppo"
                if precision == "region" and actor_side(actor) == "israel":
                    continue  # Israeli moves in the buffer zone claim only the places named
                claims.append(
                    Claim(
                        target,
                        trig,
                        actor,
                        actor_text,
                        relation,
                        precision,
                        round(
                            rule.confidence
                            * (0.6 + 0.4 * target.score)
                            * (DEFAULT_ACTOR_FACTOR if by_default else 1.0)
                            * (PARTIAL_AREA_FACTOR if partial else 1.0)
                            * (ANAPHOR_FACTOR if anaphoric else 1.0),
                            3,
                        ),
                        clause,
                        tuple(clauses),
                        by_default,
                        partial,
                    )
                )
    claims = _former_holding_left(text, sentence, claims, clauses)
    claims = _hold_before_its_loss(text, claims)
    claims += _expelled(claims, plain_actors)
    claims += _defended(text, sentence, claims, actors, previous_subject, speaker, clauses)
    claims += _liberated_from(text, claims, plain_actors)
    claims += _given_to(text, claims, plain_actors)
    claims += _passive_taker_and_loser(text, claims, actors)
    exceptions = _exceptions(text, sentence)
    if exceptions:
        claims = _excepted(claims, exceptions)
        claims += _still_held(text, claims, places, exceptions)
    claims = [c for c in claims if not any(c.trigger is t for t in ended)]
    claims = _named_loser(text, claims)
    return _drop_contradicted_pronoun(sentence, _drop_former_state(sentence, claims))


# "it" as the subject right before a cue whose place stands before it ("it fell", "it was
# taken by")
_IT_OPENS_WORD = re.compile(r"\W*it\s+\w", re.I)
_IT_OPENS = re.compile(
    r"\W*it\s+(?:(?:finally|eventually|quickly|then|also|soon|itself)\s+)?", re.I
)
_IT_SUBJECT = re.compile(
    r"(?:[,;]\s*|\b)(?:and|but|before|until|after|when|as)\s+it\s+"
    r"(?:(?:finally|eventually|quickly|then|also|soon|itself)\s+)?$",
    re.I,
)


_PRESENT_HOLD = re.compile(
    r"\b(?:now|currently|today)\s+(?:\w+\s+)?$|\b(?:now|currently)\b|"
    r"(?<![\w-])(?:controls?|holds?|governs?|runs?)\s*$",
    re.I,
)


def _named_loser(text: str, claims: list[Claim]) -> list[Claim]:
    """Give a default loss ("X fell": the government lost X) to the holder the sentence names.

    "The SDF-held town of X fell", "X, which had been held by the SDF since 2016, fell":
    the SDF lost X, not the government (the rule's default holder); the holding it had is
    the state before the fall, and is dropped. A hold named after the fall ("the fall of X
    left the rebels in control of it") is the new holder's, and leaves the default.
    """
    out = list(claims)
    for claim in claims:
        if claim.relation != "lost" or not claim.by_default:
            continue
        holders = [
            h
            for h in claims
            if h is not claim
            and h.mention.place_id == claim.mention.place_id
            and h.relation in ("controls", "lost")
            and not h.by_default
            and actor_side(h.actor) != actor_side(claim.actor)
            # the hold named before the fall; one named after it is the new holder ("the
            # loss of Hama left the rebels in control of the city")
            and h.trigger.start < claim.trigger.start
            # "The rebels now control Hama, which fell on Thursday": a hold said of now is
            # the new holder's, whatever the order
            and not _PRESENT_HOLD.search(text, max(0, h.trigger.start - 16), h.trigger.end)
        ]
        if not holders:
            continue
        holder = holders[0]
        out.remove(claim)
        if holder.relation == "controls" and holder in out:
            out.remove(holder)
        if not any(
            c.relation == "lost" and c.actor == holder.actor and c.mention is claim.mention
            for c in out
        ):
            out.append(
                replace(claim, actor=holder.actor, actor_text=holder.actor_text, by_default=False)
            )
    return out


# "evacuated all of X province, with the exception of Y": Y is what the cue leaves out
_EXCEPTION = re.compile(
    r"\b(?:with\s+the\s+exception\s+of|except(?:\s+for)?|apart\s+from|excluding|save\s+for|"
    r"other\s+than)\b",
    re.I,
)
# every match of _EXCEPTION holds one of these (case-folded): a cheap test first
_EXCEPTION_WORDS = ("except", "apart", "excluding", "save", "other")
_LEAVING = frozenset({"withdrew", "lost"})
# what may stand between a withdrawal's place and the exception: its apposition or an
# "including" example ("Idlib province, including the X airbase, with the exception of")
# (no new clause: "withdrew from X, while rebels seized every town except Y")
_BEFORE_EXCEPTION = re.compile(
    r"(?:(?!\b(?:while|whereas|but|as|after|before|when|which|who|where|that|took|"
    r"\w+ed)\b)[^.;:()]){0,80}?,?\s*",
    re.I,
)
_EXCEPTED_HEAD = re.compile(
    r"\s*(?:the\s+)?(?:(?:towns?|villages?|cities|city|areas?)\s+of\s+)?", re.I
)
_EXCEPTED_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)", re.I)


def _exceptions(text: str, sentence: Sentence) -> list[tuple[int, int]]:
    """Return the spans of a sentence's exception words ("with the exception of", "except").

    The one parse that :func:`_excepted` and :func:`_still_held` both read.
    """
    folded = folded_for_words(sentence.text)
    if not any(word in folded for word in _EXCEPTION_WORDS):
        return []
    return [m.span() for m in _EXCEPTION.finditer(text, sentence.start, sentence.end)]


def _excepted(claims: list[Claim], exceptions: Sequence[tuple[int, int]]) -> list[Claim]:
    """Turn round or drop the claims on the places a cue makes an exception of.

    "Troops evacuated all of X province, with the exception of Y and Z": the troops still
    hold Y and Z (``controls``, a little less sure); "rebels took all of X except Y": nothing
    is said of who holds Y, the claim on it is dropped, as it is when another actor's
    claim on Y in the sentence contradicts the exception. ``exceptions`` are the spans of
    :func:`_exceptions`; a claim is excepted when one lies between its cue and its place.
    """
    out: list[Claim] = []
    for c in claims:
        if c.trigger.rule.slot != "after" or not any(
            c.trigger.end <= s and e <= c.mention.start for s, e in exceptions
        ):
            out.append(c)
        elif c.relation in _LEAVING and not any(
            o.mention is c.mention and o.actor != c.actor and o.relation in HOLDING for o in claims
        ):
            out.append(replace(c, relation="controls", confidence=round(c.confidence * 0.9, 3)))
    return out


# "entered and liberated", "stormed and then took": two verbs of one subject and one object
_VERB_AND = re.compile(r"\s*(?:,\s*)?(?:and|or)\s+(?:then\s+|later\s+|quickly\s+)?$", re.I)
# verbs whose object a second verb can share (a withdrawal or a loss has another actor)
_SHARING = frozenset({"captured", "entered", "encircled", "controls", "contested"})


def _coordinated_verb(text: str, trig: Trigger, triggers: Sequence[Trigger]) -> Trigger | None:
    """Return the cue coordinated right after ``trig`` that supplies its object, if any.

    Parameters
    ----------
    text
        The document text.
    trig
        A cue whose place follows it.
    triggers
        All cues of the sentence.

    Returns
    -------
    Trigger or None
        The next cue when only "and"/"or" stands between the two, both are active verbs of
        the taking kind and the first has no place of its own ("entered and liberated
        the city": the city is entered too); else None.
    """
    if trig.rule.voice != "active" or trig.rule.relation not in _SHARING or trig.negated:
        return None
    for other in triggers:
        if (
            other.start > trig.end
            and other.rule.slot == "after"
            and other.rule.voice == "active"
            and other.rule.relation in _SHARING
            and other.rule.relation != trig.rule.relation
            and _VERB_AND.fullmatch(text, trig.end, other.start)
        ):
            return other
    return None


def _expelled(claims: Sequence[Claim], actors: Sequence[ActorMention]) -> list[Claim]:
    """Return the loss of the object of "drove/pushed/expelled <forces> out of X".

    "Rebels pushed government forces out of X": the rebels took X (the cue's claim) and
    the government forces named inside the cue lost it (another side only). A forced
    departure is a loss, as in the passive "were driven out of X" (data/ANNOTATION.md).
    """
    out: list[Claim] = []
    for claim in claims:
        if claim.trigger.rule.rule != "expel_active" or claim.trigger.negated:
            continue
        inside = [
            a
            for a in actors
            if claim.trigger.start <= a.start
            and a.end <= claim.trigger.end
            and a.actor
            and actor_side(a.actor) != actor_side(claim.actor)
        ]
        if inside:
            out.append(_loss_of(claim, inside[0]))
    return out


_ATTACK_ON_END = re.compile(r"\bon\Z", re.I)


def _defended(
    text: str,
    sentence: Sentence,
    claims: Sequence[Claim],
    actors: Sequence[ActorMention],
    previous_subject: tuple[str, str] | None,
    speaker: tuple[str, str] | None,
    clauses: Sequence[Clause],
) -> list[Claim]:
    """Return the defender's hold of a place whose attackers it repelled.

    "Army units repelled attacks on X": the attackers contest X (the cue's claim) and the
    subject that repelled them holds X (data/ANNOTATION.md: ``controls`` to the defender
    who repels attacks). Only an attack *on* the place: "repelled attacks in the Hama
    countryside" or "near X" says where the fighting was, not what the defender holds.
    """
    out: list[Claim] = []
    seen: set[tuple[int, str]] = set()
    for claim in claims:
        trig = claim.trigger
        if (
            trig.rule.rule != "repelled_attack"
            or trig.negated
            or claim.relation != "contested"
            or not _ATTACK_ON_END.search(text, trig.start, trig.end)
        ):
            continue
        defender = cue_subject(text, sentence, trig, actors, previous_subject, speaker, clauses)
        if defender is None or not defender[0]:
            continue
        if actor_side(defender[0]) == actor_side(claim.actor):
            continue
        key = (claim.mention.start, defender[0])
        if key in seen or any(
            c.mention.place_id == claim.mention.place_id
            and c.actor == defender[0]
            and c.relation in HOLDING
            for c in claims
        ):
            continue  # "units stationed at X repelled an attack on X": held already
        seen.add(key)
        out.append(
            replace(
                claim,
                actor=defender[0],
                actor_text=defender[1],
                relation="controls",
                confidence=round(claim.confidence * 0.9, 3),
            )
        )
    return out


def _capture_by(claim: Claim, taker: ActorMention) -> Claim:
    """Return the capture of a claim's place by the side it was given or lost to."""
    return replace(
        claim,
        actor=taker.actor,
        actor_text=taker.text,
        relation="captured",
        confidence=round(claim.confidence * 0.9, 3),
    )


def _loss_of(claim: Claim, loser: ActorMention) -> Claim:
    """Return the loss of the place of a capture by the side it was taken from."""
    return replace(
        claim,
        actor=loser.actor,
        actor_text=loser.text,
        relation="lost",
        confidence=round(claim.confidence * 0.9, 3),
    )


def _unresolved_former_latter(
    text: str,
    trig: Trigger,
    actors: Sequence[ActorMention],
    former_latter: Sequence[tuple[int, int]],
) -> bool:
    """Whether the subject of a cue is "the latter"/"the former" with no sure antecedent.

    :func:`.actor_mentions.resolve_former_latter` turns the phrase into an actor mention
    when exactly two actors stand before it; otherwise no actor named earlier is its
    subject. ``former_latter`` are the sentence's spans of the phrase
    (:func:`.actor_mentions.former_latter_spans`, found once per sentence).
    """
    spans = [s for s in former_latter if s[1] <= trig.start]
    if not spans:
        return False
    a, b = spans[-1]
    if any(m.start == a for m in actors):
        return False  # resolved
    after = [m for m in actors if b <= m.start < trig.start and m.actor]
    return not after and not _CLAUSE_BREAK_BEFORE.search(text, b, trig.start)


_CLAUSE_BREAK_BEFORE = re.compile(r"[.;:!?]")


# "X was under army control until 2012", "held X until the rebels stormed it": a hold that
# ended ("until now", "until today" it lasts)
_UNTIL = re.compile(
    r"(?:\s*,)?(?:\s+[\w'\u2019-]+){0,5}?\s+(?:until|till|up\s+until|up\s+to)\s+"
    r"(?!now\b|today\b|this\s+day\b|the\s+present\b|this\s+(?:moment|hour)\b|"
    r"further\s+notice\b)",
    re.I,
)

# "liberated the town of X from Y", "freed X from the regime": Y is named right after the
# place (a kind word such as "area" may stand between)
_FREED = re.compile(r"(?:liberat|free)", re.I)
_CLEARED = re.compile(r"(?:clear|rid|purg|cleans)", re.I)
# "cleared X (in northern Aleppo province) of (the terrorist organization) Y"
_OF_LOSER = re.compile(
    r"(?:\s+(?:area|region|city|town|village|district|countryside))?"
    r"(?:\s+in\s+(?:\S+\s+){0,3}?(?:province|governorate|countryside))?\s*,?\s+(?:of|from)\s+"
    r"(?:the\s+)?(?:remaining\s+|last\s+)?(?:terror(?:ist)?\s+(?:organi[sz]ation|group)\s+)?",
    re.I,
)
_FROM_LOSER = re.compile(
    r"(?:\s+(?:area|region|city|town|village|district|countryside))?"
    # "liberated X in northern Aleppo province from Y": a locative of X may stand between
    r"(?:\s+in\s+(?:\S+\s+){0,3}?(?:province|governorate|countryside))?\s*,?\s+from\s+"
    r"(?:the\s+)?(?:(?:control|grip|hands)\s+of\s+(?:the\s+)?)?",
    re.I,
)


def _ended_state(
    text: str,
    sentence: Sentence,
    trig: Trigger,
    targets: Sequence[tuple[PlaceMention, bool]],
) -> bool:
    """Whether a hold is said to have lasted only until a time or an event.

    "X was under army control until 2012", "the army held X until the rebels stormed it
    last week": the hold is over; "under army control until now" is not.
    """
    after = trig.end
    if trig.rule.slot == "after":
        after = max(after, *(t.end for t, _ in targets))
    m = _UNTIL.match(text, after, sentence.end)
    return m is not None and not re.search(r"[.;:!?()]", m.group(0))


def _liberated_from(
    text: str, claims: Sequence[Claim], actors: Sequence[ActorMention]
) -> list[Claim]:
    """Return the loss of the side a place was liberated from ("liberated X from Y").

    "The SNA liberated X from the YPG": the SNA took X (the cue's claim) and the YPG, named
    after the place, lost it (another side only): the expulsion is a forced departure
    (data/ANNOTATION.md). "Took X from Y" is left to the capture alone.
    """
    out: list[Claim] = []
    last_end: dict[int, int] = {}
    for claim in claims:
        if claim.relation == "captured" and not claim.trigger.negated:
            last_end[claim.trigger.start] = max(
                last_end.get(claim.trigger.start, 0), claim.mention.end
            )
    for claim in claims:
        if (
            claim.relation != "captured"
            or claim.trigger.negated
            or claim.trigger.rule.voice != "active"
        ):
            continue
        cleared = _CLEARED.match(text, claim.trigger.start) is not None
        m = (_OF_LOSER if cleared else _FROM_LOSER).match(text, last_end[claim.trigger.start])
        loser = _rival_named_at(actors, m.end(), claim) if m is not None else None
        if loser is None:
            continue
        if actor_side(loser.actor) == "government" and not _FREED.match(text, claim.trigger.start):
            # "took Hama from regime forces": the army's loss is the capture itself, which
            # the annotation does not write twice (a liberation from it is written)
            continue
        out.append(_loss_of(claim, loser))
    return out


def _rival_named_at(
    actors: Sequence[ActorMention], position: int, claim: Claim
) -> ActorMention | None:
    """Return the actor of another side than the claim's named right at ``position``.

    Within 12 characters: the loser after "from", the taker after "to".
    """
    return next(
        (
            a
            for a in actors
            if position <= a.start <= position + 12
            and a.actor
            and actor_side(a.actor) != actor_side(claim.actor)
        ),
        None,
    )


_BY_TAKER = re.compile(
    r"\s+(?:(?:on\s+\w+day|overnight|\w+ly|last\s+\w+|early|late)\s+)?by\s+(?:the\s+)?", re.I
)
_FROM_INSIDE = re.compile(r"\sfrom\s+(?:the\s+)?", re.I)


def _passive_taker_and_loser(
    text: str, claims: Sequence[Claim], actors: Sequence[ActorMention]
) -> list[Claim]:
    """Return the other side of a passive expulsion or capture.

    "The rebels were pushed out of X by the army": the army (the agent after the place)
    took X; "X was seized from the Kurds by the SNA": the Kurds (inside the cue, after
    "from") lost X. Another side than the claim's only, each at 0.9 of its confidence.
    """
    out: list[Claim] = []
    for claim in claims:
        trig = claim.trigger
        if trig.negated:
            continue
        if trig.rule.rule == "driven_out" and claim.relation == "lost":
            m = _BY_TAKER.match(text, claim.mention.end)
            taker = _rival_named_at(actors, m.end(), claim) if m is not None else None
            if taker is not None:
                out.append(_capture_by(claim, taker))
        elif trig.rule.rule == "capture_passive" and claim.relation == "captured":
            m = _FROM_INSIDE.search(text, trig.start, trig.end)
            loser = _rival_named_at(actors, m.start(), claim) if m is not None else None
            if loser is not None and loser.end <= trig.end:
                out.append(_loss_of(claim, loser))
    return out


# "lost X to the rebels", "handed X over to the SDF", "ceded X to Y": the side after "to"
# took the place the subject lost or gave up
_GIVING_RULES = frozenset({"lost_active", "handed_over", "ceded_control"})
_TO_TAKER = re.compile(
    r"\s*(?:(?:city|town|village|province|governorate|area)\s+)?(?:over\s+)?to\s+(?:the\s+)?", re.I
)
# "handed it (over) to HTS-led forces": the place is a pronoun after the cue
_IT_TO_TAKER = re.compile(r"\s+(?:it|them)\s+(?:over\s+)?to\s+(?:the\s+)?", re.I)
_APPOSITION_SKIP = re.compile(
    r",\s+(?:the|a|an|its|their)\s+[^,;.()]{1,60}?,(?=\s+(?:over\s+)?to\s)", re.I
)
# "withdrew from X, leaving it to Y" / ", handing the city over to Y": who took what was left
_LEAVING_TO = re.compile(
    r"\s*,\s*(?:leaving|handing|ceding|surrendering|abandoning)\s+(?:it|them|the\s+(?:city|town|"
    r"village|area|province|region|base|airport|crossing))\s+(?:over\s+)?to\s+(?:the\s+)?",
    re.I,
)


def _given_to(text: str, claims: Sequence[Claim], actors: Sequence[ActorMention]) -> list[Claim]:
    """Return the capture by the side a place was lost or handed to ("lost X to Y").

    Only the loss and hand-over cues count ("withdrew from X to Y" names where the force
    went, not who took X); the taker is an actor named right after "to", of another side.
    """
    out: list[Claim] = []
    for claim in claims:
        if claim.trigger.negated:
            continue
        if claim.relation == "withdrew" and claim.trigger.rule.rule not in _GIVING_RULES:
            # "withdrew from X, leaving it to Kurdish-led fighters": the force it left X to
            m = _LEAVING_TO.match(text, claim.mention.end)
        elif claim.trigger.rule.rule in _GIVING_RULES:
            # "lost Daraa, the birthplace of the uprising, to local factions": past the
            # apposition
            app = _APPOSITION_SKIP.match(text, claim.mention.end)
            m = _TO_TAKER.match(
                text, app.end() if app else claim.mention.end
            ) or _IT_TO_TAKER.match(text, claim.trigger.end)
        else:
            continue
        taker = _rival_named_at(actors, m.end(), claim) if m is not None else None
        if taker is not None:
            out.append(_capture_by(claim, taker))
    return out


# "The forces of X, which had previously held Aleppo, ..., have withdrawn": the relative
# clause names the place the main verb (a withdrawal with no place of its own) left
_FORMER_HOLDER = re.compile(
    r"\b(?:which|who|that)\s+had\s+(?:previously\s+|long\s+|until\s+(?:then|now|recently)\s+)?$",
    re.I,
)
_LEFT_NO_PLACE = re.compile(
    r"\b(?:(?:have|has|had)\s+(?:now\s+|since\s+)?)?(?:withdrawn|withdrew|pulled\s+(?:out|back)|"
    r"retreated|fled|left|abandoned\s+(?:it|them)|evacuated)"
    r"(?=\s*(?:[.,;]|$|as\b|after\b|amid\b|on\s+\w+day\b|in\s+the\s+face\b))",
    re.I,
)


def _former_holding_left(
    text: str, sentence: Sentence, claims: list[Claim], clauses: Sequence[Clause]
) -> list[Claim]:
    """Turn "which had previously held X ..., have withdrawn" into a withdrawal from X.

    The holding is past (no current control); the main clause's bare withdrawal ("have
    withdrawn", "fled") is from the place the relative clause names.
    """
    out: list[Claim] = []
    for claim in claims:
        clause = claim.clause
        if (
            claim.relation != "controls"
            or clause is None
            or clause.kind != "relative"
            or not _FORMER_HOLDER.search(text, max(clause.start - 6, 0), claim.trigger.start)
        ):
            out.append(claim)
            continue
        left = _LEFT_NO_PLACE.search(text, clause.end, sentence.end)
        if left is None:
            out.append(claim)
            continue
        if any(
            c.relation == "withdrew" and c.mention.place_id == claim.mention.place_id
            for c in claims
        ):
            continue  # the withdrawal is already there: only the past holding goes
        main = clause_at(clauses, left.start())
        out.append(replace(claim, relation="withdrew", clause=main))
    return out


def ends_hold(relation: str, actor: str, holder: str) -> bool:
    """Whether a claim ends ``holder``'s hold of its place.

    A capture by another side, or the holder's own loss or withdrawal.
    """
    if relation == "captured":
        return actor_side(actor) != actor_side(holder)
    return relation in ("lost", "withdrew") and actor == holder


def _hold_before_its_loss(text: str, claims: list[Claim]) -> list[Claim]:
    """Mark a hold that another clause of the sentence ends.

    "Hama, which the army had held throughout the war, fell on Thursday", "X, which the
    SDF held for years, fell to the rebels", "Hama, which rebels seized on Thursday, was
    the army's last stronghold": the hold is past. Dated with the sentence, it would
    contradict the end; the pipeline dates it the day before (``Claim.ended``). The end
    is a capture by another side or a loss or withdrawal of the holder, in a clause of
    its own (or a later "and it fell" of the same clause).
    """
    enders = [c for c in claims if not c.trigger.negated]
    out: list[Claim] = []
    for claim in claims:
        if (
            claim.relation == "controls"
            and not claim.trigger.negated
            and any(
                e.mention.place_id == claim.mention.place_id
                and (
                    e.clause != claim.clause
                    # "X was the last city in Assad's hands, and it fell within hours"
                    or (
                        e.trigger.start > claim.trigger.end
                        and _IT_SUBJECT.search(
                            text, max(claim.trigger.end, e.trigger.start - 40), e.trigger.start
                        )
                        is not None
                    )
                )
                and ends_hold(e.relation, e.actor, claim.actor)
                for e in enders
            )
        ):
            claim = replace(claim, ended=True)
        out.append(claim)
    return out


# "Government forces described a broad attack on X": who reports, faces or repels an attack
# is not its author (the repelled_attack cue gives the attackers)
_REPORTS_NOUN = re.compile(
    r"\b(?:described|describes|describing|reported|reports|said|says|announced|announces|"
    r"denied|denies|claimed|claims|warned|warns|condemned|condemns|confirmed|accused|"
    r"accuses|faced|faces|facing|repelled|repels|repelling|thwarted|resisted|fought\s+off|"
    r"foiled|repulsed|came\s+under|come\s+under|under)\b",
    re.I,
)
# "government warplanes inflicted losses on rebels in X": air power and artillery take no
# ground (data/ANNOTATION.md: air strikes are no control claim)
_AIR_ASSET = re.compile(
    r"\s*(?:[\w-]+\s+)?(?:warplanes?|war\s+planes?|jets?|aircraft|helicopters?|drones?|"
    r"air\s*force|air\s*strikes?|airstrikes?|bombers?|artillery|missiles?|rockets?)\b",
    re.I,
)

# "some civilians who worked with the administration were able to leave the city": people
# who are no force are the subject of the cue (no comma between: "Rebels, cheered by
# residents, entered X" keeps the rebels)
_CIVILIANS_BEFORE = re.compile(
    r"(?<!\band\stheir\s)(?<!\band\shis\s)(?<!\bwith\stheir\s)(?<!\band\s)"
    r"\b(?:civilians|residents|inhabitants|people|families|refugees|thousands|journalists|"
    r"diplomats|worshippers|students|patients|aid\s+workers|displaced)\b"
    r"(?:\s+[\w'\u2019-]+){0,12}\s+$",
    re.I,
)
# the subject right before a cue names men who are no side's fighting force, or another
# state's ("the advisers withdrew", "the contingent left", "embassy staff evacuated"), or
# a speaker's own ("our forces"): a rule's default actor (the government for a
# withdrawal) never stands in for them
_NOT_A_FORCE_SUBJECT = re.compile(
    r"\b(?:advisers|advisors|contingents?|experts|specialists|"
    # "government personnel left their posts": the state's own staff are its side
    r"(?<!government\s)(?<!regime\s)(?<!army\s)(?<!military\s)"
    r"(?:staff|employees|officials|personnel)|envoys?|delegations?|observers|peacekeepers|monitors|inspectors|crews?|"
    r"foreigners|nationals|expatriates|citizens|civilians|residents|villagers|families|"
    # "Local groups withdrew from X", "tribal gunmen left X": armed men of no side the
    # text names are never the army a rule's default would make them
    r"groups|factions|militias|militiamen|gunmen|tribesmen|fighters|militants|insurgents|"
    r"armed\s+men|"
    # "our forces have left X": the speaker's men, whose side only the speaker tells
    r"our\s+(?:[\w-]+\s+)?(?:forces|troops|fighters|units|men|soldiers|army)|"
    # "The group withdrew from X" with no group found for it: whose, the text has not said
    r"(?:the|this|that)\s+(?:group|militia|movement|organi[sz]ation|alliance|coalition))\b"
    r"(?:\s+(?:had|have|has|were|was|are|is|also|reportedly|already|then|all|quickly|"
    r"hastily|later|finally|since|been|being|now|still|not)){0,3}\s+$",
    re.I,
)
_NEUTRAL_NOUN = re.compile(
    r"(?:the\s+)?(?:fighters|militants|gunmen|armed\s+men|terrorists|terrorist\s+groups)", re.I
)
_LEAVE_WORD = re.compile(r"(?:left|leave|leaves|leaving)\b", re.I)
_LEFT_IN_STATE = re.compile(
    r"\s+(?:(?:more|highly|dangerously|largely|completely|totally|virtually|increasingly)\s+)?"
    r"(?:exposed|vulnerable|isolated|open|defenceless|defenseless|surrounded|encircled|"
    r"cut\s+off|in\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:hands|control|ruins|chaos|limbo)|"
    r"under\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:control|siege|threat)|"
    # "left Homs as the only major city between the rebels and the capital"
    r"as\s+(?:the|a|an|its|their)\s+(?:only|last|sole|next|main|final)\b|"
    r"to\s+(?:its|their)\s+fate)\b",
    re.I,
)
# a force noun right before a participle cue is its subject ("an army convoy leaving X",
# "troops fleeing X"), not the clause's subject who attacks it
_FORCE_NP_BEFORE = re.compile(
    r"(?:\b(?:an?|the|their|its|his)\s+)?(?:[\w'\u2019/-]+\s+){0,2}?"
    r"(?P<head>convoys?|columns?|troops|soldiers|forces|units|fighters|vehicles|militiamen|"
    r"militants|personnel|men)\s+$",
    re.I,
)
_HEADS_OF_THE_ARMY = frozenset(
    {"convoy", "convoys", "column", "columns", "troops", "soldiers", "forces", "units"}
)


def _participle_subject(
    text: str,
    sentence: Sentence,
    trig: Trigger,
    actors: Sequence[ActorMention],
    rule: Rule,
) -> tuple[str, str] | None:
    """Return the subject of a participle cue right after a force noun (None: no such noun).

    "Rebels ambushed an army convoy leaving Homs", "Kurdish fighters attacked an SNA convoy
    withdrawing from Manbij": the convoy left, not the attackers. The actor named inside the
    noun phrase; with none, the rule's default for the army's own words ("troops fleeing
    X"), else ``("", "")``: no side.
    """
    word = text[trig.start : trig.end].split(maxsplit=1)[0] if trig.end > trig.start else ""
    if not word.lower().endswith("ing"):
        return None
    np = _FORCE_NP_BEFORE.search(text, max(sentence.start, trig.start - 60), trig.start)
    if np is None or np.start() == sentence.start:
        return None  # the noun phrase opens the sentence: it is the clause subject anyway
    inside = [a for a in actors if np.start() <= a.start and a.end <= np.end() and a.actor]
    if inside:
        return (inside[-1].actor, inside[-1].text)
    if np.group("head").lower() in _HEADS_OF_THE_ARMY and rule.default_actor:
        return (rule.default_actor, "")
    return ("", "")


# "our forces" right before the cue: only the speaker's side can be meant
_OUR_SUBJECT = re.compile(
    r"\b(?:our\s+(?:[\w-]+\s+){0,2}?(?:forces|fighters|troops|units|men|soldiers|army|heroes)|we)"
    r"\s+(?:(?:have|had|has|also|then|later|now|quickly|finally|successfully)\s+){0,2}$",
    re.I,
)
# a reporting verb right after the people: they speak of the move, they do not make it
_PEOPLE_SAY = re.compile(
    r"[\w-]+\s+(?:\w+\s+)?(?:say|said|says|saying|told|tell|tells|report|reported|reports|"
    r"reporting|described|describe|describes|recounted|recount)\b(?:\s+that)?\s+"
    r"(?:the\s+)?(?:soldiers|troops|forces|units|fighters|rebels|army|militants|insurgents)\b",
    re.I,
)
# every match of _CIVILIANS_BEFORE has one of these (in the case-folded window before the cue)
_CIVILIAN_WORDS = ("civilians", "residents", "inhabitants", "people", "families", "refugees",
                   "thousands", "journalists", "diplomats", "worshippers", "students", "patients",
                   "aid", "displaced")  # fmt: skip


# "the Damascus suburbs of Maadamiyah": after a name, "suburbs of" names the suburb itself
_NAME_BEFORE = re.compile(r"\b(?!The\b)[A-Z][\w'\u2019-]*\s+$")


def _at_the_edge(text: str, sentence: Sentence, trig: Trigger, target: PlaceMention) -> bool:
    """Whether the place is named as the city whose outskirts or suburbs are meant.

    "captured the outskirts of Y", "reached Y's outskirts", "towns, cities and suburbs of
    Damascus": the claim is at
    Y's edge; "the Damascus suburbs of Maadamiyah" names the suburb, which is the place.
    The cue's own words are no edge ("broke open the gates of the X prison": the prison).
    """
    if _EDGE_AFTER_NAME.match(text, target.end):
        return True  # "Insurgents reach Damascus outskirts", "Hama's northern outskirts"
    edge = _OUTSKIRTS_OF.search(
        text, max(sentence.start, trig.end, target.start - 40), target.start
    )
    if edge is None:
        return False
    lead = text[max(sentence.start, edge.start() - 30) : edge.start()]
    return not (edge.group(0).lower().startswith("suburbs") and _NAME_BEFORE.search(lead))


@lru_cache(maxsize=1)
def _leaders() -> frozenset[str]:
    """Names of leaders whose own movements are no control claim (lexicon leaders.csv)."""
    from .lexicon import read_lexicon

    return frozenset(row["name"].strip().lower() for row in read_lexicon("leaders.csv"))


# "forces loyal to President Bashar Assad": the leader is governed by a preposition (his
# titles and given names may stand between)
_GOVERNED_BEFORE = re.compile(
    r"\b(?i:to|of|by|for|with|against|from|under)\s+(?:[A-Z][\w'\u2019-]*\s+){0,3}$"
)


def _not_the_agent(
    text: str,
    sentence: Sentence,
    trig: Trigger,
    actors: Sequence[ActorMention],
    actor: str,
) -> bool:
    """Whether the actor named before a cue is not the one who acts.

    "Government forces described a broad attack on X" (a nominal cue after a reporting
    verb: the describer is not the attacker); "government warplanes inflicted losses on
    rebels in X" (an air or artillery asset: no ground claim); "SNA fighters searched homes;
    some civilians were able to leave the city" (civilians are the cue's subject); "Assad
    had left Damascus", "Assad remains in Damascus" (a leader's whereabouts,
    ``data/lexicon/leaders.csv``).
    """
    start = max(sentence.start, trig.start - 120)
    low = folded_for_words(text[start : trig.start])
    people = (
        _CIVILIANS_BEFORE.search(text, start, trig.start)
        if contains_any(low, _CIVILIAN_WORDS)
        else None
    )
    if (
        people
        and trig.rule.voice != "state"  # "residents fled government-held X": still held
        # "residents said X was taken by rebels": a passive cue's agent follows it
        and trig.rule.voice != "passive"
        and not any(people.start() <= a.start < trig.start for a in actors)
        # "residents say soldiers have left X": the people are the speakers
        and not _PEOPLE_SAY.match(text, people.start(), trig.start)
    ):
        return True  # "some civilians ... were able to leave the city": no force moved
    named = [
        a for a in actors if a.actor == actor and sentence.start <= a.start and a.end <= trig.start
    ]
    if not named:
        return False
    last = named[-1]
    if (
        # "Assad remains in Damascus" is his whereabouts too (not "Assad controls X")
        (trig.rule.relation in ("withdrew", "entered") or trig.rule.rule == "remain_in")
        and last.text.lower().strip() in _leaders()
        and not re.match(r"['\u2019]s?\b", text[last.end : last.end + 2])
        # the leader is the subject: no "loyal to", "forces of" before, a verb right after
        and not _GOVERNED_BEFORE.search(text, max(sentence.start, last.start - 20), last.start)
        and len(text[last.end : trig.start].split()) <= 2
    ):
        return True  # "Assad had left Damascus": a leader's whereabouts, not a withdrawal
    if _AIR_ASSET.match(text, last.end, trig.start):
        return True
    return (
        trig.rule.voice == "nominal"
        and trig.rule.relation == "contested"
        and bool(_REPORTS_NOUN.search(text, last.end, trig.start))
    )


_BETWEEN = re.compile(r"\bbetween\b", re.I)
_GAINS = re.compile(r"gains\b", re.I)


_JOINED = re.compile(r"\s*,?\s*and\s+(?:the\s+)?", re.I)
_JOINED_TO_CUE = re.compile(r"\s+(?:(?:have|has|had|also|then|reportedly|fiercely)\s+)*$", re.I)


def _joined_sides(
    text: str, trig: Trigger, actors: Sequence[ActorMention]
) -> list[ActorMention] | None:
    """Return two actors of different sides joined by "and" right before a cue.

    "Rebels and government forces clashed in X", "The SDF and the army fought in X": both
    fight; the caller keeps the one that challenges the incumbent.
    """
    before = [a for a in actors if a.actor and a.end <= trig.start]
    if len(before) < 2:
        return None
    first, second = before[-2], before[-1]
    if not _JOINED.fullmatch(text, first.end, second.start):
        return None
    if not _JOINED_TO_CUE.fullmatch(text, second.end, trig.start):
        return None
    if actor_side(first.actor) == actor_side(second.actor):
        return None
    return [first, second]


def _between_sides(
    text: str, sentence: Sentence, actors: Sequence[ActorMention]
) -> list[ActorMention] | None:
    """Return the actors of fighting "between" named actors of different sides, if any.

    One actor per side, the first named: "between the forces of the regime and armed
    groups" gives the regime's forces and the armed groups.
    """
    for m in _BETWEEN.finditer(text, sentence.start, sentence.end):
        near = [a for a in actors if a.actor and m.end() <= a.start <= m.end() + 80]
        by_side: dict[str, ActorMention] = {}
        for a in near:
            by_side.setdefault(actor_side(a.actor), a)
        if len(by_side) > 1 and re.search(r"\band\b", text[m.end() : near[-1].start]):
            return list(by_side.values())
    return None


def _two_sides(actors: Sequence[ActorMention], trig: Trigger) -> list[ActorMention] | None:
    """Return the incumbent and its one challenger when a sentence names just these two.

    "an infiltration, which was repelled by government troops, sparking clashes in the
    area": a fight whose cue names no side is the challenger's (data/ANNOTATION.md: an
    offensive against the holder), not that of the side named nearest.
    """
    by_side: dict[str, ActorMention] = {}
    for a in sorted(actors, key=lambda a: abs(a.start - trig.start)):
        if a.actor:
            by_side.setdefault(actor_side(a.actor), a)
    if len(by_side) != 2 or "government" not in by_side:
        return None
    return list(by_side.values())


def _area(mention: PlaceMention) -> bool:
    """Whether a mention names a governorate or district (data/ANNOTATION.md §3).

    Named regions of data/regions.csv ("Mount Hermon", "Eastern Ghouta") keep the rule's
    precision: they are places of their own.
    """
    return place_kind(mention) in AREA_KINDS


@lru_cache(maxsize=1)
def _foreign_control() -> dict[str, dict[str, str]]:
    """Map each outside actor to ``{town id: site id}`` of its own bases (foreign_control.csv)."""
    import csv
    import io

    from ..data import path
    from ..gazetteer import Gazetteer

    gazetteer = Gazetteer.default()
    out: dict[str, dict[str, str]] = {}
    text = path("foreign_control.csv").read_text(encoding="utf-8")
    for row in csv.DictReader(io.StringIO(text)):
        area = row["area"]
        if area.startswith("s:") and area in gazetteer:
            parent = gazetteer.get(area).parent_id or area
            out.setdefault(row["actor"], {})[parent] = area
    return out


def _foreign_sites(actor: str) -> frozenset[str]:
    return frozenset(_foreign_control().get(actor, {}).values())


def foreign_holder(place_id: str) -> str | None:
    """Return the outside actor whose own base ``place_id`` is (data/foreign_control.csv)."""
    for actor, sites in _foreign_control().items():
        if place_id in sites.values():
            return actor
    return None


def own_site(actor: str, mention: PlaceMention) -> PlaceMention:
    """Return the mention moved to the actor's own base at that town, if it has one.

    "Five Russian warships left Tartus" is about Russia's naval base at Tartus
    (``data/foreign_control.csv``); the town's control is not Russia's to leave.
    """
    site = _foreign_control().get(actor, {}).get(mention.place_id)
    if site is None:
        return mention
    return replace(mention, place_id=site, candidates=(site, *mention.candidates))


def _taken(claims: Sequence[Claim], place: PlaceMention) -> bool:
    """Whether the sentence says someone took, entered or holds ``place``.

    "rebels took X after the army withdrew", "who had controlled the city, vacated their
    positions", "entered X and withdrew hours later"; not "advanced on X following the
    retreat of ...".
    """
    return any(c.mention is place and c.relation in HOLDING for c in claims)


def _drop_contradicted_pronoun(sentence: Sentence, claims: list[Claim]) -> list[Claim]:
    """Drop a claim whose actor came from an earlier sentence when the sentence contradicts it.

    "On Sunday, they entered Damascus, while the army withdrew from the city": "they" was
    resolved to the previous sentence's subject; when that side also withdraws from or
    loses the same place in this sentence, "they" must be someone else.
    """
    leaving = {
        (c.mention.place_id, actor_side(c.actor))
        for c in claims
        if c.relation in ("withdrew", "lost") and c.actor_text and c.actor_text in sentence.text
    }
    if not leaving:
        return claims
    return [
        c
        for c in claims
        if not (
            c.relation in HOLDING
            and c.actor_text
            and c.actor_text not in sentence.text[: c.trigger.start - sentence.start]
            and (c.mention.place_id, actor_side(c.actor)) in leaving
        )
    ]


def _still_held(
    text: str,
    claims: Sequence[Claim],
    places: Sequence[PlaceMention],
    exceptions: Sequence[tuple[int, int]],
) -> list[Claim]:
    """Return ``controls`` claims on the places a withdrawal makes an exception of.

    "Troops evacuated all of X province, including the Y airbase, with the exception of A
    and B": the troops still hold A and B. Only a withdrawal or loss by a named side whose
    last place comes just before the exception, and only the places of the list right
    after it (:func:`_excepted` turns round those the list already reached). ``exceptions``
    are the spans of :func:`_exceptions`.
    """
    leaving = [c for c in claims if c.relation in _LEAVING and c.trigger.rule.slot == "after"]
    if not leaving:
        return []
    last = max(leaving, key=lambda c: c.mention.end)
    exc = next(((s, e) for s, e in exceptions if s >= last.mention.end), None)
    if exc is None or not _BEFORE_EXCEPTION.fullmatch(text, last.mention.end, exc[0]):
        return []
    claimed = {c.mention.start for c in claims}
    after = sorted((m for m in places if m.start >= exc[1]), key=lambda m: m.start)
    items: list[PlaceMention] = []
    for m in after:
        gap = _EXCEPTED_HEAD if not items else _EXCEPTED_GAP
        if not gap.fullmatch(text, items[-1].end if items else exc[1], m.start):
            break
        items.append(m)
    return [
        replace(
            last,
            mention=m,
            relation="controls",
            place_precision="region" if _area(m) else "place",
            confidence=round(last.confidence * 0.9, 3),
            partial=False,
        )
        for m in items
        if m.start not in claimed and ordinary_target(m)
    ]


# a change of control whose object is described by its state before the change
# ("the army recaptured the rebel-held half of the city"): the state is history
_CHANGES = frozenset({"captured", "lost", "entered"})


def _drop_former_state(sentence: Sentence, claims: list[Claim]) -> list[Claim]:
    """Drop a state the sentence says has changed.

    "recaptured the rebel-held half of X", "X, which had been held by the SDF, fell to the
    SNA": the holder named by an adjective, an apposition or a "held by" held X before
    another actor's capture or entry; "units stationed in X have been redeployed outside the city":
    the presence the subject names is the one that left X.
    """
    left = {(c.mention.place_id, c.actor) for c in claims if c.relation in ("withdrew", "lost")}
    claims = [
        c
        for c in claims
        if c.trigger.rule.rule != "present_in" or (c.mention.place_id, c.actor) not in left
    ]

    def former(c: Claim) -> bool:
        rule = c.trigger.rule.rule
        if rule == "held_by":
            # "which had been held by", ", held by ... ,": not "which is still held by"
            at = c.trigger.start - sentence.start
            return _FORMER_HELD_BY.search(sentence.text, max(0, at - 16), at) is not None
        return rule in _FORMER_STATE_RULES

    changed = {
        (c.mention.start, c.actor) for c in claims if c.relation in _CHANGES and not former(c)
    }
    if not changed:
        return claims
    return [
        c
        for c in claims
        if not former(c)
        or not any(start == c.mention.start and actor != c.actor for start, actor in changed)
    ]


# holds a change of hands in the same sentence ends: "the rebel-held half of X", "X, an
# SDF-held town, fell to the SNA", "X, which had been held by the army, fell to rebels"
_FORMER_STATE_RULES = frozenset({"held_adjective", "held_apposition"})
_FORMER_HELD_BY = re.compile(r"(?:had\s+been\s+|,\s*)$", re.I)
