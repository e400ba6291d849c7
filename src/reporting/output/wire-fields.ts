// The top-level fields the TISJWT wire format sends beside the table (outputType=json):
// dateFormat, timeZone, viewFormat, calendar, pageSize, excludedStatuses, and each
// included status with its statusCategory and scopeProjectKey. Clients may read them;
// none says anything about the app's internals.
import type { StatusInfo } from '../../engine';
import type { CalendarSummary } from '../report-context';

/** How dates are written (uniqueDate of /rest/issue/expanded): Java's pattern, as the vendor names it. */
export const WIRE_DATE_FORMAT = 'dd/MMM/yy h:mm a';

const CATEGORY_NAMES: Record<string, string> = { new: 'To Do', indeterminate: 'In Progress', done: 'Done' };

export interface WireStatus {
  id: string;
  name: string;
  statusCategory: { key: string; name: string };
  /** The key of the team-managed project a status belongs to; null for company-wide statuses. */
  scopeProjectKey: string | null;
}

export interface WireFields {
  dateFormat: string;
  timeZone: string;
  viewFormat: string;
  calendar: CalendarSummary;
  pageSize: number | null;
  includedStatuses: WireStatus[];
  excludedStatuses: WireStatus[];
}

/** What the fields are computed from: the report context, when the renderer has it. */
export interface WireSource {
  allStatuses?: StatusInfo[];
  statusFilter?: Set<string> | undefined;
  calendarSummary?: CalendarSummary;
}

const NORMAL_HOURS: CalendarSummary = { id: null, name: 'normalHours', timeZone: 'UTC', dailyWorkingHours: 24, is7x24Calendar: true };

function wireStatus(status: { id: string; name: string }, byId: Map<string, StatusInfo>): WireStatus {
  const known = byId.get(status.id);
  const key = known?.categoryKey ?? 'undefined';
  return {
    id: status.id,
    name: status.name,
    statusCategory: { key, name: CATEGORY_NAMES[key] ?? 'No Category' },
    scopeProjectKey: known?.scopeProjectKey ?? null,
  };
}

export function wireFields(
  params: { viewFormat: string; pageSize?: number | undefined },
  source: WireSource,
  included: ReadonlyArray<{ id: string; name: string }>,
): WireFields {
  const all = source.allStatuses ?? [];
  const byId = new Map(all.map((s) => [s.id, s]));
  const calendar = source.calendarSummary ?? NORMAL_HOURS;
  const filter = source.statusFilter;
  return {
    dateFormat: WIRE_DATE_FORMAT,
    timeZone: calendar.timeZone,
    viewFormat: params.viewFormat,
    calendar,
    pageSize: params.pageSize ?? null,
    includedStatuses: included.map((s) => wireStatus(s, byId)),
    excludedStatuses: filter ? all.filter((s) => !filter.has(s.id)).map((s) => wireStatus(s, byId)) : [],
  };
}
