import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * What a new password must be (OWASP ASVS 5.0 V6.2): long enough, no composition rules, not one of
 * the most common passwords and not built on a word of this system's context. Spaces are allowed,
 * and a password is kept exactly as typed; only the comparisons below ignore case.
 */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 256;

/** packages/server/data: the word lists (plain text, one per line). */
const DATA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data');

function readList(name: string): Set<string> {
  const text = fs.readFileSync(path.join(DATA_DIR, name), 'utf8');
  return new Set(text.split('\n').filter((line) => line !== '' && !line.startsWith('# ')));
}

let lists: { common: Set<string>; context: Set<string> } | null = null;

/** Read once, at the first password checked. */
function wordLists(): { common: Set<string>; context: Set<string> } {
  lists ??= { common: readList('common-passwords.txt'), context: readList('context-words.txt') };
  return lists;
}

/** The letters a-z of a text, lower-cased and without diacritics: "Yên Dũng@2025" → "yendung". */
export function lettersOf(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

export interface PasswordProblem {
  vi: string;
  en: string;
}

/** Why a new password is refused, or null when it may be set; `username` is the account's. */
export function passwordProblem(password: string, username?: string): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH)
    return { vi: `phải có ít nhất ${PASSWORD_MIN_LENGTH} ký tự`, en: `must be at least ${PASSWORD_MIN_LENGTH} characters long` };
  if (length > PASSWORD_MAX_LENGTH)
    return { vi: `chỉ được có tối đa ${PASSWORD_MAX_LENGTH} ký tự`, en: `must be at most ${PASSWORD_MAX_LENGTH} characters long` };
  if (password.trim() === '') return { vi: 'không được chỉ gồm dấu cách', en: 'must not be only spaces' };
  const { common, context } = wordLists();
  const letters = lettersOf(password);
  if (common.has(password.toLowerCase()) || common.has(letters)) {
    return {
      vi: 'là một trong những mật khẩu phổ biến nhất nên rất dễ bị đoán; hãy chọn mật khẩu khác, tốt nhất là một cụm nhiều từ',
      en: 'is one of the most common passwords and easy to guess; choose another, best a phrase of several words',
    };
  }
  const userLetters = username ? lettersOf(username) : '';
  const isUsername =
    username !== undefined && (password.toLowerCase() === username.toLowerCase() || (letters !== '' && letters === userLetters));
  if (isUsername || context.has(letters)) {
    return {
      vi: 'dựa trên tên đăng nhập, tên hệ thống, cơ quan hoặc địa danh nên dễ bị đoán; hãy chọn mật khẩu khác',
      en: 'is built on the username, the name of this system, an agency or a place and is easy to guess; choose another',
    };
  }
  return null;
}
