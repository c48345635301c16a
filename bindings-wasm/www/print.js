// The printable document (« Imprimer / PDF »): built from the report the
// page shows (the same object render.js draws) into #print, which only the
// print media shows (style.css: A4, one page per part below). In order:
// - the summary: the challenge, its periods and participants, every theme's
//   headline as core writes it and its key figures, the document's contents;
// - per theme, the team ranking (chart.js's SVG, as on the page);
// - per team, a page for its captain: its standing in every theme and its
//   households with their figures, excluded ones with core's reasons, and
//   the warnings;
// - per household, a certificate: its main figures in every theme (energy:
//   kWh, €, kg CO2e saved; waste: kg avoided; water: litres per person and
//   day…) or why it was not counted.
// Every part starts on a new sheet (one that is too long for a sheet goes
// on to the next); sheets are numbered at their foot. Every household of
// the report has its certificate and its line on its team's page. Numbers are core's decimal strings written by i18n.js's
// helpers, through render.js's: nothing is computed here. The browser makes
// the PDF (no library): app.js builds this then calls window.print().

import { date } from './files.js';
import { codeLabel, number, share, t } from './i18n.js';
import { DESCRIBE, THEMES, drawFigures, drawTeams, fromTo, pct, place, qty } from './render.js';
import { cell } from './dom.js';

const p = t.print;
const f = t.figures;
const u = t.units;

/** A printed page: a section that starts on a new sheet. */
function page(kind, ...children) {
  const s = cell('section', undefined, `print-page print-${kind}`);
  s.append(...children);
  return s;
}

/** Label and text pairs as a printed list, the empty ones left out. */
const figures = (pairs, className = 'print-figures') => drawFigures(pairs, className);

/**
 * A household's main figures in a theme (`x`: its computed figures), for
 * its certificate, the theme's main one first.
 */
const CERTIFICATE = {
  energy: (x) => [
    [f.savedKwh, qty(x.saved, 0, u.kwh)],
    [f.eurosSaved, qty(x.euros_saved, 0, u.euros)],
    [f.co2eAvoided, qty(x.co2e_saved, 0, u.kgCo2e)],
    [f.change, pct(x.change)],
  ],
  waste: (x) => [
    [p.wasteAvoided, qty(x.total?.avoided_kg, 1, u.kg)],
    [f.residualAvoided, qty(x.residual?.avoided_kg, 1, u.kg)],
    [f.residualChange, pct(x.residual?.change)],
    [f.totalChange, pct(x.total?.change)],
  ],
  water: (x) => [
    [f.litresPerPersonDay, fromTo(x.reference_per_person_day, x.challenge_per_person_day, (v) => number(v, 0))],
    [f.waterChange, pct(x.change)],
    [f.savedLitres, qty(x.saved_litres, 0, u.litres)],
  ],
  food: (x) => [
    [f.organicShare, fromTo(x.surveys[0]?.organic_share, x.surveys.at(-1)?.organic_share, share)],
    [f.localShare, fromTo(x.surveys[0]?.local_share, x.surveys.at(-1)?.local_share, share)],
    [f.costPerMealChange, pct(x.change?.cost_per_person_meal_change)],
  ],
  mobility: (x) => [
    [p.co2ePerPersonWeek, fromTo(x.reference?.co2e_per_person_week, x.challenge?.co2e_per_person_week, (v) => number(v, 1))],
    [f.co2eChange, pct(x.co2e_change)],
    [p.kmPerPersonWeek, fromTo(x.reference?.km_per_person_week, x.challenge?.km_per_person_week, (v) => number(v, 0))],
  ],
};

/**
 * The teams of the report, `{ team, name }`: the challenge's, in its order,
 * then any other a theme ranks.
 */
export function printedTeams(report, themes = THEMES.filter((k) => report[k])) {
  const teams = new Map((report.challenge?.teams ?? []).map((x) => [x.id, { team: x.id, name: x.name }]));
  for (const k of themes) {
    for (const x of report[k].teams) if (!teams.has(x.team)) teams.set(x.team, { team: x.team, name: x.name });
  }
  return [...teams.values()];
}

/** The households of the report, `{ household, team }`, in core's order (every theme lists them all). */
export function printedHouseholds(report, themes = THEMES.filter((k) => report[k])) {
  const households = new Map();
  for (const k of themes) {
    for (const h of report[k].households) if (!households.has(h.household)) households.set(h.household, { household: h.household, team: h.team });
  }
  return [...households.values()];
}

/** The report the printable document was last built from. */
let built = null;

/**
 * Builds the printable document of `report` into `container` (#print) and
 * marks the body (`data-print`: its number of parts, each of which starts
 * a sheet).
 */
export function buildPrint(report, container = document.getElementById('print')) {
  // Printing calls this twice (the button, then the browser's `beforeprint`).
  if (built === report && container.children.length) return;
  built = report;
  const themes = THEMES.filter((k) => report[k]);
  const teams = printedTeams(report, themes);
  const households = printedHouseholds(report, themes);
  const names = new Map(teams.map((x) => [x.team, x.name]));
  container.replaceChildren(
    summary(report, themes, teams.length, households.length),
    ...themes.map((k) => ranking(k, report[k])),
    ...teams.map((team) => teamPage(report, themes, team)),
    ...households.map((h) => certificate(report, themes, h, names.get(h.team) ?? h.team)),
  );
  document.body.dataset.print = String(container.children.length);
}

/** Empties the printable document (no report shown): the print shows the page. */
export function clearPrint(container = document.getElementById('print')) {
  built = null;
  container.replaceChildren();
  delete document.body.dataset.print;
}

function periods(challenge) {
  const { reference_period: r, challenge_period: c } = challenge ?? {};
  if (!r || !c) return null;
  return p.periods(p.period(date(r.first), date(r.last)), p.period(date(c.first), date(c.last)));
}

function summary(report, themes, teams, households) {
  const s = page('summary', cell('h1', p.title));
  if (report.challenge) s.append(cell('p', t.challengeOf(report.challenge), 'print-challenge'));
  const when = periods(report.challenge);
  if (when) s.append(cell('p', when));
  s.append(cell('p', p.participants(households, teams)), cell('h2', p.headlinesTitle));
  const list = cell('ul', undefined, 'print-headlines');
  for (const k of themes) {
    const li = cell('li');
    li.dataset.theme = k;
    li.append(cell('strong', t.themes[k]), ' ', cell('span', report[k].headline));
    list.append(li);
  }
  s.append(list);
  for (const k of themes) {
    s.append(cell('h3', `${t.themes[k]} — ${t.figuresTitle}`), figures(DESCRIBE[k].figures(report[k])));
  }
  s.append(cell('h2', p.contentsTitle), contents(themes, teams, households));
  return s;
}

/**
 * The parts of the document, in order (each starts on a new sheet; a part
 * longer than a sheet goes on, and every sheet is numbered).
 */
function contents(themes, teams, households) {
  const ul = cell('ul', undefined, 'print-contents');
  for (const label of [
    p.contents.summary,
    ...themes.map((k) => p.contents.ranking(t.themes[k])),
    p.contents.teams(teams),
    p.contents.certificates(households),
  ]) ul.append(cell('li', label));
  return ul;
}

function ranking(key, section) {
  const s = page('ranking', cell('h2', p.rankingTitle(t.themes[key])), cell('p', section.headline, 'print-headline'));
  s.dataset.theme = key;
  s.append(drawTeams(key, section, DESCRIBE[key]));
  return s;
}

function teamPage(report, themes, team) {
  const s = page('team', cell('h2', p.teamTitle(team.name)));
  s.dataset.team = team.team;
  if (report.challenge) s.append(cell('p', t.challengeOf(report.challenge), 'print-challenge'));
  s.append(cell('p', p.teamIntro, 'print-intro'));
  for (const k of themes) {
    const section = report[k];
    const d = DESCRIBE[k];
    const standing = section.teams.find((x) => x.team === team.team);
    const title = cell('h3', t.themes[k]);
    s.append(title);
    if (standing) {
      const figure = d.bars(standing).map((b) => b.text).join(', ');
      title.append(' ', cell('span', `${p.rank(standing.rank, section.teams.length)} — ${figure}`, 'print-standing'));
    }
    s.append(households(section, d, team.team));
  }
  return s;
}

/** The team's households in a theme: status, the page's figure columns, reasons and warnings. */
function households(section, d, team) {
  const table = cell('table', undefined, 'print-households');
  const hr = document.createElement('tr');
  for (const name of [t.columns.household, t.columns.status, ...d.columns.map(([label]) => label), t.columns.notes]) {
    hr.append(cell('th', name));
  }
  table.createTHead().append(hr);
  const body = table.createTBody();
  for (const h of section.households.filter((x) => x.team === team)) {
    const x = h.status === 'computed' ? h.figures : null;
    const tr = cell('tr', undefined, x ? 'counted' : 'excluded');
    tr.dataset.household = h.household;
    tr.append(
      cell('td', h.household),
      cell('td', x ? t.counted : t.excluded),
      ...d.columns.map(([, value]) => cell('td', x ? value(x) : '', 'num')),
    );
    tr.append(notes(h));
    body.append(tr);
  }
  return table;
}

/** Core's reasons and warnings for a household, as the page writes them. */
function notes(h, tag = 'td') {
  const td = cell(tag, undefined, 'notes');
  for (const e of h.exclusions) {
    td.append(cell('span', `${codeLabel(e.code)}${place(e)} — ${e.detail}`, 'reason'));
  }
  for (const w of h.warnings) {
    td.append(cell('span', `${codeLabel(w.code)}${place(w)} — ${w.detail}`, 'warning'));
  }
  return td;
}

function certificate(report, themes, household, teamName) {
  const s = page('certificate', cell('h2', p.certificateTitle));
  s.dataset.household = household.household;
  const who = cell('p', undefined, 'print-who');
  who.append(p.certificateOf(household.household, teamName), ' ');
  who.append(report.challenge ? p.tookPart(`«\u00a0${report.challenge.name}\u00a0» (${report.challenge.territory})`) : '');
  s.append(who);
  const when = periods(report.challenge);
  if (when) s.append(cell('p', when, 'print-intro'));
  for (const k of themes) {
    const h = report[k].households.find((x) => x.household === household.household);
    if (!h) continue;
    const part = cell('div', undefined, 'print-theme');
    part.dataset.theme = k;
    part.append(cell('h3', t.themes[k]));
    if (h.status === 'computed') {
      const [main, ...rest] = CERTIFICATE[k](h.figures).filter(([, text]) => text);
      if (main) part.append(figures([main], 'print-figures print-main'));
      part.append(figures(rest));
    } else {
      const why = cell('div', undefined, 'print-excluded');
      why.append(cell('p', p.notCounted));
      why.append(notes({ ...h, warnings: [] }, 'div'));
      part.append(why);
    }
    s.append(part);
  }
  s.append(cell('p', p.certificateThanks, 'print-thanks'));
  return s;
}
