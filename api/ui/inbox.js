// The inbox: open recommendations by priority, the draft editable in place, and a decision per
// item (approve, approve with edits, reject with a reason, snooze) by button or by key.
import { api, qs } from './api.js';
import { h, label, notify, relDays, time, typingIn } from './ui.js';

const KINDS = ['reply', 'follow_up', 'fulfil_commitment', 'multithread', 'find_new_champion', 'assign_owner', 'renewal_plan',
  'adoption_play', 'competitive_response', 'expansion_discovery', 'schedule_next_step', 'escalate'];
const REASONS = [
  ['not_relevant', 'Not relevant'], ['already_done', 'Already done'], ['wrong_timing', 'Wrong timing'], ['wrong_contact', 'Wrong contact'],
];
const LIMIT = 500;
const FIRST_BATCH = 20;
const BATCH = 60;

/** How often the open list is checked for new and departed items (a test may shorten it). */
const POLL_MS = Number(globalThis.AA_INBOX_POLL_MS) || 30_000;

const splitRecipients = (s) => s.split(/[,;\s]+/).map((x) => x.trim()).filter(Boolean);
const dayInput = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const addDays = (n) => { const d = new Date(); d.setDate(d.getDate() + n); return d; };

export function renderInbox({ me, params, view }) {
  const filters = { account: params.get('account') ?? '', kind: params.get('kind') ?? '', owner: params.get('owner') ?? '' };
  const canFilterOwner = me.role === 'manager' || me.role === 'admin';
  let items = [];
  let truncated = false;
  let selected = -1;
  let alive = true;
  let rendering = false;
  let pollTimer = 0;
  /** Open recommendations that arrived since the list was drawn, shown when the person asks. */
  let arrived = [];

  const list = h('ol.recs', { 'aria-label': 'Recommendations' });
  const summary = h('p.summary', { 'aria-live': 'polite' }, 'Loading…');
  // New items wait behind a button rather than moving the list under the person's cursor.
  const freshBtn = h('button.fresh', { type: 'button', hidden: true, onclick: showArrived });
  const accountSel = h('select', { id: 'f-account', name: 'account' }, h('option', { value: '' }, 'All accounts'));
  const kindSel = h('select', { id: 'f-kind', name: 'kind' }, h('option', { value: '' }, 'All kinds'),
    KINDS.map((k) => h('option', { value: k }, label(k))));
  const ownerSel = h('select', { id: 'f-owner', name: 'owner' }, h('option', { value: '' }, 'Everyone'));
  kindSel.value = filters.kind;
  const filterForm = h('form.filters', { 'aria-label': 'Filter the inbox', onchange: applyFilters, onsubmit: (e) => e.preventDefault() },
    h('div.field', {}, h('label', { for: 'f-account' }, 'Account'), accountSel),
    h('div.field', {}, h('label', { for: 'f-kind' }, 'Kind'), kindSel),
    canFilterOwner ? h('div.field', {}, h('label', { for: 'f-owner' }, 'Owner'), ownerSel) : null,
  );
  view.append(h('div.page-head', {}, h('h1', {}, 'Inbox'), summary, h('div', { 'aria-live': 'polite' }, freshBtn)), filterForm,
    h('p.hint', {}, 'Press ', h('kbd', {}, '?'), ' for keyboard shortcuts: ', h('kbd', {}, 'j'), '/', h('kbd', {}, 'k'), ' to move, ',
      h('kbd', {}, 'a'), ' approve, ', h('kbd', {}, 'e'), ' edit, ', h('kbd', {}, 'r'), ' reject, ', h('kbd', {}, 's'), ' snooze.'),
    list);

  function applyFilters() {
    const next = { account: accountSel.value, kind: kindSel.value, owner: canFilterOwner ? ownerSel.value : '' };
    location.hash = `#/inbox${qs(next)}`;
  }

  async function loadFilterOptions() {
    const [{ accounts }, users] = await Promise.all([
      api(`/v1/accounts${qs({ limit: 1000 })}`),
      me.role === 'admin' ? api('/v1/users').then((r) => r.users).catch(() => []) : Promise.resolve([]),
    ]);
    if (!alive) return;
    for (const a of [...accounts].sort((x, y) => x.name.localeCompare(y.name))) accountSel.append(h('option', { value: a.id }, a.name));
    accountSel.value = filters.account;
    const names = new Map(users.map((u) => [u.id, u.name]));
    const owners = [...new Set(accounts.map((a) => a.ownerId).filter(Boolean))].sort();
    for (const o of owners) ownerSel.append(h('option', { value: o }, names.get(o) ?? o));
    ownerSel.value = filters.owner;
  }

  const openUrl = () => `/v1/recommendations${qs({ status: 'proposed', account: filters.account, kind: filters.kind, owner: canFilterOwner ? filters.owner : '', limit: LIMIT })}`;

  async function load() {
    try {
      const { recommendations } = await api(openUrl());
      if (!alive) return;
      rendering = true;
      truncated = recommendations.length === LIMIT;
      items = recommendations;
      // The first screenful at once, the rest in batches between frames, so the top is usable at once.
      const queue = items.slice(FIRST_BATCH);
      list.replaceChildren(...items.slice(0, FIRST_BATCH).map(card));
      updateSummary();
      if (items.length) select(0, false);
      const renderMore = () => {
        if (!alive || queue.length === 0) { rendering = false; return; }
        const frag = document.createDocumentFragment();
        for (const rec of queue.splice(0, BATCH)) if (items.includes(rec)) frag.append(card(rec));
        list.append(frag);
        setTimeout(renderMore, 0);
      };
      setTimeout(renderMore, 0);
    } catch (err) {
      summary.textContent = `Could not load the inbox: ${err.message}`;
      notify(err.message, 'error');
    }
  }

  /**
   * Checks the open list while the page is visible: items decided elsewhere (another tab, a
   * colleague, the API) are greyed out and their buttons disabled; new ones are counted on a button.
   */
  async function poll() {
    if (!alive) return;
    if (document.visibilityState === 'visible' && !rendering) {
      try {
        const { recommendations } = await api(openUrl());
        if (!alive) return;
        const open = new Set(recommendations.map((r) => r.id));
        const shown = new Set(items.map((r) => r.id));
        arrived = recommendations.filter((r) => !shown.has(r.id));
        for (const el of list.children) if (!el.gone && !open.has(el.rec.id)) markGone(el);
        freshBtn.hidden = arrived.length === 0;
        freshBtn.textContent = `${arrived.length} new recommendation${arrived.length === 1 ? '' : 's'}: show`;
      } catch {
        // A failed check is tried again at the next one; the list on screen stays as it is.
      }
    }
    pollTimer = setTimeout(poll, POLL_MS);
  }

  function markGone(el) {
    el.gone = true;
    el.firstChild.classList.add('gone');
    el.querySelectorAll('button').forEach((b) => { b.disabled = true; });
    el.errorLine.textContent = 'No longer open: decided elsewhere, or the agent withdrew it.';
  }

  /** Puts the arrived items in by priority and takes out departed ones nobody is editing; the selection stays. */
  function showArrived() {
    const current = selected >= 0 ? items[selected] : null;
    for (const el of [...list.children]) {
      if (el.gone && editedDraft(el) === null) { items.splice(items.indexOf(el.rec), 1); el.remove(); }
    }
    for (const rec of arrived) {
      let i = items.findIndex((x) => x.priority < rec.priority);
      if (i < 0) i = items.length;
      items.splice(i, 0, rec);
      list.insertBefore(card(rec), list.children[i] ?? null);
    }
    arrived = [];
    freshBtn.hidden = true;
    updateSummary();
    selected = current ? items.indexOf(current) : -1;
    if (selected < 0 && items.length) select(0, false);
    else if (selected >= 0) list.children[selected].firstChild.classList.add('selected');
  }

  function updateSummary() {
    const n = items.length;
    summary.textContent = n === 0 ? 'Nothing waiting for you. The agents will add to this list as things happen.'
      : `${n} open recommendation${n === 1 ? '' : 's'}, highest priority first${truncated ? ` (the first ${LIMIT} are shown)` : ''}.`;
    const badge = document.getElementById('inbox-count');
    if (badge && !filters.account && !filters.kind && !filters.owner) badge.textContent = truncated ? `${n}+` : n ? String(n) : '';
  }

  function card(rec) {
    const id = `rec-${rec.id}`;
    const draft = rec.draft;
    const fields = draft ? {
      to: h('input', { id: `${id}-to`, name: 'to', type: 'text', value: (draft.to ?? []).join(', '), autocomplete: 'off' }),
      subject: h('input', { id: `${id}-subject`, name: 'subject', type: 'text', value: draft.subject ?? '' }),
      body: h('textarea', { id: `${id}-body`, name: 'body', rows: Math.min(14, Math.max(3, (draft.body ?? '').split('\n').length + 1)), value: draft.body ?? '' }),
    } : null;
    const approveBtn = h('button.primary', { type: 'button', dataset: { action: 'approve' }, onclick: () => approve(rec, el) }, 'Approve');
    const errorLine = h('p.error', { role: 'alert' });
    const overdue = rec.dueAt && Date.parse(rec.dueAt) < Date.now();

    const el = h('li', {}, h('article.rec', { id, tabindex: '-1', 'aria-labelledby': `${id}-title`, dataset: { id: rec.id } },
      h('div.rec-meta', {},
        h('span.prio', { title: 'Priority (0–100)' }, `P${Math.round(rec.priority)}`),
        h('span.kind', {}, label(rec.kind)),
        h('a.account', { href: `#/accounts/${encodeURIComponent(rec.accountId)}` }, rec.accountName ?? rec.accountId),
        rec.dueAt ? h(`span.due${overdue ? '.overdue' : ''}`, {}, 'Due ', time(rec.dueAt), ` (${relDays(rec.dueAt)})`) : null),
      h('h2', { id: `${id}-title` }, rec.title),
      h('p.rationale', {}, rec.rationale),
      rec.evidence.length ? h('details.evidence', { open: true }, h('summary', {}, `Evidence (${rec.evidence.length})`),
        h('ul', {}, rec.evidence.map((e) => h('li', {}, e.occurredAt ? time(e.occurredAt) : null, ' ',
          h('a.quote', { href: `#/accounts/${encodeURIComponent(rec.accountId)}?signal=${encodeURIComponent(e.signalId)}` }, `“${e.excerpt}”`))))) : null,
      fields ? h('fieldset.draft', {},
        h('legend', {}, draft.channel === 'task' ? 'Task' : 'Draft email', h('span.dirty', { hidden: true }, ' · edited')),
        draft.channel === 'task' ? null : h('div.field-row', {},
          h('div.field', {}, h('label', { for: fields.to.id }, 'To'), fields.to),
          h('div.field', {}, h('label', { for: fields.subject.id }, 'Subject'), fields.subject)),
        h('div.field', {}, h('label', { for: fields.body.id }, draft.channel === 'task' ? 'Details' : 'Body'), fields.body)) : null,
      h('div.actions', {},
        approveBtn,
        h('button', { type: 'button', dataset: { action: 'reject' }, onclick: () => openPanel(el, 'reject') }, 'Reject…'),
        h('button', { type: 'button', dataset: { action: 'snooze' }, onclick: () => openPanel(el, 'snooze') }, 'Snooze…')),
      errorLine));

    el.rec = rec;
    el.fields = fields;
    el.approveBtn = approveBtn;
    el.errorLine = errorLine;
    const article = el.firstChild;
    article.addEventListener('focusin', () => { const i = items.indexOf(rec); if (i !== selected) select(i, false); });
    if (fields) {
      article.querySelector('fieldset.draft').addEventListener('input', () => {
        const dirty = editedDraft(el) !== null;
        approveBtn.textContent = dirty ? 'Approve with edits' : 'Approve';
        article.querySelector('.dirty').hidden = !dirty;
      });
    }
    return el;
  }

  // The reject and snooze forms are built when first opened: 500 cards with hidden radio and date
  // inputs cost the browser seconds of layout for forms almost nobody opens on most items.
  function rejectPanel(rec, el) {
    const id = `rec-${rec.id}`;
    const otherText = h('input', { type: 'text', name: 'reason-text', id: `${id}-reason-text`, 'aria-label': 'Other reason', placeholder: 'Say why (the agent learns from it)' });
    const panel = h('form.panel', { dataset: { panel: 'reject' }, onsubmit: (e) => { e.preventDefault(); reject(rec, el); } },
      h('fieldset', {}, h('legend', {}, 'Why reject it?'),
        REASONS.map(([code, text], i) => h('label.choice', {}, h('input', { type: 'radio', name: 'reason', value: code, checked: i === 0 }), ' ', text)),
        h('label.choice', {}, h('input', { type: 'radio', name: 'reason', value: 'other' }), ' Other: '), otherText),
      h('div.actions', {}, h('button.danger', { type: 'submit' }, 'Reject'), h('button', { type: 'button', onclick: () => closePanels(el) }, 'Cancel')));
    otherText.addEventListener('input', () => { panel.querySelector('input[value="other"]').checked = true; });
    return panel;
  }

  function snoozePanel(rec, el) {
    const id = `rec-${rec.id}`;
    const until = h('input', { type: 'date', id: `${id}-until`, name: 'until', min: dayInput(addDays(0)), value: dayInput(addDays(3)), required: true });
    const at = h('input', { type: 'time', id: `${id}-at`, name: 'at', value: '09:00', required: true, 'aria-label': 'At' });
    const pick = (days) => () => { until.value = dayInput(addDays(days)); at.value = '09:00'; };
    return h('form.panel', { dataset: { panel: 'snooze' }, onsubmit: (e) => { e.preventDefault(); snooze(rec, el); } },
      h('div.field.inline', {}, h('label', { for: `${id}-until` }, 'Snooze until'), until, at,
        h('button', { type: 'button', onclick: pick(1) }, 'Tomorrow'),
        h('button', { type: 'button', onclick: pick(7) }, 'Next week')),
      h('p.hint', {}, 'It comes back to the inbox at that time, unless the situation no longer calls for it.'),
      h('div.actions', {}, h('button.primary', { type: 'submit' }, 'Snooze'), h('button', { type: 'button', onclick: () => closePanels(el) }, 'Cancel')));
  }

  /** The changed parts of the draft, or null when it is as the agent wrote it. */
  function editedDraft(el) {
    const { rec, fields } = el;
    if (!fields) return null;
    const d = rec.draft;
    const change = {};
    if (fields.body.value !== (d.body ?? '')) change.body = fields.body.value;
    if (d.channel !== 'task') {
      if (fields.subject.value !== (d.subject ?? '')) change.subject = fields.subject.value;
      const to = splitRecipients(fields.to.value);
      if (to.join(',') !== (d.to ?? []).join(',')) change.to = to;
    }
    return Object.keys(change).length ? change : null;
  }

  function openPanel(el, name) {
    closePanels(el);
    let panel = el.querySelector(`[data-panel="${name}"]`);
    if (!panel) {
      panel = (name === 'reject' ? rejectPanel : snoozePanel)(el.rec, el);
      el.errorLine.before(panel);
    }
    panel.hidden = false;
    (panel.querySelector('input:checked') ?? panel.querySelector('input')).focus();
  }

  function closePanels(el) {
    for (const p of el.querySelectorAll('[data-panel]')) p.hidden = true;
  }

  async function decide(el, body, done) {
    if (el.gone) { notify('This recommendation is no longer open.'); return; }
    const buttons = el.querySelectorAll('button');
    buttons.forEach((b) => { b.disabled = true; });
    el.errorLine.textContent = '';
    try {
      await api(`/v1/recommendations/${encodeURIComponent(el.rec.id)}/decision`, { method: 'POST', body });
      const i = items.indexOf(el.rec);
      items.splice(i, 1);
      el.remove();
      notify(`${done}: ${el.rec.title}`);
      updateSummary();
      if (items.length) select(Math.min(i, items.length - 1));
      else selected = -1;
    } catch (err) {
      el.errorLine.textContent = `Not saved: ${err.message}`;
      notify(err.message, 'error');
      buttons.forEach((b) => { b.disabled = false; });
    }
  }

  function approve(rec, el) {
    const change = editedDraft(el);
    return change ? decide(el, { decision: 'edit', edit: { draft: change } }, 'Approved with your edits')
      : decide(el, { decision: 'approve' }, 'Approved');
  }

  function reject(rec, el) {
    const choice = el.querySelector('input[name="reason"]:checked')?.value ?? 'not_relevant';
    const reason = choice === 'other' ? el.querySelector('input[name="reason-text"]').value.trim() : choice;
    if (!reason) { el.errorLine.textContent = 'Say why you reject it, or pick one of the reasons.'; return; }
    return decide(el, { decision: 'reject', reason }, 'Rejected');
  }

  function snooze(rec, el) {
    const day = el.querySelector('input[name="until"]').value;
    const at = el.querySelector('input[name="at"]').value || '09:00';
    const untilAt = day ? new Date(`${day}T${at}`) : null;
    if (!untilAt || untilAt.getTime() <= Date.now()) { el.errorLine.textContent = 'Pick a time in the future.'; return; }
    const when = untilAt.toDateString() === new Date().toDateString() ? `today at ${untilAt.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}` : untilAt.toLocaleDateString();
    return decide(el, { decision: 'snooze', until: untilAt.toISOString() }, `Snoozed until ${when}`);
  }

  function select(i, focus = true) {
    if (i < 0 || i >= items.length || i >= list.children.length) return;
    list.querySelector('.rec.selected')?.classList.remove('selected');
    selected = i;
    const article = list.children[i].firstChild;
    article.classList.add('selected');
    if (focus) { article.focus({ preventScroll: true }); article.scrollIntoView({ block: 'start' }); }
  }

  function onKey(ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey || document.getElementById('help').open) return;
    const current = selected >= 0 ? list.children[selected] : null;
    if (typingIn(ev.target)) {
      if (ev.key === 'Escape' && current?.contains(ev.target)) { ev.target.blur(); closePanels(current); current.firstChild.focus(); }
      return;
    }
    if (ev.key === 'j') select(Math.min(selected + 1, items.length - 1));
    else if (ev.key === 'k') select(Math.max(selected - 1, 0));
    else if (!current) return;
    else if (ev.key === 'a') approve(current.rec, current);
    else if (ev.key === 'e') { if (current.fields) current.fields.body.focus(); else notify('This recommendation has no draft to edit.'); }
    else if (ev.key === 'r') openPanel(current, 'reject');
    else if (ev.key === 's') openPanel(current, 'snooze');
    else if (ev.key === 'Escape') closePanels(current);
    else return;
    ev.preventDefault();
  }

  document.addEventListener('keydown', onKey);
  // The list first: the filter options (every account in scope) can wait a moment.
  load().then(() => loadFilterOptions()).catch((err) => notify(`Filters: ${err.message}`, 'error'));
  pollTimer = setTimeout(poll, POLL_MS);
  return () => { alive = false; clearTimeout(pollTimer); document.removeEventListener('keydown', onKey); };
}
