import { DatePicker, Form, Input, InputNumber, Radio, Select } from 'antd'
import type { Dayjs } from 'dayjs'
import { useTranslation } from 'react-i18next'
import { FormModal } from '../../shared/FormModal'
import { OrgTreeSelect } from '../org/OrgTreeSelect'
import { useAddRelation, useAddViolation, useCreateAgency, useRateEngagement, useUpdateAgency, useUpdateEngagement } from './agencies.queries'
import type { Agency, AgencyInput, Engagement } from './agencies.types'
import { useAgencyVocabulary } from './agencyVocabulary'

/** Registers an agency, or edits one when given. */
export function AgencyFormDialog({ agency, onClose, onSaved }: { agency?: Agency; onClose: () => void; onSaved?: (a: Agency) => void }) {
  const { t } = useTranslation()
  const vocabulary = useAgencyVocabulary()
  const create = useCreateAgency()
  const update = useUpdateAgency()
  return (
    <FormModal<AgencyInput>
      title={agency ? t('agencies.actions.edit') : t('agencies.actions.create')}
      initialValues={agency ?? { type: 'consulting', creditStatus: 'good', staffCount: 0 }}
      onClose={onClose}
      onSubmit={async (values) => {
        const saved = agency ? await update.mutateAsync({ id: agency.id, version: agency.version, ...values }) : await create.mutateAsync(values)
        onSaved?.(saved)
      }}
    >
      <Form.Item name="name" label={t('agencies.fields.name')} rules={[{ required: true, min: 2 }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="creditCode" label={t('agencies.fields.creditCode')} rules={[{ required: true, len: 18 }]}>
        <Input maxLength={18} />
      </Form.Item>
      <Form.Item name="type" label={t('agencies.fields.type')} rules={[{ required: true }]}>
        <Select options={vocabulary.typeOptions} />
      </Form.Item>
      <Form.Item name="qualifications" label={t('agencies.fields.qualifications')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Form.Item name="staffCount" label={t('agencies.fields.staffCount')}>
        <InputNumber min={0} precision={0} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="creditStatus" label={t('agencies.fields.creditStatus')}>
        <Radio.Group options={vocabulary.creditStatusOptions} />
      </Form.Item>
      <Form.Item name="contactPerson" label={t('agencies.fields.contactPerson')}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="contactPhone" label={t('agencies.fields.contactPhone')}>
        <Input maxLength={50} />
      </Form.Item>
    </FormModal>
  )
}

export function RelationDialog({ agencyId, onClose }: { agencyId: string; onClose: () => void }) {
  const { t } = useTranslation()
  const add = useAddRelation()
  return (
    <FormModal<{ orgCode: string; relation: string }> title={t('agencies.actions.addRelation')} onClose={onClose} onSubmit={(v) => add.mutateAsync({ id: agencyId, ...v })}>
      <Form.Item name="orgCode" label={t('agencies.relations.org')} rules={[{ required: true }]}>
        <OrgTreeSelect kinds={['jurisdiction', 'department', 'unit']} label={t('agencies.relations.org')} />
      </Form.Item>
      <Form.Item name="relation" label={t('agencies.relations.relation')} rules={[{ required: true, min: 2 }]}>
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  )
}

export function ViolationDialog({ agencyId, onClose }: { agencyId: string; onClose: () => void }) {
  const { t } = useTranslation()
  const add = useAddViolation()
  return (
    <FormModal<{ occurredOn: Dayjs; severity: 'major' | 'minor'; description: string }>
      title={t('agencies.actions.addViolation')}
      initialValues={{ severity: 'minor' }}
      onClose={onClose}
      onSubmit={(v) => add.mutateAsync({ id: agencyId, occurredOn: v.occurredOn.format('YYYY-MM-DD'), severity: v.severity, description: v.description })}
    >
      <Form.Item name="occurredOn" label={t('agencies.violations.occurredOn')} rules={[{ required: true }]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="severity" label={t('agencies.violations.severity')}>
        <Radio.Group
          options={[
            { value: 'major', label: t('agencies.violations.major') },
            { value: 'minor', label: t('agencies.violations.minor') },
          ]}
        />
      </Form.Item>
      <Form.Item name="description" label={t('agencies.violations.description')} rules={[{ required: true, min: 2 }]}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </FormModal>
  )
}

export function RateDialog({ engagement, onClose }: { engagement: Engagement; onClose: () => void }) {
  const { t } = useTranslation()
  const rate = useRateEngagement()
  return (
    <FormModal<{ rating: number; comment: string }>
      title={t('agencies.rateDialog.title')}
      initialValues={{ rating: engagement.qualityRating ?? 4, comment: engagement.ratingComment }}
      onClose={onClose}
      onSubmit={(v) => rate.mutateAsync({ id: engagement.id, version: engagement.version, rating: v.rating, comment: v.comment ?? '' })}
    >
      <Form.Item name="rating" label={t('agencies.engagements.rating')} extra={t('agencies.rateDialog.hint')} rules={[{ required: true }]}>
        <Radio.Group options={[1, 2, 3, 4, 5].map((n) => ({ value: n, label: String(n) }))} />
      </Form.Item>
      <Form.Item name="comment" label={t('agencies.engagements.ratingComment')}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </FormModal>
  )
}

export function SubcontractDialog({ engagement, onClose }: { engagement: Engagement; onClose: () => void }) {
  const { t } = useTranslation()
  const update = useUpdateEngagement()
  return (
    <FormModal<{ subcontracted: boolean; subcontractNote: string; status: Engagement['status'] }>
      title={t('agencies.flagDialog.title')}
      initialValues={{ subcontracted: engagement.subcontracted, subcontractNote: engagement.subcontractNote, status: engagement.status }}
      onClose={onClose}
      onSubmit={(v) => update.mutateAsync({ id: engagement.id, version: engagement.version, subcontracted: v.subcontracted, subcontractNote: v.subcontractNote ?? '', status: v.status })}
    >
      <Form.Item name="status" label={t('agencies.engagements.status')}>
        <Radio.Group options={(['engaged', 'delivered', 'terminated'] as const).map((s) => ({ value: s, label: t(`agencies.engagements.statuses.${s}`) }))} />
      </Form.Item>
      <Form.Item name="subcontracted" label={t('agencies.engagements.subcontracted')} extra={t('agencies.flagDialog.hint')}>
        <Radio.Group
          options={[
            { value: false, label: t('projects.no') },
            { value: true, label: t('projects.yes') },
          ]}
        />
      </Form.Item>
      <Form.Item name="subcontractNote" label={t('agencies.engagements.subcontractNote')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </FormModal>
  )
}
