// A Temporal that is down, answering at once. The real client against a closed port fails the same
// way (a ServiceError whose cause is gRPC status 14, UNAVAILABLE) but only after about 20 s of
// retries a call, far too slow for thousands of fuzz cases; every call here rejects with that error
// straight away. The routes' own handling of an unreachable Temporal is what gets exercised.
import { ServiceError } from '@temporalio/client';
import type { AccountsClient } from '../../workflows/client.js';

export function unavailable(what: string): ServiceError {
  const cause = Object.assign(new Error('14 UNAVAILABLE: No connection established'), { code: 14, details: 'No connection established' });
  return new ServiceError(`Failed to ${what}`, { cause });
}

const fail = (what: string) => async () => { throw unavailable(what); };

export function temporalDown(taskQueue = 'fuzz'): AccountsClient {
  const handle = { query: fail('query Workflow'), signal: fail('signal Workflow'), describe: fail('describe Workflow'), update: fail('update Schedule'), delete: fail('delete Schedule') };
  const client = {
    workflow: {
      signalWithStart: fail('signalWithStart Workflow'),
      executeUpdateWithStart: fail('execute update with start'),
      execute: fail('start Workflow'),
      start: fail('start Workflow'),
      getHandle: () => handle,
    },
    schedule: { create: fail('create Schedule'), getHandle: () => handle },
    connection: {
      withDeadline: <T>(_deadline: number, fn: () => Promise<T>) => fn(),
      workflowService: { getSystemInfo: fail('get system info') },
      close: async () => {},
    },
  };
  return { client: client as unknown as AccountsClient['client'], settings: { address: 'down.invalid:7233', namespace: 'default', taskQueue, debounceMs: 100 }, close: async () => {} };
}
