import { Card, Empty, Tag } from 'antd'
import type { TableColumnsType } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { keyEvaluationStageLabels, type KeyEvaluationStage } from '../../../domain/evaluation'
import { formatMoney } from '../../../domain/money'
import { PagedTable } from '../../shared/PagedTable'
import { useCodeLabels } from '../../shared/useCodeLabels'
import { useTableState } from '../../shared/useTableState'
import { useCurrentUser } from '../auth/CurrentUser'
import { useEngagementList } from './agencies.queries'
import type { Engagement } from './agencies.types'
import { useAgencyVocabulary } from './agencyVocabulary'

/** 受托评价: the engagements in the user's scope — for an agency user, only its own agency's, with the evaluations they point to. */
export function EngagementListPage() {
  const { t } = useTranslation()
  const user = useCurrentUser()
  const { labelOf } = useCodeLabels()
  const stage = labelOf<KeyEvaluationStage>(keyEvaluationStageLabels)
  const vocabulary = useAgencyVocabulary()
  const table = useTableState<Record<string, never>>({})
  const list = useEngagementList(table.params)
  const agencyUser = !user.permissions.includes('agency.read')

  const columns: TableColumnsType<Engagement> = [
    { key: 'keyEvaluationName', title: t('agencies.mine.evaluation'), dataIndex: 'keyEvaluationName', width: 260 },
    { key: 'fiscalYear', title: t('exante.fields.fiscalYear'), dataIndex: 'fiscalYear', width: 90, align: 'center' },
    { key: 'keyEvaluationStage', title: t('agencies.mine.stage'), dataIndex: 'keyEvaluationStage', width: 120, render: stage },
    ...(agencyUser ? [] : [{ key: 'agencyName', title: t('agencies.engagements.agency'), dataIndex: 'agencyName', width: 220, render: (name: string, row: Engagement) => <Link to={`/agencies/${row.agencyId}`}>{name}</Link> }]),
    { key: 'commissionerName', title: t('agencies.engagements.commissioner'), dataIndex: 'commissionerName', width: 140 },
    { key: 'procurementMethod', title: t('agencies.engagements.procurementMethod'), dataIndex: 'procurementMethod', width: 130, render: vocabulary.procurementMethod },
    { key: 'contractNo', title: t('agencies.engagements.contractNo'), dataIndex: 'contractNo', width: 130 },
    { key: 'fee', title: t('agencies.engagements.fee'), dataIndex: 'fee', width: 120, align: 'right', render: (fee: string) => formatMoney(fee) },
    { key: 'status', title: t('agencies.engagements.status'), dataIndex: 'status', width: 90, render: (s: Engagement['status']) => t(`agencies.engagements.statuses.${s}`) },
    { key: 'qualityRating', title: t('agencies.engagements.rating'), dataIndex: 'qualityRating', width: 100, render: (r: number | null) => r ?? '—' },
    { key: 'subcontracted', title: t('agencies.engagements.subcontracted'), dataIndex: 'subcontracted', width: 100, render: (s: boolean) => (s ? <Tag color="red">{t('agencies.engagements.yes')}</Tag> : '—') },
  ]

  return (
    <Card title={agencyUser ? t('agencies.mine.title') : t('agencies.nav.engagements')} size="small">
      <PagedTable
        label={t('agencies.nav.engagements')}
        rowKey="id"
        columns={columns}
        query={list}
        table={table}
        scrollX={columns.reduce((sum, c) => sum + Number(c.width ?? 0), 0)}
        emptyText={<Empty description={t('agencies.emptyEngagements')} />}
      />
    </Card>
  )
}
