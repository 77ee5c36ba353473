// Competitors named in what was said. A competitor named as the tool being replaced ("we're moving
// off Gong", "replacing Clari", "migrating from X") is the customer leaving it: no competitive threat.
import { sentences } from './sentences.js';
import type { Utterance } from './utterances.js';

export interface CompetitorMention { name: string; text: string; replacing: boolean }

/** Cues before the name: "replacing X", "moving off X", "instead of X", "we used to use X". */
const REPLACING_BEFORE = /\b(replac(e|es|ed|ing)|moving (off( of)?|away from|from)|move (off( of)?|away from)|migrat(e|ed|ing) (away )?(off|from)|switch(ed|ing)? (away )?from|sunset(ting)?|get(ting)? rid of|rip(ping)? out|instead of|leav(e|ing)|retir(e|ing)|consolidat(e|ing) (off|away from)|done with|used to use|previously used|coming from|phas(e|ing) out|cancel(l?ing)? our)\b/i;
/** Cues after the name: "X is being replaced", "X goes away", "our X contract ends and we won't renew". */
const REPLACING_AFTER = /^[^.;]{0,40}?\b((is|are) (being )?(replaced|retired|sunset|phased out|going away)|goes away|contract (ends|expires|is up)|(won't|will not|not) (be )?renew(ing|ed)?)\b/i;

/** Where a clause ends; "to" only as a destination ("from Gong to Clari"), not a verb's ("going to replace"). */
const CLAUSE_BREAK = /[,;:]|\b(?:and|but|while|whereas|also|plus|with|for|vs|versus|or)\b|\bto\b(?!\s+(?:use|replace|move|migrate|switch|leave|retire|phase|get|rip|sunset|cancel|consolidate)\b)/i;

const escape = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A name as written: its first letter's case kept (so "Outreach" is not "outreach"), the rest in any case. */
function nameRegex(name: string): RegExp {
  const first = name[0];
  const rest = escape(name.slice(1));
  return new RegExp(`(?<![\\w.])${escape(first)}(?i:${rest})(?![\\w])`);
}

export function findCompetitors(parts: Utterance[], names: string[]): CompetitorMention[] {
  const patterns = names.filter((n) => n.trim()).map((name) => ({ name, re: nameRegex(name.trim()) }));
  const out: CompetitorMention[] = [];
  for (const u of parts) {
    for (const s of sentences(u.text)) {
      for (const { name, re } of patterns) {
        const m = re.exec(s);
        if (!m) continue;
        // Only the clause leading to the name: in "moving off Gong to Clari", Clari is the new tool.
        const before = s.slice(0, m.index).split(CLAUSE_BREAK).pop() ?? '';
        const after = s.slice(m.index + m[0].length);
        out.push({ name, text: s, replacing: REPLACING_BEFORE.test(before) || REPLACING_AFTER.test(after) });
      }
    }
  }
  return out;
}
