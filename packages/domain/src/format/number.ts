export type Lang = 'vi' | 'en';

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(lang: Lang, minDecimals: number, maxDecimals: number): Intl.NumberFormat {
  const key = `${lang}:${minDecimals}:${maxDecimals}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
      minimumFractionDigits: minDecimals,
      maximumFractionDigits: maxDecimals,
      useGrouping: true,
    });
    formatters.set(key, f);
  }
  return f;
}

export interface NumberFormatOptions {
  lang?: Lang;
  /** Fixed number of decimals; when omitted, up to `maxDecimals` as needed. */
  decimals?: number;
  maxDecimals?: number;
}

/**
 * Formats a number the way Vietnamese officials write it: `1.234.567` and
 * `37,4`; English uses `1,234,567` and `37.4`.
 */
export function formatNumber(value: number, options: NumberFormatOptions = {}): string {
  const lang = options.lang ?? 'vi';
  const min = options.decimals ?? 0;
  const max = options.decimals ?? options.maxDecimals ?? 2;
  // Intl's vi-VN output uses "." for grouping and "," for decimals already.
  // `value || 0` writes -0 as "0", never "-0".
  return formatter(lang, min, max).format(value || 0);
}

export function formatPercent(value: number, options: NumberFormatOptions = {}): string {
  return `${formatNumber(value, { maxDecimals: 1, ...options })}%`;
}

/** "05" as plans write small counts; larger numbers unchanged. */
export function formatCountAsWritten(value: number, lang: Lang = 'vi'): string {
  if (lang === 'vi' && Number.isInteger(value) && value >= 0 && value < 10) return `0${value}`;
  return formatNumber(value, { lang });
}
