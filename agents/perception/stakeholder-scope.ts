// Scopes that keep a people-change frame from reporting a change the account did not have (issue 15,
// held-out precision): news long settled ("was promoted in 2019 and has run it since"), a move that
// says the person keeps the remit ("relocating to Milan but keeps his accounts"), a change said to lie
// outside our deal ("separate from your platform"), hearsay denied or unconfirmed ("the rumours that
// I'm leaving"), a thing handed on rather than a remit ("passed it to Rafael" where "it" is the
// questionnaire), a promotion of a thing ("promoted to the beta group"), "a heads up" (a noun, not
// "heads up logistics"). Each reads the sentence's tokens and lemma line; none re-parses.
import type { Sent } from './nlp.js';
import { lemmaLine, type Hit } from './frames.js';
import { antecedentOf } from './nlp-reference.js';

/** A year before the one the signal was said in: "left in 2019", "back in 2023". */
function pastYear(line: string, year: number): boolean {
  for (const m of line.matchAll(/ (?:in|since|back in|from|during) (\d{4}) /g)) if (Number(m[1]) < year && Number(m[1]) > 1950) return true;
  return false;
}

/** News long past: years back, "last year", a past year, or a perfect that has run "since" (then). */
export function settledLongAgo(s: Sent, year: number): boolean {
  const line = lemmaLine(s).line;
  if (/ (?:(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many|a few|a couple of|some) )?year ago | year back | ever since | since then | long (?:before|ago) | last year | a year ago /.test(line)) return true;
  // "…has been running sales ops since.": the perfect continuing to now, the change its start.
  if (/ have be \S+ (?:\S+ ){0,5}?since (?:[.!]\s)?$/.test(line)) return true;
  return pastYear(line, year);
}

/** What a person keeps or still is: the remit stays with them, so a move or a new title changes nothing for us. */
const KEEPS = / (?:but|and|while|yet|,) (?:\S+ ){0,2}?(?:still |will still |continue to |remain |stay )?(?:keep|retain|remain|stay|still (?:be|own|run|look after|handle|manage)|continue (?:to|as|with)) (?:\S+ ){0,3}?(?:account|accounts|contact|sponsor|champion|owner|lead|budget|platform|relationship|project|rollout|renewal|us|you|your|our|in charge|responsible|the same|role|point of contact|decision maker|on (?:the|this|your|our)) /;

/** Whether the sentence (or the next one) says the changed person keeps what matters to us. */
export function keepsRemit(s: Sent, next?: Sent): boolean {
  const line = lemmaLine(s).line;
  if (KEEPS.test(line)) return true;
  // "…relocates to Oslo. She keeps all her accounts, yours included.": a second sentence with a he/she subject.
  return Boolean(next && /^ (?:she|he|they) (?:will )?(?:still |also )?(?:keep|retain|remain|stay|continue) /.test(lemmaLine(next).line) && KEEPS.test(` , ${lemmaLine(next).line.slice(1)}`));
}

/** A change said to lie outside our deal: "separate from your platform", "nothing to do with you". */
export function outsideDeal(s: Sent, arrival = false): boolean {
  const line = lemmaLine(s).line;
  // "…she won't be using your platform": a newcomer or a move that never reaches our product.
  // (Only for an arrival: someone who moves and stops using it has changed for us.)
  if (arrival && / (?:not|n't) (?:be )?(?:use|using|touch) (?:your|the|our) (?:\S+ )?(?:platform|tool|product|software|system|project|account|rollout) /.test(line)) return true;
  return / (?:separate from|unrelated to|nothing to do with|(?:not|n't) (?:affect|change|touch|concern|involve|relate to)|no (?:impact|effect) on|no change for) (?:\S+ ){0,2}?(?:you|your|us|our (?:work|project|deal|contract|relationship|account)|the (?:platform|project|renewal|rollout|contract|deal|account)) /.test(line);
}

/** Hearsay that frames the change: "the rumours that I'm leaving are exaggerated", "speculation about Raj quitting". */
export function hearsay(s: Sent, hit: Hit): boolean {
  const t = s.toks;
  const at = t.slice(0, hit.start).findLastIndex((x) => /^(?:rumou?r|speculation|gossip|whisper|hearsay)$/.test(x.lemma));
  if (at < 0) return false;
  // The noun's own phrase may come first: "speculation in the trade press about Adaeze moving".
  const link = t.slice(at + 1, hit.start).findIndex((x) => ['that', 'about', 'of', 'is', 'are', "'s", 'say', 'says'].includes(x.lower));
  if (link < 0 || t.slice(at + 1, at + 1 + link).some((x) => ['VERB', 'AUX', 'PUNCT'].includes(x.pos))) return false;
  // "The rumours are true: Raj is leaving" confirms it.
  return !t.some((x) => /^(?:true|confirm|confirmed|correct|official)$/.test(x.lower));
}

/** "a quick heads up", "Heads up:", "heads up that…": the noun, not "Dmitri heads up security". */
export function headsUpNoun(s: Sent, hit: Hit): boolean {
  const t = s.toks;
  if (t[hit.start]?.lower !== 'heads' && t[hit.start]?.lower !== 'heads-up') return false;
  const prev = t[hit.start - 1];
  const next = t[hit.end + 1];
  return !prev || prev.pos === 'PUNCT' || ['DET', 'ADJ'].includes(prev.pos) || ['fyi', 'just', 'big', 'quick'].includes(prev.lower)
    || !next || next.pos === 'PUNCT' || ['that', 'on', 'about', 're', 'regarding', 'for'].includes(next.lower);
}

/** What a remit is: the words that make "hand it over" a change of who we deal with. */
const REMIT_HEAD = /^(?:account|relationship|rollout|project|programme|program|renewal|role|remit|portfolio|workstream|responsibility|day-to-day|reins|baton|ownership|budget|deal|contract|team|function|department|territory|region|sponsor|sponsorship)s?$/;

/** "passed it to Rafael" where "it" points back to a document or a thing: a thing handed on, not a remit. */
export function thingHandedOn(sents: Sent[], si: number, hit: Hit, people: string[]): boolean {
  const s = sents[si];
  if (!/ (?:hand|pass|transfer) (?:over )?(?:it|this|that) (?:over )?to /.test(hit.m[0])) return false;
  const pron = s.toks.slice(hit.start, hit.end + 1).find((x) => ['it', 'this', 'that'].includes(x.lower));
  if (!pron) return false;
  const r = antecedentOf(sents, si, pron.i, { people });
  if (!r || r.kind === 'person') return false;
  const head = r.text.toLowerCase().split(/\s+/).pop() ?? '';
  return !REMIT_HEAD.test(head);
}

/** A title-like word after "promoted to": "promoted to COO", "to the regional director job"; not "to the beta group". */
const POST_WORD = /^(?:cfo|ceo|cto|coo|cio|cro|ciso|vp|svp|evp|head|director|manager|lead|leader|chief|president|partner|principal|senior|officer|controller|counsel|supervisor|management|leadership|gm|md|role|position|post|job|title|seat|rank|grade|level|executive|board|associate|analyst|engineer|architect|specialist|coordinator|administrator|admin|team lead|deputy|assistant|treasurer|secretary|chair|chairman|chairwoman|chairperson|captain|foreman)$/;

/** "promoted to the beta group / to production": promotion of a thing or into a list, not a post. */
export function promotedToThing(s: Sent, hit: Hit): boolean {
  if (!/ promote /.test(hit.m[0])) return false;
  const t = s.toks;
  const to = t.slice(hit.end + 1, hit.end + 3).findIndex((x) => x.lower === 'to' || x.lower === 'into');
  if (to < 0) return false;
  const after = t.slice(hit.end + 2 + to, hit.end + 8 + to);
  const stop = after.findIndex((x) => x.pos === 'PUNCT' || ['for', 'so', 'and', 'but', 'because', 'after', 'last', 'this', 'next'].includes(x.lower));
  const np = stop < 0 ? after : after.slice(0, stop);
  // A capitalised title ("promoted to Head of Platform") or a title word ("to senior manager") is a post.
  return np.length > 0 && !np.some((x) => POST_WORD.test(x.lower) || POST_WORD.test(x.lemma) || (x.cap && x.pos === 'PROPN'));
}

/** "leave Northwind", "quit the company": the employer itself is left, so a trip word later in the sentence is no absence. */
export function leavesEmployer(s: Sent, hit: Hit, accountWords: string[]): boolean {
  if (!/ (?:leave|quit) $/.test(hit.m[0])) return false;
  const next = s.toks[hit.end + 1];
  const next2 = s.toks[hit.end + 2];
  return Boolean(next && (accountWords.includes(next.lower) || next.lower === 'us' || (['the', 'our'].includes(next.lower) && /^(?:company|business|firm|organisation|organization|group)$/.test(next2?.lemma ?? ''))));
}

const WHEN_WORD = /^(?:yesterday|today|tonight|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|month|year|morning|afternoon|evening|january|february|march|april|may|june|july|august|september|october|november|december|abruptly|suddenly)$/;

/** "quit excel for good", "quit Gong last year": a tool or a habit quit, named bare; "quit Northwind", "quit us", "quit yesterday" are not. */
export function quitsAThing(s: Sent, hit: Hit, accountWords: string[]): boolean {
  if (!/ quit $/.test(hit.m[0])) return false;
  const o = s.toks[hit.end + 1];
  // (The light model tags a bare tool name a verb: "quit excel".)
  if (!o || !(['NOUN', 'PROPN', 'X'].includes(o.pos) || (o.pos === 'VERB' && o.lower === o.lemma)) || WHEN_WORD.test(o.lemma)) return false;
  return !accountWords.includes(o.lower) && o.lower !== 'us' && !/^(?:company|business|firm|job|role|position|team|organisation|organization|group)$/.test(o.lemma);
}

/** Where a role, a team or an owner is a setting of a tool: "promoted to admin in your tool", "switched teams in the app to test permissions". */
const SOFTWARE = /\b(?:in|on|within|inside) (?:the|your|our|their|this) (?:[\w-]+ )?(?:tool|app|platform|system|workspace|portal|product|dashboard|sandbox|crm|instance|console|software)\b(?! (?:team|group|department|division|org|unit|squad|side|function|business)\b)|\bpermissions?\b/i;
/** What an owner of a thing owns: "the new owner of the budget spreadsheet". */
const OWNED_THING = /^(?:spreadsheet|sheet|report|dashboard|file|document|doc|folder|workspace|channel|ticket|list|board|template|deck|calendar|repo|repository|page|form|mailbox|inbox)$/;

/** A change of role that is a software setting or the keeping of a thing, not a post: the frame's own sentence says so. */
export function inTheSoftware(s: Sent, hit: Hit, arrival: boolean): boolean {
  // (Read on the words: "tooling" lemmatises to "tool". A newcomer may well be told with the tool they will use.)
  if (!arrival && SOFTWARE.test(s.text)) return true;
  // "Adaeze is the new owner of the budget spreadsheet".
  const after = s.toks.slice(hit.end + 1, hit.end + 8);
  const of = after.findIndex((x) => x.lower === 'of');
  return / new $/.test(hit.m[0]) && of >= 0 && of <= 2 && after.slice(of + 1).some((x) => OWNED_THING.test(x.lemma));
}

/** Pieces of work and things one is put on: "now handles the weekly exports", "the new point of contact for the questionnaire", "stepping into the QBR". */
const TASK_OR_THING = /^(?:export|paperwork|questionnaire|invoice|ticket|form|report|spreadsheet|sheet|review|audit|qbr|call|meeting|session|workshop|demo|agenda|presentation|training|webinar|minute|slide|deck|rota|schedule|booking|order|shipment|delivery|survey|rfp|rfi|poc|pilot|test|trial|upload|backup|import|migration|configuration|setup|kickoff|kick-off)s?$/;

/** The frame's object is a piece of work or a thing, not a post: read up to the first clause break after the frame. */
export function taskObject(s: Sent, hit: Hit): boolean {
  // (Giving a task up is told with a move more often than not: "has moved to the Lyon plant and no longer runs the weekly reports".)
  if (/ (?:no longer|not|n't) /.test(hit.m[0])) return false;
  const after = s.toks.slice(hit.end + 1, hit.end + 8);
  const stop = after.findIndex((x) => (x.pos === 'PUNCT' && x.text !== '-') || ['and', 'but', 'so', 'because', 'while', 'until', 'from', 'as'].includes(x.lower));
  return (stop < 0 ? after : after.slice(0, stop)).some((x) => ['NOUN', 'PROPN'].includes(x.pos) && TASK_OR_THING.test(x.lower));
}

/** Background in a relative clause on a known person: "Greta, who joined us from Gainsight, loves your product". */
export function relativeBackground(s: Sent, hit: Hit): boolean {
  const t = s.toks;
  const who = t.slice(Math.max(0, hit.start - 4), hit.start).findLastIndex((x) => x.lower === 'who');
  if (who < 0) return false;
  const at = Math.max(0, hit.start - 4) + who;
  // The clause closes with a comma and the main verb follows: the news is not the clause's.
  const verbAfter = (k: number, xs: typeof t) => { let j = k + 1; while (xs[j]?.pos === 'ADV') j += 1; return ['VERB', 'AUX'].includes(xs[j]?.pos ?? ''); };
  return t[at - 1]?.text === ',' && t.slice(hit.end + 1).some((x, k, xs) => x.text === ',' && verbAfter(k, xs));
}
