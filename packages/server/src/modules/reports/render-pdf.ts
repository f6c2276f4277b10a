import { createRequire } from 'node:module';
import path from 'node:path';
import type PDFDocument from 'pdfkit';
import { loadPdfKit } from '../../document-libraries.ts';
import type { ReportModel } from './model.ts';
import { PAGE } from './layout.ts';

/**
 * DejaVu Serif Condensed (from the dejavu-fonts-ttf package, free licence)
 * carries every Vietnamese letter and is embedded in the file, so the PDF
 * needs no font on the reader's machine and no office suite to make.
 */
const FONT_DIR = path.join(path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const FONTS = {
  regular: path.join(FONT_DIR, 'DejaVuSerifCondensed.ttf'),
  bold: path.join(FONT_DIR, 'DejaVuSerifCondensed-Bold.ttf'),
  italic: path.join(FONT_DIR, 'DejaVuSerifCondensed-Italic.ttf'),
  boldItalic: path.join(FONT_DIR, 'DejaVuSerifCondensed-BoldItalic.ttf'),
} as const;
type FontKey = keyof typeof FONTS;

const mm = (x: number) => (x * 72) / 25.4;
/** DejaVu sets wider than Times New Roman: one point less keeps the lines of the Word layout. */
const BODY = PAGE.bodyPt - 1;
const LEFT = mm(PAGE.marginLeftMm);
const WIDTH = mm(PAGE.textWidthMm);

type Doc = InstanceType<typeof PDFDocument>;

function font(doc: Doc, key: FontKey, size: number): Doc {
  return doc.font(key).fontSize(size);
}

function bottom(doc: Doc): number {
  return doc.page.height - doc.page.margins.bottom;
}

function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > bottom(doc)) doc.addPage();
}

function centredAt(doc: Doc, text: string, x: number, y: number, width: number, key: FontKey, size: number): number {
  font(doc, key, size).text(text, x, y, { width, align: 'center' });
  return doc.y;
}

function rule(doc: Doc, centre: number, y: number, width: number): void {
  doc
    .moveTo(centre - width / 2, y)
    .lineTo(centre + width / 2, y)
    .lineWidth(0.6)
    .stroke();
}

function header(doc: Doc, m: ReportModel): void {
  const h = m.header;
  const leftW = mm(PAGE.leftColMm);
  const rightX = LEFT + leftW;
  const rightW = WIDTH - leftW;
  const top = doc.page.margins.top;
  let y = top;
  if (h.parentBody) y = centredAt(doc, h.parentBody, LEFT, y, leftW, 'regular', 12);
  for (const line of h.body) y = centredAt(doc, line, LEFT, y, leftW, 'bold', 12);
  font(doc, 'bold', 12);
  rule(doc, LEFT + leftW / 2, y + 2, Math.min(leftW * 0.4, doc.widthOfString(h.body.at(-1) ?? '')));
  let ry = centredAt(doc, h.nationalName, rightX, top, rightW, 'bold', 11.5);
  ry = centredAt(doc, h.motto, rightX, ry, rightW, 'bold', 12.5);
  font(doc, 'bold', 12.5);
  rule(doc, rightX + rightW / 2, ry + 2, doc.widthOfString(h.motto));
  const rowY = Math.max(y, ry) + mm(3);
  const a = centredAt(doc, h.number, LEFT, rowY, leftW, 'regular', 12.5);
  const b = centredAt(doc, h.placeDate, rightX, rowY, rightW, 'italic', BODY);
  doc.x = LEFT;
  doc.y = Math.max(a, b) + mm(6);
}

function paragraph(doc: Doc, text: string, key: FontKey = 'regular', indent = true): void {
  font(doc, key, BODY).text(text, LEFT, doc.y, {
    width: WIDTH,
    align: 'justify',
    indent: indent ? mm(PAGE.firstLineIndentMm) : 0,
    paragraphGap: 5,
    lineGap: 1.5,
  });
}

function targetTable(doc: Doc, m: ReportModel): void {
  const widths = PAGE.targetColsMm.map(mm);
  const pad = 3;
  const size = 11;
  const drawRow = (cells: string[], bold: boolean) => {
    font(doc, bold ? 'bold' : 'regular', size);
    const height = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i]! - 2 * pad }))) + 2 * pad;
    if (doc.y + height > bottom(doc)) {
      doc.addPage();
      if (!bold) drawRow(m.results.tableHeader, true);
    }
    const y = doc.y;
    let x = LEFT;
    cells.forEach((c, i) => {
      doc.rect(x, y, widths[i]!, height).lineWidth(0.5).stroke();
      font(doc, bold ? 'bold' : 'regular', size).text(c, x + pad, y + pad, {
        width: widths[i]! - 2 * pad,
        align: i === 1 ? 'left' : 'center',
      });
      x += widths[i]!;
    });
    doc.x = LEFT;
    doc.y = y + height;
  };
  drawRow(m.results.tableHeader, true);
  for (const r of m.results.tableRows) drawRow(r, false);
  doc.y += mm(3);
}

function signature(doc: Doc, m: ReportModel): void {
  const s = m.signature;
  const leftW = mm(PAGE.signLeftMm);
  const rightX = LEFT + leftW;
  const rightW = WIDTH - leftW;
  const lines = [s.authority, s.delegation, s.title].filter((x): x is string => !!x);
  ensureSpace(doc, Math.max(m.recipients.length * 14 + 20, lines.length * 18 + 90));
  const top = doc.y + mm(2);
  font(doc, 'boldItalic', 12).text('Nơi nhận:', LEFT, top, { width: leftW });
  for (const r of m.recipients) font(doc, 'regular', 11).text(`- ${r}`, LEFT, doc.y, { width: leftW });
  const leftEnd = doc.y;
  let y = top;
  for (const line of lines) y = centredAt(doc, line, rightX, y, rightW, 'bold', BODY);
  y = centredAt(doc, s.name || ' ', rightX, y + mm(25), rightW, 'bold', BODY);
  doc.x = LEFT;
  doc.y = Math.max(leftEnd, y);
}

function pageNumbers(doc: Doc): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start + 1; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const margins = doc.page.margins;
    doc.page.margins = { ...margins, top: 0, bottom: 0 };
    font(doc, 'regular', 12).text(String(i + 1), LEFT, mm(10), { width: WIDTH, align: 'center' });
    doc.page.margins = margins;
  }
}

/** The report as PDF, laid out like the Word document, with the font embedded. */
export async function renderPdf(m: ReportModel): Promise<Buffer> {
  const doc = new (await loadPdfKit())({
    size: 'A4',
    margins: { top: mm(PAGE.marginTopMm), bottom: mm(PAGE.marginBottomMm), left: LEFT, right: mm(PAGE.marginRightMm) },
    bufferPages: true,
    lang: 'vi-VN',
    info: { Title: `${m.docType} ${m.summary}`, Author: m.org.name, Creator: 'vetplan' },
  });
  for (const [key, file] of Object.entries(FONTS)) doc.registerFont(key, file);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  header(doc, m);
  doc.y = centredAt(doc, m.docType, LEFT, doc.y, WIDTH, 'bold', BODY + 1);
  doc.y = centredAt(doc, m.summary, LEFT + mm(10), doc.y, WIDTH - mm(20), 'bold', BODY);
  rule(doc, LEFT + WIDTH / 2, doc.y + 3, mm(45));
  doc.y += mm(6);
  paragraph(doc, m.intro);
  const narrative = (s: ReportModel['general']) => {
    paragraph(doc, s.heading, 'bold');
    for (const p of s.paragraphs) paragraph(doc, p);
  };
  narrative(m.general);
  paragraph(doc, m.results.heading, 'bold');
  paragraph(doc, m.results.targetsHeading, 'bold');
  paragraph(doc, m.results.targetsIntro);
  targetTable(doc, m);
  paragraph(doc, m.results.tasksHeading, 'bold');
  for (const g of m.taskGroups) {
    paragraph(doc, g.heading, 'boldItalic');
    for (const t of g.tasks) for (const line of t.lines) paragraph(doc, line.text, line.kind === 'title' ? 'italic' : 'regular');
  }
  narrative(m.difficulties);
  narrative(m.proposals);
  narrative(m.nextTasks);
  paragraph(doc, m.closing);
  signature(doc, m);
  pageNumbers(doc);
  doc.end();
  return done;
}
