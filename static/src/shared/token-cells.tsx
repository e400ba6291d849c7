// Cell contents shared by the user's and the admin's token tables, so both say the same
// thing the same way.
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { TokenView } from '../../../src/contract/tokens';
import { daysUntil, formatDateTime, formatExpiry, formatRelative } from './format';

/** Tokens expiring within this many days get a warning lozenge. */
const EXPIRY_WARNING_DAYS = 30;

const monospace = xcss({ fontFamily: 'font.family.code' });
const notesStyle = xcss({ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' });

export function ActiveCell({ token }: { token: TokenView }) {
  const state = token.active ? (
    <Lozenge appearance="success">Active</Lozenge>
  ) : token.deactivatedBy === 'administrator' ? (
    <Lozenge appearance="removed" testId="deactivated-by-administrator">
      Deactivated by an administrator
    </Lozenge>
  ) : (
    <Lozenge appearance="default">Inactive</Lozenge>
  );
  if (token.allowedByPolicy) return state;
  // The token policy's use groups leave the owner out: refused whatever its switch says.
  return (
    <Stack space="space.050" alignInline="start">
      {state}
      <Lozenge appearance="moved" testId="not-allowed-by-policy">
        Not allowed by policy
      </Lozenge>
    </Stack>
  );
}

export function TokenIdCell({ token }: { token: Pick<TokenView, 'id'> }) {
  // The full id is long; the first block is enough to tell tokens apart, and the whole
  // id is in the tooltip, the accessible name and the token's dialogs.
  return (
    <Box as="span" xcss={monospace}>
      <span title={token.id} aria-label={`Token ID ${token.id}`} data-token-id={token.id}>
        {token.id.slice(0, 8)}
      </span>
    </Box>
  );
}

export function CreatedCell({ token }: { token: TokenView }) {
  if (!token.createdBy) return <Text>{formatDateTime(token.createdAt)}</Text>;
  return (
    <Stack space="space.050">
      <Text>{formatDateTime(token.createdAt)}</Text>
      <Text size="small" color="color.text.subtle" testId="created-by">
        created by {token.createdBy.displayName}
      </Text>
    </Stack>
  );
}

export function ExpiryLozenge({ token, now }: { token: TokenView; now: number }) {
  if (token.expired) return <Lozenge appearance="removed">Expired</Lozenge>;
  const days = daysUntil(token.expiresAt, now);
  if (days > EXPIRY_WARNING_DAYS) return null;
  const label = days <= 0 ? 'Expires today' : days === 1 ? 'Expires in 1 day' : `Expires in ${days} days`;
  return <Lozenge appearance="moved">{label}</Lozenge>;
}

export function ExpiresCell({ token, now }: { token: TokenView; now: number }) {
  return (
    <Stack space="space.050" alignInline="start">
      <Text>{formatExpiry(token.expiresAt)}</Text>
      <ExpiryLozenge token={token} now={now} />
    </Stack>
  );
}

export function LastUsedCell({ token, now }: { token: TokenView; now: number }) {
  if (!token.lastUsedAt) return <Text color="color.text.subtlest">Never</Text>;
  return (
    <Stack space="space.050">
      <span title={formatDateTime(token.lastUsedAt)}>
        <Text>{formatRelative(token.lastUsedAt, now)}</Text>
      </span>
      {token.lastUsedIp ? (
        <Text size="small" color="color.text.subtle">
          from {token.lastUsedIp}
        </Text>
      ) : null}
    </Stack>
  );
}

export function NotesCell({ token }: { token: TokenView }) {
  if (!token.notes) return <Text color="color.text.subtlest">No notes</Text>;
  return (
    <Box xcss={notesStyle}>
      <Text>{token.notes}</Text>
    </Box>
  );
}

export function OwnerCell({ token }: { token: TokenView }) {
  return (
    <Inline space="space.050" alignBlock="center" shouldWrap>
      <Text>{token.ownerDisplayName}</Text>
      {token.ownerActive ? null : <Lozenge appearance="removed">Deactivated user</Lozenge>}
    </Inline>
  );
}
