// The facts about one token, shown in confirmation dialogs so people can see exactly
// which token they are about to change.
import { Box, Text } from '@atlaskit/primitives';
import { displayStateOf, TOKEN_DISPLAY_STATE_FACTS } from '../../../src/contract/token-display-state';
import type { TokenView } from '../../../src/contract/tokens';
import { DefinitionList } from './definition-list';
import { formatDateTime, formatExpiry } from './format';

export function TokenDetails({ token, showOwner = false }: { token: TokenView; showOwner?: boolean }) {
  const rows: Array<[string, string]> = [
    ...(showOwner ? ([['Owner', token.ownerDisplayName]] as Array<[string, string]>) : []),
    ['Token ID', token.id],
    ['State', TOKEN_DISPLAY_STATE_FACTS[displayStateOf(token)].label],
    ['Notes', token.notes || 'No notes'],
    ['Created', formatDateTime(token.createdAt)],
    ['Expires', formatExpiry(token.expiresAt)],
    ['Last used', token.lastUsedAt ? `${formatDateTime(token.lastUsedAt)}${token.lastUsedIp ? ` from ${token.lastUsedIp}` : ''}` : 'Never'],
    ['Uses', String(token.useCount)],
    ['Allowed IP addresses', token.allowedIps.length === 0 ? 'Any address' : token.allowedIps.join(', ')],
    ['Projects', token.projectKeys.length === 0 ? 'All projects the owner can browse' : token.projectKeys.join(', ')],
  ];
  return (
    <Box paddingBlock="space.100">
      <DefinitionList items={rows.map(([label, text]) => ({ term: label, description: <Text>{text}</Text> }))} testId="token-details" />
    </Box>
  );
}
