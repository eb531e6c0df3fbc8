import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../api/client'
import type { Me } from '../../api/types'

export const meKey = ['auth', 'me'] as const
export const CHANGE_PASSWORD_PATH = '/account/password'

export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: ({ signal }) => api.get<{ user: Me }>('/api/auth/me', undefined, signal).then((r) => r.user),
    staleTime: 5 * 60_000,
  })
}

export function useLogin() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: { username: string; password: string }) =>
      api.post<{ user: Me }>('/api/auth/login', body).then((r) => r.user),
    onSuccess: (user) => {
      // A different user may have been signed in before: drop everything cached for them.
      queryClient.clear()
      queryClient.setQueryData(meKey, user)
    },
  })
}

export function useLogout() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => api.post<void>('/api/auth/logout'),
    onSettled: () => queryClient.clear(),
  })
}

export function useChangePassword() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      api.post<void>('/api/auth/password', body),
    // A first-login change lifts the restriction: read who we are again.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meKey }),
  })
}
