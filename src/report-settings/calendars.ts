// Working calendars: admin-managed documents validated by the engine's own calendar
// schema, which reports every problem with its path (`calendar.windows[2].end`). Each also
// has a stable number, the integer id of the TISJWT wire format.
import type { CalendarView } from '../contract/report-config';
import { calendarDefinitionSchema, validateCalendarDefinition, type CalendarDefinition } from '../engine';
import type { UserDirectory } from '../jira';
import { FieldError } from '../kernel/errors';
import type { Clock } from '../kernel/ports';
import { createCalendarNumberRepository } from '../storage/calendar-number-repository';
import { createDocumentRepository } from '../storage/document-repository';
import type { Db } from '../storage/schema';
import { createDocuments, type Documents } from './documents';

function validCalendar(input: unknown): CalendarDefinition {
  const result = validateCalendarDefinition(input);
  if (result.ok) return result.value;
  throw new FieldError(result.issues.map((issue) => ({ field: issue.field ? `calendar.${issue.field}` : 'calendar', message: issue.message })));
}

export interface NumberedCalendar extends CalendarView {
  number: number;
}

export interface CalendarService extends Documents<CalendarView, unknown> {
  /** Every calendar with its number, by name; a calendar without one gets it now. */
  numbered(): Promise<NumberedCalendar[]>;
}

export function createCalendarService(deps: { db: Db; users: UserDirectory; clock: Clock }): CalendarService {
  const documents = createDocuments({
    repository: createDocumentRepository(deps.db, 'calendar', calendarDefinitionSchema),
    users: deps.users,
    clock: deps.clock,
    noun: 'calendar',
    adminOnly: 'Only Jira administrators can change report settings.',
    nameField: 'calendar.name',
    validate: validCalendar,
    view: (document, updatedAt): CalendarView => ({ ...document.body, id: document.id, updatedAt }),
  });
  const numbers = createCalendarNumberRepository(deps.db);
  return {
    ...documents,
    async numbered() {
      const [calendars, known] = await Promise.all([documents.list(), numbers.all()]);
      const missing = calendars.filter((calendar) => !known.has(calendar.id));
      if (missing.length === 0) return calendars.map((calendar) => ({ ...calendar, number: known.get(calendar.id) ?? 0 }));
      for (const calendar of missing) await numbers.assign(calendar.id);
      const all = await numbers.all();
      return calendars.flatMap((calendar) => {
        const number = all.get(calendar.id);
        return number === undefined ? [] : [{ ...calendar, number }];
      });
    },
  };
}
