/** One bad row of an import, as the server names it; an Excel upload adds the sheet and cell. */
export interface RowError {
  /** 1 is the first data row (the header is 0); in Excel, the sheet's row number. */
  row: number;
  column: string | null;
  message: string;
  messageEn: string;
  sheet: string | null;
  cell: string | null;
}

/** What an import stored; `errors` lists the rows left out (partial mode). */
export interface ImportResult {
  created: number;
  updated: number;
  deleted: number;
  unchanged: number;
  errors: RowError[];
}

export type ImportMode = 'atomic' | 'partial';
export const IMPORT_PHASES = ['checking', 'writing', 'done'] as const;
export type ImportPhase = (typeof IMPORT_PHASES)[number];

/** An import refused as a whole: nothing was stored. */
export interface ImportFailure {
  id: string;
  message: string;
  messageEn: string;
  errors: RowError[];
}

/** An import running on the server after the upload: its progress, then its result or why it failed. */
export interface ImportJob {
  id: string;
  status: 'running' | 'done' | 'failed';
  progress: { phase: ImportPhase; processed: number; total: number };
  result: ImportResult | null;
  error: ImportFailure | null;
}
