// The signals the ingest benchmarks deliver: one usage reading in three, the rest inbound emails,
// as a customer's integration and mailbox would send them.
export function benchSignals(accountId: string, count: number, tag: string): Array<Record<string, unknown>> {
  return Array.from({ length: count }, (_, i) => ({
    kind: i % 3 === 0 ? 'usage' : 'email', occurredAt: new Date().toISOString(), externalId: `ing-${tag}-${i}`, source: 'bench',
    ...(i % 3 === 0
      ? { metric: 'api_calls', value: 1000 + i }
      : { from: { email: `ops@${accountId}.example`, name: 'Ops' }, to: [{ email: 'rep@ourco.com' }], subject: 'Update', text: `Weekly update ${tag}: the rollout is progressing and the team is onboarding more users.` }),
  }));
}
