import { DatePicker, Form, Input, Select, Typography } from 'antd'
import type { Dayjs } from 'dayjs'
import { useTranslation } from 'react-i18next'
import { dueActionKinds, mayIssue } from '../../../../domain/corrective-actions'
import { amountActionKinds, type CorrectiveActionKind, correctiveActionKinds, paymentHoldKinds } from '../../../../domain/monitoring'
import { FormModal } from '../../../shared/FormModal'
import { useCurrentUser } from '../../auth/CurrentUser'
import { useIssueAction } from './actions.queries'
import { useActionVocabulary } from './actionVocabulary'

export interface ActionTarget {
  /** A monitoring form: its project, round and unit follow. */
  formId?: string
  projectId?: string
  /** Shown in the dialog, e.g. the project's name. */
  label: string
}

interface Values {
  kind: CorrectiveActionKind
  title: string
  content?: string
  amount?: string
  dueOn?: Dayjs
}

/** 发出纠偏措施 from a form, a proposal or a project: the kinds the user's office may issue, and what each needs. */
export function IssueActionDialog({ target, onClose, initialKind }: { target: ActionTarget; onClose: () => void; initialKind?: CorrectiveActionKind }) {
  const { t } = useTranslation()
  const user = useCurrentUser()
  const vocabulary = useActionVocabulary()
  const issue = useIssueAction()
  const orgKind = user.org.kind as 'jurisdiction' | 'department' | 'unit'
  const kinds = correctiveActionKinds.filter((k) => mayIssue(orgKind, k) && (target.projectId || target.formId || !amountActionKinds.includes(k)))
  const kind0 = initialKind && kinds.includes(initialKind) ? initialKind : kinds[0]

  return (
    <FormModal<Values>
      title={t('monitoringActions.issueDialog.title')}
      okText={t('monitoringActions.issue')}
      initialValues={{ kind: kind0, title: kind0 ? t('monitoringActions.issueDialog.defaultTitle', { project: target.label, kind: vocabulary.kind(kind0) }) : '' }}
      onClose={onClose}
      onSubmit={(v) =>
        issue.mutateAsync({
          kind: v.kind,
          formId: target.formId,
          projectId: target.formId ? undefined : target.projectId,
          title: v.title,
          content: v.content ?? '',
          amount: amountActionKinds.includes(v.kind) ? v.amount?.trim() || null : undefined,
          dueOn: v.dueOn ? v.dueOn.format('YYYY-MM-DD') : undefined,
        })
      }
    >
      {(form) => (
        <>
          <Typography.Paragraph>
            {t('monitoringActions.issueDialog.target')}：<Typography.Text strong>{target.label}</Typography.Text>
          </Typography.Paragraph>
          <Form.Item
            name="kind"
            label={t('monitoringActions.fields.kind')}
            rules={[{ required: true, message: t('monitoringActions.issueDialog.kindRequired') }]}
            extra={orgKind === 'department' ? t('monitoringActions.issueDialog.kindHelpDepartment') : undefined}
          >
            <Select
              options={kinds.map((value) => ({ value, label: vocabulary.kind(value) }))}
              onChange={(k: CorrectiveActionKind) => form.setFieldValue('title', t('monitoringActions.issueDialog.defaultTitle', { project: target.label, kind: vocabulary.kind(k) }))}
            />
          </Form.Item>
          <Form.Item name="title" label={t('monitoringActions.fields.title')} rules={[{ required: true, min: 2, message: t('monitoringActions.issueDialog.titleRequired') }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="content" label={t('monitoringActions.fields.content')}>
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
          <Form.Item noStyle dependencies={['kind']}>
            {() => {
              const k = form.getFieldValue('kind') as CorrectiveActionKind | undefined
              return (
                <>
                  {k && amountActionKinds.includes(k) && (
                    <Form.Item
                      name="amount"
                      label={t('monitoringActions.fields.amount')}
                      rules={[{ required: true, pattern: /^\d{1,16}(\.\d{1,2})?$/, message: t('monitoringActions.issueDialog.amountRequired') }]}
                      extra={k === 'cut_budget' ? t('monitoringActions.issueDialog.amountHelpCut') : paymentHoldKinds.includes(k) ? t('monitoringActions.issueDialog.amountHelpHold') : undefined}
                    >
                      <Input inputMode="decimal" maxLength={20} />
                    </Form.Item>
                  )}
                  {k && dueActionKinds.includes(k) && (
                    <Form.Item name="dueOn" label={t('monitoringActions.fields.dueOn')} rules={[{ required: true, message: t('monitoringActions.issueDialog.dueRequired') }]}>
                      <DatePicker style={{ width: '100%' }} />
                    </Form.Item>
                  )}
                </>
              )
            }}
          </Form.Item>
        </>
      )}
    </FormModal>
  )
}
