"""Notebook plots of a report, with matplotlib (the optional extra
``ecodefi[plot]``), imported only when a plot is drawn.

- :func:`team_ranking`: one horizontal bar per team, its weighted change.
- :func:`household_savings`: the distribution of the households' changes
  (energy, water and mobility: the change of kWh, litres per person per day
  and kgCO2e per person; waste: of the residual stream; food: of the organic
  share, in points).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional

if TYPE_CHECKING:  # pragma: no cover
    from ecodefi import Report

__all__ = ["team_ranking", "household_savings"]

#: The column of each theme's frame (``Report.to_pandas()[theme]``) whose
#: distribution ``household_savings`` draws.
_CHANGE = {
    "energy": "change",
    "water": "change",
    "waste": "residual_change",
    "food": "change_organic_share_change",
    "mobility": "co2e_change",
}


def _pyplot() -> Any:
    try:
        import matplotlib.pyplot as plt
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError(
            "ecodefi's plots need matplotlib: pip install 'ecodefi[plot]'"
        ) from e
    return plt


def team_ranking(report: "Report", theme: str = "energy", ax: Optional[Any] = None) -> Any:
    """Bars of the teams' weighted change (%), best team on top; returns the Axes."""
    plt = _pyplot()
    teams = report.to_pandas(decimals="float")["teams"]
    teams = teams[teams["theme"] == theme].sort_values("rank", ascending=False)
    if ax is None:
        _, ax = plt.subplots(figsize=(7, max(2.0, 0.3 * len(teams) + 1)))
    ax.barh(teams["name"].astype(str), teams["change"] * 100)
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_xlabel("évolution de la consommation (%)")
    ax.set_title(f"Classement des équipes ({theme})")
    ax.figure.tight_layout()
    return ax


def household_savings(
    report: "Report", theme: str = "energy", ax: Optional[Any] = None, bins: int = 20
) -> Any:
    """A histogram of the computed households' change (%); returns the Axes."""
    plt = _pyplot()
    households = report.to_pandas(decimals="float")[theme]
    households = households[~households["excluded"]]
    if ax is None:
        _, ax = plt.subplots(figsize=(7, 4))
    ax.hist(households[_CHANGE[theme]].dropna() * 100, bins=bins)
    ax.set_xlabel("évolution de la consommation du foyer (%)")
    ax.set_ylabel("foyers")
    ax.set_title(f"Répartition des économies des foyers ({theme})")
    ax.figure.tight_layout()
    return ax
