import { apiGet, apiSend } from '../../api/client.ts';
import { asObject, list, num, numOrNull, oneOf, str, type Json } from '../../api/decode.ts';

export type Rating = 'excellent' | 'good' | 'pass' | 'fail';
const RATINGS = ['excellent', 'good', 'pass', 'fail'] as const;
export type Part = 'tasks' | 'indicators' | 'reports';

export interface Scorecard {
  org: string;
  orgName: string;
  year: number;
  parts: {
    part: Part;
    weight: number;
    share: number;
    sharePercent: number;
    score: number | null;
    contribution: number;
    items: { key: string; label: string; status: string; points: number | null; weight: number }[];
  }[];
  sum: number | null;
  computed: number | null;
  adjustments: { delta: number; reason: string; by: string; at: string }[];
  total: number | null;
  rating: Rating | null;
}

function mapScorecard(o: Json): Scorecard {
  return {
    org: str(o, 'org'),
    orgName: str(o, 'orgName'),
    year: num(o, 'year'),
    parts: list(o, 'parts', (v, p) => {
      const x = asObject(v, p);
      return {
        part: oneOf(x, 'part', ['tasks', 'indicators', 'reports'] as const, p),
        weight: num(x, 'weight', p),
        share: num(x, 'share', p),
        sharePercent: num(x, 'sharePercent', p),
        score: numOrNull(x, 'score', p),
        contribution: num(x, 'contribution', p),
        items: list(
          x,
          'items',
          (w, q) => {
            const i = asObject(w, q);
            return {
              key: str(i, 'key', q),
              label: str(i, 'label', q),
              status: str(i, 'status', q),
              points: numOrNull(i, 'points', q),
              weight: num(i, 'weight', q),
            };
          },
          p,
        ),
      };
    }),
    sum: numOrNull(o, 'sum'),
    computed: numOrNull(o, 'computed'),
    adjustments: list(o, 'adjustments', (v, p) => {
      const a = asObject(v, p);
      return { delta: num(a, 'delta', p), reason: str(a, 'reason', p), by: str(a, 'by', p), at: str(a, 'at', p) };
    }),
    total: numOrNull(o, 'total'),
    rating: o.rating === null ? null : oneOf(o, 'rating', RATINGS),
  };
}

export interface RankRow {
  org: string;
  orgName: string;
  total: number | null;
  rating: Rating | null;
  rank: number | null;
}
const mapRank = (v: unknown, p: string): RankRow => {
  const o = asObject(v, p);
  return {
    org: str(o, 'org', p),
    orgName: str(o, 'orgName', p),
    total: numOrNull(o, 'total', p),
    rating: o.rating === null ? null : oneOf(o, 'rating', RATINGS, p),
    rank: numOrNull(o, 'rank', p),
  };
};

export const fetchScorecard = (q: { plan: string; org: string; year: number }, signal?: AbortSignal) =>
  apiGet(`/api/evaluation/scorecard?${new URLSearchParams({ plan: q.plan, org: q.org, year: String(q.year) })}`, mapScorecard, signal);

export const fetchRanking = (q: { plan: string; year: number }, signal?: AbortSignal) =>
  apiGet(
    `/api/evaluation/ranking?${new URLSearchParams({ plan: q.plan, year: String(q.year) })}`,
    (o) => ({ agencies: list(o, 'agencies', mapRank), communes: list(o, 'communes', mapRank) }),
    signal,
  );

export const sendAdjustment = (body: { plan: string; org: string; year: number; delta: number; reason: string }) =>
  apiSend('POST', '/api/evaluation/adjustments', body, mapScorecard);
