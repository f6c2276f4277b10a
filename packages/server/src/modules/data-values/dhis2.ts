import type { StoredValue } from './repository.ts';

/**
 * Stored values in DHIS2's `dataValueSets` JSON shape, for exchange with
 * DHIS2 instances: codes stand where DHIS2 has identifiers (data element,
 * org unit), and the disaggregation key stands for the category option combo.
 */
export function toDhis2(values: StoredValue[]) {
  return {
    dataValues: values.map((v) => ({
      dataElement: v.element_code,
      period: v.period,
      orgUnit: v.org_code,
      categoryOptionCombo: v.disagg === '' ? 'default' : v.disagg,
      attributeOptionCombo: 'default',
      value: String(v.value),
      storedBy: v.updated_by,
      lastUpdated: new Date(v.updated_at).toISOString(),
      ...(v.comment ? { comment: v.comment } : {}),
      followup: false,
    })),
  };
}
