import { ImportOutlined, PlusOutlined } from '@ant-design/icons'
import { Button, Card, Empty, Space, Tooltip } from 'antd'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { apiUrl } from '../../api/client'
import { DownloadButton } from '../../shared/DownloadButton'
import { ListToolbar } from '../../shared/ListToolbar'
import { PagedTable } from '../../shared/PagedTable'
import { useTableState } from '../../shared/useTableState'
import { useCan } from '../auth/CurrentUser'
import { GoalListFilters } from './GoalListFilters'
import { goalColumns } from './goalColumns'
import { DECLARATIONS_URL, useGoals } from './goals.queries'
import type { GoalFilters } from './goals.types'
import { useGoalVocabulary } from './goalVocabulary'

/** 目标列表: the goals in the user's scope (the latest version of each), filtered, sorted and paged by the server. */
export function GoalListPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const canEdit = useCan('goal.edit')
  const vocabulary = useGoalVocabulary()
  const table = useTableState<GoalFilters>({})
  const goals = useGoals(table.params)
  const unsorted = !table.params.sort
  const columns = goalColumns({ t, vocabulary, sortOrderOf: (key) => (key === 'updatedAt' && unsorted ? 'descend' : table.sortOrderOf(key)) })
  const filtered = Object.values(table.filters).some((v) => v !== undefined && v !== '')
  // The 申报表 export takes the department, year and status filters (project goals, a sheet each).
  const { departmentCode, fiscalYear, status } = table.filters

  return (
    <Card title={t('nav.goalList')} size="small">
      <ListToolbar
        filters={<GoalListFilters table={table} />}
        actions={
          <Space wrap>
            {canEdit && (
              <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => navigate('/goals/new')}>
                {t('goals.create')}
              </Button>
            )}
            {canEdit && (
              <Button icon={<ImportOutlined aria-hidden />} onClick={() => navigate('/goals/import')}>
                {t('goals.import.button')}
              </Button>
            )}
            <Tooltip title={t('goals.exportAllHint')}>
              <DownloadButton href={apiUrl(DECLARATIONS_URL, { departmentCode, fiscalYear, status })}>{t('goals.exportAll')}</DownloadButton>
            </Tooltip>
          </Space>
        }
      />
      <PagedTable
        label={t('goals.listLabel')}
        rowKey="id"
        columns={columns}
        query={goals}
        table={table}
        scrollX={columns.reduce((sum, c) => sum + Number(c.width ?? 0), 0)}
        emptyText={<Empty description={filtered ? t('goals.emptyFiltered') : canEdit ? t('goals.emptyCanCreate') : t('goals.empty')} />}
      />
    </Card>
  )
}
