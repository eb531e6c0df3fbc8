import type { EscalationLevel, FindingOrigin, RectificationMove, RectificationSourceType, RectificationStatus, RectificationTodo } from '../../../../domain/results'

/** One 整改 item as GET /api/rectifications lists it. */
export interface RectificationListItem {
  id: string
  jurisdictionCode: string
  jurisdictionName: string
  fiscalYear: number
  sourceType: RectificationSourceType
  sourceId: string | null
  sourceLink: string | null
  origin: FindingOrigin | null
  projectId: string | null
  projectCode: string | null
  projectName: string | null
  ownerUnitCode: string
  ownerName: string
  departmentCode: string
  departmentName: string
  problem: string
  requiredMeasure: string
  dueOn: string
  status: RectificationStatus
  response: string
  respondedAt: string | null
  verifiedAt: string | null
  closedAt: string | null
  createdByName: string | null
  version: number
  createdAt: string
  escalation: { level: EscalationLevel; daysOverdue: number; formula: string }
  moves: RectificationMove[]
}

export interface RectificationEvent {
  id: string
  action: 'raise' | RectificationMove
  fromStatus: RectificationStatus | null
  toStatus: RectificationStatus
  opinion: string
  createdAt: string
  actorName: string | null
}

export interface RectificationEvidence {
  id: string
  fileId: string
  fileName: string
  contentType: string
  sizeBytes: number
  note: string
  uploadedAt: string
  uploadedByName: string | null
}

export interface Rectification extends RectificationListItem {
  events: RectificationEvent[]
  evidence: RectificationEvidence[]
}

export interface RectificationFilters {
  [key: string]: string | number | undefined
  q?: string
  status?: RectificationStatus
  sourceType?: RectificationSourceType
  overdue?: 'true'
  /** What waits on the user (the home page's to-dos): answer, verify, close. */
  todo?: RectificationTodo
  departmentCode?: string
  fiscalYear?: number
  projectId?: string
  sourceId?: string
}

export interface CreateRectificationValues {
  origin: FindingOrigin
  ownerCode: string
  projectId?: string
  problem: string
  requiredMeasure: string
  dueOn?: string
}
