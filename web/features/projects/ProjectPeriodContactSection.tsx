import { Col, Form, Input, InputNumber, Row } from 'antd'
import { useTranslation } from 'react-i18next'
import { figureFields } from './projectForm'
import { useProjectFormRules } from './useProjectFormRules'

/** 实施期 (which must contain the budget year) and whom to ask about the project. */
export function ProjectPeriodSection() {
  const { t } = useTranslation()
  const rules = useProjectFormRules()
  const year = (field: 'periodStartYear' | 'periodEndYear', extra: ReturnType<typeof rules.domainRule>[] = []) => (
    <Col xs={24} md={12} xl={8}>
      <Form.Item
        name={field}
        label={t(`projects.fields.${field}`)}
        rules={[rules.required, rules.year, ...extra]}
        dependencies={figureFields.filter((f) => f !== field)}
      >
        <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
      </Form.Item>
    </Col>
  )
  return (
    <Row gutter={16}>
      {year('periodStartYear')}
      {year('periodEndYear', [rules.domainRule('periodEndYear')])}
    </Row>
  )
}

export function ProjectContactSection() {
  const { t } = useTranslation()
  const rules = useProjectFormRules()
  return (
    <Row gutter={16}>
      <Col xs={24} md={12} xl={8}>
        <Form.Item name="contactName" label={t('projects.fields.contactName')}>
          <Input maxLength={50} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12} xl={8}>
        <Form.Item name="contactPhone" label={t('projects.fields.contactPhone')} rules={[rules.phone]}>
          <Input maxLength={30} inputMode="tel" autoComplete="off" />
        </Form.Item>
      </Col>
    </Row>
  )
}
