/** A problem with a piece of data, said in Vietnamese (the default) and English. */
export interface Problem {
  vi: string;
  en: string;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problem: Problem };

export const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
export const fail = <T = never>(vi: string, en: string): Checked<T> => ({ ok: false, problem: { vi, en } });
