import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely'
import type { ProjectInput, ProjectStatus } from '../../domain/projects.ts'

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>

import type { ActiveStatus, JurisdictionLevel, OrgKind } from '../../domain/org.ts'

export type { ActiveStatus, JurisdictionLevel, OrgKind }

export interface OrgNodeTable {
  code: string
  kind: OrgKind
  name: string
  level: JurisdictionLevel | null
  parentCode: string | null
  jurisdictionCode: string
  departmentCode: string | null
  path: string
  financeBureauName: string | null
  formerNames: ColumnType<string[], string[] | undefined, string[]>
  status: ColumnType<ActiveStatus, ActiveStatus | undefined, ActiveStatus>
  version: Generated<number>
  createdAt: Timestamp
  updatedAt: Timestamp
}

export interface AppUserTable {
  id: Generated<string>
  username: string
  displayName: string
  passwordHash: string
  orgCode: string
  roles: string[]
  status: ColumnType<ActiveStatus, ActiveStatus | undefined, ActiveStatus>
  failedLoginCount: Generated<number>
  lockedUntil: Date | null
  lastLoginAt: Date | null
  passwordChangedAt: Timestamp
  version: Generated<number>
  createdAt: Timestamp
  updatedAt: Timestamp
}

export interface UserSessionTable {
  tokenHash: string
  userId: string
  createdAt: Date
  lastSeenAt: Date
  clientIp: string | null
  userAgent: string | null
}

export interface SettingTable {
  key: string
  value: unknown
  version: Generated<number>
  updatedAt: Timestamp
}

export interface AuditLogTable {
  seq: number
  at: Date
  actorId: string | null
  actorUsername: string | null
  actorOrgPath: string | null
  action: string
  entityType: string
  entityId: string | null
  before: unknown
  after: unknown
  requestId: string | null
  clientIp: string | null
  prevHash: string
  hash: string
}

export interface AuditHeadTable {
  id: number
  seq: number
  hash: string
}

export interface StoredFileTable {
  id: Generated<string>
  sha256: string
  fileName: string
  contentType: string
  sizeBytes: number
  content: Uint8Array
  createdBy: string | null
  createdAt: Timestamp
}

/** Money columns are numeric(18,2): decimal strings both ways, never floats. */
export interface ProjectTable extends ProjectInput {
  id: Generated<string>
  jurisdictionCode: string
  departmentCode: string
  amountFiscal: string
  amountTotal: string
  status: ColumnType<ProjectStatus, ProjectStatus | undefined, ProjectStatus>
  searchText: string
  version: Generated<number>
  createdBy: string | null
  createdAt: Timestamp
  updatedAt: Timestamp
}

export interface ProjectAttachmentTable {
  id: Generated<string>
  projectId: string
  fileId: string
  createdBy: string | null
  createdAt: Timestamp
}

export interface Database {
  orgNode: OrgNodeTable
  appUser: AppUserTable
  userSession: UserSessionTable
  setting: SettingTable
  auditLog: AuditLogTable
  auditHead: AuditHeadTable
  storedFile: StoredFileTable
  project: ProjectTable
  projectAttachment: ProjectAttachmentTable
}

export type OrgNode = Selectable<OrgNodeTable>
export type NewOrgNode = Insertable<OrgNodeTable>
export type OrgNodeUpdate = Updateable<OrgNodeTable>
export type AppUser = Selectable<AppUserTable>
export type AuditLog = Selectable<AuditLogTable>
export type Project = Selectable<ProjectTable>
export type NewProject = Insertable<ProjectTable>
