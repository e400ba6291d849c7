// The Saved parameter sets tab: named bundles of report parameters that every token can
// use with paramSetId=<id>, and that the user page's report builder loads. Jira admins
// create, edit and delete them; the parameters are checked as the REST API checks them.
import Button from '@atlaskit/button/new';
import { DynamicTableStateless } from '@atlaskit/dynamic-table';
import type { HeadType, RowType } from '@atlaskit/dynamic-table/types';
import EmptyState from '@atlaskit/empty-state';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import { lazy, Suspense, useState } from 'react';
import type { ParamSetView } from '../../../src/contract/param-sets';
import { ConfirmDialog } from '../shared/confirm-dialog';
import { CopyButton } from '../shared/copy-button';
import { EditDeleteActions } from '../shared/edit-delete-actions';
import { showSuccessFlag } from '../shared/flags';
import { formatDateTime } from '../shared/format';
import { ErrorState } from '../shared/load-states';
import { callResolver } from '../shared/resolver-client';
import { useLatestLoad } from '../shared/use-latest-load';
import { textFromParams } from './param-set-text';

const ParamSetDialog = lazy(() => import('./param-set-dialog').then((module) => ({ default: module.ParamSetDialog })));

type Action = { kind: 'create' } | { kind: 'edit'; paramSet: ParamSetView } | { kind: 'delete'; paramSet: ParamSetView };

const code = xcss({ font: 'font.code', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: 'space.0' });

const head: HeadType = {
  cells: [
    { key: 'name', content: 'Name', width: 22 },
    { key: 'params', content: 'Parameters', width: 38 },
    { key: 'id', content: 'paramSetId', width: 16 },
    { key: 'updated', content: 'Updated', width: 12 },
    { key: 'actions', content: 'Actions', width: 12 },
  ],
};

export function AdminParamSets() {
  const [action, setAction] = useState<Action | undefined>();
  const { state, shown, reload } = useLatestLoad(async () => {
    const { paramSets } = await callResolver('paramsets/list', {});
    return [...paramSets].sort((a, b) => a.name.localeCompare(b.name));
  }, []);

  const done = (message: string) => {
    setAction(undefined);
    showSuccessFlag(message);
    reload();
  };

  const rows: RowType[] = (shown ?? []).map((paramSet) => ({
    key: paramSet.id,
    testId: `param-set-row-${paramSet.id}`,
    cells: [
      {
        key: 'name',
        content: (
          <Stack space="space.050">
            <Text weight="medium">{paramSet.name}</Text>
            {paramSet.description ? <Text color="color.text.subtle">{paramSet.description}</Text> : null}
          </Stack>
        ),
      },
      {
        key: 'params',
        content: (
          <Box as="pre" xcss={code}>
            {textFromParams(paramSet.params)}
          </Box>
        ),
      },
      {
        key: 'id',
        content: (
          <Inline space="space.050" alignBlock="center">
            <Text>
              <code>{paramSet.id.slice(0, 8)}</code>
            </Text>
            <CopyButton text={paramSet.id} label={`Copy the paramSetId of ${paramSet.name}`} />
          </Inline>
        ),
      },
      { key: 'updated', content: <Text>{formatDateTime(paramSet.updatedAt)}</Text> },
      {
        key: 'actions',
        content: (
          <EditDeleteActions
            itemName={paramSet.name}
            testIdPrefix="param-set"
            onEdit={() => setAction({ kind: 'edit', paramSet })}
            onDelete={() => setAction({ kind: 'delete', paramSet })}
          />
        ),
      },
    ],
  }));

  return (
    <Stack space="space.200">
      <Inline spread="space-between" alignBlock="center" shouldWrap space="space.100">
        <Text color="color.text.subtle">
          Saved parameter sets let scripts send paramSetId=&lt;id&gt; instead of every parameter, and people load them in the report builder.
        </Text>
        <Button appearance="primary" onClick={() => setAction({ kind: 'create' })} testId="param-set-create" isDisabled={!shown}>
          Create parameter set
        </Button>
      </Inline>
      {state.status === 'failed' ? (
        <ErrorState title="Saved parameter sets could not be loaded" error={state.error} onRetry={reload} />
      ) : (
        <DynamicTableStateless
          head={head}
          rows={rows}
          isLoading={state.status === 'loading' && !shown}
          loadingLabel="Loading saved parameter sets"
          testId="param-sets-table"
          emptyView={
            shown ? (
              <EmptyState
                header="No saved parameter sets yet"
                headingLevel={2}
                description="Save the parameters a team's reports share, such as a project, statuses and a calendar."
              />
            ) : undefined
          }
        />
      )}
      <Suspense fallback={null}>
        {action?.kind === 'create' || action?.kind === 'edit' ? (
          <ParamSetDialog
            paramSet={action.kind === 'edit' ? action.paramSet : undefined}
            onClose={() => setAction(undefined)}
            onSaved={(paramSet) => done(action.kind === 'edit' ? `Parameter set ${paramSet.name} saved` : `Parameter set ${paramSet.name} created`)}
          />
        ) : null}
        {action?.kind === 'delete' ? (
          <ConfirmDialog
            title={`Delete ${action.paramSet.name}?`}
            confirmLabel="Delete parameter set"
            appearance="danger"
            failureTitle="Parameter set not deleted"
            testId="param-set-delete-dialog"
            onClose={() => setAction(undefined)}
            onConfirm={async () => {
              await callResolver('paramsets/delete', { id: action.paramSet.id });
              done(`Parameter set ${action.paramSet.name} deleted`);
            }}
          >
            <Text as="p">Requests that send its paramSetId will be refused. This cannot be undone.</Text>
          </ConfirmDialog>
        ) : null}
      </Suspense>
    </Stack>
  );
}
