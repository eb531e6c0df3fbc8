import type { OrgNode } from '../db/schema.ts'
import type { TestContext } from './context.ts'

let serial = 0
const next = () => ++serial

/** A credit code that passes the 统一社会信用代码 pattern, unique per call. */
export const creditCode = () => `91440300MA5${String(next()).padStart(7, '0')}`

/** Key evaluations, agencies and experts written straight to their tables (no audit rows). */
export function agencyFactories(t: TestContext) {
  return {
    /** A 财政重点评价 of a fresh project of the unit, commissioned by the unit's jurisdiction. */
    /** A 财政重点评价 by the unit's bureau, or with `level: 'department'` a 部门评价 commissioned by the unit's department. */
    async keyEvaluation(options: { unit: OrgNode; objectKind?: 'project' | 'department'; projectId?: string; name?: string; fiscalYear?: number; level?: 'finance' | 'department' }) {
      const project = options.projectId ? { id: options.projectId } : await t.make.project({ unit: options.unit, code: `KE${next()}` })
      const objectKind = options.objectKind ?? 'project'
      return t.db
        .insertInto('keyEvaluation')
        .values({
          jurisdictionCode: options.unit.jurisdictionCode,
          fiscalYear: options.fiscalYear ?? 2025,
          level: options.level ?? 'finance',
          objectKind,
          projectId: objectKind === 'project' ? project.id : null,
          commissionerCode: options.level === 'department' ? options.unit.departmentCode! : options.unit.jurisdictionCode,
          departmentCode: options.unit.departmentCode,
          unitCode: objectKind === 'project' ? options.unit.code : null,
          name: options.name ?? `重点评价${next()}`,
          template: objectKind === 'department' ? 'department' : 'no10',
          createdAt: t.clock.now(),
          updatedAt: t.clock.now(),
        })
        .returningAll()
        .executeTakeFirstOrThrow()
    },
    async agency(options: { jurisdiction: OrgNode; name?: string; orgCode?: string | null; userIds?: string[]; creditStatus?: 'good' | 'warned' | 'blacklisted' }) {
      return t.db
        .insertInto('agency')
        .values({
          jurisdictionCode: options.jurisdiction.code,
          name: options.name ?? `评价机构${next()}`,
          creditCode: creditCode(),
          type: 'consulting',
          staffCount: 20,
          creditStatus: options.creditStatus ?? 'good',
          orgCode: options.orgCode ?? null,
          userIds: options.userIds ?? [],
          createdAt: t.clock.now(),
          updatedAt: t.clock.now(),
        })
        .returningAll()
        .executeTakeFirstOrThrow()
    },
    async expert(options: { jurisdiction: OrgNode; name?: string; fields?: string[]; affiliationCode?: string | null; userId?: string | null; active?: boolean }) {
      return t.db
        .insertInto('expert')
        .values({
          jurisdictionCode: options.jurisdiction.code,
          name: options.name ?? `专家${next()}`,
          fields: options.fields ?? ['财务管理'],
          affiliationCode: options.affiliationCode ?? null,
          affiliation: '某大学',
          userId: options.userId ?? null,
          active: options.active ?? true,
          createdAt: t.clock.now(),
          updatedAt: t.clock.now(),
        })
        .returningAll()
        .executeTakeFirstOrThrow()
    },
  }
}
