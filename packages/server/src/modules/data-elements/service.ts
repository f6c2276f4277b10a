import type { AppContext } from '../../context.ts';
import { errors } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.ts';
import type { AuthContext } from '../../access/auth-context.ts';
import { loadDataMetadata } from './metadata.ts';
import type { CreateDataElementInput, DataElementDto } from './schema.ts';

export async function listDimensions(ctx: AppContext) {
  const [dimensions, values] = await Promise.all([
    ctx.db.selectFrom('dimension').selectAll().orderBy('code').execute(),
    ctx.db.selectFrom('dimension_value').selectAll().orderBy('position').execute(),
  ]);
  return dimensions.map((d) => ({
    code: d.code,
    name: d.name,
    nameEn: d.name_en,
    values: values.filter((v) => v.dimension_code === d.code).map((v) => ({ code: v.code, name: v.name, nameEn: v.name_en })),
  }));
}

export async function listDataElements(ctx: AppContext): Promise<DataElementDto[]> {
  const metadata = await loadDataMetadata(ctx.db);
  const rows = await ctx.db.selectFrom('data_element').selectAll().orderBy('code').execute();
  return rows.map((e) => ({
    code: e.code,
    name: e.name,
    nameEn: e.name_en,
    description: e.description,
    valueType: e.value_type as DataElementDto['valueType'],
    aggregation: e.aggregation as DataElementDto['aggregation'],
    periodType: e.period_type as DataElementDto['periodType'],
    dimensions: (metadata.elements.get(e.code)?.dimensions ?? []).map((d) => ({ dimension: d.dimension, values: [...d.values] })),
  }));
}

/** Adds a data element; its dimensions and their allowed values must exist. */
export async function createDataElement(ctx: AppContext, auth: AuthContext, input: CreateDataElementInput): Promise<DataElementDto> {
  const dimensions = await listDimensions(ctx);
  input.dimensions.forEach((d, i) => {
    const known = dimensions.find((x) => x.code === d.dimension);
    if (!known) {
      throw errors.invalidField(
        `dimensions.${i}.dimension`,
        `"${d.dimension}" không phải là phân tổ đã có (${dimensions.map((x) => x.code).join(', ')})`,
        `"${d.dimension}" is not a known dimension (${dimensions.map((x) => x.code).join(', ')})`,
      );
    }
    for (const v of d.values ?? []) {
      if (!known.values.some((x) => x.code === v))
        throw errors.invalidField(
          `dimensions.${i}.values`,
          `"${v}" không phải là giá trị của phân tổ "${d.dimension}"`,
          `"${v}" is not a value of dimension "${d.dimension}"`,
        );
    }
  });
  if (new Set(input.dimensions.map((d) => d.dimension)).size !== input.dimensions.length) {
    throw errors.invalidField('dimensions', 'Mỗi phân tổ chỉ được ghi một lần', 'Each dimension may be given once');
  }
  await ctx.db.transaction().execute(async (trx) => {
    if (await trx.selectFrom('data_element').select('code').where('code', '=', input.code).executeTakeFirst()) {
      throw errors.conflict(`Mã chỉ tiêu "${input.code}" đã có.`, `The data element code "${input.code}" is already used.`);
    }
    await trx
      .insertInto('data_element')
      .values({
        code: input.code,
        name: input.name.trim(),
        name_en: input.nameEn?.trim() || null,
        description: input.description?.trim() || null,
        value_type: input.valueType,
        aggregation: input.aggregation,
        period_type: input.periodType,
      })
      .execute();
    if (input.dimensions.length > 0) {
      await trx
        .insertInto('data_element_dimension')
        .values(
          input.dimensions.map((d, i) => ({
            element_code: input.code,
            dimension_code: d.dimension,
            position: i,
            value_codes: d.values ?? null,
          })),
        )
        .execute();
    }
    await recordAudit(trx, {
      actor: auth.username,
      action: 'data_element_created',
      entity: 'data_element',
      entityKey: input.code,
      details: { ...input },
    });
  });
  ctx.catalogue.invalidate();
  return (await listDataElements(ctx)).find((e) => e.code === input.code)!;
}
