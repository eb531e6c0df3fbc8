import { Card, Col, Empty, Row, Statistic } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { HomeTodoKey } from '../../../domain/home'
import { useCurrentUser } from '../auth/CurrentUser'
import type { HomeView } from './home.types'

/** Where each to-do is worked through; experts find their goals on their own review list. */
function todoTarget(key: HomeTodoKey, expertOnly: boolean): { to: string; labelKey: string } {
  switch (key) {
    case 'goalsWaiting':
      return expertOnly ? { to: '/goals/expert', labelKey: 'home.todo.expertReviews' } : { to: '/goals/todo', labelKey: 'home.todo.goalsWaiting' }
    case 'exanteToConclude':
    case 'exanteToAssess':
      return { to: '/exante', labelKey: `home.todo.${key}` }
    case 'proposalsToConfirm':
      return { to: '/indicators/proposals', labelKey: 'home.todo.proposalsToConfirm' }
    case 'projectsToReview':
      return { to: '/projects', labelKey: 'home.todo.projectsToReview' }
    case 'monitoringToFill':
    case 'monitoringToReview':
    case 'monitoringToVerify':
      return { to: '/monitoring/forms', labelKey: `home.todo.${key}` }
    case 'actionsToAnswer':
    case 'actionsToClose':
      return { to: '/monitoring/actions', labelKey: `home.todo.${key}` }
    case 'rectificationsToAnswer':
      return { to: '/results/rectifications?todo=answer', labelKey: 'home.todo.rectificationsToAnswer' }
    case 'rectificationsToVerify':
      return { to: '/results/rectifications?todo=verify', labelKey: 'home.todo.rectificationsToVerify' }
    case 'rectificationsToClose':
      return { to: '/results/rectifications?todo=close', labelKey: 'home.todo.rectificationsToClose' }
    case 'rectificationsOverdue':
      return { to: '/results/rectifications?overdue=true', labelKey: 'home.todo.rectificationsOverdue' }
  }
}

/** 我的待办: one tile per kind of work waiting for this user, with its count, linking to the list that holds it. */
export function HomeTodos({ todos }: { todos: HomeView['todos'] }) {
  const { t } = useTranslation()
  const user = useCurrentUser()
  const expertOnly = user.permissions.includes('goal.expert_review') && !user.permissions.includes('goal.read')
  return (
    <Card title={t('home.todos')}>
      {todos.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.noTodos')} />
      ) : (
        <Row gutter={[16, 16]} role="list" aria-label={t('home.todos')}>
          {todos.map(({ key, count }) => {
            const target = todoTarget(key, expertOnly)
            return (
              <Col key={key} xs={24} sm={12} lg={6} role="listitem">
                <Link to={target.to} aria-label={`${t(target.labelKey)} ${count}`}>
                  <Card size="small" hoverable>
                    <Statistic title={t(target.labelKey)} value={count} styles={{ content: { color: count > 0 ? '#cf1322' : undefined } }} />
                  </Card>
                </Link>
              </Col>
            )
          })}
        </Row>
      )}
    </Card>
  )
}
