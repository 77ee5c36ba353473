// The account settings the agent reads, checked where they enter (the API), with the same zod schema
// the risk model parses them with. A pure module: api/ may import agents/signals/* but not the risk
// model, so this is the one door through which the API sees the risk configuration's rules.
import { DEFAULT_RISK_CONFIG, RiskConfig, deepMerge } from '../risk/config.js';

export interface SettingIssue { path: Array<string | number>; message: string }

/**
 * What is wrong with `settings.thresholds` (empty when nothing): each issue's path starts inside
 * `thresholds`, e.g. ['silenceDays', 'renewal'] for a string where a number belongs.
 */
export function thresholdIssues(thresholds: unknown): SettingIssue[] {
  const parsed = RiskConfig.safeParse(deepMerge(DEFAULT_RISK_CONFIG, thresholds ?? {}));
  if (parsed.success) return [];
  return parsed.error.issues.map((i) => ({
    path: [...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), ...('keys' in i && Array.isArray(i.keys) ? i.keys.slice(0, 1) : [])],
    message: i.message,
  }));
}
