import type { Queryable } from '../connection.js';

export interface AuditEntry { actor: string | null; action: string; entity: string; entityId?: string | null; details?: Record<string, unknown> }

export async function insertAudit(db: Queryable, e: AuditEntry): Promise<void> {
  await db.query('insert into audit_log (actor, action, entity, entity_id, details) values ($1, $2, $3, $4, $5)',
    [e.actor, e.action, e.entity, e.entityId ?? null, JSON.stringify(e.details ?? {})]);
}
