// Draws core's report: the headline as core writes it, the team ranking as
// an inline SVG bar chart (in core's order), the table of households with
// their exclusion reasons and warnings. Numbers are core's decimal strings,
// written by i18n.js.

import { barChart } from './chart.js';
import { number, percent, t } from './i18n.js';

/** At most this many household rows are drawn; the CSV has them all. */
const MAX_ROWS = 1000;

const $ = (id) => document.getElementById(id);

function cell(tag, text, className) {
  const c = document.createElement(tag);
  if (text !== undefined) c.textContent = text;
  if (className) c.className = className;
  return c;
}

export function render(report, { ms }) {
  const energy = report.energy;
  $('headline').textContent = energy ? energy.headline : '';
  $('timing').textContent = t.computedIn(Math.round(ms), report.households);
  drawTeams(energy);
  drawHouseholds(energy);
}

function drawTeams(energy) {
  const figure = $('teams-chart');
  figure.replaceChildren();
  if (!energy) return;
  const rows = energy.teams.map((team) => {
    const change = team.totals.change;
    // The bar is the saving: the opposite of the change, to the right.
    const value = change === null ? 0 : -Number(change);
    return {
      label: `${team.rank}. ${team.name}`,
      value,
      text: change === null ? '—' : percent(change, 1),
      title: `${team.name} : ${team.totals.households} ${t.columns.households.toLowerCase()}`,
      team: team.team,
    };
  });
  const svg = barChart(rows, { title: t.teamsChartLabel });
  svg.querySelectorAll('g.bar-row').forEach((g, i) => { g.dataset.team = rows[i].team; });
  figure.append(svg);
}

function drawHouseholds(energy) {
  const table = $('households');
  const head = table.tHead;
  const body = table.tBodies[0];
  head.replaceChildren();
  body.replaceChildren();
  table.parentElement.querySelector('.more')?.remove();
  if (!energy) return;
  const c = t.columns;
  const hr = document.createElement('tr');
  for (const name of [c.household, c.team, c.status, c.reference, c.challenge, c.saving, c.notes]) {
    hr.append(cell('th', name));
  }
  head.append(hr);
  const teamNames = new Map(energy.teams.map((team) => [team.team, team.name]));
  const rows = document.createDocumentFragment();
  for (const h of energy.households.slice(0, MAX_ROWS)) {
    const tr = document.createElement('tr');
    tr.dataset.household = h.household;
    const s = h.saving;
    tr.className = s ? 'counted' : 'excluded';
    tr.append(
      cell('td', h.household),
      cell('td', teamNames.get(h.team) ?? h.team),
      cell('td', s ? t.counted : t.excluded),
      cell('td', s ? number(s.reference_corrected, 0) : '', 'num'),
      cell('td', s ? number(s.challenge, 0) : '', 'num'),
      cell('td', s ? percent(s.change, 1) : '', 'num'),
    );
    const notes = cell('td');
    for (const e of h.exclusions) {
      const meter = e.meter ? ` (${e.meter})` : '';
      const span = cell('span', `${t.exclusions[e.code] ?? e.code}${meter} — ${e.detail}`, 'reason');
      span.dataset.code = e.code;
      notes.append(span);
    }
    for (const w of h.warnings) {
      const meter = w.meter ? ` (${w.meter})` : '';
      const span = cell('span', `${t.warnings[w.code] ?? w.code}${meter} — ${w.detail}`, 'warning');
      span.dataset.code = w.code;
      notes.append(span);
    }
    tr.append(notes);
    rows.append(tr);
  }
  body.append(rows);
  if (energy.households.length > MAX_ROWS) {
    table.parentElement.append(cell('p', t.more(energy.households.length - MAX_ROWS), 'more'));
  }
}
