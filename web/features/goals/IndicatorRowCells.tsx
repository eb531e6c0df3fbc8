import { DeleteOutlined } from '@ant-design/icons'
import { Button, Input, Select, Tag, Tooltip, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useIndicatorVocabulary } from '../indicators/indicatorVocabulary'
import { FieldFindings, statusOf } from './FieldFindings'
import { PeerHint } from './PeerHint'
import type { DraftRow } from './goalDraft'
import type { Finding } from './goalFindings'
import type { PeerTargets } from './goals.types'

export interface RowCellContext {
  row: DraftRow
  /** 1-based, as the quality check counts rows in its messages. */
  n: number
  findings: (field: string) => Finding[]
  peer: PeerTargets | undefined
  onChange: (patch: Partial<DraftRow>) => void
  onRemove: () => void
}

/** What a cell's input is called: "指标值（第 3 行）". */
function useCellLabel(ctx: RowCellContext) {
  const { t } = useTranslation()
  return (field: string) => t('goals.indicator.cellLabel', { field: t(`goals.indicator.${field}`), n: ctx.n })
}

type TextField = 'name' | 'target' | 'unit' | 'weight' | 'mediumTermTarget'

/** A text cell with its findings under it. */
export function TextCell({ ctx, field, placeholder }: { ctx: RowCellContext; field: TextField; placeholder?: string }) {
  const label = useCellLabel(ctx)
  const findings = ctx.findings(field)
  return (
    <>
      <Input
        size="small"
        aria-label={label(field)}
        placeholder={placeholder}
        value={ctx.row[field] ?? ''}
        status={statusOf(findings)}
        onChange={(e) => ctx.onChange({ [field]: e.target.value })}
      />
      <FieldFindings findings={findings} />
    </>
  )
}

/** 三级指标 name; a row from the library shows its code and is not renamed. */
export function NameCell({ ctx }: { ctx: RowCellContext }) {
  const { t } = useTranslation()
  const label = useCellLabel(ctx)
  const findings = ctx.findings('name')
  if (!ctx.row.indicatorId) {
    return (
      <div style={{ display: 'flex', gap: 6, alignItems: 'baseline' }}>
        <RowNumber n={ctx.n} />
        <div style={{ flex: 1 }}>
          <TextCell ctx={ctx} field="name" placeholder={t('goals.indicator.namePlaceholder')} />
        </div>
      </div>
    )
  }
  return (
    <>
      <RowNumber n={ctx.n} />
      <Tooltip title={t('goals.indicator.fromLibrary')}>
        <Tag color="blue" style={{ marginInlineEnd: 4 }}>
          {ctx.row.indicatorCode ?? t('goals.indicator.library')}
        </Tag>
      </Tooltip>
      <span aria-label={label('name')}>{ctx.row.name}</span>
      <FieldFindings findings={findings} />
    </>
  )
}

/** The row's number, as the quality check counts it ("第 3 行"). */
function RowNumber({ n }: { n: number }) {
  return (
    <Typography.Text type="secondary" style={{ fontVariantNumeric: 'tabular-nums', marginInlineEnd: 6 }}>
      {n}.
    </Typography.Text>
  )
}

export function TargetCell({ ctx }: { ctx: RowCellContext }) {
  return (
    <>
      <TextCell ctx={ctx} field="target" />
      {ctx.peer && <PeerHint row={ctx.row} peer={ctx.peer} />}
    </>
  )
}

/** 指标性质 or 设定依据: a choice from the library's code list, with its findings. */
export function SelectCell({ ctx, field }: { ctx: RowCellContext; field: 'nature' | 'valueBasis' }) {
  const vocabulary = useIndicatorVocabulary()
  const label = useCellLabel(ctx)
  const findings = ctx.findings(field)
  return (
    <>
      <Select<string>
        size="small"
        aria-label={label(field)}
        style={{ width: '100%' }}
        value={ctx.row[field]}
        options={field === 'nature' ? vocabulary.natureOptions : vocabulary.valueBasisOptions}
        status={statusOf(findings) || undefined}
        onChange={(value) => ctx.onChange({ [field]: value })}
        popupMatchSelectWidth={false}
      />
      <FieldFindings findings={findings} />
    </>
  )
}

export function ScoringCell({ ctx }: { ctx: RowCellContext }) {
  const { t } = useTranslation()
  const label = useCellLabel(ctx)
  const findings = ctx.findings('scoringRule')
  return (
    <>
      <Input.TextArea
        size="small"
        aria-label={label('scoringRule')}
        autoSize={{ minRows: 1, maxRows: 4 }}
        placeholder={t('goals.indicator.scoringPlaceholder')}
        value={ctx.row.scoringRule}
        status={statusOf(findings)}
        onChange={(e) => ctx.onChange({ scoringRule: e.target.value })}
      />
      <FieldFindings findings={findings} />
    </>
  )
}

export function RemoveCell({ ctx }: { ctx: RowCellContext }) {
  const { t } = useTranslation()
  return (
    <Button
      type="text"
      size="small"
      danger
      icon={<DeleteOutlined aria-hidden />}
      aria-label={t('goals.indicator.remove', { n: ctx.n, name: ctx.row.name || '—' })}
      onClick={ctx.onRemove}
    />
  )
}
