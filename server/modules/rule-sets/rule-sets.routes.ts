import type { App, Deps } from '../../app.ts'
import { authorize } from '../../http/context.ts'
import { RuleSetAsOfQuery, RuleSetParams, SaveRuleSetBody } from './rule-sets.schemas.ts'
import { getRuleSet, listRuleSetRevisions, saveRuleSet } from './rule-sets.service.ts'

export async function ruleSetRoutes(app: App, { db }: Deps) {
  const tags = ['rule-sets']
  const route = '/api/rule-sets/:jurisdictionCode/:fiscalYear'

  app.get(route, { schema: { tags, summary: '规则集（生效值、继承来源、本级覆盖）', params: RuleSetParams, querystring: RuleSetAsOfQuery } }, async (req) => {
    const ctx = authorize(req, 'ruleset.read')
    return getRuleSet(db, ctx, req.params.jurisdictionCode, req.params.fiscalYear, req.query.asOf)
  })

  app.get(`${route}/revisions`, { schema: { tags, summary: '规则集修订记录', params: RuleSetParams } }, async (req) => ({
    items: await listRuleSetRevisions(db, authorize(req, 'ruleset.read'), req.params.jurisdictionCode, req.params.fiscalYear),
  }))

  app.put(route, { schema: { tags, summary: '保存本级规则（新修订版本）', params: RuleSetParams, body: SaveRuleSetBody } }, async (req) => {
    const ctx = authorize(req, 'ruleset.manage')
    await saveRuleSet(db, ctx, req.params.jurisdictionCode, req.params.fiscalYear, req.body)
    return getRuleSet(db, ctx, req.params.jurisdictionCode, req.params.fiscalYear)
  })
}
