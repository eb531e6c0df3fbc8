import { useTermWords } from '../../shared/useTermWords'
import { Alert, Space, Spin, Table, Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { selfEvalStatusLabels } from '../../../domain/evaluation'
import { goalStatusLabels } from '../../../domain/goals'
import { lightLabels } from '../../../domain/lights'
import { formatMoney } from '../../../domain/money'
import { monitoringFormStatusLabels } from '../../../domain/monitoring'
import { errorMessage } from '../../shared/serverErrors'
import { useCodeLabels } from '../../shared/useCodeLabels'
import { useDepartmentProjects } from './cockpit.queries'
import type { DepartmentProject } from './cockpit.types'

const lightColors = { green: 'green', yellow: 'gold', red: 'red', blue: 'blue' } as const

/** The last step of the drill: a department's budget projects and where each stands, linking to the project's pages. */
export function ProjectsTable({ fiscalYear, departmentCode }: { fiscalYear: number; departmentCode: string }) {
  const { t, labelOf } = useCodeLabels()
  const { i18n } = useTranslation()
  const words = useTermWords()
  const projects = useDepartmentProjects(fiscalYear, departmentCode)
  if (projects.isPending) return <Spin />
  if (projects.isError) return <Alert type="error" showIcon title={errorMessage(projects.error)} />
  const dash = '—'
  return (
    <Table<DepartmentProject>
      rowKey="id"
      size="small"
      dataSource={projects.data.items}
      pagination={{ pageSize: 20, showSizeChanger: true }}
      scroll={{ x: 1100 }}
      key={i18n.language}
      columns={[
        { title: t('cockpit.fields.code'), dataIndex: 'code', width: 120, sorter: (a, b) => a.code.localeCompare(b.code) },
        { title: t('cockpit.fields.projectName'), key: 'name', render: (_, p) => <Link to={`/projects/${p.id}`}>{p.name}</Link> },
        { title: t('cockpit.fields.unit'), dataIndex: 'unitName' },
        { title: t('cockpit.fields.amount'), key: 'amount', align: 'right', sorter: (a, b) => Number(a.amountTotal) - Number(b.amountTotal), render: (_, p) => formatMoney(p.amountTotal) },
        { title: t('cockpit.fields.goal'), key: 'goal', render: (_, p) => (p.goalStatus ? labelOf(goalStatusLabels)(p.goalStatus as never) : dash) },
        {
          title: t('cockpit.fields.monitoring'),
          key: 'monitoring',
          render: (_, p) => (
            <Space size={2}>
              {p.monitoringStatus ? labelOf(monitoringFormStatusLabels)(p.monitoringStatus as never) : dash}
              {p.light && <Tag color={lightColors[p.light]}>{labelOf(lightLabels)(p.light)}</Tag>}
            </Space>
          ),
        },
        { title: t('cockpit.fields.selfEvaluation'), key: 'self', render: (_, p) => (p.selfEvalStatus ? `${labelOf(selfEvalStatusLabels)(p.selfEvalStatus as never)}${p.grade ? ` · ${words.grade(p.grade)}` : ''}` : dash) },
        { title: t('cockpit.fields.rectification'), key: 'rect', align: 'right', render: (_, p) => `${p.rectificationClosed}/${p.rectificationRaised}` },
        { title: t('cockpit.fields.execution'), key: 'exec', align: 'right', sorter: (a, b) => Number(a.executionRate ?? -1) - Number(b.executionRate ?? -1), render: (_, p) => (p.executionRate === null ? dash : `${p.executionRate}%`) },
        { title: t('cockpit.fields.results'), key: 'results', render: (_, p) => <Link to={`/results/projects/${p.id}`}>{t('cockpit.fields.open')}</Link> },
      ]}
    />
  )
}
