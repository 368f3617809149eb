"""Great-circle distance: the one formula every distance in syriamap uses."""

from __future__ import annotations

import math

__all__ = ["EARTH_RADIUS_KM", "great_circle_km"]

EARTH_RADIUS_KM = 6371.0
"""The mean Earth radius (IUGG), in kilometres."""


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Return the great-circle (haversine) distance between two points, in kilometres.

    Used by the gazetteer (``near=``), the extractor's resolution in context and the
    gazetteer build; the distance checks of :mod:`syriamap.extract.distances` compare
    claimed distances with the geodesic on the ellipsoid instead (geopy).

    Examples
    --------
    >>> round(great_circle_km(33.5138, 36.2765, 36.2021, 37.1343))  # Damascus - Aleppo
    309
    >>> great_circle_km(35.0, 38.0, 35.0, 38.0)
    0.0
    """
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return EARTH_RADIUS_KM * 2 * math.asin(math.sqrt(min(1.0, a)))
