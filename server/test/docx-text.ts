import { ReadBudget } from '../platform/read-limits.ts'
import { readZipPart } from '../platform/zip.ts'

/**
 * A Word file's text as a reader sees it: one line per paragraph (table cells are paragraphs too), the XML tags
 * dropped, so a figure split over runs still reads as one.
 */
export async function docxText(file: Buffer): Promise<string> {
  const xml = (await readZipPart(file, 'word/document.xml', new ReadBudget()))!.toString('utf8')
  return xml.replace(/<w:p[ >][^]*?<\/w:p>/g, (p) => `${p.replace(/<[^>]+>/g, '')}\n`).replace(/<[^>]+>/g, '')
}
