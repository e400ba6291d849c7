// The report kinds, one module each: adding a `columnsBy` is a new module in this folder,
// one line in this list, and its section in docs/rest-api.md.
import { anyFieldDurationExpanded } from './any-field-duration-expanded';
import { assigneeDuration } from './assignee-duration';
import { assigneeDurationByStatus } from './assignee-duration-by-status';
import { durationBetweenStatuses } from './duration-between-statuses';
import { groupDuration } from './group-duration';
import { AppError } from '../../kernel/errors';
import type { ReportKind } from './kind';
import { statusCount } from './status-count';
import { statusDuration } from './status-duration';
import { statusDurationByAssignee } from './status-duration-by-assignee';
import { statusDurationExpanded } from './status-duration-expanded';
import { statusDurationByTimePeriod, timePeriodDurationByStatus } from './time-period-durations';
import { transitionCount } from './transition-count';
import { firstTransitionToStatusDate, lastTransitionFromStatusDate } from './transition-dates';

export const REPORT_KINDS = [
  statusDuration,
  statusCount,
  assigneeDuration,
  statusDurationByAssignee,
  assigneeDurationByStatus,
  groupDuration,
  firstTransitionToStatusDate,
  lastTransitionFromStatusDate,
  durationBetweenStatuses,
  statusDurationExpanded,
  transitionCount,
  statusDurationByTimePeriod,
  timePeriodDurationByStatus,
  anyFieldDurationExpanded,
] as const satisfies readonly ReportKind[];

export type ColumnsBy = (typeof REPORT_KINDS)[number]['id'];
export const COLUMNS_BY: readonly ColumnsBy[] = REPORT_KINDS.map((kind) => kind.id);

/** The kind of a `columnsBy` value (the parser only lets listed ids through). */
export function reportKind(columnsBy: ColumnsBy): ReportKind {
  const kind: ReportKind | undefined = REPORT_KINDS.find((candidate) => candidate.id === columnsBy);
  if (!kind) throw new AppError('INTERNAL', `no report kind ${columnsBy}`);
  return kind;
}
