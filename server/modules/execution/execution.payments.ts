import { sql } from 'kysely'
import { z } from 'zod'
import { projectStatusLabels, type ProjectStatus } from '../../../domain/projects.ts'
import type { PaymentSource } from '../../../domain/monitoring.ts'
import type { Trx } from '../../db/database.ts'
import type { ActorCtx } from '../../http/context.ts'
import { bilingual } from '../../http/validation-messages.ts'
import { projectVisibleTo } from '../../platform/scope.ts'
import { onlySupervises } from '../../platform/supervision.ts'

/**
 * The one write path of 国库集中支付 payments, shared by the file import and the API push: each item is checked
 * (project in the caller's scope and own jurisdiction, budgeted, paid within its fiscal year), then written in
 * batches with one multi-row insert. Idempotent by voucher number (unique per jurisdiction and fiscal year): a voucher already
 * stored with the same data is "unchanged", with other data a row problem. Earlier batches of the same transaction
 * are already in the table, so a voucher repeated further down a file is caught the same way, and memory stays flat.
 */

/** 支付凭证号: what the treasury prints, letters, digits and a few separators. */
const VoucherNo = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[0-9A-Za-z][0-9A-Za-z\-_/.#]*$/, bilingual('支付凭证号只能包含字母、数字和 - _ / . #', 'A voucher number holds letters, digits and - _ / . # only'))
/** A day of a fiscal year the platform knows (2000–2100, like fiscal_year), written YYYY-MM-DD. */
export const IsoDate = z.iso
  .date(bilingual('日期格式须为 YYYY-MM-DD', 'A date is YYYY-MM-DD'))
  .refine((d) => d >= '2000-01-01' && d <= '2100-12-31', bilingual('日期须在 2000-01-01 至 2100-12-31 之间', 'The date must lie between 2000-01-01 and 2100-12-31'))
/** A non-zero amount of money (元) with at most two decimals; refunds (退款) are negative. */
const PaymentAmount = z
  .string()
  .trim()
  .regex(/^-?\d{1,16}(\.\d{1,2})?$/, bilingual('金额须为数字（元），最多两位小数', 'An amount is a number of yuan with at most two decimals'))
  .refine((v) => Number(v) !== 0, bilingual('金额不能为 0', 'The amount cannot be 0'))

export const PaymentItem = z.strictObject({
  projectCode: z.string().trim().min(1).max(40),
  fiscalYear: z.int().min(2000).max(2100),
  paidOn: IsoDate,
  amount: PaymentAmount,
  fundSource: z.string().trim().min(1).max(50),
  voucherNo: VoucherNo,
})
export type PaymentInput = z.infer<typeof PaymentItem>

export interface PaymentProblem {
  row: number
  field: string | null
  zh: string
  en: string
}

export type PaymentAction = 'create' | 'unchanged' | 'error'

export interface PendingPayment {
  /** The item's row in the file (or its 1-based position in a pushed batch). */
  row: number
  input: PaymentInput | null
  problems: PaymentProblem[]
}

interface ProjectRef {
  id: string
  code: string
  name: string
  jurisdictionCode: string
  fiscalYear: number
  status: ProjectStatus
}

const PAYABLE: readonly ProjectStatus[] = ['budgeted', 'executing', 'closed']
const MAX_KEPT_PROBLEMS = 1000

/** A voucher number is unique per jurisdiction and fiscal year (the payments are partitioned by year, ADR 0016). */
const voucherKey = (jurisdictionCode: string, fiscalYear: number, voucherNo: string) => `${jurisdictionCode}|${fiscalYear}|${voucherNo}`
const normalizedAmount = (amount: string) => Number(amount).toFixed(2)
const sameData = (a: { projectId: string; paidOn: string; amount: string; fundSource: string }, b: typeof a) =>
  a.projectId === b.projectId && a.paidOn === b.paidOn && normalizedAmount(a.amount) === normalizedAmount(b.amount) && a.fundSource === b.fundSource

export class PaymentWriter {
  created = 0
  unchanged = 0
  errorCount = 0
  readonly problems: PaymentProblem[] = []
  readonly projectIds = new Set<string>()
  private readonly projects = new Map<string, ProjectRef[]>()

  constructor(
    private readonly trx: Trx,
    private readonly ctx: ActorCtx,
    private readonly source: PaymentSource,
  ) {}

  /** Checks and writes one batch; returns each item's action and the project it names (for previews). */
  async write(batch: readonly PendingPayment[]): Promise<{ action: PaymentAction; project: ProjectRef | null }[]> {
    await this.loadProjects(batch)
    const planned = batch.map((item) => ({ item, project: null as ProjectRef | null, problems: [...item.problems] }))
    for (const p of planned) {
      const input = p.item.input
      if (!input || p.problems.length) continue
      const add = (field: string, zh: string, en: string) => p.problems.push({ row: p.item.row, field, zh, en })
      p.project = this.resolve(input, add)
      if (Number(input.paidOn.slice(0, 4)) !== input.fiscalYear) add('paidOn', `支付日期 ${input.paidOn} 不在预算年度 ${input.fiscalYear} 内`, `Paid on ${input.paidOn}, outside fiscal year ${input.fiscalYear}`)
    }
    type Data = { projectId: string; paidOn: string; amount: string; fundSource: string }
    const conflict = (p: (typeof planned)[number], where: { zh: string; en: string }) =>
      p.problems.push({
        row: p.item.row,
        field: 'voucherNo',
        zh: `支付凭证号 ${p.item.input!.voucherNo} ${where.zh}相同，但项目、日期、金额或资金来源不同`,
        en: `Voucher ${p.item.input!.voucherNo} is also on ${where.en} with another project, date, amount or fund source`,
      })
    // A voucher twice in one batch: the later rows follow the first (same data) or are refused (other data).
    const firstInBatch = new Map<string, { index: number; data: Data }>()
    const repeats: { index: number; first: number }[] = []
    const actions: PaymentAction[] = planned.map(() => 'error')
    const inserts: { index: number; project: ProjectRef; input: PaymentInput }[] = []
    planned.forEach((p, index) => {
      if (p.problems.length || !p.project) return
      const input = p.item.input!
      const key = voucherKey(p.project.jurisdictionCode, input.fiscalYear, input.voucherNo)
      const data = { projectId: p.project.id, paidOn: input.paidOn, amount: input.amount, fundSource: input.fundSource }
      const first = firstInBatch.get(key)
      if (!first) {
        firstInBatch.set(key, { index, data })
        inserts.push({ index, project: p.project, input })
      } else if (sameData(first.data, data)) repeats.push({ index, first: first.index })
      else conflict(p, { zh: `与第 ${planned[first.index]!.item.row} 行`, en: `row ${planned[first.index]!.item.row}` })
    })
    // Insert first; a voucher already stored (by an earlier batch, file or push) is then compared with what is stored.
    const inserted = await this.insert(inserts)
    const clashes = inserts.filter((i) => !inserted.has(voucherKey(i.project.jurisdictionCode, i.input.fiscalYear, i.input.voucherNo)))
    const stored = await this.storedVouchers(clashes.map((i) => ({ jurisdictionCode: i.project.jurisdictionCode, fiscalYear: i.input.fiscalYear, voucherNo: i.input.voucherNo })))
    for (const i of inserts) {
      const key = voucherKey(i.project.jurisdictionCode, i.input.fiscalYear, i.input.voucherNo)
      if (inserted.has(key)) actions[i.index] = 'create'
      else {
        const was = stored.get(key)
        if (was && sameData(was, { projectId: i.project.id, paidOn: i.input.paidOn, amount: i.input.amount, fundSource: i.input.fundSource })) actions[i.index] = 'unchanged'
        else conflict(planned[i.index]!, { zh: '与已入库的支付记录', en: 'a stored payment' })
      }
    }
    for (const r of repeats) {
      if (planned[r.first]!.problems.length) conflict(planned[r.index]!, { zh: '与已入库的支付记录', en: 'a stored payment' })
      else actions[r.index] = 'unchanged'
    }
    for (const p of planned) this.keep(p.problems)
    this.created += planned.filter((p, i) => !p.problems.length && actions[i] === 'create').length
    this.unchanged += planned.filter((p, i) => !p.problems.length && actions[i] === 'unchanged').length
    for (const i of inserts) if (actions[i.index] === 'create') this.projectIds.add(i.project.id)
    return planned.map((p, i) => ({ action: p.problems.length ? 'error' : actions[i]!, project: p.project }))
  }

  private keep(problems: PaymentProblem[]) {
    if (!problems.length) return
    this.errorCount += problems.length
    for (const problem of problems) if (this.problems.length < MAX_KEPT_PROBLEMS) this.problems.push(problem)
  }

  /** The projects the batch names that the cache does not hold yet, by code and fiscal year, within the caller's scope. */
  private async loadProjects(batch: readonly PendingPayment[]) {
    const wanted = new Map<string, { code: string; fiscalYear: number }>()
    for (const { input } of batch) {
      if (!input) continue
      const key = `${input.fiscalYear}|${input.projectCode}`
      if (!this.projects.has(key)) wanted.set(key, { code: input.projectCode, fiscalYear: input.fiscalYear })
    }
    if (!wanted.size) return
    const codes = [...new Set([...wanted.values()].map((w) => w.code))]
    const years = [...new Set([...wanted.values()].map((w) => w.fiscalYear))]
    const rows = await this.trx
      .selectFrom('project')
      .select(['id', 'code', 'name', 'jurisdictionCode', 'fiscalYear', 'status'])
      .where('code', 'in', codes)
      .where('fiscalYear', 'in', years)
      .where(projectVisibleTo(this.ctx.actor))
      .execute()
    for (const key of wanted.keys()) this.projects.set(key, [])
    for (const row of rows) this.projects.get(`${row.fiscalYear}|${row.code}`)?.push(row)
  }

  private resolve(input: PaymentInput, add: (field: string, zh: string, en: string) => void): ProjectRef | null {
    const found = this.projects.get(`${input.fiscalYear}|${input.projectCode}`) ?? []
    const own = found.find((p) => p.jurisdictionCode === this.ctx.actor.org.jurisdictionCode) ?? found[0]
    if (!own) {
      add('projectCode', `${input.fiscalYear} 年度项目编码 ${input.projectCode} 不存在或不在您的权限范围内`, `No ${input.fiscalYear} project with code ${input.projectCode} in your scope`)
      return null
    }
    if (onlySupervises(this.ctx.actor, own)) {
      add('projectCode', `项目 ${own.code} 属于下级行政区划，其支付数据由该区划财政部门报送`, `Project ${own.code} belongs to a jurisdiction below yours: its own bureau sends its payments`)
      return null
    }
    if (!PAYABLE.includes(own.status)) {
      add('projectCode', `项目 ${own.code} 处于“${projectStatusLabels[own.status].zh}”状态，尚未列入预算，不能登记支付`, `Project ${own.code} is ${projectStatusLabels[own.status].en}, not budgeted: no payments can be recorded`)
      return null
    }
    return own
  }

  private async storedVouchers(keys: { jurisdictionCode: string; fiscalYear: number; voucherNo: string }[]) {
    const found = new Map<string, { projectId: string; paidOn: string; amount: string; fundSource: string }>()
    if (!keys.length) return found
    const byJurisdictionYear = new Map<string, { jurisdictionCode: string; fiscalYear: number; vouchers: string[] }>()
    for (const k of keys) {
      const group = `${k.jurisdictionCode}|${k.fiscalYear}`
      const list = byJurisdictionYear.get(group)
      if (list) list.vouchers.push(k.voucherNo)
      else byJurisdictionYear.set(group, { jurisdictionCode: k.jurisdictionCode, fiscalYear: k.fiscalYear, vouchers: [k.voucherNo] })
    }
    for (const { jurisdictionCode, fiscalYear, vouchers } of byJurisdictionYear.values()) {
      const rows = await this.trx
        .selectFrom('executionPayment')
        .select(['voucherNo', 'projectId', sql<string>`paid_on::text`.as('paidOn'), 'amount', 'fundSource'])
        .where('jurisdictionCode', '=', jurisdictionCode)
        .where('fiscalYear', '=', fiscalYear)
        .where(sql<boolean>`voucher_no = any(${[...new Set(vouchers)]}::varchar[])`)
        .execute()
      for (const r of rows) found.set(voucherKey(jurisdictionCode, fiscalYear, r.voucherNo), r)
    }
    return found
  }

  /**
   * One INSERT … SELECT FROM unnest(arrays) per batch: one statement, nine parameters, whatever the batch size.
   * Vouchers already stored are skipped (ON CONFLICT DO NOTHING); the keys of the rows written come back.
   */
  private async insert(rows: { project: ProjectRef; input: PaymentInput }[]): Promise<Set<string>> {
    if (!rows.length) return new Set()
    const col = <T>(f: (r: (typeof rows)[number]) => T) => rows.map(f)
    const { rows: written } = await sql<{ jurisdictionCode: string; fiscalYear: number; voucherNo: string }>`
      insert into execution_payment (jurisdiction_code, project_id, fiscal_year, paid_on, month, amount, fund_source, voucher_no, source, created_by)
      select j, p, y, d, extract(month from d)::smallint, a, f, v, ${this.source}, ${this.ctx.actor.userId}::uuid
      from unnest(${col((r) => r.project.jurisdictionCode)}::varchar[], ${col((r) => r.project.id)}::uuid[], ${col((r) => r.input.fiscalYear)}::int[],
                  ${col((r) => r.input.paidOn)}::date[], ${col((r) => r.input.amount)}::numeric[], ${col((r) => r.input.fundSource)}::varchar[],
                  ${col((r) => r.input.voucherNo)}::varchar[]) as t(j, p, y, d, a, f, v)
      on conflict (jurisdiction_code, fiscal_year, voucher_no) do nothing
      returning jurisdiction_code, fiscal_year, voucher_no
    `.execute(this.trx)
    return new Set(written.map((w) => voucherKey(w.jurisdictionCode, Number(w.fiscalYear), w.voucherNo)))
  }
}
