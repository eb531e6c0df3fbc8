import { randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type ChainedFields, chainHash } from '../platform/audit.ts'
import { auditKeyId } from '../platform/audit-key.ts'
import { verifyAuditChain } from '../platform/audit-verify.ts'
import { emptyDatabase } from '../test/empty-database.ts'
import type { Db } from './database.ts'

// Migration 2026_12_12_11 on a database with rows written under the schema before it (both engines).
const BEFORE = '2026_12_11_52_transfer_district_projects'
const key = randomBytes(32)
let database: Awaited<ReturnType<typeof emptyDatabase>>
let db: Db

async function seedOldSchema(db: Db) {
  await sql`
    insert into org_node (code, kind, name, level, jurisdiction_code, path) values ('990100', 'jurisdiction', '测试市', 'city', '990100', '990100');
    insert into org_node (code, kind, name, parent_code, jurisdiction_code, department_code, path) values ('990100-D', 'department', '测试局', '990100', '990100', '990100-D', '990100.D');
    insert into org_node (code, kind, name, parent_code, jurisdiction_code, department_code, path) values ('990100-U', 'unit', '测试单位', '990100-D', '990100', '990100-D', '990100.D.U');
  `.execute(db)
  for (const year of [2019, 2025, 2026]) {
    await sql`
      insert into project (id, code, name, fiscal_year, jurisdiction_code, department_code, unit_code, budget_kind, attribute, project_type, object_kind, period_start_year, period_end_year, status)
      values (${`00000000-0000-4000-8000-00000000${year}`}::uuid, ${`P${year}`}, ${`项目${year}`}, ${year}, '990100', '990100-D', '990100-U', 'general', 'new', 'one_off', 'general', ${year}, ${year}, 'executing')
    `.execute(db)
    await sql`
      insert into execution_payment (jurisdiction_code, project_id, fiscal_year, paid_on, month, amount, fund_source, voucher_no, source)
      values ('990100', ${`00000000-0000-4000-8000-00000000${year}`}::uuid, ${year}, ${`${year}-03-05`}::date, 3, '1234.56', '一般公共预算资金', ${`V${year}`}, 'import')
    `.execute(db)
  }
  const round = await sql<{ id: string }>`
    insert into monitoring_round (jurisdiction_code, fiscal_year, cutoff_month, name, deadline, status)
    values ('990100', 2025, 6, '2025年1-6月', now(), 'open') returning id
  `.execute(db)
  const form = await sql<{ id: string }>`
    insert into monitoring_form (round_id, kind, project_id, jurisdiction_code, department_code, unit_code, fiscal_year, cutoff_month)
    values (${round.rows[0]!.id}::uuid, 'project', '00000000-0000-4000-8000-000000002025'::uuid, '990100', '990100-D', '990100-U', 2025, 6) returning id
  `.execute(db)
  for (const sort of [1, 2]) {
    await sql`
      insert into monitoring_form_indicator (form_id, sort_order, level1, level2, name, nature, target, progress)
      values (${form.rows[0]!.id}::uuid, ${sort}, '产出指标', '数量指标', ${`指标${sort}`}, '>=', '100', '60')
    `.execute(db)
  }
  // Audit rows in 2024, on the last evening of 2025 in UTC (already 2026 in China) and in 2026, keyed as the app writes them.
  await sql`update audit_head set key_id = ${auditKeyId(key)}`.execute(db)
  let prevHash = '0'.repeat(64)
  const instants = ['2024-06-01T02:00:00Z', '2025-12-31T16:30:00Z', '2026-03-01T02:00:00Z']
  for (const [index, at] of instants.entries()) {
    const row: ChainedFields = { seq: index + 1, at: new Date(at), actorId: null, actorUsername: 'old', actorOrgPath: null, action: 'test.old', entityType: 'test', entityId: String(index), before: null, after: { n: index }, requestId: null, clientIp: null }
    const hash = chainHash(prevHash, row, { key, keyedFromSeq: 1 })
    await db.insertInto('auditLog').values({ ...row, after: JSON.stringify(row.after), prevHash, hash }).execute()
    await sql`update audit_head set seq = ${row.seq}, hash = ${hash}`.execute(db)
    prevHash = hash
  }
}

const partitionCounts = (table: string) =>
  sql<{ part: string; n: number }>`select tableoid::regclass::text as part, count(*)::int as n from ${sql.table(table)} group by 1 order by 1`
    .execute(db)
    .then((r) => Object.fromEntries(r.rows.map((row) => [row.part, Number(row.n)])))

beforeAll(async () => {
  database = await emptyDatabase()
  db = database.handle.db
  await database.migrateTo(BEFORE)
  await seedOldSchema(db)
  await database.migrateToLatest()
})
afterAll(async () => {
  await database?.drop()
})

describe('partitioning by fiscal year, on a database with data', () => {
  test('every row moved into its year’s partition', async () => {
    expect(await partitionCounts('execution_payment')).toEqual({ execution_payment_y2019: 1, execution_payment_y2025: 1, execution_payment_y2026: 1 })
    expect(await partitionCounts('monitoring_form_indicator')).toEqual({ monitoring_form_indicator_y2025: 2 })
    // The calendar year is China's: 16:30 UTC on 31 December is already the next year.
    expect(await partitionCounts('audit_log')).toEqual({ audit_log_y2024: 1, audit_log_y2026: 2 })
    const kinds = await sql<{ relname: string; kind: string }>`select relname, relkind::text as kind from pg_class where relname in ('execution_payment', 'monitoring_form_indicator', 'audit_log')`.execute(db)
    expect(kinds.rows.map((r) => r.kind)).toEqual(['p', 'p', 'p'])
  })

  test('progress rows learned their form’s fiscal year', async () => {
    const rows = await db.selectFrom('monitoringFormIndicator').select(['fiscalYear', 'name', 'progress']).orderBy('sortOrder').execute()
    expect(rows).toEqual([
      { fiscalYear: 2025, name: '指标1', progress: '60' },
      { fiscalYear: 2025, name: '指标2', progress: '60' },
    ])
  })

  test('the audit chain still verifies across partitions, and a changed row is still found', async () => {
    expect(await verifyAuditChain(db, { key })).toEqual({ ok: true, rows: 3, keyedFromSeq: 1, headSeq: 3 })
    await sql`update audit_log set after = '{"n": 9}'::jsonb where seq = 2`.execute(db)
    expect(await verifyAuditChain(db, { key })).toMatchObject({ ok: false, brokenAtSeq: 2, reason: 'content_altered' })
    await sql`update audit_log set after = '{"n": 1}'::jsonb where seq = 2`.execute(db)
    expect(await verifyAuditChain(db, { key })).toMatchObject({ ok: true })
  })

  test('a voucher is unique per jurisdiction and fiscal year; a year with no partition lands in DEFAULT', async () => {
    const insert = (year: number) =>
      sql`insert into execution_payment (jurisdiction_code, project_id, fiscal_year, paid_on, month, amount, fund_source, voucher_no, source)
          values ('990100', '00000000-0000-4000-8000-000000002025'::uuid, ${year}, '2025-04-01', 4, '1.00', '一般公共预算资金', 'V2025', 'import')
          on conflict (jurisdiction_code, fiscal_year, voucher_no) do nothing returning id`.execute(db)
    expect((await insert(2025)).rows).toHaveLength(0)
    expect((await insert(2090)).rows).toHaveLength(1)
    expect((await partitionCounts('execution_payment')).execution_payment_default).toBe(1)
  })

  test('foreign keys hold on the partitioned tables: a progress row goes with its form', async () => {
    await expect(sql`insert into execution_payment (jurisdiction_code, project_id, fiscal_year, paid_on, month, amount, fund_source, voucher_no, source)
      values ('990100', gen_random_uuid(), 2025, '2025-04-01', 4, '1.00', '一般公共预算资金', 'X1', 'import')`.execute(db)).rejects.toThrow(/foreign key/)
    await sql`delete from monitoring_form`.execute(db)
    expect(await partitionCounts('monitoring_form_indicator')).toEqual({})
  })
})
