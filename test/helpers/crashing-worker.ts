// A worker process that dies like `kill -9` right after the assess activity has committed its
// rows, before it can report completion: Temporal must retry the activity elsewhere.
import { NativeConnection, Worker } from '@temporalio/worker';
import { openDatabase } from '../../db/connection.js';
import { createAccountAgent } from '../../agents/index.js';
import { createActivities } from '../../workflows/activities/index.js';
import { workflowBundle } from '../../workflows/worker.js';

const { DATABASE_URL, TEMPORAL_ADDRESS, TASK_QUEUE } = process.env;
const db = await openDatabase({ databaseUrl: DATABASE_URL, dataDir: 'unused', poolSize: 2 });
const agent = createAccountAgent({ db: db.pool, ourDomains: ['ourco.com'] });
const crashing = {
  ...agent,
  async assess(input: { accountId: string; asOf: string; runKey: string }) {
    const out = await agent.assess(input);
    process.stdout.write(`committed ${input.runKey}\n`);
    process.kill(process.pid, 'SIGKILL');
    return out;
  },
};
const connection = await NativeConnection.connect({ address: TEMPORAL_ADDRESS! });
const worker = await Worker.create({
  connection, taskQueue: TASK_QUEUE!, workflowBundle: await workflowBundle(),
  activities: createActivities({ db: db.pool, agent: crashing }),
});
process.stdout.write('ready\n');
await worker.run();
