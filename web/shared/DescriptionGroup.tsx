import { Descriptions, type DescriptionsProps } from 'antd'

/** One titled, bordered block of a detail view's fields; detail views stack a few of them. */
export function DescriptionGroup(props: { title: string; items: DescriptionsProps['items']; column: DescriptionsProps['column']; labelWidth?: number; nowrapLabels?: boolean }) {
  return (
    <Descriptions
      size="small"
      bordered
      title={props.title}
      column={props.column}
      items={props.items}
      styles={{ label: { width: props.labelWidth ?? 150, ...(props.nowrapLabels ? { whiteSpace: 'nowrap' } : {}) } }}
      style={{ marginBottom: 16 }}
    />
  )
}
