// The engine's public surface: pure functions from IssueHistory to report values. Code
// outside src/engine imports from here only (a dependency rule checks it).
export type { ChangeAuthor, FieldChange, IssueHistory, OtherFieldChange, StatusInfo } from './issue-history';
export { buildTimeline, compareChangeIds, type IssueTimeline, type TrimWindow } from './timeline';
export { calendarDefinitionSchema, parseCalendarDefinition, validateCalendarDefinition, type CalendarDefinition } from './calendar/calendar-definition';
export { compileCalendar, normalHoursCalendar, type WorkingTimeCalendar } from './calendar/working-time';
export {
  assigneeDurations,
  assigneeDurationsByStatus,
  durationBetweenStatuses,
  expandedVisits,
  firstTransitionToStatus,
  groupDurations,
  lastTransitionFromStatus,
  MULTI_VISIT_BEHAVIORS,
  statusCounts,
  statusDurations,
  statusDurationsByAssignee,
  type MultiVisitBehavior,
  type StatusGroup,
} from './durations';
export { aggregate, type Aggregate } from './aggregate';
export { splitByPeriod, TIME_PERIODS, type TimePeriod } from './time-periods';
export { dayLengthMs, formatDuration, parseViewFormat, type DayLength, type ViewFormat } from './format';
