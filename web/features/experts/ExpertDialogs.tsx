import { Alert, Form, Input, InputNumber, Radio, Select } from 'antd'
import { useTranslation } from 'react-i18next'
import { FormModal } from '../../shared/FormModal'
import { OrgTreeSelect } from '../org/OrgTreeSelect'
import { useKeyEvaluationOptions } from '../agencies/agencies.queries'
import { useAddExpertRelation, useCreateExpert, useDrawExperts, useUpdateExpert } from './experts.queries'
import type { Draw, DrawRequest, Expert, ExpertInput } from './experts.types'

/** Adds an expert to the pool, or edits one when given. */
export function ExpertFormDialog({ expert, onClose, onSaved }: { expert?: Expert; onClose: () => void; onSaved?: (e: Expert) => void }) {
  const { t } = useTranslation()
  const create = useCreateExpert()
  const update = useUpdateExpert()
  return (
    <FormModal<ExpertInput>
      title={expert ? t('experts.actions.edit') : t('experts.actions.create')}
      initialValues={expert ? { ...expert, affiliationCode: expert.affiliationCode ?? undefined } : { active: true, fields: [] }}
      onClose={onClose}
      onSubmit={async (values) => {
        const body = { ...values, affiliationCode: values.affiliationCode ?? null }
        const saved = expert ? await update.mutateAsync({ id: expert.id, version: expert.version, ...body }) : await create.mutateAsync(body)
        onSaved?.(saved)
      }}
    >
      <Form.Item name="name" label={t('experts.fields.name')} rules={[{ required: true, min: 2 }]}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="fields" label={t('experts.fields.fields')} rules={[{ required: true, type: 'array', min: 1 }]}>
        <Select mode="tags" tokenSeparators={[',', '，', '、']} />
      </Form.Item>
      <Form.Item name="affiliation" label={t('experts.fields.affiliation')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="affiliationCode" label={t('experts.fields.affiliationCode')}>
        <OrgTreeSelect kinds={['jurisdiction', 'department', 'unit']} label={t('experts.fields.affiliationCode')} allowClear />
      </Form.Item>
      <Form.Item name="title" label={t('experts.fields.title')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="phone" label={t('experts.fields.phone')}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="active" label={t('experts.fields.active')}>
        <Radio.Group
          options={[
            { value: true, label: t('experts.fields.activeYes') },
            { value: false, label: t('experts.fields.activeNo') },
          ]}
        />
      </Form.Item>
    </FormModal>
  )
}

export function ExpertRelationDialog({ expertId, onClose }: { expertId: string; onClose: () => void }) {
  const { t } = useTranslation()
  const add = useAddExpertRelation()
  return (
    <FormModal<{ orgCode: string; relation: string }> title={t('experts.actions.addRelation')} onClose={onClose} onSubmit={(v) => add.mutateAsync({ id: expertId, ...v })}>
      <Form.Item name="orgCode" label={t('experts.relations.org')} rules={[{ required: true }]}>
        <OrgTreeSelect kinds={['jurisdiction', 'department', 'unit']} label={t('experts.relations.org')} />
      </Form.Item>
      <Form.Item name="relation" label={t('experts.relations.relation')} rules={[{ required: true, min: 2 }]}>
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  )
}

/** 随机抽取专家: the evaluation, how many, the fields, an optional recorded seed; avoidance is applied by the server. */
export function DrawDialog({ keyEvaluationId, onClose, onDrawn }: { keyEvaluationId?: string; onClose: () => void; onDrawn: (draw: Draw) => void }) {
  const { t } = useTranslation()
  const evaluations = useKeyEvaluationOptions(!keyEvaluationId)
  const draw = useDrawExperts()
  return (
    <FormModal<DrawRequest>
      title={t('experts.drawDialog.title')}
      okText={t('experts.actions.draw')}
      initialValues={{ keyEvaluationId, count: 2 }}
      onClose={onClose}
      onSubmit={async (values) => {
        const result = await draw.mutateAsync({ ...values, fields: values.fields?.length ? values.fields : undefined, seed: values.seed?.trim() || undefined })
        onDrawn(result)
      }}
    >
      <Alert type="info" showIcon title={t('experts.drawDialog.hint')} style={{ marginBottom: 16 }} />
      <Form.Item name="keyEvaluationId" label={t('experts.drawDialog.evaluation')} rules={[{ required: true }]}>
        {keyEvaluationId ? (
          <Input disabled />
        ) : (
          <Select showSearch={{ optionFilterProp: 'label' }} loading={evaluations.isPending} options={(evaluations.data ?? []).map((e) => ({ value: e.id, label: `${e.fiscalYear} ${e.name}` }))} />
        )}
      </Form.Item>
      <Form.Item name="count" label={t('experts.drawDialog.count')} rules={[{ required: true }]}>
        <InputNumber min={1} max={50} precision={0} />
      </Form.Item>
      <Form.Item name="fields" label={t('experts.drawDialog.fields')}>
        <Select mode="tags" tokenSeparators={[',', '，', '、']} />
      </Form.Item>
      <Form.Item name="seed" label={t('experts.drawDialog.seed')}>
        <Input maxLength={64} />
      </Form.Item>
    </FormModal>
  )
}
