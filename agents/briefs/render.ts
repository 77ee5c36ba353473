// A brief as an email: a subject, a plain-text body and an HTML body, both from the stored content.
// Every factor and change carries its citations as [signal id, date] followed by the excerpt.
import type { BriefContent, Citation } from './types.js';

const day = (iso: string | undefined) => (iso ? iso.slice(0, 10) : 'undated');
const factorName = (f: string) => f.replace(/_/g, ' ');
const change = (now: number, before: number | null) => (before === null ? 'new in this brief' : now === before ? 'unchanged' : `${now > before ? '+' : ''}${now - before} since last brief`);

export function briefSubject(b: BriefContent): string {
  const n = b.accounts.length;
  return `Renewal risk brief ${day(b.asOf)}: ${n} account${n === 1 ? '' : 's'} at risk`;
}

const citeText = (c: Citation) => `[${c.signalId}, ${day(c.occurredAt)}] "${c.excerpt}"`;

/** An email lists at most this many accounts (the most urgent); the app shows them all. */
export const EMAIL_MAX_ACCOUNTS = 10;
const more = (b: BriefContent, max: number) => Math.max(0, b.accounts.length - max);

export function renderBriefText(b: BriefContent, maxAccounts = EMAIL_MAX_ACCOUNTS): string {
  const out: string[] = [`Renewal risk brief for ${b.csm.name}, ${day(b.asOf)}`, '', b.headline, ''];
  b.accounts.slice(0, maxAccounts).forEach((a, i) => {
    out.push(`${i + 1}. ${a.name}: renews ${day(a.renewalDate)} (${a.daysLeft} days left), ${a.level} risk ${a.score}/100 (${change(a.score, a.previousScore)})`);
    for (const f of a.factors) {
      out.push(`   - ${factorName(f.factor)}${f.isNew ? ' (new)' : ''}: ${f.explanation}`);
      for (const c of f.evidence.slice(0, 2)) out.push(`     ${citeText(c)}`);
    }
    if (a.plan.length) {
      out.push('   Plan:');
      a.plan.forEach((r, j) => out.push(`   ${j + 1}) ${r.title}${r.dueAt ? ` (due ${day(r.dueAt)})` : ''}${r.evidence[0] ? ` ${citeText(r.evidence[0])}` : ''}`));
    }
    out.push('');
  });
  if (more(b, maxAccounts)) out.push(`…and ${more(b, maxAccounts)} more at risk, less urgent: see Briefs in the app.`, '');
  if (b.previous) {
    out.push(`What changed since your last brief (${day(b.previous.asOf)})`);
    const c = b.changes;
    for (const x of c.levelChanges) out.push(`- ${x.accountName}: ${x.from} → ${x.to} (${x.scoreFrom} → ${x.scoreTo}, assessment ${x.assessmentId})`);
    for (const x of c.newFactors) out.push(`- ${x.accountName}: new ${factorName(x.factor)}${x.evidence[0] ? ` ${citeText(x.evidence[0])}` : ''}`);
    for (const x of c.resolvedFactors) out.push(`- ${x.accountName}: ${factorName(x.factor)} resolved${x.evidence[0] ? ` (was ${citeText(x.evidence[0])})` : ''}`);
    for (const x of c.newSignals) out.push(`- ${x.accountName}: ${citeText(x.citation)}`);
    if (!c.levelChanges.length && !c.newFactors.length && !c.resolvedFactors.length && !c.newSignals.length) out.push('- Nothing of note.');
    out.push('');
  }
  if (b.improved.length) {
    out.push('Accounts that got better');
    for (const x of b.improved) out.push(`- ${x.name}: ${x.from} → ${x.to} (${x.scoreFrom} → ${x.scoreTo}, assessment ${x.assessmentId})${x.resolved.length ? `; resolved: ${x.resolved.map((r) => factorName(r.factor)).join(', ')}` : ''}`);
    out.push('');
  }
  return out.join('\n');
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const citeHtml = (c: Citation) => `<li style="color:#555"><code>${esc(c.signalId)}</code> ${esc(day(c.occurredAt))}: &ldquo;${esc(c.excerpt)}&rdquo;</li>`;

export function renderBriefHtml(b: BriefContent, maxAccounts = EMAIL_MAX_ACCOUNTS): string {
  const h: string[] = [
    '<!doctype html><html><body style="font-family:system-ui,sans-serif;max-width:720px">',
    `<h2>Renewal risk brief for ${esc(b.csm.name)}, ${esc(day(b.asOf))}</h2>`, `<p>${esc(b.headline)}</p>`, '<ol>',
  ];
  for (const a of b.accounts.slice(0, maxAccounts)) {
    h.push(`<li><h3>${esc(a.name)}: ${esc(a.level)} ${a.score}/100 <small>(${esc(change(a.score, a.previousScore))})</small></h3>`,
      `<p>Renews ${esc(day(a.renewalDate))}, ${a.daysLeft} days left.</p><ul>`);
    for (const f of a.factors) {
      h.push(`<li><b>${esc(factorName(f.factor))}</b>${f.isNew ? ' <i>(new)</i>' : ''}: ${esc(f.explanation)}<ul>${f.evidence.slice(0, 2).map(citeHtml).join('')}</ul></li>`);
    }
    h.push('</ul>');
    if (a.plan.length) h.push(`<p>Plan:</p><ol>${a.plan.map((r) => `<li>${esc(r.title)}${r.dueAt ? ` (due ${esc(day(r.dueAt))})` : ''}<ul>${r.evidence.slice(0, 1).map(citeHtml).join('')}</ul></li>`).join('')}</ol>`);
    h.push('</li>');
  }
  h.push('</ol>');
  if (more(b, maxAccounts)) h.push(`<p>&hellip;and ${more(b, maxAccounts)} more at risk, less urgent: see Briefs in the app.</p>`);
  if (b.previous) {
    const c = b.changes;
    h.push(`<h3>What changed since your last brief (${esc(day(b.previous.asOf))})</h3><ul>`);
    for (const x of c.levelChanges) h.push(`<li>${esc(x.accountName)}: ${esc(x.from)} &rarr; ${esc(x.to)} (${x.scoreFrom} &rarr; ${x.scoreTo})</li>`);
    for (const x of c.newFactors) h.push(`<li>${esc(x.accountName)}: new ${esc(factorName(x.factor))}<ul>${x.evidence.slice(0, 1).map(citeHtml).join('')}</ul></li>`);
    for (const x of c.resolvedFactors) h.push(`<li>${esc(x.accountName)}: ${esc(factorName(x.factor))} resolved</li>`);
    for (const x of c.newSignals) h.push(`<li>${esc(x.accountName)}<ul>${citeHtml(x.citation)}</ul></li>`);
    h.push('</ul>');
  }
  if (b.improved.length) {
    h.push('<h3>Accounts that got better</h3><ul>');
    for (const x of b.improved) h.push(`<li>${esc(x.name)}: ${esc(x.from)} &rarr; ${esc(x.to)} (${x.scoreFrom} &rarr; ${x.scoreTo})</li>`);
    h.push('</ul>');
  }
  h.push('</body></html>');
  return h.join('\n');
}
