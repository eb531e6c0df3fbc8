import Decimal from 'decimal.js'
import { selfEvalSubmittedStatuses } from '../../../domain/evaluation.ts'
import type { Grade } from '../../../domain/scoring.ts'
import type { Db } from '../../db/database.ts'
import type { Ctx } from '../../http/context.ts'
import { recordAudit } from '../../platform/audit.ts'
import { drawSample } from '../../../domain/seeded-draw.ts'
import { compare, type ReviewerScore, rulesOf, type SpotCheckSnapshot } from './spotchecks.service.ts'
import { readSelfEvalForScoring, selfEvalTablesExist, submittedFormIds } from './spotchecks.source.ts'

const SEED = 'demo-2025'

/**
 * The demo's 抽查复核 sample: 深圳市 finance draws four of the 2025 submitted 自评表 with a recorded seed; the first is
 * re-scored with the evidence found wanting (a large gap, flagged), the second with one point docked; the rest wait.
 * Runs after the self-evaluation demo; without its forms it does nothing.
 */
export async function seedDemoSpotCheck(db: Db, ctx: Ctx, options: { financeUser?: string; fiscalYear?: number } = {}) {
  const fiscalYear = options.fiscalYear ?? 2025
  const finance = await db
    .selectFrom('appUser')
    .innerJoin('orgNode', 'orgNode.code', 'appUser.orgCode')
    .select(['appUser.id', 'orgNode.jurisdictionCode'])
    .where('username', '=', options.financeUser ?? 'sz_finance_admin')
    .executeTakeFirst()
  if (!finance || !(await selfEvalTablesExist(db))) return { spotChecks: 0 }
  const exists = await db.selectFrom('spotCheck').select('id').where('jurisdictionCode', '=', finance.jurisdictionCode).where('fiscalYear', '=', fiscalYear).executeTakeFirst()
  if (exists) return { spotChecks: 0 }
  const pool = await submittedFormIds(db, fiscalYear, [finance.jurisdictionCode], selfEvalSubmittedStatuses)
  if (!pool.length) return { spotChecks: 0 }
  const drawn = drawSample(pool, 4, SEED)
  const rules = await rulesOf(db, finance.jurisdictionCode, fiscalYear)
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('spotCheck')
      .values({ jurisdictionCode: finance.jurisdictionCode, fiscalYear, name: `${fiscalYear}年度单位自评抽查复核`, seed: SEED, randomCount: drawn.length, poolSize: pool.length, poolIds: pool, createdBy: finance.id, createdAt: ctx.now, updatedAt: ctx.now })
      .returning('id')
      .executeTakeFirstOrThrow()
    for (const [position, formId] of drawn.entries()) {
      const form = (await readSelfEvalForScoring(trx, formId))!
      const snapshot: SpotCheckSnapshot = { status: form.status, input: form.input, indicators: form.indicators }
      const scores: ReviewerScore[] = position === 0 ? docked(snapshot, 'all') : position === 1 ? docked(snapshot, 'one') : []
      const reviewed = scores.length > 0 && form.total !== null
      const result = reviewed ? compare({ unitSnapshot: snapshot }, rules, scores) : null
      const total = result?.problems.length === 0 ? (result.reviewer.total?.value ?? null) : null
      const gap = total !== null ? new Decimal(total).minus(form.total!).toFixed(2) : null
      await trx
        .insertInto('spotCheckItem')
        .values({
          spotCheckId: id,
          formId,
          pick: 'random',
          position,
          jurisdictionCode: form.jurisdictionCode,
          departmentCode: form.departmentCode,
          unitCode: form.unitCode,
          projectId: form.projectId,
          title: form.title.slice(0, 300),
          unitSnapshot: JSON.stringify(snapshot),
          unitTotal: form.total,
          unitGrade: form.grade,
          ...(total !== null
            ? {
                reviewerScores: JSON.stringify(scores),
                reviewerTotal: total,
                reviewerGrade: (result!.reviewer.grade?.value ?? null) as Grade | null,
                gap,
                flagged: new Decimal(gap!).abs().gte(rules.evaluation.spotCheckGapPoints),
                note: position === 0 ? '现场核查：佐证材料不足以支撑自评得分。' : '个别指标扣分。',
                status: 'reviewed' as const,
                reviewedBy: finance.id,
                reviewedAt: ctx.now,
              }
            : {}),
          createdAt: ctx.now,
          updatedAt: ctx.now,
        })
        .execute()
    }
    await recordAudit(trx, ctx, { action: 'spot_check.draw', entityType: 'spot_check', entityId: id, after: { seed: SEED, poolSize: pool.length, drawn } })
    return { spotChecks: 1 }
  })
}

/** The reviewer's scores: every scored quantitative indicator at half its weight ('all'), or one indicator one point lower. */
function docked(snapshot: SpotCheckSnapshot, how: 'all' | 'one'): ReviewerScore[] {
  const out: ReviewerScore[] = []
  snapshot.input.indicators.forEach((ind, i) => {
    const stored = snapshot.indicators[i]!
    const score = stored.score ?? stored.proposedScore
    if (!ind.applicable || score === null || ind.nature === 'qualitative') return
    if (how === 'one' && out.length > 0) return
    const lower = how === 'all' ? Decimal.min(score, new Decimal(ind.weight).dividedBy(2)) : Decimal.max(new Decimal(score).minus(1), 0)
    out.push({ position: stored.position, actual: null, score: lower.toFixed(2), reason: how === 'all' ? '佐证材料不足，按核实情况扣分' : '完成质量与佐证不完全相符' })
  })
  return out
}
