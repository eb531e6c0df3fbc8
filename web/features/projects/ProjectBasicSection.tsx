import { Col, Form, Input, InputNumber, Radio, Row, Select, Switch } from 'antd'
import { useTranslation } from 'react-i18next'
import { useCurrentUser } from '../auth/CurrentUser'
import { OrgTreeSelect } from '../org/OrgTreeSelect'
import { figureFields } from './projectForm'
import { useProjectVocabulary } from './projectVocabulary'
import { useProjectFormRules } from './useProjectFormRules'

const others = (field: string) => figureFields.filter((f) => f !== field)

/** 基本信息: what the project is, whose it is and which budget it belongs to. A new project's code may be left blank. */
export function ProjectBasicSection({ creating = false }: { creating?: boolean }) {
  const { t } = useTranslation()
  const user = useCurrentUser()
  const vocabulary = useProjectVocabulary()
  const rules = useProjectFormRules()
  const label = (field: string) => t(`projects.fields.${field}`)
  // A unit files its own projects only: its unit is set and fixed.
  const ownUnitOnly = user.org.kind === 'unit'

  return (
    <Row gutter={16}>
      <Col xs={24} md={12} xl={8}>
        <Form.Item name="code" label={label('code')} rules={creating ? [rules.code] : [rules.required, rules.code]} extra={t(creating ? 'projects.hints.codeGenerated' : 'projects.hints.code')}>
          <Input maxLength={64} autoComplete="off" placeholder={creating ? t('projects.placeholders.codeBlank') : undefined} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12} xl={16}>
        <Form.Item name="name" label={label('name')} rules={[rules.required, rules.name]}>
          <Input maxLength={200} showCount />
        </Form.Item>
      </Col>
      <Col xs={24} md={12} xl={8}>
        <Form.Item
          name="fiscalYear"
          label={label('fiscalYear')}
          rules={[rules.required, rules.year, rules.domainRule('fiscalYear')]}
          dependencies={others('fiscalYear')}
        >
          <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12} xl={16}>
        <Form.Item
          name="unitCode"
          label={label('unit')}
          rules={[rules.required]}
          extra={ownUnitOnly ? t('projects.hints.ownUnit') : undefined}
        >
          <OrgTreeSelect kinds={['unit']} label={label('unit')} disabled={ownUnitOnly} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12} xl={8}>
        <Form.Item name="budgetKind" label={label('budgetKind')} rules={[rules.required]}>
          <Select options={vocabulary.budgetKindOptions} aria-label={label('budgetKind')} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12} xl={8}>
        <Form.Item name="objectKind" label={label('objectKind')} rules={[rules.required]}>
          <Select options={vocabulary.objectKindOptions} aria-label={label('objectKind')} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12} xl={8}>
        <Form.Item name="projectType" label={label('projectType')} rules={[rules.required]}>
          <Select options={vocabulary.projectTypeOptions} aria-label={label('projectType')} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12} xl={8}>
        <Form.Item name="attribute" label={label('attribute')} rules={[rules.required]}>
          <Radio.Group options={vocabulary.attributeOptions} aria-label={label('attribute')} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12} xl={8}>
        <Form.Item name="isMajorNew" label={label('isMajorNew')} valuePropName="checked">
          <Switch aria-label={label('isMajorNew')} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="description" label={label('description')}>
          <Input.TextArea rows={3} maxLength={4000} showCount />
        </Form.Item>
      </Col>
    </Row>
  )
}
