import { Button, Modal, Result, Space, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { OpinionDialog } from '../../shared/OpinionDialog'
import { useBatchGoals } from './goals.queries'
import type { BatchAction, BatchResult, GoalListItem } from './goals.types'
import { eligibleFor } from './goalTodo'

interface GoalBatchBarProps {
  actions: BatchAction[]
  selected: GoalListItem[]
  onDone: () => void
}

/** 批量初审通过 / 批量批复 / 批量公开 over the selected rows it applies to, then what happened to each. */
export function GoalBatchBar({ actions, selected, onDone }: GoalBatchBarProps) {
  const { t } = useTranslation()
  const batch = useBatchGoals()
  const [open, setOpen] = useState<BatchAction | null>(null)
  const [result, setResult] = useState<{ action: BatchAction; rows: GoalListItem[]; answer: BatchResult } | null>(null)
  if (actions.length === 0) return null
  const rows = open ? eligibleFor(open, selected) : []

  return (
    <Space wrap style={{ marginBottom: 12 }}>
      <Typography.Text type="secondary">{t('goals.batch.selected', { count: selected.length })}</Typography.Text>
      {actions.map((action) => {
        const count = eligibleFor(action, selected).length
        return (
          <Button key={action} type="primary" ghost disabled={count === 0} onClick={() => setOpen(action)}>
            {t(`goals.batch.actions.${action}`, { count })}
          </Button>
        )
      })}
      {open && (
        <OpinionDialog
          title={t(`goals.batch.actions.${open}`, { count: rows.length })}
          okText={t('common.confirm')}
          question={t('goals.batch.confirm', { count: rows.length, names: rows.map((r) => r.name).join('、') })}
          opinion="optional"
          opinionLabel={t('goals.opinion')}
          requiredMessage={t('goals.opinionRequired')}
          maxLength={2000}
          onSubmit={async (opinion) => {
            const answer = await batch.mutateAsync({ action: open, items: rows.map((r) => ({ id: r.id, version: r.version })), opinion })
            setResult({ action: open, rows, answer })
            onDone()
          }}
          successMessage={t('goals.batch.sent')}
          onClose={() => setOpen(null)}
        />
      )}
      {result && <BatchResultModal {...result} onClose={() => setResult(null)} />}
    </Space>
  )
}

function BatchResultModal({ action, rows, answer, onClose }: { action: BatchAction; rows: GoalListItem[]; answer: BatchResult; onClose: () => void }) {
  const { t } = useTranslation()
  const nameOf = (id: string) => rows.find((r) => r.id === id)?.name ?? id
  return (
    <Modal open title={t('goals.batch.resultTitle', { action: t(`goals.batch.verbs.${action}`) })} onCancel={onClose} onOk={onClose} cancelButtonProps={{ style: { display: 'none' } }} okText={t('common.confirm')}>
      <Result
        status={answer.failed === 0 ? 'success' : answer.succeeded === 0 ? 'error' : 'warning'}
        title={t('goals.batch.summary', { succeeded: answer.succeeded, failed: answer.failed })}
        style={{ padding: '16px 0' }}
      />
      <Table
        size="small"
        rowKey="id"
        aria-label={t('goals.batch.resultTitle', { action: t(`goals.batch.verbs.${action}`) })}
        pagination={false}
        dataSource={answer.results}
        columns={[
          { key: 'name', title: t('goals.fields.name'), render: (_, r) => nameOf(r.id) },
          { key: 'ok', title: t('goals.batch.outcome'), width: 90, render: (_, r) => (r.ok ? <Tag color="green">{t('goals.batch.ok')}</Tag> : <Tag color="red">{t('goals.batch.failed')}</Tag>) },
          { key: 'message', title: t('goals.batch.message'), render: (_, r) => r.message ?? '—' },
        ]}
      />
    </Modal>
  )
}
