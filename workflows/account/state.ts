// The account workflow's state as a plain deterministic class: handlers mutate it, the main loop
// reads it. No Temporal imports, so it is unit-tested without a server.
import type { AccountStateView, CarriedState, Stalled } from './messages.js';

export const DAY_MS = 24 * 60 * 60 * 1000;
/** A stalled agent whose failure a retry may fix tries again after this long. */
export const STALLED_RETRY_MS = 15 * 60 * 1000;

export interface AssessSummary {
  assessedAt: string;
  riskLevel: string;
  riskScore: number;
  nextChangeAt?: string;
  openRecommendations: number;
  /**
   * The account's snoozed recommendations in the database and when each comes back (id → ISO). Read
   * by the assess activity so snoozes the workflow never heard of (made before snooze timers
   * existed, or written outside a decision) get a timer too.
   */
  openSnoozes?: Record<string, string>;
}

export class AccountState {
  pending: boolean;
  /** A run is in flight (for the state query; never carried: a new run starts idle). */
  assessing = false;
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
  /** Approved recommendations to carry out, oldest first. */
  actions: string[];
  /** Snoozed recommendation id → when it comes back (ISO). */
  snoozes: Record<string, string>;
  /** Set while assessing fails and waits for a fix. */
  stalled?: Stalled;

  constructor(readonly accountId: string, carried: CarriedState = {}) {
    this.pending = carried.pending ?? true;
    this.lastAssessedAt = carried.lastAssessedAt;
    this.nextWakeAt = carried.nextWakeAt;
    this.riskLevel = carried.riskLevel;
    this.riskScore = carried.riskScore;
    this.openRecommendations = carried.openRecommendations ?? 0;
    this.assessments = carried.assessments ?? 0;
    this.actions = [...(carried.actions ?? [])];
    this.snoozes = { ...(carried.snoozes ?? {}) };
    if (carried.stalled) this.stalled = { ...carried.stalled };
  }

  /** Assessing failed: record why. The signals stay pending in the database for the next run. */
  stall(s: Omit<Stalled, 'since'>, nowMs: number): void {
    this.assessing = false;
    const since = this.stalled && this.stalled.type === s.type ? this.stalled.since : new Date(nowMs).toISOString();
    this.stalled = { ...s, since };
  }

  /** How long a stalled agent waits before trying again with no new signal. */
  stalledRetryMs(): number {
    return this.stalled?.permanent ? DAY_MS : STALLED_RETRY_MS;
  }

  /** A decision was recorded: an approval queues its action; a snooze sets (or moves) its wake-up. */
  afterDecision(r: { recommendationId: string; status: string; snoozedUntil?: string }): void {
    const id = r.recommendationId;
    delete this.snoozes[id];
    if ((r.status === 'approved' || r.status === 'edited') && !this.actions.includes(id)) this.actions.push(id);
    if (r.status === 'snoozed' && r.snoozedUntil && Number.isFinite(Date.parse(r.snoozedUntil))) this.snoozes[id] = r.snoozedUntil;
  }

  /**
   * Snoozes found in the database that this workflow has no timer for: adopt them (a time already
   * past makes them due at once). A snooze it knows keeps its own time (a decision set it). Returns
   * the ids adopted.
   */
  adoptSnoozes(open: Record<string, string>): string[] {
    const adopted: string[] = [];
    for (const [id, until] of Object.entries(open).sort(([a], [b]) => a.localeCompare(b))) {
      if (id in this.snoozes || !Number.isFinite(Date.parse(until))) continue;
      this.snoozes[id] = until;
      adopted.push(id);
    }
    return adopted;
  }

  /** The action of this recommendation was carried out (or failed for good). */
  actionFinished(id: string): void {
    this.actions = this.actions.filter((x) => x !== id);
  }

  nextSnoozeMs(): number | undefined {
    const times = Object.values(this.snoozes).map((x) => Date.parse(x)).filter(Number.isFinite);
    return times.length ? Math.min(...times) : undefined;
  }

  /** Snoozes that have ended by now. */
  dueSnoozes(nowMs: number): string[] {
    return Object.entries(this.snoozes).filter(([, until]) => Date.parse(until) <= nowMs).map(([id]) => id).sort();
  }

  /** Forget ended snoozes (one snoozed again to a later time meanwhile stays). */
  snoozesWoken(ids: string[], nowMs: number): void {
    for (const id of ids) if (this.snoozes[id] && Date.parse(this.snoozes[id]) <= nowMs) delete this.snoozes[id];
  }

  /** Work besides assessing: actions to carry out or snoozes that have ended. */
  hasChores(nowMs: number): boolean {
    return this.actions.length > 0 || this.dueSnoozes(nowMs).length > 0;
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
    this.assessing = true;
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
    // The earliest snooze ending wakes the workflow too (the 1 s floor does not apply to it).
    const snooze = this.nextSnoozeMs();
    const bySnooze = snooze === undefined ? Number.POSITIVE_INFINITY : Math.max(1, snooze - nowMs);
    return Math.min(DAY_MS, Math.max(1000, until), bySnooze);
  }

  /** Time is a signal: true once the wake moment has passed. */
  isDue(nowMs: number): boolean {
    return this.nextWakeAt !== undefined && Date.parse(this.nextWakeAt) <= nowMs;
  }

  applyAssessment(s: AssessSummary, nowMs: number): void {
    this.assessing = false;
    this.stalled = undefined;
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
      ...(this.actions.length ? { actions: [...this.actions] } : {}),
      ...(Object.keys(this.snoozes).length ? { snoozes: { ...this.snoozes } } : {}),
      ...(this.stalled ? { stalled: { ...this.stalled } } : {}),
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
      assessing: this.assessing,
      cycle: this.cycle,
      ...(this.actions.length ? { pendingActions: this.actions.length } : {}),
      ...(this.nextSnoozeMs() !== undefined ? { nextSnoozeAt: new Date(this.nextSnoozeMs()!).toISOString() } : {}),
      ...(this.stalled ? { stalled: { ...this.stalled } } : {}),
    };
  }
}
