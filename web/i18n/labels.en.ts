import type { labelsZhCN } from './labels.zh-CN'

type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> }

export const labelsEn: Messages<typeof labelsZhCN> = {
  relevanceHint: 'Compared with the best match (100%)',
  conflict: {
    title: 'Someone else changed this record',
    kept: 'Your action was not carried out and what you typed is kept; reload the latest version, check it, then confirm again.',
    nowStatus: 'it is now {{status}}',
    reload: 'Reload',
    reloaded: 'The latest version is loaded and what you typed is still here. Check it and confirm again.',
    noLongerApplies: 'The latest version is loaded: this action no longer applies ({{reason}}).',
  },
  levels: {
    产出指标: 'Output',
    效益指标: 'Benefit',
    满意度指标: 'Satisfaction',
    成本指标: 'Cost',
    数量指标: 'Quantity',
    质量指标: 'Quality',
    时效指标: 'Timeliness',
    经济效益指标: 'Economic benefit',
    社会效益指标: 'Social benefit',
    生态效益指标: 'Ecological benefit',
    可持续影响指标: 'Sustained impact',
    服务对象满意度指标: 'Beneficiary satisfaction',
    经济成本指标: 'Economic cost',
    社会成本指标: 'Social cost',
    生态环境成本指标: 'Environmental cost',
    效果指标: 'Effect',
    影响指标: 'Impact',
  },
  grades: {
    优: 'Excellent',
    良: 'Good',
    中: 'Fair',
    差: 'Poor',
  },
  /** A rule-set layer: its jurisdiction (data), year and revision. */
  ruleLayer: '{{name}} {{year}}, revision {{revision}}',
  record: 'Record',
  thisRecord: 'this record',
  showTrail: 'Show only this record’s audit trail',
  entityTypes: {
    project: 'Project',
    goal: 'Performance goal',
    exante: 'Ex-ante assessment',
    indicator: 'Indicator',
    indicator_framework: 'Indicator framework',
    rule_set: 'Rule set',
    org_node: 'Organisation',
    user: 'User',
    setting: 'Security settings',
    system: 'System',
    other: 'Other',
  },
}
