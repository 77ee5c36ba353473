import type { Runtime } from '@langchain/langgraph';
import type { GraphDeps } from '../deps.js';
import type { AgentContextType, AgentStateType, AgentStateUpdate } from '../state.js';
import { perceiveSignals } from '../../perceivers/perceive-signals.js';
import { learnContacts } from '../../perceivers/learn-contacts.js';

/**
 * Perception happens here, once per signal and configured perceiver: the signals with no reading
 * from it are read, their insights stored with the perceiver's id and version, and the account's
 * people seen on them learned. A dry run reads but stores nothing.
 */
export function makePerceiveNode(deps: GraphDeps) {
  return async function perceive(s: AgentStateType, runtime: Runtime<AgentContextType>): Promise<AgentStateUpdate> {
    const { accountId, asOf, dryRun } = runtime.context!;
    const write = !dryRun;
    const ctx = { account: s.account, contacts: s.contacts, ourDomains: deps.ourDomains, competitors: deps.competitorsFor(s.account) };
    const { signals, read } = await perceiveSignals(
      { db: deps.db, perceiver: deps.perceiver, options: deps.perception },
      { accountId, signals: s.signals, ctx, before: asOf, write },
    );
    if (read.length === 0) return {};
    const contacts = write ? await learnContacts(deps.db, s.account, s.contacts, read) : s.contacts;
    return { signals, contacts };
  };
}
