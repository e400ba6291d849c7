// A token's details and history: for its owner, what happened to it (newest first) and the
// last five distinct addresses it was used from, with when each was last seen; for a token
// manager (the Token manager tab), the token's events from the manager's audit list, whose
// new-address events name the addresses.
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Modal, { ModalBody, ModalFooter, ModalHeader, ModalTitle } from '@atlaskit/modal-dialog';
import { Box, Stack, Text, xcss } from '@atlaskit/primitives';
import type { AddressSeen, AuditEventView } from '../../../src/contract/audit';
import { AUDIT_PAGE_SIZE_MAX } from '../../../src/contract/audit-events';
import type { TokenView } from '../../../src/contract/tokens';
import { formatDateTime } from '../shared/format';
import { ErrorState, LoadingState } from '../shared/load-states';
import { callResolver } from '../shared/resolver-client';
import { TokenDetails } from '../shared/token-details';
import { useLatestLoad } from '../shared/use-latest-load';

const list = xcss({ margin: 'space.0', paddingInlineStart: 'space.300' });

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
  return (
    <Modal onClose={onClose} width="large" testId="token-history-dialog">
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
        </Stack>
      </ModalBody>
      <ModalFooter>
        <Button onClick={onClose}>Close</Button>
      </ModalFooter>
    </Modal>
  );
}
