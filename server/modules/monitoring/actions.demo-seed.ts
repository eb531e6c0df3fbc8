import Decimal from 'decimal.js'
import type { CorrectiveActionKind, CorrectiveActionStatus } from '../../../domain/monitoring.ts'
import type { Trx } from '../../db/database.ts'
import type { Ctx } from '../../http/context.ts'

interface DemoMeasure {
  kind: CorrectiveActionKind
  /** Who issues it: the bureau's or the department's demo account. */
  issuer: 'finance' | 'department'
  status: CorrectiveActionStatus
  title: (project: string) => string
  content: string
  /** Share of the full-year budget held or stopped. */
  share?: string
  dueInDays?: number
  response?: string
}

// One measure per red form, in order: a hold awaiting the answer, an answered notice, an open inquiry, a closed notice.
const measures: DemoMeasure[] = [
  { kind: 'hold_payment', issuer: 'finance', status: 'open', title: (p) => `关于${p}暂缓拨款的通知`, content: '截至6月底预算执行率明显低于时间进度，且部分产出指标完成可能性低。自即日起暂缓拨付剩余资金，请于15日内报送整改方案。', share: '0.3' },
  { kind: 'notice', issuer: 'department', status: 'responded', title: (p) => `关于${p}的纠偏通知`, content: '请分析执行偏差原因，提出加快执行的具体措施和时间表。', dueInDays: 20, response: '偏差原因系政府采购程序延后，已于7月初完成招标，预计9月底前执行率达到75%。' },
  { kind: 'inquiry', issuer: 'finance', status: 'open', title: (p) => `关于${p}绩效目标完成情况的询问函`, content: '该项目满意度指标预计不能完成，请书面说明原因并附相关佐证材料。', dueInDays: 10 },
  { kind: 'notice', issuer: 'finance', status: 'closed', title: (p) => `关于${p}的纠偏通知`, content: '请加快项目实施进度。', dueInDays: 5, response: '已调整实施计划，按月报送进度。' },
]

/**
 * A few corrective actions on the red forms of 深圳市's open rounds (the demo's dual monitoring): call after the
 * rounds and their lights are seeded. Forms that already carry an action are left alone, so a second run adds nothing.
 */
export async function seedDemoActions(trx: Trx, ctx: Ctx) {
  const users = await trx.selectFrom('appUser').select(['id', 'username', 'orgCode']).where('username', 'in', ['sz_finance_admin', 'sz_edu_dept']).execute()
  const finance = users.find((u) => u.username === 'sz_finance_admin')
  if (!finance) return 0
  const forms = await trx
    .selectFrom('monitoringForm')
    .innerJoin('monitoringRound', 'monitoringRound.id', 'monitoringForm.roundId')
    .innerJoin('project', 'project.id', 'monitoringForm.projectId')
    .select(['monitoringForm.id', 'monitoringForm.roundId', 'monitoringForm.projectId', 'monitoringForm.jurisdictionCode', 'monitoringForm.departmentCode', 'monitoringForm.unitCode', 'monitoringForm.budgetAdjusted', 'project.name'])
    .where('monitoringRound.jurisdictionCode', '=', finance.orgCode)
    .where('monitoringRound.status', '=', 'open')
    .where('monitoringForm.projectLight', '=', 'red')
    .where('monitoringForm.id', 'not in', (eb) => eb.selectFrom('correctiveAction').select('formId').where('formId', 'is not', null).$narrowType<{ formId: string }>())
    .orderBy('project.code')
    .limit(measures.length)
    .execute()
  let seeded = 0
  for (const [n, form] of forms.entries()) {
    const m = measures[n]!
    const department = users.find((u) => u.username === 'sz_edu_dept' && u.orgCode === form.departmentCode)
    const issuer = m.issuer === 'department' && department ? department : finance
    const due = m.dueInDays === undefined ? null : new Date(ctx.now.getTime() + m.dueInDays * 86_400_000).toISOString().slice(0, 10)
    const answered = m.status !== 'open'
    const action = await trx
      .insertInto('correctiveAction')
      .values({
        jurisdictionCode: form.jurisdictionCode,
        departmentCode: form.departmentCode,
        unitCode: form.unitCode,
        projectId: form.projectId,
        formId: form.id,
        roundId: form.roundId,
        kind: m.kind,
        title: m.title(form.name),
        content: m.content,
        amount: m.share ? new Decimal(form.budgetAdjusted).times(m.share).toFixed(2) : null,
        dueOn: due,
        status: m.status,
        issuerOrgCode: issuer.orgCode,
        issuedBy: issuer.id,
        goalAdjustmentId: null,
        response: m.response ?? '',
        respondedAt: answered ? ctx.now : null,
        respondedBy: null,
        liftedAt: null,
        liftedBy: null,
        closedAt: m.status === 'closed' ? ctx.now : null,
        closedBy: m.status === 'closed' ? finance.id : null,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const events: { event: 'issue' | 'respond' | 'close'; note: string; actorId: string | null }[] = [{ event: 'issue', note: m.content, actorId: issuer.id }]
    if (answered) events.push({ event: 'respond', note: m.response ?? '', actorId: null })
    if (m.status === 'closed') events.push({ event: 'close', note: '整改到位', actorId: finance.id })
    await trx.insertInto('correctiveActionEvent').values(events.map((e) => ({ ...e, actionId: action.id, createdAt: ctx.now }))).execute()
    seeded++
  }
  return seeded
}
