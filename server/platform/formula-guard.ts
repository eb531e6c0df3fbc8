/**
 * CSV/formula injection (OWASP "CSV Injection"): a text cell that starts with = + - @ (or a tab or carriage
 * return) may be taken for a formula by a spreadsheet, now or after a save as CSV. Every writer of exported cells
 * prefixes such text with a single quote so it stays text; numbers are numbers and are never touched.
 */
const FORMULA_START = /^[=+\-@\t\r]/

export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text
}

/** What a reader does with a text cell: drops the quote our writers added, so export → import gives the same text. */
export function unguardFormula(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text
}
