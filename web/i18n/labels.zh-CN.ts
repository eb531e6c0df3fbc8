// Words for codes that would otherwise reach the screen raw: audit record kinds, and the like.
export const labelsZhCN = {
  relevanceHint: '与最相关的一项相比（最相关为 100%）',
  conflict: {
    title: '他人已修改了此记录',
    kept: '您的操作没有执行，填写的内容已保留；请重新加载最新内容，核对后再确认。',
    nowStatus: '当前状态：{{status}}',
    reload: '重新加载',
    reloaded: '已加载最新内容，您填写的内容仍在。请核对后再次确认。',
    noLongerApplies: '已加载最新内容：此操作已不适用（{{reason}}）。',
  },
  record: '对象',
  thisRecord: '该记录',
  showTrail: '只看该记录的审计日志',
  entityTypes: {
    project: '项目',
    goal: '绩效目标',
    exante: '事前绩效评估',
    indicator: '指标',
    indicator_framework: '指标体系',
    rule_set: '规则集',
    org_node: '组织机构',
    user: '用户',
    setting: '安全设置',
    system: '系统',
    other: '其他',
  },
}
