// A person engaged for a term whose term ends is staffing news, not the account leaving us.
import { describe, expect, it } from 'vitest';
import { Story, at, contact } from '../risk/builders.js';

const s = new Story({ account: { stage: 'customer', domains: ['lindqvist.se'] }, contacts: [contact('maja@lindqvist.se', 'Maja Berg', 'champion')] });
const churn = (text: string) => Boolean(s.email(at(-1), { from: 'maja@lindqvist.se', to: 'sam@ourco.com', text }).insights!.churnIntent);

describe('a term that ends for a person', () => {
  it('is no churn intent', () => {
    expect(churn("The freelancer who set up our reporting won't be renewed after June, so questions come to me.")).toBe(false);
    expect(churn('We are not extending the two interns on the data team beyond the summer.')).toBe(false);
  });

  it('our own contract not renewed still is', () => {
    expect(churn("We won't be renewing the licences when the term ends in June.")).toBe(true);
    expect(churn('The board decided not to extend our agreement with you past June.')).toBe(true);
  });
});
