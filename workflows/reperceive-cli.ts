// `npm run reperceive -- --account <id> | --all`: reads again the signals whose stored reading is
// not the configured perceiver's current one (PERCEIVER, its version, LLM_PERCEIVER_MODEL), stores
// the new readings and brings the affected accounts to a new assessment.
// Embedded database (DATA_DIR): run it while the product is stopped (one process owns the files);
// the next `npm start` reassesses the accounts within a sweep. DATABASE_URL with TEMPORAL_ADDRESS:
// the accounts' workflows are notified at once.
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/connection.js';
import { migrate } from '../db/migrate.js';
import { getAccount } from '../db/queries/accounts.js';
import { createAccountAgent, createPerceiver } from '../agents/index.js';
import { createPerceiverModel } from '../agents/models.js';
import { perceiverKey } from '../agents/perceivers/types.js';
import { createTemporalClient, type AccountsClient } from './client.js';
import { reperceive } from './reperceive.js';

const USAGE = 'usage: npm run reperceive -- --account <id> | --all';

function parse(argv: string[]): { accountId?: string; all: boolean } {
  const out: { accountId?: string; all: boolean } = { all: false };
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i];
    if (a === '--all') out.all = true;
    else if (a === '--account' && argv[i + 1] && !argv[i + 1].startsWith('--')) out.accountId = argv[++i];
    else throw new Error(`unknown argument ${a}\n${USAGE}`);
  }
  if (out.all === Boolean(out.accountId)) throw new Error(`give exactly one of --account <id> and --all\n${USAGE}`);
  return out;
}

let args: ReturnType<typeof parse>;
try {
  args = parse(process.argv.slice(2));
} catch (err) {
  console.error((err as Error).message);
  process.exit(2);
}

const config = loadConfig();
const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.databasePoolSize });
let temporal: AccountsClient | undefined;
try {
  await migrate(db.pool);
  if (args.accountId && !(await getAccount(db.pool, args.accountId))) {
    console.error(`no account ${args.accountId}`);
    process.exitCode = 1;
  } else {
    const perceiver = createPerceiver({ kind: config.perceiver.kind, chatModel: createPerceiverModel(config), modelName: config.perceiver.model, log: (m) => console.warn(m) });
    const agent = createAccountAgent({ db: db.pool, ourDomains: config.ourDomains, perceiver });
    if (config.temporal.address) {
      temporal = await createTemporalClient({ address: config.temporal.address, namespace: config.temporal.namespace, taskQueue: config.temporal.taskQueue, debounceMs: config.debounceMs });
    }
    const started = performance.now();
    const r = await reperceive({ agent, db: db.pool, accountId: args.accountId, temporal, log: (m) => console.warn(m) });
    const secs = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`perceiver ${perceiverKey(perceiver)}: ${r.read} signals read again in ${secs} s across ${r.accounts.length} account(s)${r.fallbacks ? `; ${r.fallbacks} answered by the rules fallback (run again to retry them)` : ''}`);
    if (r.accounts.length === 0) console.log('every stored reading is current; nothing to do');
    else if (temporal) console.log(`notified ${r.notified.length} account workflow(s)${r.notNotified.length ? `; ${r.notNotified.length} not reachable now, the sweeper will retry` : ''}`);
    else console.log('their signals are pending again: the product\'s sweeper reassesses these accounts within seconds once it runs (`npm start`)');
  }
} finally {
  await temporal?.close();
  await db.close();
}
