// A horizontal bar chart drawn as inline SVG by the page (no library).
//
// barChart(rows, options) -> SVGSVGElement
//   rows: [{ label: string, value: number, text: string, title?: string }]
//     `value` only sizes the bar (it may be negative: a bar to the left of
//     the zero line); `text` is what is written beside it, already
//     formatted by the caller (the numbers themselves stay core's strings).
//   options: { title: string, width?: number, barHeight?: number }
// Rows are drawn in the order given (the caller passes core's ranking).

const SVG = 'http://www.w3.org/2000/svg';

function el(name, attrs, text) {
  const e = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

export function barChart(rows, { title, width = 720, barHeight = 26 } = {}) {
  const gap = 8;
  const labelWidth = Math.min(260, Math.max(90, ...rows.map((r) => 7.5 * r.label.length + 16)));
  const textWidth = 90;
  const plot = width - labelWidth - textWidth;
  const height = Math.max(1, rows.length) * (barHeight + gap) + gap;
  const values = rows.map((r) => (Number.isFinite(r.value) ? r.value : 0));
  const max = Math.max(0, ...values);
  const min = Math.min(0, ...values);
  const span = max - min || 1;
  const x = (v) => labelWidth + ((v - min) / span) * plot;
  const zero = x(0);

  const svg = el('svg', {
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    role: 'img',
    class: 'bar-chart',
    'aria-label': title ?? '',
  });
  if (title) svg.append(el('title', {}, title));
  rows.forEach((r, i) => {
    const y = gap + i * (barHeight + gap);
    const v = values[i];
    const g = el('g', { class: 'bar-row', 'data-rank': i + 1 });
    g.append(
      el('text', { x: labelWidth - 8, y: y + barHeight / 2, 'text-anchor': 'end', 'dominant-baseline': 'central', class: 'bar-label' }, r.label),
    );
    const left = Math.min(zero, x(v));
    const bar = el('rect', {
      x: left,
      y,
      width: Math.max(1, Math.abs(x(v) - zero)),
      height: barHeight,
      rx: 3,
      class: v >= 0 ? 'bar bar-positive' : 'bar bar-negative',
    });
    if (r.title) bar.append(el('title', {}, r.title));
    g.append(bar);
    g.append(
      el('text', { x: Math.max(zero, x(v)) + 6, y: y + barHeight / 2, 'dominant-baseline': 'central', class: 'bar-value' }, r.text),
    );
    svg.append(g);
  });
  svg.append(el('line', { x1: zero, x2: zero, y1: 0, y2: height, class: 'bar-axis' }));
  return svg;
}
