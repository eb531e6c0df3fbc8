import { DatePicker, Form, Input, Select } from 'antd'
import type { Dayjs } from 'dayjs'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import type { FindingOrigin } from '../../../../domain/results'
import { FormModal } from '../../../shared/FormModal'
import { OrgTreeSelect } from '../../org/OrgTreeSelect'
import { useCreateRectification } from './rectifications.queries'
import { useRectificationVocabulary } from './rectificationVocabulary'

interface Values {
  origin: FindingOrigin
  ownerCode: string
  problem: string
  requiredMeasure: string
  dueOn?: Dayjs
}

/** 登记整改事项: a finding of experts, an agency, audit or the congress, entered by finance for a unit or department. */
export function CreateRectificationDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const vocabulary = useRectificationVocabulary()
  const create = useCreateRectification()
  return (
    <FormModal<Values>
      title={t('rectifications.create.title')}
      okText={t('rectifications.create.ok')}
      onClose={onClose}
      onSubmit={async ({ dueOn, ...values }) => {
        const created = await create.mutateAsync({ ...values, ...(dueOn ? { dueOn: dueOn.format('YYYY-MM-DD') } : {}) })
        navigate(`/results/rectifications/${created.id}`)
      }}
    >
      <Form.Item name="origin" label={t('rectifications.fields.origin')} rules={[{ required: true, message: t('rectifications.create.originRequired') }]}>
        <Select options={vocabulary.originOptions} />
      </Form.Item>
      <Form.Item name="ownerCode" label={t('rectifications.fields.owner')} rules={[{ required: true, message: t('rectifications.create.ownerRequired') }]}>
        <OrgTreeSelect kinds={['unit', 'department']} label={t('rectifications.fields.owner')} />
      </Form.Item>
      <Form.Item name="problem" label={t('rectifications.fields.problem')} rules={[{ required: true, whitespace: true, min: 4, message: t('rectifications.create.problemRequired') }]}>
        <Input.TextArea rows={3} maxLength={4000} showCount />
      </Form.Item>
      <Form.Item name="requiredMeasure" label={t('rectifications.fields.requiredMeasure')} rules={[{ required: true, whitespace: true, min: 2, message: t('rectifications.create.measureRequired') }]}>
        <Input.TextArea rows={3} maxLength={4000} showCount />
      </Form.Item>
      <Form.Item name="dueOn" label={t('rectifications.fields.dueOn')} extra={t('rectifications.create.dueHint')}>
        <DatePicker />
      </Form.Item>
    </FormModal>
  )
}
