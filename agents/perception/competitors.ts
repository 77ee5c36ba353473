// Competitors, read as a frame: an ORGANISATION (a configured name, or any capitalised proper name
// that is not a person we know, the account or a weekday) in an EVALUATION frame — a quote, bid or
// offer from it, a trial, pilot, demo or proof of concept with it, a comparison or benchmark against
// it, a shortlist, "also talking to / looking at / weighing" it. The configured list only adds
// confidence: a listed name mentioned anywhere is kept (context 'mention'), an unlisted one only in
// an evaluation. The tool being left ("moving off X", "replaced X with you", "X is being switched
// off") is context 'replacing'; a tool we integrate with ("the X connector", "sync with X") is
// 'integration'. Neither is a competitor in play.
import type { Contact } from '../../db/queries/contacts.js';
import { analyze, type Sent } from './nlp.js';
import { conditionBefore, findAll, negated, type NameSpan } from './frames.js';
import { VENDOR_PEOPLE, coordinated, dismissed, inFrame, inUse, orgSpans, pronounInFrame, related, settled } from './competitor-frame.js';
import { asksForRivals, turnedAway, switchedOnto, elidedAgainstOurs, forwardedVendor, lowerPossessiveSpans, modifiesThing, namesAnAnswer, outOfPlay, spanAt, weighedByRelative } from './competitor-slots.js';
import { deniesEvaluation, lowerNameSpans, makersOf, movedThere, singledOut, toolAct, typo } from './competitor-stance.js';
import { calledAPerson, elidedComparison, lostToRival, pronounInOurPlace, weighsBoth } from './competitor-weighed.js';
import type { Utterance } from './utterances.js';
import { asWritten, caseBlind } from './case-blind.js';

export type CompetitorContext = 'evaluation' | 'replacing' | 'integration' | 'mention';
export interface CompetitorMention { name: string; text: string; replacing: boolean; context?: CompetitorContext }

/** Cues before the name: "replacing X", "moving off X", "instead of X", "we used to use X", "nobody misses X". */
const REPLACING_BEFORE = /\b(replac(e|es|ed|ing)|dropp(ed|ing)|ditch(ed|ing)?|scrapp(ed|ing)|binned|offboard(ed|ing)?|churn(ed|ing)? (off|from)|(nobody|no one|don't|do not|never)( here| else| really)? miss(es|ed)?|stop(ped|ping)? (using|paying for|renewing)|swap(ped|ping)?( out)?|(migrat|mov|port)\w* (\w+ ){0,3}out of|(do not|don't|no longer) need|moving (off( of)?|away from|from)|move[sd]? (off( of)?|away from)|migrat(e|ed|ing) (away )?(off|from)|switch(ed|ing)? (away )?from|sunset(ting)?|get(ting)? rid of|rip(ping|ped)? out|ripped|instead of|leav(e|ing)|left|retir(e|ing)|consolidat(e|ing) (off|away from)|done with|used to (use|run|be on|have)|previously (used|ran|on)|coming from|phas(e|ing|ed) out|cancel(l?(ing|ed))? our|import(ing|ed)? (our \w+ |the \w+ |\w+ )?from|export(ing|ed)? (our \w+ |\w+ )?from|off of|from our old|our old|our previous|our former|our legacy)\b/i;
/** Cues after the name: "X is being replaced", "X goes away", "our X contract ends and we won't renew" (not "…won't be renewing with you": that is us). */
const REPLACING_AFTER = /^[^.;]{0,40}?\b((is|are|was|were|got) (being )?(dropped|ditched|cancell?ed|removed|replaced|retired|sunset|phased out|switched off|turned off|decommissioned|going away|shut down)|goes away|contract (?:[^.;]{0,40} )?(ends|ended|expires|expired|lapsed|is up|was up|ran out|runs out)|(won't|will not|not) (be )?renew(ing|ed)?(?! with (?:you|your|us)\b)|is being switched|was (a nightmare|painful)|days are (numbered|over|behind us|gone))\b/i;
/** Where a clause ends; "to" only as a destination ("from Gong to Clari"), not a verb's ("going to replace"). */
const CLAUSE_BREAK = /[,;:]|\b(?:and|but|while|whereas|also|plus|with|for|vs|versus|or)\b|\bto\b(?!\s+(?:use|replace|move|migrate|switch|leave|retire|phase|get|rip|sunset|cancel|consolidate)\b)/i;
/** A tool we sit beside: the X integration, connector, sync, plugin, app, API (after the name)… */
const INTEGRATION_AFTER = /^\s*(?:'s\s+)?(?:integration|connector|sync|syncing|plugin|plug-in|add-on|addon|app|api|webhook|field|fields|export|import|instance|tenant|workspace|account(?! (?:exec|executive|manager|rep|team))|login|sso|data|objects?|records?|channel|channels|invoices?|bill|receipt)\b/i;
/** …or integrated with, synced to, pushed into, reached through (before it). */
const INTEGRATION_BEFORE = /\b(?:integrat\w*|connector|connect(?:ed|ing|s)? (?:to|with)|sync(?:s|ed|ing)? (?:with|to|from|into)|push(?:es|ed)? (?:to|into)|(?:export|import|upload|load|dump|copi|cop)(?:s|ed|ing|y|ies)? (?:[\w']+ ){0,3}(?:to|into)|pull(?:s|ed)? from|post(?:s|ing)? (?:to|into)|(?:via|through|inside|within|into) (?:the |our )?)$/i;

/** The evaluation frame, as lemmas around the name. */
const EVAL_BEFORE = / (?:quote|quotation|bid|proposal|offer|pricing|price|discount|demo|demonstration|trial|pilot|poc|proof of concept|proof of value|pov|bake-off|bakeoff|shootout|shoot-out|head-to-head|rfp|rfi|tender|test drive|test-drive|benchmark|compare|comparison|side-by-side|versus|vs|against|shortlist|shortlisted|evaluate|evaluation|assess|consider|weigh|weighing|look at|looking at|talk to|talk with|speak to|speak with|meet with|session with|alternative|switch to|move to|go with|competitor|competing|rival|match|as well as|in parallel|side by side|side-by-side|second opinion from|prefer|trial of|sandbox of|pilot of|demo of|cheaper than|better than) /;
const EVAL_AFTER = / (?:quote|quoted|bid|pitch|offer|come in|came in|reach out|contact us|undercut|beat|cheaper|less|lower|discount|demo|trial|pilot|on (?:our|the) shortlist|shortlist|be (?:also )?in the running|propose|approach|sandbox|side by side|side-by-side|be in touch|get in touch|(?:'s|be) (?:sale|sales|rep|account exec|pricing|price|offer|proposal|quote|interface|ui|ux|product|roadmap|feature)|be (?:half|cheaper|a fraction|less|lower)) /;
/** A feature comparison against us: "X can do real-time alerts, which you can't", "unlike you, X supports…". */
const VERSUS_US = / (?:which|that) you (?:can not|do not|can n't|do n't|don 't|lack)| unlike you| than (?:you|yours|your)|you (?:can not|do not) /;
const CAN_DO = / (?:can|do|does|offer|have|support|include|provide) /;

/** Things one gets from a vendor under evaluation: "a Vellum sandbox", "the Quorra trial". */
const EVAL_NOUN = new Set(['sandbox', 'trial', 'demo', 'pilot', 'quote', 'proposal', 'bid', 'offer', 'poc', 'pitch', 'rep', 'pricing', 'price', 'evaluation', 'eval', 'team', 'folk']);
/** A tool in daily use: "we use X", "in X", "X for call recording", "our X account". */
const USING_BEFORE = /\b(?:use|uses|using|run|runs|running|in|inside|on|into|via|our)\s*$/i;
const USING_AFTER = /^\s*(?:(?:and \w+ )?every day|daily|for (?:call|our|the|recording|tracking|logging|notes|sequences|email)|account|instance|workspace|recordings?|calls?|licen[cs]es?|seats?|login|admin)\b/i;
/** Days and months, whole or cut short as chats and notes write them ('next Tues', 'end of Jan.'); May is left out, being also a name. */
const DAYS = /^(?:mon|tues?|wed(?:nes)?|weds|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?$|^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?$/i;
const escape = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A name as written: its first letter's case kept (so "Outreach" is not "outreach"), the rest in any case. */
function nameRegex(name: string): RegExp {
  const first = name[0];
  const rest = escape(name.slice(1));
  return new RegExp(`(?<![\\w.])(?:${escape(first)}${rest.replace(/[a-z]/gi, (c) => `[${c.toLowerCase()}${c.toUpperCase()}]`)})(?![\\w])`);
}

export interface CompetitorOptions {
  /** People and organisations that are not competitors: the account's contacts and its own name. */
  contacts?: Contact[];
  accountName?: string;
  /** Our notes report what the account said. */
  reported?: boolean;
  /** Our own people (the signal's senders and recipients on our side): "a demo from Lee" names our rep, not a vendor. */
  ourPeople?: string[];
}

/** How the account relates to a name here; undefined when it is dismissed (a settled or negated evaluation: "we chose you over X", "nobody is looking at X"). */
function contextAt(s: Sent, text: string, index: number, length: number, span: NameSpan | undefined): CompetitorContext | undefined {
  const before = text.slice(0, index);
  const clause = before.split(CLAUSE_BREAK).pop() ?? '';
  const after = text.slice(index + length);
  // "We're ex-Gainsight customers": a former tool.
  // ("We stopped paying for X": "for" closes no clause here.)
  if (REPLACING_BEFORE.test(clause) || REPLACING_AFTER.test(after) || /\bex-$/i.test(before) || /\bstop(?:ped|ping|s)? paying for\s*$/i.test(before)) return 'replacing';
  // Moving a team or a job onto a listed rival ("move the CS team onto X", "moving our forecasting into X") is a switch, not a
  // sync. (Not for any capitalised destination: an unlisted one is as often a system of the customer's own.)
  const moved = span ? undefined : spanAt(s, text, index, length);
  if (moved && switchedOnto(s, moved)) return 'evaluation';
  if (INTEGRATION_AFTER.test(after.slice(0, 30)) || INTEGRATION_BEFORE.test(before.slice(-40))) return 'integration';
  if (!span) {
    const at = spanAt(s, text, index, length);
    if (at && (outOfPlay(s, at) || related(s, at))) return undefined;
    if (at && (evaluation(s, at, true) || movedThere(s, at))) return 'evaluation';
    if (dismissed(s)) return undefined;
    // The name modifies a thing of the tool in use ("Clari forecasts", "the Salesloft sequence data", "Gong's conference"), or
    // does what a tool in use does ("Gong flagged that the call went badly", "Clari reads it from there").
    if (at && (modifiesThing(s, at) || toolAct(s, at))) return 'integration';
    // "If X ever launched a dispatch product, we'd look at it": a mention under a condition puts nothing in play.
    // (Not when the condition weighs it against us: "If X can match the price they quoted us, I'd find it hard to renew with you".)
    if (at && conditionBefore(s, at.start) && !s.toks.some((x) => ['you', 'your', 'yours', 'u', 'ur'].includes(x.lower))) return undefined;
    // A listed tool the account simply uses ("our team uses Gong every day", "the calls in Gong", "X is what CS uses") sits beside us.
    return USING_BEFORE.test(clause) || USING_AFTER.test(after.slice(0, 30)) || inUse(s) ? 'integration' : 'mention';
  }
  return evaluation(s, span, false) ? 'evaluation' : 'mention';
}

/**
 * Whether the name is weighed against us here. For any name: it fills a slot of the evaluation frame (competitor-frame.ts),
 * or it is the subject of a feature we lack ("X supports offline mode, which you do not"). Only for a listed competitor, a
 * known rival, is an evaluation word near it enough ("pricing vs Gong"): an unlisted capitalised word near "move to",
 * "compare" or "quote" is as often a city, a day, an employer or a plan of ours.
 */
function evaluation(s: Sent, span: NameSpan, listed: boolean): boolean {
  if (settled(s)) return false;
  if (inFrame(s, span)) return true;
  const line = ` ${s.toks.map((t) => t.lemma).join(' ')} `;
  const hi = Math.min(s.toks.length, span.end + 9);
  const right = ` ${s.toks.slice(span.end + 1, hi).map((t) => t.lemma).join(' ')} `;
  if (VERSUS_US.test(line) && CAN_DO.test(right.slice(0, 24))) return true;
  if (!listed) return false;
  // "match the Clari format": a thing of the tool in use, whatever word stands near it.
  if (modifiesThing(s, span)) return false;
  const lo = Math.max(0, span.start - 8);
  const left = ` ${s.toks.slice(lo, span.start).map((t) => t.lemma).join(' ')} `;
  const hitL = findAll({ text: left, toks: s.toks.slice(lo, span.start) }, EVAL_BEFORE)[0];
  if (hitL && !negated(s, lo + hitL.start)) return true;
  // After the name, only its own act ("X quoted us", "X came in lower"): not "X accepted an offer at…".
  const hitR = findAll({ text: right, toks: s.toks.slice(span.end + 1, hi) }, EVAL_AFTER)[0];
  if (!hitR || hitR.start > 3 || s.toks.slice(span.end + 1, span.end + 1 + hitR.start).some((t) => ['accept', 'take', 'get', 'receive', 'turn'].includes(t.lemma))) return false;
  // "X is trialling a setup with us": X does the evaluating, it is not the one weighed.
  const act = s.toks[span.end + 1 + hitR.start];
  if (act.pos === 'VERB' && /^(?:trial|pilot|demo|test|evaluat|assess)/.test(act.lower)) return false;
  return !negated(s, span.end + 1 + hitR.start);
}

/** The name is the subject of an ability ("X can", "X does", "X supports it") right after a sentence on what we lack. */
function contrasted(before: Sent | undefined, s: Sent, span: NameSpan): boolean {
  if (!before || !VERSUS_US.test(` ${before.toks.map((t) => t.lemma).join(' ')} `)) return false;
  const next = s.toks[span.end + 1];
  return !!next && CAN_DO.test(` ${next.lemma} `) && !next.neg;
}

export function findCompetitors(parts: Utterance[], names: string[], opts: CompetitorOptions = {}): CompetitorMention[] {
  const patterns = names.filter((n) => n.trim()).map((name) => ({ name, re: nameRegex(name.trim()), lower: /^\p{Lu}/u.test(name.trim()) ? new RegExp(`(?<![\\w.])${escape(name.trim().toLowerCase())}(?![\\w])`) : undefined }));
  const listed = new Set(names.map((n) => n.trim().toLowerCase()));
  // Our own speakers in the signal count as our people too ("Sam Whitaker" on a call).
  const ourSpeakers = parts.filter((p) => p.side === 'us' && p.speaker).map((p) => p.speaker as string);
  const people = new Set([...(opts.contacts ?? []).map((c) => c.name ?? ''), ...(opts.ourPeople ?? []), ...ourSpeakers].flatMap((n) => n.toLowerCase().split(/\s+/)).filter((w) => w.length > 1 && !w.includes('@')));
  const account = (opts.accountName ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  // The people known here are read as names in a message typed all in lower case (listed rivals that are English words, "gong", only in the frame).
  const known = new Set([...people].filter((w) => !w.includes(' ')));
  const out: CompetitorMention[] = [];
  let previous: NameSpan[] = [];
  // Whether the sentence before asked who else is being looked at ("Who else is in the mix?" "Just Tandem and Orrel.").
  let asked = false;
  // Sentences since our question named the organisation, and whether the name a pronoun may mean is still that one.
  let stale = 0;
  let fromUs = false;
  for (const u of parts) {
    let last: Sent | undefined;
    // A vendor's own offer forwarded to us names that vendor as in play.
    const vendor = u.side !== 'us' || opts.reported ? forwardedVendor(u.text, (w) => people.has(w) || account.includes(w) || listed.has(w)) : undefined;
    if (vendor && !out.some((c) => c.name.toLowerCase() === vendor.toLowerCase())) out.push({ name: vendor, text: u.text, replacing: false, context: 'evaluation' });
    // "No evaluation going on", "we're not shopping": said anywhere in the message, a listed name's bare mention is not in play.
    // …or "No." said to "Are you looking at anyone else?".
    const denied = analyze(u.text).some(deniesEvaluation) || (asked && /^\W*(?:no|nope|nah|not|none|nobody|nothing|never|(?:just|only|honestly,? (?:just|only)) (?:you|yours|u))\b/i.test(u.text));
    const sents = analyze(u.text).map((s) => caseBlind(s, known));
    // The whole turn after a question about rivals answers it ("Um, honestly, yeah. Brightwell."), unless it starts with "no".
    const answerTurn = asked && u.side !== 'us' && !denied;
    for (const [si, s] of sents.entries()) {
      const seen = new Set<string>();
      for (const { name, re, lower } of patterns) {
        // Each place the name stands ("our Gong admin says Gong can do health scores now"): the one in play wins.
        const contexts = [...s.text.matchAll(new RegExp(re.source, 'g'))].map((m) => contextAt(s, s.text, m.index, m[0].length, undefined));
        // Written in lower case ("moving to gong"), a listed name that is also an English word counts only inside the frame.
        const inLower = lower ? [...s.text.matchAll(new RegExp(lower.source, 'g'))].map((m) => contextAt(s, s.text, m.index, m[0].length, undefined)).filter((c) => c === 'evaluation') : [];
        contexts.push(...inLower);
        if (contexts.length === 0) continue;
        seen.add(name.toLowerCase());
        const context = contexts.find((c) => c === 'evaluation') ?? (denied ? undefined : contexts.find((c) => c === 'mention')) ?? contexts.find((c) => c !== 'mention');
        if (context) out.push({ name, text: asWritten(s), replacing: context === 'replacing', context });
      }
      // An unlisted name counts only when the account says it (or our notes report it), and not as a modifier ("the Osaka plant").
      const ours = u.side === 'us' && !opts.reported;
      const candidates = orgSpans(s).filter((span) => {
        const lower = span.name.toLowerCase();
        const next = s.toks[span.end + 1];
        if (next && next.pos === 'NOUN' && !next.cap && ['the', 'our', 'your', 'their', 'a'].includes(s.toks[span.start - 1]?.lower ?? '') && !EVAL_NOUN.has(next.lemma) && !VENDOR_PEOPLE.has(next.lemma)) return false;
        const first = lower.split(' ')[0];
        // A greeting names the reader: "Hi Sam,".
        if (['hi', 'hello', 'hey', 'dear', 'thanks', 'cheers'].includes(s.toks[span.start - 1]?.lower ?? '')) return false;
        // …or a line of its own: "Sam," above the message (not a name given as the answer to who else is in play).
        if (span.start === 0 && s.toks.slice(span.end + 1).every((x) => x.pos === 'PUNCT') && !answerTurn) return false;
        if (seen.has(lower) || listed.has(lower) || people.has(first) || account.includes(first) || DAYS.test(first) || DAYS.test(first.split('-')[0])) return false;
        // A street or a place ("a new building on Wacker Drive") is no organisation.
        if (/\s(?:drive|street|st|road|rd|avenue|ave|lane|boulevard|blvd|way|square|park|plaza|place|tower|centre|center|campus)$/i.test(lower)) return false;
        return !related(s, span) && !outOfPlay(s, span);
      });
      candidates.push(...lowerPossessiveSpans(s, candidates));
      // A lower-case word counts only where it fills a slot of the frame, never by a looser cue (nor as the name a later pronoun means).
      const lower = new Set(lowerNameSpans(s, candidates).filter((span) => !related(s, span) && !outOfPlay(s, span) && !people.has(span.name) && !account.includes(span.name)));
      const makers = makersOf(s.toks, [...candidates, ...lower]);
      // Our own words only name the organisation a pronoun in the answer may stand for ("Still talking to Ardent?" "Yes, they came in cheaper").
      // (Later in the turn, only a verbless fragment gives a name as the answer: "Um, yes. Brightwell.", not "Hamburg goes live first".)
      const answering = asked || (answerTurn && !s.toks.some((x) => x.pos === 'VERB' || x.pos === 'AUX'));
      asked = asksForRivals(s);
      // The name in our question stays the one a pronoun may mean across a sentence or two of the answer without names ("How
      // did the X demo go?" "Meh. It was fine. Their reporting is nicer than yours.").
      if (ours) { previous = candidates; fromUs = true; stale = 0; continue; }
      const named = candidates.length > 0 || !fromUs || stale >= 2 ? candidates : previous;
      stale = candidates.length > 0 ? 0 : stale + 1;
      const inPlay: NameSpan[] = [];
      for (const span of [...candidates, ...lower]) {
        const index = s.text.indexOf(s.toks[span.start].text);
        const context = contextAt(s, s.text, index < 0 ? 0 : index, span.name.length, span);
        if (!lower.has(span) && lostToRival(s, span, !!opts.reported)) { inPlay.push(span); continue; }
        // "Is it true you can't do multi-currency? Ferrix can.": the name's own ability set against what we lack, one sentence on.
        if (lower.has(span) ? context !== 'evaluation' || typo(span.name.toLowerCase()) : context !== 'evaluation' && !(context === 'mention' && (contrasted(last, s, span) || elidedAgainstOurs(last, s, span) || elidedComparison(last, s, span) || singledOut(last, s, span) || (candidates.length === 1 && movedThere(s, span)) || (candidates.length === 1 && !settled(s) && weighedByRelative(s)) || (answering && namesAnAnswer(s, span))))) continue;
        // "spoke to Giulia from the Turin branch. she wants…": a name the text goes on to call "she" is a person; "X's sales team
        // called me again. I told them we're locked in with you": turned away in the next sentence.
        if (calledAPerson(sents, si, span) || (sents[si + 1] && turnedAway(sents[si + 1]) && !lower.has(span))) continue;
        inPlay.push(span);
      }
      // Names listed together share the slot: "quotes came from X and Y".
      for (const span of candidates) if (!inPlay.includes(span) && inPlay.some((o) => coordinated(s, o, span))) inPlay.push(span);
      // "…the founder of Skellig and came back very keen on them": a pronoun after the one name of the sentence.
      if (inPlay.length === 0 && candidates.length === 1 && !settled(s) && pronounInFrame(s, candidates[0].end + 1)) inPlay.push(candidates[0]);
      // "…using X for planning, and the group is considering standardising on it instead of your platform": "it" is the one name
      // a verb took as its object (not "Poland" in "managers in Poland").
      const objects = candidates.filter((c) => s.toks[c.start - 1]?.pos === 'VERB');
      const tool = candidates.length === 1 ? candidates[0] : objects.length === 1 ? objects[0] : undefined;
      if (inPlay.length === 0 && tool && !settled(s) && pronounInOurPlace(s, tool.end + 1)) inPlay.push(tool);
      for (const found of inPlay) {
        // A product stands for its maker: "Sparrowline's Pipeline Pro trial" weighs Sparrowline.
        const span = makers.has(found) ? { ...found, name: makers.get(found) as string } : found;
        seen.add(span.name.toLowerCase());
        // One rival named in two sentences is one competitor in the signal.
        if (out.some((c) => c.context === 'evaluation' && (c.name.toLowerCase() === span.name.toLowerCase() || span.name.toLowerCase().startsWith(`${c.name.toLowerCase()} `)))) continue;
        out.push({ name: span.name, text: asWritten(s), replacing: false, context: 'evaluation' });
      }
      const found = inPlay.length > 0;
      // "Have you run into Tidewell? They've offered us a trial.": the pronoun stands for the name just before.
      if (!found && candidates.length === 0 && previous.length === 1 && !settled(s) && (pronounInFrame(s) || (weighsBoth(s) && seen.size === 0))) {
        const name = previous[0].name;
        if (!out.some((c) => c.name.toLowerCase() === name.toLowerCase())) out.push({ name, text: asWritten(s), replacing: false, context: 'evaluation' });
      }
      fromUs = fromUs && candidates.length === 0;
      previous = found ? candidates : named;
      last = s;
    }
  }
  return out;
}
