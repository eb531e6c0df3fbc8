import { Form, Input, Select } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Jurisdiction, JurisdictionLevel } from '../../api/types'
import { FormModal } from '../../shared/FormModal'
import { OrgTreeSelect } from './OrgTreeSelect'
import { useCreateOrg, useUpdateOrg } from './org.queries'

const LEVELS: JurisdictionLevel[] = ['province', 'city', 'district', 'functional']

interface JurisdictionForm {
  code: string
  name: string
  level: JurisdictionLevel
  parentCode?: string
  financeBureauName: string
}

/** Create (no `editing`) or edit a 行政区划; code, level and parent are fixed after creation. */
export function JurisdictionFormModal({ editing, onClose }: { editing?: Jurisdiction; onClose: () => void }) {
  const { t } = useTranslation()
  const create = useCreateOrg('jurisdictions')
  const update = useUpdateOrg('jurisdictions')
  const title = editing ? t('org.jurisdiction.edit') : t('org.jurisdiction.create')

  return (
    <FormModal<JurisdictionForm>
      title={title}
      onClose={onClose}
      initialValues={editing ? { ...editing, parentCode: editing.parentCode ?? undefined } : { level: 'district' }}
      onSubmit={(values) =>
        editing
          ? update.mutateAsync({
              code: editing.code,
              name: values.name,
              financeBureauName: values.financeBureauName,
              version: editing.version,
            })
          : create.mutateAsync({ ...values, parentCode: values.parentCode ?? null })
      }
    >
      <Form.Item
        name="code"
        label={t('org.jurisdiction.code')}
        rules={[{ required: true, message: t('common.required') }, { pattern: /^\d{6}$/, message: t('org.jurisdiction.codeRule') }]}
      >
        <Input disabled={!!editing} maxLength={6} />
      </Form.Item>
      <Form.Item name="name" label={t('org.jurisdiction.name')} rules={[{ required: true, message: t('common.required') }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="level" label={t('org.jurisdiction.level')} rules={[{ required: true, message: t('common.required') }]}>
        <Select disabled={!!editing} options={LEVELS.map((level) => ({ value: level, label: t(`level.${level}`) }))} />
      </Form.Item>
      <Form.Item name="parentCode" label={t('org.jurisdiction.parent')}>
        <OrgTreeSelect kinds={['jurisdiction']} label={t('org.jurisdiction.parent')} allowClear disabled={!!editing} />
      </Form.Item>
      <Form.Item
        name="financeBureauName"
        label={t('org.jurisdiction.financeBureau')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <Input maxLength={100} placeholder={t('org.jurisdiction.financeBureauExample')} />
      </Form.Item>
    </FormModal>
  )
}
