import type { Config } from '../config.ts';
import { closeToOthers } from '../private-data.ts';
import { embeddedClusterDir, openEmbedded, openPostgres, type DatabaseHandle } from './connection.ts';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.ts';

export interface OpenedDatabase extends DatabaseHandle {
  lock: DataDirLock | null;
}

/** Opens the configured database: a PostgreSQL server, or the embedded one under the data folder's lock. */
export async function openConfiguredDatabase(config: Config): Promise<OpenedDatabase> {
  if (config.databaseUrl) return { ...(await openPostgres(config.databaseUrl)), lock: null };
  const lock = acquireDataDirLock(config.dataDir);
  try {
    const handle = await openEmbedded(config.dataDir);
    // PGlite writes the files of a new cluster 0666 and its relation cache 0644 at every start, whatever the umask.
    closeToOthers(embeddedClusterDir(config.dataDir));
    return {
      ...handle,
      lock,
      close: async () => {
        try {
          await handle.close();
        } finally {
          lock.release();
        }
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}
