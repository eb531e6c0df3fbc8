import { AlignmentType, HeadingLevel, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx'

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
