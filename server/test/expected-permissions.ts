import type { Permission, Role } from '../../domain/roles.ts'

/**
 * What each role may do, written out by hand: the authorization matrix takes its expectations from here, never
 * from domain/roles.ts, so a permission granted by mistake there (audit_admin with user.manage) turns the matrix red.
 * Change this only together with the decision to change the role.
 */
export const expectedPermissions: Record<Role, readonly Permission[]> = {
  finance_admin: [
    'org.read',
    'project.read', 'project.edit', 'project.review', 'project.budget', 'project.close',
    'indicator.read', 'indicator.propose', 'indicator.manage',
    'ruleset.read', 'ruleset.manage',
    'goal.read', 'goal.edit', 'goal.review', 'goal.approve',
    'exante.read', 'exante.edit', 'exante.conclude',
    'monitoring.read', 'monitoring.review', 'monitoring.manage', 'monitoring.act',
    'execution.read', 'execution.push', 'execution.adjust',
    'evaluation.read', 'evaluation.review', 'evaluation.manage', 'evaluation.spotcheck', 'evaluation.key', 'agency.read', 'agency.manage', 'expert.read', 'expert.manage', 'expert.draw',
    'results.read', 'results.manage', 'budget.decide',
    'npc.read',
  ],
  finance_reviewer: [
    'org.read',
    'project.read', 'project.review', 'project.budget',
    'indicator.read',
    'ruleset.read',
    'goal.read', 'goal.review', 'goal.approve',
    'exante.read', 'exante.conclude',
    'monitoring.read', 'monitoring.review',
    'execution.read',
    'evaluation.read', 'evaluation.review', 'evaluation.spotcheck', 'agency.read', 'expert.read',
    'results.read',
    'npc.read',
  ],
  dept_user: [
    'org.read',
    'project.read', 'project.edit', 'project.review', 'project.close',
    'indicator.read', 'indicator.propose',
    'ruleset.read',
    'goal.read', 'goal.edit', 'goal.review',
    'exante.read', 'exante.edit',
    'monitoring.read', 'monitoring.fill', 'monitoring.review', 'monitoring.act',
    'execution.read',
    'evaluation.read', 'evaluation.fill', 'evaluation.review', 'evaluation.key', 'agency.read', 'expert.read', 'expert.draw',
    'results.read', 'results.respond', 'results.verify',
    'npc.read',
  ],
  unit_user: ['org.read', 'project.read', 'project.edit', 'indicator.read', 'indicator.propose', 'ruleset.read', 'goal.read', 'goal.edit', 'exante.read', 'exante.edit', 'monitoring.read', 'monitoring.fill', 'execution.read', 'evaluation.read', 'evaluation.fill', 'results.read', 'results.respond'],
  agency_user: ['indicator.read', 'ruleset.read', 'exante.read', 'exante.edit', 'monitoring.read', 'monitoring.verify', 'evaluation.agency_work'],
  expert: ['indicator.read', 'ruleset.read', 'goal.expert_review', 'exante.read', 'exante.edit', 'evaluation.expert_score'],
  viewer: ['org.read', 'project.read', 'indicator.read', 'ruleset.read', 'goal.read', 'exante.read', 'monitoring.read', 'execution.read', 'evaluation.read', 'results.read', 'npc.read'],
  sys_admin: ['org.read', 'org.manage', 'user.read', 'user.manage'],
  sec_admin: ['org.read', 'user.read', 'user.unlock', 'settings.manage'],
  audit_admin: ['audit.read'],
  integration: ['execution.push'],
}

// 信息公开 (issue 14): read and propose where the records are, approve and withdraw at the bureau.
const disclosureExpected: Partial<Record<Role, readonly Permission[]>> = {
  finance_admin: ['disclosure.read', 'disclosure.propose', 'disclosure.approve'],
  finance_reviewer: ['disclosure.read'],
  dept_user: ['disclosure.read', 'disclosure.propose'],
  unit_user: ['disclosure.read', 'disclosure.propose'],
  viewer: ['disclosure.read'],
}
for (const [role, extra] of Object.entries(disclosureExpected) as [Role, readonly Permission[]][]) expectedPermissions[role] = [...expectedPermissions[role], ...extra]
