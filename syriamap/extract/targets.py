"""Which places a relation cue is about (target selection).

Places that are reference points are never targets: a name right after "north of",
"near", "N kilometres from", "located in", "outside"; container names before "suburb of" /
"countryside of" pass the cue on to the place they contain ("the Damascus suburbs of
Maadamiyah, Jaramana, and Daraya"). Lists ("captured Aleppo, Hama and large parts of the
south") give one claim per place and end at a new clause. "it", "them", "there" and a
relative pronoun ("Hama, which rebels captured") point back to an earlier place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from .english import CLAUSE_BREAK as _CLAUSE_BREAK
from .english import QUOTE_MARKS
from .english import words as _words
from .mentions import PlaceMention
from .prefilter import contains_any, folded_for_words
from .rules import HOLDING, Claim, Trigger
from .sentences import Sentence

_REFERENCE = re.compile(
    r"\b(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|"
    r"north-west|south-east|south-west)(?:ern|ward)?\s+of\b|\bnear\b|\bclose to\b|\boutside\b|"
    r"\baway from\b|\bfrom\b|\bkilomet(?:er|re)s?\b|\bkm\b|\bmiles?\b|\blocated\b|\bsituated\b|"
    r"\bborders?\b|\bbetween\b|\bbased in\b|\bheartland\b|\btowards?\b|\btoward\b|"
    # "seized Tel Rifaat in northern Aleppo": the region around a place, not the place
    r"\bin\s+(?:the\s+)?(?:northern|southern|eastern|western|central|rural|"
    r"north-?western|north-?eastern|south-?western|south-?eastern)\b",
    re.I,
)
_CONTAINER_AFTER = re.compile(
    r"\s*(?:['\u2019]s\s+)?(?:suburbs?|outskirts|countryside|province|governorate|"
    r"district|region|area)?\s*of\b"
    # "cleared X of (PKK/YPG) terrorists": no container, X is the place
    r"(?!\s+(?:all\s+|the\s+|remaining\s+)*(?:[\w/.'\u2019-]+\s+)?(?:terrorists?|terrorism|militants?|"
    r"insurgents?|jihadists?|gunmen|mercenaries|extremists|elements|remnants|armed\s+groups)\b)",
    re.I,
)
# Syria's neighbours a crossing or a border is "with"
_NEIGHBOURS = r"(?:Jordan|Turkey|T\u00fcrkiye|Turkiye|Lebanon|Iraq)"
_WITH_NEIGHBOUR = re.compile(
    r"(?<=crossing|frontier)\s+(?:(?:on|at|along)\s+the\s+(?:border|frontier)\s+)?"
    r"with\s+" + _NEIGHBOURS + r"\b"
)
_FACILITY_TAIL = re.compile(
    r"^\s*(?:(?:military|international|border|central|naval)\s+)*(?:crossing|airport|"
    r"air\s*base|airbase|airfield|dam|prison)\b(?=\s*(?:,|and\b))",
    re.I,
)
# the kind word a site name is followed by ("T4 air base", "Kuweires military airport")
_SITE_KIND_TAIL = re.compile(
    r"\s+(?:(?:military|international|border|central|naval)\s+)*(?:crossing|airport|"
    r"air\s*base|airbase|airfield|dam|prison|base)\b",
    re.I,
)
_ADJUNCT = re.compile(r"\b(?:in|at|on|during|with|for|by)\b", re.I)
_LIST_SEP = re.compile(r"(?:,|\band\b|\bor\b|&|\bas well as\b|\b(?:along|together) with\b)", re.I)
# the words that introduce the examples of a plural place noun ("villages, including X")
_EXAMPLE_WORDS = r"(?:including|such\s+as|among\s+them)"
# a separator with nothing else between two list items ("X, Y and Z")
_BARE_SEP = re.compile(r"\s*(?:,\s*(?:and\s+)?|(?:and|&)\s+)", re.I)
_AREAS_NEAR = re.compile(
    r"\s*(?:the\s+|several\s+|some\s+|many\s+|all\s+|a\s+number\s+of\s+|dozens\s+of\s+|"
    # "withdrew from most of their positions in X": a share of the holdings in X
    r"(?:most|many|some|all|much|part|parts|the\s+bulk|the\s+rest|the\s+remainder)\s+of\s+|"
    # "seized more than a dozen villages in X", "about 20 villages"
    r"(?:(?:(?:more|fewer|less)\s+than|nearly|almost|about|around|over|roughly|at\s+least)\s+)?"
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|a\s+few|a\s+dozen|dozens\s+of)\s+)?"
    r"(?:their\s+|its\s+|his\s+|the\s+)?"
    # "key", "strategically important", "wide": modifiers of the plural noun
    r"(?:(?:key|strategic|strategically|important|major|main|wide|large|vast|nearby|"
    r"surrounding|neighbou?ring|eastern|western|northern|southern|central|new|further|"
    r"other|vital|highly|very|significant|substantial|swathes\s+of|tracts\s+of|"
    # "their military positions in X", "the last defensive positions near X"
    r"military|army|defensive|forward|front-?line|remaining|last|"
    # "taken over government positions in X", "regime checkpoints near X"
    r"government|regime|syrian|security)\s+){0,3}"
    r"(?:(?:areas?|positions?|towns?|villages?|parts?|districts?|neighbou?rhoods?|suburbs?|"
    # "towns and villages in X"
    r"bases?|posts?|outposts?|points?|checkpoints?)\s*,?\s+(?:and|or)\s+)?"
    r"(?:areas?|positions?|towns?|villages?|parts?|districts?|neighbou?rhoods?|suburbs?|"
    r"bases?|outposts?|"
    # "seized significant territory in X": ground taken in and around X
    r"posts?|points?|checkpoints?|headquarters|barracks|territory|territories)\s+"
    r"(?:near|around|outside|close\s+to|in|inside|at)\s+(?:the\s+)?"
    # "abandoned their checkpoints at the entrances of X": at the edge of X
    r"(?:(?:(?:north|south|east|west|main|northern|southern|eastern|western)\s+)?"
    r"(?:outskirts|edges?|entrances?|approaches|gates?)\s+(?:of|to)\s+(?:the\s+)?)?"
    # "positions in the towns of X, Y and Z": the kind word of a list is plural
    r"(?:(?:city|cities|towns?|villages?)\s+of\s+(?:the\s+)?)?",
    re.I,
)
_EDGES_OF = re.compile(
    r"\s*(?:the\s+)?(?:(?:north|south|east|west|north-?east|north-?west|south-?east|"
    r"south-?west)(?:ern)?\s+)?(?:outskirts|edges?|periphery|approaches|gates?|entrances?|"
    r"suburbs?)\s+of\s+(?:the\s+)?"
    # "suburbs of the key city of X"
    r"(?:(?:(?:key|strategic|central|main|major|nearby|besieged|northern|southern|eastern|"
    r"western)\s+){0,2}(?:city|town|village)\s+of\s+(?:the\s+)?)?",
    re.I,
)
# "clashes spread to the east of X", "battles in villages south of X": fighting around X
# (only fighting takes a direction as no reference point)
_DIRECTION_AROUND = re.compile(
    r"\s*(?:(?:to|in|into)\s+)?(?:the\s+)?(?:(?:areas?|villages?|towns?|parts?|positions|"
    r"fronts?|countryside)\s+)?(?:(?:north|south|east|west|north-?east|north-?west|"
    r"south-?east|south-?west)(?:ern)?\s+(?:(?:part|parts|side|flank|countryside)\s+)?of|"
    r"vicinity\s+of)\s+(?:the\s+)?(?:(?:city|town|village)\s+of\s+(?:the\s+)?)?",
    re.I,
)
_WORD = re.compile(r"[\w'\u2019-]+")
_QUOTED_FROM = re.compile(r"[\u201d\"]\s*(?:from|out\s+of)\b", re.I)
_APPOSITION_OF = re.compile(
    r",\s*(?:the|a|an)\s+[^,;()]{0,60}?\b(?:in|of|near|outside)\s+(?:the\s+)?$", re.I
)


@lru_cache(maxsize=1)
def _country_ids() -> frozenset[str]:
    from ..gazetteer import Gazetteer

    return frozenset(p.place_id for p in Gazetteer.default() if p.kind == "country")


def ordinary_target(mention: PlaceMention) -> bool:
    """Return True if a relation cue may take this mention as its place.

    Syria itself (the place of kind ``country``) is never an ordinary target: "rebels
    control northwest Syria", "Israeli troops entered Syria" say nothing about one place.
    National statements ("the regime collapsed") reach it only through the collapse rows
    of ``data/lexicon/collapse.csv`` (:mod:`.collective`).

    >>> ordinary_target(PlaceMention(0, 5, "Syria", ("wof:85632413",), "wof:85632413"))
    False
    """
    return (
        bool(mention.place_id) and not mention.outside and (mention.place_id not in _country_ids())
    )


def _is_reference(text: str, sentence: Sentence, mention: PlaceMention, floor: int) -> bool:
    """Whether the words just before the mention (after ``floor``) make it a landmark."""
    a = max(floor, mention.start - 40, sentence.start)
    window = text[a : mention.start]
    m = None
    for m in _REFERENCE.finditer(window):  # noqa: B007 - the last match is wanted
        pass
    if m is None:
        return False
    if (
        _IN_DIRECTION.fullmatch(m.group(0))
        and _area_mention(mention)
        and _PROVINCE_AFTER.match(text, mention.end)
    ):
        # "Kurds in northern Aleppo province are besieged": part of the area; a bare name
        # ("seized Tal Rifaat in northern Aleppo, previously held by X") locates the place
        return False
    if _COUNTRYSIDE_BEFORE.search(window, 0, m.start()) and _area_mention(mention):
        return False  # "rural areas west of Aleppo": the governorate's countryside
    if _EXAMPLES.search(window, m.end()):
        return False  # "a strip along the border, including X": an example, no landmark
    if _CLOSED_ADVERBIAL.match(window, m.end()):
        return False  # "In the northern countryside, X and Y came under ...": the fronted
        # phrase's own (unnamed) object ends at its comma; X is the subject
    return _words(window[m.end() :]) <= 3 and not _CLAUSE_BREAK.search(window[m.end() :])


# a reference phrase whose object is a common noun phrase closed by a comma ("in the
# northern countryside, ", "near the border, "): what follows is no longer its object
_CLOSED_ADVERBIAL = re.compile(r"(?:\s+[a-z][\w'\u2019-]*)*\s*,\s")


_IN_DIRECTION = re.compile(r"in\s+.*", re.I | re.S)
_COUNTRYSIDE_BEFORE = re.compile(r"\b(?:countryside|rural\s+areas?)\s+$", re.I)


# "the Bab Amr area of Homs", "the Jobar neighbourhood of Damascus": a named part of the
# city after it (the city is no target); "the Damascus district of Jobar" has the city first
_PART_OF = re.compile(
    r"\s+(?:area|district|neighbou?rhood|quarter|sector)\s+of\s+(?:the\s+)?(?:city\s+of\s+)?",
    re.I,
)
_PART_KINDS = frozenset({"neighbourhood", "village", "town", "suburb"})


def _part_of_city(text: str, mention: PlaceMention) -> bool:
    """Whether a mention names a part of the city named right after it ("X area of Y")."""
    return bool(_PART_OF.match(text, mention.end)) and place_kind(mention) in _PART_KINDS


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
    landmark = False
    facility_end = _facility_at(text, trig, pending, sentence.end)
    for m in pending:
        if first and not out and m.start < facility_end:
            continue  # a place inside the facility's description ("depots in southern Syria")
        # "the Nasib border crossing with Jordan and the town of X": the neighbour names the
        # crossing's other side, no new clause
        between = _WITH_NEIGHBOUR.sub(" ", text[floor : m.start])
        owner = next(
            (
                a
                for a, b in blockers
                if floor <= a and b <= m.start and _OWNER_OF_PLACE.fullmatch(text, b, m.start)
            ),
            None,
        )
        if owner is not None:
            # "including the Syrian Army's 46th Regiment base": the owner's words do not
            # count towards the gap
            between = _WITH_NEIGHBOUR.sub(" ", text[floor:owner]) + " "
        if out:
            # "the Nasib border crossing and X": the kind words of the item before
            between = _FACILITY_TAIL.sub(" ", between, count=1)
        # "captured dozens of villages from government forces, including X": the side the
        # places were taken from stands between the plural noun and its examples; it is
        # the loser, not the subject of a new clause
        loser = _TAKEN_FROM.match(between) if first and not out else None
        clear = floor + loser.end() if loser else floor
        if any(
            floor <= a
            and b <= m.start
            and not (a < clear)
            and not _MODIFIER_OF_SITES.match(text, b)
            # "took control of PKK stronghold Manbij": the holder names the place itself
            and not _HOLDER_NOUN.fullmatch(text, b, m.start)
            # "including the Syrian Army's 46th Regiment base": the owner of the place
            and not _OWNER_OF_PLACE.fullmatch(text, b, m.start)
            for a, b in blockers
        ):
            break  # another cue or an actor stands between: a new clause
        if loser:
            between = between[: loser.start("from")] + between[loser.end("from") :]
        if first:
            if first and not out and floor == trig.end:
                # a quoted verb or phrase: had "liberated" the city of X, entered "large parts" of X
                if trig.rule.relation == "withdrew" and _QUOTED_FROM.match(between):
                    # regime forces "fled" from the city: the preposition is the verb's
                    between = _QUOTED_FROM.sub(" ", between, count=1)
                between = QUOTE_MARKS.sub(" ", between, count=2)
            # "seizing key locations such as X, Y and Z", "capturing seven villages,
            # including X": the examples are the places taken
            between = _SUCH_AS.sub(" ", between)
            # "took control of five neighbourhoods on Friday in the city of X": a date
            # between the cue and the place is no adjunct of place
            between = _TIME_ADJUNCT.sub(" ", between)
            # "took the city centre of X", "fled from the center of X": the centre is the
            # city (data/ANNOTATION.md §3)
            between = _CENTRE_OF.sub(" ", between)
            between = _SHARE_OF.sub(" ", between, count=1)
            lead = _LEAD_ITEMS.match(between)
            if lead and not (
                _ADJUNCT.search(lead.group())
                or _REFERENCE.search(lead.group())
                or _ROADS.search(lead.group())
                or _VERBISH.search(lead.group())
            ):
                between = between[lead.end() :]
            # "clashes broke out on the eastern outskirts of X": fighting near X (any cue
            # on the outskirts of X is about its surroundings; only fighting takes the
            # longer phrase as no distance)
            edges = _EDGES_OF.fullmatch(between) is not None
            if _VILLAGES_IN.search(between) and not _area_mention(m):
                # "seized three villages in Idlib": villages lie in the governorate, not in
                # the city of the same name
                m = _governorate_reading(m) or m
            areas = (
                _AREAS_NEAR.fullmatch(between) is not None
                or (edges and trig.rule.relation == "contested")
                or (
                    trig.rule.relation == "contested"
                    and _DIRECTION_AROUND.fullmatch(between) is not None
                )
                or (
                    _AREAS_IN_REGION.fullmatch(between) is not None
                    and not _CLAUSE_BREAK.search(between)
                    and _area_mention(m)
                )
            )
            # "entered the strategic central city of X": the describing words of a kind
            # phrase do not put the place further away than "the city of X"
            counted = _DESCRIBED_KIND.sub("the ", between)
            # "were driven out of the town of X", "arrived in the city of X": the kind phrase
            # names X, it does not put it further from the cue
            counted = _KIND_OF_END.sub(" ", counted)
            # "seized the X depots, located east of Y": a facility at the town Y
            facility = not out and m.start == facility_end and not _area_mention(m)
            if not facility and (
                (_words(counted) > trig.rule.gap + (2 if out else 0) and not (areas or edges))
                or _CLAUSE_BREAK.search(between)
            ):
                break
            if _ROADS.search(between) and not (areas and _AREAS_NEAR.fullmatch(between)):
                # "control of roads leading into the city": not the city ("checkpoints at
                # the entrances of X" are positions near X)
                break
            if areas or edges or facility:
                near.add(m.start)  # "withdrawal from areas near the city"
            elif m.kind_cue in _SITE_CUES and _SITE_IN.fullmatch(between):
                pass  # "withdrew from the airport in X": the site itself (X's airport)
            elif _REFERENCE.search(between) or _ADJUNCT.search(between):
                break  # "held talks in Damascus", "reached an agreement in Homs"
        else:
            if m.start < skip:
                continue  # inside a relative clause between two list items
            if trig.rule.rule == "held_adjective" and _NEW_PREPOSITION.match(between):
                break  # "strikes on the rebel-held city of X and on the towns of Y": Y is
                # no item of the described phrase
            if landmark:
                # "the towns of X and Y southeast of Z, as well as the W airport": the list
                # goes on past its landmark only after a comma and "and" / "as well as"
                if not _AFTER_LANDMARK.match(between):
                    break
                landmark = False
            elif out and _landmark_item(between):
                floor = m.end  # Z: a reference point, no item
                landmark = True
                continue
            # "Hama, along with several nearby villages such as X": the examples of a
            # plural noun continue the list
            between = _SUCH_AS_ITEM.sub(" ", between)
            # "X and, to the south, the towns of Y and Z": a direction set off by commas
            # is an aside inside the list
            between = _DIRECTION_ASIDE.sub(", ", between, count=1)
            # "the X and Y areas on the eastern bank, as well as A and B": an unnamed
            # locative of the item before does not end the list
            between = _UNNAMED_LOCATIVE.sub(", ", between, count=1)
            between = _BORDER_LOCATIVE.sub(", ", between, count=1)
            # "took Daraa, the cradle of the uprising, and the Nassib crossing": the
            # apposition of the item before does not end the list
            between = _LIST_APPOSITION.sub(", ", between, count=1)
            if out and _area_mention(out[-1]) and _AREA_EXAMPLES.fullmatch(between):
                # "seized villages in the western Aleppo countryside on Wednesday, including
                # X and Y": the examples of the plural noun the area locates
                between = ", "
            item = _LIST_LEAD.sub("", between, count=1)
            if _LIST_SEP.match(between.lstrip()) and _FACILITY_NEAR.fullmatch(
                _ITEM_SEP.sub("", between, count=1)
            ):
                # "the 121st Brigade in X and the 7th Division in Y": a facility at Y
                near.add(m.start)
                between = item = _ITEM_SEP.match(between).group()  # type: ignore[union-attr]
            if (
                item != between
                and _area_mention(m)
                and _AREAS_IN_REGION.fullmatch(item) is not None
                and not _CLAUSE_BREAK.search(item)
            ):
                near.add(m.start)  # "took Hama city and large swathes of the rural areas of Idlib"
            elif item != between and _UNNAMED_ITEM_AT.fullmatch(item):
                near.add(m.start)  # "the X airport and an infantry school in Y": at Y
            elif (
                _IN_KIND.search(between)
                or (
                    _IN_CONTAINER.search(between) and _PROVINCE_AFTER.match(text, m.end) is not None
                )
                or _words(_KIND_PHRASE.sub(" ", between)) > 5
                or _CLAUSE_BREAK.search(between)
                or _REFERENCE.search(between)
                or _PARTICIPLE.search(between)
                or _NEW_PREDICATE.search(between)
                or _APPOSITION_TO.search(between)
            ):
                break
            if (
                not _LIST_SEP.search(between)
                and floor != skip  # the comma before the relative clause separates
                and not _container(text, out[-1] if out else m)
            ):
                break
            if out and _OWN_VERB_AFTER.match(text, m.end):
                break  # "captured X and Y remains in government hands": Y is a new subject
        if _container(text, m) and not _part_of_city(text, m):
            # "the Damascus suburb of Harasta": look through the container
            floor = m.end
            first = True
            continue
        if out and out[-1].start in near and _area_mention(m) and _LIST_SEP.search(between):
            near.add(m.start)  # "rural areas of the governorates of Idlib, Hama and Homs"
        elif out and out[-1].start in near and _BARE_SEP.fullmatch(between):
            near.add(m.start)  # "positions in the towns of X, Y and Z": around each of them
        out.append(m)
        if _part_of_city(text, m):
            break  # "seized the Bab Amr area of Homs": Homs only locates the part
        floor = m.end
        first = False
        rel = _LIST_RELATIVE.match(text, m.end, sentence.end)
        if rel:
            # "captured X, which lies near Y and Z, and the town of W": skip the clause
            floor = skip = rel.end()
    return [(m, m.start in near) for m in out]


_LIST_APPOSITION = re.compile(
    r"^\s*,\s+(?:the|a|an)\s+(?:[\w'\u2019-]+\s+){0,7}?[\w'\u2019-]+\s*,\s+"
    r"(?=(?:and|as\s+well\s+as)\s)",
    re.I,
)
_VILLAGES_IN = re.compile(
    r"\b(?:villages|towns|hamlets|settlements|localities|farms)\b[^,;.]{0,30}?\s"
    r"(?:in|across|throughout)\s+(?:the\s+)?$",
    re.I,
)


def _governorate_reading(mention: PlaceMention) -> PlaceMention | None:
    """Return the mention read as the governorate its name also names, if it names one."""
    from dataclasses import replace

    from ..gazetteer import Gazetteer

    gazetteer = Gazetteer.default()
    for pid in mention.candidates:
        if pid in gazetteer and gazetteer.get(pid).kind == "governorate":
            return replace(mention, place_id=pid, kind_cue="governorate")
    return None


# the head and locative of a list item, closed by a comma before "and" / "as well as" ("X
# and Y areas on the eastern bank, as well as Z"): no place is named in it
_UNNAMED_LOCATIVE = re.compile(
    r"^\s*(?:areas?|towns?|villages?|regions?|districts?|pockets?)?\s*"
    r"(?:on|in|along|across|near)\s+the\s+(?:[\w-]+\s+){0,3}?"
    r"(?:bank|side|border|front|frontline|coast|countryside|desert|valley|region|area|"
    r"north|south|east|west|river|euphrates|orontes)s?\s*,\s*(?=(?:and|as\s+well\s+as)\s)",
    re.I,
)
# "the Nassib crossing on the border with Jordan and the towns of Y", "the town of X in the
# west and the village of Y": where the item before lies, comma or not (no place of its own)
_BORDER_LOCATIVE = re.compile(
    r"^\s*(?:(?:on|at|along|near)\s+the\s+(?:[\w-]+\s+)?(?:border|frontier)"
    r"(?:\s+with\s+" + _NEIGHBOURS + r")?|"
    # "the town of X in the west and the village of Y in the north"
    r"(?:in|to)\s+the\s+(?:north|south|east|west)(?:-?(?:east|west))?)"
    r"\s*,?\s*(?=(?:and|as\s+well\s+as)\s)",
    re.I,
)
# a new prepositional phrase after a list item ("... of X and on the towns of Y")
_NEW_PREPOSITION = re.compile(
    r"\s*,?\s*(?:and|or)\s+(?:on|in|at|to|from|into|near|around|toward|towards|against)\s",
    re.I,
)
# an aside of direction inside a list ("X and, further south, Y")
_DIRECTION_ASIDE = re.compile(
    r",\s*(?:(?:further|farther|then|and)\s+)?(?:to\s+the\s+|in\s+the\s+)?"
    r"(?:north|south|east|west)(?:-?(?:east|west))?(?:wards?)?\s*,",
    re.I,
)
# "seized the X weapons depots located east of Y", "stormed the army barracks near Y",
# "took the X warehouses, the largest arms depots in the south, in Y": an unnamed
# facility and where it lies (the town it is at is the place, ``near``)
# the separator before a list item ("X, and the Y depots in Z")
_ITEM_SEP = re.compile(r"\s*(?:,\s*)?(?:(?:and|as\s+well\s+as)\s+)?")
# "the airport in X" where X resolved to X's airport (a site): the site itself
_SITE_CUES = frozenset({"airport", "airbase"})
_SITE_IN = re.compile(
    r"\s*(?:the\s+)?(?:(?:military|international|civilian|main)\s+)?"
    r"(?:airport|air\s*base|airbase|airfield)\s+(?:in|at|near)\s+(?:the\s+city\s+of\s+)?",
    re.I,
)
_FACILITY_NEAR = re.compile(
    r"\s*(?P<head>(?:(?:all\s+)?the\s+|a\s+|an\s+|all\s+|several\s+|two\s+|three\s+)?"
    r"(?:(?:al|el|as|ad|ar|az|ash)-)?(?:(?-i:[A-Z])[\w'\u2019-]*\s+){0,3}"
    # "the 121st Brigade in X", "the 7th Division's base near X": a unit's base
    r"(?:\d+(?:st|nd|rd|th)\s+)?"
    r"(?:(?:military|army|weapons|arms|ammunition|munitions|fuel|main|large|largest|key|"
    r"strategic|major|regime|government|state|security|official|public|artillery|infantry|"
    r"armou?red|tank|police|war|air\s+force|"
    r"air\s+defen[cs]e|naval)\s+){0,3}"
    r"(?:warehouses?|depots?|storehouses?|stockpiles?|arsenals?|barracks|military\s+bases?|"
    r"army\s+bases?|air\s*bases?|airfields?|(?<=military\s)airport|"
    r"(?:(?<=military\s)|(?<=police\s)|(?<=artillery\s)|(?<=infantry\s)|(?<=force\s)|"
    r"(?<=naval\s)|(?<=war\s))(?:academy|college|school)|"
    r"(?:brigade|division|regiment|battalion)(?:['\u2019]s)?(?:\s+(?:base|headquarters|"
    r"barracks|compound))?|"
    # "took over government buildings in X", "the state security branches in X"
    r"(?:(?<=government\s)|(?<=state\s)|(?<=security\s)|(?<=official\s)|(?<=public\s)|"
    r"(?<=regime\s)|(?<=army\s)|(?<=military\s)|(?<=police\s)|(?<=party\s))"
    r"(?:buildings|institutions|offices|headquarters|branches|facilities|compounds)))"
    r"(?:\s*[\u2014\u2013]\s*(?P<dash>[^\u2014\u2013.;:()\"\u201c\u201d]{1,80}?)\s*[\u2014\u2013]\s*"
    r"|\s*,\s*(?P<comma>(?:the|a|an)\s+[^,.;:()\"\u201c\u201d]{1,80}?)\s*,\s*|\s+)"
    r"(?:(?:located|situated|lying)\s+)?"
    r"(?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+of|"
    r"near|outside|close\s+to|in|at)\s+(?:the\s+)?(?:(?:city|town|village)\s+of\s+(?:the\s+)?)?",
    re.I,
)
# every match of _FACILITY_NEAR holds one of these (case-folded): a cheap test first
_FACILITY_NEAR_WORDS = (
    "warehouse", "depot", "storehouse", "stockpile", "arsenal", "barracks", "base",
    "airfield", "airport", "academy", "college", "school", "brigade", "division",
    "regiment", "battalion", "building", "institution", "office", "headquarters", "branch",
    "facilit", "compound",
)  # fmt: skip


def _facility_at(text: str, trig: Trigger, pending: Sequence[PlaceMention], end: int) -> int:
    """Return where the place after an unnamed facility object starts (-1 if none).

    The places inside the facility's description between dashes or commas ("the largest
    depots in southern Syria") are skipped by the caller. A place named inside the
    facility's own words (a site: "the Kweires military base") leaves the rule out.
    """
    tail = folded_for_words(text[trig.end : end])
    if not contains_any(tail, _FACILITY_NEAR_WORDS):
        return -1  # no facility noun: no match
    fm = _FACILITY_NEAR.match(text, trig.end, end)
    if fm is None or any(m.start < fm.end("head") for m in pending):
        return -1
    # "the branches in the city": the descriptor mention starts at its article
    return next((m.start for m in pending if fm.end("head") < m.start < fm.end()), fm.end())


# "seize Aleppo airport, tighten grip on Hama", "took X, advanced on Y", "advanced on X and
# shelled Y": words and a preposition, or a verb, of their own start a new predicate, not the
# next item of the list
# "captured X and Y remains in government hands": a list item with a finite verb of its own
# after it is the subject of a new clause (and a singular verb has only one subject)
_OWN_VERB_AFTER = re.compile(
    r"\s+(?:(?:still|now|also|firmly|reportedly|itself)\s+)?"
    r"(?:remains|remained|remain|is|are|was|were|has|have|had|stays|stayed|lies|lay)\b",
    re.I,
)
_SINGULAR_VERB = re.compile(
    r"\s*(?:(?:still|now|also|firmly|reportedly|itself)\s+)?(?:remains|is|was|has|stays|lies)\b",
    re.I,
)
_NEW_PREDICATE = re.compile(
    r",\s+(?:[a-z][\w-]*\s+){1,3}(?:on|onto|upon|over|against|towards?|to|into|at|near|around)\s+"
    r"(?:the\s+)?$|"
    # "advanced on Hama and shelled Homs": a verb of its own after "and"
    r"\band\s+(?:then\s+)?[a-z]+ed\s+(?:the\s+)?$"
)

# "took Homs, a gateway to the capital", "Hama, the road to Damascus": an apposition
# whose noun points at another place, no item of the list
_APPOSITION_TO = re.compile(
    r",\s+(?:a|an|the|its)\s+(?!(?:[\w-]+\s+)?(?:towns?|city|cities|villages?|districts?|"
    r"neighbou?rhoods?|suburbs?|provinces?|governorates?)\s+of\b)(?:[\w-]+\s+){0,3}?"
    r"(?:to|towards?|into|for|near)\s+(?:the\s+)?$",
    re.I,
)
_CENTRE_OF = re.compile(
    r"\b(?:the\s+)?(?:(?:city|town)\s+)?cent(?:re|er)\s+of\s+(?:the\s+)?(?=\W*$)", re.I
)
# "now control more than 90 per cent of Daraa province", "hold two-thirds of X": a share of
# X is no distance from it (the claim is about X, at the precision of X)
_SHARE_OF = re.compile(
    r"^\s*(?:(?:(?:more|less)\s+than|nearly|almost|about|around|over|roughly|some|"
    r"up\s+to|at\s+least|an\s+estimated)\s+)?(?:\d+(?:[.,]\d+)?\s*(?:per\s*cent|percent|%)|"
    r"half|(?:a|one|two)[\s-]+thirds?|(?:a|one|three)[\s-]+quarters?|the\s+majority|"
    # "controls the entire administrative area of X", "the whole of X"
    r"the\s+(?:entire|whole)(?:\s+(?:administrative\s+)?(?:area|territory|region|"
    r"province|governorate|countryside))?)\s+of\s+",
    re.I,
)
# "X and Y in the suburbs of Z": Z contains the list, it is no item of it
_IN_KIND = re.compile(
    r"\bin\s+(?:the\s+)?(?:[\w-]+\s+)?(?:suburbs?|outskirts|countryside|province|"
    r"governorate|district|region|area)\s+of\s+(?:the\s+)?$",
    re.I,
)
# a reference phrase right before a name ("southeast of", "near"), nothing else between
_LANDMARK_GAP = re.compile(
    r"^\s*(?:(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|"
    r"north-west|south-east|south-west)(?:ern|ward)?\s+of|near|close\s+to|outside)"
    r"\s+(?:the\s+)?(?:(?:city|town|village)\s+of\s+)?$",
    re.I,
)
_AFTER_LANDMARK = re.compile(r"^\s*,\s*(?:and|as\s+well\s+as)\s|^\s*as\s+well\s+as\s", re.I)


def _landmark_item(between: str) -> bool:
    """Whether the gap before a name makes it a landmark of the list before it."""
    return _LANDMARK_GAP.match(between) is not None


# "south of X, which is under army control", "near X, now held by the SDF": a relative
# or appositive state after a landmark is about the landmark (or the area around it)
_STATE_RELATIVE = re.compile(
    r"\s*,\s*(?P<kind>(?:a|an|the)\s+(?:(?:key|strategic|small|large|major|nearby|border|"
    r"provincial|northern|southern|eastern|western|central)\s+){0,2}(?:town|city|village|"
    r"district|suburb|neighbou?rhood|provincial\s+capital|capital)\s+)?"
    r"(?:(?:which|that)\s+)?(?:(?:is|has\s+(?:long\s+)?been)\s+)?(?:now\s+|still\s+)?$",
    re.I,
)
# a relative or reduced relative of a passive right after a landmark ("from X, which was
# seized by", "from X, seized by")
_PASSIVE_RELATIVE = re.compile(
    r"\s*,\s*(?:(?:which|that)\s+(?:(?:was|had\s+been|has\s+been)\s+)?)?"
    r"(?:(?:\w+ly|only|just|later|then|also)\s+)?",
    re.I,
)
# a plural noun before the landmark's preposition: the relative may be about it
_PLURAL_BEFORE = re.compile(
    r"\b(?:villages|towns|cities|areas|positions|neighbou?rhoods|districts|bases|hamlets|"
    r"settlements|localities|posts|checkpoints|suburbs)\s+(?:[\w-]+\s+){0,2}$",
    re.I,
)
_RELATIVE_WORD = re.compile(r"\b(?:which|that|now|still)\b", re.I)
_PLURAL_STATE = re.compile(r"(?:are|were|remain|have)\b", re.I)
_DIRECTION_OF = re.compile(
    r"\b(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern|ward)?"
    r"\s+of\s+(?:the\s+)?(?:(?:city|town|village)\s+of\s+)?$",
    re.I,
)


def _state_of_landmark(
    text: str, trig: Trigger, mention: PlaceMention, between: str
) -> tuple[PlaceMention, bool] | None:
    """Return the place a state cue in a relative or apposition after a landmark is about.

    "Battles rage near X, which is under army control", "fighting around X, now held by the
    SDF": X is a reference point of the main clause but the subject of the state. After a
    compass direction ("south of X, which is under army control") the relative may be about
    the area south of X: the claim goes to X's governorate, in part (``near``), which is
    true on either reading. None when the cue is no state or its verb is plural ("villages
    near X, which are held by ...": the villages).
    """
    if (
        trig.rule.voice == "passive"
        and trig.rule.relation == "captured"
        and _PASSIVE_RELATIVE.fullmatch(between)
        and not _PLURAL_BEFORE.search(text, max(0, mention.start - 40), mention.start)
        and not _DIRECTION_OF.search(text, max(0, mention.start - 40), mention.start)
    ):
        # "people fled from X, (which was) seized by the SNA on Sunday": the relative's
        # antecedent was taken (not "villages near X, seized by": the villages)
        return (mention, False)
    state = _STATE_RELATIVE.fullmatch(between)
    if trig.rule.relation != "controls" or state is None:
        return None
    if _PLURAL_STATE.match(text, trig.start):
        return None
    # "near X, a town held by the rebels": the kind noun's reduced relative is X's state
    if not state.group("kind") and not _RELATIVE_WORD.search(
        between + text[trig.start : trig.start + 12]
    ):
        return None  # a bare apposition ("towards X, the militants' stronghold"): not here
    return _landmark_or_area(text, mention)


def _landmark_or_area(text: str, mention: PlaceMention) -> tuple[PlaceMention, bool] | None:
    """Return a landmark as the place of its relative clause's state, or its governorate.

    After a compass direction ("south of X, which ...") the relative may be about the area
    around X: X's governorate in part (``near``).
    """
    if not _DIRECTION_OF.search(text, max(0, mention.start - 40), mention.start):
        return (mention, False)
    from ..gazetteer import Gazetteer

    gazetteer = Gazetteer.default()
    if mention.place_id not in gazetteer:
        return None
    place = gazetteer.get(mention.place_id)
    if not place.admin1_id or place.admin1_id == place.place_id:
        return None
    area = replace(mention, place_id=place.admin1_id, candidates=(place.admin1_id,), kind_cue="")
    return (area, True)


def _inside_insertion(
    text: str, sentence: Sentence, m: PlaceMention, mentions: Sequence[PlaceMention], ceiling: int
) -> bool:
    """Whether ``m`` stands inside an insertion set off by commas after an earlier place.

    "X, in northern Y province, was captured by ...", "X, the oasis town east of Y, fell
    to ...": the insertion ends before ``ceiling`` (the cue); Y only locates X.
    """
    for host in mentions:
        if host.end > m.start:
            continue
        inserted = _INSERTED.match(text, host.end, sentence.end)
        if inserted and inserted.start() < m.start and m.end < inserted.end() <= ceiling:
            return True
    return False


def _targets_before(
    text: str, sentence: Sentence, trig: Trigger, mentions: Sequence[PlaceMention]
) -> list[tuple[PlaceMention, bool]]:
    out: list[PlaceMention] = []
    ceiling = trig.start
    for m in sorted((m for m in mentions if m.end <= trig.start), key=lambda m: -m.start):
        between = text[m.end : ceiling]
        if not out and _inside_insertion(text, sentence, m, mentions, ceiling):
            continue  # "X, in northern Y province, was captured": Y only locates X
        if not out:
            # "the T4 air base, west of the city, was abandoned": after the site's kind word
            tail = _SITE_KIND_TAIL.match(text, m.end, ceiling) if m.kind_cue else None
            inserted = _INSERTED.match(text, tail.end() if tail else m.end, sentence.end)
            if inserted and inserted.end() <= ceiling and not any(q in between for q in '\u201c"'):
                # "X, where Hezbollah once had bases, was seized by": the inserted relative
                # or apposition does not count towards the gap
                between = text[inserted.end() : ceiling]
            else:
                road = _ROAD_TAIL.match(text, m.end, sentence.end)
                if road and road.end() <= ceiling:
                    between = text[road.end() : ceiling]
            if trig.rule.relation == "controls" and _ONE_OF.fullmatch(between):
                # "X has been one of the few cities completely under government control":
                # the class X belongs to does not count towards the gap
                between = " "
            if _words(between) > trig.rule.gap:
                break
            if trig.rule.voice == "state" and _MOVED_TO.search(between):
                break  # "people of X moved out to areas under Kurdish control": not X
            clause = _CLAUSE_BREAK.search(between)
            if (
                clause
                and clause.group(0) not in (",",)
                and not _SUBJECT_RELATIVE.fullmatch(between)
            ):
                break  # "X and Y, both of which are held by Z": the relative's antecedents
            if _is_reference(text, sentence, m, sentence.start):
                landmark = _state_of_landmark(text, trig, m, between)
                if landmark is not None:
                    return [landmark]  # "near X, which is under army control"
                continue
            inside = _IN_CONTAINER.search(text, max(sentence.start, m.start - 8), m.start)
            if inside is not None and _PROVINCE_AFTER.match(text, m.end):
                # "X, Y and Z in Homs province have been evacuated": the province contains
                # the places the cue is about
                ceiling = inside.start()
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
                and not _KIND_ITEM.fullmatch(between)
                or not _LIST_SEP.search(between)
                or _CLAUSE_BREAK.search(between)
                # "X and Y remains under government control": one subject
                or _SINGULAR_VERB.match(text, out[0].end)
            ):
                break
        out.append(m)
        ceiling = m.start
    return [(m, False) for m in out]


# "X was under rebel control, along with Y and Z": the list goes on after the state
_ALONG_WITH = re.compile(
    r"\s*,?\s*(?:(?:along|together)\s+with|as\s+well\s+as|,\s*in\s+addition\s+to)\b",
    re.I,
)


_IN_APPOSITION = re.compile(r",\s*(?:a|an)\s+(?:[\w'\u2019-]+\s+){1,4}$", re.I)
_AGENT_GAP = re.compile(r"\s*(?:the\s+)?", re.I)
# "In addition to X, rebels seized Y", "Besides X and Z, ...": a fronted list of places the
# main clause's claim also covers
_FRONTED_ALSO = re.compile(
    r"\s*(?:in\s+addition\s+to|besides|along\s+with|together\s+with|as\s+well\s+as)\s+",
    re.I,
)


def fronted_companions(
    text: str, sentence: Sentence, trig: Trigger, mentions: Sequence[PlaceMention]
) -> list[tuple[PlaceMention, bool]]:
    """Return the places of a fronted "In addition to X, ..." before the sentence's cue.

    Only places named (in a list) between the fronted phrase and its comma count ("In
    addition to X and Y, rebels also took Z": X and Y); the comma must come before the
    cue, with no other comma or clause break between.
    """
    m = _FRONTED_ALSO.match(text, sentence.start, trig.start)
    if m is None:
        return []
    comma = text.find(",", m.end(), trig.start)
    if comma < 0 or _CLAUSE_BREAK.search(text, comma + 1, trig.start):
        return []
    items = sorted(
        (p for p in mentions if m.end() <= p.start and p.end <= comma), key=lambda p: p.start
    )
    out: list[PlaceMention] = []
    floor = m.end()
    for p in items:
        gap = text[floor : p.start]
        if out and not _LIST_SEP.search(gap):
            return []
        if _words(_KIND_PHRASE.sub(" ", _LIST_LEAD.sub("", gap, count=1))) > 2:
            return []  # "In addition to weapons depots in X": not X itself
        out.append(p)
        floor = p.end
    if not out or text[floor:comma].strip(" ')\u2019s"):
        return []
    return [(p, False) for p in out]


# "Several villages fell to the rebels, including X and Y": a plural place noun is the
# subject of the cue and the examples after it are the places
_PLURAL_SUBJECT = re.compile(
    r"\b(?:villages|towns|cities|areas|localities|neighbou?rhoods|districts|suburbs|"
    r"settlements|hamlets|positions|sites|airports|airbases|bases|installations)"
    r"(?:\s+(?:and|or)\s+(?:[\w-]+\s+)?[\w-]+)?"
    r"(?:\s+(?:have|has|had|were|was|are|is|been|now|also|quickly|reportedly|all|both|"
    r"since|already))*\s+$",
    re.I,
)
_EXAMPLES = re.compile(r"\s*,?\s*" + _EXAMPLE_WORDS + r"\b", re.I)


def companions_after(
    text: str,
    sentence: Sentence,
    trig: Trigger,
    mentions: Sequence[PlaceMention],
    blockers: Sequence[tuple[int, int]] = (),
) -> list[tuple[PlaceMention, bool]]:
    """Return the places listed after a cue whose place stands before it.

    "By Saturday, X was under rebel control, along with Y", "X fell to the rebels,
    together with Y and Z": Y and Z share the claim. Read like the places after a cue
    (:func:`_targets_after`), so "along with much of the south" or "along with weapons
    depots" add nothing. After a plural place noun as the subject ("Several villages fell
    to the rebels, including Y and Z") the examples are the places.
    """
    if _IN_APPOSITION.search(text, max(sentence.start, trig.start - 60), trig.start):
        # "captured X, a town held for years by the SDF, as well as Y": the list belongs to
        # the verb before the apposition, not to the hold inside it
        return []
    pos = trig.end
    for _ in range(3):
        # "X fell to the rebels on Thursday, along with Y": past the agent and the time
        time = _TIME_ADJUNCT.match(text, pos, sentence.end)
        if time and time.end() > pos:
            pos = time.end()
            continue
        agent = next(
            (b for a, b in blockers if a >= pos and _AGENT_GAP.fullmatch(text, pos, a)), None
        )
        if agent is None:
            break
        pos = agent
    m = _ALONG_WITH.match(text, pos, sentence.end)
    if m is None and _PLURAL_SUBJECT.search(text, sentence.start, trig.start):
        m = _EXAMPLES.match(text, pos, sentence.end)
    if m is None:
        return []
    cue = Trigger(trig.rule, m.end(), m.end(), trig.negated, trig.failed)
    return _targets_after(text, sentence, cue, mentions, blockers)


# "took control of about 20 sites, ranging from villages and army posts, in the western
# Idlib countryside", "seized wide areas of eastern rural Aleppo", "the three main oilfields
# in the province": an unnamed part of a governorate the cue is about (region precision)
_LIST_LEAD = re.compile(
    r"^\s*(?:(?:city|town|village|province|governorate|countryside)\s*)?"
    r"(?:,\s*(?:(?:and|or)\s+)?|\s*\b(?:and|or|as\s+well\s+as)\s+)",
    re.I,
)
_AREA_WORDS = (
    r"(?:(?:\w+ly|the|a|an|about|around|some|roughly|nearly|almost|over|more\s+than|at\s+least|"
    r"dozens\s+of|dozen|several|many|most|much|all|a\s+number\s+of|large|vast|wide|big|huge|key|"
    r"a\s+(?:string|series|handful|cluster|couple|chain)\s+of|"
    # "most of the towns of the X countryside": a share of the area's towns
    r"(?:most|many|some|all|much|parts?|the\s+bulk|the\s+rest)\s+of|"
    r"strategic|important|main|rural|more|new|\d+|two|three|four|five|six|seven|eight|nine|"
    r"ten|twenty|a\s+few|(?:north|south|east|west)(?:ern)?|other)\s+){0,5}"
)
_AREA_NOUNS = (
    r"(?:areas?|swathes?|swaths?|parts?|chunks?|towns?|villages?|sites?|positions?|points?|"
    r"hamlets?|settlements?|locations?|territory|territories|oil\s*fields?|gas\s*fields?|"
    r"fields?|farms?|localities|communities|regions?)"
)
# "swathes of the rural areas of", "villages in the countryside of": the area word names
# the part, the countryside the whole
# "32 villages and areas in X", "towns, villages and farms in X": coordinated area nouns
_AREA_NP = (
    _AREA_WORDS
    + r"(?:"
    + _AREA_NOUNS
    + r"\s*,\s+){0,3}(?:"
    + _AREA_NOUNS
    + r"\s*,?\s+(?:and|or)\s+"
    + _AREA_WORDS
    + r")?"
    + _AREA_NOUNS
)
_WHOLE_NP = _AREA_WORDS + r"(?:" + _AREA_NOUNS[3:-1] + r"|countryside|rural\s+areas?)"
_AREAS_IN_REGION = re.compile(
    r"\s*" + _AREA_NP + r"(?:\s+(?:of|in|across|throughout)\s+" + _WHOLE_NP + r")?"
    r"(?:\s*,\s*(?:ranging\s+from|including|mostly|mainly|among\s+them)\s+[\w\s,'\u2019-]{1,80}?"
    r"(?<![,\s])\s*,?)?"
    # "rural areas west of X", "the countryside around X": the area word and its whole
    r"\s+(?:in|of|across|throughout|on|along|around|surrounding|"
    r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)\s+of)"
    r"\s+(?:the\s+)?(?:(?:\w+ly\s+)?(?:important|strategic|key|vital|restive|neighbou?ring|"
    r"nearby)\s+)?(?:(?:north|south|east|west)(?:ern)?\s+|"
    r"(?:north|south)-?(?:east|west)(?:ern)?\s+)?(?:rural\s+)?(?:(?:governorates?|provinces?)"
    r"\s+of\s+(?:the\s+)?)?",
    re.I,
)


# "the Syrian Army's 46th Regiment base": an owner's possessive right before the place
_OWNER_OF_PLACE = re.compile(r"['\u2019]s\s+")
# an actor word that only qualifies sites ("military points", "army posts") starts no clause
_HOLDER_NOUN = re.compile(
    r"\s+(?:strongholds?|bastions?|heartlands?|enclaves?)\s+(?:(?:of|in)\s+)?", re.I
)
_MODIFIER_OF_SITES = re.compile(
    r"\s+(?:points?|posts?|positions?|outposts?|checkpoints?|barracks|depots?|warehouses?|"
    r"bases?|headquarters|buildings?|institutions?|offices?|branch(?:es)?|facilities|"
    r"compounds?)\b",
    re.I,
)


AREA_KINDS = frozenset({"governorate", "district", "subdistrict"})
"""Kinds of place that are administrative areas (data/ANNOTATION.md §3: region precision)."""


def place_kind(mention: PlaceMention) -> str:
    """Return the gazetteer kind of the place a mention is resolved to."""
    from ..gazetteer import Gazetteer

    return Gazetteer.default().get(mention.place_id).kind


_AREAS_AND_REGIONS = AREA_KINDS | {"region"}


def _area_mention(mention: PlaceMention) -> bool:
    """Whether a mention names a governorate, district or region."""
    return place_kind(mention) in _AREAS_AND_REGIONS


_SUCH_AS = re.compile(
    # "captured the following towns: X, Y and Z", "took three villages: X, Y and Z"
    r"\b(?:the\s+)?(?:following|\d+|two|three|four|five|six|seven|eight|nine|ten|several|"
    r"dozens\s+of|a\s+number\s+of)\s+(?:[\w-]+\s+){0,2}?(?:locations|areas|towns|villages|"
    r"cities|positions|sites|places|points|localities|neighbou?rhoods|districts|hamlets)"
    r"\s*:\s*$|"
    r"(?:\b(?:the\s+)?(?:\w+\s+){0,4}?(?:locations|areas|towns|villages|cities|positions|"
    r"sites|places|points|territory|territories|swathes|chunks|parts|outposts|posts|bases|"
    r"checkpoints)(?:\s+of\s+territory)?"
    # "the towns of the eastern bank, including X": where the plural noun's places lie
    r"(?:\s+(?:of|in|on|along|across)\s+the\s+(?:[\w'\u2019-]+\s+){0,2}?"
    r"(?:bank|north|south|east|west|north-?east|north-?west|south-?east|south-?west|"
    r"countryside|border|coast|valley|desert|plain|front|frontline|region|area)|"
    # "areas in northern and eastern Syria, including X": the part of the country they lie in
    r"\s+in\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?Syria)?"
    # "seized several villages on Wednesday, including X": a time between noun and examples
    r"(?:\s+(?:on|late|early)\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day|\s+overnight)?"
    r"\s*,?\s*)?\b(?:such\s+as|including|like|(?:that|which)\s+includes?)(?:\s+(?:at|in)(?=\s))?"
    # "including the strategic city of X": the kind phrase of the example
    r"(?:\s+(?:the\s+)?(?:(?:strategic|key|nearby|major|main|important)\s+)?"
    r"(?:towns?|city|cities|villages?|districts?|areas?)\s+of"
    # "including Syria's second city X": a descriptor in apposition
    r"|\s+(?:Syria['\u2019]s|the\s+country['\u2019]s|the)\s+"
    r"(?:second|third|fourth|largest|biggest|second-largest|third-largest|second-biggest)\s+"
    r"(?:largest\s+|biggest\s+)?city)?\s*$",
    re.I,
)
# "the X airport and an infantry school in Y": an unnamed list item located at Y
_UNNAMED_ITEM_AT = re.compile(
    r"(?:an?|the)\s+(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*\s+(?:in|at|near|outside)\s+(?:the\s+)?",
)
_AREA_EXAMPLES = re.compile(
    r"\s*(?:(?:['\u2019]s\s+)?(?:countryside|province|governorate|region|area|rural\s+areas)\s*)?"
    r"(?:(?:on|late|early)\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day\s*)?,?\s*"
    r"(?:including|such\s+as)\s+(?:the\s+)?(?:(?:towns?|villages?|cities|city)\s+of\s+)?",
    re.I,
)
_SUCH_AS_ITEM = re.compile(
    r"\b(?:(?:several|some|many|other|a\s+few|a\s+number\s+of|dozens\s+of|the|\d+|two|three|"
    r"four|five)\s+)?(?:(?:nearby|surrounding|neighbou?ring|adjacent|small|key|strategic)\s+)?"
    r"(?:towns|villages|areas|localities|hamlets|neighbou?rhoods|districts|suburbs)"
    r"(?:\s+(?:nearby|around\s+it|in\s+the\s+area))?\s*,?\s*(?:such\s+as|including|like)\s*$",
    re.I,
)
# "seized 32 villages from the army on Monday, including": the plural noun, then the side
# the places were taken from (and a time), then the examples (_SUCH_AS reads those)
_TAKEN_FROM = re.compile(
    r"\s*(?:[\w'\u2019-]+\s+){0,3}?(?:villages|towns|areas|cities|positions|sites|localities|"
    r"neighbou?rhoods|districts|locations|settlements|hamlets)"
    r"(?P<from>\s+from\s+(?:the\s+)?(?:[\w'\u2019-]+\s+){0,3}?(?:forces|troops|army|regime|"
    r"government|fighters|militias|militants|rebels|insurgents|groups|factions|[A-Z]{2,5})"
    r"(?:\s+(?:on|last|earlier|this)\s+(?:[\w-]+\s*){1,2}?)?)"
    r"(?=\s*,?\s*" + _EXAMPLE_WORDS + r"\b)"
)
# "entered the 17th Division, the town of X": one or two short items (bases, sites) before
# the place in a list whose place has its kind phrase; their words do not count to the gap
_LEAD_ITEMS = re.compile(
    r"^\s*(?:(?:the|a|an|its|their)\s+)?(?:[\w'\u2019-]+\s+){0,2}[\w'\u2019-]+"
    r"(?:\s*,\s*(?:(?:the|a|an)\s+)?(?:[\w'\u2019-]+\s+){0,2}[\w'\u2019-]+)?"
    r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)"
    r"(?=(?:the\s+)?(?:(?:nearby|strategic|key|small|large)\s+)?"
    r"(?:towns?|city|cities|villages?|districts?|neighbou?rhoods?|suburbs?)\s+of\s*$)",
    re.I,
)
# a verb or clause word in what looks like a list item: no list ("took part and the town of")
_VERBISH = re.compile(
    r"\b(?:\w+ed|\w+ing|is|are|was|were|has|have|had|which|that|who|where|part|control)\b",
    re.I,
)
_ROADS = re.compile(
    r"\b(?:roads?|routes?|highways?|access|supply\s+lines?|entrances?|approaches|"
    r"corridors?)\b",
    re.I,
)
# "Tal Rifaat and nearby villages in Aleppo province": the province contains them, it is
# no list item ("positions in Quneitra" is: a place, not a province)
_IN_CONTAINER = re.compile(r"\bin\s+(?:the\s+)?$", re.I)
_PROVINCE_AFTER = re.compile(r"\s+(?:province|governorate|countryside|region)\b", re.I)
_MOVED_TO = re.compile(
    r"\b(?:out|to|into|towards?)\s+(?:the\s+)?(?:[\w-]+\s+)?(?:areas?|regions?|parts?)\b", re.I
)
# ", where Hezbollah once had a base,", ", a city of a million people," between a place and
# the cue after it (no clause break of its own inside)
_INSERTED = re.compile(
    r"\s*,\s*(?:which|where|whose|once|long|now|home\s+to|a|an|the|in|on|near|along|outside|"
    # "X, held by the SDF since 2016, fell": a participle's clause
    r"(?:held|controlled|run|occupied|seized|captured|taken|besieged|encircled)\s+by|"
    # "the coastal cities of X and Y, heartland of Assad's minority, fall to": a bare noun
    r"(?-i:(?!(?:and|or|but|while|as|after|before|when|then|with|who)\b)[a-z][\w'\u2019-]*)|"
    r"close\s+to|(?:just|some|about|around)\s+(?=\d|\w+\s+(?:km|kilomet|mile))|"
    r"(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?)\s[^,;:.()]{1,120}?,\s*"
    r"(?=(?:[\w-]+\s+){0,3}?(?:was|were|has|had|have|is|are|fell|falls?|fallen|remains?|remained)\b)",
    re.I,
)
# "the towns of X and Y on the main road north of it were taken": a locative phrase on a
# road after the subject, with no commas, before the verb
_ROAD_TAIL = re.compile(
    r"\s+(?:on|along|off|astride)\s+the\s+(?:[\w'\u2019-]+\s+){0,3}?"
    r"(?:road|highway|motorway|route)\b"
    r"(?:\s+(?:(?:north|south|east|west)(?:-?(?:east|west))?\s+of|to|from|into|out\s+of)\s+"
    r"(?:it|them|the\s+(?:city|town|capital)|"
    r"(?-i:[A-Z])[\w'\u2019-]*(?:\s+(?-i:[A-Z])[\w'\u2019-]*)?))?"
    r"(?=\s+(?:[\w-]+\s+){0,2}?(?:was|were|has|had|have|is|are|fell|falls?|remains?|remained)\b)",
    re.I,
)
_ONE_OF = re.compile(
    r"\s+(?:is|was|has\s+been|had\s+been|remains|remained)\s+(?:now\s+|still\s+)?one\s+of\s+"
    r"(?:the\s+|syria['\u2019]s\s+|the\s+country['\u2019]s\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:towns|cities|villages|areas|places|provincial\s+capitals|regions|districts|"
    r"neighbou?rhoods|strongholds)\s+(?:(?:that|which)\s+(?:(?:are|were|remain|remained)\s+)?)?"
    r"(?:(?:still|completely|entirely|fully|firmly)\s+)?",
    re.I,
)
_SUBJECT_RELATIVE = re.compile(
    # "the X and Y neighbourhoods, which remain ...": the kind noun of the antecedent
    r"(?:\s+(?:neighbou?rhoods?|districts?|quarters?|towns?|villages?|areas?|suburbs?))?"
    r"\s*,\s*(?:(?:both|all|each|most|some|two|three|four|five|several) of\s+)?"
    r"(?:which|that)\s*(?:had\s+(?:long\s+|since\s+)?been\s+|"
    # "X, which has stayed in government hands": a lasting hold (not "had remained")
    r"(?:has|have)\s+(?:long\s+|since\s+|always\s+)?(?:(?:been|remained|stayed)\s+)?|"
    r"(?:remains|remained|stays|stayed)\s+)?",
    re.I,
)


# kind words of a list item do not count towards the gap ("X and the nearby town of Y",
# "the village of X and parts of the town of Y")
_TIME_ADJUNCT = re.compile(
    r"\s*,?\s*\b(?:(?:on|late|early)\s+)+(?:mon|tues|wednes|thurs|fri|satur|sun)day"
    r"(?:\s+(?:morning|afternoon|evening|night))?\b\s*,?",
    re.I,
)
_KIND_OF_END = re.compile(
    r"\b(?:the|a|an)\s+(?:city|town|village|district|suburb|neighbou?rhood|province|"
    r"governorate|region)\s+of\s*$",
    re.I,
)
_DESCRIBED_KIND = re.compile(
    r"\b(?:the|a|an)\s+(?:[\w'\u2019-]+\s+){1,3}?"
    r"(?=(?:city|town|village|district|suburb|neighbou?rhood|province|region)\s+of\s*$)",
    re.I,
)
# "Hama and the central town of Rastan are ...", "Homs and the southern cities of Daraa
# and Sweida are ...": a list item's kind phrase, describing words included, between two
# places of a list before the cue (its words do not count towards the gap)
_KIND_ITEM = re.compile(
    r"\s*(?:,\s*(?:and\s+|or\s+)?|(?:and|or)\s+)(?:the|a)\s+(?:[\w'\u2019-]+\s+){0,3}?"
    r"(?:towns?|city|cities|villages?|districts?|suburbs?|neighbou?rhoods?|provinces?)\s+of\s*",
    re.I,
)
_KIND_PHRASE = re.compile(
    r"^\s*(?:area|region|city|town|district|countryside)\b|"
    r"\b(?:(?:the|a)\s+)?(?:(?:nearby|neighbou?ring|adjacent|strategic|key|small|large)\s+)?"
    # "the Druze-majority settlement of X": a hyphenated modifier of the kind
    r"(?:[\w'\u2019]+-[\w-]+\s+)?"
    r"(?:towns?|city|cities|villages?|areas?|districts?|suburbs?|neighbou?rhoods?|"
    r"settlements?|hamlets?|localit(?:y|ies))\s+of\b|"
    r"\b(?:(?:some|large|small)\s+)?parts?\s+of\b|\b(?:much|most)\s+of\b",
    re.I,
)
_PARTICIPLE = re.compile(r",\s*(?:\w+ly\s+)?(?!including\b)\w+ing\b", re.I)
_LIST_RELATIVE = re.compile(
    r"\s*,\s*(?:which|who|where)\b[^,;:.()]{0,120},(?=\s*(?:and|or|as well as)\s|"
    # "the town of X, which lies near Y, the village of Z": the next item's kind phrase
    r"\s*the\s+(?:towns?|city|cities|villages?|districts?|neighbou?rhoods?|suburbs?)\s+of\s)",
    re.I,
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


def _site_it_target(
    text: str, sentence: Sentence, trig: Trigger, places: Sequence[PlaceMention]
) -> list[tuple[PlaceMention, bool]]:
    """Resolve "it" to the facility the sentence named last before the cue.

    "shows a military airbase after fighters captured it": with no claim before, "it" is
    the site mention right before the cue (no other place between).
    """
    if not re.match(r"\s*it\b", text[trig.end : trig.end + 6], re.I):
        return []
    earlier = [p for p in places if sentence.start <= p.start and p.end <= trig.start]
    if earlier and earlier[-1].place_id.startswith("s:"):
        return [(earlier[-1], False)]
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
_THERE = re.compile(
    r"\bthere(?=\s*(?:[,.;]|$))|\b(?:in|from) (?:that|this|the) (?:area|region)\b", re.I
)
# every match of _THERE holds one of these (case-folded): a cheap test first
_THERE_WORDS = ("there", "area", "region")


def _says_there(sentence_text: str) -> bool:
    """Whether a sentence says "there" or "in that area" (:data:`_THERE`)."""
    folded = folded_for_words(sentence_text)
    return any(word in folded for word in _THERE_WORDS) and _THERE.search(sentence_text) is not None


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


_ITS_FORCES = (
    r"\s*(?:(?:its|their|his|the)\s+(?:[\w-]+\s+)?(?:forces|troops|units|fighters|soldiers|"
    r"personnel|men)\s+)?"
)
_THE_AREA = re.compile(
    _ITS_FORCES + r"(?:from\s+|of\s+)?(?:the|this|that)\s+(?:area|region|vicinity)\b"
    r"(?!\s*(?:of|around|near|between|north|south|east|west|where|which|that)\b)",
    re.I,
)
_THESE_AREAS = re.compile(
    _ITS_FORCES + r"(?:from\s+|of\s+)?(?:these|those|both|the\s+two|the\s+three)\s+"
    r"(?:areas|towns|cities|villages|places|locations|regions|provinces)\b"
    r"(?!\s*(?:of|around|near|between|north|south|east|west|where|which|that)\b)",
    re.I,
)


def _area_target(
    text: str, trig: Trigger, claims: Sequence[Claim]
) -> list[tuple[PlaceMention, bool]]:
    """Resolve "the area" and "these areas" after a withdrawal cue to places just claimed.

    "X fell to rebels after the SDF withdrew from the area": the place of the sentence's
    previous claim; "Rebels took X and Y, and the army withdrew from these areas": every
    place of the previous cue in this sentence. "These areas" of the sentence before are
    :func:`syriamap.extract.lists.plural_anaphor`'s (after any cue).
    """
    if trig.rule.relation != "withdrew":
        return []
    if _THE_AREA.match(text, trig.end):
        taken = claims and claims[-1].relation in HOLDING
        return [(claims[-1].mention, False)] if taken else []
    if not _THESE_AREAS.match(text, trig.end):
        return []
    if claims:
        last = claims[-1].trigger
        return [(c.mention, False) for c in claims if c.trigger == last]
    return []


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
    if _EDGE_OF.search(text, max(sentence.start, earlier[-1].start - 30), earlier[-1].start):
        return []  # "the camp on the southern edge of X, which ...": X is a landmark
    if _is_reference(text, sentence, earlier[-1], sentence.start):
        if trig.rule.relation != "controls" or rel.group(0).lower() == "where":
            return []  # "clashes near X, which rebels captured": X is a landmark
        # "advanced towards X, which government forces still hold": the hold is X's
        landmark = _landmark_or_area(text, earlier[-1])
        return [landmark] if landmark is not None else []
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
    ends = re.search(r"\b(in|inside|from)\s*$", text[trig.start : trig.end], re.I)
    if ends is not None:
        # "an offensive against regime forces in | that area", "withdrew from | the area"
        tail = ends.group(1) + " " + tail.lstrip()
    m = _THERE.search(tail)
    if m is None or _CLAUSE_BREAK.search(tail[: m.start()]) or _words(tail[: m.start()]) > 6:
        return []
    earlier = [p for p in places if p.end <= trig.start]
    if earlier:
        return [(earlier[-1], False)]
    return [(focus, False)] if focus is not None else []


# "In X, local factions seized the intelligence branch and the central prison": a place
# opening the sentence, and an object that is a facility or a part of it (no place of its own)
_FRONTED_IN = re.compile(r"\s*(?:In|Inside|At)\s+(?:the\s+(?:(?:city|town)\s+of\s+)?)?$")
_FACILITY_OBJECT = re.compile(
    r"\s*(?:control\s+(?:of|over)\s+)?"
    r"(?:the\s+|a\s+|several\s+|two\s+|three\s+|all\s+|their\s+|its\s+)?"
    r"(?:[\w-]+\s+){0,3}?"
    r"(?:prisons?|jails?|barracks|headquarters|branch|branches|section|sections|"
    r"compounds?|police\s+stations?|depots?|warehouses?|military\s+bases?|"
    r"government\s+buildings|security\s+buildings|neighbou?rhoods?|districts|"
    # "At the X crossing, border guards abandoned their posts", "In X, Druze groups seized
    # the governorate building and the police command"
    r"posts|positions|checkpoints|(?:governorate|municipal|government)\s+building|"
    r"police\s+command|security\s+squares?|"
    # "In X, rebels have taken over the municipality / the governor's office"
    r"municipality|town\s+hall|city\s+hall|governor['\u2019]s\s+(?:office|palace|residence))\b",
    re.I,
)


def _fronted_target(
    text: str,
    sentence: Sentence,
    trig: Trigger,
    places: Sequence[PlaceMention],
    *,
    passive: bool = False,
) -> list[tuple[PlaceMention, bool]]:
    """Return the place an opening "In X," sets for a facility object ("near").

    "In X, local factions seized the intelligence branch and the central prison": the
    facilities are at X (data/ANNOTATION.md: a facility at a town is ``near``). Only a
    town or city (not a province), and only when the rest of the sentence names no place
    and its object is a facility word ("seized 20 soldiers" is no claim). With
    ``passive``, the facility is the subject before the cue ("In X, the governor's office
    was occupied by ...").
    """
    first = [
        p
        for p in places
        if sentence.start <= p.start < trig.start
        # "At the Jousieh crossing with Lebanon, ...": the crossing's other side
        and not re.search(r"(?:crossing|frontier)\s+with\s+$", text[max(0, p.start - 20) : p.start])
    ]
    # "In Qamishli and al-Hasakah, the SDF took control of the security squares": two
    # towns coordinated by "and" (or a comma) open the sentence as one
    if not first or len(first) > 3 or any(_area_mention(p) for p in first):
        return []
    if any(
        not _PAIR_JOIN.fullmatch(text, a.end, b.start)
        for a, b in zip(first, first[1:], strict=False)
    ):
        return []
    place = first[-1]
    if not _FRONTED_IN.fullmatch(text, sentence.start, first[0].start):
        return []
    after = _WITH_NEIGHBOUR.match(text, place.end)
    if not re.match(r"\s*,", text[after.end() if after else place.end :][:3]):
        return []
    named = {f.place_id for f in first}
    if any(
        p.start >= trig.end and p.place_id not in named for p in places if p.start < sentence.end
    ):
        return []  # (only "the city" standing for X itself may follow)
    if passive:
        comma = text.index(",", place.end)
        subject = _FACILITY_OBJECT.match(text, comma + 1, trig.start)
        if subject is None or not _PASSIVE_TAIL.fullmatch(text, subject.end(), trig.start):
            return []
    elif not _FACILITY_OBJECT.match(text, trig.end, sentence.end):
        return []
    return [(p, True) for p in first]


# between a facility subject and its passive cue: auxiliaries and adverbs only
_PASSIVE_TAIL = re.compile(r"(?:\s+(?:in\s+the\s+city|[\w-]+ly|also|then|now))*\s*")


_PAIR_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)", re.I)
