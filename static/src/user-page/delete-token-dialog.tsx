// Confirm before deleting: deletion cannot be undone and breaks every tool using the token.
import type { TokenView } from '../../../src/contract/tokens';
import { ConfirmDialog } from '../shared/confirm-dialog';
import { callResolver } from '../shared/resolver-client';
import { TokenDetails } from '../shared/token-details';
import { Text } from '@atlaskit/primitives';

export interface DeleteTokenDialogProps {
  token: TokenView;
  onClose: () => void;
  onDeleted: (id: string) => void;
}

export function DeleteTokenDialog({ token, onClose, onDeleted }: DeleteTokenDialogProps) {
  return (
    <ConfirmDialog
      title="Delete this token?"
      confirmLabel="Delete token"
      appearance="danger"
      failureTitle="Token not deleted"
      testId="delete-token-dialog"
      onClose={onClose}
      onConfirm={async () => {
        const { id } = await callResolver('tokens/delete', { id: token.id });
        onDeleted(id);
      }}
    >
      <Text as="p">Tools that use this token stop working at once. This cannot be undone.</Text>
      <TokenDetails token={token} />
    </ConfirmDialog>
  );
}
