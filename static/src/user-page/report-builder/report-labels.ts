// Plain names for the API's choices. The choices themselves come from the server
// (builder/options); a choice without a name here is shown by its API value.
const REPORT_TYPE_NAMES: Record<string, string> = {
  statusDuration: 'Time in each status',
  statusCount: 'Times each status was entered',
  assigneeDuration: 'Time with each assignee',
  statusDurationByAssignee: 'Time in each status, per assignee',
  assigneeDurationByStatus: 'Time with each assignee, per status',
  groupDuration: 'Time in status groups',
  firstTransitionToStatusDate: 'Date each status was first entered',
  lastTransitionFromStatusDate: 'Date each status was last left',
  durationBetweenStatuses: 'Time between statuses',
  statusDurationExpanded: 'Time in status, one row per visit',
};

const OUTPUT_TYPE_NAMES: Record<string, string> = {
  json: 'JSON table',
  jsonSimplified: 'Simplified JSON (one record per row)',
  csv: 'CSV (spreadsheets, Power BI)',
};

export const VIEW_FORMATS: Array<{ value: string; label: string }> = [
  { value: 'days', label: 'Days (2.5)' },
  { value: 'hours', label: 'Hours' },
  { value: 'minutes', label: 'Minutes' },
  { value: 'seconds', label: 'Seconds' },
  { value: 'ms', label: 'Milliseconds' },
  { value: '1d 6h 32m', label: 'Readable (1d 6h 32m)' },
];

export const reportTypeLabel = (id: string): string => (REPORT_TYPE_NAMES[id] ? `${REPORT_TYPE_NAMES[id]} (${id})` : id);
export const outputTypeLabel = (id: string): string => (OUTPUT_TYPE_NAMES[id] ? `${OUTPUT_TYPE_NAMES[id]} (${id})` : id);
