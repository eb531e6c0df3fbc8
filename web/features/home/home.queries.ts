import { useQuery } from '@tanstack/react-query'
import { api } from '../../api/client'
import type { HomeView } from './home.types'

/** The signed-in user's to-dos, figures and recent records; fresh on every visit (others act in between). */
export function useHome() {
  return useQuery({ queryKey: ['home'], queryFn: ({ signal }) => api.get<HomeView>('/api/home', undefined, signal), staleTime: 0 })
}
