import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type Query, api } from '../../api/client'
import type { Paged, RecordStatus, User } from '../../api/types'

export interface CreateUserBody {
  username: string
  displayName: string
  password: string
  orgCode: string
  roles: string[]
}

export interface UpdateUserBody {
  displayName?: string
  orgCode?: string
  roles?: string[]
  status?: RecordStatus
  version: number
}

const usersKey = ['users'] as const
const userPath = (id: string) => `/api/users/${encodeURIComponent(id)}`

export function useUsers(params: Query) {
  return useQuery({
    queryKey: [...usersKey, params],
    queryFn: ({ signal }) => api.get<Paged<User>>('/api/users', params, signal),
    placeholderData: keepPreviousData,
  })
}

/** Every user mutation refetches the list, also on failure (a 409 means our row is stale). */
function useUserMutation<B>(send: (body: B) => Promise<unknown>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: send,
    onSettled: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  })
}

export const useCreateUser = () => useUserMutation((body: CreateUserBody) => api.post<User>('/api/users', body))

export const useUpdateUser = () =>
  useUserMutation(({ id, ...body }: UpdateUserBody & { id: string }) => api.patch<User>(userPath(id), body))

export const useUnlockUser = () =>
  useUserMutation(({ id, version }: { id: string; version: number }) =>
    api.post<User>(`${userPath(id)}/unlock`, { version }),
  )

export const useResetPassword = () =>
  useUserMutation(({ id, ...body }: { id: string; password: string; version: number }) =>
    api.post<unknown>(`${userPath(id)}/reset-password`, body),
  )
