import type { accountsZhCN } from './accounts.zh-CN'

type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> }

export const accountsEn: Messages<typeof accountsZhCN> = {
  firstLogin: {
    title: 'Change your password first',
    explain: 'An administrator opened this account or reset its password. Set a new password only you know before using the system.',
    done: 'Password changed — welcome',
  },
  users: {
    mustChangePassword: 'Must change password',
    mustChangePasswordHint: 'Has not changed the password since it was opened or reset',
    passwordHint: 'Must meet the password policy; the user replaces it at first sign-in. Tell them through a safe channel',
    adminAccountsNote: 'Separation of duties: the system, security and audit administrators cannot manage each other’s accounts; manage them on the server with jixiao user ….',
  },
  settings: {
    maxFailedLoginsHint: 'After this many failures in a row for one account from one address, that address cannot sign in to it for a while',
    lockoutMinutesHint: 'How long an address stays locked out (or an account refuses new addresses); failures further apart start the count again',
    accountMaxFailedLogins: 'Account-wide failure limit',
    accountMaxFailedLoginsHint: 'After this many failures for one account from all addresses, only addresses that signed in to it before may try during the lockout',
    sessionMaxHours: 'Longest session',
    sessionMaxHoursHint: 'Sign in again this long after signing in, however busy the session',
    hours: 'hours',
  },
}
