// The caller's tokens: sortable, with an empty state that says what tokens are for.
import Button from '@atlaskit/button/new';
import DynamicTable from '@atlaskit/dynamic-table';
import type { HeadType, RowType } from '@atlaskit/dynamic-table/types';
import EmptyState from '@atlaskit/empty-state';
import { Text } from '@atlaskit/primitives';
import { displayStateOf } from '../../../src/contract/token-display-state';
import type { TokenView } from '../../../src/contract/tokens';
import { RowActions, useNarrowViewport } from '../shared/row-actions';
import {
  CreatedCell,
  ExpiresCell,
  HeaderText,
  LastUsedCell,
  NotesCell,
  RestrictionsCell,
  StateCell,
  TokenIdCell,
  restrictionSummary,
} from '../shared/token-cells';
import type { DialogState } from './dialog-state';

export interface TokenTableProps {
  tokens: TokenView[];
  now: number;
  onAction: (dialog: DialogState) => void;
}

const head: HeadType = {
  cells: [
    { key: 'state', content: <HeaderText text="State" />, isSortable: true, width: 9 },
    { key: 'id', content: <HeaderText text="Token ID" />, isSortable: true, width: 9 },
    { key: 'created', content: <HeaderText text="Created at" />, isSortable: true, width: 13 },
    { key: 'expires', content: <HeaderText text="Expires at" />, isSortable: true, width: 14 },
    { key: 'lastUsed', content: <HeaderText text="Last used" />, isSortable: true, width: 13 },
    { key: 'uses', content: <HeaderText text="Uses" />, isSortable: true, width: 6 },
    { key: 'notes', content: <HeaderText text="Notes" />, isSortable: true, width: 13 },
    { key: 'restrictions', content: <HeaderText text="Restrictions" />, isSortable: true, width: 10 },
    { key: 'actions', content: <HeaderText text="Actions" />, width: 14 },
  ],
};

function rowOf(token: TokenView, now: number, narrow: boolean, onAction: TokenTableProps['onAction']): RowType {
  const label = token.notes ? `token "${token.notes.slice(0, 40)}"` : `token ${token.id.slice(0, 8)}`;
  return {
    key: token.id,
    testId: `token-row-${token.id}`,
    cells: [
      { key: displayStateOf(token), content: <StateCell token={token} /> },
      { key: token.id, content: <TokenIdCell token={token} /> },
      { key: token.createdAt, content: <CreatedCell token={token} /> },
      { key: token.expiresAt, content: <ExpiresCell token={token} now={now} /> },
      { key: token.lastUsedAt ?? '', content: <LastUsedCell token={token} now={now} /> },
      { key: token.useCount, content: <Text>{token.useCount}</Text> },
      { key: token.notes.toLowerCase(), content: <NotesCell token={token} /> },
      { key: Object.values(restrictionSummary(token)).join(' '), content: <RestrictionsCell token={token} /> },
      {
        key: 'actions',
        content: (
          <RowActions
            narrow={narrow}
            menuLabel={`Actions for ${label}`}
            actions={[
              {
                label: 'Details',
                accessibleName: `Details and history of ${label}`,
                onClick: () => onAction({ kind: 'history', token }),
                testId: 'token-history',
              },
              { label: 'Edit', accessibleName: `Edit ${label}`, onClick: () => onAction({ kind: 'edit', token }), testId: 'edit-token' },
              {
                label: 'Regenerate',
                accessibleName: `Regenerate ${label}`,
                onClick: () => onAction({ kind: 'regenerate', token }),
                testId: 'regenerate-token',
              },
              { label: 'Delete', accessibleName: `Delete ${label}`, onClick: () => onAction({ kind: 'delete', token }), testId: 'delete-token', subtle: true },
            ]}
          />
        ),
      },
    ],
  };
}

export function TokenTable({ tokens, now, onAction }: TokenTableProps) {
  const narrow = useNarrowViewport();
  if (tokens.length === 0) {
    return (
      <EmptyState
        testId="tokens-empty"
        header="You have no API tokens yet"
        headingLevel={2}
        description="An API token lets a script, Power BI, Excel or any HTTP client fetch Time in Status reports from this Jira site as you, seeing only the issues you can see. Create one for each tool, so you can revoke one without breaking the others."
        primaryAction={
          <Button appearance="primary" onClick={() => onAction({ kind: 'create' })}>
            Create your first token
          </Button>
        }
      />
    );
  }
  return (
    <DynamicTable
      caption={<Text weight="semibold">{tokens.length === 1 ? '1 token' : `${tokens.length} tokens`}</Text>}
      head={head}
      rows={tokens.map((token) => rowOf(token, now, narrow, onAction))}
      defaultSortKey="created"
      defaultSortOrder="DESC"
      testId="tokens-table"
    />
  );
}
