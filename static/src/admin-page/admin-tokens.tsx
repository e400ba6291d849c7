// Every user's tokens, filtered and paged on the server.
import Button from '@atlaskit/button/new';
import { DynamicTableStateless } from '@atlaskit/dynamic-table';
import type { HeadType, RowType } from '@atlaskit/dynamic-table/types';
import EmptyState from '@atlaskit/empty-state';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import { lazy, Suspense, useCallback, useRef, useState } from 'react';
import type { TokenView } from '../../../src/contract/tokens';
import { showSuccessFlag } from '../shared/flags';
import { ErrorState } from '../shared/load-states';
import { callResolver } from '../shared/resolver-client';
import { ActiveCell, CreatedCell, ExpiresCell, LastUsedCell, NotesCell, OwnerCell, RestrictionsCell, TokenIdCell } from '../shared/token-cells';
import { useLatestLoad } from '../shared/use-latest-load';
import { useNow } from '../shared/use-now';
import { FilterBar } from './filter-bar';
import { emptyFilters, isFiltered, toListPayload, type TokenFilters } from './token-filters';
import type { AdminAction } from './admin-action';

const AdminTokenDialog = lazy(() => import('./admin-token-dialog').then((module) => ({ default: module.AdminTokenDialog })));

const PAGE_SIZE = 20;

const head: HeadType = {
  cells: [
    { key: 'owner', content: 'Owner', width: 12 },
    { key: 'active', content: 'Active', width: 7 },
    { key: 'id', content: 'Token ID', width: 8 },
    { key: 'created', content: 'Created at', width: 11 },
    { key: 'expires', content: 'Expires at', width: 12 },
    { key: 'lastUsed', content: 'Last used', width: 12 },
    { key: 'uses', content: 'Uses', width: 5 },
    { key: 'notes', content: 'Notes', width: 11 },
    { key: 'restrictions', content: 'Restrictions', width: 10 },
    { key: 'actions', content: 'Actions', width: 18 },
  ],
};

function rowOf(token: TokenView, now: number, onAction: (action: AdminAction) => void): RowType {
  const label = `${token.ownerDisplayName}'s token ${token.id.slice(0, 8)}`;
  return {
    key: token.id,
    testId: `admin-token-row-${token.id}`,
    cells: [
      { key: 'owner', content: <OwnerCell token={token} /> },
      { key: 'active', content: <ActiveCell token={token} /> },
      { key: 'id', content: <TokenIdCell token={token} /> },
      { key: 'created', content: <CreatedCell token={token} /> },
      { key: 'expires', content: <ExpiresCell token={token} now={now} /> },
      { key: 'lastUsed', content: <LastUsedCell token={token} now={now} /> },
      { key: 'uses', content: <Text>{token.useCount}</Text> },
      { key: 'notes', content: <NotesCell token={token} /> },
      { key: 'restrictions', content: <RestrictionsCell token={token} /> },
      {
        key: 'actions',
        content: (
          <Inline space="space.050" shouldWrap>
            <Button
              spacing="compact"
              onClick={() => onAction({ kind: 'set-active', token, active: !token.active })}
              aria-label={`${token.active ? 'Deactivate' : 'Activate'} ${label}`}
              testId={token.active ? 'admin-deactivate' : 'admin-activate'}
            >
              {token.active ? 'Deactivate' : 'Activate'}
            </Button>
            <Button
              spacing="compact"
              appearance="subtle"
              onClick={() => onAction({ kind: 'delete', token })}
              aria-label={`Delete ${label}`}
              testId="admin-delete"
            >
              Delete
            </Button>
          </Inline>
        ),
      },
    ],
  };
}

export function AdminTokens() {
  const [filters, setFilters] = useState<TokenFilters>(emptyFilters);
  const [page, setPage] = useState(1);
  const [action, setAction] = useState<AdminAction | undefined>();
  const now = useNow();
  // Relative presets ("last 7 days") are anchored when the filters change, not every minute.
  const anchor = useRef(Date.now());

  const { state, shown, reload } = useLatestLoad(
    () => callResolver('admin/tokens/list', toListPayload(filters, page, PAGE_SIZE, anchor.current)),
    [filters, page],
  );

  const changeFilters = useCallback((next: TokenFilters) => {
    anchor.current = Date.now();
    setPage(1);
    setFilters(next);
  }, []);

  return (
    <Stack space="space.300">
      <FilterBar filters={filters} onChange={changeFilters} />
      {state.status === 'failed' ? (
        <ErrorState title="Tokens could not be loaded" error={state.error} onRetry={reload} />
      ) : (
        <Stack space="space.100">
          <Text weight="semibold" testId="admin-token-count">
            {shown ? (shown.total === 1 ? '1 token' : `${shown.total} tokens`) : 'Loading tokens'}
          </Text>
          <DynamicTableStateless
            head={head}
            rows={shown ? shown.tokens.map((token) => rowOf(token, now, setAction)) : []}
            rowsPerPage={PAGE_SIZE}
            page={page}
            totalRows={shown?.total ?? 0}
            onSetPage={setPage}
            isLoading={state.status === 'loading'}
            loadingLabel="Loading tokens"
            testId="admin-tokens-table"
            emptyView={
              shown ? (
                <EmptyState
                  header={isFiltered(filters) ? 'No tokens match these filters' : 'Nobody has created a token yet'}
                  headingLevel={2}
                  description={
                    isFiltered(filters)
                      ? 'Change or clear the filters to see more tokens.'
                      : 'Users create API tokens on the Status Clock page in the Apps menu. Their tokens appear here.'
                  }
                />
              ) : undefined
            }
          />
        </Stack>
      )}
      <Suspense fallback={null}>
        {action ? (
          <AdminTokenDialog
            action={action}
            onClose={() => setAction(undefined)}
            onDone={(message) => {
              setAction(undefined);
              showSuccessFlag(message);
              reload();
            }}
          />
        ) : null}
      </Suspense>
    </Stack>
  );
}
