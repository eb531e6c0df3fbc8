import { Alert, Empty, Spin, Tag, Timeline, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../../shared/format'
import { errorMessage } from '../../shared/serverErrors'
import { OverrideLines } from './OverrideLines'
import { useRuleSetRevisions } from './rules.queries'

/** 修订记录: every revision of a jurisdiction's rules for a year, newest first, with what it set and why. */
export function RuleRevisions({ jurisdictionCode, fiscalYear }: { jurisdictionCode: string; fiscalYear: number }) {
  const { t } = useTranslation()
  const revisions = useRuleSetRevisions(jurisdictionCode, fiscalYear, true)
  if (revisions.isPending) return <Spin />
  if (revisions.isError) return <Alert type="error" showIcon title={errorMessage(revisions.error)} />
  if (revisions.data.length === 0) return <Empty description={t('rules.revisions.empty')} />
  return (
    <Timeline
      items={revisions.data.map((revision) => ({
        key: revision.id,
        color: revision.isCurrent ? 'green' : 'gray',
        title: (
          <span>
            <Typography.Text strong>{t('rules.revisions.revision', { revision: revision.revision })}</Typography.Text>
            {revision.isCurrent && (
              <Tag color="green" style={{ marginInlineStart: 8 }}>
                {t('rules.revisions.current')}
              </Tag>
            )}
            <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
              {formatDateTime(revision.createdAt)} · {revision.createdByName ?? t('rules.revisions.system')}
            </Typography.Text>
          </span>
        ),
        content: (
          <div>
            <Typography.Paragraph style={{ margin: '4px 0' }}>{t('rules.revisions.note', { note: revision.note })}</Typography.Paragraph>
            <Typography.Text type="secondary">{t('rules.revisions.overrides')}</Typography.Text>
            <OverrideLines overrides={revision.overrides} />
          </div>
        ),
      }))}
    />
  )
}
