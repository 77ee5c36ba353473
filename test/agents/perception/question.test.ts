import { describe, expect, it } from 'vitest';
import { questionSentences } from '../../../agents/perception/question.js';
import { Story, at, contact } from '../risk/builders.js';

const dana = contact('dana@acme.com', 'Dana Ruiz', 'champion');
const erik = contact('erik@acme.com', 'Erik Holm', 'technical_evaluator');
const story = () => new Story({ contacts: [dana, erik] });
const asks = (text: string, extra: { to?: string | string[]; cc?: string[]; from?: string } = {}) =>
  story().email(at(-1), { from: extra.from ?? 'dana@acme.com', to: extra.to ?? 'sam@ourco.com', cc: extra.cc, text }).insights!.question;

describe('questions', () => {
  it('a question mark or a request in an inbound message', () => {
    expect(asks('Does the export include archived loads?')).toBe(true);
    expect(asks('Can you resend the invoice.')).toBe(true);
    expect(asks('Please send the SOC 2 report.')).toBe(true);
    expect(asks('Any update on the SSO fix')).toBe(true);
  });

  it('wanting a thing from us is a request; wanting to do something ourselves is a plan', () => {
    expect(asks('We need the updated sub-processor list for our auditors.')).toBe(true);
    expect(asks('I need to know which regions your backups live in.')).toBe(true);
    expect(asks('We want to migrate the Leeds team next quarter.')).toBe(false);
    expect(asks('We need to finish our own data cleanup first.')).toBe(false);
  });

  it('statements, sign-offs and question marks in links are not', () => {
    expect(asks('Thanks, that works for us.')).toBe(false);
    expect(asks('Let me know if you have any questions.')).toBe(false);
    expect(asks('The dashboard is at https://acme.com/report?id=42 for reference.')).toBe(false);
    expect(asks('Hi Sam, how are you? The rollout went fine.')).toBe(false);
  });

  it('only inbound: our own questions are not', () => {
    expect(asks('Could you confirm the date?', { from: 'sam@ourco.com', to: 'dana@acme.com' })).toBe(false);
  });

  it('the quoted history of a reply does not count', () => {
    expect(asks('Great, thanks.\n\nOn Mon, Nov 16, 2026 at 9:00 AM Sam Patel <sam@ourco.com> wrote:\n> Could you confirm the date?')).toBe(false);
  });

  it('a question to a colleague with us in copy is not ours; one naming us is', () => {
    expect(asks('Erik, could you check the SSO settings before Monday?', { to: 'erik@acme.com', cc: ['sam@ourco.com'] })).toBe(false);
    expect(asks('Sam, could you resend the guide?', { to: 'erik@acme.com', cc: ['sam@ourco.com'] })).toBe(true);
  });

  it('chat and form messages from the account', () => {
    expect(story().chat(at(-1), 'dana@acme.com', 'any update on the SSO fix?').insights!.question).toBe(true);
    expect(story().chat(at(-1), 'sam@ourco.com', 'any update from your side?').insights!.question).toBe(false);
    expect(story().engagement(at(-1), 'form_submitted', { contactEmail: 'peter@initech.com', text: 'Could someone call me before Monday?' }).insights!.question).toBe(true);
  });

  it('quotes the asking sentences verbatim', () => {
    expect(questionSentences('Thanks for the call. Can you send the deck? Also, the pilot starts on the 3rd.')).toEqual(['Can you send the deck?']);
  });
});
