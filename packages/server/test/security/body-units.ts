import { XLSX_TYPE } from '../../src/modules/data-entry/xlsx.ts';

/** Body fields that name a unit (an area, an organisation or group, or a plan and so its area): scope, as much as a path or query parameter. */
export const UNIT_FIELDS = new Set([
  'org',
  'orgs',
  'unit',
  'units',
  'area',
  'areas',
  'plan',
  'plans',
  'lead',
  'coordinating',
  'reportedBy',
  'scope',
]);

/** Bodies that are files in the exchange format (CSV) or a form's Excel template: they name units in their `org` column. */
const FILE_BODIES = new Set(['text/csv', XLSX_TYPE]);

interface JsonSchema {
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
}

export interface OpenApiOperation {
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

/** Every property name in a schema, its array items and its alternatives, to a few levels down. */
function fieldNames(schema: JsonSchema | undefined, depth = 0): string[] {
  if (!schema || depth > 4) return [];
  const nested = [
    ...Object.values(schema.properties ?? {}),
    schema.items,
    ...(schema.anyOf ?? []),
    ...(schema.oneOf ?? []),
    ...(schema.allOf ?? []),
  ];
  return [...Object.keys(schema.properties ?? {}), ...nested.flatMap((s) => fieldNames(s, depth + 1))];
}

/** The fields of an operation's request body (any content type) that name units, sorted. */
export function bodyUnitFields(operation: OpenApiOperation): string[] {
  const names = new Set<string>();
  for (const [type, media] of Object.entries(operation.requestBody?.content ?? {})) {
    if (FILE_BODIES.has(type)) names.add('org');
    for (const name of fieldNames(media.schema)) if (UNIT_FIELDS.has(name)) names.add(name);
  }
  return [...names].sort();
}
