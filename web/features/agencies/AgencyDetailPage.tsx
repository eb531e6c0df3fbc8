import { App, Button, Card, Popconfirm, Space, Tag, Typography } from 'antd'
import type { TableColumnsType } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useParams, useSearchParams } from 'react-router'
import { formatMoney } from '../../../domain/money'
import { PageSpinner } from '../../layout/AppLayout'
import { DescriptionGroup } from '../../shared/DescriptionGroup'
import { LoadFailed } from '../../shared/LoadFailed'
import { errorMessage } from '../../shared/serverErrors'
import { useCurrentUser } from '../auth/CurrentUser'
import { AgencyFormDialog, RateDialog, RelationDialog, SubcontractDialog, ViolationDialog } from './AgencyDialogs'
import { EngagementDialog } from './EngagementDialog'
import { BackTitle, SectionTable } from './SectionTable'
import { useAgency, useRemoveRelation } from './agencies.queries'
import type { Agency, Engagement } from './agencies.types'
import { CreditStatusTag, useAgencyVocabulary } from './agencyVocabulary'

type Dialog = { kind: 'edit' | 'relation' | 'violation' | 'engage' } | { kind: 'rate' | 'flag'; engagement: Engagement } | null

/** 机构档案: qualifications, declared relations, violations, and its engagements with their quality ratings (rule 45). */
export function AgencyDetailPage() {
  const { t } = useTranslation()
  const { id } = useParams()
  const query = useAgency(id)
  if (query.isPending) return <PageSpinner />
  if (query.isError) return <LoadFailed query={query} backTo="/agencies" backLabel={t('agencies.backToList')} />
  return <AgencyRecord agency={query.data} />
}

function AgencyRecord({ agency: a }: { agency: Agency }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const user = useCurrentUser()
  const vocabulary = useAgencyVocabulary()
  const remove = useRemoveRelation()
  // A key evaluation's page links here with ?engageFor=<its id> to engage the agency for it.
  const [search] = useSearchParams()
  const engageFor = search.get('engageFor') ?? undefined
  const canManage = user.permissions.includes('agency.manage')
  const [dialog, setDialog] = useState<Dialog>(engageFor && canManage ? { kind: 'engage' } : null)
  const ownRegister = user.org.jurisdictionCode === a.jurisdictionCode

  const engagementColumns: TableColumnsType<Engagement> = [
    { key: 'keyEvaluationName', title: t('agencies.engagements.keyEvaluation'), dataIndex: 'keyEvaluationName', width: 240 },
    { key: 'commissionerName', title: t('agencies.engagements.commissioner'), dataIndex: 'commissionerName', width: 140 },
    { key: 'procurementMethod', title: t('agencies.engagements.procurementMethod'), dataIndex: 'procurementMethod', width: 130, render: vocabulary.procurementMethod },
    { key: 'contractNo', title: t('agencies.engagements.contractNo'), dataIndex: 'contractNo', width: 130 },
    { key: 'fee', title: t('agencies.engagements.fee'), dataIndex: 'fee', width: 120, align: 'right', render: (fee: string) => formatMoney(fee) },
    { key: 'status', title: t('agencies.engagements.status'), dataIndex: 'status', width: 90, render: (s: Engagement['status']) => t(`agencies.engagements.statuses.${s}`) },
    { key: 'qualityRating', title: t('agencies.engagements.rating'), dataIndex: 'qualityRating', width: 150, render: (r: number | null, row) => (r === null ? '—' : <span title={row.ratingComment}>{'★'.repeat(r)}{'☆'.repeat(5 - r)}</span>) },
    { key: 'subcontracted', title: t('agencies.engagements.subcontracted'), dataIndex: 'subcontracted', width: 100, render: (s: boolean, row) => (s ? <Tag color="red" title={row.subcontractNote}>{t('agencies.engagements.yes')}</Tag> : '—') },
    ...(canManage
      ? [
          {
            key: 'actions',
            title: '',
            width: 190,
            render: (_: unknown, row: Engagement) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setDialog({ kind: 'rate', engagement: row })}>
                  {t('agencies.actions.rate')}
                </Button>
                <Button type="link" size="small" onClick={() => setDialog({ kind: 'flag', engagement: row })}>
                  {t('agencies.actions.flag')}
                </Button>
              </Space>
            ),
          },
        ]
      : []),
  ]

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        size="small"
        title={
          <BackTitle to="/agencies" backLabel={t('agencies.backToList')}>
            {a.name}
            <CreditStatusTag status={a.creditStatus} />
          </BackTitle>
        }
        extra={
          canManage && (
            <Space>
              {ownRegister && <Button onClick={() => setDialog({ kind: 'edit' })}>{t('agencies.actions.edit')}</Button>}
              <Button type="primary" onClick={() => setDialog({ kind: 'engage' })}>
                {t('agencies.actions.engage')}
              </Button>
            </Space>
          )
        }
      >
        <DescriptionGroup
          title=""
          column={3}
          items={[
            { key: 'creditCode', label: t('agencies.fields.creditCode'), children: a.creditCode },
            { key: 'type', label: t('agencies.fields.type'), children: vocabulary.type(a.type) },
            { key: 'staffCount', label: t('agencies.fields.staffCount'), children: a.staffCount },
            { key: 'contact', label: t('agencies.fields.contactPerson'), children: `${a.contactPerson} ${a.contactPhone}` },
            { key: 'jurisdiction', label: t('agencies.fields.jurisdiction'), children: a.jurisdictionName },
            { key: 'averageRating', label: t('agencies.fields.averageRating'), children: a.averageRating ?? '—' },
            { key: 'subcontractedCount', label: t('agencies.fields.subcontractedCount'), children: a.subcontractedCount > 0 ? <Tag color="red">{a.subcontractedCount}</Tag> : 0 },
            { key: 'qualifications', label: t('agencies.fields.qualifications'), span: 3, children: <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{a.qualifications || '—'}</Typography.Paragraph> },
          ]}
        />
      </Card>

      <SectionTable
        title={t('agencies.relations.title')}
        extra={canManage && ownRegister && <Button onClick={() => setDialog({ kind: 'relation' })}>{t('agencies.actions.addRelation')}</Button>}
        rows={a.relations}
        empty={t('agencies.relations.empty')}
        columns={[
            { key: 'orgName', title: t('agencies.relations.org'), dataIndex: 'orgName', render: (name: string, row) => `${name} (${row.orgCode})` },
            { key: 'relation', title: t('agencies.relations.relation'), dataIndex: 'relation' },
            ...(canManage && ownRegister
              ? [
                  {
                    key: 'actions',
                    title: '',
                    width: 90,
                    render: (_: unknown, row: Agency['relations'][number]) => (
                      <Popconfirm
                        title={t('agencies.relations.removeConfirm')}
                        onConfirm={() => remove.mutateAsync({ id: a.id, relationId: row.id }).catch((err) => message.error(errorMessage(err)))}
                      >
                        <Button type="link" size="small" danger>
                          {t('agencies.actions.remove')}
                        </Button>
                      </Popconfirm>
                    ),
                  },
                ]
              : []),
          ]}
      />

      <SectionTable
        title={t('agencies.violations.title')}
        extra={canManage && ownRegister && <Button onClick={() => setDialog({ kind: 'violation' })}>{t('agencies.actions.addViolation')}</Button>}
        rows={a.violations}
        empty={t('agencies.violations.empty')}
        columns={[
            { key: 'occurredOn', title: t('agencies.violations.occurredOn'), dataIndex: 'occurredOn', width: 120, render: (d: string) => String(d).slice(0, 10) },
            { key: 'severity', title: t('agencies.violations.severity'), dataIndex: 'severity', width: 90, render: (s: 'major' | 'minor') => <Tag color={s === 'major' ? 'red' : 'default'}>{t(`agencies.violations.${s}`)}</Tag> },
            { key: 'description', title: t('agencies.violations.description'), dataIndex: 'description' },
          ]}
      />

      <SectionTable title={t('agencies.engagements.title')} rows={a.engagements} columns={engagementColumns} scrollX={1200} empty={t('agencies.emptyEngagements')} />

      {dialog?.kind === 'edit' && <AgencyFormDialog agency={a} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'relation' && <RelationDialog agencyId={a.id} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'violation' && <ViolationDialog agencyId={a.id} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'engage' && <EngagementDialog agencyId={a.id} keyEvaluationId={engageFor} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'rate' && <RateDialog engagement={dialog.engagement} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'flag' && <SubcontractDialog engagement={dialog.engagement} onClose={() => setDialog(null)} />}
    </Space>
  )
}
