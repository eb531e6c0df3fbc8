/** Labels of accounts, sign-in and security settings added with 三员分立, first-login change and session lifetime. */
export const accountsZhCN = {
  firstLogin: {
    title: '请先修改密码',
    explain: '您的账号由管理员开设或重置了密码。按等级保护要求，请设置只有您知道的新密码后再使用系统。',
    done: '密码已修改，欢迎使用',
  },
  users: {
    mustChangePassword: '待改密',
    mustChangePasswordHint: '首次登录或重置后尚未修改密码',
    passwordHint: '须符合系统密码策略；用户首次登录时须改为自己的密码。请通过安全渠道告知用户',
    adminAccountsNote: '三员分立：系统管理员、安全管理员、安全审计员的账号彼此不能管理，请在服务器上用命令行 jixiao user … 管理。',
  },
  settings: {
    maxFailedLoginsHint: '同一账号从同一地址连续登录失败达到此次数后，该地址暂时不能登录此账号',
    lockoutMinutesHint: '地址被锁定（或账号暂停陌生地址登录）的时长；失败间隔超过此时长则重新计数',
    accountMaxFailedLogins: '账号累计失败上限',
    accountMaxFailedLoginsHint: '同一账号从所有地址累计失败达到此次数后，在锁定时长内只允许曾成功登录过的地址登录',
    sessionMaxHours: '会话最长时限',
    sessionMaxHoursHint: '登录后超过此时长须重新登录，无论是否有操作',
    hours: '小时',
  },
}
