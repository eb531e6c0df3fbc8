import { DeleteOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons'
import { Alert, App, Button, DatePicker, Empty, Form, Input, InputNumber, List, Popconfirm, Space, Table, Tag, Typography, Upload } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { apiUrl } from '../../../api/client'
import { DownloadButton } from '../../../shared/DownloadButton'
import { formatDateTime } from '../../../shared/format'
import { errorMessage } from '../../../shared/serverErrors'
import { keyPath, useAddFieldwork, useImportSurvey, useSaveFramework, useSaveSurvey, useUploadEvidence } from './key.queries'
import type { FrameworkLine, KeyEvaluation, SurveyImportResult } from './key.types'

type EditLine = Pick<FrameworkLine, 'level1' | 'level2' | 'level3' | 'weight' | 'score' | 'formula' | 'inputs' | 'basis' | 'value' | 'formulaName' | 'formulaInputs' | 'formulaRule'> & { key: string }

const toEdit = (lines: FrameworkLine[]): EditLine[] => lines.map((l) => ({ ...l, key: l.id }))
const points = (v: string | number | null | undefined) => (v === null || v === undefined || v === '' ? null : Number(v).toFixed(2))

/** 指标体系与评分: lines with weights (sum 100, rule 40's warning shown) and scores within [0, weight]; formula lines computed. */
export function FrameworkTab({ ev }: { ev: KeyEvaluation }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const save = useSaveFramework()
  const [lines, setLines] = useState<EditLine[]>(() => toEdit(ev.lines))
  useEffect(() => setLines(toEdit(ev.lines)), [ev.lines])
  const editable = ev.manage && ['selected', 'planning', 'fieldwork'].includes(ev.stage)
  const total = lines.reduce((s, l) => s + Number(l.weight || 0), 0)
  const set = (key: string, patch: Partial<EditLine>) => setLines((ls) => ls.map((l) => (l.key === key ? { ...l, ...patch } : l)))

  async function submit() {
    try {
      await save.mutateAsync({
        id: ev.id,
        version: ev.version,
        lines: lines.map((l) => ({ level1: l.level1, level2: l.level2, level3: l.level3, weight: points(l.weight) ?? '0', score: points(l.score), formula: l.formula, inputs: l.inputs, basis: l.basis })),
      })
      void message.success(t('evaluationKey.framework.saved'))
    } catch (err) {
      void message.error(errorMessage(err))
    }
  }

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text>{t('evaluationKey.framework.weightTotal', { total: total.toFixed(2), oe: ev.result.outputEffect })}</Typography.Text>
      {ev.result.warnings.map((w) => (
        <Alert key={w.code} type="warning" showIcon title={w.message} description={w.rule} />
      ))}
      {ev.result.problems
        .filter((p) => p.code !== 'SCORE_MISSING')
        .map((p) => (
          <Alert key={p.path} type="error" showIcon title={p.message} />
        ))}
      {!editable && <Typography.Text type="secondary">{t('evaluationKey.framework.readOnly')}</Typography.Text>}
      <Table<EditLine>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={lines}
        scroll={{ x: 1200 }}
        columns={[
          { key: 'level1', title: t('evaluationKey.framework.level1'), width: 110, render: (_, l) => (editable ? <Input aria-label={t('evaluationKey.framework.level1')} value={l.level1} onChange={(e) => set(l.key, { level1: e.target.value })} /> : l.level1) },
          { key: 'level2', title: t('evaluationKey.framework.level2'), width: 120, render: (_, l) => (editable ? <Input aria-label={t('evaluationKey.framework.level2')} value={l.level2} onChange={(e) => set(l.key, { level2: e.target.value })} /> : l.level2) },
          { key: 'level3', title: t('evaluationKey.framework.level3'), width: 180, render: (_, l) => (editable ? <Input aria-label={t('evaluationKey.framework.level3')} value={l.level3} onChange={(e) => set(l.key, { level3: e.target.value })} /> : l.level3) },
          {
            key: 'weight',
            title: t('evaluationKey.framework.weight'),
            width: 100,
            render: (_, l) => (editable ? <InputNumber aria-label={`${l.level3} ${t('evaluationKey.framework.weight')}`} min={0} max={100} step={0.5} value={Number(l.weight)} onChange={(v) => set(l.key, { weight: String(v ?? 0) })} /> : l.weight),
          },
          {
            key: 'score',
            title: t('evaluationKey.framework.score'),
            width: 110,
            render: (_, l) =>
              editable ? (
                <InputNumber aria-label={`${l.level3} ${t('evaluationKey.framework.score')}`} min={0} max={Number(l.weight)} step={0.5} value={l.score === null ? null : Number(l.score)} onChange={(v) => set(l.key, { score: v === null ? null : String(v) })} />
              ) : (
                (l.score ?? '—')
              ),
          },
          {
            key: 'formula',
            title: t('evaluationKey.framework.formula'),
            width: 260,
            render: (_, l) =>
              l.formula ? (
                <Space orientation="vertical" size={2}>
                  <Tag color="blue" title={l.formulaRule ?? ''}>
                    {l.formulaName}
                    {l.value !== null ? `：${l.value}%` : ''}
                  </Tag>
                  {editable &&
                    l.formulaInputs.map((f) => (
                      <Input
                        key={f.key}
                        size="small"
                        addonBefore={f.label}
                        aria-label={f.label}
                        value={l.inputs?.[f.key] ?? ''}
                        onChange={(e) => set(l.key, { inputs: { ...(l.inputs ?? {}), [f.key]: e.target.value } })}
                      />
                    ))}
                </Space>
              ) : null,
          },
          { key: 'basis', title: t('evaluationKey.framework.basis'), width: 240, render: (_, l) => (editable ? <Input.TextArea aria-label={`${l.level3} ${t('evaluationKey.framework.basis')}`} autoSize value={l.basis} maxLength={2000} onChange={(e) => set(l.key, { basis: e.target.value })} /> : l.basis) },
          ...(editable
            ? [
                {
                  key: 'remove',
                  title: '',
                  width: 50,
                  render: (_: unknown, l: EditLine) => (
                    <Popconfirm title={t('evaluationKey.framework.remove')} onConfirm={() => setLines((ls) => ls.filter((x) => x.key !== l.key))}>
                      <Button type="text" danger icon={<DeleteOutlined aria-hidden />} aria-label={t('evaluationKey.framework.remove')} />
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editable && (
        <Space>
          <Button
            icon={<PlusOutlined aria-hidden />}
            onClick={() => setLines((ls) => [...ls, { key: `new-${ls.length}-${Date.now()}`, level1: '产出', level2: '', level3: '', weight: '0', score: null, formula: null, inputs: null, basis: '', value: null, formulaName: null, formulaInputs: [], formulaRule: null }])}
          >
            {t('evaluationKey.framework.addLine')}
          </Button>
          <Button type="primary" loading={save.isPending} onClick={submit}>
            {t('evaluationKey.framework.save')}
          </Button>
        </Space>
      )}
    </Space>
  )
}

/** 佐证材料 per indicator: upload while the work is open, download any time. */
export function EvidenceTab({ ev }: { ev: KeyEvaluation }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const upload = useUploadEvidence()
  const editable = ev.manage && ['planning', 'fieldwork', 'exchange'].includes(ev.stage)
  return (
    <List
      dataSource={ev.lines}
      renderItem={(l) => (
        <List.Item
          actions={
            editable
              ? [
                  <Upload
                    key="upload"
                    showUploadList={false}
                    customRequest={async ({ file }) => {
                      try {
                        await upload.mutateAsync({ id: ev.id, lineId: l.id, file: file as File })
                        void message.success(t('evaluationKey.evidence.uploaded'))
                      } catch (err) {
                        void message.error(errorMessage(err))
                      }
                    }}
                  >
                    <Button size="small" icon={<UploadOutlined aria-hidden />} aria-label={`${l.level3} ${t('evaluationKey.evidence.upload')}`}>
                      {t('evaluationKey.evidence.upload')}
                    </Button>
                  </Upload>,
                ]
              : []
          }
        >
          <List.Item.Meta
            title={`${l.level1} / ${l.level2} / ${l.level3}`}
            description={
              l.evidence.length ? (
                <Space wrap>
                  {l.evidence.map((e) => (
                    <DownloadButton key={e.id} size="small" type="link" href={apiUrl(`${keyPath(ev.id)}/evidence/${e.id}/download`)}>
                      {`${e.fileName}（${e.createdByName ?? ''} ${formatDateTime(e.createdAt)}）`}
                    </DownloadButton>
                  ))}
                </Space>
              ) : (
                <Typography.Text type="secondary">{t('evaluationKey.evidence.none')}</Typography.Text>
              )
            }
          />
        </List.Item>
      )}
    />
  )
}

/** 现场评价记录: date, place, people and notes of each visit. */
export function FieldworkTab({ ev }: { ev: KeyEvaluation }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const add = useAddFieldwork()
  const [form] = Form.useForm()
  const editable = ev.manage && ['planning', 'fieldwork', 'exchange'].includes(ev.stage)
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={ev.fieldwork}
        locale={{ emptyText: <Empty description={t('evaluationKey.fieldwork.none')} /> }}
        columns={[
          { key: 'visitedOn', title: t('evaluationKey.fieldwork.visitedOn'), dataIndex: 'visitedOn', width: 110 },
          { key: 'place', title: t('evaluationKey.fieldwork.place'), dataIndex: 'place', width: 180 },
          { key: 'people', title: t('evaluationKey.fieldwork.people'), dataIndex: 'people', width: 220 },
          { key: 'notes', title: t('evaluationKey.fieldwork.notes'), dataIndex: 'notes' },
        ]}
      />
      {editable && (
        <Form
          form={form}
          layout="inline"
          onFinish={async (v: { visitedOn: { format: (f: string) => string }; place: string; people?: string; notes?: string }) => {
            try {
              await add.mutateAsync({ id: ev.id, visitedOn: v.visitedOn.format('YYYY-MM-DD'), place: v.place, people: v.people ?? '', notes: v.notes ?? '' })
              form.resetFields()
              void message.success(t('evaluationKey.fieldwork.added'))
            } catch (err) {
              void message.error(errorMessage(err))
            }
          }}
        >
          <Form.Item name="visitedOn" label={t('evaluationKey.fieldwork.visitedOn')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="place" label={t('evaluationKey.fieldwork.place')} rules={[{ required: true }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="people" label={t('evaluationKey.fieldwork.people')}>
            <Input maxLength={500} />
          </Form.Item>
          <Form.Item name="notes" label={t('evaluationKey.fieldwork.notes')}>
            <Input.TextArea autoSize maxLength={4000} style={{ width: 320 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={add.isPending}>
            {t('evaluationKey.fieldwork.add')}
          </Button>
        </Form>
      )}
    </Space>
  )
}

/** 满意度问卷: questions on the 5-point scale, responses imported from a sheet (preview, then all or nothing), the rate shown with its formula. */
export function SurveyTab({ ev }: { ev: KeyEvaluation }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const saveSurvey = useSaveSurvey()
  const importSurvey = useImportSurvey()
  const [preview, setPreview] = useState<{ file: File; result: SurveyImportResult } | null>(null)
  const editable = ev.manage && ['selected', 'planning', 'fieldwork'].includes(ev.stage)
  const survey = ev.survey
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {survey ? (
        <Alert
          type={survey.rate ? 'success' : 'info'}
          showIcon
          title={survey.rate ? `${t('evaluationKey.survey.rate')}：${survey.rate}%` : survey.title}
          description={
            <>
              <div>{t('evaluationKey.survey.formula')}</div>
              {survey.rate && <div>{t('evaluationKey.survey.responses', { responses: survey.responses, answers: survey.answers })}</div>}
            </>
          }
        />
      ) : (
        <Empty description={t('evaluationKey.survey.none')} />
      )}
      {editable && (
        <Form
          layout="vertical"
          initialValues={{ title: survey?.title ?? '服务对象满意度调查', questions: (survey?.questions ?? []).join('\n'), target: Number(survey?.target ?? 90) }}
          onFinish={async (v: { title: string; questions: string; target: number }) => {
            try {
              await saveSurvey.mutateAsync({ id: ev.id, title: v.title, questions: v.questions.split('\n').map((q) => q.trim()).filter(Boolean), target: Number(v.target).toFixed(2) })
              void message.success(t('evaluationKey.plan.saved'))
            } catch (err) {
              void message.error(errorMessage(err))
            }
          }}
        >
          <Form.Item name="title" label={t('evaluationKey.survey.title')} rules={[{ required: true }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="questions" label={t('evaluationKey.survey.questions')} rules={[{ required: true }]}>
            <Input.TextArea autoSize={{ minRows: 3 }} />
          </Form.Item>
          <Form.Item name="target" label={t('evaluationKey.survey.target')}>
            <InputNumber min={0} max={100} />
          </Form.Item>
          <Button htmlType="submit" loading={saveSurvey.isPending}>
            {t('evaluationKey.survey.save')}
          </Button>
        </Form>
      )}
      {editable && survey && (
        <Space wrap>
          <DownloadButton href={apiUrl(`${keyPath(ev.id)}/survey/template.xlsx`)}>{t('evaluationKey.survey.template')}</DownloadButton>
          <Upload
            accept=".xlsx,.csv"
            showUploadList={false}
            customRequest={async ({ file }) => {
              try {
                const result = await importSurvey.mutateAsync({ id: ev.id, file: file as File, dryRun: true })
                setPreview({ file: file as File, result })
              } catch (err) {
                void message.error(errorMessage(err))
              }
            }}
          >
            <Button icon={<UploadOutlined aria-hidden />} loading={importSurvey.isPending}>
              {t('evaluationKey.survey.import')}
            </Button>
          </Upload>
        </Space>
      )}
      {preview && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {preview.result.errorCount ? (
            <Alert type="error" showIcon title={t('evaluationKey.survey.errors', { count: preview.result.errorCount })} description={preview.result.errors.map((e) => `${e.row}${e.column}: ${e.message}`).join('；')} />
          ) : (
            <Alert type="info" showIcon title={`${t('evaluationKey.survey.preview')}：${t('evaluationKey.survey.rate')} ${preview.result.rate ?? '—'}%（${preview.result.formula}）`} description={t('evaluationKey.survey.responses', { responses: preview.result.responses, answers: preview.result.answers })} />
          )}
          {!preview.result.errorCount && (
            <Button
              type="primary"
              loading={importSurvey.isPending}
              onClick={async () => {
                try {
                  await importSurvey.mutateAsync({ id: ev.id, file: preview.file, dryRun: false })
                  setPreview(null)
                  void message.success(t('evaluationKey.survey.imported'))
                } catch (err) {
                  void message.error(errorMessage(err))
                }
              }}
            >
              {t('evaluationKey.survey.commit')}
            </Button>
          )}
        </Space>
      )}
    </Space>
  )
}
