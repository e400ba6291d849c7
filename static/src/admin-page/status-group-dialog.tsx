// Create or edit a status group: a name and the Jira statuses it totals.
import { ErrorMessage, Label } from '@atlaskit/form';
import { Stack } from '@atlaskit/primitives';
import Select from '@atlaskit/select';
import Textfield from '@atlaskit/textfield';
import { useState } from 'react';
import type { StatusGroupView, StatusView } from '../../../src/contract/report-config';
import { showErrorFlag } from '../shared/flags';
import { FormDialog } from '../shared/form-dialog';
import { ResolverCallError, callResolver } from '../shared/resolver-client';

interface StatusOption {
  label: string;
  value: string;
}

export interface StatusGroupDialogProps {
  group?: StatusGroupView;
  statuses: StatusView[];
  onClose: () => void;
  onSaved: (group: StatusGroupView) => void;
}

export function StatusGroupDialog({ group, statuses, onClose, onSaved }: StatusGroupDialogProps) {
  const options: StatusOption[] = statuses.map((status) => ({ value: status.id, label: status.name })).sort((a, b) => a.label.localeCompare(b.label));
  const [name, setName] = useState(group?.name ?? '');
  const [statusIds, setStatusIds] = useState<string[]>(group?.statusIds ?? []);
  const [errors, setErrors] = useState<{ name?: string; statusIds?: string }>({});
  const [working, setWorking] = useState(false);

  const submit = async () => {
    const local: { name?: string; statusIds?: string } = {};
    if (!name.trim()) local.name = 'Enter a name.';
    if (statusIds.length === 0) local.statusIds = 'Pick at least one status.';
    setErrors(local);
    if (local.name || local.statusIds) return;
    setWorking(true);
    try {
      const body = { name: name.trim(), statusIds };
      onSaved(
        group
          ? await callResolver('admin/status-groups/update', { id: group.id, group: body })
          : await callResolver('admin/status-groups/create', { group: body }),
      );
    } catch (error) {
      setWorking(false);
      if (error instanceof ResolverCallError && (error.code === 'CONFLICT' || error.field?.startsWith('group.name'))) setErrors({ name: error.message });
      else if (error instanceof ResolverCallError && error.field?.startsWith('group.statusIds')) setErrors({ statusIds: error.message });
      else showErrorFlag(group ? 'Status group not saved' : 'Status group not created', error);
    }
  };

  return (
    <FormDialog
      title={group ? `Edit ${group.name}` : 'Create status group'}
      testId="status-group-dialog"
      width="medium"
      working={working}
      submitLabel={group ? 'Save' : 'Create'}
      submitTestId="status-group-submit"
      onClose={onClose}
      onSubmit={submit}
    >
      <Stack space="space.200">
        <div>
          <Label htmlFor="status-group-name">Name</Label>
          <Textfield
            id="status-group-name"
            testId="status-group-name"
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            isInvalid={Boolean(errors.name)}
            autoFocus
          />
          {errors.name ? <ErrorMessage testId="status-group-name-error">{errors.name}</ErrorMessage> : null}
        </div>
        <div>
          <Label htmlFor="status-group-statuses">Statuses</Label>
          <Select<StatusOption, true>
            inputId="status-group-statuses"
            testId="status-group-statuses"
            isMulti
            options={options}
            value={options.filter((option) => statusIds.includes(option.value))}
            onChange={(selected) => setStatusIds(selected.map((option) => option.value))}
            placeholder="Pick statuses"
            isInvalid={Boolean(errors.statusIds)}
          />
          {errors.statusIds ? <ErrorMessage testId="status-group-statuses-error">{errors.statusIds}</ErrorMessage> : null}
        </div>
      </Stack>
    </FormDialog>
  );
}
