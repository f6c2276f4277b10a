import { describe, expect, it } from 'vitest';
import { runKillHarness, type KillEngine } from '../support/kill-harness.ts';

// Two SIGKILLs per engine here (the second kills a server that restarted after a kill); bench/kill.ts runs fifty or more.
const engines: KillEngine[] = [{ kind: 'pglite' }];
if (process.env.TEST_DATABASE_URL) engines.push({ kind: 'postgres', url: process.env.TEST_DATABASE_URL });

describe.each(engines)('a server killed with SIGKILL while it takes writes ($kind)', { timeout: 600_000 }, (engine) => {
  it('keeps every acknowledged cell write and import, stores no import in part, and restarts on its own', async () => {
    const report = await runKillHarness({ engine, kills: 2, seed: 6, killAfterAcks: [3, 10] });
    expect(report.kills).toBe(2);
    expect(report.acknowledgedCells).toBeGreaterThan(0);
    expect(report.unexpectedAnswers).toEqual([]);
    expect({
      lost: report.lost,
      halfStored: report.halfStored,
      restartsNeedingRepair: report.restartsNeedingRepair,
      stagesLeft: report.stagesLeft,
    }).toEqual({ lost: 0, halfStored: 0, restartsNeedingRepair: 0, stagesLeft: 0 });
  });
});
