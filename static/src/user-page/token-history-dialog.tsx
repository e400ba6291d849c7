// A token's details and history: for its owner, what happened to it (newest first), the
// last five distinct addresses it was used from, with when each was last seen, and its
// newest REST requests, a failure with what the caller was told and a refusal with which
// check failed (the caller itself only got the one 401 message); for a token manager (the
// Token manager tab), the token's events from the manager's audit list, whose new-address
// events name the addresses.
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Modal, { ModalBody, ModalFooter, ModalHeader, ModalTitle } from '@atlaskit/modal-dialog';
import { DynamicTableStateless } from '@atlaskit/dynamic-table';
import type { HeadType } from '@atlaskit/dynamic-table/types';
import { Box, Stack, Text, xcss } from '@atlaskit/primitives';
import type { AddressSeen, AuditEventView } from '../../../src/contract/audit';
import { AUDIT_PAGE_SIZE_MAX } from '../../../src/contract/audit-events';
import type { TokenActivity } from '../../../src/contract/rest-activity';
import type { TokenView } from '../../../src/contract/tokens';
import { formatDateTime, formatDuration, pluralise } from '../shared/format';
import { ErrorState, LoadingState } from '../shared/load-states';
import { callResolver } from '../shared/resolver-client';
import { RequestMessage, RequestStatus } from '../shared/rest-request-cells';
import { TokenDetails } from '../shared/token-details';
import { useLatestLoad } from '../shared/use-latest-load';

const list = xcss({ margin: 'space.0', paddingInlineStart: 'space.300' });
const monospace = xcss({ fontFamily: 'font.family.code', overflowWrap: 'anywhere' });

const requestHead: HeadType = {
  cells: [
    { key: 'at', content: 'Time', width: 22 },
    { key: 'request', content: 'Request', width: 48 },
    { key: 'status', content: 'Status', width: 12 },
    { key: 'from', content: 'From', width: 18 },
  ],
};

function RecentRequests({ activity }: { activity: TokenActivity }) {
  return (
    <Stack space="space.100">
      <Text testId="token-activity-count">
        {activity.total === 0
          ? 'No REST API request with this token in the last 30 days.'
          : activity.total > activity.requests.length
            ? `The newest ${activity.requests.length} of ${pluralise(activity.total, 'request', 'requests')} in the last 30 days.`
            : `${pluralise(activity.total, 'request', 'requests')} in the last 30 days.`}
      </Text>
      {activity.requests.length > 0 ? (
        <DynamicTableStateless
          head={requestHead}
          testId="token-activity"
          rows={activity.requests.map((request, index) => ({
            key: `${index}-${request.at}`,
            testId: `token-activity-row-${index}`,
            cells: [
              { key: 'at', content: <Text>{formatDateTime(request.at)}</Text> },
              {
                key: 'request',
                content: (
                  <Stack space="space.050">
                    <Box as="span" xcss={monospace}>
                      <Text weight="semibold">{request.method}</Text> <Text>{request.endpoint}</Text>
                      <Text color="color.text.subtle">
                        {' '}
                        {pluralise(request.issueCount, 'issue', 'issues')}, {formatDuration(request.durationMs)}
                      </Text>
                    </Box>
                    <RequestMessage request={request} />
                  </Stack>
                ),
              },
              { key: 'status', content: <RequestStatus status={request.status} /> },
              { key: 'from', content: <Text>{request.clientIp ?? 'Unknown'}</Text> },
            ],
          }))}
        />
      ) : null}
    </Stack>
  );
}

const describe = (type: string, detail: Record<string, unknown>): string => {
  const changes = detail.changes as Record<string, unknown> | undefined;
  const fields = changes ? Object.keys(changes) : [];
  return fields.length ? `${type} (${fields.join(', ')})` : type;
};

async function historyOf(token: TokenView, asManager: boolean): Promise<{ events: AuditEventView[]; addresses?: AddressSeen[] }> {
  if (!asManager) return callResolver('tokens/history', { id: token.id });
  const { events } = await callResolver('manager/audit/list', { tokenId: token.id, pageSize: AUDIT_PAGE_SIZE_MAX });
  return { events };
}

export function TokenHistoryDialog({ token, asManager = false, onClose }: { token: TokenView; asManager?: boolean; onClose: () => void }) {
  const { state, shown, reload } = useLatestLoad(() => historyOf(token, asManager), [token.id, asManager]);
  // A token's requests are its owner's (tokens/activity); managers see the events only.
  const requests = useLatestLoad(() => (asManager ? Promise.resolve(undefined) : callResolver('tokens/activity', { id: token.id })), [token.id, asManager]);
  return (
    <Modal onClose={onClose} width="large" testId="token-history-dialog" shouldScrollInViewport>
      <ModalHeader hasCloseButton>
        <ModalTitle>Token details</ModalTitle>
      </ModalHeader>
      <ModalBody>
        <Stack space="space.200">
          <TokenDetails token={token} showOwner={asManager} />
          {state.status === 'failed' ? <ErrorState title="History could not be loaded" error={state.error} onRetry={reload} /> : null}
          {!shown && state.status !== 'failed' ? <LoadingState label="Loading history" /> : null}
          {shown ? (
            <>
              {shown.addresses === undefined ? null : (
                <Heading size="xsmall" as="h3">
                  Last used from
                </Heading>
              )}
              {shown.addresses === undefined ? null : shown.addresses.length === 0 ? (
                <Text>Not used yet.</Text>
              ) : (
                <Box as="ul" xcss={list} testId="token-history-addresses">
                  {shown.addresses.map((seen) => (
                    <li key={seen.address}>
                      <Text>
                        {seen.address}, last seen {formatDateTime(seen.lastSeen)}
                      </Text>
                    </li>
                  ))}
                </Box>
              )}
              <Heading size="xsmall" as="h3">
                History
              </Heading>
              <Box as="ul" xcss={list} testId="token-history-events">
                {shown.events.map((event) => (
                  <li key={event.id}>
                    <Text>
                      {formatDateTime(event.at)}: {describe(event.type, event.detail)}
                      {event.count > 1 ? ` ×${event.count}` : ''}
                      {event.ip ? ` from ${event.ip}` : ''}
                    </Text>
                  </li>
                ))}
              </Box>
            </>
          ) : null}
          {asManager ? null : (
            <>
              <Heading size="xsmall" as="h3">
                Recent requests
              </Heading>
              {requests.state.status === 'failed' ? (
                <ErrorState title="Recent requests could not be loaded" error={requests.state.error} onRetry={requests.reload} />
              ) : requests.shown ? (
                <RecentRequests activity={requests.shown} />
              ) : (
                <LoadingState label="Loading recent requests" />
              )}
            </>
          )}
        </Stack>
      </ModalBody>
      <ModalFooter>
        <Button onClick={onClose}>Close</Button>
      </ModalFooter>
    </Modal>
  );
}
