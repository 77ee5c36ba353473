// Someone at the account talking about growing with us, quoted with who said it.
import { NONE, flagged, type FactorCheck } from '../check.js';
import { DAY, contactOf, t, within, type Timeline } from '../timeline.js';
import { ago, quote, unique } from '../explain.js';
import { contactByName } from '../../perception/utterances.js';

export function expansionSignal(tl: Timeline): FactorCheck {
  const { lookbackDays } = tl.config.expansion;
  const hits = within(tl, tl.human, lookbackDays).flatMap((s) => (s.insights?.expansion ?? []).map((e) => ({ e, s })));
  const latest = hits[hits.length - 1];
  if (!latest) return NONE;
  const speaker = contactOf(tl, latest.e.email) ?? contactByName(latest.e.speaker, tl.contacts);
  const whoSaid = speaker ? `${speaker.name ?? speaker.email}${speaker.title ? ` (${speaker.title})` : ''}` : latest.e.speaker ?? 'Someone at the account';
  return flagged({
    factor: 'expansion_signal',
    weight: tl.config.weights.expansion_signal,
    explanation: `${whoSaid} said ${ago(tl.now - t(latest.s.occurredAt))} ago: ${quote(latest.e.text, 200)}${hits.length > 1 ? ` (${hits.length} expansion cues in ${lookbackDays} days)` : ''}`,
    evidence: unique(hits.slice(-3).map((h) => h.s.id)),
    contacts: speaker ? [speaker.email] : [],
  }, t(latest.s.occurredAt) + lookbackDays * DAY);
}
