import { CheckOutlined, ReloadOutlined } from '@ant-design/icons'
import { Button, Card, Flex, Table, type TableColumnsType } from 'antd'

/** The import preview's list of every problem with its cell, ten to a page. */
export function ImportErrorsCard<E extends { row: number; column: string | null; message: string }>({ title, errors, columns, keyPrefix }: { title: string; errors: E[]; columns: TableColumnsType<E>; keyPrefix?: (e: E) => string }) {
  if (!errors.length) return null
  return (
    <Card size="small" title={title}>
      <Table<E>
        aria-label={title}
        rowKey={(e) => `${keyPrefix?.(e) ?? ''}${e.row}:${e.column ?? ''}:${e.message}`}
        size="small"
        columns={columns}
        dataSource={errors}
        pagination={{ pageSize: 10, showSizeChanger: false }}
      />
    </Card>
  )
}

/** Upload another file, or write what the preview showed (only when it is ready). */
export function ImportActions({ ready, committing, onReupload, onCommit, reuploadLabel, commitLabel }: { ready: boolean; committing: boolean; onReupload: () => void; onCommit: () => void; reuploadLabel: string; commitLabel: string }) {
  return (
    <Flex justify="end" gap={8}>
      <Button icon={<ReloadOutlined aria-hidden />} onClick={onReupload} disabled={committing}>
        {reuploadLabel}
      </Button>
      <Button type="primary" icon={<CheckOutlined aria-hidden />} disabled={!ready} loading={committing} onClick={onCommit}>
        {commitLabel}
      </Button>
    </Flex>
  )
}
