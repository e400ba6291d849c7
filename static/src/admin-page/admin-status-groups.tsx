// The Status groups tab: named sets of Jira statuses that reports can total together.
import Button from '@atlaskit/button/new';
import { DynamicTableStateless } from '@atlaskit/dynamic-table';
import type { HeadType, RowType } from '@atlaskit/dynamic-table/types';
import EmptyState from '@atlaskit/empty-state';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import { lazy, Suspense, useState } from 'react';
import type { StatusGroupView } from '../../../src/contract/report-config';
import { ConfirmDialog } from '../shared/confirm-dialog';
import { EditDeleteActions } from '../shared/edit-delete-actions';
import { showSuccessFlag } from '../shared/flags';
import { ErrorState } from '../shared/load-states';
import { callResolver } from '../shared/resolver-client';
import { useLatestLoad } from '../shared/use-latest-load';

const StatusGroupDialog = lazy(() => import('./status-group-dialog').then((module) => ({ default: module.StatusGroupDialog })));

type Action = { kind: 'create' } | { kind: 'edit'; group: StatusGroupView } | { kind: 'delete'; group: StatusGroupView };

const head: HeadType = {
  cells: [
    { key: 'name', content: 'Name', width: 25 },
    { key: 'statuses', content: 'Statuses', width: 58 },
    { key: 'actions', content: 'Actions', width: 17 },
  ],
};

export function AdminStatusGroups() {
  const [action, setAction] = useState<Action | undefined>();
  const { state, shown, reload } = useLatestLoad(async () => {
    const [{ groups }, { statuses }] = await Promise.all([callResolver('admin/status-groups/list', {}), callResolver('admin/statuses/list', {})]);
    return { groups: [...groups].sort((a, b) => a.name.localeCompare(b.name)), statuses };
  }, []);

  const done = (message: string) => {
    setAction(undefined);
    showSuccessFlag(message);
    reload();
  };

  const statusName = (id: string) => shown?.statuses.find((status) => status.id === id)?.name ?? `Status ${id}`;
  const rows: RowType[] = shown
    ? shown.groups.map((group) => ({
        key: group.id,
        testId: `status-group-row-${group.id}`,
        cells: [
          { key: 'name', content: <Text weight="medium">{group.name}</Text> },
          { key: 'statuses', content: <Text>{group.statusIds.map(statusName).join(', ')}</Text> },
          {
            key: 'actions',
            content: (
              <EditDeleteActions
                itemName={group.name}
                testIdPrefix="status-group"
                onEdit={() => setAction({ kind: 'edit', group })}
                onDelete={() => setAction({ kind: 'delete', group })}
              />
            ),
          },
        ],
      }))
    : [];

  return (
    <Stack space="space.200">
      <Inline spread="space-between" alignBlock="center">
        <Text color="color.text.subtle">Status groups total the time of several statuses, such as all &quot;in progress&quot; statuses.</Text>
        <Button appearance="primary" onClick={() => setAction({ kind: 'create' })} testId="status-group-create" isDisabled={!shown}>
          Create status group
        </Button>
      </Inline>
      {state.status === 'failed' ? (
        <ErrorState title="Status groups could not be loaded" error={state.error} onRetry={reload} />
      ) : (
        <DynamicTableStateless
          head={head}
          rows={rows}
          // A refresh after a change keeps the rows on show, without a spinner.
          isLoading={state.status === 'loading' && !shown}
          loadingLabel="Loading status groups"
          testId="status-groups-table"
          emptyView={
            shown ? (
              <EmptyState header="No status groups yet" headingLevel={2} description="Create a group to report on several statuses together." />
            ) : undefined
          }
        />
      )}
      <Suspense fallback={null}>
        {shown && (action?.kind === 'create' || action?.kind === 'edit') ? (
          <StatusGroupDialog
            group={action.kind === 'edit' ? action.group : undefined}
            statuses={shown.statuses}
            onClose={() => setAction(undefined)}
            onSaved={(group) => done(action.kind === 'edit' ? `Status group ${group.name} saved` : `Status group ${group.name} created`)}
          />
        ) : null}
        {action?.kind === 'delete' ? (
          <ConfirmDialog
            title={`Delete ${action.group.name}?`}
            confirmLabel="Delete status group"
            appearance="danger"
            failureTitle="Status group not deleted"
            testId="status-group-delete-dialog"
            onClose={() => setAction(undefined)}
            onConfirm={async () => {
              await callResolver('admin/status-groups/delete', { id: action.group.id });
              done(`Status group ${action.group.name} deleted`);
            }}
          >
            <Text as="p">Reports that use this group will no longer find it. This cannot be undone.</Text>
          </ConfirmDialog>
        ) : null}
      </Suspense>
    </Stack>
  );
}
