import { Card, Checkbox, Form, Select, Table, Tag } from 'antd'
import type { TableColumnsType } from 'antd'
import { useTranslation } from 'react-i18next'
import { type ExAnteAttachmentItem, exAnteAttachmentItems } from '../../../domain/exante'
import { useCan } from '../auth/CurrentUser'
import { useProjectAttachments } from '../projects/projects.queries'
import type { ExAnte } from './exante.types'
import { useExAnteVocabulary } from './exanteVocabulary'

/** The checklist's form values: every item, provided or not, with the project attachments that hold it. */
export function checklistFields(a: ExAnte) {
  return Object.fromEntries(exAnteAttachmentItems.map((item) => [item, { provided: a.attachments[item]?.provided ?? false, attachmentIds: a.attachments[item]?.attachmentIds ?? [] }]))
}

/** 申报材料清单 (REFERENCE §3.4): each item ticked as provided and linked to the project's uploaded files. */
export function ExAnteChecklist({ assessment: a, editable }: { assessment: ExAnte; editable: boolean }) {
  const { t } = useTranslation()
  const vocabulary = useExAnteVocabulary()
  // Agencies and experts read no projects, so they tick items without linking files.
  const readsProjects = useCan('project.read')

  const columns: TableColumnsType<ExAnteAttachmentItem> = [
    { key: 'item', title: t('exante.checklist.item'), render: (_, item) => vocabulary.attachment(item) },
    {
      key: 'provided',
      title: t('exante.checklist.provided'),
      width: 90,
      align: 'center',
      render: (_, item) => (
        <Form.Item name={['attachments', item, 'provided']} valuePropName="checked" noStyle>
          <Checkbox disabled={!editable} aria-label={`${vocabulary.attachment(item)} ${t('exante.checklist.provided')}`} />
        </Form.Item>
      ),
    },
    ...(readsProjects ? [{ key: 'files', title: t('exante.checklist.files'), width: 320, render: (_: unknown, item: ExAnteAttachmentItem) => <AttachmentPicker projectId={a.projectId} item={item} editable={editable} /> }] : []),
  ]

  return (
    <Card
      size="small"
      title={t('exante.checklist.title')}
      extra={a.missingAttachments.length ? <Tag color="warning">{t('exante.checklist.missing', { count: a.missingAttachments.length })}</Tag> : <Tag color="success">{t('exante.checklist.complete')}</Tag>}
    >
      <Table<ExAnteAttachmentItem> rowKey={(item) => item} size="small" pagination={false} columns={columns} dataSource={[...exAnteAttachmentItems]} showHeader={readsProjects} />
    </Card>
  )
}

function AttachmentPicker({ projectId, item, editable }: { projectId: string; item: ExAnteAttachmentItem; editable: boolean }) {
  const { t } = useTranslation()
  const vocabulary = useExAnteVocabulary()
  const attachments = useProjectAttachments(projectId)
  const options = (attachments.data ?? []).map((file) => ({ value: file.id, label: file.fileName }))
  return (
    <Form.Item name={['attachments', item, 'attachmentIds']} noStyle>
      <Select
        mode="multiple"
        allowClear
        disabled={!editable}
        options={options}
        loading={attachments.isPending}
        notFoundContent={t('exante.checklist.noFiles')}
        aria-label={`${vocabulary.attachment(item)} ${t('exante.checklist.files')}`}
        style={{ width: '100%' }}
      />
    </Form.Item>
  )
}
