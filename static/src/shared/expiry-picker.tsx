// Expiry presets plus a custom date. Values are calendar dates (YYYY-MM-DD): the server
// treats a date as "works through that day (UTC)", which is what people mean by a date.
// With a token policy's maximum lifetime, only allowed choices are offered: longer presets
// and "no practical expiry" disappear, the custom date stops at the last allowed day, and
// a preset's date never goes past it.
import { DatePicker } from '@atlaskit/datetime-picker';
import { ErrorMessage, HelperMessage, Label } from '@atlaskit/form';
import { Stack } from '@atlaskit/primitives';
import { latestAllowedExpiryDate } from '../../../src/contract/lifetime-limit';
import { useState } from 'react';
import { FAR_FUTURE_EXPIRY } from '../../../src/contract/tokens';
import { datePlaceholder, formatDayValue, parseTypedDate } from './date-input';
import Select from '@atlaskit/select';
import { formatExpiry, localDatePlusDays, toIsoDate } from './format';
import { pageLocale } from './locale';

export type ExpiryPreset = 'keep' | '30d' | '90d' | '1y' | 'custom' | 'never';

export interface ExpiryChoice {
  preset: ExpiryPreset;
  /** The custom date, used when preset is 'custom'. */
  customDate: string;
  /** Why the typed custom date was not taken ("must be a future date"), shown until it is fixed. */
  customProblem?: string;
}

interface PresetOption {
  label: string;
  value: ExpiryPreset;
}

const PRESET_DAYS: Partial<Record<ExpiryPreset, number>> = { '30d': 30, '90d': 90, '1y': 365 };

const presetOptions: PresetOption[] = [
  { value: '30d', label: '30 days' },
  { value: '90d', label: '90 days' },
  { value: '1y', label: '1 year' },
  { value: 'custom', label: 'Custom date' },
  { value: 'never', label: 'No practical expiry (31 Dec 2099)' },
];

/** The presets a maximum lifetime (days; null for none) allows. */
export function allowedPresets(maxLifetimeDays: number | null = null): PresetOption[] {
  if (maxLifetimeDays === null) return presetOptions;
  return presetOptions.filter((option) => option.value !== 'never' && (PRESET_DAYS[option.value] ?? 0) <= maxLifetimeDays);
}

/** The preset a new token starts with: the policy's default lifetime when a preset matches it. */
export function initialPreset(defaultLifetimeDays = 90, maxLifetimeDays: number | null = null): ExpiryPreset {
  const allowed = allowedPresets(maxLifetimeDays);
  const exact = allowed.find((option) => PRESET_DAYS[option.value] === defaultLifetimeDays);
  return exact?.value ?? (allowed.some((option) => option.value === '90d') ? '90d' : 'custom');
}

/**
 * The YYYY-MM-DD date a choice stands for; undefined for 'keep' or an empty custom date.
 * A preset is held to the last day a maximum lifetime allows.
 */
export function expiryDateOf(choice: ExpiryChoice, now: number, maxLifetimeDays: number | null = null): string | undefined {
  const latest = latestAllowedExpiryDate(maxLifetimeDays, now);
  const within = (date: string): string => (latest !== undefined && date > latest ? latest : date);
  switch (choice.preset) {
    case 'keep':
      return undefined;
    case '30d':
      return within(localDatePlusDays(30, now));
    case '90d':
      return within(localDatePlusDays(90, now));
    case '1y':
      return within(localDatePlusDays(365, now));
    case 'never':
      return FAR_FUTURE_EXPIRY;
    case 'custom':
      return choice.customProblem ? undefined : choice.customDate || undefined;
  }
}

function describeDate(date: string): string {
  // The token works through the chosen UTC day, i.e. until the next UTC midnight.
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return formatExpiry(new Date(Date.UTC(year, month - 1, day + 1)).toISOString());
}

export interface ExpiryPickerProps {
  id: string;
  choice: ExpiryChoice;
  onChange: (choice: ExpiryChoice) => void;
  now: number;
  /** Offers "Keep the current expiry" first (editing). */
  currentExpiry?: string;
  error?: string;
  /** The token policy's maximum lifetime in days; null or absent for none. */
  maxLifetimeDays?: number | null;
}

export function ExpiryPicker({ id, choice, onChange, now, currentExpiry, error, maxLifetimeDays = null }: ExpiryPickerProps) {
  const allowed = allowedPresets(maxLifetimeDays);
  const options: PresetOption[] = currentExpiry ? [{ value: 'keep', label: `Keep current expiry (${formatExpiry(currentExpiry)})` }, ...allowed] : allowed;
  const date = expiryDateOf(choice, now, maxLifetimeDays);
  const today = localDatePlusDays(0, now);
  const latest = latestAllowedExpiryDate(maxLifetimeDays, now);
  const placeholder = datePlaceholder();
  // What is typed but not yet a value: the picker drops such text on blur, so it is
  // checked here and either taken or refused with a reason, never silently cleared.
  const [typed, setTyped] = useState('');
  const takeDate = (value: string) => {
    setTyped('');
    if (value === '') onChange({ ...choice, customDate: '', customProblem: undefined });
    // A past date stays in the field, with the reason beside it, until it is changed.
    else if (value < today) onChange({ ...choice, customDate: value, customProblem: 'The expiry must be a future date.' });
    else if (latest !== undefined && value > latest) {
      onChange({ ...choice, customDate: value, customProblem: `The token policy allows at most ${maxLifetimeDays} days: pick ${latest} or earlier.` });
    } else onChange({ ...choice, customDate: value, customProblem: undefined });
  };
  const takeTyped = () => {
    if (typed.trim() === '') return;
    const parsed = parseTypedDate(typed);
    if (Number.isNaN(parsed.getTime())) {
      setTyped('');
      onChange({ ...choice, customDate: '', customProblem: `Enter the date as ${placeholder}, or pick it in the calendar.` });
      return;
    }
    takeDate(toIsoDate(parsed));
  };
  const shownError = error ?? choice.customProblem;
  return (
    <Stack space="space.100">
      <div>
        <Label htmlFor={`${id}-preset`}>Expires</Label>
        <Select<PresetOption>
          inputId={`${id}-preset`}
          testId={`${id}-preset`}
          options={options}
          value={options.find((option) => option.value === choice.preset) ?? null}
          onChange={(option) => option && onChange({ ...choice, preset: option.value, customProblem: undefined })}
          isSearchable={false}
          menuPosition="fixed"
          aria-invalid={shownError ? true : undefined}
        />
      </div>
      {choice.preset === 'custom' ? (
        <div>
          <Label htmlFor={`${id}-date`}>Expiry date</Label>
          <DatePicker
            id={`${id}-date`}
            testId={`${id}-date`}
            value={choice.customDate}
            minDate={today}
            {...(latest === undefined ? {} : { maxDate: latest })}
            locale={pageLocale() ?? 'en-US'}
            placeholder={placeholder}
            parseInputValue={(text) => parseTypedDate(text)}
            formatDisplayLabel={(value) => formatDayValue(value)}
            onChange={takeDate}
            onBlur={takeTyped}
            isInvalid={Boolean(shownError)}
            // The typed text is held here (the picker's own copy would be gone by the time
            // the field is left), so leaving the field can take it or say what is wrong.
            selectProps={{
              menuPosition: 'fixed',
              inputValue: typed,
              onInputChange: (text: string, meta: { action: string }) => {
                if (meta.action === 'input-change') setTyped(text);
                else if (meta.action === 'set-value') setTyped('');
              },
            }}
            shouldShowCalendarButton
          />
        </div>
      ) : null}
      {maxLifetimeDays !== null && !shownError ? (
        <HelperMessage testId={`${id}-limit`}>
          Your administrator allows tokens to live at most {maxLifetimeDays} days (until the end of {latest} UTC).
        </HelperMessage>
      ) : null}
      {shownError ? (
        <ErrorMessage testId={`${id}-error`}>{shownError}</ErrorMessage>
      ) : date ? (
        <HelperMessage>Works until the end of {describeDate(date)} (UTC).</HelperMessage>
      ) : choice.preset === 'custom' ? (
        <HelperMessage>Type the last day the token should work ({placeholder}) or pick it in the calendar.</HelperMessage>
      ) : null}
    </Stack>
  );
}
