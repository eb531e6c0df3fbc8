import { type DescriptionsProps, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { formatMoney } from '../../../domain/money'
import { DescriptionGroup } from '../../shared/DescriptionGroup'
import { formatDateTime } from '../../shared/format'
import { useProjectVocabulary } from './projectVocabulary'
import type { Project } from './projects.types'

type Items = NonNullable<DescriptionsProps['items']>

/** Every field of a project in three groups, labelled in the current language, money in 元 with separators. */
export function ProjectDescriptions({ project: p }: { project: Project }) {
  const { t } = useTranslation()
  const vocabulary = useProjectVocabulary()
  const label = (field: string) => t(`projects.fields.${field}`)
  const yuan = (amount: string, strong = false) => (
    <Typography.Text strong={strong} style={{ fontVariantNumeric: 'tabular-nums' }}>
      {formatMoney(amount)} {t('projects.unit.yuan')}
    </Typography.Text>
  )
  const orDash = (text: string | null) => (text ? text : '—')

  const basic: Items = [
    { key: 'code', label: label('code'), children: <Typography.Text copyable>{p.code}</Typography.Text> },
    { key: 'fiscalYear', label: label('fiscalYear'), children: p.fiscalYear },
    { key: 'unit', label: label('unit'), children: `${p.unitName} (${p.unitCode})` },
    { key: 'department', label: label('department'), children: `${p.departmentName} (${p.departmentCode})` },
    { key: 'budgetKind', label: label('budgetKind'), children: vocabulary.budgetKind(p.budgetKind) },
    { key: 'objectKind', label: label('objectKind'), children: vocabulary.objectKind(p.objectKind) },
    { key: 'projectType', label: label('projectType'), children: vocabulary.projectType(p.projectType) },
    { key: 'attribute', label: label('attribute'), children: vocabulary.attribute(p.attribute) },
    { key: 'isMajorNew', label: label('isMajorNew'), children: p.isMajorNew ? t('projects.yes') : t('projects.no') },
    { key: 'period', label: label('period'), children: `${p.periodStartYear}–${p.periodEndYear}` },
    { key: 'contactName', label: label('contactName'), children: orDash(p.contactName) },
    { key: 'contactPhone', label: label('contactPhone'), children: orDash(p.contactPhone) },
    {
      key: 'description',
      label: label('description'),
      span: 'filled',
      children: <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>{orDash(p.description)}</Typography.Paragraph>,
    },
  ]
  const funding: Items = [
    { key: 'amountGeneral', label: label('amountGeneral'), children: yuan(p.amountGeneral) },
    { key: 'amountFund', label: label('amountFund'), children: yuan(p.amountFund) },
    { key: 'amountStateCapital', label: label('amountStateCapital'), children: yuan(p.amountStateCapital) },
    { key: 'amountSocialInsurance', label: label('amountSocialInsurance'), children: yuan(p.amountSocialInsurance) },
    { key: 'amountFiscal', label: label('amountFiscal'), children: yuan(p.amountFiscal, true) },
    { key: 'amountOther', label: label('amountOther'), children: yuan(p.amountOther) },
    { key: 'amountTotal', label: label('amountTotal'), children: yuan(p.amountTotal, true) },
    { key: 'mediumTermAmount', label: label('mediumTermAmount'), children: yuan(p.mediumTermAmount) },
  ]
  const record: Items = [
    { key: 'createdAt', label: label('createdAt'), children: formatDateTime(p.createdAt) },
    { key: 'updatedAt', label: label('updatedAt'), children: formatDateTime(p.updatedAt) },
    { key: 'version', label: label('version'), children: p.version },
  ]

  return (
    <>
      <DescriptionGroup title={t('projects.sections.basic')} items={basic} column={{ xs: 1, md: 2, xl: 3 }} />
      <DescriptionGroup title={t('projects.sections.fundingYuan')} items={funding} column={{ xs: 1, md: 2 }} labelWidth={220} />
      <DescriptionGroup title={t('projects.sections.record')} items={record} column={{ xs: 1, md: 3 }} />
    </>
  )
}
