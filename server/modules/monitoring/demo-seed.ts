import Decimal from 'decimal.js'
import { parseIndicatorValue } from '../../../domain/indicator-value.ts'
import type { Likelihood, MonitoringFormStatus } from '../../../domain/monitoring.ts'
import type { Db } from '../../db/database.ts'
import type { Ctx } from '../../http/context.ts'
import { effectiveRules } from '../rule-sets/rule-sets.service.ts'
import { seedDemoActions } from './actions.demo-seed.ts'
import { recomputeLights } from './monitoring.lights.ts'
import { openRoundWork } from './rounds.open.ts'

const DEMO_YEAR = 2026
/** 深圳市 and 南山区 (the city sees the district's round read-only). */
const demoRounds = [
  { jurisdictionCode: '440300', financeUser: 'sz_finance_admin' },
  { jurisdictionCode: '440305', financeUser: 'ns_finance_admin' },
] as const
/** The demo units' own forms stay untouched drafts, for the tour (and the browser journey) to fill. */
const tourUsers = ['sz_edu_unit', 'ns_edu_unit']

/** How far along each indicator is against its time-proportional target: mostly on track, some behind, a few ahead. */
const paces = ['1.00', '0.95', '1.05', '0.85', '0.70', '1.30', '0.90', '0.40', '1.00', '0.75'] as const
/** The workflow state a form is left in, by its position: every status occurs. */
const statuses: (MonitoringFormStatus | 'untouched')[] = ['accepted', 'dept_accepted', 'submitted', 'draft', 'accepted', 'returned', 'untouched', 'submitted', 'accepted', 'dept_accepted']

function progressFor(target: string, nature: string, unit: string, month: number, pace: Decimal): string | null {
  if (nature === 'qualitative') return pace.gte('0.8') ? '达成' : pace.gte('0.6') ? '部分达成' : '未达成'
  const value = parseIndicatorValue(target, { nature: nature as never, unit })
  if (value.kind !== 'quantitative') return null
  const t = new Decimal(value.value)
  // Reverse indicators are within their bound unless far behind; positive ones move with time.
  if (nature === '<=' || nature === '<') return (pace.lt('0.5') ? t.times('1.2') : t.times('0.9')).toDecimalPlaces(2).toString()
  if (t.isZero()) return '0'
  return t.times(month).dividedBy(12).times(pace).toDecimalPlaces(2).toString()
}

function likelihoodFor(pace: Decimal): Likelihood {
  return pace.lt('0.5') ? 'impossible' : pace.lt('0.8') ? 'possible' : 'certain'
}

/**
 * The demo's 双监控: a round of 深圳市 and one of 南山区 for 2026 at the rule set's first cut-off, opened as finance
 * would (forms from the goals in force, funds from the payments, lit before they show), then filled to a mix of progress and statuses so
 * every light and every workflow state shows, and a few corrective actions on red forms. Runs after the demo's one
 * transaction (opening a round works in its own chunked transactions). Skips a jurisdiction that already has a
 * 2026 round, so a second run adds nothing. `jurisdictions` names others (the cockpit's demo adds 福田区).
 */
export async function seedDemoMonitoring(db: Db, ctx: Ctx, jurisdictions: readonly { jurisdictionCode: string; financeUser: string }[] = demoRounds) {
  let rounds = 0
  let forms = 0
  for (const demo of jurisdictions) {
    const finance = await db.selectFrom('appUser').select(['id', 'orgCode']).where('username', '=', demo.financeUser).executeTakeFirst()
    const exists = await db.selectFrom('monitoringRound').select('id').where('jurisdictionCode', '=', demo.jurisdictionCode).where('fiscalYear', '=', DEMO_YEAR).executeTakeFirst()
    if (!finance || exists) continue
    const { rules } = await effectiveRules(db, demo.jurisdictionCode, DEMO_YEAR)
    const month = Math.min(...rules.monitoringCutoffMonths)
    const round = await db
      .insertInto('monitoringRound')
      .values({
        jurisdictionCode: demo.jurisdictionCode,
        fiscalYear: DEMO_YEAR,
        cutoffMonth: month,
        name: `${DEMO_YEAR}年1—${month}月绩效运行监控`,
        deadline: new Date(ctx.now.getTime() + 14 * 86_400_000),
        status: 'opening',
        openedBy: finance.id,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const opened = await openRoundWork(db, round.id)
    await fillForms(db, ctx, round.id, month)
    rounds += 1
    forms += opened.formCount
  }
  // Measures on the red forms of the rounds opened just now; a later run finds nothing new to act on.
  const actions = rounds > 0 ? await db.transaction().execute((trx) => seedDemoActions(trx, ctx)) : 0
  return { monitoringRounds: rounds, monitoringForms: forms, correctiveActions: actions }
}

async function fillForms(db: Db, ctx: Ctx, roundId: string, month: number) {
  const tourUnits = (await db.selectFrom('appUser').select('orgCode').where('username', 'in', tourUsers).execute()).map((u) => u.orgCode)
  const rows = await db
    .selectFrom('monitoringForm')
    .innerJoin('project', 'project.id', 'monitoringForm.projectId')
    .select(['monitoringForm.id', 'monitoringForm.unitCode', 'monitoringForm.budgetAdjusted', 'monitoringForm.goalId'])
    .where('monitoringForm.roundId', '=', roundId)
    .where('monitoringForm.kind', '=', 'project')
    .orderBy('project.code')
    .execute()
  const fillable = rows.filter((f) => f.goalId !== null && !tourUnits.includes(f.unitCode ?? ''))
  for (let start = 0; start < fillable.length; start += 200) {
    const chunk = fillable.slice(start, start + 200)
    await db.transaction().execute(async (trx) => {
      const indicators = await trx
        .selectFrom('monitoringFormIndicator')
        .select(['id', 'formId', 'nature', 'target', 'unit'])
        .where('formId', 'in', chunk.map((f) => f.id))
        .orderBy('formId')
        .orderBy('sortOrder')
        .execute()
      for (const [n, form] of chunk.entries()) {
        const index = start + n
        const status = statuses[index % statuses.length]!
        if (status === 'untouched') continue
        const own = indicators.filter((i) => i.formId === form.id)
        for (const [k, ind] of own.entries()) {
          // Every eleventh form runs ahead on every indicator: over-achievement (蓝) shows only when nothing lags.
          const pace = new Decimal(index % 11 === 3 ? '1.30' : paces[(index + k * 3) % paces.length]!)
          const likelihood = likelihoodFor(pace)
          const behind = likelihood !== 'certain'
          await trx
            .updateTable('monitoringFormIndicator')
            .set({
              progress: progressFor(ind.target, ind.nature, ind.unit, month, pace),
              likelihood,
              causeCategory: behind ? (['funding', 'institution', 'staffing', 'hardware', 'other'] as const)[index % 5]! : null,
              deviationAnalysis: behind ? '受政府采购程序和实施进度影响，上半年完成进度低于时间进度。' : '',
              measures: behind ? '已完成招标，下半年加快实施并按月跟踪进度。' : '',
            })
            .where('id', '=', ind.id)
            .execute()
        }
        await trx
          .updateTable('monitoringForm')
          .set({
            unitForecast: new Decimal(form.budgetAdjusted).times(index % 4 === 0 ? '0.70' : '0.96').toDecimalPlaces(2).toFixed(2),
            overallProgress: '项目按计划推进，上半年完成主要阶段性任务。',
          })
          .where('id', '=', form.id)
          .execute()
      }
      // Lights and the forecast while the funds still follow payments; then the workflow moves on.
      await recomputeLights(trx, chunk.map((f) => f.id))
      for (const [n, form] of chunk.entries()) {
        const status = statuses[(start + n) % statuses.length]!
        if (status === 'untouched' || status === 'draft') continue
        await trx
          .updateTable('monitoringForm')
          .set({ status, submittedAt: ctx.now, acceptedAt: status === 'accepted' ? ctx.now : null })
          .where('id', '=', form.id)
          .execute()
        if (status === 'returned') {
          await trx.insertInto('monitoringOpinion').values({ formId: form.id, stage: 'dept', action: 'return', opinion: '偏差原因分析不够具体，请补充采购进度和下一步时间安排后重新提交。', createdAt: ctx.now }).execute()
        }
      }
    })
  }
}
