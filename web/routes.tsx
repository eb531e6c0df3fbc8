import {
  AccountBookOutlined,
  AimOutlined,
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BookOutlined,
  BulbOutlined,
  CalculatorOutlined,
  CalendarOutlined,
  CarryOutOutlined,
  ClusterOutlined,
  ControlOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  FundProjectionScreenOutlined,
  GlobalOutlined,
  HomeOutlined,
  KeyOutlined,
  ProfileOutlined,
  SafetyOutlined,
  SettingOutlined,
  SlidersOutlined,
  SolutionOutlined,
  TeamOutlined,
  TrophyOutlined,
  UnorderedListOutlined,
  UploadOutlined,
  UserOutlined,
} from '@ant-design/icons'
import { SafetyCertificateOutlined } from '@ant-design/icons'
import { type ComponentType, type LazyExoticComponent, type ReactNode, lazy } from 'react'
import { matchPath } from 'react-router'
import { goalTodoPermissions, ruleSetPagePermissions } from '../domain/home'
import type { Me, Permission } from './api/types'
import { hasPermission } from './features/auth/CurrentUser'

/** A page: one router entry, one menu item, one access rule. */
export interface PageRoute {
  path: string
  /** i18n key of the menu label and page title. */
  labelKey: string
  icon: ReactNode
  /** Needed to see the menu item and open the page (a list: any one of them); none means any signed-in user. */
  permission?: Permission | readonly Permission[]
  page: LazyExoticComponent<ComponentType>
  /** Reached by links (detail, forms), not from the menu; the menu item whose path prefixes it stays selected. */
  hideInMenu?: boolean
  /** In the menu only for users at these kinds of org (a list of departments means nothing to a unit). */
  orgKinds?: readonly Me['org']['kind'][]
}

/** A menu group: no page of its own. */
export interface MenuGroup {
  key: string
  labelKey: string
  icon: ReactNode
  children: PageRoute[]
}

export type RouteEntry = PageRoute | MenuGroup

export const isMenuGroup = (entry: RouteEntry): entry is MenuGroup => 'children' in entry

// One page component behind several paths (to-do and expert reviews; new, edit and adjust).
const goalTodoPage = lazy(() => import('./features/goals/GoalTodoPage').then((m) => ({ default: m.GoalTodoPage })))
const goalEditorPage = lazy(() => import('./features/goals/GoalEditorPage').then((m) => ({ default: m.GoalEditorPage })))

const actionPagePermissions = ['monitoring.act', 'monitoring.fill', 'monitoring.review'] as const

// Icons are decorative (aria-hidden), so menu items are named "首页", not "home 首页".
export const routes: RouteEntry[] = [
  {
    path: '/',
    labelKey: 'nav.home',
    icon: <HomeOutlined aria-hidden />,
    page: lazy(() => import('./features/home/HomePage').then((m) => ({ default: m.HomePage }))),
  },
  {
    key: 'projects',
    labelKey: 'nav.projects',
    icon: <DatabaseOutlined aria-hidden />,
    children: [
      {
        path: '/projects',
        labelKey: 'nav.projectList',
        icon: <UnorderedListOutlined aria-hidden />,
        permission: 'project.read',
        page: lazy(() => import('./features/projects/ProjectListPage').then((m) => ({ default: m.ProjectListPage }))),
      },
      {
        path: '/projects/import',
        labelKey: 'nav.projectImport',
        icon: <UploadOutlined aria-hidden />,
        permission: 'project.edit',
        page: lazy(() => import('./features/projects/ProjectImportPage').then((m) => ({ default: m.ProjectImportPage }))),
      },
      {
        path: '/projects/new',
        labelKey: 'nav.projectCreate',
        icon: <FileTextOutlined aria-hidden />,
        permission: 'project.edit',
        hideInMenu: true,
        page: lazy(() => import('./features/projects/ProjectFormPage').then((m) => ({ default: m.ProjectFormPage }))),
      },
      {
        path: '/projects/:id/edit',
        labelKey: 'nav.projectEdit',
        icon: <FileTextOutlined aria-hidden />,
        permission: 'project.edit',
        hideInMenu: true,
        page: lazy(() => import('./features/projects/ProjectFormPage').then((m) => ({ default: m.ProjectFormPage }))),
      },
      {
        path: '/projects/:id',
        labelKey: 'nav.projectDetail',
        icon: <FileTextOutlined aria-hidden />,
        permission: 'project.read',
        hideInMenu: true,
        page: lazy(() => import('./features/projects/ProjectDetailPage').then((m) => ({ default: m.ProjectDetailPage }))),
      },
      {
        path: '/exante',
        labelKey: 'nav.exante',
        icon: <FileSearchOutlined aria-hidden />,
        permission: 'exante.read',
        page: lazy(() => import('./features/exante/ExAnteListPage').then((m) => ({ default: m.ExAnteListPage }))),
      },
      {
        path: '/exante/:id',
        labelKey: 'nav.exanteDetail',
        icon: <FileSearchOutlined aria-hidden />,
        permission: 'exante.read',
        hideInMenu: true,
        page: lazy(() => import('./features/exante/ExAnteDetailPage').then((m) => ({ default: m.ExAnteDetailPage }))),
      },
    ],
  },
  {
    key: 'indicators',
    labelKey: 'nav.indicators',
    icon: <BookOutlined aria-hidden />,
    children: [
      {
        path: '/indicators',
        labelKey: 'nav.indicatorLibrary',
        icon: <UnorderedListOutlined aria-hidden />,
        permission: 'indicator.read',
        page: lazy(() => import('./features/indicators/IndicatorLibraryPage').then((m) => ({ default: m.IndicatorLibraryPage }))),
      },
      {
        path: '/indicators/proposals',
        labelKey: 'nav.indicatorProposals',
        icon: <ProfileOutlined aria-hidden />,
        permission: 'indicator.propose',
        page: lazy(() => import('./features/indicators/IndicatorProposalsPage').then((m) => ({ default: m.IndicatorProposalsPage }))),
      },
      {
        path: '/indicators/recommend',
        labelKey: 'nav.indicatorRecommend',
        icon: <BulbOutlined aria-hidden />,
        // Recommends for one of the user's projects: agencies and experts have none to pick.
        permission: 'project.read',
        page: lazy(() => import('./features/indicators/IndicatorRecommendPage').then((m) => ({ default: m.IndicatorRecommendPage }))),
      },
    ],
  },
  {
    key: 'rules',
    labelKey: 'nav.rules',
    icon: <ControlOutlined aria-hidden />,
    children: [
      {
        path: '/rule-sets',
        labelKey: 'nav.ruleSets',
        icon: <SlidersOutlined aria-hidden />,
        permission: ruleSetPagePermissions,
        page: lazy(() => import('./features/rules/RuleSetPage').then((m) => ({ default: m.RuleSetPage }))),
      },
      {
        path: '/frameworks',
        labelKey: 'nav.ruleFrameworks',
        icon: <ClusterOutlined aria-hidden />,
        permission: 'indicator.read',
        page: lazy(() => import('./features/rules/FrameworksPage').then((m) => ({ default: m.FrameworksPage }))),
      },
      {
        path: '/rule-sets/trial',
        labelKey: 'nav.ruleTrial',
        icon: <CalculatorOutlined aria-hidden />,
        permission: ruleSetPagePermissions,
        page: lazy(() => import('./features/rules/TrialPage').then((m) => ({ default: m.TrialPage }))),
      },
    ],
  },
  {
    key: 'goals',
    labelKey: 'nav.goals',
    icon: <AimOutlined aria-hidden />,
    children: [
      {
        path: '/goals/todo',
        labelKey: 'nav.goalTodo',
        icon: <CarryOutOutlined aria-hidden />,
        permission: goalTodoPermissions,
        page: goalTodoPage,
      },
      {
        path: '/goals',
        labelKey: 'nav.goalList',
        icon: <UnorderedListOutlined aria-hidden />,
        permission: 'goal.read',
        page: lazy(() => import('./features/goals/GoalListPage').then((m) => ({ default: m.GoalListPage }))),
      },
      {
        path: '/goals/import',
        labelKey: 'nav.goalImport',
        icon: <UploadOutlined aria-hidden />,
        permission: 'goal.edit',
        page: lazy(() => import('./features/goals/GoalImportPage').then((m) => ({ default: m.GoalImportPage }))),
      },
      {
        // Experts read no goal list: their to-do is the goals assigned to them.
        path: '/goals/expert',
        labelKey: 'nav.goalExpert',
        icon: <SolutionOutlined aria-hidden />,
        permission: 'goal.expert_review',
        page: goalTodoPage,
      },
      {
        path: '/goals/new',
        labelKey: 'nav.goalCreate',
        icon: <FileTextOutlined aria-hidden />,
        permission: 'goal.edit',
        hideInMenu: true,
        page: goalEditorPage,
      },
      {
        path: '/goals/:id/edit',
        labelKey: 'nav.goalEdit',
        icon: <FileTextOutlined aria-hidden />,
        permission: 'goal.edit',
        hideInMenu: true,
        page: goalEditorPage,
      },
      {
        path: '/goals/:id/adjust',
        labelKey: 'nav.goalAdjust',
        icon: <FileTextOutlined aria-hidden />,
        permission: 'goal.edit',
        hideInMenu: true,
        page: goalEditorPage,
      },
      {
        // Read with goal.read, or by an expert the goal is assigned to: the server decides (404 otherwise).
        path: '/goals/:id',
        labelKey: 'nav.goalDetail',
        icon: <FileTextOutlined aria-hidden />,
        hideInMenu: true,
        page: lazy(() => import('./features/goals/GoalDetailPage').then((m) => ({ default: m.GoalDetailPage }))),
      },
    ],
  },
  {
    key: 'monitoring',
    labelKey: 'nav.monitoring',
    icon: <FundProjectionScreenOutlined aria-hidden />,
    children: [
      {
        path: '/monitoring/dashboard',
        labelKey: 'monitoringDashboard.nav.dashboard',
        icon: <DashboardOutlined aria-hidden />,
        permission: 'monitoring.read',
        page: lazy(() => import('./features/monitoring/dashboard/MonitoringDashboardPage').then((m) => ({ default: m.MonitoringDashboardPage }))),
      },
      {
        path: '/monitoring/rounds',
        labelKey: 'monitoringRounds.nav.rounds',
        icon: <CalendarOutlined aria-hidden />,
        permission: 'monitoring.read',
        page: lazy(() => import('./features/monitoring/rounds/RoundListPage').then((m) => ({ default: m.RoundListPage }))),
      },
      {
        path: '/monitoring/rounds/:id',
        labelKey: 'monitoringRounds.nav.roundDetail',
        icon: <CalendarOutlined aria-hidden />,
        permission: 'monitoring.read',
        hideInMenu: true,
        page: lazy(() => import('./features/monitoring/rounds/RoundDetailPage').then((m) => ({ default: m.RoundDetailPage }))),
      },
      {
        path: '/monitoring/forms',
        labelKey: 'monitoringForms.nav.list',
        icon: <ProfileOutlined aria-hidden />,
        permission: 'monitoring.read',
        page: lazy(() => import('./features/monitoring/forms/FormListPage').then((m) => ({ default: m.FormListPage }))),
      },
      {
        path: '/monitoring/forms/:id',
        labelKey: 'monitoringForms.nav.detail',
        icon: <FileTextOutlined aria-hidden />,
        permission: 'monitoring.read',
        hideInMenu: true,
        page: lazy(() => import('./features/monitoring/forms/FormEditorPage').then((m) => ({ default: m.FormEditorPage }))),
      },
      {
        path: '/monitoring/actions',
        labelKey: 'monitoringActions.nav.list',
        icon: <AlertOutlined aria-hidden />,
        // Agencies read monitoring but see only their assigned forms, no actions.
        permission: actionPagePermissions,
        page: lazy(() => import('./features/monitoring/actions/ActionListPage').then((m) => ({ default: m.ActionListPage }))),
      },
      {
        path: '/monitoring/actions/:id',
        labelKey: 'monitoringActions.nav.detail',
        icon: <AlertOutlined aria-hidden />,
        permission: actionPagePermissions,
        hideInMenu: true,
        page: lazy(() => import('./features/monitoring/actions/ActionDetailPage').then((m) => ({ default: m.ActionDetailPage }))),
      },
    ],
  },
  {
    key: 'execution',
    labelKey: 'execution.nav.group',
    icon: <AccountBookOutlined aria-hidden />,
    children: [
      {
        path: '/execution/payments',
        labelKey: 'execution.nav.payments',
        icon: <UnorderedListOutlined aria-hidden />,
        permission: 'execution.read',
        page: lazy(() => import('./features/execution/PaymentListPage').then((m) => ({ default: m.PaymentListPage }))),
      },
      {
        path: '/execution/import',
        labelKey: 'execution.nav.import',
        icon: <UploadOutlined aria-hidden />,
        permission: 'execution.push',
        page: lazy(() => import('./features/execution/PaymentImportPage').then((m) => ({ default: m.PaymentImportPage }))),
      },
      {
        path: '/execution/adjustments',
        labelKey: 'execution.nav.adjustments',
        icon: <SlidersOutlined aria-hidden />,
        permission: 'execution.read',
        page: lazy(() => import('./features/execution/AdjustmentListPage').then((m) => ({ default: m.AdjustmentListPage }))),
      },
    ],
  },
  {
    // 绩效评价: self-evaluation, spot-checks, key evaluations, third-party agencies and experts (issue 12).
    key: 'evaluation',
    labelKey: 'nav.evaluation',
    icon: <AuditOutlined aria-hidden />,
    children: [
      {
        path: '/evaluation/dashboard',
        labelKey: 'evaluationDashboard.nav.dashboard',
        icon: <DashboardOutlined aria-hidden />,
        permission: 'evaluation.read',
        page: lazy(() => import('./features/evaluation/dashboard/EvaluationDashboardPage').then((m) => ({ default: m.EvaluationDashboardPage }))),
      },
      {
        path: '/evaluation/self-rounds',
        labelKey: 'evaluationSelf.nav.rounds',
        icon: <CalendarOutlined aria-hidden />,
        permission: 'evaluation.read',
        page: lazy(() => import('./features/evaluation/self/SelfRoundListPage').then((m) => ({ default: m.SelfRoundListPage }))),
      },
      {
        path: '/evaluation/self-rounds/:id',
        labelKey: 'evaluationSelf.nav.roundDetail',
        icon: <CalendarOutlined aria-hidden />,
        permission: 'evaluation.read',
        hideInMenu: true,
        page: lazy(() => import('./features/evaluation/self/SelfRoundDetailPage').then((m) => ({ default: m.SelfRoundDetailPage }))),
      },
      {
        path: '/evaluation/self',
        labelKey: 'evaluationSelf.nav.forms',
        icon: <ProfileOutlined aria-hidden />,
        permission: 'evaluation.read',
        page: lazy(() => import('./features/evaluation/self/SelfFormListPage').then((m) => ({ default: m.SelfFormListPage }))),
      },
      {
        path: '/evaluation/self/coverage',
        labelKey: 'evaluationSelf.nav.coverage',
        icon: <DashboardOutlined aria-hidden />,
        permission: 'evaluation.read',
        page: lazy(() => import('./features/evaluation/self/SelfCoveragePage').then((m) => ({ default: m.SelfCoveragePage }))),
      },
      {
        path: '/evaluation/self/:id',
        labelKey: 'evaluationSelf.nav.form',
        icon: <FileTextOutlined aria-hidden />,
        permission: 'evaluation.read',
        hideInMenu: true,
        page: lazy(() => import('./features/evaluation/self/SelfFormEditorPage').then((m) => ({ default: m.SelfFormEditorPage }))),
      },
      {
        path: '/evaluation/spot-checks',
        labelKey: 'spotChecks.nav.list',
        icon: <FileSearchOutlined aria-hidden />,
        permission: 'evaluation.spotcheck',
        page: lazy(() => import('./features/evaluation/spotchecks/SpotCheckListPage').then((m) => ({ default: m.SpotCheckListPage }))),
      },
      {
        path: '/evaluation/spot-checks/:id',
        labelKey: 'spotChecks.nav.detail',
        icon: <FileSearchOutlined aria-hidden />,
        permission: 'evaluation.spotcheck',
        hideInMenu: true,
        page: lazy(() => import('./features/evaluation/spotchecks/SpotCheckDetailPage').then((m) => ({ default: m.SpotCheckDetailPage }))),
      },
      {
        path: '/evaluation/spot-checks/:id/items/:itemId',
        labelKey: 'spotChecks.nav.item',
        icon: <FileSearchOutlined aria-hidden />,
        permission: 'evaluation.spotcheck',
        hideInMenu: true,
        page: lazy(() => import('./features/evaluation/spotchecks/SpotCheckItemPage').then((m) => ({ default: m.SpotCheckItemPage }))),
      },
      {
        path: '/evaluation/key',
        labelKey: 'evaluationKey.nav.list',
        icon: <AuditOutlined aria-hidden />,
        permission: 'evaluation.read',
        page: lazy(() => import('./features/evaluation/key/KeyListPage').then((m) => ({ default: m.KeyListPage }))),
      },
      {
        path: '/evaluation/key/:id',
        labelKey: 'evaluationKey.nav.detail',
        icon: <AuditOutlined aria-hidden />,
        permission: 'evaluation.read',
        hideInMenu: true,
        page: lazy(() => import('./features/evaluation/key/KeyDetailPage').then((m) => ({ default: m.KeyDetailPage }))),
      },
      {
        path: '/agencies',
        labelKey: 'agencies.nav.list',
        icon: <TeamOutlined aria-hidden />,
        permission: 'agency.read',
        page: lazy(() => import('./features/agencies/AgencyListPage').then((m) => ({ default: m.AgencyListPage }))),
      },
      {
        path: '/agencies/engagements',
        labelKey: 'agencies.nav.engagements',
        icon: <ProfileOutlined aria-hidden />,
        permission: ['agency.read', 'evaluation.agency_work'],
        page: lazy(() => import('./features/agencies/EngagementListPage').then((m) => ({ default: m.EngagementListPage }))),
      },
      {
        path: '/agencies/:id',
        labelKey: 'agencies.nav.detail',
        icon: <TeamOutlined aria-hidden />,
        permission: 'agency.read',
        hideInMenu: true,
        page: lazy(() => import('./features/agencies/AgencyDetailPage').then((m) => ({ default: m.AgencyDetailPage }))),
      },
      {
        path: '/experts',
        labelKey: 'experts.nav.list',
        icon: <SolutionOutlined aria-hidden />,
        permission: 'expert.read',
        page: lazy(() => import('./features/experts/ExpertListPage').then((m) => ({ default: m.ExpertListPage }))),
      },
      {
        path: '/experts/draws',
        labelKey: 'experts.nav.draws',
        icon: <CarryOutOutlined aria-hidden />,
        permission: ['expert.read', 'evaluation.expert_score'],
        page: lazy(() => import('./features/experts/DrawListPage').then((m) => ({ default: m.DrawListPage }))),
      },
      {
        path: '/experts/draws/:id',
        labelKey: 'experts.nav.draw',
        icon: <CarryOutOutlined aria-hidden />,
        permission: ['expert.read', 'evaluation.expert_score'],
        hideInMenu: true,
        page: lazy(() => import('./features/experts/DrawResultPage').then((m) => ({ default: m.DrawResultPage }))),
      },
      {
        path: '/experts/:id',
        labelKey: 'experts.nav.detail',
        icon: <SolutionOutlined aria-hidden />,
        permission: 'expert.read',
        hideInMenu: true,
        page: lazy(() => import('./features/experts/ExpertDetailPage').then((m) => ({ default: m.ExpertDetailPage }))),
      },
    ],
  },
  {
    // 结果应用: rectification to closure, next-year budget decisions, 通报 and 考核 (issue 13). Hidden while empty.
    key: 'results',
    labelKey: 'nav.results',
    icon: <CarryOutOutlined aria-hidden />,
    children: [
      {
        path: '/results/rectifications',
        labelKey: 'rectifications.nav.list',
        icon: <CarryOutOutlined aria-hidden />,
        permission: 'results.read',
        page: lazy(() => import('./features/results/rectifications/RectificationListPage').then((m) => ({ default: m.RectificationListPage }))),
      },
      {
        path: '/results/rectifications/:id',
        labelKey: 'rectifications.nav.detail',
        icon: <CarryOutOutlined aria-hidden />,
        permission: 'results.read',
        hideInMenu: true,
        page: lazy(() => import('./features/results/rectifications/RectificationDetailPage').then((m) => ({ default: m.RectificationDetailPage }))),
      },
      {
        path: '/results/budget-decisions',
        labelKey: 'budgetDecisions.nav.list',
        icon: <AccountBookOutlined aria-hidden />,
        permission: 'results.read',
        page: lazy(() => import('./features/results/budget/BudgetDecisionListPage').then((m) => ({ default: m.BudgetDecisionListPage }))),
      },
      {
        path: '/results/assessments',
        labelKey: 'assessments.nav.list',
        icon: <TrophyOutlined aria-hidden />,
        permission: 'results.read',
        page: lazy(() => import('./features/results/assessments/AssessmentListPage').then((m) => ({ default: m.AssessmentListPage }))),
      },
      {
        path: '/results/assessments/:id',
        labelKey: 'assessments.nav.detail',
        icon: <TrophyOutlined aria-hidden />,
        permission: 'results.read',
        hideInMenu: true,
        page: lazy(() => import('./features/results/assessments/AssessmentDetailPage').then((m) => ({ default: m.AssessmentDetailPage }))),
      },
      {
        path: '/results/accountability',
        labelKey: 'accountability.nav.page',
        icon: <AuditOutlined aria-hidden />,
        permission: 'results.read',
        page: lazy(() => import('./features/results/accountability/AccountabilityPage').then((m) => ({ default: m.AccountabilityPage }))),
      },
      {
        path: '/results/dashboard',
        labelKey: 'resultsViews.nav.dashboard',
        icon: <DashboardOutlined aria-hidden />,
        permission: 'results.read',
        page: lazy(() => import('./features/results/views/ResultsDashboardPage').then((m) => ({ default: m.ResultsDashboardPage }))),
      },
      {
        path: '/results/departments',
        labelKey: 'resultsViews.nav.departments',
        icon: <ApartmentOutlined aria-hidden />,
        permission: 'results.read',
        orgKinds: ['jurisdiction', 'department'],
        page: lazy(() => import('./features/results/views/DepartmentResultsListPage').then((m) => ({ default: m.DepartmentResultsListPage }))),
      },
      {
        path: '/results/departments/:code',
        labelKey: 'resultsViews.nav.departmentDetail',
        icon: <ApartmentOutlined aria-hidden />,
        permission: 'results.read',
        hideInMenu: true,
        page: lazy(() => import('./features/results/views/DepartmentResultsPage').then((m) => ({ default: m.DepartmentResultsPage }))),
      },
      {
        path: '/results/projects/:id',
        labelKey: 'resultsViews.nav.projectResults',
        icon: <AccountBookOutlined aria-hidden />,
        permission: 'results.read',
        hideInMenu: true,
        page: lazy(() => import('./features/results/views/ProjectResultsPage').then((m) => ({ default: m.ProjectResultsPage }))),
      },
    ],
  },
  {
    key: 'cockpit',
    labelKey: 'cockpit.nav.group',
    icon: <FundProjectionScreenOutlined aria-hidden />,
    children: [
      {
        path: '/cockpit/linkage',
        labelKey: 'cockpit.nav.linkage',
        icon: <ClusterOutlined aria-hidden />,
        permission: 'results.read',
        orgKinds: ['jurisdiction'],
        page: lazy(() => import('./features/cockpit/LinkagePage').then((m) => ({ default: m.LinkagePage }))),
      },
      {
        path: '/cockpit',
        labelKey: 'cockpit.nav.cockpit',
        icon: <DashboardOutlined aria-hidden />,
        permission: 'results.read',
        orgKinds: ['jurisdiction'],
        page: lazy(() => import('./features/cockpit/CockpitPage').then((m) => ({ default: m.CockpitPage }))),
      },
    ],
  },
  {
    // 信息公开 (issue 14): the decisions on what goes out and, next to it, the 人大 materials.
    key: 'disclosure',
    labelKey: 'disclosure.nav.group',
    icon: <GlobalOutlined aria-hidden />,
    children: [
      {
        path: '/disclosure',
        labelKey: 'disclosure.nav.page',
        icon: <SafetyCertificateOutlined aria-hidden />,
        permission: 'disclosure.read',
        page: lazy(() => import('./features/disclosure/DisclosurePage').then((m) => ({ default: m.DisclosurePage }))),
      },
      {
        path: '/disclosure/npc',
        labelKey: 'npc.nav.packages',
        icon: <BankOutlined aria-hidden />,
        permission: 'npc.read',
        orgKinds: ['jurisdiction', 'department'],
        page: lazy(() => import('./features/npc/NpcPackagesPage').then((m) => ({ default: m.NpcPackagesPage }))),
      },
    ],
  },
  {
    key: 'system',
    labelKey: 'nav.system',
    icon: <SettingOutlined aria-hidden />,
    children: [
      {
        path: '/org',
        labelKey: 'nav.org',
        icon: <ApartmentOutlined aria-hidden />,
        permission: 'org.read',
        page: lazy(() => import('./features/org/OrgPage').then((m) => ({ default: m.OrgPage }))),
      },
      {
        path: '/users',
        labelKey: 'nav.users',
        icon: <TeamOutlined aria-hidden />,
        permission: 'user.read',
        page: lazy(() => import('./features/users/UsersPage').then((m) => ({ default: m.UsersPage }))),
      },
      {
        path: '/audit',
        labelKey: 'nav.audit',
        icon: <AuditOutlined aria-hidden />,
        permission: 'audit.read',
        page: lazy(() => import('./features/audit/AuditPage').then((m) => ({ default: m.AuditPage }))),
      },
      {
        path: '/settings/security',
        labelKey: 'nav.securitySettings',
        icon: <SafetyOutlined aria-hidden />,
        permission: 'settings.manage',
        page: lazy(() =>
          import('./features/settings/SecuritySettingsPage').then((m) => ({ default: m.SecuritySettingsPage })),
        ),
      },
    ],
  },
  {
    key: 'account',
    labelKey: 'nav.account',
    icon: <UserOutlined aria-hidden />,
    children: [
      {
        path: '/account/password',
        labelKey: 'nav.changePassword',
        icon: <KeyOutlined aria-hidden />,
        page: lazy(() =>
          import('./features/auth/ChangePasswordPage').then((m) => ({ default: m.ChangePasswordPage })),
        ),
      },
    ],
  },
]

/** Outside the signed-in layout and the menu. */
export const loginRoute = {
  path: '/login',
  page: lazy(() => import('./features/auth/LoginPage').then((m) => ({ default: m.LoginPage }))),
}

export function allPages(entries: RouteEntry[] = routes): PageRoute[] {
  return entries.flatMap((entry) => (isMenuGroup(entry) ? entry.children : [entry]))
}

/** The menu for this user: pages they may open that are menu items; groups left empty disappear. */
export function visibleRoutes(user: Pick<Me, 'permissions'> & { org?: Pick<Me['org'], 'kind'> }, entries: RouteEntry[] = routes): RouteEntry[] {
  const atOrg = (page: PageRoute) => !page.orgKinds || !user.org || page.orgKinds.includes(user.org.kind)
  const inMenu = (page: PageRoute) => !page.hideInMenu && hasPermission(user, page.permission) && atOrg(page)
  return entries.flatMap((entry): RouteEntry[] => {
    if (!isMenuGroup(entry)) return inMenu(entry) ? [entry] : []
    const children = entry.children.filter(inMenu)
    return children.length > 0 ? [{ ...entry, children }] : []
  })
}

/** The page at a location: an exact path first (/projects/new), then a pattern (/projects/:id). */
export function findPage(pathname: string): PageRoute | undefined {
  const pages = allPages()
  return pages.find((page) => page.path === pathname) ?? pages.find((page) => matchPath(page.path, pathname))
}

/** The menu item to highlight: the page itself, or for a page outside the menu the item whose path prefixes it. */
export function menuKeyFor(pathname: string): string {
  const menuPaths = allPages()
    .filter((page) => !page.hideInMenu)
    .map((page) => page.path)
  if (menuPaths.includes(pathname)) return pathname
  const parents = menuPaths.filter((path) => path !== '/' && pathname.startsWith(`${path}/`))
  return parents.sort((a, b) => b.length - a.length)[0] ?? pathname
}
