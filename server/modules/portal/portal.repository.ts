import { sql } from 'kysely'
import type { PublicPayloads, PublicRecordKind } from '../../../domain/disclosure.ts'
import type { Db } from '../../db/database.ts'
import { fetchPage, likeContains, type Page } from '../../http/paging.ts'
import { liveCopies } from '../disclosure/public-records.ts'

/**
 * What the public portal reads: the live public copies (liveCopies) and nothing else — the jurisdiction's name
 * is the one other fact it shows, joined from the org tree. Withdrawn and superseded copies, the source records,
 * who published: none of it is selected here.
 */
export interface PortalRecord<K extends PublicRecordKind = PublicRecordKind> {
  kind: K
  jurisdictionCode: string
  fiscalYear: number
  departmentCode: string | null
  recordKey: string
  title: string
  payload: PublicPayloads[K]
  fileId: string | null
  publishedAt: Date
}

export interface RecordFilter {
  jurisdictionCode: string
  fiscalYear: number
  kind: PublicRecordKind
  q?: string
  department?: string
}

const departmentName = sql<string | null>`coalesce(public_record.payload->>'departmentName', public_record.payload->>'orgName')`

function live(db: Db) {
  return liveCopies(db).select([
    'publicRecord.kind',
    'publicRecord.jurisdictionCode',
    'publicRecord.fiscalYear',
    'publicRecord.departmentCode',
    'publicRecord.recordKey',
    'publicRecord.title',
    'publicRecord.payload',
    'publicRecord.fileId',
    'publicRecord.publishedAt',
  ])
}

type LiveQuery = ReturnType<typeof live>

function matching(query: LiveQuery, q: string | undefined): LiveQuery {
  if (!q) return query
  const like = likeContains(q)
  return query.where((eb) =>
    eb.or([
      eb('publicRecord.title', 'ilike', like),
      eb('publicRecord.recordKey', 'ilike', like),
      eb(departmentName, 'ilike', like),
      eb(sql<string>`public_record.payload->>'unitName'`, 'ilike', like),
    ]),
  )
}

function filtered(db: Db, filter: RecordFilter): LiveQuery {
  let query = live(db).where('publicRecord.jurisdictionCode', '=', filter.jurisdictionCode).where('publicRecord.fiscalYear', '=', filter.fiscalYear).where('publicRecord.kind', '=', filter.kind)
  if (filter.department) query = query.where('publicRecord.departmentCode', '=', filter.department)
  return matching(query, filter.q).orderBy('publicRecord.departmentCode').orderBy('publicRecord.recordKey')
}

const asRecords = <K extends PublicRecordKind>(rows: unknown[]) => rows as PortalRecord<K>[]

/** One page of a kind's records of a jurisdiction and year, by department then code. */
export async function pageRecords<K extends PublicRecordKind>(db: Db, filter: RecordFilter & { kind: K }, page: { page: number; pageSize: number }): Promise<Page<PortalRecord<K>>> {
  const result = await fetchPage(filtered(db, filter), page)
  return { ...result, items: asRecords<K>(result.items) }
}

/** Every matching record (open data: the list's CSV and JSON carry the whole filtered list, not one page). */
export async function allRecords<K extends PublicRecordKind>(db: Db, filter: RecordFilter & { kind: K }): Promise<PortalRecord<K>[]> {
  return asRecords<K>(await filtered(db, filter).execute())
}

export async function findRecord<K extends PublicRecordKind>(db: Db, where: { jurisdictionCode: string; fiscalYear: number; kind: K; recordKey: string }): Promise<PortalRecord<K> | undefined> {
  const row = await live(db)
    .where('publicRecord.jurisdictionCode', '=', where.jurisdictionCode)
    .where('publicRecord.fiscalYear', '=', where.fiscalYear)
    .where('publicRecord.kind', '=', where.kind)
    .where('publicRecord.recordKey', '=', where.recordKey)
    .executeTakeFirst()
  return row as PortalRecord<K> | undefined
}

/** The departments that have published records of a kind in a jurisdiction and year (for the filter). */
export async function recordDepartments(db: Db, where: { jurisdictionCode: string; fiscalYear: number; kind: PublicRecordKind }) {
  const rows = await liveCopies(db)
    .select(['publicRecord.departmentCode', departmentName.as('name')])
    .where('publicRecord.jurisdictionCode', '=', where.jurisdictionCode)
    .where('publicRecord.fiscalYear', '=', where.fiscalYear)
    .where('publicRecord.kind', '=', where.kind)
    .where('publicRecord.departmentCode', 'is not', null)
    .distinct()
    .orderBy('publicRecord.departmentCode')
    .execute()
  const byCode = new Map<string, string>()
  for (const row of rows) if (row.departmentCode && !byCode.has(row.departmentCode)) byCode.set(row.departmentCode, row.name ?? row.departmentCode)
  return [...byCode].map(([code, name]) => ({ code, name }))
}

export interface PublishedYear {
  jurisdictionCode: string
  jurisdictionName: string
  fiscalYear: number
  counts: Partial<Record<PublicRecordKind, number>>
}

/** Each jurisdiction and year with published records, and how many of each kind (the portal's home). */
export async function publishedYears(db: Db, where: { jurisdictionCode?: string; fiscalYear?: number } = {}): Promise<PublishedYear[]> {
  let query = liveCopies(db)
    .innerJoin('orgNode', 'orgNode.code', 'publicRecord.jurisdictionCode')
    .select(['publicRecord.jurisdictionCode', 'orgNode.name', 'publicRecord.fiscalYear', 'publicRecord.kind', (eb) => eb.fn.countAll<string>().as('count')])
    .groupBy(['publicRecord.jurisdictionCode', 'orgNode.name', 'publicRecord.fiscalYear', 'publicRecord.kind'])
    .orderBy('publicRecord.jurisdictionCode')
    .orderBy('publicRecord.fiscalYear', 'desc')
  if (where.jurisdictionCode) query = query.where('publicRecord.jurisdictionCode', '=', where.jurisdictionCode)
  if (where.fiscalYear) query = query.where('publicRecord.fiscalYear', '=', where.fiscalYear)
  const years = new Map<string, PublishedYear>()
  for (const row of await query.execute()) {
    const key = `${row.jurisdictionCode}/${row.fiscalYear}`
    const year = years.get(key) ?? { jurisdictionCode: row.jurisdictionCode, jurisdictionName: row.name, fiscalYear: row.fiscalYear, counts: {} }
    year.counts[row.kind] = Number(row.count)
    years.set(key, year)
  }
  return [...years.values()]
}

/** Published records of every jurisdiction, year and kind whose title, code or department matches. */
export async function searchRecords(db: Db, q: string, page: { page: number; pageSize: number }) {
  const query = matching(live(db), q)
    .innerJoin('orgNode', 'orgNode.code', 'publicRecord.jurisdictionCode')
    .select('orgNode.name as jurisdictionName')
    .orderBy('publicRecord.fiscalYear', 'desc')
    .orderBy('publicRecord.jurisdictionCode')
    .orderBy('publicRecord.kind')
    .orderBy('publicRecord.recordKey')
  const result = await fetchPage(query, page)
  return { ...result, items: result.items as (PortalRecord & { jurisdictionName: string })[] }
}

/** A published report's stored file: its type, size and hash (for the ETag), never its stored name. */
export async function reportFileHead(db: Db, fileId: string) {
  return db.selectFrom('storedFile').select(['contentType', 'sizeBytes', 'sha256']).where('id', '=', fileId).executeTakeFirst()
}
