import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx'
import type { ReportOutline } from './report-outline.ts'

export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

/** The pieces Word reports share (监控报告, 评价报告): 宋体 body, numbered headings, indented paragraphs, plain tables. */
export const reportFont = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体' }
export const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel] = HeadingLevel.HEADING_1) => new Paragraph({ text, heading: level, spacing: { before: 240, after: 120 } })
export const body = (text: string) => new Paragraph({ children: [new TextRun(text)], indent: { firstLine: 480 }, spacing: { after: 80, line: 360 } })

export function cell(text: string, options: { bold?: boolean; align?: 'left' | 'center' | 'right' } = {}) {
  const alignment = options.align === 'center' ? AlignmentType.CENTER : options.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT
  return new TableCell({ children: [new Paragraph({ alignment, children: [new TextRun({ text, bold: options.bold })] })] })
}

/** A full-width table with a repeated header row; the `numeric` columns align right. */
export function table(head: string[], rows: string[][], numeric: number[] = []) {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: head.map((h) => cell(h, { bold: true, align: 'center' })) }),
      ...rows.map((r) => new TableRow({ children: r.map((text, i) => cell(text, { align: numeric.includes(i) ? 'right' : 'left' })) })),
    ],
  })
}

/**
 * A report as .docx bytes: the title and its subtitle centred over the body, 宋体 throughout, and the sign-off lines
 * (issuer, date) set right at the end.
 */
export async function reportDocx(report: { title: string; subtitle: string; children: (Paragraph | Table)[]; signOff?: string[] }): Promise<Buffer> {
  const doc = new Document({
    creator: 'Jixiao 绩效',
    title: report.title,
    styles: { default: { document: { run: { font: reportFont, size: 24 } } } },
    sections: [
      {
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 120 }, children: [new TextRun({ text: report.title, bold: true, size: 36 })] }),
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text: report.subtitle, size: 24 })] }),
          ...report.children,
          ...(report.signOff ?? []).map((line, i) => new Paragraph({ alignment: AlignmentType.RIGHT, spacing: i === 0 ? { before: 480 } : undefined, children: [new TextRun(line)] })),
        ],
      },
    ],
  })
  return Packer.toBuffer(doc)
}

/** A report outline (report-outline.ts) as .docx bytes. */
export function outlineDocx(outline: ReportOutline): Promise<Buffer> {
  return reportDocx({
    title: outline.title,
    subtitle: outline.subtitle,
    signOff: outline.signOff,
    children: outline.blocks.map((b) =>
      b.kind === 'heading' ? heading(b.text, b.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2) : b.kind === 'paragraph' ? body(b.text) : table(b.head, b.rows, b.numeric),
    ),
  })
}
