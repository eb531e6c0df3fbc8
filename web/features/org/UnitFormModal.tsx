import { Form, Input } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Unit } from '../../api/types'
import { FormModal } from '../../shared/FormModal'
import { OrgTreeSelect } from './OrgTreeSelect'
import { useCreateOrg, useUpdateOrg } from './org.queries'

interface UnitForm {
  code: string
  name: string
  departmentCode: string
}

/** Create or edit a 预算单位; only the name changes after creation. */
export function UnitFormModal(props: { editing?: Unit; defaultDepartment?: string; onClose: () => void }) {
  const { editing, onClose } = props
  const { t } = useTranslation()
  const create = useCreateOrg('units')
  const update = useUpdateOrg('units')

  return (
    <FormModal<UnitForm>
      title={editing ? t('org.unit.edit') : t('org.unit.create')}
      onClose={onClose}
      initialValues={editing ?? { departmentCode: props.defaultDepartment }}
      onSubmit={(values) =>
        editing
          ? update.mutateAsync({ code: editing.code, name: values.name, version: editing.version })
          : create.mutateAsync(values)
      }
    >
      <Form.Item name="code" label={t('org.unit.code')} rules={[{ required: true, message: t('common.required') }]}>
        <Input disabled={!!editing} maxLength={32} />
      </Form.Item>
      <Form.Item name="name" label={t('org.unit.name')} rules={[{ required: true, message: t('common.required') }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item
        name="departmentCode"
        label={t('org.unit.department')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <OrgTreeSelect kinds={['department']} label={t('org.unit.department')} disabled={!!editing} />
      </Form.Item>
    </FormModal>
  )
}
