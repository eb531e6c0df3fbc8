import type { RuleOverrides } from '../../../domain/rule-set-resolve'
import type { RuleSet } from '../../../domain/rule-set'

/** Effective rules with, for every leaf path, who set it ('全国默认', '深圳市 2026年 第1版'). */
export interface ResolvedRules {
  rules: RuleSet
  sourceOf: Record<string, string>
}

/** GET /api/rule-sets/:jurisdictionCode/:fiscalYear */
export interface RuleSetView {
  jurisdiction: { code: string; name: string }
  fiscalYear: number
  /** This jurisdiction's current revision for the year; 0 when it has none. */
  version: number
  own: { revision: number; overrides: RuleOverrides; note: string; createdAt: string } | null
  effective: ResolvedRules
  /** What the parents alone give: the values a reset-to-inherited goes back to. */
  inherited: ResolvedRules
  layers: { jurisdictionCode: string; fiscalYear: number; revision: number; source: string; overrides: RuleOverrides }[]
}

export interface RuleSetRevision {
  id: string
  revision: number
  overrides: RuleOverrides
  note: string
  isCurrent: boolean
  createdAt: string
  createdByName: string | null
}

export interface SaveRuleSetBody {
  version: number
  overrides: RuleOverrides
  note: string
}

export type FrameworkStatus = 'active' | 'disabled'

export interface FrameworkSummary {
  code: string
  name: string
  description: string
  /** null for the national templates. */
  jurisdictionCode: string | null
  jurisdictionName: string | null
  fiscalYearFrom: number
  status: FrameworkStatus
  version: number
}

export interface FrameworkNode {
  id: string
  name: string
  level: number
  mapsFrom: string[]
  children: { id: string; name: string; mapsFrom: string[] }[]
}

export interface FrameworkDetail extends FrameworkSummary {
  editable: boolean
  nodes: FrameworkNode[]
}

/** One 一级 node as PUT /api/frameworks/:code takes it. */
export interface FrameworkNodeInput {
  name: string
  mapsFrom: string[]
  children: { name: string; mapsFrom: string[] }[]
}

export interface CreateFrameworkBody {
  code: string
  name: string
  description: string
  fiscalYearFrom: number
  copyFrom: string
}

export interface UpdateFrameworkBody {
  version: number
  name: string
  description: string
  fiscalYearFrom: number
  status: FrameworkStatus
  nodes: FrameworkNodeInput[]
}
