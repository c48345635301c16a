"""ecodefi: exact, traceable results of eco-citizen challenges (défis écocitoyens)."""

import datetime
import os
from decimal import Decimal
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

from typing_extensions import final

from ecodefi import files as files
from ecodefi import results as results
from ecodefi.exceptions import DecimalOverflowError as DecimalOverflowError
from ecodefi.exceptions import DocumentError as DocumentError
from ecodefi.exceptions import DuplicateError as DuplicateError
from ecodefi.exceptions import EcodefiError as EcodefiError
from ecodefi.exceptions import InsufficientDataError as InsufficientDataError
from ecodefi.exceptions import UnsupportedError as UnsupportedError
from ecodefi.exceptions import InvalidValueError as InvalidValueError
from ecodefi.exceptions import SchemaVersionError as SchemaVersionError
from ecodefi.exceptions import UnknownNameError as UnknownNameError
from ecodefi.exceptions import UnknownReferenceError as UnknownReferenceError
from ecodefi.exceptions import ValidationError as ValidationError

__all__ = [
    "__version__",
    "SCHEMA_VERSION",
    "REPORT_SCHEMA_VERSION",
    "ArrowTable",
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

#: A quantity: exact ``Decimal``, ``int``, ``float`` (through its shortest
#: repr) or the JSON document's ``str`` spelling.
_Quantity = Union[Decimal, int, float, str]
#: A day: ``datetime.date`` (a ``datetime``/``Timestamp`` only at midnight)
#: or an ISO ``str``.
_Day = Union[datetime.date, str]
#: A table: a pandas DataFrame or a dict of columns.
_Frame = Any
#: A file: its path, or its bytes.
_Source = Union[str, "os.PathLike[str]", bytes, bytearray]
#: Files: a folder, paths (or ``(name, bytes)`` pairs), or names to bytes.
_Files = Union[
    str,
    "os.PathLike[str]",
    Mapping[str, Union[bytes, bytearray]],
    Iterable[Union[str, "os.PathLike[str]", Tuple[str, Union[bytes, bytearray]]]],
]

__version__: str
#: The input document's schema version (``ChallengeData``).
SCHEMA_VERSION: int
#: The report's schema version (``Report.schema_version``, ``to_json``).
REPORT_SCHEMA_VERSION: int

@final
class Period:
    """A period of whole days, both ends included."""

    def __new__(cls, first: _Day, last: _Day) -> Period: ...
    @property
    def first(self) -> datetime.date:
        """The first day."""
    @property
    def last(self) -> datetime.date:
        """The last day (included)."""
    @property
    def days(self) -> int:
        """The number of days, both ends included."""
    def to_dict(self) -> Dict[str, datetime.date]:
        """``{"first": date, "last": date}``, the document's form."""
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Occupants:
    """Who lives in a household: adults and the children's ages."""

    def __new__(cls, adults: int, children: Sequence[int] = ...) -> Occupants: ...
    @property
    def adults(self) -> int:
        """The number of adults."""
    @property
    def children(self) -> List[int]:
        """The ages of the children."""
    @property
    def persons(self) -> int:
        """The number of persons."""
    @property
    def consumption_units(self) -> Decimal:
        """INSEE consumption units."""
    def to_dict(self) -> Dict[str, Any]:
        """``{"adults": int, "children": [int, ...]}``, the document's form."""
    def __eq__(self, other: object, /) -> bool: ...

@final
class ChallengeData:
    """The one input document of a challenge."""

    def __new__(
        cls,
        challenge: Mapping[str, Any],
        households: Sequence[Any],
        temperatures: Optional[Sequence[Any]] = None,
        options: Optional[Mapping[str, Any]] = None,
    ) -> ChallengeData: ...
    @staticmethod
    def from_json(text: str) -> ChallengeData:
        """Reads the JSON document."""
    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> ChallengeData:
        """Reads the document from a dict in the JSON document's shape."""
    @staticmethod
    def from_frames(
        settings: Union[str, Mapping[str, Any]],
        households: _Frame,
        *,
        teams: Optional[_Frame] = None,
        meters: Optional[_Frame] = None,
        readings: Optional[_Frame] = None,
        events: Optional[_Frame] = None,
        bills: Optional[_Frame] = None,
        deliveries: Optional[_Frame] = None,
        stock: Optional[_Frame] = None,
        presence: Optional[_Frame] = None,
        temperatures: Optional[_Frame] = None,
        weighings: Optional[_Frame] = None,
        purchases: Optional[_Frame] = None,
        trips: Optional[_Frame] = None,
    ) -> ChallengeData:
        """Builds the document from tables, one per table, and the settings: pandas DataFrames (or dicts of columns), or Arrow tables (pyarrow, polars: any object with ``__arrow_c_stream__``/``__arrow_c_array__``), read a whole column at a time."""
    @staticmethod
    def from_csv(
        settings: Union[str, Mapping[str, Any], None],
        files: Sequence[Union[str, "os.PathLike[str]"]],
    ) -> ChallengeData:
        """Builds the document from CSV files (each table known by its file name) and the settings (``None``: the settings table among the files)."""
    @staticmethod
    def from_files(
        sources: _Files,
        *,
        station: Optional[str] = None,
        fill_station: Optional[str] = None,
        interpolate_max_days: int = 0,
    ) -> ChallengeData:
        """Builds the document from the files an organiser has (tables, Linky and Gazpar exports, a Météo-France file)."""
    def to_dict(self) -> Dict[str, Any]:
        """The document as a dict (``Decimal`` quantities, ``datetime.date`` days)."""
    def to_json(self) -> str:
        """The JSON document (decimals as strings)."""
    @property
    def households(self) -> int:
        """The number of households."""
    def compute(
        self,
        *,
        as_of: Union[datetime.date, str, None] = None,
        lang: str = "en",
        threads: Optional[int] = None,
    ) -> Report:
        """Computes the challenge's results, its texts in ``lang`` (``"en"`` or ``"fr"``); provisional as of ``as_of`` (a date, an ISO date or ``"last_data"``); on ``threads`` threads (default: ``ECODEFI_THREADS`` or every core; the same report on any number)."""

@final
class ArrowTable:
    """A table of results in Arrow form (``Report.to_arrow``): read it with ``pyarrow.table(t)`` or ``polars.DataFrame(t)`` (the Arrow PyCapsule interface)."""

    def __arrow_c_stream__(self, requested_schema: Optional[object] = None) -> object:
        """The Arrow C stream of the table (a PyCapsule)."""
    def __arrow_c_schema__(self) -> object:
        """The Arrow C schema of the table (a PyCapsule)."""
    @property
    def num_rows(self) -> int:
        """The number of rows."""
    @property
    def column_names(self) -> List[str]:
        """The column names, in order."""
    def __len__(self) -> int: ...

@final
class Report:
    """The results of a challenge: a section per theme computed."""

    @property
    def headline(self) -> str:
        """The headline, in the published French style, one line per theme."""
    @property
    def schema_version(self) -> int:
        """The report's schema version."""
    @property
    def households(self) -> int:
        """The number of households of the input."""
    @property
    def challenge(self) -> Dict[str, Any]:
        """The challenge, as a dict in the document's form."""
    @property
    def energy(self) -> Optional[results.EnergyReport]:
        """The energy section as typed objects, or ``None``."""
    @property
    def water(self) -> Optional[results.WaterReport]:
        """The water section as typed objects, or ``None``."""
    @property
    def waste(self) -> Optional[results.WasteReport]:
        """The waste section as typed objects, or ``None``."""
    @property
    def food(self) -> Optional[results.FoodReport]:
        """The food section as typed objects, or ``None``."""
    @property
    def mobility(self) -> Optional[results.MobilityReport]:
        """The mobility section as typed objects, or ``None``."""
    @property
    def provisional(self) -> Optional[results.Provisional]:
        """When provisional (``as_of``): the day, the elapsed and total days; ``None`` for final results."""
    def to_dict(self) -> Dict[str, Any]:
        """The report as a dict: ``Decimal`` quantities, ``datetime.date`` days."""
    def to_json(self) -> str:
        """The report as JSON text (decimals as strings)."""
    def to_pandas(self, decimals: str = "decimal") -> Dict[str, Any]:
        """Tidy DataFrames: ``households``, ``meters``, ``teams``, ``challenge``, ``national`` (the challenge beside the national references) and one per theme computed (``energy``, ``water``, ``waste``, ``food``, ``mobility``)."""
    def to_arrow(self, decimals: str = "decimal") -> Dict[str, ArrowTable]:
        """The tables of ``to_pandas`` as Arrow tables: exact ``Decimal128`` decimals (or ``Float64`` with ``decimals="float"``), ``Date32`` days."""
    def _repr_html_(self) -> str:
        """The notebook view: the headline and the team ranking."""

@final
class Catalogue:
    """A regional catalogue of eco-citizen challenges."""

    @staticmethod
    def from_json(text: str) -> Catalogue:
        """Reads the catalogue's JSON document."""
    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> Catalogue:
        """Reads the catalogue from a dict in the JSON document's shape."""
    def to_dict(self) -> Dict[str, Any]:
        """The catalogue as a dict (``Decimal`` figures)."""
    def to_json(self) -> str:
        """The catalogue's JSON document."""
    @property
    def records(self) -> int:
        """The number of records."""
    def validate(self) -> List[Dict[str, Any]]:
        """The problems found in the catalogue, as dicts with their ``rule``.

        A group of duplicates or of overlapping editions is one dict: its
        first ``record``, its first 20 ``members`` and its ``member_count``.
        """
    def summary(self, group_by: str = "all", filter: Optional[Mapping[str, Any]] = None) -> Dict[str, Any]:
        """The records grouped by ``group_by`` after ``filter``, with combined results."""
    def timelines(self) -> List[Dict[str, Any]]:
        """Each territory's challenges over the years."""
    def to_pandas(self, decimals: str = "decimal") -> Dict[str, Any]:
        """The catalogue as tidy DataFrames: ``records`` and ``results``."""

def code_label(code: str, lang: str = "en") -> Optional[str]:
    """A code (exclusion, warning, error kind) in words, in ``lang``, from the core's catalogue."""

def compute(
    data: Union[ChallengeData, Mapping[str, Any]],
    *,
    as_of: Union[datetime.date, str, None] = None,
    lang: str = "en",
    threads: Optional[int] = None,
) -> Report:
    """Computes a challenge's results from its ``ChallengeData`` (or a dict), its texts in ``lang``; provisional as of ``as_of`` (a date, an ISO date or ``"last_data"``); on ``threads`` threads (default: ``ECODEFI_THREADS`` or every core; the same report on any number), the GIL released."""

def synthetic_challenge(households: int = 190, *, seed: int = 2026, problems: bool = True) -> ChallengeData:
    """A synthetic challenge from the core's generator."""

def degree_days(
    tn: _Quantity,
    tx: _Quantity,
    *,
    method: Optional[str] = None,
    base: Optional[_Quantity] = None,
    kind: Optional[str] = None,
) -> Decimal:
    """Degree-days of one day from its minimum and maximum temperatures (°C)."""

def correct_climate(
    method: str,
    energy: _Quantity,
    heating_share: _Quantity,
    dj_from: _Quantity,
    dj_to: _Quantity,
) -> Decimal:
    """``energy`` measured under ``dj_from`` degree-days, brought to ``dj_to``."""

def official_conversion(carrier: str, unit: str, basis: str) -> Decimal:
    """The official kWh per ``unit`` of ``carrier`` on ``basis``."""

def names() -> Dict[str, List[str]]:
    """The core's spellings of every enumeration, by name."""

def read_frames(
    households: _Frame,
    *,
    teams: Optional[_Frame] = None,
    meters: Optional[_Frame] = None,
    readings: Optional[_Frame] = None,
    events: Optional[_Frame] = None,
    bills: Optional[_Frame] = None,
    deliveries: Optional[_Frame] = None,
    stock: Optional[_Frame] = None,
    presence: Optional[_Frame] = None,
    temperatures: Optional[_Frame] = None,
    weighings: Optional[_Frame] = None,
    purchases: Optional[_Frame] = None,
    trips: Optional[_Frame] = None,
) -> Dict[str, Any]:
    """Reads a challenge's tables with the core's columnar input."""

def read_csv_tables(files: Sequence[Tuple[str, str]]) -> Dict[str, Any]:
    """Reads CSV texts, ``(file name, text)`` pairs, with the core's tabular input."""

@final
class Baseline:
    """A fitted weather-regression baseline (CalTRACK 2.0 / PRISM)."""

    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> Baseline:
        """Reads a baseline from the dict ``to_dict`` gives."""
    def normalised_annual_consumption(self, temperatures: Any) -> Dict[str, Any]:
        """PRISM normalised annual consumption on a normal year's daily °C."""
    def to_dict(self) -> Dict[str, Any]:
        """The baseline in the core's JSON shape (``Decimal`` where the core has one)."""
    @property
    def model(self) -> Optional[Dict[str, Any]]:
        """The selected model (kind, balance points in °C, coefficients, metrics), or ``None``."""
    @property
    def sufficiency(self) -> Dict[str, Any]:
        """The named sufficiency checks of the data."""
    @property
    def no_model_reason(self) -> Optional[str]:
        """Why there is no model, or ``None``."""
    @property
    def usable(self) -> bool:
        """Whether a model was selected and no sufficiency check failed."""
    def predict(self, temperatures: Any) -> Any:
        """Per-day predicted usage (``base``, ``heating``, ``cooling``, ``total``):
        a DataFrame for a Series of °C indexed by day, an ``ArrowTable`` (with ``date``) for an Arrow table, else a list of dicts."""
    def predict_report(
        self, temperatures: Any, options: Optional[Mapping[str, Any]] = None
    ) -> Dict[str, Any]:
        """The summed prediction with its span, the days outside the
        baseline's temperature range and ``warnings``."""
    def savings(
        self,
        usage: Any,
        temperatures: Optional[Any] = None,
        confidence: float = 0.9,
        options: Optional[Mapping[str, Any]] = None,
    ) -> Dict[str, Any]:
        """Metered savings over a reporting period, with error bands at
        ``confidence``, the reporting span, the days colder or warmer than
        the baseline and ``warnings`` (limits in ``options``:
        ``min_reporting_days``, ``max_extrapolated_share``)."""

def regression_fit(
    usage: Any, temperatures: Optional[Any] = None, options: Optional[Mapping[str, Any]] = None
) -> Baseline:
    """Fits a weather-regression baseline on daily usage (a Series indexed by
    day with a temperature Series in °C, an Arrow table of ``date``,
    ``usage``, ``temperature_c``) or the core's dict form; the
    baseline window is ``options`` ``baseline_start``/``baseline_end``, or
    the ``baseline_days`` before ``reporting_start``, or the data's span."""

def regression_fit_many(
    table: Any,
    *,
    meter: str = "meter",
    day: str = "day",
    usage: str = "usage",
    temperature: str = "temperature",
    options: Optional[Mapping[str, Any]] = None,
    threads: Optional[int] = None,
    lang: str = "en",
) -> Any:
    """Fits a weather-regression baseline for every meter of a long table
    (a DataFrame, or an Arrow table such as pyarrow's or polars', with one
    row per meter and day; the keyword arguments name its columns), in
    parallel on ``threads`` threads (default: ``ECODEFI_THREADS`` or every
    core), with the same ``options`` for every meter. Returns a DataFrame with one
    row per meter, in the order of the meters' first rows: the model, its
    metrics, the sufficiency summary (``usable``, ``failed_checks``…) or
    the meter's own error (``error_code``, ``error_message`` in ``lang``)."""

@final
class WeatherFile:
    """A Météo-France climatological file, read: its stations and their daily temperatures."""

    @property
    def name(self) -> str:
        """The name the file was read under (cited in errors)."""
    @property
    def resolution(self) -> str:
        """``"daily"`` or ``"hourly"``."""
    @property
    def stations(self) -> List[files.Station]:
        """The stations, in the order of the file."""
    def stations_frame(self) -> Any:
        """The stations as a pandas DataFrame, one row per station."""
    def station(self, station: str) -> files.Station:
        """The station of this number (or this exact name)."""
    def nearest(self, latitude: _Quantity, longitude: _Quantity) -> Optional[files.Station]:
        """The station nearest to a point (decimal degrees), or ``None``."""
    def temperatures(
        self,
        station: str,
        first: Optional[_Day] = None,
        last: Optional[_Day] = None,
        *,
        fill_station: Optional[str] = None,
        interpolate_max_days: int = 0,
    ) -> StationTemperatures:
        """One station's daily Tn/Tx from ``first`` to ``last`` (both or neither), gaps filled only as asked."""
    def __len__(self) -> int: ...

@final
class StationTemperatures:
    """One station's daily temperatures and the days filled; stands for a challenge's ``temperatures``."""

    @property
    def station(self) -> files.Station:
        """The station."""
    @property
    def filled(self) -> List[files.FilledDay]:
        """Every day filled, in date order."""
    @property
    def period(self) -> Period:
        """The first and last day."""
    def to_list(self) -> List[Dict[str, Any]]:
        """The days in the document's form: ``{"date", "tn", "tx"}`` dicts."""
    def to_pandas(self) -> Any:
        """A DataFrame, one row per day: ``date``, ``tn``, ``tx``."""
    def filled_frame(self) -> Any:
        """The filled days as a DataFrame: ``date``, ``tn``, ``tx``, ``method``, ``station``."""
    def __len__(self) -> int: ...

@final
class MeterFile:
    """A Linky (Enedis) or Gazpar (GRDF) export, read: one meter's daily consumption and index."""

    @property
    def name(self) -> str:
        """The name the file was read under (cited in errors)."""
    @property
    def provider(self) -> str:
        """``"enedis"`` or ``"grdf"``."""
    @property
    def content(self) -> str:
        """``"daily_consumption"``, ``"index"``, ``"load_curve"`` or ``"gas_days"``."""
    @property
    def step_minutes(self) -> Optional[int]:
        """A load curve's step in minutes, else ``None``."""
    @property
    def identifier(self) -> Optional[str]:
        """The PRM (Enedis) or PCE (GRDF) the file names, or ``None``."""
    @property
    def carrier(self) -> str:
        """``"electricity"`` or ``"natural_gas"``."""
    @property
    def days(self) -> List[files.Day]:
        """Every complete day's consumption, in date order."""
    @property
    def index(self) -> List[files.IndexReading]:
        """Index readings at the start of a day (kWh for Enedis, m³ for GRDF)."""
    @property
    def incomplete_days(self) -> List[datetime.date]:
        """Days in the file's span without a complete measurement (gaps, never zeros)."""
    @property
    def events(self) -> List[Dict[str, Any]]:
        """Index discontinuities of a GRDF file, as meter events in the document's form."""
    def usage_data(self, temperatures: Union[StationTemperatures, Sequence[Any]]) -> Dict[str, Any]:
        """Daily usage with each day's mean temperature, the core's form that ``regression_fit`` reads."""
    @property
    def first(self) -> Optional[datetime.date]:
        """The first day covered."""
    @property
    def last(self) -> Optional[datetime.date]:
        """The last day covered."""
    def days_frame(self) -> Any:
        """The days as a DataFrame: ``date``, ``kwh``, ``m3``, ``kwh_per_m3``."""
    def index_frame(self) -> Any:
        """The index readings as a DataFrame: ``date``, ``value``."""
    def to_pandas(self) -> Dict[str, Any]:
        """``{"days": days_frame(), "index": index_frame()}``."""
    def to_dict(self) -> Dict[str, Any]:
        """The file in the core's serde form."""

def read_weather(source: _Source, name: Optional[str] = None, *, accept_doubtful: bool = False) -> WeatherFile:
    """Reads a Météo-France climatological file (daily or hourly, gzipped or not)."""

def read_meter_file(source: _Source, name: Optional[str] = None) -> MeterFile:
    """Reads a Linky (Enedis) or Gazpar (GRDF) export, recognised by its header."""

def read_files(
    sources: _Files,
    *,
    station: Optional[str] = None,
    fill_station: Optional[str] = None,
    interpolate_max_days: int = 0,
) -> Tuple[ChallengeData, files.Imported]:
    """Reads a whole challenge from its files; returns it and what each file became."""

def file_kind(source: _Source, name: Optional[str] = None) -> Tuple[str, Optional[str]]:
    """What a file is: ``("table", table)``, ``("weather", None)`` or ``("meter", None)``."""
