// /rest/issue/expanded with outputType=json, in the shape public clients read (the vendor's
// "Single Issue Expanded"): rows[0].expanded holds `stats` (visitCounts, totalValues,
// averageValues, minValues, maxValues: lists of {statusId, value}, values in ms) and
// `rows`, one per status entry: uniqueDate (in the calendar's time zone, dateFormat),
// statusId (an integer when the id is numeric), and value, the working ms spent in the
// status before that entry (0 for the first, the creation). Built from the
// statusDurationExpanded table, one row per visit.
import type { ReportTable } from '../table';
import type { RenderInfo } from './render';
import { wireFields } from './wire-fields';

interface Visit {
  statusId: string;
  start: number;
  durationMs: number;
  /** Who moved the issue into the status; none for the creation. */
  transitionedBy?: string;
}

type StatValue = { statusId: number | string; value: number };

const wireStatusId = (id: string): number | string => (/^\d{1,15}$/.test(id) ? Number(id) : id);

/** `16/Dec/25 12:20 PM` in the time zone: WIRE_DATE_FORMAT. */
export function wireDate(ms: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    day: '2-digit',
    month: 'short',
    year: '2-digit',
    hour: 'numeric',
    minute: '2-digit',
    hour12: true,
  }).formatToParts(ms);
  const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')}/${part('month')}/${part('year')} ${part('hour')}:${part('minute')} ${part('dayPeriod').toUpperCase()}`;
}

function visitsOf(rows: ReportTable['rows']): Visit[] {
  return rows.flatMap((row) => {
    const status = row.cells.get('status');
    const start = row.cells.get('start');
    const duration = row.cells.get('duration');
    if (status?.kind !== 'label' || start?.kind !== 'instant' || duration?.kind !== 'duration') return [];
    const by = row.cells.get('transitionedBy');
    return [{ statusId: status.id, start: start.ms, durationMs: Math.round(duration.ms), ...(by?.kind === 'label' ? { transitionedBy: by.name } : {}) }];
  });
}

function stats(visits: Visit[]) {
  const byStatus = new Map<string, number[]>();
  for (const visit of visits) byStatus.set(visit.statusId, [...(byStatus.get(visit.statusId) ?? []), visit.durationMs]);
  const list = (value: (ms: number[]) => number): StatValue[] => [...byStatus].map(([id, ms]) => ({ statusId: wireStatusId(id), value: value(ms) }));
  return {
    visitCounts: list((ms) => ms.length),
    totalValues: list((ms) => ms.reduce((a, b) => a + b, 0)),
    averageValues: list((ms) => Math.round(ms.reduce((a, b) => a + b, 0) / ms.length)),
    minValues: list((ms) => Math.min(...ms)),
    maxValues: list((ms) => Math.max(...ms)),
  };
}

export function issueExpandedDocument(table: ReportTable, params: { viewFormat: string; pageSize?: number | undefined }, info: RenderInfo) {
  const wire = wireFields(params, info, table.includedStatuses);
  const first = table.rows[0];
  const visits = visitsOf(table.rows);
  return {
    ...wire,
    table: {
      header: {
        headerColumns: [
          { id: 'issuekey', value: 'Key' },
          { id: 'summary', value: 'Summary' },
        ],
        valueColumns: table.includedStatuses.map((s) => ({ id: s.id, value: s.name, isConsolidated: false })),
      },
      body: {
        rows: first
          ? [
              {
                headerColumns: [
                  { id: 'issuekey', value: first.issueKey },
                  { id: 'summary', value: first.summary },
                ],
                expanded: {
                  stats: stats(visits),
                  rows: visits.map((visit, i) => ({
                    uniqueDate: wireDate(visit.start, wire.timeZone),
                    statusId: wireStatusId(visit.statusId),
                    value: i === 0 ? 0 : (visits[i - 1]?.durationMs ?? 0),
                    ...(visit.transitionedBy === undefined ? {} : { transitionedBy: visit.transitionedBy }),
                  })),
                },
              },
            ]
          : [],
      },
    },
  };
}
