// The "Catalogue régional" view: a catalogue document (the bundled
// Hauts-de-France sample or a picked JSON file) read and checked by core
// (catalogueValidate, catalogueTimelines), shown as a table of challenges,
// a timeline per territory (inline SVG drawn here) and core's findings.
// Facts the source does not give stay visible as such (« inconnu »,
// « non publié »): nothing is filled in. All text comes from i18n.js.

import { number, percent, t } from './i18n.js';
import { $, cell } from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';

function svg(name, attrs, text) {
  const e = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

const c = () => t.catalogue;

/** "2016–2020", or "2020" for one year. */
export function years({ first, last }) {
  return first === last ? String(first) : `${first}–${last}`;
}

/** A date "2019-12-01" as "01/12/2019". */
function date(s) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : s;
}

function themes(fact) {
  return fact === 'unknown' ? c().unknown : fact.map((th) => c().themes[th] ?? th).join(', ');
}

function households(fact) {
  return fact === 'unknown' ? c().unknown : number(String(fact));
}

/** One result in words: "consommation d’énergie : −11,3 % (189 foyers)". */
function resultText(indicator, change, count) {
  const name = c().indicators[indicator] ?? indicator;
  const who = count === null || count === undefined ? '' : ` (${c().householdsOf(count)})`;
  return `${name} : ${percent(change, 1)}${who}`;
}

/**
 * Shows a catalogue: `records` from the document, `timelines` and
 * `findings` from core.
 */
export function renderCatalogue(doc, { timelines, findings }) {
  $('catalogue-title').textContent = doc.title ?? '';
  drawFindings(findings);
  drawTable(doc.records);
  drawTimelines(timelines);
  $('catalogue-view').hidden = false;
}

function drawFindings(findings) {
  const box = $('catalogue-findings');
  box.replaceChildren();
  if (findings.length === 0) {
    box.append(cell('p', c().noFindings, 'sound'));
    return;
  }
  box.append(cell('p', c().findingsIntro(findings.length)));
  const list = cell('ul', undefined, 'findings');
  for (const f of findings) {
    const li = cell('li');
    li.dataset.rule = f.rule;
    const rule = c().rules[f.rule] ?? f.rule;
    const result = f.result === undefined ? '' : `, ${c().resultNo(f.result)}`;
    const theme = f.theme === undefined ? '' : ` (${c().themes[f.theme] ?? f.theme})`;
    // A group (duplicates, overlapping editions) is one finding: its members.
    const what = f.members === undefined
      ? c().recordRef(f.record)
      : c().groupOf(f.members.map((m) => m.index + 1), f.member_count);
    li.textContent = `${rule}${theme} — ${what}${result}`;
    list.append(li);
  }
  box.append(list);
}

function drawTable(records) {
  const table = $('catalogue-table');
  const head = table.querySelector('thead');
  const body = table.querySelector('tbody');
  const cols = c().columns;
  const tr = cell('tr');
  for (const k of ['territory', 'challenge', 'dates', 'themes', 'households', 'results', 'status']) tr.append(cell('th', cols[k]));
  head.replaceChildren(tr);
  body.replaceChildren();
  records.forEach((r, i) => {
    const row = cell('tr');
    row.dataset.index = String(i);
    row.append(cell('td', r.territory.name, 'territory'));
    row.append(cell('td', `${r.name} (${r.edition})`));
    const when = cell('td', years(r.years), 'dates');
    if (r.period) when.append(cell('span', c().period(date(r.period.first), date(r.period.last)), 'period'));
    row.append(when);
    row.append(cell('td', themes(r.themes)));
    row.append(cell('td', households(r.households), 'num households'));
    const results = cell('td', undefined, 'results');
    if (r.results === 'not_published' || r.results.length === 0) {
      results.append(cell('span', c().notPublished, 'not-published'));
    } else {
      for (const res of r.results) {
        const count = res.households ?? (r.households === 'unknown' ? null : r.households);
        const line = cell('span', resultText(res.indicator, res.change, count), 'result');
        line.dataset.indicator = res.indicator;
        line.title = res.origin.kind === 'published' ? c().publishedIn(res.origin.source) : c().computedBy(res.origin.ecodefi_version);
        results.append(line);
      }
    }
    row.append(results);
    row.append(cell('td', c().status[r.status] ?? r.status));
    body.append(row);
  });
}

/**
 * One row per territory on a shared axis of years; each challenge is a bar
 * from the start of its first year to the end of its last, labelled with its
 * results (or « non publié »).
 */
function drawTimelines(timelines) {
  const figure = $('catalogue-timelines');
  figure.replaceChildren();
  const entries = timelines.flatMap((tl) => tl.entries);
  if (entries.length === 0) return;
  const from = Math.min(...entries.map((e) => e.years.first));
  const to = Math.max(...entries.map((e) => e.years.last)) + 1;
  const width = 900;
  const labelWidth = 300;
  const plot = width - labelWidth - 20;
  const rowHeight = 46;
  const top = 28;
  const x = (year) => labelWidth + ((year - from) / Math.max(1, to - from)) * plot;
  const height = top + timelines.length * rowHeight + 8;
  const root = svg('svg', { class: 'timeline', viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': c().timelinesLabel });
  root.append(svg('title', {}, c().timelinesLabel));
  for (let year = from; year <= to; year += 1) {
    root.append(svg('line', { class: 'timeline-grid', x1: x(year), x2: x(year), y1: top - 6, y2: height - 4 }));
    if (year < to) root.append(svg('text', { class: 'timeline-year', x: (x(year) + x(year + 1)) / 2, y: top - 10, 'text-anchor': 'middle' }, String(year)));
  }
  timelines.forEach((tl, row) => {
    const g = svg('g', { class: 'timeline-row' });
    g.dataset.territory = tl.territory.name;
    const y = top + row * rowHeight;
    g.append(svg('text', { class: 'timeline-label', x: 0, y: y + 18 }, tl.territory.name));
    const lanes = tl.entries.length;
    tl.entries.forEach((e, lane) => {
      const h = (rowHeight - 10) / lanes;
      const y0 = y + 2 + lane * h;
      const x0 = x(e.years.first);
      const x1 = x(e.years.last + 1);
      const bar = svg('rect', { class: `timeline-bar status-${e.status}`, x: x0 + 1, y: y0, width: Math.max(2, x1 - x0 - 2), height: h - 2, rx: 3 });
      const label = e.results.length === 0 ? c().notPublished : e.results.map((r) => percent(r.change, 1)).join(' · ');
      bar.append(svg('title', {}, `${e.record.name} (${years(e.years)}) — ${e.results.length === 0 ? c().notPublished : e.results.map((r) => resultText(r.indicator, r.change, r.households)).join(' ; ')}`));
      g.append(bar);
      g.append(svg('text', { class: 'timeline-text', x: x0 + 6, y: y0 + h / 2 + 4 }, label));
    });
    root.append(g);
  });
  figure.append(root);
}
