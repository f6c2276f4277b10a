import { describe, expect, it } from 'vitest';
import type { PlanDto } from '../plans/schema.ts';
import { placeName, planReference, recipientsOf, reportHeader, signatureOf, symbolOf, type ReportingBody } from './heading.ts';
import { computedNarratives, narrativeSection } from './narratives.ts';
import type { TargetResult } from './model.ts';

const district: ReportingBody = {
  code: '221-UBND',
  name: 'Ủy ban nhân dân huyện Yên Dũng',
  shortName: 'UBND huyện Yên Dũng',
  kind: 'people_committee',
  parent: null,
};
const office: ReportingBody = {
  code: '221-LDTBXH',
  name: 'Phòng Lao động - Thương binh và Xã hội',
  shortName: 'Phòng LĐ-TB&XH',
  kind: 'district_agency',
  parent: { name: 'Ủy ban nhân dân huyện Yên Dũng', shortName: 'UBND huyện Yên Dũng' },
};
const commune: ReportingBody = { code: '07684-UBND', name: 'UBND xã Lão Hộ', shortName: null, kind: 'commune_ppc', parent: null };

const plan = {
  code: 'P',
  docType: 'KE_HOACH',
  number: null,
  symbol: 'KH-UBND',
  issuedOn: '2023-10-01',
  issuedOnPrecision: 'month',
  issuer: { code: '221-UBND', name: 'Ủy ban nhân dân huyện Yên Dũng' },
  signer: { name: 'Nguyễn Hữu Hưng', title: 'Phó Chủ tịch', authority: 'TM. ỦY BAN NHÂN DÂN', delegation: 'KT. CHỦ TỊCH' },
  organisations: [
    { code: '221-UBND', name: 'Ủy ban nhân dân huyện Yên Dũng', shortName: 'UBND huyện Yên Dũng', nameEn: null },
    { code: '221-LDTBXH', name: 'Phòng Lao động - Thương binh và Xã hội', shortName: 'Phòng LĐ-TB&XH', nameEn: null },
    { code: '24-SLDTBXH', name: 'Sở Lao động - Thương binh và Xã hội tỉnh Bắc Giang', shortName: 'Sở LĐ-TB&XH', nameEn: null },
  ],
  groups: [{ code: 'COMMUNE_PPC', name: 'UBND các xã, thị trấn', nameEn: null, members: ['07684-UBND'] }],
  rules: [
    {
      code: 'IV.2',
      kind: 'reporting',
      text: '',
      textEn: null,
      evaluation: false,
      from: ['221-LDTBXH'],
      to: ['221-UBND', '24-SLDTBXH'],
      via: null,
      frequency: 'periodic',
    },
    {
      code: 'IV.3',
      kind: 'reporting',
      text: '',
      textEn: null,
      evaluation: false,
      from: ['COMMUNE_PPC'],
      to: ['221-UBND'],
      via: '221-LDTBXH',
      frequency: 'periodic',
    },
  ],
} as unknown as PlanDto;

describe('the heading of a report', () => {
  it('writes a People’s Committee in two bold lines and an agency under its parent body', () => {
    expect(reportHeader(district, 'Yên Dũng', '2025-06-15')).toMatchObject({
      parentBody: null,
      body: ['ỦY BAN NHÂN DÂN', 'HUYỆN YÊN DŨNG'],
      number: 'Số:        /BC-UBND',
      placeDate: 'Yên Dũng, ngày 15 tháng 6 năm 2025',
    });
    expect(reportHeader(office, 'Yên Dũng', '2025-06-15')).toMatchObject({
      parentBody: 'UBND HUYỆN YÊN DŨNG',
      body: ['PHÒNG LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI'],
      number: 'Số:        /BC-LĐTBXH',
    });
    expect(reportHeader(commune, 'Lão Hộ', '2025-06-15').body).toEqual(['ỦY BAN NHÂN DÂN', 'XÃ LÃO HỘ']);
  });

  it('names symbols, places and the plan as documents do', () => {
    expect(symbolOf({ ...office, shortName: 'Phòng Kinh tế' })).toBe('KT');
    expect(symbolOf({ ...office, shortName: 'Phòng GD&ĐT' })).toBe('GDĐT');
    expect(placeName('Xã Lão Hộ')).toBe('Lão Hộ');
    expect(placeName('thị trấn Nham Biền')).toBe('Nham Biền');
    expect(planReference(plan, true)).toBe('Kế hoạch số …/KH-UBND tháng 10/2023 của UBND huyện Yên Dũng');
    expect(planReference({ ...plan, number: '125', issuedOn: '2023-10-05', issuedOnPrecision: 'day' }, false)).toBe(
      'Kế hoạch số 125/KH-UBND ngày 05/10/2023',
    );
  });

  it('signs with the plan’s signer only for the plan’s issuer', () => {
    expect(signatureOf(plan, district)).toEqual({
      authority: 'TM. ỦY BAN NHÂN DÂN',
      delegation: 'KT. CHỦ TỊCH',
      title: 'PHÓ CHỦ TỊCH',
      name: 'Nguyễn Hữu Hưng',
    });
    expect(signatureOf(plan, commune)).toEqual({ authority: 'TM. ỦY BAN NHÂN DÂN', delegation: null, title: 'CHỦ TỊCH', name: '' });
    expect(signatureOf(plan, office).title).toBe('TRƯỞNG PHÒNG');
  });

  it('sends the report where the plan’s reporting rules say, then to the archive', () => {
    expect(recipientsOf(plan, district)).toEqual(['Sở LĐ-TB&XH;', 'Phòng LĐ-TB&XH;', 'Lưu: VT.']);
    expect(recipientsOf(plan, commune)).toEqual(['UBND huyện Yên Dũng;', 'Phòng LĐ-TB&XH;', 'Lưu: VT.']);
    expect(recipientsOf(plan, office)).toEqual(['UBND huyện Yên Dũng;', 'Sở LĐ-TB&XH;', 'Lưu: VT.']);
  });
});

describe('computed narratives', () => {
  const target = (status: TargetResult['status']): TargetResult => ({
    indicator: 'I',
    name: 'Tỷ lệ X',
    wording: '',
    targetText: 'trên 40% (đến năm 2025)',
    horizon: 2025,
    value: 37.4,
    valueText: '37,4%',
    valueYear: 2024,
    status,
    statusText: status === 'at_risk' ? 'Có nguy cơ chậm' : 'Đúng tiến độ',
    sentence: '',
  });
  const instance = (org: string, status: 'done_on_time' | 'overdue', difficulties = '') => ({
    task: 'T1',
    difficulties,
    proposals: '',
    result: {
      org,
      orgName: `UBND ${org}`,
      role: 'lead' as const,
      period: '2025',
      dueOn: '2025-12-15',
      status,
      statusText: '',
      percent: status === 'overdue' ? null : 100,
      done: '',
      results: '',
    },
  });

  it('counts instances and targets, and names lagging targets and each unit’s difficulties once', () => {
    const n = computedNarratives({
      label: 'năm 2025',
      nextLabel: 'năm 2026',
      targets: [target('at_risk'), target('on_track')],
      instances: [
        instance('a', 'done_on_time', 'Thiếu kinh phí.'),
        instance('a', 'done_on_time', 'Thiếu kinh phí.'),
        instance('b', 'overdue'),
      ],
      groups: [],
    });
    expect(n.general[0]).toBe(
      'Trong năm 2025, 2 cơ quan, đơn vị được giao thực hiện 3 lượt nhiệm vụ của Kế hoạch; 2 lượt đã có báo cáo tiến độ.',
    );
    expect(n.general[2]).toContain('1 chỉ tiêu đạt hoặc đúng tiến độ, 1 chỉ tiêu có nguy cơ chậm');
    expect(n.difficulties).toEqual([
      'Chỉ tiêu "Tỷ lệ X" có nguy cơ chậm: năm 2024 đạt 37,4%, chỉ tiêu trên 40% (đến năm 2025).',
      'Còn 1 lượt nhiệm vụ quá hạn chưa hoàn thành.',
      'UBND a: Thiếu kinh phí.',
    ]);
    expect(n.proposals).toEqual(['Trong kỳ, các cơ quan, đơn vị chưa có đề xuất, kiến nghị.']);
  });

  it('uses the user’s paragraphs when a draft has some, else the computed ones', () => {
    expect(narrativeSection('I.', ['tự động'], ['  ', 'Của người dùng'])).toEqual({
      heading: 'I.',
      paragraphs: ['Của người dùng'],
      source: 'draft',
      computed: ['tự động'],
    });
    expect(narrativeSection('I.', ['tự động'], [' '])).toMatchObject({ paragraphs: ['tự động'], source: 'computed' });
  });
});
