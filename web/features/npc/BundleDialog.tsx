import { Alert, Button, Checkbox, Modal, Result } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { DownloadButton } from '../../shared/DownloadButton'
import { JobProgress } from '../../shared/JobProgress'
import { errorMessage } from '../../shared/serverErrors'
import { bundleUrl, useStartBundle } from './npc.queries'

/**
 * 生成全部: every department of one jurisdiction (the user's own, or the district the list is filtered to) in one zip, built by a background job whose progress
 * shows here (one document per department); when it is done the zip downloads from the same dialog.
 */
export function BundleDialog({ fiscalYear, jurisdiction, onClose }: { fiscalYear: number; jurisdiction: { code?: string; name: string }; onClose: () => void }) {
  const { t } = useTranslation()
  const start = useStartBundle()
  const [jobId, setJobId] = useState<string | null>(null)
  const [done, setDone] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [pdf, setPdf] = useState(false)

  async function submit() {
    setError(null)
    try {
      setJobId((await start.mutateAsync({ fiscalYear, jurisdictionCode: jurisdiction.code, pdf })).jobRunId)
    } catch (err) {
      setError(errorMessage(err))
    }
  }

  return (
    <Modal
      open
      title={t('npc.bundle.title')}
      okText={t('npc.bundle.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={start.isPending}
      onOk={submit}
      onCancel={onClose}
      footer={jobId ? [<Button key="close" onClick={onClose}>{t('npc.bundle.close')}</Button>] : undefined}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {!jobId && (
        <>
          <Alert type="info" showIcon title={t('npc.bundle.hint', { year: fiscalYear, jurisdiction: jurisdiction.name })} />
          <Checkbox checked={pdf} onChange={(e) => setPdf(e.target.checked)} style={{ marginTop: 12 }}>
            {t('npc.bundle.pdf')}
          </Checkbox>
        </>
      )}
      {jobId && !done && <JobProgress jobId={jobId} title={t('npc.bundle.progress')} onDone={() => setDone(true)} />}
      {jobId && done && (
        <Result
          status="success"
          title={t('npc.bundle.done')}
          extra={
            <DownloadButton type="primary" href={bundleUrl(jobId)}>
              {t('npc.bundle.download')}
            </DownloadButton>
          }
        />
      )}
    </Modal>
  )
}
