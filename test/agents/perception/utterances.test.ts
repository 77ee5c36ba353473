import { describe, expect, it } from 'vitest';
import { chatAuthorSide, contactByName, plainTranscriptTurns, speakerOf, utterances } from '../../../agents/perception/utterances.js';
import { sentences } from '../../../agents/perception/sentences.js';
import { Story, account, at, contact } from '../risk/builders.js';

const dana = contact('dana@acme.com', 'Dana Ruiz', 'champion');
const daniel = contact('daniel@acme.com', 'Daniel Ruiz', 'user');
const people = { account: account(), contacts: [dana, daniel] };

describe('who said it', () => {
  it('transcript speakers: by attendee, then by contact name; anyone else is us', () => {
    const attendees = [{ email: 'dana@acme.com', name: 'Dana Ruiz' }, { email: 'sam@ourco.com', name: 'Sam Patel' }];
    expect(speakerOf('Dana Ruiz', attendees, people)).toEqual({ side: 'them', email: 'dana@acme.com' });
    expect(speakerOf('Sam', attendees, people)).toEqual({ side: 'us', email: 'sam@ourco.com' });
    expect(speakerOf('Daniel Ruiz', [], people)).toEqual({ side: 'them', email: 'daniel@acme.com' });
    expect(speakerOf('Alex (SE)', [], people)).toEqual({ side: 'us' });
    expect(speakerOf('consultant@partner.io', [{ email: 'consultant@partner.io', name: 'Kim' }], people)).toEqual({ side: 'us', email: 'consultant@partner.io' });
  });

  it('a first name alone identifies a contact only when one contact has it', () => {
    expect(contactByName('Dana', [dana, daniel])).toBe(dana);
    expect(contactByName('Ruiz', [dana, daniel])).toBeUndefined();
    expect(contactByName('Dana', [dana, contact('dana.k@acme.com', 'Dana Kim')])).toBeUndefined();
  });

  it('chat authors: the account by address or contact; us by any other address', () => {
    expect(chatAuthorSide({ email: 'dana@acme.com', name: 'Dana' }, people)).toBe('them');
    expect(chatAuthorSide({ email: 'sam@ourco.com', name: 'Sam' }, people)).toBe('us');
    expect(chatAuthorSide({ name: 'guest' }, people)).toBe('them');
  });

  it('plain-text transcripts: "Name: words", continuation lines kept with their turn', () => {
    expect(plainTranscriptTurns('Dana Ruiz: We need SSO.\nAnd SCIM too.\nSam: Both are standard.')).toEqual([
      { speaker: 'Dana Ruiz', text: 'We need SSO. And SCIM too.' }, { speaker: 'Sam', text: 'Both are standard.' },
    ]);
  });

  it('notes are ours, tickets and forms theirs, emails by direction with quotes stripped', () => {
    const s = new Story({ contacts: [dana] });
    expect(utterances(s.note(at(-1), 'Dana is frustrated.'), { ...people, competitors: [] })[0].side).toBe('us');
    expect(utterances(s.ticket(at(-1), 'Export', 'Broken.', 'high', 'open', 'dana@acme.com'), { ...people, competitors: [] })[0]).toMatchObject({ side: 'them', text: 'Export. Broken.' });
    const reply = s.email(at(-1), { from: 'dana@acme.com', to: 'sam@ourco.com', text: 'Yes.\n\nOn Mon, Nov 16, 2026 at 9:00 AM Sam <sam@ourco.com> wrote:\n> old' });
    expect(utterances(reply, { ...people, competitors: [] })).toEqual([{ side: 'them', speaker: 'Dana Ruiz', email: 'dana@acme.com', text: 'Yes.' }]);
  });
});

describe('sentences', () => {
  it('splits on sentence ends, not inside addresses, links, versions or amounts', () => {
    expect(sentences('Loop in maria.lopez@acme.com today. See https://acme.com/a.b?c=1 first! Since 4.12 it costs $1.5k. Ok?')).toEqual([
      'Loop in maria.lopez@acme.com today.', 'See https://acme.com/a.b?c=1 first!', 'Since 4.12 it costs $1.5k.', 'Ok?',
    ]);
    expect(sentences('Line one\n\nLine two.')).toEqual(['Line one', 'Line two.']);
  });
});
