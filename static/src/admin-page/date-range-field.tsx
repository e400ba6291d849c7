// One date-range filter: presets, or a custom from/to pair of dates.
import { DatePicker } from '@atlaskit/datetime-picker';
import { Label } from '@atlaskit/form';
import { Inline, Stack, xcss, Box } from '@atlaskit/primitives';
import Select from '@atlaskit/select';
import type { DateRange, RangePreset } from './token-filters';

interface PresetOption {
  label: string;
  value: RangePreset;
}

const pastPresets: PresetOption[] = [
  { value: 'any', label: 'Any time' },
  { value: 'last7', label: 'Last 7 days' },
  { value: 'last30', label: 'Last 30 days' },
  { value: 'last90', label: 'Last 90 days' },
  { value: 'custom', label: 'Custom range' },
];

// Expiry lies mostly ahead, so its presets look forward (and back, for recent expiries).
const expiryPresets: PresetOption[] = [
  { value: 'any', label: 'Any time' },
  { value: 'next7', label: 'Next 7 days' },
  { value: 'next30', label: 'Next 30 days' },
  { value: 'next90', label: 'Next 90 days' },
  { value: 'last7', label: 'Last 7 days' },
  { value: 'last30', label: 'Last 30 days' },
  { value: 'last90', label: 'Last 90 days' },
  { value: 'custom', label: 'Custom range' },
];

const half = xcss({ flexGrow: 1, flexBasis: '0', minWidth: '120px' });

export interface DateRangeFieldProps {
  id: string;
  label: string;
  range: DateRange;
  onChange: (range: DateRange) => void;
  future?: boolean;
}

export function DateRangeField({ id, label, range, onChange, future = false }: DateRangeFieldProps) {
  const options = future ? expiryPresets : pastPresets;
  return (
    <Stack space="space.050">
      <Label htmlFor={`${id}-preset`}>{label}</Label>
      <Select<PresetOption>
        inputId={`${id}-preset`}
        testId={`${id}-preset`}
        options={options}
        value={options.find((option) => option.value === range.preset) ?? null}
        onChange={(option) => option && onChange({ ...range, preset: option.value })}
        isSearchable={false}
        spacing="compact"
      />
      {range.preset === 'custom' ? (
        <Inline space="space.050">
          <Box xcss={half}>
            <DatePicker
              id={`${id}-from`}
              testId={`${id}-from`}
              value={range.from}
              maxDate={range.to || undefined}
              onChange={(value) => onChange({ ...range, from: value })}
              placeholder="From"
              spacing="compact"
              label={`${label} from`}
              clearControlLabel={`Clear ${label.toLowerCase()} from`}
            />
          </Box>
          <Box xcss={half}>
            <DatePicker
              id={`${id}-to`}
              testId={`${id}-to`}
              value={range.to}
              minDate={range.from || undefined}
              onChange={(value) => onChange({ ...range, to: value })}
              placeholder="To"
              spacing="compact"
              label={`${label} to`}
              clearControlLabel={`Clear ${label.toLowerCase()} to`}
            />
          </Box>
        </Inline>
      ) : null}
    </Stack>
  );
}
