import type { IndicatorContent, IndicatorStatus } from '../../domain/indicators.ts'
import type { GoalIndicatorInput, GoalStatus } from '../../domain/goals.ts'
import type { BudgetKind, ObjectKind, ProjectStatus } from '../../domain/projects.ts'
import type { Grade } from '../../domain/rule-set.ts'
import type { Role } from '../../domain/roles.ts'
import type { Db } from '../db/database.ts'
import type { OrgNode, Project } from '../db/schema.ts'
import type { Clock } from '../platform/clock.ts'
import { hashPassword } from '../platform/passwords.ts'
import { segmentForIndex } from '../platform/search.ts'
import { indexIndicators } from '../modules/indicators/indicators.index.ts'

const TEST_PASSWORD = 'Test@Pass123'
let passwordHash: Promise<string> | undefined

/** Builders that write test rows directly; each test makes the org and users it needs. */
export function makeFactories(db: Db, clock: Clock) {
  let counter = 0
  const next = () => String(++counter).padStart(3, '0')

  async function insertNode(node: Omit<OrgNode, 'version' | 'createdAt' | 'updatedAt' | 'formerNames' | 'status'>) {
    return db
      .insertInto('orgNode')
      .values({ ...node, createdAt: clock.now(), updatedAt: clock.now() })
      .returningAll()
      .executeTakeFirstOrThrow()
  }

  async function jurisdiction(options: { parent?: OrgNode; name?: string; code?: string } = {}) {
    const code = options.code ?? (options.parent ? `${options.parent.code}J${next()}` : `9${next()}00`)
    return insertNode({
      code,
      kind: 'jurisdiction',
      name: options.name ?? `测试区划${code}`,
      level: options.parent ? 'district' : 'city',
      parentCode: options.parent?.code ?? null,
      jurisdictionCode: code,
      departmentCode: null,
      path: `${options.parent?.path ?? '/'}${code}/`,
      financeBureauName: `测试财政局${code}`,
    })
  }

  async function department(options: { jurisdiction?: OrgNode; name?: string } = {}) {
    const parent = options.jurisdiction ?? (await jurisdiction())
    const code = `${parent.code}D${next()}`
    return insertNode({
      code,
      kind: 'department',
      name: options.name ?? `测试主管部门${code}`,
      level: null,
      parentCode: parent.code,
      jurisdictionCode: parent.code,
      departmentCode: code,
      path: `${parent.path}${code}/`,
      financeBureauName: null,
    })
  }

  async function unit(options: { department?: OrgNode; name?: string } = {}) {
    const parent = options.department ?? (await department())
    const code = `${parent.code}U${next()}`
    return insertNode({
      code,
      kind: 'unit',
      name: options.name ?? `测试预算单位${code}`,
      level: null,
      parentCode: parent.code,
      jurisdictionCode: parent.jurisdictionCode,
      departmentCode: parent.code,
      path: `${parent.path}${code}/`,
      financeBureauName: null,
    })
  }

  async function user(options: { role: Role | Role[]; org: OrgNode; username?: string; status?: 'active' | 'disabled' }) {
    const username = options.username ?? `u${next()}_${Array.isArray(options.role) ? options.role[0] : options.role}`
    const row = await db
      .insertInto('appUser')
      .values({
        username,
        displayName: `测试用户${username}`,
        passwordHash: await (passwordHash ??= hashPassword(TEST_PASSWORD)),
        orgCode: options.org.code,
        roles: Array.isArray(options.role) ? options.role : [options.role],
        status: options.status ?? 'active',
        passwordChangedAt: clock.now(),
        createdAt: clock.now(),
        updatedAt: clock.now(),
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    return { ...row, password: TEST_PASSWORD }
  }

  /** A project of a unit, written straight to the table (money as strings, totals consistent). */
  async function project(options: { unit: OrgNode; status?: ProjectStatus; code?: string; name?: string; fiscalYear?: number; amountGeneral?: string; budgetKind?: BudgetKind; objectKind?: ObjectKind; description?: string }) {
    const fiscalYear = options.fiscalYear ?? 2026
    const amount = options.amountGeneral ?? '100000.00'
    const name = options.name ?? `测试项目${next()}`
    const code = options.code ?? `P${next()}`
    return db
      .insertInto('project')
      .values({
        code,
        name,
        fiscalYear,
        jurisdictionCode: options.unit.jurisdictionCode,
        departmentCode: options.unit.departmentCode!,
        unitCode: options.unit.code,
        budgetKind: options.budgetKind ?? 'general',
        attribute: 'new',
        projectType: 'one_off',
        objectKind: options.objectKind ?? 'general',
        periodStartYear: fiscalYear,
        periodEndYear: fiscalYear,
        mediumTermAmount: amount,
        amountGeneral: amount,
        amountFund: '0',
        amountStateCapital: '0',
        amountSocialInsurance: '0',
        amountFiscal: amount,
        amountOther: '0',
        amountTotal: amount,
        isMajorNew: false,
        description: options.description ?? '',
        contactName: null,
        contactPhone: null,
        status: options.status ?? 'reserve',
        searchText: segmentForIndex(name, options.description, code),
        createdBy: null,
        createdAt: clock.now(),
        updatedAt: clock.now(),
      })
      .returningAll()
      .executeTakeFirstOrThrow()
  }

  /**
   * A library indicator, indexed for search. Owned by a jurisdiction (null: shared); a proposal (status
   * 'proposed') also names the org node it came from.
   */
  async function indicator(options: { owner: OrgNode | null; status?: IndicatorStatus; proposedBy?: OrgNode; code?: string } & Partial<IndicatorContent> = { owner: null }) {
    const { owner, status, proposedBy, code, ...content } = options
    const row = await db
      .insertInto('indicator')
      .values({
        code: code ?? `T${next()}`,
        name: content.name ?? `测试指标${next()}`,
        level1: content.level1 ?? '产出指标',
        level2: content.level2 ?? '数量指标',
        nature: content.nature ?? '>=',
        unit: content.unit ?? '个',
        definition: content.definition ?? '用于测试的指标解释。',
        formula: content.formula ?? '—',
        dataSource: content.dataSource ?? '测试数据',
        valueBasis: content.valueBasis ?? 'plan',
        scoringRule: content.scoringRule ?? '达到目标值得满分',
        sectors: content.sectors ?? [],
        projectKinds: content.projectKinds ?? [],
        scope: content.scope ?? 'individual',
        costKind: content.costKind ?? null,
        exampleTarget: content.exampleTarget ?? null,
        ownerJurisdictionCode: owner ? owner.jurisdictionCode : null,
        validFromYear: 2020,
        status: status ?? 'active',
        proposedOrgCode: proposedBy?.code ?? null,
        createdAt: clock.now(),
        updatedAt: clock.now(),
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    if (row.status !== 'superseded' && row.status !== 'rejected') await indexIndicators(db, [row])
    return row
  }

  /**
   * A project's goal of its fiscal year, written directly in the given status (approved ones are in force from
   * now), with a complete set of indicators unless others are given.
   */
  async function goal(options: { project: Project; status?: GoalStatus; financeGrade?: Grade | null; indicators?: GoalIndicatorInput[] }) {
    const { project } = options
    const status = options.status ?? 'draft'
    const inForce = status === 'approved' || status === 'published'
    const row = await db
      .insertInto('goal')
      .values({
        lineageId: crypto.randomUUID(),
        kind: 'project',
        projectId: project.id,
        fiscalYear: project.fiscalYear,
        jurisdictionCode: project.jurisdictionCode,
        departmentCode: project.departmentCode,
        unitCode: project.unitCode,
        name: `${project.name}绩效目标`,
        overallTarget: '完成培训500人次，参训人员满意度不低于90%。',
        annualTarget: '完成培训500人次，参训人员满意度不低于90%。',
        mediumTermTarget: '',
        frameworkCode: 'legacy-88',
        status,
        financeGrade: options.financeGrade ?? (inForce ? '优' : null),
        submittedAt: status === 'draft' ? null : clock.now(),
        approvedAt: inForce ? clock.now() : null,
        inForceFrom: inForce ? clock.now() : null,
        createdAt: clock.now(),
        updatedAt: clock.now(),
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    const indicators = options.indicators ?? goodGoalIndicators()
    if (indicators.length) {
      await db.insertInto('goalIndicator').values(indicators.map((i, index) => ({ ...i, goalId: row.id, sortOrder: index + 1, indicatorCode: null }))).execute()
    }
    return row
  }

  return { jurisdiction, department, unit, user, project, indicator, goal }
}

/** Indicators a good project goal has: every 一级, numbers with units, one deadline. */
export function goodGoalIndicators(): GoalIndicatorInput[] {
  const row = (level1: string, level2: string, name: string, nature: GoalIndicatorInput['nature'], target: string, unit: string): GoalIndicatorInput => ({
    level1, level2, name, indicatorId: null, nature, target, unit, mediumTermTarget: null, weight: null, valueBasis: 'plan', scoringRule: '',
  })
  return [
    row('产出指标', '数量指标', '培训人次', '>=', '500', '人次'),
    row('产出指标', '质量指标', '培训合格率', '>=', '95', '%'),
    row('产出指标', '时效指标', '培训完成时间', 'qualitative', '2026年11月30日前', ''),
    row('效益指标', '社会效益指标', '参训人员考核优良率', '>=', '90', '%'),
    row('满意度指标', '服务对象满意度指标', '参训人员满意度', '>=', '90', '%'),
  ]
}
