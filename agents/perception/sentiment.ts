// Sentiment of what the account's people said: VADER (vader-sentiment, a port of the Hutto & Gilbert
// model: valence lexicon, negation, boosters, "but" shifts) with a small B2B layer on top — words
// whose polarity differs in a customer relationship ("outage", "blocker", "churn", "escalate" are bad
// news; "support", "agreement", "credit", "free" are nouns, not praise), complaints about a previous
// vendor or about one's own side, a fixed or falling problem, and the churn frames (a calm "we won't
// be renewing" carries no angry word and is the strongest signal there is). Per sentence in about
// [-3, 3]; per signal in [-1, 1], with the sentence that drove a negative score.
import { vaderCompound } from './shared-h8-vader.js';
import { analyze, type Sent } from './nlp.js';
import { churnFrame } from './churn.js';
import { churnAcross } from './churn-drift.js';
import { betterSince, rightSizing, someoneElses, toldAsPast, turnedAround } from './churn-frames.js';
import type { Utterance } from './utterances.js';
import { withoutLetterFormulas } from './letter-formulas.js';

/** Business nouns and courtesies VADER scores as feelings: read them as neutral. */
const NEUTRAL = /\b(like crazy|limitation of liability|liability|liabilities|governing law|indemnity|indemnities|indemnification|redlines?|support|supported|supporting|agreement|agreements|credit|credits|credited|share|shared|shares|free|ready|please|trust|value|values|well|like|pretty|interest|interested|promise|promised|promises|sorry|party|care|save|saves|saved|yes|ok|okay|kind|kindly|sure|fine|true|cancel|cancelled|canceled|lost|miss|missed|hard|honestly|no action|no need|no rush|po|pos|out sick|off sick|sick leave|sick day|sadly|sad news|bittersweet|laid off|let go|made redundant|eliminated|retire|retiring|retirement|farewell|goodbye|miss (?:her|him|them)|on (?:[\w-]+ )?leave|no worries|no worry|no problem|no problems|not a problem|no issue|no issues|no trouble|no bother|never mind|nevermind|don't worry|do not worry|no stress|nothing (?:that |which )?(?:should |will |would |could )?(?:slow|hold|block|stop|delay)s? (?:\w+ )?(?:down|up|back)|nothing (?:was|is|has been|got|were) (?:lost|broken|missing|wrong|damaged|affected|corrupted|deleted)|crazy (?:few |busy |couple of )?(?:week|weeks|day|days|month|months|time|times|quarter)|modern slavery|fir(?:e|ed|es|ing) off|(?:the )?least of (?:my|our|his|her|their) worries|panic over|false alarm|ill(?= (?:sign|send|do|get|have|check|call|be|let|take|look|make|try|ping|share|forward)\b))\b/gi;

/** The B2B layer, as lemmas: a domain word, its valence (per mention). */
const DOMAIN: Array<[RegExp, number]> = [
  [/ (?:outage|downtime|blocker|broken|break|bug|crash|failure|fail|error|lag|lagging|timeout|regression|workaround|unusable|unreliable|flaky|glitch|incident|(?:data|datum) loss) /, -0.45],
  // (Not a route kept for later: "a contact we can escalate to", "the escalation path".)
  [/ churn /, -0.8],
  // Escalating a ticket is urgency; escalating over someone's head is read by the churn frames.
  [/ (?:(?<!(?:can|could|may) )escalate|escalation(?! (?:path|contact|point|matrix|process|route|procedure))) (?!path |contact |point |matrix )/, -0.3],
  [/ (?:unacceptable|mess(?! around| about| with)|nightmare|useless|ridiculous|waste|terrible|awful|worst) /, -1.2],
  [/ (?:frustrat\S*|disappoint\S*|annoy\S*|upset|angry|furious) /, -1],
  // (Not "costs us a day" or "we lose deals": in discovery that is the customer's pain, not a complaint about us.)
  [/ (?:waste (?:of )?(?:time|money)|can not (?:do our|do my|get any) (?:job|work)) /, -1.2],
  // Paid for and not given: "paying for premium support and waiting five days for a reply".
  [/ pay (?:for )?(?:\S+ ){1,4}?(?:and|but|yet|while) (?:still |then |we )?(?:wait|get nothing|get no|never get|can not get|do not get) /, -1.2],
  // The account answering for us: "my team is taking the heat for your product", "it makes us look bad".
  [/ (?:take|taking) (?:the )?(?:heat|blame|flak|fall) for (?:you|your) | make (?:us|me) look (?:bad|stupid|foolish|incompetent|unprofessional) /, -1.2],
  [/ (?:(?:nobody|no one) (?:(?:on your (?:side|end|team) |at your end |from your (?:side|team) )(?:seem to |ever |really |even )?|seem to (?:even )?)(?:care|listen|respond|bother)|let down|letdown|fed up|(?:not|n't|do not) work(?! (?:here|there|at|with us|for (?:us|them) anymore|anymore|any more) )|lose patience|run out of patience|not happy|not satisfied|sick of|tired of) /, -1.5],
  [/ (?:resolve|resolved|fix|fixed|sort (?:it|this|that|everything|things|them) |sort out|smooth|smoothly|work perfectly|work well|work great|work for (?:us|me)|no complaint|breath of fresh air|exceed|exceeded|above and beyond) /, 1],
];
/** A bad thing that went away or down: "churn is down", "the blocker is cleared". */
const RELIEF = / (?:down|drop|fall|fallen|decrease|reduce|lower|fewer|fix|fixed|resolve|resolved|clear|cleared|gone|zero|approve|approved) /;
/** Complaints about what came before, or about one's own side, are not about us. */
const NOT_ABOUT_US = /\b(old|previous|former|legacy|prior) (system|tool|vendor|platform|process|solution|setup|provider|supplier|crm|erp|tms|wms|software|app|spreadsheets?)|\bafter years of\b|\byears ago\b|\bused to be\b|\bbefore (you|we switched|we moved)\b|\bon our (side|end)\b|\bour (fault|mistake|firewall|bad)\b|\bnothing to do with (you|your)\b|\bnothing (you|your team) (can|could) (do|have done)\b|\bnot (your|you guys'?) fault\b|\b(?:to|for) all (?:our )?(?:suppliers|vendors|partners|providers)\b|\bno fault of (yours|your)\b/i;
/** The account's own churn said to be falling ("churn in our client base … is why it is falling"): good news. */
function ownChurnFalling(s: Sent): boolean {
  const l = line(s);
  // Its own customers' churn ("our churn numbers are ugly") is its business's trouble, not a grievance with us.
  if (/ (?:our|their|customer|client|logo|revenue) churn /.test(l) && !/ (?:we|i) (?:be |will |might )?(?:churn|go to churn) /.test(l) && !/ (?:you|your) /.test(l)) return true;
  const at = l.indexOf(' churn ');
  return at >= 0 && RELIEF.test(l.slice(at + 6)) && !/ (?:we|i) (?:be |will |might )?(?:churn|go to churn) /.test(l);
}

/** A purchase not ready yet ("we are not ready to move forward", "need more time"): a buying stall, not dissatisfaction. */
const STALL = / (?:not|n't) (?:\S+ )?ready (?:to|yet|for)|need (?:a bit |a little |some )?more time|not there yet /;
/** A complaint said to be small. */
const MILD = /\b(small|minor|tiny|slight|slightly|mildly|somewhat|a (?:bit|little|tad) (?:annoying|irritating|frustrating|odd|slow|clunky)|not urgent|no rush|low priority|cosmetic|nitpick|(?:not|isn't|is not|less than) ideal)\b/i;

/**
 * Words that describe a state of the software rather than a feeling about it: VADER scores them as
 * negative ("error", "restrict", "problem"), but a plain fault report or a question about a limit is
 * not dissatisfaction. Read as lemmas.
 */
const FAULT = /\b(?:error|errors|fail|fails|failed|failing|failure|failures|problem|problems|issue|issues|bug|bugs|broken|break|crash|crashed|crashes|restrict|restricted|restriction|restrictions|block|blocked|blocks|limit|limited|limits|wrong|missing|miss|lost|stuck|blank|timeout|delay|delayed|slow|down|old|ignore|ignored|reject|rejected|deny|denied|disable|disabled|warning|warnings|mistake|complaint|complaints|trouble|attack|risk|risks|low|no|not|lag|lags|laggy|sluggish|outage|incident|truncate|truncated|misaligned|died|dead|kill|killed|cut|short)(?:s|es|ed|d|ing)?\b/gi;
/**
 * What turns a fault into a complaint: a feeling, a consequence for the business, or persistence
 * ("again", "still", "for two weeks", "the third time"). Read over the lemma line.
 */
const COMPLAINT = / (?:frustrat\S*|disappoint\S*|unacceptable|annoy\S*|upset|angry|furious|unhappy|fed up|sick of|tired of|let down|worst|terrible|awful|horrible|useless|ridiculous|mess|nightmare|shambles|joke|poor|bad|appalling|again|still|keep|constantly|repeatedly|always|every (?:day|time|week|morning|month)|in a row|(?:second|third|fourth|fifth|\d+(?:st|nd|rd|th)) time|for (?:\S+ )?(?:day|week|month)s?|(?:day|week|month)s|cost|lose|waste|unusable|can not (?:work|use|do)|pay for|paying|value|promise|expect (?:much |a lot |far |so much )?(?:more|better)|than (?:we |i )?(?:expect|hope)|trust|confidence|not happy|not satisfied|not work|n't work|hurt|damage|embarrass\S*|escalat\S*|churn) /;

/** Whether a negative sentence's negativity comes only from fault words, with nothing that makes it a complaint. */
function plainFault(s: Sent, text: string): boolean {
  const l = line(s);
  if (COMPLAINT.test(l) || DOMAIN.some(([re, v]) => v <= -0.8 && re.test(l))) return false;
  const rest = text.replace(FAULT, 'x');
  return vaderCompound(rest) > -0.05;
}

/** Things of the account's own, or of a third party, that a complaint can be about without being about us. */
const THEIR_OWN = /\b(?:(?:our|my) own (?:\w+ )?(?:numbers|results|figures|quarter|sales|revenue|margins?|performance|forecast|targets?|pipeline|customers?|business)|the (?:market|economy|industry|sector)|across the (?:industry|sector)|(?:our|my) (?:\w+ )?team'?s? (?:numbers|results|figures|performance)|(?:numbers|results|figures) (?:that )?(?:our|my) (?:\w+ )?team|(?:our|my) margins|(?:our|my) (?:own |internal |new |old |local |corporate |company |office )?(?:laptop|computer|pc|phone|printer|wifi|wi-fi|network|vpn|firewall|internet|proxy|email server|process|processes|approval|approvals|sign-off|policy|policies|payroll|vendor|partner|provider|supplier|bank|auditors?|accountants?|landlord|it|management|leadership|board|lawyers|procurement process|budget cycle|reorg|restructuring|hiring|commute|train|flight|building|office|calendar|courier|carrier|haulier|landlord|airline|caterer|telco|isp|recruiter|agency|contractor|erp|crm)s?|the (?:offsite|off-site|away day|party|trip|holiday|flight|train|weather|traffic|venue|printer|laptop|wifi|wi-fi|coffee machine|vpn|spam filter)|(?:our|my) (?:spam (?:filter|folder)|inbox|mailbox)|the (?:\w+ )?(?:vendor|provider|supplier|partner|agency|contractor|consultancy|consultants|bank|airline|hotel) (?:we|they) (?:use|used|hired|work with)|(?:internal|in-house) (?:process|approval|politics|tooling|team|bureaucracy))\b|\bIT (?:is|are|was|were|has|have|team|department|dept)\b/i;
/** The words that point at us: the second person, our product and what it does. */
const ABOUT_US = /\b(?:you|your|yours|you're|you've|y'all|platform|product|tool|app|software|service|support|integration|connector|dashboard|dashboards|report|reports|reporting|sync|export|exports|import|api|contract|subscription|licen[cs]es?|renewal|invoice|invoices|billing|onboarding|rollout|implementation)\b/i;

/** A complaint aimed at the account's own tools, process or people, or at a third party, and not at us. */
const OWN_LOSS = /\blos(?:e|ing|t) (?:\w+ )?(?:customers?|clients?|business|deals?|tenders?|bids?|accounts?|shippers?|volume) to\b/i;
function aboutOthers(s: Sent): boolean {
  const own = THEIR_OWN.test(s.text) || OWN_LOSS.test(s.text);
  if (!own && !s.toks.some((t) => t.cap && t.pos === 'PROPN')) return false;
  const rest = s.text.replace(THEIR_OWN, ' ');
  if (own && !ABOUT_US.test(rest.replace(/\bIT\b/g, ' ').replace(/\bit\b/gi, ' '))) return true;
  // Clause by clause: every negative clause is about their own things ("the printer hates me today, anyway the report is done").
  // (A relative "which is infuriating" belongs to the clause before it.)
  const clauses = s.text.split(/[;:\u2013\u2014]|,(?!\s*(?:which|that|so it|and it)\b)|\b(?:but|anyway|and)\b(?!\s*it\b)/i).filter((c) => c.trim());
  const negative = clauses.filter((c) => vaderCompound(c.replace(NEUTRAL, 'x')) < -0.05 || DOMAIN.some(([re, v]) => v < 0 && re.test(` ${c.toLowerCase().replace(/[^\w\s'-]/g, ' ').replace(/\s+/g, ' ')} `)));
  // (A lower-case "it is" is no IT department: only "IT" names their own.)
  // A clause naming someone else (a named firm or tool: "Kestrel has been terrible") or the account's own market is theirs too.
  // (A name is a capitalised word, not an acronym like ETA or SSO; the product nouns in its clause are its own: "Clari's support".)
  const named = (t: Sent['toks'][number], k: number) => /^[A-Z][a-z]/.test(t.text) && t.pos === 'PROPN' && (s.toks[k + 1]?.lower === "'s" || (!t.known && k > 0));
  const names = s.toks.filter(named).map((t) => t.text);
  const theirs = (c: string) => (THEIR_OWN.test(c.replace(/\bit\b/g, ' ')) || OWN_LOSS.test(c)) && !ABOUT_US.test(c.replace(THEIR_OWN, ' ').replace(/\bIT\b/g, ' ').replace(/\bit\b/gi, ' '));
  const named3rd = (c: string) => names.some((n) => c.includes(n)) && !/\b(?:you|your|yours)\b/i.test(c);
  return negative.length > 0 && negative.every((c) => theirs(c) || named3rd(c));
}

/** The problem is being dealt with: a fix under way, a known incident, someone on it. Frustration then is not dissatisfaction. */
const HANDLED = / (?:(?:you|your (?:\S+ )?(?:team|engineer|engineers|people|side)|they|support) (?:be |have )?(?:already )?(?:on it|look into|work on|fix|investigate|have a fix|patch|resolve|sort)|be (?:already (?:be |being )?|be |being )(?:work on|look at|look into|investigate|being fix|address|handle)|(?:a |the )?(?:fix|patch|hotfix) (?:\S+ ){0,2}?(?:in progress|in staging|roll out|on the way|come|deploy|ready|look good)|known (?:issue|incident|bug|problem)|thank(?:s)? for (?:jump|look|get|fix|sort|the quick) )/;
/** The problem already over: closed, resolved, nothing lost, working again. */
const RESOLVED = / (?:close (?:this|it|the ticket)|closing|(?:be|get|now) (?:resolve|fix|sort)|(?:resolve|fix|sort|solve) now|turn (?:it|things|that|this) (?:a)?round|(?:long |well )?behind us|off the table|make (?:it|this|that) work|all (?:good|sorted|fine) now|nothing (?:be |get )?(?:lose|lost|break|damage)|no (?:data )?(?:be )?lose|no impact|no harm|work (?:again|fine now|now)|back to normal|panic over|false alarm) /;
/** A writer saying their complaint is not about us ("nothing to do with your app", "not you lot", "not your fault"). */
const DISCLAIMS = /\b(?:nothing to do with (?:you|your|u|ur)|not (?:you|u|you lot|you guys|(?:your|ur) (?:fault|problem|issue|side|app|tool|platform))|no fault of (?:yours|your)|(?:you|your \w+) (?:is|are|was|were) (?:fine|great|not the problem))\b/i;

/** The speaker apologising for their own words ("I was frustrated on Tuesday's call and I want to apologise"). */
/** A loss only imagined, to keep something: "we would hate to lose the discount", "wouldn't want to miss the window". */
const AVERSION = / (?:would|'d) (?:\S+ )?(?:hate|want|like|care) to (?:lose|miss|forfeit|give up|see (?:\S+ )?go) /;
const APOLOGY = / (?:apologise|apologize|apology|my apology|sorry for (?:my|the noise|being|snap|the rant)) /;

/** Verbs that drop a tool: their named object is a product being left, not us. */
const DROP = new Set(['replace', 'retire', 'sunset', 'drop', 'ditch', 'decommission', 'cancel', 'phase']);

/** A feeling about one's own absence ("disappointed to miss the webinar"). */
const SELF = / (?:disappointed|sad|gutted|bummed|annoyed|upset|frustrated|sorry) (?:to|that (?:i|we)|i|we) (?:miss|have miss|will miss|be away|be out|not make|can not make|can not attend|can not be there|not be able) /;

const line = (s: Sent) => ` ${s.toks.map((t) => t.lemma).join(' ')} `;

const DOMAIN_G = DOMAIN.map(([re, v]) => [new RegExp(re.source, 'g'), v] as const);

function domainScore(s: Sent): number {
  const l = line(s);
  let score = 0;
  for (const [g, v] of DOMAIN_G) {
    for (const m of l.matchAll(g)) {
      // A bad thing said to be falling later in the sentence ("churn has been our biggest problem … it's finally coming down").
      const after = l.slice(m.index + m[0].length - 1, m.index + m[0].length + (/ churn /.test(m[0]) ? 120 : 40));
      const negatedBefore = / (?:not|no|never|without|zero) (?:\S+ )?$/.test(l.slice(Math.max(0, m.index - 16), m.index + 1));
      if (v < 0 && (RELIEF.test(after) || negatedBefore)) score += 0.5;
      else if (v > 0 && negatedBefore) score -= 1;
      else score += v;
    }
  }
  return score;
}

const OBJECT_START = new Set(['the', 'this', 'that', 'these', 'those', 'your', 'my', 'our', 'their', 'all', 'any', 'every', 'it', 'me', 'us', 'them', 'him', 'her', 'everything', 'anything']);

/** The verb an imperative opens with ("Ignore…", "Please cancel…", "Kill the old job"): an instruction, not a feeling. */
function imperativeVerb(s: Sent): string | undefined {
  const words = s.toks.filter((t) => t.pos !== 'PUNCT');
  const at = words[0]?.lower === 'please' || words[0]?.lower === 'kindly' ? 1 : 0;
  const [first, next] = [words[at], words[at + 1]];
  if (!first) return undefined;
  if (first.pos === 'VERB' && first.lemma === first.lower) return first.text;
  // The tagger often reads a sentence-initial imperative as a name or a noun ("Disregard/PROPN the…"):
  // a bare word straight before its object's determiner or pronoun is the verb of an instruction.
  const opener = !['PRON', 'DET', 'AUX', 'ADP', 'CCONJ', 'SCONJ', 'NUM', 'PART'].includes(first.pos) && !/s$/.test(first.lower);
  return opener && next && OBJECT_START.has(next.lower) ? first.text : undefined;
}

/** Verbs that open a later clause as an instruction: "…, so ignore any references", "…; skip the old ones". */
function clauseImperatives(s: Sent): string[] {
  const out: string[] = [];
  const t = s.toks;
  for (let k = 1; k + 1 < t.length; k += 1) {
    const prev = t[k - 1];
    const opens = (prev.pos === 'PUNCT' && [',', ';', ':', '-', '–'].includes(prev.text)) || (['so', 'then', 'and', 'just'].includes(prev.lower) && t[k - 2]?.pos === 'PUNCT');
    if (!opens || t[k].pos !== 'VERB' || t[k].lemma !== t[k].lower) continue;
    if (OBJECT_START.has(t[k + 1].lower)) out.push(t[k].text);
  }
  return out;
}

/**
 * What makes negative words a grievance with us rather than tone: a feeling about it (frustrated, let
 * down, fed up), a verdict (unacceptable, a mess, useless), a cost to the business (costing us money,
 * paying for), persistence that is counted (the fourth time, three weeks in a row, for two weeks), or
 * trust and promises. A bare "still fails" or "again" is a fault report; a mad month is a mood.
 */
const GRIEVANCE = / (?:frustrat\S*|disappoint\S*|unacceptable|annoy\S*|infuriat\S*|upset|angry|furious|unhappy|fed up|sick of|tired of|let down|letdown|hate|worst|terrible|awful|horrible|useless|ridiculous|mess|nightmare|shambles|disaster|joke|poor|appalling|pathetic|embarrass\S*|not happy|not satisfied|dissatisf\S*|waste|unusable|cost (?:us|we|me)|lose (?:us |we )?(?:money|deal|customer|client|business|revenue|time|hour|day)s?|pay for|paying|take the heat|look bad|value|promise|expect (?:much |a lot |far |so much )?(?:more|better)|than (?:we |i )?(?:expect|hope)|trust|confidence|credibility|can not (?:work|use|do|rely)|(?:not|n't) work|nobody (?:\S+ ){0,3}?(?:care|listen|respond|read|answer)|no one (?:\S+ ){0,3}?(?:care|listen|respond|read|answer)|ignore|(?:second|third|fourth|fifth|sixth|\d+(?:st|nd|rd|th)|umpteenth|another) time|in a row|every (?:day|time|week|morning|month|single)|constantly|repeatedly|for (?:\S+ )?(?:day|week|month|year)s?|since (?:\S+ )?(?:week|month)s?|after (?:\S+ )?(?:week|month|year)s?|(?:two|three|four|five|six|several|\d+) (?:day|week|month)s?|escalat\S*) /;
function grievance(s: Sent, text: string): boolean {
  if (GRIEVANCE.test(line(s)) || DOMAIN.some(([re, v]) => v <= -0.8 && re.test(line(s)))) return true;
  // Strong words of VADER's own count when they are aimed at us ("your rollout has been dreadful"), not at a brutal month.
  return ABOUT_US.test(text) && vaderCompound(text.replace(FAULT, 'x')) <= -0.6;
}

function sentencePolarity(s: Sent, churn = churnFrame(s)): number {
  if (churn) return -2.5;
  const verbs = [imperativeVerb(s), ...clauseImperatives(s)].filter((v): v is string => Boolean(v));
  // Only the opening verbs are neutralised: the rest of the sentence ("fix this mess") still counts.
  const said = verbs.reduce((acc, verb) => acc.replace(new RegExp(`\\b${verb}\\b`), 'x'), s.text);
  const text = said.replace(NEUTRAL, 'x');
  const compound = vaderCompound(text);
  let p = 1.5 * compound + domainScore(s);
  if (NOT_ABOUT_US.test(s.text) || (p < 0 && (ownChurnFalling(s) || aboutOthers(s) || APOLOGY.test(line(s)) || AVERSION.test(line(s)) || SELF.test(line(s)) || rightSizing(s) || turnedAround(s) || (someoneElses(s) && !/\byour?\b/i.test(s.text))))) p = Math.max(0, p);
  else if (p < 0 && HANDLED.test(line(s))) p *= 0.3;
  else if (p < 0 && (MILD.test(s.text) || STALL.test(line(s)))) p /= 3;
  // A fault reported or a limit asked about, without feeling, cost or persistence, is mild.
  else if (p < 0 && plainFault(s, text)) p = Math.max(-0.2, p * 0.35);
  // Tone alone is no dissatisfaction with us: without a grievance the sentence stays mildly negative.
  if (p < 0 && !grievance(s, text)) p = Math.max(p * 0.3, -0.15);
  return p;
}

/** Polarity of one sentence (or a short text): negative for complaints and churn talk, positive for praise. */
export function polarity(text: string): number {
  return analyze(text).reduce((sum, s) => sum + sentencePolarity(s), 0);
}

export interface Sentiment { sentiment: number; negativeText?: string; churnText?: string }

/** Over the account side's sentences (and what our notes report they said); dampened by length so one cue in a long call is not an alarm. */
export function sentimentOf(parts: Utterance[], opts: { reported?: boolean } = {}): Sentiment {
  let total = 0;
  let n = 0;
  let worst: { text: string; p: number } | undefined;
  let churnText: string | undefined;
  const said = parts.filter((u) => u.side === 'them' || (opts.reported && u.side === 'us')).flatMap((u) => analyze(withoutLetterFormulas(u.text)));
  // A fault said in the same breath as "you're on it" or "the fix is rolling out" is a report, not a grievance.
  const handled = said.some((s) => HANDLED.test(line(s)) || RESOLVED.test(line(s)));
  // The writer's own framing holds for the whole message: a complaint called minor, or said not to be about us.
  const mild = said.some((s) => MILD.test(s.text));
  const disclaimed = said.some((s) => DISCLAIMS.test(s.text));
  // "We're replacing Gong. The team never really adopted it…": once a named tool of someone else's is
  // being dropped, a later "it" without "you/your" is that tool, and the complaint is about it.
  let replacedTool = false;
  // A churn moment told as the past and turned around in a later sentence ("Last spring I told you we were
  // considering other options. That's off the table now."): no intent now, and no grievance.
  const overcome = new Set(said.filter((s, k) => toldAsPast(s.toks) && said.slice(k + 1).some((n) => betterSince(line(n)))));
  for (const s of said) {
    const l = line(s);
    const aboutReplaced = replacedTool && / (?:it|they|them|that tool|the tool) /.test(l) && !/ (?:you|your) /.test(l);
    const drops = s.toks.findIndex((t, i) => DROP.has(t.lemma) && s.toks[i + 1]?.pos === 'PROPN' && !['you', 'your'].includes(s.toks[i + 1]!.lower));
    if (drops >= 0) replacedTool = true;
    const churn = !aboutReplaced && !overcome.has(s) && churnFrame(s);
    if (churn && !churnText) churnText = s.text;
    const raw = aboutReplaced || overcome.has(s) ? Math.max(0, sentencePolarity(s, false)) : sentencePolarity(s, churn);
    let p = handled && !churn && raw < 0 ? raw * 0.3 : raw;
    if (!churn && p < 0 && disclaimed && !ABOUT_US.test(s.text.replace(DISCLAIMS, ' '))) p = 0;
    else if (!churn && p < 0 && mild) p /= 3;
    total += p;
    n += 1;
    if (p < 0 && (!worst || p < worst.p)) worst = { text: s.text, p };
  }
  if (n === 0) return { sentiment: 0 };
  // The champion who backed us before and will not again, said over two sentences.
  if (!churnText) {
    const across = churnAcross(said);
    if (across) { churnText = across.text; total -= 2.5; if (!worst || worst.p > -2.5) worst = { text: across.text, p: -2.5 }; }
  }
  const sentiment = Math.max(-1, Math.min(1, total / Math.max(2, Math.sqrt(n) * 1.5)));
  return { sentiment, ...(sentiment < 0 && worst ? { negativeText: worst.text } : {}), ...(churnText ? { churnText } : {}) };
}
