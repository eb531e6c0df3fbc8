import { randomUUID } from 'node:crypto'
import { sectorOfDepartment } from '../../../domain/classify.ts'
import type { GoalStatus } from '../../../domain/goals.ts'
import { indicatorFitsProject, projectKindsOf } from '../../../domain/indicator-fit.ts'
import { nationalRules } from '../../../domain/rule-set.ts'
import { parseIndicatorValue } from '../../../domain/indicator-value.ts'
import type { Sector } from '../../../domain/indicators.ts'
import type { Trx } from '../../db/database.ts'
import type { Actor, Ctx } from '../../http/context.ts'
import { recommendForSubject } from '../indicators/indicators.recommend.ts'
import { SHENZHEN_CODE } from '../org/demo-region.data.ts'
import { fields, topicDescription } from '../projects/demo-projects.data.ts'

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
  // Approved; 已公开 means a live public copy, so the disclosure seed (信息公开) publishes the ones the demo shows.
  if (projectStatus === 'executing' || projectStatus === 'closed' || projectStatus === 'budgeted') return 'approved'
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

const REQUIRED_LEVEL1 = nationalRules.requiredLevel1
const levelOrder = (row: { level1: string; level2: string }) => {
  const at = groups.findIndex(([level1, level2]) => level1 === row.level1 && level2 === row.level2)
  return at < 0 ? groups.findIndex(([level1]) => level1 === row.level1) + 0.5 : at
}

// Enough of a project's recommendations that every group has a few fitting ones to choose from.
const RECOMMENDATIONS = 80
// A group's indicators rotate among its best few recommendations, so projects of one kind do not all read alike.
const ROTATION = 3

// The catalogue's topic of a demo project, known by its description: projects of one topic are one kind of work.
const topicByDescription = new Map(fields.flatMap((f) => f.topics).map((topic) => [topicDescription(topic), topic.topic]))

/** Reads the library as the demo's city bureau does: its own indicators and the shared ones. */
async function libraryReader(trx: Trx): Promise<Actor | null> {
  const city = await trx.selectFrom('orgNode').select(['code', 'name', 'kind', 'path']).where('code', '=', SHENZHEN_CODE).executeTakeFirst()
  if (!city) return null
  const org = { ...city, jurisdictionCode: city.code, departmentCode: null }
  return { userId: '', username: 'system', displayName: 'system', roles: [], permissions: new Set(), org, sessionHash: '' }
}

/**
 * Goals for the demo projects, built from each project's recommendations (what a unit is offered when it fills its
 * goal): per group the best-ranked recommended indicators that fit the project — none made for another kind of
 * project or another sector — with the library's example target; a group no recommendation fits takes a fitting
 * library indicator. Recommendations are computed once per kind of project (its topic in its sector). Deterministic.
 */
export async function seedDemoGoals(trx: Trx, ctx: Ctx) {
  const library = (await trx
    .selectFrom('indicator')
    .select(['id', 'code', 'name', 'level1', 'level2', 'nature', 'unit', 'sectors', 'projectKinds', 'exampleTarget', 'valueBasis', 'scoringRule'])
    .where('status', '=', 'active')
    .where('exampleTarget', 'is not', null)
    .orderBy('code')
    .execute()) as LibraryRow[]
  const byId = new Map(library.map((row) => [row.id, row]))
  const reader = await libraryReader(trx)
  const projects = await trx
    .selectFrom('project')
    .innerJoin('orgNode as department', 'department.code', 'project.departmentCode')
    .leftJoin('goal', 'goal.projectId', 'project.id')
    .select(['project.id', 'project.name', 'project.description', 'project.fiscalYear', 'project.status', 'project.jurisdictionCode', 'project.departmentCode', 'project.unitCode', 'department.name as departmentName'])
    .where('goal.id', 'is', null)
    .orderBy('project.code')
    .execute()
  const recommended = new Map<string, LibraryRow[]>()
  async function recommendationsFor(project: (typeof projects)[number], sector: Sector | null) {
    const topic = topicByDescription.get(project.description)
    const key = topic ? `${topic}|${sector}` : `${project.name}|${project.description}|${sector}`
    let rows = recommended.get(key)
    if (!rows) {
      const subject = { name: topic ?? project.name, description: project.description, departmentName: project.departmentName, projectId: null }
      const { items } = reader ? await recommendForSubject(trx, reader, subject, RECOMMENDATIONS, { peers: false }) : { items: [] }
      rows = items.flatMap((item) => byId.get(item.id) ?? [])
      recommended.set(key, rows)
    }
    return rows
  }
  let goals = 0
  const goalRows = []
  const indicatorRows = []
  for (const [index, project] of projects.entries()) {
    const status = statusOf(project.status, index)
    if (!status) continue
    const sector = sectorOfDepartment(project.departmentName)
    const fit = { kinds: projectKindsOf(project.name, project.description), sector }
    const fits = (row: LibraryRow) => indicatorFitsProject(row, fit)
    const recommendedFits = (await recommendationsFor(project, sector)).filter(fits)
    const libraryFits = library.filter(fits)
    // Best the recommended ones; where none fits, the library's fitting ones; a group neither has stays empty.
    const poolOf = (match: (row: LibraryRow) => boolean, size: number) => {
      const recommendedHere = recommendedFits.filter(match)
      return (recommendedHere.length ? recommendedHere : libraryFits.filter(match)).slice(0, Math.max(size, ROTATION))
    }
    const picked = groups.flatMap(([level1, level2, count]) => {
      const pool = poolOf((row) => row.level1 === level1 && row.level2 === level2, count)
      return Array.from({ length: Math.min(count, pool.length) }, (_, k) => pool[(index + k) % pool.length]!)
    })
    for (const level1 of new Set(groups.map(([level1]) => level1))) {
      if (picked.some((row) => row.level1 === level1)) continue
      const pool = poolOf((row) => row.level1 === level1, 1)
      if (pool.length) picked.push(pool[index % pool.length]!)
    }
    // A goal without the 一级 every goal needs would not pass review: better none than one that does not fit.
    if (!REQUIRED_LEVEL1.every((level1) => picked.some((row) => row.level1 === level1))) continue
    picked.sort((a, b) => levelOrder(a) - levelOrder(b))
    const id = randomUUID()
    const inForce = status === 'approved' || status === 'published'
    const first = picked[0]!
    // Goals come before money: an approved goal of a year was approved before the year began (or now, if that is later).
    const approvedBefore = new Date(Math.min(ctx.now.getTime(), Date.UTC(project.fiscalYear - 1, 11, 20, 2)))
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
      submittedAt: status === 'draft' ? null : inForce ? approvedBefore : ctx.now,
      approvedAt: inForce ? approvedBefore : null,
      publishedAt: status === 'published' ? approvedBefore : null,
      inForceFrom: inForce ? approvedBefore : null,
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

/** What a 部门整体支出 goal of the demo says: 履职 outputs, effects and satisfaction (REFERENCE §6.7). */
const departmentIndicators = [
  { level1: '产出指标', level2: '数量指标', name: '重点工作任务完成率', nature: '>=' as const, target: '95', unit: '%' },
  { level1: '产出指标', level2: '时效指标', name: '重点工作按期办结率', nature: '>=' as const, target: '90', unit: '%' },
  { level1: '产出指标', level2: '成本指标', name: '"三公"经费支出较上年变动率', nature: '<=' as const, target: '0', unit: '%' },
  { level1: '效益指标', level2: '社会效益指标', name: '部门职责履行成效', nature: 'qualitative' as const, target: '履职成效明显，群众获得感增强', unit: '' },
  { level1: '效益指标', level2: '可持续影响指标', name: '制度建设完善程度', nature: 'qualitative' as const, target: '内控制度健全并有效执行', unit: '' },
  { level1: '满意度指标', level2: '服务对象满意度指标', name: '服务对象满意度', nature: '>=' as const, target: '90', unit: '%' },
]

/**
 * 部门整体支出 goals of the demo: one approved goal per 深圳市 department with budgeted money in a year, for each year
 * it has, approved before the year began — so monitoring rounds have their 部门整体监控 forms and self-evaluation
 * its 部门整体自评. Idempotent: a department and year that has one already is skipped.
 */
export async function seedDemoDepartmentGoals(trx: Trx, ctx: Ctx) {
  const departments = await trx
    .selectFrom('project')
    .innerJoin('orgNode as department', 'department.code', 'project.departmentCode')
    .select(['project.jurisdictionCode', 'project.departmentCode', 'project.fiscalYear', 'department.name as departmentName'])
    .distinct()
    .where('project.jurisdictionCode', '=', SHENZHEN_CODE)
    .where('project.status', 'in', ['budgeted', 'executing', 'closed'])
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('goal').select('goal.id').where('goal.kind', '=', 'department').whereRef('goal.departmentCode', '=', 'project.departmentCode').whereRef('goal.fiscalYear', '=', 'project.fiscalYear'))),
    )
    .orderBy('project.departmentCode')
    .orderBy('project.fiscalYear')
    .execute()
  for (const d of departments) {
    const approvedAt = new Date(Math.min(ctx.now.getTime(), Date.UTC(d.fiscalYear - 1, 11, 22, 2)))
    const goal = await trx
      .insertInto('goal')
      .values({
        lineageId: randomUUID(),
        kind: 'department',
        projectId: null,
        fiscalYear: d.fiscalYear,
        jurisdictionCode: d.jurisdictionCode,
        departmentCode: d.departmentCode,
        unitCode: null,
        name: `${d.departmentName}${d.fiscalYear}年度部门整体支出绩效目标`,
        overallTarget: `${d.fiscalYear}年${d.departmentName}全面履行部门职责，重点工作按期完成，预算执行规范，服务对象满意度保持较高水平。`,
        annualTarget: `完成年度重点工作任务，预算执行率不低于90%，“三公”经费只减不增。`,
        mediumTermTarget: '',
        frameworkCode: 'legacy-88',
        status: 'approved',
        financeGrade: '良',
        submittedAt: approvedAt,
        approvedAt,
        inForceFrom: approvedAt,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await trx
      .insertInto('goalIndicator')
      .values(departmentIndicators.map((ind, i) => ({ goalId: goal.id, sortOrder: i + 1, ...ind, indicatorId: null, indicatorCode: null, targetNumber: ind.nature === 'qualitative' ? null : ind.target, targetBaseUnit: ind.nature === 'qualitative' ? null : ind.unit, valueBasis: 'plan' as const, scoringRule: '' })))
      .execute()
  }
  return { departmentGoals: departments.length }
}
