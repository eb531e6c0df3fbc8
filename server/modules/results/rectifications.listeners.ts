import { raisesRectification } from '../../../domain/results.ts'
import type { Trx } from '../../db/database.ts'
import { onKeyEvaluationReported, onSelfFormAccepted, onSpotCheckClosed } from '../evaluation/evaluation.listeners.ts'
import { onFormsSettled } from '../monitoring/forms.listeners.ts'
import { effectiveRules } from '../rule-sets/rule-sets.service.ts'
import { clip, itemOfRedForm, itemOfSelfForm, raiseRectification } from './rectifications.service.ts'

/**
 * Rule 43: results that raise a rectification item by themselves — a 自评表 accepted by finance or a key evaluation
 * reported with a grade the rule set calls poor (results.rectifyGrades), a monitoring form settled with a red
 * project light, a spot-check gap flagged. Each raises once (the unique source index), inside the source's move.
 */

const poorGrade = async (trx: Trx, row: { jurisdictionCode: string; fiscalYear: number; grade: string | null }) =>
  raisesRectification(row.grade as never, (await effectiveRules(trx, row.jurisdictionCode, row.fiscalYear)).rules)

onSelfFormAccepted(async (trx, { ids, userId, now }) => {
  const forms = await trx.selectFrom('selfEvalForm').select(['id', 'jurisdictionCode', 'departmentCode', 'unitCode', 'projectId', 'fiscalYear', 'grade', 'total', 'problems']).where('id', 'in', ids).execute()
  for (const form of forms) if (await poorGrade(trx, form)) await raiseRectification(trx, { userId, now }, itemOfSelfForm(form))
})

onKeyEvaluationReported(async (trx, { ids, userId, now }) => {
  const rows = await trx.selectFrom('keyEvaluation').select(['id', 'jurisdictionCode', 'departmentCode', 'unitCode', 'projectId', 'fiscalYear', 'grade', 'total', 'name', 'level']).where('id', 'in', ids).execute()
  for (const row of rows) {
    const departmentCode = row.departmentCode ?? (row.unitCode ? (await trx.selectFrom('orgNode').select('departmentCode').where('code', '=', row.unitCode).executeTakeFirst())?.departmentCode : null)
    if (!departmentCode || !(await poorGrade(trx, row))) continue
    await raiseRectification(trx, { userId, now }, {
      sourceType: 'key_evaluation',
      sourceId: row.id,
      jurisdictionCode: row.jurisdictionCode,
      fiscalYear: row.fiscalYear,
      projectId: row.projectId,
      ownerCode: row.unitCode ?? departmentCode,
      departmentCode,
      problem: clip(`${row.level === 'finance' ? '财政重点评价' : '部门评价'}“${row.name}”得分 ${row.total ?? '—'} 分，等级“${row.grade}”`),
      requiredMeasure: '按评价报告提出的问题和建议制定整改措施，按期完成整改并上传佐证材料',
    })
  }
})

onFormsSettled(async (trx, { formIds, roundId, userId, now }) => {
  let query = trx.selectFrom('monitoringForm').select(['id', 'jurisdictionCode', 'departmentCode', 'unitCode', 'projectId', 'fiscalYear', 'cutoffMonth', 'executionRate']).where('projectLight', '=', 'red')
  if (formIds) query = query.where('id', 'in', formIds)
  else if (roundId) query = query.where('roundId', '=', roundId)
  else return
  for (const form of await query.execute()) await raiseRectification(trx, { userId, now }, itemOfRedForm(form))
})

onSpotCheckClosed(async (trx, { ids, userId, now }) => {
  const items = await trx
    .selectFrom('spotCheckItem')
    .innerJoin('spotCheck', 'spotCheck.id', 'spotCheckItem.spotCheckId')
    .select(['spotCheckItem.id', 'spotCheckItem.jurisdictionCode', 'spotCheckItem.departmentCode', 'spotCheckItem.unitCode', 'spotCheckItem.projectId', 'spotCheck.fiscalYear', 'spotCheckItem.unitTotal', 'spotCheckItem.reviewerTotal', 'spotCheckItem.gap', 'spotCheckItem.title'])
    .where('spotCheckItem.spotCheckId', 'in', ids)
    .where('spotCheckItem.flagged', '=', true)
    .execute()
  for (const item of items) {
    if (!item.departmentCode) continue
    await raiseRectification(trx, { userId, now }, {
      sourceType: 'spot_check',
      sourceId: item.id,
      jurisdictionCode: item.jurisdictionCode,
      fiscalYear: item.fiscalYear,
      projectId: item.projectId,
      ownerCode: item.unitCode ?? item.departmentCode,
      departmentCode: item.departmentCode,
      problem: clip(`抽查复核“${item.title}”：单位自评 ${item.unitTotal ?? '—'} 分，复核 ${item.reviewerTotal ?? '—'} 分，差异 ${item.gap ?? '—'} 分，自评质量不高`),
      requiredMeasure: '说明自评与复核差异的原因，改进自评工作，按期完成整改并上传佐证材料',
    })
  }
})
