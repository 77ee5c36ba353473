// Accounts: one table of the book. Every account in the caller's scope is loaded (pages of 1,000),
// then filtered and sorted in the browser; a score-trend sparkline is fetched only for rows on screen.
import { api, qs } from './api.js';
import { h, label, notify, riskBadge, time } from './ui.js';
import { sparkline } from './charts.js';

const PAGE = 1000;
const MAX = 10_000;
const LEVELS = ['critical', 'high', 'medium', 'low'];
const LEVEL_RANK = { critical: 4, high: 3, medium: 2, low: 1 };
const trendCache = new Map(); // account id → scores oldest first (kept while the page is open)
const plots = new Set(); // the sparklines drawn now (destroyed with their rows)

/** A sparkline for the trend cell, tracked so it is destroyed with its row. */
function spark(values) {
  const box = sparkline(values);
  if (box.plot) plots.add(box.plot);
  return box;
}
function destroyPlots() {
  for (const p of plots) p.destroy();
  plots.clear();
}

const COLUMNS = [
  { key: 'name', title: 'Account', value: (a) => a.name.toLowerCase() },
  { key: 'stage', title: 'Stage', value: (a) => a.stage },
  { key: 'owner', title: 'Owner', value: (a) => a.ownerId ?? '' },
  { key: 'risk', title: 'Risk', value: (a) => LEVEL_RANK[a.riskLevel] ?? 0 },
  { key: 'score', title: 'Score', value: (a) => a.riskScore ?? -1 },
  { key: 'trend', title: 'Trend', sortable: false },
  { key: 'renewal', title: 'Renewal', value: (a) => (a.renewalDate ? Date.parse(a.renewalDate) : Infinity) },
  { key: 'assessed', title: 'Last assessed', value: (a) => (a.lastAssessedAt ? Date.parse(a.lastAssessedAt) : 0) },
];

export function renderAccounts({ me, params, view }) {
  const filters = { riskLevel: params.get('risk') ?? '', owner: params.get('owner') ?? '', q: params.get('q') ?? '' };
  const sort = { key: params.get('sort') ?? 'score', dir: params.get('dir') === 'asc' ? 'asc' : 'desc' };
  let accounts = [];
  let names = new Map();
  let alive = true;

  const observer = new IntersectionObserver((entries) => {
    for (const e of entries) if (e.isIntersecting) { observer.unobserve(e.target); loadTrend(e.target); }
  }, { rootMargin: '200px' });

  const summary = h('p.summary', { 'aria-live': 'polite' }, 'Loading…');
  const riskSel = h('select', { id: 'f-risk' }, h('option', { value: '' }, 'Any risk'), LEVELS.map((l) => h('option', { value: l }, label(l))));
  const ownerSel = h('select', { id: 'f-owner' }, h('option', { value: '' }, 'Any owner'));
  const search = h('input', { id: 'f-q', type: 'search', placeholder: 'Name contains…', value: filters.q, autocomplete: 'off' });
  riskSel.value = filters.riskLevel;
  const headRow = h('tr');
  const tbody = h('tbody');
  const table = h('table.accounts', {}, h('caption.visually-hidden', {}, 'Accounts in your book'), h('thead', {}, headRow), tbody);

  view.append(
    h('div.page-head', {}, h('h1', {}, 'Accounts'), summary),
    h('form.filters', { 'aria-label': 'Filter accounts', onsubmit: (e) => e.preventDefault() },
      h('div.field', {}, h('label', { for: 'f-q' }, 'Name'), search),
      h('div.field', {}, h('label', { for: 'f-risk' }, 'Risk level'), riskSel),
      me.role === 'rep' ? null : h('div.field', {}, h('label', { for: 'f-owner' }, 'Owner'), ownerSel)),
    h('div.table-wrap', {}, table));

  riskSel.addEventListener('change', () => { filters.riskLevel = riskSel.value; syncHash(); renderRows(); });
  ownerSel.addEventListener('change', () => { filters.owner = ownerSel.value; syncHash(); renderRows(); });
  search.addEventListener('input', () => { filters.q = search.value; syncHash(); renderRows(); });

  function syncHash() {
    history.replaceState(null, '', `#/accounts${qs({ risk: filters.riskLevel, owner: filters.owner, q: filters.q, sort: sort.key, dir: sort.dir })}`);
  }

  function renderHead() {
    headRow.replaceChildren(...COLUMNS.map((c) => {
      if (c.sortable === false) return h('th', { scope: 'col' }, c.title);
      const active = sort.key === c.key;
      return h('th', { scope: 'col', 'aria-sort': active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none' },
        h('button.sort', { type: 'button', dataset: { sort: c.key }, onclick: () => sortBy(c.key) }, c.title,
          h('span.arrow', { 'aria-hidden': 'true' }, active ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : '')));
    }));
  }

  function sortBy(key) {
    sort.dir = sort.key === key && sort.dir === 'desc' ? 'asc' : sort.key === key ? 'desc' : key === 'name' || key === 'renewal' ? 'asc' : 'desc';
    sort.key = key;
    syncHash();
    renderHead();
    renderRows();
  }

  function visibleRows() {
    const q = filters.q.trim().toLowerCase();
    const rows = accounts.filter((a) => (!q || a.name.toLowerCase().includes(q))
      && (!filters.riskLevel || a.riskLevel === filters.riskLevel) && (!filters.owner || a.ownerId === filters.owner));
    const col = COLUMNS.find((c) => c.key === sort.key) ?? COLUMNS[4];
    const sign = sort.dir === 'asc' ? 1 : -1;
    return rows.sort((x, y) => {
      const a = col.value(x); const b = col.value(y);
      return (a < b ? -1 : a > b ? 1 : 0) * sign || x.name.localeCompare(y.name);
    });
  }

  function renderRows() {
    observer.disconnect();
    destroyPlots();
    const rows = visibleRows();
    const frag = document.createDocumentFragment();
    for (const a of rows) frag.append(row(a));
    tbody.replaceChildren(frag);
    for (const cell of tbody.querySelectorAll('td.trend')) observer.observe(cell);
    summary.textContent = `${rows.length} account${rows.length === 1 ? '' : 's'}${rows.length !== accounts.length ? ` of ${accounts.length}` : ''}`
      + `${accounts.length >= MAX ? ` (the first ${MAX.toLocaleString()} by risk)` : ''}.`;
  }

  function row(a) {
    const renewalSoon = a.renewalDate && Date.parse(a.renewalDate) - Date.now() < 90 * 86_400_000 && Date.parse(a.renewalDate) > Date.now();
    const trend = h('td.trend', { dataset: { id: a.id } });
    if (trendCache.has(a.id)) trend.append(spark(trendCache.get(a.id)));
    return h('tr', { dataset: { id: a.id } },
      h('th', { scope: 'row' }, h('a', { href: `#/accounts/${encodeURIComponent(a.id)}` }, a.name)),
      h('td', {}, label(a.stage)),
      h('td', {}, a.ownerId ? names.get(a.ownerId) ?? a.ownerId : h('span.muted', {}, 'Unowned')),
      h('td', {}, riskBadge(a.riskLevel)),
      h('td.num', {}, a.riskScore ?? '—'),
      trend,
      h(`td${renewalSoon ? '.soon' : ''}`, {}, time(a.renewalDate)),
      h('td', {}, time(a.lastAssessedAt, true)));
  }

  async function loadTrend(cell) {
    const id = cell.dataset.id;
    if (trendCache.has(id)) { if (!cell.firstChild) cell.append(spark(trendCache.get(id))); return; }
    try {
      const { assessments } = await api(`/v1/accounts/${encodeURIComponent(id)}/assessments${qs({ limit: 30 })}`);
      const scores = assessments.map((x) => x.score).reverse();
      trendCache.set(id, scores);
      if (alive && cell.isConnected) cell.replaceChildren(spark(scores));
    } catch {
      cell.textContent = '—';
    }
  }

  async function loadAll() {
    try {
      for (let offset = 0; offset < MAX; offset += PAGE) {
        const page = await api(`/v1/accounts${qs({ limit: PAGE, offset })}`);
        if (!alive) return;
        accounts = accounts.concat(page.accounts);
        if (page.accounts.length < PAGE) break;
      }
      if (me.role === 'admin') names = new Map((await api('/v1/users')).users.map((u) => [u.id, u.name]));
      if (!alive) return;
      for (const o of [...new Set(accounts.map((a) => a.ownerId).filter(Boolean))].sort()) ownerSel.append(h('option', { value: o }, names.get(o) ?? o));
      ownerSel.value = filters.owner;
      renderRows();
    } catch (err) {
      summary.textContent = `Could not load accounts: ${err.message}`;
      notify(err.message, 'error');
    }
  }

  renderHead();
  loadAll();
  return () => { alive = false; observer.disconnect(); destroyPlots(); };
}
