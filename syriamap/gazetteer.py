"""Places in Syria (and the foreign places Syria reporting names) and name resolution.

The gazetteer is compiled by ``scripts/build_gazetteer.py`` from Who's On First and
GeoNames into ``syriamap/data/gazetteer.json.gz`` (records plus precomputed lookup keys);
places outside Syria come from ``syriamap/data/outside_syria.csv``. It is loaded once,
lazily and thread-safely, by :meth:`Gazetteer.default`; ``import syriamap`` does not load it.

Resolution (:meth:`Gazetteer.resolve`) looks a name up, in order, under its exact-folded
key, its phonetic skeleton key, the skeleton without a fused article ("Alsanamayn"), and
finally a fuzzy match above a threshold. Kind cues in the text ("Hama province", "Idlib
city", "Daraa countryside", "Sassa branch") are stripped and become preferences. Candidates
are ranked by match quality, kind, population and an optional ``near=`` point. A name that
matches nothing gives an empty list; :meth:`Gazetteer.suggest` offers "did you mean" names.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import math
import re
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from ._geo import great_circle_km
from ._normalize import ARTICLES, GENERIC_WORDS, RULES_VERSION, fold, skeleton
from .errors import UnknownPlaceError, VocabularyError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["KINDS", "SITE_KINDS", "Gazetteer", "Match", "Place", "resolve"]

#: The closed vocabulary of place kinds.
KINDS = (
    "governorate",
    "district",
    "subdistrict",
    "city",
    "town",
    "village",
    "neighbourhood",
    "site",
    "region",
    "country",
    "airbase",
    "airport",
    "crossing",
    "dam",
    "prison",
    "base",
    "checkpoint",
    "mountain",
)
#: The kinds of the reviewed sites (data/sites.csv): places smaller than a town that the
#: press names with a kind word ("Tishrin Dam", "Kweires airbase", "the Jobar district").
SITE_KINDS = (
    "airbase", "airport", "crossing", "dam", "prison", "base", "checkpoint", "mountain",
    "neighbourhood", "site",
)  # fmt: skip

_KIND_WEIGHT = {
    "governorate": 0.6,
    "district": 0.3,
    "subdistrict": 0.45,
    "city": 1.0,
    "town": 0.65,
    "village": 0.4,
    "neighbourhood": 0.35,
    "site": 0.3,
    "region": 0.7,
    "country": 1.0,
    "airbase": 0.5,
    "airport": 0.5,
    "crossing": 0.4,
    "dam": 0.4,
    "prison": 0.35,
    "base": 0.35,
    "checkpoint": 0.3,
    "mountain": 0.35,
}
# A reviewed site (data/sites.csv) has no population; "prominent" sites, whose bare name
# means the site in the press ("Jobar", "Hmeimim", "Bab al-Hawa"), count as if populated
# by this share, which ranks them above any village of the same name and below a town.
# Other sites rank low: "Zahra" alone is a village, "Zahra district" in Homs is the site.
_SITE_PROMINENT = 0.6
_SITE_BARE_PENALTY = 0.1
# A kind word names kinds: "airport" the civil airports and the airbases ("Hama military
# airport" is an airbase), "base" bases and airbases, "district" an administrative district
# or else a city district (neighbourhood).
_CUE_KINDS: dict[str, tuple[str, ...]] = {
    "airport": ("airport", "airbase"),
    "airbase": ("airbase", "airport"),
    "base": ("base", "airbase"),
}
# A facility named by a place and a kind word ("Nayrab airbase", "the military airport of
# Hama") is the site of that kind whose parent is that place, else the single one this close.
_SITE_NEAR_KM = 10.0
# The kind words that name a facility (GENERIC_WORDS values); their place is a site.
_FACILITY_CUES = frozenset(
    {"airbase", "airport", "crossing", "dam", "prison", "base", "checkpoint"}
)
# How much a ``near=`` point adds to a candidate's prominence (at distance 0, fading with
# exp(-d / _NEAR_KM)). It decides between places of one name below the rank of a city (the
# Kanakir of Rif Dimashq, a town, and the one of As-Suwayda, a village), but it never lifts
# a place that is not a city above _NEAR_CAP, just under the prominence of the smallest
# city (0.836 at 50,000 inhabitants): "Hama" near Damascus stays the city, not the
# village Al-Hami. Between two cities of one name, near= decides freely.
_NEAR_BONUS = 0.8
_NEAR_KM = 25.0
_NEAR_CAP = 0.83
_TIER = {"exact": 1.0, "skeleton": 0.99, "article": 0.96}
# Candidates scoring within _NAME_BONUS of the best are near-ties; among them, how closely
# the query is spelled to each place's own name adds up to _NAME_BONUS (a tie-break).
_NAME_BONUS = 0.01
_FUZZY_CUTOFF = 84.0  # rapidfuzz ratio (0..100) of the skeleton keys
_FUZZY_FOLD_CUTOFF = 70.0  # ... and of the folded spellings (articles dropped)
_FUZZY_MIN_LEN = 4
# ... stricter for short keys: in six letters or fewer, two edits make another word
# ("Narnia" is not An-Nasraniyah), while one edit is still a misspelling ("Dmeir")
_FUZZY_SHORT_LEN = 6
_FUZZY_SHORT_CUTOFF = 88.0
_DIRECTIONS = {
    "north", "south", "east", "west", "northern", "southern", "eastern", "western",
    "northeastern", "northwestern", "southeastern", "southwestern", "central",
}  # fmt: skip
_LEADING_WORDS = {"the", "rural", "rif", "outskirts", "of", "countryside", "suburbs", "near"}
_LEADING_WORDS |= _DIRECTIONS
_STOPWORDS = {"the", "of", "and", "in", "near", "a", "an", "to", "at", "on"}
# "Hama's countryside": a possessive before a generic word is not part of the name
_POSSESSIVE = re.compile(
    r"(\w)['’]s(?=\s+(?:" + "|".join(sorted(GENERIC_WORDS)) + r")\b)", re.IGNORECASE
)
_COUNTRYSIDE_WORDS = {"countryside", "rural", "rif", "suburbs", "outskirts"} | _DIRECTIONS
# Describing words that may stand before a leading kind cue: "the port city of Latakia",
# "the ancient city of Palmyra", "the besieged border town of Ras al-Ain".
_DESCRIPTIVE = {
    "port", "ancient", "historic", "old", "coastal", "desert", "border", "besieged",
    "strategic", "key", "major", "small", "large", "main", "nearby", "frontline", "mountain",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Place:
    """One place of the gazetteer (immutable).

    Attributes
    ----------
    place_id
        ``wof:<id>``, ``gn:<geonameid>``, ``r:<slug>`` (a named region of
        data/regions.csv) or ``x:<slug>`` (outside Syria).
    name, name_ar
        Display name in English and the Arabic name.
    kind
        One of :data:`KINDS`.
    lat, lon
        WGS 84 coordinates of the place's point.
    admin1_id, admin1, admin1_iso
        The governorate (place id, name, ISO 3166-2 code); empty outside Syria.
    admin2_id, admin2
        The district (place id, name); may be empty.
    population
        Population where known, else None.
    aliases
        Every other spelling, Latin and Arabic.
    source
        ``wof``, ``geonames``, ``wof+geonames``, with ``+alias`` when data/aliases.csv
        added spellings; ``region`` (data/regions.csv), ``site`` (data/sites.csv) or
        ``outside_syria``.
    country
        ISO 3166-1 alpha-2 code.
    parent_id
        For a site (``s:<slug>``): the town or city it belongs to or is named after.
    prominent
        For a site: True when its bare name means the site in the press.
    """

    place_id: str
    name: str
    name_ar: str
    kind: str
    lat: float
    lon: float
    admin1_id: str = ""
    admin1: str = ""
    admin1_iso: str = ""
    admin2_id: str = ""
    admin2: str = ""
    population: int | None = None
    aliases: tuple[str, ...] = ()
    source: str = ""
    country: str = "SY"
    wof_id: int | None = field(default=None, repr=False, compare=False)
    geonames_id: int | None = field(default=None, repr=False, compare=False)
    parent_id: str = field(default="", repr=False, compare=False)
    prominent: bool = field(default=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise VocabularyError("place kind", self.kind, KINDS)
        if not (-90.0 <= self.lat <= 90.0 and -180.0 <= self.lon <= 180.0):
            raise ValueError(f"{self.place_id}: coordinates out of range ({self.lat}, {self.lon})")
        if not isinstance(self.aliases, tuple):
            object.__setattr__(self, "aliases", tuple(self.aliases))

    @property
    def outside_syria(self) -> bool:
        """True for places outside the mapped area (foreign, or the occupied Golan)."""
        return self.place_id.startswith("x:") or self.country != "SY"

    def __repr__(self) -> str:
        where = self.admin1 or self.country
        return f"<Place {self.place_id} {self.name!r} {self.kind}, {where}>"

    def _repr_html_(self) -> str:
        import html

        rows = "".join(
            f"<tr><th>{k}</th><td>{html.escape(str(v))}</td></tr>"
            for k, v in self.to_dict().items()
            if k != "aliases"
        )
        return f"<table>{rows}</table>"

    def to_dict(self) -> dict[str, Any]:
        """Return the place as a plain dict (aliases as a list)."""
        return {
            "place_id": self.place_id,
            "name": self.name,
            "name_ar": self.name_ar,
            "kind": self.kind,
            "lat": self.lat,
            "lon": self.lon,
            "admin1_id": self.admin1_id,
            "admin1": self.admin1,
            "admin1_iso": self.admin1_iso,
            "admin2_id": self.admin2_id,
            "admin2": self.admin2,
            "population": self.population,
            "aliases": list(self.aliases),
            "source": self.source,
            "country": self.country,
            "outside_syria": self.outside_syria,
            "parent_id": self.parent_id,
        }


@dataclass(frozen=True, slots=True)
class Match:
    """A resolution candidate: the place, a score in 0..1 and why it matched."""

    place: Place
    score: float
    why: str

    def __repr__(self) -> str:
        return f"<Match {self.place.place_id} {self.place.name!r} {self.score:.3f} ({self.why})>"


def _read_package_text(name: str) -> bytes:
    from .data import path

    return path(name).read_bytes()


class Gazetteer:
    """The place index: lookup by id, resolution of names, iteration.

    Use :meth:`Gazetteer.default` for the bundled data (loaded once, cached).

    Examples
    --------
    >>> g = Gazetteer.default()
    >>> g.best("Saasaa").name
    "Sa'sa'"
    >>> g.best("Beirut").outside_syria
    True
    """

    _default: ClassVar[Gazetteer | None] = None
    _lock: ClassVar[threading.Lock] = threading.Lock()

    def __init__(
        self,
        places: Sequence[Place],
        *,
        folded: dict[str, list[int]] | None = None,
        skeletons: dict[str, list[int]] | None = None,
        capitals: dict[str, str] | None = None,
        redirects: dict[str, str] | None = None,
    ) -> None:
        self._places: list[Place] = list(places)
        self._governorates: list[Place] | None = None
        self._by_id: dict[str, Place] = {}
        self._redirect: dict[str, str] = {}
        for place in self._places:
            if place.place_id in self._by_id:
                raise ValueError(f"duplicate place_id {place.place_id}")
            self._by_id[place.place_id] = place
        for old, new in (redirects or {}).items():
            if old not in self._by_id and new in self._by_id:
                self._redirect[old] = new
        for place in self._places:
            for other in (
                f"wof:{place.wof_id}" if place.wof_id else "",
                f"gn:{place.geonames_id}" if place.geonames_id else "",
            ):
                if other and other not in self._by_id:
                    self._redirect.setdefault(other, place.place_id)
        if folded is None or skeletons is None:
            folded, skeletons = self._compute_keys(self._places)
        self._fold = folded
        self._skel = skeletons
        self._capitals = dict(capitals or {})
        self._prom: list[float | None] = [None] * len(self._places)
        self._own_names: dict[int, tuple[str, ...]] = {}
        self._fuzzy_lock = threading.Lock()
        self._fuzzy: dict[tuple[str, int], list[str]] | None = None
        self._pos = {p.place_id: i for i, p in enumerate(self._places)}
        self._sites: list[int] = [i for i, p in enumerate(self._places) if p.source == "site"]
        self._children: dict[str, list[int]] = {}
        for i in self._sites:
            parent = self._places[i].parent_id
            if parent:
                self._children.setdefault(parent, []).append(i)

    # -- construction ----------------------------------------------------------------------
    @staticmethod
    def _compute_keys(places: Sequence[Place]) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
        folded: dict[str, list[int]] = {}
        skel: dict[str, list[int]] = {}
        for i, place in enumerate(places):
            for spelling in (place.name, place.name_ar, *place.aliases):
                if not spelling:
                    continue
                for key, index in ((fold(spelling), folded), (skeleton(spelling), skel)):
                    if key:
                        bucket = index.setdefault(key, [])
                        if not bucket or bucket[-1] != i:
                            bucket.append(i)
        return folded, skel

    @classmethod
    def default(cls) -> Gazetteer:
        """Return the bundled gazetteer, loading it on first use (thread-safe)."""
        gaz = cls._default
        if gaz is None:
            with cls._lock:
                gaz = cls._default
                if gaz is None:
                    gaz = cls._default = cls._load_package()
        return gaz

    @classmethod
    def _load_package(cls) -> Gazetteer:
        data = json.loads(gzip.decompress(_read_package_text("gazetteer.json.gz")))
        cols = data["columns"]
        ix = {c: i for i, c in enumerate(cols)}
        places = []
        for row in data["rows"]:
            places.append(
                Place(
                    row[ix["place_id"]],
                    row[ix["name"]],
                    row[ix["name_ar"]],
                    row[ix["kind"]],
                    float(row[ix["lat"]]),
                    float(row[ix["lon"]]),
                    row[ix["admin1_id"]],
                    row[ix["admin1"]],
                    row[ix["admin1_iso"]],
                    row[ix["admin2_id"]],
                    row[ix["admin2"]],
                    int(row[ix["population"]]) if row[ix["population"]] else None,
                    tuple(row[ix["aliases"]].split("|")) if row[ix["aliases"]] else (),
                    row[ix["source"]],
                    "SY",
                    int(row[ix["wof_id"]]) if row[ix["wof_id"]] else None,
                    int(row[ix["geonames_id"]]) if row[ix["geonames_id"]] else None,
                    row[ix["parent_id"]] if "parent_id" in ix else "",
                    bool(row[ix["prominent"]]) if "prominent" in ix else False,
                )
            )
        if data.get("rules") == RULES_VERSION:
            folded, skel = data["fold"], data["skeleton"]
        else:  # the normalisation rules changed since the build: recompute the keys
            folded, skel = cls._compute_keys(places)
        outside = _outside_places()
        n = len(places)
        places.extend(outside)
        extra_fold, extra_skel = cls._compute_keys(outside)
        for key, idx in extra_fold.items():
            folded[key] = folded.get(key, []) + [n + i for i in idx]
        for key, idx in extra_skel.items():
            skel[key] = skel.get(key, []) + [n + i for i in idx]
        return cls(
            places,
            folded=folded,
            skeletons=skel,
            capitals=data.get("capitals"),
            redirects=data.get("redirects"),
        )

    # -- mapping protocol ------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._places)

    def __iter__(self) -> Iterator[Place]:
        return iter(self._places)

    def __contains__(self, place_id: object) -> bool:
        return isinstance(place_id, str) and (place_id in self._by_id or place_id in self._redirect)

    def __getitem__(self, place_id: str) -> Place:
        return self.get(place_id)

    def __repr__(self) -> str:
        return f"<Gazetteer {len(self)} places>"

    def get(self, place_id: str) -> Place:
        """Return the place with this id.

        ``wof:`` and ``gn:`` ids of records merged into another record are accepted too
        (e.g. ``gn:170654`` gives Damascus).

        Raises
        ------
        UnknownPlaceError
            If no place has this id.
        """
        place = self._by_id.get(place_id)
        if place is None:
            target = self._redirect.get(place_id)
            if target is None:
                raise UnknownPlaceError(
                    place_id, self.suggest(place_id) if ":" not in str(place_id) else ()
                )
            place = self._by_id[target]
        return place

    # -- views -------------------------------------------------------------------------------
    def governorates(self) -> list[Place]:
        """Return the 14 governorates, sorted by ISO 3166-2 code."""
        known = self._governorates
        if known is None:
            # the places never change: sorted once (the extractor asks per descriptor)
            known = self._governorates = sorted(
                (p for p in self._places if p.kind == "governorate"), key=lambda p: p.admin1_iso
            )
        return list(known)

    def capitals(self) -> dict[str, Place]:
        """Return the 14 governorate capitals keyed by ISO 3166-2 code (``SY-DI``...)."""
        return {iso: self._by_id[pid] for iso, pid in sorted(self._capitals.items())}

    def surface_forms(self) -> Iterator[tuple[str, str]]:
        """Yield ``(folded alias, place_id)`` for every spelling, for text scanning."""
        for key in sorted(self._fold):
            for i in self._fold[key]:
                yield key, self._places[i].place_id

    def skeleton_forms(self) -> Iterator[tuple[str, str]]:
        """Yield ``(skeleton key, place_id)`` for every spelling's phonetic key.

        The keys of :func:`syriamap._normalize.skeleton`, as indexed (for looser keys
        built on them, such as :mod:`syriamap.extract.spelling`).
        """
        for key in sorted(self._skel):
            for i in self._skel[key]:
                yield key, self._places[i].place_id

    def frame(self) -> pd.DataFrame:
        """Return the places as a pandas DataFrame (one row per place)."""
        import pandas as pd

        records = []
        for p in self._places:
            d = p.to_dict()
            d["aliases"] = "|".join(p.aliases)
            records.append(d)
        return pd.DataFrame.from_records(records)

    # -- resolution --------------------------------------------------------------------------
    def resolve(
        self,
        name: str,
        /,
        *,
        kind: str | None = None,
        near: tuple[float, float] | None = None,
        admin1: str | None = None,
        limit: int = 5,
    ) -> list[Match]:
        """Return ranked candidates for a place name.

        Parameters
        ----------
        name
            A place name as written: any script, spelling, with or without article, ayn and
            hamza marks or kind cues ("Hama province", "Damascus countryside").
        kind
            Keep only places of this kind (one of :data:`KINDS`).
        near
            ``(lat, lon)``: prefer candidates close to this point.
        admin1
            Keep only places in this governorate (name, ISO code or place id).
        limit
            At most this many candidates.

        Returns
        -------
        list of Match
            Best first; empty when nothing matches well enough.

        Raises
        ------
        VocabularyError
            If ``kind`` is not one of :data:`KINDS`.

        Examples
        --------
        >>> [m.place.name for m in Gazetteer.default().resolve("Deraa", limit=1)]
        ['Daraa']
        """
        if kind is not None and kind not in KINDS:
            raise VocabularyError("place kind", kind, KINDS)
        if not isinstance(name, str):
            name = str(name)
        query = fold(_POSSESSIVE.sub(r"\1", name))
        if not query or query in _STOPWORDS:
            return []
        admin_filter = self._admin_filter(admin1) if admin1 else None

        # exact, skeleton and fused-article keys first; then the same without the leading
        # and trailing cue words ("the Hauran", "Hama province"); the fuzzy fallback last,
        # so that "the Hauran" is not a fuzzy "Tehran"
        found = self._lookup(query, fuzzy=False)
        looked_up = query
        cue: str | None = None
        countryside = region = False
        if not found:
            words = query.split()
            stripped = list(words)
            while stripped and stripped[0] in _LEADING_WORDS:
                countryside = countryside or stripped[0] in _COUNTRYSIDE_WORDS
                stripped.pop(0)
            if (
                stripped != words
                and len(stripped) > 1
                and GENERIC_WORDS.get(stripped[-1]) in _FACILITY_CUES
            ):
                # "the Tishreen dam": a site's own name, kind word included
                found = self._lookup(" ".join(stripped), fuzzy=False)
                looked_up = " ".join(stripped)
        if not found:
            words = query.split()
            stripped = list(words)
            while stripped and stripped[0] in _LEADING_WORDS:
                countryside = countryside or stripped[0] in _COUNTRYSIDE_WORDS
                stripped.pop(0)
            # a leading kind cue: "the (port) city of Latakia", "the province of Idlib"
            if "of" in stripped[1:-1]:
                k = stripped.index("of")
                head = stripped[:k]
                kinds = [w for w in head if w in GENERIC_WORDS]
                if kinds and all(
                    w in GENERIC_WORDS or w in _DESCRIPTIVE or w in _DIRECTIONS for w in head
                ):
                    countryside = countryside or any(w in _COUNTRYSIDE_WORDS for w in head)
                    cue = GENERIC_WORDS[kinds[-1]] or None
                    stripped = stripped[k + 1 :]
            while len(stripped) > 1 and stripped[-1] in GENERIC_WORDS:
                word = stripped.pop()
                countryside = countryside or word in _COUNTRYSIDE_WORDS
                region = region or word == "region"
                cue = cue or GENERIC_WORDS[word] or None
            if countryside:
                cue = "governorate"
            rest = " ".join(stripped)
            if stripped and stripped != words:
                found = self._lookup(rest, fuzzy=False)
            if not found:
                found = self._lookup(rest if stripped else query)
            looked_up = rest if stripped else query
        if countryside and found:
            found = self._countryside(found)
        if cue == "district" and found:
            # "the Waer district", "the district of Jobar": a city district when no
            # administrative district has that name
            kinds_found = {self._places[i].kind for i in found}
            if "district" not in kinds_found and "neighbourhood" in kinds_found:
                cue = "neighbourhood"
        wanted = _CUE_KINDS.get(kind or "", (kind,)) if kind in _FACILITY_CUES else None
        if wanted is None and cue in _FACILITY_CUES:
            wanted = _CUE_KINDS.get(cue, (cue,))
        if wanted and found and not any(self._places[i].kind in wanted for i in found):
            found = {**found, **self._sites_of(found, wanted)}
        if wanted and not any(self._places[i].kind in wanted for i in found):
            # "the Tichrine dam": a misspelt site name, kind word included
            phrase = " ".join(w for w in query.split() if w not in _LEADING_WORDS)
            found = {
                **found,
                **{
                    i: hit
                    for i, hit in self._lookup(phrase).items()
                    if self._places[i].kind in wanted
                },
            }
        if (countryside or region) and found and cue in (None, "governorate"):
            # "the Deraa region" is the governorate; "the Manbij countryside", "the
            # Sanamayn region": no governorate of that name, so the district of that name
            kinds_found = {self._places[i].kind for i in found}
            if region and "region" in kinds_found:  # "the Hauran region": the named region
                cue = "region"
            elif "governorate" in kinds_found:
                cue = "governorate"
            elif "district" in kinds_found:
                cue = "district"

        candidates: dict[int, tuple[float, str]] = {}
        for i, (tier, why) in found.items():
            place = self._places[i]
            if kind is not None and place.kind != kind and not (wanted and place.kind in wanted):
                continue
            if admin_filter is not None and not admin_filter(place):
                continue
            candidates[i] = (tier, why)
        if not candidates:
            return []
        scored = {i: self._score(i, tier, cue, near) for i, (tier, why) in candidates.items()}
        if len(scored) > 1:
            # a site whose bare name does not mean it ("Zahra", "Ashrafieh": not prominent)
            # comes after the other places of that name unless a kind word names its kind
            named = set(wanted or ()) | set(_CUE_KINDS.get(cue or "", (cue,))) | {kind}
            for i in scored:
                place = self._places[i]
                if place.source == "site" and not place.prominent and place.kind not in named:
                    scored[i] = round(scored[i] - _SITE_BARE_PENALTY, 4)
        top = max(scored.values())
        close = [i for i, s in scored.items() if top - s < _NAME_BONUS]
        if len(close) > 1:
            # near-ties (homonyms, or one spelling shared by several records): the place
            # whose own name is spelled closest to the query comes first ("Zahraa" is
            # Az-Zahra', not Az-Zahrah; "Baghuz" is the village of that name, not a
            # village that merely lists it among its variants)
            from rapidfuzz.fuzz import ratio

            plain = _without_articles(looked_up)
            for i in close:
                names = self._own_names.get(i)
                if names is None:
                    place = self._places[i]
                    names = self._own_names[i] = tuple(
                        _without_articles(fold(s)) for s in (place.name, place.name_ar) if s
                    )
                likeness = max((ratio(plain, n) for n in names), default=0.0)
                scored[i] = round(scored[i] + _NAME_BONUS * likeness / 100.0, 4)
        ranked = sorted(
            (-scored[i], self._places[i].place_id, i, why) for i, (_, why) in candidates.items()
        )
        return [Match(self._places[i], -neg, why) for neg, _, i, why in ranked[: max(0, limit)]]

    def best(self, name: str, /, **kwargs: Any) -> Place | None:
        """Return the best candidate of :meth:`resolve`, or None."""
        kwargs["limit"] = 1
        found = self.resolve(name, **kwargs)
        return found[0].place if found else None

    def suggest(self, name: str, limit: int = 5) -> list[str]:
        """Return up to ``limit`` display names close to ``name`` ("did you mean")."""
        from rapidfuzz import fuzz, process

        key = skeleton(str(name))
        if not key:
            return []
        keys = self._fuzzy_block(key, spread=3)
        scored = process.extract(key, keys, scorer=fuzz.ratio, limit=limit * 4, score_cutoff=70)
        names: list[str] = []
        for cand, _score, _ in scored:
            best = max(
                (self._places[i] for i in self._skel[cand]),
                key=lambda p: (self._prominence(p), p.place_id),
            )
            if best.name not in names:
                names.append(best.name)
            if len(names) >= limit:
                break
        return names

    def sites_of(self, place_id: str, kinds: Sequence[str]) -> list[Place]:
        """Return the sites of ``kinds`` that belong to a place ("Hama" → its airbase).

        Parameters
        ----------
        place_id
            A place of the gazetteer.
        kinds
            Site kinds (``"airbase"``, ``"crossing"``...; see :data:`SITE_KINDS`).

        Returns
        -------
        list of Place
            The sites whose parent is the place; else, for a town, village or city
            district, the only site of those kinds within 10 km of it; else nothing.
        """
        found = {self._pos[self.get(place_id).place_id]: (1.0, "")}
        return [self._places[j] for j in sorted(self._sites_of(found, tuple(kinds)))]

    # -- internals -----------------------------------------------------------------------------
    def _lookup(self, query: str, *, fuzzy: bool = True) -> dict[int, tuple[float, str]]:
        found: dict[int, tuple[float, str]] = {}

        def add(indices: Sequence[int], tier: float, why: str) -> None:
            for i in indices:
                if i not in found or found[i][0] < tier:
                    found[i] = (tier, why)

        add(self._fold.get(query, ()), _TIER["exact"], "exact")
        skel = skeleton(query)
        if skel:
            exact_in_syria = any(not self._places[i].outside_syria for i in found)
            add(
                [
                    i
                    for i in self._skel.get(skel, ())
                    # a foreign name that only sounds alike does not compete with a Syrian
                    # place spelled exactly so ("Arak" the Palmyra gas field, not "Iraq")
                    if not (exact_in_syria and self._places[i].outside_syria)
                ],
                _TIER["skeleton"],
                "skeleton",
            )
        if found:
            return found
        first = query.split()[0] if query.split() else ""
        for article in ("al", "el"):
            if first.startswith(article) and len(first) > len(article) + 2:
                rest = query[len(article) :]
                add(self._fold.get(rest, ()), _TIER["article"], "fused article")
                add(self._skel.get(skeleton(rest), ()), _TIER["article"] - 0.02, "fused article")
        if found or not fuzzy or len(skel) < _FUZZY_MIN_LEN:
            return found
        from rapidfuzz import fuzz, process

        plain = _without_articles(query)
        for cand, score, _ in process.extract(
            skel,
            self._fuzzy_block(skel),
            scorer=fuzz.ratio,
            limit=5,
            score_cutoff=_FUZZY_SHORT_CUTOFF if len(skel) <= _FUZZY_SHORT_LEN else _FUZZY_CUTOFF,
        ):
            for i in self._skel[cand]:
                place = self._places[i]
                spelled = max(
                    fuzz.ratio(plain, _without_articles(fold(s)))
                    for s in (place.name, place.name_ar, *place.aliases)
                    if s and skeleton(s) == cand
                )
                quality = min(score, spelled)
                if spelled >= _FUZZY_FOLD_CUTOFF:
                    add((i,), 0.85 * quality / 100.0, f"fuzzy {quality:.0f}")
        return found

    def _sites_of(
        self, found: dict[int, tuple[float, str]], kinds: tuple[str, ...]
    ) -> dict[int, tuple[float, str]]:
        """Return the sites of ``kinds`` that belong to the found places ("Hama" → its airbase).

        A site belongs to the place it names as its parent; a town, village or city
        district without such a site lends its name to the only site of those kinds
        within :data:`_SITE_NEAR_KM` ("Nayrab airbase": the airport beside An-Nayrab).
        """
        out: dict[int, tuple[float, str]] = {}
        for i, (tier, why) in found.items():
            place = self._places[i]
            if place.outside_syria:  # "the Al-Qaim crossing" is the Iraqi post
                continue
            kids = [
                j for j in self._children.get(place.place_id, ()) if self._places[j].kind in kinds
            ]
            if not kids and place.kind in ("city", "town", "village", "neighbourhood"):
                kids = [
                    j
                    for j in self._sites
                    if self._places[j].kind in kinds
                    and great_circle_km(
                        place.lat, place.lon, self._places[j].lat, self._places[j].lon
                    )
                    <= _SITE_NEAR_KM
                ]
                if len(kids) != 1:
                    kids = []
            for j in kids:
                if j not in found and (j not in out or out[j][0] < tier):
                    out[j] = (tier, f"{why}; the {self._places[j].kind} of {place.name}")
        return out

    def _lookup_exact(self, key: str) -> bool:
        """Return True when the folded or skeleton key of ``key`` is indexed."""
        return key in self._fold or skeleton(key) in self._skel

    def _fuzzy_block(self, key: str, spread: int = 2) -> list[str]:
        """Skeleton keys sharing the first letter and about the same length."""
        if self._fuzzy is None:
            with self._fuzzy_lock:
                if self._fuzzy is None:
                    blocks: dict[tuple[str, int], list[str]] = {}
                    for k in self._skel:
                        blocks.setdefault((k[0], len(k)), []).append(k)
                    self._fuzzy = blocks
        out: list[str] = []
        for length in range(len(key) - spread, len(key) + spread + 1):
            out.extend(self._fuzzy.get((key[0], length), ()))
        return out

    def _countryside(self, found: dict[int, tuple[float, str]]) -> dict[int, tuple[float, str]]:
        """Map Damascus to Rif Dimashq ("Damascus countryside", "Rural Damascus")."""
        out: dict[int, tuple[float, str]] = {}
        for i, (tier, why) in found.items():
            place = self._places[i]
            if place.admin1_iso == "SY-DI" and place.kind in {"city", "governorate"}:
                for j, other in enumerate(self._places):
                    if other.kind == "governorate" and other.admin1_iso == "SY-RD":
                        out[j] = (tier, "countryside of Damascus")
            else:
                out[i] = (tier, why)
        return out

    @staticmethod
    def _prominence(place: Place) -> float:
        if place.outside_syria:
            return 1.0
        if place.kind in {"governorate", "district", "subdistrict", "region"}:
            # an area's population says little about what a bare name means
            pop = 0.5 if place.kind in {"governorate", "region"} else 0.0
        elif place.source == "site":
            pop = _SITE_PROMINENT if place.prominent else 0.0
        else:
            pop = math.log10((place.population or 0) + 1) / 7.0
        return 0.5 * _KIND_WEIGHT.get(place.kind, 0.3) + 0.5 * min(1.0, pop)

    def _score(
        self, i: int, tier: float, cue: str | None, near: tuple[float, float] | None
    ) -> float:
        place = self._places[i]
        prominence = self._prom[i]
        if prominence is None:
            prominence = self._prom[i] = self._prominence(place)
        if cue is not None:
            cued = place.kind in _CUE_KINDS.get(cue, (cue,))
            prominence = prominence + 0.6 if cued else prominence * 0.5
        if near is not None:
            d = great_circle_km(near[0], near[1], place.lat, place.lon)
            bonus = _NEAR_BONUS * math.exp(-d / _NEAR_KM)
            if place.kind == "city" or place.outside_syria:
                prominence += bonus
            else:
                prominence = max(prominence, min(_NEAR_CAP, prominence + bonus))
        weight = min(1.0, max(0.0, prominence / 1.6))
        return round(tier * (0.75 + 0.25 * weight), 4)

    def _admin_filter(self, admin1: str):
        key = fold(admin1)
        wanted: set[str] = set()
        for gov in self.governorates():
            names = {fold(gov.name), fold(gov.admin1_iso), fold(gov.place_id)}
            names |= {fold(a) for a in gov.aliases}
            if key in names or skeleton(admin1) == skeleton(gov.name):
                wanted.add(gov.admin1_iso)
        return lambda place: place.admin1_iso in wanted


def _without_articles(folded: str) -> str:
    words = folded.split()
    return " ".join(w for w in words if w not in ARTICLES) if len(words) > 1 else folded


def _outside_places() -> list[Place]:
    text = _read_package_text("outside_syria.csv").decode("utf-8")
    places = []
    for row in csv.DictReader(io.StringIO(text)):
        places.append(
            Place(
                row["place_id"],
                row["name"],
                row["name_ar"],
                row["kind"],
                float(row["lat"]),
                float(row["lon"]),
                aliases=tuple(a for a in row["aliases"].split("|") if a),
                source="outside_syria",
                country=row["country"],
                geonames_id=int(row["geonames_id"]) if row.get("geonames_id") else None,
            )
        )
    return places


def resolve(name: str, /, **kwargs: Any) -> list[Match]:
    """Resolve a place name with the bundled gazetteer (see :meth:`Gazetteer.resolve`)."""
    return Gazetteer.default().resolve(name, **kwargs)
