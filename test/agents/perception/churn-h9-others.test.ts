// Complaints and ending words aimed at someone else, or over (sentiment.ts, churn.ts, churn-ends.ts): a
// named firm's support, the account's old CRM, a first annoyance the team got used to, missing an event
// oneself, a subscription to a mailing, another kind of provider switched, the industry's bad quarter, the
// account's own team's numbers, a hard migration long since smooth. And exits in plain words: a cheaper
// option than us sought, the tool given up on and the work gone back to spreadsheets, our function moved to
// another provider, our subscription cancelled. New words.
import { describe, expect, it } from 'vitest';
import { churn } from './churn-read.js';

describe('a complaint or an ending aimed elsewhere, or over', () => {
  it.each([
    "Clari's support has been a nightmare for our sister company, glad we're with you.",
    'Our old CRM was a disaster, which is why we bought your platform.',
    "The team was annoyed at first about the new login flow but they've got used to it.",
    "Disappointed I can't make the user conference this year!",
    "We need to cancel our subscription to the weekly digest email, it clutters everyone's inbox.",
    "We're moving our payroll to a different provider next year.",
    'Honestly, the quarter has been brutal for freight and margins are terrible across the industry.',
    "I'm not happy with the numbers our sales team posted this quarter.",
    "We had a terrible time with the migration in 2023, but honestly it's been smooth ever since.",
  ])('%s', (text) => {
    expect(churn(text)).toBe(false);
  });
});

describe('plain-word exits', () => {
  it.each([
    "I'm getting pressure from above to find something cheaper than you.",
    'The team has given up on the tool and gone back to spreadsheets.',
    "We're moving our forecasting to a different provider next year.",
    'We need to cancel our subscription with you at the end of the term.',
  ])('%s', (text) => {
    expect(churn(text)).toBe(true);
  });
});
