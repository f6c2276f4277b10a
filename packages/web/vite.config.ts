import { createHash } from 'node:crypto';
import fs from 'node:fs';
import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv, type Plugin } from 'vite';

const SERVICE_WORKER = new URL('./src/shared/offline/service-worker.js', import.meta.url);
/** Lazily loaded files that must open offline: the entry page, and the question asked at log-out when changes are not sent. */
const OFFLINE_PAGES = ['/DataEntryPage.tsx', '/OfflineLogoutDialog.tsx'];

/**
 * Writes dist/sw.js: the hand-written service worker with the build's
 * version and its app shell (index.html, the first page's files and the data
 * entry page's, so that page opens offline, with the log-out question). Other pages' files are cached
 * when first loaded.
 */
function serviceWorker(): Plugin {
  return {
    name: 'vetplan-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const shell = new Set<string>(['/', '/favicon.svg']);
      const add = (fileName: string) => {
        const item = bundle[fileName];
        if (!item || shell.has(`/${fileName}`)) return;
        shell.add(`/${fileName}`);
        if (item.type !== 'chunk') return;
        item.imports.forEach(add);
        item.viteMetadata?.importedCss.forEach(add);
      };
      for (const item of Object.values(bundle)) {
        if (item.type === 'chunk' && (item.isEntry || OFFLINE_PAGES.some((page) => item.facadeModuleId?.endsWith(page))))
          add(item.fileName);
      }
      const version = createHash('sha256').update(Object.keys(bundle).sort().join('\n')).digest('hex').slice(0, 12);
      const source = fs.readFileSync(SERVICE_WORKER, 'utf8');
      this.emitFile({
        type: 'asset',
        fileName: 'sw.js',
        source: `const VERSION = '${version}';\nconst SHELL = ${JSON.stringify([...shell])};\n${source}`,
      });
    },
  };
}

// Run from packages/web (`npm run build -w @vetplan/web`, `npm run dev -w @vetplan/web`).
// The dev server sends /api to the vetplan server: http://127.0.0.1:3000, or VETPLAN_API_URL.
export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, '.', '');
  return {
    plugins: [react(), serviceWorker()],
    server: {
      proxy: {
        '/api': { target: env.VETPLAN_API_URL || 'http://127.0.0.1:3000' },
      },
    },
    build: {
      outDir: 'dist',
      emptyOutDir: true,
    },
  };
});
