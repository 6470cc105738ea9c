export * from './host-rotation'
export * from './ics'
export * from './schedule'
export * from './spotlights'
export * from './votes'
export * from './meeting-permissions'
export * from './meeting-life'
// Day arithmetic lives in core/periods; re-exported for the callers that still import it from here.
export { addDays } from '../periods/dates'
