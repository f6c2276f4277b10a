import { apiGet } from '../../api/client.ts';
import { asObject, list, oneOf, str, strOrNull, type Json } from '../../api/decode.ts';
import type { AreaNode, AreaOrganisation, AreaTree } from './types.ts';

const LEVELS = ['nation', 'province', 'district', 'commune'] as const;

function mapOrganisation(value: unknown, path: string): AreaOrganisation {
  const o = asObject(value, path);
  return {
    code: str(o, 'code', path),
    name: str(o, 'name', path),
    shortName: strOrNull(o, 'shortName', path),
    nameEn: strOrNull(o, 'nameEn', path),
    kind: str(o, 'kind', path),
  };
}

function mapNode(value: unknown, path: string): AreaNode {
  const o = asObject(value, path);
  return {
    code: str(o, 'code', path),
    name: str(o, 'name', path),
    nameEn: strOrNull(o, 'nameEn', path),
    level: oneOf(o, 'level', LEVELS, path),
    kind: str(o, 'kind', path),
    validFrom: strOrNull(o, 'validFrom', path),
    validTo: strOrNull(o, 'validTo', path),
    organisations: list(o, 'organisations', mapOrganisation, path),
    children: list(o, 'children', mapNode, path),
  };
}

export function mapAreaTree(o: Json): AreaTree {
  return { date: str(o, 'date', 'tree'), roots: list(o, 'roots', mapNode, 'tree') };
}

export function fetchAreaTree(signal?: AbortSignal): Promise<AreaTree> {
  return apiGet('/api/areas/tree', mapAreaTree, signal);
}
