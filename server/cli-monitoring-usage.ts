// Kept apart from cli-monitoring.ts so the usage text does not load the monitoring modules.
export const monitoringUsage = `  monitoring open --year Y --month M --deadline YYYY-MM-DD [--adhoc] [--name N] [--as USERNAME]
                                 发起监控批次并生成监控表（以该财政用户身份，默认第一个 finance_admin），显示进度
  monitoring sweep --round ID    重算一个监控批次的全部预警灯，显示进度`
