// What an approved recommendation becomes when it is not an email we send: a task for the owner.
import type { Recommendation } from '../../../db/queries/recommendations.js';

export interface TaskContent { title: string; body: string }

/** Email-type but no SMTP configured: the owner is asked to send it, with the draft ready to copy. */
export function sendThisEmailTask(rec: Recommendation): TaskContent {
  const d = rec.draft!;
  const subject = d.subject ?? rec.title;
  return {
    title: `Send this email to ${d.to.join(', ')}: "${subject}"`.slice(0, 300),
    body: `To: ${d.to.join(', ')}\nSubject: ${subject}\n\n${d.body}`,
  };
}

export function recommendationTask(rec: Recommendation): TaskContent {
  const draft = rec.draft ? `\n\nDraft${rec.draft.to?.length ? ` to ${rec.draft.to.join(', ')}` : ''}:\n${rec.draft.body}` : '';
  return { title: rec.title, body: `${rec.rationale}${draft}` };
}
