// The Node.js versions we support (`engines.node` in the root package.json) must be ones every
// package in package-lock.json accepts: otherwise a newcomer's first `npm install` prints
// "npm warn EBADENGINE Unsupported engine" lines (cookie, content-disposition and nanoid once
// asked for Node 22+ while we still run on 20.19; see the `overrides` in package.json).
import fs from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../src/config.ts';

type Manifest = { engines?: { node?: string } };
type Lock = { packages: Record<string, Manifest & { version?: string; link?: boolean }> };

const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(REPO_ROOT, file), 'utf8')) as T;
const root = readJson<Manifest & { workspaces: string[] }>('package.json');
const lock = readJson<Lock>('package-lock.json');
const ours = root.engines?.node ?? '';

// npm checks engines this way (npm-install-checks).
const satisfies = (version: string, range: string) => semver.satisfies(version, range, { includePrerelease: true });

/** The lowest version of each `||` alternative of a range: 20.19.0, 22.13.0 and 24.0.0 for ours. */
function lowerBounds(range: string): string[] {
  return new semver.Range(range).set.map((comparators) => semver.minVersion(comparators.map((c) => c.value).join(' '))!.version);
}

describe('supported Node.js versions', () => {
  it('are 20.19+, 22 and 24 LTS, in every package.json that names them', () => {
    expect(semver.validRange(ours)).not.toBeNull();
    for (const version of ['20.19.0', '22.13.0', '22.99.0', '24.0.0', '24.99.0']) expect(satisfies(version, ours), version).toBe(true);
    for (const version of ['18.20.0', '20.18.0', '21.7.0', '23.0.0']) expect(satisfies(version, ours), version).toBe(false);
    for (const workspace of root.workspaces) {
      const node = readJson<Manifest>(path.join(workspace, 'package.json')).engines?.node;
      if (node !== undefined) expect(node, `${workspace}/package.json engines.node`).toBe(ours);
    }
  });

  it("are accepted by every locked package's engines.node, at each lower bound and on the Node running this test", () => {
    const versions = lowerBounds(ours);
    expect(versions).toEqual(['20.19.0', '22.13.0', '24.0.0']);
    if (satisfies(process.version, ours)) versions.push(semver.clean(process.version)!);
    const refused: string[] = [];
    for (const [where, entry] of Object.entries(lock.packages)) {
      const wanted = entry.engines?.node;
      if (where === '' || entry.link || wanted === undefined) continue;
      for (const version of versions) {
        if (!satisfies(version, wanted)) refused.push(`${where}@${entry.version} wants node ${wanted}, not ${version}`);
      }
    }
    expect(refused).toEqual([]);
  });
});
