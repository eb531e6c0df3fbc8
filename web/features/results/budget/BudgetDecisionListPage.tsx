import { Button, Card, Empty, Select, Space, Tag, Tooltip, Typography } from 'antd'
import type { TableColumnsType } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatMoney } from '../../../../domain/money'
import { budgetDecisionSubjects } from '../../../../domain/results'
import { grades } from '../../../../domain/rule-set'
import { ExportButton } from '../../../shared/ExportButton'
import { ListToolbar } from '../../../shared/ListToolbar'
import { PagedTable } from '../../../shared/PagedTable'
import { SearchInput } from '../../../shared/SearchInput'
import { filterSelectProps, fiscalYearOptions } from '../../../shared/listFilters'
import { useTermWords } from '../../../shared/useTermWords'
import { type TableState, useTableState } from '../../../shared/useTableState'
import { useCan, useCurrentUser } from '../../auth/CurrentUser'
import { GradeTag } from '../../evaluation/self/selfVocabulary'
import { OrgTreeSelect } from '../../org/OrgTreeSelect'
import { useBudgetDecisions } from './budget.queries'
import type { BudgetDecision, BudgetDecisionFilters } from './budget.types'
import { ProposalActionTag, proposalActions } from './budgetVocabulary'
import { DecideDialog } from './DecideDialog'
import { DecisionSubject } from './DecisionSubject'
import { GenerateDialog } from './GenerateDialog'

/** 预算安排决定 (rule 42): each graded project's proposal for the next year and what finance decided; the 预算编制 hand-off. */
export function BudgetDecisionListPage() {
  const { t } = useTranslation()
  const canDecide = useCan('budget.decide')
  const table = useTableState<BudgetDecisionFilters>({})
  const list = useBudgetDecisions(table.params)
  const [deciding, setDeciding] = useState<BudgetDecision | null>(null)
  const [generating, setGenerating] = useState(false)
  const filtered = Object.values(table.filters).some((v) => v !== undefined && v !== '')

  const columns: TableColumnsType<BudgetDecision> = [
    {
      key: 'projectCode',
      title: t('budgetDecisions.fields.project'),
      dataIndex: 'projectName',
      width: 240,
      sorter: true,
      sortOrder: table.sortOrderOf('projectCode'),
      render: (_: unknown, row) => <DecisionSubject decision={row} />,
    },
    { key: 'department', title: t('budgetDecisions.fields.department'), dataIndex: 'departmentName', width: 140, ellipsis: { showTitle: true } },
    { key: 'unit', title: t('budgetDecisions.fields.unit'), dataIndex: 'unitName', width: 140, ellipsis: { showTitle: true } },
    { key: 'fiscalYear', title: t('budgetDecisions.fields.fiscalYear'), dataIndex: 'fiscalYear', width: 90 },
    {
      key: 'grade',
      title: t('budgetDecisions.fields.grade'),
      dataIndex: 'grade',
      width: 120,
      render: (grade: BudgetDecision['grade'], row) => (
        <Space size={4}>
          <GradeTag grade={grade} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`budgetDecisions.sources.${row.sourceType}`)}
          </Typography.Text>
        </Space>
      ),
    },
    { key: 'baseAmount', title: t('budgetDecisions.fields.baseAmount'), dataIndex: 'baseAmount', width: 130, align: 'right', render: formatMoney },
    {
      key: 'proposedAction',
      title: t('budgetDecisions.fields.proposedAction'),
      dataIndex: 'proposedAction',
      width: 130,
      render: (action: BudgetDecision['proposedAction'], row) => (
        <Space size={4}>
          <ProposalActionTag action={action} />
          {row.openRectifications > 0 && <Tag color="volcano">{t('budgetDecisions.openItems', { count: row.openRectifications })}</Tag>}
        </Space>
      ),
    },
    {
      key: 'proposedAmount',
      title: t('budgetDecisions.fields.proposedAmount'),
      dataIndex: 'proposedAmount',
      width: 140,
      align: 'right',
      sorter: true,
      sortOrder: table.sortOrderOf('proposedAmount'),
      render: (amount: string, row) => (
        <Tooltip title={row.explanation.formula}>
          <span tabIndex={0}>{formatMoney(amount)}</span>
        </Tooltip>
      ),
    },
    {
      key: 'decidedAmount',
      title: t('budgetDecisions.fields.decidedAmount'),
      dataIndex: 'decidedAmount',
      width: 150,
      align: 'right',
      sorter: true,
      sortOrder: table.sortOrderOf('decidedAmount'),
      render: (amount: string | null, row) =>
        amount === null ? (
          <Tag>{t('budgetDecisions.undecided')}</Tag>
        ) : (
          <Tooltip title={row.reason || undefined}>
            <span tabIndex={0}>
              {formatMoney(amount)}
              {Number(amount) !== Number(row.proposedAmount) && <Tag color="purple" style={{ marginInlineStart: 4 }}>{t('budgetDecisions.differs')}</Tag>}
            </span>
          </Tooltip>
        ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 110,
      fixed: 'right',
      render: (_: unknown, row) =>
        row.mayDecide ? (
          <Button size="small" onClick={() => setDeciding(row)}>
            {row.decided ? t('budgetDecisions.decide.change') : t('budgetDecisions.decide.open')}
          </Button>
        ) : null,
    },
  ]

  return (
    <Card title={t('budgetDecisions.nav.list')} size="small">
      <ListToolbar
        filters={<DecisionFilters table={table} />}
        actions={
          <Space>
            {canDecide && (
              <Button type="primary" onClick={() => setGenerating(true)}>
                {t('budgetDecisions.generate.open')}
              </Button>
            )}
            <ExportButton path="/api/budget-decisions/export" params={table.params} />
          </Space>
        }
      />
      <PagedTable
        label={t('budgetDecisions.listLabel')}
        rowKey="id"
        columns={columns}
        query={list}
        table={table}
        scrollX={columns.reduce((sum, c) => sum + Number(c.width ?? 0), 0)}
        emptyText={<Empty description={filtered ? t('budgetDecisions.emptyFiltered') : t('budgetDecisions.empty')} />}
      />
      {deciding && <DecideDialog decision={deciding} onClose={() => setDeciding(null)} />}
      {generating && <GenerateDialog onClose={() => setGenerating(false)} />}
    </Card>
  )
}

function DecisionFilters({ table }: { table: TableState<BudgetDecisionFilters> }) {
  const { t } = useTranslation()
  const user = useCurrentUser()
  const words = useTermWords()
  const { filters, setFilters } = table
  return (
    <>
      <SearchInput label={t('budgetDecisions.filters.q')} value={filters.q} onSearch={(q) => setFilters({ q })} width={200} />
      <Select
        {...filterSelectProps(t('budgetDecisions.filters.subjectKind'), 150)}
        options={budgetDecisionSubjects.map((k) => ({ value: k, label: t(`budgetDecisions.subjects.${k}`) }))}
        value={filters.subjectKind}
        onChange={(subjectKind?: BudgetDecisionFilters['subjectKind']) => setFilters({ subjectKind })}
      />
      <Select {...filterSelectProps(t('budgetDecisions.filters.fiscalYear'), 120)} options={fiscalYearOptions()} value={filters.fiscalYear} onChange={(fiscalYear?: number) => setFilters({ fiscalYear })} />
      <Select {...filterSelectProps(t('budgetDecisions.filters.grade'), 100)} options={grades.map((g) => ({ value: g, label: words.grade(g) }))} value={filters.grade} onChange={(grade?: BudgetDecisionFilters['grade']) => setFilters({ grade })} />
      <Select
        {...filterSelectProps(t('budgetDecisions.filters.proposedAction'), 130)}
        options={proposalActions.map((a) => ({ value: a, label: t(`budgetDecisions.actions.${a}`) }))}
        value={filters.proposedAction}
        onChange={(proposedAction?: BudgetDecisionFilters['proposedAction']) => setFilters({ proposedAction })}
      />
      <Select
        {...filterSelectProps(t('budgetDecisions.filters.decided'), 120)}
        options={[{ value: 'true', label: t('budgetDecisions.decidedYes') }, { value: 'false', label: t('budgetDecisions.undecided') }]}
        value={filters.decided}
        onChange={(decided?: 'true' | 'false') => setFilters({ decided })}
      />
      {user.org.kind === 'jurisdiction' && user.permissions.includes('org.read') && (
        <OrgTreeSelect kinds={['department']} label={t('budgetDecisions.filters.department')} value={filters.departmentCode} onChange={(departmentCode) => setFilters({ departmentCode })} allowClear width={200} />
      )}
      <Button onClick={table.resetFilters}>{t('common.reset')}</Button>
    </>
  )
}
