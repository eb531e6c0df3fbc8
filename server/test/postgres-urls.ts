/** The same server as TEST_DATABASE_URL, another database on it. */
export function adminUrl(url: string, database = 'postgres') {
  const parsed = new URL(url)
  parsed.pathname = `/${database}`
  return parsed.toString()
}

export function templateDatabaseName() {
  return `jixiao_tpl_${process.pid}`
}
