import { describe, expect, it } from 'vitest';
import { Story, at, contact } from '../risk/builders.js';

const dana = contact('dana@acme.com', 'Dana Ruiz', 'champion');
const li = contact('li@acme.com', 'Li Wen', 'economic_buyer');
const story = () => new Story({ contacts: [dana, li] });
const changes = (s: { insights?: { stakeholderChanges: unknown[] } }) => s.insights!.stakeholderChanges;

describe('stakeholder changes', () => {
  it('someone named as gone: no longer with, has left, last day', () => {
    const s = story().email(at(-2), { from: 'dana@acme.com', to: 'sam@ourco.com', text: 'FYI Li Wen is no longer with the company. Friday is my last day as well.' });
    expect(changes(s)).toEqual([
      expect.objectContaining({ contactEmail: 'li@acme.com', change: 'left' }),
      expect.objectContaining({ contactEmail: 'dana@acme.com', change: 'left', text: 'Friday is my last day as well.' }),
    ]);
    expect(changes(story().email(at(-2), { from: 'li@acme.com', to: 'sam@ourco.com', text: 'Dana has left the company, so please work with me.' })))
      .toEqual([expect.objectContaining({ contactEmail: 'dana@acme.com', change: 'left' })]);
  });

  it('moved: another division, a new role, now leading something else', () => {
    const cases = [
      "Quick heads-up: I've moved to another division as of Monday.",
      'I have transitioned to a new role in the platform group.',
      "I'm now leading the EMEA expansion, so I'll be less involved.",
    ];
    for (const text of cases) {
      expect(changes(story().email(at(-2), { from: 'dana@acme.com', to: 'sam@ourco.com', text })), text).toEqual([expect.objectContaining({ contactEmail: 'dana@acme.com', change: 'moved' })]);
    }
    expect(changes(story().email(at(-2), { from: 'dana@acme.com', to: 'sam@ourco.com', text: 'Li is now leading the warehouse program instead.' })))
      .toEqual([expect.objectContaining({ contactEmail: 'li@acme.com', change: 'moved' })]);
  });

  it('a promotion in place is a role change, not a move', () => {
    const s = story().email(at(-6), { from: 'dana@acme.com', to: 'riley@ourco.com', text: "Some personal news: I've been promoted to VP of Operations. Scheduling stays with me." });
    expect(changes(s)).toEqual([expect.objectContaining({ contactEmail: 'dana@acme.com', change: 'role_changed' })]);
  });

  it('CRM contact_left and contact_role changes', () => {
    expect(changes(story().crm(at(-1), 'contact_left', { contactEmail: 'dana@acme.com', text: 'Dana Ruiz left Acme' })))
      .toEqual([{ contactEmail: 'dana@acme.com', name: 'Dana Ruiz', change: 'left', text: 'Dana Ruiz left Acme' }]);
    expect(changes(story().crm(at(-1), 'contact_role', { contactEmail: 'dana@acme.com', from: 'champion', to: 'user' })))
      .toEqual([{ contactEmail: 'dana@acme.com', name: 'Dana Ruiz', change: 'role_changed', text: 'contact_role: champion → user' }]);
  });

  it('a bounce naming a contact address', () => {
    const s = story().email(at(-1), { from: 'mailer-daemon@acme.com', to: 'sam@ourco.com', subject: 'Undeliverable: checking in', text: 'Delivery to the following recipient failed permanently:\n\n    dana@acme.com\n\n550 5.1.1 User unknown' });
    expect(s.insights!.auto).toBe('bounce');
    expect(changes(s)).toEqual([expect.objectContaining({ contactEmail: 'dana@acme.com', change: 'bounced' })]);
  });

  it('new people: "I\'m the new VP of …", "please loop in X who is taking over"', () => {
    const s = story().email(at(-1), { from: 'maria@acme.com', to: 'sam@ourco.com', text: "Hi Sam, I'm the new VP of Finance at Acme and I'll own this budget." });
    expect(changes(s)).toEqual([expect.objectContaining({ contactEmail: 'maria@acme.com', change: 'joined' })]);
    const loop = story().email(at(-1), { from: 'dana@acme.com', to: 'sam@ourco.com', text: 'Please loop in Maria Lopez (maria.lopez@acme.com) who is taking over procurement.' });
    expect(changes(loop)).toEqual([{ contactEmail: 'maria.lopez@acme.com', name: 'Maria Lopez', change: 'joined', text: 'Please loop in Maria Lopez (maria.lopez@acme.com) who is taking over procurement.' }]);
    expect(changes(story().email(at(-1), { from: 'dana@acme.com', to: 'sam@ourco.com', text: 'Tom Reyes will be taking over the rollout from next month.' })))
      .toEqual([expect.objectContaining({ name: 'Tom Reyes', change: 'joined' })]);
  });

  it('our own owner or CSM leaving is marked as ours', () => {
    const s = story().note(at(-3), 'Riley, our CSM on Acme, has left the company. Nobody is assigned yet.');
    expect(changes(s)).toEqual([expect.objectContaining({ name: 'Riley', change: 'left', side: 'us' })]);
    const mine = story().email(at(-3), { from: 'riley@ourco.com', to: 'dana@acme.com', text: 'Friday is my last day at Ourco; a colleague will be in touch.' });
    expect(changes(mine)).toEqual([expect.objectContaining({ contactEmail: 'riley@ourco.com', change: 'left', side: 'us' })]);
  });

  it('unrelated uses of the words are not changes', () => {
    const s = story().email(at(-1), { from: 'dana@acme.com', to: 'sam@ourco.com', text: 'I left a voicemail for the carrier. We moved the meeting to Thursday. I have a new laptop.' });
    expect(changes(s)).toEqual([]);
  });
});
