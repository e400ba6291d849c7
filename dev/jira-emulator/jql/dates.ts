// JQL date values: absolute ("2024-01-31", "2024/01/31 14:00"), relative to now
// ("-30d", "2w", "-4h", "15m"), and the start/end-of-period functions. The emulator
// evaluates them in UTC (real Jira uses the caller's time zone; documented in README).
import type { JqlValue } from './ast';
import { JqlError } from './jql-error';

const UNIT_MS: Record<string, number> = { w: 7 * 86_400_000, d: 86_400_000, h: 3_600_000, m: 60_000 };

function parseAbsolute(text: string): number | undefined {
  const match = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(text.trim());
  if (!match) return undefined;
  const [, y, mo, d, h, mi] = match;
  return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0));
}

/** "-30d", "2w", "-1w 2d" (Jira allows several units). */
function parseRelative(text: string, now: number): number | undefined {
  const trimmed = text.trim();
  const match = /^([-+]?)((?:\d+[wdhm]\s*)+)$/.exec(trimmed);
  if (!match) return undefined;
  const sign = match[1] === '-' ? -1 : 1;
  let total = 0;
  for (const part of (match[2] ?? '').matchAll(/(\d+)([wdhm])/g)) total += Number(part[1]) * (UNIT_MS[part[2] ?? 'd'] ?? 0);
  return now + sign * total;
}

function startOfUnit(now: number, unit: string, offset: number, end: boolean): number {
  const d = new Date(now);
  let start: number;
  let next: number;
  if (unit === 'day') {
    start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + offset);
    next = start + 86_400_000;
  } else if (unit === 'week') {
    // Jira's weeks start on Sunday by default.
    const day = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
    start = day - d.getUTCDay() * 86_400_000 + offset * 7 * 86_400_000;
    next = start + 7 * 86_400_000;
  } else if (unit === 'month') {
    start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset, 1);
    next = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset + 1, 1);
  } else {
    start = Date.UTC(d.getUTCFullYear() + offset, 0, 1);
    next = Date.UTC(d.getUTCFullYear() + offset + 1, 0, 1);
  }
  return end ? next - 1 : start;
}

export function dateValue(value: JqlValue, field: string, now: number): number {
  if (value.kind === 'literal') {
    const instant = parseAbsolute(value.text) ?? parseRelative(value.text, now);
    if (instant === undefined) {
      throw new JqlError(
        `Date value '${value.text}' for field '${field}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.`,
      );
    }
    return instant;
  }
  if (value.kind === 'function') {
    const name = value.name.toLowerCase();
    if (name === 'now') return now;
    const match = /^(start|end)of(day|week|month|year)$/.exec(name);
    if (match) {
      const arg = value.args[0];
      let offset = 0;
      if (arg !== undefined) {
        const parsed = /^([-+]?\d+)([dwMy]?)$/.exec(arg.trim());
        if (!parsed) throw new JqlError(`The Jira emulator supports only whole-unit offsets in ${value.name}(), got '${arg}'.`);
        offset = Number(parsed[1]);
      }
      return startOfUnit(now, match[2] ?? 'day', offset, match[1] === 'end');
    }
    throw new JqlError(`Function '${value.name}' is not supported by the Jira emulator for the field '${field}'.`);
  }
  throw new JqlError(`The field '${field}' needs a date value.`);
}
