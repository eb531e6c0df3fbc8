import { seedDemoSpotCheck } from '../evaluation/spotchecks.demo-seed.ts'
import { projectTotals } from '../../../domain/projects.ts'
import type { Db, Trx } from '../../db/database.ts'
import type { NewOrgNode, NewProject } from '../../db/schema.ts'
import type { Ctx } from '../../http/context.ts'
import { recordAudit } from '../../platform/audit.ts'
import { hashPassword } from '../../platform/passwords.ts'
import { segmentForIndex } from '../../platform/search.ts'
import { seedDemoKeyEvaluation } from '../evaluation/key.demo-seed.ts'
import { seedDemoExAnte } from '../exante/demo-seed.ts'
import { seedDemoAgenciesExperts } from '../agencies/demo-seed.ts'
import { seedDemoPayments } from '../execution/demo-payments.ts'
import { seedDemoDepartmentGoals, seedDemoGoals } from '../goals/demo-seed.ts'
import { seedDemoIndicators } from '../indicators/demo-seed.ts'
import { seedDemoMonitoring } from '../monitoring/demo-seed.ts'
import { seedDemoSelfEvaluation } from '../evaluation/self.demo-seed.ts'
import { seedDemoBudgetDecisions } from '../results/budget-decisions.demo-seed.ts'
import { seedDemoTransfers } from '../projects/transfers.demo-seed.ts'
import { seedDemoRectifications } from '../results/rectifications.demo-seed.ts'
import { seedDemoAssessments } from '../results/assessments.demo-seed.ts'
import { seedDemoInterviews } from '../results/interviews.demo-seed.ts'
import { seedDemoDisclosure } from '../disclosure/disclosure.demo-seed.ts'
import { seedDemoCockpit } from '../cockpit/cockpit.demo-seed.ts'
import { demoProjects } from '../projects/demo-projects.data.ts'
import { DEMO_PASSWORD, demoRegion, demoUsers } from './demo-region.data.ts'

export class DatabaseNotEmptyError extends Error {
  constructor() {
    super('数据库中已有数据，拒绝写入演示数据（如确需补充，请加 --force）。The database already has data; pass --force to add the demo region anyway.')
  }
}

export async function hasOrgData(db: Db) {
  return (await db.selectFrom('orgNode').select('code').limit(1).executeTakeFirst()) !== undefined
}

/**
 * Writes the demo region — 深圳市, its districts, departments, units, one user per role and the project
 * library (≈2,600 projects) — in one transaction. Deterministic; refuses a database that already has data unless forced, and then adds
 * only what is missing.
 */
/** The demo year is 2026, paid through October; 2025 in full gives the forecast its spending profiles. */
const paidThrough = (year: number) => (year < 2026 ? 12 : 10)

export async function seedDemo(db: Db, ctx: Ctx, options: { force?: boolean } = {}) {
  if (!options.force && (await hasOrgData(db))) throw new DatabaseNotEmptyError()
  const region = demoRegion()
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  const summary = await db.transaction().execute(async (trx) => {
    const paths = new Map<string, string>()
    const nodes: NewOrgNode[] = []
    const stamp = { createdAt: ctx.now, updatedAt: ctx.now }
    for (const j of region.jurisdictions) {
      const path = `${j.parentCode ? paths.get(j.parentCode) : '/'}${j.code}/`
      paths.set(j.code, path)
      nodes.push({ ...j, kind: 'jurisdiction', jurisdictionCode: j.code, departmentCode: null, path, ...stamp })
    }
    for (const d of region.departments) {
      const path = `${paths.get(d.jurisdictionCode)}${d.code}/`
      paths.set(d.code, path)
      nodes.push({ ...d, kind: 'department', level: null, parentCode: d.jurisdictionCode, departmentCode: d.code, financeBureauName: null, path, ...stamp })
    }
    for (const u of region.units) {
      nodes.push({ ...u, kind: 'unit', level: null, parentCode: u.departmentCode, financeBureauName: null, path: `${paths.get(u.departmentCode)}${u.code}/`, ...stamp })
    }
    const insertedNodes = await insertMissingNodes(trx, nodes)
    const users = demoUsers.map((u) => ({
      username: u.username,
      displayName: u.displayName,
      passwordHash,
      orgCode: u.orgCode,
      roles: [u.role],
      // The demo's shared password is published in the README: forcing a change would only break the tour.
      mustChangePassword: false,
      passwordChangedAt: ctx.now,
      ...stamp,
    }))
    const insertedUsers = await trx
      .insertInto('appUser')
      .values(users)
      .onConflict((oc) => oc.column('username').doNothing())
      .returning('username')
      .execute()
    const projects = await insertMissingProjects(trx, ctx)
    const library = await seedDemoIndicators(trx, ctx)
    const exAnteAssessments = await seedDemoExAnte(trx, ctx)
    const { goals } = await seedDemoGoals(trx, ctx)
    await seedDemoDepartmentGoals(trx, ctx)
    const payments = await seedDemoPayments(trx, ctx, { lastMonthOf: paidThrough })
    await seedDemoKeyEvaluation(trx, ctx)
    const summary = { orgNodes: insertedNodes, users: insertedUsers.length, projects, ...library, exAnteAssessments, goals, payments }
    await recordAudit(trx, ctx, { action: 'system.seed_demo', entityType: 'system', entityId: 'demo', after: summary })
    return summary
  })
  // Opening a monitoring round is chunked work in its own transactions, so it follows the one above.
  return {
    ...summary,
    ...(await seedDemoMonitoring(db, ctx)),
    ...(await seedDemoSelfEvaluation(db, ctx)),
    // Drawn from the self-evaluation forms, so after them; the agencies find the key evaluation by name.
    ...(await seedDemoSpotCheck(db, ctx)),
    ...(await seedDemoAgenciesExperts(db, ctx)),
    // From the 中/差 self-evaluations and the red lights, so after both.
    ...(await seedDemoRectifications(db, ctx)),
    // 考核 counts goals, monitoring, self-evaluations, spot-checks and rectifications: after all of them.
    ...(await seedDemoAssessments(db, ctx)),
    ...(await seedDemoTransfers(db, ctx)),
    // The transfers' 2025 predecessors are new projects: paid in full like the rest of 2025.
    ...{ transferPayments: await db.transaction().execute((trx) => seedDemoPayments(trx, ctx, { lastMonthOf: paidThrough })) },
    // From the accepted self-evaluations (and open items), the districts' published 考核 and the city's transfers to them.
    ...(await seedDemoBudgetDecisions(db, ctx)),
    ...(await seedDemoInterviews(db, ctx)),
    // 信息公开: publishes what the seeds above approved, accepted and completed, so after all of them.
    ...(await seedDemoDisclosure(db, ctx)),
    // 南山区 and 福田区 for the roll-up, then the cockpit summary over everything above: last.
    ...(await seedDemoCockpit(db, ctx)),
  }
}

async function insertMissingNodes(trx: Trx, nodes: NewOrgNode[]) {
  let inserted = 0
  for (let i = 0; i < nodes.length; i += 500) {
    const rows = await trx
      .insertInto('orgNode')
      .values(nodes.slice(i, i + 500))
      .onConflict((oc) => oc.column('code').doNothing())
      .returning('code')
      .execute()
    inserted += rows.length
  }
  return inserted
}

async function insertMissingProjects(trx: Trx, ctx: Ctx) {
  const rows: NewProject[] = demoProjects().map((p) => ({
    ...p,
    ...projectTotals(p),
    searchText: segmentForIndex(p.name, p.description, p.code),
    createdBy: null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  }))
  let inserted = 0
  for (let i = 0; i < rows.length; i += 500) {
    const done = await trx
      .insertInto('project')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) => oc.columns(['jurisdictionCode', 'fiscalYear', 'code']).doNothing())
      .returning('id')
      .execute()
    inserted += done.length
  }
  return inserted
}
