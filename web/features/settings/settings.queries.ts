import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../api/client'
import type { SecuritySettings } from '../../api/types'

const securityKey = ['settings', 'security'] as const

export function useSecuritySettings() {
  return useQuery({
    queryKey: securityKey,
    queryFn: ({ signal }) => api.get<SecuritySettings>('/api/settings/security', undefined, signal),
  })
}

export function useSaveSecuritySettings() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: SecuritySettings) => api.put<SecuritySettings | undefined>('/api/settings/security', body),
    onSuccess: (saved) => {
      if (saved && typeof saved.version === 'number') queryClient.setQueryData(securityKey, saved)
      else void queryClient.invalidateQueries({ queryKey: securityKey })
    },
  })
}
