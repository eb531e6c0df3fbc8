import { Card, Empty, Form, Input, Select, Space, Table, Typography } from 'antd'
import type { TableColumnsType } from 'antd'
import { useTranslation } from 'react-i18next'
import { likelihoodsNeedingReasons } from '../../../../domain/monitoring'
import type { FormIndicator, MonitoringForm } from './forms.types'
import { LightTag, useFormVocabulary } from './formVocabulary'

const qualitativeVerdicts = ['达成', '部分达成', '未达成']
const signs: Record<FormIndicator['nature'], string> = { '>=': '≥', '>': '>', '=': '=', '<=': '≤', '<': '<', qualitative: '' }

/**
 * The indicator block of the 绩效监控表: each indicator's target, progress to the cut-off, 完成目标可能性, and — for
 * 有可能 / 不可能 — the cause, the analysis and the measures (rule 31), with its light and how it was computed.
 * Fields live in the page's form as indicators[i].progress etc., so a 422 lands on the field it names.
 */
export function FormIndicatorTable({ form, editable }: { form: MonitoringForm; editable: boolean }) {
  const { t } = useTranslation()
  const vocabulary = useFormVocabulary()
  const instance = Form.useFormInstance()
  const month = form.cutoffMonth
  const needsReasons = (index: number) => likelihoodsNeedingReasons.includes(instance.getFieldValue(['indicators', index, 'likelihood']))
  const reasonRule = (index: number, message: string) => ({
    validator: async (_: unknown, value: string | null | undefined) => {
      if (needsReasons(index) && !(value ?? '').toString().trim()) throw new Error(message)
    },
  })

  const columns: TableColumnsType<FormIndicator> = [
    {
      key: 'name',
      title: t('monitoringForms.indicators.level'),
      width: 180,
      render: (_: unknown, ind) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{ind.name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {ind.level1} / {ind.level2}
          </Typography.Text>
        </Space>
      ),
    },
    { key: 'target', title: t('monitoringForms.indicators.target'), width: 110, render: (_: unknown, ind) => (/^[\d.]+$/.test(ind.target) ? `${signs[ind.nature]}${ind.target}${ind.unit}` : ind.target) },
    {
      key: 'progress',
      title: t('monitoringForms.indicators.progress', { month }),
      width: 140,
      render: (_: unknown, ind, index) => (
        <Form.Item name={['indicators', index, 'progress']} style={{ margin: 0 }}>
          {ind.nature === 'qualitative' ? (
            <Select allowClear disabled={!editable} aria-label={`${ind.name} ${t('monitoringForms.indicators.progress', { month })}`} placeholder={t('monitoringForms.indicators.progressQualitative')} options={qualitativeVerdicts.map((v) => ({ value: v, label: v }))} />
          ) : (
            <Input disabled={!editable} inputMode="decimal" maxLength={30} aria-label={`${ind.name} ${t('monitoringForms.indicators.progress', { month })}`} placeholder={t('monitoringForms.indicators.progressNumber', { unit: ind.unit || '—' })} />
          )}
        </Form.Item>
      ),
    },
    {
      key: 'likelihood',
      title: t('monitoringForms.indicators.likelihood'),
      width: 110,
      render: (_: unknown, ind, index) => (
        <Form.Item name={['indicators', index, 'likelihood']} style={{ margin: 0 }}>
          <Select
            allowClear
            disabled={!editable}
            aria-label={`${ind.name} ${t('monitoringForms.indicators.likelihood')}`}
            options={vocabulary.likelihoodOptions}
            onChange={() => instance.validateFields([['indicators', index, 'causeCategory'], ['indicators', index, 'deviationAnalysis'], ['indicators', index, 'measures']]).catch(() => undefined)}
          />
        </Form.Item>
      ),
    },
    {
      key: 'cause',
      title: t('monitoringForms.indicators.cause'),
      width: 120,
      render: (_: unknown, ind, index) => (
        <Form.Item name={['indicators', index, 'causeCategory']} style={{ margin: 0 }} rules={[reasonRule(index, t('monitoringForms.indicators.reasonsHint'))]}>
          <Select allowClear disabled={!editable} aria-label={`${ind.name} ${t('monitoringForms.indicators.cause')}`} options={vocabulary.causeOptions} />
        </Form.Item>
      ),
    },
    {
      key: 'analysis',
      title: t('monitoringForms.indicators.analysis'),
      width: 190,
      render: (_: unknown, ind, index) => (
        <Form.Item name={['indicators', index, 'deviationAnalysis']} style={{ margin: 0 }} rules={[reasonRule(index, t('monitoringForms.indicators.reasonsHint'))]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={4000} disabled={!editable} aria-label={`${ind.name} ${t('monitoringForms.indicators.analysis')}`} />
        </Form.Item>
      ),
    },
    {
      key: 'measures',
      title: t('monitoringForms.indicators.measures'),
      width: 190,
      render: (_: unknown, ind, index) => (
        <Form.Item name={['indicators', index, 'measures']} style={{ margin: 0 }} rules={[reasonRule(index, t('monitoringForms.indicators.reasonsHint'))]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={4000} disabled={!editable} aria-label={`${ind.name} ${t('monitoringForms.indicators.measures')}`} />
        </Form.Item>
      ),
    },
    { key: 'light', title: t('monitoringForms.indicators.light'), width: 70, fixed: 'right', render: (_: unknown, ind) => <LightTag light={ind.light} explained={ind.explained} /> },
  ]

  return (
    <Card size="small" title={t('monitoringForms.indicators.title')} extra={<Typography.Text type="secondary">{t('monitoringForms.indicators.reasonsHint')}</Typography.Text>}>
      {form.indicators.length === 0 ? (
        <Empty description={t('monitoringForms.indicators.empty')} />
      ) : (
        <Table<FormIndicator>
          rowKey="id"
          size="small"
          aria-label={t('monitoringForms.indicators.title')}
          columns={columns}
          dataSource={form.indicators}
          pagination={false}
          scroll={{ x: columns.reduce((sum, c) => sum + Number(c.width ?? 0), 0) }}
          tableLayout="fixed"
        />
      )}
    </Card>
  )
}
