/** One department's row of 人大材料 (GET /api/npc/packages): what its package of the year holds. */
export interface NpcPackageRow {
  code: string
  name: string
  jurisdictionCode: string
  jurisdictionName: string
  fiscalYear: number
  majorProjects: number
  majorWithGoal: number
  departmentGoal: boolean
  keyEvaluations: number
  selfEvaluations: number
  openRectifications: number
  status: 'ready' | 'empty'
}

export interface NpcPackageFilters {
  [key: string]: string | number | undefined
  fiscalYear: number
  q?: string
  jurisdictionCode?: string
}

export interface NpcBundleStarted {
  jobRunId: string
  jurisdictionCode: string
  fiscalYear: number
  departments: number
}
