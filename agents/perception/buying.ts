// Buying intent, read as frames over lemmas: readiness to sign or proceed, asking for the paperwork
// (contract, order form, quote, invoice, PO), approval of the spend, signing or having signed the
// agreement, wanting to buy or upgrade a plan, locking in a renewal, choosing us. Not negated, not on
// hold or cut, not a sign-in or a webinar sign-up, not a fault in a purchase order. Engagement events
// (a proposal view, a pricing-page visit) are intent on their own.
import type { Signal } from '../signals/schema.js';
import { analyze, type Sent } from './nlp.js';
import { conditionBefore, findAll, lemmaLine, negated, type Hit } from './frames.js';
import type { Utterance } from './utterances.js';
import { ONBOARDING, PLAIN_STEPS, STAGES, asked, beforeOurStep, historical, notOurDeal, otherPurchase, stalled } from './buying-stages.js';
import { ACTS, nothingLeft } from './buying-acts.js';
import { dealVerdicts, forOurs, namesDeal, othersGoods } from './buying-subject.js';
import { MOVES, PAPERWORK } from './buying-paperwork.js';
import { AGAINST_US, duty, needAsked, othersReady, skill, wishTakenBack } from './buying-duty.js';
import { SPOKEN } from './buying-spoken.js';
import { lookup } from '../lookup.js';

export interface BuyingCue { text: string }

// An NDA belongs to an evaluation, not a purchase; a quote or proposal asked for is still an evaluation.
const CLOSING_WORDS = 'contract|order form|order|paperwork|msa|agreement|invoice|po|purchase order|docusign|renewal|dpa|sow|supplier form|vendor form|w-9|w9|addendum|amendment|signature page';
const PAPER_WORDS = `${CLOSING_WORDS}|quote|quotation|proposal`;
const PAPER = `(?:${PAPER_WORDS})`;
const CLOSING = `(?:${CLOSING_WORDS})`;
/** The acts that close a purchase, in any tense: "sign", "countersign", "execute", "finalise the order". */
const CLOSE = '(?:upgrade|renew|sign|countersign|e-sign|execute|proceed|buy|purchase|commit|order|place|finalise|finalize|close|complete|contract|onboard|subscribe|pay)';
const FRAMES: RegExp[] = [
  new RegExp(` (?:ready|decide|prepared|in a position|agree) (?:\\S+ )?to (?:${CLOSE}|move forward|go ahead|get start|get go|go|roll|kick off|start)`),
  // Glad to close, not merely to start using it: "happy to proceed", "keen to sign".
  new RegExp(` (?:happy|keen|glad|willing|eager) (?:\\S+ |for (?:us|me|you|them) )?to (?:${CLOSE}|move forward|go ahead) `),
  // Readiness said as an idiom: "we're good to go", "count us in", "let's get this done", "let's make it happen".
  / (?:good|clear|all set) to go | count (?:us|me) in | (?:let 's|let us) (?:finalise|finalize|close|sign|proceed|go ahead|wrap (?:this|it) up)(?: |$)| (?:let 's|let us) (?:get (?:this|it|the deal|things) (?:do|done|sign|over the line|across the line|wrap up)|make (?:it|this) happen|do (?:this|it)) | we (?:have|have get) a deal | it be a deal | over the (?:finish )?line /,
  // Bringing the deal to a close: "finalise the agreement", "wrap up the paperwork", "agreed to the three-year deal".
  new RegExp(` (?:finalise|finalize|close|wrap up|complete|conclude|agree to|agree on) (?:the |our |your |this |a )?(?:\\S+ ){0,2}?(?:${PAPER_WORDS}|deal|term|terms|pricing|offer|purchase|order|proposal) `),
  // Accepting what we offered ("accept your proposal", "accept the revised terms"), not "accepted an offer at a startup".
  new RegExp(` accept (?:the |our |your |this |these |a |an )(?:\\S+ ){0,2}?(?:(?:${PAPER_WORDS}|deal|term|terms|pricing|proposal|counter|counter-proposal|counterproposal|counter-offer|counteroffer) |offer(?= (?!at |from |with |to join )))`),
  // Choosing us: "you're our preferred vendor", "we've selected you", "you won the evaluation".
  / (?:prefer|preferred|chosen|selected|winning) (?:vendor|supplier|partner|provider|option|solution) | (?:you|your (?:team|proposal|bid|offer)) (?:have )?(?:win|won|be the winner|come out on top|come out ahead) /,
  / (?:move|go) (?:forward|ahead) (?:with|on)? /,
  / (?:let 's|let us) (?:sign|proceed|(?:move|go|get) (?:forward|ahead|start))/,
  / sign (?:it |this |the \S+ )?(?:(?:on|by|next|this|before) (?:monday|tuesday|wednesday|thursday|friday|week|month|the \d)|tomorrow|today|tonight)/,
  // Where or how the money goes: "where do I send the deposit?".
  / where (?:do|should|can) (?:we|i) (?:send|wire|transfer|pay) (?:the )?(?:deposit|payment|money|fund|funds|wire|remittance|first payment) /,
  // The paperwork is all that is left: "we just need the final paperwork", "where do we sign?".
  new RegExp(`(?:^ | we | i | just | only )(?:will |would |'d |be go to )?(?:just |only |now |still )?(?:need|want) (?:the |your )?(?:final |signed |formal )?${PAPER} | where (?:do|should|can) (?:we|i) sign | (?:happy|fine|ok|okay|good) with the (?:terms|pricing|price|proposal|quote|contract|offer|numbers) `),
  // Choosing an edition: "we'll take the premium package", "book us in for the annual plan", "add the analytics module to our subscription".
  / (?:take|go for|opt for|choose|pick|select|(?:let 's|let us) do|book (?:us|me) (?:in )?for|sign (?:us|me) up for|put (?:us|me) down for) (?:the |a |an )?(?:\S+ ){0,2}?(?:plan|tier|package|bundle|edition|subscription|licen[cs]e|add-on|module|option) | add (?:the |a |an )?(?:\S+ ){0,2}?(?:module|add-on|package|tier|feature) to (?:our|the) (?:subscription|plan|contract|account|order|licen[cs]e) /,
  // Approval of the purchase as a noun: "got the green light from legal" (with a purchase in the sentence).
  new RegExp(` (?:get|have|give|receive|grant) (?:the |a |our |us the |us a )?(?:green light|go-ahead|go ahead|sign-off|nod|thumbs up)(?= .*(?:${PAPER_WORDS}|purchase|buy|deal|seat|plan|licen|budget|spend|finalise|finalize|sign|proceed)| .*let 's)`),
  // Their own signing as the condition: "how soon can we get started once we sign?".
  / (?:once|when|after|as soon as) (?:we|i) (?:sign|countersign|pay|place the order) /,
  // ...or as a plan with a date: "when can you start if we sign this week?".
  / if (?:we|i) (?:sign|countersign|commit|place the order|go ahead|proceed|buy|purchase|order) (?:\S+ )?(?:this|today|tomorrow|by|before|next|on|now) /,
  new RegExp(` (?:sign|signed|countersign|countersigned|execute|executed) (?:\\S+ ){0,2}?(?:the |our |your |this |that )?${PAPER} `),
  new RegExp(` ${PAPER} (?:\\S+ ){0,3}?(?:sign|signed|countersign|countersigned|for signature|to sign) `),
  new RegExp(` (?:want|would like|like|keen|ready|need|plan|planning|intend|decide|looking) to (?:buy|purchase|upgrade|order|add|renew|sign|subscribe|go ahead|proceed|move forward|move ahead) `),
  new RegExp(` how (?:do|can) (?:we|i) (?:buy|purchase|upgrade|order|sign|pay|subscribe|add) `),
  new RegExp(` (?:process|book|place|raise) (?:the |an |a |our )?(?:upgrade|order|purchase order|po|renewal|expansion)`),
  / (?:lock in|commit to|be commit to) (?:the )?(?:renewal|platform|contract|price|you|pricing|deal) /,
  / (?:pick|choose|select|go with|decide on) (?:you|your) | decision and it be you | (?:you be|it be you) (?:our|the) (?:choice|pick) /,
  / next step to (?:sign|purchase|buy|get start) | fastest way to get start | who (?:do we|should|do i) sign | who sign on your side /,
  / po number be | invoice us /,
  // Closing said in the future tense by the account: "we'll be renewing", "we're going to sign next week".
  / (?:we|i) (?:will|be go to|be gonna) (?:\S+ )?(?:be )?(?:sign|countersign|renew|purchase|buy|subscribe) /,
  // The same in the progressive ("we're renewing"), and the deal said done or joined ("the deal is done from our side",
  // "we're in for the three-year term", "consider us signed up for the Growth plan").
  / we be (?:\S+ )?(?:renew|sign|purchase|buy|upgrade|subscribe)(?: [.!,]| $| for | with you| the (?:renewal|contract|order form|agreement|msa)| $)| (?:deal|contract|agreement) be (?:do|done|close|agree|sign) | need (?:your |the |\S+ 's |her |his |their )?(?:countersignature|signature|counter-signature|sign-off) | (?:we be|count us|i be) in for (?:the |a )?(?:\S+ ){0,2}?(?:term|plan|tier|year|deal|package|edition) | sign up for (?:the |a |our )?(?:\S+ )?(?:plan|tier|edition|package|subscription|licen[cs]e|term) | get yourself a (?:new )?customer | get the ball roll (?:on|with) (?:the |our )?(?:contract|deal|paperwork|purchase|order|renewal|upgrade) /,
  // Taking it to the one who signs: "I'm taking it to Adaeze for sign-off tomorrow".
  / (?:take|bring|send|route|pass|forward) (?:it|this|that|the \S+) (?:\S+ ){0,3}?for (?:her |his |their |final |formal )?(?:sign-off|sign off|approval|signature) /,
  // ...or put before the signer: "I'll get it in front of Ama this week".
  / (?:get|put|bring|place) (?:it|this|that|the \S+) (?:in front of|before) (?:our |the )?(?:\S+ )?(?:cfo|ceo|coo|board|committee|signatory|[a-z]+) (?:this|today|tomorrow|next|by|on|for|before|[.!,]|$)/,
  / pricing for \S+ (?:seat|licen[cs]e|user) /,
];
// Not buying: a purchase stalled or frozen, a fault in the paperwork, a sign-in, a purchase long done.
const VETO = / (?:take (?:\S+ ){0,4}?(?:off|out|away)|remove|reduce|downgrade|cancel|hold off|on hold|on ice|pause|put off|postpone|freeze|frozen|shelve|halt|(?:budget|spend|funding) (?:\S+ ){0,2}?cut|cut (?:\S+ ){0,2}?(?:budget|spend|funding)|off the table|no budget|not (?:yet )?ready|wrong|incorrect|missing|duplicate|sign up|sign-up|signup|sign in|sign-in|log in|travel|conference|webinar|event|offsite|template|just curious|year ago|years ago|regret|not sync|n't sync|reissue|reissued|resend|resent|for (?:our |my )?(?:record|records|audit|auditor|auditors|file|files)|zero out|zero) /;

/** Signing up for an edition is buying; signing up for a webinar or an account is not. */
const PLAN_SIGN_UP = / sign up for (?:the |a |our )?(?:\S+ )?(?:plan|tier|edition|package|subscription|licen[cs]e|term) /;

/** Paperwork named as a topic, not asked for: "contract questions", "the quote template". */
const PAPER_TOPIC = / (?:contract|order form|invoice|quote|agreement|msa) (?:question|issue|query|queries|template|comment|problem)s? | (?:contract|order form|quote|agreement|msa) detail /;

/** What expansion adds: people and their seats. */
const CAPACITY = / (?:seat|licen[cs]e|licence|user|team|people|staff|account|workspace|office|department|group|hire|member|employee|head|login)s? /;
/** Paperwork with someone else: "we signed the contract with our new logistics partner". */
const WITH_OTHERS = / (?:with|from) (?:our |a |an |the |their )?(?:new |old |current |previous |other |usual )?(?:\S+ )?(?:partner|vendor|supplier|provider|landlord|agency|contractor|customer|client|bank|insurer|carrier|forwarder|firm|broker|distributor|consultancy|consultant|reseller|integrator|courier|haulier)s? /;

/** Signing with a named party that is not us: "we signed with Clari in the end". */
function signedWithOthers(s: Sent): boolean {
  return s.toks.some((t, k) => {
    if (t.lower !== 'with' || !s.toks.slice(Math.max(0, k - 4), k).some((v) => SIDE_TAKING.has(v.lemma))) return false;
    const party = s.toks.slice(k + 1).find((v) => v.pos !== 'DET');
    return party !== undefined && !['you', 'us', 'your', 'our', 'u'].includes(party.lower) && (party.pos === 'PROPN' || party.cap);
  });
}
/** Verbs whose "with" names the other side of the deal: "signed the renewal with Salesforce", "went with Clari". */
const SIDE_TAKING = new Set(['sign', 'go', 'choose', 'pick', 'select', 'renew', 'partner', 'stay', 'contract', 'agreement', 'deal', 'partnership', 'msa']);

/**
 * A quote or proposal to buy from, not one to look at: "a formal quote", "a quote for 120 seats",
 * "the final proposal so we can raise the PO" (a revised quote is still a negotiation).
 */
const FIRM_OFFER = / (?:formal|final|official|signed|binding) (?:quote|quotation|proposal) | (?:quote|quotation|proposal) for (?:the |a |an |our |\S*\d\S* )?(?:\S+ )?(?:seat|licen[cs]e|user|plan|tier|upgrade|renewal|package|add-on|module|subscription|year|expansion|edition|rollout|bundle)s? | (?:quote|quotation|proposal) (?:\S+ ){0,4}?so (?:that )?(?:we|i) can (?:sign|raise|order|buy|purchase|process|proceed|get (?:it|this|the po) (?:approve|sign|raise)) /;

/** Asking for the closing paperwork: "please send the order form", "could you draw up the contract". */
const PAPER_ASKED = new RegExp(` (?:send|share|issue|get|email|forward|prepare|draft|draw up|put together|generate|drop(?= (?:me|us|it|them|over|across) )|mail|provide|supply|raise) (?:\\S+ ){0,3}?(?:formal |final |updated |revised |proforma |pro-forma |pro forma |the |your |a |an |our |me |us )?(?:${CLOSING}|quote|quotation|proposal) `);

/** Paper and money whose "for" phrase says what is bought: "our quote for the Oslo lanes", "the budget for two more drivers". */
const BOUGHT_FOR = new Set(['quote', 'quotation', 'proposal', 'budget', 'funding', 'fund', 'funds', 'spend', 'money', 'po', 'order', 'purchase', 'contract', 'requisition', 'deal', 'agreement', 'approval', 'sign-off']);

const NDA = / (?:nda|mnda|non-disclosure|confidentiality agreement|confidentiality undertaking) /;
const OUR_PAPER = / (?:order form|msa|po|purchase order|invoice|quote|proposal|renewal|subscription|dpa|sow) /;

/** Subordinate conditions that make a step hypothetical: "if we were to buy", "whether we made the right call". */
const HYPOTHETICAL = ['if', 'unless', 'whether', 'supposing', 'assuming', 'provided', 'providing', 'once', 'when', 'until', 'whenever'];

function hits(s: Sent, c: Reading): Hit[] {
  const stages = [...STAGES, ...ONBOARDING, ...PLAIN_STEPS, ...ACTS, ...PAPERWORK, ...MOVES, ...SPOKEN].flatMap((f) => findAll(s, f.re).filter((h) => !f.ok || f.ok(s, h)));
  return [...FRAMES.flatMap((re) => findAll(s, re)), ...stages, ...dealVerdicts(s, c.earlier === true, c.goods === true), ...findAll(s, PAPER_ASKED).filter((h) => asked(s, h.start) && (findAll(s, FIRM_OFFER).length > 0 || !/ (?:quote|quotation|proposal) $/.test(h.m[0])))];
}

/** "What are the next steps?": after a decision it asks how to buy; after asking to add a team it is expansion's question. */
const NEXT_STEP = / what be (?:the )?next step /;

/** Adding seats, users or a team: expansion, its own concept. */
const adding = (s: Sent) => { const line = lemmaLine(s).line; return / add /.test(line) && CAPACITY.test(line); };

/**
 * What the rest of the message tells a sentence: expanding (it adds seats or a team), earlier (an earlier
 * sentence named a deal), goods (the message names something of ours to buy), reported (our note's words).
 */
interface Reading { expanding?: boolean; earlier?: boolean; goods?: boolean; reported?: boolean }

function buyingIn(s: Sent, c: Reading = {}): boolean {
  const { expanding = false, reported = false } = c;
  const line = ` ${s.toks.map((t) => t.lemma).join(' ')} `;
  if (STANDING.test(line) || AGAINST_US.test(line)) return false;
  // An NDA precedes any evaluation: signing or sending one is no step towards buying, unless our paper rides along.
  if (NDA.test(line) && !OUR_PAPER.test(line)) return false;
  if (VETO.test(line.replace(PLAN_SIGN_UP, ' ').replace(DEADLINE, ' ')) || PAPER_TOPIC.test(line) || WITH_OTHERS.test(line) || otherPurchase(line) || notOurDeal(line) || historical(line) || stalled(s) || signedWithOthers(s) || othersGoods(s) || (/\bsign-in\b|\bsign up\b/i.test(s.text) && !PLAN_SIGN_UP.test(line))) return false;
  // Nothing left against the paper ("no further comments on the contract"): the negation is the news.
  if (nothingLeft(line) && !stalled(s)) return true;
  if (!expanding && NEXT_STEP.test(line) && !negated(s, findAll(s, NEXT_STEP)[0].start)) return true;
  for (const h of hits(s, c)) {
    if (negated(s, h.start) || negated(s, h.end)) continue;
    // A duty ("now signs off on tooling spend") or a wish taken back ("I'd love to promise you the signature, but…").
    if (duty(s, h) || wishTakenBack(s, h) || needAsked(s, h) || skill(s, h) || (!reported && othersReady(s, h))) continue;
    // The alternative set aside: "add them to our contract rather than signing something separate".
    if (s.toks.slice(Math.max(0, h.start - 3), h.end).some((t, k, xs) => (t.lower === 'rather' || t.lower === 'instead') && ['than', 'of'].includes(xs[k + 1]?.lower ?? ''))) continue;
    // A deal "for" other goods ("accepted our quote for the Oslo lanes", "got the budget for two more drivers").
    if (s.toks[h.end + 1]?.lower === 'for' && BOUGHT_FOR.has(s.toks[h.end].lemma) && !forOurs(s, h.end + 1, s.toks.length)) continue;
    // Adding seats, users or a team is expansion (its own concept), not a purchase of something new.
    if (/ add /.test(h.m[0]) && CAPACITY.test(line)) continue;
    // A choice made in the past ("we chose the annual plan last year") is history, not intent.
    const v = s.toks[h.start];
    // Choosing us, though, is the decision itself in any tense ("they picked you", "we've chosen your platform").
    const ofUs = ['you', 'your'].includes(s.toks[h.start + 1]?.lower ?? '');
    if (['choose', 'take', 'pick', 'select', 'opt', 'book'].includes(v.lemma) && v.lower !== v.lemma && !v.lower.endsWith('ing') && !ofUs) continue;
    // ...unless it is told as the reason for something else: "the main reason we picked you".
    if (s.toks.slice(Math.max(0, h.start - 4), h.start).some((t) => t.lemma === 'reason')) continue;
    // "We'll let you know once finance has approved the budget", "if we were to buy": not yet. A condition on
    // us ("if you can get us the contract today, I'll sign") leaves their readiness standing.
    const cond = conditionBefore(s, h.start);
    if (cond && HYPOTHETICAL.includes(cond.word) && !['you', 'your'].includes(s.toks[cond.at + 1]?.lower ?? '') && !/^ (?:once|when|after|as soon as|if) (?:we|i) /.test(h.m[0]) && !embeddedQuestion(s, cond.at) && !askingLeave(s, cond.at)) continue;
    // "We'd be ready to sign if the price came down by half": a would-clause on an unreal condition.
    if (unreal(s, h.start)) continue;
    // "Zainab, who signed off the original deal, has moved on": a person described by a past step.
    if (s.toks.slice(Math.max(0, h.start - 2), h.start).some((t) => t.lower === 'who') && s.toks.slice(0, h.start).some((t) => t.text === ',')) continue;
    // "before we commit to the renewal": the step waits on something else.
    if (beforeOurStep(s, h.start)) continue;
    return true;
  }
  return false;
}

/**
 * "Raj wants to know if we can…", "I'll check whether…": an "if" that opens a question reported, not a condition.
 * frames.ts conditionBefore reads such an "if" as a condition unless the main clause resumes after it; the
 * step asked about sits inside the question, so buying reads the whether-verb here.
 */
const ASKING = new Set(['know', 'ask', 'wonder', 'check', 'see', 'tell', 'confirm', 'clarify', 'find', 'understand', 'enquire', 'inquire']);
function embeddedQuestion(s: Sent, at: number): boolean {
  const w = s.toks[at].lower;
  return (w === 'if' || w === 'whether') && ASKING.has(s.toks[at - 1]?.lemma ?? '') && s.toks[at - 1]?.pos === 'VERB';
}

/** "Is it OK if we pay by transfer?", "would you mind if we sign on Monday?": asking leave, the step itself proposed. */
const LEAVE = new Set(['ok', 'okay', 'alright', 'fine', 'possible', 'problem', 'mind', 'acceptable']);
const askingLeave = (s: Sent, at: number) => s.toks[at].lower === 'if' && LEAVE.has(s.toks[at - 1]?.lower ?? '') && s.toks.some((t) => t.text === '?');

/** A freeze or cut named as the deadline ("before the budget freeze on the 15th") is no stall. */
const DEADLINE = / before (?:the |our |a )?(?:\S+ )?(?:freeze|cut-off|cutoff|cut) /g;
/** A standing duty ("Adaeze signs off on spend from now on"): who approves, not a step taken. */
const STANDING = / from now(?: on)? | henceforth | from then on | in (?:the )?future | from here on | going forward | until (?:we|they) (?:appoint|hire|find|name|recruit) | will be \S+ (?:\S+ ){0,4}?from here(?: [.!,;]| $)/;

/**
 * A step said with "would" under an if-clause in the past tense ("we'd sign tomorrow if the price came
 * down"): unreal. A condition on us ("we'd sign today if you could do net 60") is a negotiation, and stays.
 */
function unreal(s: Sent, i: number): boolean {
  if (!s.toks.slice(Math.max(0, i - 4), i).some((t) => ['would', "'d"].includes(t.lower) || t.lemma === 'would')) return false;
  const at = s.toks.findIndex((t) => t.lower === 'if' || t.lower === 'unless');
  if (at < 0) return false;
  const clause = s.toks.slice(at + 1, at + 6);
  if (['you', 'your'].includes(clause[0]?.lower ?? '')) return false;
  return clause.some((t) => (t.pos === 'VERB' || t.pos === 'AUX') && (t.lower !== t.lemma && /(?:ed|came|went|were|was|had|did|could|got|fell|gave)$/.test(t.lower)));
}

/** Our own acts in a note ("Sent Adaeze the contract", "we chased twice") are not the account's. */
const OUR_ACTS = new Set(['tell', 'send', 'email', 'share', 'chase', 'forward', 'ping', 'nudge', 'remind', 'follow', 'call', 'offer', 'propose', 'walk', 'give', 'resend', 'draft', 'prepare']);

/** A note's sentence about what the account did or said, not about what we did: not led by "we"/"I" or by our act in the past tense. */
function reporter(s: Sent): boolean {
  const first = s.toks.find((t) => t.pos !== 'PUNCT');
  if (!first) return false;
  if (['we', 'i'].includes(first.lower) && !s.toks.some((t) => ['they', 'he', 'she'].includes(t.lower))) return false;
  // "Told me the PO went in": their words reported with the subject left out; "Told Raj we can…" is ours.
  if (first.lemma === 'tell' && ['me', 'us'].includes(s.toks[first.i + 1]?.lower ?? '')) return true;
  return !(first.pos === 'VERB' && OUR_ACTS.has(first.lemma) && first.lower !== first.lemma);
}

/** In our notes the account names us in the first person ("they have chosen us", "they picked our proposal"):
 * read as the account speaking to us, so the frames see "you"/"your". */
function reportedBuying(s: Sent, c: Reading): boolean {
  if (!reporter(s)) return false;
  if (buyingIn(s, { ...c, reported: true })) return true;
  const toks = s.toks.map((t) => (t.lower === 'us' ? { ...t, text: 'you', lower: 'you', lemma: 'you' } : t.lower === 'our' ? { ...t, text: 'your', lower: 'your', lemma: 'your' } : t));
  if (s.toks.some((t) => t.lower === 'us' || t.lower === 'our') && buyingIn({ text: s.text, toks }, { ...c, reported: true })) return true;
  // "they'll sign by EOM": in our note "they" are the account, so their words are read in the first person.
  if (!s.toks.some((t) => t.lower === 'they')) return false;
  const SWAP: Record<string, string> = { they: 'we', their: 'our', we: 'you', us: 'you', our: 'your' };
  const theirs = s.toks.map((t) => { const to = lookup(SWAP, t.lower); return to ? { ...t, text: to, lower: to, lemma: to } : t; });
  return buyingIn({ text: s.text, toks: theirs }, { ...c, reported: true });
}

/** Verbs after which "you …" opens a clause of its own: "great to hear you have signed". */
const HEARD = new Set(['hear', 'see', 'know', 'understand', 'note', 'confirm', 'say', 'mention', 'notice', 'learn']);

/** What makes our sentence to them an ask, a duty, a condition or an offer rather than their step told back. */
const NOT_TOLD = new Set(['if', 'once', 'when', 'unless', 'whenever', 'until', 'whether', 'need', 'must', 'should', 'please', 'can', 'could', 'would', 'may', 'might', 'let', 'want', 'like', 'ready', 'happy', 'feel', 'free', 'hope', 'wish']);

/**
 * Our message telling their step back to them ("as discussed, you'll send over the signed DPA this week", "glad
 * your board approved the budget"): read with "you" as the speaker's "we", so the account's frames apply.
 * Only a declarative with "you" or "your …" as a clause subject; an ask, an obligation or a condition is ours.
 */
function toldBack(s: Sent, c: Reading): boolean {
  if (s.toks.some((t) => t.text === '?')) return false;
  const told = (t: Sent['toks'][number]) => NOT_TOLD.has(t.lemma) || NOT_TOLD.has(t.lower);
  // The subject and its verb, with nothing before them or in the verb group that makes it an ask or a condition.
  const subject = s.toks.findIndex((t, k) => ['you', 'your'].includes(t.lower) && s.toks[k - 1]?.pos !== 'ADP' && (s.toks[k - 1]?.pos !== 'VERB' || HEARD.has(s.toks[k - 1].lemma))
    && s.toks.slice(k + 1, k + 4).some((x) => x.pos === 'VERB' || x.pos === 'AUX'));
  if (subject < 0 || s.toks.slice(0, subject + 4).some(told)) return false;
  const toks = s.toks.map((t) => (t.lower === 'you' ? { ...t, text: 'we', lower: 'we', lemma: 'we' } : t.lower === 'your' ? { ...t, text: 'our', lower: 'our', lemma: 'our' } : t));
  return buyingIn({ text: s.text, toks }, { ...c, reported: true });
}

/** The account's sentences (or what our notes report they said) that show intent to buy. */
export function findBuying(parts: Utterance[], opts: { reported?: boolean } = {}): BuyingCue[] {
  return parts.flatMap((u, k) => {
    const sents = analyze(u.text);
    // Our own words to them: only their step told back counts.
    if (u.side === 'us' && !opts.reported) return sents.filter((s) => toldBack(s, {})).map((s) => ({ text: s.text }));
    if (u.side !== 'them' && !(opts.reported && u.side === 'us')) return [];
    const expanding = sents.some(adding);
    // A pronoun may stand for a deal named in an earlier sentence ("We ran your SOC 2 report past them. It cleared.").
    const ours = sents.map((s) => { const line = lemmaLine(s).line; return !notOurDeal(line) && !otherPurchase(line) && !WITH_OTHERS.test(line) && !signedWithOthers(s); });
    const goods = sents.some((s) => s.toks.some((t) => GOODS.has(t.lemma)));
    const found = sents.filter((s, i) => {
      const earlier = i > 0 && namesDeal(sents.slice(0, i).filter((_, j) => ours[j]));
      return u.side === 'them' ? buyingIn(s, { expanding, earlier, goods }) : reportedBuying(s, { earlier, goods });
    }).map((s) => ({ text: s.text }));
    if (found.length || u.side !== 'them' || k === 0 || parts[k - 1].side !== 'us' || !sents.length) return found;
    return yesToAStep(parts[k - 1].text, sents[0]) || assentToAsked(parts[k - 1].text, sents[0]) ? [{ text: sents[0].text }] : [];
  });
}

/** What the account buys from us, named anywhere in the message: "Raj signed off on it!! deal desk gets their 4 seats". */
const GOODS = new Set(['seat', 'licence', 'license', 'plan', 'tier', 'upgrade', 'renewal', 'subscription', 'module', 'add-on', 'edition', 'package']);

/** Our question about a step of the purchase: "Has legal signed off?", "Did the PO go in?", "Where did the committee land?". */
const STEP_ASKED = / (?:budget|spend|funding|approve|approval|sign|sign off|sign-off|signature|legal|procurement|po|purchase order|contract|paperwork|msa|order form|decision|decide|committee|board|security review|infosec|go ahead|go-ahead|land|renewal|renew|buy|purchase|upgrade|on board|requisition|move forward|move ahead|proceed|security questionnaire|vendor review|supplier review) /;
/** A reply that says yes: "Yep, Friday.", "Done!", "It has, yesterday." */
const AFFIRM = new Set(['mhm', 'mm-hmm', 'uh-huh', 'yes', 'yep', 'yeah', 'yup', 'correct', 'done', 'absolutely', 'definitely', 'sure', 'indeed', 'affirmative', 'signed', 'approved', 'confirmed', 'passed', 'cleared', 'agreed', 'good', 'perfect', 'great']);

/** A reply that is only when it happened ("This morning.", "Yesterday, actually."): the step said done by its time. */
const WHEN_WORDS = new Set(['yesterday', 'today', 'tonight', 'morning', 'afternoon', 'evening', 'week', 'earlier', 'ago', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'weekend']);
const whenOnly = (reply: Sent) => {
  const words = reply.toks.filter((t) => t.pos !== 'PUNCT');
  return words.length > 0 && words.length <= 5 && words.some((t) => WHEN_WORDS.has(t.lower)) && !words.some((t) => t.pos === 'VERB' || t.neg);
};

const FILLERS = new Set(['oh', 'uh', 'um', 'erm', 'er', 'ah', 'hmm', 'well', 'so']);

/** Our question about the terms and their assent to "them": "Did finance look at the numbers?" "They're fine with them." */
const TERMS_ASKED = / (?:number|pricing|price|term|terms|quote|proposal|offer|contract|commercial|commercials|figure|discount) /;
const ASSENT = / (?:happy|fine|ok|okay|comfortable|good|content|satisfied) with (?:it|them|that|those|this|these)(?: [.!,;]| $| and| too| now)/;
function assentToAsked(question: string, reply: Sent): boolean {
  const q = analyze(question).filter((s) => s.toks.some((t) => t.text === '?'));
  if (!q.some((s) => TERMS_ASKED.test(lemmaLine(s).line))) return false;
  const line = lemmaLine(reply).line;
  return ASSENT.test(line) && !reply.toks.some((t) => t.neg || t.text === '?') && !/ (?:not|n't|never|but|except|apart from|other than|if) /.test(line);
}

const PLAIN_YES = new Set(['yes', 'yep', 'yeah', 'yup', 'sure', 'correct', 'absolutely', 'definitely', 'indeed', 'affirmative', 'good', 'perfect', 'great']);

/** Nothing wrong, said with a negator: "no changes", "no issues from our side". */
const NOTHING_WRONG = / no (?:further |more |other )?(?:change|issue|problem|concern|comment|objection|finding|question)s? /g;

/**
 * A question a yes does not answer with the step: a wh-question ("where did the committee land?") or one asking
 * whether there is anything ("anything we should know ahead of the renewal?", "any news on the PO?").
 */
function openQuestion(q: Sent): boolean {
  const first = q.toks.find((t) => t.pos !== 'PUNCT' && !['so', 'and', 'ok', 'okay', 'great', 'right'].includes(t.lower));
  if (first !== undefined && ['what', 'where', 'how', 'when', 'who', 'which', 'why'].includes(first.lower)) return true;
  return q.toks.some((t) => ['anything', 'something'].includes(t.lower)) && q.toks.some((t) => ['know', 'aware', 'flag', 'mention', 'raise', 'worry', 'concern', 'share'].includes(t.lemma));
}

/** Their short reply affirming a step we asked about is the step itself, said in one word. */
function yesToAStep(question: string, reply: Sent): boolean {
  const q = analyze(question).filter((s) => s.toks.some((t) => t.text === '?'));
  const steps = q.filter((s) => STEP_ASKED.test(lemmaLine(s).line) && !otherPurchase(lemmaLine(s).line) && !notOurDeal(lemmaLine(s).line));
  if (!steps.length) return false;
  // Fillers before the answer ("Oh, absolutely, yeah.", "Uh, yes") are not the answer.
  const first = reply.toks.find((t) => t.pos !== 'PUNCT' && !FILLERS.has(t.lower));
  // A bare yes to an open question says there is something to tell, not that the step happened.
  if (steps.every(openQuestion) && first && PLAIN_YES.has(first.lower)) return false;
  // The yes may open the reply or follow a word that names the choice ("Annual, yes."); "It has, …" and "We are." say it too.
  const opens = first !== undefined && (AFFIRM.has(first.lower) || whenOnly(reply) || (first.lower === 'all' && AFFIRM.has(reply.toks[first.i + 1]?.lower ?? '')) || reply.toks.slice(first.i + 1, first.i + 3).some((t) => ['yes', 'yep', 'yeah', 'yup'].includes(t.lower)) || (['it', 'they', 'we', 'she', 'he'].includes(first.lower) && ['have', 'has', 'did', 'do', 'does', 'be', 'is', 'are'].includes(reply.toks[first.i + 1]?.lower ?? '') && reply.toks.length <= first.i + 12));
  // "No changes from their side" and "no issues" are a yes; any other negation is not.
  const whole = lemmaLine(reply).line;
  const line = whole.replace(NOTHING_WRONG, ' ');
  const negation = line === whole ? reply.toks.some((t) => t.neg) : false;
  return opens && !negation && !/ (?:not|n't|no|never|yet|but) /.test(line) && !stalled(reply) && !VETO.test(line);
}

/** A proposal view or pricing-page visit is intent on its own: described as what happened. */
export function engagementBuying(s: Signal): BuyingCue[] {
  if (s.kind !== 'engagement' || (s.event !== 'proposal_viewed' && s.event !== 'pricing_page_visit')) return [];
  const by = s.contactName ?? s.contactEmail;
  return [{ text: `${s.event.replace(/_/g, ' ')}${by ? ` by ${by}` : ''}` }];
}
