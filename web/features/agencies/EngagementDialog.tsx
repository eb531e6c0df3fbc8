import { Alert, App, Button, Form, Input, InputNumber, Modal, Radio, Select, Space } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../api/client'
import { useCodeLabels } from '../../shared/useCodeLabels'
import { errorMessage } from '../../shared/serverErrors'
import { agencyConflictReasonLabels, type AgencyConflictReason } from '../../../domain/evaluation'
import { checkIndependence, useAgencyList, useEngage, useKeyEvaluationOptions } from './agencies.queries'
import type { AgencyConflict, EngagementInput } from './agencies.types'
import { useAgencyVocabulary } from './agencyVocabulary'

/** The reasons of a failed independence check, each named: what the 422 AGENCY_CONFLICT answer says. */
export function ConflictList({ conflicts, reasons }: { conflicts?: AgencyConflict[]; reasons: AgencyConflictReason[] }) {
  const { t, i18n } = useTranslation()
  const { labelOf } = useCodeLabels()
  const label = labelOf<AgencyConflictReason>(agencyConflictReasonLabels)
  const lang = i18n.language === 'en' ? 'en' : 'zh'
  return (
    <Alert
      type="error"
      showIcon
      title={t('agencies.engage.conflictTitle')}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }} aria-label={t('agencies.engage.conflictTitle')}>
          {(conflicts ?? reasons.map((reason) => ({ reason, zh: label(reason), en: label(reason) }))).map((c) => (
            <li key={c.reason} data-reason={c.reason}>
              {c[lang]}
            </li>
          ))}
        </ul>
      }
    />
  )
}

interface Values extends Omit<EngagementInput, 'fee'> {
  fee: number
  /** Picked in the dialog when it is opened from a key evaluation rather than from an agency's record. */
  agencyId?: string
}

/**
 * 委托第三方机构: pick the key evaluation (from an agency's record) or the agency (from a key evaluation's page),
 * record the procurement; the independence check runs before saving and the server's 422 AGENCY_CONFLICT reasons
 * are listed one by one.
 */
export function EngagementDialog({ agencyId: fixedAgencyId, keyEvaluationId, keyEvaluationName, onClose }: { agencyId?: string; keyEvaluationId?: string; keyEvaluationName?: string; onClose: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const vocabulary = useAgencyVocabulary()
  const evaluations = useKeyEvaluationOptions(!keyEvaluationId)
  const agencies = useAgencyList({ pageSize: 200 }, !fixedAgencyId)
  const engage = useEngage()
  const [form] = Form.useForm<Values>()
  const [conflicts, setConflicts] = useState<{ reasons: AgencyConflictReason[]; conflicts?: AgencyConflict[] } | null>(null)
  const [passed, setPassed] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [evaluationName, setEvaluationName] = useState<string | null>(keyEvaluationName ?? null)

  const agencyIdNow = () => fixedAgencyId ?? (form.getFieldValue('agencyId') as string | undefined)

  // Opened for an agency and a given evaluation (the record's link from an evaluation): check at once and name it.
  useEffect(() => {
    if (!keyEvaluationId || !fixedAgencyId) return
    checkIndependence(fixedAgencyId, keyEvaluationId)
      .then((result) => {
        setEvaluationName(`${result.keyEvaluation.fiscalYear} ${result.keyEvaluation.name}`)
        setConflicts(result.independent ? null : result)
        setPassed(result.independent)
      })
      .catch((err: unknown) => setError(errorMessage(err)))
  }, [fixedAgencyId, keyEvaluationId])

  async function check() {
    const id = form.getFieldValue('keyEvaluationId') as string | undefined
    const agencyId = agencyIdNow()
    if (!id || !agencyId) return form.validateFields(['keyEvaluationId', ...(fixedAgencyId ? [] : ['agencyId'])])
    setBusy(true)
    try {
      const result = await checkIndependence(agencyId, id)
      setConflicts(result.independent ? null : result)
      setPassed(result.independent)
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setBusy(false)
    }
  }

  async function submit(values: Values) {
    setBusy(true)
    setError(null)
    try {
      const { agencyId: picked, ...body } = values
      await engage.mutateAsync({ agencyId: fixedAgencyId ?? picked!, ...body, fee: values.fee.toFixed(2) })
      message.success(t('common.saved'))
      onClose()
    } catch (err) {
      if (err instanceof ApiError && err.code === 'AGENCY_CONFLICT') {
        const details = err.details as { reasons: AgencyConflictReason[]; conflicts?: AgencyConflict[] }
        setConflicts(details)
        setPassed(false)
      } else setError(errorMessage(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Modal open title={t('agencies.engage.title')} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose} mask={{ closable: false }} destroyOnHidden width={620}>
      <Space orientation="vertical" style={{ width: '100%', marginBottom: 12 }}>
        {conflicts && <ConflictList reasons={conflicts.reasons} conflicts={conflicts.conflicts} />}
        {passed && <Alert type="success" showIcon title={t('agencies.engage.independent')} />}
        {error && <Alert type="error" showIcon title={error} />}
      </Space>
      <Form<Values> form={form} layout="vertical" aria-label={t('agencies.engage.title')} initialValues={{ keyEvaluationId, procurementMethod: 'government_procurement', subcontracted: false }} onFinish={submit} onValuesChange={(changed) => ('keyEvaluationId' in changed || 'agencyId' in changed) && (setConflicts(null), setPassed(false))}>
        {!fixedAgencyId && (
          <Form.Item name="agencyId" label={t('agencies.engage.pickAgency')} rules={[{ required: true }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={agencies.isPending}
              notFoundContent={t('agencies.empty')}
              options={(agencies.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))}
            />
          </Form.Item>
        )}
        <Form.Item name="keyEvaluationId" label={t('agencies.engage.pickEvaluation')} rules={[{ required: true }]}>
          {keyEvaluationId ? (
            <Select disabled options={[{ value: keyEvaluationId, label: evaluationName ?? keyEvaluationId }]} />
          ) : (
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={evaluations.isPending}
              notFoundContent={t('agencies.engage.noEvaluations')}
              options={(evaluations.data ?? []).map((e) => ({ value: e.id, label: `${e.fiscalYear} ${e.name}` }))}
            />
          )}
        </Form.Item>
        <Button onClick={check} loading={busy} style={{ marginBottom: 16 }}>
          {t('agencies.actions.check')}
        </Button>
        <Form.Item name="procurementMethod" label={t('agencies.engagements.procurementMethod')} rules={[{ required: true }]}>
          <Radio.Group options={vocabulary.procurementMethodOptions} />
        </Form.Item>
        <Form.Item name="contractNo" label={t('agencies.engagements.contractNo')} rules={[{ required: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="fee" label={t('agencies.engagements.fee')} rules={[{ required: true }]}>
          <InputNumber min={0} precision={2} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="note" label={t('agencies.engagements.note')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </Modal>
  )
}
