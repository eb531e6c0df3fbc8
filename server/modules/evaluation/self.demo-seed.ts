import Decimal from 'decimal.js'
import type { SelfEvalStatus } from '../../../domain/evaluation.ts'
import { scoreSelfEvaluation, targetNumber } from '../../../domain/self-evaluation.ts'
import type { Db } from '../../db/database.ts'
import type { Ctx } from '../../http/context.ts'
import { effectiveRules } from '../rule-sets/rule-sets.service.ts'
import { openSelfRoundWork } from './self.open.ts'
import * as repo from './self.repository.ts'
import { scoringInput, storeScores } from './self.service.ts'

const DEMO_FISCAL_YEAR = 2025
const DEMO_JURISDICTION = '440300'
/** The tour's unit keeps its 自评表 as untouched drafts, for the tour (and the browser journey) to fill. */
const tourUsers = ['sz_edu_unit']

/** How far each form's indicators got against their targets: 优, 良, 中 and 差 in turn. */
const paces = ['1.00', '0.86', '0.70', '0.40'] as const
/** Where each form is left in the workflow, by its position: every status occurs with every grade. */
const statuses: (SelfEvalStatus | 'untouched')[] = ['accepted', 'dept_accepted', 'submitted', 'draft', 'returned', 'untouched', 'accepted']

function actualFor(ind: { nature: string; target: string; unit: string; name: string; level1: string }, pace: Decimal): string | null {
  if (ind.nature === 'qualitative') return pace.gte('0.95') ? '达成年度指标' : pace.gte('0.6') ? '部分达成年度指标并具有一定效果' : '未达成年度指标且效果较差'
  const target = targetNumber({ nature: ind.nature as never, target: ind.target, unit: ind.unit })
  if (target === null) return null
  const t = new Decimal(target)
  // A reverse indicator misses by going above its bound (score falls linearly to 0 at twice the target).
  if (ind.nature === '<=' || ind.nature === '<') return pace.gte(1) ? t.toString() : t.times(new Decimal(2).minus(pace)).toDecimalPlaces(2).toString()
  if (ind.nature === '=') return pace.gte(1) ? t.toString() : t.times(pace).toDecimalPlaces(2).toString()
  return t.times(pace).toDecimalPlaces(2).toString()
}

/**
 * The demo's 单位自评: a 2025 round of 深圳市 opened as finance would (forms from the goals in force at year-end, the
 * year's money), then filled and moved through the workflow so that every status and every grade shows. Runs after
 * the demo's one transaction. Skips when 深圳市 already has its 2025 round, so a second run adds nothing.
 */
export async function seedDemoSelfEvaluation(db: Db, ctx: Ctx, options: { jurisdictionCode?: string; financeUser?: string; fiscalYear?: number; tourUsers?: string[] } = {}) {
  const JURISDICTION = options.jurisdictionCode ?? DEMO_JURISDICTION
  const DEMO_YEAR = options.fiscalYear ?? DEMO_FISCAL_YEAR
  const finance = await db.selectFrom('appUser').select('id').where('username', '=', options.financeUser ?? 'sz_finance_admin').executeTakeFirst()
  const exists = await db.selectFrom('selfEvalRound').select('id').where('jurisdictionCode', '=', JURISDICTION).where('fiscalYear', '=', DEMO_YEAR).executeTakeFirst()
  if (!finance || exists) return { selfEvaluationRounds: 0, selfEvaluationForms: 0 }
  const round = await db
    .insertInto('selfEvalRound')
    .values({
      jurisdictionCode: JURISDICTION,
      fiscalYear: DEMO_YEAR,
      name: `${DEMO_YEAR}年度单位绩效自评`,
      deadline: new Date(ctx.now.getTime() + 30 * 86_400_000),
      status: 'opening',
      openedBy: finance.id,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const opened = await openSelfRoundWork(db, round.id)
  await fillForms(db, ctx, round.id, JURISDICTION, DEMO_YEAR, options.tourUsers ?? tourUsers)
  return { selfEvaluationRounds: 1, selfEvaluationForms: opened.formCount }
}

async function fillForms(db: Db, ctx: Ctx, roundId: string, jurisdictionCode: string, fiscalYear: number, tour: string[]) {
  const rules = (await effectiveRules(db, jurisdictionCode, fiscalYear)).rules
  const tourUnits = tour.length ? (await db.selectFrom('appUser').select('orgCode').where('username', 'in', tour).execute()).map((u) => u.orgCode) : []
  const forms = await db
    .selectFrom('selfEvalForm')
    .leftJoin('project', 'project.id', 'selfEvalForm.projectId')
    .selectAll('selfEvalForm')
    .where('selfEvalForm.roundId', '=', roundId)
    .where('selfEvalForm.goalId', 'is not', null)
    .orderBy('selfEvalForm.kind', 'desc')
    .orderBy('project.code')
    .execute()
  const fillable = forms.filter((f) => !tourUnits.includes(f.unitCode ?? ''))
  for (let start = 0; start < fillable.length; start += 100) {
    const chunk = fillable.slice(start, start + 100)
    await db.transaction().execute(async (trx) => {
      for (const [n, form] of chunk.entries()) {
        const index = start + n
        const wanted = form.kind === 'department' ? 'draft' : statuses[index % statuses.length]!
        if (wanted === 'untouched') continue
        const pace = new Decimal(form.kind === 'department' ? '1.00' : paces[index % paces.length]!)
        const indicators = await repo.formIndicators(trx, form.id)
        for (const ind of indicators) {
          const actual = actualFor(ind, pace)
          await trx
            .updateTable('selfEvalIndicator')
            .set({ actual, deviationReason: pace.lt(1) ? '受项目实施进度和政府采购周期影响，部分指标未达到年度目标；已调整实施计划并加强跟踪。' : null })
            .where('id', '=', ind.id)
            .execute()
        }
        const rate = new Decimal(form.budget).isZero() ? new Decimal(0) : new Decimal(form.executed).dividedBy(form.budget)
        const executionReason = rate.lt(rules.executionReasonBelow) ? '部分合同尾款待项目验收后支付，年底前未能全部支出。' : null
        await trx
          .updateTable('selfEvalForm')
          .set({
            executionReason,
            overallActual: pace.gte(1) ? '全面完成年度绩效目标，各项指标均达到预期。' : '基本完成年度主要任务，部分指标未达到年度目标值。',
            problems: pace.gte(1) ? '无明显问题。' : '项目前期准备不足，实施进度滞后于计划；绩效指标设置的可衡量性有待提高。',
            measures: pace.gte(1) ? '继续做好项目管理和绩效跟踪。' : '加强项目前期论证和进度管理，按季度开展绩效监控并及时纠偏。',
          })
          .where('id', '=', form.id)
          .execute()
        const filled = await repo.formIndicators(trx, form.id)
        const scored = scoreSelfEvaluation(scoringInput({ budget: form.budget, executed: form.executed, executionWeight: form.executionWeight, executionReason }, filled), rules)
        await storeScores(trx, form.id, form, filled, scored, ctx.now)
        if (wanted === 'draft' || scored.problems.length > 0 || filled.length === 0) continue
        const path: SelfEvalStatus[] = wanted === 'submitted' ? ['submitted'] : wanted === 'dept_accepted' ? ['submitted', 'dept_accepted'] : wanted === 'accepted' ? ['submitted', 'dept_accepted', 'accepted'] : ['submitted', 'returned']
        let from: SelfEvalStatus = 'draft'
        for (const to of path) {
          const action = to === 'submitted' ? 'submit' : to === 'dept_accepted' ? 'dept_accept' : to === 'accepted' ? 'accept' : 'return'
          const opinion = to === 'returned' ? '偏差原因分析不够具体，请补充未达成指标的原因和整改时间安排后重新提交。' : to === 'submitted' ? '' : '同意。'
          await trx.insertInto('selfEvalOpinion').values({ formId: form.id, action, fromStatus: from, toStatus: to, opinion, createdAt: ctx.now }).execute()
          from = to
        }
        await trx
          .updateTable('selfEvalForm')
          .set((eb) => ({ status: wanted, submittedAt: ctx.now, acceptedAt: wanted === 'accepted' ? ctx.now : null, version: eb('version', '+', 1) }))
          .where('id', '=', form.id)
          .execute()
      }
    })
  }
}
