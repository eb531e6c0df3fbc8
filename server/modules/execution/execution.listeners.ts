import type { Trx } from '../../db/database.ts'

/**
 * What later stages do when a project's money changes (payments written, budget adjusted) — monitoring refreshes the
 * funds and lights of forms still being filled. They register here, so execution never imports them. A listener
 * runs inside the transaction that wrote the money: it commits or rolls back with it.
 */
export type FundsListener = (trx: Trx, change: { projectIds: readonly string[] }) => Promise<void>

const listeners: FundsListener[] = []

export function onFundsChanged(listener: FundsListener) {
  listeners.push(listener)
}

export async function fundsChanged(trx: Trx, projectIds: Iterable<string>) {
  const ids = [...new Set(projectIds)]
  if (ids.length === 0) return
  for (const listener of listeners) await listener(trx, { projectIds: ids })
}
