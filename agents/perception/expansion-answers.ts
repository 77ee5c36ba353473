// An expansion said as the answer to our question: we ask how many of a group would use the product
// or need access ("How many of the new field engineers will need mobile access?") and the account
// answers with a count ("All 16 of them", "All of them, so nineteen"). The group comes from our
// question, the headcount from their answer. A question about today's use ("How many users do you
// have?") asks for no growth, and an answer of none or a refusal gives none.
import { analyze, type Sent } from './nlp.js';
import { lemmaLine } from './frames.js';
import { seatsIn } from './expansion-seats.js';
import { teamIn } from './expansion-team.js';

/** Our question: how many, of a group, would or will use it or need capacity. */
const HOW_MANY = / how many (?:\S+ ){0,8}(?:would|will|need|want|be go to|going to|should) (?:\S+ ){0,3}(?:use|need|want|have|get|be use|access|seat|licen[cs]e|licence|logins?|account|on it|on board|onboard\S*) /;
const TODAY = / (?:today|currently|right now|at the moment|at present|so far|active) /;
/** An answer of nobody, or a turn away. */
const NONE = / (?:none|nobody|no one|zero|not (?:yet|sure|now)|no idea|do not know|don't know) /;

/** The group our question asks about, when it asks how many of it would use or need the product. */
export function askedHowMany(question: string): { team?: string } | undefined {
  for (const s of analyze(question)) {
    const line = lemmaLine(s).line;
    if (!s.text.includes('?') || !HOW_MANY.test(line) || TODAY.test(line)) continue;
    const team = teamIn(s);
    return team ? { team } : {};
  }
  return undefined;
}

/** The count in the first sentence of the answer: "All 16 of them", "All of them, so nineteen", "About twelve." */
export function answeredCount(first: Sent): number | undefined {
  const line = lemmaLine(first).line;
  if (NONE.test(line)) return undefined;
  return seatsIn(first, true);
}

/** The expansion an answer gives to our how-many question, if any. */
export function answerToHowMany(question: string | undefined, answer: string): { team?: string; seats: number; text: string } | undefined {
  if (!question) return undefined;
  const asked = askedHowMany(question);
  const first = analyze(answer)[0];
  if (!asked || !first) return undefined;
  const seats = answeredCount(first);
  return seats === undefined ? undefined : { ...asked, seats, text: first.text };
}
