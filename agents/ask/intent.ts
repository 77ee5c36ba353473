// What a plain-language question asks, and whom it names. Pure and deterministic.
//
// Each intent is scored by the cues it finds (weighted: a word that names the subject outright
// weighs more than one that only leans towards it), so a question phrased in words nobody wrote
// down here still lands where its strongest cues point: "are we up against anyone else?" is about
// competitors, "anything I should be doing on this one?" about next steps. A question that names a
// person and asks about their words ("Marisol's position on the budget", "latest from Naomi") is
// about what they said, whatever topic it also names.
import type { Contact } from '../../db/queries/contacts.js';

export const INTENTS = [
  'next_steps', 'summary', 'recent_changes', 'successor',
  'why_at_risk', 'stakeholders', 'champion', 'last_contact', 'next_meeting', 'commitments', 'renewal', 'usage', 'competitors', 'what_said', 'search',
] as const;
export type Intent = (typeof INTENTS)[number];

export interface ParsedQuestion {
  intent: Intent;
  /** Contacts the question names ("Marta", "the CFO", "procurement"). */
  people: Contact[];
  /** What the question is about, with the names and question words removed (for memory search). */
  topic: string;
}

/**
 * Groups of people a question may name by function rather than by name: the words a question uses,
 * and what a contact's title or role must hold to be one of them.
 */
/** `raw`: asked is matched on the question as written ("IT" is a function only in capitals; "it" is the pronoun). */
const ROLE_GROUPS: Array<{ asked: RegExp; title: RegExp; roles: string[]; raw?: boolean }> = [
  { asked: /\b(procurement|purchasing|sourcing|vendor management)\b/, title: /\b(procurement|purchasing|sourcing|buyer)\b/, roles: ['procurement'] },
  { asked: /\b(security|infosec|ciso)\b/, title: /\b(security|infosec|ciso)\b/, roles: ['security'] },
  { asked: /\b(legal|counsel|lawyers?|attorneys?)\b/, title: /\b(legal|counsel|attorney|lawyer)\b/, roles: ['legal'] },
  { asked: /\b(finance|financial|cfo|controller|money (person|people)|bean counters?)\b/, title: /\b(cfo|finance|financial|controller|treasurer|accounting)\b/, roles: [] },
  { asked: /\b(economic buyer|budget (holder|owner)|signer|signatory)\b/, title: /$^/, roles: ['economic_buyer'] },
  { asked: /\b(executive sponsor|exec sponsor)\b/, title: /$^/, roles: ['executive_sponsor'] },
  { asked: /\b(technical evaluator|engineering lead|tech lead)\b/, title: /\b(engineering lead|tech lead|architect)\b/, roles: ['technical_evaluator'] },
  { asked: /\bdecision makers?\b/, title: /$^/, roles: ['decision_maker'] },
  { asked: /\bIT\b/, title: /\b(it|information technology|infrastructure|systems|technology)\b/, roles: [], raw: true },
];

const TITLE_WORDS = ['ceo', 'cfo', 'cto', 'cio', 'coo', 'ciso', 'cro', 'vp', 'head of', 'director'];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const CONTRACTIONS: Array<[RegExp, string]> = [
  [/\b(what|who|where|how|when|why|that|there|it|he|she)'s\b/g, '$1 is'],
  [/\bwon't\b/g, 'will not'], [/\bcan't\b/g, 'can not'], [/\b(\w+)n't\b/g, '$1 not'],
  [/\b(i|we|you|they|he|she)'d\b/g, '$1 would'], [/\b(\w+)'re\b/g, '$1 are'], [/\b(\w+)'ve\b/g, '$1 have'], [/\b(\w+)'ll\b/g, '$1 will'],
  [/\bi'm\b/g, 'i am'],
];

/** Lower case, straight apostrophes, contractions spelt out (possessives stay: "Ines's"). */
function norm(s: string): string {
  return CONTRACTIONS.reduce((acc, [re, to]) => acc.replace(re, to), s.toLowerCase().replace(/[’‘`]/g, "'")).replace(/\s+/g, ' ').trim();
}

/** Resolves names, titles and roles in the question against the account's contacts. */
export function resolvePeople(question: string, contacts: Contact[]): Contact[] {
  const q = norm(question);
  const found = new Map<string, Contact>();
  for (const c of contacts) {
    const names = (c.name ?? '').split(/\s+/).filter(Boolean);
    // A name of two letters (Bo, Li) counts only as written, capitalised: "bo" or "li" in lower case may be anything.
    const named = (n: string) => (n.length >= 3 ? new RegExp(`\\b${escape(n.toLowerCase())}\\b`).test(q) : n.length === 2 && new RegExp(`\\b${escape(n)}\\b`).test(question));
    if (names.some(named) || q.includes(c.email.toLowerCase())) found.set(c.email, c);
  }
  for (const g of ROLE_GROUPS) {
    if (!g.asked.test(g.raw ? question : q)) continue;
    for (const c of contacts) if ((c.role && g.roles.includes(c.role)) || g.title.test((c.title ?? '').toLowerCase())) found.set(c.email, c);
  }
  for (const t of TITLE_WORDS) {
    if (new RegExp(`\\b(the )?${t}\\b`).test(q)) {
      for (const c of contacts) if (new RegExp(`\\b${t}\\b`).test((c.title ?? '').toLowerCase())) found.set(c.email, c);
    }
  }
  return [...found.values()];
}

type Cue = [RegExp, number];

/** Words that ask about someone's words: with a person named, the question is about what they said. */
const SPEECH = /\b(say|says|said|saying|mention(s|ed)?|tell|told|wr[io]te|write|ask(s|ed)?|raise[ds]?|think(s|ing)?|feel(s|ing)?|position|stance|views?|take on|opinions?|comments?|commented|feedback|thoughts|word (from|on)|latest from|news from|hear(d)? from|message|messages|note|react(ed|ion)?|respon(d|ded|se)|reply|replied|wants?|wanted|needs?|needed|request(s|ed)?|requir(e|es|ed)|looking for)\b/;

const CUES: Record<Exclude<Intent, 'search'>, Cue[]> = {
  next_steps: [
    [/\b(should (i|we)|(i|we) should|(i|we) (ought|need|have) to|do (i|we) need to)( \w+){0,2}? (do|be doing|focus|work on|prioriti[sz]e|tackle|start|look at|chase|push)\b/, 3],
    [/\bnext (best )?(steps?|moves?|actions?)\b|\b(do|doing) next\b|\bwhat (now|next)\b|\bnext\?$/, 3],
    [/\bto-?dos?\b|\baction items?\b|\bopen recommendations?\b|\brecommended actions?\b|\bgame plan\b|\bplan of attack\b/, 3],
    [/\b(recommend|suggest|advise|advice)\b|\bpriorit(y|ies|i[sz]e)\b|\bfocus\b/, 2],
    [/\b(my|our) move\b|\bwhere (should|do) (i|we) (start|begin)\b|\bneeds? (my |our )?attention\b|\bwhat needs (doing|to be done)\b/, 3],
    [/\b(what|anything|something) (can|could|should|do) (i|we) do\b|\bhow (should|do|can|could) (i|we) (proceed|handle|approach|move forward|save|win)\b/, 3],
  ],
  summary: [
    [/\bsummar(y|ise|ize)\b|\boverview\b|\bbrief(ing)? me\b|\bcatch me up\b|\bfill me in\b|\brun-?down\b|\bsnapshot\b|\btl;?dr\b/, 3],
    [/\blay of the land\b|\bbig picture\b|\bstate of play\b|\bwhat (do|should) i know about\b|\btell me about (this|the) (account|customer|deal)\b/, 3],
    [/\b(where|how) (do|are) (we|things) stand\b|\bstatus of (the|this|our) (account|deal|relationship)\b|\baccount (status|overview)\b/, 2],
    [/\bwhere (are|do) we (stand |at )?(with|on)\b|\bwhere (does|do|is) (the|this|our) (deal|contract|paperwork|order|negotiation)( stand| at)?\b|\bhow (is|are) (the|this|our) (deal|contract|paperwork|negotiation) (going|coming along|progressing)\b/, 3],
  ],
  recent_changes: [
    [/\bwhat (is|has|have) (changed|happened|been happening|been going on)\b|\bwhat changed\b|\bwhat is new\b|\banything new\b|\bwhat did i miss\b|\bmissed anything\b/, 3],
    [/\bnews\b|\bany (changes|developments|updates)\b|\blatest (news|developments|changes|updates|activity)\b/, 3],
    [/\brecent(ly)?\b|\blately\b|\bsince (last|we last|my last)\b|\bthis (week|month)\b|\b(last|past) (few )?(\d+ )?(days|weeks?)\b/, 2],
    [/\bupdates?\b/, 1],
  ],
  successor: [
    [/\bfill(s|ing|ed)? .{0,20}\bshoes\b|\bstep(s|ping|ped)? into .{0,20}\b(shoes|role|seat)\b/, 4],
    [/\b(takes?|taking|took|taken) over\b|\bsuccessor\b|\bhand(s|ing|ed)? (\w+ )?(over|off)\b|\bhand-?(over|off)\b|\binherit(s|ing|ed)?\b/, 4],
    [/\bwho\b.*\breplac(e|es|ed|ing|ement)\b|\breplac(es|ed|ing|ement) (for )?[a-z]+'s?\b/, 4],
    [/\bwho\b.*\b(step(s|ping|ped)? in|fill(s|ing)? in for|cover(s|ing)? for|pick(s|ing|ed)? (it |things |that )?up)\b/, 4],
    [/\bin (charge|place) of\b.*\bnow\b|\binstead of\b|\bwho (now )?(owns|handles|runs|leads|manages) (the )?(relationship|account)\b/, 3],
  ],
  why_at_risk: [
    [/\brisk(s|y)?\b|\bflag(s|ged)?\b|\bred flags?\b|\bjeopard/, 3],
    [/\b(why|what)\b.*\b(wrong|problems?|issues?|trouble|worr(y|ied|ying)|concern(s|ed|ing)?|health|score|danger|off track|going badly|at stake)\b/, 3],
    [/\bshould (i|we) be (worried|concerned)\b|\bwhat is (up|going on) with\b|\b(un)?health(y)?\b|\bchurn\b|\bunhappy\b|\bupset\b/, 2],
    [/\b(danger|endangered|trouble|troubled|jeopardy|shaky|slipping)\b|\b(worried|concerned|nervous) about (this|the|them)\b/, 2],
  ],
  commitments: [
    [/\bpromis(e|es|ed|ing)\b|\bcommit(ted|ments?)?\b|\bowe[ds]?\b|\bon the hook\b/, 3],
    [/\b(said|told them|agreed) (we|i) would\b|\bwe (said|agreed) to\b|\bwhat did we say we\b|\bbehind on\b|\boverdue\b/, 3],
    [/\bdeliver(y|ables?|ed|ing)?\b|\boutstanding\b|\bstill open\b|\bfollow[- ]?ups? (we|i) (owe|promised)\b/, 2],
  ],
  renewal: [
    [/\brenew(al|als|s|ing|ed)?\b|\bup for renewal\b|\b(contract|subscription|term|licen[cs]e|agreement) (end|ends|ending|expir\w*|term|(is )?up)\b|\bexpir(e|es|ed|ing|y|ation)\b|\bextend the (contract|subscription)\b/, 3],
  ],
  usage: [
    [/\busage\b|\badopt(ion|ed|ing)?\b|\bactive users?\b|\blog ?ins?\b|\blogging in\b|\butili[sz]ation\b|\bseats? (used|in use)\b/, 3],
    [/\busing (the product|it|us|our|the platform|the tool|the software)\b|\bhow much (are |do )?(they )?(use|using)\b/, 3],
    [/\b(how many|number of) (\w+ ){0,2}(users|seats|licen[cs]es|log-?ins|sessions)\b/, 3],
    [/\btrend(s|ing)?\b|\bengagement\b|\bgoing (up|down)\b|\b(up|down) or (up|down)\b/, 2],
  ],
  competitors: [
    [/\bcompetit(or|ors|ion|ive)\b|\brivals?\b|\balternatives?\b|\bbake-?off\b|\bshortlist(ed)?\b|\bversus\b|\bvs\.?\b/, 3],
    [/\b(other|another|different) (vendors?|tools?|providers?|suppliers?|solutions?|options?|platforms?|products?|companies|company)\b/, 3],
    [/\bup against\b|\bwho else\b|\bin the (running|mix|frame)\b|\b(looking at|evaluating|considering|talking to|trialling|trialing|piloting|testing) (anyone|anybody|someone|something|anything)? ?(else|other)\b/, 3],
    [/\bcompar(e|ed|es|ing|ison)\b|\bswitch(ing)? (to|away)\b|\b(leav|replac)ing us\b|\bvendors\b/, 2],
    [/\bcompet(e|es|ed|ing)\b|\bshop(s|ping|ped)? around\b|\blook(s|ing|ed)? around\b|\b(test|explor|sound)(s|ing|ed)? (out )?the market\b|\bother (offers|quotes|bids|proposals)\b/, 3],
  ],
  champion: [
    [/\bchampions?\b|\badvocates?\b|\bally\b|\ballies\b|\binternal (sponsor|supporter|coach)\b|\bon our side\b|\bin our corner\b/, 3],
    [/\bwho (is|are) (backing|supporting|pushing for|fighting for|rooting for) us\b|\b(main|primary|key) (contact|person|point of contact)\b|\bpoint person\b|\bgo-to (person|contact)\b/, 3],
  ],
  stakeholders: [
    [/\bstakeholders?\b|\bbuying (group|committee)\b|\bcommittee\b|\bdecision makers\b|\bwho (is|are) involved\b|\borg chart\b|\b(multi|single)-?thread/, 3],
    [/\b(our|the|their|which|what) contacts\b|\bwho (else )?(do|should) (we|i) (know|talk to|reach)\b|\bwho (do|did) we (talk|speak) to\b|\bwho (are we|have we been) (talking|speaking)\b|\bwho have we\b/, 3],
    [/\bsilent\b|\b(go|goes|gone|going|went|fell|fallen|falling) (quiet|dark|silent|cold)\b|\bghost(s|ed|ing)?\b|\bunresponsive\b|\bno (reply|response|answer)\b/, 3],
    [/\b(not|stopped|quit) (responding|replying|answering|engaging|engaged|writing)\b|\bhave not (heard|replied|responded)\b/, 3],
  ],
  last_contact: [
    [/\b(last|latest|most recent) (contact|touch|touchpoint|interaction|conversation|exchange|time we (spoke|talked|heard))\b/, 3],
    [/\blast (heard|spoke|talked|emailed|met|called)\b|\bwhen (did|have) (we|they|anyone) last\b|\bwhen was (the|our) last\b/, 3],
    [/\bhow long (since|has it been)\b|\bbeen a while\b|\b(been|get|got|getting) in touch\b|\b(heard|hear) from them\b/, 3],
    [/\blast (email|meeting|call|message|reply|response)\b/, 2],
    [/\blast time (we|they|anyone|somebody|someone)\b|\blast time\b.*\b(contact|touch|talk(ed)?|spoke|heard|wrote|met|emailed|called)\b/, 3],
  ],
  next_meeting: [
    [/\bnext (meeting|call|check-?in|catch-?up|sync|session|review|qbr|demo|touchpoint)\b|\bwhen (are|do|will|shall) we next\b|\b(are|do|will) we (meet|see|talk|speak)\w* (them |again )?next\b/, 4],
    [/\b(anything|something|a (meeting|call)|meetings?|calls?) (booked|scheduled|set up|in the (diary|calendar)|on the calendar)\b/, 4],
  ],
  what_said: [
    [SPEECH, 1],
  ],
};

/** Intents that name a subject of their own win a tie over the general ones. */
const TIE_ORDER: Intent[] = ['successor', 'next_meeting', 'commitments', 'renewal', 'usage', 'competitors', 'champion', 'why_at_risk', 'stakeholders', 'last_contact', 'next_steps', 'recent_changes', 'summary', 'what_said'];

/** Words that carry no topic: question words, pronouns, fillers, and the words of asking itself. */
const NOT_TOPIC = new Set(`what who whom whose when where why how which did does do doing done is are was were be been being the a an our we us about
say says said saying last latest most recent recently lately tell told me my i you your of on to in with has have had any anything something
this that these those it its they them their there he she his her him from for at by as or and but so just now here over then please
mention mentions mentioned regarding concerning re position stance view views take opinion opinions comment comments commented feedback thoughts
think thinks feel feels word words message messages note notes thing things heard hear wrote write written asked ask raise raised
team side folks people person guy one ones chief boss
email emails mail mails call calls meeting meetings chat chats ticket tickets slack voicemail channel channels thread threads dm dms inbox form forms portal would could should will can may might know let get got give go going lately`.split(/\s+/));

function scores(q: string, people: Contact[]): Map<Intent, number> {
  const out = new Map<Intent, number>();
  for (const [intent, cues] of Object.entries(CUES) as Array<[Exclude<Intent, 'search'>, Cue[]]>) {
    const s = cues.reduce((sum, [re, w]) => sum + (re.test(q) ? w : 0), 0);
    if (s > 0) out.set(intent, s);
  }
  if (people.length > 0 && SPEECH.test(q)) out.set('what_said', (out.get('what_said') ?? 0) + 4);
  // "What did Li say about the renewal?": what someone said, though it names a topic with an intent of its own.
  if (people.length > 0 && /\bwhat (did|has|have|was|is)\b.*\b(say|said|mention|mentioned|write|wrote|tell|told|think|feel)\b/.test(q)) out.set('what_said', (out.get('what_said') ?? 0) + 2);
  return out;
}

export function classifyQuestion(question: string, contacts: Contact[]): ParsedQuestion {
  const q = norm(question);
  const people = resolvePeople(question, contacts);
  const scored = scores(q, people);
  let intent: Intent = 'search';
  let best = 0;
  for (const name of TIE_ORDER) {
    const s = scored.get(name) ?? 0;
    if (s > best) { best = s; intent = name; }
  }
  // The speech cue alone (score 1, no one named) is too weak to stand: memory search answers better.
  if (intent === 'what_said' && people.length === 0 && best < 2) intent = 'search';
  if (intent === 'search' && people.length > 0) intent = 'what_said';
  const named = new Set(people.flatMap((p) => (p.name ?? '').toLowerCase().split(/\s+/)).filter(Boolean));
  const roleWords = ROLE_GROUPS.filter((g) => g.asked.test(q)).map((g) => g.asked);
  const topic = roleWords.reduce((acc, re) => acc.replace(new RegExp(re.source, 'g'), ' '), q)
    .replace(/'s\b/g, ' ')
    .replace(/[?.,!;:"()]/g, ' ')
    .split(/\s+/)
    .filter((w) => w && !NOT_TOPIC.has(w) && !named.has(w) && !TITLE_WORDS.includes(w))
    .join(' ');
  return { intent, people, topic };
}
