export interface PasswordPolicy {
  minLength: number
  minClasses: number
}

export type PasswordProblem = { kind: 'too_short'; minLength: number } | { kind: 'too_few_classes'; minClasses: number; found: number }

/** Character classes of 等保 password rules: lower case, upper case, digits, other symbols. */
export function characterClasses(password: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length
}

export function checkPassword(password: string, policy: PasswordPolicy): PasswordProblem[] {
  const problems: PasswordProblem[] = []
  if ([...password].length < policy.minLength) problems.push({ kind: 'too_short', minLength: policy.minLength })
  const found = characterClasses(password)
  if (found < policy.minClasses) problems.push({ kind: 'too_few_classes', minClasses: policy.minClasses, found })
  return problems
}

export function describePasswordProblem(problem: PasswordProblem, lang: 'zh' | 'en'): string {
  if (problem.kind === 'too_short') {
    return lang === 'zh' ? `密码长度至少 ${problem.minLength} 位` : `The password needs at least ${problem.minLength} characters`
  }
  return lang === 'zh'
    ? `密码须包含大写字母、小写字母、数字、特殊符号中的至少 ${problem.minClasses} 类（当前 ${problem.found} 类）`
    : `The password needs at least ${problem.minClasses} of: upper case, lower case, digits, symbols (it has ${problem.found})`
}
