import { Form, Input, InputNumber, Select } from 'antd'
import { useTranslation } from 'react-i18next'
import { FormModal } from '../../shared/FormModal'
import { useCreateFramework } from './rules.queries'
import type { CreateFrameworkBody, FrameworkSummary } from './rules.types'

interface FrameworkCreateModalProps {
  frameworks: FrameworkSummary[]
  copyFrom?: string
  onClose: () => void
  onCreated: (code: string) => void
}

/** 新建本级指标体系: a copy of a framework the bureau can see, under its own code and name, editable afterwards. */
export function FrameworkCreateModal({ frameworks, copyFrom, onClose, onCreated }: FrameworkCreateModalProps) {
  const { t } = useTranslation()
  const create = useCreateFramework()
  return (
    <FormModal<CreateFrameworkBody>
      title={t('rules.frameworks.create')}
      okText={t('rules.frameworks.createOk')}
      initialValues={{ copyFrom, fiscalYearFrom: new Date().getFullYear(), description: '' }}
      onClose={onClose}
      onSubmit={async (values) => {
        const created = await create.mutateAsync({ ...values, description: values.description ?? '' })
        onCreated(created.code)
      }}
    >
      <Form.Item name="copyFrom" label={t('rules.frameworks.copyFrom')} rules={[{ required: true, message: t('common.required') }]}>
        <Select options={frameworks.map((f) => ({ value: f.code, label: `${f.name}（${f.code}）` }))} />
      </Form.Item>
      <Form.Item
        name="code"
        label={t('rules.frameworks.fields.code')}
        extra={t('rules.frameworks.codeHint')}
        rules={[
          { required: true, message: t('common.required') },
          { pattern: /^[0-9A-Za-z_-]{2,32}$/, message: t('rules.frameworks.codeRule') },
        ]}
      >
        <Input autoComplete="off" placeholder="sz-2026" />
      </Form.Item>
      <Form.Item name="name" label={t('rules.frameworks.fields.name')} rules={[{ required: true, whitespace: true, min: 2, max: 100, message: t('rules.frameworks.nameRule') }]}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="fiscalYearFrom" label={t('rules.frameworks.fields.fiscalYearFrom')} rules={[{ required: true, message: t('common.required') }]}>
        <InputNumber min={2000} max={2100} precision={0} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="description" label={t('rules.frameworks.fields.description')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </FormModal>
  )
}
