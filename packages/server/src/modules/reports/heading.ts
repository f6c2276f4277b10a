import { formatLongDate } from '@vetplan/domain';
import type { PlanDto } from '../plans/schema.ts';
import type { ReportHeader, ReportModel } from './model.ts';

/** The body that issues a report: a People's Committee or an agency, as stored. */
export interface ReportingBody {
  code: string;
  name: string;
  shortName: string | null;
  kind: string;
  parent: { name: string; shortName: string | null } | null;
}

const PEOPLES_COMMITTEE_KINDS = new Set(['people_committee', 'commune_ppc']);
const PPC_PREFIX = /^(Ủy ban nhân dân|Uỷ ban nhân dân|UBND)\s+/i;
const DOC_TYPE_WORDS: Record<string, string> = { KE_HOACH: 'Kế hoạch', QUYET_DINH: 'Quyết định', CHI_THI: 'Chỉ thị', CONG_VAN: 'Công văn' };

export const isPeoplesCommittee = (body: ReportingBody) => PEOPLES_COMMITTEE_KINDS.has(body.kind);

/** "UBND huyện Yên Dũng" for a People's Committee, else the short name or the name. */
export function shortName(body: { name: string; shortName: string | null }): string {
  return body.shortName ?? body.name.replace(PPC_PREFIX, 'UBND ');
}

/** The abbreviation after "BC-" in the document number: UBND, LĐTBXH, GDĐT, KT … */
export function symbolOf(body: ReportingBody): string {
  if (isPeoplesCommittee(body)) return 'UBND';
  const rest = shortName(body).replace(/^(Phòng|Ban|Hội|Trung tâm)\s+/, '');
  const capitals = rest.split(/\s+/).filter((w) => w.length > 1 && w === w.toUpperCase());
  if (capitals.length > 0) return capitals.join('').replace(/[^\p{L}]/gu, '');
  return rest
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase())
    .join('');
}

/** Place names drop the kind of unit: "xã Lão Hộ" → "Lão Hộ". */
export function placeName(areaName: string): string {
  return areaName.replace(/^(xã|thị trấn|phường|huyện|thị xã|thành phố|tỉnh)\s+/i, '');
}

export function reportHeader(body: ReportingBody, place: string, today: string): ReportHeader {
  const pc = isPeoplesCommittee(body);
  return {
    parentBody: pc || !body.parent ? null : shortName(body.parent).toUpperCase(),
    body: pc ? ['ỦY BAN NHÂN DÂN', body.name.replace(PPC_PREFIX, '').toUpperCase()] : [body.name.toUpperCase()],
    nationalName: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    motto: 'Độc lập - Tự do - Hạnh phúc',
    // The number is given when the document is registered: left blank, as in every draft.
    number: `Số:        /BC-${symbolOf(body)}`,
    placeDate: `${place}, ${formatLongDate(today)}`,
  };
}

/** "Kế hoạch số …/KH-UBND tháng 10/2023 của UBND huyện Yên Dũng" */
export function planReference(plan: PlanDto, withIssuer: boolean): string {
  const word = DOC_TYPE_WORDS[plan.docType] ?? 'Văn bản';
  const number = `${word} số ${plan.number ?? '…'}/${plan.symbol}`;
  let date = '';
  if (plan.issuedOn) {
    const [y, m, d] = plan.issuedOn.split('-');
    date =
      plan.issuedOnPrecision === 'day'
        ? ` ngày ${d}/${m}/${y}`
        : plan.issuedOnPrecision === 'month'
          ? ` tháng ${Number(m)}/${y}`
          : ` năm ${y}`;
  }
  const issuer = plan.organisations.find((o) => o.code === plan.issuer.code);
  return `${number}${date}${withIssuer ? ` của ${issuer ? shortName(issuer) : plan.issuer.name}` : ''}`;
}

export const lowerFirst = (s: string) => (s ? s[0]!.toLowerCase() + s.slice(1) : s);

/** Who signs: the plan's signer when the report comes from the plan's issuer; otherwise the head of the body, name left to fill in. */
export function signatureOf(plan: PlanDto, body: ReportingBody): ReportModel['signature'] {
  if (body.code === plan.issuer.code) {
    return {
      authority: plan.signer.authority,
      delegation: plan.signer.delegation,
      title: plan.signer.title.toUpperCase(),
      name: plan.signer.name,
    };
  }
  if (isPeoplesCommittee(body)) return { authority: 'TM. ỦY BAN NHÂN DÂN', delegation: null, title: 'CHỦ TỊCH', name: '' };
  return { authority: null, delegation: null, title: /^Phòng\s/.test(body.name) ? 'TRƯỞNG PHÒNG' : 'THỦ TRƯỞNG ĐƠN VỊ', name: '' };
}

/**
 * "Nơi nhận": the bodies the plan's reporting rules send reports to (section
 * IV), then the consolidating office, then the archive.
 */
export function recipientsOf(plan: PlanDto, body: ReportingBody): string[] {
  const names = new Map(plan.organisations.map((o) => [o.code, o]));
  const codes: string[] = [];
  const members = new Map(plan.groups.map((g) => [g.code, g.members]));
  const fromBody = (from: string[]) => from.some((c) => c === body.code || (members.get(c) ?? []).includes(body.code));
  const reporting = plan.rules.filter((r) => r.kind === 'reporting');
  const mine = reporting.filter((r) => fromBody(r.from));
  for (const rule of body.code === plan.issuer.code || mine.length === 0 ? reporting : mine) {
    for (const code of [...rule.to, ...(rule.via ? [rule.via] : [])])
      if (code !== body.code && names.has(code) && !codes.includes(code)) codes.push(code);
  }
  if (body.code === plan.issuer.code) {
    // The plan's issuer reports upwards: drop the units below it, keep its consolidating office.
    for (const rule of plan.rules) for (const code of rule.from) if (names.has(code) && !codes.includes(code)) codes.push(code);
  }
  return [...codes.map((c) => `${shortName(names.get(c)!)};`), 'Lưu: VT.'];
}
