import { Form, Radio, Select, Space, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ExAnteConclusion } from '../../../domain/exante'
import { FormModal } from '../../shared/FormModal'
import { OpinionDialog } from '../../shared/OpinionDialog'
import { useAssessors, useAssignExAnte, useConcludeExAnte, useSubmitExAnte } from './exante.queries'
import type { ExAnte } from './exante.types'
import { useExAnteVocabulary } from './exanteVocabulary'

interface DialogProps {
  assessment: ExAnte
  onClose: () => void
}

/** 作出结论: the conclusion (the score's suggestion preselected) and, unless it is the passing one, the reasons. */
export function ConcludeDialog({ assessment: a, onClose }: DialogProps) {
  const { t } = useTranslation()
  const vocabulary = useExAnteVocabulary()
  const conclude = useConcludeExAnte()
  const [conclusion, setConclusion] = useState<ExAnteConclusion>(a.suggestedConclusion ?? a.passingConclusion)
  return (
    <OpinionDialog
      title={t('exante.conclude.title')}
      okText={t('exante.actions.conclude')}
      question={
        <Space orientation="vertical">
          <Typography.Text>{t('exante.conclude.question', { name: a.projectName, total: a.sheet.total })}</Typography.Text>
          <Radio.Group aria-label={t('exante.fields.conclusion')} value={conclusion} onChange={(e) => setConclusion(e.target.value)} options={vocabulary.conclusionOptions} />
        </Space>
      }
      opinion={conclusion === a.passingConclusion ? 'optional' : 'required'}
      opinionLabel={t('exante.texts.opinion')}
      requiredMessage={t('exante.conclude.opinionRequired')}
      maxLength={2000}
      onSubmit={(opinion) => conclude.mutateAsync({ id: a.id, version: a.version, conclusion, opinion })}
      successMessage={t('exante.conclude.done')}
      onClose={onClose}
    />
  )
}

/** 提交财政: the scored draft goes to the bureau for its conclusion. */
export function SubmitDialog({ assessment: a, onClose }: DialogProps) {
  const { t } = useTranslation()
  const submit = useSubmitExAnte()
  return (
    <OpinionDialog
      title={t('exante.submitTitle')}
      okText={t('exante.actions.submit')}
      question={t('exante.submitQuestion', { name: a.projectName })}
      opinion="none"
      opinionLabel=""
      requiredMessage=""
      maxLength={0}
      onSubmit={() => submit.mutateAsync({ id: a.id, version: a.version })}
      successMessage={t('exante.submitted')}
      onClose={onClose}
    />
  )
}

/** 指派: one of the bureau's third-party agency users or experts carries out the assessment. */
export function AssignDialog({ assessment: a, onClose }: DialogProps) {
  const { t } = useTranslation()
  const assessors = useAssessors(true)
  const assign = useAssignExAnte()
  const roleLabel = (roles: string[]) => (roles.includes('agency_user') ? t('roles.agency_user') : t('roles.expert'))
  return (
    <FormModal<{ userId: string }> title={t('exante.assign.title')} initialValues={{ userId: a.assignedUserId ?? undefined }} onSubmit={({ userId }) => assign.mutateAsync({ id: a.id, version: a.version, userId })} onClose={onClose}>
      <Form.Item name="userId" label={t('exante.assign.user')} rules={[{ required: true, message: t('exante.assign.userRequired') }]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={assessors.isPending}
          options={(assessors.data ?? []).map((u) => ({ value: u.id, label: `${u.displayName}（${roleLabel(u.roles)} · ${u.orgName}）` }))}
        />
      </Form.Item>
    </FormModal>
  )
}
