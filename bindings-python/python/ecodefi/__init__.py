"""ecodefi: exact, traceable results of eco-citizen challenges (défis écocitoyens).

A thin Python layer over the Rust core: every quantity is a ``decimal.Decimal``,
every day a ``datetime.date``, every name (carrier, unit, method, theme…) the
core's one spelling. Errors are :class:`ecodefi.EcodefiError` subclasses (see
:mod:`ecodefi.exceptions`).
"""

from __future__ import annotations

from ecodefi import results
from ecodefi._ecodefi import (
    REPORT_SCHEMA_VERSION,
    SCHEMA_VERSION,
    Baseline,
    Catalogue,
    ChallengeData,
    Occupants,
    Period,
    Report,
    __version__,
    compute,
    correct_climate,
    degree_days,
    names,
    official_conversion,
    read_csv_tables,
    read_frames,
    regression_fit,
    synthetic_challenge,
)
from ecodefi.exceptions import (
    DecimalOverflowError,
    DocumentError,
    DuplicateError,
    EcodefiError,
    InsufficientDataError,
    UnsupportedError,
    InvalidValueError,
    SchemaVersionError,
    UnknownNameError,
    UnknownReferenceError,
    ValidationError,
)

__all__ = [
    "__version__",
    "SCHEMA_VERSION",
    "REPORT_SCHEMA_VERSION",
    "Baseline",
    "Catalogue",
    "regression_fit",
    "ChallengeData",
    "Report",
    "compute",
    "results",
    "synthetic_challenge",
    "Occupants",
    "Period",
    "correct_climate",
    "degree_days",
    "names",
    "official_conversion",
    "read_frames",
    "read_csv_tables",
    "EcodefiError",
    "ValidationError",
    "InvalidValueError",
    "UnknownNameError",
    "DuplicateError",
    "UnknownReferenceError",
    "DocumentError",
    "SchemaVersionError",
    "InsufficientDataError",
    "UnsupportedError",
    "DecimalOverflowError",
]
