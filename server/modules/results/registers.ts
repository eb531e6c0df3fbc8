import { chinaDay } from '../../../domain/corrective-actions.ts'
import { type ProblemText, recordedDateProblems } from '../../../domain/interviews.ts'
import type { Db, Trx } from '../../db/database.ts'
import type { Actor, ActorCtx } from '../../http/context.ts'
import { AppError, assertVersion } from '../../http/errors.ts'
import { recordAudit } from '../../platform/audit.ts'
import { assertOwnJurisdiction, onlySupervises } from '../../platform/supervision.ts'

// What the 约谈 and 问责 registers share: who may write, the checks of a change, the versioned edit and the delete.

export function violation(ctx: ActorCtx, problems: ProblemText[]): never {
  throw new AppError('RULE_VIOLATION', problems.map((p) => ({ path: p.path, message: p[ctx.lang] })), { zh: problems[0]!.zh, en: problems[0]!.en })
}

/** Whether the actor may change or delete the record: the bureau of the record's own jurisdiction, with results.manage. */
export const mayManage = (ctx: ActorCtx, row: { jurisdictionCode: string }) => ctx.actor.permissions.has('results.manage') && ctx.actor.org.kind === 'jurisdiction' && !onlySupervises(ctx.actor, row)

/** Only the bureau of the record's jurisdiction writes; a city above gets SUPERVISION_ONLY, anyone else FORBIDDEN. */
export function assertManages(ctx: ActorCtx, row: { jurisdictionCode: string }) {
  if (ctx.actor.org.kind !== 'jurisdiction') throw new AppError('FORBIDDEN')
  assertOwnJurisdiction(ctx.actor, row)
}

/**
 * The checks every change of a 约谈 or 问责 passes: seen (404), the bureau's own (403), current (409), and a
 * changed date not in the future (422).
 */
export function assertMayChange<T extends { jurisdictionCode: string; version: number }>(ctx: ActorCtx, before: T | undefined, version: number, date?: { value?: string; path: string }): asserts before is T {
  if (!before) throw new AppError('NOT_FOUND')
  assertManages(ctx, before)
  assertVersion(before, version)
  const problems = date?.value ? recordedDateProblems(date.value, chinaDay(ctx.now), date.path) : []
  if (problems.length) violation(ctx, problems)
}


type Row = { jurisdictionCode: string; version: number }

/** One register of 结果应用 (约谈 or 问责): its table, and how a row is locked and read back in the actor's scope. */
export interface Register<R extends Row> {
  table: 'interview' | 'accountability'
  lock: (trx: Trx, actor: Actor, id: string) => Promise<R | undefined>
  find: (trx: Trx, actor: Actor, id: string) => Promise<R | undefined>
}

/** A versioned edit of a register row: lock, the checks of `assertMayChange`, the new values, audit; the row after. */
export function changeRegisterRow<R extends Row>(db: Db, ctx: ActorCtx, register: Register<R>, id: string, input: { version: number } & Record<string, unknown>, date: { value?: string; path: string }) {
  return db.transaction().execute(async (trx) => {
    const before = await register.lock(trx, ctx.actor, id)
    assertMayChange(ctx, before, input.version, date)
    const { version: _v, ...changes } = input
    await trx
      .updateTable(register.table)
      .set((eb) => ({ ...(changes as object), updatedAt: ctx.now, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .execute()
    const after = await register.find(trx, ctx.actor, id)
    if (!after) throw new AppError('NOT_FOUND')
    await recordAudit(trx, ctx, { action: `${register.table}.update`, entityType: register.table, entityId: id, before, after })
    return after
  })
}

/** Deletes a register row after the same checks, with its audit record. */
export async function deleteRegisterRow<R extends Row>(db: Db, ctx: ActorCtx, register: Register<R>, id: string, version: number) {
  await db.transaction().execute(async (trx) => {
    const before = await register.lock(trx, ctx.actor, id)
    assertMayChange(ctx, before, version)
    await trx.deleteFrom(register.table).where('id', '=', id).execute()
    await recordAudit(trx, ctx, { action: `${register.table}.delete`, entityType: register.table, entityId: id, before })
  })
}
