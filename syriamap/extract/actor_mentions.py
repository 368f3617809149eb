"""Actor mentions: the actor lexicon (``data/actors.csv``) found in text.

Stage: actors. One Aho-Corasick automaton over every alias of :func:`syriamap.actors.actors`,
run on the lower-cased text (curly apostrophes straightened, so offsets do not move).
Rules:

- a match must start and end on word boundaries; the longest match wins where matches
  overlap ("Kurdish-led Syrian Democratic Forces" over "Syrian Democratic Forces");
- aliases of four letters or fewer that are acronyms ("is", "sdf", "hts", "saa") must be
  written in capitals in the text ("IS", not "is");
- an actor glued to a state adjective counts ("rebel-held Idlib", "SDF-controlled areas",
  "IS-held Mayadin"), and a few nationality adjectives name an actor only there or before
  "control"/"hands" ("the Kurdish-held city of X", "in Kurdish hands");
- first-person forces ("our forces", "our fighters") are marked ``speaker`` and take the
  side of the claimant of the sentence (see :mod:`syriamap.extract.pipeline`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from ..actors import actors
from .prefilter import (
    StemIndex,
    contains_any,
    folded_for_words,
    lower_word_prefixes,
    required_stems,
)

__all__ = [
    "ActorMention",
    "actor_side",
    "find_actor_mentions",
    "speaker_actor_mentions",
    "former_latter_spans",
    "resolve_former_latter",
    "is_bare_army",
    "names_foreign_force",
    "resolve_bare_army",
    "resolve_neutral_fighters",
]

# "our forces"; "his men" in "a rebel commander said his men had seized X" (a singular
# speaker's own forces; "their forces" is left out: it points back to any plural subject);
# "we" opening a quotation, a clause after a comma ("After clearing the villages, we are
# ...") or, unquoted, the sentence ("We are advancing on X, a rebel commander said": the
# sentence is its attribution's; searched per sentence)
_SPEAKER = re.compile(
    r"\b(?:(?:our|my|his|her) (?:forces|fighters|troops|men|factions|units)|"
    r"(?<=[\u201c\"] )we|(?<=[\u201c\"])we|(?<=[,;:] )we)\b|\Awe\b",
    re.I,
)
# every match of _SPEAKER holds one of these in the text case-folded (folded_for_words),
# or the text begins with "we": a cheap test before the pattern
_SPEAKER_CUES = tuple(
    f"{owner} {noun}"
    for owner in ("our", "my", "his", "her")
    for noun in ("forces", "fighters", "troops", "men", "factions", "units")
) + ('"we', '" we', "\u201cwe", "\u201c we", ", we", "; we", ": we")
_ACRONYM_MAX = 4
_NOT_ACRONYM = frozenset({"army", "iran", "isis"})
# nouns that make a one-word actor name an adjective: "military base", "rebel sources"
_NOT_ACTOR_HEADS = re.compile(
    # "the Assad family's home town", "Assad's mausoleum": a family or a monument
    r"(?:['\u2019]s)?\s+(?:family|families|clan|dynasty|mausoleum|tomb|statues?|portraits?|"
    r"palaces?|residence|hometown|home\s+town)\b|"
    r"\s+(?:base|bases|positions?|installations?|sources?|airport|hospital|"
    r"prison|council|media|vehicles?|checkpoints?|academy|intelligence|police|court|"
    r"spokes(?:man|woman|person)|commanders?|leaders?|leadership|support|activity|"
    r"engagement|clothing|uniforms?|experts?|analysts?|strategy|officers?|service|"
    r"personnel|equipment|aircraft|jets?|planes?|helicopters?|convoys?|sites?|targets?|"
    r"facilit(?:y|ies)|headquarters|museum|history|ties|relations|minister|ministry|"
    r"spokes|offices?|governments?|infrastructure|capabilities|pay|morale|ranks|"
    # "the government's Military Scientific Research Center": a name of an institution
    r"scientific|research|college|schools?|engineering|housing|industr\w*|factor(?:y|ies))\b",
    re.I,
)


# "rebel-held", "SDF-controlled", "government-run": the actor glued to a state adjective
HELD_SUFFIX = re.compile(
    r"-(?:held|controlled|run|dominated|occupied|besieged|governed|administered|ruled)\b", re.I
)
# adjectives that name an actor only as the holder: "Kurdish-held", "in Kurdish hands"
_HOLDER_ADJECTIVES = {
    "kurdish": "sdf",
    "israeli": "israel",
    "druze": "druze_factions",
    "loyalist": "government",
    "militant": "opposition",
    "jihadist": "opposition",
    "islamist": "hts_coalition",
}
_HOLDER_ADJECTIVE = re.compile(
    r"\b(" + "|".join(_HOLDER_ADJECTIVES) + r")"
    r"(?=-(?:held|controlled|run|dominated|occupied|governed|administered|ruled)\b|"
    r"\s+(?:control|hands|stronghold|strongholds|heartland|bastion|enclave)\b)",
    re.I,
)


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor named in the text: offsets, surface form, actor id and side."""

    start: int
    end: int
    text: str
    actor: str
    side: str


@lru_cache(maxsize=1)
def _automaton():  # type: ignore[no-untyped-def]
    import ahocorasick

    from ..actors import actors

    auto = ahocorasick.Automaton()
    for actor in actors().values():
        if actor.id == "other":
            names = [a for a in actor.aliases if a != "other"]
        else:
            names = list(actor.aliases)
        for alias in names:
            key = alias.replace("\u2019", "'")
            if key not in auto:
                auto.add_word(key, (key, actor.id, actor.side))
    auto.make_automaton()
    return auto


def actor_side(actor_id: str) -> str:
    """Return the side of an actor id ("" when unknown)."""
    actor = actors().get(actor_id)
    return actor.side if actor is not None else ""


def _lower(text: str) -> str:
    low = text.lower()
    if len(low) != len(text):  # a few characters change length when lower-cased
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return low.replace("\u2019", "'").replace("\u2018", "'")


def find_actor_mentions(text: str, *, offset: int = 0) -> list[ActorMention]:
    """Find actor mentions in ``text``; offsets are shifted by ``offset``.

    Examples
    --------
    >>> [(m.text, m.actor) for m in find_actor_mentions("Kurdish-led troops and IS fighters")]
    [('Kurdish-led troops', 'sdf'), ('IS fighters', 'isis')]
    """
    return [
        ActorMention(start + offset, end + offset, surface, actor, side)
        for start, end, surface, actor, side in _actor_spans(text)
    ]


# the person or body a speaker phrase names after its side's name: "an SDF commander", "SNA
# sources", "a Hezbollah spokesman" (the name is an adjective, no force of its own)
_SPEAKER_HEAD = re.compile(
    r"(?<=\w)(?:['\u2019]s)?\s+(?:(?:military|media|security|press|political)\s+)?"
    r"(?:commanders?|spokes(?:man|woman|person)|officials?|sources?|leaders?|leadership|"
    r"officers?|statement|media|offices?|channels?)\b",
    re.I,
)


def speaker_actor_mentions(phrase: str, *, offset: int = 0) -> list[ActorMention]:
    """Find the actors a speaker phrase speaks for, its head noun aside.

    The head noun makes a name an adjective for :func:`find_actor_mentions` ("SDF sources"
    is no force in a sentence); a speaker so named speaks for that side.

    Examples
    --------
    >>> [(m.text, m.actor) for m in speaker_actor_mentions("an SDF commander")]
    [('SDF', 'sdf')]
    """
    found = [m for m in find_actor_mentions(phrase, offset=offset) if m.actor]
    if found:
        return found
    # the head noun is blanked out, not removed: the offsets stay those of the phrase
    blanked = _SPEAKER_HEAD.sub(lambda m: " " * len(m.group()), phrase)
    if blanked == phrase:
        return []
    return [m for m in find_actor_mentions(blanked, offset=offset) if m.actor]


@lru_cache(maxsize=32)
def _actor_spans(text: str) -> tuple[tuple[int, int, str, str, str], ...]:
    """Return the actor mentions of ``text`` as tuples with local offsets.

    Cached for the last few texts: the later stages ask for the same sentence or claimant
    phrase again.
    """
    low = _lower(text)
    found: list[tuple[int, int, str, str]] = []
    for end_idx, (key, actor, side) in _automaton().iter(low):
        start = end_idx - len(key) + 1
        end = end_idx + 1
        if start > 0 and (low[start - 1].isalnum() or low[start - 1] == "_"):
            continue  # inside a word (what the pattern [\w] tests)
        if end < len(low) and (
            low[end].isalnum()
            or low[end] == "_"
            or (
                low[end] == "-"
                and end + 1 < len(low)
                and low[end + 1].isalpha()
                and not HELD_SUFFIX.match(low, end)
            )
        ):
            continue
        surface = text[start:end]
        if " " not in key and _NOT_ACTOR_HEADS.match(text, end):
            continue
        if _sideless(key, text, low, start):
            found.append((start, end, "", ""))  # named, but of no side we can tell
            continue
        letters = key.replace(".", "")
        if len(letters) <= _ACRONYM_MAX and letters.isalpha() and key not in _NOT_ACRONYM:
            if not surface.isupper():
                continue
        found.append((start, end, actor, side))
    if (
        " hands" in low
        or " control" in low
        or "-held" in low
        or "-controlled" in low
        or "-occupied" in low
        or " stronghold" in low
        or " heartland" in low
        or " bastion" in low
        or " enclave" in low
    ):
        for m in _HOLDER_ADJECTIVE.finditer(low):
            actor = _HOLDER_ADJECTIVES[m.group(1)]
            found.append((m.start(), m.end(), actor, actor_side(actor)))
    # "told us units had left": the pronoun is no "US" (phrases are matched lower-cased)
    phrases = [p for p in _pattern_spans(low) if not text.startswith("us", p[0])]
    if phrases:
        # "armed groups backed by Iran": the phrase wins over an alias inside or across it
        found = [f for f in found if not any(a < f[1] and f[0] < b for a, b, _x, _y in phrases)]
        found.extend(phrases)
    folded = folded_for_words(text)
    if folded.startswith("we") or contains_any(folded, _SPEAKER_CUES):
        for m in _SPEAKER.finditer(text):
            found.append((m.start(), m.end(), "", "speaker"))
    found.sort(key=lambda t: (t[0], -(t[1] - t[0])))
    out: list[tuple[int, int, str, str, str]] = []
    last_end = -1
    for start, end, actor, side in found:
        if start < last_end:
            continue
        if (
            out
            and out[-1][3]
            and out[-1][3] != actor
            and low[start:end] in _GENERIC_HEADS
            and not low[out[-1][1] : start].strip()
        ):
            # "SDF fighters", "HTS militants": the generic head noun belongs to the named
            # group before it; the generic opposition is only a fallback
            p_start, _p_end, _surface, p_actor, p_side = out[-1]
            out[-1] = (p_start, end, text[p_start:end], p_actor, p_side)
            last_end = end
            continue
        out.append((start, end, text[start:end], actor, side))
        last_end = end
    return tuple(out)


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[re.Pattern[str], str, str], ...]:
    """Return the phrase patterns of ``data/lexicon/actor_patterns.csv``, compiled."""
    from .lexicon import read_lexicon

    out = []
    for row in read_lexicon("actor_patterns.csv"):
        body = re.sub(r" +", r"\\s+", row["pattern"].strip())
        out.append((re.compile(r"(?<![\w-])(?:" + body + r")(?![\w-])"), row["actor"]))
    return tuple((pattern, actor, actor_side(actor)) for pattern, actor in out)


# every match of a data/lexicon/actor_patterns.csv row contains one of these (a cheap gate;
# tests/test_extract_actors.py checks each row names one)
_PATTERN_WORDS = (
    "iran", "tehran", "russian", "israeli", "turkish", "zionist", "ministry", "resistance",
    "caretaker", "transitional", "interim", "salvation", "hts-", "tahrir", "new ", "us ", "u.s.",
    "american", "moscow", "ankara", "turkey", "t\u00fcrkiye", "washington", "israel", "russia",
    "takfiri", "druze", "kurdish",
)  # fmt: skip


@lru_cache(maxsize=1)
def _pattern_index() -> StemIndex:
    """Index the phrase patterns (file order) by the word stems every match of each needs.

    The patterns are matched case-sensitively against the lower-cased text, so the stems
    of that text's own letter runs (:func:`lower_word_prefixes`) are a necessary
    condition, as for the relation and stance cues: a pattern none of whose required stems
    the text has cannot match and is not run.
    """
    return StemIndex(
        (frozenset(), required_stems(pattern.pattern, word_start=True, word_end=True))
        for pattern, _actor, _side in _patterns()
    )


def _pattern_spans(low: str) -> list[tuple[int, int, str, str]]:
    """Return the actor phrases of ``low`` (lower-cased text), longest first where they overlap."""
    if not contains_any(low, _PATTERN_WORDS):
        return []
    table = _patterns()
    spans = sorted(
        (
            (m.start(), m.end(), actor, side)
            for order in _pattern_index().woken(lower_word_prefixes(low))
            for pattern, actor, side in (table[order],)
            for m in pattern.finditer(low)
        ),
        key=lambda t: (t[0], -(t[1] - t[0])),
    )
    out: list[tuple[int, int, str, str]] = []
    for span in spans:
        if not out or span[0] >= out[-1][1]:
            out.append(span)
    return out


def _sideless(key: str, text: str, low: str, start: int) -> bool:
    """Whether an alias match at ``start`` names armed men whose side the alias misreads.

    Such a mention is kept without a side, so that no rule's default actor stands in:

    - "Army" inside another group's name: "the Mujahideen Army", "the Army of Conquest";
    - "the new regime / government / Syrian army": the power after Assad (December 2024),
      or a reshuffled cabinet before;
    - a community's men: "Shiite fighters", "Palestinian gunmen";
    - another state's or an occupier's force: "the Iraqi army", "Lebanese troops", "the
      occupation army" (the phrases that name an actor are actor_patterns.csv rows or
      aliases).
    """
    if key in ("army", "military") and (
        (
            text.startswith("Army", start)
            and _OTHER_ARMY_NAME.search(text, max(0, start - 30), start) is not None
        )
        or _ARMY_OF.match(text, start) is not None
    ):
        return True
    if key in _GOVERNMENT_WORDS and low.endswith("new ", 0, start):
        return True
    if key in _NEUTRAL_FIGHTERS and _COMMUNITY_BEFORE.search(low, max(0, start - 16), start):
        return True
    return key in _GENERIC_FORCES and (
        _NOT_SYRIAN_BEFORE.search(low, max(0, start - 24), start) is not None
    )


_GENERIC_FORCES = frozenset({"army", "military", "forces", "troops", "soldiers", "armed forces"})
# a militia's name ending in "Army": "the Mujahideen Army", "the Islamic Army" (a word list:
# in a Title Case headline any word stands capitalised before "Army")
_OTHER_ARMY_NAME = re.compile(
    r"\b(?:Mujahideen|Mujahidin|Sunna|Islamic|Islam|Revolutionaries|Revolutionary|Tawhid|"
    r"Ummah|Commando|Salvation|Liberation|Nusra|Fatah|Jihad|Sham|Izza)\s+$"
)
_ARMY_OF = re.compile(r"Army\s+of\s+(?:the\s+)?[A-Z]")
_GOVERNMENT_WORDS = frozenset(
    {
        "regime",
        "government",
        "army",
        "military",
        "syrian army",
        "syrian government",
        "syrian regime",
    }
)
_COMMUNITY_BEFORE = re.compile(
    r"\b(?:shiite|shia|shi['\u2019]ite|alawite|palestinian|christian|assyrian|syriac|armenian|"
    r"yazidi|ismaili|resistance)\s+$"
)
_NOT_SYRIAN_BEFORE = re.compile(
    r"\b(?:occupation|occupying|iraqi|iraq['\u2019]s|lebanese|lebanon['\u2019]s|jordanian|"
    r"jordan['\u2019]s|egyptian|saudi|qatari|emirati|british|french|german|ukrainian|"
    r"enemy['\u2019]s|zionist|"
    r"chinese|pakistani|afghan|foreign|peacekeeping|un|u\.n\.)\s+(?:[\w-]+\s+)?$"
)
_GENERIC_HEADS = frozenset(
    "fighters militants forces troops gunmen militiamen soldiers units insurgents terrorists"
    " mercenaries".split()
)


# "the latter", "the former" standing for an actor: a noun phrase of its own (a verb,
# an auxiliary, an adverb or a comma follows), not an adjective ("the former regime",
# "the former rebel-held town")
_FORMER_LATTER = re.compile(
    r"\b(?P<which>former|latter)(?:(?=['\u2019]s\s+\w)|(?=\s*,|\s+(?:was|were|is|are|has|have|had|"
    r"did|does|do|will|would|could|can|then|also|later|subsequently|reportedly|quickly|"
    r"eventually|finally|soon|still|now|withdrew|took|retook|fled|fell|left|lost|held|won|"
    r"overran|drove|came|went|made|broke|ran|fought|kept|began|swept|struck|[a-z]+ed)\b))",
    re.I,
)
_THE_BEFORE = re.compile(r"\bthe\s+$", re.I)


def former_latter_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Return the spans of "the former" / "the latter" used as a noun phrase in a range."""
    out: list[tuple[int, int]] = []
    folded = folded_for_words(text[start:end])
    if "former" not in folded and "latter" not in folded:
        return out  # the pattern needs one of the two words
    for m in _FORMER_LATTER.finditer(text, start, end):
        the = _THE_BEFORE.search(text, max(start, m.start() - 6), m.start())
        if the is not None:
            out.append((the.start(), m.end("which")))
    return out


def resolve_former_latter(
    text: str, spans: list[tuple[int, int]], mentions: list[list[ActorMention]]
) -> list[list[ActorMention]]:
    """Add an actor mention for "the latter" / "the former" pointing at one of two actors.

    "The army clashed with the rebels in X. The latter were able to take Y": "the latter"
    is the last of the two actors named before it (in its own sentence, else in the
    sentence before and its own), "the former" the first. Exactly two different actors
    must stand there; otherwise nothing is added (precision first).

    Parameters
    ----------
    text
        The document text.
    spans
        ``(start, end)`` of each sentence.
    mentions
        The actor mentions of each sentence (as :func:`find_actor_mentions` returns them).

    Returns
    -------
    list of list of ActorMention
        The mentions of each sentence, with the resolved "the latter"/"the former" added.
    """
    out = [list(group) for group in mentions]
    for k, (start, end) in enumerate(spans):
        for a_start, a_end in former_latter_spans(text, start, end):
            pool = [a for a in out[k] if a.end <= a_start and a.actor and a.side != "speaker"]
            if len({a.actor for a in pool}) < 2 and k > 0:
                previous = [a for a in out[k - 1] if a.actor and a.side != "speaker"]
                pool = previous + pool
            distinct: dict[str, ActorMention] = {}
            for a in pool:
                distinct.setdefault(a.actor, a)  # in the order first named
            if len(distinct) != 2:
                continue  # none, one or three actors before: no sure antecedent
            former, latter = distinct.values()
            chosen = latter if text[a_start:a_end].lower().startswith("the latter") else former
            out[k].append(
                ActorMention(a_start, a_end, text[a_start:a_end], chosen.actor, chosen.side)
            )
        out[k].sort(key=lambda a: a.start)
    return out


# nouns for armed men that name no side of their own: "fighters", "militants", "gunmen",
# and "terrorists", which each outlet gives its own enemy (the rebels in Damascus's and
# Moscow's usage, the SDF in Ankara's); "rebels", "insurgents", "the opposition" say
# which side they are on
_NEUTRAL_FIGHTERS = frozenset(
    {"fighters", "militants", "gunmen", "armed men", "terrorists", "terrorist groups"}
)
# the sides whose men the press calls so: armed groups, not states
_ARMED_GROUP_SIDES = frozenset({"opposition", "sdf", "isis", "other"})


def resolve_neutral_fighters(mentions: list[list[ActorMention]]) -> list[list[ActorMention]]:
    """Give "fighters", "militants", "gunmen" the armed group the text just named.

    "Islamic State attacked Palmyra. The militants withdrew": IS's men. The bare noun takes
    the side of the armed groups named before it in its sentence, else in the sentence
    before; groups of two sides there ("The SDF fought the SNA. The fighters withdrew")
    leave it without a side ("terrorists" then stay the rebels, the word's usual
    referent), and with none named it stays the generic opposition.

    Parameters
    ----------
    mentions
        The actor mentions of each sentence, in document order.

    Returns
    -------
    list of list of ActorMention
        The same mentions, the neutral nouns re-labelled where the context decides.
    """
    out = [list(group) for group in mentions]
    for k, group in enumerate(out):
        for i, m in enumerate(group):
            if m.actor != "opposition" or m.text.lower() not in _NEUTRAL_FIGHTERS:
                continue
            named = [a for a in group[:i] if _armed_group(a)]
            if not named and k > 0:
                named = [a for a in out[k - 1] if _armed_group(a)]
            if not named:
                # "towns defended by Iran-backed militias were emptied of fighters"
                named = [a for a in group[:i] if _militia(a)]
            sides = {a.side for a in named}
            if not sides:
                continue
            if len(sides) > 1:
                if not m.text.lower().startswith("terrorist"):
                    group[i] = replace(m, actor="", side="")
                # "terrorists" among two sides stay the outlets' usual enemy, the rebels
                continue
            specific = [a for a in named if a.actor != "opposition"]
            if sides != {"opposition"} or len({a.actor for a in specific}) == 1:
                source = (specific or named)[-1]
                group[i] = replace(m, actor=source.actor, side=source.side)
    return out


# the bare words the government's aliases share with any state's army
_BARE_ARMY = frozenset({"army", "military", "the army", "the military"})
_FOREIGN_GROUND = re.compile(
    r"(?<!\bair\s)\b(?:forces|troops|army|military|soldiers|tanks|units|infantry|commandos|"
    r"patrols?|idf)\b",
    re.I,
)
# "the IDF (army)", "the Israeli Defense Forces (military)": the bare word glosses the name
_GLOSS_GAP = re.compile(r"\s*[(,]\s*(?:the\s+)?$", re.I)
_FOREIGN_STATES = frozenset({"israel", "turkey", "russia", "united_states"})
_NATIONAL_ARMY = re.compile(r"national\s+army", re.I)


def names_foreign_force(group: list[ActorMention]) -> bool:
    """Whether mentions name another state's ground forces ("Israeli troops", "the IDF")."""
    return any(a.actor in _FOREIGN_STATES and _FOREIGN_GROUND.search(a.text) for a in group)


def is_bare_army(mention_text: str) -> bool:
    """Whether a mention is only "the army" / "the military", a word any state's army shares."""
    return mention_text.lower() in _BARE_ARMY


def resolve_bare_army(text: str, mentions: list[list[ActorMention]]) -> list[list[ActorMention]]:
    """Leave a bare "the army" without a side when another state's troops were just named.

    "Israeli forces entered the buffer zone. The army also took positions in X": Israel's
    army, most likely, but the bare word is the Syrian army's alias; with a foreign
    state's ground forces named before it in its sentence or in the sentence before, and
    nothing of the Syrian government's named there, it gets no side (no claim, rather than
    a wrong colour). Air strikes ("Israel struck Latakia") and air forces name no ground
    force. Right after the foreign name ("the IDF (army)") the bare word glosses it and
    takes its actor. In a document that has named the Syrian National Army and no Syrian
    government force before, the bare word is no side either (a Turkish outlet's "the army"
    is the SNA).

    Parameters
    ----------
    text
        The document text (the mentions' offsets point into it).
    mentions
        The actor mentions of each sentence, in document order.

    Returns
    -------
    list of list of ActorMention
        The same mentions, the ambiguous bare "army" without an actor.
    """
    out = [list(group) for group in mentions]
    # the Syrian government's forces named so far in the document (not by the bare word)
    syrian_named = False
    national_army = False  # "the Syrian National Army" named so far
    for k, group in enumerate(out):
        for i, m in enumerate(group):
            if m.side == "government" and m.text.lower() not in _BARE_ARMY:
                syrian_named = True
            if m.actor == "sna" and _NATIONAL_ARMY.search(m.text):
                national_army = True
            if m.actor != "government" or m.text.lower() not in _BARE_ARMY:
                continue
            if national_army and not syrian_named:
                # "The Syrian National Army (SNA) took X ... The army also liberated Y": a
                # Turkish outlet's "the army" is the SNA; with no Syrian government force
                # named before, the bare word gets no side (no claim, not a wrong colour)
                group[i] = replace(m, actor="", side="")
                continue
            context = group[:i] + (out[k - 1] if k > 0 else [])
            foreign = [
                a for a in context if a.actor in _FOREIGN_STATES and _FOREIGN_GROUND.search(a.text)
            ]
            syrian = [
                a for a in context if a.side == "government" and a.text.lower() not in _BARE_ARMY
            ]
            if not foreign or syrian:
                continue
            before = group[i - 1] if i else None
            if before in foreign and _GLOSS_GAP.fullmatch(text, before.end, m.start):
                group[i] = replace(m, actor=before.actor, side=before.side)
            else:
                group[i] = replace(m, actor="", side="")
    return out


def _armed_group(mention: ActorMention) -> bool:
    """Whether a mention names an armed group (not a state, a speaker or a neutral noun).

    Russia, Turkey, the United States and Israel are states; Iran's militias and
    Hezbollah count only where no other group is named (:func:`_militia`).
    """
    return (
        bool(mention.actor)
        and mention.side in _ARMED_GROUP_SIDES
        and mention.text.lower() not in _NEUTRAL_FIGHTERS
    )


def _militia(mention: ActorMention) -> bool:
    """Whether a mention names Iran's militias or Hezbollah (armed groups of a state)."""
    return mention.actor in _MILITIA_ACTORS and mention.text.lower() not in _NEUTRAL_FIGHTERS


_MILITIA_ACTORS = frozenset({"iran", "hezbollah"})
