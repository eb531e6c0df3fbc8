import { ThunderboltOutlined } from '@ant-design/icons'
import { Button, Card, Empty } from 'antd'
import type { TableColumnsType } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { formatDateTime } from '../../shared/format'
import { ListToolbar } from '../../shared/ListToolbar'
import { PagedTable } from '../../shared/PagedTable'
import { useTableState } from '../../shared/useTableState'
import { useCurrentUser } from '../auth/CurrentUser'
import { DrawDialog } from './ExpertDialogs'
import { useDrawList } from './experts.queries'
import type { DrawListItem } from './experts.types'

/** 专家抽取与评分: the recorded draws in the user's scope — for an expert, the draws that picked it. */
export function DrawListPage() {
  const { t } = useTranslation()
  const user = useCurrentUser()
  const navigate = useNavigate()
  // A key evaluation's page links here with ?keyEvaluationId=<its id>: its draws, and the draw dialog set to it.
  const [search] = useSearchParams()
  const keyEvaluationId = search.get('keyEvaluationId') ?? undefined
  const table = useTableState<{ keyEvaluationId?: string }>({ keyEvaluationId })
  const list = useDrawList(table.params)
  const [drawing, setDrawing] = useState(!!keyEvaluationId && search.get('draw') === '1' && user.permissions.includes('expert.draw'))

  const columns: TableColumnsType<DrawListItem> = [
    { key: 'keyEvaluationName', title: t('experts.draws.evaluation'), dataIndex: 'keyEvaluationName', width: 260, render: (name: string, row) => <Link to={`/experts/draws/${row.id}`}>{name}</Link> },
    { key: 'drawn', title: t('experts.draws.drawn'), dataIndex: 'drawn', width: 240, render: (drawn: DrawListItem['drawn']) => drawn.map((d) => d.name).join('、') },
    { key: 'seed', title: t('experts.draws.seed'), dataIndex: 'seed', width: 110, render: (seed: string) => <code>{seed}</code> },
    { key: 'drawnByName', title: t('experts.draws.drawnBy'), dataIndex: 'drawnByName', width: 140 },
    { key: 'drawnAt', title: t('experts.draws.drawnAt'), dataIndex: 'drawnAt', width: 170, render: formatDateTime },
  ]

  return (
    <Card title={t('experts.nav.draws')} size="small">
      {user.permissions.includes('expert.draw') && (
        <ListToolbar
          filters={null}
          actions={
            <Button type="primary" icon={<ThunderboltOutlined />} onClick={() => setDrawing(true)}>
              {t('experts.actions.draw')}
            </Button>
          }
        />
      )}
      <PagedTable
        label={t('experts.draws.title')}
        rowKey="id"
        columns={columns}
        query={list}
        table={table}
        scrollX={columns.reduce((sum, c) => sum + Number(c.width ?? 0), 0)}
        emptyText={<Empty description={t('experts.draws.empty')} />}
      />
      {drawing && <DrawDialog keyEvaluationId={keyEvaluationId} onClose={() => setDrawing(false)} onDrawn={(d) => navigate(`/experts/draws/${d.id}`)} />}
    </Card>
  )
}
