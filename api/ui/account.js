// One account: who and what it is, the latest assessment's factors with their evidence, the risk
// timeline, open recommendations, promises still owed, the signal timeline, and the Ask box (answers
// cite signals). A stalled agent says so at the top, with the reason.
import { api, qs } from './api.js';
import { append, h, label, notify, relDays, riskBadge, time } from './ui.js';
import { riskTimeline } from './charts.js';

/** One line saying what a signal is, by kind (DESIGN.md's shared vocabulary). */
function describe(s) {
  const who = (p) => (p ? p.name || p.email : '');
  switch (s.kind) {
    case 'email': return { head: `${s.direction === 'outbound' ? 'Email to' : 'Email from'} ${s.direction === 'outbound' ? (s.to ?? []).map(who).join(', ') : who(s.from)}`, title: s.subject, text: s.text };
    case 'meeting': return { head: 'Meeting', title: s.title, text: Array.isArray(s.transcript) ? s.transcript.map((t) => `${t.speaker}: ${t.text}`).join('\n') : s.transcript };
    case 'usage': return { head: 'Usage', title: `${s.metric} = ${s.value}${s.unit ? ` ${s.unit}` : ''}` };
    case 'crm': return { head: 'CRM change', title: `${label(s.change)}${s.from ? ` from ${s.from}` : ''}${s.to ? ` to ${s.to}` : ''}${s.contactEmail ? ` (${s.contactEmail})` : ''}` };
    case 'ticket': return { head: `Ticket · ${s.priority ?? ''} · ${s.status ?? ''}`, title: s.subject, text: s.text };
    case 'note': return { head: `Note${s.author ? ` by ${s.author}` : ''}`, text: s.text };
    case 'engagement': return { head: 'Engagement', title: `${label(s.event)}${s.contactEmail ? ` by ${s.contactEmail}` : ''}`, text: s.text ?? s.url };
    case 'news': return { head: 'News', title: s.title, text: s.text };
    case 'calendar': return { head: `Calendar · ${s.event}`, title: `${s.title} — ${new Date(s.startsAt).toLocaleString()}` };
    case 'chat': return { head: `Chat in ${s.channel} from ${who(s.author)}`, text: s.text };
    default: return { head: label(s.kind) };
  }
}

const QUIET_DAYS = 21;

/** email → the latest time that person spoke or showed up (signals newest first). */
function lastHeardFrom(signals) {
  const last = new Map();
  const saw = (email, at) => { if (email && !last.has(email.toLowerCase())) last.set(email.toLowerCase(), at); };
  for (const s of signals) {
    if (s.kind === 'email' && s.direction !== 'outbound') saw(s.from?.email, s.occurredAt);
    if (s.kind === 'meeting') for (const p of s.attendees ?? []) saw(p.email, s.occurredAt);
    if (s.kind === 'chat') saw(s.author?.email, s.occurredAt);
    if (s.kind === 'engagement') saw(s.contactEmail, s.occurredAt);
  }
  return last;
}

const clip = (text, n = 400) => (text && text.length > n ? `${text.slice(0, n)}…` : text);

export function renderAccount({ params, view }, accountId) {
  let alive = true;
  let chart = null; // the risk timeline (uPlot), destroyed when the page goes
  const enc = encodeURIComponent(accountId);
  const sections = {
    head: h('div.page-head', {}, h('h1', {}, 'Loading account…')),
    facts: h('dl.facts'),
    chart: h('section.card', { 'aria-labelledby': 'h-chart' }, h('h2', { id: 'h-chart' }, 'Risk over time')),
    factors: h('section.card', { 'aria-labelledby': 'h-factors' }, h('h2', { id: 'h-factors' }, 'Why: the latest assessment')),
    recs: h('section.card', { 'aria-labelledby': 'h-recs' }, h('h2', { id: 'h-recs' }, 'Open recommendations')),
    commitments: h('section.card', { 'aria-labelledby': 'h-commitments' }, h('h2', { id: 'h-commitments' }, 'Open commitments')),
    stalled: h('div.stalled', { role: 'alert', hidden: true }),
    people: h('section.card', { 'aria-labelledby': 'h-people' }, h('h2', { id: 'h-people' }, 'People')),
    ask: h('section.card.ask', { 'aria-labelledby': 'h-ask' }, h('h2', { id: 'h-ask' }, "Ask this account's agent")),
    signals: h('section.card', { 'aria-labelledby': 'h-signals' }, h('h2', { id: 'h-signals' }, 'Signal timeline')),
  };
  view.append(h('p.crumbs', {}, h('a', { href: '#/accounts' }, '← Accounts')), sections.head, sections.stalled, sections.facts,
    h('div.columns', {},
      h('div.col-main', {}, sections.factors, sections.ask, sections.signals),
      h('div.col-side', {}, sections.chart, sections.recs, sections.commitments, sections.people)));

  /** Scrolls to a signal in the timeline and highlights it. */
  function showSignal(signalId) {
    const el = document.getElementById(`signal-${signalId}`);
    if (!el) { notify('That signal is older than the timeline shows.'); return; }
    document.querySelector('.signal.highlight')?.classList.remove('highlight');
    el.classList.add('highlight');
    el.scrollIntoView({ block: 'center' });
    el.focus({ preventScroll: true });
  }
  const signalLink = (signalId, text) => h('a.cite', { href: `#signal-${signalId}`, dataset: { signal: signalId },
    onclick: (e) => { e.preventDefault(); showSignal(signalId); } }, text);

  async function loadAccount() {
    const a = await api(`/v1/accounts/${enc}`);
    if (!alive) return;
    document.title = `${a.name} · Account agents`;
    sections.head.replaceChildren(h('h1', {}, a.name, ' ', riskBadge(a.riskLevel, a.riskScore)));
    // The agent cannot assess (bad settings, a missing record): why, since when, and that it resumes once fixed.
    const stalled = a.agent?.state?.stalled;
    sections.stalled.hidden = !stalled;
    if (stalled) {
      sections.stalled.replaceChildren(h('strong', {}, 'The agent is stalled'), ` since `, time(stalled.since, true), `: ${stalled.reason}. `,
        stalled.permanent ? 'It will not assess this account until this is fixed; it resumes by itself once it is (e.g. the account settings corrected).'
          : 'It retries by itself.');
    }
    const fact = (k, v) => [h('div', {}, h('dt', {}, k), h('dd', {}, v))];
    sections.facts.replaceChildren(
      ...fact('Stage', label(a.stage)), ...fact('Owner', a.ownerId ?? 'Unowned'), ...fact('CSM', a.csmId ?? '—'),
      ...fact('ARR', a.arr === null ? '—' : a.arr.toLocaleString(undefined, { style: 'currency', currency: 'USD', maximumFractionDigits: 0 })),
      ...fact('Renewal', a.renewalDate ? [time(a.renewalDate), ` (${relDays(a.renewalDate)})`] : '—'),
      ...fact('Domains', a.domains.join(', ') || '—'), ...fact('Last assessed', time(a.lastAssessedAt, true)));
    // Who is engaged and who has gone quiet: the last time each contact was heard from in the
    // signals on this page (their email, chat or engagement, or a meeting they attended).
    const heard = lastHeardFrom(await signalsLoaded.catch(() => []));
    if (!alive) return;
    sections.people.append(a.contacts.length ? h('ul.people', {}, a.contacts.map((c) => {
      const last = heard.get(c.email.toLowerCase());
      const quiet = !last || Date.now() - Date.parse(last) > QUIET_DAYS * 86_400_000;
      return h('li', {},
        h('strong', {}, c.name ?? c.email), c.title ? ` · ${c.title}` : '', c.role ? h('span.tag', {}, label(c.role)) : null,
        c.status !== 'active' ? h('span.tag.warn', {}, label(c.status)) : null, h('br'), h('span.muted', {}, c.email), h('br'),
        h(`span.engagement${quiet ? '.quiet' : ''}`, {}, last ? ['Last heard from ', time(last), ` (${relDays(last)})`] : 'Not heard from in these signals',
          quiet ? ' · quiet' : ''));
    })) : h('p.muted', {}, 'No contacts yet.'));
  }

  async function loadAssessments() {
    const [{ assessments }, signals] = await Promise.all([api(`/v1/accounts/${enc}/assessments${qs({ limit: 60 })}`), signalsLoaded.catch(() => [])]);
    if (!alive) return;
    const byId = new Map(signals.map((s) => [s.id, s]));
    const evidenceText = (sid, i) => {
      const s = byId.get(sid);
      if (!s) return `signal ${i + 1}`;
      const d = describe(s);
      return `${d.title ? `${label(s.kind)} “${d.title}”` : d.head}, ${new Date(s.occurredAt).toLocaleDateString()}`;
    };
    const latest = assessments[0];
    append(sections.chart, [assessments.length ? h('figure.chart', {}, (chart = riskTimeline(assessments, sections.chart)),
      h('figcaption', {}, `${assessments.length} assessment${assessments.length === 1 ? '' : 's'}; score now ${latest.score}, `,
        `${assessments.length > 1 ? `was ${assessments.at(-1).score} on ` : 'on '}`, time(assessments.at(-1).asOf), '.'))
      : h('p.muted', {}, 'Not assessed yet.')]);
    if (!latest) { sections.factors.append(h('p.muted', {}, 'The agent has not assessed this account yet.')); return; }
    const factorList = (items, kind) => h('ul.factors', {}, items.map((f) => h('li', {},
      h('div.factor-head', {}, h('strong', {}, label(f.factor)), h('span.weight', { title: kind === 'risk' ? 'Contribution to the score' : 'Strength' }, `${kind === 'risk' ? '+' : ''}${Math.round(f.weight)}`)),
      h('p', {}, f.explanation),
      (f.evidence ?? []).length ? h('p.evidence-links', {}, 'Evidence: ', (f.evidence ?? []).map((sid, i) => [i ? ', ' : '', signalLink(sid, evidenceText(sid, i))])) : null)));
    append(sections.factors, [h('p.muted', {}, 'Assessed ', time(latest.asOf, true), ` · score ${latest.score} (${label(latest.level)}) · reasoner ${latest.reasoner}`),
      latest.factors.length ? factorList([...latest.factors].sort((x, y) => y.weight - x.weight), 'risk') : h('p', {}, 'No risk factors.'),
      latest.opportunities.length ? [h('h3', {}, 'Opportunities'), factorList(latest.opportunities, 'opportunity')] : null]);
  }

  async function loadRecs() {
    const { recommendations } = await api(`/v1/recommendations${qs({ account: accountId, status: 'proposed,snoozed' })}`);
    if (!alive) return;
    append(sections.recs, [recommendations.length
      ? h('ul.recs-mini', {}, recommendations.map((r) => h('li', {}, h('span.kind', {}, label(r.kind)), ' ', r.title,
        r.status === 'snoozed' ? h('span.tag', {}, 'snoozed until ', time(r.snoozedUntil)) : r.dueAt ? h('span.muted', {}, ' · due ', time(r.dueAt)) : null)))
      : h('p.muted', {}, 'None open.'),
      recommendations.some((r) => r.status === 'proposed') ? h('p', {}, h('a', { href: `#/inbox${qs({ account: accountId })}` }, 'Decide them in the inbox →')) : null]);
  }

  // What either side promised and has not delivered: ours first is the rep's to-do list, theirs is what to chase.
  async function loadCommitments() {
    const { commitments } = await api(`/v1/accounts/${enc}/commitments`);
    if (!alive) return;
    const side = (owner) => (owner === 'us' ? 'We owe' : 'They owe');
    append(sections.commitments, [commitments.length
      ? h('ul.commitments', {}, commitments.map((c) => h('li', { dataset: { status: c.status, owner: c.owner } },
        h('span.tag', {}, side(c.owner)), ' ', h('strong', {}, c.deliverable ?? clip(c.text, 90)), c.who ? ` · ${c.who}` : '',
        c.status === 'overdue' ? h('span.tag.warn', {}, 'overdue') : null,
        h('br'), h('span.muted', {}, c.dueAt ? ['due ', time(c.dueAt), ` (${relDays(c.dueAt)})`] : 'no date given', ' · '),
        signalLink(c.signalId, `said ${new Date(c.madeAt).toLocaleDateString()}`))))
      : h('p.muted', {}, 'No open promises either way.')]);
  }

  async function loadSignals() {
    const signals = await signalsLoaded;
    if (!alive) return;
    append(sections.signals, [signals.length ? h('ol.timeline', {}, signals.map((s) => {
      const d = describe(s);
      return h('li.signal', { id: `signal-${s.id}`, tabindex: '-1', dataset: { kind: s.kind } },
        h('div.signal-head', {}, time(s.occurredAt, true), h('span.tag', {}, s.kind), ' ', d.head),
        d.title ? h('strong', {}, d.title) : null,
        d.text ? h('p.signal-text', {}, clip(d.text)) : null);
    })) : h('p.muted', {}, 'No signals yet.'),
    signals.length === 200 ? h('p.muted', {}, 'Showing the latest 200 signals.') : null]);
    const wanted = params.get('signal');
    if (wanted) showSignal(wanted);
  }

  // The Ask box.
  const question = h('textarea', { id: 'ask-q', name: 'question', rows: 2, required: true, placeholder: 'e.g. Why is this account at risk? What did procurement say last?' });
  const answer = h('div.answer', { 'aria-live': 'polite' });
  const askBtn = h('button.primary', { type: 'submit' }, 'Ask');
  // Enter asks; Shift+Enter starts a new line.
  question.addEventListener('keydown', (e) => { if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); question.form.requestSubmit(); } });
  sections.ask.append(h('form', { onsubmit: async (e) => {
    e.preventDefault();
    const q = question.value.trim();
    if (!q) return;
    askBtn.disabled = true;
    answer.setAttribute('aria-busy', 'true');
    answer.replaceChildren(h('p.muted', {}, 'Asking the agent…'));
    try {
      const r = await api(`/v1/accounts/${enc}/ask`, { method: 'POST', body: { question: q } });
      answer.replaceChildren(h('p.answer-text', {}, r.answer),
        r.citations.length ? h('div.citations', {}, h('h3', {}, 'Sources'), h('ol', {}, r.citations.map((c) => h('li', {},
          time(c.occurredAt), ' ', signalLink(c.signalId, `“${c.excerpt}”`))))) : h('p.muted', {}, 'No sources cited.'));
    } catch (err) {
      answer.replaceChildren(h('p.error', { role: 'alert' }, `The agent could not answer: ${err.message}`));
    } finally {
      askBtn.disabled = false;
      answer.removeAttribute('aria-busy');
    }
  } }, h('label', { for: 'ask-q' }, 'Question'), question, h('div.actions', {}, askBtn)), answer);

  const signalsLoaded = api(`/v1/accounts/${enc}/signals${qs({ limit: 200 })}`).then((r) => r.signals);
  signalsLoaded.catch(() => {}); // reported by loadSignals
  const fail = (what) => (err) => {
    if (!alive) return;
    if (err.status === 404) view.replaceChildren(h('h1', {}, 'Account not found'), h('p', {}, `No account ${accountId} in your book. `, h('a', { href: '#/accounts' }, 'Back to accounts')));
    else notify(`${what}: ${err.message}`, 'error');
  };
  loadAccount().catch(fail('Account'));
  loadAssessments().catch(fail('Assessments'));
  loadRecs().catch(fail('Recommendations'));
  loadCommitments().catch(fail('Commitments'));
  loadSignals().catch(fail('Signals'));
  return () => { alive = false; chart?.plot.destroy(); document.title = 'Account agents'; };
}
