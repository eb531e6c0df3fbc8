import { Alert, App, Button, Card, Form, Input, Space, Table, Typography } from 'antd'
import type { TableColumnsType } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useConflict } from '../../../shared/ConflictNotice'
import { errorMessage } from '../../../shared/serverErrors'
import { useReviewAssessment, useSaveSelfAssessment, useSubmitSelfAssessment } from './assessments.queries'
import type { AssessmentDetail, AssessmentItem } from './assessments.types'
import { Explanation, ItemKindTag } from './assessmentVocabulary'

type Refetch = () => Promise<{ data?: AssessmentDetail; error: unknown }>
type Values = { items: Record<string, { score?: string; note?: string; opinion?: string }> }

const scorePattern = /^\d{1,3}(\.\d{1,2})?$/

/** A score field of an item: 0 to its points, two decimals at most; empty only where `optional`. */
function ScoreField({ item, label, optional }: { item: AssessmentItem; label: string; optional?: boolean }) {
  const { t } = useTranslation()
  const valid = (v?: string) => (!v ? !!optional : scorePattern.test(v.trim()) && Number(v) <= Number(item.points))
  return (
    <Form.Item name={['items', item.code, 'score']} style={{ margin: 0 }} rules={[{ validator: async (_r, v?: string) => (valid(v) ? undefined : Promise.reject(new Error(t('assessments.self.scoreRule')))) }]}>
      <Input aria-label={`${item.name} ${label}`} inputMode="decimal" style={{ width: 100 }} />
    </Form.Item>
  )
}

/** After a 409 the page re-reads the assessment; the typed values stay, and the action is refused when it no longer applies. */
function useAssessmentConflict(refetch: Refetch, move: 'self' | 'review', noLonger: string) {
  return useConflict(async () => {
    const { data, error } = await refetch()
    if (!data) throw error
    return { blocked: data.moves.includes(move) ? undefined : noLonger }
  })
}

/** The assessed org's self-assessment: a score and the grounds for each item scored on evidence, bonus and deduction; save, then submit. */
export function SelfAssessmentForm({ assessment: a, onReload }: { assessment: AssessmentDetail; onReload: Refetch }) {
  const { t } = useTranslation()
  const { message, modal } = App.useApp()
  const [form] = Form.useForm<Values>()
  const save = useSaveSelfAssessment()
  const submit = useSubmitSelfAssessment()
  const [error, setError] = useState<string | null>(null)
  const conflict = useAssessmentConflict(onReload, 'self', t('assessments.self.noLonger'))
  const editable = a.items.filter((i) => !i.computed)

  function entries(values: Values) {
    return editable.map((i) => {
      const v = values.items?.[i.code] ?? {}
      const s = (v.score ?? '').trim()
      return { code: i.code, score: s === '' ? null : s, note: (v.note ?? '').trim() }
    })
  }

  async function run(action: () => Promise<unknown>, done: string) {
    setError(null)
    conflict.reset()
    try {
      await action()
      message.success(done)
    } catch (err) {
      if (!conflict.handle(err)) setError(errorMessage(err))
    }
  }

  const onSave = (values: Values) => run(() => save.mutateAsync({ id: a.id, version: a.version, items: entries(values) }), t('assessments.self.saved'))

  async function onSubmit() {
    const values = await form.validateFields()
    const confirmed = await modal.confirm({ title: t('assessments.self.confirmSubmit'), okText: t('assessments.self.submit'), cancelText: t('common.cancel') })
    if (!confirmed) return
    await run(async () => {
      // What was typed is saved first, so the submission carries it.
      const saved = await save.mutateAsync({ id: a.id, version: a.version, items: entries(values) })
      await submit.mutateAsync({ id: a.id, version: saved.version })
    }, t('assessments.self.submitted'))
  }

  const columns: TableColumnsType<AssessmentItem> = [
    { key: 'name', title: t('assessments.fields.item'), width: 220, render: (_: unknown, i) => `${i.code} ${i.name}` },
    { key: 'kind', title: t('assessments.fields.kind'), dataIndex: 'kind', width: 100, render: (k: AssessmentItem['kind']) => <ItemKindTag kind={k} /> },
    { key: 'points', title: t('assessments.fields.points'), dataIndex: 'points', width: 70, align: 'right' },
    {
      key: 'score',
      title: t('assessments.fields.selfScore'),
      width: 130,
      render: (_: unknown, i) => <ScoreField item={i} label={t('assessments.fields.selfScore')} optional />,
    },
    {
      key: 'note',
      title: t('assessments.fields.selfNote'),
      render: (_: unknown, i) => (
        <Form.Item name={['items', i.code, 'note']} style={{ margin: 0 }}>
          <Input.TextArea aria-label={`${i.name} ${t('assessments.fields.selfNote')}`} rows={1} autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
        </Form.Item>
      ),
    },
  ]

  const initialValues: Values = { items: Object.fromEntries(editable.map((i) => [i.code, { score: i.selfScore ?? '', note: i.selfNote }])) }
  return (
    <Card
      size="small"
      title={t('assessments.self.title')}
      extra={
        <Space>
          <Button loading={save.isPending} disabled={conflict.blocksOk} onClick={() => form.submit()}>
            {t('assessments.self.save')}
          </Button>
          <Button type="primary" loading={submit.isPending} disabled={conflict.blocksOk} onClick={() => void onSubmit()}>
            {t('assessments.self.submit')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('assessments.self.hint')}</Typography.Paragraph>
      {conflict.notice && <div style={{ marginBottom: 12 }}>{conflict.notice}</div>}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form<Values> form={form} aria-label={t('assessments.self.title')} initialValues={initialValues} onFinish={(v) => void onSave(v)}>
        <Table<AssessmentItem> rowKey="code" size="small" columns={columns} dataSource={editable} pagination={false} />
      </Form>
    </Card>
  )
}

/** Finance's review: every item's score, changed only with an opinion; completing computes the total and the grade. */
export function ReviewForm({ assessment: a, onReload }: { assessment: AssessmentDetail; onReload: Refetch }) {
  const { t } = useTranslation()
  const { message, modal } = App.useApp()
  const [form] = Form.useForm<Values>()
  const review = useReviewAssessment()
  const [error, setError] = useState<string | null>(null)
  const conflict = useAssessmentConflict(onReload, 'review', t('assessments.review.noLonger'))
  const proposed = (i: AssessmentItem) => i.selfScore ?? i.computedScore ?? '0.00'

  async function onFinish(values: Values) {
    const confirmed = await modal.confirm({ title: t('assessments.review.confirm'), okText: t('assessments.review.ok'), cancelText: t('common.cancel') })
    if (!confirmed) return
    setError(null)
    conflict.reset()
    const items = a.items.map((i) => ({ code: i.code, score: (values.items?.[i.code]?.score ?? proposed(i)).trim(), opinion: (values.items?.[i.code]?.opinion ?? '').trim() }))
    try {
      await review.mutateAsync({ id: a.id, version: a.version, items })
      message.success(t('assessments.review.done'))
    } catch (err) {
      if (!conflict.handle(err)) setError(errorMessage(err))
    }
  }

  const columns: TableColumnsType<AssessmentItem> = [
    { key: 'name', title: t('assessments.fields.item'), width: 200, render: (_: unknown, i) => `${i.code} ${i.name}` },
    { key: 'kind', title: t('assessments.fields.kind'), dataIndex: 'kind', width: 100, render: (k: AssessmentItem['kind']) => <ItemKindTag kind={k} /> },
    { key: 'points', title: t('assessments.fields.points'), dataIndex: 'points', width: 70, align: 'right' },
    { key: 'proposed', title: `${t('assessments.fields.computedScore')} / ${t('assessments.fields.selfScore')}`, width: 110, align: 'right', render: (_: unknown, i) => i.selfScore ?? i.computedScore ?? '—' },
    { key: 'basis', title: t('assessments.fields.explanation'), width: 300, render: (_: unknown, i) => (i.computed ? <Explanation item={i} /> : <Typography.Text>{i.selfNote || '—'}</Typography.Text>) },
    {
      key: 'score',
      title: t('assessments.fields.reviewScore'),
      width: 130,
      render: (_: unknown, i) => <ScoreField item={i} label={t('assessments.fields.reviewScore')} />,
    },
    {
      key: 'opinion',
      title: t('assessments.fields.reviewOpinion'),
      render: (_: unknown, i) => (
        <Form.Item
          name={['items', i.code, 'opinion']}
          style={{ margin: 0 }}
          dependencies={[['items', i.code, 'score']]}
          rules={[
            ({ getFieldValue }) => ({
              validator: async (_r, v?: string) => {
                const changed = Number(getFieldValue(['items', i.code, 'score'])) !== Number(proposed(i))
                if (changed && !(v ?? '').trim()) throw new Error(t('assessments.review.opinionNeeded'))
              },
            }),
          ]}
        >
          <Input.TextArea aria-label={`${i.name} ${t('assessments.fields.reviewOpinion')}`} rows={1} autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
        </Form.Item>
      ),
    },
  ]

  const initialValues: Values = { items: Object.fromEntries(a.items.map((i) => [i.code, { score: i.reviewScore ?? proposed(i), opinion: i.reviewOpinion }])) }
  return (
    <Card
      size="small"
      title={t('assessments.review.title')}
      extra={
        <Button type="primary" loading={review.isPending} disabled={conflict.blocksOk} onClick={() => form.submit()}>
          {t('assessments.review.ok')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('assessments.review.hint')}</Typography.Paragraph>
      {conflict.notice && <div style={{ marginBottom: 12 }}>{conflict.notice}</div>}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form<Values> form={form} aria-label={t('assessments.review.title')} initialValues={initialValues} onFinish={(v) => void onFinish(v)}>
        <Table<AssessmentItem> rowKey="code" size="small" columns={columns} dataSource={a.items} pagination={false} scroll={{ x: 1100 }} />
      </Form>
    </Card>
  )
}
