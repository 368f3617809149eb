"""Resolution of place mentions in document context.

Stage: context. Each mention's candidates are ranked with these signals, in order:

1. **kind cues** around the name: "Daraa province", "the province of X", "X countryside"
   (governorate), "Deraa City", "the city of X" (city), "the town of X" (town or city),
   "X district" (district), "X region" (governorate, else district); a plural kind word
   before a list passes its cue to every item ("the coastal provinces of Latakia and
   Tartus"), and so does a coordinated province ("Daraa province and positions in
   Quneitra"); with a cue, :meth:`Gazetteer.resolve` is asked for that kind, so spellings
   that only the phonetic key links ("Sanamayn" → As-Sanamayn district) are found;
2. **suburb cues**: "Damascus suburb(s)", "Damascus countryside", "outskirts of Damascus"
   prefer candidates in Rif Dimashq;
3. **proximity**: candidates close to the other unambiguous places of the article score
   higher (a village name shared by several places in Syria);
4. **prominence**: the gazetteer's own ranking (kind and population); a bare name that is
   both a city and a governorate means the city.

Descriptors are also turned into mentions (``coref=True``): "the capital", "the Syrian
capital", "Syria's capital" → Damascus; "Syria's second/third/fourth(-largest) city" →
Aleppo/Homs/Hama; "the city", "the town", "the village", "the province",
"the provincial capital", "the base", "the airport" → the place of that kind named most often
in the four sentences before (the latest on a tie), never one named only as a landmark ("100
km from Damascus") or inside a road's name ("the Aleppo-Damascus highway"), else the place of
the same descriptor resolved in that window when it had no rival ("the city ... the city"
over a long passage); "the province"
with no province named → the governorate of the latest place named; "the surrounding
countryside", "its eastern countryside" → the governorate of the place named before it in
the sentence.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import lru_cache
from typing import Any

from .._geo import great_circle_km
from .mentions import PlaceMention
from .prefilter import folded_for_words
from .sentences import Sentence

__all__ = ["find_descriptors", "kind_cue", "resolve_mentions"]

# the adjectives and kind words of a facility a place owns ("Hama's military airport",
# "the city's international airport", "its historic citadel")
_OWNED_ADJECTIVES = (
    r"(?:(?:main|key|strategic|historic|ancient|old|famous|notorious|nearby|sprawling|"
    r"military|international|civilian|civil|central|border|naval|hydroelectric)\s+){0,3}"
)
_OWNED_FACILITY = r"air\s*base|airbase|airport|airfield|dam|crossing|prison|jail|citadel"
_AFTER_CUE = re.compile(
    r"[\s]*(?:\(\w+\)\s*)?(province|provinces|governorate|countryside|region|city|town|"
    r"village|district|subdistrict|suburbs?|area|"
    # facilities and city districts: "Kweires military airfield", "Tishrin dam"
    r"(?:(?:military|international|civilian|main|border|central)\s+)*"
    r"(?:air\s*base|airbase|airport|airfield|dam|crossing|prison|jail|checkpoint|"
    r"neighbou?rhoods?|quarter)|"
    # "the Nasib border post": a border crossing
    r"border\s+(?:post|point|gate)|"
    # a facility the place owns: "Hama's military airport", "Aleppo's historic citadel"
    r"['\u2019]s?\s+" + _OWNED_ADJECTIVES + r"(?:" + _OWNED_FACILITY + r"))\b",
    re.I,
)
_BEFORE_CUE = re.compile(
    r"\b(province|governorate|city|town|village|district|countryside|suburbs?|"
    r"provinces|governorates|cities|towns|villages|districts|neighbou?rhoods?|quarters?)"
    r"(?:\s+of|,?\s+including|,?\s+such as|\s+like|,)?\s+"
    r"(?:[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)?(?:,\s*(?:and\s+)?|,?\s+and\s+))*$",
)
# "the loss of Daraa province and military positions in Quneitra": coordinated with a
# named province, Quneitra is read as a province too
# "the military airport of Hama", "the prison of Saydnaya", "the naval base in Tartus":
# the facility of that place
_FACILITY_BEFORE = re.compile(
    r"\b(air\s*base|airbase|airport|airfield|crossing|prison|dam|citadel|(?<=naval )base)"
    r"\s+(?:of|in|at)\s+$",
    re.I,
)
# "Hama's northern countryside", "Daraa's rural areas", "the Aleppo and Idlib countryside",
# "the Hama and Idlib fronts", "the Latakia mountains": the governorate, not the city
_DIRECTION = r"(?:(?:north|south|east|west|central)(?:ern)?|(?:north|south)-?(?:east|west)(?:ern)?)"
_GOVERNORATE_AFTER = re.compile(
    r"(?:\s+and\s+[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)?)?"
    r"(?:['\u2019]s\s+(?:" + _DIRECTION + r"\s+)?(?:and\s+" + _DIRECTION + r"\s+)?"
    r"(?:countryside|rural\s+areas?|hinterland)\b"
    r"|\s+(?:countryside|provinces|governorates|fronts?|mountains|hinterland)\b"
    r"|\s+(?:" + _DIRECTION + r"\s+)?(?:and\s+" + _DIRECTION + r"\s+)?countryside\b)",
)
# "eastern rural Aleppo", "rural Idlib", "the western Aleppo countryside" (a direction
# before the name, countryside after it is matched by _GOVERNORATE_AFTER)
_RURAL_BEFORE = re.compile(r"\b(?i:rural)\s+$")
# "the countryside around Hama and Idlib", "rural areas west of Aleppo": the governorate
_NAME_ITEM = r"[A-Z][\w'\u2019-]*(?:[\s-]+[A-Z][\w'\u2019-]*)?(?:\s*,\s*(?:and\s+)?|,?\s+and\s+)"
_COUNTRYSIDE_OF = re.compile(
    r"\b(?i:countryside|rural\s+areas?)\s+(?i:of|around|surrounding|"
    r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+of)"
    r"\s+(?:the\s+)?(?:" + _NAME_ITEM + r"){0,3}$"
)
# "several villages in western Idlib", "reinforcements to northern Hama": a compass part of
# a bare name is a part of the governorate (a city's own parts take "eastern neighbourhoods
# of", "the east of the city"); "central" is left out ("central Aleppo" is the city centre)
_DIRECTION_PART_BEFORE = re.compile(
    r"\b(?i:in|into|to|across|throughout|of|over)\s+(?:the\s+)?"
    r"(?i:northern|southern|eastern|western|north-?western|north-?eastern|south-?western|"
    r"south-?eastern)\s+(?:(?i:rural)\s+)?(?:" + _NAME_ITEM + r"){0,2}$"
)
_COORDINATED_CUE = re.compile(
    r"\b(province|governorate|countryside)\s+and\s+(?:[\w-]+\s+){0,4}$", re.I
)
_CUE_KIND = {
    "province": "governorate",
    "provinces": "governorate",
    "governorate": "governorate",
    "governorates": "governorate",
    "countryside": "governorate",
    "region": "region",
    "city": "city",
    "cities": "city",
    "town": "town",
    "towns": "town",
    "village": "village",
    "villages": "village",
    "district": "district",
    "districts": "district",
    "subdistrict": "subdistrict",
    "suburb": "suburb",
    "suburbs": "suburb",
    "area": "",
    "airbase": "airbase",
    "airport": "airport",
    "airfield": "airbase",
    "dam": "dam",
    "crossing": "crossing",
    "prison": "prison",
    "jail": "prison",
    "citadel": "citadel",
    "checkpoint": "checkpoint",
    "base": "base",
    "neighbourhood": "neighbourhood",
    "neighborhood": "neighbourhood",
    "neighbourhoods": "neighbourhood",
    "neighborhoods": "neighbourhood",
    "quarter": "neighbourhood",
    "quarters": "neighbourhood",
}
#: Cues that name a site of data/sites.csv, and the kinds each may mean.
_SITE_CUES: dict[str, tuple[str, ...]] = {
    "airbase": ("airbase", "airport"),
    "airport": ("airport", "airbase"),
    "dam": ("dam",),
    "crossing": ("crossing",),
    "prison": ("prison",),
    "citadel": ("site",),
    "checkpoint": ("checkpoint",),
    "base": ("base",),
    "neighbourhood": ("neighbourhood",),
}


def _cue_of(phrase: str) -> str:
    """Return the cue of a matched kind phrase ("military airfield" → "airbase")."""
    word = re.sub(r"\s+", " ", phrase.lower()).split(" ")[-1]
    if phrase.lower().replace(" ", "").endswith("airbase"):
        word = "airbase"
    if re.fullmatch(r"border\s+(?:post|point|gate)", phrase.strip(), re.I):
        word = "crossing"
    return _CUE_KIND.get(word, "")


_SUBURB_BEFORE = re.compile(
    r"\b(?:suburbs?|outskirts|countryside|environs|outside)\s+of\s+(?:the\s+)?$|"
    r"\bdamascus\s+(?:suburbs?|countryside)\s+of\s+$",
    re.I,
)
_CAPITAL = re.compile(
    r"\b(?:the|Syria['\u2019]s)\s+(?:(?:syrian|country['\u2019]s|nation['\u2019]s)\s+)?capital\b(?!\s+of\b)",
    re.I,
)
# "the city center of X", "the city limits of X": the part of a place named right after
_PART_OF_NAMED = re.compile(
    r"\s+(?:cent(?:er|re)|heart|limits|outskirts|suburbs|streets|gates|edge)\s+of\s+(?:the\s+)?",
    re.I,
)
# "Syria's second-largest city", "the country's third city", "the second-biggest city of
# the country": the rank the press gives Aleppo, Homs and Hama (by population)
_RANKED_CITY = re.compile(
    r"\b(?:(?:Syria|the\s+country|the\s+nation)['\u2019]s\s+(?P<a>second|third|fourth)"
    r"(?:[-\s](?:largest|biggest|most[-\s]populous))?\s+city\b(?!\s+of\b)|"
    r"the\s+(?P<b>second|third|fourth)[-\s](?:largest|biggest|most[-\s]populous)\s+city\s+"
    r"(?:of|in)\s+(?:the\s+country|Syria)\b)",
    re.I,
)
# "the buffer zone (in the Golan Heights)", "the demilitarised buffer zone", "the buffer
# zone with Syria": the UN-patrolled Area of Separation (data/regions.csv
# golan-buffer-zone); the qualifier names it, and a bare "buffer zone" only where the
# sentence names Israel and either Syria or the document the Golan, Quneitra, Mount Hermon
# or UNDOF (other "buffer zones" are Turkey's in the north, Idlib's demilitarised zone of
# 2018, Israel's in Lebanon or Gaza)
_BUFFER_ZONE = re.compile(
    r"\b(?:the\s+|a\s+)?(?:(?:UN|U\.N\.|United\s+Nations)[-\s](?:patrolled|monitored|"
    r"controlled|administered)\s+|demilitari[sz]ed\s+|Golan\s+)?buffer\s+zone\b"
    r"(?P<named>\s+(?:(?:in|on|of|along)\s+(?:the\s+)?(?:occupied\s+)?Golan(?:\s+Heights)?|"
    r"(?:with|between)\s+(?:Israel|Syria)(?:\s+and\s+(?:Israel|Syria))?))?",
    re.I,
)
_BUFFER_ZONE_ID = "r:golan-buffer-zone"
_GOLAN_CONTEXT = re.compile(r"\b(?:Golan|Quneitra|Kuneitra|Qunaytirah|Hermon|UNDOF)\b", re.I)
_ISRAEL_HERE = re.compile(r"\b(?:Israel|Israeli|IDF)\b", re.I)
_SYRIA_HERE = re.compile(r"\bSyria(?:n)?\b", re.I)
_RANK_CAPITAL = {"second": "SY-HL", "third": "SY-HI", "fourth": "SY-HM"}
"""The governorate whose capital is the city of that rank (Aleppo, Homs, Hama)."""
_THE_CITY = re.compile(
    r"\b(?:the|this|that)\s+(?:(?!(?:city|town|village|province|governorate|provincial|the|a|an)\b)"
    # "the northern Syrian city": a direction or other adjective, then "Syrian"
    r"(?P<adj>[\w-]+)\s+)?(?:Syrian\s+(?=city|town))?(?P<kind>city|town|village|province|governorate|provincial\s+(?:capital|cent(?:er|re))|"
    r"air\s*base|airbase|airport|airfield|base|crossing|dam|prison|"
    # "the border checkpoint", "the checkpoint on the Syrian side": a border crossing
    r"border\s+(?:checkpoint|post)|checkpoint(?=\s+on\s+the\s+\w+\s+side\b))\b(?!\s+of\b)"
    r"(?!['\u2019]s\s+(?:residents|people))"
    # "the governorate building", "the city council": an institution, not the place
    r"(?!\s+(?:building|buildings|headquarters|office|offices|palace|council|hall|compound|"
    r"complex|branch|administration|authorities)\b)",
    re.I,
)


# a plural province word after a coordinated list of names gives its kind to every item:
# "in Aleppo and Idlib provinces", "the Aleppo, Hama and Idlib countryside"
_SHARED_AFTER = re.compile(
    r"(?:\s*,\s*[A-Z][\w'\u2019-]*(?:[\s-]+[A-Z][\w'\u2019-]*)?)*\s*,?\s+and\s+"
    r"[A-Z][\w'\u2019-]*(?:[\s-]+(?:(?:al|el|ar|as|ad|az|ash|ez|ed)[\s-]+)?[A-Z][\w'\u2019-]*)?"
    r"\s+(?i:provinces|governorates|countryside|countrysides|provincial\s+countryside)\b"
)


# words without which the patterns before a name cannot match (in the window case-folded
# with folded_for_words; _BEFORE_CUE is case-sensitive and is tested on the window itself)
_SUBURB_WORDS = ("suburb", "outskirts", "countryside", "environs", "outside")
_FACILITY_WORDS = ("air", "crossing", "prison", "dam", "base", "citadel")
_BEFORE_WORDS = ("province", "governorate", "city", "cities", "town", "village", "district",
                 "countryside", "suburb", "neighbo", "quarter")  # fmt: skip
_COORDINATED_WORDS = ("province", "governorate", "countryside")
_THE_CITY_WORDS = ("city", "town", "village", "province", "governorate", "provincial", "air",
                   "base", "crossing", "dam", "prison", "checkpoint", "post")  # fmt: skip


def _has(text: str, words: tuple[str, ...]) -> bool:
    return any(word in text for word in words)


def kind_cue(text: str, start: int, end: int) -> str:
    """Return the kind the words around ``text[start:end]`` suggest ("" when none).

    Examples
    --------
    >>> t = "the loss of southern Daraa province"
    >>> kind_cue(t, 21, 26)
    'governorate'
    >>> t = "the coastal provinces of Latakia and Tartus"
    >>> kind_cue(t, 37, 43)
    'governorate'
    >>> t = "gains in Aleppo and Idlib provinces"
    >>> kind_cue(t, 9, 15)
    'governorate'
    """
    after = _AFTER_CUE.match(text, end, min(len(text), end + 40))
    if after:
        return _cue_of(after.group(1))
    if _GOVERNORATE_AFTER.match(text, end, min(len(text), end + 60)):
        return "governorate"
    if _SHARED_AFTER.match(text, end, min(len(text), end + 80)):
        return "governorate"  # "Aleppo and Idlib provinces": each is a province
    window = text[max(0, start - 80) : start]
    # each pattern below needs one of its words in the window (a cheap test first)
    low = folded_for_words(window)
    rural = "rural" in low
    if (rural and _RURAL_BEFORE.search(window)) or (
        (rural or "countryside" in low) and _COUNTRYSIDE_OF.search(window)
    ):
        return "governorate"  # "rural Idlib", "the western countryside of Hama"
    if _has(low, _SUBURB_WORDS) and _SUBURB_BEFORE.search(window):
        return "suburb"
    facility = _has(low, _FACILITY_WORDS) and _FACILITY_BEFORE.search(window)
    if facility:
        return _cue_of(facility.group(1))
    before = _has(window, _BEFORE_WORDS) and _BEFORE_CUE.search(window)  # case-sensitive
    if before:
        return _cue_of(before.group(1))
    coordinated = _has(low, _COORDINATED_WORDS) and _COORDINATED_CUE.search(window)
    if coordinated:
        return _CUE_KIND[coordinated.group(1).lower()]
    return ""


def _direction_part(text: str, start: int, end: int) -> bool:
    """Whether a bare name is a compass part of an area ("in western Idlib").

    >>> t = "villages in western Idlib"
    >>> _direction_part(t, 20, 25), _direction_part("in western Idlib city", 11, 16)
    (True, False)
    """
    window = text[max(0, start - 40) : start]
    if "ern" not in folded_for_words(window):  # every compass adjective of the pattern has it
        return False
    return bool(_DIRECTION_PART_BEFORE.search(window)) and not _CITY_AFTER.match(text, end)


# "in eastern Aleppo city", "western Homs's neighbourhoods": the city's own part
_CITY_AFTER = re.compile(r"(?:['\u2019]s)?\s+(?i:city|neighbou?rhoods?|districts?|quarters?)\b")
_AND_NAME = re.compile(r"\s+and\s+[A-Z]")
_COUNTRYSIDE_AFTER = re.compile(
    r"(?:['\u2019]s)?\s+(?:" + _DIRECTION + r"\s+)?(?:countryside|rural\s+areas?|hinterland)\b",
    re.I,
)


def _countryside(text: str, start: int, end: int) -> bool:
    """Whether a name is qualified as countryside ("rural Damascus", "Damascus countryside")."""
    return bool(
        _COUNTRYSIDE_AFTER.match(text, end, min(len(text), end + 40))
        or _RURAL_BEFORE.search(text[max(0, start - 20) : start])
        or _COUNTRYSIDE_OF.search(text[max(0, start - 30) : start])
    )


def _descriptor(start: int, words: str, place_id: str) -> PlaceMention:
    """Return the mention of a descriptor naming one place ("the capital")."""
    return PlaceMention(
        start, start + len(words), words, (place_id,), place_id=place_id, score=0.85, coref=True
    )


def find_descriptors(
    text: str, sentences: Sequence[Sentence], mentions: Sequence[PlaceMention], gazetteer: Any
) -> list[PlaceMention]:
    """Turn "the capital", "the city", "the province", "the airport" ... into mentions.

    A kind descriptor ("the city", "the town", "the village", "the province", "the
    provincial capital", "the base", "the airport") stands for the most recently named place
    of that kind in the same paragraph, at most three sentences back; places named only as
    landmarks ("100 km from Damascus", "north of Homs") or inside a road's name ("the
    Aleppo-Damascus highway", "the M5 linking Aleppo and Damascus") are skipped. The other
    places of the right kind in that window follow in ``candidates``, most recent first, so
    that the pipeline can prefer the place of the previous claim. With no place of its kind
    named in the window, the descriptor takes the place of the same descriptor resolved in
    the window with a single candidate (score 0.55): a passage that keeps saying "the city"
    keeps meaning the city it started with.
    """
    out: list[PlaceMention] = []
    capital = gazetteer.capitals().get("SY-DI")
    capitals = gazetteer.capitals()
    resolved = [m for m in mentions if m.place_id and not m.outside]
    starts = [m.start for m in resolved]
    chain: list[tuple[int, str, tuple[str, ...]]] = []  # resolved kind descriptors
    # "the strategic city of X": a town the article itself calls a city is one for "the city"
    called_city = frozenset(m.place_id for m in resolved if m.kind_cue == "city")
    golan: bool | None = None  # whether the document names the Golan (asked when needed)
    for sentence in sentences:
        low = folded_for_words(sentence.text)  # each pattern needs one of its words
        for m in _CAPITAL.finditer(sentence.text) if "capital" in low else ():
            if capital is None:
                break
            out.append(_descriptor(sentence.start + m.start(), m.group(0), capital.place_id))
        for m in _BUFFER_ZONE.finditer(sentence.text) if "buffer" in low else ():
            a = sentence.start + m.start()
            words = m.group(0)[: (m.start("named") if m.group("named") else m.end()) - m.start()]
            if any(r.start < a + len(words) and a < r.end for r in resolved):
                continue  # the gazetteer named it already ("the UN-patrolled buffer zone")
            if golan is None and _ISRAEL_HERE.search(sentence.text):
                golan = _GOLAN_CONTEXT.search(text) is not None  # the document, once
            named = m.group("named") or (
                _ISRAEL_HERE.search(sentence.text) and (golan or _SYRIA_HERE.search(sentence.text))
            )
            if named and gazetteer.get(_BUFFER_ZONE_ID) is not None:
                out.append(_descriptor(a, words, _BUFFER_ZONE_ID))
        for m in _RANKED_CITY.finditer(sentence.text) if "city" in low else ():
            city = capitals.get(_RANK_CAPITAL[(m.group("a") or m.group("b")).lower()])
            if city is None:
                continue
            out.append(_descriptor(sentence.start + m.start(), m.group(0), city.place_id))
        for m in _THE_CITY.finditer(sentence.text) if _has(low, _THE_CITY_WORDS) else ():
            a = sentence.start + m.start()
            word = re.sub(r"\s+", " ", m.group("kind").lower())
            word = {
                "air base": "airbase",
                "airfield": "airbase",
                "provincial capital": "provincial",
                "provincial center": "provincial",
                "provincial centre": "provincial",
                "border checkpoint": "crossing",
                "border post": "crossing",
                "checkpoint": "crossing",  # only "the checkpoint on the X side" matches
            }.get(word, word)
            if word in ("city", "town") and (m.group("adj") or "").lower() in (
                "eponymous",
                "namesake",
            ):
                word = "provincial"  # "Daraa province, including the eponymous city"
            b = a + len(m.group(0))
            k = bisect.bisect_left(starts, b)
            if k < len(starts) and re.fullmatch(r",?\s*", text[b : starts[k]]):
                continue  # "the provincial capital, Daraa": the name follows
            if k < len(starts) and _PART_OF_NAMED.fullmatch(text, b, starts[k]):
                continue  # "the city center of Hama", "the town's outskirts of": named
            window_start = sentences[max(0, sentence.index - _WINDOW)].start
            lo = bisect.bisect_left(starts, window_start)
            hi = bisect.bisect_left(starts, a)
            counts: dict[str, int] = {}
            last: dict[str, int] = {}
            here: set[str] = set()  # what the places named earlier in this sentence give
            named_city: set[str] = set()  # of those, the ones named "X city", "the city of X"
            for r in resolved[lo:hi]:
                place_id = _descriptor_target(text, r, word, gazetteer, capitals, called_city)
                if place_id:
                    counts[place_id] = counts.get(place_id, 0) + 1
                    last[place_id] = r.start
                if r.start >= sentence.start:
                    here.add(place_id)
                    if place_id and r.kind_cue == "city":
                        named_city.add(place_id)
            if word == "city" and len(here) > 1 and len(named_city) == 1:
                # "abandoned Dayr al-Zawr city and al-Bukamal, and the SDF moved into the
                # city": the one place the sentence itself calls a city
                here = named_city
            # the sentence named one place before, of the right kind ("they entered
            # Damascus, while the army withdrew from the city"): that place; else the most
            # talked-about place of the right kind, the latest on a tie
            ranked = (
                sorted(here)
                if len(here) == 1 and "" not in here
                else sorted(counts, key=lambda pid: (counts[pid], last[pid]), reverse=True)
            )
            if word in ("city", "town") and _direction_of(m.group("adj")):
                # "the northern Syrian city": only the one place of that kind that lies
                # in that part of the country; two candidates there make no claim
                fits = [
                    pid
                    for pid in ranked
                    if _lies(gazetteer.get(pid), _direction_of(m.group("adj")))
                ]
                ranked = fits if len(fits) == 1 else []
                if not ranked:
                    continue
            score = 0.6
            if not ranked and word in _FACILITY_KINDS:
                # "Rebels entered Hama ... the military airport": the one facility of
                # that kind of the latest place named before it (a guess: lower score)
                kinds = _FACILITY_KINDS[word]
                if re.search(r"\b(?:international|civil(?:ian)?)\s", m.group(0), re.I):
                    kinds = ("airport",)  # "the international airport" is no airbase
                # "Syria's second-largest city ..., including the international airport":
                # a capital or ranked city named by description counts as named
                named = sorted(
                    [*resolved[lo:hi], *(d for d in out if window_start <= d.start < a)],
                    key=lambda x: x.start,
                )
                site = _facility_of_context(text, named, kinds, gazetteer)
                if site is not None:
                    ranked, score = [site.place_id], 0.5
            if word == "city" and _CENTRE_AFTER.match(sentence.text, m.end()):
                # "an operation in Daraa province ... recaptured the city center": the
                # capital of the province named before, in this sentence first
                # (data/ANNOTATION.md: the city centre is the city)
                own = bisect.bisect_left(starts, sentence.start)
                seat = _seat_before(text, resolved[own:hi], gazetteer, capitals)
                if seat or not ranked:
                    seat = seat or _seat_before(text, resolved[lo:own], gazetteer, capitals)
                    ranked = [seat] if seat else ranked
            if not ranked and word in ("province", "governorate"):
                # "Rebels took Deir Ezzor ... the oilfields in the province": the province
                # of the latest place named (a guess: lower score)
                gov = _governorate_of_context(text, resolved[lo:hi], gazetteer)
                if gov is not None:
                    ranked, score = [gov.place_id], 0.5
            if not ranked:
                # "Rebels took X. ... the city ... the city": the same descriptor resolved
                # in the window, with no other place of its kind named since
                earlier = _chained(chain, word, window_start, a)
                if earlier is not None:
                    ranked, score = [earlier], _CHAIN_SCORE
            if not ranked:
                continue
            owned = _OWNED_AFTER.match(sentence.text, m.end())
            if owned is not None:
                # "the city's international airport": the city's airport, or nothing (the
                # city itself is not what the sentence is about)
                site = _owned_site(ranked[0], owned, gazetteer)
                if site is not None and word in ("city", "town"):
                    words = m.group(0) + owned.group(0)
                    out.append(_descriptor(a, words, site.place_id))
                continue
            out.append(
                PlaceMention(
                    a,
                    b,
                    m.group(0),
                    tuple(ranked),
                    place_id=ranked[0],
                    score=score,
                    coref=True,
                )
            )
            chain.append((a, word, tuple(ranked)))
        for m in _ITS_FACILITY.finditer(sentence.text) if "its" in low else ():
            # "Rebels took most of Aleppo, including its international airport": the one
            # facility of that kind of the latest place named before it, in the window
            a = sentence.start + m.start()
            window_start = sentences[max(0, sentence.index - 1)].start
            named = sorted(
                [
                    *resolved[
                        bisect.bisect_left(starts, window_start) : bisect.bisect_left(starts, a)
                    ],
                    *(
                        d
                        for d in out
                        if window_start <= d.start < a and not d.text.startswith("its")
                    ),
                ],
                key=lambda x: x.start,
            )
            if not named:
                continue
            place = gazetteer.get(named[-1].place_id)
            if place.source == "site" or _in_road_name(text, named[-1]):
                continue
            site = _owned_site(place.place_id, m, gazetteer)
            if site is not None:
                out.append(_descriptor(a, m.group(0), site.place_id))
        for m in _A_FACILITY.finditer(sentence.text) if "air" in low else ():
            # "shows a military airbase after fighters captured it, near the city of X":
            # the one facility of that kind of the place the sentence puts it near
            a = sentence.start + m.start()
            k = bisect.bisect_left(starts, sentence.start + m.end())
            if k >= len(starts) or resolved[k].end > sentence.end:
                continue
            if not _NEAR_GAP.fullmatch(text, sentence.start + m.end(), starts[k]):
                continue
            site = _facility_of_context(
                text, resolved[k : k + 1], ("airbase", "airport"), gazetteer
            )
            if site is None:
                continue
            out.append(_descriptor(a, m.group(0), site.place_id))
        hinterland = any(word in low for word in _HINTERLAND_WORDS)
        for m in _ITS_COUNTRYSIDE.finditer(sentence.text) if hinterland else ():
            # "the city of X and the surrounding countryside", "X along with its eastern
            # countryside": the governorate of the place named just before, in the sentence
            a = sentence.start + m.start()
            lo = bisect.bisect_left(starts, max(sentence.start, a - 80))
            hi = bisect.bisect_left(starts, a)
            gov = _governorate_of_context(text, resolved[lo:hi], gazetteer, countryside=True)
            if gov is None:
                continue
            out.append(
                PlaceMention(
                    a,
                    sentence.start + m.end(),
                    m.group(0),
                    (gov.place_id,),
                    place_id=gov.place_id,
                    kind_cue="governorate",
                    score=0.6,
                    coref=True,
                )
            )
    return out


# rough bounds of the parts of Syria a reporter's direction word names (lat, lon): loose,
# so that a place is dropped only when it clearly lies elsewhere
_PARTS: dict[str, Callable[[float, float], bool]] = {
    "northern": lambda lat, lon: lat >= 35.0,
    "southern": lambda lat, lon: lat <= 34.0,
    "eastern": lambda lat, lon: lon >= 38.3,
    "western": lambda lat, lon: lon <= 37.3,
    "central": lambda lat, lon: 34.0 <= lat <= 35.6 and lon <= 39.0,
    "coastal": lambda lat, lon: lon <= 36.3,
}


def _direction_of(adjective: str | None) -> tuple[str, ...]:
    """Return the parts of Syria a direction adjective names ("north-eastern" -> two)."""
    if not adjective:
        return ()
    low = adjective.lower().replace("-", "")
    for compound in ("northeastern", "northwestern", "southeastern", "southwestern"):
        if low == compound:
            return (compound[:5] + "ern", compound[5:])
    return (low,) if low in _PARTS else ()


def _lies(place: Any, parts: tuple[str, ...]) -> bool:
    """Whether ``place`` lies in every part of Syria of ``parts``."""
    lat, lon = getattr(place, "lat", None), getattr(place, "lon", None)
    if lat is None or lon is None:
        return False
    return all(_PARTS[part](lat, lon) for part in parts)


def _seat_before(
    text: str, before: Sequence[PlaceMention], gazetteer: Any, capitals: dict[str, Any]
) -> str:
    """Return the provincial capital the latest mention of ``before`` stands for ("")."""
    for r in reversed(before):
        seat = _descriptor_target(text, r, "provincial", gazetteer, capitals)
        if seat:
            return seat
    return ""


_CENTRE_AFTER = re.compile(r"\s+cent(?:er|re)\b", re.I)
_ITS_COUNTRYSIDE = re.compile(
    r"\b(?:the\s+(?:surrounding|nearby|adjacent|neighbou?ring)\s+|"
    r"(?:its|their)\s+(?:" + _DIRECTION + r"\s+)?(?:and\s+" + _DIRECTION + r"\s+)?)"
    r"(?:countryside|rural\s+areas|hinterland)\b",
    re.I,
)
# every match of _ITS_COUNTRYSIDE has one of these (in the case-folded sentence)
_HINTERLAND_WORDS = ("countryside", "rural", "hinterland")


def _governorate_of_context(
    text: str, before: Sequence[PlaceMention], gazetteer: Any, *, countryside: bool = False
) -> Any:
    """Return the governorate of the latest place named in ``before`` (not a landmark).

    ``countryside``: the descriptor is a countryside ("its countryside"), which for
    Damascus is Rif Dimashq.
    """
    for mention in reversed(before):
        if _in_road_name(text, mention) or (not countryside and _landmark(text, mention)):
            continue  # "withdrew from Damascus and its countryside": from is no landmark here
        place = gazetteer.get(mention.place_id)
        if not place.admin1_iso or place.outside_syria:
            return None
        if place.kind == "governorate" and not countryside:
            return place
        # "Damascus and its countryside": Rif Dimashq, not the capital's own governorate
        iso = "SY-RD" if countryside and place.admin1_iso == "SY-DI" else place.admin1_iso
        govs = [g for g in gazetteer.governorates() if g.admin1_iso == iso]
        return govs[0] if govs else None
    return None


def _chained(
    chain: Sequence[tuple[int, str, tuple[str, ...]]], word: str, lo: int, hi: int
) -> str | None:
    """Return the place of the latest same descriptor between ``lo`` and ``hi``, if certain.

    Parameters
    ----------
    chain
        ``(start, word, candidates)`` of the kind descriptors resolved so far, in order.
    word
        The descriptor's kind word ("city", "town", "provincial").
    lo, hi
        The window: the descriptor looked for must start in it.

    Returns
    -------
    str or None
        The place id of the latest descriptor of the same word in the window when it had
        one candidate only (no other place of that kind was in play); else None.
    """
    for start, other, candidates in reversed(chain):
        if start < lo:
            return None
        if start < hi and other == word:
            return candidates[0] if len(candidates) == 1 else None
    return None


_CHAIN_SCORE = 0.55
"""Score of a descriptor resolved through an earlier one ("the city ... the city")."""
_WINDOW = 4
"""How many sentences back a descriptor looks for its antecedent (paragraphs of news
pages are often single sentences, so the window is not cut at a paragraph break)."""
_DESCRIPTOR_KINDS = {
    "city": ("city",),
    "town": ("town", "city"),
    "village": ("village", "town"),
    "province": ("governorate",),
    "governorate": ("governorate",),
}
_FACILITY_AFTER = re.compile(
    r"\s+(?:(?:military|international|civilian|main)\s+)?(airport|air\s*base|airbase|"
    r"airfield|military\s+base|base)\b",
    re.I,
)
_FACILITY_NAME = re.compile(r"\b(airport|air\s*base|airbase|airfield|base)\b", re.I)


# "a Syrian military airbase ... near the central city of X": an unnamed airbase and the
# place the same sentence puts it near (no other place between)
_A_FACILITY = re.compile(
    r"\b(?:a|an)\s+(?:(?:Syrian|government|regime|military|key|major|strategic)\s+){0,3}"
    r"(?:air\s*base|airbase|airfield|military\s+airport)\b",
    re.I,
)
_NEAR_GAP = re.compile(
    r"[^.;:!?()\"\u201c\u201d]{0,80}?\bnear\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:(?:city|town)\s+of\s+)?",
    re.I,
)


_FACILITY_KINDS: dict[str, tuple[str, ...]] = {
    "airport": ("airport", "airbase"),
    "airbase": ("airbase", "airport"),
    "base": ("base", "airbase"),
    "crossing": ("crossing",),
    "dam": ("dam",),
    "prison": ("prison",),
    "citadel": ("site",),
}
# "its international airport", "the city's historic citadel": the facility of the place
# named before (for "the city's", of the place "the city" stands for)
_ITS_FACILITY = re.compile(
    r"\bits\s+" + _OWNED_ADJECTIVES + r"(?P<kind>" + _OWNED_FACILITY + r")\b(?!\s+of\b)", re.I
)
_OWNED_AFTER = re.compile(
    r"['\u2019]s?\s+" + _OWNED_ADJECTIVES + r"(?P<kind>" + _OWNED_FACILITY + r")\b(?!\s+of\b)",
    re.I,
)


def _owned_site(place_id: str, owned: re.Match[str], gazetteer: Any) -> Any:
    """Return the one site of a place a possessive facility phrase names, or None.

    ``owned`` is a match of :data:`_OWNED_AFTER` or :data:`_ITS_FACILITY`. "the city's
    international airport": the place's airport (not its airbase); "its historic citadel":
    the place's site called a citadel.
    """
    word = _cue_of(owned.group("kind"))  # "air base" → "airbase", "jail" → "prison"
    kinds = _FACILITY_KINDS[word]
    words = owned.group(0)
    if word == "airport" and re.search(r"\b(?:international|civil(?:ian)?)\s", words, re.I):
        kinds = ("airport",)  # "the international airport" is no airbase
    sites = gazetteer.sites_of(place_id, kinds)
    if word == "citadel":
        sites = [p for p in sites if "citadel" in p.name.lower()]
    return sites[0] if len(sites) == 1 else None


def _facility_of_context(
    text: str, before: Sequence[PlaceMention], kinds: tuple[str, ...], gazetteer: Any
) -> Any:
    """Return the only site of the descriptor's kind of the latest place named before it."""
    for mention in reversed(before):
        if _in_road_name(text, mention):
            continue
        place = gazetteer.get(mention.place_id)
        if place.source == "site":
            continue
        sites = gazetteer.sites_of(place.place_id, kinds)
        return sites[0] if len(sites) == 1 else None
    return None


def _descriptor_target(
    text: str,
    mention: PlaceMention,
    word: str,
    gazetteer: Any,
    capitals: dict[str, Any],
    called_city: frozenset[str] = frozenset(),
) -> str:
    """Return the place a descriptor ``word`` means if ``mention`` is its antecedent.

    ``called_city``: places the article names as "the city of X" (a gazetteer town then
    counts as a city for "the city").
    """
    if _landmark(text, mention) or _in_road_name(text, mention):
        return ""
    place = gazetteer.get(mention.place_id)
    if word in _FACILITY_KINDS and place.source == "site":
        # "the Tishrin dam ... the dam": a site named before
        return place.place_id if place.kind in _FACILITY_KINDS[word] else ""
    if word == "city" and place.kind == "town" and place.place_id in called_city:
        return place.place_id
    if word in _DESCRIPTOR_KINDS:
        return place.place_id if place.kind in _DESCRIPTOR_KINDS[word] else ""
    if word.startswith("provincial"):
        if place.kind == "governorate":
            seat = capitals.get(place.admin1_iso)
            return seat.place_id if seat is not None else ""
        seats = {p.place_id for p in capitals.values()}
        return place.place_id if place.place_id in seats else ""
    # "the airport" / "the base": a facility named as such ("Qamishli Airport", "the
    # Tabqa airbase"); the place stands for its facility
    facility = _FACILITY_AFTER.match(text, mention.end, min(len(text), mention.end + 30))
    named = _FACILITY_NAME.search(mention.text) or _FACILITY_NAME.search(place.name)
    kind = (facility.group(1) if facility else named.group(1) if named else "").lower()
    if not kind:
        return ""
    if word == "base":
        return place.place_id if "base" in kind else ""
    return place.place_id if kind in ("airport", "airfield") or "air" in kind else ""


_ROAD_AFTER = re.compile(
    r"(?:\s*[-\u2013]\s*[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)?)*\s*"
    r"(?i:(?:international\s+|main\s+|strategic\s+|coastal\s+)?"
    r"(?:highway|road|motorway|expressway|railway|pipeline))\b",
)
_ROAD_BEFORE = re.compile(
    r"\b(?i:highway|road|motorway|expressway|railway|route|M\d{1,2})\s+(?:that\s+)?"
    r"(?i:links?|linking|connects?|connecting|joins?|joining|between|running\s+from)\s+"
    r"(?:the\s+)?(?:[A-Z][\w'\u2019-]*\s+){0,3}?(?:(?:and|with|to)\s+)?$",
)


def _in_road_name(text: str, mention: PlaceMention) -> bool:
    """Whether a mention only names a road ("the Aleppo-Damascus highway", "the M5 ...")."""
    if _ROAD_AFTER.match(text, mention.end, min(len(text), mention.end + 60)):
        return True
    return bool(_ROAD_BEFORE.search(text[max(0, mention.start - 60) : mention.start]))


_LANDMARK = re.compile(
    r"(?:\b(?:north|south|east|west)(?:ern|ward)?\s+of|\bnear|\bclose to|\bbetween|"
    # "withdrawn from Homs, ... around the city": the place left is no landmark
    r"(?<!withdrawn\s)(?<!withdrew\s)(?<!withdraw\s)(?<!withdrawing\s)(?<!withdrawal\s)"
    r"(?<!retreated\s)(?<!retreating\s)(?<!retreat\s)(?<!fled\s)(?<!fleeing\s)"
    r"(?<!pullout\s)(?<!out\s)(?<!back\s)\bfrom|"
    r"\bkilomet(?:er|re)s?\s+(?:from|of))\s+(?:the\s+)?(?:\w+\s+)?$"
    # "X in southern Idlib ... the city": a region around X, never the city meant
    r"|\bin\s+(?:the\s+)?(?:northern|southern|eastern|western|central|rural|"
    r"north-?western|north-?eastern|south-?western|south-?eastern)\s+$",
    re.I,
)


def _landmark(text: str, mention: PlaceMention) -> bool:
    """Whether a mention is only a landmark ("between Damascus and ...", "north of Homs")."""
    return bool(_LANDMARK.search(text[max(0, mention.start - 40) : mention.start]))


def _km(a: Any, b: Any) -> float:
    return _km_between(a.lat, a.lon, b.lat, b.lon)


@lru_cache(maxsize=65536)
def _km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance, cached: the same pairs of places recur in every document."""
    return great_circle_km(lat1, lon1, lat2, lon2)


# a kind word inside a mention's own text ("Tishreen dam", "Hama Central Prison")
_KIND_WORD = re.compile(
    r"\b(?:air\s*base|airbase|airport|airfield|dam|crossing|prison|jail|checkpoint|base|"
    r"neighbou?rhood|quarter|district|citadel|summit|regiment)\b",
    re.I,
)
_AREA_KINDS = frozenset({"governorate", "district", "subdistrict", "region"})
_LOOSE_SCORE = 0.6  # the resolution score of a loosely spelled name at most
_CONTEXT_KM = 15.0  # a city district is read so only when a place this close is named


def _site_for(name: str, cue: str, gazetteer: Any) -> Any:
    """Return the site of the cued kind that ``name`` and the cue word name, or None."""
    wanted = _SITE_CUES[cue]
    for found in gazetteer.resolve(f"{name} {cue}", limit=3):
        if found.place.kind in wanted and found.score >= 0.6:
            return found.place
    return None


def _needs_context(place: Any) -> bool:
    """Whether a place is a reviewed site whose bare name alone does not mean it."""
    return place.source == "site" and not place.prominent


_BESIDE_KM = 30.0  # "villages, including X and Y": X beside Y, a place named in the text


# how far (characters) from a mention a place named beside it is read as its context
_NEARBY_CHARS = 400


def _beside(place: Any, points: Sequence[Any]) -> bool:
    """Whether another place of ``points`` lies within :data:`_BESIDE_KM` of ``place``."""
    return any(p.place_id != place.place_id and _km(p, place) <= _BESIDE_KM for p in points)


def _in_context(place: Any, points: Sequence[Any]) -> bool:
    return any(p.place_id != place.place_id and _km(p, place) <= _CONTEXT_KM for p in points)


# the gazetteer's answers by (name, kind, limit), kept across documents (place names recur
# in a corpus): exact, since a gazetteer never changes and resolve depends on nothing else;
# one gazetteer at a time, at most _MAX_RESOLUTIONS answers
_RESOLVED: list[Any] = [None, {}]
_MAX_RESOLUTIONS = 50_000


def _resolutions(gazetteer: Any) -> dict[tuple[str, str | None, int], list[Any]]:
    """Return the remembered answers of ``gazetteer.resolve`` (a new store per gazetteer)."""
    if _RESOLVED[0] is not gazetteer:
        _RESOLVED[:] = [gazetteer, {}]
    return _RESOLVED[1]


_PART_OF = re.compile(
    r"\s+(?:neighbou?rhood|district|quarter|suburb)\s+(?:of|in)\s+(?:the\s+(?:city|town)\s+of\s+)?",
    re.I,
)
_PART_KM = 15.0  # a city's neighbourhood lies within this distance of the city's point


def _city_it_is_part_of(
    text: str, m: PlaceMention, by_start: dict[int, PlaceMention], gazetteer: Any
) -> Any:
    """Return the city a mention is named as a part of ("the X district of Homs"), else None.

    ``by_start``: the mentions by their start offset (the first of each).
    """
    part = _PART_OF.match(text, m.end)
    if part is None:
        return None
    following = by_start.get(part.end())
    if following is None:
        return None
    cities = [gazetteer.get(c) for c in following.candidates]
    cities = [c for c in cities if c.kind in ("city", "town")]
    return max(cities, key=lambda c: c.population or 0) if cities else None


_HOSTS: list[Any] = [None, frozenset()]


def _site_hosts(gazetteer: Any) -> frozenset[str]:
    """Return the ids of the towns a reviewed site belongs to (``parent_id``), per gazetteer."""
    if _HOSTS[0] is not gazetteer:
        _HOSTS[:] = [
            gazetteer,
            frozenset(p.parent_id for p in gazetteer if p.source == "site" and p.parent_id),
        ]
    return _HOSTS[1]


def resolve_mentions(
    text: str, mentions: Sequence[PlaceMention], gazetteer: Any
) -> list[PlaceMention]:
    """Resolve every mention to one place id using the document context.

    Returns the mentions with ``place_id``, ``kind_cue`` and ``score`` set; mentions that
    cannot be resolved keep ``place_id == ""``.
    """
    anchor_ids: dict[str, Any] = {}  # distinct places, so that long texts stay linear
    for m in mentions:
        if len(m.candidates) == 1 and not m.outside and m.candidates[0] not in anchor_ids:
            place = gazetteer.get(m.candidates[0])
            if place.kind not in ("governorate", "district", "subdistrict"):
                anchor_ids[place.place_id] = place
    anchors = list(anchor_ids.values())
    by_start: dict[int, PlaceMention] = {}
    for m in mentions:
        by_start.setdefault(m.start, m)
    # the same anchors by position, for the places named beside a mention in the text
    anchor_at = [
        (m.start, anchor_ids[m.candidates[0]])
        for m in mentions
        if len(m.candidates) == 1 and not m.outside and m.candidates[0] in anchor_ids
    ]
    anchor_starts = [start for start, _ in anchor_at]

    def nearness(m: PlaceMention, place: Any) -> int:
        # minus the text distance to the closest place named beside ``place`` (a few
        # sentences either way), or a large negative number when there is none
        lo = bisect.bisect_left(anchor_starts, m.start - _NEARBY_CHARS)
        hi = bisect.bisect_right(anchor_starts, m.end + _NEARBY_CHARS)
        gaps = [
            abs(start - m.start)
            for start, other in anchor_at[lo:hi]
            if other.place_id != place.place_id and _km(other, place) <= _BESIDE_KM
        ]
        return -min(gaps, default=_NEARBY_CHARS + 1)

    # the cities the text names (a city's name is often also its governorate's and
    # district's): the context in which a city district's bare name is read
    cities = dict(anchor_ids)
    for m in mentions:
        if m.outside or len(m.candidates) > 4:
            continue
        points = [gazetteer.get(c) for c in m.candidates]
        points = [p for p in points if p.kind not in _AREA_KINDS]
        if len(points) == 1 and points[0].kind == "city":
            cities.setdefault(points[0].place_id, points[0])
    context_points = list(cities.values())
    hosts = _site_hosts(gazetteer)
    rd_iso = "SY-RD"
    resolved = _resolutions(gazetteer)

    def lookup(name: str, kind: str | None = None, limit: int = 5) -> list[Any]:
        # a name recurs in a text and across texts: ask the gazetteer once (read only)
        key = (name, kind, limit)
        found = resolved.get(key)
        if found is None:
            found = gazetteer.resolve(name, kind=kind, limit=limit)
            if len(resolved) < _MAX_RESOLUTIONS:
                resolved[key] = found
        return found

    out: list[PlaceMention] = []
    for m in mentions:
        cue = kind_cue(text, m.start, m.end)
        ids = list(m.candidates)
        places = [gazetteer.get(i) for i in ids]
        chosen = None
        score = 0.0
        if cue in _SITE_CUES:
            chosen = _site_for(m.text, cue, gazetteer)
            score = 0.9 if chosen is not None else 0.0
        if not cue and _direction_part(text, m.start, m.end):
            # "several villages in western Idlib": the governorate of that name, if any
            # (Damascus governorate is the city itself: "southern Damascus" stays the city)
            govs = [p for p in places if p.kind == "governorate" and p.admin1_iso != "SY-DI"]
            if len(govs) == 1:
                chosen, score, cue = govs[0], 0.9, "governorate"
        if cue == "district":
            # "the Waer district", "the district of Jobar": a city district when no
            # administrative district has that name
            if not any(p.kind == "district" for p in places) and not lookup(
                m.text, kind="district", limit=1
            ):
                site = _site_for(m.text, "neighbourhood", gazetteer)
                if site is not None:
                    chosen, score, cue = site, 0.9, "neighbourhood"
        if chosen is None and cue in (
            "governorate", "district", "city", "town", "village", "region"
        ):  # fmt: skip
            wanted = {
                "region": ("governorate", "district"),
                "town": ("town", "city"),
                "village": ("village", "town"),
            }.get(cue, (cue,))
            # "the towns of Al-Hameh and X": the press calls villages towns; a village the
            # spelling names is not traded for a town or city the phonetic key finds
            settled = cue == "town" and any(p.kind == "village" for p in places)
            for kind in wanted:
                matches = [p for p in places if p.kind == kind]
                if not matches and not settled:
                    found = lookup(m.text, kind=kind, limit=3)
                    matches = [f.place for f in found if f.score >= 0.7]
                if matches:
                    # "seven villages, including X and Y": of several places of that kind,
                    # the one beside another place the text names, else the largest
                    # (a place named in the same sentence counts first: "the villages of
                    # Ain Daqna and Sheikh Issa near Tal Rifaat")
                    chosen = max(
                        matches,
                        key=lambda p: (
                            nearness(m, p),
                            _beside(p, anchors),
                            p.population or 0,
                        ),
                    )
                    score = 0.9
                    break
        if chosen is None:
            if len(places) == 1:
                chosen, score = places[0], 0.9
            else:
                ranked = {f.place.place_id: f.score for f in lookup(m.text, limit=25)}

                def value(
                    p: Any,
                    ranked: dict[str, float] = ranked,
                    cue: str = cue,
                    m: PlaceMention = m,
                ) -> float:
                    v = ranked.get(p.place_id, 0.5)
                    if p.kind == "city":
                        v += 0.05
                    if cue == "suburb" and p.admin1_iso == rd_iso:
                        v += 0.3
                    if p.place_id in hosts:
                        # "Nasib": the village of the Nasib crossing, not its namesake in
                        # al-Hasakah (a reviewed site's town is the one the news is about)
                        v += 0.03
                    # the cities the text names count too ("entered Nasib near Daraa")
                    points = context_points
                    others = [a for a in points if a.place_id != p.place_id]
                    if others and p.kind not in ("governorate", "district"):
                        d = min(_km(p, a) for a in others)
                        v += 0.15 * math.exp(-d / 40.0)
                    if p.kind not in ("governorate", "district"):
                        # beside a place named in the same few sentences
                        v += 0.1 * (1 + nearness(m, p) / (_NEARBY_CHARS + 1))
                    return v

                chosen = max(places, key=lambda p: (value(p), p.population or 0, p.place_id))
                score = 0.75
            if (
                _needs_context(chosen)
                and not _KIND_WORD.search(m.text)
                and not _in_context(chosen, context_points)
            ):
                # a city district or facility named bare, out of its city's context, whose
                # name is also a village's ("Zahra", "Ashrafieh"): the only other place of
                # that name, or none
                others = [
                    f.place
                    for f in lookup(m.text, limit=5)
                    if f.score >= 0.75 and f.place.source != "site"
                ]
                if len(others) > 1:  # "Nubl and Zahra": the one beside a named place
                    others = [o for o in others if _in_context(o, context_points)]
                if others:
                    chosen = others[0] if len(others) == 1 else None
                    score = 0.6
        city = _city_it_is_part_of(text, m, by_start, gazetteer)
        if city is not None and (chosen is None or _km(chosen, city) > _PART_KM):
            # "the Khaldiyeh neighbourhood of Homs", "the Qusour district of Hama": a part
            # of the city named after it; a namesake village or district elsewhere is not
            # meant, and the city itself is (a district counts as its town)
            chosen, score = city, 0.6
        if (
            chosen is not None
            and chosen.kind == "governorate"
            and chosen.admin1_iso == "SY-DI"
            and _countryside(text, m.start, m.end)
        ):
            # "rural Damascus", "Damascus's countryside": Rif Dimashq, not the capital's
            # own governorate
            rif = [f.place for f in lookup("Rif Dimashq", kind="governorate", limit=1)]
            chosen = rif[0] if rif else chosen
        if (
            chosen is not None
            and cue == "governorate"
            and chosen.kind != "governorate"
            and _AND_NAME.match(text, m.end)
        ):
            cue = ""  # "Morek and Hama countryside": only Hama is the governorate
        if chosen is None:
            out.append(replace(m, kind_cue=cue))
            continue
        out.append(
            PlaceMention(
                m.start,
                m.end,
                m.text,
                m.candidates,
                place_id=chosen.place_id,
                outside=chosen.outside_syria,
                kind_cue=cue,
                # a name found only by its loose spelling key is less sure ("Khesham")
                score=min(score, _LOOSE_SCORE) if m.loose else score,
                coref=m.coref,
                loose=m.loose,
            )
        )
    return out
