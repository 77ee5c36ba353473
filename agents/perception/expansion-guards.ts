// Look-alikes of expansion read from the whole sentence or its neighbours: capacity in another
// vendor's tool ("a login to Gainsight"), a figure taken back ("the 20 extra seats were a typo",
// "we're staying at 65"), capacity already in place ("it's already set up"), a test sandbox, a
// thing changed rather than the product wanted ("want it raised"), one person's access, and a
// message that says nothing is wanted ("No action needed").
import { findAll, lemmaLine } from './frames.js';
import type { Sent } from './nlp.js';

/** A capacity noun for a tool named with a capital that the model does not know: "a login to Gainsight", "seats in Clari". */
const CAPACITY_FOR = /^(?:logins?|log-ins?|seats?|licen[cs]es?|accounts?|access|instance|workspace)$/;
export function capacityInNamedTool(s: Sent, rivals: string[] = []): boolean {
  const t = s.toks;
  const named = (k: number) => Boolean(t[k]) && t[k].cap && !t[k].known && t[k].pos !== 'NUM';
  // Only "to" and "on": "access for Lisbon", "seats in Porto" name who gets it, not the tool.
  if (t.some((x, k) => CAPACITY_FOR.test(x.lower) && ['to', 'on'].includes(t[k + 1]?.lower ?? '') && named(k + 2))) return true;
  // A rival named beside our product ("bring Lisbon onto the platform, but the CFO wants it priced with Corvina", "from Clari onto your platform") leaves the ask ours.
  if (/ (?:your|you|yours|(?:onto|on to|on) the (?:platform|tool|system)) /.test(lemmaLine(s).line)) return false;
  const text = s.text.toLowerCase();
  return rivals.some((r) => r && new RegExp(`(?<![\\p{L}])${r.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u').test(text));
}

/** A figure taken back or held flat: "the 20 extra seats … were a typo", "we're staying at 65", "keeping it at 40". */
const RETRACTED = / (?:be|was|were) (?:\S+ ){0,2}(?:typo|mistake|error|misprint|slip) /;
const HELD_FLAT = / (?:stay|staying|remain|keep (?:it|us|them|things)|stick) (?:at|with) (?:the )?\d+ /;
export const retracted = (s: Sent): boolean => RETRACTED.test(lemmaLine(s).line);
export const heldFlat = (s: Sent): boolean => HELD_FLAT.test(lemmaLine(s).line) && !/ (?:more|extra|additional|add) /.test(lemmaLine(s).line);

/** Capacity already in place: "it's already set up", "they're already covered", "should have access already". */
export const alreadyInPlace = (s: Sent): boolean => / already (?:\S+ )?(?:set up|in place|enable|enabled|cover|covered|sort|sorted|provision|provisioned|include|included|live|there) | (?:have|has|get) (?:\S+ ){0,2}(?:access|logins?|account|seat|licen[cs]e|licence) already /.test(lemmaLine(s).line);

/** Seats in a test copy, not for people at work: "more seats on the sandbox". (A tenant of its own "for testing" is still a new one.) */
export const forTesting = (s: Sent): boolean => / (?:to|in|on|into) the (?:sandbox|staging|test environment|test instance|uat) /.test(lemmaLine(s).line);

/** "want it raised", "need it fixed": a change to a thing, not the product wanted. */
export function changeWanted(s: Sent): boolean {
  return findAll(s, / (?:want|need|would like|like) (?:it|that|this|them) /).some((h) => {
    const next = s.toks[h.end + 1];
    // "wants it rolled out company-wide" still wants the product spread.
    return Boolean(next) && next.pos === 'VERB' && /(?:ed|en)$/.test(next.lower) && next.lower !== next.lemma && !['roll', 'extend', 'expand', 'deploy', 'add', 'onboard', 'bring', 'open', 'license', 'provision'].includes(next.lemma);
  });
}

/** One person's access ("admin access for our new hire, Pieter Smit"): provisioning a person, not a team growing. */
export function onePerson(s: Sent): boolean {
  const line = lemmaLine(s).line;
  return / (?:access|login|account|licen[cs]e|seat) for (?:our |my |the |a )?new (?:hire|starter|joiner|colleague|analyst|manager|employee) , /.test(line)
    || / (?:access|login|account|licen[cs]e|seat) for (?:him|her) /.test(line)
    // "the new hire in finance needs access": one newcomer, in the singular as written.
    || (/\b(?:the|our|a|my|one) new (?:hire|starter|joiner|colleague|employee|analyst)\b(?!s)/i.test(s.text) && / (?:need|want|get|have) (?:\S+ ){0,2}(?:access|login|account|licen[cs]e|seat) /.test(line))
    // One person as the one set up: "create her a login", "give him access", "add her to the Reporting group".
    || / (?:create|give|get|issue|grant|provision|set) (?:him|her) (?:a |an |the |access|logins? |account|licen\S* |seat|up) | add (?:him|her) (?:to|on|as) /.test(line);
}

/** Capacity already obtained: "the 10 extra seats we bought in June", "the 15 Madrid users we added last week". */
export const obtained = (s: Sent): boolean => /\b(?:seats?|licen[cs]es?|users?|accounts?|logins?|workspaces?) (?:that |which )?(?:we|they|you|I)(?:'ve|’ve| have| had)? (?:already |just )?(?:bought|purchased|added|ordered|got|received|paid for|signed for)\b/i.test(s.text);

/** More capacity ruled out in so many words: "no new seats", "without adding licences", "we don't need extra users". */
export const noMoreCapacity = (s: Sent): boolean => / (?:no|without (?:add|buy)\S*|n't need|not need|not want|n't want) (?:any )?(?:new|extra|additional|more) (?:seat|licen[cs]e|licence|user|logins?|account)s? /.test(lemmaLine(s).line);

/** Capacity already ordered and awaited: "we've been waiting for the extra seats for weeks". */
export const awaited = (s: Sent): boolean => / wait (?:\S+ ){0,2}for (?:the|our|those|these) (?:\S+ )?(?:seat|licen[cs]e|licence|logins?|account)s? /.test(lemmaLine(s).line);

/** The need met by what is there: "they'll run it off the Madrid workspace with existing users", "covered by our current licences". */
export const coveredByExisting = (s: Sent): boolean => / (?:with|off|from|using|within|out of|by) (?:the |our |their |its )?(?:existing|current) (?:\S+ ){0,2}(?:user|seat|licen[cs]e|licence|logins?|account|workspace|instance)s? | run (?:it|them|that|this) (?:off|from|out of) /.test(lemmaLine(s).line);

/** The writer disclaims any plan: "just for budgeting, no plans yet", "if we ever opened a US office … not on the cards", "nothing concrete", "a 2027 conversation at the earliest". */
export const noPlans = (s: Sent): boolean => / (?:no (?:plan|plans)|not plan|not planning|not on the (?:card|table|agenda|roadmap)s?|if (?:we|they|i) ever|hypothetical|hypothetically|out of curiosity|just curious|purely curious|just (?:for|to) (?:budget|budgeting|planning|understand|model)|nothing (?:concrete|firm|decided)|at the earl\S*) /.test(lemmaLine(s).line);

/** Seats at a table, not in the product: "more seats for the offsite dinner". */
export const seatsAtEvent = (s: Sent): boolean => / seat (?:\S+ ){0,2}(?:for|at|on|in) (?:the|our|a|an) (?:\S+ ){0,2}(?:session|class|dinner|offsite|off-site|event|table|restaurant|venue|room|bus|coach|flight|train|workshop|conference|webinar|meeting|party|lunch|course|gala|match|game) /.test(lemmaLine(s).line);

/** The writer says nothing is wanted: "No action needed", "just so you can see", "FYI only". */
export const nothingWanted = (s: Sent): boolean => / (?:no action (?:need|needed|require|required)?|nothing (?:to do|need|needed) (?:on|from) your (?:side|end)|just so you (?:know|can see)|fyi only) /.test(lemmaLine(s).line);

/** A feature of the product as what "it" stands for: "discovered the dark mode toggle and now everyone wants it" wants a feature, not seats. */
const FEATURE = new Set(['toggle', 'button', 'mode', 'feature', 'view', 'filter', 'shortcut', 'setting', 'option', 'theme', 'widget', 'field', 'column', 'template', 'tab', 'icon', 'layout', 'colour', 'color']);
export function featureWanted(s: Sent): boolean {
  const wish = findAll(s, / (?:want|love|like|need|ask for|request) it /)[0];
  if (!wish || / (?:seat|licen[cs]e|licence|logins?|account|access|workspace|user) /.test(lemmaLine(s).line)) return false;
  return s.toks.slice(0, wish.start).some((x) => x.pos === 'NOUN' && FEATURE.has(x.lemma));
}

/** People put in others' places or rights moved between them: "they're replacing the two people who left", "moving admin rights from Owen to Mia". */
export const replacesPeople = (s: Sent): boolean => / (?:replace|replacing|replaced|in place of) (?:\S+ ){0,3}(?:people|person|user|colleague|staff|someone|member|one) | who (?:have |has )?(?:leave|left) | (?:move|moving|transfer|transferring|shift|shifting) (?:\S+ )?(?:right|permission|privilege)s? /.test(lemmaLine(s).line);

/** A maybe with no time: "we might need more seats at some point". */
export const someday = (s: Sent): boolean => {
  const line = lemmaLine(s).line;
  return / (?:might|may) (?:\S+ ){0,3}(?:need|want|add|look at) /.test(line) && / (?:at some point|eventually|one day|some day|someday|down the (?:line|road)|in the future|in future) /.test(line);
};

/** The ask already met, in the same sentence: "asked for access in the spring and we set them up in May". */
export const fulfilled = (s: Sent): boolean => /\b(?:we|you|they|I|Owen|IT)\s+(?:already\s+)?(?:set (?:them|him|her|it|everyone) up|gave (?:them|him|her|everyone) (?:access|logins?|accounts?|seats?|licen[cs]es?)|added (?:them|him|her|everyone)|provisioned (?:them|him|her|it|everyone)|onboarded (?:them|him|her|everyone))\b/i.test(s.text);

/** A service wanted for people, not capacity for them: "a refresher training for the 12 people who joined", "a workshop for the new starters". */
const SERVICE = / (?:training|refresher|session|workshop|webinar|demo|walkthrough|walk-through|call|meeting|report|breakdown|copy|summary|invoice|deck|course|intro|introduction|onboarding session) /;
/** Services people attend: "it" after one of them is the session. (A demo shows the product, so "saw the demo … want it" wants the product.) */
const TAUGHT = / (?:training|refresher|session|workshop|webinar|course|induction|call|meeting|newsletter) /;
export function serviceForPeople(s: Sent): boolean {
  const line = lemmaLine(s).line;
  if (/ (?:seat|licen[cs]e|licence|logins?|access|account|workspace|instance|more user|new user) /.test(line)) return false;
  // "ran the refresher herself and wants the whole team on it": "it" is the service named before it.
  const it = findAll(s, / (?:on|want|need|like|love) it /)[0];
  if (it && TAUGHT.test(` ${s.toks.slice(0, it.start).map((x) => x.lemma).join(' ')} `)) return true;
  return findAll(s, / (?:want|need|would like|like|ask for|request|love|book|schedule|set up|organi[sz]e|arrange) (?:\S+ ){0,3}?/).some((h) => {
    const rest = s.toks.slice(h.end, h.end + 5).map((x) => x.lemma).join(' ');
    return SERVICE.test(` ${rest} `) && / for /.test(` ${s.toks.slice(h.end).map((x) => x.lemma).join(' ')} `);
  });
}
