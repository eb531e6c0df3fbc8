import Decimal from 'decimal.js'
import type { Db } from '../../db/database.ts'
import type { Ctx } from '../../http/context.ts'
import { recordAudit } from '../../platform/audit.ts'
import { generateBudgetProposals } from './budget-decisions.generate.ts'

const DEMO_JURISDICTION = '440300'
const DEMO_EVALUATED_YEAR = 2025

/**
 * The demo's next-year budget decisions (rule 42): proposals for 深圳市's 2025 evaluated projects (for 2026), finance's
 * decision on a few — as proposed, and one 中 project granted more than proposed with its reason — and for each decided
 * project its 2026 request (same project code, 延续项目), whose page shows last year's result. Runs after the
 * self-evaluation seed; skips when the 2026 decisions exist, so a second run adds nothing.
 */
export async function seedDemoBudgetDecisions(db: Db, ctx: Ctx, options: { jurisdictionCode?: string; evaluatedYear?: number; financeUser?: string } = {}) {
  const jurisdictionCode = options.jurisdictionCode ?? DEMO_JURISDICTION
  const evaluatedYear = options.evaluatedYear ?? DEMO_EVALUATED_YEAR
  const exists = await db.selectFrom('budgetDecision').select('id').where('jurisdictionCode', '=', jurisdictionCode).where('fiscalYear', '=', evaluatedYear + 1).executeTakeFirst()
  if (exists) return { budgetDecisions: 0 }
  const generated = await generateBudgetProposals(db, { jurisdictionCode, evaluatedYear, now: ctx.now })
  const finance = await db.selectFrom('appUser').select('id').where('username', '=', options.financeUser ?? 'sz_finance_admin').executeTakeFirst()
  const proposals = await db.selectFrom('budgetDecision').selectAll().where('jurisdictionCode', '=', jurisdictionCode).where('fiscalYear', '=', evaluatedYear + 1).where('subjectKind', '=', 'project').orderBy('projectCode').execute()
  const differing = proposals.find((p) => p.grade === '中') ?? proposals.find((p) => p.proposedAction !== 'cancel')
  const asProposed = proposals.filter((p) => p !== differing).slice(0, 3)
  const decided = [...asProposed.map((p) => ({ p, amount: p.proposedAmount, reason: '' })), ...(differing ? [{ p: differing, amount: new Decimal(differing.proposedAmount).plus(new Decimal(differing.baseAmount).times('0.05')).toFixed(2), reason: '民生保障项目，整改已有进展，酌情少减' }] : [])]
  await db.transaction().execute(async (trx) => {
    for (const { p, amount, reason } of decided) {
      const after = await trx
        .updateTable('budgetDecision')
        .set((eb) => ({ decidedAmount: amount, reason, decidedBy: finance?.id ?? null, decidedAt: ctx.now, updatedAt: ctx.now, version: eb('version', '+', 1) }))
        .where('id', '=', p.id)
        .returningAll()
        .executeTakeFirstOrThrow()
      await recordAudit(trx, ctx, { action: 'budget_decision.decide', entityType: 'budget_decision', entityId: p.id, before: p, after })
      // The project's request for the decided year: a 延续项目 with the same code, in reserve.
      const { id: _id, version: _v, createdAt: _c, updatedAt: _u, ...earlier } = await trx.selectFrom('project').selectAll().where('id', '=', p.projectId!).executeTakeFirstOrThrow()
      const year = evaluatedYear + 1
      const renamed = (text: string) => text.replaceAll(`${evaluatedYear}年`, `${year}年`)
      const next = { ...earlier, name: renamed(earlier.name), searchText: renamed(earlier.searchText), fiscalYear: year, attribute: 'continuing' as const, status: 'reserve' as const, periodEndYear: Math.max(earlier.periodEndYear, year), createdAt: ctx.now, updatedAt: ctx.now }
      const inserted = await trx.insertInto('project').values(next).onConflict((oc) => oc.doNothing()).returning('id').executeTakeFirst()
      if (inserted) await recordAudit(trx, ctx, { action: 'project.create', entityType: 'project', entityId: inserted.id, after: next })
    }
  })
  return { budgetDecisions: generated.created, budgetDecisionsDecided: decided.length }
}
