// A promise made while handling an incident ("I'll update you as soon as it's back") is kept when
// support marks the ticket solved saying what was done: that status change is our side's act.
import { describe, expect, it } from 'vitest';
import { commitmentsOf } from '../../../agents/commitments.js';
import { Story, at, contact, NOW } from '../risk/builders.js';

function story() {
  const s = new Story({ account: { name: 'Tamsin Foods', domains: ['tamsinfoods.com'], stage: 'customer', renewalDate: at(220) }, contacts: [contact('lars@tamsinfoods.com', 'Lars Holm', 'champion')] });
  s.ticket(at(-6, -5), 'Invoices not syncing to the ledger', 'None of yesterday\'s invoices reached the ledger. Month end is on Friday.', 'urgent', 'open', 'lars@tamsinfoods.com');
  s.email(at(-6, -4), { from: 'riley@ourco.com', to: 'lars@tamsinfoods.com', subject: 'Re: Invoices not syncing to the ledger', text: "Hi Lars,\n\nThe ledger connector lost its token overnight; it's being reconnected now and I'll update you within two hours.\n\nRiley" });
  return s;
}

describe('a solved ticket keeps the promise made about it', () => {
  it('solved with what was done: the promise is done', () => {
    const s = story();
    s.ticket(at(-6, -2), 'Invoices not syncing to the ledger', 'Solved: ledger connector reconnected, invoices syncing again.', 'urgent', 'solved', 'lars@tamsinfoods.com');
    const ours = commitmentsOf(s.signals, NOW).filter((c) => c.owner === 'us');
    expect(ours.length).toBeGreaterThan(0);
    expect(ours.every((c) => c.status === 'done')).toBe(true);
  });

  it('still open: the promise is overdue', () => {
    const s = story();
    s.ticket(at(-6, -2), 'Invoices not syncing to the ledger', 'Still investigating, engineering is on it.', 'urgent', 'pending', 'lars@tamsinfoods.com');
    const ours = commitmentsOf(s.signals, NOW).filter((c) => c.owner === 'us');
    expect(ours.some((c) => c.status === 'overdue')).toBe(true);
  });
});
