// Create or edit a working calendar. Problems are shown next to their fields: unreadable
// times are caught here, everything else comes back from the server with its path.
import Button from '@atlaskit/button/new';
import { Checkbox } from '@atlaskit/checkbox';
import { DatePicker } from '@atlaskit/datetime-picker';
import { ErrorMessage, HelperMessage, Label } from '@atlaskit/form';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import Select from '@atlaskit/select';
import Textfield from '@atlaskit/textfield';
import { useMemo, useState } from 'react';
import type { CalendarView } from '../../../src/contract/report-config';
import { showErrorFlag } from '../shared/flags';
import { FormDialog } from '../shared/form-dialog';
import { ResolverCallError, callResolver } from '../shared/resolver-client';
import {
  type CalendarDraft,
  type FieldErrors,
  type HolidayDraft,
  type WindowDraft,
  WEEKDAYS,
  draftOf,
  emptyDraft,
  isShownField,
  newKey,
  serverErrors,
  toDefinition,
} from './calendar-form';

interface Option<T> {
  label: string;
  value: T;
}

const weekdayOptions: Option<number>[] = WEEKDAYS.map((label, index) => ({ label, value: index + 1 }));

function timeZoneOptions(current: string): Option<string>[] {
  let zones: string[];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    zones = [];
  }
  if (!zones.includes('UTC')) zones = ['UTC', ...zones];
  if (current && !zones.includes(current)) zones = [current, ...zones];
  return zones.map((zone) => ({ label: zone.replace(/_/g, ' '), value: zone }));
}

/** Holidays are typed as YYYY-MM-DD, whatever the browser's locale. */
function parseIsoDate(text: string): Date {
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text.trim());
  return match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : new Date(Number.NaN);
}

const row = xcss({ display: 'grid', gridTemplateColumns: '160px 110px 110px auto', gap: 'space.100', alignItems: 'start' });
const holidayRow = xcss({ display: 'grid', gridTemplateColumns: '170px 1fr 130px auto', gap: 'space.100', alignItems: 'start' });

function Errors({ messages, testId }: { messages: string[] | undefined; testId: string }) {
  if (!messages || messages.length === 0) return null;
  return (
    <Box testId={testId}>
      {messages.map((message) => (
        <ErrorMessage key={message}>{message}</ErrorMessage>
      ))}
    </Box>
  );
}

export interface CalendarDialogProps {
  calendar?: CalendarView;
  onClose: () => void;
  onSaved: (calendar: CalendarView) => void;
}

export function CalendarDialog({ calendar, onClose, onSaved }: CalendarDialogProps) {
  const [draft, setDraft] = useState<CalendarDraft>(() => (calendar ? draftOf(calendar) : emptyDraft()));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [working, setWorking] = useState(false);
  const zones = useMemo(() => timeZoneOptions(draft.timeZone), [draft.timeZone]);

  const setWindow = (key: number, change: Partial<WindowDraft>) =>
    setDraft((current) => ({ ...current, windows: current.windows.map((window) => (window.key === key ? { ...window, ...change } : window)) }));
  const setHoliday = (key: number, change: Partial<HolidayDraft>) =>
    setDraft((current) => ({ ...current, holidays: current.holidays.map((holiday) => (holiday.key === key ? { ...holiday, ...change } : holiday)) }));

  const submit = async () => {
    const built = toDefinition(draft);
    if ('errors' in built) {
      setErrors(built.errors);
      return;
    }
    setErrors({});
    setWorking(true);
    try {
      const saved = calendar
        ? await callResolver('admin/calendars/update', { id: calendar.id, calendar: built.calendar })
        : await callResolver('admin/calendars/create', { calendar: built.calendar });
      onSaved(saved);
    } catch (error) {
      setWorking(false);
      const found = error instanceof ResolverCallError ? serverErrors(error) : {};
      if (Object.keys(found).length > 0) setErrors(found);
      else showErrorFlag(calendar ? 'Calendar not saved' : 'Calendar not created', error);
    }
  };

  const other = Object.entries(errors).filter(([field]) => !isShownField(field, draft));

  return (
    <FormDialog
      title={calendar ? `Edit ${calendar.name}` : 'Create calendar'}
      testId="calendar-dialog"
      width="large"
      working={working}
      submitLabel={calendar ? 'Save' : 'Create'}
      submitTestId="calendar-submit"
      onClose={onClose}
      onSubmit={submit}
    >
      <Stack space="space.250">
        {other.length > 0 ? (
          <SectionMessage appearance="error" title="The calendar was not saved" testId="calendar-other-errors">
            {other.map(([field, messages]) => (
              <Text as="p" key={field}>
                {messages.join(' ')}
              </Text>
            ))}
          </SectionMessage>
        ) : null}
        <div>
          <Label htmlFor="calendar-name">Name</Label>
          <Textfield
            id="calendar-name"
            testId="calendar-name"
            value={draft.name}
            onChange={(event) => setDraft({ ...draft, name: event.currentTarget.value })}
            isInvalid={Boolean(errors['calendar.name'])}
            autoFocus
          />
          <Errors messages={errors['calendar.name']} testId="calendar-name-error" />
        </div>
        <div>
          <Label htmlFor="calendar-time-zone">Time zone</Label>
          <Select<Option<string>>
            inputId="calendar-time-zone"
            testId="calendar-time-zone"
            options={zones}
            value={zones.find((option) => option.value === draft.timeZone) ?? null}
            onChange={(option) => option && setDraft({ ...draft, timeZone: option.value })}
            isInvalid={Boolean(errors['calendar.timeZone'])}
          />
          <Errors messages={errors['calendar.timeZone']} testId="calendar-time-zone-error" />
        </div>
        <Stack space="space.100">
          <Text weight="semibold">Working hours</Text>
          <HelperMessage>Times are wall-clock times in the calendar&apos;s time zone, as HH:MM. An end of 24:00 means midnight.</HelperMessage>
          {draft.windows.length > 0 ? (
            // Visible column labels; each field also names its row for screen readers.
            <Box xcss={row} aria-hidden testId="calendar-window-labels">
              <Text size="small" weight="semibold" color="color.text.subtle">
                Day
              </Text>
              <Text size="small" weight="semibold" color="color.text.subtle">
                Start
              </Text>
              <Text size="small" weight="semibold" color="color.text.subtle">
                End
              </Text>
            </Box>
          ) : null}
          {draft.windows.map((window, index) => {
            const path = `calendar.windows[${index}]`;
            return (
              <Stack space="space.050" key={window.key} testId={`calendar-window-${index}`}>
                <Box xcss={row}>
                  <Select<Option<number>>
                    inputId={`calendar-window-${index}-weekday`}
                    aria-label={`Row ${index + 1} day`}
                    options={weekdayOptions}
                    value={weekdayOptions.find((option) => option.value === window.weekday) ?? null}
                    onChange={(option) => option && setWindow(window.key, { weekday: option.value })}
                    spacing="compact"
                    isSearchable={false}
                  />
                  <div>
                    <Textfield
                      id={`calendar-window-${index}-start`}
                      testId={`calendar-window-${index}-start`}
                      aria-label={`Row ${index + 1} start`}
                      value={window.start}
                      onChange={(event) => setWindow(window.key, { start: event.currentTarget.value })}
                      placeholder="09:00"
                      isCompact
                      isInvalid={Boolean(errors[`${path}.start`])}
                    />
                    <Errors messages={errors[`${path}.start`]} testId={`calendar-window-${index}-start-error`} />
                  </div>
                  <div>
                    <Textfield
                      id={`calendar-window-${index}-end`}
                      testId={`calendar-window-${index}-end`}
                      aria-label={`Row ${index + 1} end`}
                      value={window.end}
                      onChange={(event) => setWindow(window.key, { end: event.currentTarget.value })}
                      placeholder="17:00"
                      isCompact
                      isInvalid={Boolean(errors[`${path}.end`])}
                    />
                    <Errors messages={errors[`${path}.end`]} testId={`calendar-window-${index}-end-error`} />
                  </div>
                  <Button
                    spacing="compact"
                    appearance="subtle"
                    onClick={() => setDraft({ ...draft, windows: draft.windows.filter((candidate) => candidate.key !== window.key) })}
                    aria-label={`Remove working hours row ${index + 1}`}
                  >
                    Remove
                  </Button>
                </Box>
                <Errors messages={[...(errors[path] ?? []), ...(errors[`${path}.weekday`] ?? [])]} testId={`calendar-window-${index}-error`} />
              </Stack>
            );
          })}
          <Errors messages={errors['calendar.windows']} testId="calendar-windows-error" />
          <Inline>
            <Button
              spacing="compact"
              onClick={() => setDraft({ ...draft, windows: [...draft.windows, { key: newKey(), weekday: 1, start: '09:00', end: '17:00' }] })}
              testId="calendar-add-window"
            >
              Add working hours
            </Button>
          </Inline>
        </Stack>
        <Stack space="space.100">
          <Text weight="semibold">Holidays</Text>
          {draft.holidays.length === 0 ? <Text color="color.text.subtle">No holidays.</Text> : null}
          {draft.holidays.map((holiday, index) => {
            const path = `calendar.holidays[${index}]`;
            return (
              <Stack space="space.050" key={holiday.key} testId={`calendar-holiday-${index}`}>
                <Box xcss={holidayRow}>
                  <div>
                    <DatePicker
                      id={`calendar-holiday-${index}-date`}
                      testId={`calendar-holiday-${index}-date`}
                      value={holiday.date}
                      onChange={(value) => setHoliday(holiday.key, { date: value })}
                      label={`Holiday ${index + 1} date`}
                      dateFormat="YYYY-MM-DD"
                      placeholder="YYYY-MM-DD"
                      parseInputValue={parseIsoDate}
                      spacing="compact"
                      isInvalid={Boolean(errors[`${path}.date`])}
                    />
                    <Errors messages={errors[`${path}.date`]} testId={`calendar-holiday-${index}-date-error`} />
                  </div>
                  <div>
                    <Textfield
                      id={`calendar-holiday-${index}-name`}
                      testId={`calendar-holiday-${index}-name`}
                      aria-label={`Holiday ${index + 1} name`}
                      value={holiday.name}
                      onChange={(event) => setHoliday(holiday.key, { name: event.currentTarget.value })}
                      placeholder="Name (optional)"
                      isCompact
                      isInvalid={Boolean(errors[`${path}.name`])}
                    />
                    <Errors messages={errors[`${path}.name`]} testId={`calendar-holiday-${index}-name-error`} />
                  </div>
                  <Checkbox
                    label="Every year"
                    isChecked={holiday.recurring}
                    onChange={() => setHoliday(holiday.key, { recurring: !holiday.recurring })}
                    testId={`calendar-holiday-${index}-recurring`}
                  />
                  <Button
                    spacing="compact"
                    appearance="subtle"
                    onClick={() => setDraft({ ...draft, holidays: draft.holidays.filter((candidate) => candidate.key !== holiday.key) })}
                    aria-label={`Remove holiday ${index + 1}`}
                  >
                    Remove
                  </Button>
                </Box>
                <Errors messages={[...(errors[path] ?? []), ...(errors[`${path}.recurring`] ?? [])]} testId={`calendar-holiday-${index}-error`} />
              </Stack>
            );
          })}
          <Errors messages={errors['calendar.holidays']} testId="calendar-holidays-error" />
          <Inline>
            <Button
              spacing="compact"
              onClick={() => setDraft({ ...draft, holidays: [...draft.holidays, { key: newKey(), date: '', recurring: false, name: '' }] })}
              testId="calendar-add-holiday"
            >
              Add holiday
            </Button>
          </Inline>
        </Stack>
      </Stack>
    </FormDialog>
  );
}
