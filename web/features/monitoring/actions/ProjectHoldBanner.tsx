import { Alert, Button, Space, Tag } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { liftableActionKinds } from '../../../../domain/corrective-actions'
import { formatMoney } from '../../../../domain/money'
import { paymentHoldKinds } from '../../../../domain/monitoring'
import { useCan } from '../../auth/CurrentUser'
import { useActionList } from './actions.queries'
import { IssueActionDialog } from './IssueActionDialog'
import { useActionVocabulary } from './actionVocabulary'

/**
 * On the project page: the payment holds and stops in force (what the treasury will not pay), a suspension, and the
 * measures awaiting an answer; finance and the department issue a new one from here. Nothing shows when there is
 * nothing in force and nobody here may act.
 */
export function ProjectHoldBanner({ project }: { project: { id: string; name: string; status: string } }) {
  const { t } = useTranslation()
  const vocabulary = useActionVocabulary()
  const canRead = useCan('monitoring.read')
  const canAct = useCan('monitoring.act')
  const [issuing, setIssuing] = useState(false)
  const actions = useActionList({ projectId: project.id, pageSize: 50, status: undefined }, canRead)
  const items = actions.data?.items ?? []
  const inForce = items.filter((a) => liftableActionKinds.includes(a.kind) && !a.liftedAt)
  const holds = inForce.filter((a) => paymentHoldKinds.includes(a.kind))
  const suspensions = inForce.filter((a) => a.kind === 'suspend')
  const open = items.filter((a) => a.status !== 'closed' && !inForce.includes(a))
  const actable = canAct && (project.status === 'budgeted' || project.status === 'executing')
  if (!canRead || (!inForce.length && !open.length && !actable)) return null

  const link = (a: (typeof items)[number]) => (
    <Link key={a.id} to={`/monitoring/actions/${a.id}`}>
      <Tag color={a.kind === 'stop_payment' ? 'red' : a.kind === 'suspend' ? 'magenta' : 'orange'}>
        {vocabulary.kind(a.kind)}
        {a.amount ? ` ${formatMoney(a.amount)} 元` : ''}
      </Tag>
    </Link>
  )
  const issueButton = actable && (
    <Button size="small" onClick={() => setIssuing(true)}>
      {t('monitoringActions.banner.issue')}
    </Button>
  )
  // The issue button rides on the first alert shown; with nothing in force or open, on a quiet one of its own.
  const alerts = [
    holds.length > 0 && { key: 'holds', type: 'error' as const, title: <Space wrap>{t('monitoringActions.banner.holds', { count: holds.length })}{holds.map(link)}</Space> },
    suspensions.length > 0 && { key: 'suspended', type: 'warning' as const, title: <Space wrap>{t('monitoringActions.banner.suspended')}{suspensions.map(link)}</Space> },
    open.length > 0 && { key: 'open', type: 'info' as const, title: <Space wrap>{t('monitoringActions.banner.openActions', { count: open.length })}{open.map(link)}</Space> },
  ].filter((a) => !!a)
  if (!alerts.length) alerts.push({ key: 'none', type: 'info' as const, title: <>{t('monitoringActions.banner.none')}</> })
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="project-hold-banner">
      {alerts.map((a, index) => (
        <Alert key={a.key} type={a.type} showIcon title={a.title} action={index === 0 ? issueButton : undefined} />
      ))}
      {issuing && <IssueActionDialog target={{ projectId: project.id, label: project.name }} onClose={() => setIssuing(false)} />}
    </Space>
  )
}
