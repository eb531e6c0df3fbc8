import type { Db } from '../../db/database.ts'
import type { Actor } from '../../http/context.ts'
import { indicatorVisibleTo } from '../../platform/scope.ts'

/** Proposed indicators the actor sees and that wait for a bureau's decision (确认/退回). */
export async function pendingProposalCount(db: Db, actor: Actor): Promise<number> {
  const row = await db
    .selectFrom('indicator')
    .where(indicatorVisibleTo(actor))
    .where('indicator.status', '=', 'proposed')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow()
  return Number(row.count)
}
