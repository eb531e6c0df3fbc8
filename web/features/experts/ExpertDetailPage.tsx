import { Button, Card, Space, Tag } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { PageSpinner } from '../../layout/AppLayout'
import { DescriptionGroup } from '../../shared/DescriptionGroup'
import { formatDateTime } from '../../shared/format'
import { LoadFailed } from '../../shared/LoadFailed'
import { useCurrentUser } from '../auth/CurrentUser'
import { BackTitle, SectionTable } from '../agencies/SectionTable'
import { ExpertFormDialog, ExpertRelationDialog } from './ExpertDialogs'
import { useExpert } from './experts.queries'
import type { Expert } from './experts.types'

/** 专家档案: fields, affiliation, declared relations, and the draws that picked the expert. */
export function ExpertDetailPage() {
  const { t } = useTranslation()
  const { id } = useParams()
  const query = useExpert(id)
  if (query.isPending) return <PageSpinner />
  if (query.isError) return <LoadFailed query={query} backTo="/experts" backLabel={t('experts.backToList')} />
  return <ExpertRecord expert={query.data} />
}

function ExpertRecord({ expert: e }: { expert: Expert }) {
  const { t } = useTranslation()
  const user = useCurrentUser()
  const [dialog, setDialog] = useState<'edit' | 'relation' | null>(null)
  const canManage = user.permissions.includes('expert.manage') && user.org.jurisdictionCode === e.jurisdictionCode
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        size="small"
        title={
          <BackTitle to="/experts" backLabel={t('experts.backToList')}>
            {e.name}
            {e.active ? <Tag color="green">{t('experts.fields.activeYes')}</Tag> : <Tag>{t('experts.fields.activeNo')}</Tag>}
          </BackTitle>
        }
        extra={canManage && <Button onClick={() => setDialog('edit')}>{t('experts.actions.edit')}</Button>}
      >
        <DescriptionGroup
          title=""
          column={3}
          items={[
            { key: 'fields', label: t('experts.fields.fields'), span: 3, children: e.fields.join('、') },
            { key: 'affiliation', label: t('experts.fields.affiliation'), children: e.affiliation || '—' },
            { key: 'affiliationCode', label: t('experts.fields.affiliationCode'), children: e.affiliationName ? `${e.affiliationName} (${e.affiliationCode})` : '—' },
            { key: 'title', label: t('experts.fields.title'), children: e.title || '—' },
            { key: 'phone', label: t('experts.fields.phone'), children: e.phone || '—' },
          ]}
        />
      </Card>
      <SectionTable
        title={t('experts.relations.title')}
        extra={canManage && <Button onClick={() => setDialog('relation')}>{t('experts.actions.addRelation')}</Button>}
        rows={e.relations}
        empty={t('experts.relations.empty')}
        columns={[
            { key: 'orgName', title: t('experts.relations.org'), dataIndex: 'orgName', render: (name: string, row) => `${name} (${row.orgCode})` },
            { key: 'relation', title: t('experts.relations.relation'), dataIndex: 'relation' },
          ]}
      />
      <SectionTable
        title={t('experts.draws.title')}
        rows={e.draws}
        empty={t('experts.draws.empty')}
        columns={[
            { key: 'keyEvaluationName', title: t('experts.draws.evaluation'), dataIndex: 'keyEvaluationName', render: (name: string, row) => <Link to={`/experts/draws/${row.id}`}>{name}</Link> },
            { key: 'drawnAt', title: t('experts.draws.drawnAt'), dataIndex: 'drawnAt', width: 180, render: formatDateTime },
          ]}
      />
      {dialog === 'edit' && <ExpertFormDialog expert={e} onClose={() => setDialog(null)} />}
      {dialog === 'relation' && <ExpertRelationDialog expertId={e.id} onClose={() => setDialog(null)} />}
    </Space>
  )
}
