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
capital", "Syria's capital" → Damascus; "the city" / "the town" → the city or town named most often
(not as a mere landmark) in the four sentences before, the latest on a tie.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import Any

from .mentions import PlaceMention
from .sentences import Sentence

__all__ = ["find_descriptors", "kind_cue", "resolve_mentions"]

_AFTER_CUE = re.compile(
    r"[\s]*(?:\(\w+\)\s*)?(province|provinces|governorate|countryside|region|city|town|"
    r"village|district|subdistrict|suburbs?|area)\b",
    re.I,
)
_BEFORE_CUE = re.compile(
    r"\b(province|governorate|city|town|village|district|countryside|suburbs?|"
    r"provinces|governorates|cities|towns|villages|districts)"
    r"(?:\s+of|,?\s+including|,?\s+such as|\s+like|,)?\s+"
    r"(?:[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)?(?:,\s*(?:and\s+)?|,?\s+and\s+))*$",
)
# "the loss of Daraa province and military positions in Quneitra": coordinated with a
# named province, Quneitra is read as a province too
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
}
_SUBURB_BEFORE = re.compile(
    r"\b(?:suburbs?|outskirts|countryside|environs|outside)\s+of\s+(?:the\s+)?$|"
    r"\bdamascus\s+(?:suburbs?|countryside)\s+of\s+$",
    re.I,
)
_CAPITAL = re.compile(
    r"\b(?:the|Syria['\u2019]s)\s+(?:(?:syrian|country['\u2019]s|nation['\u2019]s)\s+)?capital\b(?!\s+of\b)",
    re.I,
)
_THE_CITY = re.compile(r"\b(?:the|this)\s+(?:\w+\s+)?(city|town)\b(?!\s+of\b)", re.I)


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
    """
    after = _AFTER_CUE.match(text, end, min(len(text), end + 30))
    if after:
        return _CUE_KIND[after.group(1).lower()]
    window = text[max(0, start - 80) : start]
    if _SUBURB_BEFORE.search(window):
        return "suburb"
    before = _BEFORE_CUE.search(window)
    if before:
        return _CUE_KIND[before.group(1).lower()]
    coordinated = _COORDINATED_CUE.search(window)
    if coordinated:
        return _CUE_KIND[coordinated.group(1).lower()]
    return ""


def find_descriptors(
    text: str, sentences: Sequence[Sentence], mentions: Sequence[PlaceMention], gazetteer: Any
) -> list[PlaceMention]:
    """Turn "the capital" and "the city" into mentions of the places they stand for."""
    out: list[PlaceMention] = []
    capital = gazetteer.capitals().get("SY-DI")
    resolved = [m for m in mentions if m.place_id and not m.outside]
    for sentence in sentences:
        for m in _CAPITAL.finditer(sentence.text):
            if capital is None:
                break
            a = sentence.start + m.start()
            out.append(
                PlaceMention(
                    a,
                    a + len(m.group(0)),
                    m.group(0),
                    (capital.place_id,),
                    place_id=capital.place_id,
                    score=0.85,
                    coref=True,
                )
            )
        for m in _THE_CITY.finditer(sentence.text):
            a = sentence.start + m.start()
            kinds = {"city"} if m.group(1).lower() == "city" else {"town", "city"}
            window_start = sentences[max(0, sentence.index - 4)].start
            previous = [
                r
                for r in resolved
                if window_start <= r.start < a
                and gazetteer.get(r.place_id).kind in kinds
                and not _landmark(text, r)
            ]
            if not previous:
                continue
            counts: dict[str, int] = {}
            last: dict[str, int] = {}
            for r in previous:
                counts[r.place_id] = counts.get(r.place_id, 0) + 1
                last[r.place_id] = r.start
            # the most talked-about city of the last few sentences, the latest on a tie
            place_id = max(counts, key=lambda pid: (counts[pid], last[pid]))
            out.append(
                PlaceMention(
                    a,
                    a + len(m.group(0)),
                    m.group(0),
                    (place_id,),
                    place_id=place_id,
                    score=0.6,
                    coref=True,
                )
            )
    return out


_LANDMARK = re.compile(
    r"(?:\b(?:north|south|east|west)(?:ern|ward)?\s+of|\bnear|\bclose to|\bbetween|\bfrom|"
    r"\bkilomet(?:er|re)s?\s+(?:from|of))\s+(?:the\s+)?(?:\w+\s+)?$",
    re.I,
)


def _landmark(text: str, mention: PlaceMention) -> bool:
    """Whether a mention is only a landmark ("between Damascus and ...", "north of Homs")."""
    return bool(_LANDMARK.search(text[max(0, mention.start - 40) : mention.start]))


def _km(a: Any, b: Any) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


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
    rd_iso = "SY-RD"
    out: list[PlaceMention] = []
    for m in mentions:
        cue = kind_cue(text, m.start, m.end)
        ids = list(m.candidates)
        places = [gazetteer.get(i) for i in ids]
        chosen = None
        score = 0.0
        if cue in ("governorate", "district", "city", "town", "village", "region"):
            wanted = {
                "region": ("governorate", "district"),
                "town": ("town", "city"),
                "village": ("village", "town"),
            }.get(cue, (cue,))
            for kind in wanted:
                matches = [p for p in places if p.kind == kind]
                if not matches:
                    found = gazetteer.resolve(m.text, kind=kind, limit=3)
                    matches = [f.place for f in found if f.score >= 0.7]
                if matches:
                    chosen = max(matches, key=lambda p: p.population or 0)
                    score = 0.9
                    break
        if chosen is None:
            if len(places) == 1:
                chosen, score = places[0], 0.9
            else:
                ranked = {f.place.place_id: f.score for f in gazetteer.resolve(m.text, limit=25)}

                def value(p: Any, ranked: dict[str, float] = ranked, cue: str = cue) -> float:
                    v = ranked.get(p.place_id, 0.5)
                    if p.kind == "city":
                        v += 0.05
                    if cue == "suburb" and p.admin1_iso == rd_iso:
                        v += 0.3
                    others = [a for a in anchors if a.place_id != p.place_id]
                    if others and p.kind not in ("governorate", "district"):
                        d = min(_km(p, a) for a in others)
                        v += 0.15 * math.exp(-d / 40.0)
                    return v

                chosen = max(places, key=lambda p: (value(p), p.population or 0, p.place_id))
                score = 0.75
        out.append(
            PlaceMention(
                m.start,
                m.end,
                m.text,
                m.candidates,
                place_id=chosen.place_id,
                outside=chosen.outside_syria,
                kind_cue=cue,
                score=score,
                coref=m.coref,
            )
        )
    return out
