import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { EVIDENCE_MAX_BYTES, EVIDENCE_TYPES, safeFileName, sniffEvidence } from '@vetplan/domain';
import type { AppContext } from '../../context.ts';
import { AppError, errors } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.ts';
import type { AuthContext } from '../../access/auth-context.ts';
import { visibleAssignment, writableAssignment } from './access.ts';
import { iso } from './dto.ts';
import { recordEvent } from './repository.ts';

/** Where a file with this checksum lives: DATA_DIR/evidence/ab/abcdef… (one copy per content). */
const storedPath = (ctx: AppContext, sha256: string) => path.join(ctx.config.dataDir, 'evidence', sha256.slice(0, 2), sha256);

export const tooLarge = () =>
  new AppError(
    'payload_too_large',
    413,
    `Tệp minh chứng quá lớn; dung lượng tối đa là ${EVIDENCE_MAX_BYTES / 1024 / 1024} MB.`,
    `The evidence file is too large; the limit is ${EVIDENCE_MAX_BYTES / 1024 / 1024} MB.`,
  );

/**
 * Stores an evidence file for an assignment: the type is read from the
 * content (PDF, image, Office document), never from the name; the file is
 * kept under DATA_DIR by its sha-256, and recorded with the audit event.
 */
export async function uploadEvidence(ctx: AppContext, auth: AuthContext, id: number, name: string, body: Buffer) {
  await writableAssignment(ctx, auth, id);
  if (!Buffer.isBuffer(body) || body.length === 0) throw errors.invalidField('body', 'Tệp minh chứng trống', 'The evidence file is empty');
  if (body.length > EVIDENCE_MAX_BYTES) throw tooLarge();
  const kind = sniffEvidence(body);
  if (!kind) {
    throw new AppError(
      'unsupported_media_type',
      415,
      `Tệp "${safeFileName(name)}" không phải là PDF, ảnh (PNG, JPEG, WebP) hay tài liệu Word, Excel, PowerPoint; ` +
        `hệ thống kiểm tra nội dung tệp, không dựa vào tên tệp.`,
      `"${safeFileName(name)}" is not a PDF, an image (PNG, JPEG, WebP) or a Word, Excel or PowerPoint document; ` +
        `the content is checked, not the name.`,
    );
  }
  const sha256 = createHash('sha256').update(body).digest('hex');
  const file = storedPath(ctx, sha256);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(`${file}.part`, body);
  await fs.rename(`${file}.part`, file);
  const now = ctx.now();
  const fileName = safeFileName(name);
  const row = await ctx.db.transaction().execute(async (trx) => {
    const ev = await trx
      .insertInto('task_evidence')
      .values({
        assignment_id: id,
        file_name: fileName,
        mime_type: EVIDENCE_TYPES[kind].mime,
        size_bytes: body.length,
        sha256,
        uploaded_by: auth.username,
        uploaded_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordEvent(trx, id, 'evidence_added', auth.username, now, { file: fileName, sha256 });
    await recordAudit(trx, {
      actor: auth.username,
      action: 'task_evidence_upload',
      entity: 'task_assignment',
      entityKey: String(id),
      details: { evidence: Number(ev.id), file: fileName, sha256, size: body.length },
    });
    return ev;
  });
  return {
    id: Number(row.id),
    fileName: row.file_name,
    mimeType: row.mime_type,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    uploadedBy: row.uploaded_by,
    uploadedAt: iso(row.uploaded_at)!,
  };
}

/** An evidence file for download, if the user reaches its assignment; its checksum is verified before it is sent. */
export async function evidenceFile(ctx: AppContext, auth: AuthContext, evidenceId: number) {
  const ev = await ctx.db.selectFrom('task_evidence').selectAll().where('id', '=', evidenceId).executeTakeFirst();
  if (!ev) throw errors.notFound(`tệp minh chứng số ${evidenceId}`, `Evidence file ${evidenceId}`);
  await visibleAssignment(ctx, auth, Number(ev.assignment_id));
  const body = await fs.readFile(storedPath(ctx, ev.sha256)).catch(() => null);
  if (!body || createHash('sha256').update(body).digest('hex') !== ev.sha256) {
    throw new AppError(
      'evidence_missing',
      410,
      'Tệp minh chứng không còn nguyên vẹn trên máy chủ; hãy báo quản trị viên.',
      'The evidence file is missing or damaged on the server; tell the administrator.',
    );
  }
  return { body, fileName: ev.file_name, mimeType: ev.mime_type };
}
