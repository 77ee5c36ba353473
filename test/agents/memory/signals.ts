// Signals for memory tests, parsed as the API parses them (defaults filled), with ids.
import { SignalInput, type Signal } from '../../../agents/signals/schema.js';

let n = 0;
export function makeSignal(raw: Record<string, unknown>, accountId = 'acc'): Signal {
  const input = SignalInput.parse({ occurredAt: '2026-11-02T10:00:00Z', ...raw });
  return { ...input, id: `sig-${(n += 1)}`, accountId, source: input.source ?? 'api', receivedAt: input.occurredAt } as Signal;
}
