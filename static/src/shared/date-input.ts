// Dates typed into a date picker, in the page's locale: the field order comes from the
// locale (dd/mm/yyyy for en-GB, mm/dd/yyyy for en-US), the placeholder spells that order
// out, and ISO yyyy-mm-dd is always understood. Chosen dates are shown as the tables show
// them ("2 Dec 2026"), so nothing on the page reads 12/2/2026 beside 2 Dec 2026.
import { pageLocale } from './locale';

type Part = 'day' | 'month' | 'year';

function fieldOrder(locale: string | undefined): Part[] {
  const parts = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'numeric', year: 'numeric' }).formatToParts(new Date(2026, 11, 31));
  const order = parts.map((part) => part.type).filter((type): type is Part => type === 'day' || type === 'month' || type === 'year');
  return order.length === 3 ? order : ['year', 'month', 'day'];
}

/** "dd/mm/yyyy", "mm/dd/yyyy" or "yyyy-mm-dd": what to type, never a date that could be mistaken for a value. */
export function datePlaceholder(locale = pageLocale()): string {
  const order = fieldOrder(locale);
  const words: Record<Part, string> = { day: 'dd', month: 'mm', year: 'yyyy' };
  return order[0] === 'year' ? order.map((part) => words[part]).join('-') : order.map((part) => words[part]).join('/');
}

/** The typed text as a local date, or an invalid Date when it is not a whole, real date. */
export function parseTypedDate(text: string, locale = pageLocale()): Date {
  const numbers = text
    .trim()
    .split(/[^\d]+/)
    .filter(Boolean)
    .map(Number);
  if (numbers.length !== 3) return new Date(Number.NaN);
  const iso = /^\d{4}\D/.test(text.trim());
  const order: Part[] = iso ? ['year', 'month', 'day'] : fieldOrder(locale);
  const value: Record<Part, number> = { day: 0, month: 0, year: 0 };
  order.forEach((part, index) => {
    value[part] = numbers[index] ?? 0;
  });
  if (value.year < 1000) return new Date(Number.NaN);
  const date = new Date(value.year, value.month - 1, value.day);
  const real = date.getFullYear() === value.year && date.getMonth() === value.month - 1 && date.getDate() === value.day;
  return real ? date : new Date(Number.NaN);
}

/** A YYYY-MM-DD value as the tables write dates: "2 Dec 2026". */
export function formatDayValue(value: string, locale = pageLocale()): string {
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  if (!year || !month || !day) return value;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, day)));
}
