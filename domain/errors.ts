/** Stable error codes with their user-facing messages. The HTTP mapping lives in server/http/errors.ts. */
export const errorCatalog = {
  VALIDATION_FAILED: { status: 400, zh: '输入数据不符合要求', en: 'The input is not valid' },
  AUTH_REQUIRED: { status: 401, zh: '请先登录', en: 'Please sign in first' },
  // One answer for an unknown user, a wrong password and a locked-out address: it must not tell which it was.
  AUTH_FAILED: { status: 401, zh: '用户名或密码错误；连续失败多次后将暂停登录一段时间', en: 'Wrong username or password; after repeated failures sign-in is paused for a while' },
  SESSION_EXPIRED: { status: 401, zh: '会话已过期，请重新登录', en: 'Your session has expired; please sign in again' },
  ACCOUNT_DISABLED: { status: 403, zh: '账号已停用，请联系系统管理员', en: 'This account is disabled; contact the system administrator' },
  FORBIDDEN: { status: 403, zh: '没有执行此操作的权限', en: 'You are not allowed to do this' },
  ADMIN_ACCOUNT_RESERVED: { status: 403, zh: '三员分立：其他管理员角色的账号只能在服务器上用命令行管理', en: 'Separation of duties: accounts with another administrator role are managed only with the command line on the server' },
  PASSWORD_CHANGE_REQUIRED: { status: 403, zh: '请先修改密码：首次登录或密码被重置后须设置自己的密码', en: 'Change your password first: after the first sign-in or a reset you must set your own password' },
  SUPERVISION_ONLY: { status: 403, zh: '该事项由其所属行政区划的财政部门办理，上级财政部门只能查看', en: 'The finance bureau of the record’s own jurisdiction acts on it; the bureau above may only look' },
  CROSS_ORIGIN_REFUSED: { status: 403, zh: '拒绝来自其他网站的请求，请在本系统页面内操作', en: 'Requests from other sites are refused; act from within this application' },
  NOT_FOUND: { status: 404, zh: '数据不存在或不在您的权限范围内', en: 'Not found, or outside your data scope' },
  VERSION_CONFLICT: { status: 409, zh: '数据已被他人修改，请刷新后重试', en: 'Someone else changed this record; reload and try again' },
  DUPLICATE: { status: 409, zh: '编码或名称已存在', en: 'The code or name already exists' },
  ADJUSTMENT_UNDER_WAY: { status: 409, zh: '该目标已有一个调整申请在办理中', en: 'An adjustment of this goal is already under way' },
  IN_USE: { status: 409, zh: '数据正在被使用，不能执行此操作', en: 'The record is in use and cannot be changed this way' },
  PASSWORD_POLICY: { status: 422, zh: '密码不符合安全策略', en: 'The password does not meet the password policy' },
  INVALID_ORG: { status: 422, zh: '组织机构不符合要求', en: 'The organisation is not valid for this action' },
  INVALID_TRANSITION: { status: 409, zh: '当前状态不允许此操作', en: 'This move is not allowed from the current status' },
  NOT_EDITABLE: { status: 409, zh: '当前状态下不能修改或删除', en: 'The record cannot be changed or deleted in its current status' },
  RULE_VIOLATION: { status: 422, zh: '不符合业务规则', en: 'The input breaks a business rule' },
  GATE_BLOCKED: { status: 422, zh: '未满足进入下一阶段的前置条件', en: 'A precondition for the next stage is not met' },
  GOAL_QUALITY: { status: 422, zh: '绩效目标未通过智能审核，请按提示修改后再提交', en: 'The goal fails the quality check; fix the listed problems and submit again' },
  IMPORT_INVALID: { status: 422, zh: '导入文件有错误，未写入任何数据', en: 'The import file has errors; nothing was written' },
  FILE_TOO_LARGE: { status: 413, zh: '文件过大', en: 'The file is too large' },
  PDF_UNAVAILABLE: { status: 503, zh: '服务器未安装中文字体，暂不能生成 PDF，请下载 Word 版本（管理员可安装 fonts-noto-cjk 或设置 JIXIAO_PDF_FONT）', en: 'The server has no Chinese font, so it cannot make the PDF; download the Word version (an administrator can install fonts-noto-cjk or set JIXIAO_PDF_FONT)' },
  EXPORT_TOO_LARGE: { status: 422, zh: '符合条件的记录超过一次导出的上限，请按部门、单位或状态筛选后分批导出', en: 'More records match than one export may hold; narrow it by department, unit or status and export in parts' },
  IMPORT_LIMIT_EXCEEDED: { status: 422, zh: '文件内容超出导入限制，已停止读取', en: 'The file holds more than an import may read; reading was stopped' },
  UNSUPPORTED_FILE: { status: 415, zh: '不支持的文件格式', en: 'Unsupported file format' },
  // Refusals by Node's HTTP parser or Fastify before any handler of ours runs (server/http/errors.ts, client-errors.ts).
  MALFORMED_REQUEST: { status: 400, zh: '请求格式错误，服务器无法解析', en: 'The request is malformed and could not be parsed' },
  MALFORMED_URL: { status: 400, zh: '请求地址格式错误（含无效的百分号编码）', en: 'The request URL is malformed (invalid percent-encoding)' },
  REQUEST_TIMEOUT: { status: 408, zh: '请求发送超时，请重试', en: 'The request took too long to arrive; try again' },
  REQUEST_TOO_LARGE: { status: 413, zh: '请求内容超过大小上限', en: 'The request body exceeds the size limit' },
  URL_TOO_LONG: { status: 414, zh: '请求地址中的参数过长', en: 'A parameter in the request URL is too long' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, zh: '不支持的请求内容类型（Content-Type），请以 JSON 或表单上传方式提交', en: 'Unsupported content type of the request body; send JSON or a form upload' },
  HEADERS_TOO_LARGE: { status: 431, zh: '请求头过大（通常是 Cookie 过多或过长），请清除本站 Cookie 后重试', en: 'The request headers are too large (usually too many or too long cookies); clear this site’s cookies and try again' },
  // Readiness for a load balancer (GET /api/health/ready): details.checks names what is not ready.
  NOT_READY: { status: 503, zh: '服务尚未就绪', en: 'The service is not ready' },
  SHUTTING_DOWN: { status: 503, zh: '服务正在停止，请稍后重试', en: 'The server is shutting down; try again shortly' },
  RATE_LIMITED: { status: 429, zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again shortly' },
  INTERNAL: { status: 500, zh: '系统内部错误，请联系管理员并提供请求编号', en: 'Internal error; contact the administrator with the request id' },
  // execution (预算执行数据): a pushed batch of payments with problems in single items; nothing of it is written.
  PAYMENTS_INVALID: { status: 422, zh: '支付数据有错误，本批均未写入', en: 'The payments have errors; nothing of the batch was written' },
  // monitoring rounds (issue 11, rounds)
  SELF_EVAL_DEADLINE_PASSED: { status: 409, zh: '本批次单位自评填报已截止，如需继续填报请向财政部门申请延期', en: 'The self-evaluation deadline of this round has passed; ask the finance bureau for an extension' },
  MONITORING_DEADLINE_PASSED: { status: 409, zh: '本批次监控填报已截止，如需继续填报请向财政部门申请延期', en: 'The reporting deadline of this monitoring round has passed; ask the finance bureau for an extension' },
  MONITORING_ROUND_CLOSED: { status: 409, zh: '该监控批次已结束，不能再填报或修改', en: 'This monitoring round is closed; nothing can be filled or changed' },
  MONITORING_ROUND_OPENING: { status: 409, zh: '该监控批次正在生成监控表，请稍后再试', en: 'The forms of this monitoring round are still being created; try again shortly' },
  // third-party agencies (issue 12, rule 44): the message names each reason; details.reasons lists their codes.
  AGENCY_CONFLICT: { status: 422, zh: '该机构不符合独立性要求，不能承接本次评价', en: 'The agency is not independent of this evaluation and may not take it' },
} as const satisfies Record<string, { status: number; zh: string; en: string }>

export type ErrorCode = keyof typeof errorCatalog
export type Language = 'zh' | 'en'
