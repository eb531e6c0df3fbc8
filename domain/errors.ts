/** Stable error codes with their user-facing messages. The HTTP mapping lives in server/http/errors.ts. */
export const errorCatalog = {
  VALIDATION_FAILED: { status: 400, zh: '输入数据不符合要求', en: 'The input is not valid' },
  AUTH_REQUIRED: { status: 401, zh: '请先登录', en: 'Please sign in first' },
  AUTH_FAILED: { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  SESSION_EXPIRED: { status: 401, zh: '会话已过期，请重新登录', en: 'Your session has expired; please sign in again' },
  ACCOUNT_DISABLED: { status: 403, zh: '账号已停用，请联系系统管理员', en: 'This account is disabled; contact the system administrator' },
  FORBIDDEN: { status: 403, zh: '没有执行此操作的权限', en: 'You are not allowed to do this' },
  CROSS_ORIGIN_REFUSED: { status: 403, zh: '拒绝来自其他网站的请求，请在本系统页面内操作', en: 'Requests from other sites are refused; act from within this application' },
  NOT_FOUND: { status: 404, zh: '数据不存在或不在您的权限范围内', en: 'Not found, or outside your data scope' },
  VERSION_CONFLICT: { status: 409, zh: '数据已被他人修改，请刷新后重试', en: 'Someone else changed this record; reload and try again' },
  DUPLICATE: { status: 409, zh: '编码或名称已存在', en: 'The code or name already exists' },
  IN_USE: { status: 409, zh: '数据正在被使用，不能执行此操作', en: 'The record is in use and cannot be changed this way' },
  ACCOUNT_LOCKED: { status: 423, zh: '登录失败次数过多，账号已锁定，请稍后再试或联系安全管理员解锁', en: 'Too many failed sign-ins: the account is locked; try later or ask the security administrator to unlock it' },
  PASSWORD_POLICY: { status: 422, zh: '密码不符合安全策略', en: 'The password does not meet the password policy' },
  INVALID_ORG: { status: 422, zh: '组织机构不符合要求', en: 'The organisation is not valid for this action' },
  INVALID_TRANSITION: { status: 409, zh: '当前状态不允许此操作', en: 'This move is not allowed from the current status' },
  NOT_EDITABLE: { status: 409, zh: '当前状态下不能修改或删除', en: 'The record cannot be changed or deleted in its current status' },
  RULE_VIOLATION: { status: 422, zh: '不符合业务规则', en: 'The input breaks a business rule' },
  GATE_BLOCKED: { status: 422, zh: '未满足进入下一阶段的前置条件', en: 'A precondition for the next stage is not met' },
  GOAL_QUALITY: { status: 422, zh: '绩效目标未通过智能审核，请按提示修改后再提交', en: 'The goal fails the quality check; fix the listed problems and submit again' },
  IMPORT_INVALID: { status: 422, zh: '导入文件有错误，未写入任何数据', en: 'The import file has errors; nothing was written' },
  FILE_TOO_LARGE: { status: 413, zh: '文件过大', en: 'The file is too large' },
  UNSUPPORTED_FILE: { status: 415, zh: '不支持的文件格式', en: 'Unsupported file format' },
  RATE_LIMITED: { status: 429, zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again shortly' },
  INTERNAL: { status: 500, zh: '系统内部错误，请联系管理员并提供请求编号', en: 'Internal error; contact the administrator with the request id' },
} as const satisfies Record<string, { status: number; zh: string; en: string }>

export type ErrorCode = keyof typeof errorCatalog
export type Language = 'zh' | 'en'
