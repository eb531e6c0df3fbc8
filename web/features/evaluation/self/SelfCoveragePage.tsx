import { Alert, Card, Col, Empty, Progress, Row, Select, Space, Statistic, Table, Typography } from 'antd'
import type { TableColumnsType } from 'antd'
import dayjs from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { errorMessage } from '../../../shared/serverErrors'
import { fiscalYearOptions } from '../../../shared/listFilters'
import { useSelfCoverage } from './self.queries'
import type { SelfCoverageDepartment, SelfCoverageMissing } from './self.types'
import { GradeTag, SelfStatusTag } from './selfVocabulary'
import { grades } from '../../../../domain/rule-set'

/** 自评覆盖率 (rule 38): per department the projects expected, the 自评表 submitted, and the missing ones listed. */
export function SelfCoveragePage() {
  const { t } = useTranslation()
  const [search] = useSearchParams()
  const [fiscalYear, setFiscalYear] = useState(Number(search.get('fiscalYear')) || dayjs().year() - 1)
  const query = useSelfCoverage(fiscalYear)
  const data = query.data

  const columns: TableColumnsType<SelfCoverageDepartment> = [
    { key: 'department', title: t('evaluationSelf.fields.department'), dataIndex: 'departmentName', width: 220 },
    { key: 'expected', title: t('evaluationSelf.coverage.expected'), dataIndex: 'expected', width: 100, align: 'right' },
    { key: 'submitted', title: t('evaluationSelf.coverage.submitted'), dataIndex: 'submitted', width: 100, align: 'right' },
    { key: 'missing', title: t('evaluationSelf.coverage.missing'), width: 100, align: 'right', render: (_, row) => (row.missing.length ? <Typography.Text type="danger">{row.missing.length}</Typography.Text> : 0) },
    {
      key: 'grades',
      title: t('evaluationSelf.coverage.grades'),
      width: 220,
      render: (_, row) => (
        <Space size={4} wrap>
          {grades.filter((g) => row.grades?.[g]).map((g) => (
            <span key={g}>
              <GradeTag grade={g} />
              {row.grades[g]}
            </span>
          ))}
        </Space>
      ),
    },
    { key: 'rate', title: t('evaluationSelf.coverage.rate'), dataIndex: 'rate', width: 220, render: (rate: string) => <Progress percent={Number(rate)} size="small" format={() => `${rate}%`} status={Number(rate) >= 100 ? 'success' : 'normal'} /> },
  ]
  const missingColumns: TableColumnsType<SelfCoverageMissing> = [
    { key: 'project', title: t('evaluationSelf.fields.project'), width: 280, render: (_, m) => (m.formId ? <Link to={`/evaluation/self/${m.formId}`}>{m.projectName}</Link> : m.projectName) },
    { key: 'code', title: t('evaluationSelf.coverage.projectCode'), dataIndex: 'projectCode', width: 200 },
    { key: 'unit', title: t('evaluationSelf.fields.unit'), dataIndex: 'unitName', width: 180 },
    { key: 'status', title: t('evaluationSelf.fields.status'), dataIndex: 'status', width: 140, render: (s: SelfCoverageMissing['status']) => (s ? <SelfStatusTag status={s} /> : <Typography.Text type="danger">{t('evaluationSelf.coverage.noForm')}</Typography.Text>) },
  ]

  return (
    <Card
      size="small"
      title={t('evaluationSelf.nav.coverage')}
      extra={<Select aria-label={t('evaluationSelf.fields.fiscalYear')} options={fiscalYearOptions()} value={fiscalYear} onChange={setFiscalYear} style={{ width: 120 }} />}
    >
      {query.isError && <Alert type="error" showIcon title={errorMessage(query.error)} style={{ marginBottom: 12 }} />}
      {data && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Row gutter={16}>
            <Col xs={12} md={6}>
              <Statistic title={t('evaluationSelf.coverage.expected')} value={data.expected} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('evaluationSelf.coverage.submitted')} value={data.submitted} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('evaluationSelf.coverage.missing')} value={data.expected - data.submitted} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('evaluationSelf.coverage.rate')} value={data.rate} suffix="%" />
            </Col>
          </Row>
          {data.grades && (
            <Space wrap>
              <Typography.Text>{t('evaluationSelf.coverage.grades')}</Typography.Text>
              {grades.map((g) => (
                <span key={g}>
                  <GradeTag grade={g} />
                  {data.grades[g] ?? 0}
                </span>
              ))}
            </Space>
          )}
          <Typography.Text type="secondary">{t('evaluationSelf.coverage.hint')}</Typography.Text>
          <Table<SelfCoverageDepartment>
            rowKey="departmentCode"
            size="middle"
            aria-label={t('evaluationSelf.coverage.tableLabel')}
            columns={columns}
            dataSource={data.departments}
            loading={query.isFetching}
            pagination={false}
            tableLayout="fixed"
            scroll={{ x: 960 }}
            expandable={{
              rowExpandable: (row) => row.missing.length > 0,
              expandedRowRender: (row) => (
                <Table<SelfCoverageMissing>
                  rowKey={(m) => m.projectId}
                  size="small"
                  aria-label={t('evaluationSelf.coverage.missingLabel', { department: row.departmentName })}
                  columns={missingColumns}
                  dataSource={row.missing}
                  pagination={row.missing.length > 10 ? { pageSize: 10 } : false}
                />
              ),
            }}
            locale={{ emptyText: <Empty description={t('evaluationSelf.coverage.empty')} /> }}
          />
        </Space>
      )}
    </Card>
  )
}
