// Whether a built file is newer than every source it is built from (web build, server bundle).
import fs from 'node:fs';
import path from 'node:path';

function newestMtime(p) {
  if (!fs.existsSync(p)) return 0;
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(p).map((name) => newestMtime(path.join(p, name))));
}

/** `built` exists and no file under `sources` (paths relative to `root`) is newer. */
export function builtIsFresh(root, built, sources) {
  if (!fs.existsSync(built)) return false;
  const time = fs.statSync(built).mtimeMs;
  return sources.every((s) => newestMtime(path.join(root, s)) <= time);
}
