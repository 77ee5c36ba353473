// Temporal Schedules: one per CSM (`brief:<csmId>`), starting their brief workflow daily at their
// local time in their IANA time zone. Ensuring is idempotent: created when missing, updated in place
// when it exists (a changed time, zone or task queue), paused when the CSM turned briefs off.
import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type ScheduleOptionsStartWorkflowAction, type ScheduleSpec } from '@temporalio/client';
import type pg from 'pg';
import { listCsmBriefSettings, type BriefSettings } from '../db/queries/briefs.js';
import type { AccountsClient } from './client.js';
import type { briefWorkflow } from './briefs/workflow.js';
import { briefScheduleId, type BriefWorkflowInput } from './briefs/messages.js';

export interface CsmSchedule { csmId: string; localTime: string; timezone: string; enabled?: boolean }

/** Daily at HH:MM in the zone (Temporal resolves the zone, daylight-saving changes included). */
export function briefScheduleSpec(s: Pick<CsmSchedule, 'localTime' | 'timezone'>): ScheduleSpec {
  const [hour, minute] = s.localTime.split(':').map(Number);
  return { calendars: [{ hour, minute, comment: `daily brief at ${s.localTime} ${s.timezone}` }], timezone: s.timezone };
}

function briefAction(c: AccountsClient, csmId: string): ScheduleOptionsStartWorkflowAction<typeof briefWorkflow> {
  return {
    type: 'startWorkflow',
    workflowType: 'briefWorkflow',
    // The server appends the scheduled time: each run's id (and so its brief's key) names it.
    workflowId: briefScheduleId(csmId),
    taskQueue: c.settings.taskQueue,
    args: [{ csmId, deliver: true } satisfies BriefWorkflowInput],
  };
}

/** Creates or updates the CSM's schedule; returns what was done. */
export async function ensureBriefSchedule(c: AccountsClient, s: CsmSchedule): Promise<'created' | 'updated'> {
  const scheduleId = briefScheduleId(s.csmId);
  const spec = briefScheduleSpec(s);
  const action = briefAction(c, s.csmId);
  const paused = s.enabled === false;
  try {
    await c.client.schedule.create({
      scheduleId, spec, action,
      // A brief that is still running when the next is due: skip the next. A worker down at 07:30
      // still sends that morning's brief when it is back within a few hours, not yesterday's too.
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '4 hours' },
      state: { paused, note: paused ? 'briefs turned off' : undefined },
    });
    return 'created';
  } catch (err) {
    if (!(err instanceof ScheduleAlreadyRunning)) throw err;
  }
  const handle = c.client.schedule.getHandle(scheduleId);
  await handle.update((prev) => ({ ...prev, spec, action, state: { ...prev.state, paused } }));
  return 'updated';
}

/** Every CSM's schedule (on worker start): the CSMs' own settings, `defaults` for the rest. */
export async function ensureBriefSchedules(c: AccountsClient, db: pg.Pool, defaults?: BriefSettings): Promise<Array<{ csmId: string; result: 'created' | 'updated' }>> {
  const out: Array<{ csmId: string; result: 'created' | 'updated' }> = [];
  for (const s of await listCsmBriefSettings(db, defaults)) out.push({ csmId: s.csmId, result: await ensureBriefSchedule(c, s) });
  return out;
}
