// `npm start`: the web app (built when needed) and the API on the embedded database.
import { ensureWebBuild } from './web-build.mjs';

ensureWebBuild();
process.argv = [process.argv[0], 'vetplan', 'serve'];
await import('../packages/server/bin/vetplan.mjs');
