import { once } from 'node:events'
import type { Readable } from 'node:stream'
import archiver from 'archiver'
import type { GoalView } from '../../../domain/goals.ts'
import { projectAttributeLabels, projectTypeLabels } from '../../../domain/projects.ts'
import type { Db } from '../../db/database.ts'
import type { ActorCtx } from '../../http/context.ts'
import { AppError } from '../../http/errors.ts'
import { getProject, type ProjectView } from '../projects/projects.service.ts'
import type { GoalListFilter } from './goals.schemas.ts'
import { listGoalsForExport, readGoal } from './goals.service.ts'
import { type Declaration, declarationWorkbook } from './goals.excel.write.ts'
import { DECLARATION_LIST_NAME, declarationFileNames, declarationListWorkbook } from './goals.export.list.ts'

/** Goals as filled 申报表: the goal's content with its project's block (units, attribute, period, money). */

export interface DeclarationFile {
  fileName: string
  content: Buffer
}

function declarationOf(goal: GoalView, project: ProjectView | null): Declaration {
  const period = project ? (project.periodStartYear === project.periodEndYear ? `${project.periodStartYear}年` : `${project.periodStartYear}年—${project.periodEndYear}年`) : ''
  return {
    fiscalYear: goal.fiscalYear,
    project: {
      code: goal.projectCode ?? '',
      name: goal.projectName ?? goal.name,
      departmentName: goal.departmentName,
      unitName: goal.unitName ?? '',
      attribute: project ? `${projectAttributeLabels[project.attribute].zh}、${projectTypeLabels[project.projectType].zh}` : '',
      period,
      amounts: project ? { mediumTerm: project.mediumTermAmount, annual: project.amountTotal, fiscal: project.amountFiscal, other: project.amountOther } : null,
    },
    content: goal,
  }
}

async function projectOf(db: Db, ctx: ActorCtx, goal: GoalView): Promise<ProjectView | null> {
  if (!goal.projectId) return null
  return getProject(db, ctx, goal.projectId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return null
    throw error
  })
}

/** One project goal's 申报表. */
export async function exportDeclaration(db: Db, ctx: ActorCtx, id: string): Promise<DeclarationFile> {
  const goal = await readGoal(db, ctx, id)
  if (goal.kind !== 'project') {
    throw new AppError('RULE_VIOLATION', undefined, { zh: '只有项目支出绩效目标有申报表', en: 'Only project goals have a declaration form' })
  }
  const content = await declarationWorkbook([declarationOf(goal, await projectOf(db, ctx, goal))])
  return { fileName: `绩效目标申报表-${goal.projectCode ?? goal.name}-${goal.fiscalYear}.xlsx`, content }
}

export type DeclarationFilter = Pick<Partial<GoalListFilter>, 'departmentCode' | 'fiscalYear' | 'status'>

export interface DeclarationArchive {
  fileName: string
  stream: Readable
}

/**
 * Every project goal in scope that matches, as a .zip: 目录.xlsx with one row per goal, and each goal's 申报表 as a
 * file of its own (named by number, project code and name). The zip is written while it is sent, one goal's workbook
 * at a time, so a department's two thousand goals never sit in memory as one workbook.
 */
export async function exportDeclarationArchive(db: Db, ctx: ActorCtx, filter: DeclarationFilter, maxGoals: number): Promise<DeclarationArchive> {
  const goals = await listGoalsForExport(db, ctx, { ...filter, kind: 'project' }, maxGoals)
  const fileNames = declarationFileNames(goals)
  const zip = archiver('zip', { zlib: { level: 6 } })
  const add = async (content: Buffer, name: string) => {
    // The next workbook is built only once this one is in the zip: the client's pace bounds what is held.
    const added = once(zip, 'entry')
    zip.append(content, { name })
    await added
  }
  ;(async () => {
    await add(await declarationListWorkbook(goals, fileNames), DECLARATION_LIST_NAME)
    for (const [i, goal] of goals.entries()) await add(await declarationWorkbook([declarationOf(goal, await projectOf(db, ctx, goal))]), fileNames[i]!)
    await zip.finalize()
  })().catch((error: unknown) => zip.destroy(error as Error))
  return { fileName: `绩效目标申报表${filter.fiscalYear ? `-${filter.fiscalYear}` : ''}.zip`, stream: zip }
}
