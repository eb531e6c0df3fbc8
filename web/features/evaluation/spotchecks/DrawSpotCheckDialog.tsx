import { Alert, Checkbox, Form, Input, InputNumber, Modal, Select, Typography } from 'antd'
import dayjs from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { applyFieldErrors, errorMessage } from '../../../shared/serverErrors'
import { useCurrentUser } from '../../auth/CurrentUser'
import { useCandidates, useDraw } from './spotchecks.queries'

interface Values {
  fiscalYear: number
  name: string
  count: number
  seed?: string
  picks: string[]
  includeBelow: boolean
}

/**
 * 抽取样本: the year, how many to draw at random, an optional seed (one is made and recorded when left empty — the
 * same seed over the same pool draws the same sample), 自评表 picked by hand, and for a city its districts too.
 */
export function DrawSpotCheckDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const user = useCurrentUser()
  const [form] = Form.useForm<Values>()
  const fiscalYear = Form.useWatch('fiscalYear', form) ?? dayjs().year() - 1
  const includeBelow = Form.useWatch('includeBelow', form) ?? false
  const candidates = useCandidates(fiscalYear, includeBelow, true)
  const draw = useDraw()
  const [error, setError] = useState<string | null>(null)
  const isCity = user.org.kind === 'jurisdiction'

  async function submit(values: Values) {
    setError(null)
    try {
      const created = await draw.mutateAsync({ ...values, seed: values.seed?.trim() || undefined, picks: values.picks ?? [] })
      navigate(`/evaluation/spot-checks/${created.id}`)
    } catch (err) {
      if (!applyFieldErrors(form, err)) setError(errorMessage(err))
    }
  }

  return (
    <Modal open title={t('spotChecks.draw.title')} okText={t('spotChecks.draw.ok')} cancelText={t('common.cancel')} confirmLoading={draw.isPending} onOk={() => form.submit()} onCancel={onClose} mask={{ closable: false }} destroyOnHidden width={640}>
      <Form<Values>
        form={form}
        layout="vertical"
        aria-label={t('spotChecks.draw.title')}
        initialValues={{ fiscalYear: dayjs().year() - 1, name: t('spotChecks.draw.defaultName', { year: dayjs().year() - 1 }), count: 5, picks: [], includeBelow: false }}
        onFinish={submit}
      >
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Form.Item name="fiscalYear" label={t('spotChecks.fields.fiscalYear')} rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="name" label={t('spotChecks.fields.name')} rules={[{ required: true, min: 2, message: t('spotChecks.draw.nameRequired') }]}>
          <Input maxLength={200} />
        </Form.Item>
        {isCity && (
          <Form.Item name="includeBelow" valuePropName="checked">
            <Checkbox>{t('spotChecks.draw.includeBelow')}</Checkbox>
          </Form.Item>
        )}
        <Typography.Paragraph type="secondary">{t('spotChecks.draw.pool', { count: candidates.data?.total ?? 0 })}</Typography.Paragraph>
        <Form.Item name="count" label={t('spotChecks.draw.count')} rules={[{ required: true }]}>
          <InputNumber min={0} max={500} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="seed" label={t('spotChecks.fields.seed')} extra={t('spotChecks.draw.seedHint')} rules={[{ pattern: /^[0-9A-Za-z_-]*$/, message: t('spotChecks.draw.seedPattern') }]}>
          <Input maxLength={64} style={{ width: 260 }} />
        </Form.Item>
        <Form.Item name="picks" label={t('spotChecks.draw.picks')} extra={t('spotChecks.draw.picksHint')}>
          <Select
            mode="multiple"
            allowClear
            loading={candidates.isFetching}
            optionFilterProp="label"
            options={(candidates.data?.items ?? []).map((c) => ({ value: c.formId, label: `${c.title}（${c.unitName ?? c.departmentName ?? ''}${c.total ? ` · ${c.total}` : ''}）` }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  )
}
