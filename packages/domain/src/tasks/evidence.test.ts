import { describe, expect, it } from 'vitest';
import { safeFileName, sniffEvidence } from './evidence.ts';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe('evidence file types from content', () => {
  it('recognises PDF, PNG, JPEG, WebP and OLE2 Office files', () => {
    expect(sniffEvidence(bytes('%PDF-1.7\n'))).toBe('pdf');
    expect(sniffEvidence(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('png');
    expect(sniffEvidence(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
    expect(sniffEvidence(bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '))).toBe('webp');
    expect(sniffEvidence(bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBe('ole');
  });
  it('tells Word, Excel and PowerPoint zips apart, and refuses a plain zip', () => {
    const zip = [0x50, 0x4b, 0x03, 0x04];
    expect(sniffEvidence(bytes(zip, '....[Content_Types].xml....word/document.xml'))).toBe('docx');
    expect(sniffEvidence(bytes(zip, '....[Content_Types].xml....xl/workbook.xml'))).toBe('xlsx');
    expect(sniffEvidence(bytes(zip, '....[Content_Types].xml....ppt/presentation.xml'))).toBe('pptx');
    expect(sniffEvidence(bytes(zip, '....evil.exe'))).toBeNull();
  });
  it('refuses anything else whatever its name, e.g. a program or a script', () => {
    expect(sniffEvidence(bytes('MZ\x90\x00'))).toBeNull();
    expect(sniffEvidence(bytes('<script>alert(1)</script>'))).toBeNull();
    expect(sniffEvidence(new Uint8Array())).toBeNull();
  });
  it('keeps a file name without folders or quotes', () => {
    expect(safeFileName('C:\\tmp\\biên bản "họp".pdf')).toBe('biên bản họp.pdf');
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('')).toBe('minh-chung');
  });
});
