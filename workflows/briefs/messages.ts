// A CSM's brief workflow: its ids and payloads (imports only @temporalio/workflow types, so the API,
// the client and the schedules can share them).

/** The schedule that produces a CSM's daily brief. */
export const briefScheduleId = (csmId: string) => `brief:${csmId}`;
/** An on-demand brief's workflow id (one per request). */
export const onDemandBriefWorkflowId = (csmId: string, requestId: string) => `brief-on-demand:${csmId}:${requestId}`;

export interface BriefWorkflowInput {
  csmId: string;
  /** Email the CSM and post to the webhook (the scheduled brief); an on-demand brief only stores. */
  deliver: boolean;
  createdBy?: string | null;
  /** One account's brief. */
  accountId?: string | null;
}

export interface BriefWorkflowResult {
  briefId: string;
  created: boolean;
  accounts: number;
  email: { outcome: 'sent' | 'already' | 'skipped' | 'failed'; reason?: string } | null;
  webhook: { outcome: 'sent' | 'already' | 'skipped' | 'failed'; reason?: string } | null;
}
