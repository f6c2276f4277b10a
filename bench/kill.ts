// Crash safety: writes through the API of a real `vetplan serve` (cell entry and
// CSV imports), SIGKILL at random moments, restart, and a check against the
// witness log after every restart. Prints kills, acknowledged writes, lost
// writes, half-stored imports and restarts that needed a repair (all three must be 0).
//   npx tsx bench/kill.ts [kills per engine] [pglite|postgres]
//   (both engines by default; PostgreSQL only when TEST_DATABASE_URL is set)
import { runKillHarness, type KillEngine } from '../packages/server/test/kit/index.ts';

const kills = Number(process.argv[2] ?? 50);
const only = process.argv[3];
const engines: KillEngine[] = [];
if (only !== 'postgres') engines.push({ kind: 'pglite' });
if (only !== 'pglite' && process.env.TEST_DATABASE_URL) engines.push({ kind: 'postgres', url: process.env.TEST_DATABASE_URL });

let failed = false;
for (const engine of engines) {
  const started = performance.now();
  const report = await runKillHarness({ engine, kills, seed: 20261128, log: (l) => console.error(`[${engine.kind}] ${l}`) });
  const minutes = ((performance.now() - started) / 60_000).toFixed(1);
  console.log(
    `${engine.kind.padEnd(8)} kills ${report.kills}  acknowledged: ${report.acknowledgedCells} cell writes + ${report.acknowledgedImports} imports  ` +
      `in flight at a kill ${report.inFlightAtKill}  lost ${report.lost}  half-stored ${report.halfStored}  restarts needing repair ${report.restartsNeedingRepair}  stages left ${report.stagesLeft}  ` +
      `median restart ${report.medianRestartMs} ms  unexpected answers ${report.unexpectedAnswers.length}  (${minutes} min)`,
  );
  for (const a of report.unexpectedAnswers.slice(0, 5)) console.log(`  unexpected: ${a}`);
  if (report.lost || report.halfStored || report.restartsNeedingRepair || report.stagesLeft || report.unexpectedAnswers.length)
    failed = true;
}
process.exit(failed ? 1 : 0);
