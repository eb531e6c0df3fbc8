import { BarChartOutlined } from '@ant-design/icons'
import { Button } from 'antd'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { useCan } from '../../auth/CurrentUser'

/** 绩效结果: the project's results page, for those who read results. */
export function ProjectResultsLink({ projectId }: { projectId: string }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  if (!useCan('results.read')) return null
  return (
    <Button icon={<BarChartOutlined aria-hidden />} onClick={() => navigate(`/results/projects/${projectId}`)}>
      {t('resultsViews.project.button')}
    </Button>
  )
}
