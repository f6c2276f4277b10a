import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

export interface LastReminder {
  org: string;
  sentAt: Date;
  sentBy: string;
}

/** The latest reminder of each unit for a form's period. */
export async function lastReminders(db: Kysely<Database>, form: string, period: string): Promise<Map<string, LastReminder>> {
  const rows = await db
    .selectFrom('form_reminder')
    .select(['org_code', 'sent_at', 'sent_by'])
    .where('form_code', '=', form)
    .where('period', '=', period)
    .orderBy('sent_at')
    .orderBy('id')
    .execute();
  const out = new Map<string, LastReminder>();
  for (const r of rows) out.set(r.org_code, { org: r.org_code, sentAt: new Date(r.sent_at), sentBy: r.sent_by });
  return out;
}

/** The units of a form that hold at least one figure of the period. */
export async function unitsWithFigures(db: Kysely<Database>, elements: string[], period: string, orgs: string[]): Promise<Set<string>> {
  if (elements.length === 0 || orgs.length === 0) return new Set();
  const rows = await db
    .selectFrom('data_value')
    .select('org_code')
    .distinct()
    .where('period', '=', period)
    .where('element_code', 'in', elements)
    .where('org_code', 'in', orgs)
    .execute();
  return new Set(rows.map((r) => r.org_code));
}
