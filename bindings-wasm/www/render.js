// Draws core's report. On top, the challenge and every theme's headline as
// core writes it; then one section per theme the report has, in core's
// order (energy, water, waste, food, mobility: its `Report::headline`),
// each with its headline, its key figures, the team ranking as an inline
// SVG bar chart (by core's ranks) and the table of households with their
// status, figures, exclusion reasons and warnings, and under its headline
// the theme's CSV downloads when core gave them (spreadsheet files). Every household has a
// row in every theme, as core lists it. Numbers are core's decimal
// strings, written by i18n.js: nothing is computed here. print.js prints
// the same report with what is exported here (each theme's columns and
// figures, its ranking chart, where an exclusion is).

import { barChart } from './chart.js';
import { codeLabel, number, percent, points, share, t } from './i18n.js';
import { $, cell } from './dom.js';

/** At most this many household rows are drawn per theme; the JSON has them all. */
const MAX_ROWS = 1000;

/** The report's theme sections, in core's order. */
export const THEMES = ['energy', 'water', 'waste', 'food', 'mobility'];

const u = t.units;
const c = t.columns;
const f = t.figures;
const NONE = '—';

/** A decimal string with its unit, or nothing when core gives none. */
export const qty = (s, places, unit) => (s == null ? '' : `${number(s, places)}\u00a0${unit}`);
/** A change (fraction) as a signed percentage; — when core has none. */
export const pct = (s) => (s == null ? NONE : percent(s, 1));
/** A change of a share (fraction) in points; — when core has none. */
const pts = (s) => (s == null ? NONE : points(s, 1));
/** "a → b", each written by `write`, or nothing when either is missing. */
export const fromTo = (a, b, write) => (a == null || b == null ? '' : `${write(a)}${t.arrow}${write(b)}`);

/**
 * The common key figures of a group's statistics (core's `Totals`):
 * counted and excluded households, with the excluded by reason.
 */
function householdsFigures(totals) {
  const reasons = totals.exclusions
    .map((e) => `${codeLabel(e.code)} : ${e.households}`)
    .join(', ');
  return [
    [f.counted, String(totals.households)],
    [f.excluded, `${totals.excluded}${reasons ? ` (${reasons})` : ''}`],
  ];
}

/**
 * What each theme shows of core's report:
 * - `bars(team)`: the team's change core ranks by, as bar parts
 *   (`value` sizes the bar only: a reduction, or a gain, to the right);
 * - `columns`: the household table's figure columns, from `figures`;
 * - `figures(section)`: the theme's key figures, [label, text].
 */
export const DESCRIBE = {
  energy: {
    bars: (team) => [reduction(team.totals.change)],
    columns: [
      [c.reference, (x) => number(x.reference_corrected, 0)],
      [c.challenge, (x) => number(x.challenge, 0)],
      [c.saving, (x) => percent(x.change, 1)],
    ],
    figures: ({ totals: e }) => [
      ...householdsFigures(e.totals),
      [f.change, pct(e.totals.change)],
      [f.savedKwh, qty(e.totals.saved, 0, u.kwh)],
      [f.eurosSaved, qty(e.euros_saved, 0, u.euros)],
      [f.medianChange, pct(e.totals.median_change)],
      // The objective is a reduction (0.08: use 8 % less).
      [f.objective, `${share(e.objective)}${e.objective_reached ? ` (${t.objectiveReached})` : ''}`],
      [f.objectiveReachedBy, String(e.households_reaching_objective)],
    ],
  },
  water: {
    bars: (team) => [reduction(team.totals.totals.change)],
    columns: [
      [c.waterReference, (x) => number(x.reference_per_person_day, 0)],
      [c.waterChallenge, (x) => number(x.challenge_per_person_day, 0)],
      [c.change, (x) => pct(x.change)],
      [c.versusReferenceValue, (x) => pct(x.versus_reference_value)],
    ],
    figures: ({ totals: w, reference_value: ref }) => [
      ...householdsFigures(w.totals),
      [f.waterChange, pct(w.totals.change)],
      [f.savedLitres, qty(w.totals.saved, 0, u.litres)],
      [f.litresPerPersonDay, fromTo(w.reference_per_person_day, w.challenge_per_person_day, (x) => number(x, 0))],
      [f.referenceValue, ref?.litres_per_person_day == null ? '' : number(ref.litres_per_person_day, 0)],
      [f.versusReferenceValue, pct(w.versus_reference_value)],
    ],
  },
  waste: {
    bars: (team) => [reduction(team.totals.residual.change)],
    columns: [
      [c.residualReference, (x) => (x.residual ? number(x.residual.reference_per_person_week, 2) : '')],
      [c.residualChallenge, (x) => (x.residual ? number(x.residual.challenge_per_person_week, 2) : '')],
      [c.residualChange, (x) => pct(x.residual?.change)],
      [c.totalChange, (x) => pct(x.total.change)],
    ],
    figures: ({ totals: w }) => [
      ...householdsFigures(w.residual),
      [f.residualChange, pct(w.residual.change)],
      [f.residualAvoided, qty(w.residual.saved, 1, u.kg)],
      [f.totalChange, pct(w.total.change)],
      ...w.streams
        .filter((s) => s.stream !== 'residual')
        .map((s) => [f.streamChange(t.streams[s.stream] ?? s.stream), pct(s.totals.change)]),
    ],
  },
  food: {
    // Core ranks by the gain of both shares: both are drawn.
    bars: (team) => {
      const ch = team.totals.change;
      return [
        gain(ch?.organic_share_change, t.organic, 'organic'),
        gain(ch?.local_share_change, t.local, 'local'),
      ];
    },
    columns: [
      [c.organicShare, (x) => fromTo(x.surveys[0]?.organic_share, x.surveys.at(-1)?.organic_share, share)],
      [c.localShare, (x) => fromTo(x.surveys[0]?.local_share, x.surveys.at(-1)?.local_share, share)],
      [c.costPerMealChange, (x) => pct(x.change.cost_per_person_meal_change)],
      [c.goalMet, (x) => (x.change.goal_met ? t.yes : t.no)],
    ],
    figures: ({ totals: a }) => {
      const [first, last] = [a.surveys[0], a.surveys.at(-1)];
      return [
        ...householdsFigures(a),
        [f.meetingGoal, String(a.households_meeting_goal)],
        [f.organicShare, fromTo(first?.organic_share, last?.organic_share, share)],
        [f.localShare, fromTo(first?.local_share, last?.local_share, share)],
        [f.organicChange, pts(a.change?.organic_share_change)],
        [f.localChange, pts(a.change?.local_share_change)],
        [f.costPerMeal, fromTo(first?.cost_per_person_meal, last?.cost_per_person_meal, (x) => qty(x, 2, u.euros))],
        [f.costPerMealChange, pct(a.change?.cost_per_person_meal_change)],
      ];
    },
  },
  mobility: {
    bars: (team) => [reduction(team.totals.co2e.change)],
    columns: [
      [c.kmPerPersonWeek, (x) => fromTo(x.reference.km_per_person_week, x.challenge.km_per_person_week, (v) => number(v, 0))],
      [c.carShareOfTrips, (x) => fromTo(x.reference.car_share_of_trips, x.challenge.car_share_of_trips, share)],
      [c.co2ePerPersonWeek, (x) => fromTo(x.reference.co2e_per_person_week, x.challenge.co2e_per_person_week, (v) => number(v, 1))],
      [c.co2eChange, (x) => pct(x.co2e_change)],
    ],
    figures: ({ totals: m }) => [
      ...householdsFigures(m.co2e),
      [f.co2eChange, pct(m.co2e.change)],
      [f.co2eAvoided, qty(m.co2e.saved, 0, u.kgCo2e)],
      [f.kmChange, pct(m.km.change)],
      [f.carShareOfTrips, fromTo(m.reference?.car_share_of_trips, m.challenge?.car_share_of_trips, share)],
      [f.carShareOfTripsChange, pts(m.car_share_of_trips_change)],
    ],
  },
};

/** A bar of a change where lower is better: the reduction to the right. */
function reduction(change) {
  return { value: change == null ? 0 : -Number(change), text: pct(change) };
}

/** A bar of a gain in points, named (`label`), where higher is better. */
function gain(change, label, kind) {
  return { value: change == null ? 0 : Number(change), text: `${label} ${pts(change)}`, kind };
}

/**
 * Draws the whole report: the challenge, the headlines of its themes, the
 * timing and one section per theme.
 */
export function render(report, { ms, sections = null }) {
  const themes = THEMES.filter((k) => report[k]);
  $('challenge-title').textContent = report.challenge ? t.challengeOf(report.challenge) : '';
  const headlines = $('headlines');
  headlines.replaceChildren();
  for (const key of themes) {
    const li = document.createElement('li');
    li.dataset.theme = key;
    const a = cell('a', t.themes[key], 'theme-name');
    a.href = `#theme-${key}`;
    li.append(a, cell('span', report[key].headline, 'headline'));
    headlines.append(li);
  }
  $('timing').textContent = t.computedIn(Math.round(ms), report.households);
  const container = $('themes');
  const csv = new Set((sections ?? []).map((s) => s.theme));
  container.replaceChildren(...themes.map((key) => drawTheme(key, report[key], csv)));
}

/**
 * The theme's CSV downloads (its teams, its households: core's files, which
 * app.js offers).
 */
function drawDownloads(key, csv) {
  const div = cell('div', undefined, 'downloads theme-downloads');
  if (!csv.has(key)) return div;
  for (const kind of ['teams', 'households']) {
    const b = cell('button', t.themeDownloads[kind](t.themes[key]));
    b.type = 'button';
    b.dataset.theme = key;
    b.dataset.csv = kind;
    div.append(b);
  }
  return div;
}

function drawTheme(key, section, csv) {
  const d = DESCRIBE[key];
  const s = document.createElement('section');
  s.className = 'theme';
  s.id = `theme-${key}`;
  s.dataset.theme = key;
  s.append(
    cell('h3', t.themes[key]),
    cell('p', section.headline, 'theme-headline'),
    drawDownloads(key, csv),
    cell('h4', t.figuresTitle),
    drawFigures(d.figures(section).concat(nationalFigures(key, section))),
    cell('h4', t.teamsTitle),
    drawTeams(key, section, d),
    cell('h4', t.householdsTitle),
    drawHouseholds(section, d),
  );
  return s;
}

/**
 * The theme's national references (core's `national`), as key figures:
 * « Repère national : 148 L par personne et par jour (OFB, SISPEA, 2020) »,
 * the challenge's figure in the same unit (water's is already above) and
 * the gap core computed.
 */
function nationalFigures(key, section) {
  const n = section.national;
  if (!n) return [];
  const parts = key === 'waste' ? [['residual', n.residual], ['total', n.total]] : [[key, n]];
  return parts.flatMap(([what, cmp]) => {
    const r = cmp.reference;
    const unit = t.national.units[r.unit] ?? r.unit;
    const label = t.national[what];
    return [
      [label.reference, `${number(r.value, 0)}\u00a0${unit} (${r.source}, ${r.year})`],
      ...(label.challenge ? [[label.challenge, qty(cmp.challenge, 0, unit)]] : []),
      [label.versus, pct(cmp.versus)],
    ];
  });
}

/**
 * Label and text pairs as a definition list of class `className`, the
 * empty ones left out: a theme's key figures here, a printed section's or
 * certificate's in print.js.
 */
export function drawFigures(pairs, className = 'key-figures') {
  const dl = cell('dl', undefined, className);
  for (const [label, text] of pairs) {
    if (!text) continue;
    const div = document.createElement('div');
    div.append(cell('dt', label), cell('dd', text));
    dl.append(div);
  }
  return dl;
}

export function drawTeams(key, section, d) {
  const figure = cell('figure', undefined, 'chart teams-chart');
  // Core gives every team its rank; drawn best first (a stable order, so
  // equal ranks keep core's order).
  const teams = [...section.teams].sort((a, b) => a.rank - b.rank);
  const rows = teams.map((team) => ({
    label: `${team.rank}. ${team.name}`,
    parts: d.bars(team),
    title: team.name,
    team: team.team,
  }));
  const svg = barChart(rows, { title: t.teamsChart[key] });
  svg.querySelectorAll('g.bar-row').forEach((g, i) => { g.dataset.team = rows[i].team; });
  figure.append(svg);
  return figure;
}

function drawHouseholds(section, d) {
  const wrap = cell('div', undefined, 'table-wrap');
  const table = cell('table', undefined, 'households');
  const head = table.createTHead();
  const body = table.createTBody();
  const hr = document.createElement('tr');
  for (const name of [c.household, c.team, c.status, ...d.columns.map(([label]) => label), c.notes]) {
    hr.append(cell('th', name));
  }
  head.append(hr);
  const teamNames = new Map(section.teams.map((team) => [team.team, team.name]));
  const rows = document.createDocumentFragment();
  for (const h of section.households.slice(0, MAX_ROWS)) {
    const tr = document.createElement('tr');
    tr.dataset.household = h.household;
    const x = h.status === 'computed' ? h.figures : null;
    tr.className = x ? 'counted' : 'excluded';
    tr.dataset.status = h.status;
    tr.append(
      cell('td', h.household),
      cell('td', teamNames.get(h.team) ?? h.team),
      cell('td', x ? t.counted : t.excluded),
      ...d.columns.map(([, value]) => cell('td', x ? value(x) : '', 'num')),
    );
    const notes = cell('td');
    for (const e of h.exclusions) {
      const span = cell('span', `${codeLabel(e.code)}${place(e)} — ${e.detail}`, 'reason');
      span.dataset.code = e.code;
      notes.append(span);
    }
    for (const w of h.warnings) {
      const span = cell('span', `${codeLabel(w.code)}${place(w)} — ${w.detail}`, 'warning');
      span.dataset.code = w.code;
      notes.append(span);
    }
    tr.append(notes);
    rows.append(tr);
  }
  body.append(rows);
  wrap.append(table);
  if (section.households.length > MAX_ROWS) {
    wrap.append(cell('p', t.more(section.households.length - MAX_ROWS), 'more'));
  }
  return wrap;
}

/** Where an exclusion or a warning is: its meter and its item, if core says. */
export function place(e) {
  const at = [];
  if (e.meter) at.push(t.where.meter(e.meter));
  if (e.index != null) at.push(t.where.index(e.index));
  return at.length ? ` (${at.join(', ')})` : '';
}
