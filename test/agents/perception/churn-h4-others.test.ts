// Ending and looking-elsewhere words about something that is not our contract (offFrame in churn.ts,
// thirdPartyObject in churn-frames.ts, decidedToEnd in churn-moves.ts): a person leaving a place, a role
// downgraded, a personal purchase, enough of a thing, a contract with another party, other vendors as the
// subject, compared, or tried before we were chosen. Sentences in new words.
import { describe, expect, it } from 'vitest';
import { frame } from './churn-read.js';

describe('ending and elsewhere words about other things', () => {
  it.each([
    'I have to leave at four for the dentist.',
    'Sorry, I need to leave early today.',
    'We want to downgrade three admins to viewers.',
    "I'm going to cancel my own premium add-on, it's on my personal card.",
    'We decided to drop the order for extra tablets; we already have enough handsets.',
    'We intend to terminate the agreement with our previous haulier in May.',
    'Other platforms we use, like Asana, let you pin comments. Could you add that?',
    'The other vendor we work with for fuel cards takes ages to reply.',
    'We benchmarked you against other providers and you won on every line.',
    'We trialled other tools before choosing you three years ago.',
  ])('reads no churn: %s', (text) => {
    expect(frame(text)).toBe(false);
  });
});

describe('the same words about us', () => {
  it.each([
    "We've had enough of the outages.",
    'We intend to terminate the agreement at the end of the term.',
    'Leadership has decided to terminate the contract with you.',
    'We are evaluating other providers for next year.',
    'We want to downgrade to the basic plan at renewal.',
  ])('reads churn: %s', (text) => {
    expect(frame(text)).toBe(true);
  });
});
