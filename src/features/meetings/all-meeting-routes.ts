/** Every route of the meetings feature: the exports of its route files, one file per resource. */
import type { AnyRoute } from '../../server/route'
import * as agenda from './agenda.routes'
import * as meetings from './meeting.routes'
import * as minutes from './minutes.routes'
import * as notifications from './notification.routes'
import * as pack from './pack.routes'
import * as topics from './topic.routes'

export const allMeetingRoutes: AnyRoute[] = [meetings, agenda, minutes, pack, topics, notifications].flatMap(
  (file) => Object.values(file),
)
