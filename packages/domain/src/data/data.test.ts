import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvReader, csvRecord, parseCsv } from './csv.ts';
import { parseDisagg } from './disagg.ts';
import { parseValue } from './value.ts';

const SEX = { dimension: 'sex', values: ['M', 'F'] };
const LEVEL_SC_TC = { dimension: 'level', values: ['SC', 'TC'] };

describe('parseDisagg', () => {
  it('accepts every dimension in any order and stores them sorted', () => {
    expect(parseDisagg('sex:F;level:TC', [SEX, LEVEL_SC_TC])).toEqual({ ok: true, value: 'level:TC;sex:F' });
    expect(parseDisagg(' level:SC ; sex:M ', [SEX, LEVEL_SC_TC])).toEqual({ ok: true, value: 'level:SC;sex:M' });
    expect(parseDisagg('', [])).toEqual({ ok: true, value: '' });
  });
  it('names a missing dimension, an unknown value and an unknown dimension', () => {
    expect(parseDisagg('sex:F', [SEX, LEVEL_SC_TC])).toMatchObject({
      ok: false,
      problem: { en: 'missing dimension level', vi: 'thiếu phân tổ level' },
    });
    expect(parseDisagg('sex:F;level:CD', [SEX, LEVEL_SC_TC])).toMatchObject({
      problem: { en: '"level:CD" is not a valid value (level:SC, level:TC)' },
    });
    expect(parseDisagg('sex:X', [SEX])).toMatchObject({ problem: { en: '"sex:X" is not a valid value (sex:M, sex:F)' } });
    expect(parseDisagg('age:15', [SEX])).toMatchObject({ problem: { en: 'the element has no dimension "age" (only sex)' } });
    expect(parseDisagg('sex:F', [])).toMatchObject({ problem: { en: 'the element has no dimensions, but "sex" is given' } });
    expect(parseDisagg('sex:F;sex:M', [SEX])).toMatchObject({ problem: { en: 'dimension "sex" is given twice' } });
    expect(parseDisagg('sexF', [SEX])).toMatchObject({ problem: { en: '"sexF" must be dimension:value, e.g. sex:F' } });
  });
});

describe('parseValue', () => {
  it('checks counts, numbers, percentages and yes/no', () => {
    expect(parseValue('132', 'count')).toEqual({ ok: true, value: 132 });
    expect(parseValue('abc', 'count')).toMatchObject({ ok: false, problem: { en: '"abc" is not a number', vi: '"abc" không phải là số' } });
    expect(parseValue('-3', 'count')).toMatchObject({ problem: { en: '-3 is negative; a count must be 0 or more' } });
    expect(parseValue('2.5', 'count')).toMatchObject({ problem: { en: '2.5 is not a whole number; a count must be whole' } });
    // The Vietnamese way of writing 1580 and 37.4: what was read, and how CSV writes numbers.
    expect(parseValue('1.580', 'count')).toMatchObject({
      ok: false,
      problem: {
        vi: '"1.580" được đọc là 1,58 vì trong CSV dấu chấm "." là dấu thập phân; số lượng phải là số nguyên: nếu là 1580 thì viết 1580, không có dấu chấm',
      },
    });
    expect(parseValue('1.580', 'number')).toEqual({ ok: true, value: 1.58 });
    expect(parseValue('1,580', 'count')).toMatchObject({
      ok: false,
      problem: { en: '"1,580" is not a number in CSV: the decimal point is "." (37.4) and thousands are not separated (1580)' },
    });
    expect(parseValue('37,4', 'percentage')).toMatchObject({
      ok: false,
      problem: { vi: expect.stringContaining('dấu thập phân là dấu chấm "."') },
    });
    expect(parseValue('-2.5', 'number')).toEqual({ ok: true, value: -2.5 });
    expect(parseValue('37,4', 'number')).toMatchObject({ ok: false });
    expect(parseValue('101', 'percentage')).toMatchObject({ ok: false });
    expect(parseValue('true', 'boolean')).toEqual({ ok: true, value: 1 });
    expect(parseValue('2', 'boolean')).toMatchObject({ ok: false });
    expect(parseValue(Number.NaN, 'number')).toMatchObject({ ok: false });
  });
  it('accepts every non-negative integer as a count and refuses every negative one', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), (n) => {
        expect(parseValue(String(n), 'count').ok).toBe(n >= 0);
      }),
    );
  });
});

describe('CsvReader', () => {
  it('reads quotes, doubled quotes, CRLF and a BOM', () => {
    expect(parseCsv('\uFEFFa,b\r\n"x, y","say ""hi"""\r\n1,\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
      ['1', ''],
    ]);
    expect(parseCsv('a\n"multi\nline",z')).toEqual([['a'], ['multi\nline', 'z']]);
  });
  it('reports a quote that is never closed', () => {
    const r = new CsvReader();
    r.push('a,b\n"open,');
    expect(() => r.end()).toThrow('a quoted field opened on line 2 is never closed');
  });
  it('stops at a record longer than its limit, naming the line it starts on, however the text is cut', () => {
    for (const text of ['a,b\nccccc,dddddd\n', 'a,b\n"cc\ncc,dd\ndd",x\n']) {
      for (const cut of [1, 3, 7, text.length]) {
        const reader = new CsvReader(8);
        const read = () => {
          for (let i = 0; i < text.length; i += cut) reader.push(text.slice(i, i + cut));
          reader.end();
        };
        expect(read).toThrow(expect.objectContaining({ kind: 'too_long', line: 2 }));
      }
    }
    // At the limit, the record is read.
    expect(new CsvReader(8).push('abcd,efg\n')).toEqual([{ fields: ['abcd', 'efg'], line: 1 }]);
  });

  it('reads what csvRecord writes, however the text is cut into chunks', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'Đ', ',', '"', '\n', '\r', ' ', '1', '=', '-', '+', '@', '\t') });
    fc.assert(
      fc.property(
        fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        (records, cuts) => {
          const text = records.map(csvRecord).join('\r\n') + '\r\n';
          const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
          const reader = new CsvReader();
          const out: string[][] = [];
          let from = 0;
          for (const p of [...points, text.length]) {
            out.push(...reader.push(text.slice(from, p)).map((r) => r.fields));
            from = p;
          }
          out.push(...reader.end().map((r) => r.fields));
          // A field a spreadsheet would run as a formula comes back with the quote that defuses it.
          const defused = (f: string) => /^[=+\-@\t\r]/.test(f) && !/^[+-]?\d+([.,]\d+)*$/.test(f);
          expect(out).toEqual(records.map((r) => r.map((f) => (defused(f) ? `'${f}` : f))));
        },
      ),
    );
  });
});
