import { setImmediate as turn } from 'node:timers/promises';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { ZipReader, ZipRefused, type ZipLimits } from './zip.ts';

/**
 * Reads the cells of named sheets of an .xlsx file, within limits checked
 * before anything is built: the ZIP's entry count and the bytes its entries
 * inflate to (zip.ts), the sheets the workbook lists, the rows a sheet holds,
 * the shared strings. Only the sheets asked for, the workbook and the shared
 * strings are inflated; the XML is parsed by a streaming parser a slice at a
 * time, giving the event loop a turn between slices, so a large file never
 * stops other requests for long and never becomes a tree in memory.
 */

export interface XlsxLimits extends ZipLimits {
  maxSheets: number;
  /** Row elements a sheet read may hold (empty ones count). */
  maxRows: number;
  maxSharedStrings: number;
}

/** A row of a sheet: its number and the cells of the columns asked for (numbers as numbers, the rest as text). */
export interface SheetRow {
  number: number;
  cells: Map<string, string | number>;
}

/** A workbook past one of its limits, or one that is not a readable .xlsx. */
export class XlsxRefused extends Error {
  constructor(
    readonly reason: ZipRefused['reason'] | 'too_many_sheets' | 'too_many_rows' | 'too_many_strings' | 'too_deep' | 'not_xlsx',
    message: string,
  ) {
    super(message);
    this.name = 'XlsxRefused';
  }
}

/** Characters parsed between two turns of the event loop. */
const SLICE = 64 * 1024;
/** Elements nested deeper than this are no spreadsheet (a sheet's cells sit five levels down). */
export const XLSX_MAX_DEPTH = 64;

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const SHARED_STRINGS = 'xl/sharedStrings.xml';

export async function readSheets(
  file: Buffer,
  limits: XlsxLimits,
  wanted: { sheets: string[]; columns: string[] },
): Promise<Map<string, SheetRow[]>> {
  let zip: ZipReader;
  try {
    zip = new ZipReader(file, limits);
  } catch (error) {
    throw refusal(error);
  }
  const entry = (name: string) => {
    try {
      return zip.read(name);
    } catch (error) {
      throw refusal(error);
    }
  };
  const workbook = entry(WORKBOOK);
  const rels = entry(WORKBOOK_RELS);
  if (!workbook || !rels) throw new XlsxRefused('not_xlsx', 'the archive has no workbook');
  const sheets = await sheetTargets(workbook, rels, limits);
  const strings = await sharedStrings(entry(SHARED_STRINGS), limits);
  const columns = new Set(wanted.columns);
  const out = new Map<string, SheetRow[]>();
  for (const name of wanted.sheets) {
    const target = sheets.get(name);
    const xml = target ? entry(target) : null;
    if (xml) out.set(name, await sheetRows(xml, strings, columns, limits));
  }
  return out;
}

function refusal(error: unknown): Error {
  return error instanceof ZipRefused ? new XlsxRefused(error.reason, error.message) : (error as Error);
}

interface XmlHandlers {
  opentag?: (tag: SaxesTagPlain) => void;
  text?: (text: string) => void;
  closetag?: (tag: SaxesTagPlain) => void;
}

/** Parses XML a slice at a time with a turn of the event loop between slices; a parse error refuses the file. */
async function parse(xml: Buffer, what: string, handlers: XmlHandlers): Promise<void> {
  // saxes keeps one handler per event: the depth check wraps the caller's.
  const parser = new SaxesParser();
  let depth = 0;
  parser.on('opentag', (tag) => {
    if (++depth > XLSX_MAX_DEPTH) throw new XlsxRefused('too_deep', `${what} nests elements more than ${XLSX_MAX_DEPTH} deep`);
    handlers.opentag?.(tag as SaxesTagPlain);
  });
  parser.on('closetag', (tag) => {
    depth--;
    handlers.closetag?.(tag as SaxesTagPlain);
  });
  if (handlers.text) parser.on('text', handlers.text);
  let failed: Error | null = null;
  parser.on('error', (error) => {
    failed ??= error;
  });
  const decoder = new TextDecoder('utf-8');
  for (let at = 0; at < xml.length && !failed; at += SLICE) {
    parser.write(decoder.decode(xml.subarray(at, at + SLICE), { stream: true }));
    await turn();
  }
  if (!failed) parser.write(decoder.decode()).close();
  if (failed) throw new XlsxRefused('not_xlsx', `${what} is not well-formed XML: ${(failed as Error).message}`);
}

/** The sheets' names and the entries that hold them. */
async function sheetTargets(workbook: Buffer, rels: Buffer, limits: XlsxLimits): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  await parse(workbook, 'the workbook', {
    opentag: (tag) => {
      if (tag.name !== 'sheet') return;
      if (ids.size >= limits.maxSheets) throw new XlsxRefused('too_many_sheets', `the workbook lists more than ${limits.maxSheets} sheets`);
      ids.set(String(tag.attributes['r:id'] ?? ''), String(tag.attributes.name ?? ''));
    },
  });
  const targets = new Map<string, string>();
  await parse(rels, 'the workbook relationships', {
    opentag: (tag) => {
      const name = tag.name === 'Relationship' ? ids.get(String(tag.attributes.Id ?? '')) : undefined;
      if (name === undefined) return;
      const target = String(tag.attributes.Target ?? '');
      targets.set(name, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
    },
  });
  return targets;
}

async function sharedStrings(xml: Buffer | null, limits: XlsxLimits): Promise<string[]> {
  const strings: string[] = [];
  if (!xml) return strings;
  let current: string | null = null;
  let inText = false;
  let phonetic = 0;
  await parse(xml, 'the shared strings', {
    opentag: (tag) => {
      if (tag.name === 'si') {
        if (strings.length >= limits.maxSharedStrings)
          throw new XlsxRefused('too_many_strings', `the workbook holds more than ${limits.maxSharedStrings} shared strings`);
        current = '';
      } else if (tag.name === 'rPh') phonetic++;
      else if (tag.name === 't' && phonetic === 0) inText = true;
    },
    text: (text) => {
      if (inText && current !== null) current += text;
    },
    closetag: (tag) => {
      if (tag.name === 't') inText = false;
      else if (tag.name === 'rPh') phonetic--;
      else if (tag.name === 'si') {
        strings.push(current ?? '');
        current = null;
      }
    },
  });
  return strings;
}

/** The letters of a cell reference: "E12" → "E". */
function columnOf(reference: string): string {
  return reference.replace(/[0-9$]+/g, '').toUpperCase();
}

function columnAfter(column: string): string {
  let n = 0;
  for (const ch of column) n = n * 26 + (ch.charCodeAt(0) - 64);
  n++;
  let out = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

async function sheetRows(xml: Buffer, strings: string[], columns: Set<string>, limits: XlsxLimits): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  let rowCount = 0;
  let row: SheetRow | null = null;
  let cell: { column: string; type: string; value: string; inline: string } | null = null;
  let lastColumn = '';
  let reading: 'v' | 't' | null = null;
  await parse(xml, 'a sheet', {
    opentag: (tag) => {
      const a = tag.attributes;
      if (tag.name === 'row') {
        if (++rowCount > limits.maxRows) throw new XlsxRefused('too_many_rows', `a sheet holds more than ${limits.maxRows} rows`);
        const number = Number(a.r ?? (row ? row.number + 1 : 1));
        row = { number: Number.isSafeInteger(number) && number > 0 ? number : rowCount, cells: new Map() };
        lastColumn = '';
      } else if (tag.name === 'c' && row) {
        const column = a.r ? columnOf(String(a.r)) : columnAfter(lastColumn || '@');
        lastColumn = column;
        cell = columns.has(column) ? { column, type: String(a.t ?? 'n'), value: '', inline: '' } : null;
      } else if (cell && (tag.name === 'v' || tag.name === 't')) reading = tag.name;
    },
    text: (text) => {
      if (!cell || !reading) return;
      if (reading === 'v') cell.value += text;
      else cell.inline += text;
    },
    closetag: (tag) => {
      if (tag.name === 'v' || tag.name === 't') reading = null;
      else if (tag.name === 'c' && cell && row) {
        const value = cellValue(cell, strings);
        if (value !== '') row.cells.set(cell.column, value);
        cell = null;
      } else if (tag.name === 'row' && row) {
        if (row.cells.size > 0) rows.push(row);
        row = null;
      }
    },
  });
  return rows;
}

function cellValue(cell: { type: string; value: string; inline: string }, strings: string[]): string | number {
  switch (cell.type) {
    case 's':
      return (strings[Number(cell.value)] ?? '').trim();
    case 'inlineStr':
      return cell.inline.trim();
    case 'str':
    case 'e':
      return cell.value.trim();
    case 'b':
      return cell.value === '1' ? 'TRUE' : 'FALSE';
    default: {
      if (cell.value.trim() === '') return '';
      const n = Number(cell.value);
      return Number.isFinite(n) ? n : cell.value.trim();
    }
  }
}
