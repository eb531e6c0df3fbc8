import { randomUUID } from 'node:crypto'
import { projectKindsOfText, sectorOfDepartment } from '../../../domain/classify.ts'
import type { GoalStatus } from '../../../domain/goals.ts'
import { parseIndicatorValue } from '../../../domain/indicator-value.ts'
import type { Trx } from '../../db/database.ts'
import type { Ctx } from '../../http/context.ts'

/** The groups a demo goal fills, one library indicator each (two for 数量): every 一级 the rules require and more. */
const groups: [string, string, number][] = [
  ['产出指标', '数量指标', 2],
  ['产出指标', '质量指标', 1],
  ['产出指标', '时效指标', 1],
  ['效益指标', '社会效益指标', 1],
  ['满意度指标', '服务对象满意度指标', 1],
]

/** Where each demo project's goal stands: budgeted and later projects have approved goals (先有目标，后有预算). */
function statusOf(projectStatus: string, index: number): GoalStatus | null {
  // Published with the budget, except some budgeted ones the bureau has yet to publish (its to-do).
  if (projectStatus === 'executing' || projectStatus === 'closed') return 'published'
  if (projectStatus === 'budgeted') return index % 4 === 0 ? 'approved' : 'published'
  if (projectStatus === 'library') return (['draft', 'submitted', 'dept_approved', 'returned', null] as const)[index % 5]!
  return null
}

interface LibraryRow {
  id: string
  code: string
  name: string
  level1: string
  level2: string
  nature: string
  unit: string
  sectors: string[]
  projectKinds: string[]
  exampleTarget: string | null
  valueBasis: string
  scoringRule: string
}

/**
 * Goals for the demo projects, built from the library: for each group the indicator made for the project's type
 * (read from its name) or its department's sector, with the library's example target. Deterministic.
 */
export async function seedDemoGoals(trx: Trx, ctx: Ctx) {
  const library = (await trx
    .selectFrom('indicator')
    .select(['id', 'code', 'name', 'level1', 'level2', 'nature', 'unit', 'sectors', 'projectKinds', 'exampleTarget', 'valueBasis', 'scoringRule'])
    .where('status', '=', 'active')
    .where('exampleTarget', 'is not', null)
    .orderBy('code')
    .execute()) as LibraryRow[]
  const projects = await trx
    .selectFrom('project')
    .innerJoin('orgNode as department', 'department.code', 'project.departmentCode')
    .leftJoin('goal', 'goal.projectId', 'project.id')
    .select(['project.id', 'project.name', 'project.fiscalYear', 'project.status', 'project.jurisdictionCode', 'project.departmentCode', 'project.unitCode', 'department.name as departmentName'])
    .where('goal.id', 'is', null)
    .orderBy('project.code')
    .execute()
  let goals = 0
  const goalRows = []
  const indicatorRows = []
  for (const [index, project] of projects.entries()) {
    const status = statusOf(project.status, index)
    if (!status) continue
    const kinds = projectKindsOfText(project.name) as string[]
    const sector = sectorOfDepartment(project.departmentName)
    const picked = groups.flatMap(([level1, level2, count]) => {
      const candidates = library.filter((i) => i.level1 === level1 && i.level2 === level2)
      const fitting = candidates.filter((i) => i.projectKinds.some((k) => kinds.includes(k)) || (sector && i.sectors.includes(sector)))
      const pool = fitting.length ? fitting : candidates.filter((i) => !i.sectors.length)
      return Array.from({ length: Math.min(count, pool.length) }, (_, k) => pool[(index + k * 7) % pool.length]!)
    })
    if (!picked.length) continue
    const id = randomUUID()
    const inForce = status === 'approved' || status === 'published'
    const first = picked[0]!
    goalRows.push({
      id,
      lineageId: randomUUID(),
      kind: 'project' as const,
      projectId: project.id,
      fiscalYear: project.fiscalYear,
      jurisdictionCode: project.jurisdictionCode,
      departmentCode: project.departmentCode,
      unitCode: project.unitCode,
      name: `${project.name}绩效目标`,
      overallTarget: `按期完成${project.name}，${first.name}${first.exampleTarget}，服务对象满意度达到预期。`,
      annualTarget: `${project.fiscalYear}年完成${project.name}年度任务，${first.name}${first.exampleTarget}。`,
      mediumTermTarget: '',
      frameworkCode: 'legacy-88',
      status,
      financeGrade: inForce ? (index % 2 === 0 ? '优' : '良') as '优' | '良' : null,
      reviewRound: status === 'returned' ? 2 : 1,
      submittedAt: status === 'draft' ? null : ctx.now,
      approvedAt: inForce ? ctx.now : null,
      publishedAt: status === 'published' ? ctx.now : null,
      inForceFrom: inForce ? ctx.now : null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    for (const [sortOrder, row] of picked.entries()) {
      const value = parseIndicatorValue(row.exampleTarget!, { unit: row.unit })
      const quantitative = value.kind === 'quantitative'
      indicatorRows.push({
        goalId: id,
        sortOrder: sortOrder + 1,
        level1: row.level1,
        level2: row.level2,
        name: row.name,
        indicatorId: row.id,
        indicatorCode: row.code,
        nature: quantitative ? value.nature : ('qualitative' as const),
        target: quantitative ? value.value : row.exampleTarget!,
        unit: quantitative ? value.unit : '',
        targetNumber: quantitative ? value.normalized.value : null,
        targetBaseUnit: quantitative ? value.normalized.unit : null,
        valueBasis: row.valueBasis as 'plan',
        scoringRule: row.scoringRule,
      })
    }
    goals++
  }
  for (let i = 0; i < goalRows.length; i += 500) await trx.insertInto('goal').values(goalRows.slice(i, i + 500)).execute()
  for (let i = 0; i < indicatorRows.length; i += 1000) await trx.insertInto('goalIndicator').values(indicatorRows.slice(i, i + 1000)).execute()
  const returned = goalRows.filter((g) => g.status === 'returned')
  if (returned.length) {
    await trx
      .insertInto('goalOpinion')
      .values(returned.map((g) => ({ goalId: g.id, round: 1, stage: 'dept' as const, action: 'return', opinion: '请细化数量指标并补充满意度调查方式。', createdAt: ctx.now })))
      .execute()
  }
  return { goals }
}
