import { Alert, App, Col, Form, Input, InputNumber, Modal, Row, Select } from 'antd'
import dayjs from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type Level1, legacyPlacement } from '../../../domain/indicators'
import { errorMessage } from '../../shared/serverErrors'
import { useCan } from '../auth/CurrentUser'
import { applyIndicatorFieldErrors } from './formErrors'
import {
  type IndicatorFormValues,
  formValuesOf,
  hasCostKind,
  level2Options,
  needsUnit,
  newIndicatorValues,
  toContentBody,
  validYearsInOrder,
} from './indicatorForm'
import { useIndicatorVocabulary } from './indicatorVocabulary'
import { useCreateIndicator, useReviseIndicator } from './indicators.queries'
import type { IndicatorDetail } from './indicators.types'

const FIELD_NAMES = [
  'name', 'level1', 'level2', 'nature', 'unit', 'definition', 'formula', 'dataSource', 'valueBasis', 'scoringRule',
  'sectors', 'projectKinds', 'scope', 'costKind', 'exampleTarget', 'validFromYear', 'validToYear', 'reason', 'changeNote',
] as const

interface IndicatorFormModalProps {
  /** The indicator to revise; a new indicator (or proposal) without it. */
  revising?: IndicatorDetail
  onClose: () => void
  /** The saved row: the new indicator, or the revision (a new id). */
  onSaved?: (row: IndicatorDetail) => void
}

/**
 * 新增指标 / 提议新指标 / 修订指标. The 二级 choices follow the 一级, a number nature asks for its unit, and only
 * 成本指标 pick a cost kind. A finance bureau's new indicator goes live at once; anyone else's waits for confirmation.
 */
export function IndicatorFormModal({ revising, onClose, onSaved }: IndicatorFormModalProps) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const vocabulary = useIndicatorVocabulary()
  const direct = useCan('indicator.manage')
  const create = useCreateIndicator()
  const revise = useReviseIndicator()
  const [form] = Form.useForm<IndicatorFormValues>()
  const [error, setError] = useState<string | null>(null)
  const level1 = Form.useWatch('level1', form)
  const level2 = Form.useWatch('level2', form)
  const nature = Form.useWatch('nature', form)
  const title = revising ? t('indicators.form.reviseTitle', { name: revising.name }) : direct ? t('indicators.create') : t('indicators.propose')
  const saving = create.isPending || revise.isPending

  async function submit(values: IndicatorFormValues) {
    setError(null)
    try {
      const content = toContentBody(values)
      const saved = revising
        ? await revise.mutateAsync({ ...content, id: revising.id, version: revising.version, changeNote: (values.changeNote ?? '').trim() })
        : await create.mutateAsync({ ...content, reason: (values.reason ?? '').trim() })
      message.success(revising ? t('indicators.revised', { revision: saved.revision }) : saved.status === 'proposed' ? t('indicators.proposed') : t('indicators.created'))
      onSaved?.(saved)
      onClose()
    } catch (err) {
      if (!applyIndicatorFieldErrors(form, err, FIELD_NAMES)) setError(errorMessage(err))
    }
  }

  const required = (label: string) => ({ required: true, message: t('indicators.form.required', { label }) })
  const chosen = (label: string) => ({ required: true, message: t('indicators.form.choose', { label }) })
  const field = (key: string) => t(`indicators.fields.${key}`)

  return (
    <Modal
      open
      width={860}
      title={title}
      okText={revising ? t('indicators.form.saveRevision') : direct ? t('common.save') : t('indicators.form.submitProposal')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
    >
      {!revising && !direct && <Alert type="info" showIcon title={t('indicators.form.proposalHint')} style={{ marginBottom: 16 }} />}
      {revising && <Alert type="info" showIcon title={t('indicators.form.revisionHint', { code: revising.code, revision: revising.revision + 1 })} style={{ marginBottom: 16 }} />}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form<IndicatorFormValues>
        form={form}
        layout="vertical"
        aria-label={title}
        initialValues={revising ? formValuesOf(revising) : newIndicatorValues(dayjs().year())}
        onFinish={submit}
        onValuesChange={(changed: Partial<IndicatorFormValues>) => {
          // A 二级 belongs to one 一级; a cost kind to 成本指标 only.
          if ('level1' in changed) form.setFieldsValue({ level2: undefined, costKind: undefined })
          if ('level2' in changed && !hasCostKind(changed.level2)) form.setFieldsValue({ costKind: undefined })
          if ('nature' in changed && !needsUnit(changed.nature)) form.validateFields(['unit']).catch(() => undefined)
        }}
      >
        <Row gutter={16}>
          <Col xs={24} md={16}>
            <Form.Item name="name" label={field('name')} rules={[required(field('name')), { min: 2, max: 100, message: t('indicators.form.nameLength') }]}>
              <Input maxLength={100} placeholder={t('indicators.form.namePlaceholder')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="scope" label={field('scope')} rules={[chosen(field('scope'))]}>
              <Select options={vocabulary.scopeOptions} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="level1" label={field('level1')} rules={[chosen(field('level1'))]}>
              <Select options={(Object.keys(legacyPlacement) as Level1[]).map((value) => ({ value, label: value }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="level2" label={field('level2')} rules={[chosen(field('level2'))]} extra={level1 ? undefined : t('indicators.form.level1First')}>
              <Select disabled={!level1} options={level2Options(level1).map((value) => ({ value, label: value }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            {hasCostKind(level2) && (
              <Form.Item name="costKind" label={field('costKind')} extra={t('indicators.form.costKindHint')}>
                <Select allowClear placeholder={vocabulary.costKind('economic')} options={vocabulary.costKindOptions} />
              </Form.Item>
            )}
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="nature" label={field('nature')} rules={[chosen(field('nature'))]}>
              <Select options={vocabulary.natureOptions} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="unit"
              label={field('unit')}
              dependencies={['nature']}
              rules={[{ required: needsUnit(nature), whitespace: true, message: t('indicators.form.unitRequired') }]}
            >
              <Input maxLength={20} placeholder={needsUnit(nature) ? t('indicators.form.unitPlaceholder') : t('indicators.form.unitOptional')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="exampleTarget" label={field('exampleTarget')}>
              <Input maxLength={60} placeholder={t('indicators.form.exampleTargetPlaceholder')} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="definition" label={field('definition')} rules={[required(field('definition')), { min: 4, message: t('indicators.form.definitionLength') }]}>
              <Input.TextArea rows={2} maxLength={2000} showCount />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="formula" label={field('formula')}>
              <Input.TextArea rows={2} maxLength={1000} placeholder={t('indicators.form.formulaPlaceholder')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="scoringRule" label={field('scoringRule')}>
              <Input.TextArea rows={2} maxLength={1000} placeholder={t('indicators.form.scoringRulePlaceholder')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="dataSource" label={field('dataSource')}>
              <Input maxLength={500} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="valueBasis" label={field('valueBasis')} rules={[chosen(field('valueBasis'))]}>
              <Select options={vocabulary.valueBasisOptions} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="sectors" label={field('sectors')}>
              <Select mode="multiple" allowClear options={vocabulary.sectorOptions} placeholder={t('indicators.form.anySector')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="projectKinds" label={field('projectKinds')}>
              <Select mode="multiple" allowClear options={vocabulary.projectKindOptions} placeholder={t('indicators.form.anyProjectKind')} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="validFromYear" label={field('validFromYear')} rules={[required(field('validFromYear'))]}>
              <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              name="validToYear"
              label={field('validToYear')}
              dependencies={['validFromYear']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_, to: number | null | undefined) =>
                    validYearsInOrder(getFieldValue('validFromYear'), to) ? Promise.resolve() : Promise.reject(new Error(t('indicators.form.yearsOrder'))),
                }),
              ]}
            >
              <InputNumber min={2000} max={2100} precision={0} placeholder={t('indicators.form.openEnded')} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            {revising ? (
              <Form.Item
                name="changeNote"
                label={field('changeNote')}
                rules={[{ required: true, whitespace: true, min: 2, message: t('indicators.form.changeNoteRequired') }]}
              >
                <Input.TextArea rows={2} maxLength={1000} placeholder={t('indicators.form.changeNotePlaceholder')} />
              </Form.Item>
            ) : (
              <Form.Item
                name="reason"
                label={direct ? t('indicators.form.note') : field('proposalReason')}
                rules={direct ? [] : [{ required: true, whitespace: true, message: t('indicators.form.reasonRequired') }]}
              >
                <Input.TextArea rows={2} maxLength={1000} placeholder={t('indicators.form.reasonPlaceholder')} />
              </Form.Item>
            )}
          </Col>
        </Row>
        {/* lets Enter in a field submit the form */}
        <button type="submit" hidden />
      </Form>
    </Modal>
  )
}
