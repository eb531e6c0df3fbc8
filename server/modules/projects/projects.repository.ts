import { sql } from 'kysely'
import type { Db, Trx } from '../../db/database.ts'
import type { NewProject, ProjectTable } from '../../db/schema.ts'
import type { Updateable } from 'kysely'
import type { Actor } from '../../http/context.ts'
import { likeContains, whereEquals } from '../../http/paging.ts'
import { projectVisibleTo } from '../../platform/scope.ts'
import { queryTerms, tsQueryOf } from '../../platform/search.ts'
import type { ProjectListFilter } from './projects.schemas.ts'

export const projectColumns = [
  'project.id',
  'project.code',
  'project.name',
  'project.fiscalYear',
  'project.jurisdictionCode',
  'project.departmentCode',
  'project.unitCode',
  'unitNode.name as unitName',
  'departmentNode.name as departmentName',
  'project.budgetKind',
  'project.attribute',
  'project.projectType',
  'project.objectKind',
  'project.periodStartYear',
  'project.periodEndYear',
  'project.mediumTermAmount',
  'project.amountGeneral',
  'project.amountFund',
  'project.amountStateCapital',
  'project.amountSocialInsurance',
  'project.amountFiscal',
  'project.amountOther',
  'project.amountTotal',
  'project.isMajorNew',
  'project.description',
  'project.contactName',
  'project.contactPhone',
  'project.status',
  'project.version',
  'project.createdAt',
  'project.updatedAt',
] as const

function visibleProjects(db: Db | Trx, actor: Actor) {
  return db
    .selectFrom('project')
    .innerJoin('orgNode as unitNode', 'unitNode.code', 'project.unitCode')
    .innerJoin('orgNode as departmentNode', 'departmentNode.code', 'project.departmentCode')
    .where(projectVisibleTo(actor))
}

type ListFilter = Omit<ProjectListFilter, 'page' | 'pageSize' | 'amountUnit'>

// Part of a project code worth matching inside codes: three or more of its characters, not one digit of many.
const CODE_LIKE = /^[0-9A-Za-z_-]{3,}$/

/** The actor's projects that match the filter, from the project table alone: counting them needs no joins. */
function matchingProjects(db: Db, actor: Actor, filter: ListFilter) {
  let query = db.selectFrom('project').where(projectVisibleTo(actor))
  query = whereEquals(query, filter, { fiscalYear: 'project.fiscalYear', jurisdictionCode: 'project.jurisdictionCode', departmentCode: 'project.departmentCode', unitCode: 'project.unitCode', budgetKind: 'project.budgetKind', objectKind: 'project.objectKind', attribute: 'project.attribute', projectType: 'project.projectType', status: 'project.status', isMajorNew: 'project.isMajorNew' })
  if (filter.minAmount !== undefined) query = query.where('project.amountTotal', '>=', filter.minAmount)
  if (filter.maxAmount !== undefined) query = query.where('project.amountTotal', '<=', filter.maxAmount)

  if (filter.q) {
    const q = filter.q.trim()
    const terms = queryTerms(q)
    // Besides the words: a name containing the text (words jieba splits otherwise), a code containing a code-like text.
    query = query.where((eb) =>
      terms.length
        ? eb.or([
            eb(sql`to_tsvector('simple', project.search_text)`, '@@', sql`to_tsquery('simple', ${tsQueryOf(terms)})`),
            eb('project.name', 'ilike', likeContains(q)),
            ...(CODE_LIKE.test(q) ? [eb('project.code', 'ilike', likeContains(q))] : []),
          ])
        : sql<boolean>`false`,
    )
  }
  return query
}

/** The number of projects listProjects returns for the filter. */
export function countProjects(db: Db, actor: Actor, filter: ListFilter) {
  return matchingProjects(db, actor, filter).select((eb) => eb.fn.countAll<number>().as('total'))
}

/** The actor's projects, filtered; ranked by relevance when searching without an explicit sort. */
export function listProjects(db: Db, actor: Actor, filter: ListFilter) {
  let query = matchingProjects(db, actor, filter)
    .innerJoin('orgNode as unitNode', 'unitNode.code', 'project.unitCode')
    .innerJoin('orgNode as departmentNode', 'departmentNode.code', 'project.departmentCode')
    .select(projectColumns)
  const terms = filter.q ? queryTerms(filter.q) : []
  const direction = filter.sort ? filter.order : 'desc'
  if (!filter.sort && terms.length) {
    query = query.orderBy(sql`ts_rank(to_tsvector('simple', project.search_text), to_tsquery('simple', ${tsQueryOf(terms)}))`, 'desc')
  } else {
    const sortColumn = { code: 'project.code', name: 'project.name', fiscalYear: 'project.fiscalYear', amountTotal: 'project.amountTotal', status: 'project.status', updatedAt: 'project.updatedAt' } as const
    query = query.orderBy(sortColumn[filter.sort ?? 'updatedAt'], direction)
  }
  // Ties break on id in the sort's direction, so (…, amount_total, id) indexes give pages in order, unsorted.
  return query.orderBy('project.id', direction)
}

export function findVisibleProject(db: Db | Trx, actor: Actor, id: string) {
  return visibleProjects(db, actor).select(projectColumns).where('project.id', '=', id).executeTakeFirst()
}

export function findVisibleProjectForUpdate(trx: Trx, actor: Actor, id: string) {
  return visibleProjects(trx, actor).select(projectColumns).where('project.id', '=', id).forUpdate('project').executeTakeFirst()
}

export function findProjectIdByCode(db: Db | Trx, key: { jurisdictionCode: string; fiscalYear: number; code: string }) {
  return db
    .selectFrom('project')
    .select(['id', 'version', 'status', 'unitCode'])
    .where('jurisdictionCode', '=', key.jurisdictionCode)
    .where('fiscalYear', '=', key.fiscalYear)
    .where('code', '=', key.code)
    .executeTakeFirst()
}

export async function insertProject(trx: Trx, row: NewProject) {
  const { id } = await trx.insertInto('project').values(row).returning('id').executeTakeFirstOrThrow()
  return id
}

export async function updateProjectRow(trx: Trx, id: string, changes: Omit<Updateable<ProjectTable>, 'id' | 'version'>) {
  await trx
    .updateTable('project')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute()
}

export async function deleteProjectRow(trx: Trx, id: string) {
  await trx.deleteFrom('project').where('id', '=', id).execute()
}

/** The project's own audit trail: creation, edits, status moves, attachments. */
export function projectHistory(db: Db, projectId: string) {
  return db
    .selectFrom('auditLog')
    .select(['seq as id', 'at', 'actorUsername as username', 'action', 'before', 'after'])
    .where('entityType', '=', 'project')
    .where('entityId', '=', projectId)
    .orderBy('seq')
    .execute()
}

/** The actor's projects of a year with this code: one per jurisdiction at most (codes are unique within one). */
export function findVisibleProjectsByCode(db: Db | Trx, actor: Actor, code: string, fiscalYear: number) {
  return visibleProjects(db, actor).select(projectColumns).where('project.code', '=', code).where('project.fiscalYear', '=', fiscalYear).orderBy('project.jurisdictionCode').execute()
}
