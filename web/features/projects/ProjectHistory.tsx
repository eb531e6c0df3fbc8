import { Alert, Card, Empty, Spin, Timeline, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { formatMoney, isMoney } from '../../../domain/money'
import type { ProjectStatus } from '../../../domain/projects'
import { formatDateTime } from '../../shared/format'
import { errorMessage } from '../../shared/serverErrors'
import { type FieldChange, editChanges, textOf } from './historyChanges'
import { useProjectVocabulary } from './projectVocabulary'
import { useProjectHistory } from './projects.queries'
import type { ProjectHistoryEntry } from './projects.types'

const actionColors: Record<string, string> = {
  'project.create': 'green',
  'project.status': 'blue',
  'project.update': 'gray',
  'project.attach': 'purple',
  'project.detach': 'red',
  'project.allocate_transfer': 'cyan',
  'project.link_transfer': 'cyan',
}

/** The project's story, newest first: created, edited (which fields, from what to what), moved, files added or removed. */
export function ProjectHistory({ projectId }: { projectId: string }) {
  const { t } = useTranslation()
  const history = useProjectHistory(projectId)

  let body
  if (history.isPending) body = <Spin />
  else if (history.isError) body = <Alert type="error" showIcon title={errorMessage(history.error)} />
  else if (history.data.length === 0) body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('projects.history.empty')} />
  else
    body = (
      <Timeline
        items={[...history.data].reverse().map((entry) => ({
          key: String(entry.id),
          color: actionColors[entry.action] ?? 'gray',
          content: (
            <>
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(entry.at)} · {entry.username ?? t('projects.history.system')}
                </Typography.Text>
              </div>
              <HistoryEntry entry={entry} />
            </>
          ),
        }))}
      />
    )
  return (
    <Card size="small" title={t('projects.history.title')}>
      <section aria-label={t('projects.history.title')}>{body}</section>
    </Card>
  )
}

function HistoryEntry({ entry }: { entry: ProjectHistoryEntry }) {
  const { t } = useTranslation()
  const vocabulary = useProjectVocabulary()
  switch (entry.action) {
    case 'project.create':
      return <span>{t('projects.history.create')}</span>
    case 'project.status': {
      const from = textOf(entry.before, 'status') as ProjectStatus | undefined
      const to = textOf(entry.after, 'status') as ProjectStatus | undefined
      const opinion = textOf(entry.after, 'opinion')
      return (
        <div>
          {t('projects.history.status', { from: from ? vocabulary.status(from) : '—', to: to ? vocabulary.status(to) : '—' })}
          {opinion && (
            <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
              {t('projects.history.opinion', { text: opinion })}
            </Typography.Paragraph>
          )}
        </div>
      )
    }
    case 'project.update':
      return <EditSummary changes={editChanges(entry.before, entry.after)} />
    case 'project.attach':
      return <span>{t('projects.history.attach', { name: textOf(entry.after, 'fileName') ?? '' })}</span>
    case 'project.detach': {
      // The server records the attachment link, which may not carry the file name.
      const name = textOf(entry.before, 'fileName')
      return <span>{name ? t('projects.history.detach', { name }) : t('projects.history.detachUnnamed')}</span>
    }
    case 'project.allocate_transfer': {
      const items = (entry.after as { items?: { districtName?: string; amount: string }[] } | null)?.items ?? []
      const list = items.map((i) => `${i.districtName ?? ''} ${formatMoney(i.amount)}`).join('；')
      return <span>{t('projects.history.allocateTransfer', { list: list || '—' })}</span>
    }
    case 'project.link_transfer':
      return <span>{t((entry.after as { link?: boolean } | null)?.link ? 'projects.history.linkTransfer' : 'projects.history.unlinkTransfer')}</span>
    default:
      return <Typography.Text code>{entry.action}</Typography.Text>
  }
}

function EditSummary({ changes }: { changes: FieldChange[] }) {
  const { t } = useTranslation()
  const vocabulary = useProjectVocabulary()
  const show = (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return '—'
    if (typeof value === 'boolean') return value ? t('projects.yes') : t('projects.no')
    if (typeof value === 'string' && (field.startsWith('amount') || field === 'mediumTermAmount') && isMoney(value)) return formatMoney(value)
    if (field === 'budgetKind') return vocabulary.budgetKind(value as never)
    if (field === 'objectKind') return vocabulary.objectKind(value as never)
    if (field === 'projectType') return vocabulary.projectType(value as never)
    if (field === 'attribute') return vocabulary.attribute(value as never)
    const text = String(value)
    return text.length > 60 ? `${text.slice(0, 60)}…` : text
  }
  if (changes.length === 0) return <span>{t('projects.history.updateNothing')}</span>
  return (
    <div>
      {t('projects.history.update')}
      <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
        {changes.map(({ field, before, after }) => (
          <li key={field}>
            {t('projects.history.change', {
              field: t(`projects.fields.${field}`, { defaultValue: field }),
              before: show(field, before),
              after: show(field, after),
            })}
          </li>
        ))}
      </ul>
    </div>
  )
}
