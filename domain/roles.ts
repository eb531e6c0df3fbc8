/** Roles and what each may do. Data scope is separate: it follows the user's place in the org tree. */
export const roles = [
  'finance_admin',
  'finance_reviewer',
  'dept_user',
  'unit_user',
  'agency_user',
  'expert',
  'viewer',
  'sys_admin',
  'sec_admin',
  'audit_admin',
  'integration',
] as const
export type Role = (typeof roles)[number]

export const permissions = [
  'org.read',
  'org.manage',
  'user.read',
  'user.manage',
  'user.unlock',
  'settings.manage',
  'audit.read',
  'project.read',
  'project.edit',
  'project.review',
  'project.budget',
  'project.close',
  'indicator.read',
  'indicator.propose',
  'indicator.manage',
  'ruleset.read',
  'ruleset.manage',
  'goal.read',
  'goal.edit',
  'goal.review',
  'goal.approve',
  'goal.expert_review',
  'exante.read',
  'exante.edit',
  'exante.conclude',
  'monitoring.read',
  'monitoring.fill',
  'monitoring.review',
  'monitoring.manage',
  'monitoring.verify',
  'monitoring.act',
  'execution.read',
  'execution.push',
  'execution.adjust',
  'evaluation.read',
  'evaluation.fill',
  'evaluation.review',
  'evaluation.manage',
  'evaluation.spotcheck',
  'evaluation.key',
  'evaluation.agency_work',
  'evaluation.expert_score',
  'agency.read',
  'agency.manage',
  'expert.read',
  'expert.manage',
  'expert.draw',
  'results.read',
  'results.respond',
  'results.verify',
  'results.manage',
  'budget.decide',
  'npc.read',
  'disclosure.read',
  'disclosure.propose',
  'disclosure.approve',
] as const
export type Permission = (typeof permissions)[number]

// 等保 三员分立: sys_admin runs accounts and org, sec_admin security settings and unlocks,
// audit_admin only reads the audit log. No role holds two of those three.
const grants: Record<Role, readonly Permission[]> = {
  finance_admin: ['org.read', 'project.read', 'project.edit', 'project.review', 'project.budget', 'project.close', 'indicator.read', 'indicator.propose', 'indicator.manage', 'ruleset.read', 'ruleset.manage', 'goal.read', 'goal.edit', 'goal.review', 'goal.approve', 'exante.read', 'exante.edit', 'exante.conclude', 'monitoring.read', 'monitoring.review', 'monitoring.manage', 'monitoring.act', 'execution.read', 'execution.push', 'execution.adjust', 'evaluation.read', 'evaluation.review', 'evaluation.manage', 'evaluation.spotcheck', 'evaluation.key', 'agency.read', 'agency.manage', 'expert.read', 'expert.manage', 'expert.draw', 'results.read', 'results.manage', 'budget.decide', 'npc.read'],
  finance_reviewer: ['org.read', 'project.read', 'project.review', 'project.budget', 'indicator.read', 'ruleset.read', 'goal.read', 'goal.review', 'goal.approve', 'exante.read', 'exante.conclude', 'monitoring.read', 'monitoring.review', 'execution.read', 'evaluation.read', 'evaluation.review', 'evaluation.spotcheck', 'agency.read', 'expert.read', 'results.read', 'npc.read'],
  dept_user: ['org.read', 'project.read', 'project.edit', 'project.review', 'project.close', 'indicator.read', 'indicator.propose', 'ruleset.read', 'goal.read', 'goal.edit', 'goal.review', 'exante.read', 'exante.edit', 'monitoring.read', 'monitoring.fill', 'monitoring.review', 'monitoring.act', 'execution.read', 'evaluation.read', 'evaluation.fill', 'evaluation.review', 'evaluation.key', 'agency.read', 'expert.read', 'expert.draw', 'results.read', 'results.respond', 'results.verify', 'npc.read'],
  unit_user: ['org.read', 'project.read', 'project.edit', 'indicator.read', 'indicator.propose', 'ruleset.read', 'goal.read', 'goal.edit', 'exante.read', 'exante.edit', 'monitoring.read', 'monitoring.fill', 'execution.read', 'evaluation.read', 'evaluation.fill', 'results.read', 'results.respond'],
  agency_user: ['indicator.read', 'ruleset.read', 'exante.read', 'exante.edit', 'monitoring.read', 'monitoring.verify', 'evaluation.agency_work'],
  expert: ['indicator.read', 'ruleset.read', 'goal.expert_review', 'exante.read', 'exante.edit', 'evaluation.expert_score'],
  viewer: ['org.read', 'project.read', 'indicator.read', 'ruleset.read', 'goal.read', 'exante.read', 'monitoring.read', 'execution.read', 'evaluation.read', 'results.read', 'npc.read'],
  sys_admin: ['org.read', 'org.manage', 'user.read', 'user.manage'],
  sec_admin: ['org.read', 'user.read', 'user.unlock', 'settings.manage'],
  audit_admin: ['audit.read'],
  // A system-integration account (the treasury payment system): pushes payments and reads payment holds, nothing else.
  integration: ['execution.push'],
}

/**
 * 信息公开 (issue 14): departments and units read and propose decisions on their own records, the bureau's
 * performance administrator approves and withdraws, reviewers and the 人大/审计 reader look.
 */
const disclosureGrants: Partial<Record<Role, readonly Permission[]>> = {
  finance_admin: ['disclosure.read', 'disclosure.propose', 'disclosure.approve'],
  finance_reviewer: ['disclosure.read'],
  dept_user: ['disclosure.read', 'disclosure.propose'],
  unit_user: ['disclosure.read', 'disclosure.propose'],
  viewer: ['disclosure.read'],
}
for (const [role, extra] of Object.entries(disclosureGrants) as [Role, readonly Permission[]][]) grants[role] = [...grants[role], ...extra]

export function permissionsOf(userRoles: readonly string[]): Permission[] {
  const granted = new Set<Permission>()
  for (const role of userRoles) for (const p of grants[role as Role] ?? []) granted.add(p)
  return permissions.filter((p) => granted.has(p))
}

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value)
}

/** The three separated administrators may not be combined with each other (三员分立). */
export function violatesSeparationOfDuties(userRoles: readonly string[]): boolean {
  return ['sys_admin', 'sec_admin', 'audit_admin'].filter((r) => userRoles.includes(r)).length > 1
}

export const roleLabels: Record<Role, { zh: string; en: string }> = {
  finance_admin: { zh: '财政局绩效管理员', en: 'Finance performance administrator' },
  finance_reviewer: { zh: '财政局审核人员', en: 'Finance reviewer' },
  dept_user: { zh: '主管部门用户', en: 'Department user' },
  unit_user: { zh: '预算单位用户', en: 'Budget unit user' },
  agency_user: { zh: '第三方机构用户', en: 'Third-party agency user' },
  expert: { zh: '评审专家', en: 'Expert' },
  viewer: { zh: '人大/审计查阅', en: 'NPC / audit reader' },
  sys_admin: { zh: '系统管理员', en: 'System administrator' },
  sec_admin: { zh: '安全管理员', en: 'Security administrator' },
  audit_admin: { zh: '安全审计员', en: 'Audit administrator' },
  integration: { zh: '系统对接账户', en: 'System integration account' },
}

/** Where in the org tree each role may sit: a unit user at a unit, a department user at a department, the rest at a finance bureau. */
export const roleOrgKinds: Record<Role, readonly ('jurisdiction' | 'department' | 'unit')[]> = {
  finance_admin: ['jurisdiction'],
  finance_reviewer: ['jurisdiction'],
  dept_user: ['department'],
  unit_user: ['unit'],
  agency_user: ['jurisdiction'],
  expert: ['jurisdiction'],
  viewer: ['jurisdiction'],
  sys_admin: ['jurisdiction'],
  sec_admin: ['jurisdiction'],
  audit_admin: ['jurisdiction'],
  integration: ['jurisdiction'],
}
