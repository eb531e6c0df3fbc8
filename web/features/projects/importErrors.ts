import type { ImportRowError } from './projects.types'

/** The preview table's cells, and the input fields whose problems each one shows. */
export const previewCellFields: Record<string, readonly string[]> = {
  code: ['code'],
  name: ['name'],
  fiscalYear: ['fiscalYear'],
  unitCode: ['unitCode'],
  amountTotal: ['amountGeneral', 'amountFund', 'amountStateCapital', 'amountSocialInsurance', 'amountOther', 'mediumTermAmount'],
}

const shownInCell = new Set(Object.values(previewCellFields).flat())

/** The errors of each row number. */
export function errorsByRow(errors: ImportRowError[]): Map<number, ImportRowError[]> {
  const byRow = new Map<number, ImportRowError[]>()
  for (const error of errors) byRow.set(error.row, [...(byRow.get(error.row) ?? []), error])
  return byRow
}

/** The problems one preview cell should show (red, with the messages in a tooltip). */
export function cellErrors(rowErrors: ImportRowError[] | undefined, cell: keyof typeof previewCellFields): ImportRowError[] {
  const fields = previewCellFields[cell] ?? []
  return (rowErrors ?? []).filter((e) => e.field !== null && fields.includes(e.field))
}

/** A row's problems that no preview cell shows (other columns, the row as a whole). */
export function otherErrors(rowErrors: ImportRowError[] | undefined): ImportRowError[] {
  return (rowErrors ?? []).filter((e) => e.field === null || !shownInCell.has(e.field))
}

/** Nothing can be written while any row has a problem, or when there is nothing to write. */
export function canCommit(preview: { errors: ImportRowError[]; errorCount?: number; toCreate: number; toUpdate: number }) {
  return (preview.errorCount ?? preview.errors.length) === 0 && preview.errors.length === 0 && preview.toCreate + preview.toUpdate > 0
}
