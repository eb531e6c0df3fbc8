import { PlusOutlined } from '@ant-design/icons'
import { Button, Card, Space, Tabs } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useCan, useCurrentUser } from '../../auth/CurrentUser'
import { AccountabilityDialog } from './AccountabilityDialog'
import { AccountabilityList, InterviewList } from './AccountabilityPage'
import { InterviewDialog } from './InterviewDialog'

/** The project's 约谈 and 问责 records on its page (kept with the project); finance of its jurisdiction adds them here. */
export function ProjectAccountabilityCard({ project }: { project: { id: string; name: string; unitCode: string | null; jurisdictionCode: string } }) {
  const { t } = useTranslation()
  const canRead = useCan('results.read')
  const canManage = useCan('results.manage')
  const user = useCurrentUser()
  const [adding, setAdding] = useState<'interview' | 'accountability' | null>(null)
  if (!canRead) return null
  const mayAdd = canManage && user.org.kind === 'jurisdiction' && user.org.jurisdictionCode === project.jurisdictionCode
  return (
    <Card
      size="small"
      title={t('accountability.project.title')}
      extra={
        mayAdd && (
          <Space>
            <Button size="small" icon={<PlusOutlined aria-hidden />} onClick={() => setAdding('interview')}>
              {t('accountability.project.addInterview')}
            </Button>
            <Button size="small" icon={<PlusOutlined aria-hidden />} onClick={() => setAdding('accountability')}>
              {t('accountability.project.addAccountability')}
            </Button>
          </Space>
        )
      }
    >
      <Tabs
        size="small"
        items={[
          { key: 'interviews', label: t('accountability.tabs.interviews'), children: <InterviewList projectId={project.id} compact /> },
          { key: 'accountability', label: t('accountability.tabs.accountability'), children: <AccountabilityList projectId={project.id} compact /> },
        ]}
      />
      {adding === 'interview' && <InterviewDialog project={project} onClose={() => setAdding(null)} />}
      {adding === 'accountability' && <AccountabilityDialog project={project} onClose={() => setAdding(null)} />}
    </Card>
  )
}
