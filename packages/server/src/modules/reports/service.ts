import { defaultReportUnit } from '@vetplan/domain';
import type { AppContext } from '../../context.ts';
import { AppError, errors } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.ts';
import { areaAncestorsOrSelf, findUnit, unitWithin } from '../../access/units.ts';
import { planAreaCode } from '../plans/repository.ts';
import type { AuthContext } from '../../access/auth-context.ts';
import { buildReportModel, reportPeriod, type ReportKey } from './build-model.ts';
import type { ReportModel } from './model.ts';
import { renderDocx } from './render-docx.ts';
import { renderPdf } from './render-pdf.ts';
import { renderXlsx } from './render-xlsx.ts';
import * as repo from './repository.ts';
import type { DraftBody, ExportBody, ExportDto, ReportFormat } from './schema.ts';
import { readReportFile, removeReportFile, sha256, storeReportFile } from './store.ts';

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

const RENDERERS: Record<ReportFormat, (m: ReportModel) => Promise<Buffer>> = { docx: renderDocx, xlsx: renderXlsx, pdf: renderPdf };

export interface ReportFile {
  bytes: Buffer;
  fileName: string;
  contentType: string;
}

/** "Báo cáo 6 tháng đầu năm 2025 - UBND huyện Yên Dũng.docx"; the annex is "Phụ lục …". */
function fileNameOf(m: ReportModel, format: ReportFormat): string {
  const word = format === 'xlsx' ? 'Phụ lục báo cáo' : 'Báo cáo';
  return `${word} ${m.period.label} - ${m.org.name}.${format}`.replace(/[\\/:*?"<>|]/g, '-');
}

/**
 * The report's unit: the one asked for, else the user's own unit, or the plan's area for a user scoped above it (domain
 * defaultReportUnit).
 */
export async function reportUnit(ctx: AppContext, auth: AuthContext, plan: string, org: string | undefined): Promise<string> {
  if (org) return org;
  const area = (await planAreaCode(ctx.db, plan))?.area_code ?? null;
  const above = area === null ? [] : [...(await areaAncestorsOrSelf(ctx.db, area))].filter((c) => c !== area);
  return defaultReportUnit(auth.scope, area, above);
}

export async function previewReport(
  ctx: AppContext,
  auth: AuthContext,
  key: Omit<ReportKey, 'org'> & { org?: string | undefined },
): Promise<ReportModel> {
  return buildReportModel(ctx, auth, { ...key, org: await reportUnit(ctx, auth, key.plan, key.org) });
}

/** Saves the narrative of a draft; computed figures are never stored. */
export async function saveDraft(ctx: AppContext, auth: AuthContext, input: DraftBody, ip: string | null): Promise<ReportModel> {
  reportPeriod(input.period);
  const key = { type: input.type, plan: input.plan, org: input.org, period: input.period };
  // The access layer has checked the unit; an unknown plan fails before writing.
  if (!(await planAreaCode(ctx.db, input.plan))) throw errors.notFound(`kế hoạch "${input.plan}"`, `Plan "${input.plan}"`);
  const sections = Object.fromEntries(Object.entries(input.sections).map(([k, v]) => [k, (v ?? []).map((p) => p.trim()).filter(Boolean)]));
  await ctx.db.transaction().execute(async (trx) => {
    const current = await repo.findDraft(trx, key);
    if (current && input.baseVersion !== undefined && input.baseVersion !== current.version) {
      throw new AppError(
        'stale_write',
        409,
        `Bản dự thảo đã được ${current.updated_by} sửa lúc ${current.updated_at.toISOString().slice(0, 16).replace('T', ' ')} (UTC). ` +
          `Hãy tải lại để xem nội dung mới rồi sửa tiếp.`,
        `The draft was changed by ${current.updated_by} meanwhile. Reload it and edit again.`,
      );
    }
    const now = ctx.now();
    if (current) {
      await trx
        .updateTable('report_draft')
        .set({
          sections: JSON.stringify({ ...(current.sections as object), ...sections }),
          version: current.version + 1,
          updated_by: auth.username,
          updated_at: now,
        })
        .where('id', '=', current.id)
        .execute();
    } else {
      await trx
        .insertInto('report_draft')
        .values({
          type: key.type,
          plan_code: key.plan,
          org_code: key.org,
          period: key.period,
          sections: JSON.stringify(sections),
          created_by: auth.username,
          created_at: now,
          updated_by: auth.username,
          updated_at: now,
        })
        .execute();
    }
    await recordAudit(trx, {
      actor: auth.username,
      action: 'report_draft_saved',
      entity: 'report_draft',
      entityKey: `${key.plan}/${key.org}/${key.period}`,
      details: { sections: Object.keys(sections) },
      ip,
    });
  });
  return buildReportModel(ctx, auth, key);
}

/** Renders the report, keeps the file under DATA_DIR with its checksum, who and when, and answers it. */
export async function exportReport(ctx: AppContext, auth: AuthContext, body: ExportBody, ip: string | null): Promise<ReportFile> {
  const input = { ...body, org: await reportUnit(ctx, auth, body.plan, body.org) };
  const model = await buildReportModel(ctx, auth, input);
  const bytes = await RENDERERS[input.format](model);
  const fileName = fileNameOf(model, input.format);
  const now = ctx.now();
  const stored = await storeReportFile(ctx.config.dataDir, fileName, bytes, now);
  try {
    await ctx.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('report_export')
        .values({
          type: input.type,
          plan_code: input.plan,
          org_code: input.org,
          period: model.period.code,
          format: input.format,
          file_name: fileName,
          stored_path: stored.storedPath,
          size_bytes: bytes.length,
          sha256: stored.sha256,
          draft_version: model.draftVersion,
          created_by: auth.username,
          created_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(trx, {
        actor: auth.username,
        action: 'report_exported',
        entity: 'report_export',
        entityKey: String(row.id),
        details: { plan: input.plan, org: input.org, period: input.period, format: input.format, sha256: stored.sha256 },
        ip,
      });
    });
  } catch (error) {
    await removeReportFile(ctx.config.dataDir, stored.storedPath);
    throw error;
  }
  return { bytes, fileName, contentType: CONTENT_TYPES[input.format] };
}

function toDto(r: Awaited<ReturnType<typeof repo.findExport>> & object): ExportDto {
  return {
    id: r.id,
    type: r.type,
    plan: r.plan_code,
    org: r.org_code,
    period: r.period,
    format: r.format as ReportFormat,
    fileName: r.file_name,
    sizeBytes: r.size_bytes,
    sha256: r.sha256,
    draftVersion: r.draft_version,
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
  };
}

async function inReach(ctx: AppContext, auth: AuthContext, org: string, cache: Map<string, boolean>): Promise<boolean> {
  if (!cache.has(org)) {
    const unit = await findUnit(ctx.db, org);
    cache.set(org, unit !== null && (await unitWithin(ctx.db, auth.scope, unit)));
  }
  return cache.get(org)!;
}

/** Exported reports of the units in the caller's reach, newest first. */
export async function listExports(
  ctx: AppContext,
  auth: AuthContext,
  q: { plan?: string; org?: string; period?: string },
): Promise<ExportDto[]> {
  const rows = await repo.listExports(ctx.db, q);
  const cache = new Map<string, boolean>();
  const mine = [];
  for (const r of rows) if (await inReach(ctx, auth, r.org_code, cache)) mine.push(toDto(r));
  return mine;
}

/** A kept file, checked against its checksum. */
export async function downloadExport(ctx: AppContext, auth: AuthContext, id: number): Promise<ReportFile> {
  const row = await repo.findExport(ctx.db, id);
  if (!row) throw errors.notFound(`báo cáo đã xuất số ${id}`, `Exported report ${id}`);
  if (!(await inReach(ctx, auth, row.org_code, new Map()))) throw errors.outOfScope(row.org_code);
  const bytes = await readReportFile(ctx.config.dataDir, row.stored_path);
  if (!bytes || sha256(bytes) !== row.sha256) {
    throw errors.conflict(
      `Tệp báo cáo số ${id} không còn nguyên vẹn trong thư mục dữ liệu (mất hoặc bị thay đổi). Hãy xuất lại báo cáo.`,
      `The file of exported report ${id} is missing or changed in the data folder. Export the report again.`,
    );
  }
  return { bytes, fileName: row.file_name, contentType: CONTENT_TYPES[row.format as ReportFormat] };
}
