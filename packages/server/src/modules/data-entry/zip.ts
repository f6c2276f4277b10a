import { inflateRawSync } from 'node:zlib';

/**
 * Reads entries of a ZIP file (an .xlsx) held in memory, within limits set
 * before anything is inflated: how many entries the directory may list, and
 * how many bytes the entries read may inflate to in all. The limit is on the
 * bytes actually inflated (zlib stops at it), not on the sizes the file
 * declares, which a crafted file can understate. Only the entries asked for
 * are inflated: what else the file holds costs nothing.
 */

export interface ZipLimits {
  maxEntries: number;
  /** Bytes all entries read may inflate to together. */
  maxUnzippedBytes: number;
}

/** Why a file cannot be read: not a ZIP at all, or over a limit. */
export class ZipRefused extends Error {
  constructor(
    readonly reason: 'not_zip' | 'too_many_entries' | 'too_large_unzipped' | 'unsupported',
    message: string,
  ) {
    super(message);
    this.name = 'ZipRefused';
  }
}

interface DirectoryEntry {
  method: number;
  flags: number;
  compressedSize: number;
  localHeader: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_MIN = 22;
const STORED = 0;
const DEFLATED = 8;

export class ZipReader {
  private readonly entries = new Map<string, DirectoryEntry>();
  private inflated = 0;

  constructor(
    private readonly file: Buffer,
    private readonly limits: ZipLimits,
  ) {
    const eocd = findEndOfDirectory(file);
    const count = file.readUInt16LE(eocd + 10);
    const size = file.readUInt32LE(eocd + 12);
    const offset = file.readUInt32LE(eocd + 16);
    if (count === 0xffff || offset === 0xffffffff) throw new ZipRefused('unsupported', 'ZIP64 archives are not read');
    if (count > limits.maxEntries)
      throw new ZipRefused('too_many_entries', `the archive lists ${count} entries, more than ${limits.maxEntries}`);
    if (offset + size > file.length) throw new ZipRefused('not_zip', 'the central directory lies outside the file');
    let at = offset;
    for (let i = 0; i < count; i++) {
      if (at + 46 > file.length || file.readUInt32LE(at) !== CENTRAL_SIGNATURE)
        throw new ZipRefused('not_zip', 'the central directory is damaged');
      const nameLength = file.readUInt16LE(at + 28);
      const name = file.toString('utf8', at + 46, at + 46 + nameLength);
      this.entries.set(name, {
        flags: file.readUInt16LE(at + 8),
        method: file.readUInt16LE(at + 10),
        compressedSize: file.readUInt32LE(at + 20),
        localHeader: file.readUInt32LE(at + 42),
      });
      at += 46 + nameLength + file.readUInt16LE(at + 30) + file.readUInt16LE(at + 32);
    }
  }

  /** The entries' names, in the directory's order. */
  names(): string[] {
    return [...this.entries.keys()];
  }

  /** The entry inflated, or null when the archive has none of that name; refused past the limit of bytes inflated in all. */
  read(name: string): Buffer | null {
    const entry = this.entries.get(name);
    if (!entry) return null;
    if (entry.flags & 1) throw new ZipRefused('unsupported', `${name} is encrypted`);
    const local = entry.localHeader;
    if (local + 30 > this.file.length || this.file.readUInt32LE(local) !== LOCAL_SIGNATURE)
      throw new ZipRefused('not_zip', `the header of ${name} is damaged`);
    const start = local + 30 + this.file.readUInt16LE(local + 26) + this.file.readUInt16LE(local + 28);
    const data = this.file.subarray(start, start + entry.compressedSize);
    const room = this.limits.maxUnzippedBytes - this.inflated;
    let out: Buffer;
    if (entry.method === STORED) {
      if (data.length > room) throw this.tooLarge();
      out = data;
    } else if (entry.method === DEFLATED) {
      try {
        out = inflateRawSync(data, { maxOutputLength: Math.max(1, room) });
      } catch (error) {
        if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw this.tooLarge();
        throw new ZipRefused('not_zip', `${name} cannot be inflated: ${(error as Error).message}`);
      }
    } else {
      throw new ZipRefused('unsupported', `${name} uses compression method ${entry.method}`);
    }
    this.inflated += out.length;
    return out;
  }

  private tooLarge(): ZipRefused {
    return new ZipRefused('too_large_unzipped', `the entries read inflate to more than ${this.limits.maxUnzippedBytes} bytes`);
  }
}

/** The end-of-central-directory record: the last 22 bytes, or further back when the archive has a comment. */
function findEndOfDirectory(file: Buffer): number {
  if (file.length < EOCD_MIN) throw new ZipRefused('not_zip', 'the file is too short to be a ZIP archive');
  const earliest = Math.max(0, file.length - EOCD_MIN - 0xffff);
  for (let at = file.length - EOCD_MIN; at >= earliest; at--) {
    if (file.readUInt32LE(at) === EOCD_SIGNATURE) return at;
  }
  throw new ZipRefused('not_zip', 'no ZIP directory found');
}
