import { FieldReader, CatalogError, type CatalogProblem } from './reader.ts';
import { readCatalogFiles, type RawCatalog } from './files.ts';
import type { Catalog, CatalogPlan } from './types.ts';
import { readDataElements, readIndicators } from './validate-data.ts';
import { readValidationRules } from './validate-rules.ts';
import { readForms } from './validate-forms.ts';
import { readAreas, readOrganisations } from './validate-places.ts';
import { readPlan } from './validate-plan.ts';

/**
 * Reads a catalogue folder into a checked, typed catalogue. Every problem in
 * every file is collected; any problem throws a CatalogError listing them all.
 */
export function parseCatalog(dir: string): Catalog {
  const problems: CatalogProblem[] = [];
  return checkCatalog(readCatalogFiles(dir, problems), problems);
}

/**
 * Checks the parsed files of a catalogue (with the problems found reading them) into a typed catalogue; any problem throws a CatalogError.
 */
export function checkCatalog(raw: RawCatalog, problems: CatalogProblem[]): Catalog {
  const doc = (name: string) => raw.docs.get(name);

  const r = new FieldReader('catalog.yaml', problems);
  const manifest = raw.docs.has('catalog.yaml') ? r.object(doc('catalog.yaml'), '') : null;
  const code = manifest ? r.text(manifest, 'code', '') : '';
  const name = manifest ? r.text(manifest, 'name', '') : '';

  const areas = raw.docs.has('areas.yaml') ? readAreas(doc('areas.yaml'), problems) : [];
  const areaCodes = new Set(areas.map((a) => a.code));
  const { groups, organisations } = raw.docs.has('organisations.yaml')
    ? readOrganisations(doc('organisations.yaml'), areaCodes, problems)
    : { groups: [], organisations: [] };
  const data = raw.docs.has('data-elements.yaml')
    ? readDataElements(doc('data-elements.yaml'), problems)
    : { dimensions: [], elements: [] };
  const indicators = raw.docs.has('indicators.yaml') ? readIndicators(doc('indicators.yaml'), data, problems) : [];
  const rules = raw.docs.has('validation-rules.yaml') ? readValidationRules(doc('validation-rules.yaml'), data, problems) : [];
  const forms = raw.docs.has('forms.yaml')
    ? readForms(doc('forms.yaml'), { areas, organisations, elements: new Set(data.elements.map((e) => e.code)) }, problems)
    : [];

  const refs = {
    areas: areaCodes,
    organisations: new Set(organisations.map((o) => o.code)),
    groups: new Set(groups.map((g) => g.code)),
    indicators: new Set(indicators.map((i) => i.code)),
  };
  const plans = raw.planFiles.flatMap((file): CatalogPlan[] => {
    if (!raw.docs.has(file)) return [];
    const plan = readPlan(file, raw.docs.get(file), refs, problems);
    return plan ? [plan] : [];
  });
  const planSeen = new Set<string>();
  plans.forEach((p, i) => new FieldReader(raw.planFiles[i]!, problems).unique(planSeen, p.code, 'code', 'plan'));

  if (problems.length > 0) throw new CatalogError(problems);
  return {
    code,
    name,
    checksum: raw.checksum,
    areas,
    groups,
    organisations,
    dimensions: data.dimensions,
    elements: data.elements,
    indicators,
    rules,
    forms,
    plans,
  };
}
