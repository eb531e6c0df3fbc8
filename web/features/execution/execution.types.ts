import type { PaymentSource } from '../../../domain/monitoring'

/** A payment as the payments list shows it (GET /api/execution/payments). */
export interface PaymentItem {
  id: string
  projectId: string
  projectCode: string
  projectName: string
  unitCode: string
  unitName: string
  departmentCode: string
  jurisdictionCode: string
  fiscalYear: number
  paidOn: string
  month: number
  amount: string
  fundSource: string
  voucherNo: string
  source: PaymentSource
  createdAt: string
}

export type PaymentFilters = {
  q?: string
  fiscalYear?: number
  month?: number
  departmentCode?: string
  source?: PaymentSource
  projectId?: string
}

export interface AdjustmentItem {
  id: string
  projectId: string
  projectCode: string
  projectName: string
  unitName: string
  departmentCode: string
  fiscalYear: number
  amount: string
  reason: string
  adjustedOn: string
  actionId: string | null
  createdByName: string | null
  createdAt: string
}

export type AdjustmentFilters = { q?: string; fiscalYear?: number; departmentCode?: string; projectId?: string }

export interface NewAdjustment {
  projectId: string
  amount: string
  reason: string
  adjustedOn: string
}

export type PaymentAction = 'create' | 'unchanged' | 'error'

export interface PaymentRowError {
  row: number
  column: string | null
  field: string | null
  message: string
}

/** The answer of POST /api/execution/payments/import (preview or commit). */
export interface PaymentImportResult {
  dryRun: boolean
  total: number
  created: number
  unchanged: number
  errorCount: number
  errors: PaymentRowError[]
  ignoredColumns: string[]
  rows: {
    row: number
    action: PaymentAction
    projectCode: string | null
    projectName: string | null
    paidOn: string | null
    amount: string | null
    fundSource: string | null
    voucherNo: string | null
  }[]
}

/** GET /api/execution/projects/:id/funds */
export interface ProjectFunds {
  month: number
  budgetInitial: string
  adjustments: string
  budgetAdjusted: string
  executed: string
  monthly: string[]
  executionRate: string
  timeProgress: string
  budgetLight: { value: 'red' | 'yellow' | 'green' | 'blue'; rule: string; formula: string }
  forecast: { value: string; explained: { rule: string; formula: string; profile: string; expectedSharePercent: string } }
}
