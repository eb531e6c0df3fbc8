/**
 * A report's content apart from its file format: the Word (docx.ts) and PDF (pdf.ts) renderers draw the same outline,
 * so a document offered in both says the same thing in both.
 */
export type ReportBlock =
  | { kind: 'heading'; text: string; level: 1 | 2 }
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; head: string[]; rows: string[][]; numeric: number[] }

export interface ReportOutline {
  title: string
  subtitle: string
  blocks: ReportBlock[]
  /** Issuer and date, set right at the end. */
  signOff?: string[]
}

export const outlineHeading = (text: string, level: 1 | 2 = 1): ReportBlock => ({ kind: 'heading', text, level })
export const outlineParagraph = (text: string): ReportBlock => ({ kind: 'paragraph', text })
/** A table with a header row; the `numeric` columns align right. */
export const outlineTable = (head: string[], rows: string[][], numeric: number[] = []): ReportBlock => ({ kind: 'table', head, rows, numeric })
