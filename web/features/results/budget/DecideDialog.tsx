import { Alert, Descriptions, Form, Input, Modal, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { compareMoney, formatMoney, parseMoney } from '../../../../domain/money'
import { GradeTag } from '../../evaluation/self/selfVocabulary'
import { applyFieldErrors, errorMessage } from '../../../shared/serverErrors'
import { useDecideBudget } from './budget.queries'
import type { BudgetDecision } from './budget.types'
import { ProposalActionTag } from './budgetVocabulary'

interface Values {
  decidedAmount: string
  reason: string
}

/** 记录决定: the proposal with its formula, the amount finance decides, and the reason when it differs (rule 42). */
export function DecideDialog({ decision, onClose }: { decision: BudgetDecision; onClose: () => void }) {
  const { t } = useTranslation()
  const [form] = Form.useForm<Values>()
  const decide = useDecideBudget()
  const [error, setError] = useState<string | null>(null)
  const amount = Form.useWatch('decidedAmount', form) ?? ''
  // Compared as decimals (never floats); text that is not an amount yet is the amount rule's to refuse.
  const typed = parseMoney(amount)
  const differs = typed !== null && compareMoney(typed, decision.proposedAmount) !== 0

  async function submit(values: Values) {
    setError(null)
    try {
      await decide.mutateAsync({ id: decision.id, version: decision.version, decidedAmount: values.decidedAmount.trim(), reason: values.reason?.trim() ?? '' })
      onClose()
    } catch (err) {
      if (!applyFieldErrors(form, err)) setError(errorMessage(err))
    }
  }

  return (
    <Modal open title={t('budgetDecisions.decide.title')} okText={t('budgetDecisions.decide.ok')} cancelText={t('common.cancel')} confirmLoading={decide.isPending} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden width={640}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Descriptions size="small" column={2} bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('budgetDecisions.fields.project')} span={2}>
          {decision.projectName}（{decision.projectCode}）
        </Descriptions.Item>
        <Descriptions.Item label={t('budgetDecisions.fields.grade')}>
          <GradeTag grade={decision.grade} />
        </Descriptions.Item>
        <Descriptions.Item label={t('budgetDecisions.fields.proposedAction')}>
          <ProposalActionTag action={decision.proposedAction} />
        </Descriptions.Item>
        <Descriptions.Item label={t('budgetDecisions.fields.baseAmount')}>{formatMoney(decision.baseAmount)}</Descriptions.Item>
        <Descriptions.Item label={t('budgetDecisions.fields.proposedAmount')}>{formatMoney(decision.proposedAmount)}</Descriptions.Item>
        <Descriptions.Item label={t('budgetDecisions.fields.formula')} span={2}>
          <Typography.Text type="secondary">{decision.explanation.formula}</Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      <Form<Values> form={form} layout="vertical" aria-label={t('budgetDecisions.decide.title')} initialValues={{ decidedAmount: decision.decidedAmount ?? decision.proposedAmount, reason: decision.reason }} onFinish={submit}>
        <Form.Item name="decidedAmount" label={t('budgetDecisions.fields.decidedAmount')} rules={[{ required: true, pattern: /^\d{1,16}(\.\d{1,2})?$/, message: t('budgetDecisions.decide.amountRule') }]}>
          <Input inputMode="decimal" style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="reason" label={t('budgetDecisions.fields.reason')} rules={[{ required: differs, message: t('budgetDecisions.decide.reasonNeeded') }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
