"""syriamap: news reporting about the war in Syria turned into dated control maps.

text → assertions → maps, with every coloured dot traceable to a quote and a source.
"""

from __future__ import annotations

from .errors import (
    DataError,
    InvalidDateError,
    OutputError,
    SchemaVersionError,
    StoreError,
    SyriamapError,
    UnknownActorError,
    UnknownPlaceError,
    VocabularyError,
)

__version__ = "0.1.0"

__all__ = [
    "DataError",
    "InvalidDateError",
    "OutputError",
    "SchemaVersionError",
    "StoreError",
    "SyriamapError",
    "UnknownActorError",
    "UnknownPlaceError",
    "VocabularyError",
    "__version__",
]
