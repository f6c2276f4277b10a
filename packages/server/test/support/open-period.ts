import { parsePeriod, writeWindow, inWindow, type Period } from '@vetplan/domain';

/**
 * The six-monthly period a commune officer may write today (the real clock: for processes
 * that cannot be given a test clock, such as the command line). The schedule is the commune
 * 6-month form's in the default catalogue (opens 1/6 of the period, due 20/6), and a period
 * is written from its opening day until the next one's report is due (domain writeWindow).
 */
export function openSixMonthlyPeriod(today = new Date().toISOString().slice(0, 10)): string {
  const year = Number(today.slice(0, 4));
  const candidates = [`${year}S2`, `${year}S1`, `${year - 1}S2`].map((code) => (parsePeriod(code) as { ok: true; period: Period }).period);
  const schedule = { opens: { month: 6, day: 1 }, due: { month: 6, day: 20 } };
  const open = candidates.find((p) => p.start <= today && inWindow(writeWindow(p, schedule), today));
  if (!open) throw new Error(`no six-monthly period is open to officers on ${today}`);
  return open.code;
}
