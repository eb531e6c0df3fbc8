import { type AssessmentTemplateItem, assessmentTotal, enteredScoreProblems, type ProblemText, rankAssessments } from '../../../domain/assessment.ts'
import type { Db, Trx } from '../../db/database.ts'
import type { ActorCtx } from '../../http/context.ts'
import { AppError, assertVersion } from '../../http/errors.ts'
import { recordAudit } from '../../platform/audit.ts'
import { effectiveRules } from '../rule-sets/rule-sets.service.ts'
import * as repo from './assessments.repository.ts'
import { getAssessment } from './assessments.service.ts'
import type { ReviewInput, SelfAssessmentInput } from './assessments.schemas.ts'

type Row = NonNullable<Awaited<ReturnType<typeof repo.findAssessment>>>
type ItemRow = Awaited<ReturnType<typeof itemsOf>>[number]

const itemsOf = (db: Db | Trx, id: string) => db.selectFrom('assessmentItem').selectAll().where('assessmentId', '=', id).orderBy('sortOrder').execute()
const templateOf = (i: ItemRow): AssessmentTemplateItem => ({ code: i.code, name: i.name, kind: i.kind, points: Number(i.points) })

function violation(ctx: ActorCtx, problems: readonly ProblemText[]): never {
  throw new AppError('RULE_VIOLATION', problems.map((p) => ({ path: p.path, message: p[ctx.lang] })), { zh: problems[0]!.zh, en: problems[0]!.en })
}

async function lock(trx: Trx, ctx: ActorCtx, id: string, version: number): Promise<Row> {
  const row = (await repo.findAssessment(trx, ctx.actor, id)) ?? notFound()
  await trx.selectFrom('assessment').select('id').where('id', '=', id).forUpdate().execute()
  const current = await trx.selectFrom('assessment').select(['version', 'status']).where('id', '=', id).executeTakeFirstOrThrow()
  assertVersion(current, version)
  return { ...row, status: current.status }
}

/** The assessed org fills its self-assessment: the department (results.respond), or the district bureau (results.manage). */
function assertSelfAssessor(ctx: ActorCtx, row: Row) {
  const { actor } = ctx
  if (actor.org.code !== row.orgCode || !(actor.permissions.has('results.respond') || actor.permissions.has('results.manage'))) throw new AppError('FORBIDDEN')
}

/** The assessing bureau reviews and publishes (results.manage at the bureau that opened the assessment). */
function assertAssessor(ctx: ActorCtx, row: Pick<Row, 'jurisdictionCode'>) {
  const { actor } = ctx
  if (actor.org.kind !== 'jurisdiction' || actor.org.code !== row.jurisdictionCode || !actor.permissions.has('results.manage')) throw new AppError('FORBIDDEN')
}

function assertStatus(row: Row, status: Row['status']) {
  if (row.status !== status) throw new AppError('INVALID_TRANSITION', { from: row.status, expected: status })
}

/** Scores for the items scored on evidence (and bonus / deduction), notes on any item; computed scores stay the system's. */
export async function saveSelfAssessment(db: Db, ctx: ActorCtx, id: string, input: SelfAssessmentInput) {
  return db.transaction().execute(async (trx) => {
    const row = await lock(trx, ctx, id, input.version)
    assertSelfAssessor(ctx, row)
    assertStatus(row, 'self_assessing')
    const items = await itemsOf(trx, id)
    const problems: ProblemText[] = []
    for (const [n, entry] of input.items.entries()) {
      const item = items.find((i) => i.code === entry.code)
      if (!item) problems.push({ path: `items.${n}.code`, zh: `没有编号为“${entry.code}”的考核项`, en: `No item “${entry.code}”` })
      else if (entry.score !== undefined && item.kind === 'computed') problems.push({ path: `items.${n}.score`, zh: `“${item.name}”由系统计算，不能自行评分`, en: `“${item.name}” is computed by the system` })
      else if (entry.score !== undefined && entry.score !== null) problems.push(...enteredScoreProblems(templateOf(item), entry.score, `items.${n}.score`))
    }
    if (problems.length) violation(ctx, problems)
    for (const entry of input.items) {
      await trx
        .updateTable('assessmentItem')
        .set({ ...(entry.score !== undefined && { selfScore: entry.score }), ...(entry.note !== undefined && { selfNote: entry.note }) })
        .where('assessmentId', '=', id)
        .where('code', '=', entry.code)
        .execute()
    }
    await trx.updateTable('assessment').set({ version: input.version + 1, updatedAt: ctx.now }).where('id', '=', id).execute()
    await recordAudit(trx, ctx, { action: 'results.assessment_self', entityType: 'assessment', entityId: id, after: { items: input.items } })
    return getAssessment(trx, ctx, id)
  })
}

/** Submits the self-assessment: every item scored on evidence needs a score (0 is a score); on time or late, it is recorded. */
export async function submitSelfAssessment(db: Db, ctx: ActorCtx, id: string, input: { version: number }) {
  return db.transaction().execute(async (trx) => {
    const row = await lock(trx, ctx, id, input.version)
    assertSelfAssessor(ctx, row)
    assertStatus(row, 'self_assessing')
    const missing = (await itemsOf(trx, id)).filter((i) => i.kind === 'entered' && i.selfScore === null)
    if (missing.length) violation(ctx, missing.map((i) => ({ path: `items.${i.code}.score`, zh: `请为“${i.name}”自评打分并说明依据`, en: `Score “${i.name}” and give the evidence` })))
    await trx.updateTable('assessment').set({ status: 'submitted', version: input.version + 1, updatedAt: ctx.now }).where('id', '=', id).execute()
    await recordAudit(trx, ctx, { action: 'results.assessment_submit', entityType: 'assessment', entityId: id, before: { status: row.status }, after: { status: 'submitted', late: ctx.now.toISOString().slice(0, 10) > String(row.dueOn).slice(0, 10) } })
    return getAssessment(trx, ctx, id)
  })
}

/**
 * Finance reviews item by item (a score it changes needs an opinion); the total — base + bonus − deduction — and the
 * grade are computed from the final scores with their formula.
 */
export async function reviewAssessment(db: Db, ctx: ActorCtx, id: string, input: ReviewInput) {
  return db.transaction().execute(async (trx) => {
    const row = await lock(trx, ctx, id, input.version)
    assertAssessor(ctx, row)
    assertStatus(row, 'submitted')
    const items = await itemsOf(trx, id)
    const problems: ProblemText[] = []
    for (const [n, entry] of input.items.entries()) {
      const item = items.find((i) => i.code === entry.code)
      if (!item) problems.push({ path: `items.${n}.code`, zh: `没有编号为“${entry.code}”的考核项`, en: `No item “${entry.code}”` })
      else {
        problems.push(...enteredScoreProblems(templateOf(item), entry.score, `items.${n}.score`))
        const proposed = item.selfScore ?? item.computedScore
        if (proposed !== null && Number(proposed) !== Number(entry.score) && !entry.opinion.trim()) problems.push({ path: `items.${n}.opinion`, zh: `“${item.name}”复核得分与原得分不同，请填写复核意见`, en: `“${item.name}”: a changed score needs an opinion` })
      }
    }
    if (problems.length) violation(ctx, problems)
    for (const entry of input.items) await trx.updateTable('assessmentItem').set({ reviewScore: entry.score, reviewOpinion: entry.opinion }).where('assessmentId', '=', id).where('code', '=', entry.code).execute()
    const final = (await itemsOf(trx, id)).map((i) => ({ item: templateOf(i), score: i.reviewScore ?? i.selfScore ?? i.computedScore ?? '0' }))
    const rules = (await effectiveRules(trx, row.jurisdictionCode, row.fiscalYear)).rules
    const total = assessmentTotal(final, rules)
    await trx
      .updateTable('assessment')
      .set({ status: 'reviewed', total: total.value.total, grade: total.value.grade, totalExplanation: JSON.stringify(total), version: input.version + 1, updatedAt: ctx.now })
      .where('id', '=', id)
      .execute()
    await recordAudit(trx, ctx, { action: 'results.assessment_review', entityType: 'assessment', entityId: id, before: { status: row.status }, after: { status: 'reviewed', total: total.value, items: input.items } })
    return getAssessment(trx, ctx, id)
  })
}

/** Ranks the bureau's reviewed assessments of a year — departments and districts apart — and publishes them (通报). */
export async function publishAssessments(db: Db, ctx: ActorCtx, input: { fiscalYear: number }) {
  if (ctx.actor.org.kind !== 'jurisdiction') throw new AppError('FORBIDDEN')
  return db.transaction().execute(async (trx) => {
    const rows = await trx.selectFrom('assessment').select(['id', 'orgKind', 'total', 'status']).where('jurisdictionCode', '=', ctx.actor.org.code).where('fiscalYear', '=', input.fiscalYear).forUpdate().execute()
    const pending = rows.filter((r) => r.status === 'self_assessing' || r.status === 'submitted')
    if (pending.length) throw new AppError('INVALID_TRANSITION', { pending: pending.length }, { zh: `尚有 ${pending.length} 份考核未完成复核，不能通报`, en: `${pending.length} assessments are not reviewed yet` })
    let published = 0
    for (const kind of ['department', 'jurisdiction'] as const) {
      for (const r of rankAssessments(rows.filter((x) => x.orgKind === kind).map((x) => ({ id: x.id, total: x.total ?? '0' })))) {
        await trx.updateTable('assessment').set({ rank: r.rank, status: 'published', version: (eb) => eb('version', '+', 1), updatedAt: ctx.now }).where('id', '=', r.id).execute()
        published++
      }
    }
    await recordAudit(trx, ctx, { action: 'results.assessment_publish', entityType: 'assessment', entityId: ctx.actor.org.code, after: { fiscalYear: input.fiscalYear, published } })
    return { fiscalYear: input.fiscalYear, published }
  })
}

const notFound = (): never => {
  throw new AppError('NOT_FOUND')
}
