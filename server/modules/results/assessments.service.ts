import { type AssessmentTemplateItem, assessmentConsequence, defaultAssessmentTemplate, scoreComputedItem, selfAssessmentDue } from '../../../domain/assessment.ts'
import type { Grade } from '../../../domain/rule-set.ts'
import type { Db, Trx } from '../../db/database.ts'
import type { ActorCtx } from '../../http/context.ts'
import { AppError } from '../../http/errors.ts'
import { fetchPage } from '../../http/paging.ts'
import { recordAudit } from '../../platform/audit.ts'
import { effectiveRules } from '../rule-sets/rule-sets.service.ts'
import { type AssessedOrg, assessmentFigures } from './assessment.metrics.ts'
import * as repo from './assessments.repository.ts'
import type { AssessmentListFilter } from './assessments.schemas.ts'
import { rulesCache } from './rectifications.service.ts'

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString())

/**
 * Opens the year's 考核 of a bureau (rule 47): one assessment per department of its jurisdiction, and per district
 * bureau directly below it; every computed item scored now from the records, with its figure and formula; the
 * self-assessment due date from the rule set. Orgs already assessed that year are left as they are.
 */
export async function openAssessments(db: Db, ctx: ActorCtx, input: { fiscalYear: number }) {
  if (ctx.actor.org.kind !== 'jurisdiction') throw new AppError('FORBIDDEN')
  const bureau = ctx.actor.org.code
  return db.transaction().execute(async (trx) => {
    const rules = (await effectiveRules(trx, bureau, input.fiscalYear)).rules
    const dueOn = selfAssessmentDue(input.fiscalYear, rules)
    const targets = await repo.assessableOrgs(trx, bureau)
    const taken = new Set((await trx.selectFrom('assessment').select('orgCode').where('fiscalYear', '=', input.fiscalYear).execute()).map((a) => a.orgCode))
    const created: string[] = []
    for (const target of targets.filter((o) => !taken.has(o.code))) {
      const org: AssessedOrg = { kind: target.kind === 'department' ? 'department' : 'jurisdiction', code: target.code }
      const row = await trx
        .insertInto('assessment')
        .values({ jurisdictionCode: bureau, orgCode: org.code, orgKind: org.kind, fiscalYear: input.fiscalYear, dueOn, createdBy: ctx.actor.userId, createdAt: ctx.now, updatedAt: ctx.now })
        .returning('id')
        .executeTakeFirstOrThrow()
      await writeItems(trx, row.id, defaultAssessmentTemplate, await assessmentFigures(trx, org, input.fiscalYear, ctx.now))
      created.push(row.id)
    }
    await recordAudit(trx, ctx, { action: 'results.assessment_open', entityType: 'assessment', entityId: bureau, after: { fiscalYear: input.fiscalYear, dueOn, created: created.length } })
    return { fiscalYear: input.fiscalYear, dueOn, created: created.length, existing: targets.length - created.length }
  })
}

async function writeItems(trx: Trx, assessmentId: string, template: readonly AssessmentTemplateItem[], figures: Awaited<ReturnType<typeof assessmentFigures>>) {
  await trx
    .insertInto('assessmentItem')
    .values(
      template.map((item, i) => {
        const figure = item.metric ? figures[item.metric] : null
        const scored = item.kind === 'computed' && figure?.available ? scoreComputedItem(item, figure) : null
        return {
          assessmentId,
          sortOrder: i,
          code: item.code,
          name: item.name,
          // A metric the system cannot count yet is scored on evidence.
          kind: item.kind === 'computed' && !figure?.available ? ('entered' as const) : item.kind,
          points: item.points.toFixed(2),
          metric: item.metric ?? null,
          fullAt: item.fullAt === undefined ? null : item.fullAt.toFixed(2),
          zeroBelow: item.zeroBelow === undefined ? null : item.zeroBelow.toFixed(2),
          figure: figure ? JSON.stringify(figure) : null,
          computedScore: scored?.value ?? null,
          explanation: scored ? JSON.stringify(scored) : figure?.note ? JSON.stringify({ value: null, rule: '', formula: figure.note }) : null,
        }
      }),
    )
    .execute()
}

type ListRow = Awaited<ReturnType<typeof repo.findAssessment>> & {}

export type AssessmentMove = 'self' | 'submit' | 'review'

/** What this user may do with the assessment now: the assessed org self-assesses and submits; the assessing bureau reviews. */
export function assessmentMoves(ctx: ActorCtx, row: Pick<ListRow, 'orgCode' | 'jurisdictionCode' | 'status'>): AssessmentMove[] {
  const { actor } = ctx
  const moves: AssessmentMove[] = []
  const assessed = actor.org.code === row.orgCode && (actor.permissions.has('results.respond') || actor.permissions.has('results.manage'))
  if (assessed && row.status === 'self_assessing') moves.push('self', 'submit')
  const assessor = actor.org.kind === 'jurisdiction' && actor.org.code === row.jurisdictionCode && actor.permissions.has('results.manage')
  if (assessor && row.status === 'submitted') moves.push('review')
  return moves
}

/** A row as the client sees it: dates as ISO, the consequence its grade proposes once published (约谈 for a poor one), its moves. */
async function toView(ctx: ActorCtx, row: ListRow, rules: ReturnType<typeof rulesCache>) {
  const consequence = row.status === 'published' && row.grade ? assessmentConsequence(row.grade as Grade, await rules(row.jurisdictionCode, row.fiscalYear)) : null
  return { ...row, createdAt: iso(row.createdAt), updatedAt: iso(row.updatedAt), consequence, moves: assessmentMoves(ctx, row) }
}

export async function listAssessments(db: Db, ctx: ActorCtx, filter: AssessmentListFilter, page: { page: number; pageSize: number }) {
  const result = await fetchPage(repo.listAssessments(db, ctx.actor, filter), page)
  const rules = rulesCache(db)
  return { ...result, items: await Promise.all(result.items.map((r) => toView(ctx, r, rules))) }
}

/** Every row of the filtered list (up to `limit`), as the list shows them: the Excel export. */
export async function exportAssessments(db: Db, ctx: ActorCtx, filter: AssessmentListFilter, limit: number) {
  const rows = await repo.listAssessments(db, ctx.actor, filter).limit(limit).execute()
  const rules = rulesCache(db)
  return Promise.all(rows.map((r) => toView(ctx, r, rules)))
}

/** One assessment with its items: each with its points, its score (the review's, else the self-assessment's, else the computed one), whether it was computed, and its explanation. */
export async function getAssessment(db: Db | Trx, ctx: ActorCtx, id: string) {
  const row = (await repo.findAssessment(db, ctx.actor, id)) ?? notFound()
  const items = await db.selectFrom('assessmentItem').selectAll().where('assessmentId', '=', id).orderBy('sortOrder').execute()
  return {
    ...(await toView(ctx, row, rulesCache(db))),
    items: items.map((i) => ({
      id: i.id,
      code: i.code,
      name: i.name,
      kind: i.kind,
      points: i.points,
      metric: i.metric,
      computed: i.kind === 'computed',
      figure: i.figure,
      computedScore: i.computedScore,
      selfScore: i.selfScore,
      selfNote: i.selfNote,
      reviewScore: i.reviewScore,
      reviewOpinion: i.reviewOpinion,
      score: i.reviewScore ?? i.selfScore ?? i.computedScore,
      explanation: i.explanation,
    })),
  }
}

const notFound = (): never => {
  throw new AppError('NOT_FOUND')
}
