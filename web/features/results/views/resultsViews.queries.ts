import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { type Query, api } from '../../../api/client'
import type { Paged } from '../../../api/types'
import type { DepartmentResults, ProjectResults, ResultDepartment, ResultsDashboard } from './resultsViews.types'

const key = ['results-views'] as const

export const useProjectResults = (projectId: string) =>
  useQuery({ queryKey: [...key, 'project', projectId], queryFn: ({ signal }) => api.get<ProjectResults>(`/api/results/projects/${encodeURIComponent(projectId)}`, undefined, signal) })

export const useResultDepartments = (params: Query) =>
  useQuery({ queryKey: [...key, 'departments', params], queryFn: ({ signal }) => api.get<Paged<ResultDepartment>>('/api/results/departments', params, signal), placeholderData: keepPreviousData })

export const useDepartmentResults = (code: string) =>
  useQuery({ queryKey: [...key, 'department', code], queryFn: ({ signal }) => api.get<DepartmentResults>(`/api/results/departments/${encodeURIComponent(code)}`, undefined, signal) })

export const useResultsDashboard = (fiscalYear: number | undefined) =>
  useQuery({ queryKey: [...key, 'dashboard', fiscalYear], queryFn: ({ signal }) => api.get<ResultsDashboard>('/api/results/dashboard', fiscalYear === undefined ? {} : { fiscalYear }, signal), placeholderData: keepPreviousData })
