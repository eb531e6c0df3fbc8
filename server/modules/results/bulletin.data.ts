import { type ExpressionBuilder, sql } from 'kysely'
import { assessmentConsequence } from '../../../domain/assessment.ts'
import { chinaDay } from '../../../domain/corrective-actions.ts'
import { selfEvalSubmittedStatuses } from '../../../domain/evaluation.ts'
import { type Grade, grades } from '../../../domain/rule-set.ts'
import type { Db } from '../../db/database.ts'
import type { Database } from '../../db/schema.ts'
import type { ActorCtx } from '../../http/context.ts'
import { figuresByDepartment, lateByUnit } from '../monitoring/dashboard.repository.ts'
import { effectiveRules } from '../rule-sets/rule-sets.service.ts'

/**
 * What a 通报 says, gathered once and rendered by bulletin.docx.ts: coverage (submitted of total, per department),
 * the distribution of grades (or, for monitoring, of project lights) per department, the good and the poor, who
 * reported late, the rectification items still open per department, and for a 考核 the ranking with its
 * consequences. Every function reads; none writes.
 */

const TOP = 10

export interface BulletinRow {
  name: string
  owner: string
  figure: string
  mark: string
}

export interface BulletinData {
  kind: 'self_round' | 'monitoring_round' | 'assessment'
  title: string
  subtitle: string
  scopeName: string
  groupLabel: string
  coverage: { total: number; submitted: number; late: number; rows: { name: string; total: number; submitted: number; late: number }[] }
  distribution: { labels: string[]; rows: { name: string; counts: number[] }[]; totals: number[] }
  good: BulletinRow[]
  poor: BulletinRow[]
  late: { name: string; department: string; count: number }[]
  rectifications: { total: number; overdue: number; rows: { name: string; open: number; overdue: number }[] }
  ranking: { rank: number | null; name: string; total: string | null; grade: Grade | null; consequence: string }[]
  generatedAt: Date
}

const n = (v: unknown) => Number(v ?? 0)
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0)

/** Open (not closed) rectification items per department, of the given sources or of a jurisdiction's year. */
async function openRectifications(db: Db, today: string, narrow: (eb: ExpressionBuilder<Database, 'rectification'>) => ReturnType<ExpressionBuilder<Database, 'rectification'>['and']>) {
  const rows = await db
    .selectFrom('rectification')
    .innerJoin('orgNode as department', 'department.code', 'rectification.departmentCode')
    .where('rectification.status', '<>', 'closed')
    .where(narrow)
    .select((eb) => ['rectification.departmentCode', 'department.name as departmentName', eb.fn.countAll<number>().as('open'), eb.fn.countAll<number>().filterWhere('rectification.dueOn', '<', today).as('overdue')])
    .groupBy(['rectification.departmentCode', 'department.name'])
    .orderBy('rectification.departmentCode')
    .execute()
  const out = rows.map((r) => ({ name: r.departmentName, open: n(r.open), overdue: n(r.overdue) }))
  return { total: sum(out.map((r) => r.open)), overdue: sum(out.map((r) => r.overdue)), rows: out }
}

const totalsOf = (rows: { counts: number[] }[], width: number) => Array.from({ length: width }, (_, i) => sum(rows.map((r) => r.counts[i] ?? 0)))

/** 单位自评情况通报 of a round: coverage rule 38, grades of the submitted forms, open items raised by them. */
export async function selfRoundBulletinData(db: Db, ctx: ActorCtx, round: { id: string; name: string; fiscalYear: number; jurisdictionName: string; deadline: Date }): Promise<BulletinData> {
  const now = ctx.now
  const forms = () => db.selectFrom('selfEvalForm').innerJoin('selfEvalRound', 'selfEvalRound.id', 'selfEvalForm.roundId').where('selfEvalForm.roundId', '=', round.id)
  const submitted = [...selfEvalSubmittedStatuses]
  const lateWhen = (eb: ExpressionBuilder<Database, 'selfEvalForm' | 'selfEvalRound'>) =>
    eb.and([eb('selfEvalForm.status', 'in', ['draft', 'returned']), eb(eb.fn.coalesce('selfEvalForm.extensionUntil', 'selfEvalRound.deadline'), '<', now)])
  const byDepartment = await forms()
    .innerJoin('orgNode as department', 'department.code', 'selfEvalForm.departmentCode')
    .select((eb) => {
      const count = () => eb.fn.countAll<number>()
      const graded = (g: Grade) => count().filterWhere((e) => e.and([e('selfEvalForm.status', 'in', submitted), e('selfEvalForm.grade', '=', g)]))
      return ['selfEvalForm.departmentCode', 'department.name as departmentName', count().as('total'), count().filterWhere('selfEvalForm.status', 'in', submitted).as('submitted'), count().filterWhere(lateWhen).as('late'), graded('优').as('g1'), graded('良').as('g2'), graded('中').as('g3'), graded('差').as('g4')]
    })
    .groupBy(['selfEvalForm.departmentCode', 'department.name'])
    .orderBy('selfEvalForm.departmentCode')
    .execute()
  const ranked = (list: Grade[], direction: 'asc' | 'desc') =>
    forms()
      .innerJoin('orgNode as department', 'department.code', 'selfEvalForm.departmentCode')
      .leftJoin('orgNode as unit', 'unit.code', 'selfEvalForm.unitCode')
      .leftJoin('project', 'project.id', 'selfEvalForm.projectId')
      .where('selfEvalForm.status', 'in', submitted)
      .where('selfEvalForm.grade', 'in', list)
      .select(['project.name as projectName', 'project.code as projectCode', 'unit.name as unitName', 'department.name as departmentName', 'selfEvalForm.total', 'selfEvalForm.grade'])
      .orderBy('selfEvalForm.total', direction)
      .orderBy('project.code')
      .limit(TOP)
      .execute()
  const asRow = (r: Awaited<ReturnType<typeof ranked>>[number]): BulletinRow => ({
    name: r.projectName ? `${r.projectName}（${r.projectCode}）` : `${r.departmentName}部门整体支出`,
    owner: r.unitName ?? r.departmentName,
    figure: r.total ?? '—',
    mark: r.grade ?? '—',
  })
  const late = await forms()
    .innerJoin('orgNode as department', 'department.code', 'selfEvalForm.departmentCode')
    .leftJoin('orgNode as unit', 'unit.code', 'selfEvalForm.unitCode')
    .where(lateWhen)
    .select((eb) => ['unit.name as unitName', 'department.name as departmentName', eb.fn.countAll<number>().as('late')])
    .groupBy(['unit.name', 'department.name'])
    .orderBy(sql`count(*)`, 'desc')
    .orderBy('department.name')
    .execute()
  const rows = byDepartment.map((d) => ({ name: d.departmentName, counts: [n(d.g1), n(d.g2), n(d.g3), n(d.g4)] }))
  const formIds = forms().select('selfEvalForm.id')
  return {
    kind: 'self_round',
    title: `${round.jurisdictionName}${round.fiscalYear}年度预算绩效单位自评情况通报`,
    subtitle: `（${round.name}，截止 ${chinaDay(round.deadline)}）`,
    scopeName: round.jurisdictionName,
    groupLabel: '主管部门',
    coverage: {
      total: sum(byDepartment.map((d) => n(d.total))),
      submitted: sum(byDepartment.map((d) => n(d.submitted))),
      late: sum(byDepartment.map((d) => n(d.late))),
      rows: byDepartment.map((d) => ({ name: d.departmentName, total: n(d.total), submitted: n(d.submitted), late: n(d.late) })),
    },
    distribution: { labels: [...grades], rows, totals: totalsOf(rows, 4) },
    good: (await ranked(['优'], 'desc')).map(asRow),
    poor: (await ranked(['中', '差'], 'asc')).map(asRow),
    late: late.map((l) => ({ name: l.unitName ?? `${l.departmentName}（部门整体）`, department: l.departmentName, count: n(l.late) })),
    rectifications: await openRectifications(db, chinaDay(now), (eb) => eb.and([eb('rectification.sourceType', '=', 'self_evaluation'), eb('rectification.sourceId', 'in', formIds)])),
    ranking: [],
    generatedAt: now,
  }
}

/** 运行监控情况通报 of a round: reporting per department, project lights, the best executed and the red ones. */
export async function monitoringRoundBulletinData(db: Db, ctx: ActorCtx, round: { id: string; name: string; fiscalYear: number; cutoffMonth: number; jurisdictionName: string; deadline: Date }): Promise<BulletinData> {
  const { actor, now } = ctx
  const figures = await figuresByDepartment(db, actor, round.id, now)
  const forms = () =>
    db
      .selectFrom('monitoringForm')
      .innerJoin('project', 'project.id', 'monitoringForm.projectId')
      .innerJoin('orgNode as department', 'department.code', 'monitoringForm.departmentCode')
      .leftJoin('orgNode as unit', 'unit.code', 'monitoringForm.unitCode')
      .where('monitoringForm.roundId', '=', round.id)
      .select(['project.name as projectName', 'project.code as projectCode', 'unit.name as unitName', 'department.name as departmentName', 'monitoringForm.executionRate', 'monitoringForm.projectLight'])
  const lightName = { red: '红灯', yellow: '黄灯', green: '绿灯', blue: '蓝灯' } as const
  const asRow = (r: Awaited<ReturnType<ReturnType<typeof forms>['execute']>>[number]): BulletinRow => ({
    name: `${r.projectName}（${r.projectCode}）`,
    owner: r.unitName ?? r.departmentName,
    figure: r.executionRate ?? '—',
    mark: r.projectLight ? lightName[r.projectLight] : '未亮灯',
  })
  const good = await forms()
    .where('monitoringForm.projectLight', 'in', ['green', 'blue'])
    .orderBy(sql`execution_rate desc nulls last`)
    .orderBy('project.code')
    .limit(TOP)
    .execute()
  const poor = await forms().where('monitoringForm.projectLight', '=', 'red').orderBy(sql`execution_rate asc nulls first`).orderBy('project.code').limit(TOP).execute()
  const late = await lateByUnit(db, actor, round.id, now)
  const rows = figures.map((f) => ({ name: f.departmentName, counts: [n(f.red), n(f.yellow), n(f.green), n(f.blue), n(f.unlit)] }))
  const formIds = db.selectFrom('monitoringForm').select('monitoringForm.id').where('monitoringForm.roundId', '=', round.id)
  return {
    kind: 'monitoring_round',
    title: `${round.jurisdictionName}${round.fiscalYear}年预算绩效运行监控情况通报`,
    subtitle: `（${round.name}，1—${round.cutoffMonth} 月，截止 ${chinaDay(round.deadline)}）`,
    scopeName: round.jurisdictionName,
    groupLabel: '主管部门',
    coverage: {
      total: sum(figures.map((f) => n(f.forms))),
      submitted: sum(figures.map((f) => n(f.reported))),
      late: sum(figures.map((f) => n(f.late))),
      rows: figures.map((f) => ({ name: f.departmentName, total: n(f.forms), submitted: n(f.reported), late: n(f.late) })),
    },
    distribution: { labels: ['红灯', '黄灯', '绿灯', '蓝灯', '未亮灯'], rows, totals: totalsOf(rows, 5) },
    good: good.map(asRow),
    poor: poor.map(asRow),
    late: late.map((l) => ({ name: l.unitName ?? `${l.departmentName}（部门整体）`, department: l.departmentName, count: n(l.late) })),
    rectifications: await openRectifications(db, chinaDay(now), (eb) => eb.and([eb('rectification.sourceType', '=', 'monitoring_form'), eb('rectification.sourceId', 'in', formIds)])),
    ranking: [],
    generatedAt: now,
  }
}

/** 考核结果通报 of a bureau's year (rule 47): coverage of self-assessment, grades, ranking with totals and consequences. */
export async function assessmentBulletinData(db: Db, ctx: ActorCtx, bureau: { code: string; name: string }, fiscalYear: number): Promise<BulletinData | null> {
  const today = chinaDay(ctx.now)
  const rows = await db
    .selectFrom('assessment')
    .innerJoin('orgNode', 'orgNode.code', 'assessment.orgCode')
    .where('assessment.jurisdictionCode', '=', bureau.code)
    .where('assessment.fiscalYear', '=', fiscalYear)
    .select(['assessment.orgCode', 'orgNode.name as orgName', 'assessment.orgKind', 'assessment.status', 'assessment.dueOn', 'assessment.total', 'assessment.grade', 'assessment.rank'])
    .orderBy(sql`rank asc nulls last`)
    .orderBy('assessment.orgCode')
    .execute()
  if (rows.length === 0) return null
  const rules = (await effectiveRules(db, bureau.code, fiscalYear)).rules
  const kindName = { department: '部门', jurisdiction: '区财政' } as const
  const isLate = (r: (typeof rows)[number]) => r.status === 'self_assessing' && String(r.dueOn) < today
  const kinds = (['department', 'jurisdiction'] as const).filter((k) => rows.some((r) => r.orgKind === k))
  const distribution = kinds.map((k) => ({ name: kindName[k], counts: grades.map((g) => rows.filter((r) => r.orgKind === k && r.grade === g).length) }))
  const asRow = (r: (typeof rows)[number]): BulletinRow => ({ name: r.orgName, owner: kindName[r.orgKind], figure: r.total ?? '—', mark: r.grade ?? '—' })
  const byTotal = (a: (typeof rows)[number], b: (typeof rows)[number]) => Number(b.total ?? 0) - Number(a.total ?? 0)
  const consequenceName = { interview: '约谈', none: '—' } as const
  return {
    kind: 'assessment',
    title: `${bureau.name}${fiscalYear}年度预算绩效管理工作考核结果通报`,
    subtitle: `（考核对象：本级各部门${kinds.includes('jurisdiction') ? '及下级区财政部门' : ''}，共 ${rows.length} 个）`,
    scopeName: bureau.name,
    groupLabel: '考核对象类别',
    coverage: {
      total: rows.length,
      submitted: rows.filter((r) => r.status !== 'self_assessing').length,
      late: rows.filter(isLate).length,
      rows: kinds.map((k) => {
        const of = rows.filter((r) => r.orgKind === k)
        return { name: kindName[k], total: of.length, submitted: of.filter((r) => r.status !== 'self_assessing').length, late: of.filter(isLate).length }
      }),
    },
    distribution: { labels: [...grades], rows: distribution, totals: totalsOf(distribution, 4) },
    good: rows.filter((r) => r.grade === '优').sort(byTotal).slice(0, TOP).map(asRow),
    poor: rows.filter((r) => r.grade === '中' || r.grade === '差').sort(byTotal).reverse().slice(0, TOP).map(asRow),
    late: rows.filter(isLate).map((r) => ({ name: r.orgName, department: kindName[r.orgKind], count: 1 })),
    rectifications: await openRectifications(db, today, (eb) => eb.and([eb('rectification.jurisdictionCode', '=', bureau.code), eb('rectification.fiscalYear', '=', fiscalYear)])),
    ranking: rows.map((r) => ({ rank: r.rank, name: r.orgName, total: r.total, grade: r.grade, consequence: r.grade ? consequenceName[assessmentConsequence(r.grade, rules)] : '—' })),
    generatedAt: ctx.now,
  }
}
