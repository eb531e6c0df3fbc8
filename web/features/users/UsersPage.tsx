import { PlusOutlined, UnlockOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, Select, Space, type TableColumnsType, Tag, Tooltip, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { RecordStatus, User } from '../../api/types'
import { ExportButton } from '../../shared/ExportButton'
import { ListToolbar } from '../../shared/ListToolbar'
import { PagedTable } from '../../shared/PagedTable'
import { RoleTags, useRoleOptions } from '../../shared/RoleTags'
import { SearchInput } from '../../shared/SearchInput'
import { StatusSelect } from '../../shared/StatusSelect'
import { StatusTag } from '../../shared/StatusTag'
import { StatusToggle } from '../../shared/StatusToggle'
import { formatDateTime, isInFuture } from '../../shared/format'
import { errorMessage } from '../../shared/serverErrors'
import { useTableState } from '../../shared/useTableState'
import { useCan } from '../auth/CurrentUser'
import { OrgTreeSelect } from '../org/OrgTreeSelect'
import { ResetPasswordModal } from './ResetPasswordModal'
import { UserFormModal } from './UserFormModal'
import { useUnlockUser, useUpdateUser, useUsers } from './users.queries'

type UserFilters = { q?: string; orgCode?: string; role?: string; status?: RecordStatus }
type UserModal = { kind: 'create' } | { kind: 'edit'; user: User } | { kind: 'reset'; user: User }

export function UsersPage() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const canManage = useCan('user.manage')
  const canUnlock = useCan('user.unlock')
  const table = useTableState<UserFilters>({}, { sort: 'username', order: 'asc' })
  const users = useUsers(table.params)
  const update = useUpdateUser()
  const unlock = useUnlockUser()
  const roleOptions = useRoleOptions()
  const [modal, setModal] = useState<UserModal | null>(null)

  const report = (done: Promise<unknown>, success: string) =>
    done.then(
      () => message.success(success),
      (err) => message.error(errorMessage(err)),
    )

  const columns: TableColumnsType<User> = [
    { title: t('users.username'), dataIndex: 'username', sorter: true, sortOrder: table.sortOrderOf('username') },
    { title: t('users.displayName'), dataIndex: 'displayName', sorter: true, sortOrder: table.sortOrderOf('displayName') },
    {
      title: t('users.org'),
      dataIndex: 'orgCode',
      sorter: true,
      sortOrder: table.sortOrderOf('orgCode'),
      render: (code: string, row) => (
        <span>
          {row.orgName} <Typography.Text type="secondary">{code}</Typography.Text>
        </span>
      ),
    },
    { title: t('users.roles'), dataIndex: 'roles', render: (roles: string[]) => <RoleTags roles={roles} /> },
    {
      title: t('common.status'),
      dataIndex: 'status',
      render: (status: RecordStatus, row) => (
        <Space size={4} wrap>
          <StatusTag status={status} />
          {row.mustChangePassword && (
            <Tooltip title={t('accounts.users.mustChangePasswordHint')}>
              <Tag color="orange">{t('accounts.users.mustChangePassword')}</Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    {
      title: t('users.lockedUntil'),
      dataIndex: 'lockedUntil',
      render: (until: string | null) =>
        isInFuture(until) ? <Tag color="red">{formatDateTime(until)}</Tag> : '—',
    },
    {
      title: t('users.lastLoginAt'),
      dataIndex: 'lastLoginAt',
      sorter: true,
      sortOrder: table.sortOrderOf('lastLoginAt'),
      render: formatDateTime,
    },
  ]
  if (canManage || canUnlock) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, row) => (
        <Space size={0} wrap>
          {canManage && (
            <>
              <Button
                type="link"
                size="small"
                aria-label={`${t('common.edit')} ${row.username}`}
                onClick={() => setModal({ kind: 'edit', user: row })}
              >
                {t('common.edit')}
              </Button>
              <Button
                type="link"
                size="small"
                aria-label={`${t('users.resetPassword')} ${row.username}`}
                onClick={() => setModal({ kind: 'reset', user: row })}
              >
                {t('users.resetPassword')}
              </Button>
              <StatusToggle
                status={row.status}
                name={`${row.displayName} (${row.username})`}
                onToggle={(status) =>
                  report(update.mutateAsync({ id: row.id, status, version: row.version }), t('common.saved'))
                }
              />
            </>
          )}
          {canUnlock && isInFuture(row.lockedUntil) && (
            <Button
              type="link"
              size="small"
              icon={<UnlockOutlined aria-hidden />}
              aria-label={`${t('users.unlock')} ${row.username}`}
              loading={unlock.isPending && unlock.variables?.id === row.id}
              onClick={() => report(unlock.mutateAsync({ id: row.id, version: row.version }), t('users.unlocked'))}
            >
              {t('users.unlock')}
            </Button>
          )}
        </Space>
      ),
    })
  }

  return (
    <Card title={t('nav.users')} size="small">
      <ListToolbar
        filters={
          <>
            <SearchInput label={t('users.search')} value={table.filters.q} onSearch={(q) => table.setFilters({ q })} />
            <OrgTreeSelect
              kinds={['jurisdiction', 'department', 'unit']}
              label={t('users.org')}
              value={table.filters.orgCode}
              onChange={(orgCode) => table.setFilters({ orgCode })}
              allowClear
              width={220}
            />
            <Select
              aria-label={t('users.role')}
              placeholder={t('users.role')}
              allowClear
              style={{ width: 180 }}
              options={roleOptions}
              value={table.filters.role}
              onChange={(role?: string) => table.setFilters({ role })}
            />
            <StatusSelect value={table.filters.status} onChange={(status) => table.setFilters({ status })} />
            <Button onClick={table.resetFilters}>{t('common.reset')}</Button>
          </>
        }
        actions={
          <>
            {canManage && (
              <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setModal({ kind: 'create' })}>
                {t('users.create')}
              </Button>
            )}
            <ExportButton path="/api/users/export" params={table.params} />
          </>
        }
      />
      <Alert type="info" showIcon title={t('accounts.users.adminAccountsNote')} style={{ marginBottom: 12 }} />
      <PagedTable label={t('nav.users')} rowKey="id" columns={columns} query={users} table={table} />
      {modal?.kind === 'create' && <UserFormModal onClose={() => setModal(null)} />}
      {modal?.kind === 'edit' && <UserFormModal editing={modal.user} onClose={() => setModal(null)} />}
      {modal?.kind === 'reset' && <ResetPasswordModal user={modal.user} onClose={() => setModal(null)} />}
    </Card>
  )
}
