"""Text → sentences → mentions → claims → assertions, one module a stage.

========================  ===============================================================
module                    stage
========================  ===============================================================
``document``              bytes → decoded text, metadata, article body (HTML, header block)
``sentences``             sentence spans
``mentions``              place names (Aho-Corasick over the gazetteer's folded aliases)
``context``               resolution in document context ("the capital", kind cues)
``actor_mentions``        actors from the actor lexicon
``relations``             control relations from ``data/lexicon/relations.csv``
``collective``            "only three out of 14 provincial capitals: ..."
``stance``                asserted / attributed / denied / unverified, and the claimant
``dates``                 time cues resolved against the publication date
``distances``             "50 kilometers east of Deraa" checked with geopy
``pipeline``              :func:`extract`, :func:`analyse`
``evaluate``              precision / recall / F1 against the gold annotation
========================  ===============================================================
"""

from __future__ import annotations

from .document import MAX_BYTES, Document, ExtractWarning, read_document
from .pipeline import CSV_COLUMNS, Analysis, Candidate, analyse, extract

__all__ = [
    "CSV_COLUMNS",
    "MAX_BYTES",
    "Analysis",
    "Candidate",
    "Document",
    "ExtractWarning",
    "analyse",
    "extract",
    "read_document",
]
