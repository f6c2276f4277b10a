/**
 * A realistic synthetic history for the default catalogue (2021–2025): every
 * commune, both sexes, labour figures by half-year and schooling figures by
 * year, moving towards the plan's targets at a pace that leaves some
 * communes behind. Consistent with the validation rules: parts never exceed
 * their wholes. Used for the demo data of a first start and by benchmarks.
 */
import { random } from './random.ts';

export const DEMO_YEARS = [2021, 2022, 2023, 2024, 2025];

export interface DemoOptions {
  communes: readonly string[];
  district: string;
  years?: readonly number[];
  seed?: number;
}

/** The rows of the exchange format (element, period, org, disagg, value). */
export function demoHistory(options: DemoOptions): string[][] {
  const rnd = random(options.seed ?? 2023);
  const years = options.years ?? DEMO_YEARS;
  const rows: string[][] = [];
  const between = (a: number, b: number) => a + rnd() * (b - a);
  options.communes.forEach((org, i) => {
    // Each commune has its own size and its own pace: a few lag behind.
    const size = between(0.6, 1.6);
    const pace = i % 6 === 5 ? between(0.3, 0.6) : between(0.8, 1.3);
    let force = Math.round(4200 * size);
    years.forEach((year, y) => {
      const trainedRate = 0.29 + 0.018 * pace * y + between(-0.008, 0.008);
      const retrainedRate = 0.33 + 0.02 * pace * y + between(-0.01, 0.01);
      for (const half of [1, 2]) {
        const period = `${year}S${half}`;
        force = Math.round(force * between(1.0, 1.012));
        for (const [sex, share] of [
          ['M', 0.52],
          ['F', 0.48],
        ] as const) {
          const f = Math.round(force * share);
          const trained = Math.round(f * (trainedRate + (half === 2 ? 0.004 : 0) + (sex === 'F' ? -0.01 : 0.01)));
          const retrained = Math.round((f * retrainedRate) / 2);
          rows.push(['DE_LABOUR_FORCE', period, org, `sex:${sex}`, String(f)]);
          rows.push(['DE_LABOUR_TRAINED_CERT', period, org, `sex:${sex}`, String(Math.min(trained, f))]);
          rows.push(['DE_LABOUR_RETRAINED', period, org, `sex:${sex}`, String(Math.min(retrained, f))]);
        }
      }
      const toVetThcs = 0.33 + 0.016 * pace * y;
      const toCollege = 0.36 + 0.02 * pace * y;
      for (const sex of ['M', 'F'] as const) {
        const thcs = Math.round(between(90, 150) * size);
        const sc = Math.round(thcs * toVetThcs * 0.35);
        const tc = Math.round(thcs * toVetThcs * 0.65);
        rows.push(['DE_THCS_GRAD', String(year), org, `sex:${sex}`, String(thcs)]);
        rows.push(['DE_THCS_TO_VET', String(year), org, `level:SC;sex:${sex}`, String(sc)]);
        rows.push(['DE_THCS_TO_VET', String(year), org, `level:TC;sex:${sex}`, String(Math.min(tc, thcs - sc))]);
        const thpt = Math.round(between(70, 120) * size);
        const cd = Math.round(thpt * toCollege);
        const tcThpt = Math.round(thpt * 0.08);
        const scThpt = Math.round(thpt * 0.03);
        rows.push(['DE_THPT_GRAD', String(year), org, `sex:${sex}`, String(thpt)]);
        rows.push(['DE_THPT_TO_VET', String(year), org, `level:CD;sex:${sex}`, String(cd)]);
        rows.push(['DE_THPT_TO_VET', String(year), org, `level:TC;sex:${sex}`, String(tcThpt)]);
        rows.push(['DE_THPT_TO_VET', String(year), org, `level:SC;sex:${sex}`, String(scThpt)]);
      }
    });
  });
  years.forEach((year, y) => rows.push(['DE_VET_INSTITUTIONS', String(year), options.district, '', String(y < 2 ? 4 : 5)]));
  return rows;
}
