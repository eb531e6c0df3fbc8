import { UndoOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, Flex, Form, Input, Space, Tag, Typography } from 'antd'
import Decimal from 'decimal.js'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { NATIONAL_SOURCE } from '../../../domain/rule-set-resolve'
import { ApiError } from '../../api/client'
import { applyFieldErrors, errorMessage } from '../../shared/serverErrors'
import { OverrideLines } from './OverrideLines'
import { RuleLeafInput } from './RuleLeafInput'
import { useOriginLabel } from './SourceTags'
import { type RuleRow, ruleCards } from './ruleFields'
import { type RuleFormValues, checkForm, flattenOverrides, getAt, overridesOf, problemsByRow, rowLabel, sameOverrides, toFormValues } from './ruleForm'
import { useSaveRuleSet } from './rules.queries'
import type { RuleSetView } from './rules.types'

interface RuleSetEditorProps {
  view: RuleSetView
  onDone: () => void
}

/**
 * Edits a jurisdiction's rules for a year: every rule prefilled with its effective value, checked as the server
 * will (validateRuleSet), saved as only what differs from the parents' rules with a required note.
 */
export function RuleSetEditor({ view, onDone }: RuleSetEditorProps) {
  const { t, i18n } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm()
  const originLabel = useOriginLabel()
  const save = useSaveRuleSet(view.jurisdiction.code, view.fiscalYear)
  // The revision this edit started from: a save against a newer one is a conflict until the user reloads.
  const [base, setBase] = useState(view)
  const initial = useMemo(() => ({ ...toFormValues(base.effective.rules), note: '' }), [base])
  const inheritedValues = useMemo(() => toFormValues(base.inherited.rules), [base])
  const [values, setValues] = useState<RuleFormValues>(initial)
  const [serverProblems, setServerProblems] = useState<{ path: string; message: string }[]>([])

  const lang = i18n.language?.startsWith('en') ? 'en' : 'zh'
  const problems = problemsByRow([...checkForm(values, lang), ...serverProblems])
  const overrides = overridesOf(base, values)
  const unchanged = sameOverrides(overrides, base.own?.overrides ?? {})
  const conflict = save.error instanceof ApiError && save.error.status === 409

  const sync = () => {
    setValues({ ...form.getFieldsValue(true) })
    setServerProblems([])
  }

  function resetRow(row: RuleRow) {
    for (const leaf of row.leaves) form.setFieldValue(leaf.path.split('.'), structuredClone(getAt(inheritedValues, leaf.path)))
    sync()
  }

  function reload() {
    save.reset()
    const fresh = { ...toFormValues(view.effective.rules), note: form.getFieldValue('note') ?? '' }
    setBase(view)
    form.setFieldsValue(fresh)
    setValues(fresh)
    setServerProblems([])
  }

  async function submit() {
    const current = form.getFieldsValue(true) as RuleFormValues
    if (checkForm(current, lang).length > 0) {
      message.error(t('rules.editor.fixProblems'))
      return
    }
    try {
      const saved = await save.mutateAsync({ version: base.version, overrides: overridesOf(base, current), note: String(current.note ?? '').trim() })
      message.success(t('rules.editor.saved', { revision: saved.version }))
      onDone()
    } catch (err) {
      if (err instanceof ApiError && err.code === 'RULE_VIOLATION' && Array.isArray(err.details)) {
        setServerProblems(err.details as { path: string; message: string }[])
      } else applyFieldErrors(form, err)
    }
  }

  const inheritedTag = (row: RuleRow) => {
    const sources = [...new Set(row.leaves.map((leaf) => base.inherited.sourceOf[leaf.path] ?? NATIONAL_SOURCE))]
    const text = sources
      .map((source) => originLabel(source === NATIONAL_SOURCE ? { kind: 'national' } : { kind: 'inherited', source }))
      .join(t('rules.listSeparator'))
    return <Tag color="blue">{text}</Tag>
  }

  const weightSum = (['execution', 'output', 'effect', 'satisfaction'] as const).reduce(
    (sum, key) => sum.plus(Number(getAt(values, `selfEvaluationWeights.${key}`)) || 0),
    new Decimal(0),
  )

  return (
    <Form form={form} layout="horizontal" labelCol={{ flex: '220px' }} labelWrap initialValues={initial} onValuesChange={sync} onFinish={submit} aria-label={t('rules.editor.formLabel')}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Alert type="info" showIcon title={t('rules.editor.intro')} />
        {ruleCards.map((card) => (
          <Card key={card.key} size="small" title={t(card.titleKey)}>
            {card.rows.map((row) => {
              const overridden = row.leaves.some((leaf) => getAt(overrides, leaf.path) !== undefined)
              const rowProblems = problems[row.key]
              const label = rowLabel(row, t)
              return (
                <Form.Item
                  key={row.key}
                  label={label}
                  extra={
                    row.key === 'selfEvaluationWeights'
                      ? t('rules.editor.weightSum', { sum: weightSum.toString() })
                      : row.hintKey && t(row.hintKey)
                  }
                  validateStatus={rowProblems ? 'error' : undefined}
                  help={rowProblems ? rowProblems.join(t('rules.problemSeparator')) : undefined}
                  style={{ background: overridden ? '#fff7e6' : undefined, padding: '4px 8px', marginBottom: 8, borderRadius: 6 }}
                >
                  <Flex wrap gap={8} align="center">
                    {row.leaves.map((leaf) => (
                      <Form.Item key={leaf.path} noStyle name={leaf.path.split('.')} rules={[{ required: true, message: t('common.required') }]}>
                        <RuleLeafInput leaf={leaf} label={leaf.labelKey ? `${label} ${t(leaf.labelKey)}` : label} />
                      </Form.Item>
                    ))}
                    {overridden ? <Tag color="orange">{t('rules.source.own')}</Tag> : inheritedTag(row)}
                    <Button
                      size="small"
                      type="link"
                      icon={<UndoOutlined aria-hidden />}
                      disabled={!overridden}
                      onClick={() => resetRow(row)}
                      title={t('rules.editor.resetRow', { label })}
                    >
                      {t('rules.editor.reset')}
                    </Button>
                  </Flex>
                </Form.Item>
              )
            })}
          </Card>
        ))}
        <Card size="small" title={t('rules.editor.summary', { count: flattenOverrides(overrides).length })}>
          <OverrideLines overrides={overrides} />
          {unchanged && <Alert type="warning" showIcon style={{ marginTop: 12 }} title={t('rules.editor.unchanged')} />}
          <Form.Item
            name="note"
            label={t('rules.editor.note')}
            labelCol={{ span: 24 }}
            wrapperCol={{ span: 24 }}
            style={{ marginTop: 16 }}
            rules={[{ required: true, whitespace: true, min: 2, message: t('rules.editor.noteRequired') }]}
          >
            <Input.TextArea rows={2} maxLength={1000} showCount placeholder={t('rules.editor.notePlaceholder')} />
          </Form.Item>
          {save.isError && !(save.error instanceof ApiError && save.error.code === 'RULE_VIOLATION') && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 16 }}
              title={conflict ? t('rules.editor.conflict') : errorMessage(save.error)}
              action={
                conflict && (
                  <Button size="small" onClick={reload}>
                    {t('rules.editor.reload')}
                  </Button>
                )
              }
            />
          )}
          {serverProblems.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={t('rules.editor.serverProblems')} />}
          {problems[''] && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={problems[''].join(t('rules.problemSeparator'))} />}
          <Space>
            <Button type="primary" htmlType="submit" loading={save.isPending} disabled={unchanged}>
              {t('rules.editor.save')}
            </Button>
            <Button onClick={onDone}>{t('common.cancel')}</Button>
            <Typography.Text type="secondary">{t('rules.editor.versionHint', { version: base.version })}</Typography.Text>
          </Space>
        </Card>
      </Space>
    </Form>
  )
}
