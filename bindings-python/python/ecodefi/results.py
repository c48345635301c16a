"""Typed result objects of a report (``Report.energy``…).

Each class mirrors one serde structure of the core's report, field for
field: quantities are exact ``decimal.Decimal`` (kWh on the report's basis,
kgCO2e, euros; ratios as fractions, ``-0.113`` for 11.3 % less), names are
the core's ``str`` spellings. Build them from the report (``report.energy``)
or from the matching part of ``report.to_dict()`` with ``from_dict``.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Dict, List, Mapping, Optional, Type, TypeVar

__all__ = [
    "Exclusion",
    "Warning",
    "ExclusionCount",
    "Totals",
    "DegreeDayOptions",
    "MeterResult",
    "Saving",
    "HouseholdResult",
    "TeamResult",
    "EnergyTotals",
    "EnergyReport",
]

T = TypeVar("T")


def _fields(cls: Type[Any], d: Mapping[str, Any]) -> Dict[str, Any]:
    """The dict's entries for the dataclass ``cls``: every key must be a field.

    Optional fields the core leaves out of its output are ``None``.
    """
    names = {f.name for f in dataclasses.fields(cls)}
    unknown = set(d) - names
    if unknown:
        raise TypeError(f"{cls.__name__}: unknown fields {sorted(unknown)}")
    return {n: d.get(n) for n in names}


@dataclass(frozen=True)
class Exclusion:
    """Why a household has no result: a machine-readable ``code`` and a ``detail``."""

    code: str
    meter: Optional[str]
    index: Optional[int]
    detail: str

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Exclusion":
        """Builds it from the report's dict form."""
        return cls(**_fields(cls, d))


@dataclass(frozen=True)
class Warning:
    """What deserves a look in a computed result: ``code``, ``meter``, ``detail``."""

    code: str
    meter: Optional[str]
    detail: str

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Warning":
        """Builds it from the report's dict form."""
        return cls(**_fields(cls, d))


@dataclass(frozen=True)
class ExclusionCount:
    """How many households were excluded for one reason ``code``."""

    code: str
    households: int

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "ExclusionCount":
        """Builds it from the report's dict form."""
        return cls(**_fields(cls, d))


@dataclass(frozen=True)
class Totals:
    """Statistics of a group of households (a team or the challenge).

    ``change`` is the weighted change Σactual/Σreference − 1; ``mean_change``
    and ``median_change`` are over the counted households' own changes.
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

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Totals":
        """Builds it from the report's dict form."""
        f = _fields(cls, d)
        f["exclusions"] = [ExclusionCount.from_dict(e) for e in f["exclusions"] or []]
        return cls(**f)


@dataclass(frozen=True)
class DegreeDayOptions:
    """How degree-days were computed: ``method``, ``base`` (°C) and ``kind``."""

    method: str
    base: Decimal
    kind: str

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "DegreeDayOptions":
        """Builds it from the report's dict form."""
        return cls(**_fields(cls, d))


@dataclass(frozen=True)
class MeterResult:
    """One meter's figures in a household's saving (quantities in its unit, kWh)."""

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

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "MeterResult":
        """Builds it from the report's dict form."""
        return cls(**_fields(cls, d))


@dataclass(frozen=True)
class Saving:
    """A household's saving, when it could be computed (kWh, kgCO2e, €)."""

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

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Saving":
        """Builds it from the report's dict form."""
        f = _fields(cls, d)
        f["meters"] = [MeterResult.from_dict(m) for m in f["meters"] or []]
        return cls(**f)


@dataclass(frozen=True)
class HouseholdResult:
    """A household's result: its ``saving``, or the ``exclusions`` that explain why none."""

    household: str
    team: str
    persons: Decimal
    consumption_units: Decimal
    saving: Optional[Saving]
    exclusions: List[Exclusion]
    warnings: List[Warning]

    @property
    def excluded(self) -> bool:
        """Whether the household was left out of the results."""
        return self.saving is None

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "HouseholdResult":
        """Builds it from the report's dict form."""
        f = _fields(cls, d)
        f["saving"] = None if f["saving"] is None else Saving.from_dict(f["saving"])
        f["exclusions"] = [Exclusion.from_dict(e) for e in f["exclusions"] or []]
        f["warnings"] = [Warning.from_dict(w) for w in f["warnings"] or []]
        return cls(**f)


@dataclass(frozen=True)
class TeamResult:
    """A team's result and rank (1 for the largest reduction)."""

    team: str
    name: str
    rank: int
    totals: Totals
    co2e_saved: Decimal
    euros_saved: Decimal
    objective_reached: bool

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "TeamResult":
        """Builds it from the report's dict form."""
        f = _fields(cls, d)
        f["totals"] = Totals.from_dict(f["totals"])
        return cls(**f)


@dataclass(frozen=True)
class EnergyTotals:
    """The whole challenge's energy figures."""

    totals: Totals
    co2e_saved: Decimal
    euros_saved: Decimal
    objective: Decimal
    objective_reached: bool
    households_reaching_objective: int

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "EnergyTotals":
        """Builds it from the report's dict form."""
        f = _fields(cls, d)
        f["totals"] = Totals.from_dict(f["totals"])
        return cls(**f)


@dataclass(frozen=True)
class EnergyReport:
    """The energy section of a report: every household, the teams best first, the totals."""

    basis: str
    correction: str
    degree_days: DegreeDayOptions
    reference_degree_days: Optional[Decimal]
    challenge_degree_days: Optional[Decimal]
    households: List[HouseholdResult]
    teams: List[TeamResult]
    totals: EnergyTotals
    headline: str

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "EnergyReport":
        """Builds it from the report's dict form (``report.to_dict()["energy"]``)."""
        f = _fields(cls, d)
        f["degree_days"] = DegreeDayOptions.from_dict(f["degree_days"])
        f["households"] = [HouseholdResult.from_dict(h) for h in f["households"]]
        f["teams"] = [TeamResult.from_dict(t) for t in f["teams"]]
        f["totals"] = EnergyTotals.from_dict(f["totals"])
        return cls(**f)
