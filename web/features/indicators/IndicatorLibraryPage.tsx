import { PlusOutlined } from '@ant-design/icons'
import { Button, Card, Col, Empty, Row, Space } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ExportButton } from '../../shared/ExportButton'
import { ListToolbar } from '../../shared/ListToolbar'
import { PagedTable } from '../../shared/PagedTable'
import { useTableState } from '../../shared/useTableState'
import { useCan } from '../auth/CurrentUser'
import { IndicatorDrawer } from './IndicatorDrawer'
import { IndicatorFormModal } from './IndicatorFormModal'
import { IndicatorListFilters } from './IndicatorListFilters'
import { IndicatorTree } from './IndicatorTree'
import { indicatorColumns, widthOf } from './indicatorColumns'
import { filtersOfTreeKey, treeKeyOf } from './indicatorTree'
import { useIndicatorVocabulary } from './indicatorVocabulary'
import { useIndicators } from './indicators.queries'
import type { IndicatorFilters } from './indicators.types'

/**
 * 指标库: the 指标体系 tree on the left narrows the table; a keyword search ranks by relevance (BM25 over the
 * segmented words) and marks the matched words. A row opens in a drawer with its revisions and the bureau's actions.
 */
export function IndicatorLibraryPage() {
  const { t } = useTranslation()
  const vocabulary = useIndicatorVocabulary()
  const canPropose = useCan('indicator.propose')
  const canManage = useCan('indicator.manage')
  // No initial sort: the server ranks keyword searches by relevance and otherwise lists by code.
  const table = useTableState<IndicatorFilters>({})
  const indicators = useIndicators(table.params)
  const [openId, setOpenId] = useState<string>()
  const [creating, setCreating] = useState(false)
  const searching = !!table.filters.q
  const unsorted = !table.params.sort

  const columns = indicatorColumns({
    t,
    vocabulary,
    relevance: searching,
    onOpen: (row) => setOpenId(row.id),
    sortOrderOf: (key) => {
      if (!unsorted) return table.sortOrderOf(key)
      if (searching) return key === 'relevance' ? 'descend' : null
      return key === 'code' ? 'ascend' : null
    },
  })
  const { q: _q, ...otherFilters } = table.filters
  const filtered = Object.values(otherFilters).some((v) => v !== undefined && v !== '')

  return (
    <Row gutter={16}>
      <Col xs={24} lg={7} xl={5}>
        <Card title={t('indicators.tree.title')} size="small" style={{ marginBottom: 16 }}>
          <IndicatorTree
            year={table.filters.year}
            selectedKey={treeKeyOf(table.filters)}
            onSelect={(key) => table.setFilters(filtersOfTreeKey(key))}
          />
        </Card>
      </Col>
      <Col xs={24} lg={17} xl={19}>
        <Card title={t('nav.indicatorLibrary')} size="small">
          <ListToolbar
            filters={<IndicatorListFilters table={table} />}
            actions={
              <Space wrap>
                {canPropose && (
                  <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
                    {canManage ? t('indicators.create') : t('indicators.propose')}
                  </Button>
                )}
                <ExportButton path="/api/indicators/export" params={table.params} />
              </Space>
            }
          />
          <PagedTable
            label={t('indicators.listLabel')}
            rowKey="id"
            columns={columns}
            query={indicators}
            table={table}
            scrollX={widthOf(columns)}
            onRowClick={(row) => setOpenId(row.id)}
            emptyText={
              <Empty
                description={
                  searching ? t('indicators.emptySearch', { q: table.filters.q }) : filtered ? t('indicators.emptyFiltered') : t('indicators.empty')
                }
              />
            }
          />
        </Card>
      </Col>
      <IndicatorDrawer id={openId} onClose={() => setOpenId(undefined)} onOpen={setOpenId} />
      {creating && <IndicatorFormModal onClose={() => setCreating(false)} onSaved={(row) => setOpenId(row.id)} />}
    </Row>
  )
}
