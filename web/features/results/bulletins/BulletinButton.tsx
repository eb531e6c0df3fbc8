import { Tooltip } from 'antd'
import { useTranslation } from 'react-i18next'
import { apiUrl } from '../../../api/client'
import { DownloadButton } from '../../../shared/DownloadButton'
import { useCan, useCurrentUser } from '../../auth/CurrentUser'

/** What a 通报 is of: a self-evaluation round, a monitoring round (by id), or the bureau's 考核 of a year. */
export type BulletinOf = { kind: 'self-round'; id: string } | { kind: 'monitoring-round'; id: string } | { kind: 'assessment'; year: number }

export function bulletinUrl(of: BulletinOf) {
  if (of.kind === 'assessment') return apiUrl(`/api/results/bulletins/assessments/${of.year}.docx`)
  const base = of.kind === 'self-round' ? 'self-rounds' : 'monitoring-rounds'
  return apiUrl(`/api/results/bulletins/${base}/${encodeURIComponent(of.id)}.docx`)
}

/**
 * 生成通报: downloads the Word bulletin. A bulletin is the finance bureau's, so the button shows only to bureau users
 * who read results; for departments and units it renders nothing. Used on the round pages and the 考核 pages.
 */
export function BulletinButton({ of, type }: { of: BulletinOf; type?: 'primary' | 'default' }) {
  const { t } = useTranslation()
  const user = useCurrentUser()
  const canRead = useCan('results.read')
  if (!canRead || user.org.kind !== 'jurisdiction') return null
  return (
    <Tooltip title={t('accountability.bulletin.hint')}>
      <DownloadButton type={type} href={bulletinUrl(of)}>
        {t('accountability.bulletin.generate')}
      </DownloadButton>
    </Tooltip>
  )
}
