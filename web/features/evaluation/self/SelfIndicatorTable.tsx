import { Card, Checkbox, Form, Input, Select, Space, Table, Typography } from 'antd'
import type { TableColumnsType } from 'antd'
import { useTranslation } from 'react-i18next'
import type { RuleSet } from '../../../../domain/rule-set'
import type { SelfEvalResult } from '../../../../domain/self-evaluation'
import type { SelfFormIndicator } from './self.types'
import { ExplainedFigure } from './selfVocabulary'

const signs: Record<string, string> = { '>=': '≥', '>': '>', '=': '=', '<=': '≤', '<': '<' }
const showTarget = (ind: SelfFormIndicator) => (/^[\d.]+$/.test(ind.target) ? `${signs[ind.nature] ?? ''}${ind.target}${ind.unit}` : ind.target)

/**
 * The indicator block of the 自评表: target and weight, the 实际完成值 the unit enters, the proposed score with its
 * formula, a score within the bound (with the reason for setting it), and the deviation analysis where the rules ask
 * for it. Proposals, bounds and problems come from the live scoring; the fields are indicators[i].… of the page's form.
 */
export function SelfIndicatorTable(props: { indicators: SelfFormIndicator[]; live: SelfEvalResult | null; rules: RuleSet | undefined; editable: boolean }) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language === 'en' ? 'en' : 'zh'
  const { live, editable, rules } = props
  const instance = Form.useFormInstance()
  const verdicts = rules ? [...rules.qualitativeLabels.achieved.slice(0, 1), ...rules.qualitativeLabels.partial.slice(0, 1), ...rules.qualitativeLabels.failed.slice(0, 1)] : []
  const problemsOf = (index: number, field: string) => (live?.problems ?? []).filter((p) => p.path === `indicators.${index}.${field}`)
  const help = (index: number, field: string) => {
    const found = problemsOf(index, field)
    return found.length ? { validateStatus: 'error' as const, help: found.map((p) => p[lang]).join('；') } : {}
  }

  const columns: TableColumnsType<SelfFormIndicator> = [
    {
      key: 'name',
      title: t('evaluationSelf.indicators.name'),
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
    { key: 'target', title: t('evaluationSelf.indicators.target'), width: 110, render: (_: unknown, ind) => showTarget(ind) },
    { key: 'weight', title: t('evaluationSelf.indicators.weight'), dataIndex: 'weight', width: 70, align: 'right' },
    {
      key: 'actual',
      title: t('evaluationSelf.indicators.actual'),
      width: 170,
      render: (_: unknown, ind, index) => (
        <>
          <Form.Item name={['indicators', index, 'actual']} style={{ margin: 0 }} {...help(index, 'actual')}>
            {ind.nature === 'qualitative' ? (
              <Select allowClear disabled={!editable} aria-label={`${ind.name} ${t('evaluationSelf.indicators.actual')}`} placeholder={t('evaluationSelf.indicators.verdict')} options={verdicts.map((v) => ({ value: v, label: v }))} />
            ) : (
              <Input disabled={!editable} inputMode="decimal" maxLength={30} aria-label={`${ind.name} ${t('evaluationSelf.indicators.actual')}`} placeholder={t('evaluationSelf.indicators.number', { unit: ind.unit || '—' })} />
            )}
          </Form.Item>
          {rules?.evaluation.rescaleNotApplicable && (
            <Form.Item name={['indicators', index, 'applicable']} valuePropName="checked" style={{ margin: '4px 0 0' }}>
              <Checkbox disabled={!editable}>{t('evaluationSelf.indicators.applicable')}</Checkbox>
            </Form.Item>
          )}
        </>
      ),
    },
    {
      key: 'proposed',
      title: t('evaluationSelf.indicators.proposed'),
      width: 110,
      align: 'right',
      render: (_: unknown, ind, index) => {
        const proposed = live?.indicators[index]?.proposed ?? null
        return <ExplainedFigure value={proposed?.value ?? null} explained={proposed} />
      },
    },
    {
      key: 'score',
      title: t('evaluationSelf.indicators.score'),
      width: 190,
      render: (_: unknown, ind, index) => {
        const result = live?.indicators[index]
        const bound = result?.bound
        const overridden = result?.overridden || !!instance.getFieldValue(['indicators', index, 'overrideReason'])
        return (
          <Space orientation="vertical" size={2} style={{ width: '100%' }}>
            <Form.Item name={['indicators', index, 'score']} style={{ margin: 0 }} {...help(index, 'score')}>
              <Input disabled={!editable} inputMode="decimal" maxLength={6} aria-label={`${ind.name} ${t('evaluationSelf.indicators.score')}`} placeholder={result?.proposed?.value ?? ''} />
            </Form.Item>
            {bound && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('evaluationSelf.indicators.bound', { low: bound.low, high: bound.high, close: bound.highExclusive ? ')' : ']' })}
              </Typography.Text>
            )}
            {(overridden || problemsOf(index, 'overrideReason').length > 0) && (
              <Form.Item name={['indicators', index, 'overrideReason']} style={{ margin: 0 }} {...help(index, 'overrideReason')}>
                <Input.TextArea rows={2} maxLength={4000} disabled={!editable} aria-label={`${ind.name} ${t('evaluationSelf.indicators.overrideReason')}`} placeholder={t('evaluationSelf.indicators.overrideReason')} />
              </Form.Item>
            )}
          </Space>
        )
      },
    },
    {
      key: 'deviation',
      title: t('evaluationSelf.indicators.deviationReason'),
      width: 240,
      render: (_: unknown, ind, index) => {
        const required = live?.indicators[index]?.deviationReasonRequired
        return (
          <Form.Item name={['indicators', index, 'deviationReason']} style={{ margin: 0 }} {...help(index, 'deviationReason')} extra={required && !problemsOf(index, 'deviationReason').length ? t('evaluationSelf.indicators.deviationRequired') : undefined}>
            <Input.TextArea rows={2} maxLength={4000} disabled={!editable} aria-label={`${ind.name} ${t('evaluationSelf.indicators.deviationReason')}`} placeholder={required ? t('evaluationSelf.indicators.deviationRequired') : ''} />
          </Form.Item>
        )
      },
    },
  ]

  return (
    <Card size="small" title={t('evaluationSelf.indicators.title')}>
      <Table<SelfFormIndicator>
        rowKey="id"
        size="small"
        aria-label={t('evaluationSelf.indicators.title')}
        columns={columns}
        dataSource={props.indicators}
        pagination={false}
        tableLayout="fixed"
        scroll={{ x: columns.reduce((sum, c) => sum + Number(c.width ?? 0), 0) }}
      />
    </Card>
  )
}
