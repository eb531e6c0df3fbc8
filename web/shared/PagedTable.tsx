import type { UseQueryResult } from '@tanstack/react-query'
import { Alert, Button, Table, type TableColumnsType, type TableProps } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Query } from '../api/client'
import type { Paged } from '../api/types'
import { errorMessage } from './serverErrors'
import type { TableState } from './useTableState'

interface PagedTableProps<T, F extends Query> {
  /** Accessible name of the table. */
  label: string
  rowKey: keyof T & string
  columns: TableColumnsType<T>
  query: UseQueryResult<Paged<T>>
  table: TableState<F>
  expandable?: TableProps<T>['expandable']
  /** Shown instead of the table's plain 暂无数据, e.g. with a hint what to do. */
  emptyText?: ReactNode
  /** Opens a row when it is clicked anywhere (the name link stays the keyboard way in). */
  onRowClick?: (row: T) => void
  /** Total width of the columns when they all have one, so widths and ellipsis hold; otherwise as wide as the content. */
  scrollX?: number
}

/** A server-paged antd Table with its load error shown above it. */
export function PagedTable<T extends object, F extends Query>(props: PagedTableProps<T, F>) {
  const { t } = useTranslation()
  const { query, table } = props
  return (
    <>
      {query.isError && (
        <Alert
          type="error"
          showIcon
          title={errorMessage(query.error)}
          action={
            <Button size="small" onClick={() => query.refetch()}>
              {t('common.retry')}
            </Button>
          }
          style={{ marginBottom: 12 }}
        />
      )}
      <Table<T>
        rowKey={props.rowKey}
        size="middle"
        aria-label={props.label}
        columns={props.columns}
        dataSource={query.data?.items}
        loading={query.isFetching}
        pagination={table.pagination(query.data?.total)}
        onChange={table.onChange}
        expandable={props.expandable}
        onRow={props.onRowClick ? (row) => ({ onClick: () => props.onRowClick!(row), style: { cursor: 'pointer' } }) : undefined}
        locale={props.emptyText === undefined ? undefined : { emptyText: props.emptyText }}
        scroll={{ x: props.scrollX ?? 'max-content' }}
        tableLayout={props.scrollX ? 'fixed' : undefined}
      />
    </>
  )
}
