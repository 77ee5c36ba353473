// Slack exports with direct messages and Slackbot: a DM's folder is named by its id and listed in
// dms.json (no name), so its messages are routed by that id; Slackbot writes as a user that
// users.json does not mark as a bot, and is not the account talking.
import { describe, expect, it } from 'vitest';
import { parseSlackExport } from '../../../agents/signals/parsers/slack-export.js';
import { parseSlackEvent } from '../../../agents/signals/parsers/slack-events.js';

const enc = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
const users = [
  { id: 'USLACKBOT', name: 'slackbot', is_bot: false, profile: { real_name: 'Slackbot' } },
  { id: 'U0CUST01', name: 'lena', profile: { real_name: 'Lena Ortiz', email: 'lena@brightwave.example' } },
];
const day = [
  { type: 'message', user: 'U0CUST01', text: 'Can we move the renewal call to Thursday?', ts: '1767350000.000100' },
  { type: 'message', user: 'USLACKBOT', text: 'Reminder: submit your timesheet.', ts: '1767350100.000200' },
];

describe('Slack export: direct messages and Slackbot', () => {
  it('routes a DM by the id its folder is named with, and leaves Slackbot out', () => {
    const files = new Map<string, Uint8Array>([
      ['users.json', enc(users)], ['channels.json', enc([{ id: 'C0GEN', name: 'general' }])],
      ['dms.json', enc([{ id: 'D0LENA9', created: 1767000000, members: ['U0CUST01', 'U0OURS'] }])],
      ['D0LENA9/2026-01-02.json', enc(day)],
    ]);
    const r = parseSlackExport(files);
    expect(r.rejected).toEqual([]);
    expect(r.items).toHaveLength(1);
    expect(r.items[0].route).toEqual({ channelName: '#D0LENA9', channelId: 'D0LENA9' });
    expect(r.items[0].signal.externalId).toBe('slack:D0LENA9:1767350000.000100');
  });

  it('a Slackbot message delivered as an event is skipped as a bot', () => {
    const d = parseSlackEvent({ type: 'event_callback', event_id: 'Ev0SB', event: { type: 'message', user: 'USLACKBOT', text: 'Reminder: standup', ts: '1767350100.000200', channel: 'D0LENA9' } });
    expect(d.kind === 'event' && d.result.rejected[0]?.reason).toBe('a bot message, not a person');
  });
});
