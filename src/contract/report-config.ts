// Admin-managed report configuration: working calendars and status groups. Calendar
// bodies are validated on the server by the engine's own calendar schema, which reports
// every problem with its path (e.g. `calendar.windows[2].end`).
import { z } from 'zod';
import type { CalendarDefinition } from '../engine';

const documentId = z.string().uuid({ message: 'must be an id (a UUID)' });
export const documentIdPayload = z.strictObject({ id: documentId });

export const createCalendarPayload = z.strictObject({ calendar: z.unknown() });
export const updateCalendarPayload = z.strictObject({ id: documentId, calendar: z.unknown() });

export const STATUS_GROUP_NAME_MAX = 200;
export const statusGroupBody = z.strictObject({
  name: z.string().trim().min(1, { message: 'must not be empty' }).max(STATUS_GROUP_NAME_MAX),
  statusIds: z
    .array(z.string().regex(/^\d+$/, { message: 'must be a Jira status id' }))
    .min(1, { message: 'must name at least one status' })
    .max(200),
});
export const createStatusGroupPayload = z.strictObject({ group: statusGroupBody });
export const updateStatusGroupPayload = z.strictObject({ id: documentId, group: statusGroupBody });

export type DocumentIdPayload = z.infer<typeof documentIdPayload>;
export type StatusGroupBody = z.infer<typeof statusGroupBody>;

export interface CalendarView extends CalendarDefinition {
  id: string;
  updatedAt: string;
}

export interface StatusGroupView extends StatusGroupBody {
  id: string;
  updatedAt: string;
}

export interface StatusView {
  id: string;
  name: string;
  categoryKey: string;
}
