/**
 * Folds Vietnamese text for search and sorting keys: lower case, without
 * diacritics, "đ" as "d" — so "tu mai" finds "Tư Mại". Show the original.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

const collator = new Intl.Collator('vi', { sensitivity: 'base' });

/** Compares two Vietnamese strings in dictionary order. */
export function compareVietnamese(a: string, b: string): number {
  return collator.compare(a, b);
}
