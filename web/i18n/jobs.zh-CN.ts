export const jobsZhCN = {
  status: { queued: '排队中', running: '进行中', done: '已完成', failed: '失败' },
  count: '{{done}} / {{total}}',
  countOpen: '已处理 {{done}}',
  waiting: '等待后台任务开始…',
  failed: '后台任务失败',
  lost: '无法读取任务进度',
  pollingStopped: '进度暂时无法刷新，正在重试',
}
