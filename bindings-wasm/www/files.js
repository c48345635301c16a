// Draws what the files read directly became (core `files::set::Imported`):
// the stations of a Météo-France file, to choose the one whose temperatures
// are used, with the options to fill days without a valid temperature, and
// the table "Fichiers importés": where each Linky or Gazpar export went.
// Everything shown is core's (its stations and their days, the station it
// used, the days it filled, the household and meter of each file); app.js
// recomputes when the organiser changes the station or the options.

import { t } from './i18n.js';
import { $, cell } from './dom.js';

const x = t.imports;

/** A date "2025-12-01" as "01/12/2025". */
export function date(s) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s ?? '');
  return m ? `${m[3]}/${m[2]}/${m[1]}` : (s ?? '');
}

/** A decimal string ("12.5") written the French way ("12,5"), digits untouched. */
const decimal = (s) => String(s).replace('.', t.decimalSeparator).replace('-', t.minus);

/** The headers of a table. */
function head(table, labels) {
  const tr = document.createElement('tr');
  for (const label of labels) tr.append(cell('th', label));
  table.tHead.replaceChildren(tr);
}

/**
 * The stations of a Météo-France file (core `readWeatherFile`), one radio
 * button each, `selected` checked; `coverage` (station number →
 * { reference, challenge }) says, for each period of the challenge, whether
 * core has a temperature for every day (with the days it filled), or core's
 * message naming the days it lacks.
 */
export function renderStations(weather, { selected, coverage = new Map(), fill }) {
  const c = x.columns;
  $('weather').hidden = false;
  $('station-intro').textContent = x.stationIntro(weather.name, weather.stations.length);
  const table = $('stations');
  head(table, [c.choice, c.number, c.name, c.altitude, c.covered, c.missing, c.reference, c.challenge]);
  const rows = weather.stations.map((s) => {
    const tr = document.createElement('tr');
    tr.dataset.station = s.number;
    const radio = document.createElement('input');
    radio.type = 'radio';
    radio.name = 'station';
    radio.value = s.number;
    radio.checked = s.number === selected;
    radio.setAttribute('aria-label', `${s.number} ${s.name}`);
    const choice = cell('td');
    choice.append(radio);
    const periods = coverage.get(s.number);
    tr.append(
      choice,
      cell('td', s.number, 'num'),
      cell('td', s.name),
      cell('td', x.metres(decimal(s.altitude)), 'num'),
      cell('td', x.covered(date(s.first), date(s.last), s.complete_days)),
      cell('td', String(s.missing_days), 'num missing-days'),
      periodCell(periods?.reference, 'reference'),
      periodCell(periods?.challenge, 'challenge'),
    );
    if (s.number === selected) tr.classList.add('selected');
    return tr;
  });
  table.tBodies[0].replaceChildren(...rows);
  // The options: another station of the file, then interpolation.
  const select = $('fill-station');
  const none = cell('option', x.noFillStation);
  none.value = '';
  select.replaceChildren(none, ...weather.stations.map((s) => {
    const o = cell('option', `${s.number} ${s.name}`);
    o.value = s.number;
    return o;
  }));
  select.value = fill.fillStation ?? '';
  $('interpolate').value = String(fill.interpolateMaxDays ?? 0);
}

/** A period's coverage: complete (with the days filled), or core's message. */
function periodCell(status, period) {
  const td = cell('td', undefined, `period-${period}`);
  if (!status) return td;
  if (status.complete) {
    td.textContent = status.filled ? `${x.complete} (${x.filled(status.filled).replace(/ :$/, '')})` : x.complete;
    td.dataset.missing = '0';
  } else {
    // Core's message names the days: folded under a short summary.
    const details = cell('details', undefined, 'reason');
    details.append(cell('summary', x.missingIn), cell('span', status.message, 'core-message'));
    td.append(details);
    td.dataset.missing = 'some';
  }
  return td;
}

/** The station core used and the days it filled (core `WeatherUse`). */
export function renderWeatherUse(use) {
  const used = $('station-used');
  const list = $('filled-days');
  if (!use) {
    used.textContent = '';
    delete used.dataset.station;
    list.replaceChildren();
    return;
  }
  used.textContent = `${x.stationUsed(use.station.number, use.station.name)} ${use.filled.length ? x.filled(use.filled.length) : x.noneFilled}`;
  used.dataset.station = use.station.number;
  list.replaceChildren(...use.filled.map((d) => {
    const how = d.how.method === 'station' ? x.filledByStation(d.how.number) : x.filledInterpolated;
    const li = cell('li', `${date(d.date)} : Tn ${decimal(d.tn)} °C, Tx ${decimal(d.tx)} °C (${how})`);
    li.dataset.date = d.date;
    li.dataset.how = d.how.method;
    return li;
  }));
}

/** The kind of a meter export in French (core `Content`). */
function kindOf(content) {
  const k = x.kinds[content.kind];
  return typeof k === 'function' ? k(content.step_minutes) : (k ?? content.kind);
}

/** The table "Fichiers importés": each Linky or Gazpar file and where it went. */
export function renderMeters(meters) {
  const c = x.columns;
  $('meters-imported').hidden = meters.length === 0;
  const table = $('imported-meters');
  head(table, [c.file, c.household, c.meter, c.created, c.kind, c.identifier, c.from, c.to]);
  table.tBodies[0].replaceChildren(...meters.map((m) => {
    const tr = document.createElement('tr');
    tr.dataset.file = m.file;
    tr.dataset.household = m.household;
    tr.dataset.meter = m.meter;
    tr.dataset.created = String(m.created);
    tr.append(
      cell('td', m.file, 'file-name'),
      cell('td', m.household),
      cell('td', m.meter),
      cell('td', m.created ? x.created : x.existing),
      cell('td', x.kindBy(kindOf(m.content), x.providers[m.provider] ?? m.provider)),
      cell('td', m.identifier || '—'),
      cell('td', date(m.first)),
      cell('td', date(m.last)),
    );
    return tr;
  }));
}

/** Hides the whole panel (no file read directly). */
export function hideImports() {
  $('imports').hidden = true;
  $('weather').hidden = true;
  $('meters-imported').hidden = true;
}
