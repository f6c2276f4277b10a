/** Whether packages/web/dist is newer than every source it is built from. */
export function webBuildIsFresh(): boolean;
/** Builds the web app when its build is missing or stale. */
export function ensureWebBuild(): void;
