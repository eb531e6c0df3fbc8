import { Table, type TableColumnsType } from 'antd'
import { useTranslation } from 'react-i18next'

interface TreeItem {
  key: string
  children?: TreeItem[]
}

/** Every key with children, at any depth: the rows a tree that never folds keeps open. */
const openKeys = (items: readonly TreeItem[]): string[] => items.flatMap((item) => (item.children?.length ? [item.key, ...openKeys(item.children)] : []))

/**
 * A goal's indicators as a table shaped like the framework's tree (一级 → 二级 → rows), always unfolded: the
 * editor's and the reader's. Group rows are shaded at 一级.
 */
export function IndicatorTreeTable<T extends TreeItem>(props: { columns: TableColumnsType<T>; data: T[]; width: number; isLevel1: (item: T) => boolean; emptyText?: string }) {
  const { t } = useTranslation()
  return (
    <Table<T>
      aria-label={t('goals.indicator.table')}
      rowKey="key"
      size="small"
      bordered
      columns={props.columns}
      dataSource={props.data}
      pagination={false}
      scroll={{ x: props.width }}
      tableLayout="fixed"
      expandable={{ expandedRowKeys: openKeys(props.data), expandIcon: () => null, indentSize: 16 }}
      onRow={(item) => (props.isLevel1(item) ? { style: { background: '#fafafa' } } : {})}
      locale={props.emptyText ? { emptyText: props.emptyText } : undefined}
    />
  )
}
