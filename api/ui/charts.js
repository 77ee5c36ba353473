// Charts drawn with uPlot (served from its npm package, see api/plugins/static.ts): the account's
// risk timeline and the score-trend sparklines of the accounts list. Each chart sits in an element
// whose role and label say in words what the canvas shows.
import uPlot from './uPlot.esm.js';
import { h, label } from './ui.js';

// The level bands of the 0–100 score (agents/vocabulary.ts#levelForScore), drawn behind the line.
const BANDS = [['low', 0, 25], ['medium', 25, 50], ['high', 50, 75], ['critical', 75, 100]];
const css = (name) => getComputedStyle(document.documentElement).getPropertyValue(name).trim();

/** A uPlot hook painting the level bands across the plot area. */
function drawBands(u) {
  const { ctx } = u;
  const { left, width } = u.bbox;
  ctx.save();
  for (const [level, lo, hi] of BANDS) {
    const top = u.valToPos(hi, 'y', true);
    const bottom = u.valToPos(lo, 'y', true);
    ctx.fillStyle = css(`--band-${level}`);
    ctx.fillRect(left, top, width, bottom - top);
  }
  ctx.restore();
}

const shortDate = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const longDate = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * The risk score over time (assessments newest first, as the API lists them): a stepped line over
 * the level bands, with a cursor whose legend reads the score and date under it. Sized to `host`.
 */
export function riskTimeline(assessments, host) {
  const points = [...assessments].reverse();
  const xs = points.map((p) => Date.parse(p.asOf) / 1000);
  const ys = points.map((p) => p.score);
  const box = h('div.risk-timeline', { role: 'img',
    'aria-label': `Risk score over ${points.length} assessment${points.length === 1 ? '' : 's'}: ${points.map((p) => `${p.score} (${p.level})`).join(', ')}` });
  const ink = css('--ink');
  // Ticks name days, or times of day when every assessment falls within two days.
  const tick = xs.at(-1) - xs[0] < 2 * 86_400 ? clock : shortDate;
  const width = Math.max(240, Math.floor(host.clientWidth || 320));
  const plot = new uPlot({
    width, height: 170,
    scales: { x: { time: true }, y: { range: [0, 100] } },
    series: [
      { value: (u, v) => (v === null ? '—' : longDate.format(new Date(v * 1000))) },
      { label: 'Score', stroke: ink, width: 2, points: { show: true, size: 5, fill: ink }, paths: uPlot.paths.stepped({ align: 1 }),
        value: (u, v) => (v === null ? '—' : `${v} · ${label(BANDS.find(([, lo, hi]) => v >= lo && (v < hi || hi === 100))?.[0])}`) },
    ],
    axes: [
      { stroke: css('--muted'), grid: { show: false }, ticks: { size: 4 }, size: 28, font: '11px system-ui', space: 60,
        values: (u, splits) => splits.map((s) => tick.format(new Date(s * 1000))) },
      { stroke: css('--muted'), grid: { stroke: 'rgba(0,0,0,.06)' }, ticks: { show: false }, size: 30, font: '11px system-ui', splits: () => [0, 25, 50, 75, 100] },
    ],
    legend: { show: true, live: true },
    cursor: { drag: { x: false, y: false }, points: { size: 7 } },
    // Until the pointer is over the chart, the legend reads the latest assessment.
    hooks: { drawClear: [drawBands], ready: [(u) => u.setLegend({ idx: xs.length - 1 })] },
  }, [xs, ys], box);
  box.plot = plot;
  return box;
}

/**
 * A tiny line of scores (oldest first), 0–100, the last point marked; "no trend yet" under two
 * points. The chart is `box.plot`: destroy it when the row goes (uPlot listens on window).
 */
export function sparkline(values, { width = 96, height = 24 } = {}) {
  const box = h('div.spark', { role: 'img', 'aria-label': values.length ? `score trend: ${values.join(', ')}` : 'no trend yet' });
  if (values.length < 2) return box;
  const accent = css('--accent');
  box.plot = new uPlot({
    width, height, pxAlign: false,
    scales: { x: { time: false }, y: { range: [0, 100] } },
    series: [{}, { stroke: accent, width: 1.5, points: { show: (u, si, i0, i1) => i1 - i0 < 2, size: 0 } }],
    axes: [{ show: false }, { show: false }],
    legend: { show: false }, cursor: { show: false }, select: { show: false },
    padding: [3, 3, 3, 3],
    hooks: { draw: [(u) => { // the latest score as a dot
      const x = u.valToPos(values.length - 1, 'x', true);
      const y = u.valToPos(values.at(-1), 'y', true);
      u.ctx.fillStyle = accent;
      u.ctx.beginPath();
      u.ctx.arc(x, y, 2 * devicePixelRatio, 0, 2 * Math.PI);
      u.ctx.fill();
    }] },
  }, [values.map((_, i) => i), values], box);
  return box;
}
