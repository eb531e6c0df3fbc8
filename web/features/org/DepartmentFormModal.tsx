import { Form, Input } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Department } from '../../api/types'
import { FormModal } from '../../shared/FormModal'
import { OrgTreeSelect } from './OrgTreeSelect'
import { useCreateOrg, useUpdateOrg } from './org.queries'

interface DepartmentForm {
  code: string
  name: string
  jurisdictionCode: string
}

/** Create or edit a 主管部门; only the name changes after creation. */
export function DepartmentFormModal(props: { editing?: Department; defaultJurisdiction?: string; onClose: () => void }) {
  const { editing, onClose } = props
  const { t } = useTranslation()
  const create = useCreateOrg('departments')
  const update = useUpdateOrg('departments')

  return (
    <FormModal<DepartmentForm>
      title={editing ? t('org.department.edit') : t('org.department.create')}
      onClose={onClose}
      initialValues={editing ?? { jurisdictionCode: props.defaultJurisdiction }}
      onSubmit={(values) =>
        editing
          ? update.mutateAsync({ code: editing.code, name: values.name, version: editing.version })
          : create.mutateAsync(values)
      }
    >
      <Form.Item name="code" label={t('org.department.code')} rules={[{ required: true, message: t('common.required') }]}>
        <Input disabled={!!editing} maxLength={32} />
      </Form.Item>
      <Form.Item name="name" label={t('org.department.name')} rules={[{ required: true, message: t('common.required') }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item
        name="jurisdictionCode"
        label={t('org.department.jurisdiction')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <OrgTreeSelect kinds={['jurisdiction']} label={t('org.department.jurisdiction')} disabled={!!editing} />
      </Form.Item>
    </FormModal>
  )
}
