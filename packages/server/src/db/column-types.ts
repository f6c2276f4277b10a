import type { ColumnType } from 'kysely';

/** Column types shared by the table definitions (schema.ts and its parts). */

/** A date column: written and read as 'YYYY-MM-DD' text (parsers are set per engine). */
export type DateText = string;
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type WithDefault<T> = ColumnType<T, T | undefined, T>;
export type Json<T> = ColumnType<T, string, string>;
