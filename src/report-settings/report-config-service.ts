// Admin use cases for report configuration: working calendars and status groups. Writes
// need Jira's ADMINISTER permission; each write is one SQL statement.
import { randomUUID } from 'node:crypto';
import type { Clock } from '../kernel/ports';
import { AppError } from '../kernel/errors';
import { conflictOnDuplicateName, requireJiraAdmin } from '../access/guards';
import type { CalendarView, StatusGroupBody, StatusGroupView, StatusView } from '../contract/report-config';
import { statusGroupBody } from '../contract/report-config';
import { calendarDefinitionSchema, validateCalendarDefinition, type CalendarDefinition } from '../engine/calendar/calendar-definition';
import type { UserDirectory } from '../jira/user-directory';
import { createDocumentRepository, type DocumentRepository, type StoredDocument } from '../storage/document-repository';
import type { Db } from '../storage/schema';
import type { Caller } from '../tokens/token-service';

export interface ReportConfigDeps {
  db: Db;
  users: UserDirectory;
  clock: Clock;
  /** Jira's statuses, to check status group members and fill pickers. */
  statuses(): Promise<StatusView[]>;
}

const iso = (instant: number): string => new Date(instant).toISOString();

function validCalendar(input: unknown): CalendarDefinition {
  const result = validateCalendarDefinition(input);
  if (result.ok) return result.value;
  const issues = result.issues.map((issue) => ({ field: issue.path ? `calendar.${issue.path}` : 'calendar', message: issue.message }));
  const first = issues[0];
  throw new AppError('BAD_REQUEST', issues.map((issue) => `${issue.field}: ${issue.message}`).join('; '), {
    field: first?.field,
    issues,
  });
}


export function createReportConfigService(deps: ReportConfigDeps) {
  const calendars: DocumentRepository<CalendarDefinition> = createDocumentRepository(deps.db, 'calendar', calendarDefinitionSchema);
  const groups: DocumentRepository<StatusGroupBody> = createDocumentRepository(deps.db, 'status-group', statusGroupBody);

  const requireAdmin = (caller: Caller): Promise<void> =>
    requireJiraAdmin(deps.users, caller.accountId, 'Only Jira administrators can change report settings.');
  const calendarView = (doc: StoredDocument<CalendarDefinition>): CalendarView => ({ ...doc.body, id: doc.id, updatedAt: iso(doc.updatedAt) });
  const groupView = (doc: StoredDocument<StatusGroupBody>): StatusGroupView => ({ ...doc.body, id: doc.id, updatedAt: iso(doc.updatedAt) });
  const notFound = (what: string): AppError => new AppError('NOT_FOUND', `No such ${what}.`, { field: 'id' });

  async function checkStatuses(group: StatusGroupBody): Promise<void> {
    const known = new Set((await deps.statuses()).map((status) => status.id));
    const unknown = group.statusIds.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw new AppError('BAD_REQUEST', `group.statusIds: Jira has no status ${unknown.join(', ')}`, { field: 'group.statusIds' });
    }
  }

  return {
    /** Every calendar, for reports and the REST /rest/calendar listing (any signed-in user). */
    async listCalendars(): Promise<CalendarView[]> {
      return (await calendars.list()).map(calendarView);
    },
    async getCalendar(id: string): Promise<CalendarView | undefined> {
      const doc = await calendars.get(id);
      return doc && calendarView(doc);
    },
    async createCalendar(caller: Caller, input: unknown): Promise<CalendarView> {
      await requireAdmin(caller);
      const calendar = validCalendar(input);
      const id = randomUUID();
      await calendars.insert({ id, name: calendar.name, body: calendar }, deps.clock.now(), caller.accountId).catch(conflictOnDuplicateName('calendar.name'));
      return calendarView((await calendars.get(id))!);
    },
    async updateCalendar(caller: Caller, id: string, input: unknown): Promise<CalendarView> {
      await requireAdmin(caller);
      const calendar = validCalendar(input);
      const updated = await calendars.update(id, { name: calendar.name, body: calendar }, deps.clock.now(), caller.accountId).catch(conflictOnDuplicateName('calendar.name'));
      const doc = updated ? await calendars.get(id) : undefined;
      if (!doc) throw notFound('calendar');
      return calendarView(doc);
    },
    async deleteCalendar(caller: Caller, id: string): Promise<{ id: string }> {
      await requireAdmin(caller);
      if (!(await calendars.remove(id))) throw notFound('calendar');
      return { id };
    },

    async listStatusGroups(): Promise<StatusGroupView[]> {
      return (await groups.list()).map(groupView);
    },
    async createStatusGroup(caller: Caller, group: StatusGroupBody): Promise<StatusGroupView> {
      await requireAdmin(caller);
      await checkStatuses(group);
      const id = randomUUID();
      await groups.insert({ id, name: group.name, body: group }, deps.clock.now(), caller.accountId).catch(conflictOnDuplicateName('group.name'));
      return groupView((await groups.get(id))!);
    },
    async updateStatusGroup(caller: Caller, id: string, group: StatusGroupBody): Promise<StatusGroupView> {
      await requireAdmin(caller);
      await checkStatuses(group);
      const updated = await groups.update(id, { name: group.name, body: group }, deps.clock.now(), caller.accountId).catch(conflictOnDuplicateName('group.name'));
      const doc = updated ? await groups.get(id) : undefined;
      if (!doc) throw notFound('status group');
      return groupView(doc);
    },
    async deleteStatusGroup(caller: Caller, id: string): Promise<{ id: string }> {
      await requireAdmin(caller);
      if (!(await groups.remove(id))) throw notFound('status group');
      return { id };
    },

    async listStatuses(caller: Caller): Promise<StatusView[]> {
      await requireAdmin(caller);
      return deps.statuses();
    },
  };
}

export type ReportConfigService = ReturnType<typeof createReportConfigService>;
