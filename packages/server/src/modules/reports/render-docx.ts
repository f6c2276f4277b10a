import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip as mm,
  Document,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IParagraphOptions,
} from 'docx';
import type { NarrativeSection, ReportModel } from './model.ts';
import { PAGE } from './layout.ts';

/** Half-points, as Word counts font sizes. */
const pt = (n: number) => n * 2;
const FONT = 'Times New Roman';

interface RunOpts {
  bold?: boolean;
  italics?: boolean;
  size?: number;
}

function para(
  text: string,
  opts: RunOpts & { align?: IParagraphOptions['alignment']; indent?: boolean; after?: number; before?: number } = {},
): Paragraph {
  return new Paragraph({
    alignment: opts.align ?? AlignmentType.JUSTIFIED,
    indent: opts.indent === false ? undefined : { firstLine: mm(PAGE.firstLineIndentMm) },
    spacing: { before: opts.before ?? 0, after: opts.after ?? 120, line: 288 },
    children: [new TextRun({ text, bold: opts.bold, italics: opts.italics, size: pt(opts.size ?? PAGE.bodyPt), font: FONT })],
  });
}

const centred = (text: string, opts: RunOpts & { after?: number; before?: number } = {}) =>
  para(text, { ...opts, align: AlignmentType.CENTER, indent: false, after: opts.after ?? 0 });

/**
 * A short centred rule: an empty paragraph's bottom border between indents (Decree 30 draws one under the body, the motto and the
 * summary).
 */
function rule(indentMm: number, after = 0): Paragraph {
  return new Paragraph({
    indent: { left: mm(indentMm), right: mm(indentMm) },
    spacing: { before: 0, after, line: 240 },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [new TextRun({ text: '', size: 4 })],
  });
}

const noBorders = TableBorders.NONE;

function cell(children: Paragraph[], widthMm: number, bordered = false): TableCell {
  return new TableCell({
    children,
    width: { size: mm(widthMm), type: WidthType.DXA },
    verticalAlign: VerticalAlign.TOP,
    ...(bordered ? { margins: { left: mm(1.5), right: mm(1.5), top: mm(0.8), bottom: mm(0.8) } } : {}),
  });
}

function headerTable(m: ReportModel): Table {
  const h = m.header;
  const left = [
    ...(h.parentBody ? [centred(h.parentBody, { size: 13 })] : []),
    ...h.body.map((line) => centred(line, { bold: true, size: 13 })),
    rule(PAGE.bodyRuleIndentMm),
  ];
  const right = [
    centred(h.nationalName, { bold: true, size: 12 }),
    centred(h.motto, { bold: true, size: 13 }),
    rule(PAGE.mottoRuleIndentMm),
  ];
  return new Table({
    borders: noBorders,
    width: { size: mm(PAGE.textWidthMm), type: WidthType.DXA },
    columnWidths: [mm(PAGE.leftColMm), mm(PAGE.textWidthMm - PAGE.leftColMm)],
    rows: [
      new TableRow({ children: [cell(left, PAGE.leftColMm), cell(right, PAGE.textWidthMm - PAGE.leftColMm)] }),
      new TableRow({
        children: [
          cell([centred(h.number, { size: 13, before: 120 })], PAGE.leftColMm),
          cell([centred(h.placeDate, { italics: true, size: 14, before: 120 })], PAGE.textWidthMm - PAGE.leftColMm),
        ],
      }),
    ],
  });
}

function targetTable(m: ReportModel): Table {
  const widths = PAGE.targetColsMm;
  const row = (values: string[], bold: boolean) =>
    new TableRow({
      tableHeader: bold,
      children: values.map((v, i) =>
        cell(
          [para(v, { bold, size: 12, indent: false, after: 0, align: i === 1 ? AlignmentType.LEFT : AlignmentType.CENTER })],
          widths[i]!,
          true,
        ),
      ),
    });
  return new Table({
    width: { size: mm(PAGE.textWidthMm), type: WidthType.DXA },
    columnWidths: widths.map((w) => mm(w)),
    rows: [row(m.results.tableHeader, true), ...m.results.tableRows.map((r) => row(r, false))],
  });
}

function narrative(section: NarrativeSection): Paragraph[] {
  return [para(section.heading, { bold: true }), ...section.paragraphs.map((p) => para(p))];
}

function signature(m: ReportModel): Table {
  const s = m.signature;
  const left = [
    new Paragraph({ children: [new TextRun({ text: 'Nơi nhận:', bold: true, italics: true, size: pt(12), font: FONT })] }),
    ...m.recipients.map((r) => new Paragraph({ children: [new TextRun({ text: `- ${r}`, size: pt(11), font: FONT })] })),
  ];
  const right = [
    ...[s.authority, s.delegation, s.title].filter((x): x is string => !!x).map((line) => centred(line, { bold: true, size: 14 })),
    ...Array.from({ length: 4 }, () => centred('')),
    centred(s.name, { bold: true, size: 14 }),
  ];
  return new Table({
    borders: noBorders,
    width: { size: mm(PAGE.textWidthMm), type: WidthType.DXA },
    columnWidths: [mm(PAGE.signLeftMm), mm(PAGE.textWidthMm - PAGE.signLeftMm)],
    rows: [new TableRow({ children: [cell(left, PAGE.signLeftMm), cell(right, PAGE.textWidthMm - PAGE.signLeftMm)] })],
  });
}

/** The report as a Word document in the Decree 30/2020 layout. */
export async function renderDocx(m: ReportModel): Promise<Buffer> {
  const body: (Paragraph | Table)[] = [
    headerTable(m),
    centred(m.docType, { bold: true, size: 14, before: 360 }),
    centred(m.summary, { bold: true, size: 14 }),
    rule(PAGE.summaryRuleIndentMm, 240),
    para(m.intro),
    ...narrative(m.general),
    para(m.results.heading, { bold: true }),
    para(m.results.targetsHeading, { bold: true }),
    para(m.results.targetsIntro),
    targetTable(m),
    para(m.results.tasksHeading, { bold: true, before: 120 }),
    ...m.taskGroups.flatMap((g) => [
      para(g.heading, { bold: true, italics: true }),
      ...g.tasks.flatMap((t) => t.lines.map((line) => para(line.text, { italics: line.kind === 'title' }))),
    ]),
    ...narrative(m.difficulties),
    ...narrative(m.proposals),
    ...narrative(m.nextTasks),
    para(m.closing, { after: 240 }),
    signature(m),
  ];
  const doc = new Document({
    creator: 'vetplan',
    title: `${m.docType} ${m.summary}`,
    styles: { default: { document: { run: { font: FONT, size: pt(PAGE.bodyPt) } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: mm(210), height: mm(297) },
            margin: {
              top: mm(PAGE.marginTopMm),
              bottom: mm(PAGE.marginBottomMm),
              left: mm(PAGE.marginLeftMm),
              right: mm(PAGE.marginRightMm),
              header: mm(10),
            },
          },
        },
        // Page numbers centred at the top from page 2.
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT], size: pt(13), font: FONT })],
              }),
            ],
          }),
          first: new Header({ children: [new Paragraph({ children: [] })] }),
        },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
