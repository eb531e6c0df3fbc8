import { chinaDay } from '../../../domain/corrective-actions.ts'
import { selfEvalSubmittedStatuses } from '../../../domain/evaluation.ts'
import { type GoalStatus, goalInForceStatuses } from '../../../domain/goals.ts'
import { isMajorProject, poorGrades, type SelfEvaluationSummary, summariseSelfEvaluations } from '../../../domain/npc.ts'
import type { RectificationStatus } from '../../../domain/results.ts'
import type { Grade } from '../../../domain/rule-set.ts'
import type { Db } from '../../db/database.ts'
import { targetText } from '../goals/goals.excel.write.ts'
import { effectiveRules } from '../rule-sets/rule-sets.service.ts'

/**
 * What a department's 人大材料 says, gathered once and rendered by npc.docx.ts: the major projects of the year under
 * review with their goals and indicators, the department's overall goal, last year's key evaluation results, last
 * year's self-evaluation in figures (with the 中 and 差 named), and every rectification item still open. Reads only.
 */

export interface NpcDepartment {
  code: string
  name: string
  jurisdictionCode: string
  jurisdictionName: string
}

export interface NpcIndicator {
  level1: string
  level2: string
  name: string
  target: string
}

export interface NpcGoal {
  name: string
  annualTarget: string
  status: GoalStatus
  indicators: NpcIndicator[]
}

export interface NpcPackageData {
  fiscalYear: number
  lastYear: number
  department: NpcDepartment
  majorAmount: string
  majorProjects: { code: string; name: string; unitName: string; amountTotal: string; isMajorNew: boolean; goal: NpcGoal | null }[]
  departmentGoal: NpcGoal | null
  keyEvaluations: { name: string; projectCode: string | null; total: string | null; grade: Grade | null; conclusion: string }[]
  selfEvaluation: SelfEvaluationSummary & { poor: { name: string; unitName: string; total: string | null; grade: Grade }[] }
  rectifications: { problem: string; ownerName: string; projectName: string | null; fiscalYear: number; dueOn: string; status: RectificationStatus; overdue: boolean }[]
  generatedAt: Date
}

const GOAL_FIELDS = ['goal.id', 'goal.name', 'goal.annualTarget', 'goal.status', 'goal.projectId'] as const

/** The goals in force (approved or published) of the department's year, newest revision first, with their indicators. */
async function goalsInForce(db: Db, department: string, fiscalYear: number, kind: 'project' | 'department') {
  const goals = await db
    .selectFrom('goal')
    .select([...GOAL_FIELDS])
    .where('goal.departmentCode', '=', department)
    .where('goal.fiscalYear', '=', fiscalYear)
    .where('goal.kind', '=', kind)
    .where('goal.status', 'in', [...goalInForceStatuses])
    .orderBy('goal.revision', 'desc')
    .execute()
  const indicators = goals.length
    ? await db.selectFrom('goalIndicator').select(['goalId', 'level1', 'level2', 'name', 'nature', 'target', 'unit']).where('goalId', 'in', goals.map((g) => g.id)).orderBy('goalId').orderBy('sortOrder').execute()
    : []
  return goals.map((g) => ({
    projectId: g.projectId,
    goal: {
      name: g.name,
      annualTarget: g.annualTarget,
      status: g.status,
      indicators: indicators.filter((i) => i.goalId === g.id).map((i) => ({ level1: i.level1, level2: i.level2, name: i.name, target: targetText(i) })),
    } satisfies NpcGoal,
  }))
}

/** The package of one department for the budget review of `fiscalYear` (its results are those of `fiscalYear - 1`). */
export async function npcPackageData(db: Db, department: NpcDepartment, fiscalYear: number, now: Date): Promise<NpcPackageData> {
  const lastYear = fiscalYear - 1
  const today = chinaDay(now)
  const rules = (await effectiveRules(db, department.jurisdictionCode, fiscalYear)).rules
  const projects = await db
    .selectFrom('project')
    .innerJoin('orgNode as unit', 'unit.code', 'project.unitCode')
    .select(['project.id', 'project.code', 'project.name', 'unit.name as unitName', 'project.amountTotal', 'project.isMajorNew'])
    .where('project.departmentCode', '=', department.code)
    .where('project.fiscalYear', '=', fiscalYear)
    .where('project.status', '<>', 'cancelled')
    .orderBy('project.amountTotal', 'desc')
    .orderBy('project.code')
    .execute()
  const projectGoals = await goalsInForce(db, department.code, fiscalYear, 'project')
  const majorProjects = projects
    .filter((p) => isMajorProject(p, rules))
    .map((p) => ({ code: p.code, name: p.name, unitName: p.unitName, amountTotal: p.amountTotal, isMajorNew: p.isMajorNew, goal: projectGoals.find((g) => g.projectId === p.id)?.goal ?? null }))
  const departmentGoal = (await goalsInForce(db, department.code, fiscalYear, 'department'))[0]?.goal ?? null

  const keyEvaluations = await db
    .selectFrom('keyEvaluation')
    .leftJoin('keyEvaluationPlan', 'keyEvaluationPlan.keyEvaluationId', 'keyEvaluation.id')
    .leftJoin('project', 'project.id', 'keyEvaluation.projectId')
    .select(['keyEvaluation.name', 'project.code as projectCode', 'keyEvaluation.total', 'keyEvaluation.grade', 'keyEvaluationPlan.conclusion'])
    .where('keyEvaluation.departmentCode', '=', department.code)
    .where('keyEvaluation.fiscalYear', '=', lastYear)
    .where('keyEvaluation.stage', 'in', ['final', 'reported'])
    .orderBy('keyEvaluation.total', 'desc')
    .orderBy('keyEvaluation.name')
    .execute()

  const forms = await db
    .selectFrom('selfEvalForm')
    .leftJoin('project', 'project.id', 'selfEvalForm.projectId')
    .leftJoin('orgNode as unit', 'unit.code', 'selfEvalForm.unitCode')
    .select(['project.name as projectName', 'project.code as projectCode', 'unit.name as unitName', 'selfEvalForm.total', 'selfEvalForm.grade'])
    .where('selfEvalForm.departmentCode', '=', department.code)
    .where('selfEvalForm.fiscalYear', '=', lastYear)
    .where('selfEvalForm.kind', '=', 'project')
    .where('selfEvalForm.status', 'in', [...selfEvalSubmittedStatuses])
    .orderBy('selfEvalForm.total', 'asc')
    .orderBy('project.code')
    .execute()
  const poor = forms
    .filter((f) => f.grade && poorGrades.includes(f.grade))
    .map((f) => ({ name: `${f.projectName ?? ''}（${f.projectCode ?? ''}）`, unitName: f.unitName ?? department.name, total: f.total, grade: f.grade! }))

  const open = await db
    .selectFrom('rectification')
    .innerJoin('orgNode as owner', 'owner.code', 'rectification.ownerCode')
    .leftJoin('project', 'project.id', 'rectification.projectId')
    .select(['rectification.problem', 'owner.name as ownerName', 'project.name as projectName', 'rectification.fiscalYear', 'rectification.dueOn', 'rectification.status'])
    .where('rectification.departmentCode', '=', department.code)
    .where('rectification.status', '<>', 'closed')
    .orderBy('rectification.dueOn')
    .orderBy('rectification.createdAt')
    .execute()

  return {
    fiscalYear,
    lastYear,
    department,
    majorAmount: rules.exAnte.majorProjectAmount,
    majorProjects,
    departmentGoal,
    keyEvaluations: keyEvaluations.map((k) => ({ ...k, conclusion: k.conclusion ?? '' })),
    selfEvaluation: { ...summariseSelfEvaluations(forms), poor },
    rectifications: open.map((r) => ({ ...r, dueOn: String(r.dueOn), overdue: String(r.dueOn) < today })),
    generatedAt: now,
  }
}
