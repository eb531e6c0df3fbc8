import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, Col, Flex, Form, Input, InputNumber, Popconfirm, Row, Select, Space, Typography } from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../api/client'
import { applyFieldErrors, errorMessage } from '../../shared/serverErrors'
import { placementLabel } from './FrameworkTree'
import { type FrameworkFormValues, duplicateNames, placementOptions, removedCount, toFrameworkBody, toFrameworkForm } from './frameworkEdit'
import { useSaveFramework } from './rules.queries'
import type { FrameworkDetail } from './rules.types'

interface FrameworkEditorProps {
  framework: FrameworkDetail
  onDone: () => void
}

/** Edits a bureau's own framework: header, 一级 nodes with default weights, their 二级 children, and what each maps from. */
export function FrameworkEditor({ framework, onDone }: FrameworkEditorProps) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<FrameworkFormValues>()
  const save = useSaveFramework(framework.code)
  const [base, setBase] = useState(framework)
  const initial = useMemo(() => toFrameworkForm(base), [base])
  const nodes = Form.useWatch('nodes', form) ?? initial.nodes
  const placements = useMemo(() => placementOptions().map((p) => ({ value: p, label: placementLabel(p, t) })), [t])
  const conflict = save.error instanceof ApiError && save.error.status === 409
  const duplicates = duplicateNames(nodes)

  async function submit(values: FrameworkFormValues) {
    if (duplicates.length > 0) return
    try {
      await save.mutateAsync(toFrameworkBody(values, base.version))
      message.success(t('common.saved'))
      onDone()
    } catch (err) {
      applyFieldErrors(form, err)
    }
  }

  function reload() {
    save.reset()
    setBase(framework)
    form.setFieldsValue(toFrameworkForm(framework))
  }

  const nameRules = [{ required: true, whitespace: true, min: 2, max: 50, message: t('rules.frameworks.nodeNameRule') }]

  return (
    <Form form={form} layout="vertical" initialValues={initial} onFinish={submit} aria-label={t('rules.frameworks.editorLabel')}>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name="name" label={t('rules.frameworks.fields.name')} rules={[{ required: true, whitespace: true, min: 2, max: 100, message: t('rules.frameworks.nameRule') }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="fiscalYearFrom" label={t('rules.frameworks.fields.fiscalYearFrom')} rules={[{ required: true, message: t('common.required') }]}>
            <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="status" label={t('common.status')}>
            <Select options={(['active', 'disabled'] as const).map((s) => ({ value: s, label: t(`status.${s}`) }))} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="description" label={t('rules.frameworks.fields.description')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      <Form.List name="nodes">
        {(level1s, { add, remove, move }) => (
          <Space orientation="vertical" size="small" style={{ width: '100%' }}>
            {level1s.map((field, index) => {
              const node = nodes[index]
              const nodeName = node?.name || t('rules.frameworks.unnamed')
              return (
                <Card
                  key={field.key}
                  size="small"
                  type="inner"
                  title={t('rules.frameworks.level1Title', { index: index + 1, name: node?.name ?? '' })}
                  extra={
                    <Space size={4}>
                      <Button size="small" icon={<ArrowUpOutlined aria-hidden />} disabled={index === 0} onClick={() => move(index, index - 1)} aria-label={t('rules.frameworks.moveUp', { name: nodeName })} />
                      <Button size="small" icon={<ArrowDownOutlined aria-hidden />} disabled={index === level1s.length - 1} onClick={() => move(index, index + 1)} aria-label={t('rules.frameworks.moveDown', { name: nodeName })} />
                      <Popconfirm
                        title={t('rules.frameworks.removeLevel1Confirm', { name: nodeName, count: removedCount(node) - 1 })}
                        okText={t('rules.frameworks.remove')}
                        okButtonProps={{ danger: true }}
                        cancelText={t('common.cancel')}
                        onConfirm={() => remove(index)}
                      >
                        <Button size="small" danger icon={<DeleteOutlined aria-hidden />} disabled={level1s.length === 1} aria-label={t('rules.frameworks.removeNamed', { name: nodeName })} />
                      </Popconfirm>
                    </Space>
                  }
                >
                  <Row gutter={12}>
                    <Col xs={24} md={12}>
                      <Form.Item name={[field.name, 'name']} label={t('rules.frameworks.columns.name')} rules={nameRules}>
                        <Input />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={12}>
                      <Form.Item name={[field.name, 'mapsFrom']} label={t('rules.frameworks.columns.mapsFrom')}>
                        <Select mode="multiple" options={placements} allowClear />
                      </Form.Item>
                    </Col>
                  </Row>
                  <Form.List name={[field.name, 'children']}>
                    {(level2s, children) => (
                      <div style={{ paddingInlineStart: 16, borderInlineStart: '2px solid #f0f0f0' }}>
                        {level2s.map((child, childIndex) => {
                          const childName = node?.children?.[childIndex]?.name || t('rules.frameworks.unnamed')
                          return (
                            <Flex key={child.key} gap={8} align="start" wrap>
                              <Form.Item name={[child.name, 'name']} rules={nameRules} style={{ width: 200, marginBottom: 8 }}>
                                <Input aria-label={t('rules.frameworks.level2Name', { index: childIndex + 1 })} />
                              </Form.Item>
                              <Form.Item name={[child.name, 'mapsFrom']} style={{ flex: 1, minWidth: 240, marginBottom: 8 }}>
                                <Select mode="multiple" options={placements} allowClear aria-label={t('rules.frameworks.level2MapsFrom', { name: childName })} />
                              </Form.Item>
                              <Space size={4}>
                                <Button size="small" icon={<ArrowUpOutlined aria-hidden />} disabled={childIndex === 0} onClick={() => children.move(childIndex, childIndex - 1)} aria-label={t('rules.frameworks.moveUp', { name: childName })} />
                                <Button size="small" icon={<ArrowDownOutlined aria-hidden />} disabled={childIndex === level2s.length - 1} onClick={() => children.move(childIndex, childIndex + 1)} aria-label={t('rules.frameworks.moveDown', { name: childName })} />
                                <Popconfirm
                                  title={t('rules.frameworks.removeLevel2Confirm', { name: childName })}
                                  okText={t('rules.frameworks.remove')}
                                  okButtonProps={{ danger: true }}
                                  cancelText={t('common.cancel')}
                                  onConfirm={() => children.remove(childIndex)}
                                >
                                  <Button size="small" danger icon={<DeleteOutlined aria-hidden />} aria-label={t('rules.frameworks.removeNamed', { name: childName })} />
                                </Popconfirm>
                              </Space>
                            </Flex>
                          )
                        })}
                        <Button size="small" type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => children.add({ name: '', mapsFrom: [] })}>
                          {t('rules.frameworks.addLevel2')}
                        </Button>
                      </div>
                    )}
                  </Form.List>
                </Card>
              )
            })}
            <Button type="dashed" block icon={<PlusOutlined aria-hidden />} disabled={level1s.length >= 12} onClick={() => add({ name: '', mapsFrom: [], children: [] })}>
              {t('rules.frameworks.addLevel1')}
            </Button>
          </Space>
        )}
      </Form.List>
      <Space orientation="vertical" style={{ width: '100%', marginTop: 16 }}>
        <Typography.Text type="secondary">{t('rules.frameworks.weightsInRules')}</Typography.Text>
        {duplicates.length > 0 && <Alert type="error" showIcon title={t('rules.frameworks.duplicates', { names: duplicates.join(t('rules.listSeparator')) })} />}
        {save.isError && (
          <Alert
            type="error"
            showIcon
            title={conflict ? t('rules.frameworks.conflict') : errorMessage(save.error)}
            action={
              conflict && (
                <Button size="small" onClick={reload}>
                  {t('rules.editor.reload')}
                </Button>
              )
            }
          />
        )}
        <Space>
          <Button type="primary" htmlType="submit" loading={save.isPending} disabled={duplicates.length > 0}>
            {t('common.save')}
          </Button>
          <Button onClick={onDone}>{t('common.cancel')}</Button>
        </Space>
      </Space>
    </Form>
  )
}
