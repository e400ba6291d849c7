// The numeric ids of calendars. A calendar gets its number the first time a list needs it
// (one INSERT; the unique index on calendar_id makes a concurrent second INSERT fail, and
// that failure is ignored: the other one's number stands). Numbers are never reused.
import { z } from 'zod';
import type { Db } from './schema';

const row = z.object({ number: z.coerce.number(), calendar_id: z.string() });

const isUniqueViolation = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && 'message' in error && /unique constraint|duplicate entry/i.test(String(error.message));

export function createCalendarNumberRepository(db: Db) {
  return {
    /** Every calendar's number, by calendar id. */
    async all(): Promise<Map<string, number>> {
      const rows = await db.selectFrom('calendar_numbers').select(['number', 'calendar_id']).execute();
      return new Map(rows.map((raw) => row.parse(raw)).map((r) => [r.calendar_id, r.number]));
    },

    /** Gives the calendar a number unless it has one. */
    async assign(calendarId: string): Promise<void> {
      try {
        await db.insertInto('calendar_numbers').values({ calendar_id: calendarId }).execute();
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
    },
  };
}
