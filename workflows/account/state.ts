// The account workflow's state as a plain deterministic class: handlers mutate it, the main loop
// reads it. No Temporal imports, so it is unit-tested without a server.
import type { AccountStateView, CarriedState } from './messages.js';

export const DAY_MS = 24 * 60 * 60 * 1000;

export interface AssessSummary {
  assessedAt: string;
  riskLevel: string;
  riskScore: number;
  nextChangeAt?: string;
  openRecommendations: number;
}

export class AccountState {
  pending: boolean;
  lastSignalAtMs = 0;
  /** When the first signal of the current pending batch arrived, and when the last run started. */
  firstPendingAtMs = 0;
  lastRunStartMs = 0;
  lastAssessedAt?: string;
  nextWakeAt?: string;
  riskLevel?: string;
  riskScore?: number;
  openRecommendations: number;
  assessments: number;
  cycle = 0;

  constructor(readonly accountId: string, carried: CarriedState = {}) {
    this.pending = carried.pending ?? true;
    this.lastAssessedAt = carried.lastAssessedAt;
    this.nextWakeAt = carried.nextWakeAt;
    this.riskLevel = carried.riskLevel;
    this.riskScore = carried.riskScore;
    this.openRecommendations = carried.openRecommendations ?? 0;
    this.assessments = carried.assessments ?? 0;
  }

  /** A signal said "new rows": mark work pending and restart the quiet period. */
  markPending(nowMs: number): void {
    if (!this.pending || this.firstPendingAtMs === 0) this.firstPendingAtMs = nowMs;
    this.pending = true;
    this.lastSignalAtMs = nowMs;
  }

  /** A run starts: what is pending now is taken by it. */
  startRun(nowMs: number): void {
    this.pending = false;
    this.lastRunStartMs = nowMs;
    this.firstPendingAtMs = 0;
  }

  /**
   * Milliseconds to wait before assessing. Trailing edge: until the signals have been quiet for
   * debounceMs. With `leading`, a signal after a quiet period is assessed at once (no wait), and
   * only signals arriving close behind a run wait for the burst to settle.
   */
  debounceRemaining(nowMs: number, debounceMs: number, leading = false): number {
    const trailing = Math.max(0, this.lastSignalAtMs + debounceMs - nowMs);
    if (!leading) return trailing;
    if (this.lastRunStartMs === 0 || this.firstPendingAtMs - this.lastRunStartMs >= debounceMs) return 0;
    return trailing;
  }

  /**
   * How long to sleep before re-assessing with no new signal: until the earliest moment a factor
   * would change, never more than a day (the daily floor), never less than a second.
   */
  sleepMs(nowMs: number): number {
    const wake = this.nextWakeAt ? Date.parse(this.nextWakeAt) : Number.NaN;
    const until = Number.isFinite(wake) ? wake - nowMs : DAY_MS;
    return Math.min(DAY_MS, Math.max(1000, until));
  }

  /** Time is a signal: true once the wake moment has passed. */
  isDue(nowMs: number): boolean {
    return this.nextWakeAt !== undefined && Date.parse(this.nextWakeAt) <= nowMs;
  }

  applyAssessment(s: AssessSummary, nowMs: number): void {
    this.lastAssessedAt = s.assessedAt;
    this.riskLevel = s.riskLevel;
    this.riskScore = s.riskScore;
    this.openRecommendations = s.openRecommendations;
    this.assessments += 1;
    this.cycle += 1;
    const next = s.nextChangeAt ? Date.parse(s.nextChangeAt) : Number.NaN;
    // A factor due in the past (already counted) must not make the loop spin: floor at +1 s.
    const wakeMs = Number.isFinite(next) ? Math.max(next, nowMs + 1000) : nowMs + DAY_MS;
    this.nextWakeAt = new Date(Math.min(wakeMs, nowMs + DAY_MS)).toISOString();
  }

  carry(): CarriedState {
    return {
      lastAssessedAt: this.lastAssessedAt,
      nextWakeAt: this.nextWakeAt,
      riskLevel: this.riskLevel,
      riskScore: this.riskScore,
      openRecommendations: this.openRecommendations,
      assessments: this.assessments,
      pending: this.pending,
    };
  }

  view(): AccountStateView {
    return {
      accountId: this.accountId,
      riskLevel: this.riskLevel,
      riskScore: this.riskScore,
      lastAssessedAt: this.lastAssessedAt,
      nextWakeAt: this.nextWakeAt,
      openRecommendations: this.openRecommendations,
      assessments: this.assessments,
      pending: this.pending,
      cycle: this.cycle,
    };
  }
}
