// Bundles the server's command line (packages/server/src/cli.ts and @vetplan/domain) into one
// ES module, packages/server/dist/vetplan.mjs, for the tests that start `vetplan` processes:
// node loads it in about half the CPU time that tsx needs to compile the sources at each start.
// Packages stay external; each module keeps its own import.meta.url, so paths computed from it
// (the repository root, the migrations folder, the fonts) are the same as when run from source.
// The bundle is rebuilt when it is missing or older than its sources. bin/vetplan.mjs still runs
// the sources through tsx; the process tests run it too.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { builtIsFresh } from './freshness.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SERVER_BUNDLE = path.join(root, 'packages/server/dist/vetplan.mjs');
const sources = ['packages/server/src', 'packages/domain/src', 'package-lock.json'];

export function bundleIsFresh() {
  return builtIsFresh(root, SERVER_BUNDLE, sources);
}

/** Each module keeps its own import.meta.url (the bundle lives elsewhere than its sources). */
const keepImportMetaUrl = {
  name: 'keep-import-meta-url',
  setup(build) {
    // Bare imports other than the workspace's own packages stay node_modules imports.
    build.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@vetplan/') ? undefined : { path: args.path, external: true }));
    build.onLoad({ filter: /\.ts$/ }, async (args) => ({
      contents: (await fs.promises.readFile(args.path, 'utf8')).replaceAll(
        'import.meta.url',
        JSON.stringify(pathToFileURL(args.path).href),
      ),
      loader: 'ts',
    }));
  },
};

/** Builds the bundle if needed; several test processes may call this at once: each writes its own file and renames it. */
export async function ensureServerBundle() {
  if (bundleIsFresh()) return SERVER_BUNDLE;
  const partial = `${SERVER_BUNDLE}.${process.pid}.partial`;
  fs.mkdirSync(path.dirname(SERVER_BUNDLE), { recursive: true });
  await build({
    stdin: {
      contents: "import { main } from './cli.ts';\nawait main(process.argv.slice(2));\n",
      resolveDir: path.join(root, 'packages/server/src'),
      sourcefile: 'vetplan-entry.ts',
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: partial,
    logLevel: 'warning',
    plugins: [keepImportMetaUrl],
  });
  fs.renameSync(partial, SERVER_BUNDLE);
  return SERVER_BUNDLE;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await ensureServerBundle();
