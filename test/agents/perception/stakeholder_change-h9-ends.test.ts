// People changes said without a departure verb, or across the text (issue 15, held-out recall): an
// absence that will not end, a death, a walk-out, a long secondment, a passive in progress, a
// forwarded farewell, a post handed on or stepped into, a title to come, two changes in one sentence.
import { describe, expect, it } from 'vitest';
import { read, one } from './stakeholder-read.js';

describe('stakeholder changes: ends said otherwise', () => {
  it('an absence that will not end, a death, a walk-out, the sack, a contract not renewed', () => {
    for (const text of [
      "Dana won't be coming back; she has decided to stay in Lisbon for good.",
      'Dana will not return after her sabbatical.',
      'Sadly Dana passed away on Sunday.',
      'Dana walked out in the middle of the audit season.',
      'Dana got the sack last Thursday.',
      "Dana's contract was not renewed.",
      'Dana is being replaced by an outside hire.',
    ]) expect(one(text), text).toMatchObject({ change: 'left', name: 'Dana Ruiz' });
  });

  it('a long secondment is a move; a short one is an absence', () => {
    expect(one('Dana is going on an eighteen-month secondment to the holding company.')).toMatchObject({ change: 'moved', name: 'Dana Ruiz' });
    expect(read('Dana is going on a two-week secondment to the Oslo office.')).toEqual([]);
  });

  it('a bounded return, a thing returned, a phone that died, a meeting walked out of: nothing', () => {
    for (const text of [
      "Dana won't be back until Thursday.",
      "Dana won't return the loaner laptop.",
      "Dana's phone died during the call.",
      'Dana walked out of the meeting to take a call.',
      'Dana finally quit spreadsheets, she lives in the dashboard now.',
      'Dana was promoted years ago and has run the Oslo office since.',
      "There's gossip on the forums about Dana moving to the parent group. It isn't true.",
    ]) expect(read(text), text).toEqual([]);
  });
});

describe('stakeholder changes: who changed when the post is the subject', () => {
  it('a post stepped into or handed on names the one who changed and who took over', () => {
    expect(one("Li has taken over Dana's territory.")).toMatchObject({ change: 'moved', name: 'Dana Ruiz', successor: { name: 'Li Wen' } });
    expect(one('Dana hands the controller role to Li next week.')).toMatchObject({ change: 'moved', name: 'Dana Ruiz', successor: { name: 'Li Wen' } });
    expect(one('Dana will be CFO from March.')).toMatchObject({ change: 'role_changed', name: 'Dana Ruiz' });
  });

  it('the speaker taking over, a successor named as a title is not mistaken', () => {
    expect(one("Dana has left; it's me now for anything billing.")).toMatchObject({ change: 'left', successor: { name: 'Li Wen' } });
    expect(one('Our security lead Ravi has moved on; a contractor, Jo, is covering until they hire.')).toMatchObject({ change: 'left', name: 'Ravi', successor: { name: 'Jo' } });
  });

  it('two people changing in one sentence are two changes', () => {
    const found = read('Li got moved up to director while Dana went on to lead the Asia business.');
    expect(found.map((c) => [c.change, c.name])).toEqual([['role_changed', 'Li Wen'], ['moved', 'Dana Ruiz']]);
  });

  it('a newcomer told of in a second sentence, and a reporting line to them, is one arrival', () => {
    expect(one('Please add Ravi Menon. He joined us last week from a bakery chain.')).toMatchObject({ change: 'joined', name: 'Ravi Menon' });
  });

  it('one of ours named by the account is not the account\'s change', () => {
    expect(read('Who replaced Ravi on your support team? Tickets are slower since he left.').filter((c) => c.side !== 'us')).toEqual([]);
  });

  it('a forwarded farewell is said by its author', () => {
    const found = read('Passing this on, see below from Li.\n\n> Everyone, I am leaving Acme at the end of the month.', 'dana@acme.com');
    expect(found).toEqual([expect.objectContaining({ change: 'left', name: 'Li Wen' })]);
  });
});
