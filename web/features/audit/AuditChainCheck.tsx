import { DownloadOutlined, SafetyCertificateOutlined, UploadOutlined } from '@ant-design/icons'
import { Alert, Button, Modal, Space, Typography, Upload } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { apiUrl } from '../../api/client'
import { type ChainVerdict, useVerifyAuditChain } from './audit.queries'

interface CheckpointFile {
  name: string
  content: Record<string, unknown>
}

/**
 * Runs the audit chain check on the server while it runs (the CLI needs the database to itself), optionally
 * against a checkpoint file downloaded earlier, and offers a new checkpoint to keep outside the system.
 */
export function AuditChainCheck() {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const [checkpoint, setCheckpoint] = useState<CheckpointFile | null>(null)
  const [badFile, setBadFile] = useState(false)
  const verify = useVerifyAuditChain()

  async function readCheckpoint(file: File) {
    try {
      const content = JSON.parse(await file.text()) as Record<string, unknown>
      if (content.format !== 'jixiao-audit-checkpoint/1') throw new Error('not a checkpoint')
      setCheckpoint({ name: file.name, content })
      setBadFile(false)
    } catch {
      setCheckpoint(null)
      setBadFile(true)
    }
    verify.reset()
  }

  return (
    <>
      <Button icon={<SafetyCertificateOutlined aria-hidden />} onClick={() => setOpen(true)}>
        {t('auditChain.open')}
      </Button>
      <Modal title={t('auditChain.title')} open={open} onCancel={() => setOpen(false)} footer={null} width={640} destroyOnHidden>
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Paragraph type="secondary">{t('auditChain.intro')}</Typography.Paragraph>
          <Space wrap>
            <Typography.Text>{t('auditChain.checkpointFile')}:</Typography.Text>
            <Upload accept=".json,application/json" showUploadList={false} beforeUpload={(file) => (void readCheckpoint(file), false)}>
              <Button icon={<UploadOutlined aria-hidden />}>{checkpoint?.name ?? t('auditChain.chooseCheckpoint')}</Button>
            </Upload>
            {checkpoint && <Button type="link" onClick={() => (setCheckpoint(null), verify.reset())}>{t('auditChain.clearCheckpoint')}</Button>}
          </Space>
          {badFile && <Alert type="warning" showIcon message={t('auditChain.badCheckpoint')} />}
          <Space wrap>
            <Button type="primary" loading={verify.isPending} onClick={() => verify.mutate(checkpoint?.content)}>
              {t('auditChain.run')}
            </Button>
            <Button icon={<DownloadOutlined aria-hidden />} href={apiUrl('/api/audit/checkpoint')} download>
              {t('auditChain.download')}
            </Button>
          </Space>
          <Typography.Text type="secondary">{t('auditChain.downloadHint')}</Typography.Text>
          {verify.data && <Verdict verdict={verify.data} />}
          {verify.error && <Alert type="error" showIcon message={verify.error.message} />}
        </Space>
      </Modal>
    </>
  )
}

function Verdict({ verdict }: { verdict: ChainVerdict }) {
  const { t } = useTranslation()
  if (verdict.ok) {
    const lines = [t('auditChain.intactDetail', { rows: verdict.rows, keyedFromSeq: verdict.keyedFromSeq })]
    if (verdict.checkpointSeq !== undefined) lines.push(t('auditChain.intactCheckpoint', { seq: verdict.checkpointSeq }))
    if (verdict.archivedThroughSeq !== undefined) lines.push(t('auditChain.intactArchived', { seq: verdict.archivedThroughSeq }))
    return <Alert type="success" showIcon message={t('auditChain.intact')} description={lines.join('；')} role="status" />
  }
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      message={t('auditChain.broken')}
      description={
        <>
          <div>{t('auditChain.brokenDetail', { seq: verdict.brokenAtSeq, rows: verdict.rows })}</div>
          <div>{t(`auditChain.reasons.${verdict.reason}`)}</div>
        </>
      }
    />
  )
}
