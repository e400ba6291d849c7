// Confirm before regenerating: the token keeps its id and settings, but its old text stops
// working, so every tool using it needs the new text.
import { Text } from '@atlaskit/primitives';
import type { IssuedToken, TokenView } from '../../../src/contract/tokens';
import { ConfirmDialog } from '../shared/confirm-dialog';
import { callResolver } from '../shared/resolver-client';
import { TokenDetails } from '../shared/token-details';

export interface RegenerateTokenDialogProps {
  token: TokenView;
  onClose: () => void;
  onRegenerated: (issued: IssuedToken) => void;
}

export function RegenerateTokenDialog({ token, onClose, onRegenerated }: RegenerateTokenDialogProps) {
  return (
    <ConfirmDialog
      title="Regenerate this token?"
      confirmLabel="Regenerate"
      appearance="warning"
      failureTitle="Token not regenerated"
      testId="regenerate-token-dialog"
      onClose={onClose}
      onConfirm={async () => onRegenerated(await callResolver('tokens/regenerate', { id: token.id }))}
    >
      <Text as="p">You get new token text with the same settings. The current text stops working at once: update every tool that uses it.</Text>
      <TokenDetails token={token} />
    </ConfirmDialog>
  );
}
