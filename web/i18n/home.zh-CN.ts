// 首页: each role's working page — its to-dos, key figures and recent records.
export const homeZhCN = {
  welcome: '欢迎，{{name}}',
  todos: '我的待办',
  noTodos: '当前没有等待您处理的事项',
  todo: {
    goalsWaiting: '待处理的绩效目标',
    expertReviews: '待评审的绩效目标',
    exanteToConclude: '待作出结论的事前评估',
    exanteToAssess: '待评估的事前评估',
    proposalsToConfirm: '待确认的指标提议',
    projectsToReview: '待入库审核的项目',
  },
  figures: {
    projects: '项目库',
    projectsTotal: '项目总数（不含已取消）',
    money: '项目资金（不含已取消）',
    moneyUnit: '万元',
    count: '{{count}} 个',
    goals: '绩效目标',
    exante: '事前绩效评估',
  },
  recent: {
    projects: '最近变动的项目',
    goals: '最近变动的绩效目标',
    exante: '最近变动的事前评估',
    empty: '暂无记录',
    more: '查看全部',
  },
  quickLinks: '快捷入口',
  noLinks: '暂无可访问的功能',
  loadFailed: '首页数据加载失败',
}
