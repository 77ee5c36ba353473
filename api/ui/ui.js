// Small DOM helpers shared by the views: an element builder, dates, labels and the status line.

/** h('a.cite', {href}, 'text', child): builds an element; attributes starting with "on" are listeners. */
export function h(tag, attrs = {}, ...children) {
  const [name, ...classes] = tag.split('.');
  const el = document.createElement(name);
  if (classes.length) el.className = classes.join(' ');
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k === 'value' || k === 'checked') el[k] = v;
    else if (k in el && typeof v !== 'string') el[k] = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

/** Appends children, skipping null, undefined and false (unlike Element.append). */
export function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

const dateFmt = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
const dateTimeFmt = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });

export const fmtDate = (iso) => (iso ? dateFmt.format(new Date(iso)) : '—');
export const fmtDateTime = (iso) => (iso ? dateTimeFmt.format(new Date(iso)) : '—');

/** "in 3 days", "2 days ago", "today". */
export function relDays(iso) {
  if (!iso) return '';
  const days = Math.round((Date.parse(iso) - Date.now()) / 86_400_000);
  if (days === 0) return 'today';
  if (days > 0) return days === 1 ? 'tomorrow' : `in ${days} days`;
  return days === -1 ? 'yesterday' : `${-days} days ago`;
}

/** A machine-readable time element showing a readable date. */
export const time = (iso, withTime = false) =>
  iso ? h('time', { datetime: iso, title: new Date(iso).toLocaleString() }, withTime ? fmtDateTime(iso) : fmtDate(iso)) : '—';

/** "fulfil_commitment" → "Fulfil commitment". */
export const label = (code) => (code ? code.charAt(0).toUpperCase() + code.slice(1).replaceAll('_', ' ') : '—');

export const riskBadge = (level, score) =>
  level ? h(`span.badge.risk-${level}`, {}, label(level), score !== null && score !== undefined ? ` · ${score}` : '') : h('span.badge.risk-none', {}, 'Not assessed');

/** Announces a short message in the status region (polite), or an error (assertive). */
export function notify(message, kind = 'ok') {
  const region = document.getElementById(kind === 'error' ? 'alerts' : 'status');
  const item = h(`p.toast.toast-${kind}`, {}, message);
  // The three latest at most: a run of quick decisions should not pile notes over the page.
  while (region.children.length >= 3) region.firstElementChild.remove();
  region.append(item);
  setTimeout(() => item.remove(), kind === 'error' ? 12_000 : 5_000);
}

/** True when a key press belongs to a text field rather than to the page's shortcuts. */
export const typingIn = (target) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
