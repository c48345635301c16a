"""ecodefi: exact, traceable results of eco-citizen challenges (défis écocitoyens).

A thin Python layer over the Rust core: every quantity is a ``decimal.Decimal``,
every day a ``datetime.date``, every name (carrier, unit, method, theme…) the
core's one spelling. Errors are :class:`ecodefi.EcodefiError` subclasses (see
:mod:`ecodefi.exceptions`).
"""

from __future__ import annotations

from ecodefi._ecodefi import (
    Occupants,
    Period,
    __version__,
    correct_climate,
    degree_days,
    names,
    official_conversion,
    read_frames,
)
from ecodefi.exceptions import (
    DecimalOverflowError,
    DocumentError,
    DuplicateError,
    EcodefiError,
    InsufficientDataError,
    InvalidValueError,
    SchemaVersionError,
    UnknownNameError,
    UnknownReferenceError,
    ValidationError,
)

__all__ = [
    "__version__",
    "Occupants",
    "Period",
    "correct_climate",
    "degree_days",
    "names",
    "official_conversion",
    "read_frames",
    "EcodefiError",
    "ValidationError",
    "InvalidValueError",
    "UnknownNameError",
    "DuplicateError",
    "UnknownReferenceError",
    "DocumentError",
    "SchemaVersionError",
    "InsufficientDataError",
    "DecimalOverflowError",
]
