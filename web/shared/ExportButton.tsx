import { useTranslation } from 'react-i18next'
import { type Query, apiUrl } from '../api/client'
import { DownloadButton } from './DownloadButton'
import { exportQuery } from './useTableState'

/** The list's xlsx export with the current filters; the session cookie goes along. */
export function ExportButton({ path, params }: { path: string; params: Query }) {
  const { t } = useTranslation()
  return <DownloadButton href={apiUrl(path, exportQuery(params))}>{t('common.export')}</DownloadButton>
}
