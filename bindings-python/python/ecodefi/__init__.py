"""ecodefi: exact, traceable results of eco-citizen challenges (défis écocitoyens).

A thin Python layer over the Rust core: every quantity is a ``decimal.Decimal``,
every day a ``datetime.date``, every name (carrier, unit, method, theme…) the
core's one spelling. Errors are :class:`ecodefi.EcodefiError` subclasses (see
:mod:`ecodefi.exceptions`).
"""

from __future__ import annotations

from ecodefi import files, results
from ecodefi._ecodefi import (
    REPORT_SCHEMA_VERSION,
    SCHEMA_VERSION,
    Baseline,
    Catalogue,
    ChallengeData,
    Occupants,
    Period,
    MeterFile,
    Report,
    StationTemperatures,
    WeatherFile,
    __version__,
    code_label,
    compute,
    correct_climate,
    degree_days,
    file_kind,
    names,
    official_conversion,
    read_csv_tables,
    read_files,
    read_frames,
    read_meter_file,
    read_weather,
    regression_fit,
    regression_fit_many,
    synthetic_challenge,
)

try:  # the Arrow path: built with the `arrow` feature (the published wheels)
    from ecodefi._ecodefi import ArrowTable
except ImportError:  # pragma: no cover - a build without the feature
    pass
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
    "regression_fit_many",
    "ChallengeData",
    "Report",
    "compute",
    "code_label",
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
    "files",
    "read_weather",
    "WeatherFile",
    "StationTemperatures",
    "read_meter_file",
    "MeterFile",
    "read_files",
    "file_kind",
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
if "ArrowTable" in globals():
    __all__ += ["ArrowTable"]
