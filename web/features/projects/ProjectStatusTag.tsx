import { Tag } from 'antd'
import type { ProjectStatus } from '../../../domain/projects'
import { statusColors, useProjectVocabulary } from './projectVocabulary'

export function ProjectStatusTag({ status }: { status: ProjectStatus }) {
  const vocabulary = useProjectVocabulary()
  return <Tag color={statusColors[status]}>{vocabulary.status(status)}</Tag>
}
