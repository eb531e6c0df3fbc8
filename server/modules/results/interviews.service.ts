import { chinaDay } from '../../../domain/corrective-actions.ts'
import { type InterviewSourceType, recordedDateProblems } from '../../../domain/interviews.ts'
import type { Db, Trx } from '../../db/database.ts'
import type { ActorCtx } from '../../http/context.ts'
import { AppError } from '../../http/errors.ts'
import { fetchPage } from '../../http/paging.ts'
import { recordAudit } from '../../platform/audit.ts'
import { isWithinScope } from '../../platform/scope.ts'
import * as repo from './interviews.repository.ts'
import { assertManages, changeRegisterRow, deleteRegisterRow, mayManage, type Register, violation } from './registers.ts'
import type { CreateInterviewInput, InterviewListFilter, UpdateInterviewInput } from './interviews.schemas.ts'

const toView = (ctx: ActorCtx, row: repo.InterviewRow) => ({ ...row, mayEdit: mayManage(ctx, row) })

export async function listInterviews(db: Db, ctx: ActorCtx, filter: InterviewListFilter, page: { page: number; pageSize: number }) {
  const result = await fetchPage(repo.listInterviews(db, ctx.actor, filter), page, repo.countInterviews(db, ctx.actor, filter))
  return { ...result, items: result.items.map((r) => ({ ...r, mayEdit: mayManage(ctx, r) })) }
}

async function mustFind(db: Db | Trx, ctx: ActorCtx, id: string) {
  const row = await repo.findInterview(db, ctx.actor, id)
  if (!row) throw new AppError('NOT_FOUND')
  return row
}

export async function getInterview(db: Db, ctx: ActorCtx, id: string) {
  return toView(ctx, await mustFind(db, ctx, id))
}

/** The source a 约谈 refers to, with its jurisdiction, year and project (when it has one). */
async function findSource(db: Db, type: InterviewSourceType, id: string): Promise<{ jurisdictionCode: string; fiscalYear: number; projectId: string | null } | undefined> {
  switch (type) {
    case 'self_round':
      return db.selectFrom('selfEvalRound').select(['jurisdictionCode', 'fiscalYear']).select((eb) => eb.val<string | null>(null).as('projectId')).where('id', '=', id).executeTakeFirst()
    case 'monitoring_round':
      return db.selectFrom('monitoringRound').select(['jurisdictionCode', 'fiscalYear']).select((eb) => eb.val<string | null>(null).as('projectId')).where('id', '=', id).executeTakeFirst()
    case 'key_evaluation':
      return db.selectFrom('keyEvaluation').select(['jurisdictionCode', 'fiscalYear', 'projectId']).where('id', '=', id).executeTakeFirst()
    case 'assessment':
      return db.selectFrom('assessment').select(['jurisdictionCode', 'fiscalYear']).select((eb) => eb.val<string | null>(null).as('projectId')).where('id', '=', id).executeTakeFirst()
    case 'project':
      return db.selectFrom('project').select(['jurisdictionCode', 'fiscalYear', 'id as projectId']).where('id', '=', id).executeTakeFirst()
  }
}

/** Finance records a 约谈 held with a poor performer (a unit, a department, or a district bureau below it). */
export async function createInterview(db: Db, ctx: ActorCtx, input: CreateInterviewInput) {
  const org = await db.selectFrom('orgNode').select(['code', 'kind', 'path', 'jurisdictionCode', 'departmentCode']).where('code', '=', input.orgCode).executeTakeFirst()
  if (!org || !isWithinScope(ctx.actor, org.path)) throw new AppError('NOT_FOUND')
  if (org.code === ctx.actor.org.code) violation(ctx, [{ path: 'orgCode', zh: '被约谈对象须为下属部门、单位或下级财政部门', en: 'The interviewed org is a department, a unit or a bureau below' }])
  // A district bureau is interviewed by the bureau above it; a department or a unit by its own bureau.
  const jurisdictionCode = org.kind === 'jurisdiction' ? ctx.actor.org.jurisdictionCode : org.jurisdictionCode
  assertManages(ctx, { jurisdictionCode })
  const problems = recordedDateProblems(input.interviewedOn, chinaDay(ctx.now), 'interviewedOn')
  const source = await findSource(db, input.sourceType, input.sourceId)
  const sourcePath = source && (await db.selectFrom('orgNode').select('path').where('code', '=', source.jurisdictionCode).executeTakeFirst())
  if (!source || !sourcePath || !isWithinScope(ctx.actor, sourcePath.path)) problems.push({ path: 'sourceId', zh: '约谈依据的来源不存在或不在本级', en: 'The source does not exist or is not this bureau’s' })
  const projectId = input.sourceType === 'project' ? input.sourceId : (input.projectId ?? source?.projectId ?? null)
  if (projectId) {
    const project = await db.selectFrom('project').select(['unitCode', 'departmentCode', 'jurisdictionCode']).where('id', '=', projectId).executeTakeFirst()
    const owns = project && (project.unitCode === org.code || project.departmentCode === org.code || (org.kind === 'jurisdiction' && project.jurisdictionCode === org.code))
    if (!owns) problems.push({ path: input.sourceType === 'project' ? 'sourceId' : 'projectId', zh: '项目不属于被约谈对象', en: 'The project is not the interviewed org’s' })
  }
  if (problems.length) violation(ctx, problems)
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('interview')
      .values({
        jurisdictionCode,
        fiscalYear: source!.fiscalYear,
        orgCode: org.code,
        departmentCode: org.kind === 'jurisdiction' ? null : (org.departmentCode ?? org.code),
        unitCode: org.kind === 'unit' ? org.code : null,
        personTitle: input.personTitle,
        interviewedOn: input.interviewedOn,
        interviewer: input.interviewer,
        reason: input.reason,
        sourceType: input.sourceType,
        sourceId: input.sourceId,
        projectId,
        outcome: input.outcome,
        createdBy: ctx.actor.userId,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const created = await mustFind(trx, ctx, id)
    await recordAudit(trx, ctx, { action: 'interview.create', entityType: 'interview', entityId: id, after: created })
    return toView(ctx, created)
  })
}

const interviews: Register<repo.InterviewRow> = { table: 'interview', lock: repo.lockInterview, find: repo.findInterview }

/** Finance corrects a 约谈 record (its outcome, typically, once known); a stale version gets 409. */
export async function updateInterview(db: Db, ctx: ActorCtx, id: string, input: UpdateInterviewInput) {
  return toView(ctx, await changeRegisterRow(db, ctx, interviews, id, input, { value: input.interviewedOn, path: 'interviewedOn' }))
}

export async function deleteInterview(db: Db, ctx: ActorCtx, id: string, version: number) {
  await deleteRegisterRow(db, ctx, interviews, id, version)
}
