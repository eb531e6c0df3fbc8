import { DownloadOutlined } from '@ant-design/icons'
import { Button } from 'antd'
import { useTranslation } from 'react-i18next'
import { type Query, apiUrl } from '../api/client'
import { exportQuery } from './useTableState'

/** A plain link to the list's xlsx export with the current filters; the session cookie goes along. */
export function ExportButton({ path, params }: { path: string; params: Query }) {
  const { t } = useTranslation()
  return (
    <Button icon={<DownloadOutlined aria-hidden />} href={apiUrl(path, exportQuery(params))} download>
      {t('common.export')}
    </Button>
  )
}
