import { existsSync, readFileSync } from 'node:fs'
import PDFDocument from 'pdfkit'
import { AppError } from '../http/errors.ts'
import type { ReportBlock, ReportOutline } from './report-outline.ts'

/**
 * Reports as PDF (pdfkit), for readers who want a fixed layout. Chinese needs a CJK font on the server: Noto Serif CJK
 * (Debian's fonts-noto-cjk, the nearest to 宋体) or Noto Sans CJK, or the font named by JIXIAO_PDF_FONT (a .ttf, .otf
 * or .ttc; for a collection, JIXIAO_PDF_FONT_NAME gives the face's PostScript name). Only the glyphs used are embedded.
 */
interface FontFace {
  file: string
  name?: string
}
interface PdfFonts {
  regular: FontFace
  bold: FontFace
}

const NOTO = '/usr/share/fonts/opentype/noto'
const installed: PdfFonts[] = [
  { regular: { file: `${NOTO}/NotoSerifCJK-Regular.ttc`, name: 'NotoSerifCJKsc-Regular' }, bold: { file: `${NOTO}/NotoSerifCJK-Bold.ttc`, name: 'NotoSerifCJKsc-Bold' } },
  { regular: { file: `${NOTO}/NotoSansCJK-Regular.ttc`, name: 'NotoSansCJKsc-Regular' }, bold: { file: `${NOTO}/NotoSansCJK-Bold.ttc`, name: 'NotoSansCJKsc-Bold' } },
]

/** The fonts a PDF is set in, or null when the server has no CJK font (the PDF is then refused, Word still works). */
export function pdfFonts(env: NodeJS.ProcessEnv = process.env): PdfFonts | null {
  const configured = env.JIXIAO_PDF_FONT
  if (configured) {
    const face = { file: configured, name: env.JIXIAO_PDF_FONT_NAME || undefined }
    return existsSync(configured) ? { regular: face, bold: face } : null
  }
  const found = installed.find((f) => existsSync(f.regular.file))
  return found ? { regular: found.regular, bold: existsSync(found.bold.file) ? found.bold : found.regular } : null
}

// A font file is read once per process: the collections are 20–30 MB.
const fontBytes = new Map<string, Buffer>()
const bytesOf = (file: string) => {
  let bytes = fontBytes.get(file)
  if (!bytes) fontBytes.set(file, (bytes = readFileSync(file)))
  return bytes
}

/** Refuses clearly when the server cannot set Chinese in a PDF. */
export function requirePdfFonts(): PdfFonts {
  const fonts = pdfFonts()
  if (!fonts) throw new AppError('PDF_UNAVAILABLE')
  return fonts
}

const SIZE = { title: 18, subtitle: 12, heading1: 14, heading2: 12, body: 11, table: 9.5 }

function drawBlock(doc: PDFKit.PDFDocument, block: ReportBlock) {
  const left = doc.page.margins.left
  if (block.kind === 'heading') {
    doc.moveDown(0.6).font('bold').fontSize(block.level === 1 ? SIZE.heading1 : SIZE.heading2).text(block.text, left, undefined, { paragraphGap: 4 })
  } else if (block.kind === 'paragraph') {
    doc.font('regular').fontSize(SIZE.body).text(block.text, left, undefined, { indent: SIZE.body * 2, lineGap: 3, paragraphGap: 4 })
  } else {
    doc.moveDown(0.3).font('regular').fontSize(SIZE.table)
    doc.table({
      position: { x: left },
      defaultStyle: { padding: [3, 4, 3, 4], borderColor: '#555555' },
      columnStyles: (i) => ({ align: { x: block.numeric.includes(i) ? 'right' : 'left', y: 'top' } }),
      rowStyles: (i) => (i === 0 ? { backgroundColor: '#eeeeee' } : undefined),
      data: [block.head.map((text) => ({ text, font: { family: 'bold' }, align: 'center' as const, type: 'TH' as const })), ...block.rows],
    })
    doc.moveDown(0.5)
  }
}

/** A report outline (report-outline.ts) as PDF bytes: A4, title and subtitle centred, the sign-off set right. */
export async function outlinePdf(outline: ReportOutline, fonts: PdfFonts = requirePdfFonts()): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margins: { top: 72, bottom: 72, left: 64, right: 64 }, info: { Title: outline.title, Creator: 'Jixiao 绩效' }, lang: 'zh-CN', bufferPages: false })
  const parts: Buffer[] = []
  doc.on('data', (chunk: Buffer) => parts.push(chunk))
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve)
    doc.on('error', reject)
  })
  doc.registerFont('regular', bytesOf(fonts.regular.file), fonts.regular.name as string)
  doc.registerFont('bold', bytesOf(fonts.bold.file), fonts.bold.name as string)
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right
  doc.font('bold').fontSize(SIZE.title).text(outline.title, { align: 'center', width })
  doc.moveDown(0.3).font('regular').fontSize(SIZE.subtitle).text(outline.subtitle, { align: 'center', width })
  doc.moveDown(0.8)
  for (const block of outline.blocks) drawBlock(doc, block)
  if (outline.signOff?.length) {
    doc.moveDown(2).font('regular').fontSize(SIZE.body)
    for (const line of outline.signOff) doc.text(line, doc.page.margins.left, undefined, { align: 'right', width })
  }
  doc.end()
  await ended
  return Buffer.concat(parts)
}
