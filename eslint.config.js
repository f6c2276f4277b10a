// ESLint for the whole repository (`npm run lint`, run inside `npm test`). Besides typescript-eslint's
// recommended rules it fences the floors of the house (docs/architecture.md):
//   - a server module imports only the modules below it in SERVER_MODULES, so modules form no cycle;
//   - db/, http/, access/, context and config import no module (app.ts wires the modules); product code (src/) imports nothing from bench/, test/ or e2e/;
//   - a web feature uses another feature only through shared/ (web features form no cycle either);
//   - no import cycle between files anywhere (import-x/no-cycle).
import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const SERVER = 'packages/server/src';
const WEB = 'packages/web/src';

/**
 * The server's modules from the bottom floor up: each may import the ones before it, never one after it.
 * A new module takes its place here; an import that points up is a layer break, and the lint says so.
 */
export const SERVER_MODULES = [
  'audit',
  'areas',
  'users',
  'tokens',
  'auth',
  'catalog',
  'data-elements',
  'analytics',
  'plans',
  'forms',
  'data-values',
  'data-entry',
  'tasks',
  'inbox',
  'imports',
  'reports',
  'demo',
  'backup',
  'health',
];

/** Zones of import-x/no-restricted-paths: for each module, the modules above it. */
function moduleOrderZones() {
  return SERVER_MODULES.map((name, i) => ({
    target: `./${SERVER}/modules/${name}`,
    from: SERVER_MODULES.slice(i + 1).map((above) => `./${SERVER}/modules/${above}`),
    message: `"${name}" is below these modules in SERVER_MODULES (eslint.config.js): it must not import them (move the shared piece down, or pass it in).`,
  })).filter((zone) => zone.from.length > 0);
}

/** Zones: a web feature imports no other feature (what several features use lives in shared/). */
function webFeatureZones(features) {
  return features.map((name) => ({
    target: `./${WEB}/features/${name}`,
    from: `./${WEB}/features`,
    except: [`./${name}`],
    message: 'a feature uses another only through shared/ (move what both need there).',
  }));
}

const WEB_FEATURES = [
  'analysis',
  'auth',
  'completeness',
  'dashboard',
  'data-entry',
  'evaluation',
  'import',
  'inbox',
  'plan',
  'reports',
  'tasks',
  'users',
];

export default tseslint.config(
  {
    ignores: ['**/node_modules/', '**/dist/', 'test-results/', 'packages/server/data/', 'catalog/', '**/*.d.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    plugins: { 'import-x': importX },
    settings: { 'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'] },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: [`./${SERVER}/db`, `./${SERVER}/http`, `./${SERVER}/access`, `./${SERVER}/context.ts`, `./${SERVER}/config.ts`],
              from: [`./${SERVER}/modules`, `./${SERVER}/app.ts`],
              message:
                'db/, http/, access/, context.ts and config.ts are the floors under the modules: they import none of them (app.ts, the composition root, imports the modules).',
            },
            {
              target: ['./packages/domain/src', './packages/server/src', './packages/web/src'],
              from: ['./bench', './e2e', './packages/server/test'],
              message: 'product code imports nothing from bench/, e2e/ or test/: they import it.',
            },
            {
              target: ['./e2e', './bench'],
              from: './packages/server/test',
              except: ['./kit'],
              message:
                'the browser tests and the benchmarks use the server suite only through its test kit (packages/server/test/kit/index.ts).',
            },
            ...moduleOrderZones(),
            ...webFeatureZones(WEB_FEATURES),
          ],
        },
      ],
    },
  },
  {
    files: [`${WEB}/**/service-worker.js`],
    languageOptions: { globals: { ...globals.serviceworker } },
  },
  {
    files: [`${WEB}/**/*.{ts,tsx}`],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  // Product code (issue 15): no line over 140 characters (Prettier's printWidth; it cannot break strings or comments),
  // no function over 80 lines of code (split it by meaning into named helpers, sub-components or hooks).
  {
    files: ['packages/*/src/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'max-len': ['error', { code: 140, ignoreUrls: true }],
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }],
    },
  },
);
