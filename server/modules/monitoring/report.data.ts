import type { Db } from '../../db/database.ts'
import type { ActorCtx } from '../../http/context.ts'
import { timeProgress as timeProgressOf } from '../../../domain/monitoring-dashboard.ts'
import { addFigures, summarize } from './dashboard.service.ts'
import { figuresByDepartment, figuresByUnit, formsOfRound, largestDeviations, lateByUnit } from './dashboard.repository.ts'
import type { RoundRow } from './dashboard.scope.ts'

/** What the monitoring report of a round says, for the whole jurisdiction or one department: read once, rendered by report.docx.ts. */

const PROBLEM_FORMS = 30
const ACTIONS = 50

/** Red and yellow projects with the indicators that lag (red, or 有可能 / 不可能 to be met). */
async function problems(db: Db, ctx: ActorCtx, round: RoundRow, departmentCode: string | null) {
  const forms = await formsOfRound(db, ctx.actor, round.id, departmentCode)
    .innerJoin('project', 'project.id', 'monitoringForm.projectId')
    .innerJoin('orgNode as unit', 'unit.code', 'monitoringForm.unitCode')
    .where('monitoringForm.projectLight', 'in', ['red', 'yellow'])
    .select(['monitoringForm.id', 'project.code as projectCode', 'project.name as projectName', 'unit.name as unitName', 'monitoringForm.projectLight', 'monitoringForm.budgetLight', 'monitoringForm.executionRate'])
    .orderBy((eb) => eb.case().when('monitoringForm.projectLight', '=', 'red').then(0).else(1).end())
    .orderBy('project.code')
    .limit(PROBLEM_FORMS)
    .execute()
  const indicators = forms.length
    ? await db
        .selectFrom('monitoringFormIndicator')
        .select(['formId', 'name', 'target', 'unit', 'progress', 'likelihood', 'causeCategory', 'deviationAnalysis', 'measures', 'light'])
        .where('formId', 'in', forms.map((f) => f.id))
        .where((eb) => eb.or([eb('light', '=', 'red'), eb('likelihood', 'in', ['possible', 'impossible'])]))
        .orderBy('formId')
        .orderBy('sortOrder')
        .execute()
    : []
  return forms.map((f) => ({ ...f, indicators: indicators.filter((i) => i.formId === f.id) }))
}

/** How many lagging indicators give each cause category. */
async function causes(db: Db, ctx: ActorCtx, round: RoundRow, departmentCode: string | null) {
  const rows = await formsOfRound(db, ctx.actor, round.id, departmentCode)
    .innerJoin('monitoringFormIndicator', 'monitoringFormIndicator.formId', 'monitoringForm.id')
    .where('monitoringFormIndicator.likelihood', 'in', ['possible', 'impossible'])
    .select((eb) => ['monitoringFormIndicator.causeCategory', 'monitoringFormIndicator.likelihood', eb.fn.countAll<number>().as('count')])
    .groupBy(['monitoringFormIndicator.causeCategory', 'monitoringFormIndicator.likelihood'])
    .execute()
  return rows.map((r) => ({ ...r, count: Number(r.count) }))
}

/** Corrective actions taken on the round's forms the caller sees. */
async function actions(db: Db, ctx: ActorCtx, round: RoundRow, departmentCode: string | null) {
  return formsOfRound(db, ctx.actor, round.id, departmentCode)
    .innerJoin('correctiveAction', 'correctiveAction.formId', 'monitoringForm.id')
    .leftJoin('project', 'project.id', 'correctiveAction.projectId')
    .select(['correctiveAction.kind', 'correctiveAction.title', 'correctiveAction.status', 'correctiveAction.amount', 'correctiveAction.liftedAt', 'correctiveAction.createdAt', 'project.name as projectName'])
    .orderBy('correctiveAction.createdAt')
    .limit(ACTIONS)
    .execute()
}

export async function roundReportData(db: Db, ctx: ActorCtx, round: RoundRow, department: { code: string; name: string } | null) {
  const { actor, now } = ctx
  const code = department?.code ?? null
  const groups = department
    ? (await figuresByUnit(db, actor, round.id, department.code, now)).map((g) => ({ name: g.unitName ?? `${department.name}（部门整体）`, figures: g }))
    : (await figuresByDepartment(db, actor, round.id, now)).map((g) => ({ name: g.departmentName, figures: g }))
  const timeProgress = timeProgressOf(round.cutoffMonth)
  return {
    round,
    department,
    timeProgress,
    totals: summarize(addFigures(groups.map((g) => g.figures))),
    groups: groups.map((g) => ({ name: g.name, ...summarize(g.figures) })),
    deviations: await largestDeviations(db, actor, round.id, timeProgress, 10, code),
    late: await lateByUnit(db, actor, round.id, now, code),
    problems: await problems(db, ctx, round, code),
    causes: await causes(db, ctx, round, code),
    actions: await actions(db, ctx, round, code),
    generatedAt: now,
  }
}
export type RoundReportData = Awaited<ReturnType<typeof roundReportData>>
