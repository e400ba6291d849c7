// Confirmation for an admin action on someone's token, with the token's details.
import { Text } from '@atlaskit/primitives';
import { ConfirmDialog } from '../shared/confirm-dialog';
import { callResolver } from '../shared/resolver-client';
import { TokenDetails } from '../shared/token-details';
import type { AdminAction } from './admin-action';

export interface AdminTokenDialogProps {
  action: AdminAction;
  onClose: () => void;
  onDone: (message: string) => void;
}

export function AdminTokenDialog({ action, onClose, onDone }: AdminTokenDialogProps) {
  const { token } = action;
  if (action.kind === 'delete') {
    return (
      <ConfirmDialog
        title={`Delete ${token.ownerDisplayName}'s token?`}
        confirmLabel="Delete token"
        appearance="danger"
        failureTitle="Token not deleted"
        testId="admin-delete-dialog"
        onClose={onClose}
        onConfirm={async () => {
          await callResolver('admin/tokens/delete', { id: token.id });
          onDone('Token deleted');
        }}
      >
        <Text as="p">Tools using this token stop working at once. The owner cannot restore it; they can create a new one. This cannot be undone.</Text>
        <TokenDetails token={token} showOwner />
      </ConfirmDialog>
    );
  }
  return (
    <ConfirmDialog
      title={action.active ? `Activate ${token.ownerDisplayName}'s token?` : `Deactivate ${token.ownerDisplayName}'s token?`}
      confirmLabel={action.active ? 'Activate' : 'Deactivate'}
      appearance={action.active ? 'primary' : 'warning'}
      failureTitle={action.active ? 'Token not activated' : 'Token not deactivated'}
      testId="admin-set-active-dialog"
      onClose={onClose}
      onConfirm={async () => {
        await callResolver('admin/tokens/set-active', { id: token.id, active: action.active });
        onDone(action.active ? 'Token activated' : 'Token deactivated');
      }}
    >
      <Text as="p">
        {action.active
          ? 'Requests with this token will be accepted again, until it expires.'
          : 'Requests with this token are refused until a Jira admin or token manager activates it again; the owner cannot reactivate it.'}
      </Text>
      <TokenDetails token={token} showOwner />
    </ConfirmDialog>
  );
}
