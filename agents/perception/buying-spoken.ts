// Buying steps said in everyday words rather than in the paperwork's: the signed paper handed back
// ("signed and returned this morning", "signed copy attached"), the deal in the budget ("it's in the
// budget"), the paper with the buyer's approvers ("legal's got the DPA now"), and the case put before
// the people who decide ("putting the business case for the renewal in front of the board"). Each is
// a frame over lemmas with a check on the tokens; negation, condition and whose deal it is stay with
// the caller.
import { APPROVER, type StageFrame } from './buying-stages.js';
import { purchasePaper } from './buying-acts.js';
import type { Hit } from './frames.js';
import type { Sent } from './nlp.js';

/** The paper a buyer signs, as the noun after "signed": "signed copy", "the signed order form". */
const SIGNED_PAPER = '(?:copy|version|contract|agreement|order form|form|msa|dpa|sow|pdf|document|paperwork|renewal|quote|proposal|po|purchase order|page|scan)s?';
/** Handing it over: attached, sent, returned, on its way. */
const HANDED = '(?:attach|enclose|upload|back|return|send|post|courier|on its way|in the post|go out|come back|here)';

/** "signed", "countersigned", "executed": the participle, not the bare verb ("sign the copy and…" is a plan). */
const participle = (s: Sent, h: Hit) => {
  const t = s.toks.slice(h.start, h.end + 1).find((x) => ['sign', 'countersign', 'execute'].includes(x.lemma));
  return t !== undefined && t.lower !== t.lemma;
};

/** The people who decide, as a body the case is put before. */
const DECIDERS = '(?:board|committee|cfo|ceo|coo|cio|exec|execs|executive|executives|leadership|steering group|steerco|investment committee|budget committee|finance|procurement)';
/** What a case put before them must be about to be our deal. */
const CASE = new Set(['case', 'renewal', 'proposal', 'budget', 'purchase', 'contract', 'quote', 'deal', 'spend', 'investment', 'order', 'upgrade', 'subscription', 'po', 'paperwork', 'msa', 'agreement']);
const aboutTheDeal = (s: Sent, h: Hit) => s.toks.slice(h.start + 1, h.end).some((t) => CASE.has(t.lemma));

/** Words that may open a clause before an elliptic verdict: "all approved", "ok, signed", "good news: cleared". */
const OPENING = new Set(['all', 'everything', 'yes', 'yeah', 'yep', 'ok', 'okay', 'so', 'now', 'good', 'great', 'news', 'and', 'finally', 'officially', 'fully', 'both', 'update']);
const PARTICIPLES = /^(?:approved|signed|countersigned|cleared|executed|authori[sz]ed|okayed|rubber-stamped)$/;
const VERDICT_WORDS = new Set(['approve', 'sign', 'countersign', 'clear', 'execute', 'authorise', 'authorize', 'greenlight', 'greenlit', 'green-lit', 'okay', 'rubber-stamp', 'rubber-stamped']);

/**
 * A verdict with its subject left out, as people say it in chats and calls: "all approved on our end",
 * "Signed this morning!", "ok, countersigned". The participle opens the clause (after an interjection or
 * "all") and nothing but a where, a when or an agent follows it.
 */
function elliptic(s: Sent, h: Hit): boolean {
  const t = s.toks[h.start];
  // A capitalised participle may be tagged as a name and keep its form ("Countersigned yesterday").
  const done = (VERDICT_WORDS.has(t.lemma) && t.lower !== t.lemma) || PARTICIPLES.test(t.lower);
  if (!done || t.lower.endsWith('ing') || s.toks.some((x) => x.text === '?')) return false;
  return s.toks.slice(0, h.start).every((x) => x.pos === 'PUNCT' || OPENING.has(x.lower)) && !otherClause(s, h);
}

/**
 * A clause after the verdict with a subject of its own ("Approved this morning, the shift swap goes ahead"):
 * it tells what was approved, and it is not our deal. One about us or the paper ("you should have it") is fine.
 */
function otherClause(s: Sent, h: Hit): boolean {
  const comma = s.toks.findIndex((t, k) => k > h.end && [',', ';', '-', '–', '—'].includes(t.text));
  if (comma < 0) return false;
  const next = s.toks.slice(comma + 1).find((t) => t.pos !== 'PUNCT' && !['so', 'and', 'then', 'now'].includes(t.lower));
  return next !== undefined && ['DET', 'NOUN', 'PROPN'].includes(next.pos) && s.toks.slice(next.i + 1).some((t) => t.pos === 'VERB');
}

/** An agent after "by" is who approves: "approved by finance", not "cleared by QA" or "approved by Owen". */
const byApprover = (s: Sent, h: Hit) => {
  const by = s.toks.slice(h.start, h.end + 1).findIndex((t) => t.lower === 'by');
  return by < 0 || new RegExp(` ${APPROVER} `).test(` ${s.toks[h.start + by + 1]?.lemma ?? ''} `);
};

/** The thing approved from someone who decides: a name or an approving body, not "waiting for approval from". */
const WAITING = new Set(['wait', 'await', 'need', 'pending', 'still', 'require', 'seek', 'ask', 'request', 'chase', 'without']);
const fromDecider = (s: Sent, h: Hit) => !s.toks.some((t) => t.text === '?') && !s.toks.slice(Math.max(0, h.start - 4), h.start).some((t) => WAITING.has(t.lemma) || WAITING.has(t.lower));

/** The verdict's subject is a person or an approving body, the verb in the past, said as news: "Adaeze signed." */
function byDecider(s: Sent, h: Hit): boolean {
  const v = s.toks[h.start];
  const subject = s.toks[h.start - 1];
  if (!subject || s.toks.some((t) => t.text === '?') || v.lower === v.lemma || v.lower.endsWith('ing')) return false;
  // "she signed it there and then": a pronoun for the decider when the verdict takes "it".
  const onIt = ['it', 'this'].includes(s.toks[h.start + 1]?.lower ?? '') && ['she', 'he', 'they'].includes(subject.lower);
  return onIt || subject.pos === 'PROPN' || new RegExp(` ${APPROVER} `).test(` ${subject.lemma} `);
}

export const SPOKEN: StageFrame[] = [
  // The verdict alone: "all approved on our end", "signed this morning", "countersigned and back to you".
  { re: / (?:approve|approved|sign|signed|countersign|countersigned|clear|execute|executed|authorise|authorize|greenlit|green-lit|okay|okayed|rubber-stamp|rubber-stamped)(?: off)?(?: [.!,;]| $| on (?:our|my|their) (?:end|side)| from (?:our|my|their) (?:end|side)| by \S+| this (?:morning|afternoon)| yesterday| today| last night| and )/, ok: (s, h) => elliptic(s, h) && byApprover(s, h) },
  // Approval as a noun from someone who decides, with no verb: "greenlight from Ama, finally", "sign-off from legal came in".
  { re: new RegExp(` (?:green light|greenlight|go-ahead|go ahead|sign-off|signoff|thumb up|thumbs up|blessing|approval|nod|ok|okay|yes) from (?:the |our )?(?:${APPROVER}|[a-zà-ÿ]+)(?: [.!,;]| $| ,| today| this| yesterday| finally| come| came)`), ok: (s, h) => fromDecider(s, h) && (new RegExp(` ${APPROVER} `).test(h.m[0]) || s.toks.slice(h.start, h.end + 1).some((t) => t.pos === 'PROPN')) },
  // The deal through the people who decide: "it went through the board", "it sailed past finance".
  { re: new RegExp(` (?:it|this|that) (?:have |have be |be )?(?:go|get|sail|make it|pass) (?:through|thru|past) (?:the |our )?(?:\\S+ )?${APPROVER}(?: |$)`), ok: (s, h) => !otherClause(s, h) },
  // The approvers' part done: "legal's done their bit", "procurement has finished with the paperwork".
  { re: new RegExp(` ${APPROVER} (?:team )?(?:be|have|'s) (?:now |all |finally |already )?(?:do|done|finish|through)(?: their (?:bit|part|side|piece|review)| with (?:it|the (?:\\S+ )?(?:msa|contract|agreement|paperwork|order form|dpa|redline|redlines|review|term|terms))| [.!,;]| $)`) },
  // The choice said as "it's you": "we've decided, it's you", "the committee picked: it's your platform".
  { re: / it be (?:you|your (?:\S+ )?(?:platform|tool|proposal|product|team|solution|offer|bid))(?: guys)?(?: [.!,;]| $)/, ok: (s) => s.toks.some((t) => ['decide', 'decision', 'choose', 'choice', 'pick', 'winner', 'vote', 'verdict', 'land', 'verbal', 'verbally'].includes(t.lemma)) },
  // A named person or an approver's verdict with nothing after it: "Adaeze signed.", "Ama approved this morning".
  { re: / (?:sign|approve|countersign|okay|authorise|authorize)(?: off)?(?: it| this)?(?: [.!,;]| $| this morning| yesterday| today| last night| there and then| on the spot| right away| straight away| on \S+ [.!]| on \S+ $)/, ok: byDecider },
  // The approval or the money in: "the approval is in", "the PO's in", "sign-off is finally in".
  { re: / (?:approval|sign-off|signoff|signature|green light|go-ahead|po|purchase order|budget|funding|money) (?:be|have be|'s) (?:now |finally |officially |all )?in\.?(?: [.!,;]| $)/ },
  // The money freed for it: "I've asked Raj to release the funds", "finance unlocked the budget".
  { re: / (?:release|free up|unlock) (?:the |our )?(?:\S+ )?(?:fund|funds|money|budget|funding|spend) / },
  // Their buyers creating our supplier record: "Mårten will set up the vendor record this week".
  { re: / (?:create|set up|open|add|register) (?:the |a |our |your )?(?:new )?(?:supplier|vendor) (?:record|number|id|account|profile|code|registration|entry) / },
  // An action item on their decider: "Next step: Adaeze to sign", "Raj to raise the PO on Monday".
  { re: / to (?:sign|countersign|approve|sign off|raise the po|raise the purchase order|release the po|issue the po)(?: [.!,;]| $| it | the | by | on | this | next | once )/, ok: (s, h) => purchasePaper(s) && (s.toks[h.start - 1]?.pos === 'PROPN' || new RegExp(` ${APPROVER} `).test(` ${s.toks[h.start - 1]?.lemma ?? ''} `)) },
  // Set up as a supplier, in the order people say it: "let's get you set up as a supplier", "get you onboarded as a vendor".
  { re: / get (?:you|your company|you guys|your firm) (?:set up|onboard|onboarded|register|approve|add) (?:as|in|on|to) / },
  // The signature done and the paper sent back: "signed and returned", "signed copy attached", "attached is the signed order form".
  { re: / (?:sign|countersign|execute) (?:and|&) (?:return|send|scan|upload|email|post|courier)(?: |$)/, ok: participle },
  { re: new RegExp(` (?:sign|countersign|execute) (?:\\S+ )?${SIGNED_PAPER} (?:\\S+ ){0,4}?${HANDED}(?: |$)| (?:attach|enclose|here be|here 's|please find|find) (?:\\S+ ){0,3}?(?:sign|countersign|execute) (?:\\S+ )?${SIGNED_PAPER}(?: |$)`), ok: participle },
  // In the budget: "it's in the budget", "the renewal is in next year's budget", "we've budgeted for it".
  { re: / (?:it|this|that|you|the (?:\S+ )?(?:renewal|licen[cs]e|subscription|upgrade|platform|tool|seat|contract|expansion|quote|proposal|spend)s?) (?:be|have be) (?:now |already |all |firmly |safely |also )?(?:in|into) (?:the |our |next year 's |this year 's |\S+ 's |next |the \S+ )?budget(?: [.!,;]| $| for | now| already)| (?:we|i|finance|they) (?:have |be )?(?:already |now )?budget (?:for )?(?:it|this|that|you|the (?:\S+ )?(?:renewal|licen[cs]e|subscription|upgrade|platform|tool|seat|contract|expansion)s?)(?: |$)/ },
  // The paper in the approvers' hands: "legal's got the DPA now", "procurement has the order form".
  { re: new RegExp(` ${APPROVER} (?:team )?(?:'s |have |be )?(?:now |already )?(?:get|have get|have|receive|take) (?:the |our |your )?(?:\\S+ )?(?:msa|contract|agreement|order form|dpa|sow|paperwork|redline|redlines|po|purchase order|renewal|proposal)s?(?: now| already| for| to| [.!,;]| $)`) },
  // The case put before the people who decide: "putting the business case for the renewal in front of the board on 24 Nov".
  { re: new RegExp(` (?:put|take|bring|present|walk|pitch|submit|table|get) (?:\\S+ ){1,8}?(?:in front of|before|to) (?:the |our |their |her |his )?(?:\\S+ )?${DECIDERS}(?: |$)`), ok: aboutTheDeal },
];
