// The REST activity tab: every authenticated REST API request, newest first, paged on the
// server, optionally for one token.
import Button from '@atlaskit/button/new';
import { DynamicTableStateless } from '@atlaskit/dynamic-table';
import type { HeadType, RowType } from '@atlaskit/dynamic-table/types';
import EmptyState from '@atlaskit/empty-state';
import { ErrorMessage, Label } from '@atlaskit/form';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import Textfield from '@atlaskit/textfield';
import { useEffect, useState, type FormEvent } from 'react';
import { regexes } from 'zod/v4/core';
import type { RestActivityPage, RestActivityView } from '../../../src/contract/rest-activity';
import { SHORT_TOKEN_ID } from '../../../src/contract/token-id';
import { CodeBlock } from '../shared/code-block';
import { formatDateTime, formatDuration, pluralise } from '../shared/format';
import { ErrorState } from '../shared/load-states';
import { RequestMessage, RequestStatus } from '../shared/rest-request-cells';
import { callResolver, fieldMessage } from '../shared/resolver-client';
import { TokenIdCell } from '../shared/token-cells';
import { useLatestLoad } from '../shared/use-latest-load';
import { displayNames } from './user-search';

const PAGE_SIZE = 50;
/**
 * The pattern the contract's `z.string().uuid()` checks on the server. Importing the
 * contract's schema instead would bundle all of zod (about 450 KB) into this tab.
 */
const TOKEN_ID_PATTERN = regexes.uuid();

const monospace = xcss({ fontFamily: 'font.family.code', overflowWrap: 'anywhere' });
const filterField = xcss({ width: '340px', maxWidth: '100%' });

const head: HeadType = {
  cells: [
    { key: 'at', content: 'Time', width: 14 },
    { key: 'user', content: 'User', width: 14 },
    { key: 'token', content: 'Token ID', width: 14 },
    { key: 'request', content: 'Request', width: 28 },
    { key: 'status', content: 'Status', width: 8 },
    { key: 'issues', content: 'Issues', width: 8 },
    { key: 'duration', content: 'Duration', width: 10 },
  ],
};

interface Loaded {
  result: RestActivityPage;
  names: ReadonlyMap<string, string>;
}

function rowOf(request: RestActivityView, position: number, names: ReadonlyMap<string, string>, onFilter: ((tokenId: string) => void) | undefined): RowType {
  const name = names.get(request.ownerAccountId);
  return {
    key: `${position}-${request.at}-${request.tokenId}`,
    testId: `activity-row-${position}`,
    cells: [
      {
        key: 'at',
        content: (
          <span title={request.at}>
            <Text>{formatDateTime(request.at)}</Text>
          </span>
        ),
      },
      {
        key: 'user',
        content:
          name !== undefined ? (
            <Text>{name}</Text>
          ) : (
            // Jira no longer knows the account, or the admin may not see it: the id is all there is.
            <Box as="span" xcss={monospace}>
              <Text color="color.text.subtle">{request.ownerAccountId}</Text>
            </Box>
          ),
      },
      {
        key: 'token',
        content: (
          <Inline space="space.050" alignBlock="center" shouldWrap>
            <TokenIdCell token={{ id: request.tokenId }} />
            {onFilter ? (
              <Button
                spacing="compact"
                appearance="subtle"
                onClick={() => onFilter(request.tokenId)}
                aria-label={`Show only the requests of token ${request.tokenId}`}
                testId="activity-only-token"
              >
                Show only this token
              </Button>
            ) : null}
          </Inline>
        ),
      },
      {
        key: 'request',
        content: (
          <Stack space="space.050">
            <Box as="span" xcss={monospace}>
              <Text weight="semibold">{request.method}</Text> <Text>{request.endpoint}</Text>
            </Box>
            <RequestMessage request={request} />
          </Stack>
        ),
      },
      { key: 'status', content: <RequestStatus status={request.status} /> },
      { key: 'issues', content: <Text>{request.issueCount}</Text> },
      { key: 'duration', content: <Text>{formatDuration(request.durationMs)}</Text> },
    ],
  };
}

export function AdminActivity({ restBaseUrl }: { restBaseUrl: string }) {
  const [page, setPage] = useState(1);
  const [tokenId, setTokenId] = useState<string | undefined>();
  const [tokenIdText, setTokenIdText] = useState('');
  const [tokenIdError, setTokenIdError] = useState<string | undefined>();

  const { state, shown, reload } = useLatestLoad(async (): Promise<Loaded> => {
    const result = await callResolver('admin/activity/list', { page, pageSize: PAGE_SIZE, ...(tokenId ? { tokenId } : {}) });
    // Names are a nicety: without them the table shows account ids.
    const names = await displayNames(result.requests.map((row) => row.ownerAccountId)).catch(() => new Map<string, string>());
    return { result, names };
  }, [page, tokenId]);

  // The server's word on the token id goes under the field, like the client's own check.
  useEffect(() => {
    const message = state.status === 'failed' ? fieldMessage(state.error, 'tokenId') : undefined;
    if (message !== undefined) setTokenIdError(message);
  }, [state]);

  const applyFilter = (text: string) => {
    const wanted = text.trim();
    if (wanted !== '' && !TOKEN_ID_PATTERN.test(wanted) && !SHORT_TOKEN_ID.test(wanted)) {
      setTokenIdError('Enter a token ID: the 8 characters the tables show, or the whole ID.');
      return;
    }
    setTokenIdError(undefined);
    setTokenIdText(wanted);
    setPage(1);
    setTokenId(wanted === '' ? undefined : wanted);
    // Filtering again by the same token still asks the server again.
    reload();
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    applyFilter(tokenIdText);
  };

  const failedOnField = state.status === 'failed' && fieldMessage(state.error, 'tokenId') !== undefined;

  return (
    <Stack space="space.300">
      <Inline spread="space-between" alignBlock="end" shouldWrap space="space.200">
        <form onSubmit={submit} aria-label="Filter requests" data-testid="activity-filter">
          <Stack space="space.050">
            <Label htmlFor="activity-token-id">Token ID</Label>
            <Inline space="space.100" alignBlock="center">
              <Box xcss={filterField}>
                <Textfield
                  id="activity-token-id"
                  testId="activity-token-id"
                  value={tokenIdText}
                  onChange={(event) => {
                    setTokenIdText(event.currentTarget.value);
                    setTokenIdError(undefined);
                  }}
                  placeholder="Any token"
                  isInvalid={Boolean(tokenIdError)}
                  isCompact
                  aria-describedby={tokenIdError ? 'activity-token-id-error' : undefined}
                />
              </Box>
              <Button type="submit" testId="activity-filter-apply">
                Show this token&apos;s requests
              </Button>
              {tokenId || tokenIdText ? (
                <Button appearance="subtle" onClick={() => applyFilter('')} testId="activity-filter-clear">
                  Show every token
                </Button>
              ) : null}
            </Inline>
            {tokenIdError ? (
              <ErrorMessage testId="activity-token-id-error">
                <span id="activity-token-id-error">{tokenIdError}</span>
              </ErrorMessage>
            ) : null}
          </Stack>
        </form>
        <Button onClick={reload} isLoading={state.status === 'loading'} testId="activity-refresh">
          Reload the list
        </Button>
      </Inline>
      {state.status === 'failed' && !failedOnField ? (
        <ErrorState title="REST activity could not be loaded" error={state.error} onRetry={reload} />
      ) : (
        <Stack space="space.100">
          <Text weight="semibold" testId="activity-count">
            {shown
              ? pluralise(shown.result.total, 'request', 'requests') + (tokenId ? ' with this token' : '')
              : failedOnField
                ? 'No requests'
                : 'Loading requests'}
          </Text>
          <DynamicTableStateless
            head={head}
            rows={
              shown
                ? shown.result.requests.map((request, index) =>
                    rowOf(request, (shown.result.page - 1) * shown.result.pageSize + index, shown.names, tokenId ? undefined : applyFilter),
                  )
                : []
            }
            rowsPerPage={PAGE_SIZE}
            page={page}
            totalRows={shown?.result.total ?? 0}
            onSetPage={setPage}
            isLoading={state.status === 'loading'}
            loadingLabel="Loading requests"
            testId="activity-table"
            emptyView={
              shown ? (
                tokenId ? (
                  <EmptyState
                    header="No requests with this token"
                    headingLevel={2}
                    description="No request with this token is in the log. Clear the filter to see every request."
                  />
                ) : (
                  <EmptyState
                    header="No REST API requests yet"
                    headingLevel={2}
                    description={
                      <Stack space="space.100">
                        <Text as="p">
                          Scripts and BI tools call the REST API with a user&apos;s token in the Authorization header; each request they send appears here.
                        </Text>
                        <CodeBlock
                          text={`GET ${restBaseUrl}/rest/list?customjql=project%3DKEY\nAuthorization: TISJWT <token>`}
                          label="Example REST API request"
                          testId="activity-empty-example"
                        />
                        <Text as="p">Users create tokens on the Status Clock page in the Apps menu.</Text>
                      </Stack>
                    }
                  />
                )
              ) : undefined
            }
          />
        </Stack>
      )}
    </Stack>
  );
}
