import { checkAgencyIndependence } from '../../../domain/agency-independence.ts'
import { drawExperts } from '../../../domain/expert-draw.ts'
import type { AgencyCreditStatus, AgencyType } from '../../../domain/evaluation.ts'
import type { Db, Trx } from '../../db/database.ts'
import type { Ctx } from '../../http/context.ts'
import { effectiveRules } from '../rule-sets/rule-sets.service.ts'
import { poolFor } from '../experts/experts.service.ts'
import { earlierWorkOf, relationsOf, violationsOf } from './agencies.repository.ts'

const SHENZHEN = '440300'
/** The demo key evaluation the keyeval demo seeds (财政重点评价, 深圳市, 2025), found by name. */
const KEY_EVALUATION_NAME = '财政重点评价'
/** The recorded seed of the demo draw: drawing again with it gives the same two experts. */
const DEMO_SEED = '5a3c9e01'

interface DemoAgency {
  name: string
  creditCode: string
  type: AgencyType
  qualifications: string
  staffCount: number
  creditStatus: AgencyCreditStatus
  contactPerson: string
  contactPhone: string
  users?: string[]
  /** A declared relation: to the commissioning bureau, or to the key evaluation's unit (else a 深圳市 unit). */
  relation?: { to: 'commissioner' | 'object'; text: string }
  violation?: { occurredOn: string; severity: 'major' | 'minor'; description: string }
}

const demoAgencies: DemoAgency[] = [
  { name: '深圳市鹏程绩效评价咨询有限公司', creditCode: '91440300MA5FPC0011', type: 'consulting', qualifications: '预算绩效评价专业机构；ISO 9001 质量管理体系认证；近三年承担市区两级绩效评价项目 40 余项', staffCount: 48, creditStatus: 'good', contactPerson: '陈晓峰', contactPhone: '0755-83210001', users: ['agency_demo'] },
  { name: '广东华信会计师事务所（特殊普通合伙）深圳分所', creditCode: '91440300MA5FHX0022', type: 'accounting', qualifications: '会计师事务所执业证书；证券期货相关业务备案', staffCount: 126, creditStatus: 'good', contactPerson: '林慧', contactPhone: '0755-82550022' },
  { name: '深圳市诚衡资产评估有限公司', creditCode: '91440300MA5FCH0033', type: 'appraisal', qualifications: '资产评估机构备案', staffCount: 22, creditStatus: 'warned', contactPerson: '王建国', contactPhone: '0755-86610033', violation: { occurredOn: '2025-04-18', severity: 'major', description: '在某区专项资金绩效评价中出具的评价报告存在重大失实，被财政部门通报并记入信用记录' } },
  { name: '广东卓信律师事务所', creditCode: '31440000MA5FJX0044', type: 'law', qualifications: '律师事务所执业许可证', staffCount: 35, creditStatus: 'good', contactPerson: '赵敏', contactPhone: '0755-83380044', relation: { to: 'object', text: '该单位常年法律顾问' } },
  { name: '深圳市财经研究院', creditCode: '12440300MA5FCJ0055', type: 'research', qualifications: '事业单位法人证书；财政政策与绩效管理研究', staffCount: 30, creditStatus: 'good', contactPerson: '刘洋', contactPhone: '0755-82120055', relation: { to: 'commissioner', text: '市财政局下属事业单位' } },
  { name: '深圳大学公共管理学院绩效评价中心', creditCode: '12440300MA5FDH0066', type: 'university', qualifications: '高等院校；公共管理一级学科博士点', staffCount: 60, creditStatus: 'good', contactPerson: '周宁', contactPhone: '0755-26530066' },
]

interface DemoExpert {
  name: string
  fields: string[]
  affiliation: string
  title: string
  user?: string
  /** Works at the key evaluation's own department (avoided in its draw). */
  sameDepartment?: boolean
  active?: boolean
}

const demoExperts: DemoExpert[] = [
  { name: '黄志明', fields: ['财务管理', '绩效评价'], affiliation: '暨南大学管理学院', title: '教授', user: 'expert_demo' },
  { name: '李文静', fields: ['教育', '绩效评价'], affiliation: '华南师范大学教育科学学院', title: '副教授' },
  { name: '张海涛', fields: ['工程造价', '财务管理'], affiliation: '广东省建设工程造价协会', title: '高级工程师' },
  { name: '陈美玲', fields: ['卫生健康', '公共管理'], affiliation: '中山大学公共卫生学院', title: '教授' },
  { name: '吴国栋', fields: ['财务管理', '审计'], affiliation: '深圳市注册会计师协会', title: '注册会计师' },
  { name: '郑丽华', fields: ['教育', '公共管理'], affiliation: '深圳市教育科学研究院', title: '研究员', sameDepartment: true },
  { name: '孙建平', fields: ['信息化', '绩效评价'], affiliation: '哈尔滨工业大学（深圳）', title: '副教授' },
  { name: '何晓燕', fields: ['财务管理', '绩效评价'], affiliation: '深圳职业技术大学', title: '副教授' },
  { name: '马俊', fields: ['教育', '财务管理'], affiliation: '退休（原某区教育局财务科）', title: '高级会计师', active: false },
]

/**
 * The agency register and the expert pool of 深圳市 (issue 12): six agencies (one related to a 深圳市 unit, one to the
 * bureau, one with a major violation) and nine experts; for the demo 财政重点评价 when it exists, an engagement of
 * a clean agency and two experts drawn with a recorded seed. Adds only what is missing.
 */
export async function seedDemoAgenciesExperts(db: Db, ctx: Ctx) {
  return db.transaction().execute(async (trx) => {
    const shenzhen = await trx.selectFrom('orgNode').select('code').where('code', '=', SHENZHEN).executeTakeFirst()
    if (!shenzhen) return { agencies: 0, experts: 0, engagements: 0, expertDraws: 0 }
    const evaluation = await trx
      .selectFrom('keyEvaluation')
      .selectAll()
      .where('jurisdictionCode', '=', SHENZHEN)
      .where('fiscalYear', '=', 2025)
      .where('name', 'like', `%${KEY_EVALUATION_NAME}%`)
      .orderBy('createdAt')
      .executeTakeFirst()
    const someUnit = await trx.selectFrom('orgNode').select(['code', 'departmentCode']).where('jurisdictionCode', '=', SHENZHEN).where('kind', '=', 'unit').orderBy('code').executeTakeFirstOrThrow()
    const objectUnit = evaluation?.unitCode ?? someUnit.code
    const objectDepartment = evaluation?.departmentCode ?? someUnit.departmentCode
    const users = await trx.selectFrom('appUser').select(['id', 'username']).where('username', 'in', ['agency_demo', 'expert_demo', 'sz_finance_admin']).execute()
    const userId = (name: string) => users.find((u) => u.username === name)?.id

    let agencies = 0
    for (const a of demoAgencies) {
      const exists = await trx.selectFrom('agency').select('id').where('jurisdictionCode', '=', SHENZHEN).where('creditCode', '=', a.creditCode).executeTakeFirst()
      if (exists) continue
      const row = await trx
        .insertInto('agency')
        .values({
          jurisdictionCode: SHENZHEN,
          name: a.name,
          creditCode: a.creditCode,
          type: a.type,
          qualifications: a.qualifications,
          staffCount: a.staffCount,
          creditStatus: a.creditStatus,
          contactPerson: a.contactPerson,
          contactPhone: a.contactPhone,
          userIds: (a.users ?? []).map(userId).filter((id): id is string => !!id),
          createdAt: ctx.now,
          updatedAt: ctx.now,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      if (a.relation) {
        const orgCode = a.relation.to === 'commissioner' ? (evaluation?.commissionerCode ?? SHENZHEN) : objectUnit
        await trx.insertInto('agencyRelation').values({ agencyId: row.id, orgCode, relation: a.relation.text, createdAt: ctx.now }).execute()
      }
      if (a.violation) await trx.insertInto('agencyViolation').values({ agencyId: row.id, ...a.violation, createdAt: ctx.now }).execute()
      agencies++
    }

    let experts = 0
    for (const e of demoExperts) {
      const exists = await trx.selectFrom('expert').select('id').where('jurisdictionCode', '=', SHENZHEN).where('name', '=', e.name).executeTakeFirst()
      if (exists) continue
      await trx
        .insertInto('expert')
        .values({
          jurisdictionCode: SHENZHEN,
          name: e.name,
          fields: e.fields,
          affiliation: e.affiliation,
          affiliationCode: e.sameDepartment ? objectDepartment : null,
          title: e.title,
          active: e.active ?? true,
          userId: e.user ? (userId(e.user) ?? null) : null,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        })
        .execute()
      experts++
    }

    if (!evaluation) return { agencies, experts, engagements: 0, expertDraws: 0 }
    return { agencies, experts, ...(await engageAndDraw(trx, ctx, evaluation, userId('sz_finance_admin') ?? null)) }
  })
}

type DemoEvaluation = { id: string; jurisdictionCode: string; fiscalYear: number; commissionerCode: string; objectKind: 'project' | 'policy' | 'department' | 'transfer'; projectId: string | null; departmentCode: string | null; unitCode: string | null }

/** The demo evaluation's engagement (the first registered agency that passes the independence check) and its draw of two experts. */
async function engageAndDraw(trx: Trx, ctx: Ctx, evaluation: DemoEvaluation, financeUser: string | null) {
  const rules = (await effectiveRules(trx, evaluation.jurisdictionCode, evaluation.fiscalYear)).rules.evaluation
  let engagements = 0
  const engaged = await trx.selectFrom('agencyEngagement').select('id').where('keyEvaluationId', '=', evaluation.id).executeTakeFirst()
  if (!engaged) {
    const candidates = await trx.selectFrom('agency').selectAll().where('jurisdictionCode', '=', SHENZHEN).where('creditCode', 'in', demoAgencies.map((a) => a.creditCode)).execute()
    const ordered = demoAgencies.map((d) => candidates.find((c) => c.creditCode === d.creditCode)).filter((a) => !!a)
    for (const agency of ordered) {
      const [relations, violations, earlierWork] = await Promise.all([relationsOf(trx, agency.id), violationsOf(trx, agency.id), earlierWorkOf(trx, agency.userIds)])
      const conflicts = checkAgencyIndependence(
        { orgCode: agency.orgCode, relations, violations: violations.map((v) => ({ date: String(v.occurredOn).slice(0, 10), severity: v.severity })), creditStatus: agency.creditStatus, earlierWork },
        evaluation,
        rules,
        ctx.now,
      )
      if (conflicts.length) continue
      await trx
        .insertInto('agencyEngagement')
        .values({
          agencyId: agency.id,
          keyEvaluationId: evaluation.id,
          jurisdictionCode: evaluation.jurisdictionCode,
          commissionerCode: evaluation.commissionerCode,
          procurementMethod: 'government_procurement',
          contractNo: 'SZCG-2026-PJ-0815',
          fee: '186000.00',
          note: '公开招标确定；评价报告于交换意见后提交',
          createdBy: financeUser,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        })
        .execute()
      engagements++
      break
    }
  }
  let expertDraws = 0
  const drawn = await trx.selectFrom('expertDraw').select('id').where('keyEvaluationId', '=', evaluation.id).executeTakeFirst()
  if (!drawn) {
    const pool = await poolFor(trx, evaluation.jurisdictionCode, evaluation.id)
    const object = { unitCode: evaluation.unitCode, departmentCode: evaluation.departmentCode }
    const result = drawExperts({ pool, object, count: 2, seed: DEMO_SEED, asOf: ctx.now, cooldownMonths: rules.expertCooldownMonths })
    const byId = new Map(pool.map((e) => [e.id, e]))
    const candidates = result.candidates.map((c) => ({ id: c.id, name: byId.get(c.id)!.name, affiliation: byId.get(c.id)!.affiliation, fields: byId.get(c.id)!.fields, reasons: c.reasons }))
    if (result.drawn.length) {
      await trx
        .insertInto('expertDraw')
        .values({
          keyEvaluationId: evaluation.id,
          jurisdictionCode: evaluation.jurisdictionCode,
          seed: DEMO_SEED,
          criteria: JSON.stringify({ count: 2, fields: [], cooldownMonths: rules.expertCooldownMonths, asOf: ctx.now.toISOString(), object, shortfall: result.shortfall }),
          candidates: JSON.stringify(candidates),
          drawnIds: result.drawn,
          drawnBy: financeUser,
          drawnAt: ctx.now,
        })
        .execute()
      expertDraws++
    }
  }
  return { engagements, expertDraws }
}
