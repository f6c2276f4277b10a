import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';
import { ZipReader } from '../../src/modules/data-entry/zip.ts';

/**
 * Excel files built to explode when read, from a real template: each keeps
 * the template's parts and replaces or adds one. For the hostile-input tests
 * and bench/upload-bombs.ts.
 */

interface Entry {
  name: string;
  /** The deflated bytes, the size they inflate to and its CRC. */
  deflated: Buffer;
  size: number;
  crc: number;
}

function entry(name: string, data: Buffer | string): Entry {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  return { name, deflated: deflateRawSync(bytes), size: bytes.length, crc: crc32(bytes) };
}

/** `bytes` of one character repeated, deflated as a stream (never held inflated). */
async function repeated(name: string, char: string, bytes: number, prefix = '', suffix = ''): Promise<Entry> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const block = Buffer.alloc(1 << 20, char);
  deflate.write(prefix);
  for (let left = bytes; left > 0; left -= block.length) deflate.write(left >= block.length ? block : block.subarray(0, left));
  deflate.end(suffix);
  await done;
  // The CRC is not checked by vetplan's reader (the sizes are what the bomb is about).
  return { name, deflated: Buffer.concat(out), size: (prefix.length + bytes + suffix.length) >>> 0, crc: 0 };
}

/** A ZIP archive of the entries (deflated, no ZIP64). */
export function zip(entries: Entry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.deflated.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.crc, 16);
    central.writeUInt32LE(e.deflated.length, 20);
    central.writeUInt32LE(e.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.deflated);
    centrals.push(central, name);
    offset += 30 + name.length + e.deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 8);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The template's parts, to rebuild it with one part replaced or added. */
function parts(template: Buffer): Entry[] {
  const reader = new ZipReader(template, { maxEntries: 1_000, maxUnzippedBytes: 64 << 20 });
  return reader.names().map((name) => entry(name, reader.read(name)!));
}

function replacing(template: Entry[], replaced: Entry[]): Buffer {
  const byName = new Map(replaced.map((e) => [e.name, e]));
  return zip(template.map((e) => byName.get(e.name) ?? e));
}

/** The data sheet's part in a template (the first worksheet). */
export const DATA_SHEET_PART = 'xl/worksheets/sheet1.xml';

export interface Bomb {
  name: string;
  file: Buffer;
}

/** The corpus, with the inflated size of the decompression bomb given (500 MB in the bench, less in CI). */
export async function bombCorpus(template: Buffer, options: { inflatedBytes: number; rows: number }): Promise<Bomb[]> {
  const sheetOpen =
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
  const sheetClose = '</sheetData></worksheet>';
  const rows = Array.from({ length: options.rows }, (_, i) => `<row r="${i + 1}"/>`).join('');
  const reader = new ZipReader(template, { maxEntries: 1_000, maxUnzippedBytes: 64 << 20 });
  const workbookXml = reader.read('xl/workbook.xml')!.toString();
  const original = parts(template);
  const manySheets = workbookXml.replace(
    '</sheets>',
    `${Array.from({ length: 10_000 }, (_, i) => `<sheet name="s${i}" sheetId="${i + 10}" r:id="rIdX${i}"/>`).join('')}</sheets>`,
  );
  const strings = Array.from({ length: 200_000 }, (_, i) => `<si><t>${i}</t></si>`).join('');
  return [
    {
      name: 'decompression bomb: a sheet that inflates far past the limit',
      file: replacing(original, [await repeated(DATA_SHEET_PART, ' ', options.inflatedBytes, sheetOpen, sheetClose)]),
    },
    {
      name: 'row bomb: hundreds of thousands of empty rows',
      file: replacing(original, [entry(DATA_SHEET_PART, `${sheetOpen}${rows}${sheetClose}`)]),
    },
    {
      name: 'entry-count bomb: thousands of parts',
      file: zip([...original, ...Array.from({ length: 5_000 }, (_, i) => entry(`xl/media/p${i}.bin`, ''))]),
    },
    {
      name: 'deep XML: elements nested a hundred thousand deep',
      file: replacing(original, [entry(DATA_SHEET_PART, `${sheetOpen}${'<x>'.repeat(100_000)}${'</x>'.repeat(100_000)}${sheetClose}`)]),
    },
    { name: 'many sheets: a workbook listing ten thousand', file: replacing(original, [entry('xl/workbook.xml', manySheets)]) },
    {
      name: 'huge shared strings: two hundred thousand',
      file: replacing(original, [
        entry('xl/sharedStrings.xml', `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${strings}</sst>`),
      ]),
    },
    {
      name: 'entity expansion: billion laughs in the shared strings',
      file: replacing(original, [
        entry(
          'xl/sharedStrings.xml',
          `<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]><sst><si><t>&d;&d;&d;&d;</t></si></sst>`,
        ),
      ]),
    },
  ];
}
