import { random } from '../../packages/server/src/modules/demo/random.ts';

/**
 * Synthetic data values for the default catalogue, consistent with its
 * validation rules (parts never exceed their wholes), for benchmarks.
 */
export const COMMUNES = [
  '07681',
  '07682',
  '07684',
  '07690',
  '07702',
  '07708',
  '07711',
  '07714',
  '07717',
  '07720',
  '07723',
  '07726',
  '07729',
  '07735',
  '07738',
  '07741',
  '07747',
  '07750',
];

/** The cells of one unit and period: 21 rows over the eight elements. */
function unitPeriodRows(org: string, period: string, rnd: () => number): string[] {
  const rows: string[] = [];
  const int = (min: number, max: number) => Math.floor(min + rnd() * (max - min));
  for (const sex of ['M', 'F']) {
    const thcs = int(80, 200);
    rows.push(`DE_THCS_GRAD,${period},${org},sex:${sex},${thcs},`);
    const sc = int(0, thcs / 4);
    rows.push(`DE_THCS_TO_VET,${period},${org},level:SC;sex:${sex},${sc},`);
    rows.push(`DE_THCS_TO_VET,${period},${org},level:TC;sex:${sex},${int(0, thcs / 4)},`);
    const thpt = int(60, 160);
    rows.push(`DE_THPT_GRAD,${period},${org},sex:${sex},${thpt},`);
    for (const level of ['SC', 'TC', 'CD']) rows.push(`DE_THPT_TO_VET,${period},${org},level:${level};sex:${sex},${int(0, thpt / 4)},`);
    const force = int(2000, 6000);
    rows.push(`DE_LABOUR_FORCE,${period},${org},sex:${sex},${force},`);
    rows.push(`DE_LABOUR_TRAINED_CERT,${period},${org},sex:${sex},${int(force * 0.25, force * 0.4)},`);
    rows.push(`DE_LABOUR_RETRAINED,${period},${org},sex:${sex},${int(force * 0.2, force * 0.45)},`);
  }
  rows.push(`DE_VET_INSTITUTIONS,${period},${org},,${int(0, 2)},`);
  return rows;
}

/** About `count` rows (whole unit-periods), over the communes and monthly periods from 2000 on. */
export function syntheticCsv(count: number, seed = 1): { csv: string; rows: number } {
  const rnd = random(seed);
  const lines = ['element,period,org,disagg,value,comment'];
  let rows = 0;
  for (let month = 0; rows < count; month++) {
    const period = `${2000 + Math.floor(month / 12)}${String((month % 12) + 1).padStart(2, '0')}`;
    for (const org of COMMUNES) {
      if (rows >= count) break;
      const r = unitPeriodRows(org, period, rnd);
      lines.push(...r);
      rows += r.length;
    }
  }
  return { csv: `${lines.join('\n')}\n`, rows };
}
