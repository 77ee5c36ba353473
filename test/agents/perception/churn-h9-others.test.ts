// Complaints that are about someone else, or over (sentiment.ts): a named firm's support, the account's old
// CRM, a first annoyance the team got used to, missing an event oneself. And two exits in plain words: a
// cheaper option than us sought, the tool given up on and the work gone back to spreadsheets. New words.
import { describe, expect, it } from 'vitest';
import { churn } from './churn-read.js';

describe('a complaint about someone else, or one that is over', () => {
  it.each([
    "Clari's support has been a nightmare for our sister company, glad we're with you.",
    'Our old CRM was a disaster, which is why we bought your platform.',
    "The team was annoyed at first about the new login flow but they've got used to it.",
    "Disappointed I can't make the user conference this year!",
  ])('%s', (text) => {
    expect(churn(text)).toBe(false);
  });
});

describe('plain-word exits', () => {
  it.each([
    "I'm getting pressure from above to find something cheaper than you.",
    'The team has given up on the tool and gone back to spreadsheets.',
  ])('%s', (text) => {
    expect(churn(text)).toBe(true);
  });
});
