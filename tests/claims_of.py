"""The claims the extractor reads in an invented text: one helper for the rule tests.

``claims(text)`` gives (place name, actor, relation) triples, ``claims_by_id(text)`` the
same with the place id, ``analysed(text)`` the whole :class:`Analysis` (stances, dates),
all with the publication date the rule tests assume (Saturday 7 December 2024).
"""

from __future__ import annotations

import warnings

from syriamap.extract.document import document_from_text
from syriamap.extract.pipeline import Analysis, analyse

PUBLISHED = "2024-12-07"


def analysed(text: str, published: str = PUBLISHED) -> Analysis:
    """Return the pipeline's analysis of ``text`` (extraction warnings silenced)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return analyse(document_from_text(text, meta={"source_id": "t", "published": published}))


def claims(text: str) -> set[tuple[str, str, str]]:
    """Return (place name, actor, relation) of the claims of ``text``."""
    return {
        (r["place_name"], r["actor"], r["relation"])
        for r in (c.to_row() for c in analysed(text).candidates)
    }


def claims_by_id(text: str) -> set[tuple[str, str, str]]:
    """Return (place id, actor, relation) of the claims of ``text``."""
    return {
        (r["place_id"], r["actor"], r["relation"])
        for r in (c.to_row() for c in analysed(text).candidates)
    }
