// Working calendars: admin-managed documents validated by the engine's own calendar
// schema, which reports every problem with its path (`calendar.windows[2].end`).
import type { CalendarView } from '../contract/report-config';
import { calendarDefinitionSchema, validateCalendarDefinition, type CalendarDefinition } from '../engine';
import type { UserDirectory } from '../jira';
import { FieldError } from '../kernel/errors';
import type { Clock } from '../kernel/ports';
import { createDocumentRepository } from '../storage/document-repository';
import type { Db } from '../storage/schema';
import { createDocuments, type Documents } from './documents';

function validCalendar(input: unknown): CalendarDefinition {
  const result = validateCalendarDefinition(input);
  if (result.ok) return result.value;
  throw new FieldError(result.issues.map((issue) => ({ field: issue.field ? `calendar.${issue.field}` : 'calendar', message: issue.message })));
}

export type CalendarService = Documents<CalendarView, unknown>;

export function createCalendarService(deps: { db: Db; users: UserDirectory; clock: Clock }): CalendarService {
  return createDocuments({
    repository: createDocumentRepository(deps.db, 'calendar', calendarDefinitionSchema),
    users: deps.users,
    clock: deps.clock,
    noun: 'calendar',
    adminOnly: 'Only Jira administrators can change report settings.',
    nameField: 'calendar.name',
    validate: validCalendar,
    view: (document, updatedAt) => ({ ...document.body, id: document.id, updatedAt }),
  });
}
