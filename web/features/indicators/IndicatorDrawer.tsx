import { Alert, Button, Drawer, Space, Spin, Typography } from 'antd'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../shared/serverErrors'
import { useCan } from '../auth/CurrentUser'
import { IndicatorDecisionModal } from './IndicatorDecisionModal'
import { IndicatorDescriptions } from './IndicatorDescriptions'
import { IndicatorFormModal } from './IndicatorFormModal'
import { IndicatorRevisions } from './IndicatorRevisions'
import { IndicatorStatusTag } from './IndicatorStatusTag'
import type { IndicatorDecision } from './indicators.queries'
import { useIndicator } from './indicators.queries'
import type { IndicatorDetail } from './indicators.types'

/**
 * One indicator in a side drawer: every field, its revisions (an older one opens in place) and, for the finance
 * bureau, what may be done with it now: 确认 / 不予采纳 a proposal, 修订 / 停用 a live indicator.
 */
export function IndicatorDrawer({ id, onClose, onOpen }: { id: string | undefined; onClose: () => void; onOpen: (id: string) => void }) {
  const { t } = useTranslation()
  const indicator = useIndicator(id)
  const row = indicator.data
  const latest = row?.revisions[0]
  // Another revision opens at the top, where it says which one it is.
  const top = useRef<HTMLDivElement>(null)
  useEffect(() => {
    // Braces: browsers with promise-returning scroll methods would hand React a promise as the effect's cleanup.
    top.current?.scrollIntoView({ block: 'start' })
  }, [row?.id])

  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      size={760}
      destroyOnHidden
      title={
        row ? (
          <Space wrap size={8}>
            <span>{row.name}</span>
            <IndicatorStatusTag status={row.status} />
            <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
              {row.code} · {t('indicators.revisionLong', { revision: row.revision })}
            </Typography.Text>
          </Space>
        ) : (
          t('indicators.detail')
        )
      }
      extra={row && <IndicatorActions indicator={row} onOpen={onOpen} />}
    >
      {indicator.isPending && id ? (
        <div style={{ padding: 48, textAlign: 'center' }}>
          <Spin />
        </div>
      ) : indicator.isError ? (
        <Alert
          type="error"
          showIcon
          title={errorMessage(indicator.error)}
          action={
            <Button size="small" onClick={() => indicator.refetch()}>
              {t('common.retry')}
            </Button>
          }
        />
      ) : row ? (
        <>
          <div ref={top} />
          {latest && latest.id !== row.id && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('indicators.olderRevision', { revision: row.revision, latest: latest.revision })}
              action={
                <Button size="small" onClick={() => onOpen(latest.id)}>
                  {t('indicators.openLatest')}
                </Button>
              }
            />
          )}
          <IndicatorDescriptions indicator={row} />
          <IndicatorRevisions revisions={row.revisions} currentId={row.id} onOpen={onOpen} />
        </>
      ) : null}
    </Drawer>
  )
}

/** The finance bureau's buttons for the row's status; nothing for anyone else or for rows that are history. */
function IndicatorActions({ indicator, onOpen }: { indicator: IndicatorDetail; onOpen: (id: string) => void }) {
  const { t } = useTranslation()
  const canManage = useCan('indicator.manage')
  const [decision, setDecision] = useState<IndicatorDecision | null>(null)
  const [revising, setRevising] = useState(false)
  if (!canManage) return null
  return (
    <Space wrap>
      {indicator.status === 'proposed' && (
        <>
          <Button type="primary" onClick={() => setDecision('confirm')}>
            {t('indicators.actions.confirm')}
          </Button>
          <Button danger onClick={() => setDecision('reject')}>
            {t('indicators.actions.reject')}
          </Button>
        </>
      )}
      {indicator.status === 'active' && (
        <>
          <Button type="primary" ghost onClick={() => setRevising(true)}>
            {t('indicators.actions.revise')}
          </Button>
          <Button danger onClick={() => setDecision('retire')}>
            {t('indicators.actions.retire')}
          </Button>
        </>
      )}
      {decision && <IndicatorDecisionModal indicator={indicator} decision={decision} onClose={() => setDecision(null)} />}
      {revising && <IndicatorFormModal revising={indicator} onClose={() => setRevising(false)} onSaved={(saved) => onOpen(saved.id)} />}
    </Space>
  )
}
