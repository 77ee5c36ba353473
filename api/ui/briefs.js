// Briefs: a CSM's renewal-risk briefs, newest first, and one brief read as the CSM would forward it:
// the ranked renewals with their cited factors and plan, what changed, and what got better. Every
// citation links to its signal on the account page.
import { api } from './api.js';
import { h, label, notify, riskBadge, time } from './ui.js';

const signalHref = (accountId, signalId) => `#/accounts/${encodeURIComponent(accountId)}?signal=${encodeURIComponent(signalId)}`;
const day = (iso) => (iso ? iso.slice(0, 10) : 'undated');

function citation(accountId, c) {
  return h('li', {}, h('a.quote', { href: signalHref(accountId, c.signalId), dataset: { signal: c.signalId } }, `“${c.excerpt}”`),
    ' ', h('span.muted', {}, `${label(c.kind ?? 'signal')}, ${day(c.occurredAt)}`));
}

function change(now, before) {
  if (before === null || before === undefined) return 'new in this brief';
  if (now === before) return 'unchanged since last brief';
  return `${now > before ? '+' : ''}${now - before} since last brief`;
}

export function renderBriefs({ me, view }) {
  let alive = true;
  const summary = h('p.summary', { 'aria-live': 'polite' }, 'Loading…');
  const tbody = h('tbody');
  const csmInput = me.role === 'csm' ? null : h('input', { id: 'brief-csm', type: 'text', placeholder: 'CSM id', autocomplete: 'off', required: true });
  const create = h('form.filters', { 'aria-label': 'New brief', onsubmit: async (e) => {
    e.preventDefault();
    const button = e.submitter ?? create.querySelector('button');
    button.disabled = true;
    try {
      const brief = await api('/v1/briefs', { method: 'POST', body: csmInput ? { csmId: csmInput.value.trim() } : {} });
      notify('Brief ready.');
      location.hash = `#/briefs/${encodeURIComponent(brief.id)}`;
    } catch (err) {
      notify(err.message, 'error');
    } finally {
      button.disabled = false;
    }
  } },
  csmInput ? h('div.field', {}, h('label', { for: 'brief-csm' }, 'For CSM'), csmInput) : null,
  h('button.primary', { type: 'submit' }, me.role === 'csm' ? 'Brief me now' : 'Compose brief'));

  view.append(
    h('div.page-head', {}, h('h1', {}, 'Briefs'), summary),
    me.role === 'rep' ? h('p.muted', {}, 'Renewal-risk briefs go to CSMs; an account brief of one of your accounts shows here.') : create,
    h('div.table-wrap', {}, h('table.accounts.briefs', {},
      h('caption.visually-hidden', {}, 'Renewal-risk briefs'),
      h('thead', {}, h('tr', {}, ['Date', 'For', 'Summary', 'At risk', 'Delivered'].map((t) => h('th', { scope: 'col' }, t)))),
      tbody)));

  api('/v1/briefs?limit=100').then(({ briefs }) => {
    if (!alive) return;
    summary.textContent = briefs.length ? `${briefs.length} brief${briefs.length === 1 ? '' : 's'}` : 'No briefs yet.';
    tbody.replaceChildren(...briefs.map((b) => h('tr', { dataset: { brief: b.id } },
      h('th', { scope: 'row' }, h('a', { href: `#/briefs/${encodeURIComponent(b.id)}` }, time(b.asOf, true))),
      h('td', {}, b.csmName, b.accountId ? h('span.tag', {}, ' account brief') : null),
      h('td', {}, b.headline),
      h('td.num', {}, String(b.accounts)),
      h('td', {}, b.delivery.emailSentAt ? `Emailed ${day(b.delivery.emailSentAt)}` : b.delivery.emailError ? h('span.error', {}, b.delivery.emailError) : 'Kept here'))));
  }).catch((err) => { if (alive) summary.textContent = err.message; });

  return () => { alive = false; };
}

export function renderBrief({ view }, id) {
  let alive = true;
  view.append(h('p.crumbs', {}, h('a', { href: '#/briefs' }, 'Briefs')), h('p.summary', {}, 'Loading…'));
  api(`/v1/briefs/${encodeURIComponent(id)}`).then((brief) => {
    if (!alive) return;
    const c = brief.content;
    const parts = [
      h('p.crumbs', {}, h('a', { href: '#/briefs' }, 'Briefs')),
      h('div.page-head', {}, h('h1', {}, `Renewal risk brief for ${c.csm.name}`), h('p.summary', {}, time(c.asOf, true))),
      h('p.headline', {}, c.headline),
      h('ol.brief-accounts', {}, c.accounts.map((a) => h('li.card', { dataset: { account: a.accountId } },
        h('h2', {}, h('a', { href: `#/accounts/${encodeURIComponent(a.accountId)}` }, a.name), ' ', riskBadge(a.level, a.score)),
        h('p.muted', {}, `Renews ${day(a.renewalDate)} (${a.daysLeft} days left) · ${change(a.score, a.previousScore)}`),
        h('ul.factors', {}, a.factors.map((f) => h('li', {},
          h('p.factor-head', {}, h('strong', {}, label(f.factor)), f.isNew ? h('span.tag.warn', {}, 'new') : null),
          h('p', {}, f.explanation),
          f.evidence.length ? h('ul.evidence-links', {}, f.evidence.slice(0, 3).map((e) => citation(a.accountId, e))) : null))),
        a.plan.length ? h('div', {}, h('h3', {}, 'Plan'), h('ol.recs-mini', {}, a.plan.map((r) => h('li', {},
          h('a', { href: '#/inbox' }, r.title), r.dueAt ? h('span.muted', {}, ` · due ${day(r.dueAt)}`) : null,
          r.evidence.length ? h('ul.evidence-links', {}, citation(a.accountId, r.evidence[0])) : null)))) : null))),
    ];
    if (c.previous) {
      const ch = c.changes;
      const items = [
        ...ch.levelChanges.map((x) => h('li', {}, `${x.accountName}: ${label(x.from)} → ${label(x.to)} (${x.scoreFrom} → ${x.scoreTo})`)),
        ...ch.newFactors.map((x) => h('li', {}, `${x.accountName}: new ${label(x.factor)}`, x.evidence[0] ? h('ul.evidence-links', {}, citation(x.accountId, x.evidence[0])) : null)),
        ...ch.resolvedFactors.map((x) => h('li', {}, `${x.accountName}: ${label(x.factor)} resolved`)),
        ...ch.newSignals.map((x) => h('li', {}, `${x.accountName}: `, h('ul.evidence-links', {}, citation(x.accountId, x.citation)))),
      ];
      parts.push(h('section.card', { 'aria-labelledby': 'brief-changes' }, h('h2', { id: 'brief-changes' }, `What changed since ${day(c.previous.asOf)}`),
        items.length ? h('ul', {}, items) : h('p.muted', {}, 'Nothing of note.')));
    }
    if (c.improved.length) {
      parts.push(h('section.card', { 'aria-labelledby': 'brief-better' }, h('h2', { id: 'brief-better' }, 'Accounts that got better'),
        h('ul', {}, c.improved.map((x) => h('li', {}, h('a', { href: `#/accounts/${encodeURIComponent(x.accountId)}` }, x.name),
          `: ${label(x.from)} → ${label(x.to)} (${x.scoreFrom} → ${x.scoreTo})`,
          x.resolved.length ? ` · resolved: ${x.resolved.map((r) => label(r.factor)).join(', ')}` : '')))));
    }
    view.replaceChildren(...parts);
  }).catch((err) => { if (alive) view.replaceChildren(h('p.crumbs', {}, h('a', { href: '#/briefs' }, 'Briefs')), h('p.error', {}, err.message)); });
  return () => { alive = false; };
}
