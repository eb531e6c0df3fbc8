/** What each audit action means, for people reading the audit log. Unknown actions show their code. */
export const auditActionLabels: Record<string, { zh: string; en: string }> = {
  'auth.login': { zh: '登录', en: 'Signed in' },
  'auth.login_failed': { zh: '登录失败', en: 'Failed sign-in' },
  'auth.login_refused': { zh: '拒绝登录', en: 'Sign-in refused' },
  'auth.locked': { zh: '账号锁定', en: 'Account locked' },
  'auth.logout': { zh: '退出登录', en: 'Signed out' },
  'user.create': { zh: '新增用户', en: 'User created' },
  'user.update': { zh: '修改用户', en: 'User changed' },
  'user.unlock': { zh: '解锁用户', en: 'User unlocked' },
  'user.reset_password': { zh: '重置密码', en: 'Password reset' },
  'user.change_own_password': { zh: '修改本人密码', en: 'Own password changed' },
  'org.create_jurisdiction': { zh: '新增行政区划', en: 'Jurisdiction created' },
  'org.create_department': { zh: '新增主管部门', en: 'Department created' },
  'org.create_unit': { zh: '新增预算单位', en: 'Unit created' },
  'org.update_jurisdiction': { zh: '修改行政区划', en: 'Jurisdiction changed' },
  'org.update_department': { zh: '修改主管部门', en: 'Department changed' },
  'org.update_unit': { zh: '修改预算单位', en: 'Unit changed' },
  'settings.update': { zh: '修改安全设置', en: 'Security settings changed' },
  'project.create': { zh: '新增项目', en: 'Project created' },
  'project.update': { zh: '修改项目', en: 'Project changed' },
  'project.delete': { zh: '删除项目', en: 'Project deleted' },
  'project.status': { zh: '项目状态变更', en: 'Project status changed' },
  'project.import': { zh: '导入项目', en: 'Project imported' },
  'project.attach': { zh: '上传附件', en: 'Attachment added' },
  'project.detach': { zh: '删除附件', en: 'Attachment removed' },
  'system.seed_demo': { zh: '写入演示数据', en: 'Demo data seeded' },
  'system.generate_bench': { zh: '生成压测数据', en: 'Benchmark data generated' },
}

export function auditActionLabel(action: string, lang: 'zh' | 'en'): string {
  return auditActionLabels[action]?.[lang] ?? action
}
