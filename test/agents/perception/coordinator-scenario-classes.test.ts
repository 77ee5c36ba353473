// Two classes the scenario suite found after the rules@8 round, in new words: someone taken off our
// work "from here on" (no longer involved, said with a forward-looking time instead of "any more"),
// and a rollout named only as the time of another need ("before the rollout to X I'd need…").
import { describe, expect, it } from 'vitest';
import { perceiveSignal } from '../../../agents/perception/index.js';
import type { Signal } from '../../../agents/signals/schema.js';

const ctx = {
  account: { id: 'a1', name: 'Brookmere Foods', domains: ['brookmere.example'], stage: 'customer' },
  contacts: [{ email: 'lotte.vance@brookmere.example', name: 'Lotte Vance', role: 'champion', status: 'active' }],
  ourDomains: ['ourco.com'], competitors: [],
} as never;
const email = (text: string) => perceiveSignal({
  id: 's1', accountId: 'a1', kind: 'email', occurredAt: '2026-11-10T10:00:00Z', receivedAt: '2026-11-10T10:00:00Z', source: 'api', direction: 'inbound',
  from: { email: 'ops@brookmere.example' }, to: [{ email: 'sam@ourco.com' }], cc: [], subject: 'Update', text,
} as unknown as Signal, ctx);

describe('no longer on our work, from a stated moment on', () => {
  it.each([
    'Lotte has been pulled onto the warehouse automation project, so she will not be involved in the analytics rollout from now on.',
    'Lotte takes over the audit programme and won\'t be part of your implementation going forward.',
  ])('%s', (text) => {
    expect(email(text).stakeholderChanges.map((c) => [c.name, c.change])).toEqual([['Lotte Vance', 'moved']]);
  });

  it('a person who is still part of it is no change', () => {
    expect(email('Lotte will be part of the analytics rollout from now on, alongside her audit work.').stakeholderChanges).toEqual([]);
  });
});

describe('a rollout named as the time of another need', () => {
  it.each([
    'Before the rollout to the Leeds depot we would need your data processing addendum countersigned.',
    'In preparation for the rollout to our second bakery I need the admin guide and your support hours.',
  ])('%s', (text) => {
    expect(email(text).expansion).toEqual([]);
  });

  it('the rollout itself wanted is still expansion', () => {
    expect(email('We would like the rollout to the Leeds depot to happen in January, about 25 users.').expansion).toHaveLength(1);
  });
});
