import { Col, Form, Input, Row } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { FieldFindings, statusOf } from './FieldFindings'
import type { GoalDraft } from './goalDraft'
import type { Finding } from './goalFindings'

type TargetField = 'name' | 'overallTarget' | 'mediumTermTarget' | 'annualTarget'

interface GoalTargetFieldsProps {
  draft: GoalDraft
  onChange: (patch: Partial<GoalDraft>) => void
  findingsOf: (field: TargetField) => Finding[]
}

/** The goal's name and its targets in words: 总体目标, 中期目标 (实施期), 年度目标; findings under each. */
export function GoalTargetFields({ draft, onChange, findingsOf }: GoalTargetFieldsProps) {
  const { t } = useTranslation()
  const item = (field: TargetField, input: ReactNode) => {
    const findings = findingsOf(field)
    return (
      <Form.Item label={t(`goals.fields.${field}`)} validateStatus={statusOf(findings) || undefined} help={findings.length ? <FieldFindings findings={findings} /> : undefined} required={field === 'name'}>
        {input}
      </Form.Item>
    )
  }
  const area = (field: Exclude<TargetField, 'name'>) =>
    item(
      field,
      <Input.TextArea
        aria-label={t(`goals.fields.${field}`)}
        autoSize={{ minRows: 3, maxRows: 8 }}
        maxLength={4000}
        placeholder={t(`goals.placeholders.${field}`)}
        value={draft[field]}
        onChange={(e) => onChange({ [field]: e.target.value })}
      />,
    )
  return (
    <Form layout="vertical" component="div">
      {item('name', <Input aria-label={t('goals.fields.name')} maxLength={200} value={draft.name} onChange={(e) => onChange({ name: e.target.value })} />)}
      {area('overallTarget')}
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          {area('mediumTermTarget')}
        </Col>
        <Col xs={24} lg={12}>
          {area('annualTarget')}
        </Col>
      </Row>
    </Form>
  )
}
