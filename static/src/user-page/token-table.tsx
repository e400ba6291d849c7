// The caller's tokens: sortable, with an empty state that says what tokens are for.
import Button from '@atlaskit/button/new';
import DynamicTable from '@atlaskit/dynamic-table';
import type { HeadType, RowType } from '@atlaskit/dynamic-table/types';
import EmptyState from '@atlaskit/empty-state';
import { Inline, Text } from '@atlaskit/primitives';
import type { TokenView } from '../../../src/contract/tokens';
import { ActiveCell, CreatedCell, ExpiresCell, LastUsedCell, NotesCell, TokenIdCell } from '../shared/token-cells';
import type { DialogState } from './dialog-state';

export interface TokenTableProps {
  tokens: TokenView[];
  now: number;
  onAction: (dialog: DialogState) => void;
}

const head: HeadType = {
  cells: [
    { key: 'active', content: 'Active', isSortable: true, width: 8 },
    { key: 'id', content: 'Token ID', isSortable: true, width: 9 },
    { key: 'created', content: 'Created at', isSortable: true, width: 13 },
    { key: 'expires', content: 'Expires at', isSortable: true, width: 14 },
    { key: 'lastUsed', content: 'Last used', isSortable: true, width: 13 },
    { key: 'uses', content: 'Uses', isSortable: true, width: 6 },
    { key: 'notes', content: 'Notes', isSortable: true, width: 17 },
    { key: 'actions', content: <span>Actions</span>, width: 20 },
  ],
};

function rowOf(token: TokenView, now: number, onAction: TokenTableProps['onAction']): RowType {
  const label = token.notes ? `token "${token.notes.slice(0, 40)}"` : `token ${token.id.slice(0, 8)}`;
  return {
    key: token.id,
    testId: `token-row-${token.id}`,
    cells: [
      { key: token.active ? 1 : 0, content: <ActiveCell token={token} /> },
      { key: token.id, content: <TokenIdCell token={token} /> },
      { key: token.createdAt, content: <CreatedCell token={token} /> },
      { key: token.expiresAt, content: <ExpiresCell token={token} now={now} /> },
      { key: token.lastUsedAt ?? '', content: <LastUsedCell token={token} now={now} /> },
      { key: token.useCount, content: <Text>{token.useCount}</Text> },
      { key: token.notes.toLowerCase(), content: <NotesCell token={token} /> },
      {
        key: 'actions',
        content: (
          <Inline space="space.050" shouldWrap>
            <Button
              spacing="compact"
              onClick={() => onAction({ kind: 'history', token })}
              aria-label={`Details and history of ${label}`}
              testId="token-history"
            >
              Details
            </Button>
            <Button spacing="compact" onClick={() => onAction({ kind: 'edit', token })} aria-label={`Edit ${label}`} testId="edit-token">
              Edit
            </Button>
            <Button spacing="compact" onClick={() => onAction({ kind: 'regenerate', token })} aria-label={`Regenerate ${label}`} testId="regenerate-token">
              Regenerate
            </Button>
            <Button
              spacing="compact"
              appearance="subtle"
              onClick={() => onAction({ kind: 'delete', token })}
              aria-label={`Delete ${label}`}
              testId="delete-token"
            >
              Delete
            </Button>
          </Inline>
        ),
      },
    ],
  };
}

export function TokenTable({ tokens, now, onAction }: TokenTableProps) {
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
      rows={tokens.map((token) => rowOf(token, now, onAction))}
      defaultSortKey="created"
      defaultSortOrder="DESC"
      testId="tokens-table"
    />
  );
}
