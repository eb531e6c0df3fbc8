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
