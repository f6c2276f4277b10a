import type { Kysely } from 'kysely';
import type { Config } from './config.ts';
import type { Database } from './db/schema.ts';
import { CatalogueCache } from './db/catalogue-cache.ts';
import { Foreground } from './http/foreground.ts';

/** What services need from the running application; tests build one per database. */
export interface AppContext {
  db: Kysely<Database>;
  config: Config;
  /** The clock; tests move it instead of sleeping. */
  now: () => Date;
  /** Indicators, plan targets and element metadata, read once per catalogue version (analytics/catalogue-cache.ts). */
  catalogue: CatalogueCache;
  /** Interactive requests in flight, which long work (imports) lets go first (http/foreground.ts). */
  foreground: Foreground;
}

export function createContext(db: Kysely<Database>, config: Config, now: () => Date = () => new Date()): AppContext {
  return {
    db,
    config,
    now,
    catalogue: new CatalogueCache(),
    foreground: new Foreground(),
  };
}
