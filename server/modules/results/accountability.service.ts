import { chinaDay } from '../../../domain/corrective-actions.ts'
import { recordedDateProblems } from '../../../domain/interviews.ts'
import type { Db, Trx } from '../../db/database.ts'
import type { ActorCtx } from '../../http/context.ts'
import { AppError } from '../../http/errors.ts'
import { fetchPage } from '../../http/paging.ts'
import { recordAudit } from '../../platform/audit.ts'
import { projectVisibleTo } from '../../platform/scope.ts'
import * as repo from './accountability.repository.ts'
import type { AccountabilityListFilter, CreateAccountabilityInput, UpdateAccountabilityInput } from './accountability.schemas.ts'
import { assertManages, changeRegisterRow, deleteRegisterRow, mayManage, type Register, violation } from './registers.ts'

const toView = (ctx: ActorCtx, row: repo.AccountabilityRow) => ({ ...row, mayEdit: mayManage(ctx, row) })

export async function listAccountability(db: Db, ctx: ActorCtx, filter: AccountabilityListFilter, page: { page: number; pageSize: number }) {
  const result = await fetchPage(repo.listAccountability(db, ctx.actor, filter), page, repo.countAccountability(db, ctx.actor, filter))
  return { ...result, items: result.items.map((r) => toView(ctx, r)) }
}

async function mustFind(db: Db | Trx, ctx: ActorCtx, id: string) {
  const row = await repo.findAccountability(db, ctx.actor, id)
  if (!row) throw new AppError('NOT_FOUND')
  return row
}

export async function getAccountability(db: Db, ctx: ActorCtx, id: string) {
  return toView(ctx, await mustFind(db, ctx, id))
}

/** Finance records the accountability (问责) for a major loss on a project of its jurisdiction; it stays with the project. */
export async function createAccountability(db: Db, ctx: ActorCtx, input: CreateAccountabilityInput) {
  const project = await db.selectFrom('project').select(['id', 'jurisdictionCode', 'departmentCode', 'unitCode', 'fiscalYear']).where('project.id', '=', input.projectId).where(projectVisibleTo(ctx.actor)).executeTakeFirst()
  if (!project) throw new AppError('NOT_FOUND')
  assertManages(ctx, project)
  const problems = recordedDateProblems(input.decidedOn, chinaDay(ctx.now), 'decidedOn')
  if (problems.length) violation(ctx, problems)
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('accountability')
      .values({
        jurisdictionCode: project.jurisdictionCode,
        fiscalYear: project.fiscalYear,
        projectId: project.id,
        departmentCode: project.departmentCode,
        unitCode: project.unitCode,
        incident: input.incident,
        lossAmount: input.lossAmount,
        measures: input.measures,
        decidedOn: input.decidedOn,
        decidedBy: input.decidedBy,
        createdBy: ctx.actor.userId,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const created = await mustFind(trx, ctx, id)
    await recordAudit(trx, ctx, { action: 'accountability.create', entityType: 'accountability', entityId: id, after: created })
    return toView(ctx, created)
  })
}

const register: Register<repo.AccountabilityRow> = { table: 'accountability', lock: repo.lockAccountability, find: repo.findAccountability }

export async function updateAccountability(db: Db, ctx: ActorCtx, id: string, input: UpdateAccountabilityInput) {
  return toView(ctx, await changeRegisterRow(db, ctx, register, id, input, { value: input.decidedOn, path: 'decidedOn' }))
}

export async function deleteAccountability(db: Db, ctx: ActorCtx, id: string, version: number) {
  await deleteRegisterRow(db, ctx, register, id, version)
}
