// The saved filter picker: the filters the signed-in user may see (Jira's sharing rules,
// checked on the server), searched by name as the user types. A filter id typed as digits is
// offered as it is, for a filter beyond the first 50 names or one shared later; a saved set
// that names a filter shows its id until the list names it.
import { ErrorMessage, HelperMessage, Label } from '@atlaskit/form';
import { AsyncSelect } from '@atlaskit/select';
import { useState } from 'react';
import type { FilterView } from '../../../../src/contract/report-builder';
import { callResolver } from '../../shared/resolver-client';

interface FilterOption {
  value: string;
  label: string;
}

const optionOf = (filter: FilterView): FilterOption => ({
  value: filter.id,
  label: filter.ownerName ? `${filter.name} (${filter.ownerName})` : filter.name,
});

export function FilterPicker({ filterId, onChange }: { filterId: string; onChange: (filterId: string) => void }) {
  // The label of the filter picked here; a filter id from elsewhere (a saved set) shows as its id.
  const [picked, setPicked] = useState<FilterOption | undefined>();
  const [failed, setFailed] = useState(false);
  const value = filterId === '' ? null : picked?.value === filterId ? picked : { value: filterId, label: `Filter ${filterId}` };

  const load = async (query: string): Promise<FilterOption[]> => {
    const typed = query.trim();
    const byId = /^\d{1,18}$/.test(typed);
    try {
      // The server matches names; an id is looked for among every listed filter.
      const { filters } = await callResolver('builder/filters', { query: byId ? '' : query });
      setFailed(false);
      const listed = filters.map(optionOf);
      if (!byId) return listed;
      return [listed.find((option) => option.value === typed) ?? { value: typed, label: `Filter ${typed} (by its id)` }];
    } catch {
      setFailed(true);
      return byId ? [{ value: typed, label: `Filter ${typed} (by its id)` }] : [];
    }
  };

  return (
    <div>
      <Label htmlFor="builder-filter">Saved filter</Label>
      <AsyncSelect<FilterOption>
        inputId="builder-filter"
        testId="builder-filter"
        cacheOptions
        defaultOptions
        loadOptions={load}
        // The server has matched the names already (and an id matches no label).
        filterOption={null}
        value={value}
        onChange={(option) => {
          setPicked(option ?? undefined);
          onChange(option?.value ?? '');
        }}
        placeholder="Search your saved filters by name"
        noOptionsMessage={({ inputValue }) => (inputValue ? `No saved filter you can see is named like "${inputValue}"` : 'No saved filter you can see')}
        aria-describedby="builder-filter-help"
      />
      {failed ? (
        <ErrorMessage>
          <span id="builder-filter-help">Your saved filters could not be listed; type a filter id (the number in ?filter=10000) instead.</span>
        </ErrorMessage>
      ) : (
        <HelperMessage>
          <span id="builder-filter-help">Filters you own or that are shared with you. Typing a filter id (the number in ?filter=10000) works too.</span>
        </HelperMessage>
      )}
    </div>
  );
}
