/** packages/server/dist/vetplan.mjs: the command line bundled for the tests that start processes. */
export const SERVER_BUNDLE: string;
/** Builds the bundle when it is missing or older than its sources; answers its path. */
export function ensureServerBundle(): Promise<string>;
/** Whether the bundle exists and is newer than every source it is built from. */
export function bundleIsFresh(): boolean;
