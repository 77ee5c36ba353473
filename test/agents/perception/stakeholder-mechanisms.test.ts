// The mechanisms behind stakeholder changes (issue 15), each in words of its own: voice and object of a
// dismissal, word order, remits gained, successors in several constructions, and the scopes that make
// an event unreal (contemplated, hypothetical, asked, an absence, a thing as the object).
import { describe, expect, it } from 'vitest';
import { one, read } from './stakeholder-read.js';

describe('stakeholder change mechanisms', () => {
  it('dismissal: passive, a reduced passive in a ticket, the person as object; a thing as object is nobody', () => {
    for (const text of ['Dana was sacked on Tuesday.', 'Offboard: user Dana Ruiz terminated 03/02, remove her badge', 'They fired Dana after the audit.', 'Sadly we had to let Dana go.']) {
      expect(one(text), text).toMatchObject({ contactEmail: 'dana@acme.com', change: 'left' });
    }
    for (const text of ['Dana terminated the courier contract last week.', 'Dana dismissed the warning banner.', 'We are letting go of the paper forms.']) {
      expect(read(text), text).toEqual([]);
    }
  });

  it('word orders and forms the stock frames miss', () => {
    expect(one('Dana is not anymore in our company since March.')).toMatchObject({ contactEmail: 'dana@acme.com', change: 'left' });
    expect(one("Dana isn't there anymore, sorry.")).toMatchObject({ contactEmail: 'dana@acme.com', change: 'left' });
    expect(one('Dana has gone to run marketing at an insurer.')).toMatchObject({ contactEmail: 'dana@acme.com', change: 'left' });
    expect(one('Dana accepted a severance package in the spring restructure.')).toMatchObject({ contactEmail: 'dana@acme.com', change: 'left' });
    expect(one("Dana's out as head of ops.")).toMatchObject({ contactEmail: 'dana@acme.com', change: 'left' });
    expect(one('Dana is exiting the company in June.')).toMatchObject({ contactEmail: 'dana@acme.com', change: 'left' });
    expect(read('Dana stepped away from Acme in the autumn.')[0]).toMatchObject({ contactEmail: 'dana@acme.com', change: 'left' });
    expect(read('Dana stepped away from her desk for ten minutes.')).toEqual([]);
  });

  it('role changes: a post taken up, the title as predicate, a remit gained, out of a function', () => {
    for (const text of [
      'From April Dana will take up the position of Chief Data Officer.',
      "heads up, Dana's EVP now",
      'Dana has taken on responsibility for the warehouse network as well.',
      'Dana is no longer in purchasing; she sits with the strategy folks now.',
      'Dana transitioned to an analytics role in May.',
    ]) expect(one(text), text).toMatchObject({ contactEmail: 'dana@acme.com', change: expect.stringMatching(/^(?:moved|role_changed)$/) });
  });

  it('successors named in other constructions', () => {
    // Dana leaves in each text; successors[i] is who takes over in texts[i].
    const texts = [
      'Dana has left. Her sign-offs now go to Li Wen.',
      'Dana is leaving on Friday. Billing questions should go to her deputy, Noor Haddad.',
      'Dana retired last month. New budget holder = Li.',
      'Dana has left; for renewals please from now on write to Li.',
      'Dana resigned. Li is acting head of finance until a hire is made.',
      'Dana is leaving and her replacment will be Tariq Osei.',
      "Dana's successor is Tariq Osei, who starts in May.",
    ];
    const successors = ['Li', 'Noor', 'Li', 'Li', 'Li', 'Tariq', 'Tariq'];
    texts.forEach((text, i) => {
      const c = one(text);
      expect(c, text).toMatchObject({ contactEmail: 'dana@acme.com', change: 'left' });
      expect(c.successor?.name, text).toContain(successors[i]);
    });
    // "she" who takes over is the person named before her, not the one who left.
    const intro = one('Noor Haddad wrote to introduce herself; she has taken over the freight budget from Dana, who took early retirement.');
    expect(intro).toMatchObject({ contactEmail: 'dana@acme.com', change: 'left' });
    expect(intro.successor?.name).toContain('Noor');
  });

  it('replaced or succeeded: the change is the one named after the verb, the subject takes over', () => {
    for (const text of ['Tariq Osei will succeed Dana as head of freight in May.', 'From June Tariq Osei replaces Dana on the steering group.', "Dana's portfolio will transfer to Tariq Osei next month."]) {
      const c = one(text);
      expect(c, text).toMatchObject({ contactEmail: 'dana@acme.com' });
      expect(c.successor?.name, text).toContain('Tariq');
    }
    expect(read('We replaced Brightwave with a spreadsheet years ago.')).toEqual([]);
  });

  it('more ways to name who takes over after a departure', () => {
    expect(one('Dana is no more with the company; her files are with Li now.')).toMatchObject({ contactEmail: 'dana@acme.com', change: 'left', successor: expect.objectContaining({ name: 'Li Wen' }) });
    expect(one('Dana has left us, and in her place we have Li.').successor?.name).toContain('Li');
    expect(one('Dana no longer works here. Please address renewal paperwork to Li.').successor?.name).toContain('Li');
  });

  it('heading up a piece of work is a task; heading up a unit now is a post', () => {
    expect(read('Dana is heading up the vendor assessment this quarter.')).toEqual([]);
    expect(one('Dana now heads up the customs division.')).toMatchObject({ contactEmail: 'dana@acme.com', change: 'moved' });
  });

  it('a conjunct shares its subject, not the first clause\'s object', () => {
    expect(one('Dana handed her accounts over to Li and left.')).toMatchObject({ contactEmail: 'dana@acme.com', change: 'left', successor: expect.objectContaining({ name: 'Li Wen' }) });
  });

  it('arrivals by hiring or by joining the organisation by name', () => {
    expect(one('Acme has recruited Tariq Osei to run the depots.')).toMatchObject({ name: 'Tariq Osei', change: 'joined' });
    expect(one('Noor Haddad joined Acme last week as our controller.')).toMatchObject({ name: 'Noor Haddad', change: 'joined' });
    expect(read('Dana joined the steering group last week.').filter((c) => c.change === 'joined')).toEqual([]);
  });

  it('chat names known people in lower case', () => {
    expect(one('dana got promoted, she runs the whole region now')).toMatchObject({ contactEmail: 'dana@acme.com', change: 'role_changed' });
  });

  it('not a change: contemplated, hypothetical, asked, an absence, an event, a thing', () => {
    for (const text of [
      'Dana nearly resigned over the pricing fight but stayed.',
      'Dana is considering leaving once the project ends.',
      "Dana said she'd quit if we moved the office again.",
      'We could lose Dana to the merger team.',
      'Has Dana left? She has not answered.',
      'Dana resigned herself to a slower rollout.',
      'Dana is back from maternity leave and picks up her projects.',
      "Dana's last day at the trade fair is Thursday, back Monday.",
      'Dana retired the Acme Legacy Portal in June.',
      'The Leeds depot wants to move off paper in spring.',
      'Li has started reading the exit clauses.',
    ]) expect(read(text), text).toEqual([]);
  });
  it('an organisation replacing a named tool is no change of people; a person replaced in a post is', () => {
    for (const text of ['We are replacing Zendesk before the summer.', "We'll finally retire and replace Pipedrive in March."]) expect(read(text), text).toEqual([]);
    expect(one('We are replacing Dana as your day-to-day contact; Li takes over.')).toMatchObject({ contactEmail: 'dana@acme.com' });
  });
});
