import {
  canTransition,
  editableStatuses,
  type ProjectStatus,
  projectInputOf,
  projectRuleProblems,
  projectStatusLabels,
  projectTotals,
  transitionPermission,
} from '../../../domain/projects.ts'
import type { Db, Trx } from '../../db/database.ts'
import type { NewProject, OrgNode } from '../../db/schema.ts'
import type { Actor, ActorCtx, Ctx } from '../../http/context.ts'
import { AppError, assertVersion } from '../../http/errors.ts'
import { recordAudit } from '../../platform/audit.ts'
import { assertOwnJurisdiction } from '../../platform/supervision.ts'
import { segmentForIndex } from '../../platform/search.ts'
import { findVisibleOrgNode } from '../org/org.repository.ts'
import * as repo from './projects.repository.ts'
import { assertProjectGates } from './projects.gates.ts'
import { nextProjectCode } from './projects.codes.ts'
import type { CreateProjectInput, NewProjectInput, UpdateProjectInput } from './projects.schemas.ts'

export type ProjectView = NonNullable<Awaited<ReturnType<typeof repo.findVisibleProject>>>

/** Problems of one project input against the rules and the unit it names, with field paths and both languages. */
export function projectProblems(input: CreateProjectInput, unit: OrgNode | undefined) {
  const problems = projectRuleProblems(input)
  if (!unit) problems.unshift({ path: 'unitCode', zh: `预算单位 ${input.unitCode} 不存在或不在您的权限范围内`, en: `Unit ${input.unitCode} does not exist or is outside your scope` })
  else if (unit.kind !== 'unit') problems.unshift({ path: 'unitCode', zh: `${input.unitCode} 不是预算单位`, en: `${input.unitCode} is not a budget unit` })
  else if (unit.status !== 'active') problems.unshift({ path: 'unitCode', zh: `预算单位 ${unit.name} 已停用`, en: `Unit ${unit.name} is disabled` })
  return problems
}

function throwProblems(ctx: Ctx, problems: ReturnType<typeof projectProblems>): never {
  const first = problems[0]!
  throw new AppError(
    'RULE_VIOLATION',
    problems.map((p) => ({ path: p.path, message: p[ctx.lang] })),
    { zh: first.zh, en: first.en },
  )
}

/**
 * The row as stored: org codes from the unit, derived totals (`totals` when the caller has worked them out already),
 * the segmented search text. One literal naming every field: an import makes 100 k of these, and V8 makes a spread
 * followed by more fields ≈ 40 × slower.
 */
export function toProjectRow(input: CreateProjectInput, unit: OrgNode, ctx: Ctx, totals = projectTotals(input)): NewProject {
  return {
    code: input.code,
    name: input.name,
    fiscalYear: input.fiscalYear,
    unitCode: unit.code,
    budgetKind: input.budgetKind,
    attribute: input.attribute,
    projectType: input.projectType,
    objectKind: input.objectKind,
    periodStartYear: input.periodStartYear,
    periodEndYear: input.periodEndYear,
    mediumTermAmount: input.mediumTermAmount,
    amountGeneral: input.amountGeneral,
    amountFund: input.amountFund,
    amountStateCapital: input.amountStateCapital,
    amountSocialInsurance: input.amountSocialInsurance,
    amountOther: input.amountOther,
    isMajorNew: input.isMajorNew,
    description: input.description,
    contactName: input.contactName,
    contactPhone: input.contactPhone,
    amountFiscal: totals.amountFiscal,
    amountTotal: totals.amountTotal,
    jurisdictionCode: unit.jurisdictionCode,
    departmentCode: unit.departmentCode!,
    searchText: segmentForIndex(input.name, input.description, input.code),
    createdBy: ctx.actor?.userId ?? null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  } satisfies Record<keyof CreateProjectInput, unknown> & NewProject
}

async function mustFindForUpdate(trx: Trx, actor: Actor, id: string, version: number) {
  const project = await repo.findVisibleProjectForUpdate(trx, actor, id)
  if (!project) throw new AppError('NOT_FOUND')
  assertVersion(project, version)
  return project
}

/** Edits and deletes: by the project's own side only (its unit, department or bureau), never by a supervising city. */
async function mustFindForEdit(trx: Trx, actor: Actor, id: string, version: number) {
  const project = await mustFindForUpdate(trx, actor, id, version)
  assertOwnJurisdiction(actor, project)
  return project
}

function duplicateCode(code: string, fiscalYear: number) {
  return new AppError('DUPLICATE', [{ path: 'code', message: code }], {
    zh: `${fiscalYear} 年度已有编码为 ${code} 的项目`,
    en: `A ${fiscalYear} project with code ${code} already exists`,
  })
}

/** A unit (or its department, or the bureau) puts a new project into the reserve (储备). */
export async function createProject(db: Db, ctx: ActorCtx, body: NewProjectInput): Promise<ProjectView> {
  const unit = await findVisibleOrgNode(db, ctx.actor, body.unitCode)
  if (!unit) throw new AppError('NOT_FOUND', [{ path: 'unitCode', message: body.unitCode }])
  // A district's projects enter its own bureau's reserve; the city above supervises them, it does not file them.
  assertOwnJurisdiction(ctx.actor, unit)
  const problems = projectProblems({ ...body, code: body.code ?? '' }, unit)
  if (problems.length) throwProblems(ctx, problems)
  return db.transaction().execute(async (trx) => {
    const input = { ...body, code: body.code || (await nextProjectCode(trx, { ...body, jurisdictionCode: unit!.jurisdictionCode, departmentCode: unit!.departmentCode!, unitCode: unit!.code }, ctx.now)) }
    if (await repo.findProjectIdByCode(trx, { jurisdictionCode: unit!.jurisdictionCode, fiscalYear: input.fiscalYear, code: input.code })) {
      throw duplicateCode(input.code, input.fiscalYear)
    }
    const id = await repo.insertProject(trx, toProjectRow(input, unit!, ctx))
    const created = (await repo.findVisibleProject(trx, ctx.actor, id))!
    await recordAudit(trx, ctx, { action: 'project.create', entityType: 'project', entityId: id, after: created })
    return created
  })
}

/** Edits a project while it is still a draft (储备 or 已入库). */
export async function updateProject(db: Db, ctx: ActorCtx, id: string, input: UpdateProjectInput): Promise<ProjectView> {
  return db.transaction().execute(async (trx) => {
    const { version, ...changes } = input
    const project = await mustFindForEdit(trx, ctx.actor, id, version)
    if (!editableStatuses.includes(project.status)) {
      throw new AppError('NOT_EDITABLE', undefined, {
        zh: `项目处于“${projectStatusLabels[project.status].zh}”状态，不能修改`,
        en: `The project is ${projectStatusLabels[project.status].en} and cannot be edited`,
      })
    }
    const merged: CreateProjectInput = { ...inputOf(project), ...stripUndefined(changes) }
    const unit = await findVisibleOrgNode(trx, ctx.actor, merged.unitCode)
    if (!unit) throw new AppError('NOT_FOUND', [{ path: 'unitCode', message: merged.unitCode }])
    assertOwnJurisdiction(ctx.actor, unit)
    const problems = projectProblems(merged, unit)
    if (problems.length) throwProblems(ctx, problems)
    const row = toProjectRow(merged, unit!, ctx)
    if (row.code !== project.code || row.fiscalYear !== project.fiscalYear || row.jurisdictionCode !== project.jurisdictionCode) {
      const clash = await repo.findProjectIdByCode(trx, { jurisdictionCode: row.jurisdictionCode, fiscalYear: row.fiscalYear, code: row.code })
      if (clash && clash.id !== id) throw duplicateCode(row.code, row.fiscalYear)
    }
    const { createdAt: _c, createdBy: _b, ...set } = row
    await repo.updateProjectRow(trx, id, set)
    const updated = (await repo.findVisibleProject(trx, ctx.actor, id))!
    // An edit may not take a project out of what its status requires (raised to a major project in the library
    // without a 予以支持 assessment): the gates of the status it is in are asked again; a refusal writes nothing.
    await assertProjectGates(trx, updated, updated.status)
    await recordAudit(trx, ctx, { action: 'project.update', entityType: 'project', entityId: id, before: project, after: updated })
    return updated
  })
}

/** Deletes a project that never left the reserve; later ones are cancelled instead, to keep their history. */
export async function deleteProject(db: Db, ctx: ActorCtx, id: string, version: number) {
  await db.transaction().execute(async (trx) => {
    const project = await mustFindForEdit(trx, ctx.actor, id, version)
    if (project.status !== 'reserve') {
      throw new AppError('NOT_EDITABLE', undefined, { zh: '只有储备状态的项目可以删除，其他状态请撤销', en: 'Only reserve projects can be deleted; cancel the others' })
    }
    await repo.deleteProjectRow(trx, id)
    await recordAudit(trx, ctx, { action: 'project.delete', entityType: 'project', entityId: id, before: project })
  })
}

/** Moves a project along its lifecycle (入库, 纳入预算, 执行, 完结, 撤销, 退回), with who may do which. */
export async function moveProject(db: Db, ctx: ActorCtx, id: string, input: { status: ProjectStatus; version: number; opinion?: string }) {
  return db.transaction().execute(async (trx) => {
    const project = await mustFindForUpdate(trx, ctx.actor, id, input.version)
    const from = project.status
    if (!canTransition(from, input.status)) {
      throw new AppError('INVALID_TRANSITION', { from, to: input.status }, {
        zh: `项目不能从“${projectStatusLabels[from].zh}”变为“${projectStatusLabels[input.status].zh}”`,
        en: `A project cannot go from ${projectStatusLabels[from].en} to ${projectStatusLabels[input.status].en}`,
      })
    }
    if (!ctx.actor.permissions.has(transitionPermission(from, input.status))) throw new AppError('FORBIDDEN')
    assertOwnJurisdiction(ctx.actor, project)
    await assertProjectGates(trx, project, input.status)
    await repo.updateProjectRow(trx, id, { status: input.status, updatedAt: ctx.now })
    const updated = (await repo.findVisibleProject(trx, ctx.actor, id))!
    await recordAudit(trx, ctx, {
      action: 'project.status',
      entityType: 'project',
      entityId: id,
      before: { status: from },
      after: { status: input.status, opinion: input.opinion ?? null },
    })
    return updated
  })
}

export async function getProject(db: Db, ctx: ActorCtx, id: string): Promise<ProjectView> {
  const project = await repo.findVisibleProject(db, ctx.actor, id)
  if (!project) throw new AppError('NOT_FOUND')
  return project
}

export async function getProjectHistory(db: Db, ctx: ActorCtx, id: string) {
  await getProject(db, ctx, id)
  return repo.projectHistory(db, id)
}

/** The input fields of a stored project, as the form would send them. */
export function inputOf(p: Omit<ProjectView, 'unitName' | 'departmentName'>): CreateProjectInput {
  return projectInputOf(p)
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>
}

/**
 * The actor's project of a year by its code, as a form (the 绩效目标申报表) names it; null when none is in scope.
 * Codes are unique within a jurisdiction: when several jurisdictions in scope use the code, the actor's own wins,
 * and otherwise the code is ambiguous (DUPLICATE).
 */
export async function findVisibleProjectByCode(db: Db | Trx, ctx: ActorCtx, code: string, fiscalYear: number): Promise<ProjectView | null> {
  const found = await repo.findVisibleProjectsByCode(db, ctx.actor, code, fiscalYear)
  if (found.length <= 1) return found[0] ?? null
  const own = found.find((p) => p.jurisdictionCode === ctx.actor.org.jurisdictionCode)
  if (own) return own
  throw new AppError('DUPLICATE', [{ path: 'code', message: code }], {
    zh: `${found.map((p) => p.jurisdictionCode).join('、')} 等多个行政区划都有编码为 ${code} 的 ${fiscalYear} 年度项目，请由项目所属区划的用户导入`,
    en: `Several jurisdictions (${found.map((p) => p.jurisdictionCode).join(', ')}) have a ${fiscalYear} project with code ${code}; import it as a user of the project's jurisdiction`,
  })
}
