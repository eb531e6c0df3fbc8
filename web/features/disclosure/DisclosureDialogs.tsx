import { Alert, Form, Input, Radio, Select } from 'antd'
import { useTranslation } from 'react-i18next'
import { type DisclosureDecision, withholdReasonEnglish } from '../../../domain/disclosure-decisions'
import { FormModal } from '../../shared/FormModal'
import { currentLanguage } from '../../i18n'
import { useSetDecision, useWithdraw } from './disclosure.queries'
import type { DisclosureRecord } from './disclosure.types'

/** A reason of the rule set as the user reads it: the national defaults have English names, others stay as written. */
export const reasonLabel = (code: string) => (currentLanguage() === 'en' ? (withholdReasonEnglish[code] ?? code) : code)

interface DecisionValues {
  decision: DisclosureDecision
  reasonCode?: string
  reasonText?: string
}

/** 公开意见: publish, or not with a reason from the rule set's list (some reasons need a written explanation). */
export function DecisionDialog({ record, reasons, needingText, onClose }: { record: DisclosureRecord; reasons: string[]; needingText: string[]; onClose: () => void }) {
  const { t } = useTranslation()
  const decide = useSetDecision()
  const initial: DecisionValues = record.state === 'not_to_publish' ? { decision: 'withhold', reasonCode: record.reasonCode ?? undefined, reasonText: record.reasonText ?? undefined } : { decision: 'publish' }
  return (
    <FormModal<DecisionValues>
      title={t('disclosure.decision.title', { name: record.title })}
      initialValues={initial}
      onClose={onClose}
      onSubmit={(values) =>
        decide.mutateAsync({ kind: record.kind, sourceId: record.sourceId, version: record.version, decision: values.decision, ...(values.decision === 'withhold' && { reasonCode: values.reasonCode, reasonText: values.reasonText?.trim() || undefined }) })
      }
    >
      <Form.Item name="decision" label={t('disclosure.decision.decision')}>
        <Radio.Group
          options={[
            { value: 'publish', label: t('disclosure.decision.publish') },
            { value: 'withhold', label: t('disclosure.decision.withhold') },
          ]}
        />
      </Form.Item>
      <Form.Item noStyle shouldUpdate>
        {(form) =>
          form.getFieldValue('decision') === 'withhold' && (
            <>
              <Form.Item name="reasonCode" label={t('disclosure.decision.reasonCode')} rules={[{ required: true, message: t('disclosure.decision.reasonRequired') }]}>
                <Select aria-label={t('disclosure.decision.reasonCode')} options={reasons.map((r) => ({ value: r, label: reasonLabel(r) }))} />
              </Form.Item>
              <Form.Item
                name="reasonText"
                label={t('disclosure.decision.reasonText')}
                rules={[{ required: needingText.includes(form.getFieldValue('reasonCode')), whitespace: true, min: 2, message: t('disclosure.decision.reasonTextRequired') }]}
              >
                <Input.TextArea rows={3} maxLength={2000} />
              </Form.Item>
            </>
          )
        }
      </Form.Item>
    </FormModal>
  )
}

/** 撤回: finance takes a published record back, with the reason; the dialog says what that means before it is confirmed. */
export function WithdrawDialog({ record, onClose }: { record: DisclosureRecord; onClose: () => void }) {
  const { t } = useTranslation()
  const withdraw = useWithdraw()
  return (
    <FormModal<{ reason: string }>
      title={t('disclosure.withdraw.title', { name: record.title })}
      okText={t('disclosure.withdraw.ok')}
      onClose={onClose}
      onSubmit={({ reason }) => withdraw.mutateAsync({ kind: record.kind, sourceId: record.sourceId, version: record.version, reason: reason.trim() })}
    >
      <Alert type="warning" showIcon title={t('disclosure.withdraw.confirm')} style={{ marginBottom: 16 }} />
      <Form.Item name="reason" label={t('disclosure.withdraw.reason')} rules={[{ required: true, whitespace: true, min: 4, message: t('disclosure.withdraw.reasonRequired') }]}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </FormModal>
  )
}
