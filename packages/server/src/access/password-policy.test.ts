import { describe, expect, it } from 'vitest';
import { lettersOf, passwordProblem } from './password-policy.ts';

const refusedAs = (password: string, username?: string) => passwordProblem(password, username)?.en ?? 'accepted';

describe('passwordProblem', () => {
  it('takes length over composition: 8 to 256 characters, any characters, spaces included', () => {
    for (const ok of ['ngựa đúng pin kẹp ghim', 'correct-horse-42', 'x7#kq 2mv', 'tám chữ!', 'a'.repeat(10) + 'b'.repeat(246)])
      expect(refusedAs(ok)).toBe('accepted');
    expect(refusedAs('short12')).toBe('must be at least 8 characters long');
    // Eight characters beyond the basic plane are eight characters, not sixteen code units.
    expect(refusedAs('😀'.repeat(7))).toBe('must be at least 8 characters long');
    expect(refusedAs('x'.repeat(257))).toBe('must be at most 256 characters long');
  });

  it('refuses a password of only spaces', () => {
    for (const blank of [' '.repeat(8), '\t'.repeat(9), ' \u00a0 \u3000    ']) expect(refusedAs(blank)).toBe('must not be only spaces');
  });

  it('refuses the most common passwords, whatever their case', () => {
    for (const common of ['password', '12345678', 'PassWord1', 'QWERTYUIOP', 'iloveyou', '1qaz2wsx', 'baseball', 'password ']) {
      expect(refusedAs(common), common).toMatch(/^is one of the most common passwords/);
    }
  });

  it('refuses the words of this system and its places, with or without diacritics, digits and signs', () => {
    for (const word of [
      'vetplan2026',
      'YenDung@2025',
      'Yên Dũng 2025',
      'Bắc Giang!!',
      'ubnd.07681',
      'Mật khẩu 123',
      'matkhau@@',
      'GiaoDuc#1',
      'Xã Tư Mại 1',
      'Thị trấn Nham Biền',
    ]) {
      expect(refusedAs(word), word).toMatch(/^is built on the username, the name of this system/);
    }
    expect(refusedAs('vetplan là ứng dụng của phòng')).toBe('accepted');
  });

  it('refuses the username, alone or with digits', () => {
    expect(refusedAs('lan.ldtbxh', 'lan.ldtbxh')).toMatch(/^is built on the username/);
    expect(refusedAs('Lan.Ldtbxh2025', 'lan.ldtbxh')).toMatch(/^is built on the username/);
    expect(refusedAs('83920174629103', '0768101')).toBe('accepted');
  });

  it('compares letters without diacritics', () => {
    expect(lettersOf('Đồng Việt-2025')).toBe('dongviet');
  });
});
