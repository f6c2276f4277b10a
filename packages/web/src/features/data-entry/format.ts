import dayjs from 'dayjs';

/** A moment as officials write it: 28/11/2026 08:38 (local time). */
export function formatMoment(iso: string): string {
  return dayjs(iso).format('DD/MM/YYYY HH:mm');
}
