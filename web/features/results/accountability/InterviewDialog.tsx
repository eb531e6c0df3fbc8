import { DatePicker, Form, Input, Select } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type InterviewSourceType, interviewSourceTypes } from '../../../../domain/interviews'
import { FormModal } from '../../../shared/FormModal'
import { OrgTreeSelect } from '../../org/OrgTreeSelect'
import { useCreateInterview, useSourceOptions, useUpdateInterview } from './accountability.queries'
import type { Interview } from './accountability.types'

interface Values {
  orgCode: string
  personTitle: string
  interviewedOn: Dayjs
  interviewer: string
  reason: string
  sourceType: InterviewSourceType
  sourceId: string
  outcome?: string
}

/** 登记约谈 / 修改约谈记录. From a project's page the source is the project, fixed. */
export function InterviewDialog({ interview, project, onClose }: { interview?: Interview; project?: { id: string; name: string; unitCode: string | null }; onClose: () => void }) {
  const { t } = useTranslation()
  const create = useCreateInterview()
  const update = useUpdateInterview()
  const [sourceType, setSourceType] = useState<InterviewSourceType | undefined>(interview?.sourceType ?? (project ? 'project' : undefined))
  const [search, setSearch] = useState('')
  const sources = useSourceOptions(project || interview ? undefined : sourceType, search)
  const f = (k: string) => t(`accountability.interviews.fields.${k}`)
  const required = (k: string) => [{ required: true, whitespace: true, message: t(`accountability.interviews.required.${k}`) }]
  return (
    <FormModal<Values>
      title={interview ? t('accountability.interviews.edit') : t('accountability.interviews.create')}
      initialValues={
        interview
          ? { ...interview, interviewedOn: dayjs(interview.interviewedOn) }
          : { sourceType: project ? 'project' : undefined, sourceId: project?.id, orgCode: project?.unitCode ?? undefined }
      }
      onClose={onClose}
      onSubmit={async ({ interviewedOn, ...values }) => {
        const day = interviewedOn.format('YYYY-MM-DD')
        if (interview) {
          const { personTitle, interviewer, reason, outcome } = values
          return update.mutateAsync({ id: interview.id, version: interview.version, personTitle, interviewer, reason, outcome: outcome ?? '', interviewedOn: day })
        }
        return create.mutateAsync({ ...values, interviewedOn: day, outcome: values.outcome ?? '' })
      }}
    >
      <Form.Item name="orgCode" label={f('org')} rules={[{ required: true, message: t('accountability.interviews.required.org') }]}>
        <OrgTreeSelect kinds={['unit', 'department', 'jurisdiction']} label={f('org')} disabled={!!interview} />
      </Form.Item>
      <Form.Item name="personTitle" label={f('personTitle')} rules={required('personTitle')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="interviewedOn" label={f('interviewedOn')} rules={[{ required: true, message: t('accountability.interviews.required.interviewedOn') }]}>
        <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
      </Form.Item>
      <Form.Item name="interviewer" label={f('interviewer')} rules={required('interviewer')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="reason" label={f('reason')} rules={[...required('reason'), { min: 4, message: t('accountability.interviews.required.reason') }]}>
        <Input.TextArea rows={3} maxLength={2000} showCount />
      </Form.Item>
      <Form.Item name="sourceType" label={f('sourceType')} rules={[{ required: true, message: t('accountability.interviews.required.sourceType') }]}>
        <Select disabled={!!interview || !!project} options={interviewSourceTypes.map((s) => ({ value: s, label: t(`accountability.sources.${s}`) }))} onChange={(v: InterviewSourceType) => setSourceType(v)} />
      </Form.Item>
      {interview || project ? (
        <Form.Item label={f('source')}>
          <Input disabled value={interview?.sourceName ?? project?.name ?? ''} />
        </Form.Item>
      ) : (
        <Form.Item name="sourceId" label={f('source')} rules={[{ required: true, message: t('accountability.interviews.required.source') }]}>
          <Select aria-label={f('source')} showSearch={{ filterOption: false, onSearch: setSearch }} loading={sources.isFetching} options={sources.data ?? []} disabled={!sourceType} />
        </Form.Item>
      )}
      {project && !interview && (
        <Form.Item name="sourceId" hidden>
          <Input />
        </Form.Item>
      )}
      <Form.Item name="outcome" label={f('outcome')}>
        <Input.TextArea rows={3} maxLength={2000} showCount />
      </Form.Item>
    </FormModal>
  )
}
