// Response and request shapes of the HTTP API, as agreed with server/.

import type { ActiveStatus, JurisdictionLevel, OrgKind } from '../../domain/org'

export type { JurisdictionLevel, OrgKind }
export type RecordStatus = ActiveStatus
export type SortOrder = 'asc' | 'desc'

// Roles and permissions are domain vocabulary, shared with the server.
export { type Permission, permissions as PERMISSIONS, type Role, roles as ROLES } from '../../domain/roles'

export interface Me {
  id: string
  username: string
  displayName: string
  roles: string[]
  permissions: string[]
  org: { code: string; name: string; kind: OrgKind; jurisdictionCode: string }
  /** Opened or reset by an administrator: only the change-password page works until it is changed. */
  mustChangePassword: boolean
}

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown }
}

export interface FieldError {
  path: string
  message: string
}

export interface Paged<T> {
  items: T[]
  total: number
  page: number
  pageSize: number
}

// A type, not an interface, so it fits the index signature of a query.
export type PageParams = {
  page: number
  pageSize: number
  sort?: string
  order?: SortOrder
}

export interface OrgTreeNode {
  code: string
  name: string
  kind: OrgKind
  status: RecordStatus
  children: OrgTreeNode[]
}

export interface Jurisdiction {
  code: string
  name: string
  level: JurisdictionLevel
  parentCode: string | null
  financeBureauName: string
  status: RecordStatus
  version: number
}

export interface Department {
  code: string
  name: string
  jurisdictionCode: string
  jurisdictionName: string
  status: RecordStatus
  version: number
}

export interface Unit {
  code: string
  name: string
  departmentCode: string
  departmentName: string
  jurisdictionCode: string
  status: RecordStatus
  version: number
}

export interface User {
  id: string
  username: string
  displayName: string
  orgCode: string
  orgName: string
  orgKind: OrgKind
  roles: string[]
  status: RecordStatus
  mustChangePassword: boolean
  lockedUntil: string | null
  lastLoginAt: string | null
  version: number
}

export interface AuditEntry {
  id: string | number
  at: string
  username: string | null
  action: string
  entityType: string
  entityId: string | null
  before: unknown
  after: unknown
  requestId: string | null
  clientIp: string | null
}

export interface SecuritySettings {
  passwordMinLength: number
  passwordMinClasses: number
  maxFailedLogins: number
  lockoutMinutes: number
  accountMaxFailedLogins: number
  sessionIdleMinutes: number
  sessionMaxHours: number
  version: number
}
