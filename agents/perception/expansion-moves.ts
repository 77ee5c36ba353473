// Growth said with a phrasal verb of carrying a group over to us ("bringing the claims handlers
// across", "bring the Oslo sales team on in January", "get the Riga crew over too") or of taking the
// product to a unit ("take it to the rest of the Baltic offices"). Moving a group somewhere else
// ("move the drivers over to the Leeds depot") is a relocation, not growth.
import type { Sent, Tok } from './nlp.js';
import { UNIT, isDepartment, modifies } from './expansion-team.js';
import { countsPeople } from './expansion-seats.js';

const CARRY = new Set(['bring', 'move', 'get', 'take', 'put', 'migrate', 'shift', 'switch']);
const PARTICLE = new Set(['across', 'aboard', 'over', 'on']);
/** Words that may sit in the carried noun phrase. */
const IN_PHRASE = new Set(['DET', 'PRON', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'X']);
/** After the particle, a word that opens its own object makes it a preposition ("on the call", "over to Leeds"). */
const TIME = /^(?:week|month|quarter|year|spring|summer|autumn|fall|winter|monday|tuesday|wednesday|thursday|friday|january|february|march|april|may|june|july|august|september|october|november|december|q[1-4])$/;
function opensObject(t: Tok[], k: number): boolean {
  const x = t[k];
  if (!x || ['too', 'as'].includes(x.lower)) return false;
  // "on next month" is a time; "on next Tuesday's call" opens an object.
  if (['next', 'this'].includes(x.lower)) return !(TIME.test(t[k + 1]?.lower ?? '') && !["'s", '’s'].includes(t[k + 2]?.lower ?? '') && t[k + 2]?.pos !== 'NOUN');
  return ['DET', 'PRON', 'NOUN', 'PROPN', 'NUM', 'ADJ'].includes(x.pos) || ['to', 'into', 'for', 'with', 'at'].includes(x.lower);
}

const isGroup = (x: Tok): boolean => UNIT.has(x.lemma) || isDepartment(x) || countsPeople(x) || x.lower === 'them';

/** A group carried over with a particle: "bring the claims handlers across", "bring the Oslo sales team on in January". */
export function groupBroughtOver(s: Sent): boolean {
  const t = s.toks;
  return t.some((v, i) => {
    if (v.pos !== 'VERB' || !CARRY.has(v.lemma)) return false;
    let group = false;
    for (let k = i + 1; k < Math.min(t.length, i + 9); k += 1) {
      if (PARTICLE.has(t[k].lower) && k > i + 1) return group && !opensObject(t, k + 1);
      if (!IN_PHRASE.has(t[k].pos) && t[k].lower !== '-') return false;
      if (isGroup(t[k])) group = true;
    }
    return false;
  });
}

const TAKEN = new Set(['take', 'bring', 'spread', 'extend', 'expand', 'open']);
const PRODUCT = /^(?:it|this|you|platform|tool|product|app|system|software)$/;
/** "take it to the team" is consulting them: taking it to a unit grows only when more units are meant ("the rest of", "the other three", "every"). */
const MORE_UNITS = new Set(['rest', 'other', 'every', 'all', 'more', 'another', 'remaining', 'second', 'third', 'new']);
/** The product taken to a unit: "take it to the rest of the Baltic offices", "extend it to the Oslo team". */
export function takenToUnit(s: Sent): boolean {
  const t = s.toks;
  return t.some((v, i) => {
    if (v.pos !== 'VERB' || !TAKEN.has(v.lemma)) return false;
    const obj = t.slice(i + 1, i + 4).findIndex((x) => PRODUCT.test(x.lower));
    if (obj < 0) return false;
    const to = i + 2 + obj;
    if (t[to]?.lower !== 'to') return false;
    const target = t.slice(to + 1, to + 8);
    // A unit in the possessive ("the other offices' managers meeting") modifies what follows.
    const unit = target.findIndex((x, n) => UNIT.has(x.lemma) && !modifies(t, to + 1 + n) && !/^['’]s?$/.test(t[to + 2 + n]?.text ?? ''));
    if (['take', 'bring'].includes(v.lemma)) return unit >= 0 && target.slice(0, unit).some((x) => MORE_UNITS.has(x.lower));
    return unit >= 0 || target.some(isDepartment);
  });
}
