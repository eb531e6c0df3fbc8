import { DatePicker, Form, Input, Select } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { FormModal } from '../../../shared/FormModal'
import { useCreateAccountability, useProjectOptions, useUpdateAccountability } from './accountability.queries'
import type { Accountability } from './accountability.types'

interface Values {
  projectId: string
  incident: string
  lossAmount: string
  measures: string
  decidedOn: Dayjs
  decidedBy: string
}

const AMOUNT = /^\d{1,16}(\.\d{1,2})?$/

/** 登记问责 / 修改问责记录 for a major loss on a project; the loss is typed and sent as a decimal string. */
export function AccountabilityDialog({ record, project, onClose }: { record?: Accountability; project?: { id: string; name: string }; onClose: () => void }) {
  const { t } = useTranslation()
  const create = useCreateAccountability()
  const update = useUpdateAccountability()
  const [search, setSearch] = useState('')
  const projects = useProjectOptions(search)
  const fixed = record ? { id: record.projectId, name: record.projectName } : project
  const f = (k: string) => t(`accountability.accountability.fields.${k}`)
  const required = (k: string) => [{ required: true, whitespace: true, message: t(`accountability.accountability.required.${k}`) }]
  return (
    <FormModal<Values>
      title={record ? t('accountability.accountability.edit') : t('accountability.accountability.create')}
      initialValues={record ? { ...record, decidedOn: dayjs(record.decidedOn) } : { projectId: project?.id }}
      onClose={onClose}
      onSubmit={async ({ decidedOn, ...values }) => {
        const body = { ...values, lossAmount: values.lossAmount.trim(), decidedOn: decidedOn.format('YYYY-MM-DD') }
        if (record) {
          const { projectId: _p, ...changes } = body
          return update.mutateAsync({ id: record.id, version: record.version, ...changes })
        }
        return create.mutateAsync(body)
      }}
    >
      {fixed ? (
        <>
          <Form.Item label={f('project')}>
            <Input disabled value={fixed.name} />
          </Form.Item>
          <Form.Item name="projectId" hidden>
            <Input />
          </Form.Item>
        </>
      ) : (
        <Form.Item name="projectId" label={f('project')} rules={[{ required: true, message: t('accountability.accountability.required.project') }]}>
          <Select aria-label={f('project')} showSearch={{ filterOption: false, onSearch: setSearch }} loading={projects.isFetching} options={projects.data ?? []} />
        </Form.Item>
      )}
      <Form.Item name="incident" label={f('incident')} rules={[...required('incident'), { min: 4, message: t('accountability.accountability.required.incident') }]}>
        <Input.TextArea rows={3} maxLength={4000} showCount />
      </Form.Item>
      <Form.Item name="lossAmount" label={f('lossAmount')} rules={[{ required: true, pattern: AMOUNT, message: t('accountability.accountability.required.lossAmount') }]}>
        <Input inputMode="decimal" />
      </Form.Item>
      <Form.Item name="measures" label={f('measures')} rules={required('measures')}>
        <Input.TextArea rows={3} maxLength={4000} showCount />
      </Form.Item>
      <Form.Item name="decidedOn" label={f('decidedOn')} rules={[{ required: true, message: t('accountability.accountability.required.decidedOn') }]}>
        <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
      </Form.Item>
      <Form.Item name="decidedBy" label={f('decidedBy')} rules={required('decidedBy')}>
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  )
}
