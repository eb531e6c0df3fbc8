import type { homeZhCN } from './home.zh-CN'

type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> }

export const homeEn: Messages<typeof homeZhCN> = {
  welcome: 'Welcome, {{name}}',
  todos: 'My to-dos',
  noTodos: 'Nothing is waiting for you',
  todo: {
    goalsWaiting: 'Performance goals waiting for you',
    expertReviews: 'Goals to review as an expert',
    exanteToConclude: 'Ex-ante assessments to conclude',
    exanteToAssess: 'Ex-ante assessments to carry out',
    proposalsToConfirm: 'Indicator proposals to decide',
    projectsToReview: 'Projects waiting for library review',
    monitoringToFill: 'Monitoring forms to fill',
    monitoringToReview: 'Monitoring forms to review',
    monitoringToVerify: 'Key monitoring forms to verify',
    actionsToAnswer: 'Corrective actions to answer',
    actionsToClose: 'Corrective actions to close',
    rectificationsToAnswer: 'Rectifications to answer',
    rectificationsToVerify: 'Rectifications to verify',
    rectificationsToClose: 'Rectifications to close',
    rectificationsOverdue: 'Overdue rectifications',
  },
  figures: {
    projects: 'Project library',
    projectsTotal: 'Projects (excluding cancelled)',
    money: 'Project funds (excluding cancelled)',
    moneyUnit: '10k yuan',
    count: '{{count}}',
    goals: 'Performance goals',
    exante: 'Ex-ante assessments',
  },
  recent: {
    projects: 'Recently changed projects',
    goals: 'Recently changed goals',
    exante: 'Recently changed ex-ante assessments',
    empty: 'Nothing yet',
    more: 'See all',
  },
  quickLinks: 'Quick links',
  noLinks: 'No functions available',
  loadFailed: 'The home page could not be loaded',
}
