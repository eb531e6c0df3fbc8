import { Alert, App, Button, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { type EvaluationObjectKind, type EvaluationTemplate, evaluationObjectKindLabels, evaluationObjectKinds, evaluationTemplateLabels, evaluationTemplates } from '../../../../domain/evaluation'
import { formatMoney } from '../../../../domain/money'
import { errorMessage } from '../../../shared/serverErrors'
import { useCurrentUser } from '../../auth/CurrentUser'
import { OrgTreeSelect } from '../../org/OrgTreeSelect'
import { useCreateKey, useSelection } from './key.queries'
import type { SelectionPick } from './key.types'
import { useLang } from './keyVocabulary'

/**
 * 确定评价对象: the rule-39 proposal for a year (due majors first, then a seeded random sample of general projects),
 * one pick made into an evaluation with its template; the seed is recorded with it. A 部门整体 / policy / transfer
 * evaluation names its department instead.
 */
export function CreateKeyDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation()
  const lang = useLang()
  const { message } = App.useApp()
  const navigate = useNavigate()
  const user = useCurrentUser()
  const [fiscalYear, setFiscalYear] = useState(new Date().getFullYear() - 1)
  const [sampleSize, setSampleSize] = useState(3)
  const [seed, setSeed] = useState('')
  const [params, setParams] = useState<{ fiscalYear: number; sampleSize: number; seed?: string } | null>(null)
  const [objectKind, setObjectKind] = useState<EvaluationObjectKind>('project')
  const [template, setTemplate] = useState<EvaluationTemplate>('no10')
  const [picked, setPicked] = useState<SelectionPick | null>(null)
  const [departmentCode, setDepartmentCode] = useState<string | undefined>(user.org.kind === 'department' ? user.org.code : undefined)
  const [name, setName] = useState('')
  const [error, setError] = useState<string | null>(null)
  const proposal = useSelection(params)
  const create = useCreateKey()

  async function submit() {
    setError(null)
    if (objectKind === 'project' && !picked) return setError(t('evaluationKey.createDialog.pickOne'))
    try {
      const body =
        objectKind === 'project'
          ? { fiscalYear, objectKind, projectId: picked!.projectId, template, selectionKind: picked!.kind, selectionSeed: proposal.data?.seed, selectionReason: picked!.reason, ...(name ? { name } : {}) }
          : { fiscalYear, objectKind, departmentCode, template, selectionKind: 'manual', ...(name ? { name } : {}) }
      const created = await create.mutateAsync(body)
      void message.success(t('evaluationKey.createDialog.created'))
      onClose()
      navigate(`/evaluation/key/${created.id}`)
    } catch (err) {
      setError(errorMessage(err))
    }
  }

  return (
    <Modal open title={t('evaluationKey.createDialog.title')} width={900} onCancel={onClose} onOk={submit} okText={t('evaluationKey.createDialog.createOne')} confirmLoading={create.isPending} destroyOnHidden>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Form layout="inline">
          <Form.Item label={t('evaluationKey.createDialog.fiscalYear')}>
            <InputNumber aria-label={t('evaluationKey.createDialog.fiscalYear')} min={2000} max={2100} value={fiscalYear} onChange={(v) => setFiscalYear(v ?? fiscalYear)} />
          </Form.Item>
          <Form.Item label={t('evaluationKey.createDialog.objectKind')}>
            <Select
              aria-label={t('evaluationKey.createDialog.objectKind')}
              style={{ width: 130 }}
              value={objectKind}
              onChange={(v: EvaluationObjectKind) => {
                setObjectKind(v)
                if (v === 'department') setTemplate('department')
              }}
              options={evaluationObjectKinds.map((k) => ({ value: k, label: evaluationObjectKindLabels[k][lang] }))}
            />
          </Form.Item>
          <Form.Item label={t('evaluationKey.createDialog.template')}>
            <Select aria-label={t('evaluationKey.createDialog.template')} style={{ width: 280 }} value={template} onChange={setTemplate} options={evaluationTemplates.map((k) => ({ value: k, label: evaluationTemplateLabels[k][lang] }))} />
          </Form.Item>
        </Form>
        {objectKind === 'project' ? (
          <>
            <Form layout="inline">
              <Form.Item label={t('evaluationKey.createDialog.sampleSize')}>
                <InputNumber aria-label={t('evaluationKey.createDialog.sampleSize')} min={0} max={50} value={sampleSize} onChange={(v) => setSampleSize(v ?? 0)} />
              </Form.Item>
              <Form.Item label={t('evaluationKey.createDialog.seed')}>
                <Input aria-label={t('evaluationKey.createDialog.seed')} style={{ width: 200 }} value={seed} maxLength={64} onChange={(e) => setSeed(e.target.value)} />
              </Form.Item>
              <Button onClick={() => setParams({ fiscalYear, sampleSize, ...(seed.trim() ? { seed: seed.trim() } : {}) })} loading={proposal.isFetching}>
                {t('evaluationKey.createDialog.propose')}
              </Button>
            </Form>
            {proposal.data && (
              <>
                <Alert
                  type="info"
                  showIcon
                  title={proposal.data.rule}
                  description={`${t('evaluationKey.createDialog.candidates', { count: proposal.data.candidates, recent: proposal.data.recentlyEvaluated.length })}；${t('evaluationKey.plan.seed')} ${proposal.data.seed}`}
                />
                <Table<SelectionPick>
                  size="small"
                  rowKey="projectId"
                  dataSource={proposal.data.picks}
                  pagination={false}
                  scroll={{ y: 280 }}
                  locale={{ emptyText: t('evaluationKey.createDialog.noPicks') }}
                  rowSelection={{ type: 'radio', selectedRowKeys: picked ? [picked.projectId] : [], onChange: (_keys, rows) => setPicked(rows[0] ?? null) }}
                  columns={[
                    { key: 'kind', title: '', dataIndex: 'kind', width: 90, render: (k: SelectionPick['kind']) => <Tag color={k === 'major' ? 'red' : 'blue'}>{t(`evaluationKey.createDialog.${k}`)}</Tag> },
                    { key: 'name', title: t('evaluationKey.fields.project'), dataIndex: 'name', render: (n: string, r) => `${n}（${r.projectCode}）` },
                    { key: 'amount', title: t('evaluationKey.fields.amount'), dataIndex: 'amount', width: 140, align: 'right', render: formatMoney },
                    { key: 'reason', title: t('evaluationKey.createDialog.reason'), dataIndex: 'reason', width: 260, render: (r: string) => <Typography.Text type="secondary">{r}</Typography.Text> },
                  ]}
                />
              </>
            )}
          </>
        ) : (
          <Form layout="inline">
            <Form.Item label={t('evaluationKey.createDialog.department')}>
              <OrgTreeSelect kinds={['department']} label={t('evaluationKey.createDialog.department')} value={departmentCode} onChange={setDepartmentCode} width={260} />
            </Form.Item>
          </Form>
        )}
        <Form layout="inline">
          <Form.Item label={t('evaluationKey.createDialog.name')}>
            <Input aria-label={t('evaluationKey.createDialog.name')} style={{ width: 420 }} value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
          </Form.Item>
        </Form>
        {error && <Alert type="error" showIcon title={error} />}
      </Space>
    </Modal>
  )
}
