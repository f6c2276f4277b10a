import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort, startServer, waitForHealth } from '../../packages/server/test/kit/index.ts';
import { ensureServerBundle } from '../../scripts/server-bundle.mjs';
import { ensureWebBuild } from '../../scripts/web-build.mjs';
import { ADMIN_PASSWORD } from './server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A data folder after a first start (database made, catalogue and demo figures loaded, admin created), copied by each test file. */
    e2eTemplateDir: string;
  }
}

/**
 * Makes the data folder of a first start once for the whole browser suite:
 * each test file then starts its server on a copy of it (a fresh
 * installation, without paying for initdb, the migrations and the demo
 * history ten times).
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vetplan-e2e-template-'));
  project.provide('e2eTemplateDir', dir);
  if (process.env.E2E_BASE_URL) return () => fs.rmSync(dir, { recursive: true, force: true });
  ensureWebBuild();
  await ensureServerBundle();
  const server = startServer({ DATA_DIR: dir, VETPLAN_ADMIN_PASSWORD: ADMIN_PASSWORD, DATABASE_URL: '' }, await freePort());
  try {
    await waitForHealth(server, 180_000);
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
  }
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
