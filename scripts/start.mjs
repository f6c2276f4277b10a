// `npm start`: the web app and the server bundle (each built when missing or older than its
// sources), then the API on the embedded database. The bundle (scripts/server-bundle.mjs) starts
// faster and holds less memory than the TypeScript sources run through tsx (docs/performance.md).
import { ensureServerBundle } from './server-bundle.mjs';
import { ensureWebBuild } from './web-build.mjs';

ensureWebBuild();
const bundle = await ensureServerBundle();
process.argv = [process.argv[0], 'vetplan', 'serve'];
await import(bundle);
