"""Typed result objects of a report (``Report.energy``, ``Report.water``…).

Each class mirrors one serde structure of the core's report (report schema
version 2, ``ecodefi.REPORT_SCHEMA_VERSION``), field for field: quantities
are exact ``decimal.Decimal`` (kWh on the report's basis, litres, kg,
person-km, kgCO2e, euros; ratios as fractions, ``-0.113`` for 11.3 % less,
share changes in points as fractions), periods are ``ecodefi.Period``, days
``datetime.date``, names the core's ``str`` spellings, and an optional
figure the core leaves out is ``None``. A field the JSON calls ``from`` (a
Python keyword) is ``from_``.

Every theme lists every household of the input, in input order, in one
shape (the core's ``outcome::HouseholdResult<T>``): a :class:`HouseholdResult`
with ``household``, ``team``, ``status`` (``"computed"`` or ``"excluded"``),
``exclusions`` (every reason it was left out, empty when computed),
``warnings`` and ``figures`` (the theme's figures class, ``None`` when
excluded). Each theme has its subclass with typed figures:

- energy: :class:`EnergyReport`, :class:`EnergyHouseholdResult` with
  :class:`Saving` figures (and :class:`MeterResult` per meter),
  :class:`TeamResult`, :class:`EnergyTotals`;
- water: :class:`WaterReport`, :class:`WaterHouseholdResult` with
  :class:`WaterIndicators`, :class:`WaterTeam`, :class:`WaterTotals`;
- waste: :class:`WasteReport`, :class:`WasteHouseholdResult` with
  :class:`WasteIndicators` (:class:`Flow`, :class:`StreamFlow`),
  :class:`WasteTeam`, :class:`WasteTotals`;
- food: :class:`FoodReport`, :class:`FoodHouseholdResult` with
  :class:`FoodIndicators` (:class:`SurveyFigures`, :class:`FoodChange`),
  :class:`FoodTeam`, :class:`FoodTotals`;
- mobility: :class:`MobilityReport`, :class:`MobilityHouseholdResult` with
  :class:`MobilityIndicators` (:class:`PeriodMobility`,
  :class:`ModeFigures`), :class:`MobilityTeam`, :class:`MobilityTotals`.

Each of the energy, water and waste sections also has ``national``: the
challenge set beside a sourced national figure (:class:`NationalComparison`
with its :class:`NationalFigure`; waste's :class:`WasteComparison` holds
two, residual waste against OMR and all streams against DMA), ``None`` in a
report written before they existed.

Build them from the report (``report.water``) or from the matching part of
``report.to_dict()`` with ``from_dict`` (``WaterReport.from_dict(
report.to_dict()["water"])``); an unknown key is a ``TypeError``. The
classes only convert: every figure is the core's.
"""

from __future__ import annotations

import dataclasses
import keyword
import typing
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Callable, ClassVar, Dict, FrozenSet, Generic, List, Mapping, Optional, Tuple, Type, TypeVar, Union

if TYPE_CHECKING:
    from ecodefi import Period
else:
    from ecodefi._ecodefi import Period

__all__ = [
    "Provisional",
    "Exclusion",
    "Warning",
    "ExclusionCount",
    "Totals",
    "HouseholdResult",
    "DegreeDayOptions",
    "NationalFigure",
    "NationalComparison",
    "WasteComparison",
    "MeterResult",
    "Saving",
    "EnergyHouseholdResult",
    "TeamResult",
    "EnergyTotals",
    "EnergyReport",
    "WaterReference",
    "WaterIndicators",
    "WaterHouseholdResult",
    "WaterTotals",
    "WaterTeam",
    "WaterReport",
    "Flow",
    "StreamFlow",
    "WasteIndicators",
    "WasteHouseholdResult",
    "StreamTotals",
    "WasteTotals",
    "WasteTeam",
    "WasteReport",
    "Survey",
    "ChannelSpending",
    "SurveyFigures",
    "FoodChange",
    "FoodIndicators",
    "FoodHouseholdResult",
    "FoodTotals",
    "FoodTeam",
    "FoodReport",
    "ModeFactor",
    "ModeFactors",
    "ModeFigures",
    "PeriodMobility",
    "MobilityIndicators",
    "MobilityHouseholdResult",
    "MobilityTotals",
    "MobilityTeam",
    "MobilityReport",
]

T = TypeVar("T")
F = TypeVar("F")


#: Per class, its fields as (JSON key, attribute, converter): worked out
#: once from the type hints.
_PLANS: Dict[type, Tuple[FrozenSet[str], List[Tuple[str, str, Callable[[Any], Any]]]]] = {}


def _same(v: Any) -> Any:
    return v


def _converter(tp: Any) -> Callable[[Any], Any]:
    """How a value of the report's dict form becomes the type ``tp``:
    nested classes, lists and periods converted, everything else as the
    core gave it. A missing list is empty, a missing value ``None``."""
    origin = typing.get_origin(tp)
    if origin is list:
        (item,) = typing.get_args(tp)
        each = _converter(item)
        return lambda v: [each(x) for x in v] if v else []
    if origin is dict:
        return lambda v: dict(v) if v else {}
    if origin is Union:
        (inner,) = [a for a in typing.get_args(tp) if a is not type(None)]
        convert = _converter(inner)
        return lambda v: None if v is None else convert(v)
    if tp is Period:
        return lambda v: None if v is None or isinstance(v, Period) else Period(v["first"], v["last"])
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        build = tp.from_dict  # type: ignore[attr-defined]
        return lambda v: None if v is None else build(v)
    return _same


def _plan(cls: type) -> Tuple[FrozenSet[str], List[Tuple[str, str, Callable[[Any], Any]]]]:
    """The fields of the dataclass ``cls`` and their converters (a
    :class:`HouseholdResult` subclass's ``figures`` as its ``_figures``)."""
    known = _PLANS.get(cls)
    if known is not None:
        return known
    hints = typing.get_type_hints(cls)
    figures = getattr(cls, "_figures", None)
    plan = []
    for f in dataclasses.fields(cls):
        key = f.name[:-1] if f.name.endswith("_") and keyword.iskeyword(f.name[:-1]) else f.name
        tp = Optional[figures] if key == "figures" and figures is not None else hints[f.name]
        plan.append((key, f.name, _converter(tp)))
    _PLANS[cls] = (frozenset(p[0] for p in plan), plan)
    return _PLANS[cls]


def _build(cls: Type[T], d: Mapping[str, Any]) -> T:
    """The dataclass ``cls`` from its dict form: every key must be a field;
    a field absent from the dict (an optional figure the core leaves out)
    is ``None`` (an empty list for a list)."""
    if not isinstance(d, Mapping):
        raise TypeError(f"{cls.__name__}: expected a dict, got {type(d).__name__}")
    keys, plan = _plan(cls)
    if not keys.issuperset(d):
        unknown = set(d) - keys
        raise TypeError(f"{cls.__name__}: unknown fields {sorted(unknown)}")
    return cls(**{attr: convert(d.get(key)) for key, attr, convert in plan})


class _FromDict:
    """The ``from_dict`` every result class shares."""

    @classmethod
    def from_dict(cls: Type[T], d: Mapping[str, Any]) -> T:
        """Builds it from the report's dict form (the matching part of ``report.to_dict()``)."""
        return _build(cls, d)


# ---------------------------------------------------------------- shared


@dataclass(frozen=True)
class Exclusion(_FromDict):
    """Why a household has no result: a machine-readable ``code``, the
    ``meter`` and the ``index`` (of a reading, bill…) concerned when known,
    a ``detail`` in words (in the ``lang`` the report was computed in) and
    the values it quotes as data, ``params`` (``{"days": 139, …}``: whole
    numbers as ``int``, decimals, dates and text as ``str``)."""

    code: str
    meter: Optional[str]
    index: Optional[int]
    detail: str
    params: Dict[str, Union[int, str]]


@dataclass(frozen=True)
class Warning(_FromDict):
    """What deserves a look in a result: ``code``, ``meter`` (if one),
    ``detail`` in words and ``params`` as data (see :class:`Exclusion`)."""

    code: str
    meter: Optional[str]
    detail: str
    params: Dict[str, Union[int, str]]


@dataclass(frozen=True)
class ExclusionCount(_FromDict):
    """How many households were excluded for one reason ``code``."""

    code: str
    households: int


@dataclass(frozen=True)
class Totals(_FromDict):
    """Statistics of a group of households (a team or the challenge) for one quantity.

    ``households`` counted, ``excluded`` left out (by reason in
    ``exclusions``); ``reference`` and ``actual`` the sums the theme
    compares, ``saved`` = reference − actual; ``change`` is the weighted
    change Σactual/Σreference − 1; ``mean_change`` and ``median_change``
    are over the counted households' own changes.
    """

    households: int
    excluded: int
    exclusions: List[ExclusionCount]
    reference: Decimal
    actual: Decimal
    saved: Decimal
    change: Optional[Decimal]
    mean_change: Optional[Decimal]
    median_change: Optional[Decimal]


@dataclass(frozen=True)
class HouseholdResult(_FromDict, Generic[F]):
    """One household's result in one theme, the shape every theme shares.

    ``status`` is ``"computed"`` with ``figures`` and no ``exclusions``, or
    ``"excluded"`` with ``figures`` ``None`` and at least one exclusion
    (every reason found). ``warnings`` may be there either way. Each theme
    has a subclass whose ``figures`` are typed (:class:`EnergyHouseholdResult`
    …); on this base class, ``from_dict`` leaves ``figures`` a dict.
    """

    household: str
    team: str
    status: str
    exclusions: List[Exclusion]
    warnings: List[Warning]
    figures: Optional[F]

    #: The class of ``figures`` (``None``: left as the dict).
    _figures: ClassVar[Optional[type]] = None

    @property
    def excluded(self) -> bool:
        """Whether the household was left out (``status == "excluded"``)."""
        return self.status == "excluded"



@dataclass(frozen=True)
class NationalFigure(_FromDict):
    """A sourced national figure (``options.references``): its exact
    ``value``, its ``unit`` (``litres_per_person_day``,
    ``kg_per_person_year`` or ``kwh_per_household_year``), the ``year`` it
    is for, its ``source`` (publisher) and the document's ``title``
    (``None`` when none was given)."""

    value: Decimal
    unit: str
    year: int
    source: str
    title: Optional[str]


@dataclass(frozen=True)
class NationalComparison(_FromDict):
    """The challenge beside a national figure: the ``reference``, the
    challenge's figure in the same unit (``None`` when no household has
    one) and ``versus``, challenge ÷ national − 1 (``-0.1`` is 10 % below)."""

    reference: NationalFigure
    challenge: Optional[Decimal]
    versus: Optional[Decimal]


@dataclass(frozen=True)
class WasteComparison(_FromDict):
    """The waste section's comparisons: kg per person and year of residual
    waste against OMR (``residual``) and of all streams weighed against DMA
    (``total``)."""

    residual: NationalComparison
    total: NationalComparison


# ---------------------------------------------------------------- energy


@dataclass(frozen=True)
class DegreeDayOptions(_FromDict):
    """How degree-days were computed: ``method``, ``base`` (°C) and ``kind``."""

    method: str
    base: Decimal
    kind: str


@dataclass(frozen=True)
class MeterResult(_FromDict):
    """One meter's figures in a household's energy result: quantities in
    its own ``unit`` and in kWh on the report's basis (``reference``,
    ``reference_corrected``, ``challenge``), its heating share and where it
    came from. ``reference_method`` is ``"weather_regression"`` when the
    reference came from a weather regression, ``None`` for the default
    reconstructed winter (the JSON leaves it out then)."""

    meter: str
    carrier: str
    unit: str
    kwh_per_unit: Decimal
    heating_share: Decimal
    heating_share_source: str
    reference_quantity: Decimal
    challenge_quantity: Decimal
    reference_degree_days: Decimal
    challenge_degree_days: Decimal
    reference: Decimal
    reference_corrected: Decimal
    challenge: Decimal
    reference_method: Optional[str]


@dataclass(frozen=True)
class Saving(_FromDict):
    """A household's energy figures (kWh, kgCO2e, €): its ``persons`` and
    INSEE ``consumption_units``, the reference (raw and corrected for
    climate), the challenge, ``saved`` and ``change``, per person and per
    consumption unit, CO2e and euros saved, whether the objective was
    reached, and every meter."""

    persons: Decimal
    consumption_units: Decimal
    reference: Decimal
    reference_corrected: Decimal
    challenge: Decimal
    saved: Decimal
    change: Decimal
    saved_per_person: Decimal
    saved_per_unit: Decimal
    co2e_saved: Decimal
    euros_saved: Decimal
    objective_reached: bool
    meters: List[MeterResult]


class EnergyHouseholdResult(HouseholdResult[Saving]):
    """A household's energy result: ``figures`` is a :class:`Saving`, or ``None`` when excluded."""

    _figures = Saving


@dataclass(frozen=True)
class TeamResult(_FromDict):
    """A team's energy result and rank (1 for the largest reduction)."""

    team: str
    name: str
    rank: int
    totals: Totals
    co2e_saved: Decimal
    euros_saved: Decimal
    objective_reached: bool


@dataclass(frozen=True)
class EnergyTotals(_FromDict):
    """The whole challenge's energy figures."""

    totals: Totals
    co2e_saved: Decimal
    euros_saved: Decimal
    objective: Decimal
    objective_reached: bool
    households_reaching_objective: int


@dataclass(frozen=True)
class EnergyReport(_FromDict):
    """The energy section of a report: every household, the teams, the totals."""

    basis: str
    correction: str
    degree_days: DegreeDayOptions
    reference_degree_days: Optional[Decimal]
    challenge_degree_days: Optional[Decimal]
    households: List[EnergyHouseholdResult]
    teams: List[TeamResult]
    totals: EnergyTotals
    headline: str
    #: The challenge beside the national figure (``None`` in an older report).
    national: Optional[NationalComparison]


# ---------------------------------------------------------------- water


@dataclass(frozen=True)
class WaterReference(_FromDict):
    """The value households are compared with: litres per person per day, its year and source."""

    litres_per_person_day: Decimal
    year: int
    source: str


@dataclass(frozen=True)
class WaterIndicators(_FromDict):
    """A household's water figures: litres over each period, person-days
    of presence, litres per person and per consumption unit per day,
    ``expected_litres`` (the challenge presence at the reference rate),
    ``saved_litres`` (expected − challenge), ``change`` of litres per
    person per day and the challenge against the reference value
    (``None`` when not computable)."""

    reference_litres: Decimal
    challenge_litres: Decimal
    reference_person_days: Decimal
    challenge_person_days: Decimal
    reference_per_person_day: Decimal
    challenge_per_person_day: Decimal
    reference_per_unit_day: Decimal
    challenge_per_unit_day: Decimal
    expected_litres: Decimal
    saved_litres: Decimal
    change: Optional[Decimal]
    versus_reference_value: Optional[Decimal]


class WaterHouseholdResult(HouseholdResult[WaterIndicators]):
    """A household's water result: ``figures`` is a :class:`WaterIndicators`, or ``None``."""

    _figures = WaterIndicators


@dataclass(frozen=True)
class WaterTotals(_FromDict):
    """A group's water statistics: litres ``totals`` (reference: the
    litres expected at the households' reference rates), litres per person
    per day of each period, and the challenge's against the reference value."""

    totals: Totals
    reference_per_person_day: Optional[Decimal]
    challenge_per_person_day: Optional[Decimal]
    versus_reference_value: Optional[Decimal]


@dataclass(frozen=True)
class WaterTeam(_FromDict):
    """A team's water statistics and rank (1 for the largest reduction)."""

    team: str
    name: str
    rank: int
    totals: WaterTotals


@dataclass(frozen=True)
class WaterReport(_FromDict):
    """The water section of a report: the periods and reference value
    used, every household, the teams, the totals and the headline."""

    reference_period: Period
    challenge_period: Period
    reference_value: WaterReference
    households: List[WaterHouseholdResult]
    teams: List[WaterTeam]
    totals: WaterTotals
    headline: str
    #: The challenge beside the national figure (``None`` in an older report).
    national: Optional[NationalComparison]


# ---------------------------------------------------------------- waste


@dataclass(frozen=True)
class Flow(_FromDict):
    """A quantity of waste (a stream, the residual stream or all streams)
    over the reference and the challenge, kg: raw, per person per week and
    per year, per consumption unit per year, ``expected_kg`` at the
    reference rate, ``avoided_kg`` and the ``change`` of the rate per person
    (``None`` when nothing was weighed in the reference)."""

    reference_kg: Decimal
    challenge_kg: Decimal
    reference_per_person_week: Decimal
    challenge_per_person_week: Decimal
    reference_per_person_year: Decimal
    challenge_per_person_year: Decimal
    reference_per_unit_year: Decimal
    challenge_per_unit_year: Decimal
    expected_kg: Decimal
    avoided_kg: Decimal
    change: Optional[Decimal]


@dataclass(frozen=True)
class StreamFlow(_FromDict):
    """One stream's ``flow``."""

    stream: str
    flow: Flow


@dataclass(frozen=True)
class WasteIndicators(_FromDict):
    """A household's waste figures: person-days of presence, the
    ``residual`` stream (``None`` when none was weighed), all streams
    ``total`` and each stream weighed."""

    reference_person_days: Decimal
    challenge_person_days: Decimal
    residual: Optional[Flow]
    total: Flow
    streams: List[StreamFlow]


class WasteHouseholdResult(HouseholdResult[WasteIndicators]):
    """A household's waste result: ``figures`` is a :class:`WasteIndicators`, or ``None``."""

    _figures = WasteIndicators


@dataclass(frozen=True)
class StreamTotals(_FromDict):
    """One stream's ``totals`` in a group."""

    stream: str
    totals: Totals


@dataclass(frozen=True)
class WasteTotals(_FromDict):
    """A group's waste statistics (kg): the ``residual`` stream, all
    streams ``total`` and each stream weighed by someone in the group."""

    residual: Totals
    total: Totals
    streams: List[StreamTotals]


@dataclass(frozen=True)
class WasteTeam(_FromDict):
    """A team's waste statistics and rank (by the change of residual waste)."""

    team: str
    name: str
    rank: int
    totals: WasteTotals


@dataclass(frozen=True)
class WasteReport(_FromDict):
    """The waste section of a report: the periods used, every household,
    the teams, the totals and the headline."""

    reference_period: Period
    challenge_periods: List[Period]
    households: List[WasteHouseholdResult]
    teams: List[WasteTeam]
    totals: WasteTotals
    headline: str
    #: The challenge beside the national figure (``None`` in an older report).
    national: Optional[WasteComparison]


# ---------------------------------------------------------------- food


@dataclass(frozen=True)
class Survey(_FromDict):
    """A purchase survey: its ``name`` and ``period``."""

    name: str
    period: Period


@dataclass(frozen=True)
class ChannelSpending(_FromDict):
    """Spending in one ``channel``: ``amount`` (€) and its ``share`` of the survey's."""

    channel: str
    amount: Decimal
    share: Decimal


@dataclass(frozen=True)
class SurveyFigures(_FromDict):
    """One survey's food figures: purchases, spending (€), organic and
    local shares, person-meals, cost per person-meal (``None`` when no
    purchase feeds a meal), spending per person and per consumption unit
    per day, and spending by channel."""

    survey: str
    purchases: int
    spending: Decimal
    organic_share: Decimal
    local_share: Decimal
    person_meals: Decimal
    cost_per_person_meal: Optional[Decimal]
    spending_per_person_day: Decimal
    spending_per_unit_day: Decimal
    channels: List[ChannelSpending]


@dataclass(frozen=True)
class FoodChange(_FromDict):
    """The change from survey ``from_`` (JSON ``from``) to survey ``to``:
    organic and local shares in points, relative changes of the cost per
    person-meal and of the spending per person per day, and whether the
    goal (more organic and local at constant budget) was met."""

    from_: str
    to: str
    organic_share_change: Decimal
    local_share_change: Decimal
    cost_per_person_meal_change: Optional[Decimal]
    spending_per_person_day_change: Optional[Decimal]
    goal_met: bool


@dataclass(frozen=True)
class FoodIndicators(_FromDict):
    """A household's food figures: each survey with purchases, the
    ``change`` from the first to the last, and each ``step``."""

    surveys: List[SurveyFigures]
    change: FoodChange
    steps: List[FoodChange]


class FoodHouseholdResult(HouseholdResult[FoodIndicators]):
    """A household's food result: ``figures`` is a :class:`FoodIndicators`, or ``None``."""

    _figures = FoodIndicators


@dataclass(frozen=True)
class FoodTotals(_FromDict):
    """A group's food statistics: households counted, excluded (by
    reason) and meeting the goal, the pooled surveys, change and steps,
    and the mean and median of the households' share changes."""

    households: int
    excluded: int
    exclusions: List[ExclusionCount]
    households_meeting_goal: int
    surveys: List[SurveyFigures]
    change: Optional[FoodChange]
    steps: List[FoodChange]
    mean_organic_share_change: Optional[Decimal]
    median_organic_share_change: Optional[Decimal]
    mean_local_share_change: Optional[Decimal]


@dataclass(frozen=True)
class FoodTeam(_FromDict):
    """A team's food statistics and rank (by the pooled gain of organic plus local share)."""

    team: str
    name: str
    rank: int
    totals: FoodTotals


@dataclass(frozen=True)
class FoodReport(_FromDict):
    """The food section of a report: the surveys and budget tolerance
    used, every household, the teams, the totals and the headline."""

    surveys: List[Survey]
    budget_tolerance: Decimal
    households: List[FoodHouseholdResult]
    teams: List[FoodTeam]
    totals: FoodTotals
    headline: str


# ---------------------------------------------------------------- mobility


@dataclass(frozen=True)
class ModeFactor(_FromDict):
    """A travel ``mode``'s emission factor, kgCO2e per person-km."""

    mode: str
    kg_co2e_per_km: Decimal


@dataclass(frozen=True)
class ModeFactors(_FromDict):
    """The factor table used: its ``year``, ``source`` and ``factors``."""

    year: int
    source: str
    factors: List[ModeFactor]


@dataclass(frozen=True)
class ModeFigures(_FromDict):
    """One mode's figures in one period: person-km, trips, km per person
    per week and kgCO2e (``None`` when the table has no factor for it)."""

    mode: str
    km: Decimal
    trips: int
    km_per_person_week: Decimal
    co2e: Optional[Decimal]


@dataclass(frozen=True)
class PeriodMobility(_FromDict):
    """Travel in one period (a household's, or a group's pooled):
    presence, person-km, trips, per person and per consumption unit per
    week, car shares of trips and km, kgCO2e and each mode used."""

    person_days: Decimal
    unit_days: Decimal
    km: Decimal
    trips: int
    km_per_person_week: Decimal
    km_per_unit_week: Decimal
    car_share_of_trips: Optional[Decimal]
    car_share_of_km: Optional[Decimal]
    co2e: Decimal
    co2e_per_person_week: Decimal
    co2e_per_unit_week: Decimal
    modes: List[ModeFigures]


@dataclass(frozen=True)
class MobilityIndicators(_FromDict):
    """A household's mobility figures: each period, the changes of km and
    kgCO2e per person and of the car shares (in points), the km and
    kgCO2e expected at the reference rate and the kgCO2e avoided."""

    reference: PeriodMobility
    challenge: PeriodMobility
    km_change: Optional[Decimal]
    co2e_change: Optional[Decimal]
    car_share_of_trips_change: Optional[Decimal]
    car_share_of_km_change: Optional[Decimal]
    expected_km: Decimal
    expected_co2e: Decimal
    avoided_co2e: Decimal


class MobilityHouseholdResult(HouseholdResult[MobilityIndicators]):
    """A household's mobility result: ``figures`` is a :class:`MobilityIndicators`, or ``None``."""

    _figures = MobilityIndicators


@dataclass(frozen=True)
class MobilityTotals(_FromDict):
    """A group's mobility statistics: ``co2e`` (kgCO2e) and ``km``
    totals, the counted households' pooled travel in each period, and the
    changes of the pooled car shares."""

    co2e: Totals
    km: Totals
    reference: Optional[PeriodMobility]
    challenge: Optional[PeriodMobility]
    car_share_of_trips_change: Optional[Decimal]
    car_share_of_km_change: Optional[Decimal]


@dataclass(frozen=True)
class MobilityTeam(_FromDict):
    """A team's mobility statistics and rank (by the change of kgCO2e)."""

    team: str
    name: str
    rank: int
    totals: MobilityTotals


@dataclass(frozen=True)
class MobilityReport(_FromDict):
    """The mobility section of a report: the periods and factor table
    used, every household, the teams, the totals and the headline."""

    reference_period: Period
    challenge_period: Period
    factors: ModeFactors
    households: List[MobilityHouseholdResult]
    teams: List[MobilityTeam]
    totals: MobilityTotals
    headline: str


# ---------------------------------------------------------------- provisional


@dataclass(frozen=True)
class Provisional(_FromDict):
    """What makes a report provisional (``compute(..., as_of=...)``): the
    day ``as_of`` (included), whether it was chosen as the last day of data
    (``last_data``), the ``elapsed_days`` of the challenge period up to it,
    its ``total_days`` and the whole ``challenge_period`` (the report's
    ``challenge`` has the elapsed part)."""

    as_of: date
    last_data: bool
    elapsed_days: int
    total_days: int
    challenge_period: Period
