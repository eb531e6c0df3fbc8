import { Form, Radio, Select, Space, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ExAnteConclusion } from '../../../domain/exante'
import { FormModal } from '../../shared/FormModal'
import { OpinionDialog } from '../../shared/OpinionDialog'
import { usePinnedVersion } from '../../shared/ConflictNotice'
import { useAssessors, useAssignExAnte, useConcludeExAnte, useExAnte, useSubmitExAnte } from './exante.queries'
import type { ExAnte } from './exante.types'
import { useExAnteVocabulary } from './exanteVocabulary'

interface DialogProps {
  assessment: ExAnte
  onClose: () => void
}

/** The assessment's version as the user saw it, and a reload that says when the action no longer fits its status. */
function usePinnedAssessment(a: ExAnte, fits: (status: ExAnte['status']) => boolean) {
  const { t } = useTranslation()
  const vocabulary = useExAnteVocabulary()
  const latest = useExAnte(a.id)
  return usePinnedVersion(a, latest.refetch, (fresh) => (fits(fresh.status) ? undefined : t('labels.conflict.nowStatus', { status: vocabulary.status(fresh.status) })))
}

/** 作出结论: the conclusion (the score's suggestion preselected) and, unless it is the passing one, the reasons. */
export function ConcludeDialog({ assessment: a, onClose }: DialogProps) {
  const { t } = useTranslation()
  const vocabulary = useExAnteVocabulary()
  const conclude = useConcludeExAnte()
  const [conclusion, setConclusion] = useState<ExAnteConclusion>(a.suggestedConclusion ?? a.passingConclusion)
  const { version, reload } = usePinnedAssessment(a, (status) => status === 'submitted')
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
      onSubmit={(opinion) => conclude.mutateAsync({ id: a.id, version, conclusion, opinion })}
      onReload={reload}
      successMessage={t('exante.conclude.done')}
      onClose={onClose}
    />
  )
}

/** 提交财政: the scored draft goes to the bureau for its conclusion. */
export function SubmitDialog({ assessment: a, onClose }: DialogProps) {
  const { t } = useTranslation()
  const submit = useSubmitExAnte()
  const { version, reload } = usePinnedAssessment(a, (status) => status === 'draft')
  return (
    <OpinionDialog
      title={t('exante.submitTitle')}
      okText={t('exante.actions.submit')}
      question={t('exante.submitQuestion', { name: a.projectName })}
      opinion="none"
      opinionLabel=""
      requiredMessage=""
      maxLength={0}
      onSubmit={() => submit.mutateAsync({ id: a.id, version })}
      onReload={reload}
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
  const { version, reload } = usePinnedAssessment(a, (status) => status !== 'completed')
  const roleLabel = (roles: string[]) => (roles.includes('agency_user') ? t('roles.agency_user') : t('roles.expert'))
  return (
    <FormModal<{ userId: string }> title={t('exante.assign.title')} initialValues={{ userId: a.assignedUserId ?? undefined }} onSubmit={({ userId }) => assign.mutateAsync({ id: a.id, version, userId })} onReload={reload} onClose={onClose}>
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
