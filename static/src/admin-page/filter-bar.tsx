// The admin table's filters. Changes apply at once (notes after a short pause while
// typing), like Jira's own issue filters.
import Button from '@atlaskit/button/new';
import { Checkbox } from '@atlaskit/checkbox';
import { Fieldset, Label, Legend } from '@atlaskit/form';
import { Box, Inline, Stack, xcss } from '@atlaskit/primitives';
import { AsyncSelect } from '@atlaskit/select';
import Textfield from '@atlaskit/textfield';
import { useEffect, useState } from 'react';
import type { TokenState } from '../../../src/contract/tokens';
import { callResolver } from '../shared/resolver-client';
import { DateRangeField } from './date-range-field';
import { emptyFilters, isFiltered, stateLabels, type TokenFilters } from './token-filters';
import { searchUsers, type UserOption } from './user-search';

const NOTES_DEBOUNCE_MS = 300;
// The State boxes take a whole row: beside the other fields they would wrap mid-list.
const stateRow = xcss({ gridColumn: '1 / -1' });
const grid = xcss({
  display: 'grid',
  gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))',
  gap: 'space.200',
  alignItems: 'start',
});

export interface FilterBarProps {
  filters: TokenFilters;
  onChange: (filters: TokenFilters) => void;
}

export function FilterBar({ filters, onChange }: FilterBarProps) {
  const [windowDays, setWindowDays] = useState<number | undefined>();
  useEffect(() => {
    // Only the label names the window; the server applies its own when filtering.
    callResolver('tokens/expiry-window', {})
      .then((result) => setWindowDays(result.expiryWarningDays))
      .catch(() => setWindowDays(undefined));
  }, []);
  const [notes, setNotes] = useState(filters.notes);
  useEffect(() => setNotes(filters.notes), [filters.notes]);
  useEffect(() => {
    if (notes === filters.notes) return undefined;
    const timer = window.setTimeout(() => onChange({ ...filters, notes }), NOTES_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [notes, filters, onChange]);

  const toggleState = (state: TokenState) => {
    const states = filters.states.includes(state) ? filters.states.filter((candidate) => candidate !== state) : [...filters.states, state];
    onChange({ ...filters, states });
  };

  return (
    <Box as="section" aria-label="Filters" testId="token-filters">
      <Stack space="space.150">
        <Box xcss={grid}>
          <Stack space="space.050">
            <Label htmlFor="filter-users">Users</Label>
            <AsyncSelect<UserOption, true>
              inputId="filter-users"
              testId="filter-users"
              isMulti
              cacheOptions
              defaultOptions
              loadOptions={(query: string) => searchUsers(query)}
              value={filters.users}
              onChange={(users) => onChange({ ...filters, users: users ?? [] })}
              placeholder="Any user"
              noOptionsMessage={() => 'No matching users'}
              loadingMessage={() => 'Searching users'}
              spacing="compact"
            />
          </Stack>
          <Stack space="space.050">
            <Label htmlFor="filter-notes">Notes contain</Label>
            <Textfield
              id="filter-notes"
              testId="filter-notes"
              value={notes}
              onChange={(event) => setNotes(event.currentTarget.value)}
              placeholder="Any notes"
              isCompact
            />
          </Stack>
          <DateRangeField id="filter-created" label="Created" range={filters.created} onChange={(created) => onChange({ ...filters, created })} />
          <DateRangeField id="filter-last-used" label="Last used" range={filters.lastUsed} onChange={(lastUsed) => onChange({ ...filters, lastUsed })} />
          <DateRangeField id="filter-expires" label="Expires" range={filters.expires} onChange={(expires) => onChange({ ...filters, expires })} future />
          <Box xcss={stateRow}>
            <Inline space="space.400" shouldWrap>
              <Fieldset>
                <Legend>State</Legend>
                <Inline space="space.100" shouldWrap>
                  {(Object.keys(stateLabels) as TokenState[]).map((state) => (
                    <Checkbox
                      key={state}
                      name="filter-state"
                      value={state}
                      label={stateLabels[state]}
                      isChecked={filters.states.includes(state)}
                      onChange={() => toggleState(state)}
                      testId={`filter-state-${state}`}
                    />
                  ))}
                </Inline>
              </Fieldset>
              <Fieldset>
                <Legend>Expiring soon</Legend>
                <Checkbox
                  name="filter-expires-within-window"
                  label={windowDays === undefined ? 'Within the expiry warning window' : `Within the expiry warning window (${windowDays} days)`}
                  isChecked={filters.expiresWithinWindow}
                  onChange={() => onChange({ ...filters, expiresWithinWindow: !filters.expiresWithinWindow })}
                  testId="filter-expires-within-window"
                />
              </Fieldset>
            </Inline>
          </Box>
        </Box>
        {isFiltered(filters) ? (
          <Inline>
            <Button appearance="subtle" spacing="compact" onClick={() => onChange(emptyFilters)} testId="clear-filters">
              Clear filters
            </Button>
          </Inline>
        ) : null}
      </Stack>
    </Box>
  );
}
