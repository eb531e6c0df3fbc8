import { DownloadOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Col, Row, Space, Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { PageSpinner } from '../../layout/AppLayout'
import { useCurrentUser } from '../auth/CurrentUser'
import { LastYearResultPanel } from '../results/budget/LastYearResultPanel'
import { useFramework } from '../rules/rules.queries'
import { GoalActionBar } from './GoalActionBar'
import { GoalExpertReviews } from './GoalExpertReviews'
import { GoalFacts } from './GoalFacts'
import { GoalIndicatorTable } from './GoalIndicatorTable'
import { GoalOpinions } from './GoalOpinions'
import { GoalHeading, GoalLoadFailed } from './GoalPageParts'
import { GoalStatusTag, GradeTag } from './GoalStatusTag'
import { GoalTargetsText } from './GoalTargetsText'
import { GoalVersions } from './GoalVersions'
import { QualityPanel } from './QualityPanel'
import { localizeFindings } from './goalFindings'
import { declarationUrl, useGoal, usePeerTargets } from './goals.queries'
import type { GoalDetail } from './goals.types'

/** 绩效目标详情 and 审核: the goal, its check, the opinions of every round, its versions and what may be done now. */
export function GoalDetailPage() {
  const { id } = useParams()
  const goal = useGoal(id)

  if (goal.isPending) return <PageSpinner />
  if (goal.isError) return <GoalLoadFailed query={goal} />
  return <GoalDetailView goal={goal.data} />
}

function GoalDetailView({ goal }: { goal: GoalDetail }) {
  const { t, i18n } = useTranslation()
  const user = useCurrentUser()
  const framework = useFramework(goal.frameworkCode)
  const peers = usePeerTargets(goal.indicators.flatMap((i) => (i.indicatorCode ? [i.indicatorCode] : [])), goal.fiscalYear, goal.lineageId)
  const findings = localizeFindings(goal.quality, i18n.language)
  const latest = goal.versions[0]
  const inForce = goal.inForceFrom && !goal.inForceTo
  const financeSees = user.org.kind === 'jurisdiction' && user.permissions.includes('goal.review')

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        size="small"
        title={
          <GoalHeading title={goal.name} back="/goals" backLabel={t('goals.backToList')}>
            <GoalStatusTag status={goal.status} />
            <GradeTag grade={goal.financeGrade} />
            <Tag>{t('goals.revision', { revision: goal.revision })}</Tag>
            {inForce && <Tag color="green">{t('goals.inForceTag')}</Tag>}
          </GoalHeading>
        }
        extra={
          <Space wrap>
            <GoalActionBar goal={goal} />
            <Button icon={<DownloadOutlined aria-hidden />} href={declarationUrl(goal.id)} download>
              {t('goals.exportOne')}
            </Button>
          </Space>
        }
      >
        {latest && latest.id !== goal.id && (
          <Alert
            type="info"
            showIcon
            title={t('goals.olderRevision', { revision: goal.revision, latest: latest.revision })}
            action={<Link to={`/goals/${latest.id}`}>{t('goals.openLatest')}</Link>}
            style={{ marginBottom: 16 }}
          />
        )}
        <GoalFacts goal={goal} title={t('goals.sections.subject')} />
        <GoalTargetsText goal={goal} />
      </Card>
      {goal.projectId && <LastYearResultPanel projectId={goal.projectId} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={16}>
          <Card size="small" title={t('goals.sections.indicators')}>
            <GoalIndicatorTable nodes={framework.data?.nodes ?? []} indicators={goal.indicators} findings={findings} peers={peers.data} />
          </Card>
        </Col>
        <Col xs={24} xxl={8}>
          <QualityPanel findings={findings} rowName={(i) => goal.indicators[i]?.name ?? ''} />
        </Col>
      </Row>
      <GoalOpinions opinions={goal.opinions} />
      <GoalVersions versions={goal.versions} currentId={goal.id} />
      {(financeSees || goal.expertReviews.length > 0) && <GoalExpertReviews reviews={goal.expertReviews} round={goal.reviewRound} />}
    </Space>
  )
}
