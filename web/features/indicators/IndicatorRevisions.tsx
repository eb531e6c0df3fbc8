import { Button, Timeline, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../../shared/format'
import { IndicatorStatusTag } from './IndicatorStatusTag'
import type { IndicatorRevision } from './indicators.types'

/** Every revision of the indicator's code, newest first; picking one shows it in the drawer. */
export function IndicatorRevisions({
  revisions,
  currentId,
  onOpen,
}: {
  revisions: IndicatorRevision[]
  currentId: string
  onOpen: (id: string) => void
}) {
  const { t } = useTranslation()
  return (
    <section aria-label={t('indicators.revisions.title')}>
      <Typography.Title level={5}>{t('indicators.revisions.title')}</Typography.Title>
      <Timeline
        items={revisions.map((r) => {
          const current = r.id === currentId
          const label = t('indicators.revisionLong', { revision: r.revision })
          return {
            key: r.id,
            color: current ? 'blue' : 'gray',
            content: (
              <div>
                <div>
                  {current ? (
                    <Typography.Text strong>
                      {label} {t('indicators.revisions.viewing')}
                    </Typography.Text>
                  ) : (
                    <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onOpen(r.id)} aria-label={t('indicators.revisions.open', { revision: r.revision })}>
                      {label}
                    </Button>
                  )}{' '}
                  <IndicatorStatusTag status={r.status} />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(r.reviewedAt ?? r.createdAt)}
                  </Typography.Text>
                </div>
                <div>{r.name}</div>
                {r.changeNote && (
                  <Typography.Text type="secondary">{t('indicators.revisions.note', { note: r.changeNote })}</Typography.Text>
                )}
              </div>
            ),
          }
        })}
      />
    </section>
  )
}
