import { Alert, App, Button, Card, Descriptions, Space } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { needsExAnte } from '../../../domain/exante'
import { editableStatuses } from '../../../domain/projects'
import { errorMessage } from '../../shared/serverErrors'
import { useCan } from '../auth/CurrentUser'
import type { Project } from '../projects/projects.types'
import { useRuleSet } from '../rules/rules.queries'
import { useExAnteList, useStartExAnte } from './exante.queries'
import { ConclusionTag, ExAnteStatusTag, useExAnteVocabulary } from './exanteVocabulary'

/** 事前评估 on the project page: whether the project needs one, where the latest stands, and what it means for 入库. */
export function ProjectExAnteCard({ project }: { project: Project }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { message } = App.useApp()
  const vocabulary = useExAnteVocabulary()
  const canRead = useCan('exante.read')
  const canStart = useCan('exante.edit') && editableStatuses.includes(project.status)
  const list = useExAnteList({ projectId: project.id, pageSize: 1 }, canRead)
  const rules = useRuleSet(project.jurisdictionCode, project.fiscalYear)
  const start = useStartExAnte()
  if (!canRead) return null

  const latest = list.data?.items[0]
  const required = rules.data ? needsExAnte(project, rules.data.effective.rules) : null
  const passing = rules.data?.effective.rules.exAnte.passingConclusion ?? '予以支持'
  const passed = latest?.status === 'completed' && latest.conclusion === passing
  const gate = required === false ? t('exante.card.notRequired') : passed ? t('exante.card.passed') : t('exante.card.blocked')

  function begin() {
    start.mutateAsync(project.id).then(
      (created) => {
        message.success(t('exante.card.started'))
        navigate(`/exante/${created.id}`)
      },
      (err) => message.error(errorMessage(err)),
    )
  }

  return (
    <Card
      size="small"
      title={t('exante.card.title')}
      loading={list.isPending}
      extra={
        latest ? (
          <Link to={`/exante/${latest.id}`}>{t('exante.actions.open')}</Link>
        ) : (
          canStart && (
            <Button size="small" type="primary" ghost loading={start.isPending} onClick={begin}>
              {t('exante.actions.start')}
            </Button>
          )
        )
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        {required !== null && <Alert type={required && !passed ? 'warning' : 'success'} showIcon title={gate} />}
        {latest ? (
          <Descriptions
            size="small"
            column={2}
            items={[
              { key: 'status', label: t('exante.fields.status'), children: <ExAnteStatusTag status={latest.status} /> },
              { key: 'conclusion', label: t('exante.fields.conclusion'), children: <ConclusionTag conclusion={latest.conclusion} /> },
              { key: 'total', label: t('exante.fields.total'), children: latest.total },
              { key: 'assessor', label: t('exante.fields.assessorKind'), children: vocabulary.assessorKind(latest.assessorKind) },
            ]}
          />
        ) : (
          t('exante.card.none')
        )}
      </Space>
    </Card>
  )
}
