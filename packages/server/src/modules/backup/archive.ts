import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';

/**
 * A minimal tar.gz (POSIX ustar) writer and reader for backup files: regular
 * files only, so a backup opens with any `tar -xzf` as well.
 */

const BLOCK = 512;

function header(name: string, size: number): Buffer {
  if (Buffer.byteLength(name) > 100) throw new Error(`archive entry name too long: ${name}`);
  const h = Buffer.alloc(BLOCK);
  h.write(name, 0, 100, 'utf8');
  h.write('0000644\0', 100, 8, 'ascii');
  h.write('0000000\0', 108, 8, 'ascii');
  h.write('0000000\0', 116, 8, 'ascii');
  h.write(`${size.toString(8).padStart(11, '0')}\0`, 124, 12, 'ascii');
  h.write(
    `${Math.floor(Date.now() / 1000)
      .toString(8)
      .padStart(11, '0')}\0`,
    136,
    12,
    'ascii',
  );
  h.write('        ', 148, 8, 'ascii');
  h.write('0', 156, 1, 'ascii');
  h.write('ustar\0', 257, 6, 'ascii');
  h.write('00', 263, 2, 'ascii');
  let sum = 0;
  for (const byte of h) sum += byte;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8, 'ascii');
  return h;
}

/** Writes `entries` (archive name → file on disk) into a tar.gz, atomically: a temporary file renamed at the end. */
export async function writeArchive(file: string, entries: { name: string; source: string }[]): Promise<void> {
  const partial = `${file}.partial-${process.pid}`;
  async function* blocks() {
    for (const e of entries) {
      const size = fs.statSync(e.source).size;
      yield header(e.name, size);
      for await (const chunk of fs.createReadStream(e.source)) yield chunk as Buffer;
      if (size % BLOCK) yield Buffer.alloc(BLOCK - (size % BLOCK));
    }
    yield Buffer.alloc(BLOCK * 2);
  }
  try {
    await pipeline(blocks(), zlib.createGzip(), fs.createWriteStream(partial));
    const fd = fs.openSync(partial, 'r');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(partial, file);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
}

export class ArchiveError extends Error {}

/** Unpacks a tar.gz written by `writeArchive` into `dir`; returns the entry names. Refuses anything unexpected. */
export async function readArchive(file: string, dir: string): Promise<string[]> {
  const names: string[] = [];
  let pending: Buffer = Buffer.alloc(0);
  let current: { name: string; left: number; pad: number; fd: number } | null = null;
  let ended = false;

  const consume = () => {
    for (;;) {
      if (current) {
        if (current.left > 0) {
          if (pending.length === 0) return;
          const n = Math.min(current.left, pending.length);
          fs.writeSync(current.fd, pending.subarray(0, n));
          pending = pending.subarray(n);
          current.left -= n;
          if (current.left > 0) return;
        }
        if (pending.length < current.pad) return;
        pending = pending.subarray(current.pad);
        fs.closeSync(current.fd);
        current = null;
      }
      if (ended) {
        pending = Buffer.alloc(0);
        return;
      }
      if (pending.length < BLOCK) return;
      const h = pending.subarray(0, BLOCK);
      pending = pending.subarray(BLOCK);
      if (h.every((b) => b === 0)) {
        ended = true;
        continue;
      }
      let sum = 0;
      for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : h[i]!;
      if (parseInt(h.toString('ascii', 148, 156).replace(/\0.*$/s, '').trim(), 8) !== sum)
        throw new ArchiveError('a header of the archive is damaged (checksum)');
      const name = h.toString('utf8', 0, 100).replace(/\0.*$/s, '');
      const type = h.toString('ascii', 156, 157);
      const size = parseInt(h.toString('ascii', 124, 136).replace(/\0.*$/s, '').trim(), 8);
      if ((type !== '0' && type !== '\0') || !/^[a-z0-9_./-]+$/i.test(name) || name.includes('..') || name.startsWith('/')) {
        throw new ArchiveError(`the archive holds an unexpected entry "${name}"`);
      }
      if (names.includes(name)) throw new ArchiveError(`the archive holds "${name}" twice`);
      names.push(name);
      const target = path.join(dir, name);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      current = { name, left: size, pad: size % BLOCK ? BLOCK - (size % BLOCK) : 0, fd: fs.openSync(target, 'wx') };
    }
  };

  try {
    await pipeline(fs.createReadStream(file), zlib.createGunzip(), async (source: AsyncIterable<Buffer>) => {
      for await (const chunk of source) {
        pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
        consume();
      }
    });
  } catch (error) {
    if (current) fs.closeSync((current as { fd: number }).fd);
    if (error instanceof ArchiveError) throw error;
    throw new ArchiveError(`not a readable tar.gz archive (${(error as Error).message})`);
  }
  if (current || !ended) throw new ArchiveError('the archive ends too early (the file is truncated)');
  return names;
}
