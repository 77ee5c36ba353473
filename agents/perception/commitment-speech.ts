// Spoken and chat promises come with the disfluencies of speech: fillers ("uh", "um", ", you know,"),
// restarts ("I'll, I'll pull…", "we — we will"), an action announced before it is said ("what I'll do
// is, I'll pull the rate cards"), a comma after the modal ("I'll, uh, send"), chat spellings of "you"
// ("come back to u"). The promise frame reads a clause as subject + modality + act + object; these
// sit between the parts and hide them. Cleaning them out of the text before it is read keeps every
// word that carries meaning and only drops those that carry none.

/** Sounds that fill a pause, with the comma that usually follows them. */
const FILLER = /(^|[\s,(])(?:uh+|um+|erm+|uhm+|hmm+|mm+|ehm)(?=[\s,.!?;:)]|$)[,]?/gi;
/** Discourse fillers set off by commas: ", you know,", ", like,", ", I mean,", ", kind of,". */
const SET_OFF = /,\s*(?:you know|like|i mean|kind of|sort of|basically|actually)\s*,/gi;
/** The same at a clause's start: "So, like, on our end…". */
const LEADING = /(^|[.!?;:]\s*|,\s*)(?:like|you know|i mean),\s*/gi;
/** A word said twice across a restart: "I'll, I'll", "we — we". */
const RESTART = /\b([A-Za-z]+(?:['’][a-z]+)?)\s*(?:,|—|–|-|\.\.\.)?\s+\1\b/gi;
/** An announced action: "what I'll do is (,) I'll send…", "what we're going to do is send…". */
// ("What we'll do on our side is, get the sign-off sorted": a few words may sit between "do" and "is".)
const ANNOUNCED = /\bwhat (i|we)(?:['’]ll| will| am going to| are going to|['’]m going to|['’]re going to|['’]m gonna|['’]re gonna) do(?: [\w'’]+){0,4}? is,?\s*(?:to\s+)?/gi;
/** A comma between the modal and its verb once a filler is gone: "I'll, pull". */
const MODAL_COMMA = /\b((?:i|we|you|they|he|she|it)['’]ll|will|shall|gonna|going to)\s*,\s+/gi;
/** Chat spellings of the addressee ("u'll" too). */
const CHAT_YOU = /(^|\s)u(?=[\s.,!?'’]|$)/g;

/** Chat's "w/" or "w" for "with" before a person: "share it w u tmrw". */
const CHAT_WITH = /\bw\/?(?= (?:you|u|me|us|them|the team)\b)/gi;

/** The text with fillers, restarts and announcements taken out; unchanged when it has none. */
export function unfill(text: string): string {
  let t = text.replace(FILLER, '$1');
  t = t.replace(SET_OFF, ',').replace(LEADING, '$1');
  // ("What I'll do is, I'll send…" says the subject twice: the second one stays.)
  t = t.replace(ANNOUNCED, (_m, who: string, at: number, all: string) => (/^(?:i|we)(?:['’]ll| will)\b/i.test(all.slice(at + _m.length)) ? '' : `${who} will `));
  t = t.replace(RESTART, (m, w: string) => (/^(?:that|had|very|so|bye|no|yes|ha)$/i.test(w) ? m : w));
  t = t.replace(MODAL_COMMA, '$1 ').replace(CHAT_YOU, '$1you').replace(CHAT_WITH, 'with');
  // ("No later than Friday you will receive…": a deadline, which the negation reader would take for a "no".)
  t = t.replace(/\bno later than\b/gi, 'by');
  // "Keiko's gonna clean up…": the "'s" is "is" (the tagger takes it for a possessive), "gonna" is "going to".
  t = t.replace(/\b(\w+)['’]s (?=gonna\b|going to\b)/gi, '$1 is ').replace(/\bgonna\b/gi, 'going to');
  // (Fillers gone leave doubled commas and spaces: "so, , I'll" reads as "so, I'll".)
  return t.replace(/,(\s*,)+/g, ',').replace(/[ \t]{2,}/g, ' ').replace(/(^|\n)[ \t]*,?[ \t]*/g, '$1');
}
