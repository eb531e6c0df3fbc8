import { type DescriptionsProps, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { DescriptionGroup } from '../../shared/DescriptionGroup'
import { formatDateTime } from '../../shared/format'
import { TagList } from './indicatorColumns'
import { useIndicatorVocabulary } from './indicatorVocabulary'
import type { IndicatorDetail } from './indicators.types'

type Items = NonNullable<DescriptionsProps['items']>

/** Every field of one indicator revision: what it is, how it is measured, who proposed and reviewed it. */
export function IndicatorDescriptions({ indicator: r }: { indicator: IndicatorDetail }) {
  const { t } = useTranslation()
  const vocabulary = useIndicatorVocabulary()
  const label = (key: string) => t(`indicators.fields.${key}`)
  const orDash = (text: string | null | undefined) => (text ? text : '—')
  const paragraph = (text: string | null | undefined) => (
    <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>{orDash(text)}</Typography.Paragraph>
  )

  const basic: Items = [
    { key: 'code', label: label('code'), children: <Typography.Text copyable>{r.code}</Typography.Text> },
    { key: 'revision', label: label('revision'), children: t('indicators.revisionLong', { revision: r.revision }) },
    { key: 'level1', label: label('level1'), children: r.level1 },
    { key: 'level2', label: label('level2'), children: r.level2 },
    ...(r.costKind ? [{ key: 'costKind', label: label('costKind'), children: vocabulary.costKind(r.costKind) }] : []),
    { key: 'nature', label: label('nature'), children: vocabulary.nature(r.nature) },
    { key: 'unit', label: label('unit'), children: orDash(r.unit) },
    { key: 'exampleTarget', label: label('exampleTarget'), children: orDash(r.exampleTarget) },
    { key: 'scope', label: label('scope'), children: vocabulary.scope(r.scope) },
    {
      key: 'validity',
      label: label('validity'),
      children: r.validToYear ? `${r.validFromYear}–${r.validToYear}` : t('indicators.validFrom', { year: r.validFromYear }),
    },
    { key: 'owner', label: label('ownerJurisdictionCode'), children: orDash(r.ownerJurisdictionName ?? r.ownerJurisdictionCode) },
    {
      key: 'sectors',
      label: label('sectors'),
      span: 'filled',
      children: r.sectors.length ? <TagList labels={r.sectors.map(vocabulary.sector)} color="blue" max={12} /> : t('indicators.anySector'),
    },
    {
      key: 'projectKinds',
      label: label('projectKinds'),
      span: 'filled',
      children: r.projectKinds.length ? <TagList labels={r.projectKinds.map(vocabulary.projectKind)} color="purple" max={10} /> : t('indicators.anyProjectKind'),
    },
  ]
  const measure: Items = [
    { key: 'definition', label: label('definition'), children: paragraph(r.definition) },
    { key: 'formula', label: label('formula'), children: paragraph(r.formula) },
    { key: 'dataSource', label: label('dataSource'), children: orDash(r.dataSource) },
    { key: 'valueBasis', label: label('valueBasis'), children: vocabulary.valueBasis(r.valueBasis) },
    { key: 'scoringRule', label: label('scoringRule'), children: paragraph(r.scoringRule) },
  ]
  const record: Items = [
    ...(r.proposedByName || r.proposalReason
      ? [
          {
            key: 'proposedBy',
            label: label('proposedBy'),
            children: r.proposedByName ? `${r.proposedByName}${r.proposedOrgCode ? ` (${r.proposedOrgCode})` : ''}` : '—',
          },
          { key: 'proposalReason', label: label('proposalReason'), children: paragraph(r.proposalReason) },
        ]
      : []),
    { key: 'reviewedBy', label: label('reviewedBy'), children: orDash(r.reviewedByName) },
    { key: 'reviewedAt', label: label('reviewedAt'), children: formatDateTime(r.reviewedAt) },
    ...(r.reviewOpinion ? [{ key: 'reviewOpinion', label: label('reviewOpinion'), children: paragraph(r.reviewOpinion) }] : []),
    ...(r.changeNote ? [{ key: 'changeNote', label: label('changeNote'), children: paragraph(r.changeNote) }] : []),
    { key: 'updatedAt', label: label('updatedAt'), children: formatDateTime(r.updatedAt) },
  ]

  return (
    <>
      <DescriptionGroup title={t('indicators.sections.basic')} items={basic} column={{ xs: 1, sm: 2 }} labelWidth={120} nowrapLabels />
      <DescriptionGroup title={t('indicators.sections.measure')} items={measure} column={1} labelWidth={120} nowrapLabels />
      <DescriptionGroup title={t('indicators.sections.record')} items={record} column={1} labelWidth={120} nowrapLabels />
    </>
  )
}
