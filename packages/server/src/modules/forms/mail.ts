import { formatDate } from '@vetplan/domain';
import nodemailer from 'nodemailer';
import type { Config } from '../../config.ts';
import { redactUrl } from '../../config.ts';
import type { FormWithParts } from './repository.ts';

export interface OutgoingMail {
  to: string[];
  subject: string;
  text: string;
}

/** The e-mail of a reminder: Vietnamese first, English below. */
export function reminderMail(m: {
  to: string[];
  form: FormWithParts;
  period: string;
  unitName: string;
  due: string;
  sender: string;
}): OutgoingMail {
  return {
    to: m.to,
    subject: `Nhắc nộp báo cáo: ${m.form.name} kỳ ${m.period}`,
    text: [
      `Kính gửi ${m.unitName},`,
      '',
      `Báo cáo "${m.form.name}" kỳ ${m.period} đã quá hạn nộp (${formatDate(m.due)}). Đề nghị đơn vị nhập số liệu và gửi báo cáo trên ` +
        `vetplan.`,
      `Người nhắc: ${m.sender}.`,
      '',
      '---',
      `Reminder: the report "${m.form.name_en ?? m.form.code}" for ${m.period} was due on ${m.due}. ` +
        `Please enter the figures and submit it in vetplan.`,
      `Sent by ${m.sender}.`,
    ].join('\n'),
  };
}

const transports = new Map<string, ReturnType<typeof nodemailer.createTransport>>();

/** Sends one e-mail through SMTP_URL; answers null, or what went wrong (the reminder itself stands in the app). */
export async function sendMail(config: Config, mail: OutgoingMail): Promise<string | null> {
  if (!config.smtpUrl) return null;
  let transport = transports.get(config.smtpUrl);
  if (!transport) {
    transport = nodemailer.createTransport(config.smtpUrl);
    transports.set(config.smtpUrl, transport);
  }
  try {
    await transport.sendMail({ from: config.mailFrom, to: mail.to, subject: mail.subject, text: mail.text });
    return null;
  } catch (error) {
    return `${redactUrl(config.smtpUrl)}: ${(error as Error).message}`;
  }
}
