"""The notebook view of a report (``Report._repr_html_``): the headline and
the team ranking, in plain HTML (no dependency)."""

from __future__ import annotations

import html
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Optional

if TYPE_CHECKING:  # pragma: no cover
    from ecodefi import Report


def _percent(fraction: Optional[Decimal]) -> str:
    if fraction is None:
        return "—"
    return f"{fraction * 100:+.1f} %".replace("-", "−")


def _number(value: Any) -> str:
    if value is None:
        return "—"
    return f"{Decimal(value):,.0f}".replace(",", "\u202f")


#: Per theme, the team statistics shown: the key of the ``Totals`` the
#: teams are ranked by within a team's totals (``None``: the totals
#: themselves, as food's) and the unit of its ``saved``.
_RANKED = {
    "energy": ("totals", "kWh"),
    "water": ("totals", "L"),
    "waste": ("residual", "kg"),
    "mobility": ("co2e", "kgCO2e"),
}


def _points(fraction: Optional[Decimal]) -> str:
    if fraction is None:
        return "—"
    return f"{fraction * 100:+.1f} pts".replace("-", "−")


def report_html(report: "Report") -> str:
    """The headline and, per theme, the team ranking as an HTML table."""
    d = report.to_dict()
    c = d["challenge"]
    parts = [
        '<div class="ecodefi-report">',
        f"<h3>{html.escape(c['name'])} — {html.escape(c['territory'])}</h3>",
    ]
    for theme, section in d.items():
        if theme in ("schema_version", "challenge", "households") or not isinstance(section, dict):
            continue
        ranked = _RANKED.get(theme)
        parts.append(f"<p><strong>{html.escape(section.get('headline', theme))}</strong></p>")
        if ranked is None:
            # Food: the change of the organic and local shares, in points.
            last = "<th>Bio</th><th>Local</th>"
        else:
            last = f"<th>Évolution</th><th>Économisé ({ranked[1]})</th>"
        parts.append(
            "<table><thead><tr><th>Rang</th><th>Équipe</th><th>Foyers</th>"
            f"<th>Exclus</th>{last}</tr></thead><tbody>"
        )
        # Best first (the themes list their teams in the challenge's order).
        for t in sorted(section.get("teams", []), key=lambda t: t.get("rank") or 0):
            totals = t.get("totals") or {}
            if ranked is None:
                change = totals.get("change") or {}
                cells = (
                    f"<td>{_points(change.get('organic_share_change'))}</td>"
                    f"<td>{_points(change.get('local_share_change'))}</td>"
                )
            else:
                totals = totals.get(ranked[0]) or {}
                cells = f"<td>{_percent(totals.get('change'))}</td><td>{_number(totals.get('saved'))}</td>"
            parts.append(
                "<tr>"
                f"<td>{t.get('rank')}</td>"
                f"<td>{html.escape(str(t.get('name')))}</td>"
                f"<td>{totals.get('households')}</td>"
                f"<td>{totals.get('excluded')}</td>"
                f"{cells}"
                "</tr>"
            )
        parts.append("</tbody></table>")
    parts.append("</div>")
    return "\n".join(parts)
