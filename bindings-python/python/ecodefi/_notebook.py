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
        parts.append(f"<p><strong>{html.escape(section.get('headline', theme))}</strong></p>")
        parts.append(
            "<table><thead><tr><th>Rang</th><th>Équipe</th><th>Foyers</th>"
            "<th>Exclus</th><th>Évolution</th><th>Économisé (kWh)</th></tr></thead><tbody>"
        )
        for t in section.get("teams", []):
            totals = t.get("totals", {})
            parts.append(
                "<tr>"
                f"<td>{t.get('rank')}</td>"
                f"<td>{html.escape(str(t.get('name')))}</td>"
                f"<td>{totals.get('households')}</td>"
                f"<td>{totals.get('excluded')}</td>"
                f"<td>{_percent(totals.get('change'))}</td>"
                f"<td>{_number(totals.get('saved'))}</td>"
                "</tr>"
            )
        parts.append("</tbody></table>")
    parts.append("</div>")
    return "\n".join(parts)
