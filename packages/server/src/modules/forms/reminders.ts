import { formatDate, isRole, type Period, UNIT_STAFF_ROLES } from '@vetplan/domain';
import type { AppContext } from '../../context.ts';
import { errors } from '../../http/errors.ts';
import { findUnit, unitWithin, type Unit } from '../../access/units.ts';
import { recordAudit } from '../audit/audit.ts';
import type { AuthContext } from '../../access/auth-context.ts';
import { ScopeCache } from '../../access/scope-cache.ts';
import { boardUnits, type BoardUnit } from './board.ts';
import { formAndPeriod } from './entry.ts';
import { reminderMail, sendMail, type OutgoingMail } from './mail.ts';
import type { FormWithParts } from './repository.ts';

export interface ReminderInput {
  period: string;
  /** The units to remind; omitted, every late unit of the form in the caller's reach. */
  orgs?: string[];
}

/**
 * The active officers and heads of a unit for a form: users scoped to the unit (or within it), or to the organisation that reports the
 * form for it.
 */
async function officersOf(ctx: AppContext, form: FormWithParts, org: string) {
  const targets: Unit[] = [];
  for (const code of [org, form.reported_by]) {
    const unit = code ? await findUnit(ctx.db, code) : null;
    if (unit) targets.push(unit);
  }
  const users = await ctx.db
    .selectFrom('app_user')
    .select(['username', 'display_name', 'email', 'scope_code', 'role'])
    .where('disabled_at', 'is', null)
    .where('role', 'in', UNIT_STAFF_ROLES)
    .orderBy('username')
    .execute();
  const out: typeof users = [];
  for (const user of users) {
    const scope = await findUnit(ctx.db, user.scope_code);
    if (!scope || !isRole(user.role)) continue;
    for (const target of targets) {
      if (await unitWithin(ctx.db, target, scope)) {
        out.push(user);
        break;
      }
    }
  }
  return out;
}

function notLate(form: FormWithParts, period: Period, unit: BoardUnit, due: string) {
  const why =
    unit.state === 'submitted' || unit.state === 'approved'
      ? { vi: `đã gửi báo cáo${unit.submittedAt ? ` lúc ${formatDate(unit.submittedAt.slice(0, 10))}` : ''}`, en: 'has sent its report' }
      : { vi: `chưa đến hạn nộp (${formatDate(due)})`, en: `is not past the due day (${due})` };
  return errors.conflict(
    `Không gửi nhắc nhở: ${unit.name} không chậm nộp báo cáo "${form.name}" kỳ ${period.code}, vì ${why.vi}. ` +
      `Chỉ nhắc các đơn vị quá hạn mà chưa gửi báo cáo.`,
    `No reminder sent: ${unit.name} is not late with form ${form.code} for ${period.code}: it ${why.en}. ` +
      `Only units past the due day that have not sent their report are reminded.`,
  );
}

/**
 * Reminds late units of a form's period: each unit's officers find it in their
 * inbox (and by e-mail when SMTP_URL is set and they have an address). Every
 * unit named must be in the caller's reach (else 403) and late (else 409);
 * nothing is sent unless all are. Recorded per unit, with the audit row.
 */
export async function sendReminders(ctx: AppContext, auth: AuthContext, code: string, input: ReminderInput) {
  const { form, period } = await formAndPeriod(ctx, code, input.period);
  const scope = new ScopeCache(ctx, auth);
  for (const org of input.orgs ?? []) {
    if (!form.units.includes(org))
      throw errors.invalidField(
        'orgs',
        `Đơn vị "${org}" không phải báo cáo biểu mẫu "${form.name}"`,
        `"${org}" does not report form ${code}`,
      );
    if (!(await scope.reaches(org))) throw errors.outOfScope(org);
  }
  const { due, units } = await boardUnits(ctx, auth, form, period);
  const chosen = input.orgs ? units.filter((u) => input.orgs!.includes(u.org)) : units.filter((u) => u.late);
  const refused = chosen.find((u) => !u.late);
  if (refused) throw notLate(form, period, refused, due);
  if (chosen.length === 0) {
    throw errors.conflict(
      `Không có đơn vị nào chậm nộp báo cáo "${form.name}" kỳ ${period.code} (hạn nộp ${formatDate(due)}) để nhắc.`,
      `No unit is late with form ${code} for ${period.code} (due ${due}): there is nobody to remind.`,
    );
  }
  const now = ctx.now();
  const mails: OutgoingMail[] = [];
  const sent = await ctx.db.transaction().execute(async (trx) => {
    const out: { org: string; name: string; recipients: number; emailed: number }[] = [];
    for (const unit of chosen) {
      const officers = await officersOf({ ...ctx, db: trx }, form, unit.org);
      const withMail = ctx.config.smtpUrl ? officers.filter((o) => o.email) : [];
      await trx
        .insertInto('form_reminder')
        .values({
          form_code: code,
          org_code: unit.org,
          period: period.code,
          sent_by: auth.username,
          sent_at: now,
          recipients: officers.length,
          emailed: withMail.length,
        })
        .execute();
      await recordAudit(trx, {
        actor: auth.username,
        action: 'reminder_sent',
        entity: 'submission',
        entityKey: `${code}|${unit.org}|${period.code}`,
        details: { recipients: officers.map((o) => o.username), emailed: withMail.length },
      });
      if (withMail.length > 0)
        mails.push(
          reminderMail({
            to: withMail.map((o) => o.email!),
            form,
            period: period.code,
            unitName: unit.name,
            due,
            sender: auth.displayName ?? auth.username,
          }),
        );
      out.push({ org: unit.org, name: unit.name, recipients: officers.length, emailed: withMail.length });
    }
    return out;
  });
  // Mail goes after the commit: the reminders stand in the app even when the mail server does not answer.
  const mailErrors: string[] = [];
  for (const mail of mails) {
    const problem = await sendMail(ctx.config, mail);
    if (problem) mailErrors.push(problem);
  }
  return { form: code, period: period.code, sentAt: now.toISOString(), sent, mailErrors };
}
