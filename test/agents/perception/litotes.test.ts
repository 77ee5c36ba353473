// A negator that denies reluctance says the act the more: "we won't hesitate to sign" is no refusal.
import { describe, expect, it } from 'vitest';
import { Story, at, contact } from '../risk/builders.js';

const s = new Story({ account: { stage: 'proposal', domains: ['tessel.io'] }, contacts: [contact('kofi@tessel.io', 'Kofi Mensah', 'economic_buyer')] });
const buying = (text: string) => s.email(at(-1), { from: 'kofi@tessel.io', to: 'sam@ourco.com', text }).insights!.buying ?? [];

describe('negated reluctance', () => {
  it('reads the act after "won\'t hesitate", "can\'t wait", "don\'t mind"', () => {
    expect(buying("We won't hesitate to countersign the order form.")).toHaveLength(1);
    expect(buying("Honestly I don't mind signing the renewal a month early.")).toHaveLength(1);
  });

  it('a plain refusal stays one', () => {
    expect(buying("We won't countersign the order form.")).toEqual([]);
    expect(buying("We're not ready to sign the renewal.")).toEqual([]);
  });
});
