/**
 * The test kit: what the browser tests (e2e/) and the benchmarks (bench/) may use of the server's test
 * support — a real server process on a free port, hostile Excel files, the crash harness, the fuzz
 * targets and the engine under test. They import this file only (eslint.config.js); the rest of
 * packages/server/test is the server suite's own.
 */
export { freePort, loginCookie, startServer, waitForHealth, type ServerProcess } from '../support/process.ts';
export { bombCorpus, type Bomb } from '../support/xlsx-bombs.ts';
export { runKillHarness, type KillEngine } from '../support/kill-harness.ts';
export { withDatabaseName } from '../support/engine.ts';
export { FORM, fuzzTargets, ORG, PERIOD } from '../security/fuzz-targets.ts';
