/** The kinds of evidence file accepted, recognised from their first bytes. */
export const EVIDENCE_TYPES = {
  pdf: { mime: 'application/pdf', ext: 'pdf' },
  png: { mime: 'image/png', ext: 'png' },
  jpeg: { mime: 'image/jpeg', ext: 'jpg' },
  webp: { mime: 'image/webp', ext: 'webp' },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ext: 'docx' },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: 'xlsx' },
  pptx: { mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', ext: 'pptx' },
  /** Word 97-2003 .doc, Excel .xls, PowerPoint .ppt share one container (OLE2). */
  ole: { mime: 'application/x-ole-storage', ext: 'doc' },
} as const;
export type EvidenceKind = keyof typeof EVIDENCE_TYPES;

/** Largest evidence file: 10 MB. */
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

const starts = (b: Uint8Array, sig: number[], at = 0) => sig.every((x, i) => b[at + i] === x);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

function includes(b: Uint8Array, needle: string, limit: number): boolean {
  const n = ascii(needle);
  const end = Math.min(b.length, limit) - n.length;
  for (let i = 0; i <= end; i++) if (starts(b, n, i)) return true;
  return false;
}

/**
 * The kind of a file from its content (magic bytes), never its name: PDF,
 * PNG, JPEG, WebP, Word/Excel/PowerPoint (OOXML zip with its main part, or the
 * older OLE2 container). Anything else, including a plain zip, is null.
 */
export function sniffEvidence(b: Uint8Array): EvidenceKind | null {
  if (starts(b, ascii('%PDF-'))) return 'pdf';
  if (starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (starts(b, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (starts(b, ascii('RIFF')) && starts(b, ascii('WEBP'), 8)) return 'webp';
  if (starts(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (starts(b, [0x50, 0x4b, 0x03, 0x04])) {
    // Zip local-file names are stored in clear: an Office file names its main part.
    const limit = b.length;
    if (!includes(b, '[Content_Types].xml', limit)) return null;
    if (includes(b, 'word/', limit)) return 'docx';
    if (includes(b, 'xl/', limit)) return 'xlsx';
    if (includes(b, 'ppt/', limit)) return 'pptx';
  }
  return null;
}

/** A file name safe to store and send back: no folders, no control characters, at most 200 characters. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- control characters are what a file name must lose
  const clean = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  return (clean || 'minh-chung').slice(0, 200);
}
