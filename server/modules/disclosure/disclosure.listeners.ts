import { registerGoalPublisher } from '../goals/goals.publication.ts'
import { publishGoalFromMove } from './disclosure.service.ts'

/** A goal's 公开 move publishes its frozen public copy through 信息公开 (rule 46). */
registerGoalPublisher(publishGoalFromMove)
