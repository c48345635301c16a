// A horizontal bar chart drawn as inline SVG by the page (no library).
//
// barChart(rows, options) -> SVGSVGElement
//   rows: [{ label: string, value: number, text: string, title?: string }]
//     or, for several bars per row (a theme whose ranking weighs two
//     changes), [{ label, parts: [{ value, text, kind? }], title? }]: one
//     thinner bar per part, in the row's band.
//     `value` only sizes the bar (it may be negative: a bar to the left of
//     the zero line); `text` is what is written beside it, already
//     formatted by the caller (the numbers themselves stay core's strings);
//     `kind` is added to the bar's classes (`bar-<kind>`).
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
  const parts = rows.map((r) => r.parts ?? [{ value: r.value, text: r.text }]);
  const perRow = Math.max(1, ...parts.map((p) => p.length));
  const rowHeight = perRow === 1 ? barHeight : perRow * 20;
  const labelWidth = Math.min(260, Math.max(90, ...rows.map((r) => 7.5 * r.label.length + 16)));
  const textWidth = Math.min(200, Math.max(90, ...parts.flat().map((p) => 7.5 * p.text.length + 16)));
  const plot = width - labelWidth - textWidth;
  const height = Math.max(1, rows.length) * (rowHeight + gap) + gap;
  const values = parts.map((p) => p.map((b) => (Number.isFinite(b.value) ? b.value : 0)));
  const max = Math.max(0, ...values.flat());
  const min = Math.min(0, ...values.flat());
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
    const y = gap + i * (rowHeight + gap);
    const g = el('g', { class: 'bar-row', 'data-rank': i + 1 });
    g.append(
      el('text', { x: labelWidth - 8, y: y + rowHeight / 2, 'text-anchor': 'end', 'dominant-baseline': 'central', class: 'bar-label' }, r.label),
    );
    const h = rowHeight / parts[i].length;
    parts[i].forEach((p, j) => {
      const v = values[i][j];
      const top = y + j * h + (parts[i].length > 1 ? 1 : 0);
      const bh = parts[i].length > 1 ? h - 2 : h;
      const kind = p.kind ? ` bar-${p.kind}` : '';
      const bar = el('rect', {
        x: Math.min(zero, x(v)),
        y: top,
        width: Math.max(1, Math.abs(x(v) - zero)),
        height: bh,
        rx: 3,
        class: `bar ${v >= 0 ? 'bar-positive' : 'bar-negative'}${kind}`,
      });
      if (r.title) bar.append(el('title', {}, `${r.title} : ${p.text}`));
      g.append(bar);
      g.append(
        el('text', { x: Math.max(zero, x(v)) + 6, y: top + bh / 2, 'dominant-baseline': 'central', class: 'bar-value' }, p.text),
      );
    });
    svg.append(g);
  });
  svg.append(el('line', { x1: zero, x2: zero, y1: 0, y2: height, class: 'bar-axis' }));
  return svg;
}
