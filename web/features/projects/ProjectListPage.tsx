import { ImportOutlined, PlusOutlined } from '@ant-design/icons'
import { Button, Card, Empty, Flex, Segmented, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { ExportButton } from '../../shared/ExportButton'
import { ListToolbar } from '../../shared/ListToolbar'
import { PagedTable } from '../../shared/PagedTable'
import { useTableState } from '../../shared/useTableState'
import { useCan } from '../auth/CurrentUser'
import { ColumnSettings, useVisibleColumns } from './ColumnSettings'
import { ProjectListFilters } from './ProjectListFilters'
import type { AmountUnit } from './amounts'
import { defaultVisibleColumns, optionalColumnKeys, projectColumns } from './projectColumns'
import { useProjectVocabulary } from './projectVocabulary'
import { useProjects } from './projects.queries'
import type { ProjectFilters } from './projects.types'
import { useAmountUnit } from './useAmountUnit'

/** 项目库: the projects in the user's scope, filtered, sorted and paged by the server. */
export function ProjectListPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const canEdit = useCan('project.edit')
  const vocabulary = useProjectVocabulary()
  const [unit, setUnit] = useAmountUnit()
  const columnsShown = useVisibleColumns('jixiao.projects.columns', defaultVisibleColumns)
  // No initial sort: the server ranks keyword searches by relevance and otherwise lists the latest changes first.
  const table = useTableState<ProjectFilters>({})
  const projects = useProjects(table.params)
  const unsorted = !table.params.sort

  const allColumns = projectColumns({
    t,
    vocabulary,
    unit,
    sortOrderOf: (key) =>
      key === 'updatedAt' && unsorted && !table.filters.q ? 'descend' : table.sortOrderOf(key),
  })
  const columns = allColumns.filter((c) => c.key === 'name' || columnsShown.isVisible(String(c.key)))
  const columnsWidth = columns.reduce((sum, c) => sum + Number(c.width ?? 0), 0)
  const choices = optionalColumnKeys.map((key) => ({
    key,
    title: String(allColumns.find((c) => c.key === key)?.title ?? key),
  }))
  const filtered = Object.values(table.filters).some((v) => v !== undefined && v !== '')

  return (
    <Card title={t('nav.projectList')} size="small">
      <ListToolbar filters={<ProjectListFilters table={table} unit={unit} />} />
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Space wrap>
          {canEdit && (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => navigate('/projects/new')}>
              {t('projects.create')}
            </Button>
          )}
          {canEdit && (
            <Button icon={<ImportOutlined aria-hidden />} onClick={() => navigate('/projects/import')}>
              {t('projects.import.button')}
            </Button>
          )}
          <ExportButton path="/api/projects/export" params={{ ...table.params, amountUnit: unit }} />
        </Space>
        <Space wrap>
          <Typography.Text type="secondary" id="amount-unit-label">
            {t('projects.unit.label')}
          </Typography.Text>
          <Segmented<AmountUnit>
            aria-labelledby="amount-unit-label"
            value={unit}
            onChange={setUnit}
            options={[
              { value: 'yuan', label: t('projects.unit.yuan') },
              { value: 'wan', label: t('projects.unit.wan') },
            ]}
          />
          <ColumnSettings
            columns={choices}
            visible={columnsShown.visible}
            onChange={columnsShown.setVisible}
            onReset={columnsShown.reset}
          />
        </Space>
      </Flex>
      <PagedTable
        label={t('projects.listLabel')}
        rowKey="id"
        columns={columns}
        query={projects}
        table={table}
        scrollX={columnsWidth}
        emptyText={
          <Empty description={filtered ? t('projects.emptyFiltered') : canEdit ? t('projects.emptyCanCreate') : t('projects.empty')} />
        }
      />
    </Card>
  )
}
