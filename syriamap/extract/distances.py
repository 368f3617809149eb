"""Distance statements checked against the gazetteer ("50 kilometers east of Deraa").

Stage: checks. A distance phrase is a number (digits or a number word, "a few"),
a unit (kilometres, km, miles; a bracketed conversion is skipped), and either a direction
and a landmark ("east of Deraa"), a landmark ("from Damascus", "of Damascus") or "away"
(the landmark is then the place named just before). The *subject* is the place the
sentence locates: the nearest place named before the phrase ("Hama, located 110
kilometers south of Aleppo"). When both places are known, the claimed distance and
direction are compared with the geodesic distance (geopy) and the initial bearing from
the landmark to the subject. "within N km of X" has no subject place: only the claimed
distance is reported.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .mentions import PlaceMention
from .sentences import Sentence

__all__ = ["DistanceCheck", "bearing", "compass", "find_distance_checks", "parse_distance"]

_NUMBER_WORDS = {
    "a few": 3.0,
    "few": 3.0,
    "several": 5.0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "hundred": 100,
    "a hundred": 100,
    "one hundred": 100,
}
_DIRECTIONS = {
    "north": 0,
    "northeast": 45,
    "north-east": 45,
    "east": 90,
    "southeast": 135,
    "south-east": 135,
    "south": 180,
    "southwest": 225,
    "south-west": 225,
    "west": 270,
    "northwest": 315,
    "north-west": 315,
}
_COMPASS = ("north", "northeast", "east", "southeast", "south", "southwest", "west", "northwest")
_PHRASE = re.compile(
    r"(?P<within>\bwithin\s+)?(?:(?:approximately|roughly|about|around|some|nearly|almost|just|"
    r"only|over|under|less than|more than)\s+)?"
    r"(?P<num>\d+(?:[.,]\d+)?|a few|few|several|one|two|three|four|five|six|seven|eight|nine|"
    r"ten|fifteen|twenty|thirty|forty|fifty|sixty|a hundred|one hundred|hundred)\s*"
    r"(?P<unit>kilomet(?:er|re)s?|kms?|miles?|mi)\b(?:\s*\([^)]{0,30}\))?"
    r"(?:\s+(?P<dir>(?:north|south)(?:-?(?:east|west))?|east|west)(?:ern|ward)?\s+of"
    r"|\s+(?P<prep>from|of|outside(?:\s+of)?|away\s+from)|\s+(?P<away>away))",
    re.I,
)


@dataclass(frozen=True, slots=True)
class DistanceCheck:
    """A distance statement and how it compares with the gazetteer."""

    start: int
    end: int
    phrase: str
    claimed_km: float
    claimed_direction: str
    landmark_id: str
    landmark_name: str
    subject_id: str
    subject_name: str
    computed_km: float | None
    computed_direction: str
    consistent: bool | None

    def to_row(self) -> dict[str, Any]:
        """Return the check as a flat dict."""
        return {k: getattr(self, k) for k in self.__slots__}  # type: ignore[attr-defined]


def parse_distance(text: str) -> tuple[float, str] | None:
    """Return ``(km, direction)`` of the first distance phrase in ``text``.

    Examples
    --------
    >>> parse_distance("roughly 50 kilometers east of Deraa")
    (50.0, 'east')
    >>> parse_distance("approximately 100 kilometers (62 miles) away")
    (100.0, '')
    """
    m = _PHRASE.search(text)
    if m is None:
        return None
    return _km(m), _direction(m)


def _km(m: re.Match[str]) -> float:
    raw = m.group("num").lower()
    value = float(raw.replace(",", "")) if raw[0].isdigit() else float(_NUMBER_WORDS[raw])
    if m.group("unit").lower().startswith("mi"):
        value *= 1.609344
    return round(value, 1)


def _direction(m: re.Match[str]) -> str:
    d = (m.group("dir") or "").lower().replace("-", "")
    return d


def bearing(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Return the initial bearing in degrees from point 1 to point 2 (0 = north, 90 = east)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dl = math.radians(lon2 - lon1)
    x = math.sin(dl) * math.cos(p2)
    y = math.cos(p1) * math.sin(p2) - math.sin(p1) * math.cos(p2) * math.cos(dl)
    return (math.degrees(math.atan2(x, y)) + 360.0) % 360.0


def compass(degrees: float) -> str:
    """Name the 8-point compass direction of a bearing.

    Examples
    --------
    >>> compass(100.0)
    'east'
    """
    return _COMPASS[int(((degrees % 360) + 22.5) // 45) % 8]


class _ByPosition:
    """Place mentions indexed by position: each query costs the mentions it returns.

    Finding the places around a distance phrase by scanning every place of the document
    made the checks quadratic in its length (issue 12).
    """

    def __init__(self, places: Sequence[PlaceMention]) -> None:
        self.places = sorted(places, key=lambda p: p.start)  # stable: keeps text order
        self.starts = [p.start for p in self.places]
        self.longest = max((p.end - p.start for p in self.places), default=0)

    def starting(self, lo: int, hi: int) -> list[PlaceMention]:
        """Mentions with ``lo <= start < hi``, in text order."""
        i, j = bisect.bisect_left(self.starts, lo), bisect.bisect_left(self.starts, hi)
        return self.places[i:j]

    def ending_by(self, lo: int, hi: int) -> list[PlaceMention]:
        """Mentions with ``lo <= end <= hi``, in text order."""
        return [p for p in self.starting(lo - self.longest, hi) if lo <= p.end <= hi]


def find_distance_checks(
    text: str,
    sentences: Sequence[Sentence],
    mentions: Sequence[PlaceMention],
    gazetteer: Any,
) -> list[DistanceCheck]:
    """Find the distance statements of a document and check them against the gazetteer."""
    from geopy.distance import geodesic

    places = [m for m in mentions if m.place_id and not m.outside]
    index = _ByPosition(places)
    out: list[DistanceCheck] = []
    for sentence in sentences:
        low = sentence.text.lower()
        if "kilomet" not in low and "km" not in low and "mile" not in low:
            continue
        for m in _PHRASE.finditer(sentence.text):
            a, b = sentence.start + m.start(), sentence.start + m.end()
            km, direction = _km(m), _direction(m)
            landmark: PlaceMention | None
            if m.group("away"):
                before = [p for p in index.starting(sentence.start, a) if p.end <= a]
                landmark = before[-1] if before else None
                bound = landmark.start if landmark else a
                earlier = [
                    p
                    for p in index.starting(sentences[max(0, sentence.index - 3)].start, bound)
                    if p.end <= bound and (landmark is None or p.place_id != landmark.place_id)
                ]
                subject = earlier[-1] if earlier else None
            else:
                after = index.starting(b, b + 26)
                landmark = after[0] if after else None
                before = [
                    p
                    for p in index.ending_by(sentence.start, a)
                    if landmark is None or p.place_id != landmark.place_id
                ]
                subject = None if m.group("within") else (before[-1] if before else None)
            if landmark is None:
                continue
            end = max(b, landmark.end)
            computed_km = None
            computed_dir = ""
            consistent = None
            if subject is not None:
                s_place = gazetteer.get(subject.place_id)
                l_place = gazetteer.get(landmark.place_id)
                computed_km = round(
                    geodesic((l_place.lat, l_place.lon), (s_place.lat, s_place.lon)).km, 1
                )
                deg = bearing(l_place.lat, l_place.lon, s_place.lat, s_place.lon)
                computed_dir = compass(deg)
                ok_km = abs(computed_km - km) <= max(10.0, 0.35 * km)
                ok_dir = True
                if direction:
                    diff = abs((deg - _DIRECTIONS[direction] + 180) % 360 - 180)
                    ok_dir = diff <= 67.5
                consistent = ok_km and ok_dir
            out.append(
                DistanceCheck(
                    start=a,
                    end=end,
                    phrase=text[a:end],
                    claimed_km=km,
                    claimed_direction=direction,
                    landmark_id=landmark.place_id,
                    landmark_name=landmark.text,
                    subject_id=subject.place_id if subject else "",
                    subject_name=subject.text if subject else "",
                    computed_km=computed_km,
                    computed_direction=computed_dir,
                    consistent=consistent,
                )
            )
    return out
