// The ceiling's own workflow: as small as a workflow-per-account design can be. Each signal queues
// one number; the loop wakes and runs one no-op activity per queued signal. Workflow code: it
// imports nothing but @temporalio/workflow (the activity's type is declared here, not imported).
import { allHandlersFinished, condition, continueAsNew, defineSignal, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';

export interface Poke { seq: number }
export const pokeSignal = defineSignal<[Poke]>('poke');

export interface CeilingActivities {
  /** Does nothing but tell the benchmark that signal `seq` of `workflowId` reached an activity. */
  touch(input: { workflowId: string; seq: number }): Promise<void>;
}

const { touch } = proxyActivities<CeilingActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '10 seconds' },
});

export async function ceilingWorkflow(queued: number[] = []): Promise<void> {
  const queue = [...queued];
  setHandler(pokeSignal, (p) => { queue.push(p.seq); });
  const { workflowId } = workflowInfo();
  for (;;) {
    await condition(() => queue.length > 0);
    await touch({ workflowId, seq: queue.shift()! });
    if (workflowInfo().continueAsNewSuggested) {
      await condition(allHandlersFinished);
      await continueAsNew<typeof ceilingWorkflow>(queue);
    }
  }
}
