import { Col, Form, Input, Radio, Row } from 'antd'
import { useTranslation } from 'react-i18next'
import { grades } from '../../../domain/rule-set'
import type { ReloadOutcome } from '../../shared/ConflictNotice'
import { FormModal } from '../../shared/FormModal'
import type { ExpertReviewBody } from './goals.types'
import { useGoalVocabulary } from './goalVocabulary'
import { useTermWords } from '../../shared/useTermWords'

export type GradeReviewValues = ExpertReviewBody

interface GradeReviewDialogProps {
  title: string
  okText: string
  /** An expert scores (0–100) and must write an opinion; the finance 复审 grades and may. */
  expert?: boolean
  onSubmit: (values: GradeReviewValues) => Promise<unknown>
  onClose: () => void
  onReload?: () => Promise<ReloadOutcome>
}

/** 财政复审 or 专家评审: a grade (优/良/中/差), an opinion per review dimension and an overall opinion. */
export function GradeReviewDialog({ title, okText, expert, onSubmit, onClose, onReload }: GradeReviewDialogProps) {
  const { t } = useTranslation()
  const vocabulary = useGoalVocabulary()
  const words = useTermWords()
  const trimmed = (values: GradeReviewValues): GradeReviewValues => ({
    ...values,
    score: values.score ?? '',
    opinion: values.opinion?.trim() ?? '',
    dimensions: Object.fromEntries(Object.entries(values.dimensions ?? {}).filter(([, text]) => text?.trim())),
  })
  return (
    <FormModal<GradeReviewValues> title={title} okText={okText} onSubmit={(values) => onSubmit(trimmed(values))} onReload={onReload} onClose={onClose}>
      <Row gutter={16}>
        <Col xs={24} md={expert ? 14 : 24}>
          <Form.Item name="grade" label={t('goals.review.grade')} rules={[{ required: true, message: t('goals.review.gradeRequired') }]} extra={expert ? undefined : t('goals.review.gradeHint')}>
            <Radio.Group aria-label={t('goals.review.grade')} optionType="button" buttonStyle="solid" options={grades.map((g) => ({ value: g, label: words.grade(g) }))} />
          </Form.Item>
        </Col>
        {expert && (
          <Col xs={24} md={10}>
            <Form.Item name="score" label={t('goals.review.score')} rules={[{ required: true, pattern: /^\d{1,3}(\.\d{1,2})?$/, message: t('goals.review.scoreInvalid') }]}>
              <Input aria-label={t('goals.review.score')} inputMode="decimal" placeholder="0–100" />
            </Form.Item>
          </Col>
        )}
      </Row>
      <Row gutter={16}>
        {vocabulary.dimensions.map((d) => (
          <Col key={d} xs={24} md={12}>
            <Form.Item name={['dimensions', d]} label={vocabulary.dimension(d)}>
              <Input.TextArea aria-label={vocabulary.dimension(d)} rows={2} maxLength={2000} placeholder={t(`goals.review.dimensionHints.${d}`)} />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Form.Item
        name="opinion"
        label={t('goals.review.opinion')}
        rules={expert ? [{ required: true, whitespace: true, min: 2, message: t('goals.opinionRequired') }] : []}
      >
        <Input.TextArea aria-label={t('goals.review.opinion')} rows={3} maxLength={2000} showCount />
      </Form.Item>
    </FormModal>
  )
}
