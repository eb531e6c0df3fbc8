import { Card, Descriptions, Space, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { formatMoney } from '../../../../domain/money'
import { useCan } from '../../auth/CurrentUser'
import { GradeTag } from '../../evaluation/self/selfVocabulary'
import { useLastYearResult } from './budget.queries'
import { ProposalActionTag } from './budgetVocabulary'

/**
 * On a continuing project's page (same project code, next fiscal year): last year's grade, its rectification items
 * still open, those closed (销号) and the budget decided for this year (rule 42 — the loop closes). Nothing shows for a
 * new project.
 */
export function LastYearResultPanel({ projectId }: { projectId: string }) {
  const { t } = useTranslation()
  const canRead = useCan('results.read')
  const result = useLastYearResult(projectId, canRead)
  const data = result.data
  if (!canRead || !data || (!data.decision && data.openRectifications === 0 && data.closedRectifications === 0)) return null
  const d = data.decision
  return (
    <Card size="small" title={t('budgetDecisions.panel.title')} aria-label={t('budgetDecisions.panel.title')}>
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
        {d && (
          <>
            <Descriptions.Item label={t('budgetDecisions.panel.grade', { year: d.evaluatedYear })}>
              <Space size={4}>
                <GradeTag grade={d.grade} />
                <Link to={`/projects/${d.evaluatedProjectId}`}>{t('budgetDecisions.panel.lastYearProject')}</Link>
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t('budgetDecisions.fields.proposedAction')}>
              <Space size={4}>
                <ProposalActionTag action={d.proposedAction} />
                {formatMoney(d.proposedAmount)}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t('budgetDecisions.panel.decided', { year: d.fiscalYear })}>
              {d.decidedAmount === null ? <Tag>{t('budgetDecisions.undecided')}</Tag> : <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>{formatMoney(d.decidedAmount)}</Typography.Text>}
              {d.reason && <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>{d.reason}</Typography.Text>}
            </Descriptions.Item>
          </>
        )}
        <Descriptions.Item label={t('budgetDecisions.panel.openItems')}>
          {data.openRectifications > 0 ? <Tag color="volcano">{data.openRectifications}</Tag> : <Tag color="green">0</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label={t('budgetDecisions.panel.closedItems')}>{data.closedRectifications}</Descriptions.Item>
      </Descriptions>
    </Card>
  )
}
