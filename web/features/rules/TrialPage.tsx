import { ThunderboltOutlined } from '@ant-design/icons'
import { Alert, AutoComplete, Button, Card, Col, Divider, Form, Input, InputNumber, Radio, Result, Row, Space, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { indicatorNatureLabels, indicatorNatures } from '../../../domain/indicators'
import { PageSpinner } from '../../layout/AppLayout'
import { errorMessage } from '../../shared/serverErrors'
import { RuleScopePicker, useRuleScope } from './RuleScopePicker'
import { TrialResults } from './TrialResults'
import { useRuleSet } from './rules.queries'
import { type TrialInput, calculateTrial, defaultMonth, fromIndicatorValue, qualitativeLabelGroups, trialExamples } from './trialCalc'

const blank: TrialInput = { nature: '>=', target: '', actual: '', weight: '10', month: null, unit: '', budget: '', executed: '', executionWeight: '10' }

/** 试算: score and light an indicator and a budget execution live, under the effective rules of a jurisdiction and year. */
export function TrialPage() {
  const { t, i18n } = useTranslation()
  const [scope, setScope] = useRuleScope()
  const ruleSet = useRuleSet(scope.jurisdictionCode, scope.fiscalYear)
  const [form] = Form.useForm<TrialInput>()
  const [input, setInput] = useState<TrialInput>(blank)
  const [pasted, setPasted] = useState('')
  const rules = ruleSet.data?.effective.rules

  // The month follows the rule set's first cut-off month until the user picks one.
  useEffect(() => {
    if (!rules || form.isFieldTouched('month')) return
    form.setFieldValue('month', defaultMonth(rules))
    setInput((current) => ({ ...current, month: defaultMonth(rules) }))
  }, [rules, form])

  const sync = () => setInput({ ...blank, ...form.getFieldsValue(true) })
  const fill = (values: Partial<TrialInput>) => {
    form.setFieldsValue(values)
    sync()
  }
  const readPasted = () => {
    const read = fromIndicatorValue(pasted)
    if (read) fill(read)
  }

  if (ruleSet.isPending) return <PageSpinner />
  if (ruleSet.isError) return <Result status="warning" title={errorMessage(ruleSet.error)} extra={<Button onClick={() => ruleSet.refetch()}>{t('common.retry')}</Button>} />

  const result = calculateTrial(input, ruleSet.data.effective.rules)
  const fieldError = (field: keyof TrialInput) => {
    const code = result.errors[field]
    const typed = input[field]
    // An empty field is not an error yet: the result just waits for it.
    if (!code || typed === '' || typed === undefined || typed === null) return {}
    return { validateStatus: 'error' as const, help: t(`rules.trial.errors.${code}`) }
  }
  const qualitative = input.nature === 'qualitative'
  const unit = input.unit ? input.unit : undefined

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Space wrap>
          <RuleScopePicker value={scope} onChange={setScope} jurisdictionName={ruleSet.data.jurisdiction.name} />
          <Typography.Text type="secondary">{t('rules.trial.scopeHint')}</Typography.Text>
        </Space>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('rules.trial.inputs')}>
            <Space wrap style={{ marginBottom: 12 }}>
              <Typography.Text type="secondary">{t('rules.trial.examples.title')}</Typography.Text>
              {trialExamples.map((example) => (
                <Button key={example.key} size="small" icon={<ThunderboltOutlined aria-hidden />} onClick={() => fill(example.values)}>
                  {t(`rules.trial.examples.${example.key}`)}
                </Button>
              ))}
            </Space>
            <Form form={form} layout="vertical" initialValues={blank} onValuesChange={sync} aria-label={t('rules.trial.inputs')}>
              <Form.Item label={t('rules.trial.fields.paste')} extra={t('rules.trial.fields.pasteHint')} htmlFor="trial-paste">
                <Space.Compact style={{ width: '100%' }}>
                  <Input id="trial-paste" value={pasted} onChange={(e) => setPasted(e.target.value)} onPressEnter={readPasted} placeholder="≥95%" />
                  <Button onClick={readPasted}>{t('rules.trial.fields.parse')}</Button>
                </Space.Compact>
              </Form.Item>
              <Form.Item name="nature" label={t('rules.trial.fields.nature')}>
                <Radio.Group
                  optionType="button"
                  options={indicatorNatures.map((nature) => ({ value: nature, label: i18n.language?.startsWith('en') ? indicatorNatureLabels[nature].en : indicatorNatureLabels[nature].zh }))}
                />
              </Form.Item>
              <Row gutter={12}>
                {!qualitative && (
                  <>
                    <Col span={12}>
                      <Form.Item name="target" label={t('rules.trial.fields.target')} {...fieldError('target')}>
                        <Input inputMode="decimal" suffix={unit} autoComplete="off" />
                      </Form.Item>
                    </Col>
                    <Col span={12}>
                      <Form.Item name="actual" label={t('rules.trial.fields.actual')} {...fieldError('actual')}>
                        <Input inputMode="decimal" suffix={unit} autoComplete="off" />
                      </Form.Item>
                    </Col>
                  </>
                )}
                {qualitative && (
                  <>
                    <Col span={24}>
                      <Form.Item name="qualitative" label={t('rules.trial.fields.qualitative')} {...fieldError('qualitative')}>
                        <AutoComplete
                          options={qualitativeLabelGroups(ruleSet.data.effective.rules).map(({ band, labels }) => ({
                            label: t(`rules.leaves.${band}Labels`),
                            // The wordings are the tables' Chinese; in English each also names its band.
                            options: labels.map((label) => ({
                              value: label,
                              label: i18n.language?.startsWith('en') ? `${label} — ${t(`rules.leaves.${band}Labels`)}` : label,
                            })),
                          }))}
                          placeholder={t('rules.trial.fields.qualitativePlaceholder')}
                        />
                      </Form.Item>
                    </Col>
                    <Col span={12}>
                      <Form.Item name="qualitativeScore" label={t('rules.trial.fields.qualitativeScore')} {...fieldError('qualitativeScore')}>
                        <Input inputMode="decimal" autoComplete="off" />
                      </Form.Item>
                    </Col>
                  </>
                )}
                <Col span={qualitative ? 12 : 8}>
                  <Form.Item name="weight" label={t('rules.trial.fields.weight')} {...fieldError('weight')}>
                    <Input inputMode="decimal" autoComplete="off" />
                  </Form.Item>
                </Col>
                {!qualitative && (
                  <Col span={8}>
                    <Form.Item name="unit" label={t('rules.trial.fields.unit')}>
                      <Input autoComplete="off" />
                    </Form.Item>
                  </Col>
                )}
                <Col span={qualitative ? 12 : 8}>
                  <Form.Item name="month" label={t('rules.trial.fields.month')} {...fieldError('month')}>
                    <InputNumber min={1} max={12} precision={0} style={{ width: '100%' }} suffix={t('rules.trial.fields.monthSuffix')} />
                  </Form.Item>
                </Col>
              </Row>
              <Divider titlePlacement="start" plain>
                {t('rules.trial.fields.executionBlock')}
              </Divider>
              <Row gutter={12}>
                <Col span={9}>
                  <Form.Item name="budget" label={t('rules.trial.fields.budget')} {...fieldError('budget')}>
                    <Input inputMode="decimal" autoComplete="off" />
                  </Form.Item>
                </Col>
                <Col span={9}>
                  <Form.Item name="executed" label={t('rules.trial.fields.executed')} {...fieldError('executed')}>
                    <Input inputMode="decimal" autoComplete="off" />
                  </Form.Item>
                </Col>
                <Col span={6}>
                  <Form.Item name="executionWeight" label={t('rules.trial.fields.executionWeight')} {...fieldError('executionWeight')}>
                    <Input inputMode="decimal" autoComplete="off" />
                  </Form.Item>
                </Col>
              </Row>
              <Button onClick={() => fill({ ...blank, month: defaultMonth(ruleSet.data.effective.rules) })}>{t('common.reset')}</Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          {i18n.language?.startsWith('en') && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('rules.trial.chineseExplanations')} />}
          <TrialResults input={input} result={result} view={ruleSet.data} />
        </Col>
      </Row>
    </Space>
  )
}
