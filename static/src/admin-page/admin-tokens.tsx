// Every user's tokens, filtered and paged on the server.
import { DynamicTableStateless } from '@atlaskit/dynamic-table';
import type { HeadType, RowType } from '@atlaskit/dynamic-table/types';
import EmptyState from '@atlaskit/empty-state';
import { Stack, Text } from '@atlaskit/primitives';
import { lazy, Suspense, useCallback, useRef, useState } from 'react';
import type { AdminListPayload, TokenView } from '../../../src/contract/tokens';
import { showSuccessFlag } from '../shared/flags';
import { ErrorState } from '../shared/load-states';
import { callResolver } from '../shared/resolver-client';
import { RowActions, useNarrowViewport } from '../shared/row-actions';
import { CreatedCell, ExpiresCell, HeaderText, LastUsedCell, NotesCell, OwnerCell, RestrictionsCell, StateCell, TokenIdCell } from '../shared/token-cells';
import { useLatestLoad } from '../shared/use-latest-load';
import { useNow } from '../shared/use-now';
import { FilterBar } from './filter-bar';
import { emptyFilters, isFiltered, toListPayload, type TokenFilters } from './token-filters';
import type { AdminAction } from './admin-action';

const AdminTokenDialog = lazy(() => import('./admin-token-dialog').then((module) => ({ default: module.AdminTokenDialog })));

const PAGE_SIZE = 20;

type SortKey = NonNullable<AdminListPayload['sortBy']>;
const sortable: ReadonlySet<string> = new Set<SortKey>(['created', 'expires', 'lastUsed', 'uses', 'notes']);

// Sorting is the server's: the table is paged, so only the server sees every row.
const head: HeadType = {
  cells: [
    { key: 'owner', content: <HeaderText text="Owner" />, width: 12 },
    { key: 'state', content: <HeaderText text="State" />, width: 9 },
    { key: 'id', content: <HeaderText text="Token ID" />, width: 8 },
    { key: 'created', content: <HeaderText text="Created at" />, width: 12, isSortable: true },
    { key: 'expires', content: <HeaderText text="Expires at" />, width: 12, isSortable: true },
    { key: 'lastUsed', content: <HeaderText text="Last used" />, width: 11, isSortable: true },
    { key: 'uses', content: <HeaderText text="Uses" />, width: 6, isSortable: true },
    { key: 'notes', content: <HeaderText text="Notes" />, width: 12, isSortable: true },
    { key: 'restrictions', content: <HeaderText text="Restrictions" />, width: 8 },
    { key: 'actions', content: <HeaderText text="Actions" />, width: 10 },
  ],
};

function rowOf(token: TokenView, now: number, narrow: boolean, onAction: (action: AdminAction) => void): RowType {
  const label = `${token.ownerDisplayName}'s token ${token.id.slice(0, 8)}`;
  return {
    key: token.id,
    testId: `admin-token-row-${token.id}`,
    cells: [
      { key: 'owner', content: <OwnerCell token={token} /> },
      { key: 'state', content: <StateCell token={token} /> },
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
          <RowActions
            narrow={narrow}
            menuLabel={`Actions for ${label}`}
            actions={[
              {
                label: token.active ? 'Deactivate' : 'Activate',
                accessibleName: `${token.active ? 'Deactivate' : 'Activate'} ${label}`,
                onClick: () => onAction({ kind: 'set-active', token, active: !token.active }),
                testId: token.active ? 'admin-deactivate' : 'admin-activate',
              },
              { label: 'Delete', accessibleName: `Delete ${label}`, onClick: () => onAction({ kind: 'delete', token }), testId: 'admin-delete', subtle: true },
            ]}
          />
        ),
      },
    ],
  };
}

export function AdminTokens() {
  const [filters, setFilters] = useState<TokenFilters>(emptyFilters);
  const [page, setPage] = useState(1);
  const [sort, setSort] = useState<{ key: SortKey; order: 'ASC' | 'DESC' } | undefined>();
  const narrow = useNarrowViewport();
  const [action, setAction] = useState<AdminAction | undefined>();
  const now = useNow();
  // Relative presets ("last 7 days") are anchored when the filters change, not every minute.
  const anchor = useRef(Date.now());

  const { state, shown, reload } = useLatestLoad(
    () =>
      callResolver('admin/tokens/list', {
        ...toListPayload(filters, page, PAGE_SIZE, anchor.current),
        ...(sort ? { sortBy: sort.key, sortOrder: sort.order } : {}),
      }),
    [filters, page, sort],
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
            rows={shown ? shown.tokens.map((token) => rowOf(token, now, narrow, setAction)) : []}
            sortKey={sort?.key}
            sortOrder={sort?.order}
            onSort={({ key, sortOrder }: { key: string; sortOrder: 'ASC' | 'DESC' }) => {
              if (!sortable.has(key)) return;
              setPage(1);
              setSort({ key: key as SortKey, order: sortOrder });
            }}
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
