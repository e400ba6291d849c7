// The Signing keys tab: the signing keys (kid, created, tokens each signs) with rotate and
// retire (retiring first shows how many tokens stop working, then asks to confirm that
// count), and the emergency "deactivate all tokens" behind a typed confirmation. The
// hygiene settings are on the Policy tab (hygiene-settings-form.tsx).
import Button from '@atlaskit/button/new';
import { DynamicTableStateless } from '@atlaskit/dynamic-table';
import type { HeadType, RowType } from '@atlaskit/dynamic-table/types';
import { Label } from '@atlaskit/form';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import Textfield from '@atlaskit/textfield';
import { useState } from 'react';
import type { RetireKeyResult, SigningKeyView } from '../../../src/contract/audit';
import { DEACTIVATE_ALL_CONFIRMATION } from '../../../src/contract/audit-events';
import { ConfirmDialog } from '../shared/confirm-dialog';
import { showErrorFlag, showSuccessFlag } from '../shared/flags';
import { formatDateTime, pluralise } from '../shared/format';
import { ErrorState } from '../shared/load-states';
import { callResolver } from '../shared/resolver-client';
import { useLatestLoad } from '../shared/use-latest-load';

const monospace = xcss({ fontFamily: 'font.family.code', overflowWrap: 'anywhere' });

const head: HeadType = {
  cells: [
    { key: 'kid', content: 'Key ID', width: 30 },
    { key: 'created', content: 'Created', width: 20 },
    { key: 'tokens', content: 'Tokens signed', width: 15 },
    { key: 'state', content: 'State', width: 15 },
    { key: 'actions', content: '', width: 20 },
  ],
};

function keyRow(key: SigningKeyView, onRetire: (key: SigningKeyView) => void): RowType {
  return {
    key: key.kid,
    testId: `key-row-${key.kid}`,
    cells: [
      {
        key: 'kid',
        content: (
          <Box as="span" xcss={monospace}>
            {key.kid}
          </Box>
        ),
      },
      { key: 'created', content: <Text>{key.createdAt ? formatDateTime(key.createdAt) : '—'}</Text> },
      { key: 'tokens', content: <Text testId="key-token-count">{key.tokenCount}</Text> },
      {
        key: 'state',
        content: key.retired ? (
          <Lozenge appearance="removed">Retired</Lozenge>
        ) : key.current ? (
          <Lozenge appearance="success">Current</Lozenge>
        ) : (
          <Lozenge>Verifies only</Lozenge>
        ),
      },
      {
        key: 'actions',
        content:
          key.retired || key.current ? null : (
            <Button spacing="compact" appearance="danger" onClick={() => onRetire(key)} testId="retire-key">
              Retire…
            </Button>
          ),
      },
    ],
  };
}

type Dialog = { kind: 'none' } | { kind: 'rotate' } | { kind: 'retire'; counted: RetireKeyResult } | { kind: 'deactivate-all' };

function SigningKeys() {
  const [dialog, setDialog] = useState<Dialog>({ kind: 'none' });
  const [confirmation, setConfirmation] = useState('');
  const { state, shown, reload } = useLatestLoad(() => callResolver('admin/keys/list', {}), []);
  const close = () => {
    setDialog({ kind: 'none' });
    setConfirmation('');
  };

  const askRetire = async (key: SigningKeyView) => {
    try {
      // First the count of tokens that will stop working, as it is now.
      setDialog({ kind: 'retire', counted: await callResolver('admin/keys/retire', { kid: key.kid }) });
    } catch (error) {
      showErrorFlag('Key not retired', error);
    }
  };

  return (
    <Stack space="space.200">
      <Inline spread="space-between" alignBlock="center">
        <Heading size="small" as="h2">
          Signing keys
        </Heading>
        <Inline space="space.100">
          <Button onClick={() => setDialog({ kind: 'rotate' })} testId="rotate-key">
            Rotate signing key
          </Button>
          <Button appearance="danger" onClick={() => setDialog({ kind: 'deactivate-all' })} testId="deactivate-all">
            Deactivate all tokens…
          </Button>
        </Inline>
      </Inline>
      <Text color="color.text.subtle">
        The current key signs every new, regenerated and rotated token. Older keys keep verifying their tokens until you retire them.
      </Text>
      {state.status === 'failed' ? (
        <ErrorState title="Signing keys could not be loaded" error={state.error} onRetry={reload} />
      ) : (
        <DynamicTableStateless
          head={head}
          rows={shown ? shown.keys.map((key) => keyRow(key, (chosen) => void askRetire(chosen))) : []}
          isLoading={state.status === 'loading'}
          testId="keys-table"
        />
      )}
      {dialog.kind === 'rotate' ? (
        <ConfirmDialog
          title="Rotate the signing key?"
          confirmLabel="Rotate"
          appearance="warning"
          failureTitle="Signing key not rotated"
          testId="rotate-key-dialog"
          onClose={close}
          onConfirm={async () => {
            await callResolver('admin/keys/rotate', {});
            close();
            reload();
            showSuccessFlag('Signing key rotated', 'New tokens are signed with the new key; existing tokens keep working.');
          }}
        >
          <Text as="p">A new key signs every token issued from now on. Existing tokens keep working until you retire their key.</Text>
        </ConfirmDialog>
      ) : null}
      {dialog.kind === 'retire' ? (
        <ConfirmDialog
          title="Retire this signing key?"
          confirmLabel={`Retire and refuse ${pluralise(dialog.counted.tokenCount, 'token', 'tokens')}`}
          appearance="danger"
          failureTitle="Key not retired"
          testId="retire-key-dialog"
          onClose={close}
          onConfirm={async () => {
            await callResolver('admin/keys/retire', { kid: dialog.counted.kid, confirmCount: dialog.counted.tokenCount });
            close();
            reload();
            showSuccessFlag('Signing key retired', `${pluralise(dialog.counted.tokenCount, 'token', 'tokens')} no longer work.`);
          }}
        >
          <Text as="p" testId="retire-key-count">
            {pluralise(dialog.counted.tokenCount, 'token stops', 'tokens stop')} working at once: scripts using them get 401 until their owners regenerate them.
          </Text>
        </ConfirmDialog>
      ) : null}
      {dialog.kind === 'deactivate-all' ? (
        <ConfirmDialog
          title="Deactivate every token?"
          confirmLabel="Deactivate all tokens"
          appearance="danger"
          failureTitle="Tokens not deactivated"
          testId="deactivate-all-dialog"
          onClose={close}
          onConfirm={async () => {
            // The server checks the typed text and says what to type when it does not match.
            const { deactivated } = await callResolver('admin/tokens/deactivate-all', { confirmation: confirmation as typeof DEACTIVATE_ALL_CONFIRMATION });
            close();
            reload();
            showSuccessFlag(`${pluralise(deactivated, 'token', 'tokens')} deactivated`, 'Owners can reactivate their tokens once it is safe.');
          }}
        >
          <Stack space="space.100">
            <Text as="p">For an emergency: every active token stops working at once. Owners can reactivate them later.</Text>
            <Label htmlFor="deactivate-all-confirmation">Type {DEACTIVATE_ALL_CONFIRMATION} to confirm</Label>
            <Textfield
              id="deactivate-all-confirmation"
              testId="deactivate-all-confirmation"
              value={confirmation}
              onChange={(event) => setConfirmation(event.currentTarget.value)}
              autoComplete="off"
            />
          </Stack>
        </ConfirmDialog>
      ) : null}
    </Stack>
  );
}

export function AdminKeys() {
  return <SigningKeys />;
}
