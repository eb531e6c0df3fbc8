/**
 * The two seeded indicator frameworks (REFERENCE §4.3, ADDENDUM B2). A node's `mapsFrom` lists the library
 * placements it shows ("一级/二级", "#costKind" narrowing a cost placement), so one library serves both trees.
 * Weights are not part of a tree: the 一级 split is the rule set's (`selfEvaluationWeights`, §13.4–5), one place.
 */
export interface FrameworkSeed {
  code: string
  name: string
  description: string
  fiscalYearFrom: number
  nodes: { name: string; mapsFrom: string[]; children: { name: string; mapsFrom: string[] }[] }[]
}

const level2 = (level1: string, names: string[]) => names.map((name) => ({ name, mapsFrom: [`${level1}/${name}`] }))

export const frameworkSeeds: FrameworkSeed[] = [
  {
    code: 'legacy-88',
    name: '绩效指标体系（财预〔2015〕88号 / 财预〔2020〕10号）',
    description: '产出、效益、满意度三个一级指标；成本指标为产出指标下的二级指标。自评一级权重由规则集规定。',
    fiscalYearFrom: 2016,
    nodes: [
      { name: '产出指标', mapsFrom: ['产出指标'], children: level2('产出指标', ['数量指标', '质量指标', '时效指标', '成本指标']) },
      { name: '效益指标', mapsFrom: ['效益指标'], children: level2('效益指标', ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标']) },
      { name: '满意度指标', mapsFrom: ['满意度指标'], children: level2('满意度指标', ['服务对象满意度指标']) },
    ],
  },
  {
    code: 'core-101',
    name: '核心绩效指标体系（财预〔2021〕101号）',
    description: '成本指标单列为一级指标，下设经济成本、社会成本、生态环境成本指标；产出指标含数量、质量、时效；保留可持续影响指标。',
    fiscalYearFrom: 2022,
    nodes: [
      {
        name: '成本指标',
        mapsFrom: ['产出指标/成本指标'],
        children: [
          { name: '经济成本指标', mapsFrom: ['产出指标/成本指标#economic'] },
          { name: '社会成本指标', mapsFrom: ['产出指标/成本指标#social'] },
          { name: '生态环境成本指标', mapsFrom: ['产出指标/成本指标#ecological'] },
        ],
      },
      { name: '产出指标', mapsFrom: ['产出指标/数量指标', '产出指标/质量指标', '产出指标/时效指标'], children: level2('产出指标', ['数量指标', '质量指标', '时效指标']) },
      { name: '效益指标', mapsFrom: ['效益指标'], children: level2('效益指标', ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标']) },
      { name: '满意度指标', mapsFrom: ['满意度指标'], children: level2('满意度指标', ['服务对象满意度指标']) },
    ],
  },
]
