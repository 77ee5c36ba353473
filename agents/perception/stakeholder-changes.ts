// People changes, read as frames over lemmas: a PERSON (a name, "I", or "he/she" for the person just
// named) + an event family (departure, internal move, promotion, arrival), not negated, not under a
// condition, not a time-bounded absence ("out on holiday", "leaving early today") and not an event
// about a thing ("leaving comments", "took over the agenda"). Who takes over is read from the
// hand-over frames (X takes over / covers / looks after; handed to X; replaced by X). Our own people
// leaving (the account's owner or CSM) are marked side 'us'. CRM changes and bounces are facts.
import type { Contact } from '../../db/queries/contacts.js';
import type { Signal } from '../signals/schema.js';
import { sentences } from './sentences.js';
import { analyze, inVocabulary, type Sent } from './nlp.js';
import { findAll, first, lemmaLine, nameAfter, nameBefore, nameSpans, negated, conditionBefore, nounPhrase, type Hit, type NameSpan } from './frames.js';
import { contactByName, type Utterance } from './utterances.js';
import { antecedentOf } from './nlp-reference.js';
import { settledLongAgo, keepsRemit, outsideDeal, hearsay, headsUpNoun, thingHandedOn, promotedToThing, leavesEmployer, quitsAThing, inTheSoftware, taskObject, relativeBackground } from './stakeholder-scope.js';
import { HANDOVER_MOVED, HANDOVER_ROLE, JOINS_UNIT, possessorAfter, reportsToSomeoneJustNamed, speakerTakesOver } from './stakeholder-handover.js';
import { forwardedParts, passiveView } from './stakeholder-reading.js';
import { caseBlind, nameWords } from './case-blind.js';
import { ARRIVALS_JOINED, namedInNext } from './stakeholder-arrivals.js';
import { POST_CHANGED, postHolder } from './stakeholder-titles.js';
import { ENDS_LEFT, ENDS_MOVED, endHolds, objectOfFarewell } from './stakeholder-ends.js';
import { LEFT_MORE, MOVED_MORE, ROLE_MORE, JOINED_MORE, SUCCESSOR_OBJECT_MORE, SUCCESSOR_SUBJECT_MORE, moreHitHolds, notAPerson, lowerCaseNames, contactByAddress, conditionScoped, pastRelativeClause, toMe, sharedSubjectAnd } from './stakeholder-frames.js';

type Change = 'left' | 'moved' | 'role_changed' | 'bounced' | 'joined';

export interface PerceivedChange {
  contactEmail?: string; name?: string; change: Change; text: string; side?: 'us';
  successor?: { name?: string; email?: string }; newRole?: string;
}

/** Whoever the text means by a name, the speaker, or a pronoun. */
type Who = { self: true } | { name: string };

// ── The event families (lemmas; every inflection and tense reads the same) ──────────────────────
/** Being employed somewhere: "with us", "at Northwind", "here", "part of", "work for". */
const EMPLOYED = '(?:with|at|here|there|around|part of|employ|on staff|on the payroll|work (?:at|for|here|with|in|there)|in (?:the|our|this|their|your) (?:company|business|organisation|organization|firm))';
/** Places a person works that are not the account: a new employer. */
const EMPLOYER = '(?:company|business|firm|startup|start-up|bank|consultancy|agency|nonprofit|non-profit|charity|competitor|vendor|employer|insurer|retailer|university|school|hospital|fintech|manufacturer|carrier|shop|outfit|scale-up|scaleup|corporate|multinational|law firm|big four|telco|airline|broker|supplier|distributor|forwarder|3pl|insurtech|saas|unicorn|regulator|ministry|government|council|utility|operator|publisher|lab|studio|fund|investor|rival)';
/** A function of an organisation named bare: "no longer in procurement", "moved over to facilities management". */
const FUNCTION = '(?:procurement|purchas(?:e|ing)|finance|accounting|treasury|legal|compliance|marketing|sales?|sales? ops|revops|security|support|engineering|facilities|facility|operations?|ops|it|hr|people|product|customer success|logistics?|partnerships?|strategy)';
/** What a person is moved into: a unit of the organisation or a post (a mere office is a place, not a change). */
const UNIT_OR_POST = '(?:team|group|department|division|unit|role|position|function|org|organisation|organization|business|program|programme|project|side|area|workstream|squad|practice|region|subsidiary|affiliate|entity|parent company)';
const ORG_NOUN = '(?:company|business|organisation|organization|firm|startup|start-up|bank|consultancy|agency|nonprofit|non-profit|competitor|vendor|employer|group|team|job|role|position)';
const LEFT: RegExp[] = [
  / (?:leave|quit|resign|retire|retired|depart|exit) /,
  // "Moved on", "headed off"; moving off something is a migration ("the depot wants to move off spreadsheets").
  / move on | head off /,
  / (?:'s|my|his|her|their|your|be) (?:last|final) (?:day|week) (?!of )/,
  / (?:last|final) (?:day|week) (?:at|with|here) /,
  new RegExp(` no (?:longer|more) (?:be )?${EMPLOYED} `),
  / (?:step|stand) down /,
  / part way /,
  / (?:accept|take) (?:a|an) (?:offer|job|position) /,
  / (?:poach|headhunt)(?:ed)? /,
  / lose \S+ (?:\S+ )?to /,
  / (?:wrap|finish) (?:up )?(?:with us|with the company|here|at \S+|last|on) /,
  / be (?:replace|succeed) by /,
  / (?:have|be|'s) go (?:for good )?/,
  // Said in passing, as the circumstance: "With Greta gone, Raj is your contact".
  /(?<= with (?:\S+ ){1,2})(?:go|depart|leave) (?=, )/,
  // Notice given, in any words: "handed in his notice", "tendered her resignation", "is working his notice".
  / (?:hand|give|put|submit|tender|serve|work|announce) (?:in )?(?:his |her |their |my |its )?(?:notice|resignation|two week 's notice|two weeks' notice) | resignation (?:be )?(?:accept|effective|announce) /,
  // Gone, said with a negation: "isn't with us anymore", "is not at Northwind any longer".
  new RegExp(` (?:not|n't) (?:be )?${EMPLOYED} (?:\\S+ ){0,2}?(?:anymore|any more|any longer|no more) `),
  // Gone to a new employer: "went over to a shipping firm", "moved to Lisbon to work for a fintech", "joining one of the big banks".
  new RegExp(` (?:go|move|head|jump|switch|defect|join|work|start) (?:over |across )?(?:to |for |at |with )?(?:\\S+ (?:to )?(?:work |be )?(?:for |at |with ))?(?:a|an|one of the|another|a rival) (?:\\S+ ){0,3}?${EMPLOYER}s? `),
  / (?:not|n't) be (?:at|with|here) (?:\S+ ){0,2}?(?:after|from|beyond|past) /,
  // The word order of many non-native writers: "is not anymore in our company", "isn't anymore with us".
  new RegExp(` (?:not|n't) (?:be )?(?:anymore|any more|any longer) (?:be )?${EMPLOYED} `),
  // Gone to do a job somewhere else: "went to run customer success at a telco", "left to lead sales for a startup".
  new RegExp(` (?:go|leave|move|head|jump) (?:off |over )?to (?:run|lead|head|work|manage|join|build|start|set up|take over|become|be) (?:\\S+ ){0,4}?(?:at|for|with) (?:a|an|one of the|another) (?:\\S+ ){0,3}?${EMPLOYER}s? `),
  // Leaving by a package or a retirement taken: "took voluntary redundancy", "has taken early retirement", "accepted a severance package".
  / (?:take|accept|opt for|go for) (?:the |a |an )?(?:voluntary |early |\S+ )?(?:redundancy|retirement|severance|buyout|exit package|severance package|redundancy package) /,
  // Out of a post: "Owen's out as IT director".
  / (?:be|'s) out as (?!usual|always|ever|well|normal|per |plan|expect|discuss|agree|a |an |of |soon )/,
  // Away from the organisation itself (the next word is checked: "step away from Northwind", not "from my desk").
  / (?:step|walk|move|break) away from /,
  // Dismissed, also in a ticket's reduced passive ("user Dmitri Volkov terminated 08/11") or with the person as object ("we let Raj go").
  / (?:terminate|terminated|fire|fired|sack|sacked|dismiss|dismissed|let go|offboard|offboarded) | let (?=\S+ (?:\S+ )?go )/,
  // A farewell said to a person: "we said goodbye to Raj on Friday" (a thing bid farewell is no departure: checked by the name after).
  / (?:say|bid|wave) (?:goodbye|farewell|bye) to /,
  // Off to something new, let go, a role cut: "is off to a new adventure", "was let go", "her role was eliminated", "made redundant".
  / be off to (?:a |an |new |another |join |greener |pasture)/,
  / (?:be|get) (?:let go|lay off|laid off|make redundant|made redundant|fire|sack|dismiss) | (?:'s|his|her|their) (?:role|job|position) (?:be |have be |get )?(?:eliminate|cut|make redundant|made redundant) /,
  // Named as an event: "since Greta's departure", "Raj's retirement", "after his exit".
  / (?:'s|his|her) (?:departure|exit|resignation|retirement|leaving|farewell) /,
  // A successor named for someone implies they go: "Greta's successor is Lena Fischer", "his replacement starts Monday".
  / (?:'s|his|her) (?:suc+es+or|replace?ment) (?:be|will be|start|join|, ) /,
  / transition out (?:of )?| (?:'s|his|her) (?:role|position|job|seat) (?:\S+ ){0,4}?(?:have )?(?:be )?(?:fill|take over|backfill) by /,
];
const MOVED: RegExp[] = [
  // A change of team or job said as the swap itself: "switched teams", "changed roles".
  / (?:switch|change|swap) (?:team|role|job|department|group|position|function)s? /,
  // Not involved or not the contact any more: "won't be involved in the tooling any more", "he's not our legal contact anymore".
  / (?:not|n't) (?:go to )?(?:be )?(?:involved?|on|part of|work on|handle|own|run|lead|look after|responsible for|in charge of|(?:the|our|your) (?:\S+ ){0,2}?(?:contact|person|owner|lead|champion|sponsor)) (?:\S+ ){0,5}?(?:anymore|any more|any longer|no more|from here on|from now on|from this point on|(?:go|going|move|moving) forward|henceforth) /,
  // Leading something else from a stated moment: "As of this week Dmitri heads security for the group".
  // (Not after "to": "brought in from DHL to run IT" states a purpose, not who runs what.)
  /(?<= (?:as of|starting|effective|from) (?:\S+ ){1,5}?)(?<! to )(?:head|lead|run|manage|oversee) (?!to |the call|the meeting)/,
  // Handing one's remit over: "I'll be handing the relationship over to Luca", "I'm handing this over to Dmitri as of Monday"; a bare "passing it to procurement" hands on a document.
  / hand over to | (?:hand|pass|transfer) (?:this|it) over to | (?:hand|pass|transfer) (?:over )?(?:everything|things|the (?:\S+ )?(?:account|relationship|rollout|project|programme|program|day-to-day|reins|rein|baton|renewal|remit|portfolio|workstream)|my (?:\S+ )?(?:account|relationship|remit|portfolio|responsibility|work)s?) (?:over )?to /,
  new RegExp(` (?:move|transfer|switch|pull|second|shift|transition)(?:ed)? (?:from (?:the )?\\S+ (?:\\S+ )?)?(?:over |across )?(?:in|on)?to (?:(?:a|an|the|our|another|their) (?:\\S+ ){0,3}${UNIT_OR_POST}|(?:group |corporate |regional |global |central )?(?!it |people |purchase |support |finance (?:the|a|an|our|their|it) )${FUNCTION} )`),
  // Someone moved by the organisation: "The reorg moved Raj into the treasury team" (the one moved follows the verb).
  new RegExp(` (?:move|transfer|shift) (?=\\S+ (?:\\S+ )?(?:over |across )?(?:in|on)?to (?:a|an|the|our|another|their) (?:\\S+ ){0,3}${UNIT_OR_POST})`),
  // Where someone now sits: "Raj now sits in the finance org", "is now part of the platform group".
  new RegExp(` now (?:(?:sit|work|be) )?(?:in|with|under|on|part of) (?:a|an|the|our) (?:\\S+ ){0,3}${UNIT_OR_POST} `),
  // Out of a function: "Mårten's no longer in procurement", "is not on the data team anymore".
  new RegExp(` no longer (?:be )?(?:in|on|part of|with) (?:the |our )?(?:${FUNCTION}|\\S+ ${UNIT_OR_POST}) | (?:not|n't) (?:be )?(?:in|on|part of|with) (?:the |our )?(?:${FUNCTION}|\\S+ ${UNIT_OR_POST}) (?:\\S+ ){0,2}?(?:anymore|any more|any longer) `),
  // A remit gained: "has picked up responsibility for IT operations", "takes on ownership of the data team", "was given the EMEA portfolio".
  / (?:pick up|take on|assume|inherit|be give|get) (?:the |full |overall |sole )?(?:\S+ )?(?:responsibility|responsibilities|ownership|oversight|remit|portfolio) (?:for|of|over) | add (?:\S+ ){1,4}?to (?:his|her|their|my) (?:remit|portfolio|responsibilities|plate) /,
  // A second hat, said with "now also": "he'll now also be your contact for SSO", "now also looks after billing".
  / now also (?:be (?:your|the|our) (?:\S+ )?(?:contact|owner|lead|person)|cover|look after|handle|manage|lead|head|oversee|run|own) /,
  // Off a remit, or the last word on it: "I'm off this account from Friday", "my last email on this account".
  / be off (?:this|the|your|our) (?:\S+ )?(?:account|project|rollout|relationship|program|programme|renewal) | (?:last|final) (?:\S+ ){0,2}?(?:on|with|for) (?:this|the|your) (?:account|relationship|project|rollout) /,
  // Replaced as the speaker: "Raj will be looking after you instead of me", "taking over from me".
  / (?:instead of|in place of|take over from|replace) me /,
  / (?:take|start|accept|get) (?:on )?(?:a|an) (?:new )?(?:internal )?(?:role|position|job) (?:in|within|at our|on) /,
  / (?:take|start) (?:on )?(?:a|an) new (?:internal )?(?:role|position) /,
  / (?:transition|move) (?:in)?to (?:a|an) (?:new|different) role /,
  / no longer (?:be )?(?:involve|involved|responsible|on the|the (?:main )?(?:point of )?contact|own|run|lead|look after) /,
  / (?:be|will) now (?:run|lead|head|manage|own) /,
  / (?:be )?(?:head|heading) up /,
  / now (?:run|lead|head|manage) /,
  / (?:step|move) (?:away|back) from (?:the|this|our) (?:project|account|rollout|program|work|relationship|day-to-day)/,
  / reassign /,
  / now (?:in charge of|responsible for|report (?:in)?to|oversee|look after|handle|own) /,
  / no longer (?:handle|cover|manage|work on|deal with|oversee|support|own|lead|run|look after|be in charge of|be responsible for) /,
  // Taking over from someone: the one named after "from" has changed or gone ("has taken over the portfolio from Greta").
  / take over (?:\S+ ){0,5}?from /,
  // No longer the one to go to: "Raj is no longer the right contact for billing".
  / no longer (?:be )?(?:the|our|your) (?:\S+ ){0,2}?(?:contact|person|owner|lead|champion|sponsor|decision maker|point of contact|director|manager|head|controller|counsel|officer|cfo|ceo|cto|coo|cio|cro|ciso|vp|chief) /,
  // Replacing a person: "Luca has replaced Greta as our admin" (the change is Greta's).
  // Replacing or succeeding a person: "Luca has replaced Greta as our admin", "Sofia will succeed Raj", "from Monday Sofia replaces Raj on your account"
  // (the change is the one named right after the verb: checked; "replaced the printer" names nobody).
  / (?:have )?(?:replace|succeed) (?=\S+ )/,
  // Someone's remit handed on: "Raj's responsibilities will transfer to Sofia", "her accounts are being reassigned to Luca".
  / (?:'s|his|her) (?:responsibilit(?:y|ie)|remit|portfolio|account|duty|dutie|role|territory|book)s? (?:\S+ ){0,3}?(?:transfer|pass|go|move|be hand|be reassign|be transfer|be pass|be move) (?:over )?to /,
];
const ROLE: RegExp[] = [
  / be (?:appoint|name|elevate|make) (?:as |to )?(?:the |our |a |their )?(?:new )?(?:\S+ )?(?:cfo|ceo|cto|coo|cio|cro|ciso|vp|head|director|manager|lead|chief|president|partner|svp|evp|officer|controller|counsel|board) /,
  / (?:be |get )?promote /,
  / new (?:title|job title) /,
  / step (?:up )?into (?:the|a) /,
  // A post taken up: "will take up the role of General Counsel", "assumes the position of CFO", "stepped up as interim COO".
  / (?:take up|take on|assume|accept|move into|step into) (?:the|a|an|his|her|their|my) (?:new )?(?:\S+ )?(?:role|position|post|title|job|seat) (?:of|as) | step up as /,
  // The new title as the predicate: "she's SVP now", "Raj is now head of finance".
  / be (?:now (?:the |our |a )?(?:new )?(?:\S+ )?(?:cfo|ceo|cto|coo|cio|cro|ciso|vp|svp|evp|head|director|chief|president|gm|general manager|partner)|(?:cfo|ceo|cto|coo|cio|cro|ciso|vp|svp|evp|head|director|chief|president|partner) (?:\S+ ){0,3}?now) /,
  // The contraction, the title closing the clause: "heads up, Dana's EVP now" (not "Dana's VP now wants…").
  / 's (?:cfo|ceo|cto|coo|cio|cro|ciso|vp|svp|evp|head|director|chief|president|partner) (?:\S+ ){0,3}?now (?:[.,;!] )?$/,
  // A promotion as a noun: "got a promotion", "Greta's promotion to COO".
  / (?:get|receive|earn|land) (?:a|an|his|her|their|the) (?:\S+ )?promotion | (?:'s|his|her|their) (?:\S+ )?promotion (?:to|as) /,
];
const JOINED: RegExp[] = [
  // An appositive, also opening the sentence: "…, our new CFO", "Our new Head of IT, Lars Berg, …".
  /(?:^|,) (?:our|the|their) new (?:\S+ ){0,2}?(?:cfo|ceo|cto|coo|cio|cro|ciso|vp|head|director|manager|lead|chief|counsel|controller|officer|admin|analyst) /,
  / come (?:on )?(?:board|aboard) | (?:have|get|hire|bring on|bring in|onboard|recruit|appoint|take on) (?:a|an) new (?:\S+ ){0,3}?(?:cfo|ceo|cto|coo|cio|cro|ciso|vp|head|director|manager|lead|chief|champion|contact|owner|buyer|admin|officer|counsel|analyst) /,
  // A start date: "Rosalind starts Monday", "Hugo begins with us on the 3rd".
  / (?:start|begin) (?:with us |here |at \S+ )?(?:on (?:monday|tuesday|wednesday|thursday|friday|the \S+)|next (?:week|month|monday|tuesday|wednesday|thursday|friday)|this (?:week|monday|tuesday|wednesday|thursday|friday)|tomorrow|monday|tuesday|wednesday|thursday|friday|in (?:january|february|march|april|may|june|july|august|september|october|november|december)) /,
  / join (?:us|the team|the company|our team|as|last|this|recently|on) /,
  / (?:welcome|introduce|meet) /,
  // A newcomer named by what they are: "new starter on our team today: Oskar", "Leopold is our newly appointed controller".
  / new (?:starter|joiner|hire|colleague|team member|recruit|arrival) | newly (?:appoint|hire|name|recruit)(?:e?d)? /,
  / (?:be|as) (?:the|our|your) new (?!\S*(?:laptop|office|process|system|tool|policy|phone|workspace|plan|version|release|format|form))/,
  / (?:loop|bring|add|cc) (?:\S+ ){0,2}in /,
  / start (?:on \S+|next \S+|tomorrow|monday|today) as /,
  // Hired by name: "we've recruited Ben Hart to lead…" (the name must follow the verb: checked), "Ben was hired as our controller".
  / (?:hire|recruit|appoint|onboard|bring on) (?=\S+ )| be (?:hire|recruit|bring on|bring in|take on) (?:as|to|in|from) /,
  // Joining the organisation by its name: "Lena joined Northwind this week as VP Operations" (another organisation is a departure).
  / join (?=\S+ (?:\S+ )?(?:as|this|last|recently|in|on|today|yesterday|from) )/,
];
const MONTHS = '(?:january|february|march|april|may|june|july|august|september|october|november|december)';
/** News long past: "left two years ago", "joined us about five years ago and has run security ever since". */
const OLD_NEWS = / (?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many|a few|a couple of) year ago | year back | ever since | long before /;
/** A time-bounded absence, or an event about a meeting or a trip: not a departure. */
const ABSENCE = new RegExp(String.raw` (?:holiday|vacation|pto|sick|sabbatical|secondment|maternity|paternity|parental|dentist|doctor|airport|early|tonight|lunch|offsite|out of (?:the )?office|back (?:on|online|next|from|to|monday|tuesday|wednesday|thursday|friday|tomorrow|tmrw|after|later|soon)|back in(?! (?:${MONTHS}|spring|summer|autumn|fall|winter|\d{4}|the (?:spring|summer|autumn|fall|winter|day|\d{4}s?)))|until(?! then)|for (?:a|an|the|ten|two|five|\d+) (?:minute|hour|day|week|bit|moment)s?|skiing|off (?:this|next|today|tomorrow|for)|(?:the|this|a|our|that) (?:\S+ ){0,2}?(?:call|meeting|session|room|thread|chat|workshop|webinar|demo|conference|summit|offsite|off-site|trade show|expo|fair|course|training|trip|roadshow|site visit|event|retreat|bootcamp)|(?:to |a |for a )visit )`);
/** Things one leaves, moves on to or takes over that are not a job: "left a comment", "moved on to the next phase". */
const THING = /^(?:a|an|the|some|few|his|her|their|my|our|your|it|this|that|these|those)?\s*(?:\S+\s+){0,2}(?:comment|note|feedback|message|voicemail|review|state|decision|field|form|workspace|doc|document|draft|agenda|phase|step|topic|item|question|job|sync|ticket|room|call|meeting|deck|slide|setting|option|spreadsheet|data|export|import|process|intake|page|seat|licen[cs]e|queue|task|project board|channel|group chat|mailing list|distribution list|server)s?\b/i;

/** Hand-over frames: who takes over. */
const SUCCESSOR_SUBJECT = / (?:take over|take care of|fill (?:his|her|their) shoes|be take over|cover|look after|pick (?:\S+ )?up|step (?:in|up)|fill in(?! (?:the|this|that|your|our|a|an|out) )|own|will be your|be your|be now your|be (?:the|our) new|replace|succeed|assume|step into|inherit|lead|handle|manage|oversee|run|carry|act as|take (?:it|this|that|things?|everything|(?:the |our |your )?(?:\S+ )?(?:relationship|account|project|rollout|renewal|programme|program)) (?:from here|forward|on)|be in touch|take (?:the reins?|the helm|the lead|charge|ownership|responsibility|point|on)|be (?:the|our|your) (?:\S+ ){0,3}?(?:person|one|contact|lead|owner|go-to|holder|approver|signatory|sponsor|champion)|be (?:name |appoint |confirm |announce )?(?:as )?(?:his|her|their|the) (?:\S+ )?(?:suc+es+or|replace?ment|backfill|stand-in)|be (?:the |our |now |also )?(?:acting|act|interim)(?! as)|be responsible for|be in charge of|be now in charge of) /;
const SUCCESSOR_OBJECT = new RegExp([
  String.raw` (?:hand|pass|transfer|reassign|give|handover|direct|send|address|forward|route) (?:\S+ ){0,4}?(?:over )?to | in (?:his|her|their) (?:place|stead) (?:, )?(?:we (?:now )?have |we've get |there be |be |come )?| move (?!to |up )(?:\S+ ){1,4}?(?:over )?to | reach out to | (?:deal|work|speak|talk|liaise) with `,
  String.raw` it be (?:now )?(?=\S+ (?:\S+ )?(?:you|who|that) )| it will be (?:now )?|^ (?:\S+ )?over to `,
  // Told where to turn, with words between: "please for security topics write to Fatima", "you can send invoices to Raj".
  String.raw`(?:^|,|;|:|\.|-) (?:contact|email|e-mail|write to|ping|call|message|reach out to|speak to|talk to|turn to) |(?:please|kindly|you can|you should|feel free to|best to) (?:\S+ ){0,5}?(?:contact|email|e-mail|write to|ping|call|message|reach out to|speak to|talk to|go to|turn to) `,
  // The departed's remit going to someone: "his approvals now go to Adaeze", "her accounts pass to Luca", "is being routed to Mia".
  String.raw` (?:his|her|their|'s) (?!(?:go|be|leave|move|now|just|already|off|out|,) )(?:\S+ ){1,3}?(?:be |now |will |will now )?(?:go|pass|fall|move|route|transfer|come|shift|be route|be redirect|be reassign|be pass|be hand|be move) (?:over )?to `,
  // Queries sent to someone: "contract questions should go to his deputy, Inés", "anything commercial now comes to me".
  String.raw` (?:question|request|query|approval|invoice|ticket|issue|matter|escalation|correspondence|anything|everything)s? (?:\S+ ){0,3}?(?:should |will |can |now |must )?(?:go|come|be direct|be route|be send|be forward|be address) (?:to|through) `,
  // Where the remit now sits, and who was asked to take it: "the IT budget now sits with Owen", "the role goes to Raj", "I've asked Mia to cover".
  String.raw` now (?:sit|rest|live|lie|be) with | (?:role|position|job|seat|remit|responsibilit(?:y|ie)|portfolio|account|work|duty|territory|budget|approval|sign-off)s? (?:\S+ ){0,2}?(?:now |will |will now )?(?:go|pass|fall|move|transfer|shift) to | (?:ask|get|have) (?=\S+ (?:\S+ )?to (?:take over|pick up|cover|look after|handle|own|step in|take care of))`,
  String.raw` (?:his|her|their) (?:\S+ ){1,3}?be (?:now )?with | put (?=\S+ (?:\S+ )?in charge )| fall to `,
  String.raw` (?:role|position|job|seat|remit|responsibility|portfolio|account|work|duty|territory|spot|place) (?:\S+ ){0,3}?be (?:being |be )?\S+ (?:up |over )?by `,
  // The new holder named with a copula, an equals sign or a colon (notes): "new exec sponsor = Adaeze", "main contact: Luca".
  String.raw` (?:new |best |right |main )?(?:owner|holder|contact|point of contact|poc|lead|sponsor|champion|person|admin|approver|signatory|decision maker|go-to|suc+es+or|replace?ment) (?:\S+ ){0,4}?(?:be|=|:) `,
  String.raw` (?:copy|cc|loop) (?=\S+ (?:\S+ )?(?:on|in) )|replace by | succeed by | fill by | backfill by | take over by | (?:replace?ment|suc+es+or|backfill|stand-in|cover)(?: be| , | :)? | (?:appoint|hire|name|bring in|promote|loop in|cc|copy in|include) `,
].join('|'));

// (Also the successor named as a noun or as the one brought in: "her replacement, Dana", "we've appointed Marcus", "loop in Luca".)

/** Said to the account about its own new person: "your new CFO", "you've hired", "joins your team". */
const YOUR_ARRIVAL = /\byour new\b|\byou(?:'ve| have) (?:hired|brought|appointed)\b|\b(?:on|to) your (?:side|team|end)\b|\bjoin(?:s|ed|ing)? your\b|\bcongrat/i;
const OUR_ROLE = /\b(our|your)(?: own)? (csm|customer success manager|account (manager|executive|owner|lead)|rep|owner)\b/i;
const SELF = new Set(['i', 'my', 'me', 'myself']);
const THIRD = new Set(['he', 'she', 'his', 'her', 'him']);
const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/g;

/** Said by the account of one of ours: "who replaced Jana on your support team?" (the name right before "on/in/from your … team"). */
function onYourSide(s: Sent, names: NameSpan[], name: string | undefined): boolean {
  const n = name ? names.find((x) => x.name === name || name.startsWith(x.name)) : undefined;
  const t = s.toks;
  return Boolean(n && ['on', 'in', 'from', 'of', 'at'].includes(t[n.end + 1]?.lower ?? '') && t[n.end + 2]?.lower === 'your'
    && t.slice(n.end + 3, n.end + 6).some((x) => /^(?:team|side|company|end|support|staff|crew|org|organisation|organization|squad|desk)$/.test(x.lemma)));
}

/** The known contact a sentence names (by address, full name or a first name only they have). */
export function contactIn(sentence: string, contacts: Contact[]): Contact | undefined {
  const s = sentence.toLowerCase();
  const byEmail = contacts.find((c) => s.includes(c.email.toLowerCase()));
  if (byEmail) return byEmail;
  const full = contacts.find((c) => c.name && s.includes(c.name.toLowerCase()));
  if (full) return full;
  const words = sentence.match(/\b\p{Lu}\p{Ll}{2,}\b/gu) ?? [];
  return words.map((w) => contactByName(w, contacts)).find((c): c is Contact => Boolean(c));
}

const IMPERATIVE = /^(?:contact|email|e-mail|ping|call|ask|message|welcome|meet|cc|loop|say|please|reach|speak|talk)$/;
const UNIT = /^(?:team|office|group|department|division|branch|site|region|hub|unit|org|organisation|organization|business|entity|subsidiary|depot|warehouse|plant|factory|store|facility|campus|lab|hq|terminal|yard)$/;

interface Ctx { contacts: Contact[]; orgNames: string[]; note?: boolean; year: number; /** The account's people, in lower case: names even in a message typed without capitals. */ names: ReadonlySet<string> }

/** Names that are people: not the account, a configured competitor, or a place after "in/at/to". */
function people(s: Sent, ctx: Ctx): NameSpan[] {
  // "Contact Raj from now on", "Ping Mia": an imperative opening the sentence is not part of the name after it.
  const spans = nameSpans(s).map((n) => (n.start === 0 && n.end > 0 && IMPERATIVE.test(s.toks[0].lower) ? { name: n.name.split(' ').slice(1).join(' '), start: 1, end: n.end } : n));
  // A contact's first name opening a sentence is a name even where it is also a word ("Raj steps into…").
  const t0 = s.toks[0];
  if (t0?.cap && !spans.some((n) => n.start === 0) && contactByName(t0.text, ctx.contacts)) spans.unshift({ name: t0.text, start: 0, end: 0 });
  // Chat writes known people in lower case ("greta got promoted"): a contact's first name is a name in any case.
  s.toks.forEach((x, i) => {
    // (A name that is also a word, "dana got promoted", counts where it stands as a subject: no determiner before, a verb after.)
    const subjectLike = !['DET', 'ADJ', 'ADP'].includes(s.toks[i - 1]?.pos ?? '') && ['AUX', 'VERB', 'PART'].includes(s.toks[i + 1]?.pos ?? '');
    if (!x.cap && /^\p{Ll}+$/u.test(x.text) && (x.pos === 'PROPN' || !inVocabulary(x.lower) || subjectLike) && contactByName(x.text, ctx.contacts) && !spans.some((n) => n.start <= i && n.end >= i)) spans.push({ name: x.text[0].toUpperCase() + x.text.slice(1), start: i, end: i });
  });
  for (const n of lowerCaseNames(s, inVocabulary)) if (!spans.some((x) => x.start <= n.start && x.end >= n.start)) spans.push(n);
  spans.sort((a, b) => a.start - b.start);
  return spans.filter((n) => {
    if (notAPerson(n)) return false;
    const lower = n.name.toLowerCase();
    if (ctx.orgNames.some((o) => o && (lower === o || lower.startsWith(`${o} `) || o.startsWith(`${lower} `) || o === lower.split(' ')[0]))) return false;
    // "the Toronto team", "our Singapore office": a unit of the organisation, not a person; "EMEA-related" is no name.
    if (UNIT.test(s.toks[n.end + 1]?.lemma ?? '') || n.name.split(' ').some((w) => !/^\p{Lu}[\p{Ll}'’.]+$/u.test(w))) return false;
    const prev = s.toks[n.start - 1]?.lower;
    // "our client Baltic Haulage", "the carrier Nordfrakt": an organisation, so its hires and exits are not the account's.
    if (prev && /^(?:client|customer|supplier|vendor|partner|carrier|competitor|rival|subcontractor|contractor|shipper|forwarder|broker|agency|insurer|bank|parent|driver|courier|picker|packer|loader|cleaner)s?$/.test(s.toks[n.start - 1].lemma) && !contactByName(n.name, ctx.contacts)) return false;
    // "the new Warsaw hires": a name between a determiner or adjective and a common noun modifies the noun.
    const after = s.toks[n.end + 1];
    // (The light model tags "hires" in "the new Warsaw hires started" a verb: a verb right before another verb is the noun.)
    const modifies = after && !after.cap && (after.pos === 'NOUN' || (after.pos === 'VERB' && ['VERB', 'AUX'].includes(s.toks[n.end + 2]?.pos ?? '')));
    const determined = ['DET', 'ADJ'].includes(s.toks[n.start - 1]?.pos ?? '') || ['new', 'old', 'former'].includes(prev ?? '');
    if (modifies && determined && !contactByName(n.name, ctx.contacts)) return false;
    // "promoted to Group CFO", "our Regional Director": a one-word capital before a title qualifies the title.
    if (n.start === n.end && /^(?:cfo|ceo|cto|coo|cio|cro|ciso|vp|svp|evp|director|head|manager|controller|counsel|officer|lead|chief|president|treasurer)$/.test(s.toks[n.end + 1]?.lower ?? '') && !contactByName(n.name, ctx.contacts)) return false;
    // "Hi Sam, …", "Thanks Mia,": the one addressed, never the one a change is about.
    if (prev && /^(?:hi|hey|hello|dear|thanks|thank|morning|evening|ciao|cheers)$/.test(prev) && n.start <= 2 && (!s.toks[n.end + 1] || [',', '!', ':', '-', '—'].includes(s.toks[n.end + 1].text))) return false;
    const verbBefore = s.toks[n.start - 2]?.pos === 'VERB';
    return !(prev && ['in', 'at', 'join', 'joining', 'joined', 'of', 'about'].includes(prev) && !verbBefore && !contactByName(n.name, ctx.contacts));
  });
}

/** The person a he/she/his/her at token k of sentence si points back to, by the shared resolver: a name that people() reads as a person. */
function personReferent(sents: Sent[], si: number, k: number, ctx: Ctx): string | undefined {
  const spans = new Map<number, NameSpan[]>();
  const peopleIn = (i: number) => { let p = spans.get(i); if (!p) { p = people(sents[i], ctx); spans.set(i, p); } return p; };
  const r = antecedentOf(sents, si, k, {
    people: ctx.contacts.map((c) => c.name ?? '').filter(Boolean),
    reject: (x) => x.kind !== 'person' && x.kind !== 'name' || !peopleIn(x.sent).some((n) => n.start === x.start),
  });
  return r ? peopleIn(r.sent).find((n) => n.start === r.start)?.name : undefined;
}

/** The person an event at token i is about: the nearest name, "I" or "he/she" before it; for "we lost X to…" the name after. */
function subjectOf(s: Sent, hit: Hit, names: NameSpan[], prevName: string | undefined, pronoun?: (k: number) => string | undefined): Who | undefined {
  const t = s.toks;
  // "Tomasz has taken over Owen's role": the change is Owen's.
  const owner = possessorAfter(s, hit, names) ?? objectOfFarewell(s, hit, names);
  if (owner) return { name: owner.name };
  // "Keiko has taken over from Greta", "Luca has replaced Greta": the change is Greta's.
  if (/ (?:take over (?:\S+ ){0,5}?from|replace|succeed) (?!me )/.test(hit.m[0]) && / take over (?:\S+ ){0,5}?from | (?:replace|succeed) $/.test(hit.m[0].endsWith(' ') ? hit.m[0] : `${hit.m[0]} `)) {
    const after = nameAfter(s, hit.end, names);
    // "We replaced Brightwave with you": a substitution of things ("replace X with Y"); people are replaced by someone or as something.
    if (after && s.toks[after.end + 1]?.lower === 'with') return undefined;
    // "We're replacing Gong at the end of the quarter": an organisation replaces a tool; a person replaces a person, or in a post ("as our admin", "on your account").
    let k = hit.start - 1;
    while (k >= 0 && ['be', 'have', 'will', 'would', 'to', 'going', 'plan', 'finally', 'also', 'now', 'soon', 'just'].includes(t[k]!.lemma)) k -= 1;
    const byUs = k >= 0 && ['we', 'i', 'they', 'us', 'team', 'company', 'business', 'organisation', 'organization', 'department'].includes(t[k]!.lower);
    if (after && byUs && !['as', 'on'].includes(t[after.end + 1]?.lower ?? '')) return undefined;
    return after && after.start <= hit.end + 2 ? { name: after.name } : undefined;
  }
  if (/ me $/.test(hit.m[0])) return { self: true };
  // "The reorg moved Raj into…": the one moved follows the verb.
  if (/^ (?:move|transfer|shift) $/.test(hit.m[0])) {
    const moved = names.find((n) => n.start === hit.end + 1 && t[n.end + 1]?.lower !== "'s");
    return moved && /ed$/.test(t[hit.start].lower) ? { name: moved.name } : undefined;
  }
  // "We said goodbye to Raj": the one bid farewell follows; a thing bid farewell ("the old ERP") is nobody.
  if (/ (?:goodbye|farewell|bye) to $/.test(hit.m[0])) {
    const after = nameAfter(s, hit.end, names);
    return after && after.start === hit.end + 1 ? { name: after.name } : undefined;
  }
  if (DISMISS.test(hit.m[0])) return dismissed(s, hit, names);
  // "Greta's successor is Lena": the possessor, named right before "'s" (not "the printer's replacement").
  if (/^ 's (?:suc+es+or|replace?ment) /.test(hit.m[0])) {
    const owner = names.find((n) => n.end === hit.start - 1);
    return owner ? { name: owner.name } : undefined;
  }
  // "The CFO role has passed from Adaeze to Erik": the one the post passed from.
  if (/ (?:pass|move|transfer|go|shift|switch) from $/.test(hit.m[0])) {
    const after = nameAfter(s, hit.end, names);
    return after && after.start === hit.end + 1 ? { name: after.name } : undefined;
  }
  if (/ (?:lose|poach|headhunt|part (?:way|ways|company) with|part with) /.test(hit.m[0]) && t[hit.start - 1]?.lemma !== 'be' && t[hit.start - 1]?.lemma !== 'get') {
    const after = nameAfter(s, hit.start, names);
    if (after && after.start <= Math.max(hit.start + 2, hit.end + 1)) return { name: after.name };
  }
  let relative = false;
  let conjunct = false;
  for (let k = pastRelativeClause(s, hit.start); k >= 0; k -= 1) {
    const w = t[k].lower;
    // "Keiko handed her work to Mia and left": across a conjunction the subject is the first clause's, not its object.
    // ("…, as Luca has moved … and no longer manages": after a subordinator the name is a subject again.)
    const n = names.find((x) => x.end === k && !(conjunct && ['ADP', 'VERB'].includes(t[x.start - 1]?.pos ?? '') && !SUBORDINATOR.has(t[x.start - 1]?.lower ?? '')));
    // "testers from Bramwell start…": a name after "from" is where the subject comes from, not the subject
    // (but "…from Greta, who has retired": a relative clause's subject is the name it hangs on).
    if (n && !relative && t[n.start - 1]?.lower === 'from' && n.start > 1 && t[n.start - 2].pos === 'NOUN') return undefined;
    if (w === 'who' && t[k - 1]?.text === ',') relative = true;
    if (n) return { name: n.name };
    if (SELF.has(w)) return { self: true };
    if (THIRD.has(w)) {
      // In its own sentence the first name before it (the subject it continues: "Tobias handed it to Wen when he left");
      // across sentences the shared resolver (agreement, subject continuity, a few sentences back), then the last name said.
      const earlier = names.find((x) => x.end < k);
      if (earlier) return { name: earlier.name };
      const resolved = pronoun?.(k);
      return resolved ? { name: resolved } : prevName ? { name: prevName } : undefined;
    }
    // (A noun is the subject only right before its verb: "will report to the group CIO and won't be involved" is Owen's.)
    if (['we', 'they', 'you', 'it', 'nobody', 'everyone'].includes(w) || (['user', 'users', 'team', 'group'].includes(w) && ['AUX', 'VERB'].includes(t[k + 1]?.pos ?? ''))) return undefined;
    // "Mateus now reports into finance and is no longer part of…": a conjunct without its own subject shares the first one's.
    if (w === 'and' && k < hit.start && (['AUX', 'VERB', 'ADV'].includes(t[k + 1]?.pos ?? '') || (t[k + 1]?.lower === 'no' && t[k + 2]?.lower === 'longer'))) { conjunct = true; continue; }
    if (['.', ';', ':'].includes(t[k].text) || ['and', 'but', 'so', 'because', 'then'].includes(w)) break;
  }
  // "Handing over to Keiko": the one handed to is the successor; with no subject said, the speaker hands over.
  if (/ (?:hand|pass|transfer) .*to $/.test(hit.m[0])) return hit.start === 0 ? { self: true } : undefined;
  const after = nameAfter(s, hit.start, names);
  if (after && (/ (?:lose|poach|headhunt)/.test(hit.m[0]) || /last|final/.test(hit.m[0]) || after.start <= hit.end + 3)) return { name: after.name };
  return undefined;
}

const SUBORDINATOR = new Set(['as', 'because', 'since', 'while', 'that', 'once', 'when', 'after', 'before', 'if', 'though', 'although']);

const DISMISS = /^ (?:terminate|terminated|fire|fired|sack|sacked|dismiss|dismissed|let go|offboard|offboarded) $|^ let $/;

/** Who was dismissed: the subject of a passive ("was let go", "Raj terminated 08/11" in a ticket), the person object of an
 * active ("they fired Raj", "let Raj go", "offboard Dmitri"); an active verb on a thing ("terminated the contract") is nobody. */
function dismissed(s: Sent, hit: Hit, names: NameSpan[]): Who | undefined {
  const t = s.toks;
  const before = t[hit.start - 1];
  const passive = ['be', 'get'].includes(before?.lemma ?? '');
  const after = nameAfter(s, hit.end, names);
  if (!passive && after && after.start <= hit.end + 1) return { name: after.name };
  const next = t[hit.end + 1];
  if (!passive && /^ let $/.test(hit.m[0])) return undefined;
  // Active with an object that is not a person: "fired off an email", "dismissed the alert".
  if (!passive && next && (['DET', 'NOUN', 'PRON', 'ADP', 'PART'].includes(next.pos) || ['off', 'up'].includes(next.lower))) return undefined;
  const k = passive ? hit.start - 2 : hit.start - 1;
  const subject = names.find((n) => n.end === k || (passive && n.end === k - 1));
  if (subject) return { name: subject.name };
  if (passive && SELF.has(t[k]?.lower ?? '')) return { self: true };
  return undefined;
}

/** Pieces of work one heads up for a while: the head of the object. */
const TASK = /\b(?:pilot|evaluation|review|assessment|trial|test|migration|rollout|workshop|meeting|call|demo|session|poc|rfp|selection|audit|investigation|analysis|exercise|effort|push|launch|kickoff|kick-off|integration|cutover|renewal)s?$/;
/** Kinds of leave that are an absence ("back from paternity leave"); garden leave is a departure and is not here. */
const LEAVE_KIND = /^(?:parental|paternity|maternity|sick|annual|medical|compassionate|bereavement|study|unpaid|adoption|family|shared|long-term|extended|special|carer's|carers)$/;
/** Contemplated, nearly done or hypothetical, not done: "almost quit", "is considering leaving", "he'd quit if we…". */
function unrealised(s: Sent, hit: Hit): boolean {
  const t = s.toks;
  const before = t.slice(Math.max(0, hit.start - 4), hit.start);
  if (before.some((x) => ['almost', 'nearly'].includes(x.lower))) return true;
  if (before.some((x) => ['consider', 'contemplate', 'threaten', 'tempt', 'joke', 'toy', 'weigh', 'mull', 'daydream'].includes(x.lemma))) return true;
  if (before.some((x, k) => ['think', 'talk', 'dream'].includes(x.lemma) && ['about', 'of'].includes(before[k + 1]?.lower ?? ''))) return true;
  // Speculation: "we might lose Tomasz", "Raj could leave".
  if (before.some((x) => ['might', 'could', 'may'].includes(x.lower))) return true;
  // Some day, not a date: "will leave eventually", "sooner or later", "at some point".
  if (/ (?:eventually|someday|some day|one day|sooner or later|at some point) /.test(` ${t.slice(hit.start, hit.end + 6).map((x) => x.lower).join(' ')} `)) return true;
  // A consequent: "would" before the event and a condition anywhere in the sentence, or "would have" (it did not happen).
  const would = before.findIndex((x) => x.lemma === 'would' || x.lower === "'d");
  if (would >= 0 && (before[would + 1]?.lemma === 'have' || t.some((x) => ['if', 'unless', 'otherwise'].includes(x.lower)))) return true;
  return false;
}

/** A condition before token i, but "after the reorg, …" names a time, not a condition ("after your legal signs" is one). */
function condition(s: Sent, i: number): boolean {
  const c = conditionBefore(s, i);
  if (c && !conditionScoped(s, c.at, i)) return false;
  // "looks after you" is a verb, not a clause.
  if (c?.word === 'after' && s.toks[c.at - 1]?.lemma === 'look') return false;
  if (!c || !['after', 'when'].includes(c.word) || s.toks[c.at + 1]?.lower !== 'the') return Boolean(c);
  let k = c.at + 2;
  while (k < i && ['NOUN', 'ADJ', 'PROPN'].includes(s.toks[k].pos)) k += 1;
  // "After the merger Owen will report…": a name after the noun opens the main clause (the scan ran past it).
  const subjectAfterNoun = k - 2 > c.at + 1 && s.toks[k - 1].pos === 'PROPN' && s.toks[k - 1].cap && s.toks[k - 2].pos === 'NOUN' && ['AUX', 'VERB'].includes(s.toks[k]?.pos ?? '');
  return !(subjectAfterNoun || (k > c.at + 2 && (s.toks[k].pos === 'PUNCT' || ['PRON', 'PROPN'].includes(s.toks[k].pos))));
}

/** The lemmas of the event's own clause: "Dmitri has moved on; a contractor is covering until they hire" bounds the cover, not the departure. */
const ownClause = (tail: string) => tail.split(/ (?:;|:|but|so|while|whereas) /)[0]!;

/** Whether the event is about a thing or an absence rather than a person's job. */
function falseEvent(s: Sent, hit: Hit, kind: Change, accountWords: string[] = []): boolean {
  // "joined Northwind as…" needs the organisation's name after the verb ("joined the project last week" is no arrival).
  if (/^ join $/.test(hit.m[0]) && !s.toks[hit.end + 1]?.cap) return true;
  // "exit" departs only as a verb: "is exiting the business", never "the exit provisions", "an exit interview".
  // ("exited NW 3 Nov": a capitalised name after the verb is the organisation left.)
  if (/^ exit $/.test(hit.m[0]) && (s.toks[hit.start].pos !== 'VERB' || s.toks[hit.end + 1]?.pos === 'NOUN' || (s.toks[hit.end + 1]?.pos === 'PROPN' && !s.toks[hit.end + 1].cap) || s.toks[hit.start - 1]?.pos === 'DET')) return true;
  // Heading up a piece of work ("heading up the pilot evaluation this month") is a task, not a post; "now heads up logistics" is a post.
  if (/ (?:head|heading) up $/.test(hit.m[0]) && s.toks[hit.start - 1]?.lower !== 'now' && TASK.test(nounPhrase(s, hit.end + 1)?.text.toLowerCase() ?? '')) return true;
  // "resigned herself to the delay": the reflexive is resignation to a fact.
  if (/ resign $/.test(hit.m[0]) && /^(?:myself|himself|herself|themselves|ourselves|yourself)$/.test(s.toks[hit.end + 1]?.lower ?? '')) return true;
  // "Has Dmitri left?": asked, not told.
  if (s.text.trim().endsWith('?') && ['AUX'].includes(s.toks[0]?.pos ?? '') && ['have', 'be', 'do', 'will'].includes(s.toks[0].lemma)) return true;
  // A frame that carries its own negation ("isn't with us anymore") is read as said.
  // (Also one carried inside it: "Keiko's contract was not renewed", "never came back".)
  if (!/(?:^| )(?:not|n't|never|no more) /.test(hit.m[0]) && (negated(s, hit.start) || negated(s, hit.end))) return true;
  // Quitting or leaving an activity ("quit using the app", "stopped leaving notes") is no departure.
  if (kind === 'left' && / (?:leave|quit|stop) $/.test(hit.m[0].trimEnd() + ' ') && s.toks[hit.end + 1]?.pos === 'VERB' && /ing$/.test(s.toks[hit.end + 1].lower)) return true;
  if (kind === 'left' && quitsAThing(s, hit, accountWords)) return true;
  if (condition(s, hit.start)) return true;
  if (unrealised(s, hit)) return true;
  if (OLD_NEWS.test(lemmaLine(s).line)) return true;
  // "Raj will join the call instead of me": standing in at a meeting.
  if (/ me $/.test(hit.m[0]) && (ABSENCE.test(lemmaLine(s).line) || / (?:sync|standup|stand-up|check-in|catch-up|all-hands|huddle|qbr|review|1:1) /.test(lemmaLine(s).line))) return true;
  // "go" departs only as "gone" ("Rodrigo's gone"), never as "is going to".
  // and "gone" ends its clause: "Rodrigo's gone, …", "she's gone for good", never "I've gone through the DPA".
  if (/ (?:have|be|'s) go /.test(hit.m[0])) {
    const next = s.toks[hit.start + 2];
    if (s.toks[hit.start + 1]?.lower !== 'gone' || (next && next.pos !== 'PUNCT' && !['now', 'already', 'since', 'from', 'last', 'as', 'fyi', 'btw', 'for'].includes(next.lower))) return true;
  }
  if (thingObject(s, hit)) return true;
  // "took over the spreadsheet from Luca": a thing taken over, not someone's post.
  const taken = s.toks.slice(hit.start + 2, hit.end).map((x) => x.text).join(' ');
  if (/ take over (?:\S+ ){1,5}?from $/.test(hit.m[0]) && (THING.test(taken) || /\b(?:report|forecast|minutes|dashboard|invoice|analysis|summary|presentation)s?\b/i.test(taken))) return true;
  const lemma = hit.m[0];
  const rest = s.toks.slice(hit.end + 1).map((x) => x.text).join(' ');
  const tail = ` ${s.toks.slice(hit.start).map((x) => x.lemma).join(' ')} `;
  // Standing in for someone for a while ("while Greta is on leave, Raj will be our main contact") is cover, not a change.
  if (/ (?:contact|person|owner|champion|sponsor|decision maker|point of contact) $/.test(lemma) && / (?:while|during|until|meanwhile|temporarily|in the meantime|for now|for the next|cover|covering|leave|holiday|vacation|out of office|away) /.test(` ${s.toks.map((x) => x.lemma).join(' ')} `)) return true;
  // "on long-term leave", "going on parental leave": an absence, the noun.
  if (kind === 'left' && / leave $/.test(lemma) && !/ garden leave $/.test(lemma) && (s.toks[hit.start].pos === 'NOUN' || LEAVE_KIND.test(s.toks[hit.start - 1]?.lower ?? '') || s.toks.slice(Math.max(0, hit.start - 3), hit.start).some((x) => x.lower === 'on'))) return true;
  // "stepped away from Northwind" leaves the organisation; "from my desk", "from the keyboard" does not.
  if (/ away from $/.test(lemma)) {
    const o = s.toks[hit.end + 1];
    const o2 = s.toks[hit.end + 2];
    if (!o || !(o.cap || o.lower === 'us' || (['the', 'our'].includes(o.lower) && new RegExp(`^${ORG_NOUN}$`).test(o2?.lemma ?? '')))) return true;
  }
  if (kind === 'left' || kind === 'moved') {
    if (/ (?:leave|move on|move|step away|head off|quit) /.test(lemma) && ABSENCE.test(ownClause(tail).slice(0, 80)) && !leavesEmployer(s, hit, accountWords)) return true;
    // "Owen's last day at the conference is tomorrow, he'll be back Thursday": the last day of an event or a trip.
    if (/ (?:last|final) (?:day|week) /.test(lemma) && ABSENCE.test(tail)) return true;
    if (/ (?:last|final) (?:day|week) /.test(lemma) && / (?:last|final) (?:day|week) of (?!(?:my|his|her|their) (?:time|employment|work))/.test(lemma + rest.slice(0, 3).toLowerCase())) return true;
    if (/ (?:leave|quit|move on) /.test(lemma) && THING.test(rest) && !new RegExp(`^\\s*(?:the |our |your )?${ORG_NOUN}`, 'i').test(rest)) return true;
  }
  // "no longer on the call / on this thread": presence in a conversation, not a post.
  if (/ (?:no longer|not|n't) (?:be )?(?:on |in |part of )?(?:\S+ ){0,2}?(?:call|meeting|thread|cc|line|invite|chat|channel|zoom|email|room|list|rota|roster|calendar|loop|slack|teams|group chat)\b/i.test(`${lemma}${rest.toLowerCase()}`)) return true;
  if (/ (?:join|welcome|meet|introduce) /.test(lemma) && /^(?:us )?(?:for |to )?(?:the |a |our |this |that )?(?:\S+ )?(?:call|meeting|session|webinar|demo|thread|channel|chat|workshop)\b/i.test(rest)) return true;
  // "New starters since Tuesday get a 403": newcomers in general, nobody in particular.
  if (kind === 'joined' && / new (?:starter|joiner|hire|colleague|team member|recruit|arrival) /.test(lemma) && s.toks[hit.end].lower !== s.toks[hit.end].lemma) return true;
  // "Is Tomasz joining us today?": a question about a meeting, not an arrival.
  if (kind === 'joined' && (s.text.trim().endsWith('?') || /^(?:us )?(?:today|now|tomorrow|later|this (?:morning|afternoon)|on the call)\b/i.test(rest))) return true;
  if (/ (?:welcome|meet|introduce) /.test(lemma) && !/^(?:aboard |on board )?(?:you (?:all )?)?(?:to )?\p{Lu}/u.test(rest)) return true;
  return false;
}

/** What a person may leave, move on to or be part of: an employer, a unit of one, or a new post. */
const PLACE_HEAD = new RegExp(`^(?:${ORG_NOUN.slice(3, -1)}|${EMPLOYER.slice(3, -1)}|department|division|organisation|organization|unit|office|project|opportunity|challenge|adventure|chapter|pasture|venture|career|gig|post|us|them)s?$`);
const VERB_ON_OBJECT = / (?:leave|quit|retire|retired|resign|depart|exit|promote|move on(?: to| from)?) $/;
/** The verb's object is a thing: "retired the old approval workflow", "promoted our dashboards", "moving on to the second workstream". */
function thingObject(s: Sent, hit: Hit): boolean {
  if (!VERB_ON_OBJECT.test(hit.m[0].trimEnd() + ' ')) return false;
  const t = s.toks;
  if (/ promote /.test(hit.m[0]) && ['be', 'get', 'have'].includes(t[hit.start - 1]?.lemma ?? '')) return false;
  let k = hit.end + 1;
  if (['to', 'from', 'into'].includes(t[k]?.lower ?? '')) {
    if (!/ move on /.test(hit.m[0])) return false;
    k += 1;
  } else if (/ move on /.test(hit.m[0])) return false;
  if (!t[k] || !(t[k].pos === 'DET' || ['our', 'your', 'their', 'his', 'her', 'my', 'its'].includes(t[k].lower))) return false;
  let head: string | undefined;
  // People retire without an object: "retired the legacy VPN" retires a thing, even one with a name.
  const retire = / retire(?:d)? $/.test(hit.m[0]);
  for (; k < t.length && ['DET', 'ADJ', 'NOUN', 'NUM', 'PROPN', 'PRON'].includes(t[k].pos); k += 1) {
    // "retired the old reporting tool last month": the time after the object is not part of it.
    if (k > hit.end + 1 && (['yesterday', 'today'].includes(t[k].lower) || (['last', 'next', 'this', 'every'].includes(t[k].lower) && t[k - 1].pos !== 'DET'
      && /^(?:week|month|year|quarter|monday|tuesday|wednesday|thursday|friday|saturday|sunday|spring|summer|autumn|fall|winter|january|february|march|april|may|june|july|august|september|october|november|december)$/.test(t[k + 1]?.lemma ?? '')))) break;
    if (!retire && (t[k].pos === 'PROPN' || (t[k].cap && k > hit.end + 1))) return false;
    if (t[k].pos === 'NOUN' || t[k].pos === 'PROPN') head = t[k].lemma;
  }
  // "moved on a couple of weeks ago": a time, not an object.
  if (t[k]?.lower === 'ago' || /^(?:week|day|month|year|couple|weekend|morning|afternoon|evening|time|while|quarter|summer|spring|autumn|fall|winter|season|term|semester|january|february|march|april|may|june|july|august|september|october|november|december)$/.test(head ?? '')) return false;
  return head !== undefined && !PLACE_HEAD.test(head);
}

/** Departures read "join <an organisation>" as leaving; "join us / the team / as X" as arriving. */
function joinIsLeaving(s: Sent, hit: Hit, accountWords: string[]): boolean {
  const after = s.toks.slice(hit.end + 1, hit.end + 5).map((x) => x.lower);
  if (!/ join /.test(hit.m[0]) || ['us', 'as', 'our'].includes(after[0] ?? '')) return false;
  if (after[0] === 'the' && ['team', 'company'].includes(after[1] ?? '')) return false;
  const next = s.toks[hit.end + 1];
  if (next && next.cap && !accountWords.includes(next.lower)) return true;
  return /^(?:a|an)$/.test(after[0] ?? '') && new RegExp(`^${ORG_NOUN}$`).test(after.find((w, i) => i > 0 && !/^(?:new|small|big|large|local|fintech|logistics|\w+ish)$/.test(w)) ?? '');
}

/** "I'm covering…", "I'll be taking over…": the speaker takes over. */
function selfSuccessor(s: Sent): boolean {
  return findAll(s, / i (?:be |will |will be |have be |have )?(?:take over|cover|covering|look after|pick up|step in|fill in|own|inherit|be your) /).some((h) => !negated(s, h.start)) || toMe(s) || speakerTakesOver(s);
}

function successorIn(s: Sent, departed: string | undefined, names: NameSpan[], contacts: Contact[] = []): string | undefined {
  const ok = (n?: NameSpan) => n && (!departed || !departed.toLowerCase().includes(n.name.toLowerCase().split(' ')[0])) ? n : undefined;
  for (const h of findAll(s, SUCCESSOR_OBJECT_ALL)) {
    const n = ok(nameAfter(s, h.start, names.filter((x) => x.start > h.start && x.start <= h.end + 4)));
    if (n) return n.name;
    // "Reassign his reports to tomasz.wojcik@…": the one handed to, by address.
    const c = contactByAddress(s, contacts, h.end + 1, h.end + 3);
    if (c?.name && ok({ name: c.name, start: 0, end: 0 })) return c.name;
  }
  for (const h of findAll(s, SUCCESSOR_SUBJECT_ALL)) {
    if (negated(s, h.start) || inNounPhrase(s, h.start) || purposeOfMove(s, h.start)) continue;
    if (/ replace /.test(h.m[0]) && s.toks[h.start - 1]?.lemma === 'be') continue;
    const before = nameBefore(s, h.start, names);
    // "Mia, who some of you met at the kickoff, is taking the reins": the relative clause is no gap.
    const gap = before ? s.toks.slice(before.end + 1, h.start).map((x) => x.lower).join(' ').replace(/^, (?:who|whom|whose|which|our|the|their|your|a|an) [^,]*,/, '').split(' ').filter(Boolean) : [];
    // ("Tomasz knows the estate inside out and will take the reins": a second predicate shares its subject.)
    const sharedAnd = before ? sharedSubjectAnd(s, before.end, h.start) : false;
    if (before && ok(before) && (gap.length <= 5 || sharedAnd) && !gap.some((w) => ['.', ';', 'but', 'when', 'after'].includes(w) || (w === 'and' && !sharedAnd))) return before.name;
    // "…introduced herself; she has taken over from Greta": a he/she subject is the last other person named before it.
    const pro = pronounSubject(s, h.start);
    if (pro !== undefined) {
      const n = [...names].reverse().find((x) => x.end < pro && ok(x));
      if (n) return n.name;
    }
    if (/ (?:be|will be|be now) (?:your|the new) /.test(h.m[0])) {
      const n = ok(nameBefore(s, h.start, names));
      if (n) return n.name;
    }
  }
  return undefined;
}

/** "went on to run the Nordics", "left to lead sales at a bank": what the one who moved does next, not who takes over. */
function purposeOfMove(s: Sent, i: number): boolean {
  const t = s.toks;
  // ("Ama's going to pick that up" is the future, not a purpose.)
  if (t[i - 2]?.lower === 'going' && (t[i - 3]?.lemma === 'be' || ["'s", "'re", "'m"].includes(t[i - 3]?.lower ?? ''))) return false;
  return t[i - 1]?.lower === 'to' && (['on', 'off', 'over', 'across'].includes(t[i - 2]?.lower ?? '') || ['go', 'leave', 'move', 'head', 'transfer', 'shift', 'switch'].includes(t[i - 2]?.lemma ?? ''));
}

/** A verb-like word heading a noun phrase: "their security lead Dmitri", "the account manager" (a title, not who takes over). */
function inNounPhrase(s: Sent, i: number): boolean {
  let k = i - 1;
  while (k >= 0 && ['NOUN', 'ADJ'].includes(s.toks[k].pos)) k -= 1;
  return k < i - 1 && k >= 0 && (s.toks[k].pos === 'DET' || ['their', 'our', 'his', 'her', 'my', 'your', 'its'].includes(s.toks[k].lower));
}

/** The he/she that is the subject of a verb at token i ("she has taken over", "he'll be covering"), if any. */
function pronounSubject(s: Sent, i: number): number | undefined {
  let k = i - 1;
  while (k >= 0 && (['AUX', 'ADV', 'PART'].includes(s.toks[k].pos) || ["'ll", "'s", "'d", 'will'].includes(s.toks[k].lower))) k -= 1;
  return k >= 0 && ['he', 'she'].includes(s.toks[k].lower) ? k : undefined;
}

function newRoleOf(s: Sent, hit: Hit): string | undefined {
  const np = (i: number) => nounPhrase(s, i);
  for (let k = hit.end + 1; k < Math.min(s.toks.length, hit.end + 6); k += 1) {
    const w = s.toks[k].lower;
    if (['to', 'as', 'into', 'at', 'join', 'joining'].includes(w)) {
      const p = np(k + 1);
      if (p && !p.pronoun) return p.text;
    }
  }
  return undefined;
}

function resolve(who: Who, u: Utterance, ctx: Ctx): { contactEmail?: string; name?: string; ours: boolean } {
  if ('self' in who) {
    const c = u.email ? ctx.contacts.find((x) => x.email === u.email) : contactByName(u.speaker, ctx.contacts);
    const email = c?.email ?? u.email;
    const name = c?.name ?? u.speaker;
    return { ...(email ? { contactEmail: email } : {}), ...(name ? { name } : {}), ours: u.side === 'us' };
  }
  const c = contactByName(who.name, ctx.contacts);
  return c ? { contactEmail: c.email, name: c.name ?? who.name, ours: false } : { name: who.name, ours: false };
}

const FAMILIES: Array<[Change, RegExp[]]> = [['role_changed', [...ROLE, ...ROLE_MORE, ...HANDOVER_ROLE]], ['left', [...LEFT, ...LEFT_MORE, ...ENDS_LEFT]], ['moved', [...MOVED, ...MOVED_MORE, ...ENDS_MOVED, ...HANDOVER_MOVED, POST_CHANGED]], ['joined', [...JOINED, ...JOINED_MORE, ...ARRIVALS_JOINED]]];
const SUCCESSOR_SUBJECT_ALL = new RegExp(`${SUCCESSOR_SUBJECT.source}|${SUCCESSOR_SUBJECT_MORE} `);
const SUCCESSOR_OBJECT_ALL = new RegExp(`${SUCCESSOR_OBJECT.source}|${SUCCESSOR_OBJECT_MORE}`);

/** The held-out scopes (stakeholder-scope.ts): settled news, a remit kept, a change outside our deal, hearsay, a thing handed on or promoted. */
function scopedOut(sents: Sent[], si: number, hit: Hit, kind: Change, ctx: Ctx): boolean {
  const s = sents[si];
  if (settledLongAgo(s, ctx.year) || hearsay(s, hit) || headsUpNoun(s, hit) || promotedToThing(s, hit)) return true;
  if (kind !== 'left' && (inTheSoftware(s, hit, kind === 'joined') || taskObject(s, hit))) return true;
  if (kind === 'joined' && relativeBackground(s, hit)) return true;
  if (thingHandedOn(sents, si, hit, ctx.contacts.map((c) => c.name ?? '').filter(Boolean))) return true;
  // A departure from the organisation is a change whatever else is said; a new post, a move or stepping down from a side role is not, when the remit stays or lies outside our deal.
  const fromPost = kind === 'left' && / (?:step|stand) down /.test(hit.m[0]);
  return (kind !== 'left' || fromPost) && (keepsRemit(s, sents[si + 1]) || outsideDeal(s, kind === 'joined'));
}

function changesIn(u: Utterance, ctx: Ctx, accountWords: string[]): PerceivedChange[] {
  const out: PerceivedChange[] = [];
  const sents = analyze(u.text).map((s) => passiveView(caseBlind(s, ctx.names)));
  let prevName: string | undefined;
  for (const [si, s] of sents.entries()) {
    const names = people(s, ctx);
    // Two people may change in one sentence ("he got bumped up to director when Irene went on to run the Nordics"): each is read once.
    const foundHere: PerceivedChange[] = [];
    const add = (c: PerceivedChange) => {
      const known = (n?: string) => n && foundHere.some((f) => samePerson(f, { change: c.change, text: '', name: n }) || (f.successor?.name && samePerson({ change: c.change, text: '', name: f.successor.name }, { change: c.change, text: '', name: n })));
      if (!foundHere.length || (!known(c.name) && !foundHere.some((f) => f.name && c.successor?.name && samePerson(f, { change: c.change, text: '', name: c.successor.name })))) foundHere.push(c);
    };
    for (const [kind0, res] of FAMILIES) {
      for (const re of res) {
        for (const hit of findAll(s, re)) {
          let kind = kind0;
          if (kind === 'joined' && / join /.test(hit.m[0]) && joinIsLeaving(s, hit, accountWords)) kind = 'left';
          if (falseEvent(s, hit, kind, accountWords) || !moreHitHolds(s, hit, accountWords) || !endHolds(s, hit) || reportsToSomeoneJustNamed(s, hit) || scopedOut(sents, si, hit, kind, ctx)) continue;
          kind = internalOrNot(s, hit, kind, accountWords);
          if (kind === 'joined') {
            // A new post whose holder is named in the next sentence ("We have a new Head of IT. His name is Erik Lund.").
            const later = / new /.test(hit.m[0]) && !names.length ? namedInNext(sents[si + 1], sents[si + 1] ? people(sents[si + 1], ctx) : []) : undefined;
            const c = joinedIn(s, hit, names, u, ctx, prevName, (k) => personReferent(sents, si, k, ctx)) ?? (later ? { name: later, change: contactByName(later, ctx.contacts) ? 'role_changed' as const : 'joined' as const, text: s.text } : undefined);
            // Our side introducing someone who is not the account's ("let me introduce Priyanka, our new solutions engineer")
            // is our arrival; a note of ours reports the customer's, and "your new CFO" is theirs.
            if (c && u.side === 'us' && !ctx.note && !(c.name && contactByName(c.name, ctx.contacts)) && !YOUR_ARRIVAL.test(s.text)) c.side = 'us';
            // The account congratulating us on a hire ("Congrats on hiring Halvard") tells of our arrival, not theirs.
            if (c && u.side !== 'us' && /\bcongrat\w*\b[^.!?]*\b(?:on|for) (?:hiring|your|bringing)\b/i.test(s.text)) c.side = 'us';
            if (c) add(c);
            continue;
          }
          // A ticket names the person by address ("Deprovision user owen.pratt@…: employment ended").
          const byAddress = contactByAddress(s, ctx.contacts, 0, hit.start);
          // (Or by the post: "Our Finance Director is leaving" is the contact with that title.)
          const who = POST_CHANGED.test(hit.m[0]) ? postHolder(s, hit, ctx.contacts) : subjectOf(s, hit, names, prevName, (k) => personReferent(sents, si, k, ctx)) ?? (byAddress?.name ? { name: byAddress.name } : undefined) ?? postHolder(s, hit, ctx.contacts);
          const ourRole = OUR_ROLE.test(s.text);
          if (!who && (!ourRole || POST_CHANGED.test(hit.m[0]))) continue;
          const r = who ? resolve(who, u, ctx) : { name: names[0]?.name, ours: true };
          // Joining another unit is a move of someone the account already has; a newcomer's is an arrival, read elsewhere.
          if (JOINS_UNIT.test(hit.m[0]) && !('contactEmail' in r && r.contactEmail)) continue;
          const departed = r.name;
          const self = (x: Sent | undefined) => (x && selfSuccessor(x) && !('self' in (who ?? {})) ? resolve({ self: true }, u, ctx).name : undefined);
          // The successor is often named a sentence or two later ("Bruno handed in his notice. It's been a week. Mia will be covering his work.").
          const later = (x: Sent | undefined) => (x ? successorIn(x, departed, people(x, ctx), ctx.contacts) ?? self(x) : undefined);
          const successorName = successorIn(s, departed, names, ctx.contacts) ?? self(s) ?? later(sents[si + 1]) ?? later(sents[si + 2]);
          const succ = successorName ? contactByName(successorName, ctx.contacts) : undefined;
          const newRole = kind === 'role_changed' || kind === 'moved' ? newRoleOf(s, hit) : undefined;
          add({
            ...(r.contactEmail ? { contactEmail: r.contactEmail } : {}), ...(r.name ? { name: r.name } : {}), change: kind, text: s.text,
            ...(r.ours || (ourRole && !r.contactEmail) || (u.side === 'them' && !r.contactEmail && onYourSide(s, names, departed)) ? { side: 'us' as const } : {}),
            ...(successorName ? { successor: { name: succ?.name ?? successorName, ...(succ ? { email: succ.email } : {}) } } : {}),
            ...(newRole ? { newRole } : {}),
          });
        }
      }
    }
    // One person told of twice ("Pieter doesn't work here anymore. He took a job at a bank.") is one change; a later sentence may name the successor.
    for (const found of foundHere) {
      const same = out.find((c) => samePerson(c, found));
      if (same) { if (!same.successor && found.successor) same.successor = found.successor; } else out.push(found);
    }
    const lastNamed = names[names.length - 1]?.name;
    if (lastNamed) prevName = lastNamed;
  }
  return out;
}

const samePerson = (a: PerceivedChange, b: PerceivedChange) => (a.contactEmail && a.contactEmail === b.contactEmail)
  || (!!a.name && !!b.name && a.name.split(' ')[0].toLowerCase() === b.name.split(' ')[0].toLowerCase());

/** No longer part of a team or project is a move inside the account; a new role at another organisation is a departure. */
function internalOrNot(s: Sent, hit: Hit, kind: Change, accountWords: string[]): Change {
  const after = s.toks.slice(hit.end + 1, hit.end + 7);
  const stop = after.findIndex((x) => x.pos === 'PUNCT' || x.pos === 'CCONJ');
  const np = stop < 0 ? after : after.slice(0, stop);
  if (kind === 'left' && / (?:part of|on) $/.test(hit.m[0]) && np.some((x) => /^(?:team|group|department|division|project|programme|program|workstream|squad|account|committee)$/.test(x.lemma))) return 'moved';
  if (kind === 'moved') {
    const at = np.findIndex((x) => ['at', 'with', 'for'].includes(x.lower));
    const org = at >= 0 ? np[at + 1] : undefined;
    if (org && ((org.cap && !accountWords.includes(org.lower) && !['our', 'the'].includes(org.lower)) || new RegExp(`^${EMPLOYER}$`).test(org.lemma))) return 'left';
  }
  return kind;
}

/** Someone new: a name after "welcome/introduce/loop in", or before "joined/is taking over", an address, or the speaker ("I'm the new…"). */
function joinedIn(s: Sent, hit: Hit, names: NameSpan[], u: Utterance, ctx: Ctx, prevName?: string, pronoun?: (k: number) => string | undefined): PerceivedChange | undefined {
  const known = new Set(ctx.contacts.map((c) => c.email.toLowerCase()));
  const email = (s.text.match(EMAIL) ?? []).map((e) => e.toLowerCase()).find((e) => !known.has(e));
  const lemma = hit.m[0];
  let name: string | undefined;
  if (/ (?:welcome|introduce|meet|loop|bring|add|cc) /.test(lemma)) name = nameAfter(s, hit.start, names)?.name;
  // "…mentioned a new Director of Fleet, Chidi Mensah, started…": the name in apposition right after the comma.
  else if (/^ (?:a|an) new /.test(lemma)) {
    const n = nameAfter(s, hit.end, names);
    if (!n || n.start !== hit.end + 1) return undefined;
    name = n.name;
  }
  else if (/^ (?:hire|recruit|appoint|onboard|bring on) $/.test(lemma)) {
    const n = nameAfter(s, hit.end, names);
    if (!n || n.start !== hit.end + 1) return undefined;
    name = n.name;
  }
  else {
    // ("Please add Yusuf Demir. He joined us last month": the he/she of a second sentence is the one named before.)
    const who = subjectOf(s, hit, names, prevName, pronoun);
    if (who && 'self' in who) {
      const r = resolve(who, u, ctx);
      const newRole = newRoleOf(s, hit);
      // A contact of the account saying "I'm the new head of…" has a new post, not a new seat.
      const change = r.contactEmail && ctx.contacts.some((c) => c.email === r.contactEmail) && / new /.test(lemma) && !/ join /.test(lemma) ? 'role_changed' : 'joined';
      return { ...(r.contactEmail ? { contactEmail: r.contactEmail } : {}), ...(r.name ? { name: r.name } : {}), change, text: s.text, ...(newRole ? { newRole } : {}) };
    }
    name = who?.name ?? nameAfter(s, hit.start, names)?.name;
  }
  if (!name && !email) return undefined;
  const contact = name ? contactByName(name, ctx.contacts) : undefined;
  if (contact && !/ (?:join|new) /.test(lemma)) return undefined;
  // A contact already known who "is our new CTO" has a new post, not a new seat at the table.
  const change = contact && / new /.test(lemma) && !/ join /.test(lemma) ? 'role_changed' : 'joined';
  return { ...(email ? { contactEmail: email } : {}), ...(contact ? { contactEmail: contact.email, name: contact.name ?? name } : name ? { name } : {}), change, text: s.text };
}

/** "X is taking over the rollout" with nobody said to leave: X arrives. */
function takingOver(u: Utterance, ctx: Ctx, already: PerceivedChange[]): PerceivedChange[] {
  const out: PerceivedChange[] = [];
  for (const s of analyze(u.text).map((s) => passiveView(caseBlind(s, ctx.names)))) {
    if (already.some((c) => c.text === s.text)) continue;
    const h = first(s, / (?:will be|be|will) take over /);
    if (!h || negated(s, h.start)) continue;
    const rest = s.toks.slice(h.end + 1).map((x) => x.text).join(' ');
    if (THING.test(rest) && !/rollout|account|relationship|project|program|procurement|renewal/i.test(rest)) continue;
    const before = nameBefore(s, h.start, people(s, ctx));
    if (before && !contactByName(before.name, ctx.contacts)) out.push({ name: before.name, change: 'joined', text: s.text });
  }
  return out;
}

function bounceChanges(signal: Extract<Signal, { kind: 'email' }>, contacts: Contact[]): PerceivedChange[] {
  const c = contactIn(signal.text, contacts);
  const text = sentences(signal.text).find((s) => c && s.toLowerCase().includes(c.email)) ?? sentences(signal.text)[0] ?? signal.subject;
  return c ? [{ contactEmail: c.email, name: c.name ?? undefined, change: 'bounced', text }] : [];
}

export interface StakeholderOptions { accountName?: string; competitors?: string[] }

export function findStakeholderChanges(signal: Signal, parts: Utterance[], contacts: Contact[], opts: StakeholderOptions = {}): PerceivedChange[] {
  if (signal.kind === 'email' && signal.auto === 'bounce') return bounceChanges(signal, contacts);
  if (signal.kind === 'crm' && (signal.change === 'contact_left' || signal.change === 'contact_role') && signal.contactEmail) {
    const c = contacts.find((x) => x.email === signal.contactEmail);
    return [{
      contactEmail: signal.contactEmail, ...(c?.name ? { name: c.name } : {}),
      change: signal.change === 'contact_left' ? 'left' : 'role_changed',
      text: signal.text ?? `${signal.change}: ${signal.from ?? '—'} → ${signal.to ?? '—'}`,
    }];
  }
  const accountWords = (opts.accountName ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const year = new Date(signal.occurredAt).getUTCFullYear() || new Date().getUTCFullYear();
  const names = nameWords(contacts);
  const ctx: Ctx = { contacts, year, note: signal.kind === 'note', orgNames: [...accountWords, (opts.accountName ?? '').toLowerCase(), ...(opts.competitors ?? []).map((x) => x.toLowerCase())], names };
  const out: PerceivedChange[] = [];
  // A change quotes its sentence as the frames read it, recased when typed all in lower case: this maps it back as typed.
  const typed = new Map<string, string>();
  for (const u of parts.flatMap((p) => forwardedParts(p, contacts))) {
    for (const s of analyze(u.text)) typed.set(caseBlind(s, names).text, s.text);
    const found = changesIn(u, ctx, accountWords);
    out.push(...found, ...takingOver(u, ctx, found));
  }
  // The one who takes over from someone is told as that change's successor, not as a change of their own; quotes as typed.
  return out.map((c) => ({ ...c, text: typed.get(c.text) ?? c.text })).filter((c) => c.change === 'left' || !out.some((d) => d !== c && d.successor?.name && samePerson({ change: c.change, text: '', name: d.successor.name, ...(d.successor.email ? { contactEmail: d.successor.email } : {}) }, c)));
}
