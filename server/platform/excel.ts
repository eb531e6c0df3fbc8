import { PassThrough } from 'node:stream'
import ExcelJS from 'exceljs'
import type { FastifyReply } from 'fastify'

export interface ExcelColumn<T> {
  header: string
  width?: number
  value: (row: T) => string | number | Date | null | undefined
}

/**
 * Streams a list as .xlsx: rows are written and committed one by one, so a long list never sits in
 * memory as a whole workbook. Headers are Chinese, as units expect.
 */
export function sendXlsx<T>(reply: FastifyReply, fileName: string, columns: ExcelColumn<T>[], rows: AsyncIterable<T> | Iterable<T>) {
  const stream = new PassThrough()
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true })
  const sheet = workbook.addWorksheet('Sheet1')
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width ?? 18 }))
  sheet.getRow(1).font = { bold: true }
  ;(async () => {
    for await (const row of rows) sheet.addRow(columns.map((c) => c.value(row) ?? null)).commit()
    sheet.commit()
    await workbook.commit()
  })().catch((error) => stream.destroy(error))
  return reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .send(stream)
}
