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
  return token.active ? <Lozenge appearance="success">Active</Lozenge> : <Lozenge appearance="default">Inactive</Lozenge>;
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
  return <Text>{formatDateTime(token.createdAt)}</Text>;
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

/** The token's restrictions in a few words: where it may be used from and which projects it reads. */
export function restrictionSummary(token: Pick<TokenView, 'allowedIps' | 'projectKeys'>): { ips: string; projects: string } {
  const ips =
    token.allowedIps.length === 0 ? 'Any IP address' : token.allowedIps.length <= 2 ? token.allowedIps.join(', ') : `${token.allowedIps.length} IP ranges`;
  const projects = token.projectKeys.length === 0 ? 'All projects' : token.projectKeys.join(', ');
  return { ips, projects };
}

export function RestrictionsCell({ token }: { token: TokenView }) {
  const { ips, projects } = restrictionSummary(token);
  const restricted = token.allowedIps.length > 0 || token.projectKeys.length > 0;
  return (
    <Stack space="space.050" testId={`token-restrictions-${token.id}`}>
      <span title={token.allowedIps.join('\n') || undefined}>
        <Text color={restricted ? 'color.text' : 'color.text.subtlest'}>{ips}</Text>
      </span>
      <Text size="small" color="color.text.subtle">
        {projects}
      </Text>
    </Stack>
  );
}
