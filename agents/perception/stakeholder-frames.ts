// More ways people changes are said (issue 15), as event classes over lemmas rather than stock verbs:
// a job that ENDS (its employment, tenure or role ends, concludes, goes away), a SEPARATION said from
// the organisation's side ("parted ways with", "laid off", "deprovision"), an exit to ELSEWHERE
// ("opportunities outside", "a role at <another organisation>", emigrating, clearing one's desk), a
// POST CHANGED (a title that changes, moving up to a title, being put in charge, taking on a side of
// the business, dropping off a group), an ARRIVAL into a vacancy ("filling the analyst seat",
// "our incoming controller", "takes up the post") and more constructions naming who takes over. The
// scopes (negation, condition, absence, contemplated) are the caller's, as for every other frame.
import type { Sent } from './nlp.js';
import { lemmaLine, type Hit, type NameSpan } from './frames.js';
import type { Contact } from '../../db/queries/contacts.js';

/** Words a title is made of: "senior manager", "Director of Platform Engineering", "the group board". */
const TITLE = /^(?:manager|director|head|lead|leader|vp|svp|evp|chief|president|partner|principal|senior|board|cfo|ceo|cto|coo|cio|cro|ciso|controller|counsel|officer|executive|supervisor|architect|gm|md)$/;
/** Units and remits one takes on or drops off ("the commercial side", "the Nordic sales desk", "our renewal working group"). */
const REMIT = '(?:side|team|role|function|region|department|division|unit|portfolio|remit|brief|territory|business|responsibility|responsibilities|account|accounts|desk|office|group|committee|board|steering group|workstream|p&l)';

export const LEFT_MORE: RegExp[] = [
  // The organisation separating from a person: "we parted ways with Anders", "Anders and the company parted company".
  / part (?:(?:way|ways|company) (?:with )?|with )/,
  // A leaver, the noun of HR tickets: "remove access for Owen Pratt (leaver, effective 13/11)" (not "the leaver form", not leavers in general: checked).
  / (?:a |be |\( )?leaver (?!form|process|checklist|list|survey|interview|party|card|pack|date)/,
  // Non-native "no more" without "not": "Mia is no more working for Northwind".
  / no more (?:be )?(?:work|working|employ|employed) (?:for|at|with|by|in) /,
  // A working relationship ended by the person: "Mr. Iyer has terminated his collaboration with our company".
  / (?:terminate|end|conclude|finish) (?:his|her|their|my) (?:collaboration|employment|contract|time|work|tenure|cooperation|engagement) (?:with|at|here) /,
  / be on (?:his|her|their|my) way out (?!of the (?:office|building|door|room))| (?:his|her|their|my) notice (?:run|end|expire|be up|period end) /,
  // Named as someone's successor: "Tomasz will be Owen's successor from December" (the possessor goes).
  / 's (?:suc+es+or|replace?ment) (?=from |as of |starting |effective |when |once |after |[.,;!] |$)/,
  // The last day, with a word between: "last working day 06/11", "her final business day".
  / (?:last|final) (?:working|work|business|official) (?:day|week) /,
  // A job that ends: "his tenure with us concludes on the 27th", "employment ended 31/10", "her role just went away".
  / (?:employment|tenure) (?:\S+ ){0,3}?(?:end|conclude|finish|cease|terminate|expire|be terminate) /,
  / (?:'s|his|her|my) (?:role|job|position|post) (?:\S+ ){0,3}?(?:go away|be eliminate|be cut|be axe|disappear|no longer exist|(?:have )?be (?:abolish|scrap|dissolve|remove|discontinue)) /,
  // (A contract or a time ends only "with us / here / at …": "our contract ends in March" is the account's.)
  / (?:'s|his|her|my) (?:contract|stint|time) (?:with us|here|at \S+) (?:\S+ ){0,2}?(?:end|conclude|be not renew|(?:will )?not be renew|come to an end) /,
  // A person's own contract running out ("dmitri's contract ran out end of oct"): a person's, so not the account's.
  / (?:'s|his|her) (?:employment )?contract (?:\S+ ){0,2}?(?:run out|expire|lapse|be not renew|(?:will )?not be renew|be not extend) /,
  // The working time ended, said as the notice or the leave that precedes the end: "until his notice period ends", "on garden leave".
  / garden leave | (?:his|her|their|my) notice period | serve (?:out )?(?:his|her|their|my) notice /,
  // The last one said without "day": "today was his last.", "Friday is her last -".
  / be (?:his|her|their|my) (?:last|final) (?=[.,!;:\-–—]|$)/,
  / hand (?:in|back) (?:his|her|their|my) (?:badge|keys|laptop|pass|access card) /,
  // Out on one's own: "he's gone off to do his own thing", "went freelance", "set up on her own".
  / (?:do|start|set up|launch) (?:his|her|their|my) own (?:thing|business|company|firm|consultancy|shop|practice) | go (?:freelance|solo|independent) | set up on (?:his|her|their|my) own | call it a day /,
  // Not in the company (non-native "now" for "any more"): "She is not in the company now".
  / (?:not|n't) (?:be )?(?:in|with|at|part of) (?:the|this|our) (?:company|firm|business|organisation|organization) (?!'s)/,
  / (?:go|move|switch|jump) (?:over )?to (?:other|another|a different|a new) (?:\S+ ){0,2}?(?:company|firm|employer|business|organisation|organization|carrier|forwarder|competitor|3pl)s? /,
  // Non-native word orders: "is not more working by us", "is not more with the company".
  / (?:not|n't) (?:be )?more (?:be )?(?:work|working|employ|with|at|by|in|here|part of) /,
  // Not there since a moment: "he's not with us since last Tuesday".
  / (?:not|n't) (?:be )?(?:with us|with the company|here|at \S+|part of (?:the|our) (?:team|company)) (?:\S+ ){0,2}?since /,
  // Gone elsewhere: "decided to pursue opportunities outside Northwind", "to explore a new challenge elsewhere".
  / (?:pursue|explore|seek|take up|follow) (?:\S+ ){0,3}?(?:opportunit(?:y|ie)|career|challenge|role|position|venture|path|chapter|interest)s? (?:outside|elsewhere|away from|beyond) /,
  / (?:emigrate|relocate abroad|relocate overseas|move abroad|move overseas) /,
  / clear (?:out )?(?:his|her|their|my) (?:desk|office|locker) /,
  // A package taken (not a parcel carried somewhere): "took a package", "accepted the redundancy package".
  / (?:take|accept) (?:a|the) (?:redundancy |severance |voluntary |exit |early |retirement )?package (?!to |from |for |in |off |of |with )/,
  // A post taken at another organisation: "has accepted the General Counsel role at Baltic Shipping Group" (checked: the organisation is not the account).
  / (?:accept|take|take up|start|get|land) (?:the|a|an) (?:\S+ ){0,4}?(?:role|job|position|post|offer|seat) (?:at|with) /,
  // Now at another organisation (checked: a name that is not the account): "our former finance director is now at Maersk".
  / be now (?:at|with|work (?:at|for)) | now work at /,
  / hang up (?:his|her|their|my) (?:boots|boot|hat|gloves|glove) /,
  // Off to an employer named by its trade: "going to a shipping line".
  / (?:go|move|head|jump|switch|defect) (?:over |across )?to (?:a|an|another|one of the) (?:\S+ ){0,2}?(?:ship|shipping|container|ferry|cruise|rail|freight|logistics|haulage|trucking|parcel) (?:line|company|firm|carrier|group|operator|provider|outfit)s? /,
  // Out and in, said as a pair: "Owen is out, Tomasz is in as IT lead".
  / be out(?: ,| and| ;| -) (?:\S+ ){1,3}?be in (?=as |now |charge |[.,;!] |$)/,
  // The model reads "left" after a quantifier as a noun ("have both left the company"): the surface word stands in.
  / have (?:both |all |each |also |just |already |now )left (?:the (?:company|business|firm|organisation|organization)|us|(?!for |early |the )\S+ (?:\.|,|;|last|this|on|in|at|to|for good)) /,
  // Replaced in a post, by someone: "Adaeze was replaced as CFO by Erik Dahl", "he was succeeded in the role by Mia".
  / be (?:replace|succeed) (?:as|in|on) (?:\S+ ){1,4}?by /,
  // Not staying on with the organisation: "Owen will not be continuing with Northwind after December" (checked: us, the company or a name).
  / (?:not|n't) (?:be )?(?:continue|stay on|stay|remain) (?:on )?(?:with|at) /,
];

export const MOVED_MORE: RegExp[] = [
  // A post passed from one person to another: "The CFO role has passed from Adaeze to Erik Dahl" (the one named after "from" changes).
  / (?:role|position|job|seat|post|remit|portfolio|responsibility|ownership) (?:\S+ ){0,2}?(?:pass|move|transfer|go|shift|switch) from /,
  // Moved to do another job inside: "has been moved over to run our Benelux operations".
  / (?:move|transfer|shift|second|reassign|rotate|switch) (?:over |across )?to (?:run|lead|head|manage|oversee|look after|build|set up|take charge of) /,
  // The last word in a post: "this is my last email as Procurement Lead".
  / (?:'s|my|his|her|be) (?:last|final) (?:\S+ ){0,2}?as (?:(?:the|our|your|a) )?(?:\S+ ){0,3}?(?:lead|head|director|manager|contact|owner|sponsor|champion|officer|controller|counsel|cfo|ceo|cto|coo|cio|vp|chief|admin) /,
  // Into another unit by passing or rotating: "from December I pass to the inside sales team".
  / (?:pass|rotate|relocate|get transfer|be transfer|be move|be second|be shift|be reassign) (?:\S+ly )?(?:over |across )?(?:in|on)?to (?:the|a|an|our|another|their) (?:\S+ ){0,3}?(?:team|group|department|division|unit|function|org|subsidiary|affiliate|business|office|region|desk|entity) /,
  // To a unit named without an article: "she's been shifted over to special projects", "moved to key accounts".
  / (?:move|shift|transfer|second|reassign|rotate) (?:\S+ly )?(?:over |across )?(?:in|on)?to (?!my |your |his |her |their )(?:\S+ ){0,2}?(?:project|account|operation|initiative|programme|program)s? (?!for |of )/,
  / no longer (?:be )?head /,
  // Put in charge: "has been put in charge of the Nordic sales desk", "was made responsible for carrier onboarding".
  / be put in charge of | be (?:make|made) (?:responsible|accountable) for | be (?:give|hand) (?:charge|control) of /,
  // A side of the business taken on: "I've been asked to take on the commercial side of our joint venture".
  new RegExp(` take on (?:the |a |an |our |their )?(?:\\S+ ){0,3}?${REMIT} (?!project)`),
  // Off a group: "he drops off our renewal working group", "rotating off the steering committee".
  / (?:drop|rotate|roll|come) off (?:the|our|your|this|their) (?:\S+ ){0,3}?(?:group|team|committee|board|project|account|steering group|working group) /,
];

export const ROLE_MORE: RegExp[] = [
  // The new post as the subject: "Raj's new role is head of group treasury", "her new title will be VP".
  / (?:'s|his|her|their|my) new (?:role|job|title|position|post) (?:be|will be|as|:) /,
  // The title itself changing: "Tomasz's title has changed to Director of Platform Engineering".
  / (?:'s|his|her|their|my) (?:job )?(?:title|role) (?:\S+ ){0,2}?(?:change|be change|be update|be upgrade|become) (?:to|into)? ?/,
  // Moving up to a title (checked: a title follows): "got bumped up to senior manager", "goes up to the group board".
  / (?:bump|move|step|level|go|get move|be bump|get bump) up to /,
];

export const JOINED_MORE: RegExp[] = [
  // Arriving in a vacancy: "she's filling the RevOps analyst seat", "will fill the open controller position".
  / fill (?:the|a|an|our|their|his|her) (?:\S+ ){0,3}?(?:seat|vacancy|role|position|post|opening|job) /,
  // The post taken up without "of/as": "Kwame takes up the post on 1 December" (a known contact is no arrival: checked).
  / take up (?:the|his|her|their) (?:new )?(?:post|role|position|seat|job) (?!of |as )/,
  // An appositive with "incoming": "Kwame Mensah, our incoming Group Controller".
  /(?:^|,) (?:our|the|their|your) (?:incoming|newly appoint|newly hire) /,
  / say (?:hi|hello) to /,
  // A newcomer in apposition after "a new <title>": "we have a new Director of Fleet, Chidi Mensah," (the name must follow the comma: checked).
  / (?:a|an) new (?:\S+ ){0,2}?(?:cfo|ceo|cto|coo|cio|cro|ciso|vp|head|director|manager|lead|chief|counsel|controller|officer|admin|analyst)(?: of(?: \S+){1,3})? , /,
];

/** Who takes over, in more constructions: "Fatima acting until further notice", "His tasks makes now Mrs. Ewa", "for reporting ask to Keiko". */
export const SUCCESSOR_SUBJECT_MORE = String.raw` will (?:now )?(?:be )?\S+ (?:\S+ ){0,4}?(?:from here|from now on|from this point|go forward|instead)(?= )| be in as| be \S+ 's (?:suc+es+or|replace?ment)| (?:get|inherit|receive|take) (?:over )?(?:my|his|her|their|all (?:my|his|her|their)) (?:\S+ )?(?:a?c+ounts?|clients?|customers?|portfolio|territory|book|tasks?|work|dut(?:y|ie)s?|responsibilit(?:y|ie)s?|reports?)| act (?:until|as|head|lead|interim|for now|in the meantime|meanwhile|cfo|ceo|cto|coo|cio|director|manager)| sign off (?:on )?| follow (?:your|the|this|our) (?:account|project|relationship|rollout|renewal)| be your (?:man|woman|guy|person|go-to)| hold the fort| keep (?:the|her|his) seat warm| (?:'s|be now) (?:the|our|your) (?:\S+ ){0,3}?(?:person|one|contact|go-to|owner|lead|champion|sponsor|approver|holder|signatory)`;
export const SUCCESSOR_OBJECT_MORE = [
  String.raw` (?:his|her|their|'s) (?:task|duty|dutie|work|job|responsibility|responsibilitie|account)s? (?:now )?(?:make|do|handle|take over|take|cover|be do|be handle|be take over|be cover|be now do|be now handle)(?: now)? `,
  String.raw` for (?:\S+ ){1,4}?(?:please )?(?:ask|contact|ping|email|write to|speak to|talk to|go to|reach out to|turn to) (?:to )?`,
  String.raw`(?:^|,|;|:|\.|-|please|pls) ask (?:to )?`,
  // A remit shared out: "her work has been split between Keiko and Luca" (the first named is told as the successor).
  String.raw` (?:split|divide|share|spread) (?:\S+ )?(?:between|among) `,
  // Who we hear from now: "you'll be hearing from Tomasz from now on".
  String.raw` (?:will|be|will be) (?:hear|hearing) from `,
  String.raw` (?:pass|move|transfer|go|shift|switch) from \S+ (?:\S+ )?to `,
  // The new holder said after the post changed: "our procurement lead changed; it's now Sara Lind".
  String.raw` it be now (?=\S+ (?:\S+ )?[.!;,] )`,
  // Replaced in a post by someone: "was replaced as CFO by Erik Dahl".
  String.raw` (?:replace|succeed) (?:as|in|on) (?:\S+ ){1,4}?by `,
  // The stand-in named as the subject of a copula: "Interim is their CFO Adaeze", "acting lead: Mia".
  String.raw`(?:^|,|;|\.) (?:the )?(?:interim|acting)(?: \S+)? (?:be|=|:) `,
  String.raw` (?:stuff|thing|topic|matter|item|decision|sign-off|approval|question|query|querie)s? (?:\S+ ){0,2}?(?:now )?(?:go|come|fall) to `,
  // A remit moved on, with a longer remit between: "Hamish's responsibilities for carrier onboarding will transfer to Dagny".
  String.raw` (?:his|her|their|'s) (?:responsibility|responsibilitie|task|duty|dutie|account|report|portfolio)s? (?:\S+ ){0,4}?(?:will |will now |now )?(?:transfer|pass|go|move|be reassign|be transfer|be pass|be move|be hand) (?:over )?to `,
].join('|');

/** Checks a hit of the classes above needs beyond the caller's scopes: an organisation that is not the account, a title after "up to". */
export function moreHitHolds(s: Sent, hit: Hit, accountWords: string[]): boolean {
  const line = hit.m[0];
  const t = s.toks;
  if (/ (?:role|job|position|post|offer|seat) (?:at|with) $| be now (?:at|with|work (?:at|for)) $| now work at $/.test(line)) {
    // "the role at Baltic Shipping Group" leaves; "a role with us", "the role at Northwind" does not.
    const org = t[hit.end + 1];
    // "Mia is now at Heathrow for the night", "Raj is now at Leeds depot": a place for a while, not an employer.
    // ...and the employer ends the clause ("is now at Maersk.", "is now with Salesloft as their CRO"), not "with Tomasz in the server room".
    if (/ be now /.test(line) && !(t[hit.end + 2] === undefined || ['.', '!', ';'].includes(t[hit.end + 2].text) || ['as', 'now', 'full-time'].includes(t[hit.end + 2].lower))) return false;
    if (/ be now /.test(line) && t.slice(hit.end + 2).some((x) => /^(?:today|tonight|tomorrow|week|until|for|moment|office|airport|depot|site|conference|station|hotel|warehouse|hub|meeting|event|fair|summit|visit|trip)$/.test(x.lemma))) return false;
    return Boolean(org && org.cap && !accountWords.includes(org.lower) && !['our', 'the', 'us'].includes(org.lower));
  }
  // "see below from our warehouse lead": after "from" + a possessive, "lead" is a noun (the frame wants "from Monday Raj leads").
  if (/^ ?(?:head|lead|run|manage|oversee) $/.test(line)) {
    const from = t.slice(Math.max(0, hit.start - 4), hit.start).findLastIndex((x) => x.lower === 'from');
    const at = Math.max(0, hit.start - 4) + from;
    if (from >= 0 && ['our', 'your', 'their', 'my', 'his', 'her', 'its'].includes(t[at + 1]?.lower ?? '')) return false;
    // Leading a piece of work for a while ("is heading the pilot review for two weeks") is a task, not a post.
    const object = t.slice(hit.end + 1, hit.end + 6);
    const stop = object.findIndex((x) => x.pos === 'PUNCT' || ['for', 'until', 'while', 'so', 'and', 'but'].includes(x.lower));
    if ((stop < 0 ? object : object.slice(0, stop)).some((x) => /^(?:pilot|review|evaluation|meeting|call|sync|standup|workshop|demo|session|qbr|training|test|trial|audit|kickoff|agenda|presentation|webinar|poc)$/.test(x.lemma))) return false;
    if (/ for (?:a|an|the next|two|three|four|\d+|a couple of|a few) (?:\S+ )?(?:day|week|month)s? /.test(lemmaLine(s).line)) return false;
  }
  // Replaced on a list or an invite, not in a post: "was replaced on the invite list by Tomasz".
  if (/ be (?:replace|succeed) (?:as|in|on) /.test(line) && t.slice(hit.start, hit.end).some((x) => /^(?:list|invite|invitation|rota|roster|schedule|agenda|thread|channel|cc|distribution|slide|deck|photo|call|meeting|panel|form)$/.test(x.lemma))) return false;
  // One leaver, not leavers in general ("joiners and leavers get access within a day").
  if (/ leaver $/.test(line)) return t[hit.end]?.lower === 'leaver';
  // A post passed on for a while ("for the duration of Owen's holiday") is cover, not a change.
  if (/ from $/.test(line) && / (?:holiday|vacation|leave|absence|duration|temporarily|while|until|cover|for now|in the meantime|sick) /.test(lemmaLine(s).line)) return false;
  if (/ up to $/.test(line)) return t.slice(hit.end + 1, hit.end + 5).some((x) => TITLE.test(x.lower));
  // Leaving a place of the working day ("I leave the office now") is no departure; leaving it "to join…" or "for good" is.
  if (/ (?:leave|quit) $/.test(line) && /^(?:the |my |our |his |her )?(?:office|building|desk|house|site|premises|depot|warehouse|room)\b(?! (?:to join|for good|for a new))/.test(t.slice(hit.end + 1, hit.end + 6).map((x) => x.lower).join(' '))) return false;
  // An activity quit or left ("quit smoking"), a task one is put in charge of ("in charge of organising the party").
  const next = t[hit.end + 1];
  if (/ (?:leave|quit) $/.test(line) && next && !next.cap && /ing$/.test(next.lower)) return false;
  if (/ (?:in charge of|responsible for|accountable for) $/.test(line) && next && next.pos === 'VERB' && /ing$/.test(next.lower)) return false;
  // "I passed to the finance team your invoice": a thing passed on (its object after the unit), not a person moving.
  if (/^ pass /.test(line) && t.slice(hit.end + 1, hit.end + 3).some((x) => ['your', 'the', 'this', 'that', 'my', 'our', 'it', 'them'].includes(x.lower))) return false;
  // Moved to run a meeting or a piece of work ("moved over to run the QBR") is a task, not a post.
  if (/ (?:move|transfer|shift|second|reassign|rotate|switch) (?:over |across )?to (?:run|lead|head|manage|oversee|look after|build|set up|take charge of) $/.test(line)
    && t.slice(hit.end + 1, hit.end + 5).some((x) => /^(?:meeting|call|qbr|workshop|demo|session|training|review|kickoff|offsite|webinar|presentation|standup|sync|agenda)$/.test(x.lemma))) return false;
  // Staying on with the organisation itself: "not continuing with Northwind / with us / with the company" (not "with the pilot").
  if (/ (?:continue|stay on|stay|remain) (?:on )?(?:with|at) $/.test(line)) {
    const o = t[hit.end + 1];
    return Boolean(o && (o.lower === 'us' || (o.cap && o.pos === 'PROPN') || (['the', 'our'].includes(o.lower) && /^(?:company|business|firm|organisation|organization|group)$/.test(t[hit.end + 2]?.lemma ?? ''))));
  }
  // A desk one sits at ("moving to a new desk on the third floor") is furniture, not the Nordic sales desk.
  if (/ desk /.test(line) && t.some((x) => /^(?:floor|building|window|room|kitchen|corner|seat)$/.test(x.lemma))) return false;
  // Filling a seat in a form or a meeting is no arrival ("fill the seat in the booking form").
  if (/ fill /.test(line)) return !t.slice(hit.end + 1, hit.end + 4).some((x) => ['form', 'sheet', 'field', 'template', 'booking'].includes(x.lemma));
  return true;
}

/** Month and weekday abbreviations ("gets added in Feb"): never a person. */
const SHORT_DATES = /^(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|christmas|xmas|easter|midsummer|thanksgiving|hanukkah|diwali|ramadan|eid)\.?$/i;
/** The head word of an organisation's name ("Sundial Logic", "Corvid Systems"): an organisation, not a person. */
const ORG_HEAD = /^(?:logic|systems?|labs?|group|holdings?|inc|ltd|llc|gmbh|ag|plc|solutions|software|technologies|technology|analytics|ai|partners|consulting|networks?|cloud|data|digital|capital|ventures|media|logistics|freight|shipping|bank|insurance|io)\.?$/i;

const TITLE_HEAD = /^(?:counsel|director|manager|officer|controller|president|head|lead|engineer|analyst|architect|administrator|admin|coordinator|specialist|consultant|executive|secretary|treasurer|accountant|partner)$/i;

/** A function of an organisation written with a capital ("promoted to SVP Revenue"): no person. */
const FUNCTION_WORD = /^(?:revenue|finance|operations|logistics|strategy|compliance|procurement|marketing|sales|security|engineering|analytics|treasury|payroll|infrastructure|transport|warehousing|fulfilment|fulfillment|dispatch|customs)$/i;

/** Spans that are no person: a date abbreviation, or a name ending in an organisation's head word. */
export function notAPerson(n: NameSpan): boolean {
  const ws = n.name.split(' ');
  if (ws.length === 1 && (SHORT_DATES.test(ws[0]) || FUNCTION_WORD.test(ws[0]))) return true;
  // A title written in capitals ("the General Counsel role") ends in its head noun; names do not.
  if (ws.length > 1 && TITLE_HEAD.test(ws[ws.length - 1])) return true;
  return ws.length > 1 && ORG_HEAD.test(ws[ws.length - 1]);
}

/** Chat writes names in lower case: in a sentence with no capitals, an out-of-vocabulary word opening a clause before a verb is a name ("birgit got laid off"). */
export function lowerCaseNames(s: Sent, known: (w: string) => boolean): NameSpan[] {
  const t = s.toks;
  if (t.some((x) => x.cap)) return [];
  const out: NameSpan[] = [];
  t.forEach((x, i) => {
    const opens = i === 0 || t[i - 1].pos === 'PUNCT' || ['and', 'but', 'so'].includes(t[i - 1].lower);
    // Also one handed to at the end of a clause: "security stuff goes to fatima now".
    const handedTo = ['to', 'with', 'ask', 'contact', 'ping', 'cc'].includes(t[i - 1]?.lower ?? '') && (!t[i + 1] || t[i + 1].pos === 'PUNCT' || ['now', 'pls', 'please', 'for', 'from', 'instead'].includes(t[i + 1].lower));
    if (/^\p{Ll}{3,}$/u.test(x.text) && !known(x.lower) && ((opens && ['AUX', 'VERB'].includes(t[i + 1]?.pos ?? '')) || handedTo)) out.push({ name: x.text[0].toUpperCase() + x.text.slice(1), start: i, end: i });
  });
  return out;
}

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

/** A known contact named in the sentence by address (a ticket: "Deprovision user owen.pratt@…: employment ended"), between two tokens. */
export function contactByAddress(s: Sent, contacts: Contact[], from: number, to: number): Contact | undefined {
  const rest = s.toks.slice(Math.max(0, from), to).map((x) => x.text).join(' ');
  for (const m of rest.match(EMAIL) ?? []) {
    const c = contacts.find((x) => x.email.toLowerCase() === m.toLowerCase());
    if (c) return c;
  }
  return undefined;
}


/** A condition opened at token `at` reaches token i only within its clause: "whether anyone told you, but we parted ways" states the parting. */
export function conditionScoped(s: Sent, at: number, i: number): boolean {
  return !s.toks.slice(at + 1, i).some((x, k, xs) => x.text === ';' || (x.lower === 'but' && xs[k - 1]?.text === ','));
}

/** The token to read a subject back from, past a relative clause between it and the verb: "Greta, who championed you, left us" reads from "Greta". */
export function pastRelativeClause(s: Sent, i: number): number {
  const t = s.toks;
  if (t[i - 1]?.text !== ',') return i;
  for (let k = i - 2; k > 0 && k >= i - 12; k -= 1) {
    if (t[k].text === ',' ) return ['who', 'whom', 'whose', 'which'].includes(t[k + 1]?.lower ?? '') ? k : i;
    if (['.', ';', ':'].includes(t[k].text)) return i;
  }
  return i;
}

/** Who takes over, said as the speaker: "talk to me for the pipeline reports", "route finance queries to me", "transferred to my account". */
export function toMe(s: Sent): boolean {
  const line = ` ${s.toks.map((x) => x.lemma).join(' ')} `;
  return / (?:talk|speak|come|write|send|route|direct|forward|address|turn|reach out|transfer|reassign|hand|pass) (?:\S+ ){0,4}?to (?:me|my (?:account|desk|team|inbox|user)) | (?:transfer|reassign|move|hand|pass) (?:over )?(?:the )?(?:ownership|responsibility|account|accounts|remit) (?:\S+ ){0,8}?to me | (?:ask|ping|contact|email|call|cc) me (?:for|about|on|with|from|instead|going|now)? /.test(line);
}

/** Between a name (ending at token `from`) and a verb at `to`: an "and" that opens a second predicate of the same subject ("knows X and will take Y"). */
export function sharedSubjectAnd(s: Sent, from: number, to: number): boolean {
  const t = s.toks;
  const ands = t.slice(from + 1, to).filter((x) => x.lower === 'and');
  if (ands.length !== 1 || to - from > 12) return false;
  const next = t[ands[0].i + 1];
  return Boolean(next && ['AUX', 'VERB'].includes(next.pos)) && !t.slice(from + 1, to).some((x) => ['PRON', 'PROPN'].includes(x.pos) && ['he', 'she', 'they', 'i', 'we', 'you'].includes(x.lower));
}
