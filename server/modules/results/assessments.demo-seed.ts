import { sql } from 'kysely'
import { permissionsOf } from '../../../domain/roles.ts'
import type { Db } from '../../db/database.ts'
import type { OrgKind } from '../../db/schema.ts'
import type { Actor, ActorCtx, Ctx } from '../../http/context.ts'
import { activeActor } from '../../platform/actors.ts'
import { openAssessments } from './assessments.service.ts'
import { publishAssessments, reviewAssessment, saveSelfAssessment, submitSelfAssessment } from './assessments.workflow.ts'

const DEMO_JURISDICTION = '440300'
const DEMO_YEAR = 2025
const dayMs = 86_400_000

/** Self-assessed scores of the items scored on evidence, by the assessed org's position: E1 disclosure, F1 bonus, F2 deduction. */
const selfScores: { E1: string; F1: string; F2: string; note: string }[] = [
  { E1: '5.00', F1: '3.00', F2: '0.00', note: '预算绩效目标、自评结果随预决算公开，网址见佐证材料' },
  { E1: '4.50', F1: '0.00', F2: '0.00', note: '绩效目标全部公开，个别项目自评结果公开延迟' },
  { E1: '4.00', F1: '2.00', F2: '0.00', note: '重点项目绩效信息已公开' },
  { E1: '5.00', F1: '0.00', F2: '0.00', note: '全部公开' },
  { E1: '3.50', F1: '1.00', F2: '3.00', note: '部分项目未按时公开；审计发现资金闲置一项' },
  { E1: '2.00', F1: '0.00', F2: '10.00', note: '公开不完整；巡视发现绩效目标与实际脱节、整改不到位' },
]

/**
 * The demo's 考核 (rule 47): 深圳市's 2025 考核 of its departments and its district bureaus, opened, self-assessed,
 * submitted, reviewed item by item and published through the real use cases, so every computed score comes from the
 * demo's records. Finance trims a few bonuses with its opinion. Runs after the rectification and budget seeds; skips
 * when the year is opened, so a second run adds nothing.
 */
export async function seedDemoAssessments(db: Db, ctx: Ctx, options: { jurisdictionCode?: string; fiscalYear?: number; financeUser?: string } = {}) {
  const jurisdictionCode = options.jurisdictionCode ?? DEMO_JURISDICTION
  const fiscalYear = options.fiscalYear ?? DEMO_YEAR
  const exists = await db.selectFrom('assessment').select('id').where('jurisdictionCode', '=', jurisdictionCode).where('fiscalYear', '=', fiscalYear).executeTakeFirst()
  const finance = await activeActor(db, { username: options.financeUser ?? 'sz_finance_admin' })
  if (exists || !finance || finance.org.code !== jurisdictionCode) return { assessments: 0 }
  // Opened in January, self-assessed in February, reviewed and published in March: dated back from now.
  const at = (actor: Actor, daysAgo: number): ActorCtx => ({ ...ctx, actor, now: new Date(ctx.now.getTime() - daysAgo * dayMs) })
  const opened = await openAssessments(db, at(finance, 150), { fiscalYear })
  await completeAssessments(db, ctx, { jurisdictionCode, fiscalYear, finance, daysAgo: 120 })
  await publishAssessments(db, at(finance, 90), { fiscalYear })
  return { assessments: opened.created }
}

/**
 * Moves a bureau's assessments of a year on as their people would: each assessed org scores its evidence items and
 * submits (its own demo account where it has one, else acting for the org), and finance reviews. `except` is left
 * alone (the browser journey takes one through the pages). Also used by the e2e journey for the orgs it does not visit.
 */
export async function completeAssessments(db: Db, ctx: Ctx, input: { jurisdictionCode: string; fiscalYear: number; finance: Actor; daysAgo?: number; except?: string[] }) {
  const daysAgo = input.daysAgo ?? 0
  const at = (actor: Actor, days: number): ActorCtx => ({ ...ctx, actor, now: new Date(ctx.now.getTime() - days * dayMs) })
  const except = new Set(input.except ?? [])
  const all = await db.selectFrom('assessment').select(['id', 'orgCode', 'status']).where('jurisdictionCode', '=', input.jurisdictionCode).where('fiscalYear', '=', input.fiscalYear).orderBy('orgKind').orderBy('orgCode').execute()
  const rows = all.filter((r) => !except.has(r.orgCode))
  for (const [n, row] of rows.entries()) {
    const scores = selfScores[n % selfScores.length]!
    if (row.status === 'self_assessing') {
      const self = await actorFor(db, row.orgCode)
      let a = await fetchVersion(db, row.id)
      const saved = await saveSelfAssessment(db, at(self, daysAgo), row.id, {
        version: a,
        items: [
          { code: 'E1', score: scores.E1, note: scores.note },
          { code: 'F1', score: scores.F1, note: scores.F1 === '0.00' ? '' : '绩效管理做法被上级财政部门简报刊发' },
          { code: 'F2', score: scores.F2, note: scores.F2 === '0.00' ? '无' : scores.note },
        ],
      })
      a = saved.version
      await submitSelfAssessment(db, at(self, Math.max(daysAgo - 1, 0)), row.id, { version: a })
    }
    if (row.status === 'self_assessing' || row.status === 'submitted') {
      // Finance halves a claimed bonus of every third org, with its opinion; the rest stand as self-assessed.
      const trim = n % 3 === 0 && scores.F1 !== '0.00'
      const items = trim ? [{ code: 'F1', score: (Number(scores.F1) / 2).toFixed(2), opinion: '经验做法推广范围有限，加分减半' }] : []
      await reviewAssessment(db, at(input.finance, Math.max(daysAgo - 20, 0)), row.id, { version: await fetchVersion(db, row.id), items })
    }
  }
  return rows.length
}

const fetchVersion = async (db: Db, id: string) => (await db.selectFrom('assessment').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version

/**
 * Who self-assesses for an org: its demo account (a department's dept_user, a district's finance_admin) where it has
 * one; otherwise the org itself with that role — no user, so its audit rows carry the org's path and no user id.
 */
async function actorFor(db: Db, orgCode: string): Promise<Actor> {
  const org = await db.selectFrom('orgNode').select(['code', 'name', 'kind', 'path', 'jurisdictionCode', 'departmentCode']).where('code', '=', orgCode).executeTakeFirstOrThrow()
  const role = org.kind === 'department' ? 'dept_user' : 'finance_admin'
  const account = await db.selectFrom('appUser').select('username').where('orgCode', '=', orgCode).where('status', '=', 'active').where(sql<boolean>`${role} = any(roles)`).orderBy('username').executeTakeFirst()
  const actor = account ? await activeActor(db, { username: account.username }) : null
  if (actor) return actor
  return {
    userId: null as unknown as string,
    username: `demo:${org.code}`,
    displayName: org.name,
    roles: [role],
    permissions: new Set(permissionsOf([role])),
    sessionHash: '',
    org: { ...org, kind: org.kind as OrgKind },
  }
}
