import type { TablePaginationConfig } from 'antd'
import type { SortOrder as AntSortOrder, SorterResult } from 'antd/es/table/interface'
import { useCallback, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Query } from '../api/client'
import type { PageParams } from '../api/types'

export const DEFAULT_PAGE_SIZE = 20

/** Page, sort and filter state of one server-paged table, turned into API query params. */
export function useTableState<F extends Query>(initialFilters: F, initialSort?: Pick<PageParams, 'sort' | 'order'>) {
  const { t } = useTranslation()
  const [paging, setPaging] = useState<PageParams>({ page: 1, pageSize: DEFAULT_PAGE_SIZE, ...initialSort })
  const [filters, setFilterState] = useState<F>(initialFilters)

  const setFilters = useCallback((patch: Partial<F>) => {
    setFilterState((current) => ({ ...current, ...patch }))
    setPaging((current) => ({ ...current, page: 1 }))
  }, [])

  // initialFilters is usually a fresh literal each render; the first one is the reset target.
  const [resetTarget] = useState(initialFilters)
  const resetFilters = useCallback(() => {
    setFilterState(resetTarget)
    setPaging((current) => ({ ...current, page: 1 }))
  }, [resetTarget])

  const onChange = useCallback(
    // sorter is SorterResult<Row> | SorterResult<Row>[]; unknown lets one handler serve every row type.
    (pagination: TablePaginationConfig, _filters: unknown, sorter: unknown) => {
      const first = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<unknown> | undefined
      const field = first?.order ? String(first.columnKey ?? first.field ?? '') : undefined
      setPaging({
        page: pagination.current ?? 1,
        pageSize: pagination.pageSize ?? DEFAULT_PAGE_SIZE,
        sort: field || undefined,
        order: field ? (first?.order === 'ascend' ? 'asc' : 'desc') : undefined,
      })
    },
    [],
  )

  const params = useMemo(() => ({ ...filters, ...paging }), [filters, paging])

  const pagination = useCallback(
    (total: number | undefined): TablePaginationConfig => ({
      current: paging.page,
      pageSize: paging.pageSize,
      total: total ?? 0,
      showSizeChanger: true,
      showTotal: (count) => t('common.total', { total: count }),
    }),
    [paging.page, paging.pageSize, t],
  )

  const sortOrderOf = useCallback(
    (field: string): AntSortOrder =>
      paging.sort === field ? (paging.order === 'asc' ? 'ascend' : 'descend') : null,
    [paging.sort, paging.order],
  )

  return {
    params,
    filters,
    setFilters,
    resetFilters,
    onChange,
    pagination,
    sortOrderOf,
  }
}

export type TableState<F extends Query> = ReturnType<typeof useTableState<F>>

/** Filters and sort for an export link: the list's query without paging. */
export function exportQuery(params: Query): Query {
  const { page: _page, pageSize: _pageSize, ...rest } = params
  return rest
}
