// The Token manager tab, for members of the policy's manager groups and Jira admins:
// every user's tokens with the admin page's filters, a token created for another user
// (its text shown once, here, to the manager), each token's history (its audit events),
// and deactivate or delete any token. A
// deactivation from here sticks: the owner cannot switch the token back on.
import Button from '@atlaskit/button/new';
import { DynamicTableStateless } from '@atlaskit/dynamic-table';
import type { HeadType, RowType } from '@atlaskit/dynamic-table/types';
import EmptyState from '@atlaskit/empty-state';
import { ErrorMessage, HelperMessage, Label } from '@atlaskit/form';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import { AsyncSelect } from '@atlaskit/select';
import TextArea from '@atlaskit/textarea';
import { useCallback, useRef, useState } from 'react';
import type { CallerGovernance, IssuedToken, TokenView } from '../../../src/contract/tokens';
import { FilterBar } from '../admin-page/filter-bar';
import { emptyFilters, isFiltered, toListPayload, type TokenFilters } from '../admin-page/token-filters';
import { searchUsers, type UserOption } from '../admin-page/user-search';
import { ConfirmDialog } from '../shared/confirm-dialog';
import { type ExpiryChoice, ExpiryPicker, expiryDateOf, initialPreset } from '../shared/expiry-picker';
import { showErrorFlag, showSuccessFlag } from '../shared/flags';
import { FormDialog } from '../shared/form-dialog';
import { ErrorState } from '../shared/load-states';
import { ResolverCallError, callResolver } from '../shared/resolver-client';
import { StateCell, CreatedCell, ExpiresCell, LastUsedCell, NotesCell, OwnerCell, TokenIdCell } from '../shared/token-cells';
import { TokenDetails } from '../shared/token-details';
import { useLatestLoad } from '../shared/use-latest-load';
import { useNow } from '../shared/use-now';
import { IssuedTokenDialog } from './issued-token-dialog';
import { TokenHistoryDialog } from './token-history-dialog';

const PAGE_SIZE = 20;

type ManagerAction = { kind: 'set-active'; token: TokenView; active: boolean } | { kind: 'delete'; token: TokenView } | { kind: 'history'; token: TokenView };

const head: HeadType = {
  cells: [
    { key: 'owner', content: 'Owner', width: 12 },
    { key: 'active', content: 'Active', width: 9 },
    { key: 'id', content: 'Token ID', width: 8 },
    { key: 'created', content: 'Created at', width: 12 },
    { key: 'expires', content: 'Expires at', width: 12 },
    { key: 'lastUsed', content: 'Last used', width: 12 },
    { key: 'notes', content: 'Notes', width: 15 },
    { key: 'actions', content: 'Actions', width: 16 },
  ],
};

function rowOf(token: TokenView, now: number, onAction: (action: ManagerAction) => void): RowType {
  const label = `${token.ownerDisplayName}'s token ${token.id.slice(0, 8)}`;
  return {
    key: token.id,
    testId: `manager-token-row-${token.id}`,
    cells: [
      { key: 'owner', content: <OwnerCell token={token} /> },
      { key: 'active', content: <StateCell token={token} /> },
      { key: 'id', content: <TokenIdCell token={token} /> },
      { key: 'created', content: <CreatedCell token={token} /> },
      { key: 'expires', content: <ExpiresCell token={token} now={now} /> },
      { key: 'lastUsed', content: <LastUsedCell token={token} now={now} /> },
      { key: 'notes', content: <NotesCell token={token} /> },
      {
        key: 'actions',
        content: (
          <Inline space="space.050" shouldWrap>
            <Button
              spacing="compact"
              appearance="subtle"
              onClick={() => onAction({ kind: 'history', token })}
              aria-label={`History of ${label}`}
              testId="manager-history"
            >
              History
            </Button>
            <Button
              spacing="compact"
              onClick={() => onAction({ kind: 'set-active', token, active: !token.active })}
              aria-label={`${token.active ? 'Deactivate' : 'Activate'} ${label}`}
              testId={token.active ? 'manager-deactivate' : 'manager-activate'}
            >
              {token.active ? 'Deactivate' : 'Activate'}
            </Button>
            <Button
              spacing="compact"
              appearance="subtle"
              onClick={() => onAction({ kind: 'delete', token })}
              aria-label={`Delete ${label}`}
              testId="manager-delete"
            >
              Delete
            </Button>
          </Inline>
        ),
      },
    ],
  };
}

function ManagerActionDialog({ action, onClose, onDone }: { action: ManagerAction; onClose: () => void; onDone: (message: string) => void }) {
  const { token } = action;
  if (action.kind === 'history') return <TokenHistoryDialog token={token} asManager onClose={onClose} />;
  if (action.kind === 'delete') {
    return (
      <ConfirmDialog
        title={`Delete ${token.ownerDisplayName}'s token?`}
        confirmLabel="Delete token"
        appearance="danger"
        failureTitle="Token not deleted"
        testId="manager-delete-dialog"
        onClose={onClose}
        onConfirm={async () => {
          await callResolver('manager/tokens/delete', { id: token.id });
          onDone('Token deleted');
        }}
      >
        <Text as="p">Tools using this token stop working at once. This cannot be undone.</Text>
        <TokenDetails token={token} showOwner />
      </ConfirmDialog>
    );
  }
  return (
    <ConfirmDialog
      title={action.active ? `Activate ${token.ownerDisplayName}'s token?` : `Deactivate ${token.ownerDisplayName}'s token?`}
      confirmLabel={action.active ? 'Activate' : 'Deactivate'}
      appearance={action.active ? 'primary' : 'warning'}
      failureTitle={action.active ? 'Token not activated' : 'Token not deactivated'}
      testId="manager-set-active-dialog"
      onClose={onClose}
      onConfirm={async () => {
        await callResolver('manager/tokens/set-active', { id: token.id, active: action.active });
        onDone(action.active ? 'Token activated' : 'Token deactivated');
      }}
    >
      <Text as="p">
        {action.active
          ? 'Requests with this token will be accepted again, until it expires.'
          : 'Requests with this token are refused until a token manager or Jira admin activates it again. The owner cannot reactivate it.'}
      </Text>
      <TokenDetails token={token} showOwner />
    </ConfirmDialog>
  );
}

type CreateErrors = Partial<Record<'ownerAccountId' | 'notes' | 'expiresAt', string>>;

function CreateForUserDialog({
  governance,
  now,
  onClose,
  onCreated,
}: {
  governance: CallerGovernance;
  now: number;
  onClose: () => void;
  onCreated: (issued: IssuedToken, owner: string) => void;
}) {
  const [owner, setOwner] = useState<UserOption | null>(null);
  const [notes, setNotes] = useState('');
  const [expiry, setExpiry] = useState<ExpiryChoice>({ preset: initialPreset(governance.defaultLifetimeDays, governance.maxLifetimeDays), customDate: '' });
  const [errors, setErrors] = useState<CreateErrors>({});
  const [working, setWorking] = useState(false);

  const submit = async () => {
    const expiresAt = expiryDateOf(expiry, now, governance.maxLifetimeDays);
    const problems: CreateErrors = {};
    if (!owner) problems.ownerAccountId = 'Pick the user the token is for.';
    if (!expiresAt) problems.expiresAt = 'Pick the date the token should stop working.';
    if (governance.notesRequired && !notes.trim()) problems.notes = 'Notes are required by your administrator: say what the token is for.';
    setErrors(problems);
    if (!owner || !expiresAt || Object.keys(problems).length > 0) return;
    setWorking(true);
    try {
      const issued = await callResolver('manager/tokens/create', { ownerAccountId: owner.value, expiresAt, ...(notes.trim() ? { notes: notes.trim() } : {}) });
      onCreated(issued, owner.label);
    } catch (error) {
      setWorking(false);
      if (error instanceof ResolverCallError && (error.field === 'ownerAccountId' || error.field === 'notes' || error.field === 'expiresAt')) {
        setErrors({ [error.field]: error.message });
      } else {
        showErrorFlag('Token not created', error);
      }
    }
  };

  return (
    <FormDialog
      title="Create a token for a user"
      testId="manager-create-dialog"
      width="medium"
      working={working}
      submitLabel="Create token"
      submitTestId="manager-create-submit"
      onClose={onClose}
      onSubmit={submit}
    >
      <Stack space="space.200">
        <div>
          <Label htmlFor="manager-create-owner">User</Label>
          <AsyncSelect<UserOption>
            inputId="manager-create-owner"
            testId="manager-create-owner"
            cacheOptions
            defaultOptions
            loadOptions={(query: string) => searchUsers(query)}
            value={owner}
            onChange={(option) => setOwner(option ?? null)}
            placeholder="Search for a user"
            menuPosition="fixed"
            aria-invalid={errors.ownerAccountId ? true : undefined}
          />
          {errors.ownerAccountId ? (
            <ErrorMessage>{errors.ownerAccountId}</ErrorMessage>
          ) : (
            <HelperMessage>The token runs with this user&apos;s Jira permissions. You see its text once; hand it over safely.</HelperMessage>
          )}
        </div>
        <div>
          <Label htmlFor="manager-create-notes">Notes</Label>
          <TextArea
            id="manager-create-notes"
            testId="manager-create-notes"
            value={notes}
            onChange={(event) => setNotes(event.currentTarget.value)}
            minimumRows={2}
            resize="vertical"
            isInvalid={Boolean(errors.notes)}
          />
          {errors.notes ? (
            <ErrorMessage>{errors.notes}</ErrorMessage>
          ) : (
            <HelperMessage>{governance.notesRequired ? 'Required. ' : ''}What the token is for.</HelperMessage>
          )}
        </div>
        <ExpiryPicker
          id="manager-create-expiry"
          choice={expiry}
          onChange={setExpiry}
          now={now}
          error={errors.expiresAt}
          maxLifetimeDays={governance.maxLifetimeDays}
        />
      </Stack>
    </FormDialog>
  );
}

export function TokenManagerTab({ governance, restBaseUrl }: { governance: CallerGovernance; restBaseUrl: string }) {
  const [filters, setFilters] = useState<TokenFilters>(emptyFilters);
  const [page, setPage] = useState(1);
  const [action, setAction] = useState<ManagerAction | undefined>();
  const [creating, setCreating] = useState(false);
  const [issued, setIssued] = useState<{ issued: IssuedToken; owner: string } | undefined>();
  const now = useNow();
  const anchor = useRef(Date.now());

  const { state, shown, reload } = useLatestLoad(
    () => callResolver('manager/tokens/list', toListPayload(filters, page, PAGE_SIZE, anchor.current)),
    [filters, page],
  );

  const changeFilters = useCallback((next: TokenFilters) => {
    anchor.current = Date.now();
    setPage(1);
    setFilters(next);
  }, []);

  return (
    <Stack space="space.300">
      <Inline spread="space-between" alignBlock="center" shouldWrap space="space.200">
        <Text color="color.text.subtle">Every user&apos;s tokens. A token you create for someone works with their Jira permissions.</Text>
        <Button appearance="primary" onClick={() => setCreating(true)} testId="manager-create">
          Create token for a user
        </Button>
      </Inline>
      <FilterBar filters={filters} onChange={changeFilters} />
      {state.status === 'failed' ? (
        <ErrorState title="Tokens could not be loaded" error={state.error} onRetry={reload} />
      ) : (
        <Stack space="space.100">
          <Text weight="semibold" testId="manager-token-count">
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
            testId="manager-tokens-table"
            emptyView={
              shown ? (
                <EmptyState
                  header={isFiltered(filters) ? 'No tokens match these filters' : 'Nobody has a token yet'}
                  headingLevel={2}
                  description={
                    isFiltered(filters) ? 'Change or clear the filters to see more tokens.' : 'Create one for a user, or wait for people to create their own.'
                  }
                />
              ) : undefined
            }
          />
        </Stack>
      )}
      {action ? (
        <ManagerActionDialog
          action={action}
          onClose={() => setAction(undefined)}
          onDone={(message) => {
            setAction(undefined);
            showSuccessFlag(message);
            reload();
          }}
        />
      ) : null}
      {creating ? (
        <CreateForUserDialog
          governance={governance}
          now={now}
          onClose={() => setCreating(false)}
          onCreated={(token, owner) => {
            setCreating(false);
            setIssued({ issued: token, owner });
            reload();
          }}
        />
      ) : null}
      {issued ? (
        <IssuedTokenDialog issued={issued.issued} reason="created" forName={issued.owner} restBaseUrl={restBaseUrl} onClose={() => setIssued(undefined)} />
      ) : null}
    </Stack>
  );
}
