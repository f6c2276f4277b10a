import { describe, expect, it } from 'vitest';
import { pivotQuery, readSelection, writeSelection, yearOptions } from './selection.ts';

const defaults = { indicator: 'I_THCS_TO_VET', org: '221', thisYear: 2026 };

describe('the pivot page’s address', () => {
  it('defaults to the first indicator, the user’s unit with the units below, the last five complete years', () => {
    expect(readSelection(new URLSearchParams(''), defaults)).toEqual({
      indicators: ['I_THCS_TO_VET'],
      elements: [],
      org: '221',
      children: true,
      kind: 'year',
      years: [2021, 2022, 2023, 2024, 2025],
    });
  });

  it('reads back what it wrote', () => {
    const s = {
      indicators: ['I_A', 'I_B'],
      elements: ['DE_X[sex:F]'],
      org: '07681',
      children: false,
      kind: 'half' as const,
      years: [2023, 2024],
    };
    const params = new URLSearchParams(Object.entries(writeSelection(s)).filter((e): e is [string, string] => e[1] !== null));
    expect(readSelection(params, defaults)).toEqual(s);
  });

  it('drops repeated codes and years it does not offer, and sorts the years', () => {
    const s = readSelection(new URLSearchParams('ind=I_A,,I_A&years=2025,1990,2021,x'), defaults);
    expect(s.indicators).toEqual(['I_A']);
    expect(s.years).toEqual([2021, 2025]);
  });

  it('allows a table of elements only', () => {
    const s = readSelection(new URLSearchParams('ind=&el=DE_LABOUR_FORCE'), defaults);
    expect([s.indicators, s.elements]).toEqual([[], ['DE_LABOUR_FORCE']]);
  });

  it('asks for half-years as each year’s two halves', () => {
    const s = readSelection(new URLSearchParams('kind=half&years=2024,2025'), defaults);
    expect(pivotQuery(s).periods).toEqual(['2024S1', '2024S2', '2025S1', '2025S2']);
  });

  it('offers the last ten years', () => {
    expect(yearOptions(2026)).toEqual([2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
  });
});
