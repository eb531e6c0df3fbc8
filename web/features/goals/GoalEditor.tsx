import { BookOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Col, Form, Input, Row, Space, Spin, Tag } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { useCurrentUser } from '../auth/CurrentUser'
import { findNode } from '../org/OrgScopeTree'
import { useOrgTree } from '../org/org.queries'
import { useProject } from '../projects/projects.queries'
import { useFramework, useRuleSet } from '../rules/rules.queries'
import { FieldFindings, statusOf } from './FieldFindings'
import { GoalFacts } from './GoalFacts'
import { GoalHeading } from './GoalPageParts'
import { GoalStatusTag } from './GoalStatusTag'
import { type GoalSubject, GoalSubjectFields } from './GoalSubjectFields'
import { GoalTargetFields } from './GoalTargetFields'
import { IndicatorTreeEditor } from './IndicatorTreeEditor'
import { LibraryPickerDrawer, type PickedIndicator } from './LibraryPickerDrawer'
import { QualityPanel } from './QualityPanel'
import { ReturnNotice } from './ReturnNotice'
import { rowFromLibrary } from './goalDraft'
import { goalFieldFindings, placeOf, rowFieldFindings } from './goalFindings'
import { usePeerTargets } from './goals.queries'
import type { CreateGoalBody, GoalDetail } from './goals.types'
import { inFrameworkOrder, placementInFramework } from './indicatorGroups'
import { type EditorMode, useGoalEditor } from './useGoalEditor'

interface GoalEditorProps {
  mode: EditorMode
  goal: GoalDetail | undefined
  refused?: string
  onReload: () => void
}

/** The goal editor: what it is for (new goals), its targets, its indicator tree, the quality check, Save and Submit. */
export function GoalEditor({ mode, goal, refused, onReload }: GoalEditorProps) {
  const { t } = useTranslation()
  const user = useCurrentUser()
  const [params] = useSearchParams()
  const editor = useGoalEditor(mode, goal, refused)
  const { draft, setDraft, checked } = editor
  const [subject, setSubject] = useState<GoalSubject>(() => ({
    kind: 'project',
    projectId: params.get('projectId') ?? undefined,
    fiscalYear: new Date().getFullYear() + 1,
  }))
  const [picking, setPicking] = useState(false)
  const orgTree = useOrgTree()
  const project = useProject(goal?.projectId ?? subject.projectId).data
  const fiscalYear = goal?.fiscalYear ?? subject.fiscalYear
  const rules = useRuleSet(goal ? undefined : (project?.jurisdictionCode ?? user.org.jurisdictionCode), fiscalYear)
  const framework = useFramework(goal?.frameworkCode ?? rules.data?.effective.rules.frameworkCode)
  const nodes = framework.data?.nodes ?? []
  const peers = usePeerTargets(draft.indicators.flatMap((r) => (r.indicatorCode ? [r.indicatorCode] : [])), fiscalYear, goal?.lineageId)

  // A project picked for a new goal sets its year and, while the name is empty, the goal's name.
  useEffect(() => {
    if (mode !== 'new' || !project) return
    setSubject((s) => (s.projectId === project.id ? { ...s, fiscalYear: project.fiscalYear } : s))
    setDraft((d) => (d.name ? d : { ...d, name: t('goals.editor.defaultName', { project: project.name }) }))
  }, [mode, project, setDraft, t])

  const rowIndexOf = (key: string) => checked?.rowKeys.indexOf(key) ?? -1
  const findings = checked?.findings ?? []
  const pick = (picked: PickedIndicator) => {
    const row = rowFromLibrary(picked, placementInFramework(nodes, picked))
    setDraft((d) => ({ ...d, indicators: inFrameworkOrder(nodes, [...d.indicators, row]) }))
  }

  function subjectBody(): Omit<CreateGoalBody, 'name' | 'overallTarget' | 'mediumTermTarget' | 'annualTarget' | 'indicators'> {
    const node = subject.orgCode ? findNode(orgTree.data ?? [], subject.orgCode) : undefined
    return {
      kind: subject.kind,
      projectId: subject.kind === 'project' ? (subject.projectId ?? null) : null,
      fiscalYear: subject.fiscalYear,
      ...(node?.kind === 'department' && { departmentCode: node.code }),
      ...(node?.kind === 'unit' && { unitCode: node.code }),
    }
  }

  const title = mode === 'new' ? t('goals.editor.newTitle') : mode === 'adjust' ? t('goals.editor.adjustTitle', { name: goal!.name }) : t('goals.editor.editTitle')
  const canSubmit = mode !== 'adjust' && (!editor.saved || ['draft', 'returned'].includes(editor.saved.status))
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        size="small"
        title={
          <GoalHeading title={title} back={goal ? `/goals/${goal.id}` : '/goals'} backLabel={t('goals.back')}>
            {editor.saved && mode === 'edit' && <GoalStatusTag status={editor.saved.status} />}
            {editor.dirty && mode === 'edit' && <Tag color="orange">{t('goals.editor.unsaved')}</Tag>}
          </GoalHeading>
        }
        extra={
          <Space wrap>
            <Button icon={<SaveOutlined aria-hidden />} loading={editor.busy} onClick={() => editor.saveOnly(mode === 'new' ? subjectBody() : undefined)}>
              {mode === 'adjust' ? t('goals.editor.saveAdjustment') : t('goals.editor.save')}
            </Button>
            {canSubmit && (
              <Button type="primary" icon={<SendOutlined aria-hidden />} loading={editor.busy} onClick={() => editor.submit(mode === 'new' ? subjectBody() : undefined)}>
                {t('goals.editor.submit')}
              </Button>
            )}
          </Space>
        }
      >
        {editor.problem && (
          <Alert
            type="error"
            showIcon
            closable={{ onClose: () => editor.setProblem(null) }}
            title={editor.problem.message}
            description={editor.problem.stale ? t('goals.editor.staleHint') : undefined}
            action={editor.problem.stale ? <Button onClick={onReload}>{t('goals.reload')}</Button> : undefined}
            style={{ marginBottom: 16 }}
          />
        )}
        {mode === 'edit' && goal && <ReturnNotice goal={goal} />}
        {mode === 'adjust' && (
          <>
            <Alert type="info" showIcon title={t('goals.editor.adjustHint', { revision: goal!.revision + 1 })} style={{ marginBottom: 16 }} />
            <Form layout="vertical" component="div">
              <Form.Item
                label={t('goals.fields.adjustmentReason')}
                required
                validateStatus={statusOf(goalFieldFindings(findings, 'reason')) || undefined}
                help={<FieldFindings findings={goalFieldFindings(findings, 'reason')} />}
              >
                <Input.TextArea aria-label={t('goals.fields.adjustmentReason')} rows={2} maxLength={2000} value={editor.reason} onChange={(e) => editor.setReason(e.target.value)} />
              </Form.Item>
            </Form>
          </>
        )}
        {mode === 'new' ? <GoalSubjectFields value={subject} onChange={setSubject} project={project} /> : <GoalFacts goal={goal!} title={t('goals.sections.subject')} full={false} />}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card size="small" title={t('goals.sections.targets')}>
            <GoalTargetFields draft={draft} onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))} findingsOf={(field) => goalFieldFindings(findings, field)} />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <QualityPanel findings={checked?.findings ?? null} rowName={(i) => draft.indicators.find((r) => rowIndexOf(r.key) === i)?.name ?? ''} />
        </Col>
      </Row>
      <Card
        size="small"
        title={t('goals.sections.indicators')}
        extra={
          <Button icon={<BookOutlined aria-hidden />} onClick={() => setPicking(true)}>
            {t('goals.picker.open')}
          </Button>
        }
      >
        <FieldFindings findings={findings.filter((f) => placeOf(f.path).kind === 'indicators')} />
        <Spin spinning={framework.isPending}>
          <IndicatorTreeEditor
            nodes={nodes}
            rows={draft.indicators}
            onChange={(indicators) => setDraft((d) => ({ ...d, indicators }))}
            findingsOf={(row, field) => rowFieldFindings(findings, rowIndexOf(row.key), field)}
            peers={peers.data}
          />
        </Spin>
      </Card>
      <LibraryPickerDrawer
        open={picking}
        projectId={goal?.projectId ?? (subject.kind === 'project' ? (subject.projectId ?? null) : null)}
        taken={new Set(draft.indicators.flatMap((r) => (r.indicatorId ? [r.indicatorId] : [])))}
        onPick={pick}
        onClose={() => setPicking(false)}
      />
    </Space>
  )
}
