import { useMemo } from 'react';
import { navigate, useSearchParams, withQuery } from '../../shared/router.ts';
import type { Selection } from '../../shared/report-forms/EntrySelectors.tsx';
import { defaultPeriod, todayIso } from '../../shared/periods.ts';
import type { FormSummary } from '../../shared/report-forms/types.ts';

/**
 * The form, unit and period of a page, kept in its address (?form=…&org=…&period=…)
 * so that links from the inbox and the completeness board open the right
 * screen. Missing parts take defaults: the only form or unit there is, and
 * the current period (or the latest that has opened).
 */
export function useEntrySelection(path: string, forms: FormSummary[] | undefined) {
  const params = useSearchParams();
  const today = useMemo(todayIso, []);
  const raw: Selection = { form: params.get('form'), org: params.get('org'), period: params.get('period') };
  const formCode = raw.form ?? (forms?.length === 1 ? forms[0]!.code : null);
  const form = forms?.find((f) => f.code === formCode) ?? null;
  const selection: Selection = {
    form: form?.code ?? null,
    org: raw.org ?? (form?.units.length === 1 ? form.units[0]!.code : null),
    period: raw.period ?? (form ? defaultPeriod(form.periodType, form.schedule, today) : null),
  };
  const change = (next: Selection) => navigate(withQuery(path, { ...next }), { replace: true, keepScroll: true });
  return { selection, form, today, change };
}
