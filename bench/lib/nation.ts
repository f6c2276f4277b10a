/**
 * A nation-sized synthetic set for benchmarks: provinces → districts →
 * communes under the catalogue's `VN`, and the demo history of every commune
 * (demo-history.ts) over any span of years, written straight into data_value
 * by COPY (PostgreSQL from a stream, PGlite from a blob) — the values are
 * consistent with the validation rules, so checking them row by row would
 * only measure the import, which bench/import.ts does.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { warnConnectionLost, type DatabaseHandle } from '../../packages/server/src/db/connection.ts';
import { demoHistory } from '../../packages/server/src/modules/demo/history.ts';

export interface NationTree {
  provinces: string[];
  districts: { code: string; province: string; communes: string[] }[];
}

/** `communes` communes, `perDistrict` to a district and `districtsPerProvince` to a province (Việt Nam: about 10,600 communes, 700 districts, 63 provinces). */
export function nationTree(communes: number, perDistrict = 15, districtsPerProvince = 11): NationTree {
  const tree: NationTree = { provinces: [], districts: [] };
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  for (let c = 0; c < communes; c++) {
    const d = Math.floor(c / perDistrict);
    const p = Math.floor(d / districtsPerProvince);
    const province = `N${pad(p + 1, 2)}`;
    if (tree.provinces.at(-1) !== province) tree.provinces.push(province);
    const district = `${province}-${pad((d % districtsPerProvince) + 1, 2)}`;
    if (tree.districts.at(-1)?.code !== district) tree.districts.push({ code: district, province, communes: [] });
    tree.districts.at(-1)!.communes.push(`${district}-${pad((c % perDistrict) + 1, 2)}`);
  }
  return tree;
}

/** Writes the areas of the tree (one statement per table). */
export async function insertTree(handle: DatabaseHandle, tree: NationTree): Promise<number> {
  const rows: [string, string, string, string][] = [
    ...tree.provinces.map((p): [string, string, string, string] => [p, 'province', `Tỉnh ${p}`, 'VN']),
    ...tree.districts.map((d): [string, string, string, string] => [d.code, 'district', `Huyện ${d.code}`, d.province]),
    ...tree.districts.flatMap((d) => d.communes.map((c): [string, string, string, string] => [c, 'commune', `Xã ${c}`, d.code])),
  ];
  const col = (i: number) => rows.map((r) => r[i]!);
  await sql`insert into area (code, level) select * from unnest(${col(0)}::text[], ${col(1)}::text[])`.execute(handle.db);
  await sql`insert into area_version (area_code, name, kind, parent_code) select * from unnest(${col(0)}::text[], ${col(2)}::text[], ${col(1)}::text[], ${col(3)}::text[])`.execute(
    handle.db,
  );
  return rows.length;
}

/** The demo history of every commune (and each district's count of institutions), as CSV chunks of about `districtsPerChunk` districts. */
export function* nationValueCsv(
  tree: NationTree,
  years: readonly number[],
  districtsPerChunk = 40,
): Generator<{ csv: string; rows: number }> {
  for (let i = 0; i < tree.districts.length; i += districtsPerChunk) {
    const lines: string[] = [];
    tree.districts.slice(i, i + districtsPerChunk).forEach((d, j) => {
      for (const r of demoHistory({ communes: d.communes, district: d.code, years, seed: i + j + 1 }))
        lines.push(`${r[0]},${r[1]},${r[2]},"${r[3]}",${r[4]}`);
    });
    yield { csv: `${lines.join('\n')}\n`, rows: lines.length };
  }
}

const COPY = `copy data_value (element_code, period, org_code, disagg, value) from stdin with (format csv)`;

/** Loads the values with COPY; updated_at/updated_by get the bench's defaults first. */
export async function copyValues(
  handle: DatabaseHandle,
  url: string | null,
  chunks: Iterable<{ csv: string; rows: number }>,
): Promise<number> {
  await sql`alter table data_value alter column updated_at set default now(), alter column updated_by set default 'bench'`.execute(
    handle.db,
  );
  // Indexes are built once after the load rather than row by row (much faster on PGlite).
  await sql`alter table data_value drop constraint data_value_pkey`.execute(handle.db);
  await sql`drop index data_value_org_period_idx`.execute(handle.db);
  let total = 0;
  const client = url ? new pg.Client({ connectionString: url }) : null;
  client?.on('error', warnConnectionLost);
  await client?.connect();
  try {
    for (const chunk of chunks) {
      if (handle.pglite) await handle.pglite.query(COPY.replace('stdin', `'/dev/blob'`), [], { blob: new Blob([chunk.csv]) });
      else await pipeline(Readable.from([chunk.csv]), client!.query(copyFrom(COPY)));
      total += chunk.rows;
    }
  } finally {
    await client?.end();
    await sql`alter table data_value alter column updated_at drop default, alter column updated_by drop default`.execute(handle.db);
    await sql`alter table data_value add constraint data_value_pkey primary key (element_code, period, org_code, disagg)`.execute(
      handle.db,
    );
    await sql`create index data_value_org_period_idx on data_value (org_code, period)`.execute(handle.db);
  }
  return total;
}
