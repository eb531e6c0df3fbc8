import { Descriptions, Drawer, Empty, Spin, Tag, Timeline, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../../shared/format'
import { reasonLabel } from './DisclosureDialogs'
import { useDisclosureRecord } from './disclosure.queries'
import type { DisclosureRecord } from './disclosure.types'
import { StateTag } from './StateTag'

/** 公开历史: the current decision, every copy made (published, superseded, withdrawn with its reason) and what the public sees now. */
export function HistoryDrawer({ record, onClose }: { record: DisclosureRecord; onClose: () => void }) {
  const { t } = useTranslation()
  const detail = useDisclosureRecord(record.kind, record.sourceId)
  const h = (k: string, params?: Record<string, string>) => t(`disclosure.history.${k}`, params)
  const data = detail.data
  return (
    <Drawer open title={h('title', { name: record.title })} size="large" onClose={onClose}>
      {!data ? (
        <Spin />
      ) : (
        <>
          <Descriptions size="small" column={1} title={h('decision')} bordered>
            <Descriptions.Item label={t('disclosure.fields.state')}>
              <StateTag state={data.state} />
            </Descriptions.Item>
            {data.reasonCode && <Descriptions.Item label={t('disclosure.fields.reason')}>{[reasonLabel(data.reasonCode), data.reasonText].filter(Boolean).join('：')}</Descriptions.Item>}
            {data.state === 'withdrawn' && data.withdrawalReason && <Descriptions.Item label={t('disclosure.withdraw.reason')}>{data.withdrawalReason}</Descriptions.Item>}
            {data.decidedAt && <Descriptions.Item label={t('disclosure.fields.decidedBy')}>{`${data.decidedByName ?? h('system')} · ${formatDateTime(data.decidedAt)}`}</Descriptions.Item>}
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {h('copies')}
          </Typography.Title>
          {data.history.length === 0 ? (
            <Empty description={h('none')} />
          ) : (
            <Timeline
              items={data.history.map((copy) => ({
                color: copy.withdrawnAt ? 'red' : copy.supersededAt ? 'gray' : 'green',
                content: (
                  <>
                    <div>{h('published', { at: formatDateTime(copy.publishedAt), by: copy.publishedByName ?? h('system') })}</div>
                    {copy.supersededAt && <Typography.Text type="secondary">{h('superseded', { at: formatDateTime(copy.supersededAt) })}</Typography.Text>}
                    {copy.withdrawnAt && <Typography.Text type="danger">{h('withdrawn', { at: formatDateTime(copy.withdrawnAt), by: copy.withdrawnByName ?? h('system'), reason: copy.withdrawalReason ?? '' })}</Typography.Text>}
                    {copy.id === data.liveCopy?.id && <Tag color="green" style={{ marginLeft: 8 }}>{h('live')}</Tag>}
                  </>
                ),
              }))}
            />
          )}
          {data.liveCopy && (
            <Descriptions size="small" column={1} title={h('live')} bordered style={{ marginTop: 16 }}>
              {Object.entries(data.liveCopy.payload)
                .filter(([, v]) => typeof v === 'string' || typeof v === 'number')
                .map(([k, v]) => (
                  <Descriptions.Item key={k} label={k}>
                    {String(v)}
                  </Descriptions.Item>
                ))}
            </Descriptions>
          )}
        </>
      )}
    </Drawer>
  )
}
