// The facts about one token, shown in confirmation dialogs so people can see exactly
// which token they are about to change.
import { Box, Text, xcss } from '@atlaskit/primitives';
import type { TokenView } from '../../../src/contract/tokens';
import { formatDateTime, formatExpiry } from './format';

const grid = xcss({
  display: 'grid',
  gridTemplateColumns: 'max-content 1fr',
  columnGap: 'space.200',
  rowGap: 'space.075',
  marginBlock: 'space.100',
});
const value = xcss({ overflowWrap: 'anywhere', margin: 'space.0' });

export function TokenDetails({ token, showOwner = false }: { token: TokenView; showOwner?: boolean }) {
  const rows: Array<[string, string]> = [
    ...(showOwner ? ([['Owner', token.ownerDisplayName]] as Array<[string, string]>) : []),
    ['Token ID', token.id],
    ['State', token.expired ? 'Expired' : token.active ? 'Active' : 'Inactive'],
    ['Notes', token.notes || 'No notes'],
    ['Created', formatDateTime(token.createdAt)],
    ['Expires', formatExpiry(token.expiresAt)],
    ['Last used', token.lastUsedAt ? `${formatDateTime(token.lastUsedAt)}${token.lastUsedIp ? ` from ${token.lastUsedIp}` : ''}` : 'Never'],
    ['Uses', String(token.useCount)],
    ['Allowed IP addresses', token.allowedIps.length === 0 ? 'Any address' : token.allowedIps.join(', ')],
    ['Projects', token.projectKeys.length === 0 ? 'All projects the owner can browse' : token.projectKeys.join(', ')],
  ];
  return (
    <Box as="dl" xcss={grid} testId="token-details">
      {rows.map(([label, text]) => (
        <DetailRow key={label} label={label} text={text} />
      ))}
    </Box>
  );
}

function DetailRow({ label, text }: { label: string; text: string }) {
  return (
    <>
      <dt>
        <Text weight="semibold">{label}</Text>
      </dt>
      <Box as="dd" xcss={value}>
        <Text>{text}</Text>
      </Box>
    </>
  );
}
