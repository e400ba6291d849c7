// Cell contents shared by the user's and the admin's token tables, so both say the same
// thing the same way.
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import { useState } from 'react';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import { displayStateOf, TOKEN_DISPLAY_STATE_FACTS } from '../../../src/contract/token-display-state';
import type { TokenView } from '../../../src/contract/tokens';
import { daysUntil, formatDateTime, formatExpiry, formatRelative } from './format';

/** Tokens expiring within this many days get a warning lozenge. */
const EXPIRY_WARNING_DAYS = 30;

const monospace = xcss({ fontFamily: 'font.family.code' });
const notesStyle = xcss({ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' });
// Dates and headers stay on one line: at 800 px they otherwise broke onto three.
const oneLine = xcss({ whiteSpace: 'nowrap' });
/** Notes longer than this, or on several lines, are clamped to three lines with "Show all". */
const NOTES_CLAMP_CHARS = 140;
const clamped = { display: '-webkit-box', WebkitLineClamp: 3, WebkitBoxOrient: 'vertical', overflow: 'hidden' } as const;

/** A column header that does not wrap (a wrapped sortable header also centred its arrow). */
export function HeaderText({ text }: { text: string }) {
  return (
    <Box as="span" xcss={oneLine}>
      {text}
    </Box>
  );
}

// The governance states keep the test ids their e2e tests find them by.
const STATE_TEST_IDS: Partial<Record<ReturnType<typeof displayStateOf>, string>> = {
  'admin-deactivated': 'deactivated-by-administrator',
  'policy-blocked': 'not-allowed-by-policy',
};

/** The token's one State lozenge (src/contract/token-display-state.ts). */
export function StateCell({ token }: { token: TokenView }) {
  const { label, appearance } = TOKEN_DISPLAY_STATE_FACTS[displayStateOf(token)];
  return (
    <span data-token-state={displayStateOf(token)}>
      <Lozenge appearance={appearance} testId={STATE_TEST_IDS[displayStateOf(token)]}>
        {label}
      </Lozenge>
    </span>
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
  return (
    <Stack space="space.050">
      <Box xcss={oneLine}>
        <Text>{formatDateTime(token.createdAt)}</Text>
      </Box>
      {token.createdBy ? (
        <Text size="small" color="color.text.subtle" testId="created-by">
          created by {token.createdBy.displayName}
        </Text>
      ) : null}
    </Stack>
  );
}

/** A warning for tokens close to expiry; an expired token says so in its State lozenge only. */
function ExpiryLozenge({ token, now }: { token: TokenView; now: number }) {
  if (token.expired) return null;
  const days = daysUntil(token.expiresAt, now);
  if (days > EXPIRY_WARNING_DAYS) return null;
  const label = days <= 0 ? 'Expires today' : days === 1 ? 'Expires in 1 day' : `Expires in ${days} days`;
  return <Lozenge appearance="moved">{label}</Lozenge>;
}

export function ExpiresCell({ token, now }: { token: TokenView; now: number }) {
  return (
    <Stack space="space.050" alignInline="start">
      <Box xcss={oneLine}>
        <Text>{formatExpiry(token.expiresAt)}</Text>
      </Box>
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
  const [expanded, setExpanded] = useState(false);
  if (!token.notes) return <Text color="color.text.subtlest">No notes</Text>;
  const long = token.notes.length > NOTES_CLAMP_CHARS || token.notes.split('\n').length > 3;
  return (
    <Stack space="space.050" alignInline="start">
      <Box xcss={notesStyle}>
        <div style={long && !expanded ? clamped : undefined} title={long && !expanded ? token.notes : undefined} data-testid="token-notes">
          <Text>{token.notes}</Text>
        </div>
      </Box>
      {long ? (
        <Button spacing="compact" appearance="subtle" onClick={() => setExpanded(!expanded)} aria-expanded={expanded} testId="token-notes-toggle">
          {expanded ? 'Show less' : 'Show all'}
        </Button>
      ) : null}
    </Stack>
  );
}

export function OwnerCell({ token }: { token: TokenView }) {
  return (
    <Inline space="space.050" alignBlock="center" shouldWrap>
      <Text>{token.ownerDisplayName}</Text>
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
  // Most tokens have none: one short line keeps their rows as low as before the column.
  if (!restricted) {
    return (
      <Box xcss={oneLine} testId={`token-restrictions-${token.id}`}>
        <Text color="color.text.subtlest">None</Text>
      </Box>
    );
  }
  return (
    <Stack space="space.050" testId={`token-restrictions-${token.id}`}>
      <span title={token.allowedIps.join('\n') || undefined}>
        <Text>{ips}</Text>
      </span>
      <Text size="small" color="color.text.subtle">
        {projects}
      </Text>
    </Stack>
  );
}
