import type { Trx } from '../../db/database.ts'

/**
 * What later stages do when monitoring forms are settled — accepted by finance, or their round closed: the results
 * module raises rectification items from red project lights (rule 43). They register here, so monitoring never
 * imports them. A listener runs inside the transaction of the move: it commits or rolls back with it.
 */
export type FormsSettledListener = (trx: Trx, event: { formIds?: readonly string[]; roundId?: string; userId: string | null; now: Date }) => Promise<void>

const listeners: FormsSettledListener[] = []

export function onFormsSettled(listener: FormsSettledListener) {
  listeners.push(listener)
}

export async function formsSettled(trx: Trx, event: Parameters<FormsSettledListener>[1]) {
  for (const listener of listeners) await listener(trx, event)
}
