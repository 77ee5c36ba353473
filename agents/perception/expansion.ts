// Expansion: the account's people talking about growing with us (a new initiative, team, use case,
// region; rolling out further; more seats), with who said it.
import { sentences } from './sentences.js';
import type { Utterance } from './utterances.js';

export interface ExpansionCue { text: string; speaker?: string; email?: string }

const EXPANSION = /\b(new initiative|new (team|department|division|use case|project|region|market|business unit|site|office)s?|roll(ing|ed)? (it |this |the platform |[a-z]+ )?out (to|across)|more (seats|licen[cs]es|users)|additional (seats|licen[cs]es|users|teams?|sites?)|another (region|team|division|office|site|business unit|country|use case)|expan(d|ding|sion)\b(?! on)|bring(ing)? .{0,60}\bonto\b|onboard(ing)? (our|the|another) .{0,40}(team|clinics|sites|offices|stores|regions?)|(second|third) (team|site|region|office|use case)|other (teams|departments|clinics|sites|offices|regions)|scale (it |this )?(up|out)|grow(ing)? (the|our) (team|usage|deployment|footprint))/i;

// "I've moved to another division" is a person moving, not the account growing.
const PERSON_MOVING = /\b(i|i'm|i've|i have|she|he|they|\w+ has|\w+ is) (just )?(moved|moving|transferred|been transferred|left|leaving|joined|taking a new role|been promoted)\b/i;

export function findExpansion(parts: Utterance[]): ExpansionCue[] {
  return parts.filter((u) => u.side === 'them').flatMap((u) => sentences(u.text)
    .filter((s) => EXPANSION.test(s) && !PERSON_MOVING.test(s))
    .map((text) => ({ text, ...(u.speaker ? { speaker: u.speaker } : {}), ...(u.email ? { email: u.email } : {}) })));
}
