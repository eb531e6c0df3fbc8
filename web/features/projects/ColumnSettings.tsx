import { SettingOutlined } from '@ant-design/icons'
import { Button, Checkbox, Flex, Popover, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { usePersistentState } from '../../shared/usePersistentState'

export interface ColumnChoice {
  key: string
  title: string
}

const isKeyList = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === 'string')

/** Which optional columns a list shows, remembered in this browser under `storageKey`. */
export function useVisibleColumns(storageKey: string, defaults: string[]) {
  const [visible, setVisible] = usePersistentState<string[]>(storageKey, defaults, isKeyList)
  return { visible, setVisible, reset: () => setVisible(defaults), isVisible: (key: string) => visible.includes(key) }
}

interface ColumnSettingsProps {
  columns: ColumnChoice[]
  visible: string[]
  onChange: (visible: string[]) => void
  onReset: () => void
}

/** A 列设置 button whose popover lists the columns with a checkbox each. */
export function ColumnSettings({ columns, visible, onChange, onReset }: ColumnSettingsProps) {
  const { t } = useTranslation()
  const content = (
    <div role="group" aria-label={t('projects.columns.title')} style={{ maxWidth: 240 }}>
      <Checkbox.Group
        value={visible}
        onChange={(keys) => onChange(columns.map((c) => c.key).filter((key) => keys.includes(key)))}
      >
        <Flex vertical gap={6}>
          {columns.map((column) => (
            <Checkbox key={column.key} value={column.key}>
              {column.title}
            </Checkbox>
          ))}
        </Flex>
      </Checkbox.Group>
      <Flex justify="space-between" align="center" style={{ marginTop: 12 }}>
        <Typography.Text type="secondary">{t('projects.columns.shown', { count: visible.length })}</Typography.Text>
        <Button size="small" type="link" onClick={onReset}>
          {t('projects.columns.reset')}
        </Button>
      </Flex>
    </div>
  )
  return (
    <Popover trigger="click" placement="bottomRight" title={t('projects.columns.title')} content={content}>
      <Button icon={<SettingOutlined aria-hidden />}>{t('projects.columns.button')}</Button>
    </Popover>
  )
}
