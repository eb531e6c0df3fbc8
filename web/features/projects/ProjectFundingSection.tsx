import { Col, Divider, Form, type FormRule, Row, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { formatMoney } from '../../../domain/money'
import { MoneyInput } from './MoneyInput'
import { type MoneyField, type ProjectFormValues, figureFields, liveTotals, optionalMoneyFields } from './projectForm'
import { useProjectFormRules } from './useProjectFormRules'

/** A sum the form works out as the user types (exact decimals), announced to screen readers. */
function ComputedAmount({ label, amount }: { label: string; amount: string }) {
  const { t } = useTranslation()
  return (
    <Form.Item label={label} colon={false}>
      <output
        aria-label={label}
        aria-live="polite"
        style={{
          display: 'block',
          textAlign: 'right',
          padding: '4px 11px',
          background: '#fafafa',
          border: '1px dashed #d9d9d9',
          borderRadius: 6,
        }}
      >
        <Typography.Text strong style={{ fontVariantNumeric: 'tabular-nums' }}>
          {formatMoney(amount)} {t('projects.unit.yuan')}
        </Typography.Text>
      </output>
    </Form.Item>
  )
}

/** 资金: 财政拨款 by budget, 其他资金, the totals worked out live, and 中期资金总额. */
export function ProjectFundingSection() {
  const { t } = useTranslation()
  const rules = useProjectFormRules()
  const form = Form.useFormInstance<ProjectFormValues>()
  const totals = Form.useWatch((values: ProjectFormValues) => liveTotals(values), form) ?? liveTotals({})
  const label = (field: string) => t(`projects.fields.${field}`)

  const amount = (field: MoneyField, extraRules: FormRule[] = [rules.money]) => (
    <Col xs={24} md={12} xl={6}>
      <Form.Item
        name={field}
        label={label(field)}
        rules={optionalMoneyFields.includes(field) ? extraRules : [rules.required, ...extraRules]}
        dependencies={figureFields.filter((f) => f !== field)}
      >
        <MoneyInput />
      </Form.Item>
    </Col>
  )

  return (
    <>
      <Divider titlePlacement="start" plain style={{ marginTop: 0 }}>
        {t('projects.sections.fiscal')}
      </Divider>
      <Row gutter={16}>
        {amount('amountGeneral', [rules.money, rules.domainRule('amountGeneral')])}
        {amount('amountFund')}
        {amount('amountStateCapital')}
        {amount('amountSocialInsurance')}
        <Col xs={24} md={12} xl={6}>
          <ComputedAmount label={label('amountFiscal')} amount={totals.amountFiscal} />
        </Col>
      </Row>
      <Divider titlePlacement="start" plain style={{ marginTop: 0 }}>
        {t('projects.sections.totals')}
      </Divider>
      <Row gutter={16}>
        {amount('amountOther')}
        <Col xs={24} md={12} xl={6}>
          <ComputedAmount label={label('amountTotal')} amount={totals.amountTotal} />
        </Col>
        {amount('mediumTermAmount', [rules.money, rules.domainRule('mediumTermAmount')])}
      </Row>
    </>
  )
}
