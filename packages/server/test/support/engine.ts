import path from 'node:path';
import { REPO_ROOT } from '../../src/config.ts';

export const DEFAULT_CATALOG_DIR = path.join(REPO_ROOT, 'catalog/yen-dung-2023');
/** Several checkouts may share one server: VETPLAN_TEST_TEMPLATE names each one's template. */
export const TEMPLATE_DB_NAME = process.env.VETPLAN_TEST_TEMPLATE ?? 'vetplan_test_template';

export type TestEngine = { kind: 'pglite' } | { kind: 'postgres'; url: string };

/** PGlite in-process by default; a PostgreSQL server when VETPLAN_TEST_ENGINE=postgres and TEST_DATABASE_URL is set. */
export function testEngine(): TestEngine {
  if (process.env.VETPLAN_TEST_ENGINE === 'postgres') {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error('VETPLAN_TEST_ENGINE=postgres needs TEST_DATABASE_URL');
    return { kind: 'postgres', url };
  }
  return { kind: 'pglite' };
}

export function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
