// Remits changing hands, said from the side of the post rather than the person (issue 15, held-out
// recall): a post or a function handed to someone ("hands the CFO role to Raj", "handing over
// procurement to his deputy"), someone stepping into another's post ("has taken over Owen's role",
// "stepping into Greta's shoes": the possessor is the one who changed), a new title to come ("will be
// Finance VP from January", "becomes CFO"), a known contact joining another unit, a move to head
// office or the parent, and the speaker as the one taking over ("it's me now", "I've been asked to act
// as…", "the approval now sits with me").
import type { Sent } from './nlp.js';
import { findAll, negated, type Hit, type NameSpan } from './frames.js';

const TITLE = '(?:cfo|ceo|cto|coo|cio|cro|ciso|cpo|vp|svp|evp|head|director|chief|president|gm|general manager|controller|counsel|treasurer)';
/** What a post is called when it is handed on. */
const POST = '(?:role|position|post|job|seat|duty|responsibility|title|function|remit|portfolio|brief|desk|territory|budget|sign-off|approval)s?';
/** A function of the organisation handed over bare: "handing over procurement to Sara". */
const FUNCTION = '(?:procurement|purchasing|finance|accounting|treasury|legal|compliance|marketing|sales|security|infosec|engineering|facilities|operations|ops|hr|payroll|logistics|dispatch|it)';

export const HANDOVER_MOVED: RegExp[] = [
  new RegExp(` (?:hand|pass|give|transfer) (?:over )?(?:the |his |her |their |my |our )?(?:\\S+ ){0,2}?${POST} (?:over )?to | hand (?:over )?${FUNCTION} (?:over )?to `),
  // Into another's post: the one whose post it was is named after the verb, with "'s" (checked by the caller: possessorAfter).
  / (?:take over|step into|fill|inherit|take on|assume|pick up) (?=\S+ (?:\S+ )?'s (?:\S+ )?(?:role|job|position|post|shoe|seat|duty|responsibility|remit|portfolio|account|territory|book|desk)s? )/,
  // A known contact joining another unit (checked by the caller: a contact, not a newcomer).
  / join (?:the|our) (?!(?:project|pilot|steering|working|implementation|rollout|evaluation|selection|review|tiger|war|call) )(?:\S+ ){1,2}?(?:team|department|division|group|unit|org|function|office|business|subsidiary) /,
  // A part of the business given to someone: "has been given the EMEA region".
  / be give (?:the |a |an )?(?:\S+ ){0,2}?(?:region|territory|market|patch|division|department|business unit|p&l)s? /,
  / (?:move|transfer|second|relocate|reassign) (?:\S+ly )?(?:over |across )?to (?:head office|hq|headquarters|(?:the |our )?parent(?: company| group)?) /,
];

export const HANDOVER_ROLE: RegExp[] = [
  new RegExp(` will be (?:the |our |their |a |an )?(?:new )?(?:\\S+ ){0,3}?${TITLE}(?: of(?: \\S+){1,3})? (?:from|as of|starting|effective|in|next|once|after|when) | become (?:the |our |their |a |an )?(?:new |next )?(?:\\S+ ){0,3}?${TITLE} `),
];

/** A frame whose subject is the person joining another unit: only a known contact moves; a newcomer arrives. */
export const JOINS_UNIT = / join (?:the|our) /;

/** "took over Owen's role": the possessor named right after the verb. */
export function possessorAfter(s: Sent, hit: Hit, names: NameSpan[]): NameSpan | undefined {
  if (!/(?:take over|step into|fill|inherit|take on|assume|pick up) $/.test(hit.m[0])) return undefined;
  return names.find((n) => n.start === hit.end + 1 && s.toks[n.end + 1]?.lower === "'s");
}

/** The speaker as the one taking over: "so it's me now for everything IT", "I've been asked to act as finance lead", "now sits with me". */
export function speakerTakesOver(s: Sent): boolean {
  return findAll(s, / it be (?:now |just |all )?me (?:now|for|from)| i (?:have be |be |will |will be )?(?:ask to )?act (?:as|for) | now (?:sit|rest|lie|be) with me /).some((h) => !negated(s, h.start));
}

/** "…she started on Monday, and Tomasz now reports to her": a reporting line to someone just told of is that person's change. */
export function reportsToSomeoneJustNamed(s: Sent, hit: Hit): boolean {
  return / report (?:in)?to $/.test(hit.m[0]) && ['her', 'him', 'them'].includes(s.toks[hit.end + 1]?.lower ?? '');
}
