// The engine's public surface: pure functions from IssueHistory to report values.
export type { FieldChange, IssueHistory, StatusInfo } from './issue-history';
export {
  buildTimeline,
  compareChangeIds,
  sortChanges,
  trimVisits,
  type AssigneeVisit,
  type IssueTimeline,
  type StatusVisit,
  type TimelineOptions,
  type TrimWindow,
  type Visit,
} from './timeline';
export {
  calendarDefinitionSchema,
  DAY_MS,
  formatIssuePath,
  MAX_HOLIDAYS,
  MAX_WINDOWS_PER_WEEKDAY,
  parseCalendarDefinition,
  parseLocalDate,
  validateCalendarDefinition,
  WEEKDAY_NAMES,
  type CalendarDefinition,
  type CalendarValidationResult,
  type Holiday,
  type IsoWeekday,
  type WorkingWindow,
} from './calendar/calendar-definition';
export {
  CALENDAR_MAX_INSTANT,
  CALENDAR_MIN_INSTANT,
  compileCalendar,
  nominalWorkingDayMs,
  normalHoursCalendar,
  type WorkingTimeCalendar,
} from './calendar/working-time';
export {
  assigneeDurations,
  assigneeDurationsByStatus,
  durationBetweenStatuses,
  expandedVisits,
  firstTransitionToStatus,
  groupDurations,
  lastTransitionFromStatus,
  MULTI_VISIT_BEHAVIORS,
  statusAssigneeSegments,
  statusCounts,
  statusDurations,
  statusDurationsByAssignee,
  type BetweenStart,
  type BetweenStatusesSpec,
  type EntryChoice,
  type ExpandedVisit,
  type MultiVisitBehavior,
  type StatusAssigneeSegment,
  type StatusGroup,
} from './durations';
export { aggregate, aggregateBy, type Aggregate } from './aggregate';
export {
  dayLengthMs,
  formatDuration,
  parseViewFormat,
  type DayLength,
  type FormatOptions,
  type ViewFormat,
} from './format';
