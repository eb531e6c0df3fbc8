import { Card, Empty, Space, Table, type TableColumnsType } from 'antd'
import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { ArrowLeftOutlined } from '@ant-design/icons'

/** One section of a record page (relations, violations, engagements, draws): a titled card holding an unpaged table. */
export function SectionTable<T extends object>(props: { title: string; extra?: ReactNode; rows: T[]; columns: TableColumnsType<T>; empty: string; scrollX?: number; rowKey?: keyof T & string }) {
  return (
    <Card size="small" title={props.title} extra={props.extra}>
      <Table<T>
        aria-label={props.title}
        size="small"
        rowKey={props.rowKey ?? ('id' as keyof T & string)}
        pagination={false}
        dataSource={props.rows}
        columns={props.columns}
        scroll={props.scrollX ? { x: props.scrollX } : undefined}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={props.empty} /> }}
      />
    </Card>
  )
}

/** A record page's card title: the way back to its list, the record's name and its tags. */
export function BackTitle({ to, backLabel, children }: { to: string; backLabel: string; children: ReactNode }) {
  return (
    <Space>
      <Link to={to} aria-label={backLabel}>
        <ArrowLeftOutlined />
      </Link>
      {children}
    </Space>
  )
}
