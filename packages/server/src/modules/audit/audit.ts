import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

export interface AuditEntry {
  actor: string | null;
  action: string;
  entity: string;
  entityKey?: string | null;
  details?: Record<string, unknown>;
  ip?: string | null;
}

/** Appends one audit event; call it inside the transaction of the change it records. */
export async function recordAudit(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_event')
    .values({
      actor: entry.actor,
      action: entry.action,
      entity: entry.entity,
      entity_key: entry.entityKey ?? null,
      details: JSON.stringify(entry.details ?? {}),
      ip: entry.ip ?? null,
    })
    .execute();
}
