/** The org tree's vocabulary, shared by the server's tables and the web's API types. */
export type OrgKind = 'jurisdiction' | 'department' | 'unit'
export type JurisdictionLevel = 'province' | 'city' | 'district' | 'functional'
export type ActiveStatus = 'active' | 'disabled'
