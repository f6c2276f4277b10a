import { isEmbedded } from '../../db/connection.ts';

/**
 * How much of an import one statement or transaction handles. On the
 * embedded database (PGlite) a statement runs on the Node.js thread and a
 * transaction holds the only connection, so every step is kept short and
 * data entry gets its turn between steps; a PostgreSQL server takes larger
 * steps, which import faster. Between two steps an import also waits while
 * interactive requests are in flight (http/foreground.ts), so a step's
 * length is about the longest a request waits for it (measured in
 * docs/performance.md, "Load").
 */
export interface ImportSizes {
  /** Rows of a file read, checked and staged at a time. */
  batchRows: number;
  /** Unit-periods whose validation rules are checked in one read. */
  ruleUnitPeriods: number;
  /** Staged rows written per transaction. */
  pageRows: number;
  /** Changed cells whose analytics figures one transaction refreshes. */
  refreshCells: number;
}

const EMBEDDED: ImportSizes = { batchRows: 2_000, ruleUnitPeriods: 100, pageRows: 500, refreshCells: 200 };
const SERVER: ImportSizes = { batchRows: 5_000, ruleUnitPeriods: 400, pageRows: 1_000, refreshCells: 1_000 };

/** The sizes for a database handle (a transaction counts as a server's: it only rechecks a few unit-periods). */
export function importSizes(db: object): ImportSizes {
  return isEmbedded(db) ? EMBEDDED : SERVER;
}
