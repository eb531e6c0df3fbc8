import Decimal from 'decimal.js'
import type { Db } from '../../db/database.ts'
import type { Ctx } from '../../http/context.ts'
import { recordAudit } from '../../platform/audit.ts'

const DEMO_CITY = '440300'
/** 南山区, 福田区, 罗湖区 and their shares of each city transfer; the last takes the remainder so the sum is exact. */
const SHARES: readonly [string, string][] = [
  ['440305', '0.40'],
  ['440304', '0.35'],
  ['440303', '0.25'],
]

/**
 * The demo's 对下转移支付: each 深圳市 转移支付 project of 2025 and 2026 allocated to three districts (issue 13: the
 * districts' 2025 考核 proposes their 2026 transfers from these; issue 14: the city's view of its districts). Skips a
 * project that already has an allocation, so a second run adds nothing.
 */
export async function seedDemoTransfers(db: Db, ctx: Ctx) {
  await seedLastYearTransfers(db, ctx)
  const projects = await db
    .selectFrom('project')
    .select(['id', 'code', 'amountFiscal'])
    .where('jurisdictionCode', '=', DEMO_CITY)
    .where('objectKind', '=', 'transfer')
    .where('fiscalYear', 'in', [2025, 2026])
    .where('status', '<>', 'cancelled')
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('transferAllocationPlan as p').select('p.projectId').whereRef('p.projectId', '=', 'project.id'))))
    .orderBy('code')
    .execute()
  const names = new Map((await db.selectFrom('orgNode').select(['code', 'name']).where('parentCode', '=', DEMO_CITY).where('kind', '=', 'jurisdiction').execute()).map((d) => [d.code, d.name]))
  const shares = SHARES.filter(([code]) => names.has(code))
  if (shares.length === 0) return { transferAllocations: 0 }
  await db.transaction().execute(async (trx) => {
    for (const p of projects) {
      let left = new Decimal(p.amountFiscal)
      const items = shares.map(([districtCode, share], i) => {
        const amount = i === shares.length - 1 ? left : new Decimal(p.amountFiscal).times(share).toDecimalPlaces(2, Decimal.ROUND_DOWN)
        left = left.minus(amount)
        return { projectId: p.id, districtCode, amount: amount.toFixed(2) }
      })
      await trx.insertInto('transferAllocationPlan').values({ projectId: p.id, updatedBy: null, updatedAt: ctx.now }).execute()
      await trx.insertInto('transferAllocation').values(items).execute()
      const audited = items.map((i) => ({ districtCode: i.districtCode, districtName: names.get(i.districtCode), amount: i.amount, districtProjectId: null }))
      await recordAudit(trx, ctx, { action: 'project.allocate_transfer', entityType: 'project', entityId: p.id, before: { version: 0, items: [] }, after: { version: 1, items: audited } })
    }
  })
  return { transferAllocations: projects.length, transferReceivers: await seedDistrictReceivers(db, ctx) }
}

/**
 * 南山区 names the project that receives the city's first 2026 transfer (its education project with an approved goal
 * and the most money), so the city's goal shows a district sub-goal with its monitoring; the others are left to the
 * districts (the browser journey names one).
 */
async function seedDistrictReceivers(db: Db, ctx: Ctx) {
  const share = await db
    .selectFrom('transferAllocation as a')
    .innerJoin('project as source', 'source.id', 'a.projectId')
    .select(['a.projectId', 'a.districtCode', 'a.districtProjectId'])
    .where('source.jurisdictionCode', '=', DEMO_CITY)
    .where('source.fiscalYear', '=', 2026)
    .where('a.districtCode', '=', '440305')
    .orderBy('source.code')
    .executeTakeFirst()
  if (!share || share.districtProjectId) return 0
  const receiver = await db
    .selectFrom('project')
    .innerJoin('orgNode as department', 'department.code', 'project.departmentCode')
    .select(['project.id'])
    .where('project.jurisdictionCode', '=', '440305')
    .where('project.fiscalYear', '=', 2026)
    .where('project.status', '=', 'executing')
    .where('department.name', 'like', '%教育局%')
    .where(({ exists, selectFrom }) => exists(selectFrom('goal').select('goal.id').whereRef('goal.projectId', '=', 'project.id').where('goal.status', 'in', ['approved', 'published'])))
    .orderBy('project.amountFiscal', 'desc')
    .orderBy('project.code')
    .executeTakeFirst()
  if (!receiver) return 0
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('transferAllocation').set({ districtProjectId: receiver.id }).where('projectId', '=', share.projectId).where('districtCode', '=', share.districtCode).execute()
    await trx.updateTable('transferAllocationPlan').set((eb) => ({ version: eb('version', '+', 1) })).where('projectId', '=', share.projectId).execute()
    await recordAudit(trx, ctx, { action: 'project.link_transfer', entityType: 'project', entityId: receiver.id, after: { sourceProjectId: share.projectId, link: true } })
  })
  return 1
}

/**
 * The demo's project library holds the 2026 transfers only; each gets its 2025 predecessor (closed, same money) so
 * the districts' 2025 考核 has transfers to propose from.
 */
async function seedLastYearTransfers(db: Db, ctx: Ctx) {
  const current = await db.selectFrom('project').selectAll().where('jurisdictionCode', '=', DEMO_CITY).where('objectKind', '=', 'transfer').where('fiscalYear', '=', 2026).orderBy('code').execute()
  await db.transaction().execute(async (trx) => {
    for (const { id: _id, version: _v, createdAt: _c, updatedAt: _u, ...p } of current) {
      const earlier = (text: string) => text.replaceAll('2026', '2025')
      const row = { ...p, code: earlier(p.code), name: earlier(p.name), searchText: earlier(p.searchText), fiscalYear: 2025, periodStartYear: Math.min(p.periodStartYear, 2025), status: 'closed' as const, createdAt: ctx.now, updatedAt: ctx.now }
      const inserted = await trx.insertInto('project').values(row).onConflict((oc) => oc.doNothing()).returning('id').executeTakeFirst()
      if (inserted) await recordAudit(trx, ctx, { action: 'project.create', entityType: 'project', entityId: inserted.id, after: row })
    }
  })
}
